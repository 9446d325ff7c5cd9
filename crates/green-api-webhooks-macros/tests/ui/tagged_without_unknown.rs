use green_api_webhooks_macros::Wire;

#[derive(Wire)]
#[wire(tag = "typeMessage")]
pub enum MessageData {
    #[wire(rename = "textMessage")]
    Text(String),
}

fn main() {}
