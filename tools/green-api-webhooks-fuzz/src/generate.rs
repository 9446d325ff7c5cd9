//! Bodies generated from the spec: random valid variants, with unknown fields, unknown tags and
//! undocumented enum values mixed in.

use std::collections::HashMap;

use green_api_webhooks_spec::{Enum, Field, MESSAGE_DATA, Message, Object, Spec, Type, Webhook};
use serde_json::{Map, Value, json};

use crate::Rng;
use crate::mutate::random_scalar;

/// Generates bodies from a loaded spec.
pub struct BodyGenerator {
    webhooks: Vec<Webhook>,
    messages: Vec<Message>,
    objects: HashMap<String, Object>,
    enums: HashMap<String, Enum>,
}

/// Deeper than any documented body; keeps generated bodies within the parser's limits.
const MAX_DEPTH: usize = 8;

impl BodyGenerator {
    /// A generator for every variant of `spec`.
    pub fn new(spec: &Spec) -> BodyGenerator {
        BodyGenerator {
            webhooks: spec.webhooks().cloned().collect(),
            messages: spec.messages().cloned().collect(),
            objects: spec
                .objects()
                .map(|o| (o.name.clone(), o.clone()))
                .collect(),
            enums: spec.enums().map(|e| (e.name.clone(), e.clone())).collect(),
        }
    }

    /// A random body: usually a known variant with its fields, sometimes an unknown one.
    pub fn body(&self, rng: &mut Rng) -> Value {
        if self.webhooks.is_empty() || rng.one_in(12) {
            return json!({ "typeWebhook": "futureWebhook", "payload": random_scalar(rng) });
        }
        let webhook = rng.pick(&self.webhooks);
        let mut body = self.object(&webhook.body, rng, 1);
        if let Value::Object(map) = &mut body {
            map.insert("typeWebhook".to_owned(), json!(webhook.type_webhook));
        }
        body
    }

    fn object(&self, name: &str, rng: &mut Rng, depth: usize) -> Value {
        match self.objects.get(name) {
            Some(object) => self.fields(&object.fields, rng, depth),
            None => json!({}),
        }
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
            Type::Named(name) if name == MESSAGE_DATA => self.message(rng, depth),
            Type::Named(name) => match self.enums.get(name) {
                Some(e) if !e.values.is_empty() && !rng.one_in(10) => {
                    json!(rng.pick(&e.values).wire)
                }
                Some(_) => json!("undocumentedValue"),
                None => self.object(name, rng, depth),
            },
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
