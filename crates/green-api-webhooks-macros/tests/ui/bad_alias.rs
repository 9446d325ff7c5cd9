use green_api_webhooks::Extra;
use green_api_webhooks_macros::Wire;

#[derive(Default, Wire)]
pub struct Press {
    #[wire(rename = "selectedId", mandatory)]
    pub selected_id: Option<String>,
    #[wire(rename = "selectedButtonId", alias_of = "selectedID")]
    pub selected_button_id: Option<String>,
    #[wire(rename = "buttonId", alias_of = "selectedId", mandatory)]
    pub button_id: Option<String>,
    #[wire(extra, alias_of = "selectedId")]
    pub extra: Extra,
}

fn main() {}
