//! Parses and validates every fixture as one NDJSON batch, for instruction-level profiles:
//! `valgrind --tool=callgrind target/release/examples/profile_ndjson`.

use green_api_webhooks::Webhook;
use green_api_webhooks_bench::ndjson_of_all_fixtures;

fn main() {
    let batch = ndjson_of_all_fixtures();
    let mut valid = 0usize;
    for _ in 0..200 {
        for line in batch.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            valid += Webhook::from_slice(std::hint::black_box(line))
                .is_ok_and(|w| w.validate().is_valid()) as usize;
        }
    }
    println!("{valid}");
}
