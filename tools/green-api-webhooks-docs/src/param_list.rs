//! The parameter list of API-reference pages: after a `Body Params` line, each parameter
//! takes two or three lines (name, type, and `required` when it is). The list shows no
//! nesting, so it becomes one flat `webhook` table and a problem saying so.

use crate::issues::Issue;
use crate::text::{is_identifier, is_type_word};
use crate::{Problem, Row, Table};

pub(crate) fn is_start(line: &str) -> bool {
    line.trim_start().starts_with("Body Params")
}

pub(crate) struct ParamListRead {
    pub(crate) table: Option<Table>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) next: usize,
}

/// Reads the list below the `Body Params` line at `start`.
pub(crate) fn read(lines: &[&str], start: usize) -> ParamListRead {
    let mut rows = Vec::new();
    let mut at = start + 1;
    while let (Some(name), Some(kind)) = (lines.get(at), lines.get(at + 1)) {
        let (name, kind) = (name.trim(), kind.trim());
        if !is_identifier(name) || !is_type_word(kind) {
            break;
        }
        at += 2;
        let flag = lines.get(at).map(|l| l.trim().to_ascii_lowercase());
        let required = match flag.as_deref() {
            Some("required") => true,
            Some("optional") => false,
            _ => {
                rows.push(list_row(name, kind, false));
                continue;
            }
        };
        at += 1;
        rows.push(list_row(name, kind, required));
    }
    if rows.is_empty() {
        return ParamListRead {
            table: None,
            problems: Vec::new(),
            next: start + 1,
        };
    }
    ParamListRead {
        table: Some(Table {
            object: "webhook".to_string(),
            columns: ["Parameter", "Type", "Mandatory"]
                .map(String::from)
                .to_vec(),
            rows,
        }),
        problems: vec![Problem::new(start + 1, Issue::FlatParamList)],
        next: at,
    }
}

fn list_row(name: &str, kind: &str, required: bool) -> Row {
    Row {
        name: name.to_string(),
        kind: kind.to_lowercase(),
        mandatory: Some(required),
        description: String::new(),
        values: Vec::new(),
    }
}
