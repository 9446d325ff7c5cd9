//! The hostile-input catalogue: bodies a public webhook URL may receive by accident or malice.
//! None may panic, hang or blow up memory; each gets a precise report (a JSON Pointer for
//! problems inside the body, line and column for syntax errors), snapshotted per case. Every
//! body that parses must serialize back to the same JSON value.

use green_api_webhooks::{Limits, ParseOptions, Webhook};
use green_api_webhooks_fixtures::{payload_text as payload, with_value};
use serde_json::{Value, json};

const REPLY: &str = "outgoing-message__InteractiveButtonsReply__1.json";
const PRESS: &str = "outgoing-message__InteractiveButtonsReply__2.json";

fn compact(name: &str) -> String {
    let value: Value = serde_json::from_str(&payload(name)).expect("fixtures are JSON");
    value.to_string()
}

/// The outcome of parsing and validating `body`: what a person debugging it needs to see.
fn outcome_with(body: &[u8], options: &ParseOptions) -> String {
    match Webhook::from_slice_with(body, options) {
        Err(error) => format!("rejected: {error}"),
        Ok(webhook) => {
            let original: Value =
                serde_json::from_slice(strip_bom(body)).expect("a parsed body is JSON");
            let written: Value = serde_json::from_str(&webhook.to_json()).expect("output is JSON");
            assert!(
                written == original,
                "serialize(parse(body)) must equal the body"
            );
            let report = webhook.validate();
            let known = webhook.is_known() && webhook.message_data().is_none_or(|m| m.is_known());
            format!(
                "parsed: {}, {}\n{report}",
                if known { "known" } else { "unknown" },
                if report.is_valid() {
                    "valid"
                } else {
                    "invalid"
                }
            )
        }
    }
}

fn outcome(body: &[u8]) -> String {
    outcome_with(body, &ParseOptions::default())
}

fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}

/// Every `(pointer, value)` in a body, depth first.
fn paths(value: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
    if !pointer.is_empty() {
        out.push((pointer.clone(), value.clone()));
    }
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| paths(v, format!("{pointer}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| paths(v, format!("{pointer}/{i}"), out)),
        _ => {}
    }
}

/// A value of another JSON type than `value`.
fn wrong_type(value: &Value) -> Value {
    match value {
        Value::String(_) => json!(7),
        Value::Number(_) => json!("7"),
        Value::Bool(_) => json!("true"),
        Value::Null => json!({}),
        Value::Array(_) => json!({"0": 1}),
        Value::Object(_) => json!(["object expected"]),
    }
}

fn snapshot_name(prefix: &str, pointer: &str) -> String {
    format!("{prefix}{}", pointer.replace('/', "__"))
}

#[test]
fn wrong_json_type_at_every_level_of_real_bodies() {
    let mut count = 0;
    for (prefix, name) in [("wrong_type__reply", REPLY), ("wrong_type__press", PRESS)] {
        let body: Value = serde_json::from_str(&payload(name)).expect("fixtures are JSON");
        let mut all = Vec::new();
        paths(&body, String::new(), &mut all);
        for (pointer, value) in all {
            let broken = with_value(body.clone(), &pointer, Some(wrong_type(&value)));
            insta::assert_snapshot!(
                snapshot_name(prefix, &pointer),
                outcome(broken.to_string().as_bytes())
            );
            count += 1;
        }
    }
    assert!(count >= 50, "{count} cases");
}

#[test]
fn truncated_at_every_depth() {
    let body = compact(REPLY);
    // Cut right after every opening bracket and in the middle of every string's first half.
    let cuts: Vec<usize> = body
        .char_indices()
        .filter(|&(_, c)| c == '{' || c == '[')
        .map(|(i, _)| i + 1)
        .chain([body.len() / 3, body.len() / 2, body.len() - 1])
        .collect();
    for cut in cuts {
        insta::assert_snapshot!(
            format!("truncated_at_{cut:03}"),
            outcome(&body.as_bytes()[..cut])
        );
    }
}

fn reply_with(pointer: &str, value: Value) -> Vec<u8> {
    let body: Value = serde_json::from_str(&payload(REPLY)).expect("fixtures are JSON");
    with_value(body, pointer, Some(value))
        .to_string()
        .into_bytes()
}

/// Cases written out one by one: `(name, body)`.
fn catalogue() -> Vec<(&'static str, Vec<u8>)> {
    let reply = compact(REPLY);
    let press = compact(PRESS);
    let tail = |s: &str| s[1..].to_owned();
    let b = |s: &str| s.as_bytes().to_vec();
    let mut invalid_utf8_value = reply.clone().into_bytes();
    let at = reply.find("Header text").expect("the reply has a title");
    invalid_utf8_value[at] = 0xFF;
    let mut invalid_utf8_key = reply.clone().into_bytes();
    let at = reply.find("titleText").expect("the reply has a title");
    invalid_utf8_key[at + 2] = 0xC3; // a lead byte followed by ASCII
    let mut overlong = reply.clone().into_bytes();
    let at = reply.find("First").expect("the reply has buttons");
    overlong.splice(at..at + 1, [0xC0, 0xAF]);
    vec![
        ("empty", vec![]),
        ("whitespace_only", b(" \n\t ")),
        ("bom_then_body", [b"\xEF\xBB\xBF".as_slice(), reply.as_bytes()].concat()),
        ("bom_only", b("\u{FEFF}")),
        ("two_boms", [b"\xEF\xBB\xBF\xEF\xBB\xBF".as_slice(), reply.as_bytes()].concat()),
        ("utf16_bom", [b"\xFF\xFE".as_slice(), reply.as_bytes()].concat()),
        ("utf16_body", reply.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        ("invalid_utf8_in_value", invalid_utf8_value),
        ("invalid_utf8_in_key", invalid_utf8_key),
        ("overlong_utf8", overlong),
        ("lone_continuation_byte", b"{\"typeWebhook\": \"\x80\"}".to_vec()),
        ("top_level_null", b("null")),
        ("top_level_true", b("true")),
        ("top_level_number", b("1749560558")),
        ("top_level_string", b("\"outgoingAPIMessageReceived\"")),
        ("top_level_empty_array", b("[]")),
        ("top_level_array_of_bodies", format!("[{reply}]").into_bytes()),
        ("two_bodies_back_to_back", format!("{reply}{press}").into_bytes()),
        ("two_bodies_on_two_lines", format!("{reply}\n{press}").into_bytes()),
        ("empty_object", b("{}")),
        ("nan_literal", reply.replace("1749560558", "NaN").into_bytes()),
        ("infinity_literal", reply.replace("1749560558", "Infinity").into_bytes()),
        ("negative_infinity_literal", reply.replace("1749560558", "-Infinity").into_bytes()),
        ("number_too_large_for_f64", reply.replace("1749560558", "1e400").into_bytes()),
        ("number_too_small_for_f64", reply.replace("1749560558", "-1e400").into_bytes()),
        ("integer_above_u64", reply.replace("9903183013", "18446744073709551616").into_bytes()),
        ("integer_at_u64_max", reply.replace("9903183013", "18446744073709551615").into_bytes()),
        ("integer_below_i64", reply.replace("9903183013", "-9223372036854775809").into_bytes()),
        ("integer_at_i64_min", reply.replace("9903183013", "-9223372036854775808").into_bytes()),
        ("integer_with_exponent", reply.replace("9903183013", "9.903183013e9").into_bytes()),
        ("negative_zero", reply.replace("1749560558", "-0").into_bytes()),
        ("leading_zero", reply.replace("1749560558", "01749560558").into_bytes()),
        ("hex_number", reply.replace("1749560558", "0x6847").into_bytes()),
        ("raw_control_character_in_string", reply.replace("Header text", "Header\u{1}text").into_bytes()),
        ("raw_newline_in_string", reply.replace("Header text", "Header\ntext").into_bytes()),
        ("escaped_nul_in_string", reply.replace("Header text", "Header\\u0000text").into_bytes()),
        ("nul_byte_outside_string", format!("{reply}\0").into_bytes()),
        ("lone_surrogate_escape", reply.replace("Header text", "\\ud800").into_bytes()),
        ("escaped_key", reply.replace("\"titleText\"", "\"title\\u0054ext\"").into_bytes()),
        ("single_quotes", reply.replace('"', "'").into_bytes()),
        ("trailing_comma", reply.replacen("}}}", "},}}", 1).into_bytes()),
        ("comment", format!("// webhook\n{reply}").into_bytes()),
        ("unclosed_string", b("{\"typeWebhook\": \"incomingMessageRece")),
        ("missing_colon", b("{\"typeWebhook\" \"incomingMessageReceived\"}")),
        ("duplicate_type_webhook", format!("{{\"typeWebhook\":\"incomingCall\",{}", tail(&press)).into_bytes()),
        ("duplicate_type_webhook_after", press.replacen('}', "},\"typeWebhook\":\"incomingMessageReceived\"", 1).into_bytes()),
        ("duplicate_type_message", press.replace("\"typeMessage\":\"interactiveButtonsResponse\"", "\"typeMessage\":\"textMessage\",\"typeMessage\":\"interactiveButtonsResponse\"").into_bytes()),
        ("duplicate_field", press.replace("\"selectedId\":\"1\"", "\"selectedId\":2,\"selectedId\":\"1\"").into_bytes()),
        ("duplicate_field_last_is_wrong", press.replace("\"selectedId\":\"1\"", "\"selectedId\":\"1\",\"selectedId\":2").into_bytes()),
        ("duplicate_data_key", press.replace("\"interactiveButtonsResponse\":{", "\"interactiveButtonsResponse\":[],\"interactiveButtonsResponse\":{").into_bytes()),
        ("type_message_after_data", press.replace("\"typeMessage\":\"interactiveButtonsResponse\",", "").replacen("}}", "},\"typeMessage\":\"interactiveButtonsResponse\"}", 1).into_bytes()),
        ("type_message_for_other_data_key", press.replace("\"typeMessage\":\"interactiveButtonsResponse\"", "\"typeMessage\":\"interactiveButtonsReply\"").into_bytes()),
        ("two_data_keys", reply_with("/messageData/interactiveButtonsResponse", json!({"stanzaId": "x", "selectedId": "1"}))),
        ("type_webhook_empty_string", reply_with("/typeWebhook", json!(""))),
        ("type_webhook_wrong_case", reply_with("/typeWebhook", json!("OutgoingAPIMessageReceived"))),
        ("type_webhook_with_spaces", reply_with("/typeWebhook", json!(" outgoingAPIMessageReceived "))),
        ("type_webhook_object", reply_with("/typeWebhook", json!({"value": "outgoingAPIMessageReceived"}))),
        ("type_message_null", reply_with("/messageData/typeMessage", Value::Null)),
        ("type_message_array", reply_with("/messageData/typeMessage", json!(["interactiveButtonsReply"]))),
        ("chat_id_lid", reply_with("/senderData/chatId", json!("123456789012345@lid"))),
        ("chat_id_device_suffix", reply_with("/senderData/sender", json!("79001234567:3@c.us"))),
        ("id_instance_as_string", reply_with("/instanceData/idInstance", json!("9903183013"))),
        ("sender_contact_name_empty", reply_with("/senderData/senderContactName", json!(""))),
        ("very_long_key", reply_with(&format!("/{}", "k".repeat(100_000)), json!(1))),
        ("many_unknown_fields", {
            let mut body: Value = serde_json::from_str(&reply).expect("JSON");
            for i in 0..10_000 {
                body[format!("field{i}")] = json!(i);
            }
            body.to_string().into_bytes()
        }),
        ("unknown_webhook_with_everything", b(r#"{"typeWebhook":"futureWebhook","a":[1,{"b":null}],"c":{"d":1.5e-7},"e":"\u00e9\ud83d\ude00"}"#)),
    ]
}

#[test]
fn catalogue_of_hostile_bodies() {
    let cases = catalogue();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for (name, body) in cases {
        let out = outcome(&body);
        // Long outputs (10,000 unknown fields) are summarised to keep snapshots readable.
        let lines: Vec<&str> = out.lines().collect();
        let shown = if lines.len() > 12 {
            format!(
                "{}\n... {} lines in all",
                lines[..12].join("\n"),
                lines.len()
            )
        } else {
            out
        };
        insta::assert_snapshot!(name, shown);
    }
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let deep_array = "[".repeat(100_000);
    insta::assert_snapshot!("nesting_100000_levels_top", outcome(deep_array.as_bytes()));
    let inside = format!(
        "{{\"typeWebhook\":\"futureWebhook\",\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    insta::assert_snapshot!("nesting_100000_levels_in_field", outcome(inside.as_bytes()));
    let at_limit = format!("{{\"x\":{}{}}}", "[".repeat(126), "]".repeat(126));
    insta::assert_snapshot!("nesting_at_the_limit", outcome(at_limit.as_bytes()));
    let lowered = ParseOptions {
        limits: Limits {
            max_depth: 8,
            ..Limits::default()
        },
        ..ParseOptions::default()
    };
    let nine = format!("{{\"x\":{}{}}}", "[".repeat(8), "]".repeat(8));
    insta::assert_snapshot!(
        "nesting_over_a_lowered_limit",
        outcome_with(nine.as_bytes(), &lowered)
    );
    let over_reader = ParseOptions {
        limits: Limits {
            max_depth: 1_000,
            ..Limits::default()
        },
        ..ParseOptions::default()
    };
    let deep_object = format!("{}{}", "{\"a\":".repeat(500), "}".repeat(500));
    insta::assert_snapshot!(
        "nesting_500_with_a_raised_limit",
        outcome_with(deep_object.as_bytes(), &over_reader)
    );
}

#[test]
fn huge_bodies_are_refused_or_parsed_within_limits() {
    let ten_mb = "x".repeat(10 * 1024 * 1024);
    let big_string = reply_with(
        "/messageData/interactiveButtonsReply/contentText",
        json!(ten_mb),
    );
    insta::assert_snapshot!("string_of_10_mb", outcome(&big_string));
    let raised = ParseOptions {
        limits: Limits {
            max_body_bytes: 16 * 1024 * 1024,
            ..Limits::default()
        },
        ..ParseOptions::default()
    };
    insta::assert_snapshot!(
        "string_of_10_mb_with_a_raised_limit",
        outcome_with(&big_string, &raised)
    );

    let million = format!("[{}0]", "0,".repeat(999_999));
    let big_array = reply_with(
        "/messageData/interactiveButtonsReply/buttons",
        serde_json::from_str(&million).expect("JSON"),
    );
    insta::assert_snapshot!("array_of_a_million_numbers", outcome(&big_array));
    let million_objects = reply_with("/numbers", serde_json::from_str(&million).expect("JSON"));
    insta::assert_snapshot!(
        "unknown_field_with_a_million_numbers",
        outcome(&million_objects)
    );
}

#[test]
fn strict_parsing_turns_warnings_into_failures() {
    let unknown_field = reply_with("/surprise", json!(true));
    let strict = ParseOptions {
        strict: true,
        ..ParseOptions::default()
    };
    insta::assert_snapshot!(
        "strict_unknown_field",
        outcome_with(&unknown_field, &strict)
    );
    insta::assert_snapshot!(
        "strict_documented_body",
        outcome_with(compact(REPLY).as_bytes(), &strict)
    );
    assert!(Webhook::from_slice_strict(compact(PRESS).as_bytes()).is_ok());
    assert!(Webhook::from_slice_strict(&unknown_field).is_err());
}
