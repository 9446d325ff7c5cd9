//! Rust names from wire names and file names.

/// `selectedDisplayText` -> `selected_display_text`, `downloadURL` -> `download_url`.
pub fn snake_case(wire: &str) -> String {
    let chars: Vec<char> = wire.chars().collect();
    let mut out = String::with_capacity(wire.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let ends_acronym = i > 0
                && chars[i - 1].is_ascii_uppercase()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if after_lower || ends_acronym {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// `notAuthorized` -> `NotAuthorized`, `hung-up` -> `HungUp`, `textMessageData` ->
/// `TextMessageData`: inner capitals are kept.
pub fn pascal_case(wire: &str) -> String {
    let mut out = String::with_capacity(wire.len());
    let mut upper = true;
    for c in wire.chars() {
        if c.is_ascii_alphanumeric() {
            if upper {
                out.push(c.to_ascii_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        } else {
            upper = true;
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) || out.is_empty() {
        out.insert(0, 'V');
    }
    out
}

/// A module name from a spec file path: `messages/interactive-buttons.toml` -> `interactive_buttons`.
pub fn module_name(spec_path: &str) -> String {
    let stem = spec_path.rsplit('/').next().unwrap_or(spec_path);
    let stem = stem.strip_suffix(".toml").unwrap_or(stem);
    snake_case(stem)
}

/// Whether `name` can only be used as a raw identifier.
pub fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "as" | "async"
            | "await"
            | "break"
            | "const"
            | "continue"
            | "crate"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "Self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_follows_rust_conventions() {
        assert_eq!(snake_case("selectedDisplayText"), "selected_display_text");
        assert_eq!(snake_case("downloadURL"), "download_url");
        assert_eq!(snake_case("idInstance"), "id_instance");
        assert_eq!(snake_case("type"), "type");
        assert_eq!(snake_case("interactive-buttons"), "interactive_buttons");
        assert_eq!(snake_case("int64Value"), "int64_value");
    }

    #[test]
    fn pascal_case_makes_type_and_variant_names() {
        assert_eq!(pascal_case("notAuthorized"), "NotAuthorized");
        assert_eq!(pascal_case("reply"), "Reply");
        assert_eq!(pascal_case("hung-up"), "HungUp");
        assert_eq!(pascal_case("1"), "V1");
        assert_eq!(pascal_case("textMessageData"), "TextMessageData");
        assert_eq!(pascal_case("keep warm"), "KeepWarm");
        assert_eq!(pascal_case(""), "V");
    }

    #[test]
    fn module_names_come_from_file_stems() {
        assert_eq!(
            module_name("messages/interactive-buttons-reply.toml"),
            "interactive_buttons_reply"
        );
        assert_eq!(module_name("envelope.toml"), "envelope");
    }
}
