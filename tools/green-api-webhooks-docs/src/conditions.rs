//! The "To get incoming webhooks of this type, two conditions must be true:" block:
//! `typeWebhook = a || b` and `messageData.typeMessage = x`. Renderings break these
//! over lines (`typeWebhook` / `= a` / `|| b`), so lines starting with `=` or `||`
//! continue the statement above.

use crate::issues::Issue;
use crate::text::{is_path, plain_text};
use crate::{Conditions, Problem};

pub(crate) fn is_intro(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.contains("conditions must be true")
        || lower.contains("to get incoming webhooks of this type")
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
    ConditionsRead {
        conditions,
        problems,
        next: at,
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
    }
}
