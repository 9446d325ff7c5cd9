use green_api_webhooks_macros::Wire;

#[derive(Wire)]
pub enum ButtonType {
    #[wire(rename = "reply")]
    Reply,
    #[wire(rename = "reply")]
    Answer,
    Url,
    #[wire(other)]
    Other(String),
}

fn main() {}
