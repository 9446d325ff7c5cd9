//! A checked walk over a spanned TOML document: every wrong, missing or unknown key is recorded
//! with its line and column, and reading goes on so that one run reports every problem.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::{ErrorKind, SpecError};
use crate::model::Loc;

/// One spec file being read: turns byte offsets into locations and collects errors.
pub(crate) struct Source<'a> {
    file: Arc<PathBuf>,
    text: &'a str,
    line_starts: Vec<usize>,
    pub(crate) errors: Vec<SpecError>,
}

impl<'a> Source<'a> {
    pub(crate) fn new(file: PathBuf, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            file: Arc::new(file),
            text,
            line_starts,
            errors: Vec::new(),
        }
    }

    pub(crate) fn loc(&self, offset: usize) -> Loc {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self
            .text
            .get(line_start..offset)
            .map_or(1, |before| before.chars().count() + 1);
        Loc {
            file: Arc::clone(&self.file),
            line,
            column,
        }
    }

    pub(crate) fn error(&mut self, offset: usize, kind: ErrorKind) {
        let loc = self.loc(offset);
        self.errors.push(SpecError { loc, kind });
    }
}

/// A TOML table whose keys are taken one by one; `finish` reports the keys nobody took.
pub(crate) struct Table<'t, 'i> {
    entries: &'t DeTable<'i>,
    span: Range<usize>,
    taken: Vec<&'t str>,
}

impl<'t, 'i> Table<'t, 'i> {
    pub(crate) fn new(entries: &'t DeTable<'i>, span: Range<usize>) -> Self {
        Table {
            entries,
            span,
            taken: Vec::new(),
        }
    }

    /// Reads `value` as a table, or records that it must be one.
    pub(crate) fn from_value(
        src: &mut Source<'_>,
        key: &str,
        value: &'t Spanned<DeValue<'i>>,
    ) -> Option<Self> {
        match value.get_ref() {
            DeValue::Table(entries) => Some(Table::new(entries, value.span())),
            _ => {
                src.error(value.span().start, wrong(key, "a table"));
                None
            }
        }
    }

    pub(crate) fn start(&self) -> usize {
        self.span.start
    }

    fn take(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        let (name, value) = self.entries.get_key_value(key)?;
        self.taken.push(name.get_ref());
        Some(value)
    }

    fn require(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        let value = self.take(key);
        if value.is_none() {
            src.error(self.span.start, ErrorKind::MissingKey { key });
        }
        value
    }

    pub(crate) fn string(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Option<(String, usize)> {
        let value = self.require(src, key)?;
        as_string(src, key, value)
    }

    pub(crate) fn opt_string(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Option<(String, usize)> {
        let value = self.take(key)?;
        as_string(src, key, value)
    }

    pub(crate) fn opt_bool(&mut self, src: &mut Source<'_>, key: &'static str) -> Option<bool> {
        let value = self.take(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                src.error(value.span().start, wrong(key, "true or false"));
                None
            }
        }
    }

    /// `key = true` or `key = ["a", "b"]`.
    pub(crate) fn opt_bool_or_strings(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Option<BoolOrStrings> {
        let value = self.take(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(BoolOrStrings::Bool(*b)),
            DeValue::Array(items) => Some(BoolOrStrings::Strings(strings(src, key, items))),
            _ => {
                src.error(
                    value.span().start,
                    wrong(key, "true, false or a list of names"),
                );
                None
            }
        }
    }

    /// `key = { name = ["a", "b"] }`: one name with its list of strings.
    pub(crate) fn opt_table_of_strings(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Option<(String, Vec<String>)> {
        let (name, value) = self.single_entry(src, key)?;
        match value.get_ref() {
            DeValue::Array(items) => Some((name, strings(src, key, items))),
            _ => {
                src.error(
                    value.span().start,
                    wrong(key, "a table of one list of strings"),
                );
                None
            }
        }
    }

    /// `key = { name = "value" }`.
    pub(crate) fn opt_table_of_string(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Option<(String, String)> {
        let (name, value) = self.single_entry(src, key)?;
        as_string(src, key, value).map(|(text, _)| (name, text))
    }

    fn single_entry(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Option<(String, &'t Spanned<DeValue<'i>>)> {
        let value = self.take(key)?;
        match value.get_ref() {
            DeValue::Table(entries) if entries.len() == 1 => entries
                .iter()
                .next()
                .map(|(name, value)| (name.get_ref().to_string(), value)),
            _ => {
                src.error(value.span().start, wrong(key, "a table with one key"));
                None
            }
        }
    }

    pub(crate) fn opt_strings(&mut self, src: &mut Source<'_>, key: &'static str) -> Vec<String> {
        self.opt_array(src, key)
            .into_iter()
            .filter_map(|item| as_string(src, key, item).map(|(s, _)| s))
            .collect()
    }

    pub(crate) fn opt_array(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Vec<&'t Spanned<DeValue<'i>>> {
        let Some(value) = self.take(key) else {
            return Vec::new();
        };
        match value.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                src.error(value.span().start, wrong(key, "an array"));
                Vec::new()
            }
        }
    }

    /// The entries of a sub-table such as `[object]`, each with its key's offset.
    pub(crate) fn opt_entries(
        &mut self,
        src: &mut Source<'_>,
        key: &'static str,
    ) -> Vec<(String, usize, Table<'t, 'i>)> {
        let Some(value) = self.take(key) else {
            return Vec::new();
        };
        let DeValue::Table(entries) = value.get_ref() else {
            src.error(value.span().start, wrong(key, "a table"));
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|(name, value)| {
                let table = Table::from_value(src, name.get_ref(), value)?;
                Some((name.get_ref().to_string(), name.span().start, table))
            })
            .collect()
    }

    /// Records every key that no reader took.
    pub(crate) fn finish(self, src: &mut Source<'_>, expected: &[&str]) {
        for (key, _) in self.entries.iter() {
            if !self.taken.contains(&key.get_ref().as_ref()) {
                src.error(
                    key.span().start,
                    ErrorKind::UnknownKey {
                        key: key.get_ref().to_string(),
                        expected: expected.join(", "),
                    },
                );
            }
        }
    }
}

/// The strings of an array; each item that is not one is recorded.
fn strings(src: &mut Source<'_>, key: &str, items: &[Spanned<DeValue<'_>>]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| as_string(src, key, item).map(|(s, _)| s))
        .collect()
}

/// A key that is either a flag or a list of names, such as `mandatory`.
pub(crate) enum BoolOrStrings {
    Bool(bool),
    Strings(Vec<String>),
}

fn as_string(
    src: &mut Source<'_>,
    key: &str,
    value: &Spanned<DeValue<'_>>,
) -> Option<(String, usize)> {
    match value.get_ref() {
        DeValue::String(s) => Some((s.to_string(), value.span().start)),
        _ => {
            src.error(value.span().start, wrong(key, "a string"));
            None
        }
    }
}

fn wrong(key: &str, expected: &'static str) -> ErrorKind {
    ErrorKind::WrongValue {
        key: key.to_string(),
        expected,
    }
}
