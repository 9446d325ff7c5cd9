//! Every documented body in `fixtures/payloads/` parses to its typed variant, validates, and
//! serializes back to the same JSON value. Snapshots show the typed value and the report.

use green_api_webhooks::{MessageData, Webhook};

fn parse(name: &str) -> (Webhook, serde_json::Value) {
    let text = green_api_webhooks_tests::payload(name);
    let webhook = Webhook::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text).expect("fixtures are JSON");
    (webhook, value)
}

#[test]
fn every_fixture_parses_validates_and_round_trips() {
    insta::glob!("fixtures/payloads/*.json", |path| {
        let text = std::fs::read_to_string(path).expect("fixture is readable");
        let webhook = Webhook::from_str(&text).expect("fixture parses");
        let report = webhook.validate();
        let original: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
        let round_trip: serde_json::Value =
            serde_json::from_str(&webhook.to_json()).expect("output is JSON");
        assert_eq!(
            round_trip, original,
            "serialize(parse(body)) must equal the body"
        );
        insta::assert_snapshot!(format!("report: {report}\n\n{webhook:#?}"));
    });
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
    assert_eq!(data.selected_index, Some(0));
    assert_eq!(data.selected_id.as_deref(), Some("1"));
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
