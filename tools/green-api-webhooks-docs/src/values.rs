//! Allowed values named by the pages. Only real enumerations count: a list after
//! `types:`, `values:`, `value:` or `variants:` with at least two single-word items
//! ("There are 3 types: copy, call, and url"), and the `value - text` rows that follow
//! a parameter. A single value ("takes on the value textMessage") is a constant, not an
//! enumeration, and is left out.

use crate::Row;
use crate::text::plain_text;

const LIST_MARKERS: [&str; 4] = ["types:", "values:", "value:", "variants:"];

/// Values listed inline in a description.
pub(crate) fn inline_values(description: &str) -> Vec<String> {
    let lower = description.to_ascii_lowercase();
    let Some((marker_at, marker)) = LIST_MARKERS
        .iter()
        .filter_map(|marker| lower.find(marker).map(|at| (at, *marker)))
        .min()
    else {
        return Vec::new();
    };
    // ASCII lowercasing keeps byte offsets, and the marker is ASCII.
    let list = &description[marker_at + marker.len()..];
    let list = list.split(". ").next().unwrap_or_default();
    let mut items = Vec::new();
    for part in list.split(',') {
        for item in part.split(" or ") {
            let item = item.trim();
            let item = item.strip_prefix("and ").unwrap_or(item);
            let item = item.strip_prefix("or ").unwrap_or(item);
            let item = item.trim().trim_end_matches('.').trim();
            if item.is_empty() {
                continue;
            }
            if !is_value_word(item) {
                return Vec::new();
            }
            items.push(item.to_string());
        }
    }
    if items.len() >= 2 { items } else { Vec::new() }
}

fn is_value_word(item: &str) -> bool {
    item.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '@'))
}

/// Whether a description announces that value rows follow ("Have variants:",
/// "takes the following values:", "possible values:").
pub(crate) fn announces_values(description: &str) -> bool {
    let trimmed = description.trim_end();
    trimmed.ends_with(':')
        && LIST_MARKERS
            .iter()
            .any(|marker| trimmed.to_ascii_lowercase().ends_with(marker))
}

/// The value named by an enum row `value - text`; `None` when the row has no ` - `.
pub(crate) fn continuation_value(text: &str) -> Option<String> {
    let (value, _) = text.split_once(" - ")?;
    let value = plain_text(value);
    (!value.is_empty()).then_some(value)
}

/// The values a tag row (`typeWebhook`, `typeMessage`) names: its value list, else the word
/// after "value" in its description ("For messages of this type the parameter takes on the value
/// textMessage", "Takes the value stateInstanceChanged", "поле принимает значение deviceInfo").
pub(crate) fn tag_values(row: &Row) -> Vec<String> {
    if !row.values.is_empty() {
        return row.values.clone();
    }
    Vec::from_iter(named_value(&row.description))
}

/// The word after the last "value" ("значение") in `text`, when it looks like a tag value
/// (starts with a lowercase ASCII letter).
pub(crate) fn named_value(text: &str) -> Option<String> {
    // The Russian markdown copy says "значение" where the English ones say "value".
    let after = ["value", "значение"].iter().find_map(|word| {
        text.match_indices(word)
            .map(|(at, _)| &text[at + word.len()..])
            // "values" is not the word.
            .filter(|rest| !rest.starts_with(char::is_alphabetic))
            .last()
    });
    let word = after.and_then(|rest| {
        rest.split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
            .find(|w| !w.is_empty())
    });
    word.filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        .map(str::to_owned)
}

/// Adds values, skipping ones already there.
pub(crate) fn push_unique(values: &mut Vec<String>, new: impl IntoIterator<Item = String>) {
    for value in new {
        if !values.contains(&value) {
            values.push(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_row(description: &str, values: &[&str]) -> Row {
        Row {
            name: "typeMessage".to_owned(),
            kind: "string".to_owned(),
            mandatory: None,
            description: description.to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        }
    }

    #[test]
    fn tag_rows_name_their_value() {
        let named = |description: &str| tag_values(&tag_row(description, &[]));
        assert_eq!(
            named("For messages of this type the parameter takes on the value textMessage"),
            ["textMessage"]
        );
        assert_eq!(
            named("the parameter takes on the value: reactionMessage"),
            ["reactionMessage"]
        );
        assert_eq!(named("takes on the value pollMessage ."), ["pollMessage"]);
        assert_eq!(
            named("Webhook type. Takes the value stateInstanceChanged"),
            ["stateInstanceChanged"]
        );
        assert_eq!(
            named("For this type notifications the parameter takes on value statusInstanceChanged"),
            ["statusInstanceChanged"]
        );
        assert_eq!(
            named("Для уведомлений данного типа поле принимает значение deviceInfo"),
            ["deviceInfo"]
        );
        assert!(named("Quoted message type").is_empty());
        assert!(named("one of the values below").is_empty());
        assert_eq!(
            tag_values(&tag_row(
                "takes the value:",
                &["imageMessage", "videoMessage"]
            )),
            ["imageMessage", "videoMessage"]
        );
    }

    #[test]
    fn reads_real_enumerations_only() {
        assert_eq!(
            inline_values("There are 3 types: blink, fade, and pulse"),
            ["blink", "fade", "pulse"]
        );
        assert_eq!(inline_values("Types: a , b , and c"), ["a", "b", "c"]);
        assert_eq!(
            inline_values("takes values: on, off. Default on"),
            ["on", "off"]
        );
        assert!(inline_values("takes on the value: glowMessage").is_empty());
        assert!(inline_values("takes on the value glowMessage").is_empty());
        assert!(inline_values("Have variants:").is_empty());
        assert!(inline_values("values: the first one, the second").is_empty());
        assert!(inline_values("Sent through API: true , false").is_empty());
    }

    #[test]
    fn announcements_and_rows() {
        assert!(announces_values("Lamp state. Have variants:"));
        assert!(announces_values("it takes the following values:"));
        assert!(!announces_values("Ends with a colon:"));
        assert_eq!(
            continuation_value("`warm up` - getting ready").as_deref(),
            Some("warm up")
        );
        assert_eq!(continuation_value("no separator"), None);
    }
}
