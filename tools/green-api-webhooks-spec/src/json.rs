//! The JSON a spec type accepts: decided here, once, for every tool (schema, drift, spec-diff,
//! fuzzing). The generated crate reads the same rules from its Rust types; a workspace test
//! checks that the two agree on every type the spec uses.

use serde_json::Value;

use crate::model::Type;

// The generated crate's own definition, compiled here too, so that both name JSON types one way.
#[path = "../../../crates/green-api-webhooks/src/json_type.rs"]
mod json_type;

pub use json_type::JsonType;

/// How a JSON value fits a spec type, looking at the value itself (not into array items or
/// object fields, which have types of their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueFit {
    Fits,
    /// A JSON type the spec type does not accept.
    WrongType,
    /// An integer where one is expected, but outside the signed 64-bit range the crate reads.
    OutOfRange,
}

impl Type {
    /// The JSON types a value of this type may have. `integer` is within 64 signed bits; enums
    /// are strings (their documented values are checked apart from the type).
    pub fn json_types(&self) -> &'static [JsonType] {
        match self {
            Type::String | Type::Enum(_) => &[JsonType::String],
            Type::Integer => &[JsonType::Integer],
            Type::Number => &[JsonType::Integer, JsonType::Number],
            Type::Boolean => &[JsonType::Boolean],
            Type::Any => &JsonType::ALL,
            Type::StringOrInteger => &[JsonType::String, JsonType::Integer],
            Type::Array(_) => &[JsonType::Array],
            Type::Object(_) | Type::MessageData => &[JsonType::Object],
        }
    }

    /// Whether integers of this type must fit in an `i64`.
    pub fn is_bounded_integer(&self) -> bool {
        matches!(self, Type::Integer | Type::StringOrInteger)
    }

    /// How `value` fits this type.
    pub fn fit(&self, value: &Value) -> ValueFit {
        let found = JsonType::of(value);
        if !self.json_types().contains(&found) {
            return ValueFit::WrongType;
        }
        match value {
            Value::Number(n) if self.is_bounded_integer() && n.as_i64().is_none() => {
                ValueFit::OutOfRange
            }
            _ => ValueFit::Fits,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn integers_beyond_64_signed_bits_are_out_of_range() {
        assert_eq!(
            Type::Integer.fit(&json!(9_223_372_036_854_775_807_i64)),
            ValueFit::Fits
        );
        assert_eq!(
            Type::Integer.fit(&json!(9_223_372_036_854_775_808_u64)),
            ValueFit::OutOfRange
        );
        assert_eq!(
            Type::StringOrInteger.fit(&json!(u64::MAX)),
            ValueFit::OutOfRange
        );
        assert_eq!(Type::Number.fit(&json!(u64::MAX)), ValueFit::Fits);
    }

    #[test]
    fn a_float_is_not_an_integer() {
        assert_eq!(Type::Integer.fit(&json!(1.0)), ValueFit::WrongType);
        assert_eq!(Type::Number.fit(&json!(1.5)), ValueFit::Fits);
    }

    #[test]
    fn each_type_accepts_its_json_types_only() {
        assert_eq!(Type::MessageData.fit(&json!({})), ValueFit::Fits);
        assert_eq!(Type::MessageData.fit(&json!([])), ValueFit::WrongType);
        assert_eq!(Type::Any.fit(&Value::Null), ValueFit::Fits);
        assert_eq!(Type::Boolean.fit(&json!("true")), ValueFit::WrongType);
        assert_eq!(Type::StringOrInteger.fit(&json!("7")), ValueFit::Fits);
    }
}
