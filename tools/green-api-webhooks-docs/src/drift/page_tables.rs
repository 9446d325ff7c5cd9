//! A page's parameter tables as drift compares them: one per object, knowing whether the copy
//! of the page is cut short inside it, and the tag values (`typeMessage`, `typeWebhook`) the
//! page names.

use crate::values::tag_values;
use crate::{Page, Row};

/// The object name the page reader gives the table of the top-level webhook body.
pub const WEBHOOK_TABLE: &str = "webhook";
/// The object name of the `messageData` table.
pub const MESSAGE_DATA_TABLE: &str = "messageData";
pub const TYPE_MESSAGE: &str = "typeMessage";
pub const TYPE_WEBHOOK: &str = "typeWebhook";

// The page reader reports these as problem messages; their wording is its `Issue` texts.
const CUT_INSIDE_TABLE: &str = "page ends inside this table";
const FLAT_LIST: &str = "parameter list without nesting";
const DEFAULT_PSEUDO_ROW: &str = "row `default` is not a key";

pub struct PageTable<'p> {
    /// The docs' object name (`messageData`, `buttons`, `webhook` for the body itself).
    pub object: &'p str,
    pub rows: Vec<&'p Row>,
    /// `false` when the copy of the page ends inside the table: rows may be missing.
    pub complete: bool,
}

impl PageTable<'_> {
    pub fn row(&self, name: &str) -> Option<&Row> {
        self.rows.iter().copied().find(|r| r.name == name)
    }

    /// The row that carries the variant tag and is no field of the spec's message or body.
    pub fn tag_row(&self) -> Option<&'static str> {
        match self.object {
            MESSAGE_DATA_TABLE => Some(TYPE_MESSAGE),
            WEBHOOK_TABLE => Some(TYPE_WEBHOOK),
            _ => None,
        }
    }
}

/// The page's tables, one per object in page order (a second table for the same object adds
/// its rows). Rows the reader flagged as no key (`default`) and rows without a name are left out.
pub fn page_tables(page: &Page) -> Vec<PageTable<'_>> {
    let has_problem = |text: &str| page.problems.iter().any(|p| p.message.starts_with(text));
    // A copy ends only once, so only its last table can be cut short.
    let cut_table = has_problem(CUT_INSIDE_TABLE).then(|| page.tables.len().saturating_sub(1));
    let skip_default = has_problem(DEFAULT_PSEUDO_ROW);
    let mut tables: Vec<PageTable<'_>> = Vec::new();
    for (i, table) in page.tables.iter().enumerate() {
        let rows = table
            .rows
            .iter()
            .filter(|r| !(r.name.is_empty() || skip_default && r.name == "default"));
        let complete = cut_table != Some(i);
        match tables.iter_mut().find(|t| t.object == table.object) {
            Some(merged) => {
                merged.rows.extend(rows);
                merged.complete &= complete;
            }
            None => tables.push(PageTable {
                object: &table.object,
                rows: rows.collect(),
                complete,
            }),
        }
    }
    tables
}

/// Whether the page lists nested fields as if they were top-level (the apidog rendering).
pub fn is_flat(page: &Page) -> bool {
    page.problems
        .iter()
        .any(|p| p.message.starts_with(FLAT_LIST))
}

/// The tag values a page states, by where it states them.
#[derive(Default)]
pub struct PageTags {
    /// The conditions' `typeMessage`, widened to the `typeMessage` row's list when the row lists
    /// several values including it (one page covers image, video, audio and document).
    pub condition_messages: Vec<String>,
    pub condition_webhooks: Vec<String>,
    /// The values the `messageData` table's `typeMessage` row names.
    pub table_messages: Vec<String>,
    /// The values the webhook table's `typeWebhook` row names.
    pub table_webhooks: Vec<String>,
}

impl PageTags {
    pub fn of(page: &Page, tables: &[PageTable<'_>]) -> Self {
        let named = |object: &str, tag: &str| {
            tables
                .iter()
                .find(|t| t.object == object)
                .and_then(|t| t.row(tag))
                .map(tag_values)
                .unwrap_or_default()
        };
        let table_messages = named(MESSAGE_DATA_TABLE, TYPE_MESSAGE);
        let table_webhooks = named(WEBHOOK_TABLE, TYPE_WEBHOOK);
        let conditions = page.conditions.in_block();
        let condition_messages = match &conditions.type_message {
            Some(value) if table_messages.len() > 1 && table_messages.contains(value) => {
                table_messages.clone()
            }
            Some(value) => vec![value.clone()],
            None => Vec::new(),
        };
        PageTags {
            condition_messages,
            condition_webhooks: conditions.type_webhook.clone(),
            table_messages,
            table_webhooks,
        }
    }

    pub fn has_conditions(&self) -> bool {
        !self.condition_messages.is_empty() || !self.condition_webhooks.is_empty()
    }
}
