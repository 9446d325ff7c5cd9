//! Compares two versions of the green-api-webhooks spec and says what each change means for users
//! of the generated crate: whether code that compiles against the old crate still compiles, and
//! whether bodies that validated still validate.
//!
//! Every change gets one [`Impact`], judged by the Rust semver rules (Cargo's "SemVer
//! Compatibility" reference) against the crate's growth policy (every generated item is
//! `#[non_exhaustive]`, see `green_api_webhooks_rust_model::is_non_exhaustive`): what stops
//! downstream code compiling is breaking; what compiles but changes how an existing body parses
//! or validates is behaviour; what only adds is compatible; documentation is informational. Each
//! change belongs to a [`Section`]: the `Webhook` or `MessageData` variant it affects, a type
//! several variants share, or a spec file.

mod compare;
mod fields;
mod index;
mod notes;
mod renames;
mod render;
mod rules;
mod source;

use std::collections::BTreeMap;

use green_api_webhooks_spec::Spec;

pub use source::{SpecDiffError, load_folder, load_revision};

/// What a change means for users of the generated crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Code that compiled may stop compiling: a major release.
    Breaking,
    /// Code still compiles, but some existing body parses or validates differently: a body that
    /// was `Unknown` becomes a variant, a value moves out of `extra`, a check gets stricter or
    /// more relaxed. A minor release, with the reason in the changelog.
    Behaviour,
    /// Something new is offered and no existing body changes: a minor release.
    Compatible,
    /// Documentation, exceptions and bad examples: no effect on the Rust API or on validation.
    Informational,
}

impl Impact {
    /// The word the report uses.
    pub fn label(self) -> &'static str {
        match self {
            Impact::Breaking => "breaking",
            Impact::Behaviour => "behaviour",
            Impact::Compatible => "compatible",
            Impact::Informational => "informational",
        }
    }
}

/// Where a change is reported. The order of the variants is the order of the report.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// A `Webhook` variant, by its `typeWebhook`, with the types only it uses.
    Webhook(String),
    /// A `MessageData` variant, by its `typeMessage`, with the types only it uses.
    Message(String),
    /// A type that several variants use, or none, by its (new) name.
    SharedType(String),
    /// A spec file, by its path below `spec/`: what belongs to no variant or type.
    File(String),
}

/// One change between the two specs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Breaking, compatible or informational.
    pub impact: Impact,
    /// What changed: `Webhook::Name`, a type name, or `Type.wireName` for a field.
    pub subject: String,
    /// The change itself, in a few words.
    pub what: String,
    /// What it means for users of the crate.
    pub why: String,
}

/// The changes of one [`Section`], with a heading that names it for readers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// What the changes are about.
    pub section: Section,
    /// E.g. ``webhook `incomingCall` (`Webhook::IncomingCall`)``.
    pub title: String,
    /// In the order the comparison found them: variant, then types, fields and exceptions.
    pub changes: Vec<Change>,
}

/// Every change between two specs, grouped by section, in a stable order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// Webhooks, then messages, then shared types, then spec files; each by key.
    pub groups: Vec<Group>,
}

impl Diff {
    /// Every change, group after group.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.groups.iter().flat_map(|g| &g.changes)
    }

    /// How many changes have `impact`.
    pub fn count(&self, impact: Impact) -> usize {
        self.changes().filter(|c| c.impact == impact).count()
    }

    /// Whether the two specs mean the same crate and the same documentation.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The closing line: `N changes: B breaking, H behaviour, C compatible, I informational`
    /// (`1 change` for one).
    pub fn summary(&self) -> String {
        let total = self.changes().count();
        format!(
            "{total} {}: {} breaking, {} behaviour, {} compatible, {} informational",
            if total == 1 { "change" } else { "changes" },
            self.count(Impact::Breaking),
            self.count(Impact::Behaviour),
            self.count(Impact::Compatible),
            self.count(Impact::Informational),
        )
    }
}

/// Compares `old` with `new`.
pub fn diff(old: &Spec, new: &Spec) -> Diff {
    let old_index = index::Index::new(old);
    let new_index = index::Index::new(new);
    let renames = renames::find(&old_index, &new_index);
    let mut out = Collector {
        old: &old_index,
        new: &new_index,
        renames: &renames,
        changes: BTreeMap::new(),
    };
    notes::modules(&mut out);
    compare::webhooks(&mut out);
    compare::messages(&mut out);
    compare::objects(&mut out);
    compare::enums(&mut out);
    rules::compare(&mut out);
    notes::exceptions(&mut out);
    notes::bad_examples(&mut out);
    let groups = out
        .changes
        .into_iter()
        .map(|(section, changes)| Group {
            title: render::title(&section, &old_index, &new_index, &renames),
            section,
            changes,
        })
        .collect();
    Diff { groups }
}

/// What every comparison needs: both specs, the type renames, and the changes found so far.
pub(crate) struct Collector<'a, 's> {
    pub old: &'a index::Index<'s>,
    pub new: &'a index::Index<'s>,
    pub renames: &'a renames::Renames,
    changes: BTreeMap<Section, Vec<Change>>,
}

impl Collector<'_, '_> {
    pub fn push(
        &mut self,
        section: Section,
        impact: Impact,
        subject: impl Into<String>,
        what: impl Into<String>,
        why: impl Into<String>,
    ) {
        self.changes.entry(section).or_default().push(Change {
            impact,
            subject: subject.into(),
            what: what.into(),
            why: why.into(),
        });
    }

    /// The section of a type, by its new name (or its old one when it was removed): the variant
    /// that uses it when only one does, in either spec; otherwise its own section.
    pub fn type_section(&self, new_name: &str) -> Section {
        let old_name = self.renames.old_name(new_name);
        let mut users = self.old.users_of(old_name);
        users.extend(self.new.users_of(new_name));
        match (users.len(), users.into_iter().next()) {
            (1, Some(only)) => only,
            _ => Section::SharedType(new_name.to_string()),
        }
    }
}
