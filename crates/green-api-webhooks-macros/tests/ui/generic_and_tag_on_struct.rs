use green_api_webhooks::Extra;
use green_api_webhooks_macros::Wire;

#[derive(Default, Wire)]
#[wire(tag = "typeMessage")]
pub struct Holder<T> {
    #[wire(rename = "value")]
    pub value: Option<T>,
    #[wire(extra)]
    pub extra: Extra,
}

fn main() {}
