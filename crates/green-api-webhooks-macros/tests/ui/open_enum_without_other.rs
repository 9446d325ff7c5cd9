use green_api_webhooks_macros::Wire;

#[derive(Wire)]
pub enum ButtonType {
    #[wire(rename = "reply")]
    Reply,
    #[wire(unknown)]
    Url,
}

fn main() {}
