//! One pass over the page's lines, handing each part to its reader: code fences and
//! bare JSON to the example reader, the conditions block, table headers, parameter lists.

use std::collections::{HashSet, VecDeque};

use crate::headings::{self, Heading};
use crate::issues::Issue;
use crate::tables::{self, Header};
use crate::{Conditions, Problem, Table, conditions, examples, param_list};

pub(crate) struct Scanned {
    pub(crate) conditions: Conditions,
    pub(crate) tables: Vec<Table>,
    pub(crate) examples: Vec<serde_json::Value>,
    pub(crate) problems: Vec<Problem>,
}

pub(crate) fn scan(text: &str) -> Scanned {
    let lines: Vec<&str> = text.lines().collect();
    let mut scanner = Scanner {
        lines: &lines,
        conditions: None,
        tables: Vec::new(),
        described: HashSet::new(),
        pending: Vec::new(),
        examples: Vec::new(),
        problems: Vec::new(),
    };
    let mut at = 0;
    while at < lines.len() {
        // Every reader consumes at least the line it starts on; `max` keeps the loop
        // moving even if one did not.
        at = scanner.step(at).max(at + 1);
    }
    // A block that states nothing readable counts as no block.
    let conditions = [
        scanner.conditions.unwrap_or_default(),
        conditions::from_tables(&scanner.tables),
        conditions::from_text(&lines),
    ]
    .into_iter()
    .find(|found| found.source.is_some())
    .unwrap_or_default();
    Scanned {
        conditions,
        tables: scanner.tables,
        examples: scanner.examples,
        problems: scanner.problems,
    }
}

struct Scanner<'a> {
    lines: &'a [&'a str],
    conditions: Option<Conditions>,
    tables: Vec<Table>,
    /// The objects of `tables`, to look them up quickly.
    described: HashSet<String>,
    /// Per table, latest last: rows naming objects that no table describes yet.
    pending: Vec<Undescribed>,
    examples: Vec<serde_json::Value>,
    problems: Vec<Problem>,
}

impl Scanner<'_> {
    /// Reads whatever starts at line `at`; returns the index of the next unread line.
    fn step(&mut self, at: usize) -> usize {
        let line = self.lines[at];
        if examples::is_fence(line) {
            return self.take_example(examples::read_fenced(self.lines, at));
        }
        if self.conditions.is_none() && conditions::is_intro(line) {
            let read = conditions::read(self.lines, at);
            self.conditions = Some(read.conditions);
            self.problems.extend(read.problems);
            return read.next;
        }
        if let Some(header) = tables::parse_header(line) {
            return self.read_table(at, header);
        }
        if param_list::is_start(line) {
            let read = param_list::read(self.lines, at);
            if let Some(table) = read.table {
                self.push_table(table);
            }
            self.problems.extend(read.problems);
            return read.next;
        }
        if examples::starts_example(self.lines, at) {
            return self.take_example(examples::read_bare(self.lines, at));
        }
        if at + 1 == self.lines.len() && is_cut_header(line) {
            self.problems
                .push(Problem::new(at + 1, Issue::HeaderCutShort));
        }
        at + 1
    }

    fn take_example(&mut self, read: examples::ExampleRead) -> usize {
        self.examples.extend(read.value);
        self.problems.extend(read.problem);
        read.next
    }

    fn read_table(&mut self, at: usize, header: Header) -> usize {
        let (heading, heading_at) = headings::heading_above(self.lines, at);
        let (object, is_array, issue) = self.object_of_table(heading);
        if let Some(issue) = issue {
            self.problems.push(Problem::new(heading_at + 1, issue));
        }
        let read = tables::read_table(self.lines, at, header, &object, is_array);
        self.problems.extend(read.problems);
        if read.rows.is_empty() {
            let issue = if read.next >= self.lines.len() {
                Issue::HeaderCutShort
            } else {
                Issue::EmptyTable
            };
            self.problems.push(Problem::new(at + 1, issue));
        } else {
            self.push_table(Table {
                object,
                columns: read.columns,
                rows: read.rows,
            });
        }
        read.next
    }

    /// The object a table with this heading describes, whether it is an array, and what
    /// was odd about the heading.
    fn object_of_table(&mut self, heading: Heading) -> (String, bool, Option<Issue>) {
        match heading {
            Heading::Object {
                name,
                is_array,
                issue,
            } => (name, is_array, issue),
            Heading::Webhook { issue } => ("webhook".to_string(), false, issue),
            Heading::Bare { .. } | Heading::Prose => self.infer_object(),
        }
    }

    /// A table whose heading lost the object name describes, in the docs' depth-first
    /// order, the first object or array row not yet described by a table: looking at the
    /// latest table first, then the ones before it.
    fn infer_object(&mut self) -> (String, bool, Option<Issue>) {
        while let Some(parent) = self.pending.last_mut() {
            // Rows described since are dropped for good, so each row is passed over once.
            while parent
                .rows
                .front()
                .is_some_and(|(name, _)| self.described.contains(name))
            {
                parent.rows.pop_front();
            }
            if let Some((name, is_array)) = parent.rows.front() {
                let issue = Issue::ObjectNameInferred {
                    inferred: name.clone(),
                    from: parent.object.clone(),
                };
                return (name.clone(), *is_array, Some(issue));
            }
            self.pending.pop();
        }
        (String::new(), false, Some(Issue::ObjectNameMissing))
    }

    fn push_table(&mut self, table: Table) {
        let rows = table
            .rows
            .iter()
            .filter(|row| row.name != table.object)
            .filter_map(|row| {
                let is_array = row.kind.starts_with("array");
                (is_array || row.kind.starts_with("object")).then(|| (row.name.clone(), is_array))
            })
            .collect();
        self.pending.push(Undescribed {
            object: table.object.clone(),
            rows,
        });
        self.described.insert(table.object.clone());
        self.tables.push(table);
    }
}

/// The object and array rows of one table that no table describes yet.
struct Undescribed {
    object: String,
    rows: VecDeque<(String, bool)>,
}

/// The start of a table header that the end of the page cut off (`Parameter | Ty`).
fn is_cut_header(line: &str) -> bool {
    let text = line.trim().trim_start_matches('|').trim_start();
    text.starts_with("Parameter") || text.starts_with("Параметр")
}
