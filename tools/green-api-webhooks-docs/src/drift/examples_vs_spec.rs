//! Check 3: each example body against the spec, as the generated types would read it: tags the
//! spec lacks, keys it lacks, mandatory fields the body lacks, values of another type or
//! outside an enum.

use green_api_webhooks_spec::{JsonType, Type, ValueFit};
use serde_json::{Map, Value};

use super::docs::Example;
use super::finding::{EXAMPLES, PageFindings};
use super::page_tables::{TYPE_MESSAGE, TYPE_WEBHOOK};
use super::spec_index::{Holder, SpecIndex};

pub fn check(example: &Example, index: &SpecIndex<'_>, found: &mut PageFindings) {
    let mut walker = Walker {
        index,
        example: &example.name,
        found,
        type_webhook: None,
    };
    walker.body(&example.value);
}

struct Walker<'a, 's> {
    index: &'a SpecIndex<'s>,
    example: &'a str,
    found: &'a mut PageFindings,
    /// The body's `typeWebhook`, to check that its message may arrive under it.
    type_webhook: Option<&'a str>,
}

impl<'a> Walker<'a, '_> {
    fn note(&mut self, subject: &str, owners: &[&str], text: String) {
        self.found.seen_in(self.example, subject, owners, text);
    }

    fn body(&mut self, value: &'a Value) {
        let Some(body) = value.as_object() else {
            let text = format!("{EXAMPLES}: {} body vs spec: object", JsonType::of(value));
            return self.note(TYPE_WEBHOOK, &[], text);
        };
        let Some(tag) = body.get(TYPE_WEBHOOK).and_then(Value::as_str) else {
            let text = format!("{EXAMPLES}: no {TYPE_WEBHOOK} vs spec: required");
            return self.note(TYPE_WEBHOOK, &[], text);
        };
        let Some(webhook) = self.index.webhook(tag) else {
            let text = format!("{EXAMPLES}: {TYPE_WEBHOOK} {tag} vs spec: no such webhook");
            return self.note(tag, &[], text);
        };
        self.type_webhook = Some(tag);
        let object = self.index.spec.object(webhook.body);
        self.object(body, Holder::Object(object), Some(TYPE_WEBHOOK));
    }

    fn object(&mut self, map: &'a Map<String, Value>, holder: Holder<'_>, tag: Option<&str>) {
        let name = holder.name();
        for (key, value) in map {
            if Some(key.as_str()) == tag {
                continue;
            }
            let subject = format!("{name}.{key}");
            match holder.field(key) {
                Some(field) => self.value(value, &field.ty, &subject, name),
                None => self.note(
                    &subject,
                    &[name],
                    format!("{EXAMPLES}: present vs spec: no field"),
                ),
            }
        }
        for field in holder.fields() {
            // A body may spell a field by one of its aliases instead.
            let present = holder.fields().iter().any(|f| {
                (f.wire == field.wire || f.alias_of.as_deref() == Some(&field.wire))
                    && map.contains_key(&f.wire)
            });
            if field.mandatory && !present {
                let subject = format!("{name}.{}", field.wire);
                self.note(
                    &subject,
                    &[name],
                    format!("{EXAMPLES}: absent vs spec: mandatory"),
                );
            }
        }
    }

    fn value(&mut self, value: &'a Value, ty: &Type, subject: &str, owner: &str) {
        let found = match ty.fit(value) {
            ValueFit::Fits => None,
            ValueFit::WrongType => Some(JsonType::of(value).name()),
            ValueFit::OutOfRange => Some("integer beyond 64 bits"),
        };
        if let Some(found) = found {
            let text = format!(
                "{EXAMPLES}: {found} vs spec: {}",
                self.index.spec.type_text(ty)
            );
            return self.note(subject, &[owner], text);
        }
        let index = self.index;
        match (ty, value) {
            (Type::Array(item), Value::Array(items)) => {
                for item_value in items {
                    self.value(item_value, item, subject, owner);
                }
            }
            (Type::MessageData, Value::Object(map)) => self.message_data(map, subject, owner),
            (Type::Object(id), Value::Object(map)) => {
                self.object(map, Holder::Object(index.spec.object(*id)), None);
            }
            (Type::Enum(id), Value::String(text)) => {
                let enumeration = index.spec.enumeration(*id);
                if !enumeration.values.iter().any(|v| &v.wire == text) {
                    let values: Vec<&str> =
                        enumeration.values.iter().map(|v| v.wire.as_str()).collect();
                    let name = &enumeration.name;
                    let line = format!(
                        "{EXAMPLES}: \"{text}\" vs spec {name}: {}",
                        values.join(", ")
                    );
                    self.note(name, &[subject, owner], line);
                }
            }
            _ => {}
        }
    }

    fn message_data(&mut self, map: &'a Map<String, Value>, subject: &str, owner: &str) {
        let Some(tag) = map.get(TYPE_MESSAGE).and_then(Value::as_str) else {
            let text = format!("{EXAMPLES}: no {TYPE_MESSAGE} vs spec: required");
            return self.note(subject, &[owner], text);
        };
        let Some(message) = self.index.message(tag) else {
            let text = format!("{EXAMPLES}: {TYPE_MESSAGE} {tag} vs spec: no such message");
            return self.note(tag, &[], text);
        };
        if let Some(webhook) = self.type_webhook
            && !message.webhooks.iter().any(|w| w == webhook)
        {
            let text = format!(
                "{EXAMPLES}: under {TYPE_WEBHOOK} {webhook} vs spec {}.webhooks: {}",
                message.name,
                message.webhooks.join(", ")
            );
            self.note(tag, &[&message.name], text);
        }
        self.object(map, Holder::Message(message), Some(TYPE_MESSAGE));
    }
}
