//! Small text helpers shared by the readers: removing markdown decoration, splitting
//! whitespace tokens, recognising identifiers and type words.

/// The page title: its first non-blank line, skipping the "Skip to content" link that
/// some renderings put first ("Перейти к содержанию" on Russian pages).
pub(crate) fn title(text: &str) -> String {
    const SKIP_LINKS: [&str; 2] = ["skip to content", "перейти к содержанию"];
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !SKIP_LINKS.contains(&line.to_lowercase().as_str()))
        .map(heading_text)
        .unwrap_or_default()
}

/// A heading's words: markdown `#` marks, `{#anchor}` ids, the `#` that rendered pages
/// append to headings, backticks, bold markers and link targets removed.
pub(crate) fn heading_text(line: &str) -> String {
    let without_marks = line.trim().trim_start_matches('#');
    let without_anchor = remove_anchors(without_marks);
    plain_text(without_anchor.trim().trim_end_matches('#'))
}

/// Text with backticks, `**` and link targets removed and whitespace collapsed.
pub(crate) fn plain_text(text: &str) -> String {
    let linkless = strip_links(text);
    let unmarked = linkless.replace("**", "").replace('`', "");
    collapse_whitespace(&unmarked)
}

pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `[text](target)` becomes `text`; anything else is kept as written.
fn strip_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        // `[` is one byte, so `open + 1` is a char boundary.
        let inside = &rest[open + 1..];
        if let Some(link) = split_link(inside) {
            out.push_str(&rest[..open]);
            out.push_str(link.0);
            rest = link.1;
        } else {
            out.push_str(&rest[..open + 1]);
            rest = inside;
        }
    }
    out.push_str(rest);
    out
}

/// For the text after a `[`: the link text and what follows the link's `)`.
fn split_link(inside: &str) -> Option<(&str, &str)> {
    let close = inside.find("](")?;
    let link_text = &inside[..close];
    if link_text.contains('[') || link_text.contains(']') {
        return None;
    }
    let target_and_rest = &inside[close + 2..];
    let end = target_and_rest.find(')')?;
    Some((link_text, &target_and_rest[end + 1..]))
}

fn remove_anchors(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{#") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether a line carries a markdown `{#anchor}` id naming it the webhook parameters.
pub(crate) fn has_webhook_parameters_anchor(line: &str) -> bool {
    line.contains("{#webhook-parameters}")
}

/// The first whitespace-separated token and the rest of the text after it.
pub(crate) fn next_token(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if text.is_empty() {
        return None;
    }
    match text.find(char::is_whitespace) {
        Some(end) => Some((&text[..end], &text[end..])),
        None => Some((text, "")),
    }
}

/// A field or object name: ASCII letters, digits and `_`, not starting with a digit.
pub(crate) fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A dotted path such as `messageData.typeMessage`.
pub(crate) fn is_path(text: &str) -> bool {
    !text.is_empty() && text.split('.').all(is_identifier)
}

/// Types the tables use. Plain whitespace tables have no cell delimiters, so a row is
/// only recognised when its second token is one of these.
pub(crate) fn is_type_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let base = lower.trim_end_matches("[]");
    matches!(
        base,
        "string"
            | "integer"
            | "int"
            | "int64"
            | "long"
            | "boolean"
            | "bool"
            | "object"
            | "array"
            | "double"
            | "float"
            | "number"
            | "null"
            | "any"
    )
}

/// `Yes`/`No` from a Mandatory cell.
pub(crate) fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_text_removes_all_decoration() {
        assert_eq!(
            heading_text("### `messageData` object parameters {#x}"),
            "messageData object parameters"
        );
        assert_eq!(
            heading_text("Incoming text message#"),
            "Incoming text message"
        );
        assert_eq!(heading_text("# Title"), "Title");
    }

    #[test]
    fn links_become_their_text() {
        assert_eq!(
            plain_text("see [Chat Id](../chat-id.md), ok"),
            "see Chat Id, ok"
        );
        assert_eq!(plain_text("[broken](no end"), "[broken](no end");
        assert_eq!(plain_text("a [b] c"), "a [b] c");
    }

    #[test]
    fn title_skips_the_skip_link() {
        assert_eq!(title("Skip to content\n\nLamp status#\n"), "Lamp status");
        assert_eq!(title("Перейти к содержанию\n\nЛампа#\n"), "Лампа");
        assert_eq!(title(""), "");
    }
}
