//! Spec names from documentation names, and a page's address from its file name.

use green_api_webhooks_rust_model::pascal_case as camel_case;

use super::draft::DraftValue;
use crate::trees::tree_of;

/// A spec file name from a variant name: `LampStatus` -> `lamp-status`,
/// `OutgoingAPIMessageReceived` -> `outgoing-api-message-received`.
pub fn kebab_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let previous = chars[i - 1];
            let next_is_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if previous.is_ascii_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_ascii_uppercase() && next_is_lower)
            {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The name of one item of an array field: `buttons` -> `button`, `entries` -> `entry`.
/// `None` when the word does not look plural.
pub fn singular(plural: &str) -> Option<String> {
    let lower = plural.to_ascii_lowercase();
    // Only ASCII endings are cut, so the cut always falls on a character boundary.
    let cut = |n: usize| plural[..plural.len() - n].to_string();
    if lower.ends_with("ies") && plural.len() > 3 {
        Some(cut(3) + "y")
    } else if ["sses", "xes", "ches", "shes"]
        .iter()
        .any(|end| lower.ends_with(end))
    {
        Some(cut(2))
    } else if lower.ends_with('s') && !lower.ends_with("ss") && plural.len() > 1 {
        Some(cut(1))
    } else {
        None
    }
}

/// A CamelCase name with a single hump (`Mode`, `Button`) says little on its own.
pub fn is_single_word(name: &str) -> bool {
    name.chars().skip(1).all(|c| !c.is_ascii_uppercase())
}

/// The variant name the file name suggests: `root__StateInstanceChanged.txt` ->
/// `StateInstanceChanged`.
pub fn name_from_file(file_name: &str) -> String {
    let (_, page) = split_file_name(tree_of(file_name).1);
    camel_case(page)
}

/// The page's address, when the file name follows `FOLDER__Page.ext`.
pub fn page_url(file_name: &str) -> Option<String> {
    let (tree, file_name) = tree_of(file_name);
    let (base, (folder, page)) = (tree.base, split_file_name(file_name));
    match folder? {
        // apidog pages are hosted elsewhere, at addresses the file name does not carry.
        "apidog" => None,
        "root" => Some(format!("{base}{page}/")),
        folder => Some(format!("{base}{folder}/{page}/")),
    }
}

/// `FOLDER__Page.ext` -> (`Some(FOLDER)`, `Page`); without `__`, the folder is `None`.
fn split_file_name(file_name: &str) -> (Option<&str>, &str) {
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _extension)| stem);
    match stem.split_once("__") {
        Some((folder, page)) if !folder.is_empty() && !page.is_empty() => (Some(folder), page),
        _ => (None, stem),
    }
}

/// Enum values; `rust` names where the generated names would clash.
pub fn enum_values(wires: Vec<String>) -> Vec<DraftValue> {
    let mut seen: Vec<String> = Vec::new();
    let mut values = Vec::new();
    for wire in wires {
        let generated = camel_case(&wire);
        let (rust, note) = if generated == "Other" {
            let note = "`Other` is the generated variant for undocumented values";
            (Some("OtherValue".to_string()), Some(note.to_string()))
        } else if seen.contains(&generated) {
            let rust = format!("{generated}{}", seen.len() + 1);
            let note = format!("`{wire}` and an earlier value are both `{generated}` in Rust");
            (Some(rust), Some(note))
        } else {
            (None, None)
        };
        seen.push(generated);
        values.push(DraftValue { wire, rust, note });
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_splits_words_and_acronyms() {
        assert_eq!(kebab_case("LampStatus"), "lamp-status");
        assert_eq!(
            kebab_case("OutgoingAPIMessageReceived"),
            "outgoing-api-message-received"
        );
        assert_eq!(kebab_case("Glow2Message"), "glow2-message");
        assert_eq!(kebab_case("V1st"), "v1st");
    }

    #[test]
    fn singular_of_common_plurals() {
        assert_eq!(singular("buttons").as_deref(), Some("button"));
        assert_eq!(singular("entries").as_deref(), Some("entry"));
        assert_eq!(singular("boxes").as_deref(), Some("box"));
        assert_eq!(singular("optionVoters").as_deref(), Some("optionVoter"));
        assert_eq!(singular("load"), None);
        assert_eq!(singular("address"), None);
    }

    #[test]
    fn other_products_pages_have_their_trees_address() {
        assert_eq!(
            page_url("telegram__incoming-message__TextMessage.txt").as_deref(),
            Some(
                "https://green-api.com/en/telegram/docs/api/receiving/notifications-format/incoming-message/TextMessage/"
            )
        );
        assert_eq!(
            page_url("max__root__StateInstanceChanged.txt").as_deref(),
            Some(
                "https://green-api.com/v3/docs/api/receiving/notifications-format/StateInstanceChanged/"
            )
        );
        assert_eq!(
            name_from_file("instagram__comments__Webhook-IncomingCommentReceived.txt"),
            name_from_file("comments__Webhook-IncomingCommentReceived.txt")
        );
    }

    #[test]
    fn page_urls_follow_the_file_names() {
        assert_eq!(
            page_url("incoming-message__TextMessage.txt").as_deref(),
            Some(
                "https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/TextMessage/"
            )
        );
        assert_eq!(
            page_url("root__StateInstanceChanged.md").as_deref(),
            Some(
                "https://green-api.com/en/docs/api/receiving/notifications-format/StateInstanceChanged/"
            )
        );
        assert_eq!(page_url("apidog__exceeding-limitation-on-tariff.txt"), None);
        assert_eq!(page_url("notes.txt"), None);
    }

    #[test]
    fn variant_names_from_files() {
        assert_eq!(
            name_from_file("root__StateInstanceChanged.txt"),
            "StateInstanceChanged"
        );
        assert_eq!(
            name_from_file("apidog__exceeding-limitation-on-tariff.txt"),
            "ExceedingLimitationOnTariff"
        );
    }
}
