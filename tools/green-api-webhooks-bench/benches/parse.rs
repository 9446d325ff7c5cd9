//! `cargo xtask bench` runs this and prints the table with ratios to the baseline.
//! Names are `<body>/<implementation>`; the baseline of each body is `baseline`.

use divan::{Bencher, black_box};
use green_api_webhooks::Webhook;
use green_api_webhooks_bench::{baseline, ndjson_of_all_fixtures, payload};

fn main() {
    divan::main();
}

const REPLY: &str = "outgoing-message__InteractiveButtonsReply__1.json";
const PRESS: &str = "outgoing-message__InteractiveButtonsReply__2.json";

macro_rules! body_benches {
    ($module:ident, $file:expr) => {
        mod $module {
            use super::*;

            fn body() -> Vec<u8> {
                payload($file)
            }

            #[divan::bench]
            fn baseline(bencher: Bencher) {
                let body = body();
                bencher.bench(|| {
                    serde_json::from_slice::<baseline::Webhook>(black_box(&body))
                        .map(|w| black_box(w).timestamp)
                        .ok()
                });
            }

            #[divan::bench]
            fn serde_json_value(bencher: Bencher) {
                let body = body();
                bencher.bench(|| {
                    serde_json::from_slice::<serde_json::Value>(black_box(&body))
                        .map(black_box)
                        .is_ok()
                });
            }

            #[divan::bench]
            fn sonic_rs_value(bencher: Bencher) {
                let body = body();
                bencher.bench(|| {
                    sonic_rs::from_slice::<sonic_rs::Value>(black_box(&body))
                        .map(black_box)
                        .is_ok()
                });
            }

            #[divan::bench]
            fn generated_parse(bencher: Bencher) {
                let body = body();
                bencher.bench(|| Webhook::from_slice(black_box(&body)).map(black_box).is_ok());
            }

            /// Through serde, as `serde_json::from_slice` and axum's `Json` extractor read it.
            #[divan::bench]
            fn generated_serde_entry(bencher: Bencher) {
                let body = body();
                bencher.bench(|| {
                    serde_json::from_slice::<Webhook>(black_box(&body))
                        .map(black_box)
                        .is_ok()
                });
            }

            #[divan::bench]
            fn generated_parse_validate(bencher: Bencher) {
                let body = body();
                bencher.bench(|| {
                    Webhook::from_slice(black_box(&body))
                        .map(|w| black_box(w.validate()).is_valid())
                        .ok()
                });
            }

            #[divan::bench]
            fn generated_validate_only(bencher: Bencher) {
                let webhook = Webhook::from_slice(&body()).expect("documented body parses");
                bencher.bench(|| black_box(&webhook).validate().is_valid());
            }

            #[divan::bench]
            fn baseline_serialize(bencher: Bencher) {
                let value: baseline::Webhook =
                    serde_json::from_slice(&body()).expect("documented body parses");
                bencher.bench(|| serde_json::to_vec(black_box(&value)).map(black_box).is_ok());
            }

            #[divan::bench]
            fn generated_serialize(bencher: Bencher) {
                let webhook = Webhook::from_slice(&body()).expect("documented body parses");
                bencher.bench(|| {
                    serde_json::to_vec(black_box(&webhook))
                        .map(black_box)
                        .is_ok()
                });
            }
        }
    };
}

body_benches!(reply, REPLY);
body_benches!(press, PRESS);

/// Every fixture as one NDJSON batch: bodies per second over all variants. The baseline model
/// only knows two variants, so its batch is `serde_json::Value`, the nearest thing a developer
/// would write for any body.
mod ndjson {
    use super::*;

    #[divan::bench]
    fn baseline(bencher: Bencher) {
        let batch = ndjson_of_all_fixtures();
        bencher
            .counter(divan::counter::ItemsCount::new(
                batch
                    .split(|&b| b == b'\n')
                    .filter(|l| !l.is_empty())
                    .count(),
            ))
            .bench(|| {
                batch
                    .split(|&b| b == b'\n')
                    .filter(|l| !l.is_empty())
                    .filter(|line| serde_json::from_slice::<serde_json::Value>(line).is_ok())
                    .count()
            });
    }

    #[divan::bench]
    fn generated_parse_validate(bencher: Bencher) {
        let batch = ndjson_of_all_fixtures();
        bencher
            .counter(divan::counter::ItemsCount::new(
                batch
                    .split(|&b| b == b'\n')
                    .filter(|l| !l.is_empty())
                    .count(),
            ))
            .bench(|| {
                batch
                    .split(|&b| b == b'\n')
                    .filter(|l| !l.is_empty())
                    .filter_map(|line| Webhook::from_slice(line).ok())
                    .filter(|w| w.validate().is_valid())
                    .count()
            });
    }
}
