//! The fields of one struct (an object or a message), before and after. Fields are matched by
//! wire name; a field that disappeared is paired with a new one when both have the same Rust
//! name, or when they are the only ones that came and went and have the same type: that is a
//! wire name change.

use std::collections::BTreeSet;

use green_api_webhooks_rust_model::{Item, field_name, is_non_exhaustive};
use green_api_webhooks_spec::{Field, Type};

use crate::compare::changed_text;
use crate::{Collector, Impact, Section};

pub(crate) fn compare(
    out: &mut Collector<'_, '_>,
    section: Section,
    owner: &str,
    before: &[Field],
    after: &[Field],
) {
    let mut removed: Vec<&Field> = before
        .iter()
        .filter(|b| !after.iter().any(|a| a.wire == b.wire))
        .collect();
    let mut added: Vec<&Field> = after
        .iter()
        .filter(|a| !before.iter().any(|b| b.wire == a.wire))
        .collect();
    let mut renamed: Vec<(&Field, &Field)> = Vec::new();
    removed.retain(
        |b| match added.iter().position(|a| rust_name(a) == rust_name(b)) {
            Some(i) => {
                renamed.push((b, added.remove(i)));
                false
            }
            None => true,
        },
    );
    if let ([b], [a]) = (removed.as_slice(), added.as_slice()) {
        if out
            .renames
            .same_type(out.old.spec, &b.ty, out.new.spec, &a.ty)
        {
            renamed.push((b, a));
            removed.clear();
            added.clear();
        }
    }

    for field in after {
        let subject = format!("{owner}.{}", field.wire);
        if let Some(old) = before.iter().find(|b| b.wire == field.wire) {
            changed(out, &section, &subject, old, field, after);
        } else if let Some((old, _)) = renamed.iter().find(|(_, a)| a.wire == field.wire) {
            changed(out, &section, &subject, old, field, after);
        } else {
            added_field(out, &section, subject, field, after);
        }
    }
    for field in removed {
        let subject = format!("{owner}.{}", field.wire);
        let why = match &field.alias_of {
            Some(canonical) => format!(
                "the struct field `{}` disappears; bodies using this spelling keep it in `extra` (a warning){}",
                rust_name(field),
                if is_mandatory(after, canonical) {
                    format!(" and no longer satisfy `{canonical}`'s mandatory flag")
                } else {
                    String::new()
                }
            ),
            None => format!(
                "the struct field `{}` disappears; bodies that have it keep it in `extra`, and validation warns of an unknown field",
                rust_name(field)
            ),
        };
        out.push(
            section.clone(),
            Impact::Breaking,
            subject,
            "field removed",
            why,
        );
    }
}

fn added_field(
    out: &mut Collector<'_, '_>,
    section: &Section,
    subject: String,
    field: &Field,
    siblings: &[Field],
) {
    let declared = format!(
        "`{}: Option<{}>`",
        rust_name(field),
        out.new.rust_type(&field.ty)
    );
    // A new public field breaks struct literals unless the struct is `#[non_exhaustive]`.
    let grows = is_non_exhaustive(Item::Struct);
    let (impact, what, why) = if !grows {
        (
            Impact::Breaking,
            format!("field added: {declared}"),
            "the struct is not `#[non_exhaustive]`: struct literals outside the crate no longer compile".to_string(),
        )
    } else if let Some(canonical) = &field.alias_of {
        (
            Impact::Behaviour,
            format!("alias field added: {declared}, another spelling of `{canonical}`"),
            format!(
                "bodies using this spelling now parse it (still with a warning) instead of keeping it in `extra`{}",
                satisfies(siblings, canonical)
            ),
        )
    } else if field.mandatory {
        (
            Impact::Behaviour,
            format!("mandatory field added: {declared}"),
            "code compiles (the struct and its view are `#[non_exhaustive]`); bodies without it now fail validation and have no checked view, and bodies that had it now parse it instead of keeping it in `extra`".to_string(),
        )
    } else {
        (
            Impact::Behaviour,
            format!("field added: {declared}"),
            "code compiles (the struct is `#[non_exhaustive]`); bodies that had it now parse it instead of keeping it in `extra`, without an unknown-field warning".to_string(),
        )
    };
    out.push(section.clone(), impact, subject, what, why);
}

/// Everything that differs between two versions of one field.
fn changed(
    out: &mut Collector<'_, '_>,
    section: &Section,
    subject: &str,
    old: &Field,
    new: &Field,
    siblings: &[Field],
) {
    let mut found: Vec<(Impact, String, String)> = Vec::new();
    let (old_rust, new_rust) = (rust_name(old), rust_name(new));
    if old.wire != new.wire {
        let (impact, rust) = if old_rust == new_rust {
            (Impact::Behaviour, format!("Rust field `{new_rust}` kept"))
        } else {
            (
                Impact::Breaking,
                format!("Rust field `{old_rust}` -> `{new_rust}`"),
            )
        };
        found.push((
            impact,
            format!(
                "wire name changed: `{}` -> `{}` ({rust})",
                old.wire, new.wire
            ),
            format!(
                "bodies with `{}` now keep it in `extra` (a warning); the field is read from `{}`",
                old.wire, new.wire
            ),
        ));
    } else if old_rust != new_rust {
        found.push((
            Impact::Breaking,
            format!("Rust name changed: `{old_rust}` -> `{new_rust}`"),
            format!("code naming `.{old_rust}` no longer compiles"),
        ));
    }
    if !out
        .renames
        .same_type(out.old.spec, &old.ty, out.new.spec, &new.ty)
    {
        found.push((
            Impact::Breaking,
            format!(
                "type changed: `{}` -> `{}` (`Option<{}>` -> `Option<{}>`)",
                out.old.type_text(&old.ty),
                out.new.type_text(&new.ty),
                out.old.rust_type(&old.ty),
                out.new.rust_type(&new.ty)
            ),
            format!(
                "the field type changes: code reading it must follow; {}",
                validation_of_type(out, &old.ty, &new.ty)
            ),
        ));
    }
    match (old.mandatory, new.mandatory) {
        (false, true) => found.push((
            Impact::Breaking,
            "now mandatory (was optional)".into(),
            format!("in the checked view (`view()`), `{0}` changes from an `Option` to a plain value: code reading it must follow; validation is stricter (bodies without it now fail) and such bodies have no view", rust_name(new)),
        )),
        (true, false) if !new.mandatory_for.is_empty() => found.push((
            Impact::Breaking,
            format!("now mandatory in {} only (was in every product)", new.mandatory_for.join(", ")),
            format!("in the checked view (`view()`), `{0}` changes from a plain value to an `Option`: code reading it must follow; validation is more relaxed for the other products' bodies only", rust_name(new)),
        )),
        (true, false) => found.push((
            Impact::Breaking,
            "now optional (was mandatory)".into(),
            format!("in the checked view (`view()`), `{0}` changes from a plain value to an `Option`: code reading it must follow; validation is more relaxed (bodies without it no longer fail, and have a view)", rust_name(new)),
        )),
        (false, false) if old.mandatory_for != new.mandatory_for => found.push((
            Impact::Behaviour,
            format!(
                "mandatory in [{}] -> [{}]",
                old.mandatory_for.join(", "),
                new.mandatory_for.join(", ")
            ),
            "the view is unchanged (an `Option`); the products whose bodies must have it changed".into(),
        )),
        _ => {}
    }
    if old.role != new.role {
        let accessor = |role: Option<green_api_webhooks_spec::Role>| {
            role.map_or_else(|| "no accessor".to_owned(), |r| format!("`{r}()`"))
        };
        found.push((
            Impact::Behaviour,
            format!("role changed: {} -> {}", accessor(old.role), accessor(new.role)),
            "code compiles; the role accessors of `Webhook` and `MessageData` read this field under its new role only".into(),
        ));
    }
    if let Some(change) = alias_change(old, new, siblings) {
        found.push(change);
    }
    if old.summary != new.summary {
        found.push((
            Impact::Informational,
            "summary changed".into(),
            changed_text(&old.summary, &new.summary),
        ));
    }
    for (impact, what, why) in found {
        out.push(section.clone(), impact, subject, what, why);
    }
}

/// A field that became, stopped being, or changed which field it is another spelling of.
fn alias_change(old: &Field, new: &Field, siblings: &[Field]) -> Option<(Impact, String, String)> {
    let wire = &new.wire;
    Some(match (&old.alias_of, &new.alias_of) {
        (None, Some(canonical)) => (
            Impact::Behaviour,
            format!("now an alternative spelling of `{canonical}`"),
            format!(
                "bodies using `{wire}` now get a warning (strict parsing rejects them){}",
                satisfies(siblings, canonical)
            ),
        ),
        (Some(canonical), None) => {
            if is_mandatory(siblings, canonical) {
                (
                    Impact::Behaviour,
                    format!("no longer an alternative spelling of `{canonical}`"),
                    format!(
                        "bodies with `{wire}` but without `{canonical}` now fail `{canonical}`'s mandatory check; `{wire}` no longer gets a warning"
                    ),
                )
            } else {
                (
                    Impact::Behaviour,
                    format!("no longer an alternative spelling of `{canonical}`"),
                    format!("bodies using `{wire}` no longer get a warning"),
                )
            }
        }
        (Some(before), Some(after)) if before != after => (
            Impact::Behaviour,
            format!("now an alternative spelling of `{after}` instead of `{before}`"),
            format!(
                "it satisfies `{after}`'s mandatory flag instead of `{before}`'s: bodies relying on the old pairing may fail validation"
            ),
        ),
        _ => return None,
    })
}

/// What a type change does to validation: which JSON values are accepted now.
fn validation_of_type(out: &Collector<'_, '_>, old: &Type, new: &Type) -> String {
    let is_enum = |ty: &Type| matches!(ty, Type::Enum(_));
    let kinds = |ty: &Type| -> BTreeSet<&'static str> {
        ty.json_types().iter().map(|t| t.name()).collect()
    };
    let (old_kinds, new_kinds) = (kinds(old), kinds(new));
    let (old_enum, new_enum) = (is_enum(old), is_enum(new));
    let (old, new) = (out.old.type_text(old), out.new.type_text(new));
    let list = |kinds: Vec<&str>| kinds.join(", ");
    if old_kinds == new_kinds {
        return match (old_enum, new_enum) {
            (false, true) => {
                format!("validation is stricter: strings outside `{new}` are now errors")
            }
            (true, false) => {
                format!("validation accepts more: strings outside `{old}` are no longer errors")
            }
            _ => "validation checks the same JSON types".into(),
        };
    }
    let gained: Vec<&str> = new_kinds.difference(&old_kinds).copied().collect();
    let lost: Vec<&str> = old_kinds.difference(&new_kinds).copied().collect();
    match (gained.is_empty(), lost.is_empty()) {
        (false, true) => format!("validation accepts more: {} values now fit", list(gained)),
        (true, false) => format!(
            "validation is stricter: {} values are now errors (kept raw in `extra`)",
            list(lost)
        ),
        _ => format!(
            "validation now accepts {} values and rejects {} values",
            list(gained),
            list(lost)
        ),
    }
}

fn is_mandatory(fields: &[Field], wire: &str) -> bool {
    fields.iter().any(|f| f.wire == wire && f.mandatory)
}

/// What an alias adds to validation: it stands in for its documented field when that one is
/// mandatory.
fn satisfies(siblings: &[Field], canonical: &str) -> String {
    if is_mandatory(siblings, canonical) {
        format!(", and it satisfies `{canonical}`'s mandatory flag")
    } else {
        String::new()
    }
}

/// The Rust name of a field, as the generated crate declares it (a keyword keeps its spelling
/// here, without the `r#` the generated code adds).
fn rust_name(field: &Field) -> String {
    let name = field_name(field);
    name.strip_prefix("r#").map_or(name.clone(), str::to_owned)
}
