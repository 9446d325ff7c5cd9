//! Building a checked view allocates nothing and copies no string: it only borrows from the
//! parsed body, and array items are viewed as they are read. Checked with a counting allocator
//! over every fixture that has a view, reading the whole view (every field, every array item)
//! through `Debug` into a writer that keeps nothing.

#[path = "common/counting.rs"]
mod counting;

use std::fmt::Write as _;

use counting::allocations;
use green_api_webhooks::Webhook;

/// Counts the bytes written to it and keeps none of them.
struct Discard(usize);

impl std::fmt::Write for Discard {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

#[test]
fn building_and_reading_a_view_allocates_nothing() {
    let mut checked = 0;
    for (name, body) in green_api_webhooks_fixtures::bodies() {
        let webhook = Webhook::from_slice(&body).expect("fixtures are JSON objects");
        let clean = webhook.validate().is_clean();

        let before = allocations();
        let view = webhook.view();
        let mut sink = Discard(0);
        if let Some(view) = &view {
            write!(sink, "{view:?}").expect("the sink takes everything");
        }
        let after = allocations();

        if clean {
            assert!(view.is_some(), "{name}: a clean body has a view");
        }
        if view.is_none() {
            continue;
        }
        assert!(sink.0 > 100, "{name}: the whole view was read");
        assert_eq!(
            after - before,
            0,
            "{name}: building and reading the view allocated {} times",
            after - before
        );
        checked += 1;
    }
    assert!(checked > 60, "only {checked} fixtures have a view");

    // The counter does count: the same reading into a `String` allocates.
    let body = green_api_webhooks_fixtures::file("constructed/interactive-buttons.json");
    let webhook = Webhook::from_slice(&body).expect("a JSON object");
    let before = allocations();
    let view = webhook.view().expect("a complete body");
    let text = format!("{view:?}");
    assert!(allocations() > before);
    assert!(text.contains("ButtonView"));
}
