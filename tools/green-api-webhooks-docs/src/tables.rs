//! Parameter tables in their renderings: plain whitespace tables
//! (`Parameter Type Description`), pipe tables (`Parameter | Type | Description |`) and
//! markdown tables (`| Parameter | Type | Description |`).

use std::collections::HashSet;

use serde::Serialize;

use crate::issues::Issue;
use crate::rows::{
    Layout, RowRead, cells_enum_value, plain_enum_value, row_from_cells, row_from_tokens,
};
use crate::text::plain_text;
use crate::values::{announces_values, push_unique};
use crate::{Problem, Row, headings};

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rendering {
    /// Cells separated by single spaces, one row per line.
    Plain,
    /// `a | b | c |` rows, with or without a `---|---|---|` line.
    Pipe,
    /// `| a | b | c |` rows with a leading pipe.
    Markdown,
    /// A list of name / type / `required` lines, without a table header.
    ParamList,
}

pub(crate) struct Header {
    pub(crate) rendering: Rendering,
    pub(crate) columns: Vec<String>,
    pub(crate) issues: Vec<Issue>,
}

/// The header line of a table, if `line` is one: every cell is a known column name,
/// the first is `Parameter` and the second `Type`.
pub(crate) fn parse_header(line: &str) -> Option<Header> {
    let trimmed = line.trim();
    let (cells, rendering) = if trimmed.contains('|') {
        let rendering = if trimmed.starts_with('|') {
            Rendering::Markdown
        } else {
            Rendering::Pipe
        };
        (split_cells(trimmed), rendering)
    } else {
        (trimmed.split_whitespace().collect(), Rendering::Plain)
    };
    let mut columns = Vec::with_capacity(cells.len());
    let mut issues = Vec::new();
    for cell in cells.iter().filter(|c| !c.is_empty()) {
        columns.push(column_name(cell, &mut issues)?);
    }
    if columns.len() < 2 || columns[0] != "Parameter" || columns[1] != "Type" {
        return None;
    }
    Some(Header {
        rendering,
        columns,
        issues,
    })
}

pub(crate) fn header_rendering(line: &str) -> Option<Rendering> {
    parse_header(line).map(|header| header.rendering)
}

fn column_name(cell: &str, issues: &mut Vec<Issue>) -> Option<String> {
    let written = plain_text(cell);
    let russian = match written.to_lowercase().as_str() {
        "параметр" => Some("Parameter"),
        "тип" => Some("Type"),
        "описание" => Some("Description"),
        "обязательный" => Some("Mandatory"),
        _ => None,
    };
    if let Some(name) = russian {
        if !issues.contains(&Issue::RussianHeader) {
            issues.push(Issue::RussianHeader);
        }
        return Some(name.to_string());
    }
    // Cyrillic letters that look Latin creep into headers: `Descriptionе` ends with a
    // Cyrillic "е". Read them as their Latin twins, or drop them when that fails.
    let latin: String = written
        .chars()
        .map(|c| match c {
            'е' => 'e',
            'Е' => 'E',
            other => other,
        })
        .collect();
    let ascii_only: String = written.chars().filter(char::is_ascii).collect();
    let known = |text: &str| match text.to_ascii_lowercase().as_str() {
        "parameter" => Some("Parameter"),
        "type" => Some("Type"),
        "mandatory" => Some("Mandatory"),
        "required" => Some("Required"),
        "description" => Some("Description"),
        _ => None,
    };
    let name = known(&latin).or_else(|| known(&ascii_only))?;
    if !written.is_ascii() {
        issues.push(Issue::NonLatinHeader {
            written,
            read: name.to_string(),
        });
    }
    Some(name.to_string())
}

/// Cells of a pipe row, trimmed; the pipes at either end of the line open or close
/// the row rather than separating cells.
pub(crate) fn split_cells(line: &str) -> Vec<&str> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line.strip_suffix('|').unwrap_or(line);
    line.split('|').map(str::trim).collect()
}

fn is_separator(line: &str) -> bool {
    line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A table as read from its header on.
pub(crate) struct TableRead {
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<Row>,
    pub(crate) problems: Vec<Problem>,
    /// The index of the first line after the table.
    pub(crate) next: usize,
}

/// Reads the rows below the header at `header_index`. `object` is the object the table
/// describes, used only to spot suspicious rows.
pub(crate) fn read_table(
    lines: &[&str],
    header_index: usize,
    header: Header,
    object: &str,
    is_array: bool,
) -> TableRead {
    let layout = Layout::from_columns(&header.columns);
    let mut collector = Collector {
        object,
        is_array,
        rows: Vec::new(),
        names: HashSet::new(),
        problems: Vec::new(),
        announced: false,
    };
    for issue in header.issues {
        collector
            .problems
            .push(Problem::new(header_index + 1, issue));
    }
    let body = match header.rendering {
        Rendering::Plain => read_plain_rows,
        _ => read_pipe_rows,
    };
    let next = body(lines, header_index + 1, layout, &mut collector);
    TableRead {
        columns: header.columns,
        rows: collector.rows,
        problems: collector.problems,
        next,
    }
}

/// Pipe and markdown rows: every row has a `|`; a line without one ends the table.
fn read_pipe_rows(
    lines: &[&str],
    start: usize,
    layout: Layout,
    collector: &mut Collector,
) -> usize {
    let mut at = start;
    while let Some(line) = lines.get(at) {
        let trimmed = line.trim();
        if trimmed.is_empty() || parse_header(trimmed).is_some() {
            return at;
        }
        if !trimmed.contains('|') {
            return end_at_non_row(lines, at, collector);
        }
        if !is_separator(trimmed) {
            let cells = split_cells(trimmed);
            if cells.iter().any(|c| !c.is_empty()) {
                match cells_enum_value(&cells, collector.announced) {
                    Some(value) => collector.push_value(at + 1, trimmed, value),
                    None => collector.push_row(at + 1, row_from_cells(&cells, layout)),
                }
            }
        }
        at += 1;
    }
    collector.note_cut_short(lines.len());
    at
}

/// Plain rows: a row is `name type description`; a blank line, a heading or any line
/// whose second token is not a type ends the table.
fn read_plain_rows(
    lines: &[&str],
    start: usize,
    layout: Layout,
    collector: &mut Collector,
) -> usize {
    let mut at = start;
    while let Some(line) = lines.get(at) {
        let trimmed = line.trim();
        if trimmed.is_empty()
            || parse_header(trimmed).is_some()
            || headings::classify(trimmed).is_heading()
        {
            return at;
        }
        if let Some(value) = plain_enum_value(trimmed, collector.announced) {
            collector.push_value(at + 1, trimmed, Some(value));
        } else if let Some(read) = row_from_tokens(trimmed, layout) {
            collector.push_row(at + 1, read);
        } else {
            return end_at_non_row(lines, at, collector);
        }
        at += 1;
    }
    collector.note_cut_short(lines.len());
    at
}

/// A line that is not a row ends the table. When it is the page's last line and a
/// single word, it is a row cut off by the end of the page.
fn end_at_non_row(lines: &[&str], at: usize, collector: &mut Collector) -> usize {
    let text = lines[at].trim();
    let is_last = at + 1 == lines.len();
    if is_last && !text.contains(char::is_whitespace) && !collector.rows.is_empty() {
        collector.problems.push(Problem::new(
            at + 1,
            Issue::TableCutRowDropped {
                text: text.to_string(),
            },
        ));
        return at + 1;
    }
    at
}

struct Collector<'a> {
    object: &'a str,
    is_array: bool,
    rows: Vec<Row>,
    /// Names of the rows so far, to spot duplicates.
    names: HashSet<String>,
    problems: Vec<Problem>,
    /// Whether the row above announced enum rows ("Have variants:") or was one.
    announced: bool,
}

impl Collector<'_> {
    fn push_row(&mut self, line: usize, read: RowRead) {
        let mut issues = read.issues;
        if let Some(row) = read.row {
            if row.name == "default" && self.is_array {
                issues.push(Issue::DefaultPseudoRow {
                    object: self.object.to_string(),
                });
            } else if row.name == self.object {
                issues.push(Issue::RowNamedAfterObject {
                    name: row.name.clone(),
                });
            }
            if !self.names.insert(row.name.clone()) {
                issues.push(Issue::DuplicateRow {
                    name: row.name.clone(),
                });
            }
            self.announced = announces_values(&row.description);
            self.rows.push(row);
        }
        self.problems
            .extend(issues.into_iter().map(|issue| Problem::new(line, issue)));
    }

    fn push_value(&mut self, line: usize, text: &str, value: Option<String>) {
        match self.rows.last_mut() {
            Some(row) => push_unique(&mut row.values, value),
            None => self.problems.push(Problem::new(
                line,
                Issue::OrphanContinuation {
                    text: text.to_string(),
                },
            )),
        }
        self.announced = true;
    }

    fn note_cut_short(&mut self, line_count: usize) {
        if let Some(row) = self.rows.last() {
            self.problems.push(Problem::new(
                line_count,
                Issue::TableCutShort {
                    name: row.name.clone(),
                },
            ));
        }
    }
}
