//! Parses and validates every fixture as one NDJSON batch, for instruction-level profiles:
//! `valgrind --tool=callgrind target/release/examples/profile_ndjson [value]`.

use green_api_webhooks::Webhook;
use green_api_webhooks_bench::ndjson_of_all_fixtures;

fn main() {
    let batch = ndjson_of_all_fixtures();
    // `value`: the baseline of the NDJSON benchmark, `serde_json::Value`.
    let as_value = std::env::args().nth(1).as_deref() == Some("value");
    let mut valid = 0usize;
    for _ in 0..200 {
        for line in batch.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let line = std::hint::black_box(line);
            valid += if as_value {
                serde_json::from_slice::<serde_json::Value>(line).is_ok() as usize
            } else {
                Webhook::from_slice(line).is_ok_and(|w| w.validate().is_valid()) as usize
            };
        }
    }
    println!("{valid}");
}
