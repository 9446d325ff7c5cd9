//! Types that were renamed rather than removed and added: a type that disappeared is paired
//! with a new one when the same field (or webhook body) now refers to it, or, failing that, when
//! the two have exactly the same shape.

use std::collections::{BTreeMap, BTreeSet};

use green_api_webhooks_spec::{Field, Spec, Type};

use crate::index::Index;

/// Old type name <-> new type name, for renamed objects and enums.
#[derive(Default)]
pub(crate) struct Renames {
    old_to_new: BTreeMap<String, String>,
    new_to_old: BTreeMap<String, String>,
}

impl Renames {
    /// The name an old type has in the new spec (itself unless it was renamed).
    pub fn new_name<'a>(&'a self, old: &'a str) -> &'a str {
        self.old_to_new.get(old).map_or(old, String::as_str)
    }

    /// The name a new type had in the old spec (itself unless it was renamed).
    pub fn old_name<'a>(&'a self, new: &'a str) -> &'a str {
        self.new_to_old.get(new).map_or(new, String::as_str)
    }

    /// Whether `old` (a type of the old spec) and `new` (of the new one) mean the same type,
    /// renames considered.
    pub fn same_type(&self, old_spec: &Spec, old: &Type, new_spec: &Spec, new: &Type) -> bool {
        match (old, new) {
            (Type::Array(a), Type::Array(b)) => self.same_type(old_spec, a, new_spec, b),
            (Type::Object(_), Type::Object(_)) | (Type::Enum(_), Type::Enum(_)) => old_spec
                .type_name(old)
                .is_some_and(|a| Some(self.new_name(a)) == new_spec.type_name(new)),
            _ => old == new,
        }
    }

    fn pair(&mut self, old: &str, new: &str) {
        self.old_to_new.insert(old.to_string(), new.to_string());
        self.new_to_old.insert(new.to_string(), old.to_string());
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Enum,
}

pub(crate) fn find(old: &Index<'_>, new: &Index<'_>) -> Renames {
    let mut renames = Renames::default();
    let kind_in = |index: &Index<'_>, name: &str| {
        if index.objects.contains_key(name) {
            Some(Kind::Object)
        } else if index.enums.contains_key(name) {
            Some(Kind::Enum)
        } else {
            None
        }
    };
    let removed: BTreeSet<&str> = (old.objects.keys().chain(old.enums.keys()))
        .copied()
        .filter(|name| !new.has_type(name))
        .collect();
    let added: BTreeSet<&str> = (new.objects.keys().chain(new.enums.keys()))
        .copied()
        .filter(|name| !old.has_type(name))
        .collect();
    let acceptable = |renames: &Renames, from: &str, to: &str| {
        removed.contains(from)
            && added.contains(to)
            && kind_in(old, from) == kind_in(new, to)
            && !renames.old_to_new.contains_key(from)
            && !renames.new_to_old.contains_key(to)
    };

    // By reference: each pass may pair the types inside newly paired objects, so repeat until
    // nothing changes; every pass but the last pairs at least one type, which bounds the loop.
    loop {
        let mut found = Vec::new();
        for (tag, before) in &old.webhooks {
            if let Some(after) = new.webhooks.get(tag) {
                found.push((
                    old.spec.object(before.item.body).name.as_str(),
                    new.spec.object(after.item.body).name.as_str(),
                ));
            }
        }
        for (tag, before) in &old.messages {
            if let Some(after) = new.messages.get(tag) {
                referenced_pairs(
                    old,
                    new,
                    &before.item.fields,
                    &after.item.fields,
                    &mut found,
                );
            }
        }
        for (name, before) in &old.objects {
            if let Some(after) = new.objects.get(renames.new_name(name)) {
                referenced_pairs(
                    old,
                    new,
                    &before.item.fields,
                    &after.item.fields,
                    &mut found,
                );
            }
        }
        let mut progressed = false;
        for (from, to) in found {
            if acceptable(&renames, from, to) {
                renames.pair(from, to);
                progressed = true;
            }
        }
        if !progressed {
            break;
        }
    }

    // By shape: only a pair that matches each other and nothing else.
    let shape_old = |name: &str| shape(old, name, Some(&renames));
    let shape_new = |name: &str| shape(new, name, None);
    let candidates: Vec<(&str, &str)> = removed
        .iter()
        .filter(|from| !renames.old_to_new.contains_key(**from))
        .flat_map(|from| added.iter().map(move |to| (*from, *to)))
        .filter(|(_, to)| !renames.new_to_old.contains_key(*to))
        .filter(|(from, to)| {
            kind_in(old, from) == kind_in(new, to) && shape_old(from) == shape_new(to)
        })
        .collect();
    let unique: Vec<(String, String)> = candidates
        .iter()
        .filter(|(from, to)| {
            candidates.iter().filter(|(f, _)| f == from).count() == 1
                && candidates.iter().filter(|(_, t)| t == to).count() == 1
        })
        .map(|(from, to)| (from.to_string(), to.to_string()))
        .collect();
    for (from, to) in unique {
        renames.pair(&from, &to);
    }
    renames
}

/// Pairs of type names that fields with the same wire name refer to, before and after.
fn referenced_pairs<'s>(
    old: &Index<'s>,
    new: &Index<'s>,
    before: &'s [Field],
    after: &'s [Field],
    out: &mut Vec<(&'s str, &'s str)>,
) {
    for field in before {
        let twin = after.iter().find(|f| f.wire == field.wire);
        if let (Some(from), Some(to)) = (old.named(&field.ty), twin.and_then(|f| new.named(&f.ty)))
        {
            out.push((from, to));
        }
    }
}

/// What a type looks like apart from its name and documentation: its fields (wire name, type,
/// flags) or its values. Types of the old spec are written with their new names.
fn shape(index: &Index<'_>, name: &str, renames: Option<&Renames>) -> Vec<String> {
    if let Some(object) = index.objects.get(name) {
        let fields = object.item.fields.iter();
        return fields
            .map(|f| {
                let alias = f.alias_of.as_deref().unwrap_or("");
                let ty = type_text(index.spec, &f.ty, renames);
                format!("{} {ty} {} {alias}", f.wire, f.mandatory)
            })
            .collect();
    }
    let values = index.enums.get(name).map(|e| e.item.values.iter());
    values
        .into_iter()
        .flatten()
        .map(|v| v.wire.clone())
        .collect()
}

/// `ty` as the spec writes it, with the new names of renamed types when `renames` is given.
fn type_text(spec: &Spec, ty: &Type, renames: Option<&Renames>) -> String {
    match (ty, spec.type_name(ty), renames) {
        (Type::Array(item), _, _) => format!("array<{}>", type_text(spec, item, renames)),
        (_, Some(name), Some(renames)) => renames.new_name(name).to_owned(),
        _ => spec.type_text(ty),
    }
}
