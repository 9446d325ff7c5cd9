//! The spec crate decides which JSON each spec type accepts (`Type::fit`); the generated crate
//! reads the same rules from its Rust types. This checks that the two agree: every field of
//! every webhook body and every message, given a value of each JSON type (and an integer beyond
//! 64 bits), is reported as a wrong type or out of range by `validate()` exactly when the spec
//! says so, directly and as an array item.

use green_api_webhooks::{IssueKind, Webhook};
use green_api_webhooks_spec::{Field, Spec, Type, ValueFit};
use serde_json::{Map, Value, json};

/// A value of every JSON type, and the integers at and past the 64-bit edge.
fn samples() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(7),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(1.5),
        json!("text"),
        json!([]),
        json!({}),
    ]
}

/// What `validate()` says at `pointer`: a wrong type, out of range, or neither.
fn runtime_fit(body: Value, pointer: &str) -> ValueFit {
    let webhook = Webhook::from_slice(body.to_string().as_bytes()).expect("an object parses");
    let report = webhook.validate();
    let at = |issue: &&green_api_webhooks::Issue| issue.path == pointer;
    let kinds: Vec<&IssueKind> = report.issues.iter().filter(at).map(|i| &i.kind).collect();
    if kinds
        .iter()
        .any(|k| matches!(k, IssueKind::WrongType { .. }))
    {
        ValueFit::WrongType
    } else if kinds
        .iter()
        .any(|k| matches!(k, IssueKind::OutOfRange { .. }))
    {
        ValueFit::OutOfRange
    } else {
        ValueFit::Fits
    }
}

/// Where a field sits: the body's tags, and the keys from the body down to the field's object.
#[derive(Clone)]
struct Place<'s> {
    type_webhook: &'s str,
    type_message: Option<&'s str>,
    keys: Vec<String>,
}

impl Place<'_> {
    /// A body with `value` under `wire` at this place, and that value's JSON Pointer.
    fn body(&self, wire: &str, value: Value) -> (Value, String) {
        let mut inner = object(vec![(wire, value)]);
        for (depth, key) in self.keys.iter().enumerate().rev() {
            let mut pairs = vec![(key.as_str(), inner)];
            if let (0, Some(tag)) = (depth, self.type_message) {
                // `keys[0]` is `messageData` for message fields.
                if let Value::Object(map) = &mut pairs[0].1 {
                    map.insert("typeMessage".to_owned(), json!(tag));
                }
            }
            inner = object(pairs);
        }
        if let Value::Object(map) = &mut inner {
            map.insert("typeWebhook".to_owned(), json!(self.type_webhook));
        }
        let mut pointer = String::new();
        for key in self.keys.iter().chain(std::iter::once(&wire.to_owned())) {
            pointer.push('/');
            pointer.push_str(key);
        }
        (inner, pointer)
    }
}

/// Checks every field of `fields` at `place` with every sample, then the fields of the objects
/// they hold (each object once).
fn check_fields(
    spec: &Spec,
    fields: &[Field],
    place: &Place<'_>,
    seen: &mut Vec<String>,
    disagreements: &mut Vec<String>,
) -> usize {
    let mut checked = 0;
    for field in fields {
        for sample in samples() {
            let (body, pointer) = place.body(&field.wire, sample.clone());
            compare(&field.ty, &sample, body, &pointer, disagreements);
            if let Type::Array(item) = &field.ty {
                let (body, pointer) = place.body(&field.wire, Value::Array(vec![sample.clone()]));
                compare(item, &sample, body, &format!("{pointer}/0"), disagreements);
            }
        }
        checked += 1;
        if let Type::Object(id) = &field.ty {
            let object = spec.object(*id);
            if !seen.contains(&object.name) {
                seen.push(object.name.clone());
                let mut inner = place.clone();
                inner.keys.push(field.wire.clone());
                checked += check_fields(spec, &object.fields, &inner, seen, disagreements);
            }
        }
    }
    checked
}

fn compare(ty: &Type, sample: &Value, body: Value, pointer: &str, out: &mut Vec<String>) {
    let (expected, found) = (ty.fit(sample), runtime_fit(body, pointer));
    if expected != found {
        out.push(format!(
            "{pointer} = {sample}: spec says {expected:?}, validate() says {found:?}"
        ));
    }
}

fn object(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect::<Map<_, _>>(),
    )
}

#[test]
fn the_runtime_accepts_what_the_spec_says_for_every_field() {
    let spec: Spec = green_api_webhooks_tests::spec();
    let (mut disagreements, mut seen, mut checked) = (Vec::new(), Vec::new(), 0);
    for webhook in spec.webhooks() {
        let place = Place {
            type_webhook: &webhook.type_webhook,
            type_message: None,
            keys: Vec::new(),
        };
        let fields = &spec.object(webhook.body).fields;
        checked += check_fields(&spec, fields, &place, &mut seen, &mut disagreements);
    }
    for message in spec.messages() {
        let Some(type_webhook) = message.webhooks.first() else {
            continue;
        };
        let place = Place {
            type_webhook,
            type_message: Some(&message.type_message),
            keys: vec!["messageData".to_owned()],
        };
        checked += check_fields(
            &spec,
            &message.fields,
            &place,
            &mut seen,
            &mut disagreements,
        );
    }
    assert!(checked > 100, "only {checked} fields checked");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
