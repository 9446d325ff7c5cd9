//! Every documented body in `fixtures/payloads/` parses to its typed variant, validates, and
//! serializes back to the same JSON value. Snapshots show the typed value and the report.

use std::collections::{BTreeMap, BTreeSet};

use green_api_webhooks::{MessageData, Product, Report, StringOrInteger, Webhook};

fn parse(name: &str) -> (Webhook, serde_json::Value) {
    let text = green_api_webhooks_tests::payload(name);
    let webhook = Webhook::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text).expect("fixtures are JSON");
    (webhook, value)
}

/// Documented examples the spec marks as wrong, with the reason.
fn bad_examples() -> BTreeMap<String, String> {
    let spec = green_api_webhooks_tests::spec();
    spec.bad_examples()
        .map(|b| (b.payload.clone(), b.reason.clone()))
        .collect()
}

/// The report under the rules of the product a fixture's name gives (`waba__….json`), else
/// under those of the product its body names: WABA bodies say `whatsapp`, so only the name
/// tells them apart.
fn report(name: &str, webhook: &Webhook) -> Report {
    let named = name.split_once("__").and_then(|(prefix, _)| {
        Product::ALL
            .iter()
            .copied()
            .find(|product| product.name().eq_ignore_ascii_case(prefix))
    });
    match named {
        Some(product) => webhook.validate_as(product),
        None => webhook.validate(),
    }
}

fn is_known(webhook: &Webhook) -> bool {
    webhook.is_known() && webhook.message_data().is_none_or(MessageData::is_known)
}

#[test]
fn every_fixture_parses_validates_and_round_trips() {
    let bad = bad_examples();
    insta::glob!("../fixtures", "*/*.json", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("fixture names are UTF-8");
        let text = std::fs::read_to_string(path).expect("fixture is readable");
        let webhook = Webhook::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = report(name, &webhook);
        let original: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
        let round_trip: serde_json::Value =
            serde_json::from_str(&webhook.to_json()).expect("output is JSON");
        assert_eq!(
            round_trip, original,
            "{name}: serialize(parse(body)) must equal the body"
        );
        let verdict = match bad.get(name) {
            Some(reason) => format!("known-bad documentation: {reason}"),
            None => {
                assert!(
                    is_known(&webhook),
                    "{name}: parsed to a catch-all: {:?} / {:?}",
                    webhook.tag(),
                    webhook.message_data().and_then(MessageData::tag)
                );
                assert!(report.is_valid(), "{name}: {report}");
                "typed and valid".to_owned()
            }
        };
        insta::assert_snapshot!(format!("{verdict}\nreport: {report}\n\n{webhook:#?}"));
    });
}

#[test]
fn every_spec_variant_has_a_fixture() {
    let bad = bad_examples();
    let spec = green_api_webhooks_tests::spec();
    let mut type_webhooks = BTreeSet::new();
    let mut type_messages = BTreeSet::new();
    for (name, body) in green_api_webhooks_tests::fixtures() {
        if bad.contains_key(&name) {
            continue;
        }
        let webhook = Webhook::from_slice(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        type_webhooks.extend(webhook.tag().map(str::to_owned));
        type_messages.extend(
            webhook
                .message_data()
                .and_then(MessageData::tag)
                .map(str::to_owned),
        );
    }
    let missing: Vec<String> = spec
        .webhooks()
        .filter(|w| !type_webhooks.contains(&w.type_webhook))
        .map(|w| format!("typeWebhook {} ({})", w.type_webhook, w.loc))
        .chain(
            spec.messages()
                .filter(|m| !type_messages.contains(&m.type_message))
                .map(|m| format!("typeMessage {} ({})", m.type_message, m.loc)),
        )
        .collect();
    assert!(
        missing.is_empty(),
        "spec variants without a valid fixture:\n{}",
        missing.join("\n")
    );
}

#[test]
fn documented_reply_is_typed_under_outgoing_api_message() {
    let (webhook, _) = parse("outgoing-message__InteractiveButtonsReply__1.json");
    let Webhook::OutgoingApiMessageReceived(body) = &webhook else {
        panic!(
            "expected outgoingAPIMessageReceived, got {:?}",
            webhook.tag()
        );
    };
    let Some(MessageData::InteractiveButtonsReply(message)) = &body.message_data else {
        panic!(
            "expected interactiveButtonsReply, got {:?}",
            body.message_data
        );
    };
    let data = message
        .interactive_buttons_reply
        .as_ref()
        .expect("data object is typed");
    assert_eq!(data.title_text.as_deref(), Some("Header text"));
    let buttons = data.buttons.as_ref().expect("buttons are typed");
    assert_eq!(buttons.len(), 3);
    assert_eq!(buttons[1].button_id.as_deref(), Some("2"));
    assert_eq!(buttons[1].kind, Some(green_api_webhooks::ButtonType::Reply));
    assert!(
        webhook.validate().issues.is_empty(),
        "{}",
        webhook.validate()
    );
}

#[test]
fn documented_press_is_typed_under_outgoing_message() {
    let (webhook, _) = parse("outgoing-message__InteractiveButtonsReply__2.json");
    let Webhook::OutgoingMessageReceived(body) = &webhook else {
        panic!("expected outgoingMessageReceived, got {:?}", webhook.tag());
    };
    let Some(MessageData::InteractiveButtonsResponse(message)) = &body.message_data else {
        panic!(
            "expected interactiveButtonsResponse, got {:?}",
            body.message_data
        );
    };
    let data = message
        .interactive_buttons_response
        .as_ref()
        .expect("data object is typed");
    assert_eq!(data.selected_index, Some(StringOrInteger::Integer(0)));
    assert_eq!(data.selected_id, Some(StringOrInteger::from("1")));
    assert_eq!(
        body.id_message.as_deref(),
        Some("C0CD39BB261589D5C98412D255CD000B")
    );
    assert!(
        webhook.validate().issues.is_empty(),
        "{}",
        webhook.validate()
    );
}

#[test]
fn data_key_before_type_message_parses_the_same() {
    // Green-API writes typeMessage first; a body that does not must give the same typed value.
    let (webhook, value) = parse("outgoing-message__InteractiveButtonsReply__1.json");
    let data = &value["messageData"]["interactiveButtonsReply"];
    let reordered = format!(
        r#"{{"messageData": {{"interactiveButtonsReply": {data}, "typeMessage": "interactiveButtonsReply"}}, "typeWebhook": "outgoingAPIMessageReceived", "instanceData": {}, "timestamp": 1749560558, "idMessage": "BAE5A7BA6D6E28EB", "senderData": {}}}"#,
        value["instanceData"], value["senderData"]
    );
    let reparsed = Webhook::from_str(&reordered).expect("reordered body parses");
    assert_eq!(reparsed, webhook);
}
