//! Broken variants of the two documented bodies: each report is a snapshot named after its
//! case, and every body that parses still serializes back to exactly what came in.

use green_api_webhooks::Webhook;
use green_api_webhooks_fixtures::{payload_text as payload, with_value as with};
use serde_json::{Value, json};

const REPLY: &str = "outgoing-message__InteractiveButtonsReply__1.json";
const PRESS: &str = "outgoing-message__InteractiveButtonsReply__2.json";
const BUTTONS: &str = "/messageData/interactiveButtonsReply/buttons";

fn body(name: &str) -> Value {
    serde_json::from_str(&payload(name)).expect("fixtures are JSON")
}

/// The report for a body, or its parse error; checks the lossless round trip on the way.
fn outcome(text: &str) -> String {
    match Webhook::from_str(text) {
        Err(error) => format!("parse error: {error}"),
        Ok(webhook) => {
            let original: Value = serde_json::from_str(text).expect("a parsed body is JSON");
            let written: Value = serde_json::from_str(&webhook.to_json()).expect("output is JSON");
            assert_eq!(
                written, original,
                "serialize(parse(body)) must equal the body"
            );
            let known = if webhook.is_known() && webhook.message_data().is_none_or(|m| m.is_known())
            {
                "known"
            } else {
                "unknown"
            };
            format!(
                "{known}, {}\n{}",
                if webhook.validate().is_valid() {
                    "valid"
                } else {
                    "invalid"
                },
                webhook.validate()
            )
        }
    }
}

fn cases() -> Vec<(&'static str, String)> {
    let reply = || body(REPLY);
    let press = || body(PRESS);
    let b = |v: Value| v.to_string();
    let mut two_data_keys = press();
    two_data_keys["messageData"]["interactiveButtonsReply"] =
        reply()["messageData"]["interactiveButtonsReply"].clone();
    let reply_text = payload(REPLY);
    vec![
        (
            "button_type_not_documented",
            b(with(
                reply(),
                &format!("{BUTTONS}/1/type"),
                Some(json!("submit")),
            )),
        ),
        (
            "button_id_is_integer",
            b(with(
                reply(),
                &format!("{BUTTONS}/0/buttonId"),
                Some(json!(1)),
            )),
        ),
        (
            "button_is_not_an_object",
            b(with(reply(), &format!("{BUTTONS}/2"), Some(json!(3)))),
        ),
        (
            "button_has_unknown_field",
            b(with(
                reply(),
                &format!("{BUTTONS}/0/color"),
                Some(json!("green")),
            )),
        ),
        (
            "button_text_is_null",
            b(with(
                reply(),
                &format!("{BUTTONS}/0/buttonText"),
                Some(Value::Null),
            )),
        ),
        ("buttons_missing", b(with(reply(), BUTTONS, None))),
        (
            "buttons_is_a_string",
            b(with(reply(), BUTTONS, Some(json!("none")))),
        ),
        (
            "content_text_missing",
            b(with(
                reply(),
                "/messageData/interactiveButtonsReply/contentText",
                None,
            )),
        ),
        (
            "data_object_is_an_array",
            b(with(
                reply(),
                "/messageData/interactiveButtonsReply",
                Some(json!([])),
            )),
        ),
        (
            "timestamp_is_a_string",
            b(with(reply(), "/timestamp", Some(json!("1749560558")))),
        ),
        (
            "timestamp_is_a_float",
            b(with(reply(), "/timestamp", Some(json!(1749560558.5)))),
        ),
        (
            "id_instance_out_of_range",
            reply_text.replace("9903183013", "18446744073709551615"),
        ),
        (
            "instance_data_missing",
            b(with(reply(), "/instanceData", None)),
        ),
        (
            "sender_data_is_null",
            b(with(reply(), "/senderData", Some(Value::Null))),
        ),
        (
            "message_data_is_an_array",
            b(with(reply(), "/messageData", Some(json!([1, 2])))),
        ),
        (
            "type_message_unknown",
            b(with(
                reply(),
                "/messageData/typeMessage",
                Some(json!("carouselMessage")),
            )),
        ),
        (
            "type_message_missing",
            b(with(reply(), "/messageData/typeMessage", None)),
        ),
        (
            "type_message_is_a_number",
            b(with(reply(), "/messageData/typeMessage", Some(json!(5)))),
        ),
        (
            "type_message_does_not_match_data_key",
            b(with(
                press(),
                "/messageData/typeMessage",
                Some(json!("interactiveButtonsReply")),
            )),
        ),
        ("two_data_keys", b(two_data_keys)),
        (
            "type_webhook_unknown",
            b(with(
                press(),
                "/typeWebhook",
                Some(json!("incomingCallReceived")),
            )),
        ),
        (
            "type_webhook_missing",
            b(with(press(), "/typeWebhook", None)),
        ),
        (
            "selected_index_is_a_boolean",
            b(with(
                press(),
                "/messageData/interactiveButtonsResponse/selectedIndex",
                Some(json!(true)),
            )),
        ),
        (
            "stanza_id_missing",
            b(with(
                press(),
                "/messageData/interactiveButtonsResponse/stanzaId",
                None,
            )),
        ),
        ("top_level_is_an_array", "[1, 2]".to_owned()),
        (
            "top_level_is_a_string",
            "\"incomingMessageReceived\"".to_owned(),
        ),
        ("truncated", reply_text[..reply_text.len() / 2].to_owned()),
        ("empty", String::new()),
        (
            "trailing_garbage",
            format!("{} }}", payload(PRESS).trim_end()),
        ),
    ]
}

#[test]
fn broken_bodies_are_reported_precisely() {
    let cases = cases();
    assert!(cases.len() >= 15);
    for (name, text) in cases {
        insta::assert_snapshot!(name, outcome(&text));
    }
}
