use green_api_webhooks::Extra;
use green_api_webhooks_macros::Wire;

#[derive(Default, Wire)]
pub struct Button {
    #[wire(extra)]
    pub extra: Extra,
    #[wire(extra)]
    pub more: Extra,
}

fn main() {}
