//! Builds one [`Row`] from the cells of a pipe or markdown row, or from the tokens of a
//! plain whitespace row, and reads `value - text` enum rows.

use crate::Row;
use crate::issues::Issue;
use crate::text::{collapse_whitespace, is_type_word, next_token, plain_text, yes_no};
use crate::values::{continuation_value, inline_values};

/// Where each kind of cell sits in a table, from its header.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub(crate) type_at: usize,
    pub(crate) mandatory_at: Option<usize>,
    pub(crate) description_at: Option<usize>,
    pub(crate) width: usize,
}

impl Layout {
    pub(crate) fn from_columns(columns: &[String]) -> Layout {
        let at = |names: &[&str]| columns.iter().position(|c| names.contains(&c.as_str()));
        Layout {
            type_at: at(&["Type"]).unwrap_or(1),
            mandatory_at: at(&["Mandatory", "Required"]),
            description_at: at(&["Description"]),
            width: columns.len(),
        }
    }
}

/// A row that was read, with what was odd about it.
pub(crate) struct RowRead {
    pub(crate) row: Option<Row>,
    pub(crate) issues: Vec<Issue>,
}

/// A row of a pipe or markdown table, split into trimmed cells.
pub(crate) fn row_from_cells(cells: &[&str], layout: Layout) -> RowRead {
    let mut issues = Vec::new();
    let name = cells.first().map(|c| plain_text(c)).unwrap_or_default();
    if name.is_empty() {
        let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
        issues.push(Issue::RowWithoutName {
            text: filled.join(" | "),
        });
        return RowRead { row: None, issues };
    }
    let kind = cell_text(cells, Some(layout.type_at)).to_lowercase();
    if kind.is_empty() {
        issues.push(Issue::RowWithoutType { name: name.clone() });
    }
    let mut used = vec![0, layout.type_at];
    let mut mandatory = None;
    let mut description = cell_text(cells, layout.description_at);
    if let Some(at) = layout.mandatory_at {
        used.push(at);
        let written = cell_text(cells, Some(at));
        mandatory = yes_no(&written);
        if mandatory.is_none() && !written.is_empty() {
            issues.push(Issue::MandatoryNotYesNo {
                name: name.clone(),
                value: written,
            });
        }
    } else if let (Some(at), Some(flag)) = (layout.description_at, yes_no(&description)) {
        // A Mandatory value in a table without a Mandatory column: either the real
        // description follows in an extra cell, or it was lost.
        mandatory = Some(flag);
        let value = std::mem::take(&mut description);
        if cells.len() > layout.width {
            used.push(at + 1);
            description = cell_text(cells, Some(at + 1));
            issues.push(Issue::MandatoryInFourthCell {
                name: name.clone(),
                value,
            });
        } else {
            issues.push(Issue::MandatoryInDescription {
                name: name.clone(),
                value,
            });
        }
    }
    used.extend(layout.description_at);
    // Cells past the header's width that no column took.
    let first_unused = used
        .iter()
        .map(|i| i + 1)
        .max()
        .unwrap_or(0)
        .max(layout.width);
    let extra: Vec<String> = cells
        .iter()
        .skip(first_unused)
        .map(|c| plain_text(c))
        .filter(|c| !c.is_empty())
        .collect();
    if extra
        .first()
        .is_some_and(|c| c.eq_ignore_ascii_case("parameter"))
    {
        issues.push(Issue::GluedTableHeader { name: name.clone() });
    } else if !extra.is_empty() {
        issues.push(Issue::ExtraCells {
            name: name.clone(),
            cells: extra.join(" | "),
        });
    }
    RowRead {
        row: Some(new_row(name, kind, mandatory, description)),
        issues,
    }
}

fn cell_text(cells: &[&str], at: Option<usize>) -> String {
    at.and_then(|i| cells.get(i))
        .map(|c| plain_text(c))
        .unwrap_or_default()
}

/// A row of a plain whitespace table: name, type, [Yes/No,] description. `None` when the
/// line is not a row (its second token is not a type).
pub(crate) fn row_from_tokens(line: &str, layout: Layout) -> Option<RowRead> {
    let (name, rest) = next_token(line)?;
    let (kind, mut rest) = next_token(rest)?;
    if !is_type_word(kind) {
        return None;
    }
    let name = plain_text(name);
    let mut issues = Vec::new();
    let mut mandatory = None;
    if layout.mandatory_at.is_some() {
        match next_token(rest) {
            Some((flag, after)) if yes_no(flag).is_some() => {
                mandatory = yes_no(flag);
                rest = after;
            }
            Some((written, _)) => issues.push(Issue::MandatoryNotYesNo {
                name: name.clone(),
                value: written.to_string(),
            }),
            None => {}
        }
    }
    let mut description = plain_text(rest);
    if layout.mandatory_at.is_none() {
        // Only a lone Yes/No is taken as Mandatory: a description may well start with "No".
        if let Some(flag) = yes_no(&description) {
            mandatory = Some(flag);
            let value = std::mem::take(&mut description);
            issues.push(Issue::MandatoryInDescription {
                name: name.clone(),
                value,
            });
        }
    }
    Some(RowRead {
        row: Some(new_row(
            name,
            plain_text(kind).to_lowercase(),
            mandatory,
            description,
        )),
        issues,
    })
}

fn new_row(name: String, kind: String, mandatory: Option<bool>, description: String) -> Row {
    Row {
        values: inline_values(&description),
        name,
        kind,
        mandatory,
        description: collapse_whitespace(&description),
    }
}

/// For a plain line: the value of an enum row `value - text`, if the line is one.
/// `announced` says whether the row above announced values (or was an enum row itself).
pub(crate) fn plain_enum_value(line: &str, announced: bool) -> Option<String> {
    let (head, _) = line.split_once(" - ")?;
    let is_enum_row = match head.split_whitespace().nth(1) {
        None => true,
        // `name type text - more text` is an ordinary row whose description has a dash.
        Some(second) => announced && !is_type_word(second),
    };
    if is_enum_row {
        continuation_value(line)
    } else {
        None
    }
}

/// For the cells of a pipe row: `None` when the row is an ordinary row, otherwise
/// `Some` of the enum value it names (`None` inside when it names none). Enum rows have
/// exactly one non-empty cell (`value - text | ||`, `| | value - text`); a lone first
/// cell without ` - ` is an ordinary row missing its type, unless values were announced.
pub(crate) fn cells_enum_value(cells: &[&str], announced: bool) -> Option<Option<String>> {
    let mut filled = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.trim().is_empty());
    let (at, text) = filled.next()?;
    if filled.next().is_some() {
        return None;
    }
    let value = continuation_value(text);
    let single_word = plain_text(text);
    let single_word =
        (!single_word.contains(' ') && !single_word.is_empty()).then_some(single_word);
    if value.is_some() {
        Some(value)
    } else if at > 0 || announced {
        Some(single_word)
    } else {
        None
    }
}
