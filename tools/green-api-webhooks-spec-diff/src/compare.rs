//! Variants (`Webhook`, `MessageData`) and types (structs, enums): added, removed, renamed,
//! moved, and changed in their documentation. Fields are compared in `fields`.

use std::collections::{BTreeMap, BTreeSet};

use green_api_webhooks_rust_model::{Item, is_non_exhaustive, public_path, variant_name};
use green_api_webhooks_spec::{Enum, Module, Object};

use crate::index::{Index, Located};
use crate::{Collector, Impact, Section, fields};

pub(crate) fn webhooks(out: &mut Collector<'_, '_>) {
    let tags: BTreeSet<&str> = out
        .old
        .webhooks
        .keys()
        .chain(out.new.webhooks.keys())
        .copied()
        .collect();
    for tag in tags {
        let section = Section::Webhook(tag.to_string());
        let (before, after) = (
            out.old.webhooks.get(tag).copied(),
            out.new.webhooks.get(tag).copied(),
        );
        match (before, after) {
            (None, Some(added)) => {
                let w = added.item;
                let body = &out.new.spec.object(w.body).name;
                let (impact, code) = variant_added(Item::Webhook, "Webhook");
                out.push(
                    section,
                    impact,
                    format!("Webhook::{}", w.name),
                    format!("variant added for typeWebhook `{tag}`, holding `{body}`"),
                    format!("bodies with this typeWebhook now parse to `Webhook::{}` instead of `Webhook::Unknown`; {code}", w.name),
                );
            }
            (Some(removed), None) => {
                let w = removed.item;
                out.push(
                    section,
                    Impact::Breaking,
                    format!("Webhook::{}", w.name),
                    format!("variant removed (typeWebhook `{tag}`)"),
                    format!("the enum variant `Webhook::{}` disappears; such bodies now parse to `Webhook::Unknown`", w.name),
                );
            }
            (Some(before), Some(after)) => {
                let (b, a) = (before.item, after.item);
                let subject = format!("Webhook::{}", a.name);
                if b.name != a.name {
                    out.push(
                        section.clone(),
                        Impact::Breaking,
                        subject.clone(),
                        format!(
                            "Rust name changed: `Webhook::{}` -> `Webhook::{}`",
                            b.name, a.name
                        ),
                        format!("code naming `Webhook::{}` no longer compiles", b.name),
                    );
                }
                let (b_body, a_body) = (
                    &out.old.spec.object(b.body).name,
                    &out.new.spec.object(a.body).name,
                );
                if out.renames.new_name(b_body) != a_body {
                    out.push(
                        section.clone(),
                        Impact::Breaking,
                        subject.clone(),
                        format!("body type changed: `{b_body}` -> `{a_body}`"),
                        format!(
                            "the variant now holds a `{a_body}`; code reading its fields must follow"
                        ),
                    );
                }
                docs(
                    out,
                    section,
                    &subject,
                    (&b.summary, &a.summary),
                    (&b.page, &a.page),
                    (before.module, after.module),
                );
            }
            (None, None) => {}
        }
    }
}

pub(crate) fn messages(out: &mut Collector<'_, '_>) {
    let tags: BTreeSet<&str> = out
        .old
        .messages
        .keys()
        .chain(out.new.messages.keys())
        .copied()
        .collect();
    for tag in tags {
        let section = Section::Message(tag.to_string());
        let (before, after) = (
            out.old.messages.get(tag).copied(),
            out.new.messages.get(tag).copied(),
        );
        match (before, after) {
            (None, Some(added)) => {
                let name = &added.item.name;
                let (impact, code) = variant_added(Item::MessageData, "MessageData");
                out.push(
                    section,
                    impact,
                    format!("MessageData::{name}"),
                    format!("variant and struct `{name}` added for typeMessage `{tag}`"),
                    format!("`messageData` with this typeMessage now parses to `MessageData::{name}` instead of `MessageData::Unknown`; {code}"),
                );
            }
            (Some(removed), None) => {
                let name = &removed.item.name;
                out.push(
                    section,
                    Impact::Breaking,
                    format!("MessageData::{name}"),
                    format!("variant and struct `{name}` removed (typeMessage `{tag}`)"),
                    match out.new.spec.message_tagged(tag) {
                        Some(other) => format!("`MessageData::{name}` and `{name}` disappear; such `messageData` now parses to `MessageData::{}`, which takes `{tag}` as another spelling", other.name),
                        None => format!("`MessageData::{name}` and `{name}` disappear; such `messageData` now parses to `MessageData::Unknown`"),
                    },
                );
            }
            (Some(before), Some(after)) => {
                let (b, a) = (before.item, after.item);
                let subject = format!("MessageData::{}", a.name);
                if b.name != a.name {
                    out.push(
                        section.clone(),
                        Impact::Breaking,
                        subject.clone(),
                        format!("Rust name changed: `MessageData::{0}` and struct `{0}` -> `MessageData::{1}` and struct `{1}`", b.name, a.name),
                        format!("code naming `{}` no longer compiles", b.name),
                    );
                }
                moved(out, section.clone(), &a.name, before.module, after.module);
                if b.also_tagged != a.also_tagged {
                    // The variant holds `Spelled<T>` exactly when it has other spellings.
                    let wrapped = b.also_tagged.is_empty() != a.also_tagged.is_empty();
                    out.push(
                        section.clone(),
                        if wrapped { Impact::Breaking } else { Impact::Behaviour },
                        subject.clone(),
                        format!(
                            "other spellings [{}] -> [{}]",
                            b.also_tagged.join(", "),
                            a.also_tagged.join(", ")
                        ),
                        if wrapped {
                            format!("the variant's value changes between `{0}` and `Spelled<{0}>` (which derefs to it): code naming the type of the value must follow; `messageData` under an added spelling now parses to this variant instead of `MessageData::Unknown`", a.name)
                        } else {
                            "code compiles; `messageData` under an added spelling now parses to this variant instead of `MessageData::Unknown`, under a removed one to `MessageData::Unknown`".to_owned()
                        },
                    );
                }
                if b.webhooks != a.webhooks {
                    out.push(
                        section.clone(),
                        Impact::Informational,
                        subject.clone(),
                        format!("arrives under typeWebhook [{}] -> [{}]", b.webhooks.join(", "), a.webhooks.join(", ")),
                        "documentation of the spec only: the Rust API and validation do not use this list",
                    );
                }
                docs(
                    out,
                    section.clone(),
                    &subject,
                    (&b.summary, &a.summary),
                    (&b.page, &a.page),
                    (before.module, after.module),
                );
                fields::compare(out, section, &a.name, &b.fields, &a.fields);
            }
            (None, None) => {}
        }
    }
}

pub(crate) fn objects(out: &mut Collector<'_, '_>) {
    types(
        out,
        |index| &index.objects,
        |out, section, before, after| {
            fields::compare(out, section, &after.name, &before.fields, &after.fields);
        },
    );
}

pub(crate) fn enums(out: &mut Collector<'_, '_>) {
    types(out, |index| &index.enums, values);
}

/// What objects and enums have in common, for comparing them the same way.
trait NamedType {
    /// How the report calls the Rust item.
    const KIND: &'static str;
    fn summary(&self) -> &str;
    fn page(&self) -> &str;
}

impl NamedType for Object {
    const KIND: &'static str = "struct";
    fn summary(&self) -> &str {
        &self.summary
    }
    fn page(&self) -> &str {
        &self.page
    }
}

impl NamedType for Enum {
    const KIND: &'static str = "enum";
    fn summary(&self) -> &str {
        &self.summary
    }
    fn page(&self) -> &str {
        &self.page
    }
}

/// Types added, removed, renamed or moved, their docs, and then their contents by `contents`.
fn types<'a, 's, T: NamedType + 's>(
    out: &mut Collector<'a, 's>,
    of: impl Fn(&'a Index<'s>) -> &'a BTreeMap<&'s str, Located<'s, T>>,
    contents: impl Fn(&mut Collector<'a, 's>, Section, &'s T, &'s T),
) {
    let (new, old) = (of(out.new), of(out.old));
    for (name, after) in new {
        let section = out.type_section(name);
        let old_name = out.renames.old_name(name);
        let Some(before) = old.get(old_name).copied() else {
            added_type(out, section, T::KIND, name);
            continue;
        };
        let (b, a) = (before.item, after.item);
        renamed_or_moved(
            out,
            section.clone(),
            old_name,
            name,
            before.module,
            after.module,
        );
        docs(
            out,
            section.clone(),
            name,
            (b.summary(), a.summary()),
            (b.page(), a.page()),
            (before.module, after.module),
        );
        contents(out, section, b, a);
    }
    for name in old.keys().copied() {
        if out.renames.new_name(name) == name && !new.contains_key(name) {
            removed_type(out, T::KIND, name);
        }
    }
}

/// The impact of a new variant of a generated enum, and what it means for code that matches it.
fn variant_added(item: Item, enum_name: &str) -> (Impact, String) {
    if is_non_exhaustive(item) {
        (
            Impact::Behaviour,
            format!(
                "code compiles (`{enum_name}` is `#[non_exhaustive]`, so every `match` has a `_` arm)"
            ),
        )
    } else {
        (
            Impact::Breaking,
            format!("an exhaustive `match` on `{enum_name}` no longer compiles"),
        )
    }
}

fn values(out: &mut Collector<'_, '_>, section: Section, before: &Enum, after: &Enum) {
    let name = &after.name;
    let rust = variant_name;
    for value in &after.values {
        let variant = format!("{name}::{}", rust(value));
        let Some(old) = before.values.iter().find(|v| v.wire == value.wire) else {
            let (impact, code) = variant_added(Item::OpenEnum, name);
            out.push(
                section.clone(),
                impact,
                name.clone(),
                format!("value `{}` added: `{variant}`", value.wire),
                format!("{code}; `{}` parsed to `{name}::Other` and failed validation before, and now validates", value.wire),
            );
            continue;
        };
        if rust(old) != rust(value) {
            out.push(
                section.clone(),
                Impact::Breaking,
                name.clone(),
                format!(
                    "value `{}`: Rust name changed: `{name}::{}` -> `{variant}`",
                    value.wire,
                    rust(old)
                ),
                format!("code naming `{name}::{}` no longer compiles", rust(old)),
            );
        }
        if old.summary != value.summary {
            out.push(
                section.clone(),
                Impact::Informational,
                name.clone(),
                format!("value `{}`: summary changed", value.wire),
                changed_text(&old.summary, &value.summary),
            );
        }
    }
    for old in &before.values {
        if !after.values.iter().any(|v| v.wire == old.wire) {
            out.push(
                section.clone(),
                Impact::Breaking,
                name.clone(),
                format!("value `{}` removed: `{name}::{}`", old.wire, rust(old)),
                format!("the variant disappears; `{}` now parses to `{name}::Other` and fails validation", old.wire),
            );
        }
    }
}

fn added_type(out: &mut Collector<'_, '_>, section: Section, kind: &str, name: &str) {
    out.push(
        section,
        Impact::Compatible,
        name,
        format!("{kind} added"),
        "a new type; existing code is unaffected",
    );
}

fn removed_type(out: &mut Collector<'_, '_>, kind: &str, name: &str) {
    let section = out.type_section(name);
    out.push(
        section,
        Impact::Breaking,
        name,
        format!("{kind} removed"),
        format!("code naming `{name}` no longer compiles"),
    );
}

fn renamed_or_moved(
    out: &mut Collector<'_, '_>,
    section: Section,
    old: &str,
    new: &str,
    before: &Module,
    after: &Module,
) {
    if old != new {
        out.push(
            section.clone(),
            Impact::Breaking,
            new,
            format!("renamed from `{old}`"),
            format!("code naming `{old}` no longer compiles"),
        );
    }
    moved(out, section, new, before, after);
}

/// A type that now lives in another spec file: its one public path, at the crate root, stays.
fn moved(
    out: &mut Collector<'_, '_>,
    section: Section,
    name: &str,
    before: &Module,
    after: &Module,
) {
    if before.path != after.path {
        out.push(
            section,
            Impact::Informational,
            name,
            format!("moved from spec file `{}` to `{}`", before.path, after.path),
            format!(
                "spec files are private modules: `{}` stays where it was",
                public_path(name)
            ),
        );
    }
}

/// Summary and documentation URL of an item. A URL that merely follows its file's page is
/// reported once, for the file.
fn docs(
    out: &mut Collector<'_, '_>,
    section: Section,
    subject: &str,
    (old_summary, new_summary): (&str, &str),
    (old_page, new_page): (&str, &str),
    (before, after): (&Module, &Module),
) {
    if old_summary != new_summary {
        out.push(
            section.clone(),
            Impact::Informational,
            subject,
            "summary changed",
            changed_text(old_summary, new_summary),
        );
    }
    let follows_file = old_page == before.page && new_page == after.page;
    if old_page != new_page && !follows_file {
        out.push(
            section,
            Impact::Informational,
            subject,
            "documentation URL changed",
            changed_text(old_page, new_page),
        );
    }
}

/// `"old" -> "new"`, for documentation that changed.
pub(crate) fn changed_text(old: &str, new: &str) -> String {
    format!("{old:?} -> {new:?}")
}
