//! Checks of products and rules: every product a spec names exists, one product is the default,
//! and every rule fits the field or object it is about.

use std::collections::HashMap;

use crate::check::define;
use crate::error::{ErrorKind, SpecError};
use crate::load::is_type_name;
use crate::model::{Check, Loc, Products, Rule, Spec, Type};

pub(crate) fn check(spec: &Spec) -> Vec<SpecError> {
    let mut errors = Vec::new();
    let mut push = |loc: &Loc, kind| {
        errors.push(SpecError {
            loc: loc.clone(),
            kind,
        })
    };
    let mut names: HashMap<&str, &Loc> = HashMap::new();
    let mut type_instances: HashMap<&str, &Loc> = HashMap::new();
    let mut defaults = Vec::new();
    for product in spec.products() {
        let keys = [
            (&mut names, "product", Some(product.name.as_str())),
            (
                &mut type_instances,
                "typeInstance",
                product.type_instance.as_deref(),
            ),
        ];
        for (map, what, key) in keys {
            let Some(key) = key else { continue };
            if let Some((what, name, first, loc)) = define(map, what, key, &product.loc) {
                let name = name.to_owned();
                push(loc, ErrorKind::Duplicate { what, name, first });
            }
        }
        if !is_type_name(&product.name) {
            push(
                &product.loc,
                ErrorKind::BadName {
                    what: "product name",
                    name: product.name.clone(),
                    reason: "names are CamelCase ASCII letters and digits",
                },
            );
        }
        if product.default {
            defaults.push(&product.loc);
        }
    }
    // A spec without products (such as a test's) has no product rules to apply.
    // The error stands at the second default, or at the first product when there is none.
    let first = spec.products().next().map(|p| &p.loc);
    if let Some(loc) = defaults
        .get(1)
        .copied()
        .or(first)
        .filter(|_| defaults.len() != 1)
    {
        push(loc, ErrorKind::DefaultProducts(defaults.len()));
    }
    let mut known = |listed: &[String], loc: &Loc| {
        for name in listed {
            if !names.contains_key(name.as_str()) {
                push(loc, ErrorKind::UnknownProduct { name: name.clone() });
            }
        }
    };
    let only = |products: &Products| match products {
        Products::All => Vec::new(),
        Products::Only(names) => names.clone(),
    };
    for webhook in spec.webhooks() {
        known(&only(&webhook.products), &webhook.loc);
    }
    for message in spec.messages() {
        known(&only(&message.products), &message.loc);
    }

    let fields = spec
        .messages()
        .flat_map(|m| &m.fields)
        .chain(spec.objects().flat_map(|o| &o.fields));
    for field in fields {
        known(&field.mandatory_for, &field.loc);
    }
    for message in spec.messages() {
        if message.webhooks_severity == crate::model::Severity::Error
            && message.webhooks_reason.is_none()
        {
            let problem = "`webhooks_severity = \"error\"` needs a `webhooks_reason`";
            errors.push(SpecError {
                loc: message.loc.clone(),
                kind: ErrorKind::BadRule(problem.to_string()),
            });
        }
    }
    for rule in spec.rules() {
        if let Err(problem) = check_rule(spec, rule) {
            errors.push(SpecError {
                loc: rule.loc.clone(),
                kind: ErrorKind::BadRule(problem),
            });
        }
    }
    errors
}

/// Whether the rule fits what it is about; the problem in words if not. A rule whose `at`
/// does not resolve was reported by resolution.
fn check_rule(spec: &Spec, rule: &Rule) -> Result<(), String> {
    if rule.object == crate::model::ObjectId::UNRESOLVED {
        return Ok(());
    }
    let object = spec.object(rule.object);
    let field = rule.field.map(|i| &object.fields[i]);
    let at = &rule.at;
    match (&rule.check, field) {
        (Check::Format(format), Some(field)) => {
            let fits = match field.ty {
                Type::String => format.reads_strings(),
                Type::Integer => format.reads_integers(),
                Type::StringOrInteger => format.reads_strings() && format.reads_integers(),
                _ => false,
            };
            if fits {
                Ok(())
            } else {
                Err(format!(
                    "format `{format}` does not read a {}, the type of `{at}`",
                    spec.type_text(&field.ty)
                ))
            }
        }
        (
            Check::Allow {
                field: inner,
                values,
            },
            Some(field),
        ) => {
            let Some(id) = field.ty.object() else {
                return Err(format!(
                    "`allow` is about a field of an object or of each object of an array; `{at}` is {}",
                    spec.type_text(&field.ty)
                ));
            };
            values_fit(spec, id, inner, values.iter())
        }
        (
            Check::Require {
                when_field,
                when_value,
                fields,
            },
            None,
        ) => {
            values_fit(spec, rule.object, when_field, std::iter::once(when_value))?;
            for name in fields {
                if !object.fields.iter().any(|f| &f.wire == name) {
                    return Err(format!("`{}` has no field `{name}`", object.name));
                }
            }
            Ok(())
        }
        (Check::Require { .. }, Some(_)) => {
            Err("a `require` rule is about an object: `at = \"Object\"`".to_string())
        }
        (_, None) => Err(format!(
            "a `{}` rule is about a field: `at = \"Object.field\"`",
            rule.check.shape()
        )),
    }
}

/// The object's field `name` is a string or an enum whose documented values include `values`.
fn values_fit<'v>(
    spec: &Spec,
    object: crate::model::ObjectId,
    name: &str,
    values: impl Iterator<Item = &'v String>,
) -> Result<(), String> {
    let object = spec.object(object);
    let Some(field) = object.fields.iter().find(|f| f.wire == name) else {
        return Err(format!("`{}` has no field `{name}`", object.name));
    };
    match field.ty {
        Type::String => Ok(()),
        Type::Enum(id) => {
            let e = spec.enumeration(id);
            for value in values {
                if !e.values.iter().any(|v| &v.wire == value) {
                    return Err(format!("`{value}` is not a value of `{}`", e.name));
                }
            }
            Ok(())
        }
        _ => Err(format!(
            "`{}.{name}` is {}; a rule compares strings",
            object.name,
            spec.type_text(&field.ty)
        )),
    }
}

/// Every format the spec may name has a name the runtime reads back.
#[cfg(test)]
#[test]
fn format_names_round_trip() {
    use crate::model::Format;
    for format in Format::ALL {
        assert_eq!(Format::from_name(format.name()), Some(format));
    }
}
