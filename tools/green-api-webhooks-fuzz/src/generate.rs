//! Bodies generated from the spec: random valid variants, with unknown fields, unknown tags and
//! undocumented enum values mixed in.

use green_api_webhooks_spec::{Field, Message, ObjectId, Spec, Type, Webhook};
use serde_json::{Map, Value, json};

use crate::Rng;
use crate::mutate::random_scalar;

/// Generates bodies from a loaded spec.
pub struct BodyGenerator {
    spec: Spec,
    webhooks: Vec<Webhook>,
    messages: Vec<Message>,
}

/// Deeper than any documented body; keeps generated bodies within the parser's limits.
const MAX_DEPTH: usize = 8;

impl BodyGenerator {
    /// A generator for every variant of `spec`.
    pub fn new(spec: &Spec) -> BodyGenerator {
        BodyGenerator {
            spec: spec.clone(),
            webhooks: spec.webhooks().cloned().collect(),
            messages: spec.messages().cloned().collect(),
        }
    }

    /// A random body: usually a known variant with its fields, sometimes an unknown one.
    pub fn body(&self, rng: &mut Rng) -> Value {
        if self.webhooks.is_empty() || rng.one_in(12) {
            return json!({ "typeWebhook": "futureWebhook", "payload": random_scalar(rng) });
        }
        let webhook = rng.pick(&self.webhooks);
        let mut body = self.object(webhook.body, rng, 1);
        if let Value::Object(map) = &mut body {
            map.insert("typeWebhook".to_owned(), json!(webhook.type_webhook));
        }
        body
    }

    fn object(&self, id: ObjectId, rng: &mut Rng, depth: usize) -> Value {
        self.fields(&self.spec.object(id).fields, rng, depth)
    }

    fn fields(&self, fields: &[Field], rng: &mut Rng, depth: usize) -> Value {
        let mut map = Map::new();
        for field in fields {
            let present = if field.mandatory {
                !rng.one_in(20)
            } else {
                rng.one_in(2)
            };
            if present {
                map.insert(field.wire.clone(), self.value(&field.ty, rng, depth + 1));
            }
        }
        if rng.one_in(5) {
            map.insert(format!("undocumented{}", rng.below(10)), random_scalar(rng));
        }
        Value::Object(map)
    }

    fn message(&self, rng: &mut Rng, depth: usize) -> Value {
        if self.messages.is_empty() || rng.one_in(12) {
            return json!({ "typeMessage": "futureMessage", "futureMessage": { "x": random_scalar(rng) } });
        }
        let message = rng.pick(&self.messages);
        let mut data = self.fields(&message.fields, rng, depth);
        if let Value::Object(map) = &mut data {
            map.insert("typeMessage".to_owned(), json!(message.type_message));
        }
        data
    }

    fn value(&self, ty: &Type, rng: &mut Rng, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        match ty {
            Type::String => json!(format!("s{}", rng.below(1_000))),
            Type::Integer => json!(rng.next_u64() as i64),
            Type::Number if rng.one_in(2) => json!(rng.below(1_000)),
            Type::Number => json!(rng.below(1_000_000) as f64 / 1_000.0),
            Type::Boolean => json!(rng.one_in(2)),
            Type::Any => random_scalar(rng),
            Type::StringOrInteger if rng.one_in(2) => json!(rng.below(100)),
            Type::StringOrInteger => json!(rng.below(100).to_string()),
            Type::Array(item) => Value::Array(
                (0..rng.below(4))
                    .map(|_| self.value(item, rng, depth + 1))
                    .collect(),
            ),
            Type::MessageData => self.message(rng, depth),
            Type::Enum(id) => {
                let e = self.spec.enumeration(*id);
                if !e.values.is_empty() && !rng.one_in(10) {
                    json!(rng.pick(&e.values).wire)
                } else {
                    json!("undocumentedValue")
                }
            }
            Type::Object(id) => self.object(*id, rng, depth),
        }
    }
}

/// JSON text with `typeWebhook` and `typeMessage` written first in every object, as Green-API
/// sends them (`Value`'s own output sorts keys, which puts most data keys first).
pub fn tags_first(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let tags = ["typeWebhook", "typeMessage"];
            let first = tags.iter().filter_map(|t| map.get_key_value(*t));
            let rest = map.iter().filter(|(k, _)| !tags.contains(&k.as_str()));
            let entries: Vec<String> = first
                .chain(rest)
                .map(|(k, v)| format!("{}:{}", Value::String(k.clone()), tags_first(v)))
                .collect();
            format!("{{{}}}", entries.join(","))
        }
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(tags_first).collect::<Vec<_>>().join(",")
        ),
        other => other.to_string(),
    }
}
