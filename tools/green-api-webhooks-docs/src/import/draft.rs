//! A spec entry drafted from one page: the variant (`[message.X]`, or `[webhook.X]` with its
//! body object), one `[object.Y]` per table it reaches, one `[enum.Z]` per documented value set.
//! Everything a reviewer must check is kept as comments next to the entry it concerns.

use crate::values::tag_values;
use crate::{Page, Problem, Row};
use green_api_webhooks_spec::TypeExpr;
use serde_json::Value;

use super::known::KnownSpec;
use green_api_webhooks_rust_model::pascal_case as camel_case;
use green_api_webhooks_spec::DRAFT_PLACEHOLDER as TODO;

use super::names::{kebab_case, name_from_file, page_url};
use super::objects::Walker;
use super::toml_out;

pub struct Draft {
    /// The page's file name.
    pub source: String,
    pub title: String,
    pub problems: Vec<Problem>,
    /// Things about the page as a whole: where a tag came from, tables left out, duplicates.
    pub notes: Vec<String>,
    pub page_url: Option<String>,
    /// Where the finished entry goes.
    pub save_as: SaveAs,
    pub variant: Variant,
    /// The message's fields, or the webhook's body object.
    pub main: DraftObject,
    pub objects: Vec<DraftObject>,
    pub enums: Vec<DraftEnum>,
}

/// Where the finished entry goes.
pub enum SaveAs {
    /// A new file: `spec/webhooks/NAME.toml` for a webhook, `spec/messages/NAME.toml` for a
    /// message.
    New(String),
    /// The spec file that already defines the variant: the draft is compared with it.
    Existing(String),
}

pub enum Variant {
    Message {
        name: String,
        type_message: String,
        webhooks: Vec<String>,
    },
    Webhook {
        name: String,
        type_webhook: String,
    },
}

pub struct DraftObject {
    pub name: String,
    /// The description of the row that introduced the object.
    pub docs: Option<String>,
    pub fields: Vec<DraftField>,
    /// Example keys that no row of the table documents.
    pub unlisted: Vec<String>,
}

pub struct DraftField {
    pub wire: String,
    pub rust: Option<String>,
    pub ty: TypeExpr,
    pub mandatory: bool,
    pub docs: String,
    pub notes: Vec<String>,
}

pub struct DraftEnum {
    pub name: String,
    pub docs: String,
    pub values: Vec<DraftValue>,
}

pub struct DraftValue {
    pub wire: String,
    pub rust: Option<String>,
    pub note: Option<String>,
}

/// The drafted spec TOML for `page`.
pub fn draft(page: &Page, known: &KnownSpec) -> String {
    toml_out::render(&build(page, known))
}

pub fn build(page: &Page, known: &KnownSpec) -> Draft {
    let message_table = table_index(page, "messageData");
    let webhook_table = table_index(page, "webhook");
    let conditions = page.conditions.in_block();
    // The conditions block decides; pages without one say what they describe by their tables.
    let is_message = conditions.type_message.is_some()
        || (conditions.type_webhook.is_empty() && message_table.is_some());
    let mut notes = Vec::new();
    let (variant, main, walker) = if is_message {
        draft_message(page, known, message_table, &mut notes)
    } else {
        draft_webhook(page, known, webhook_table, &mut notes)
    };
    let main_table = if is_message {
        message_table
    } else {
        webhook_table
    };
    let main_object = if is_message { "messageData" } else { "webhook" };
    for (index, table) in page.tables.iter().enumerate() {
        if Some(index) != main_table && !walker.reached(index) {
            let object = if table.object.is_empty() {
                "(unnamed)"
            } else {
                &table.object
            };
            notes.push(format!(
                "the `{object}` table is not reached from the `{main_object}` table; not drafted"
            ));
        }
    }
    let page_url = page_url(&page.page);
    if page_url.is_none() {
        notes.push(format!(
            "`page`: the address of {} cannot be told from its file name; fill it in",
            page.page
        ));
    }
    let (objects, enums) = walker.finish();
    let save_as = save_as(&variant, known);
    Draft {
        source: page.page.clone(),
        title: page.title.clone(),
        problems: page.problems.clone(),
        notes,
        page_url,
        save_as,
        variant,
        main,
        objects,
        enums,
    }
}

fn draft_message<'p>(
    page: &'p Page,
    known: &'p KnownSpec,
    table: Option<usize>,
    notes: &mut Vec<String>,
) -> (Variant, DraftObject, Walker<'p>) {
    let type_message = message_tag(page, table, notes);
    let mut name = variant_name(&type_message, page);
    if let Some((existing, file)) = known.type_messages.get(&type_message) {
        notes.push(format!(
            "typeMessage `{type_message}` is already [message.{existing}] in {file}: \
             compare this draft with it instead of adding it"
        ));
    } else {
        name = unclaimed(name, |name| known.is_taken(name), notes);
    }
    let bodies = matching_examples(page, "typeMessage", &type_message, notes, |example| {
        example.get("messageData")
    });
    let webhooks = message_webhooks(page, known, &bodies, notes);
    let instances: Vec<&Value> = bodies.iter().filter_map(|b| b.get("messageData")).collect();
    let mut walker = Walker::new(page, known, &name);
    let main = walker.main_object(&name, table, "typeMessage", &instances);
    let variant = Variant::Message {
        name,
        type_message,
        webhooks,
    };
    (variant, main, walker)
}

fn draft_webhook<'p>(
    page: &'p Page,
    known: &'p KnownSpec,
    table: Option<usize>,
    notes: &mut Vec<String>,
) -> (Variant, DraftObject, Walker<'p>) {
    let type_webhook = webhook_tag(page, table, notes);
    let mut name = variant_name(&type_webhook, page);
    if let Some((existing, file)) = known.type_webhooks.get(&type_webhook) {
        notes.push(format!(
            "typeWebhook `{type_webhook}` is already [webhook.{existing}] in {file}: \
             compare this draft with it instead of adding it"
        ));
    } else {
        name = unclaimed(name, |name| known.webhook_names.contains(name), notes);
    }
    let bodies = matching_examples(page, "typeWebhook", &type_webhook, notes, Some);
    let mut walker = Walker::new(page, known, &name);
    let body = walker.fresh_name(&format!("{name}Webhook"));
    let main = walker.main_object(&body, table, "typeWebhook", &bodies);
    let variant = Variant::Webhook { name, type_webhook };
    (variant, main, walker)
}

/// The spec file that defines the variant already, else the file a new one goes in.
fn save_as(variant: &Variant, known: &KnownSpec) -> SaveAs {
    let (existing, folder, name) = match variant {
        Variant::Message {
            name, type_message, ..
        } => (known.type_messages.get(type_message), "messages", name),
        Variant::Webhook { name, type_webhook } => {
            (known.type_webhooks.get(type_webhook), "webhooks", name)
        }
    };
    match existing {
        Some((_, file)) => SaveAs::Existing(file.clone()),
        None => SaveAs::New(format!("spec/{folder}/{}.toml", kebab_case(name))),
    }
}

/// `typeMessage` from the conditions, else from the messageData table, else from an example.
fn message_tag(page: &Page, table: Option<usize>, notes: &mut Vec<String>) -> String {
    let from_table = table.and_then(|index| tag_in_table(page, index, "typeMessage"));
    if let Some(tag) = &page.conditions.in_block().type_message {
        if let Some(other) = from_table.filter(|other| other != tag) {
            notes.push(format!(
                "docs disagree: the messageData table says typeMessage is `{other}`, \
                 the conditions say `{tag}`"
            ));
        }
        return tag.clone();
    }
    if let Some(tag) = from_table {
        notes.push(
            "typeMessage: the page has no conditions block; taken from the messageData table"
                .into(),
        );
        return tag;
    }
    let from_example = page.examples.iter().find_map(|example| {
        let tag = example.get("messageData")?.get("typeMessage")?.as_str()?;
        Some(tag.to_string())
    });
    if let Some(tag) = from_example {
        notes.push(
            "typeMessage: neither the conditions nor a table give it; taken from an example".into(),
        );
        return tag;
    }
    notes.push("typeMessage: the page does not give it; fill it in".into());
    TODO.to_string()
}

/// `typeWebhook` from the conditions, else from the webhook table, else from an example.
fn webhook_tag(page: &Page, table: Option<usize>, notes: &mut Vec<String>) -> String {
    let from_table = table.and_then(|index| tag_in_table(page, index, "typeWebhook"));
    let conditions = page.conditions.in_block();
    if let Some(tag) = conditions.type_webhook.first() {
        if conditions.type_webhook.len() > 1 {
            notes.push(format!(
                "the conditions allow several typeWebhook values ({}); drafted the first",
                conditions.type_webhook.join(", ")
            ));
        }
        if let Some(other) = from_table.filter(|other| other != tag) {
            notes.push(format!(
                "docs disagree: the webhook table says typeWebhook is `{other}`, \
                 the conditions say `{tag}`"
            ));
        }
        return tag.clone();
    }
    if let Some(tag) = from_table {
        return tag;
    }
    let from_example = page
        .examples
        .iter()
        .find_map(|example| Some(example.get("typeWebhook")?.as_str()?.to_string()));
    if let Some(tag) = from_example {
        notes.push(
            "typeWebhook: neither the conditions nor a table give it; taken from an example".into(),
        );
        return tag;
    }
    notes.push("typeWebhook: the page does not give it; fill it in".into());
    TODO.to_string()
}

/// The value a tag row documents: the first it names (see [`tag_values`]).
fn tag_in_table(page: &Page, table: usize, tag: &str) -> Option<String> {
    let row: &Row = page
        .tables
        .get(table)?
        .rows
        .iter()
        .find(|row| row.name == tag)?;
    tag_values(row).into_iter().next()
}

/// The example bodies whose tag (at `locate(example)`.`key`) is `tag`; the others are named in
/// a note, since they document something else or contradict the page.
fn matching_examples<'p>(
    page: &'p Page,
    key: &str,
    tag: &str,
    notes: &mut Vec<String>,
    locate: impl Fn(&'p Value) -> Option<&'p Value>,
) -> Vec<&'p Value> {
    if page.examples.is_empty() {
        notes.push("the page has no complete example body; nothing was compared".into());
    }
    if tag == TODO {
        // Without a tag to check, every example shows what the page describes.
        return page.examples.iter().collect();
    }
    let mut matching = Vec::new();
    for (index, example) in page.examples.iter().enumerate() {
        let number = index + 1;
        match locate(example).and_then(|holder| holder.get(key)) {
            Some(Value::String(found)) if found == tag => matching.push(example),
            Some(found) => notes.push(format!(
                "example disagrees: example {number} has {key} {found}, not `{tag}`; \
                 its fields were not compared"
            )),
            None => notes.push(format!(
                "example disagrees: example {number} has no {key}; its fields were not compared"
            )),
        }
    }
    matching
}

/// The `typeWebhook` values a message arrives under; only those the spec defines, so that the
/// draft loads. The others are named in a note.
fn message_webhooks(
    page: &Page,
    known: &KnownSpec,
    bodies: &[&Value],
    notes: &mut Vec<String>,
) -> Vec<String> {
    let mut documented = page.conditions.in_block().type_webhook.clone();
    if documented.is_empty() {
        let tags = bodies
            .iter()
            .filter_map(|body| body.get("typeWebhook").and_then(Value::as_str));
        for tag in tags {
            if !documented.iter().any(|known| known == tag) {
                documented.push(tag.to_string());
            }
        }
        if !documented.is_empty() {
            notes
                .push("webhooks: the page has no conditions block; taken from the examples".into());
        }
    }
    if !known.loaded {
        return documented;
    }
    let (defined, undefined): (Vec<String>, Vec<String>) = documented
        .into_iter()
        .partition(|tag| known.type_webhooks.contains_key(tag));
    for tag in undefined {
        notes.push(format!(
            "webhooks: no [webhook.*] of the spec has typeWebhook `{tag}`; \
             add one (body = \"MessageWebhook\") and list it here"
        ));
    }
    defined
}

/// `name`, or `name` numbered when the spec already has it for another tag.
fn unclaimed(name: String, taken: impl Fn(&str) -> bool, notes: &mut Vec<String>) -> String {
    if !taken(&name) {
        return name;
    }
    let mut number = 2;
    while taken(&format!("{name}{number}")) {
        number += 1;
    }
    let numbered = format!("{name}{number}");
    notes.push(format!(
        "the spec already has a variant named `{name}` for another tag; drafted as `{numbered}`"
    ));
    numbered
}

fn variant_name(tag: &str, page: &Page) -> String {
    if tag == TODO {
        name_from_file(&page.page)
    } else {
        camel_case(tag)
    }
}

fn table_index(page: &Page, object: &str) -> Option<usize> {
    page.tables.iter().position(|table| table.object == object)
}
