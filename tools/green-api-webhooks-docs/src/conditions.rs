//! The "To get incoming webhooks of this type, two conditions must be true:" block:
//! `typeWebhook = a || b` and `messageData.typeMessage = x`. Renderings break these
//! over lines (`typeWebhook` / `= a` / `|| b`), so lines starting with `=` or `||`
//! continue the statement above. Russian pages open the block with "Для получения входящих
//! уведомлений данного вида требуется выполнение двух условий:".
//!
//! Pages without the block state the same in their tables: the webhook table's `typeWebhook`
//! row ("takes on the value incomingCall") and the `messageData` table's `typeMessage` row
//! ("поле принимает значение textMessage"); see [`from_tables`]. Pages that only refer to
//! another page's format name the typeWebhook in a sentence; see [`from_text`].

use crate::issues::Issue;
use crate::text::{is_path, plain_text};
use crate::values::{named_value, tag_values};
use crate::{Conditions, Problem, Source, Table};

const INTROS: [&str; 4] = [
    "conditions must be true",
    "to get incoming webhooks of this type",
    "выполнение двух условий",
    "для получения входящих уведомлений данного вида",
];

pub(crate) fn is_intro(line: &str) -> bool {
    let lower = line.to_lowercase();
    INTROS.iter().any(|intro| lower.contains(intro))
}

/// The conditions the tag rows of `tables` state. A `typeMessage` row counts only when it names
/// one value: a row listing several belongs to a page about all of them.
pub(crate) fn from_tables(tables: &[Table]) -> Conditions {
    let named = |object: &str, tag: &str| {
        tables
            .iter()
            .filter(|table| table.object == object)
            .flat_map(|table| &table.rows)
            .find(|row| row.name == tag)
            .map(tag_values)
            .unwrap_or_default()
    };
    let type_webhook = named("webhook", "typeWebhook");
    let mut type_messages = named("messageData", "typeMessage");
    let type_message = match type_messages.len() {
        1 => type_messages.pop(),
        _ => None,
    };
    let found = !type_webhook.is_empty() || type_message.is_some();
    Conditions {
        type_webhook,
        type_message,
        source: found.then_some(Source::TableRows),
    }
}

pub(crate) struct ConditionsRead {
    pub(crate) conditions: Conditions,
    pub(crate) problems: Vec<Problem>,
    /// The index of the first line after the block.
    pub(crate) next: usize,
}

/// Reads the statements after the intro line at `intro`, up to the first line that is
/// not part of one.
pub(crate) fn read(lines: &[&str], intro: usize) -> ConditionsRead {
    let mut statements: Vec<(usize, String)> = Vec::new();
    let mut at = intro + 1;
    while let Some(line) = lines.get(at) {
        let text = plain_text(line);
        if text.is_empty() {
            at += 1;
            continue;
        }
        if text.starts_with('=') || text.starts_with("||") {
            let Some((_, statement)) = statements.last_mut() else {
                break;
            };
            statement.push(' ');
            statement.push_str(&text);
        } else if text.contains('=') || (is_path(&text) && next_starts_with_equals(lines, at)) {
            statements.push((at + 1, text));
        } else {
            break;
        }
        at += 1;
    }
    let mut conditions = Conditions::default();
    let mut problems = Vec::new();
    for (line, statement) in statements {
        let Some((left, right)) = statement.split_once('=') else {
            continue;
        };
        let values: Vec<String> = right
            .split("||")
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect();
        let left = left.trim();
        if left == "typeWebhook" {
            conditions.type_webhook.extend(values);
        } else if left.ends_with("typeMessage") && conditions.type_message.is_none() {
            if values.len() > 1 {
                problems.push(Problem::new(
                    line,
                    Issue::SeveralTypeMessages {
                        values: values.join(", "),
                    },
                ));
            }
            conditions.type_message = values.into_iter().next();
        }
    }
    let found = !conditions.type_webhook.is_empty() || conditions.type_message.is_some();
    conditions.source = found.then_some(Source::Block);
    ConditionsRead {
        conditions,
        problems,
        next: at,
    }
}

/// The typeWebhook a sentence names: "incoming webhook type takes on the value x",
/// "[Incoming webhooks type](...) takes on the value `x`". Table rows are left to
/// [`from_tables`].
pub(crate) fn from_text(lines: &[&str]) -> Conditions {
    let type_webhook = lines.iter().find_map(|line| {
        let text = plain_text(line);
        let lower = text.to_lowercase();
        let is_sentence = lower.contains("webhook")
            && lower.contains("type")
            && lower.contains("takes on the value")
            && !lower.starts_with("typewebhook")
            && !text.contains('|');
        is_sentence.then(|| named_value(&text)).flatten()
    });
    Conditions {
        source: type_webhook.is_some().then_some(Source::Text),
        type_webhook: Vec::from_iter(type_webhook),
        type_message: None,
    }
}

fn next_starts_with_equals(lines: &[&str], at: usize) -> bool {
    lines
        .iter()
        .skip(at + 1)
        .map(|line| line.trim())
        .find(|line| !line.is_empty())
        .is_some_and(|line| line.starts_with('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_statements_split_over_lines() {
        let lines = [
            "To get incoming webhooks of this type, two conditions must be true:",
            "typeWebhook",
            "= lampChanged",
            "|| lampAPIChanged",
            "",
            "`messageData.typeMessage` = `glowMessage`",
            "Configuring an instance",
        ];
        let read = read(&lines, 0);
        assert_eq!(
            read.conditions.type_webhook,
            ["lampChanged", "lampAPIChanged"]
        );
        assert_eq!(read.conditions.type_message.as_deref(), Some("glowMessage"));
        assert_eq!(read.next, 6);
        assert!(read.problems.is_empty());
        assert_eq!(read.conditions.source, Some(Source::Block));
    }

    #[test]
    fn reads_the_russian_block() {
        let lines = [
            "Для получения входящих уведомлений данного вида требуется выполнение двух условий:",
            "`typeWebhook` = `lampChanged`",
            "`messageData.typeMessage` = `glowMessage`",
        ];
        assert!(is_intro(lines[0]));
        let read = read(&lines, 0);
        assert_eq!(read.conditions.type_webhook, ["lampChanged"]);
        assert_eq!(read.conditions.type_message.as_deref(), Some("glowMessage"));
    }
}
