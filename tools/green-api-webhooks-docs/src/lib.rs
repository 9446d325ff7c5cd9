//! The documentation tooling: the page model, import and drift.
//!
//! - [`parse_page`] reads a Green-API webhook documentation page ("notifications format" pages)
//!   into a [`Page`]: title, the typeWebhook/typeMessage conditions, the parameter tables, the
//!   JSON example bodies, and a list of problems found while reading. The same documentation
//!   exists in several renderings (plain whitespace tables, pipe tables, markdown tables,
//!   markdown sources with backticks) and many copies are cut off mid-page. Reading never fails
//!   and never panics: whatever cannot be read is kept as well as possible and reported in
//!   [`Page::problems`].
//! - [`import`] shows pages as the page model or drafts spec entries from them.
//! - [`drift`] compares a folder of pages and example bodies with the spec.

mod conditions;
pub mod drift;
mod examples;
mod headings;
pub mod import;
mod issues;
mod param_list;
mod rows;
mod scan;
mod tables;
mod text;
mod trees;
mod values;

use serde::Serialize;

use issues::Issue;
pub use tables::Rendering;

/// One documentation page, as read by [`parse_page`].
///
/// `serde_json::to_string(&page)` gives
/// `{"page", "title", "conditions", "tables", "examples", "problems"}` in that order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// The file name the page was read from.
    pub page: String,
    /// The page's first heading, without markdown or anchor decoration.
    pub title: String,
    /// Which typeWebhook and typeMessage the page is about: from its conditions block, else
    /// from the tag rows of its tables.
    pub conditions: Conditions,
    /// Parameter tables in page order.
    pub tables: Vec<Table>,
    /// Every JSON example body on the page that parses as JSON, in page order.
    pub examples: Vec<serde_json::Value>,
    /// Everything that was odd, ordered by line.
    pub problems: Vec<Problem>,
}

/// The conditions a webhook must meet to be of the type the page describes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Conditions {
    /// `typeWebhook = a || b` gives `["a", "b"]`; empty when the page has no such condition.
    #[serde(rename = "typeWebhook")]
    pub type_webhook: Vec<String>,
    /// `messageData.typeMessage = x`; the first value when several are given.
    #[serde(rename = "typeMessage")]
    pub type_message: Option<String>,
    /// Where the values were read; `None` when the page states neither.
    pub source: Option<Source>,
}

/// Where a page states its [`Conditions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// The "two conditions must be true" block (or its Russian wording).
    Block,
    /// The `typeWebhook` row of the webhook table and the `typeMessage` row of the
    /// `messageData` table ("takes on the value incomingCall"); pages without a block.
    TableRows,
    /// A sentence of the page: "... incoming webhook type takes on the value
    /// outgoingMessageReceived"; pages that only refer to another page's format.
    Text,
}

/// The conditions of a page that has none.
static NO_CONDITIONS: Conditions = Conditions {
    type_webhook: Vec::new(),
    type_message: None,
    source: None,
};

impl Conditions {
    /// These conditions if the page's conditions block states them, else none: for
    /// comparisons of the block with the tables.
    pub fn in_block(&self) -> &Conditions {
        if self.source == Some(Source::Block) {
            self
        } else {
            &NO_CONDITIONS
        }
    }
}

/// One parameter table: the fields of one object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// The object the table describes (`messageData`, `buttons`, ...); `webhook` for the
    /// top-level webhook body; empty when no name could be found or inferred.
    pub object: String,
    /// Header cells, normalised (`Parameter`, `Type`, `Mandatory`, `Description`).
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// One parameter of an object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub name: String,
    /// The type as written, lowercased (`string`, `object`, `double`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// From a Mandatory column (Yes/No); `None` when the table has no such column.
    pub mandatory: Option<bool>,
    /// Plain text: backticks, bold markers and link targets removed.
    pub description: String,
    /// Allowed values, when the page enumerates them.
    pub values: Vec<String>,
}

/// Something odd on the page, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub(crate) fn new(line: usize, issue: Issue) -> Problem {
        Problem {
            line,
            message: issue.to_string(),
        }
    }
}

/// Reads one documentation page. `file_name` is only recorded in [`Page::page`].
pub fn parse_page(file_name: &str, text: &str) -> Page {
    let scanned = scan::scan(text);
    let mut problems = scanned.problems;
    // Stable sort: problems on the same line keep the order they were found in.
    problems.sort_by_key(|problem| problem.line);
    Page {
        page: file_name.to_string(),
        title: text::title(text),
        conditions: scanned.conditions,
        tables: scanned.tables,
        examples: scanned.examples,
        problems,
    }
}

/// How the first parameter table of a page is rendered, if it has one.
pub fn rendering(text: &str) -> Option<Rendering> {
    text.lines().find_map(|line| {
        tables::header_rendering(line)
            .or_else(|| param_list::is_start(line).then_some(Rendering::ParamList))
    })
}
