//! The heading above a table names the object the table describes:
//! `messageData object parameters`, `messageData` + `object parameters` on the next line,
//! `` `listMessage` data object ``, `buttons array parameters`, `Webhook parameters`, ...

use crate::issues::Issue;
use crate::text::{has_webhook_parameters_anchor, heading_text, is_identifier};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Heading {
    /// Names an object or array: `messageData object parameters`.
    Object {
        name: String,
        is_array: bool,
        issue: Option<Issue>,
    },
    /// The top-level webhook body: `Webhook parameters`,
    /// `incomingMessageReceived webhook parameters`.
    Webhook { issue: Option<Issue> },
    /// `object parameters` without a name: the name is on the line above, or lost.
    Bare { is_array: bool },
    /// Not a table heading.
    Prose,
}

impl Heading {
    pub(crate) fn is_heading(&self) -> bool {
        !matches!(self, Heading::Prose)
    }
}

/// What one line says, on its own.
pub(crate) fn classify(line: &str) -> Heading {
    let text = heading_text(line);
    let words: Vec<&str> = text.split(' ').collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let heading = match lower.as_slice() {
        [kind @ ("object" | "array"), param] if param.starts_with("parameter") => Heading::Bare {
            is_array: *kind == "array",
        },
        ["data", "object"] => Heading::Bare { is_array: false },
        [first, param] if param.starts_with("parameter") => {
            two_word_heading(words[0], first, &text)
        }
        [_, kind @ ("object" | "array"), param] if param.starts_with("parameter") => {
            named(words[0], *kind == "array")
        }
        [_, "data", "object"] => named(words[0], false),
        [_, "webhook", param] if param.starts_with("parameter") => Heading::Webhook { issue: None },
        [_, _, _] if words[0].to_lowercase() == "поля" && words[1].to_lowercase() == "объекта" => {
            named(words[2], false)
        }
        _ => Heading::Prose,
    };
    if heading == Heading::Prose && has_webhook_parameters_anchor(line) {
        // Headings in other languages still carry the English anchor id.
        return Heading::Webhook { issue: None };
    }
    heading
}

fn named(name: &str, is_array: bool) -> Heading {
    if is_identifier(name) {
        Heading::Object {
            name: name.to_string(),
            is_array,
            issue: None,
        }
    } else {
        Heading::Prose
    }
}

/// `Webhook parameters`, its misspellings, and `messageDataobject parameters`.
fn two_word_heading(first: &str, first_lower: &str, text: &str) -> Heading {
    if first_lower == "webhook" {
        return Heading::Webhook { issue: None };
    }
    if first_lower.starts_with("webh") || first_lower.starts_with("webk") {
        return Heading::Webhook {
            issue: Some(Issue::MisspeltWebhookHeading {
                written: text.to_string(),
            }),
        };
    }
    for (kind, is_array) in [("object", false), ("array", true)] {
        if first_lower.len() > kind.len() && first_lower.ends_with(kind) {
            // The suffix matched ASCII letters, so cutting it keeps a char boundary.
            let name = &first[..first.len() - kind.len()];
            if is_identifier(name) {
                return Heading::Object {
                    name: name.to_string(),
                    is_array,
                    issue: Some(Issue::GluedHeading {
                        written: text.to_string(),
                        kind,
                        name: name.to_string(),
                    }),
                };
            }
        }
    }
    Heading::Prose
}

/// The heading of the table whose header is at `header_index` and the index of the line
/// it stands on: the nearest non-blank line above the header, joined with the line above
/// that when the name stands on its own line.
pub(crate) fn heading_above(lines: &[&str], header_index: usize) -> (Heading, usize) {
    let Some(above) = previous_non_blank(lines, header_index) else {
        return (Heading::Prose, header_index);
    };
    match classify(lines[above]) {
        Heading::Bare { is_array } => {
            let name_at = previous_non_blank(lines, above);
            match name_at.map(|at| (at, heading_text(lines[at]))) {
                Some((at, name)) if is_identifier(&name) => (
                    Heading::Object {
                        name,
                        is_array,
                        issue: None,
                    },
                    at,
                ),
                _ => (Heading::Bare { is_array }, above),
            }
        }
        Heading::Prose => (Heading::Prose, header_index),
        other => (other, above),
    }
}

fn previous_non_blank(lines: &[&str], before: usize) -> Option<usize> {
    (0..before.min(lines.len()))
        .rev()
        .find(|&i| !lines[i].trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_of(heading: Heading) -> Option<String> {
        match heading {
            Heading::Object { name, .. } => Some(name),
            _ => None,
        }
    }

    #[test]
    fn recognises_the_heading_forms() {
        assert_eq!(
            name_of(classify("messageData object parameters")).as_deref(),
            Some("messageData")
        );
        assert_eq!(
            name_of(classify("`pollData`  object parameters")).as_deref(),
            Some("pollData")
        );
        assert_eq!(
            name_of(classify("`listing` data object")).as_deref(),
            Some("listing")
        );
        assert_eq!(
            name_of(classify("dataobject parameters")).as_deref(),
            Some("data")
        );
        assert_eq!(
            name_of(classify("Поля объекта `lamp`")).as_deref(),
            Some("lamp")
        );
        assert_eq!(
            classify("object parameters#"),
            Heading::Bare { is_array: false }
        );
        assert_eq!(
            classify("Webhook parameters#"),
            Heading::Webhook { issue: None }
        );
        assert_eq!(
            classify("lampChanged webhook parameters"),
            Heading::Webhook { issue: None }
        );
        assert!(matches!(
            classify("### Webhok parameters"),
            Heading::Webhook { issue: Some(_) }
        ));
        assert_eq!(
            classify("### Формат {#webhook-parameters}"),
            Heading::Webhook { issue: None }
        );
        assert_eq!(classify("Some prose about parameters"), Heading::Prose);
    }

    #[test]
    fn joins_a_name_on_the_line_above() {
        let lines = [
            "lampData",
            "object parameters",
            "Parameter | Type | Description |",
        ];
        assert_eq!(
            name_of(heading_above(&lines, 2).0).as_deref(),
            Some("lampData")
        );
        let lines = [
            "a | object | b |",
            "object parameters",
            "Parameter | Type |",
        ];
        assert_eq!(
            heading_above(&lines, 2),
            (Heading::Bare { is_array: false }, 1)
        );
    }
}
