//! The spec's rules that JSON Schema can state: the fields one value of another requires
//! (`if`/`then`), values allowed in one place only, and the messages a webhook must not carry.
//! Only errors are stated, since a schema cannot warn. Formats and fields mandatory in some
//! products depend on the body's product, which a body does not always name (WABA's say
//! `whatsapp`), so they stay the library's; the schema's description says so.

use green_api_webhooks_spec::{Check, Object, Severity, Spec, Type, Webhook};

use crate::json::Obj;

/// The conditions `object` must meet besides its fields' types, one per rule.
pub(crate) fn object_conditions(spec: &Spec, object: &Object) -> Vec<Obj> {
    spec.rules()
        .filter(|rule| rule.severity == Severity::Error)
        .filter(|rule| std::ptr::eq(spec.object(rule.object), object))
        .filter_map(|rule| match &rule.check {
            Check::Require {
                when_field,
                when_value,
                fields,
            } => {
                let when = Obj::new()
                    .with(
                        "properties",
                        Obj::new().with(when_field, Obj::new().with("const", when_value.as_str())),
                    )
                    .with("required", vec![when_field.as_str()]);
                let then = Obj::new().with("required", fields.clone());
                Some(
                    Obj::new()
                        .with("description", rule.reason.as_str())
                        .with("if", when)
                        .with("then", then),
                )
            }
            Check::Allow { field, values } => {
                let holder = &object.fields[rule.field?];
                let allowed = Obj::new().with(
                    "properties",
                    Obj::new().with(field, Obj::new().with("enum", values.clone())),
                );
                let value = match holder.ty {
                    Type::Array(_) => Obj::new().with("items", allowed),
                    _ => allowed,
                };
                Some(
                    Obj::new()
                        .with("description", rule.reason.as_str())
                        .with("properties", Obj::new().with(&holder.wire, value)),
                )
            }
            Check::Format(_) => None,
        })
        .collect()
}

/// For a webhook that carries `messageData`: its `typeMessage` must not be one of those messages
/// that arrive only under other webhooks, where the spec makes that an error. `None` when no
/// message is barred.
pub(crate) fn forbidden_type_messages(spec: &Spec, webhook: &Webhook) -> Option<Obj> {
    let carries = spec
        .object(webhook.body)
        .fields
        .iter()
        .any(|field| field.ty == Type::MessageData);
    let forbidden: Vec<&str> = spec
        .messages()
        .filter(|message| carries && message.webhooks_severity == Severity::Error)
        .filter(|message| {
            !message.webhooks.is_empty() && !message.webhooks.contains(&webhook.type_webhook)
        })
        .flat_map(|message| message.tags())
        .collect();
    if forbidden.is_empty() {
        return None;
    }
    let type_message = Obj::new().with("not", Obj::new().with("enum", forbidden));
    Some(Obj::new().with("properties", Obj::new().with("typeMessage", type_message)))
}
