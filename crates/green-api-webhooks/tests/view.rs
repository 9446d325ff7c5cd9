//! The checked view (`Webhook::view`, `Checked`): every fixture that validates has one, equal to
//! the parsed fields; a missing mandatory field, here or nested, leaves none; alternative
//! spellings fill their documented field; the view borrows and does not copy.

use green_api_webhooks::{
    Checked, InteractiveButtonsData, IssueKind, MessageData, MessageDataView, Webhook, WebhookView,
};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Every fixture: the view shows the parsed fields, mandatory ones unwrapped.
//
// Views and parsed types print through `Debug` in the same shape (`Name { field: value }`), so
// one comparison covers every generated type: `FooView` against `Foo`, field by field, where a
// view field that is not an `Option` must hold what the parsed `Some(..)` holds.

#[derive(Debug, PartialEq)]
enum Node {
    /// A string literal, number or unit variant.
    Atom(String),
    /// `[a, b]`
    List(Vec<Node>),
    /// `(a, b)`
    Tuple(Vec<Node>),
    /// `{ key: value }`, for structs and maps.
    Map(Vec<(String, Node)>),
    /// `Name(..)`, `Name { .. }` or `Name [..]`.
    Named(String, Box<Node>),
}

#[derive(Debug, PartialEq)]
enum Token {
    Str(String),
    Word(String),
    Punct(char),
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '"' => {
                let mut literal = String::from('"');
                while let Some(c) = chars.next() {
                    literal.push(c);
                    if c == '\\' {
                        literal.extend(chars.next());
                    } else if c == '"' {
                        break;
                    }
                }
                out.push(Token::Str(literal));
            }
            '{' | '}' | '(' | ')' | '[' | ']' | ':' | ',' => out.push(Token::Punct(c)),
            c => {
                let mut word = String::from(c);
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || "{}()[]:,\"".contains(c) {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                out.push(Token::Word(word));
            }
        }
    }
    out
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn parse(text: &str) -> Node {
        let mut parser = Parser {
            tokens: tokens(text),
            at: 0,
        };
        let node = parser.value();
        assert_eq!(parser.at, parser.tokens.len(), "trailing tokens in {text}");
        node
    }

    fn next(&mut self) -> &Token {
        self.at += 1;
        &self.tokens[self.at - 1]
    }

    fn peek_punct(&self, punct: char) -> bool {
        self.tokens.get(self.at) == Some(&Token::Punct(punct))
    }

    fn value(&mut self) -> Node {
        match self.next() {
            Token::Str(s) => Node::Atom(s.clone()),
            Token::Punct('[') => Node::List(self.items(']')),
            Token::Punct('(') => Node::Tuple(self.items(')')),
            Token::Punct('{') => Node::Map(self.entries()),
            Token::Word(w) => {
                let name = w.clone();
                if ["(", "{", "["]
                    .iter()
                    .any(|p| self.peek_punct(p.chars().next().unwrap()))
                {
                    Node::Named(name, Box::new(self.value()))
                } else {
                    Node::Atom(name)
                }
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    fn items(&mut self, close: char) -> Vec<Node> {
        let mut items = Vec::new();
        while !self.peek_punct(close) {
            items.push(self.value());
            if self.peek_punct(',') {
                self.next();
            }
        }
        self.next();
        items
    }

    fn entries(&mut self) -> Vec<(String, Node)> {
        let mut entries = Vec::new();
        while !self.peek_punct('}') {
            let key = match self.next() {
                Token::Str(s) | Token::Word(s) => s.clone(),
                other => panic!("unexpected key {other:?}"),
            };
            assert_eq!(self.next(), &Token::Punct(':'));
            entries.push((key, self.value()));
            if self.peek_punct(',') {
                self.next();
            }
        }
        self.next();
        entries
    }
}

fn some(node: &Node) -> Option<&Node> {
    match node {
        Node::Named(name, inner) if name == "Some" => match &**inner {
            Node::Tuple(items) if items.len() == 1 => Some(&items[0]),
            _ => None,
        },
        _ => None,
    }
}

fn is_none(node: &Node) -> bool {
    *node == Node::Atom("None".to_owned())
}

/// Compares a parsed value with its view; says where they differ.
fn compare(raw: &Node, view: &Node, at: &str) -> Result<(), String> {
    let differ = || Err(format!("{at}: parsed {raw:?}, view {view:?}"));
    // A `Spelled<T>` (a variant with several tag spellings) views as the `T` inside it.
    if let Node::Named(name, body) = raw {
        if let (true, Node::Map(fields)) = (name == "Spelled", &**body) {
            if let Some((_, value)) = fields.iter().find(|(key, _)| key == "value") {
                return compare(value, view, at);
            }
        }
    }
    match (raw, view) {
        (Node::Named(raw_name, raw_body), Node::Named(view_name, view_body))
            if *view_name == format!("{raw_name}View") =>
        {
            match (&**raw_body, &**view_body) {
                (Node::Map(raw_fields), Node::Map(view_fields)) => {
                    compare_object(raw_fields, view_fields, &format!("{at}/{view_name}"))
                }
                _ => differ(),
            }
        }
        (Node::Named(raw_name, raw_body), Node::Named(view_name, view_body))
            if raw_name == view_name =>
        {
            compare(raw_body, view_body, &format!("{at}/{raw_name}"))
        }
        (Node::Atom(a), Node::Atom(b)) if a == b => Ok(()),
        (Node::List(a), Node::List(b)) | (Node::Tuple(a), Node::Tuple(b)) if a.len() == b.len() => {
            a.iter()
                .zip(b)
                .enumerate()
                .try_for_each(|(i, (a, b))| compare(a, b, &format!("{at}/{i}")))
        }
        (Node::Map(a), Node::Map(b)) if a.len() == b.len() => {
            a.iter().zip(b).try_for_each(|((ka, a), (kb, b))| {
                if ka == kb {
                    compare(a, b, &format!("{at}/{ka}"))
                } else {
                    differ()
                }
            })
        }
        _ => differ(),
    }
}

/// A parsed struct's fields against its view's: every view field is a parsed one; the parsed
/// fields the view lacks are alternative spellings, which may fill an absent documented field.
fn compare_object(raw: &[(String, Node)], view: &[(String, Node)], at: &str) -> Result<(), String> {
    let aliases: Vec<&Node> = raw
        .iter()
        .filter(|(name, _)| view.iter().all(|(v, _)| v != name))
        .map(|(_, value)| value)
        .collect();
    for (name, value) in view {
        let at = format!("{at}.{name}");
        let Some((_, parsed)) = raw.iter().find(|(r, _)| r == name) else {
            return Err(format!("{at}: not a field of the parsed struct"));
        };
        // A view field that is not an `Option` is a mandatory one, unwrapped.
        let shown = some(value).unwrap_or(value);
        match (some(parsed), is_none(parsed)) {
            (Some(parsed), _) if !is_none(value) => compare(parsed, shown, &at)?,
            (Some(_), _) => return Err(format!("{at}: the parsed value is missing in the view")),
            (None, true) if is_none(value) => {}
            (None, true) => {
                // Absent under its documented name: an alternative spelling must hold it.
                if !aliases
                    .iter()
                    .filter_map(|alias| some(alias))
                    .any(|alias| compare(alias, shown, &at).is_ok())
                {
                    return Err(format!("{at}: {value:?} is in no parsed field"));
                }
            }
            // Not an `Option`: the extra map.
            (None, false) => compare(parsed, value, &at)?,
        }
    }
    Ok(())
}

#[test]
fn every_fixture_that_validates_has_a_view_that_shows_its_fields() {
    let mut compared = 0;
    for (name, body) in green_api_webhooks_fixtures::bodies() {
        let webhook = Webhook::from_slice(&body).expect("fixtures are JSON objects");
        let report = webhook.validate();
        let view = webhook.view();
        if report.is_valid() {
            assert!(view.is_some(), "{name}: validates but has no view");
        }
        let Some(view) = view else {
            assert!(!report.is_valid(), "{name}");
            continue;
        };
        let raw = Parser::parse(&format!("{webhook:?}"));
        let shown = Parser::parse(&format!("{view:?}"));
        if let Err(difference) = compare(&raw, &shown, "") {
            panic!("{name}: {difference}");
        }
        compared += 1;
    }
    assert!(compared > 60, "only {compared} fixtures have a view");
}

#[test]
fn the_comparison_sees_a_wrong_view() {
    let raw = Parser::parse(r#"A { a: Some("x"), b: None, extra: {} }"#);
    let good = Parser::parse(r#"AView { a: "x", b: None, extra: {} }"#);
    assert_eq!(compare(&raw, &good, ""), Ok(()));
    for wrong in [
        r#"AView { a: "y", b: None, extra: {} }"#,
        r#"AView { a: None, b: None, extra: {} }"#,
        r#"AView { a: "x", b: Some("z"), extra: {} }"#,
        r#"AView { a: "x", b: None, c: None, extra: {} }"#,
        r#"AView { a: "x", b: None, extra: {"k": Null} }"#,
        r#"BView { a: "x", b: None, extra: {} }"#,
    ] {
        assert!(compare(&raw, &Parser::parse(wrong), "").is_err(), "{wrong}");
    }
}

// ---------------------------------------------------------------------------------------------
// A view exists exactly when no mandatory field is missing.

/// Every pointer to an object key in `value`, depth first.
fn key_pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let pointer = format!("{at}/{key}");
                out.push(pointer.clone());
                key_pointers(value, &pointer, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                key_pointers(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn removing_any_key_leaves_a_view_exactly_when_no_mandatory_field_goes_missing() {
    let mut removals = 0;
    let mut without_view = 0;
    for (name, body) in green_api_webhooks_fixtures::bodies() {
        let webhook = Webhook::from_slice(&body).expect("fixtures are JSON objects");
        if !webhook.validate().is_valid() {
            continue;
        }
        let value: Value = serde_json::from_slice(&body).expect("fixtures are JSON");
        let mut pointers = Vec::new();
        key_pointers(&value, "", &mut pointers);
        for pointer in pointers {
            let broken = green_api_webhooks_fixtures::with_value(value.clone(), &pointer, None);
            let webhook = Webhook::from_str(&broken.to_string()).expect("still an object");
            let missing = webhook
                .validate()
                .errors()
                .any(|issue| matches!(issue.kind, IssueKind::MissingField));
            assert_eq!(
                webhook.view().is_none(),
                missing,
                "{name} without {pointer}: missing field reported: {missing}"
            );
            removals += 1;
            without_view += usize::from(missing);
        }
    }
    assert!(removals > 1000, "only {removals} removals");
    assert!(
        without_view > 300,
        "only {without_view} removals broke the view"
    );
}

// ---------------------------------------------------------------------------------------------
// Single cases.

fn press_body() -> Value {
    let text = green_api_webhooks_fixtures::payload_text(
        "outgoing-message__InteractiveButtonsReply__2.json",
    );
    serde_json::from_str(&text).expect("fixture is JSON")
}

const PRESS: &str = "/messageData/interactiveButtonsResponse";

fn press(body: &Value) -> Webhook {
    Webhook::from_str(&body.to_string()).expect("an object")
}

/// The view of the press data of a parsed press body.
fn press_view(
    webhook: &Webhook,
) -> Option<green_api_webhooks::InteractiveButtonsResponseDataView<'_>> {
    match webhook.view()? {
        WebhookView::OutgoingMessageReceived(message) => match message.message_data {
            MessageDataView::InteractiveButtonsResponse(press) => {
                Some(press.interactive_buttons_response)
            }
            other => panic!("not a press: {other:?}"),
        },
        other => panic!("not an outgoing message: {other:?}"),
    }
}

#[test]
fn an_alternative_spelling_fills_the_documented_field() {
    let mut body = press_body();
    let press_data = body.pointer_mut(PRESS).expect("press data");
    let object = press_data.as_object_mut().expect("an object");
    let id = object.remove("selectedId").expect("selectedId");
    let text = object
        .remove("selectedDisplayText")
        .expect("selectedDisplayText");
    object.insert("selectedButtonId".to_owned(), id);
    object.insert("selectedButtonText".to_owned(), text);
    let webhook = press(&body);

    let report = webhook.validate();
    assert!(report.is_valid(), "{report}");
    assert_eq!(report.warnings().count(), 2, "{report}");

    let view = press_view(&webhook).expect("the alias satisfies the mandatory field");
    assert_eq!(view.selected_id.as_str(), Some("1"));
    assert_eq!(view.selected_display_text, Some("First Button"));
    assert_eq!(view.stanza_id, "BAE5A7BA6D6E28EB");
}

#[test]
fn the_documented_spelling_wins_over_an_alternative_one() {
    let mut body = press_body();
    body = green_api_webhooks_fixtures::with_value(
        body,
        &format!("{PRESS}/selectedButtonId"),
        Some(json!("other")),
    );
    let webhook = press(&body);
    let view = press_view(&webhook).expect("complete");
    assert_eq!(view.selected_id.as_str(), Some("1"));
}

#[test]
fn a_documented_value_that_did_not_fit_is_not_replaced_by_an_alternative_one() {
    let mut body = press_body();
    body = green_api_webhooks_fixtures::with_value(
        body,
        &format!("{PRESS}/selectedId"),
        Some(json!([1])),
    );
    body = green_api_webhooks_fixtures::with_value(
        body,
        &format!("{PRESS}/selectedButtonId"),
        Some(json!("1")),
    );
    let webhook = press(&body);
    assert!(!webhook.validate().is_valid());
    assert!(press_view(&webhook).is_none());
}

#[test]
fn a_missing_or_misfit_mandatory_field_leaves_no_view() {
    for (pointer, value) in [
        ("/instanceData/idInstance", None),
        ("/timestamp", Some(json!("soon"))),
        ("/timestamp", Some(json!(1e30))),
        (&*format!("{PRESS}/stanzaId"), None),
        (&*format!("{PRESS}/selectedId"), Some(json!(null))),
        ("/messageData/typeMessage", None),
        ("/messageData/typeMessage", Some(json!(7))),
        ("/typeWebhook", None),
    ] {
        let body = green_api_webhooks_fixtures::with_value(press_body(), pointer, value.clone());
        let webhook = press(&body);
        assert!(webhook.view().is_none(), "{pointer} = {value:?}");
        assert!(!webhook.validate().is_valid(), "{pointer} = {value:?}");
    }
}

#[test]
fn an_optional_field_that_did_not_fit_reads_none_and_an_incomplete_one_leaves_no_view() {
    // The wrong type under an optional field: an error in the report, `None` in the view, as in
    // the parsed struct; the raw value stays in `extra`.
    let body = green_api_webhooks_fixtures::with_value(
        press_body(),
        "/senderData/chatName",
        Some(json!(5)),
    );
    let webhook = press(&body);
    assert!(!webhook.validate().is_valid());
    let Some(WebhookView::OutgoingMessageReceived(message)) = webhook.view() else {
        panic!("the mandatory fields are all there");
    };
    assert_eq!(message.sender_data.chat_name, None);
    assert_eq!(message.sender_data.extra.get("chatName"), Some(&json!(5)));

    // An optional object: viewed when it is complete; no view when it lacks a mandatory field.
    let text = green_api_webhooks_fixtures::payload_text("incoming-message__TextMessage__1.json");
    let text: Value = serde_json::from_str(&text).expect("fixture is JSON");
    let quoted = |quote: Value| {
        let body = green_api_webhooks_fixtures::with_value(
            text.clone(),
            "/messageData/quotedMessage",
            Some(quote),
        );
        Webhook::from_str(&body.to_string()).expect("an object")
    };
    let webhook = quoted(json!({"stanzaId": "BAE5F4886F9", "participant": "79001234567@c.us"}));
    match webhook.view().and_then(|view| match view {
        WebhookView::IncomingMessageReceived(message) => Some(message.message_data),
        _ => None,
    }) {
        Some(MessageDataView::TextMessage(text)) => {
            let quote = text.quoted_message.expect("present");
            assert_eq!(quote.stanza_id, "BAE5F4886F9");
            assert_eq!(quote.participant, Some("79001234567@c.us"));
        }
        other => panic!("{other:?}"),
    }
    let webhook = quoted(json!({"participant": "79001234567@c.us"}));
    assert!(!webhook.validate().is_valid());
    assert!(webhook.view().is_none());
}

#[test]
fn unknown_variants_are_viewed_whole_and_undocumented_values_as_they_are() {
    let webhook = Webhook::from_str(r#"{"typeWebhook": "newThing", "x": 1}"#).expect("object");
    assert!(webhook.validate().is_valid());
    match webhook.view() {
        Some(WebhookView::Unknown(object)) => {
            assert_eq!(object.string("typeWebhook"), Some("newThing"))
        }
        other => panic!("{other:?}"),
    }
    let data: MessageData = serde_json::from_str(r#"{"typeMessage": "newMessage"}"#).expect("ok");
    assert!(matches!(data.view(), Some(MessageDataView::Unknown(_))));

    let body = green_api_webhooks_fixtures::with_value(
        serde_json::from_slice(&green_api_webhooks_fixtures::file(
            "constructed/interactive-buttons.json",
        ))
        .expect("JSON"),
        "/messageData/interactiveButtons/buttons/0/type",
        Some(json!("submit")),
    );
    let webhook = press(&body);
    let Some(MessageData::InteractiveButtons(buttons)) = webhook.message_data() else {
        panic!("an interactive-buttons message");
    };
    let data = buttons.interactive_buttons.as_ref().expect("present");
    let view = data.view().expect("an undocumented value still fits");
    let first = view.buttons.get(0).expect("one button at least");
    assert_eq!(green_api_webhooks::OpenEnum::as_str(first.kind), "submit");
}

#[test]
fn the_view_borrows_every_string_from_the_parsed_body() {
    let webhook = press(&press_body());
    let Webhook::OutgoingMessageReceived(raw) = &webhook else {
        panic!("an outgoing message");
    };
    let Some(WebhookView::OutgoingMessageReceived(view)) = webhook.view() else {
        panic!("complete");
    };
    let parsed = raw.id_message.as_deref().expect("present");
    assert!(std::ptr::eq(view.id_message, parsed));
    let parsed = raw.sender_data.as_ref().and_then(|s| s.chat_id.as_deref());
    assert!(std::ptr::eq(
        view.sender_data.chat_id,
        parsed.expect("present")
    ));
    assert!(std::ptr::eq(view.extra, &raw.extra));
    assert_eq!(view.timestamp, 1749562001);
}

#[test]
fn items_read_each_array_item_through_its_view() {
    let data: InteractiveButtonsData = serde_json::from_value(json!({
        "contentText": "Pick",
        "buttons": [
            {"type": "reply", "buttonId": "1", "buttonText": "Yes"},
            {"type": "url", "buttonId": "2", "buttonText": "Site", "url": "https://example.com"},
            {"type": "copy", "buttonId": "3", "buttonText": "Code", "copyCode": "X1"}
        ]
    }))
    .expect("an object");
    let view = data.view().expect("complete");
    let buttons = view.buttons;
    assert_eq!(buttons.len(), 3);
    assert!(!buttons.is_empty());
    assert_eq!(
        buttons.get(1).and_then(|b| b.url),
        Some("https://example.com")
    );
    assert!(buttons.get(3).is_none());
    let ids: Vec<&str> = buttons.iter().map(|b| b.button_id).collect();
    assert_eq!(ids, ["1", "2", "3"]);
    let backwards: Vec<&str> = buttons.iter().rev().map(|b| b.button_id).collect();
    assert_eq!(backwards, ["3", "2", "1"]);
    assert_eq!(buttons.iter().len(), 3);
    assert_eq!((&buttons).into_iter().count(), 3);
    assert!(std::ptr::eq(
        buttons.as_slice(),
        data.buttons.as_deref().expect("present")
    ));
    assert_eq!(view.title_text, None);

    // One item without a mandatory field: the array, and so the object, has no view.
    let incomplete: InteractiveButtonsData = serde_json::from_value(json!({
        "contentText": "Pick",
        "buttons": [
            {"type": "reply", "buttonId": "1", "buttonText": "Yes"},
            {"type": "reply", "buttonText": "No id"}
        ]
    }))
    .expect("an object");
    assert!(incomplete.view().is_none());
    assert!(
        incomplete
            .buttons
            .as_ref()
            .expect("present")
            .view()
            .is_none()
    );
}
