//! The spec's rules: each product's bodies validate under its rules and not under another's, and
//! every kind of rule (formats, values allowed in one place, fields another field requires, the
//! `typeWebhook`s a message arrives under, the products that send a kind) reports at its path
//! with the spec's severity.

use green_api_webhooks::{IssueKind, Product, Report, Severity, Webhook};
use serde_json::{Value, json};

fn fixture(relative: &str) -> Value {
    serde_json::from_slice(&green_api_webhooks_fixtures::file(relative)).expect("fixtures are JSON")
}

fn parse(body: &Value) -> Webhook {
    Webhook::from_slice(body.to_string().as_bytes()).expect("the body is a JSON object")
}

/// `severity path: message` of every issue, one per line.
fn lines(report: &Report) -> Vec<String> {
    report
        .issues
        .iter()
        .map(|issue| format!("{} {}: {}", issue.severity(), issue.path, issue.kind))
        .collect()
}

fn set(body: &mut Value, pointer: &str, value: Value) {
    *body
        .pointer_mut(pointer)
        .expect("the fixture has this field") = value;
}

#[test]
fn telegram_and_max_bodies_validate_under_their_product_only() {
    for (name, product) in [
        ("products/telegram__incoming-text.json", Product::Telegram),
        (
            "products/telegram__incoming-group-text.json",
            Product::Telegram,
        ),
        ("products/max__incoming-text.json", Product::Max),
        ("products/max__incoming-group-text.json", Product::Max),
        (
            "products/max__incoming-group-extended-text-forwarded.json",
            Product::Max,
        ),
    ] {
        let webhook = parse(&fixture(name));
        assert_eq!(webhook.product(), Some(product), "{name}");
        let own = webhook.validate();
        assert_eq!(own.product(), product);
        assert!(own.is_clean(), "{name} under {product}: {own}");
        let whatsapp = webhook.validate_as(Product::WhatsApp);
        assert!(
            whatsapp
                .errors()
                .any(|issue| issue.path == "/senderData/chatId"),
            "{name}: a numeric chat id is not a WhatsApp one: {whatsapp}"
        );
    }
}

#[test]
fn a_max_body_without_wid_is_fine_for_telegram_rules_only() {
    let mut body = fixture("products/max__incoming-group-text.json");
    body["instanceData"]
        .as_object_mut()
        .expect("instanceData is an object")
        .remove("wid");
    let webhook = parse(&body);
    assert_eq!(
        lines(&webhook.validate()),
        ["error /instanceData/wid: mandatory in Max bodies, and missing"],
        "MAX bodies carry wid"
    );
    set(&mut body, "/instanceData/typeInstance", json!("telegram"));
    let webhook = parse(&body);
    assert!(webhook.validate().is_clean(), "{}", webhook.validate());
    set(&mut body, "/instanceData/typeInstance", json!("whatsapp"));
    let as_whatsapp = parse(&body).validate();
    assert_eq!(
        lines(&as_whatsapp),
        [
            "error /instanceData/wid: mandatory in WhatsApp bodies, and missing",
            "error /senderData/chatId: expected a WhatsApp chat id: `…@c.us`, `…@g.us`, `…@lid`, `status@broadcast` or `…@newsletter`",
            "error /senderData/sender: expected a WhatsApp chat id: `…@c.us`, `…@g.us`, `…@lid`, `status@broadcast` or `…@newsletter`",
        ]
    );
}

#[test]
fn waba_rules_apply_on_request() {
    let webhook = parse(&fixture("products/waba__incoming-text.json"));
    // WABA's bodies say `whatsapp`: the body alone names WhatsApp.
    assert_eq!(webhook.product(), Some(Product::WhatsApp));
    assert_eq!(Product::Waba.type_instance(), None);
    let report = webhook.validate_as(Product::Waba);
    assert_eq!(report.product(), Product::Waba);
    assert!(report.is_clean(), "{report}");
    // Interactive buttons are WhatsApp's only.
    let body = fixture("constructed/interactive-buttons.json");
    assert_eq!(
        lines(&parse(&body).validate_as(Product::Waba)),
        ["warning /messageData/typeMessage: not in the documentation of Waba"]
    );
}

#[test]
fn reply_buttons_inside_interactive_buttons_are_reported_at_their_path() {
    let mut body = fixture("constructed/interactive-buttons.json");
    set(
        &mut body,
        "/messageData/interactiveButtons/buttons/1",
        json!({ "type": "reply", "buttonId": "2", "buttonText": "Yes" }),
    );
    assert_eq!(
        lines(&parse(&body).validate()),
        [
            "error /messageData/interactiveButtons/buttons/1/type: `reply` is not allowed here; allowed: copy, call, url"
        ]
    );
}

#[test]
fn copy_call_and_url_buttons_inside_interactive_buttons_reply_are_reported() {
    let mut body = fixture("payloads/outgoing-message__InteractiveButtonsReply__1.json");
    set(
        &mut body,
        "/messageData/interactiveButtonsReply/buttons/0/type",
        json!("url"),
    );
    let report = parse(&body).validate();
    assert_eq!(
        lines(&report),
        [
            "error /messageData/interactiveButtonsReply/buttons/0/url: mandatory when `type` is `url`, and missing",
            "error /messageData/interactiveButtonsReply/buttons/0/type: `url` is not allowed here; allowed: reply",
        ]
    );
}

#[test]
fn buttons_need_the_field_their_type_uses() {
    let mut body = fixture("constructed/interactive-buttons.json");
    for (index, field) in [(0, "copyCode"), (1, "phoneNumber"), (2, "url")] {
        body["messageData"]["interactiveButtons"]["buttons"][index]
            .as_object_mut()
            .expect("a button is an object")
            .remove(field);
    }
    let report = parse(&body).validate();
    assert_eq!(
        lines(&report),
        [
            "error /messageData/interactiveButtons/buttons/0/copyCode: mandatory when `type` is `copy`, and missing",
            "error /messageData/interactiveButtons/buttons/1/phoneNumber: mandatory when `type` is `call`, and missing",
            "error /messageData/interactiveButtons/buttons/2/url: mandatory when `type` is `url`, and missing",
        ]
    );
    assert!(matches!(
        report.issues[0].kind,
        IssueKind::RequiredBy {
            field: "type",
            value: "copy"
        }
    ));
}

#[test]
fn interactive_buttons_never_arrive_as_incoming_messages() {
    let mut body = fixture("constructed/interactive-buttons.json");
    set(&mut body, "/typeWebhook", json!("incomingMessageReceived"));
    assert_eq!(
        lines(&parse(&body).validate()),
        [
            "error /messageData/typeMessage: this typeMessage does not arrive under typeWebhook `incomingMessageReceived`; it arrives under outgoingMessageReceived, outgoingAPIMessageReceived"
        ]
    );
}

#[test]
fn other_messages_under_an_unlisted_webhook_are_a_warning() {
    // The pages list polls under incoming messages only, but an instance's own polls are echoed.
    let mut body = fixture("payloads/incoming-message__PollMessage__1.json");
    set(
        &mut body,
        "/typeWebhook",
        json!("outgoingAPIMessageReceived"),
    );
    let report = parse(&body).validate();
    assert!(report.is_valid(), "{report}");
    assert_eq!(report.warnings().count(), 1, "{report}");
}

#[test]
fn formats_of_ids_and_times() {
    let mut body = fixture("payloads/incoming-message__TextMessage__1.json");
    set(
        &mut body,
        "/instanceData/idInstance",
        json!(1_101_000_001_234_i64),
    );
    set(&mut body, "/timestamp", json!(1_588_091_580_000_i64));
    set(&mut body, "/instanceData/typeInstance", json!("signal"));
    set(&mut body, "/instanceData/wid", json!("79001234567@g.us"));
    let report = parse(&body).validate();
    assert_eq!(
        lines(&report),
        [
            "error /instanceData/idInstance: expected an instance id of 1 to 12 decimal digits",
            "warning /instanceData/typeInstance: expected a `typeInstance` of a product the spec knows; the rules of the default product were applied",
            "error /instanceData/wid: expected the instance's own id, `number@c.us`, or empty",
            "error /timestamp: expected Unix time in seconds; this looks like milliseconds",
        ]
    );
    assert_eq!(report.product(), Product::WhatsApp);
    assert_eq!(report.issues[1].severity(), Severity::Warning);
}

#[test]
fn whatsapp_chat_ids_of_every_kind_pass() {
    let mut body = fixture("payloads/incoming-message__TextMessage__1.json");
    for id in [
        "79001234567@c.us",
        "79001234567:3@c.us",
        "120363043968066561@g.us",
        "79001234567-1581234048@g.us",
        "146473667571897@lid",
        "status@broadcast",
        "120363041234567890@newsletter",
    ] {
        set(&mut body, "/senderData/chatId", json!(id));
        let report = parse(&body).validate();
        assert!(report.is_clean(), "{id}: {report}");
    }
    // Twelve digits are an instance id, whether integer or string.
    set(&mut body, "/instanceData/idInstance", json!("710012345678"));
    assert!(parse(&body).validate().is_clean());
}

#[test]
fn products_that_do_not_send_a_webhook_get_a_warning() {
    let mut body = fixture("products/whatsapp__incoming-call-pick-up.json");
    assert!(parse(&body).validate().is_clean());
    set(&mut body, "/instanceData/typeInstance", json!("telegram"));
    set(&mut body, "/from", json!("10000000"));
    let report = parse(&body).validate();
    assert_eq!(
        lines(&report),
        ["warning /typeWebhook: not in the documentation of Telegram"]
    );
}

#[test]
fn waba_statuses_validate_under_waba_rules() {
    let webhook = parse(&fixture(
        "constructed/waba-outgoing-message-status-no-active-session.json",
    ));
    assert!(webhook.validate_as(Product::Waba).is_clean());
    assert_eq!(
        webhook.message_status().map(|s| s.as_ref()),
        Some("noActiveSession")
    );
}

#[test]
fn a_template_message_has_the_data_object_of_its_product() {
    let waba = parse(&fixture("products/waba__outgoing-template-message.json"));
    let report = waba.validate_as(Product::Waba);
    assert!(report.is_clean(), "{report}");
    // The body says `whatsapp`: under WhatsApp's rules its data object is missing.
    assert_eq!(
        lines(&waba.validate()),
        ["error /messageData/templateMessage: mandatory in WhatsApp bodies, and missing"]
    );
    let whatsapp = parse(&fixture(
        "payloads/incoming-message__TemplateMessage__md1.json",
    ));
    assert!(whatsapp.validate().is_clean(), "{}", whatsapp.validate());
    assert_eq!(
        lines(&whatsapp.validate_as(Product::Waba)),
        ["error /messageData/messageData: mandatory in Waba bodies, and missing"]
    );
}
