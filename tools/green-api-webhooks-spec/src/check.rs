//! Checks that span files: names defined once and not reserved, aliases and exceptions that
//! name something. Type references are resolved (and reported) by `resolve`.

use std::collections::HashMap;

use crate::error::{ErrorKind, SpecError};
use crate::load::is_type_name;
use crate::model::{Field, Loc, Spec, Type};
use crate::reserved::RESERVED_NAMES;
use crate::roles::{Role, RoleType};

pub(crate) fn check(spec: &Spec) -> Vec<SpecError> {
    let mut errors = Vec::new();
    let mut push = |loc: &Loc, kind| {
        errors.push(SpecError {
            loc: loc.clone(),
            kind,
        })
    };

    let mut types: HashMap<&str, &Loc> = HashMap::new();
    let mut type_messages: HashMap<&str, &Loc> = HashMap::new();
    let mut type_webhooks: HashMap<&str, &Loc> = HashMap::new();
    let mut webhook_names: HashMap<&str, &Loc> = HashMap::new();

    let mut duplicates = Vec::new();
    for module in &spec.modules {
        for object in &module.objects {
            duplicates.extend(define(&mut types, "type", &object.name, &object.loc));
        }
        for e in &module.enums {
            duplicates.extend(define(&mut types, "type", &e.name, &e.loc));
        }
        for message in &module.messages {
            duplicates.extend(define(&mut types, "type", &message.name, &message.loc));
            for tag in message.tags() {
                duplicates.extend(define(&mut type_messages, "typeMessage", tag, &message.loc));
            }
        }
        for webhook in &module.webhooks {
            duplicates.extend(define(
                &mut webhook_names,
                "webhook",
                &webhook.name,
                &webhook.loc,
            ));
            duplicates.extend(define(
                &mut type_webhooks,
                "typeWebhook",
                &webhook.type_webhook,
                &webhook.loc,
            ));
        }
    }
    for (what, name, first, loc) in duplicates {
        push(
            loc,
            ErrorKind::Duplicate {
                what,
                name: name.to_string(),
                first,
            },
        );
    }

    let mut names = Vec::new();
    let mut field_lists: Vec<&[Field]> = Vec::new();
    for module in &spec.modules {
        for object in &module.objects {
            names.push((&object.name, &object.loc));
            field_lists.push(&object.fields);
        }
        for e in &module.enums {
            names.push((&e.name, &e.loc));
            let mut seen: HashMap<&str, &Loc> = HashMap::new();
            for value in &e.values {
                if let Some(first) = seen.insert(&value.wire, &value.loc) {
                    let kind = ErrorKind::Duplicate {
                        what: "value",
                        name: value.wire.clone(),
                        first: first.clone(),
                    };
                    push(&value.loc, kind);
                }
            }
        }
        for message in &module.messages {
            names.push((&message.name, &message.loc));
            field_lists.push(&message.fields);
            for type_webhook in &message.webhooks {
                if !type_webhooks.contains_key(type_webhook.as_str()) {
                    push(
                        &message.loc,
                        ErrorKind::UnknownWebhook(type_webhook.clone()),
                    );
                }
            }
        }
        for webhook in &module.webhooks {
            names.push((&webhook.name, &webhook.loc));
        }
        for exception in &module.exceptions {
            if !resolves(spec, &exception.at) {
                push(
                    &exception.loc,
                    ErrorKind::DanglingException {
                        at: exception.at.clone(),
                    },
                );
            }
        }
    }
    for (name, loc) in names {
        if !is_type_name(name) {
            let reason = "names are CamelCase ASCII letters and digits";
            push(
                loc,
                ErrorKind::BadName {
                    what: "name",
                    name: name.clone(),
                    reason,
                },
            );
        } else if RESERVED_NAMES.contains(&name.as_str()) {
            let reason = "the generated crate defines this name itself";
            push(
                loc,
                ErrorKind::BadName {
                    what: "name",
                    name: name.clone(),
                    reason,
                },
            );
        }
    }
    for fields in field_lists {
        let mut seen: HashMap<&str, &Loc> = HashMap::new();
        for field in fields {
            if let Some(first) = seen.insert(&field.wire, &field.loc) {
                let kind = ErrorKind::Duplicate {
                    what: "field",
                    name: field.wire.clone(),
                    first: first.clone(),
                };
                push(&field.loc, kind);
            }
            if let Some(canonical) = &field.alias_of {
                let target = fields.iter().find(|f| &f.wire == canonical);
                if target.is_none_or(|t| t.alias_of.is_some() || t.wire == field.wire) {
                    let reason = "`alias_of` names another, non-alias field of the same object";
                    let kind = ErrorKind::BadName {
                        what: "alias",
                        name: canonical.clone(),
                        reason,
                    };
                    push(&field.loc, kind);
                }
                if field.mandatory {
                    let reason =
                        "an alias is never mandatory: its documented field carries the flag";
                    let kind = ErrorKind::BadName {
                        what: "alias",
                        name: field.wire.clone(),
                        reason,
                    };
                    push(&field.loc, kind);
                }
            }
            if field.wire.is_empty() {
                let reason = "a wire name cannot be empty";
                push(
                    &field.loc,
                    ErrorKind::BadName {
                        what: "wire name",
                        name: String::new(),
                        reason,
                    },
                );
            }
        }
    }
    errors.extend(check_roles(spec));
    errors
}

/// Whether an exception's `at` names something the spec defines. For `Owner.field` only the
/// owner must exist: exceptions also explain fields that only the docs have.
fn resolves(spec: &Spec, at: &str) -> bool {
    let (owner, field) = match at.split_once('.') {
        Some((owner, field)) => (owner, Some(field)),
        None => (at, None),
    };
    spec.modules.iter().any(|module| {
        module.objects.iter().any(|o| o.name == owner)
            || module
                .messages
                .iter()
                .any(|m| m.name == owner || m.tags().any(|tag| tag == owner))
            || field.is_none()
                && (module.enums.iter().any(|e| e.name == owner)
                    || module
                        .webhooks
                        .iter()
                        .any(|w| w.name == owner || w.type_webhook == owner))
    })
}

pub(crate) type Duplicate<'s> = (&'static str, &'s str, Loc, &'s Loc);

/// Records `name` in `map`, or returns the clash with its first definition.
pub(crate) fn define<'s>(
    map: &mut HashMap<&'s str, &'s Loc>,
    what: &'static str,
    name: &'s str,
    loc: &'s Loc,
) -> Option<Duplicate<'s>> {
    match map.insert(name, loc) {
        Some(first) => {
            map.insert(name, first);
            Some((what, name, first.clone(), loc))
        }
        None => None,
    }
}

/// Every field's role fits its type, and the fields of one object or enum role share one type.
fn check_roles(spec: &Spec) -> Vec<SpecError> {
    let mut errors = Vec::new();
    let mut first: HashMap<Role, (&Type, &Loc)> = HashMap::new();
    let fields = spec
        .messages()
        .flat_map(|m| &m.fields)
        .chain(spec.objects().flat_map(|o| &o.fields));
    for field in fields {
        let Some(role) = field.role else { continue };
        if !role.accepts(&field.ty) {
            let expected = match role.role_type() {
                RoleType::String => "a string",
                RoleType::Identifier => "a string or string|integer",
                RoleType::Integer => "an integer",
                RoleType::Object => "an object",
                RoleType::Enum => "an enum",
            };
            errors.push(SpecError {
                loc: field.loc.clone(),
                kind: ErrorKind::RoleType {
                    role,
                    expected,
                    found: spec.type_text(&field.ty),
                },
            });
            continue;
        }
        if matches!(role.role_type(), RoleType::Object | RoleType::Enum) {
            let (ty, loc) = *first.entry(role).or_insert((&field.ty, &field.loc));
            if *ty != field.ty {
                errors.push(SpecError {
                    loc: field.loc.clone(),
                    kind: ErrorKind::RoleTypesDiffer {
                        role,
                        other: spec.type_text(ty),
                        first: loc.clone(),
                    },
                });
            }
        }
    }
    errors
}
