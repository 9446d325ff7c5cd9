//! The spec as a schema tree: the root dispatches on `typeWebhook`, `MessageData` on
//! `typeMessage`; every webhook, message, object and enum is a `$defs` entry under its spec name.

use std::collections::HashMap;

use green_api_webhooks_spec::{Loc, MESSAGE_DATA, Message, Spec, Type, Webhook};

use crate::fields::{Described, describe_fields};
use crate::json::Obj;
use crate::{GENERATED_NOTE, SCHEMA_ID, SchemaError};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

const POLICY: &str = "Every webhook body that Green-API documents, as the green-api-webhooks \
spec (spec/) describes it. Strict where the spec is definite: `typeWebhook` and \
`messageData.typeMessage` must be documented values; mandatory fields must be present (a \
documented alternative spelling counts); every value must have its documented JSON type, \
integers must fit in 64 bits, and strings with a documented set of values must be one of them. \
Open where Green-API adds things before documenting them: properties the spec does not describe \
are allowed. A body is valid here when the green-api-webhooks library parses it to a known \
webhook and message and `validate()` reports no error; the library also keeps bodies with \
undocumented `typeWebhook` or `typeMessage` values (as warnings), which this schema rejects. \
Of the spec's rules, those that are errors and hold in every product are stated here too: \
fields another field's value requires, values allowed in one place only, and the messages a \
webhook must not carry. Formats of ids and times and fields mandatory in some products depend \
on the product, which a body does not always name, and are the library's only, as are the rules \
it reports as warnings (such as a message under a `typeWebhook` its page does not list). \
JSON Schema counts `1.0` as an integer; the library does not.";

/// The whole schema for `spec`.
pub(crate) fn schema(spec: &Spec) -> Result<Obj, Vec<SchemaError>> {
    let errors = name_clashes(spec);
    let mut defs = Obj::new();
    for webhook in spec.webhooks() {
        defs.push(&webhook.name, webhook_def(spec, webhook));
    }
    defs.push(MESSAGE_DATA, message_data_def(spec));
    for message in spec.messages() {
        defs.push(&message.name, message_def(spec, message));
    }
    for object in spec.objects() {
        let mut described = describe_fields(spec, &object.fields);
        described.add_conditions(crate::rules::object_conditions(spec, object));
        let def = documented(&object.summary, &object.page).with("type", "object");
        defs.push(&object.name, described.into_object(def));
    }
    for enumeration in spec.enums() {
        let values: Vec<&str> = enumeration.values.iter().map(|v| v.wire.as_str()).collect();
        let def = documented(&enumeration.summary, &enumeration.page)
            .with("type", "string")
            .with("enum", values);
        defs.push(&enumeration.name, def);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let type_webhooks: Vec<&str> = spec.webhooks().map(|w| w.type_webhook.as_str()).collect();
    let dispatch: Vec<Obj> = spec
        .webhooks()
        .map(|w| branch("typeWebhook", &w.type_webhook, &w.name))
        .collect();
    let type_webhook = Obj::new()
        .with(
            "description",
            "Which webhook this is; it decides what the rest of the body holds.",
        )
        .with("type", "string")
        .with("enum", type_webhooks);
    Ok(Obj::new()
        .with("$comment", GENERATED_NOTE)
        .with("$schema", DRAFT)
        .with("$id", SCHEMA_ID)
        .with("title", "Green-API webhook bodies")
        .with("description", POLICY)
        .with("type", "object")
        .with("properties", Obj::new().with("typeWebhook", type_webhook))
        .with("required", vec!["typeWebhook"])
        .with("allOf", dispatch)
        .with("$defs", defs))
}

/// The start of every definition: what it is and the page that documents it.
pub(crate) fn documented(summary: &str, page: &str) -> Obj {
    let def = Obj::new().with("description", summary);
    if page.is_empty() {
        def
    } else {
        def.with("$comment", page)
    }
}

/// `if` the tag has this value `then` the body must match the definition. The condition asks
/// for an object: `properties` and `required` hold for anything else, and every branch would
/// then report that a non-object is not an object.
fn branch(tag: &str, value: &str, definition: &str) -> Obj {
    let condition = Obj::new()
        .with("type", "object")
        .with(
            "properties",
            Obj::new().with(tag, Obj::new().with("const", value)),
        )
        .with("required", vec![tag]);
    Obj::new()
        .with("if", condition)
        .with("then", Obj::new().with("$ref", reference(definition)))
}

pub(crate) fn reference(definition: &str) -> String {
    format!("#/$defs/{definition}")
}

/// A webhook: its tag, and its body object by reference (several webhooks share one body).
fn webhook_def(spec: &Spec, webhook: &Webhook) -> Obj {
    let tag = Obj::new().with("const", webhook.type_webhook.as_str());
    let mut properties = Obj::new().with("typeWebhook", tag);
    if let Some(barred) = crate::rules::forbidden_type_messages(spec, webhook) {
        properties.push("messageData", barred);
    }
    documented(&webhook.summary, &webhook.page)
        .with("type", "object")
        .with("properties", properties)
        .with("required", vec!["typeWebhook"])
        .with("$ref", reference(&spec.object(webhook.body).name))
}

/// `messageData`: a documented `typeMessage`, and the fields that value calls for.
fn message_data_def(spec: &Spec) -> Obj {
    let type_messages: Vec<&str> = spec.messages().flat_map(|m| m.tags()).collect();
    let dispatch: Vec<Obj> = spec
        .messages()
        .flat_map(|m| m.tags().map(|tag| branch("typeMessage", tag, &m.name)))
        .collect();
    // The page of the envelope that carries `messageData` documents it.
    let page = spec
        .objects()
        .find(|o| o.fields.iter().any(|f| f.ty == Type::MessageData))
        .map_or("", |o| o.page.as_str());
    let type_message = Obj::new()
        .with(
            "description",
            "Which message this is; it decides what the rest of `messageData` holds.",
        )
        .with("type", "string")
        .with("enum", type_messages);
    documented(
        "The message a message webhook carries, by `typeMessage`.",
        page,
    )
    .with("type", "object")
    .with("properties", Obj::new().with("typeMessage", type_message))
    .with("required", vec!["typeMessage"])
    .with("allOf", dispatch)
}

/// A message: its `typeMessage` and the other fields of `messageData`.
fn message_def(spec: &Spec, message: &Message) -> Obj {
    let tags: Vec<&str> = message.tags().collect();
    let mut described = Described::tagged("typeMessage", &tags);
    described.add_fields(spec, &message.fields);
    let def = documented(&message.summary, &message.page).with("type", "object");
    described.into_object(def)
}

/// Every `$defs` name used twice, each reported at its later use.
fn name_clashes(spec: &Spec) -> Vec<SchemaError> {
    let mut first: HashMap<&str, Option<&Loc>> = HashMap::from([(MESSAGE_DATA, None)]);
    let named = spec
        .webhooks()
        .map(|w| (&w.name, &w.loc))
        .chain(spec.messages().map(|m| (&m.name, &m.loc)))
        .chain(spec.objects().map(|o| (&o.name, &o.loc)))
        .chain(spec.enums().map(|e| (&e.name, &e.loc)));
    let mut errors = Vec::new();
    for (name, loc) in named {
        match first.get(name.as_str()) {
            Some(other) => errors.push(SchemaError::NameClash {
                name: name.clone(),
                loc: loc.clone(),
                other: other.map_or_else(
                    || "the definition of `messageData`".to_owned(),
                    ToString::to_string,
                ),
            }),
            None => {
                first.insert(name, Some(loc));
            }
        }
    }
    errors
}
