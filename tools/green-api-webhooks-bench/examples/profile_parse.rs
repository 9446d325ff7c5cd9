//! Parses a documented body many times, for instruction-level profiles:
//! `valgrind --tool=callgrind target/release/examples/profile_parse [baseline|generated] [BODY]`,
//! where BODY is a file name in `fixtures/payloads/` (the interactive-buttons reply by default).

use green_api_webhooks::Webhook;
use green_api_webhooks_bench::{baseline, payload};

fn main() {
    let use_baseline = std::env::args().nth(1).as_deref() == Some("baseline");
    let body = payload(
        &std::env::args()
            .nth(2)
            .unwrap_or_else(|| "outgoing-message__InteractiveButtonsReply__1.json".to_owned()),
    );
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
