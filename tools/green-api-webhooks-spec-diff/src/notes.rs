//! Spec files (Rust modules), exceptions and bad examples.

use std::collections::{BTreeMap, BTreeSet};

use green_api_webhooks_spec::{Exception, Module, Spec, Unchecked};

use crate::compare::changed_text;
use green_api_webhooks_rust_model::module_name_of_path as module_name;

use crate::index::Index;
use crate::{Collector, Impact, Section};

pub(crate) fn modules(out: &mut Collector<'_, '_>) {
    let (old, new) = (by_path(out.old.spec), by_path(out.new.spec));
    let old_modules: BTreeSet<String> = old.keys().map(|p| module_name(p)).collect();
    let new_modules: BTreeSet<String> = new.keys().map(|p| module_name(p)).collect();
    let paths: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for path in paths {
        let section = Section::File(path.clone());
        let module = module_name(path);
        let subject = format!("spec/{path}");
        match (old.get(path), new.get(path)) {
            (None, Some(_)) if !old_modules.contains(&module) => out.push(
                section,
                Impact::Informational,
                subject,
                "spec file added",
                "spec files are private modules: what it defines is reported with its types",
            ),
            (Some(_), None) if !new_modules.contains(&module) => out.push(
                section,
                Impact::Informational,
                subject,
                "spec file removed",
                "spec files are private modules: what it defined is reported with its types",
            ),
            (Some(before), Some(after)) => {
                if before.summary != after.summary {
                    let why = changed_text(&before.summary, &after.summary);
                    out.push(
                        section.clone(),
                        Impact::Informational,
                        subject.clone(),
                        "file summary changed",
                        why,
                    );
                }
                if before.page != after.page {
                    let why = format!(
                        "{} (also the URL of every item of the file that has no page of its own)",
                        changed_text(&before.page, &after.page)
                    );
                    out.push(
                        section,
                        Impact::Informational,
                        subject,
                        "file documentation URL changed",
                        why,
                    );
                }
            }
            // A file that moved to another folder keeps its module name: nothing to say.
            _ => {}
        }
    }
}

fn by_path(spec: &Spec) -> BTreeMap<String, &Module> {
    spec.modules().iter().map(|m| (m.path.clone(), m)).collect()
}

/// Exceptions are matched by what they are about (`at`) and their order among those with the
/// same `at`; each is reported with the variant or type it explains.
pub(crate) fn exceptions(out: &mut Collector<'_, '_>) {
    let keyed = |index: &Index<'_>| -> BTreeMap<(String, usize), (Exception, String)> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut keyed = BTreeMap::new();
        for module in index.spec.modules() {
            for exception in &module.exceptions {
                let n = seen.entry(exception.at.clone()).or_default();
                keyed.insert(
                    (exception.at.clone(), *n),
                    (exception.clone(), module.path.clone()),
                );
                *n += 1;
            }
        }
        keyed
    };
    let (old, new) = (keyed(out.old), keyed(out.new));
    let keys: BTreeSet<&(String, usize)> = old.keys().chain(new.keys()).collect();
    for key in keys {
        let (at, _) = key;
        let subject = format!("exception at `{at}`");
        let effect = "no effect on the Rust API or validation";
        match (old.get(key), new.get(key)) {
            (None, Some((added, file))) => {
                let section = exception_section(out, at, file);
                let why = format!("{effect}; reason: {:?}", added.reason);
                out.push(section, Impact::Informational, subject, "added", why);
            }
            (Some((removed, file)), None) => {
                let section = exception_section(out, at, file);
                let why = format!("{effect}; it said: {:?}", removed.reason);
                out.push(section, Impact::Informational, subject, "removed", why);
            }
            (Some((before, _)), Some((after, file))) => {
                let section = exception_section(out, at, file);
                if before.docs != after.docs {
                    let why = changed_text(&before.docs, &after.docs);
                    out.push(
                        section.clone(),
                        Impact::Informational,
                        subject.clone(),
                        "what the docs say changed",
                        why,
                    );
                }
                if before.reason != after.reason {
                    let why = changed_text(&before.reason, &after.reason);
                    out.push(
                        section.clone(),
                        Impact::Informational,
                        subject.clone(),
                        "reason changed",
                        why,
                    );
                }
                if before.unchecked != after.unchecked {
                    let shown = |u: Option<Unchecked>| {
                        u.map_or_else(|| "not marked".to_owned(), |u| format!("{:?}", u.as_str()))
                    };
                    let why = format!("{} -> {}", shown(before.unchecked), shown(after.unchecked));
                    out.push(
                        section,
                        Impact::Informational,
                        subject,
                        "`unchecked` (what drift cannot see) changed",
                        why,
                    );
                }
            }
            (None, None) => {}
        }
    }
}

/// The section of what an exception's `at` names: `Type`, `Type.field`, a variant's Rust name
/// or wire tag; otherwise the file it is written in.
fn exception_section(out: &Collector<'_, '_>, at: &str, file: &str) -> Section {
    let owner = at.split_once('.').map_or(at, |(owner, _)| owner);
    for index in [out.new, out.old] {
        if index.has_type(owner) {
            return out.type_section(out.renames.new_name(owner));
        }
        if let Some(tag) = index.message_named(owner) {
            return Section::Message(tag.to_string());
        }
        if index.messages.contains_key(owner) {
            return Section::Message(owner.to_string());
        }
        if let Some(tag) = index.webhook_named(owner) {
            return Section::Webhook(tag.to_string());
        }
        if index.webhooks.contains_key(owner) {
            return Section::Webhook(owner.to_string());
        }
    }
    Section::File(file.to_string())
}

/// Bad examples are matched by payload file name and reported with the spec file that lists them.
pub(crate) fn bad_examples(out: &mut Collector<'_, '_>) {
    let keyed = |index: &Index<'_>| -> BTreeMap<String, (String, String)> {
        let modules = index.spec.modules().iter();
        modules
            .flat_map(|m| {
                m.bad_examples
                    .iter()
                    .map(move |b| (b.payload.clone(), (b.reason.clone(), m.path.clone())))
            })
            .collect()
    };
    let (old, new) = (keyed(out.old), keyed(out.new));
    let payloads: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for payload in payloads {
        let subject = format!("bad example `{payload}`");
        let effect = "tests no longer require it to parse to a typed variant or to validate";
        match (old.get(payload), new.get(payload)) {
            (None, Some((reason, file))) => {
                let why = format!("{effect}; reason: {reason:?}");
                out.push(
                    Section::File(file.clone()),
                    Impact::Informational,
                    subject,
                    "added",
                    why,
                );
            }
            (Some((reason, file)), None) => {
                let why =
                    format!("tests now require it to parse and validate; it said: {reason:?}");
                out.push(
                    Section::File(file.clone()),
                    Impact::Informational,
                    subject,
                    "removed",
                    why,
                );
            }
            (Some((before, _)), Some((after, file))) if before != after => {
                let why = changed_text(before, after);
                out.push(
                    Section::File(file.clone()),
                    Impact::Informational,
                    subject,
                    "reason changed",
                    why,
                );
            }
            _ => {}
        }
    }
}
