//! Reads one spec file into a [`Module`], recording every problem it finds.

use std::path::PathBuf;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::{ErrorKind, SpecError};
use crate::model::{
    BadExample, ChatIds, Check, DRAFT_PLACEHOLDER, Enum, EnumValue, Exception, Field, Format,
    Message, Module, Object, ObjectId, Product, Products, Rule, Severity, Type, TypeExpr,
    Unchecked, Webhook,
};
use crate::reader::{BoolOrStrings, Source, Table};
use crate::roles::Role;

const FILE_KEYS: &[&str] = &[
    "summary",
    "page",
    "webhook",
    "message",
    "object",
    "enum",
    "exception",
    "bad_example",
    "product",
    "rule",
];
const WEBHOOK_KEYS: &[&str] = &["type_webhook", "summary", "page", "body", "products"];
const MESSAGE_KEYS: &[&str] = &[
    "type_message",
    "also_tagged",
    "summary",
    "page",
    "webhooks",
    "webhooks_severity",
    "webhooks_reason",
    "products",
    "fields",
];
const OBJECT_KEYS: &[&str] = &["summary", "page", "fields"];
const ENUM_KEYS: &[&str] = &["summary", "page", "values"];
const FIELD_KEYS: &[&str] = &[
    "wire",
    "type",
    "mandatory",
    "summary",
    "rust",
    "alias_of",
    "role",
];
const VALUE_KEYS: &[&str] = &["wire", "summary", "rust"];
const EXCEPTION_KEYS: &[&str] = &["at", "docs", "reason", "unchecked"];
const BAD_EXAMPLE_KEYS: &[&str] = &["payload", "reason"];
const PRODUCT_KEYS: &[&str] = &["type_instance", "summary", "page", "chat_ids", "default"];
const RULE_KEYS: &[&str] = &[
    "at", "role", "format", "allow", "when", "require", "severity", "reason", "page",
];

/// One file, read: its module, the types its fields and webhooks name (messages' fields, then objects', in
/// file order) to resolve once every file is read, and its problems.
pub(crate) struct LoadedFile {
    pub module: Module,
    pub written: Vec<TypeExpr>,
    /// The `body` object name of each webhook, in file order.
    pub bodies: Vec<String>,
    pub errors: Vec<SpecError>,
}

/// Parses `text` (the contents of `file`, shown as `path` in the model) into a module.
/// Returns the module even when there were errors, so that later checks can still run.
pub(crate) fn load_file(file: PathBuf, path: String, text: &str) -> LoadedFile {
    let mut written = Vec::new();
    let mut src = Source::new(file, text);
    let (document, syntax_errors) = DeTable::parse_recoverable(text);
    for error in syntax_errors {
        let offset = error.span().map_or(0, |span| span.start);
        src.error(
            offset,
            ErrorKind::Syntax(error.message().trim().to_string()),
        );
    }
    let mut top = Table::new(document.get_ref(), document.span());
    let summary = read_summary(&mut src, &mut top);
    let page = text_or_empty(top.string(&mut src, "page"));
    let mut module = Module {
        path,
        summary,
        page: page.clone(),
        webhooks: Vec::new(),
        messages: Vec::new(),
        objects: Vec::new(),
        enums: Vec::new(),
        exceptions: Vec::new(),
        bad_examples: Vec::new(),
        products: Vec::new(),
        rules: Vec::new(),
    };
    let mut bodies = Vec::new();
    for (name, at, mut table) in top.opt_entries(&mut src, "webhook") {
        bodies.push(text_or_empty(table.string(&mut src, "body")));
        let webhook = Webhook {
            type_webhook: text_or_empty(table.string(&mut src, "type_webhook")),
            summary: read_summary(&mut src, &mut table),
            page: table
                .opt_string(&mut src, "page")
                .map_or_else(|| page.clone(), |(p, _)| p),
            // Resolved once every file is loaded.
            body: ObjectId::UNRESOLVED,
            products: products(&mut src, &mut table),
            name,
            loc: src.loc(at),
        };
        table.finish(&mut src, WEBHOOK_KEYS);
        module.webhooks.push(webhook);
    }
    for (name, at, mut table) in top.opt_entries(&mut src, "message") {
        let message = Message {
            type_message: text_or_empty(table.string(&mut src, "type_message")),
            also_tagged: table.opt_strings(&mut src, "also_tagged"),
            summary: read_summary(&mut src, &mut table),
            page: table
                .opt_string(&mut src, "page")
                .map_or_else(|| page.clone(), |(p, _)| p),
            webhooks: table.opt_strings(&mut src, "webhooks"),
            webhooks_severity: table
                .opt_string(&mut src, "webhooks_severity")
                .and_then(|(text, offset)| severity(&mut src, "webhooks_severity", &text, offset))
                .unwrap_or(Severity::Warning),
            webhooks_reason: table
                .opt_string(&mut src, "webhooks_reason")
                .map(|(r, _)| r),
            products: products(&mut src, &mut table),
            fields: fields(&mut src, &mut table, &mut written),
            name,
            loc: src.loc(at),
        };
        table.finish(&mut src, MESSAGE_KEYS);
        module.messages.push(message);
    }
    for (name, at, mut table) in top.opt_entries(&mut src, "object") {
        let object = Object {
            summary: read_summary(&mut src, &mut table),
            page: table
                .opt_string(&mut src, "page")
                .map_or_else(|| page.clone(), |(p, _)| p),
            fields: fields(&mut src, &mut table, &mut written),
            name,
            loc: src.loc(at),
        };
        table.finish(&mut src, OBJECT_KEYS);
        module.objects.push(object);
    }
    for (name, at, mut table) in top.opt_entries(&mut src, "enum") {
        let summary = read_summary(&mut src, &mut table);
        let page = table
            .opt_string(&mut src, "page")
            .map_or_else(|| page.clone(), |(p, _)| p);
        let mut values = Vec::new();
        for item in table.opt_array(&mut src, "values") {
            let Some(mut entry) = Table::from_value(&mut src, "values", item) else {
                continue;
            };
            values.push(EnumValue {
                wire: text_or_empty(entry.string(&mut src, "wire")),
                summary: read_summary(&mut src, &mut entry),
                rust: entry.opt_string(&mut src, "rust").map(|(r, _)| r),
                loc: src.loc(entry.start()),
            });
            entry.finish(&mut src, VALUE_KEYS);
        }
        table.finish(&mut src, ENUM_KEYS);
        module.enums.push(Enum {
            name,
            summary,
            page,
            values,
            loc: src.loc(at),
        });
    }
    for item in top.opt_array(&mut src, "exception") {
        let Some(mut entry) = Table::from_value(&mut src, "exception", item) else {
            continue;
        };
        let at = text_or_empty(entry.string(&mut src, "at"));
        let docs = text_or_empty(entry.string(&mut src, "docs"));
        let reason = text_or_empty(entry.string(&mut src, "reason"));
        let unchecked = entry
            .opt_string(&mut src, "unchecked")
            .and_then(|(text, offset)| {
                let unchecked = Unchecked::from_spec(&text);
                if unchecked.is_none() {
                    let expected = "one of \"prose\", \"examples\" or \"traffic\"";
                    let key = "unchecked".to_string();
                    src.error(offset, ErrorKind::WrongValue { key, expected });
                }
                unchecked
            });
        module.exceptions.push(Exception {
            at,
            docs,
            reason,
            unchecked,
            loc: src.loc(entry.start()),
        });
        entry.finish(&mut src, EXCEPTION_KEYS);
    }
    for item in top.opt_array(&mut src, "bad_example") {
        let Some(mut entry) = Table::from_value(&mut src, "bad_example", item) else {
            continue;
        };
        module.bad_examples.push(BadExample {
            payload: text_or_empty(entry.string(&mut src, "payload")),
            reason: text_or_empty(entry.string(&mut src, "reason")),
            loc: src.loc(entry.start()),
        });
        entry.finish(&mut src, BAD_EXAMPLE_KEYS);
    }
    for (name, at, mut table) in top.opt_entries(&mut src, "product") {
        let product = Product {
            type_instance: table.opt_string(&mut src, "type_instance").map(|(t, _)| t),
            summary: read_summary(&mut src, &mut table),
            page: text_or_empty(table.string(&mut src, "page")),
            chat_ids: table
                .string(&mut src, "chat_ids")
                .and_then(|(text, offset)| {
                    let scheme = ChatIds::ALL.iter().find(|(_, n)| *n == text);
                    if scheme.is_none() {
                        let expected = "\"whatsapp\", \"numeric\" or \"unchecked\"";
                        let key = "chat_ids".to_string();
                        src.error(offset, ErrorKind::WrongValue { key, expected });
                    }
                    scheme.map(|(scheme, _)| *scheme)
                })
                .unwrap_or(ChatIds::WhatsApp),
            default: table.opt_bool(&mut src, "default").unwrap_or(false),
            name,
            loc: src.loc(at),
        };
        table.finish(&mut src, PRODUCT_KEYS);
        module.products.push(product);
    }
    for item in top.opt_array(&mut src, "rule") {
        let Some(mut entry) = Table::from_value(&mut src, "rule", item) else {
            continue;
        };
        if let Some(rule) = rule(&mut src, &mut entry, &page) {
            module.rules.push(rule);
        }
        entry.finish(&mut src, RULE_KEYS);
    }
    top.finish(&mut src, FILE_KEYS);
    LoadedFile {
        module,
        written,
        bodies,
        errors: src.errors,
    }
}

/// Reads `fields`; the type each field's `type` names is pushed to `written`, in field order.
fn fields(
    src: &mut Source<'_>,
    table: &mut Table<'_, '_>,
    written: &mut Vec<TypeExpr>,
) -> Vec<Field> {
    let items: Vec<&Spanned<DeValue<'_>>> = table.opt_array(src, "fields");
    let mut fields = Vec::with_capacity(items.len());
    for item in items {
        let Some(mut entry) = Table::from_value(src, "fields", item) else {
            continue;
        };
        let wire = text_or_empty(entry.string(src, "wire"));
        let ty = entry
            .string(src, "type")
            .and_then(|(text, at)| match parse_type(&text) {
                Ok(ty) => Some(ty),
                Err(reason) => {
                    src.error(at, ErrorKind::BadType { text, reason });
                    None
                }
            });
        written.push(ty.unwrap_or(TypeExpr::Any));
        let field = Field {
            wire,
            rust: entry.opt_string(src, "rust").map(|(r, _)| r),
            alias_of: entry.opt_string(src, "alias_of").map(|(a, _)| a),
            role: entry.opt_string(src, "role").and_then(|(name, at)| {
                match Role::from_name(&name) {
                    Some(role) => Some(role),
                    None => {
                        src.error(at, ErrorKind::UnknownRole { name });
                        None
                    }
                }
            }),
            // Resolved once every file is loaded.
            ty: Type::Any,
            mandatory: false,
            mandatory_for: Vec::new(),
            summary: read_summary(src, &mut entry),
            loc: src.loc(entry.start()),
        };
        let mut field = field;
        match entry.opt_bool_or_strings(src, "mandatory") {
            Some(BoolOrStrings::Bool(mandatory)) => field.mandatory = mandatory,
            Some(BoolOrStrings::Strings(products)) => field.mandatory_for = products,
            None => {}
        }
        entry.finish(src, FIELD_KEYS);
        fields.push(field);
    }
    fields
}

fn severity(src: &mut Source<'_>, key: &str, text: &str, offset: usize) -> Option<Severity> {
    match text {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        _ => {
            let key = key.to_string();
            let expected = "\"error\" or \"warning\"";
            src.error(offset, ErrorKind::WrongValue { key, expected });
            None
        }
    }
}

/// `products = [...]`: absent means every product.
fn products(src: &mut Source<'_>, table: &mut Table<'_, '_>) -> Products {
    match table.opt_bool_or_strings(src, "products") {
        Some(BoolOrStrings::Strings(names)) => Products::Only(names),
        Some(BoolOrStrings::Bool(_)) => {
            let key = "products".to_string();
            let expected = "a list of product names";
            src.error(table.start(), ErrorKind::WrongValue { key, expected });
            Products::All
        }
        None => Products::All,
    }
}

/// One `[[rule]]`: `at`, exactly one of `format`, `allow` or `when` with `require`, then
/// `severity`, `reason` and an optional `page` (the file's by default).
fn rule(src: &mut Source<'_>, entry: &mut Table<'_, '_>, page: &str) -> Option<Rule> {
    let at = entry.opt_string(src, "at").map(|(at, _)| at);
    let role = entry.opt_string(src, "role").and_then(|(name, offset)| {
        let role = Role::from_name(&name);
        if role.is_none() {
            src.error(offset, ErrorKind::UnknownRole { name });
        }
        role
    });
    let written_format = entry.opt_string(src, "format");
    let format = written_format.clone().and_then(|(name, offset)| {
        let format = Format::from_name(&name);
        if format.is_none() {
            let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
            let expected = names.join(", ");
            src.error(offset, ErrorKind::UnknownFormat { name, expected });
        }
        format
    });
    let allow = entry.opt_table_of_strings(src, "allow");
    let when = entry.opt_table_of_string(src, "when");
    let require = entry.opt_strings(src, "require");
    let severity = entry
        .string(src, "severity")
        .and_then(|(text, offset)| severity(src, "severity", &text, offset));
    let reason = text_or_empty(entry.string(src, "reason"));
    let page = entry
        .opt_string(src, "page")
        .map_or_else(|| page.to_string(), |(p, _)| p);
    let check = match (format, allow, when, require.is_empty()) {
        (Some(format), None, None, true) => Check::Format(format),
        (None, Some((field, values)), None, true) => Check::Allow { field, values },
        (None, None, Some((when_field, when_value)), false) => Check::Require {
            when_field,
            when_value,
            fields: require,
        },
        // An unknown format is reported where it is written.
        _ if written_format.is_some() && format.is_none() => return None,
        _ => {
            src.error(entry.start(), ErrorKind::RuleShape);
            return None;
        }
    };
    // A role names every field that plays it: only a format fits them all.
    let at = match (at, role, &check) {
        (Some(at), None, _) => at,
        (None, Some(_), Check::Format(_)) => String::new(),
        _ => {
            src.error(entry.start(), ErrorKind::RuleTarget);
            return None;
        }
    };
    Some(Rule {
        at,
        role,
        // Resolved once every file is loaded.
        object: ObjectId::UNRESOLVED,
        field: None,
        check,
        severity: severity.unwrap_or(Severity::Error),
        reason,
        page,
        loc: src.loc(entry.start()),
    })
}

/// `string`, `integer`, `number`, `boolean`, `any`, `string|integer`, `array<T>` or a type name.
pub fn parse_type(text: &str) -> Result<TypeExpr, &'static str> {
    let text = text.trim();
    if let Some(inner) = text
        .strip_prefix("array<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        return Ok(TypeExpr::Array(Box::new(parse_type(inner)?)));
    }
    Ok(match text {
        "string" => TypeExpr::String,
        "integer" => TypeExpr::Integer,
        "number" => TypeExpr::Number,
        "boolean" => TypeExpr::Boolean,
        "any" => TypeExpr::Any,
        "string|integer" | "integer|string" => TypeExpr::StringOrInteger,
        _ if text.contains('|') => return Err("the only union is `string|integer`"),
        _ if is_type_name(text) => TypeExpr::Named(text.to_string()),
        _ => {
            return Err(
                "expected string, integer, number, boolean, any, string|integer, array<T> or a CamelCase type name",
            );
        }
    })
}

pub(crate) fn is_type_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// A `summary`, which must be written: a draft's placeholder is an error at its place.
fn read_summary(src: &mut Source<'_>, table: &mut Table<'_, '_>) -> String {
    match table.string(src, "summary") {
        Some((text, at)) if text.trim() == DRAFT_PLACEHOLDER => {
            src.error(at, ErrorKind::Placeholder { key: "summary" });
            text
        }
        other => text_or_empty(other),
    }
}

fn text_or_empty(value: Option<(String, usize)>) -> String {
    value.map(|(text, _)| text).unwrap_or_default()
}
