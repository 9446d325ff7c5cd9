use green_api_webhooks::UnknownObject;
use green_api_webhooks_macros::Wire;

#[derive(Wire)]
#[wire(tag = "typeMessage")]
pub enum MessageData {
    #[wire(rename = "textMessage")]
    Text { text: String },
    #[wire(unknown)]
    Unknown(UnknownObject),
}

fn main() {}
