//! Disagreements and how they are collected for one page.

use std::collections::{BTreeMap, BTreeSet};

/// One place where the docs disagree with themselves or with the spec.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Disagreement {
    /// What it is about, in the vocabulary of exceptions' `at`: `Object.field`, `Object`, a
    /// `typeMessage`/`typeWebhook` value, a Rust name; a docs name where the spec has none.
    pub subject: String,
    /// `what the docs say vs what the spec (or another part of the docs) says`.
    pub text: String,
    /// Other `at` values that explain it: the object, message, webhook or enum it belongs to.
    pub owners: BTreeSet<String>,
    /// `at` values that explain anything on the page: its `typeMessage`/`typeWebhook` values and
    /// the spec variants it documents.
    pub page_level: BTreeSet<String>,
    /// For a documented body the spec lists as bad: where it does so.
    pub bad_example: Option<String>,
}

/// Stands for the list of examples in a finding's text until they are all known.
pub const EXAMPLES: &str = "{examples}";

/// Collects the disagreements of one page. Findings about example bodies are merged: one line
/// per finding, naming every example that shows it.
pub struct PageFindings {
    /// `at` values that explain anything on the page.
    page_level: BTreeSet<String>,
    found: BTreeSet<Disagreement>,
    by_example: BTreeMap<(String, Vec<String>, String), BTreeSet<String>>,
}

impl PageFindings {
    pub fn new(page_level: BTreeSet<String>) -> Self {
        PageFindings {
            page_level,
            found: BTreeSet::new(),
            by_example: BTreeMap::new(),
        }
    }

    /// Records a disagreement about `subject`, which `owners` (and the page's variants) also
    /// explain.
    pub fn add(&mut self, subject: &str, owners: &[&str], text: String) {
        self.found.insert(Disagreement {
            subject: subject.to_owned(),
            text,
            owners: owners.iter().map(|o| (*o).to_owned()).collect(),
            page_level: self.page_level.clone(),
            bad_example: None,
        });
    }

    /// Records that `example` shows the finding `text`, which contains [`EXAMPLES`].
    pub fn seen_in(&mut self, example: &str, subject: &str, owners: &[&str], text: String) {
        let owners = owners.iter().map(|o| (*o).to_owned()).collect();
        self.by_example
            .entry((subject.to_owned(), owners, text))
            .or_default()
            .insert(example.to_owned());
    }

    /// Records a documented body that the spec lists as bad, at `place`.
    pub fn known_bad(&mut self, file: &str, reason: &str, place: String) {
        self.found.insert(Disagreement {
            subject: file.to_owned(),
            text: format!("known bad: {reason}"),
            owners: BTreeSet::new(),
            page_level: BTreeSet::new(),
            bad_example: Some(place),
        });
    }

    pub fn finish(mut self) -> Vec<Disagreement> {
        for ((subject, owners, text), examples) in std::mem::take(&mut self.by_example) {
            let names: Vec<&str> = examples.iter().map(String::as_str).collect();
            let shown = match names.as_slice() {
                [one] => format!("example {one}"),
                many => format!("examples {}", many.join(", ")),
            };
            let owners: Vec<&str> = owners.iter().map(String::as_str).collect();
            self.add(&subject, &owners, text.replace(EXAMPLES, &shown));
        }
        self.found.into_iter().collect()
    }
}
