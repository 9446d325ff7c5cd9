//! The report: disagreements grouped by page, each explained by a spec exception or not, then
//! the exceptions that explain nothing and a summary line.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use green_api_webhooks_spec::Exception;

use super::docs::DocsFolder;
use super::finding::Disagreement;
use super::spec_index::SpecIndex;

/// Pages in name order (the rendered copy before the markdown source), then the spec group.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum GroupOrder {
    Page { stem: String, markdown: bool },
    Spec,
}

pub struct Group {
    pub order: GroupOrder,
    /// What each line starts with: the page's path in the docs folder.
    pub name: String,
    /// The group's heading: the page and the spec items it documents.
    pub title: String,
    pub notes: Vec<String>,
    pub disagreements: Vec<Disagreement>,
}

pub struct Rendered {
    pub text: String,
    pub unexplained: usize,
}

/// An exception with the place it is written, `spec/FILE.toml:LINE`.
struct Written<'s> {
    exception: &'s Exception,
    place: String,
    /// What its `at` names: itself, and for a `typeMessage`/`typeWebhook` value also the Rust
    /// name of that message or webhook, which the spec treats as the same thing.
    names: Vec<&'s str>,
}

impl Written<'_> {
    fn names_any(&self, matches: impl Fn(&str) -> bool) -> bool {
        self.names.iter().any(|name| matches(name))
    }
}

pub fn render(folder: &DocsFolder, index: &SpecIndex<'_>, mut groups: Vec<Group>) -> Rendered {
    let exceptions: Vec<Written<'_>> = index
        .spec
        .modules()
        .iter()
        .flat_map(|module| {
            module.exceptions.iter().map(|exception| {
                let at = exception.at.as_str();
                let variant = index
                    .message(at)
                    .map(|m| m.name.as_str())
                    .or_else(|| index.webhook(at).map(|w| w.name.as_str()));
                Written {
                    exception,
                    place: index.place(&module.path, &exception.loc),
                    names: std::iter::once(at).chain(variant).collect(),
                }
            })
        })
        .collect();
    // An exception marked `unchecked` is about something drift does not see, so it explains
    // nothing drift reports; the others must each explain something.
    let (unchecked, exceptions): (Vec<Written<'_>>, Vec<Written<'_>>) = exceptions
        .into_iter()
        .partition(|w| w.exception.unchecked.is_some());
    groups.sort_by(|a, b| a.order.cmp(&b.order));

    let mut out = String::new();
    let examples: usize = folder.pages.iter().map(|p| p.examples.len()).sum();
    // Writing to a String cannot fail, here and below.
    let _ = writeln!(
        out,
        "drift: {} pages with {examples} example bodies; spec: {} files, {} exceptions ({} unchecked), {} bad examples",
        folder.pages.len(),
        index.spec.modules().len(),
        exceptions.len() + unchecked.len(),
        unchecked.len(),
        index.bad_examples().count()
    );
    let mut used: BTreeSet<&str> = BTreeSet::new();
    // Marked exceptions on the very thing a disagreement is about: drift sees it after all.
    let mut seen_after_all: BTreeSet<&str> = BTreeSet::new();
    let (mut total, mut unexplained) = (0, 0);
    for group in &groups {
        let _ = writeln!(out, "\n## {}", group.title);
        for note in &group.notes {
            let _ = writeln!(out, "   {note}");
        }
        for d in &group.disagreements {
            total += 1;
            for written in &exceptions {
                if written.names_any(|name| {
                    name == d.subject || d.owners.contains(name) || d.page_level.contains(name)
                }) {
                    used.insert(written.exception.at.as_str());
                }
            }
            for written in &unchecked {
                if written.names_any(|name| name == d.subject || d.owners.contains(name)) {
                    seen_after_all.insert(written.exception.at.as_str());
                }
            }
            let verdict = match explanation(d, &exceptions) {
                Some(place) => format!("explained by {place}"),
                None => {
                    unexplained += 1;
                    "UNEXPLAINED".to_owned()
                }
            };
            let _ = writeln!(out, "{}: {}: {} — {verdict}", group.name, d.subject, d.text);
        }
    }

    let mut warnings = Vec::new();
    for written in &exceptions {
        if !used.contains(written.exception.at.as_str()) {
            warnings.push(format!(
                "warning: unused exception at {}: `{}` matches no disagreement; delete it, or \
                 mark it `unchecked` if drift cannot see what it explains",
                written.place, written.exception.at
            ));
        }
    }
    for written in &unchecked {
        let at = written.exception.at.as_str();
        if let (true, Some(marker)) = (seen_after_all.contains(at), written.exception.unchecked) {
            warnings.push(format!(
                "warning: exception at {}: `{at}` is marked `unchecked = \"{marker}\"`, but drift \
                 reports a disagreement about it; remove the marker",
                written.place
            ));
        }
    }
    for (payload, place) in index.bad_examples() {
        if !folder.payload_files.contains(payload) {
            warnings.push(format!(
                "warning: bad_example at {place}: payloads/{payload} is not in the docs folder"
            ));
        }
    }
    if !warnings.is_empty() {
        let _ = writeln!(out, "\n## warnings");
        for warning in &warnings {
            let _ = writeln!(out, "{warning}");
        }
    }
    let _ = writeln!(
        out,
        "\n{total} disagreements: {} explained, {unexplained} unexplained",
        total - unexplained
    );
    Rendered {
        text: out,
        unexplained,
    }
}

/// The place of what explains a disagreement: its bad-example entry, else the first exception on
/// its very subject, else the first on what it belongs to, else the first on the page's variant.
fn explanation(d: &Disagreement, exceptions: &[Written<'_>]) -> Option<String> {
    if let Some(place) = &d.bad_example {
        return Some(place.clone());
    }
    // Within a tier, an exception written on the very name goes before one on its alias.
    let on = |matches: &dyn Fn(&str) -> bool| {
        exceptions
            .iter()
            .find(|w| matches(&w.exception.at))
            .or_else(|| exceptions.iter().find(|w| w.names_any(matches)))
            .map(|w| w.place.clone())
    };
    on(&|at| at == d.subject)
        .or_else(|| on(&|at| d.owners.contains(at)))
        // Marked, because an exception on a page's variant explains whatever that page says.
        .or_else(|| on(&|at| d.page_level.contains(at)).map(|place| format!("{place} (page-wide)")))
}
