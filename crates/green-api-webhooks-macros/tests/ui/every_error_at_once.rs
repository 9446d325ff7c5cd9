use green_api_webhooks::Extra;
use green_api_webhooks_macros::Wire;

// Three independent mistakes: all three are reported, and nothing else.
#[derive(Default, Wire)]
pub struct Button {
    #[wire(rename = "")]
    pub button_id: Option<String>,
    pub button_text: Option<String>,
    #[wire(rename = "type")]
    pub kind: String,
    #[wire(extra)]
    pub extra: Extra,
}

fn main() {}
