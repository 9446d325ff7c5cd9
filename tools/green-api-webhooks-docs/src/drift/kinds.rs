//! The three type vocabularies (JSON values, the docs' Type column, spec types) and when they
//! agree.

use green_api_webhooks_spec::Type;
use serde_json::Value;

/// The JSON type of a value, in the words the report uses.
pub fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Whether a value has the type a docs table gives. Types the tables never use are not judged.
pub fn fits_docs_kind(value: &Value, kind: &str) -> bool {
    let json = json_kind(value);
    match kind {
        "string" | "integer" | "boolean" | "object" | "array" => json == kind,
        // Tables write `double` or `number`; an integer is a number too.
        "double" | "number" => matches!(json, "number" | "integer"),
        _ => true,
    }
}

/// Whether a docs table's type says what the spec type says.
pub fn docs_kind_matches(kind: &str, ty: &Type, is_enum: impl Fn(&str) -> bool) -> bool {
    match ty {
        Type::String => kind == "string",
        Type::Integer => kind == "integer",
        Type::Number => matches!(kind, "double" | "number"),
        Type::Boolean => kind == "boolean",
        Type::Array(_) => kind == "array",
        // Enums are strings on the wire; the docs type them `string`.
        Type::Named(name) if is_enum(name) => kind == "string",
        Type::Named(_) => kind == "object",
        // Both accept more than any one documented type: the spec departs from the docs here.
        Type::Any | Type::StringOrInteger => false,
    }
}
