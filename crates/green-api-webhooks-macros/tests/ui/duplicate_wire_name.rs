use green_api_webhooks::Extra;
use green_api_webhooks_macros::Wire;

#[derive(Default, Wire)]
pub struct Button {
    #[wire(rename = "buttonId")]
    pub button_id: Option<String>,
    #[wire(rename = "buttonId")]
    pub id: Option<String>,
    #[wire(extra)]
    pub extra: Extra,
}

fn main() {}
