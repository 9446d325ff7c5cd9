//! Validating a valid body allocates nothing: paths become strings only when an issue is
//! reported. Checked with a counting allocator over every fixture that validates cleanly.

#[path = "common/counting.rs"]
mod counting;

use counting::allocations;
use green_api_webhooks::Webhook;

#[test]
fn validating_a_clean_body_allocates_nothing() {
    let mut checked = 0;
    for (name, body) in green_api_webhooks_fixtures::bodies() {
        let Ok(webhook) = Webhook::from_slice(&body) else {
            continue;
        };
        if !webhook.validate().is_clean() {
            continue;
        }
        let before = allocations();
        let report = webhook.validate();
        let after = allocations();
        assert!(report.is_clean());
        assert_eq!(
            after - before,
            0,
            "{name}: validate() allocated {} times",
            after - before
        );
        checked += 1;
    }
    assert!(checked > 50, "only {checked} clean fixtures");

    // The counter does count: parsing a body allocates its strings.
    let body = green_api_webhooks_fixtures::payload_text(
        "outgoing-message__InteractiveButtonsReply__1.json",
    );
    let before = allocations();
    let webhook = Webhook::from_str(&body).expect("documented body parses");
    assert!(allocations() > before);
    drop(webhook);
}
