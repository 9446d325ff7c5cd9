//! Parses the documented reply body many times, for instruction-level profiles:
//! `valgrind --tool=callgrind target/release/examples/profile_parse [baseline]`.

use green_api_webhooks::Webhook;
use green_api_webhooks_bench::{baseline, payload};

fn main() {
    let body = payload("outgoing-message__InteractiveButtonsReply__1.json");
    let use_baseline = std::env::args().nth(1).as_deref() == Some("baseline");
    let mut kept = 0usize;
    for _ in 0..20_000 {
        if use_baseline {
            kept += serde_json::from_slice::<baseline::Webhook>(std::hint::black_box(&body)).is_ok()
                as usize;
        } else {
            kept += Webhook::from_slice(std::hint::black_box(&body)).is_ok() as usize;
        }
    }
    println!("{kept}");
}
