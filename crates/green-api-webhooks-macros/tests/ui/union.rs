use green_api_webhooks_macros::Wire;

#[derive(Wire)]
pub union Number {
    int: i64,
    float: f64,
}

fn main() {}
