//! The JSON Schema in `schema/`: up to date with the spec, a valid draft 2020-12 schema, passed
//! by every documented body except the known-bad ones, failed by broken bodies at the right
//! place, and in agreement with the library: a body is valid against the schema exactly when it
//! parses to a known variant and `validate()` finds no error.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use green_api_webhooks::{IssueKind, MessageData, Webhook};
use green_api_webhooks_fuzz::{BodyGenerator, Rng, mutate_json};
use green_api_webhooks_schema::SCHEMA_PATH;
use green_api_webhooks_tests::{fixtures, payload, root, spec, with};
use jsonschema::Validator;
use proptest::prelude::*;
use serde_json::{Value, json};

fn checked_in_schema() -> Value {
    let text = std::fs::read_to_string(root().join(SCHEMA_PATH))
        .unwrap_or_else(|e| panic!("cannot read {SCHEMA_PATH}: {e}; run `cargo xtask codegen`"));
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::draft202012::new(&checked_in_schema()).expect("the schema compiles")
    })
}

/// Every schema error as `path: message`, in the validator's order.
fn schema_errors(body: &Value) -> Vec<String> {
    validator()
        .iter_errors(body)
        .map(|error| {
            let path = error.instance_path().to_string();
            let path = if path.is_empty() {
                "(root)".to_owned()
            } else {
                path
            };
            format!("{path}: {error}")
        })
        .collect()
}

/// Whether the library types the body and finds no error of the kinds the schema describes
/// (`None` when the body does not parse at all): the rules that depend on the body's product
/// (formats, fields mandatory in some products, kinds some products do not send) are beyond a
/// JSON Schema, as its description says.
fn library_accepts(text: &str) -> Option<bool> {
    let webhook = Webhook::from_str(text).ok()?;
    let known = webhook.is_known() && webhook.message_data().is_none_or(MessageData::is_known);
    let report = webhook.validate();
    let schema_errors = report.errors().filter(|issue| {
        !matches!(
            issue.kind,
            IssueKind::BadFormat { .. }
                | IssueKind::MissingInProduct { .. }
                | IssueKind::NotInProduct { .. }
        )
    });
    Some(known && schema_errors.count() == 0 && report.omitted_errors == 0)
}

fn bad_examples() -> BTreeSet<String> {
    spec().bad_examples().map(|b| b.payload.clone()).collect()
}

#[test]
fn checked_in_schema_is_up_to_date() {
    let generated = green_api_webhooks_schema::generate(&spec())
        .unwrap_or_else(|errors| panic!("the spec cannot become a schema: {errors:?}"));
    let on_disk = std::fs::read_to_string(root().join(SCHEMA_PATH)).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{SCHEMA_PATH} is out of date; run `cargo xtask codegen`"
    );
}

#[test]
fn schema_is_a_documented_draft_2020_12_schema() {
    let schema = checked_in_schema();
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("not a valid schema: {error}");
    }
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let defs = schema["$defs"].as_object().expect("$defs is an object");
    for (name, def) in defs {
        assert!(def["description"].is_string(), "{name} has no description");
        let page = def["$comment"].as_str().unwrap_or_default();
        assert!(
            page.starts_with("https://"),
            "{name} has no documentation page"
        );
    }
    let spec = spec();
    let expected = spec.webhooks().count()
        + 1
        + spec.messages().count()
        + spec.objects().count()
        + spec.enums().count();
    assert_eq!(defs.len(), expected, "one definition per spec item");
}

#[test]
fn documented_bodies_pass_and_known_bad_examples_fail() {
    let bad = bad_examples();
    let mut seen_bad = BTreeSet::new();
    let mut bad_report = String::new();
    let mut unexpected = Vec::new();
    for (name, bytes) in fixtures() {
        let text = String::from_utf8(bytes).expect("fixtures are UTF-8");
        let body: Value = serde_json::from_str(&text).expect("fixtures are JSON");
        let errors = schema_errors(&body);
        assert_eq!(
            library_accepts(&text),
            Some(errors.is_empty()),
            "{name}: the schema and the library disagree: {errors:#?}"
        );
        if bad.contains(&name) {
            seen_bad.insert(name.clone());
            if errors.is_empty() {
                unexpected.push(format!("{name}: a known-bad example passes the schema"));
            }
            bad_report.push_str(&format!("{name}:\n"));
            for error in &errors {
                bad_report.push_str(&format!("  {error}\n"));
            }
        } else if !errors.is_empty() {
            unexpected.push(format!("{name}: {errors:#?}"));
        }
    }
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
    assert_eq!(seen_bad, bad, "every bad example is a fixture");
    insta::assert_snapshot!("known_bad_examples", bad_report);
}

const TEXT: &str = "incoming-message__TextMessage__1.json";
const PRESS: &str = "outgoing-message__InteractiveButtonsReply__2.json";
const POLL: &str = "incoming-message__PollMessage__1.json";
const STATUS: &str = "outgoing-message__OutgoingMessageStatus__1.json";
const STATE: &str = "root__StateInstanceChanged__1.json";
const REPLY: &str = "outgoing-message__InteractiveButtonsReply__1.json";

fn body(name: &str) -> Value {
    serde_json::from_str(&payload(name)).expect("fixtures are JSON")
}

fn constructed(relative: &str) -> Value {
    serde_json::from_slice(&green_api_webhooks_fixtures::file(relative)).expect("fixtures are JSON")
}

/// `(case, body, the instance path of the expected error or None when the body is valid)`.
fn broken_bodies() -> Vec<(&'static str, Value, Option<&'static str>)> {
    let press = "/messageData/interactiveButtonsResponse";
    vec![
        (
            "timestamp_is_a_string",
            with(body(TEXT), "/timestamp", Some(json!("1588091580"))),
            Some("/timestamp"),
        ),
        (
            "instance_data_is_missing",
            with(body(TEXT), "/instanceData", None),
            Some(""),
        ),
        (
            "id_instance_is_a_float",
            with(body(TEXT), "/instanceData/idInstance", Some(json!(12.5))),
            Some("/instanceData/idInstance"),
        ),
        (
            "timestamp_beyond_64_bits",
            with(
                body(TEXT),
                "/timestamp",
                Some(json!(9_223_372_036_854_775_808_u64)),
            ),
            Some("/timestamp"),
        ),
        (
            "optional_chat_name_is_null",
            with(body(TEXT), "/senderData/chatName", Some(Value::Null)),
            Some("/senderData/chatName"),
        ),
        (
            "undocumented_status",
            with(body(STATUS), "/status", Some(json!("pending"))),
            Some("/status"),
        ),
        (
            "undocumented_instance_state",
            with(body(STATE), "/stateInstance", Some(json!("asleep"))),
            Some("/stateInstance"),
        ),
        (
            "undocumented_type_webhook",
            with(
                body(TEXT),
                "/typeWebhook",
                Some(json!("incomingMessageRecieved")),
            ),
            Some("/typeWebhook"),
        ),
        (
            "type_webhook_is_missing",
            with(body(TEXT), "/typeWebhook", None),
            Some(""),
        ),
        (
            "message_data_is_a_string",
            with(body(TEXT), "/messageData", Some(json!("hello"))),
            Some("/messageData"),
        ),
        (
            "undocumented_type_message",
            with(
                body(TEXT),
                "/messageData/typeMessage",
                Some(json!("textMesage")),
            ),
            Some("/messageData/typeMessage"),
        ),
        (
            "text_message_with_the_data_of_another_type",
            with(
                with(body(TEXT), "/messageData/textMessageData", None),
                "/messageData/extendedTextMessageData",
                Some(json!({ "text": "hi", "stanzaId": "ABC" })),
            ),
            Some("/messageData"),
        ),
        (
            "poll_option_is_a_string",
            with(
                body(POLL),
                "/messageData/pollMessageData/options/0",
                Some(json!("Variant 1")),
            ),
            Some("/messageData/pollMessageData/options/0"),
        ),
        (
            "poll_multiple_answers_is_a_string",
            with(
                body(POLL),
                "/messageData/pollMessageData/multipleAnswers",
                Some(json!("false")),
            ),
            Some("/messageData/pollMessageData/multipleAnswers"),
        ),
        (
            "pressed_button_without_either_spelling_of_its_id",
            with(body(PRESS), &format!("{press}/selectedId"), None),
            Some(press),
        ),
        (
            "pressed_button_id_under_its_alternative_spelling",
            with(
                with(body(PRESS), &format!("{press}/selectedId"), None),
                &format!("{press}/selectedButtonId"),
                Some(json!(1)),
            ),
            None,
        ),
        (
            "reply_button_among_interactive_buttons",
            with(
                constructed("constructed/interactive-buttons.json"),
                "/messageData/interactiveButtons/buttons/1/type",
                Some(json!("reply")),
            ),
            Some("/messageData/interactiveButtons/buttons/1/type"),
        ),
        (
            "url_button_among_reply_buttons",
            with(
                body(REPLY),
                "/messageData/interactiveButtonsReply/buttons/0/type",
                Some(json!("url")),
            ),
            Some("/messageData/interactiveButtonsReply/buttons/0/type"),
        ),
        (
            "copy_button_without_its_code",
            with(
                constructed("constructed/interactive-buttons.json"),
                "/messageData/interactiveButtons/buttons/0/copyCode",
                None,
            ),
            Some("/messageData/interactiveButtons/buttons/0"),
        ),
        (
            "interactive_buttons_as_an_incoming_message",
            with(
                constructed("constructed/interactive-buttons.json"),
                "/typeWebhook",
                Some(json!("incomingMessageReceived")),
            ),
            Some("/messageData/typeMessage"),
        ),
        (
            "undocumented_field_is_allowed",
            with(body(TEXT), "/senderData/isBusiness", Some(json!(true))),
            None,
        ),
    ]
}

#[test]
fn broken_bodies_fail_at_their_paths() {
    let mut report = String::new();
    for (case, body, expected_path) in broken_bodies() {
        let paths: Vec<String> = validator()
            .iter_errors(&body)
            .map(|e| e.instance_path().to_string())
            .collect();
        match expected_path {
            Some(path) => assert!(
                paths.iter().any(|p| p == path),
                "{case}: expected an error at {path:?}, got {paths:?}"
            ),
            None => assert!(paths.is_empty(), "{case}: expected no error, got {paths:?}"),
        }
        let errors = schema_errors(&body);
        assert_eq!(
            library_accepts(&body.to_string()),
            Some(errors.is_empty()),
            "{case}: the schema and the library disagree: {errors:#?}"
        );
        report.push_str(&format!("{case}:\n"));
        if errors.is_empty() {
            report.push_str("  valid\n");
        }
        for error in errors {
            report.push_str(&format!("  {error}\n"));
        }
    }
    insta::assert_snapshot!("broken_bodies", report);
}

/// Whether a number written as a float has no fractional part (`1.0`, `-7.5e18`): JSON Schema
/// counts it as an integer, the library does not.
fn has_integral_float(value: &Value) -> bool {
    match value {
        Value::Number(n) => {
            n.as_f64().is_some_and(|f| f.fract() == 0.0) && !n.is_i64() && !n.is_u64()
        }
        Value::Array(items) => items.iter().any(has_integral_float),
        Value::Object(map) => map.values().any(has_integral_float),
        _ => false,
    }
}

/// The one difference the schema's description names: JSON Schema's `integer` is any number
/// without a fractional part, the library's is a number written without one.
#[test]
fn integral_floats_are_the_known_difference() {
    let body = with(body(TEXT), "/timestamp", Some(json!(1_588_091_580.0)));
    assert!(has_integral_float(&body));
    assert!(
        schema_errors(&body).is_empty(),
        "the schema takes 1588091580.0 as an integer"
    );
    assert_eq!(
        library_accepts(&body.to_string()),
        Some(false),
        "the library does not"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Bodies generated from the spec (unknown fields, tags and values mixed in), mutated or
    /// not: the schema accepts exactly those the library types and validates without error.
    #[test]
    fn schema_agrees_with_the_library_on_generated_bodies(seed in any::<u64>(), mutate in any::<bool>()) {
        static GENERATOR: OnceLock<BodyGenerator> = OnceLock::new();
        let generator = GENERATOR.get_or_init(|| BodyGenerator::new(&spec()));
        let mut rng = Rng::new(seed);
        let mut body = generator.body(&mut rng);
        if mutate {
            body = mutate_json(&body, &mut rng);
        }
        let text = body.to_string();
        // Too deep for the parser's limits: nothing to compare.
        if let Some(library) = library_accepts(&text).filter(|_| !has_integral_float(&body)) {
            let errors = schema_errors(&body);
            prop_assert_eq!(library, errors.is_empty(), "{} {:#?}", text, errors);
        }
    }
}
