//! The docs' Type column against JSON values and spec types. What a spec type accepts is the
//! spec crate's to say (`Type::fit`, `Type::json_types`).

use green_api_webhooks_spec::{JsonType, Type};
use serde_json::Value;

/// Whether a value has the type a docs table gives. Types the tables never use are not judged.
pub fn fits_docs_kind(value: &Value, kind: &str) -> bool {
    let json = JsonType::of(value).name();
    match kind {
        "string" | "integer" | "boolean" | "object" | "array" => json == kind,
        // Tables write `double` or `number`; an integer is a number too.
        "double" | "number" => matches!(json, "number" | "integer"),
        _ => true,
    }
}

/// Whether a docs table's type says what the spec type says.
pub fn docs_kind_matches(kind: &str, ty: &Type) -> bool {
    match ty {
        Type::String => kind == "string",
        Type::Integer => kind == "integer",
        Type::Number => matches!(kind, "double" | "number"),
        Type::Boolean => kind == "boolean",
        Type::Array(_) => kind == "array",
        // Enums are strings on the wire; the docs type them `string`.
        Type::Enum(_) => kind == "string",
        Type::Object(_) | Type::MessageData => kind == "object",
        // Both accept more than any one documented type: the spec departs from the docs here.
        Type::Any | Type::StringOrInteger => false,
    }
}
