use green_api_webhooks::Extra;
use green_api_webhooks_macros::Wire;

// The view reads an alias into its documented field, so both need one type.
#[derive(Default, Wire)]
pub struct Press {
    #[wire(rename = "selectedId", mandatory)]
    pub selected_id: Option<String>,
    #[wire(rename = "selectedButtonId", alias_of = "selectedId")]
    pub selected_button_id: Option<i64>,
    #[wire(extra)]
    pub extra: Extra,
}

fn main() {}
