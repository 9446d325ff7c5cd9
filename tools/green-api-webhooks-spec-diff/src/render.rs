//! The text report: one heading per section, one entry per change, a closing count.

use std::fmt;

use crate::index::Index;
use crate::renames::Renames;
use crate::{Diff, Section};

/// How wide the impact column is: the longest label, `informational`.
const IMPACT_WIDTH: usize = 13;

/// The heading of a section, naming the Rust item it is about (its new name when it has one).
pub(crate) fn title(
    section: &Section,
    old: &Index<'_>,
    new: &Index<'_>,
    renames: &Renames,
) -> String {
    match section {
        Section::Webhook(tag) => {
            let name = new
                .webhooks
                .get(tag.as_str())
                .or_else(|| old.webhooks.get(tag.as_str()));
            let name = name.map_or("?", |w| w.item.name.as_str());
            format!("webhook `{tag}` (`Webhook::{name}`)")
        }
        Section::Message(tag) => {
            let name = new
                .messages
                .get(tag.as_str())
                .or_else(|| old.messages.get(tag.as_str()));
            let name = name.map_or("?", |m| m.item.name.as_str());
            format!("message `{tag}` (`MessageData::{name}`)")
        }
        Section::SharedType(name) => {
            let mut users = old.users_of(renames.old_name(name));
            users.extend(new.users_of(name));
            if users.is_empty() {
                return format!("type `{name}`, used by no variant");
            }
            let users: Vec<String> = users.iter().map(short).collect();
            format!(
                "type `{name}`, shared by {} variants: {}",
                users.len(),
                users.join(", ")
            )
        }
        Section::File(path) => format!("spec file `{path}`"),
    }
}

fn short(section: &Section) -> String {
    match section {
        Section::Webhook(tag) => format!("webhook `{tag}`"),
        Section::Message(tag) => format!("message `{tag}`"),
        Section::SharedType(name) => format!("type `{name}`"),
        Section::File(path) => format!("file `{path}`"),
    }
}

impl fmt::Display for Diff {
    /// ```text
    /// webhook `incomingCall` (`Webhook::IncomingCall`)
    ///   breaking      IncomingCallWebhook.status: type changed: ...
    ///                 what it means for users
    ///
    /// 1 changes: 1 breaking, 0 compatible, 0 informational
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for group in &self.groups {
            writeln!(f, "{}", group.title)?;
            for change in &group.changes {
                let label = change.impact.label();
                writeln!(
                    f,
                    "  {label:<IMPACT_WIDTH$} {}: {}",
                    change.subject, change.what
                )?;
                if !change.why.is_empty() {
                    writeln!(f, "  {:<IMPACT_WIDTH$} {}", "", change.why)?;
                }
            }
            writeln!(f)?;
        }
        writeln!(f, "{}", self.summary())
    }
}
