//! What a documentation "Type" cell means, before the page's tables are consulted.

use green_api_webhooks_spec::TypeExpr;

/// A documentation type, read from cells such as `string`, `double`, `array of strings`.
#[derive(Debug, Clone, PartialEq)]
pub enum DocKind {
    /// A type the spec writes directly: string, integer, number, boolean, string|integer.
    Scalar(TypeExpr),
    /// An object: its table, if the page has one, names its fields.
    Object,
    /// An array; the item type when the cell names a scalar one (`array of strings`).
    Array(Option<TypeExpr>),
    /// A cell the spec has no type for (empty, `file`, a typo).
    Unrecognised,
}

pub fn doc_kind(cell: &str) -> DocKind {
    let cell = cell
        .trim()
        .trim_matches(|c: char| c == '`' || c == '*')
        .to_ascii_lowercase();
    if let Some(scalar) = scalar(&cell) {
        return DocKind::Scalar(scalar);
    }
    if matches!(cell.as_str(), "object" | "json object" | "dict" | "map") {
        return DocKind::Object;
    }
    if matches!(cell.as_str(), "array" | "list") {
        return DocKind::Array(None);
    }
    if let Some(item) = array_item(&cell) {
        // `array of objects` says no more than `array`: the item table decides.
        return DocKind::Array(scalar(item).or_else(|| scalar(item.strip_suffix('s')?)));
    }
    DocKind::Unrecognised
}

fn scalar(word: &str) -> Option<TypeExpr> {
    Some(match word.trim() {
        "string" | "str" | "text" => TypeExpr::String,
        "integer" | "int" | "int32" | "int64" | "long" | "uint" => TypeExpr::Integer,
        "double" | "number" | "float" | "decimal" | "numeric" => TypeExpr::Number,
        "boolean" | "bool" => TypeExpr::Boolean,
        "string|integer" | "integer|string" | "string/integer" | "integer/string"
        | "string or integer" | "integer or string" => TypeExpr::StringOrInteger,
        _ => return None,
    })
}

/// `array of strings`, `list of string`, `array<string>`, `string[]` -> the item word.
fn array_item(cell: &str) -> Option<&str> {
    ["array of ", "list of ", "array of the "]
        .iter()
        .find_map(|prefix| cell.strip_prefix(prefix))
        .or_else(|| cell.strip_prefix("array<")?.strip_suffix('>'))
        .or_else(|| cell.strip_suffix("[]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentation_types() {
        assert_eq!(doc_kind("string"), DocKind::Scalar(TypeExpr::String));
        assert_eq!(doc_kind("**double**"), DocKind::Scalar(TypeExpr::Number));
        assert_eq!(doc_kind("Integer"), DocKind::Scalar(TypeExpr::Integer));
        assert_eq!(doc_kind("object"), DocKind::Object);
        assert_eq!(doc_kind("array"), DocKind::Array(None));
        assert_eq!(
            doc_kind("array of strings"),
            DocKind::Array(Some(TypeExpr::String))
        );
        assert_eq!(
            doc_kind("array<integer>"),
            DocKind::Array(Some(TypeExpr::Integer))
        );
        assert_eq!(doc_kind("string[]"), DocKind::Array(Some(TypeExpr::String)));
        assert_eq!(doc_kind("array of objects"), DocKind::Array(None));
        assert_eq!(
            doc_kind("string or integer"),
            DocKind::Scalar(TypeExpr::StringOrInteger)
        );
        assert_eq!(doc_kind(""), DocKind::Unrecognised);
        assert_eq!(doc_kind("file"), DocKind::Unrecognised);
    }
}
