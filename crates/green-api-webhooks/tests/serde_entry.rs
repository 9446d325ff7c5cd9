//! The two roads into a `Webhook` give one result: `Webhook::from_slice` (the crate's reader)
//! and serde's entry points over every deserializer serde_json has (borrowed text, a reader
//! that owns each string, a `Value`), for every fixture and regression, with its keys in
//! the documented order and sorted (so that the tags come after the other keys).

use green_api_webhooks::Webhook;
use serde_json::Value;

fn bodies() -> Vec<(String, Vec<u8>)> {
    let mut bodies = green_api_webhooks_fixtures::bodies();
    bodies.extend(green_api_webhooks_fixtures::regressions());
    bodies
}

#[test]
fn every_entry_point_reads_the_same_webhook() {
    let mut compared = 0;
    for (name, body) in bodies() {
        let Ok(value) = serde_json::from_slice::<Value>(strip_bom(&body)) else {
            continue;
        };
        if !value.is_object() {
            continue;
        }
        // `Value` keeps its keys sorted, so its text has the tags after the keys before them.
        let sorted = value.to_string();
        for (order, text) in [
            ("documented", strip_bom(&body)),
            ("sorted", sorted.as_bytes()),
        ] {
            let Ok(read) = Webhook::from_slice(text) else {
                panic!("{name} ({order} keys): an object always parses");
            };
            let borrowed: Webhook = serde_json::from_slice(text)
                .unwrap_or_else(|e| panic!("{name} ({order} keys), from_slice: {e}"));
            let owned: Webhook = serde_json::from_reader(text)
                .unwrap_or_else(|e| panic!("{name} ({order} keys), from_reader: {e}"));
            assert_eq!(
                borrowed, read,
                "{name} ({order} keys): from_slice through serde"
            );
            assert_eq!(owned, read, "{name} ({order} keys): from_reader");
        }
        let from_value: Webhook =
            serde_json::from_value(value).unwrap_or_else(|e| panic!("{name}, from_value: {e}"));
        assert_eq!(
            Some(from_value),
            Webhook::from_slice(strip_bom(&body)).ok(),
            "{name}: from_value"
        );
        compared += 1;
    }
    assert!(compared > 60, "only {compared} bodies compared");
}

/// A syntax error reads the same through both roads: serde_json's message, line and column.
#[test]
fn syntax_errors_are_serde_json_s() {
    for text in [
        "{\"typeWebhook\": ",
        "{\"a\": [1, 2,]}",
        "{\"a\": \"\\ud800\"}",
        "[1] x",
    ] {
        let ours = Webhook::from_str(text).expect_err("not JSON").to_string();
        let serde = serde_json::from_str::<Value>(text)
            .expect_err("not JSON")
            .to_string();
        let (message, _) = serde
            .rsplit_once(" at line ")
            .expect("serde_json names the line");
        assert!(ours.contains(message), "{text:?}: {ours} / {serde}");
    }
}

fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}
