//! A bounded fuzz run, as part of every test run: mutated fixtures and spec-generated bodies
//! must never panic, and every body that parses must round-trip. `cargo xtask fuzz --seconds N`
//! runs the same fuzzer for longer and keeps what it finds in `fixtures/regressions/`.

use green_api_webhooks_fuzz::{BodyGenerator, Budget, run};

#[test]
fn bounded_fuzz_run_finds_nothing() {
    let corpus: Vec<Vec<u8>> = green_api_webhooks_tests::fixtures()
        .into_iter()
        .map(|(_, body)| body)
        .collect();
    let generator = BodyGenerator::new(&green_api_webhooks_tests::spec());
    let outcome = run(&corpus, &generator, 0x5eed, Budget::Executions(20_000));
    assert_eq!(outcome.executions, 20_000);
    let failures: Vec<String> = outcome
        .failures
        .iter()
        .map(|(input, failure)| format!("{failure}: {}", String::from_utf8_lossy(input)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn saved_regressions_stay_fixed() {
    for (name, body) in green_api_webhooks_fixtures::regressions() {
        if let Err(failure) = green_api_webhooks_fuzz::check(&body) {
            panic!("regressions/{name}: {failure}");
        }
    }
}
