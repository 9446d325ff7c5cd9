//! Comparing a page's example bodies with what its tables say, so that a reviewer sees every
//! place where the two disagree.

use crate::Row;
use green_api_webhooks_spec::JsonType;
use green_api_webhooks_spec::TypeExpr;
use serde_json::Value;

/// What a drafted type accepts, in JSON terms.
#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    String,
    Integer,
    Number,
    Boolean,
    StringOrInteger,
    Any,
    Object,
    /// A string from a documented set.
    Enum(Vec<String>),
    Array(Box<Expect>),
}

/// Why `value` does not fit `expect`, or `None` when it does.
pub fn disagreement(expect: &Expect, value: &Value) -> Option<String> {
    let fits = match (expect, value) {
        (Expect::Any, _) => true,
        (Expect::String, Value::String(_)) => true,
        (Expect::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
        (Expect::Number, Value::Number(_)) => true,
        (Expect::Boolean, Value::Bool(_)) => true,
        (Expect::StringOrInteger, Value::String(_)) => true,
        (Expect::StringOrInteger, Value::Number(n)) => n.is_i64() || n.is_u64(),
        (Expect::Object, Value::Object(_)) => true,
        (Expect::Enum(values), Value::String(text)) => {
            if values.contains(text) {
                true
            } else {
                return Some(format!(
                    "is {} in an example, which is not a documented value",
                    describe(value)
                ));
            }
        }
        (Expect::Array(item), Value::Array(items)) => {
            return items.iter().find_map(|value| {
                disagreement(item, value).map(|_| {
                    format!(
                        "has an item that is {}; the table says {}",
                        describe(value),
                        expected(item)
                    )
                })
            });
        }
        _ => false,
    };
    if fits {
        None
    } else {
        Some(format!(
            "is {} in an example; the table says {}",
            describe(value),
            expected(expect)
        ))
    }
}

/// The spec type a set of example values suggests, for fields the tables leave as `any`.
pub fn suggestion(values: &[&Value]) -> Option<String> {
    let mut kinds: Vec<String> = values.iter().map(|value| json_kind(value)).collect();
    kinds.sort();
    kinds.dedup();
    match kinds.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// A spec-like name for the JSON type of `value`: `string`, `array<string>`, `object {a, b}`.
pub fn json_kind(value: &Value) -> String {
    match value {
        Value::Array(items) => {
            let refs: Vec<&Value> = items.iter().collect();
            let item = suggestion(&refs).unwrap_or_else(|| "any".to_string());
            format!("array<{item}>")
        }
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().map(String::as_str).collect();
            format!("object {{{}}}", keys.join(", "))
        }
        scalar => JsonType::of(scalar).name().to_string(),
    }
}

/// A short, readable account of a value: `1 (integer)`, `"medium" (string)`, `an object`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Object(_) => "an object".to_string(),
        Value::Array(_) => "an array".to_string(),
        Value::String(text) if text.chars().count() > 40 => {
            let start: String = text.chars().take(37).collect();
            format!("\"{start}...\" (string)")
        }
        scalar => format!("{scalar} ({})", json_kind(scalar)),
    }
}

fn expected(expect: &Expect) -> String {
    match expect {
        Expect::String => "string".to_string(),
        Expect::Integer => "integer".to_string(),
        Expect::Number => "number".to_string(),
        Expect::Boolean => "boolean".to_string(),
        Expect::StringOrInteger => "string|integer".to_string(),
        Expect::Any => "any".to_string(),
        Expect::Object => "object".to_string(),
        Expect::Enum(values) => format!("one of {}", values.join(", ")),
        Expect::Array(item) => format!("array<{}>", expected(item)),
    }
}

/// Notes where the examples disagree with the field `wire`: absent everywhere, or of another JSON type.
pub fn compare(
    wire: &str,
    ty: &TypeExpr,
    expect: &Expect,
    instances: &[&Value],
    values: &[&Value],
) -> Vec<String> {
    let mut notes = Vec::new();
    if instances.is_empty() {
        return notes;
    }
    if values.is_empty() {
        notes.push(format!("example disagrees: no example has `{}`", wire));
        return notes;
    }
    if let Some(why) = values.iter().find_map(|value| disagreement(expect, value)) {
        notes.push(format!("example disagrees: `{}` {why}", wire));
    } else if contains_any(ty) {
        notes.extend(suggestion(values).map(|kind| format!("example suggests: {kind}")));
    }
    notes
}

fn contains_any(ty: &TypeExpr) -> bool {
    match ty {
        TypeExpr::Any => true,
        TypeExpr::Array(item) => contains_any(item),
        _ => false,
    }
}

/// Rows for a main object that no table describes, typed by the example's JSON values.
pub fn rows_from_example(example: Option<&Value>) -> Vec<Row> {
    let Some(map) = example.and_then(Value::as_object) else {
        return Vec::new();
    };
    map.iter()
        .map(|(key, value)| Row {
            name: key.clone(),
            kind: match value {
                Value::Bool(_) => "boolean",
                Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
                Value::Number(_) => "number",
                Value::String(_) => "string",
                Value::Array(_) => "array",
                Value::Object(_) => "object",
                Value::Null => "",
            }
            .to_string(),
            mandatory: None,
            description: String::new(),
            values: Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn fitting_values_agree() {
        assert_eq!(disagreement(&Expect::Integer, &json!(3)), None);
        assert_eq!(disagreement(&Expect::Number, &json!(1.5)), None);
        assert_eq!(disagreement(&Expect::Any, &json!(null)), None);
        let strings = Expect::Array(Box::new(Expect::String));
        assert_eq!(disagreement(&strings, &json!(["a", "b"])), None);
    }

    #[test]
    fn misfits_are_described() {
        assert_eq!(
            disagreement(&Expect::String, &json!(1)).as_deref(),
            Some("is 1 (integer) in an example; the table says string")
        );
        assert_eq!(
            disagreement(&Expect::Integer, &json!(1.5)).as_deref(),
            Some("is 1.5 (number) in an example; the table says integer")
        );
        let modes = Expect::Enum(vec!["boil".into()]);
        assert_eq!(
            disagreement(&modes, &json!("bo")).as_deref(),
            Some("is \"bo\" (string) in an example, which is not a documented value")
        );
        let strings = Expect::Array(Box::new(Expect::String));
        assert_eq!(
            disagreement(&strings, &json!(["a", 2])).as_deref(),
            Some("has an item that is 2 (integer); the table says string")
        );
    }

    #[test]
    fn suggestions_from_examples() {
        assert_eq!(
            suggestion(&[&json!(["bun"])]).as_deref(),
            Some("array<string>")
        );
        assert_eq!(suggestion(&[&json!(1), &json!("a")]), None);
        assert_eq!(json_kind(&json!({"a": 1, "b": 2})), "object {a, b}");
    }
}
