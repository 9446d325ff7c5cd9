//! The page model as text for people: title, conditions, tables as aligned columns, the number
//! of examples and the problems as `FILE:LINE: message`, which editors can jump to.

use std::fmt::Write;

use crate::values::tag_values;
use crate::{Page, Row, Table};

const HEADER: [&str; 5] = ["name", "type", "mandatory", "values", "description"];

/// Renders one page; `file` is the path as given on the command line.
pub fn render(file: &str, page: &Page) -> String {
    let mut out = String::new();
    // `write!` into a `String` cannot fail, so its results are ignored throughout.
    let _ = writeln!(out, "{file}");
    let _ = writeln!(out, "title: {}", or_dash(&page.title));
    let conditions = page.conditions.in_block();
    let type_webhook = tag_line(page, &conditions.type_webhook, "webhook", "typeWebhook");
    let _ = writeln!(out, "typeWebhook: {type_webhook}");
    let type_message = Vec::from_iter(conditions.type_message.clone());
    let type_message = tag_line(page, &type_message, "messageData", "typeMessage");
    let _ = writeln!(out, "typeMessage: {type_message}");
    for table in &page.tables {
        out.push('\n');
        render_table(&mut out, table);
    }
    let _ = writeln!(out, "\nexamples: {}", page.examples.len());
    for problem in &page.problems {
        let _ = writeln!(out, "{file}:{}: {}", problem.line, problem.message);
    }
    out.push('\n');
    out
}

/// The tag values the conditions block gives, else the ones the `tag` row of the `object` table
/// names ("Takes the value stateInstanceChanged"), marked as such; `-` when neither does.
fn tag_line(page: &Page, conditions: &[String], object: &str, tag: &str) -> String {
    if !conditions.is_empty() {
        return conditions.join(" || ");
    }
    let from_table = page
        .tables
        .iter()
        .filter(|table| table.object == object)
        .flat_map(|table| &table.rows)
        .find(|row| row.name == tag)
        .map(tag_values)
        .unwrap_or_default();
    if from_table.is_empty() {
        "-".to_owned()
    } else {
        format!("{} (from the {object} table)", from_table.join(" || "))
    }
}

fn render_table(out: &mut String, table: &Table) {
    let object = if table.object.is_empty() {
        "(unnamed object)"
    } else {
        &table.object
    };
    let _ = writeln!(out, "{object}");
    let cells: Vec<[String; 5]> = table.rows.iter().map(row_cells).collect();
    let mut widths = HEADER.map(str::len);
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    write_line(out, &HEADER.map(String::from), &widths);
    for row in &cells {
        write_line(out, row, &widths);
    }
}

fn row_cells(row: &Row) -> [String; 5] {
    let mandatory = match row.mandatory {
        Some(true) => "yes",
        Some(false) => "no",
        None => "-",
    };
    [
        row.name.clone(),
        or_dash(&row.kind).to_string(),
        mandatory.to_string(),
        or_dash(&row.values.join(", ")).to_string(),
        row.description.clone(),
    ]
}

/// One indented line; the last column (the description) is not padded.
fn write_line(out: &mut String, cells: &[String; 5], widths: &[usize; 5]) {
    let mut line = String::from("  ");
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if i + 1 == cells.len() {
            line.push_str(cell);
        } else {
            let pad = width - cell.chars().count();
            line.push_str(cell);
            line.push_str(&" ".repeat(pad + 2));
        }
    }
    let _ = writeln!(out, "{}", line.trim_end());
}

fn or_dash(text: &str) -> &str {
    if text.is_empty() { "-" } else { text }
}
