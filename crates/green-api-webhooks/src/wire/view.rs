//! What the derive's `Checked` impls call: one small generic function per kind of field, so
//! that each generated impl is a list of calls and no closures. They match by hand rather than
//! use `?`, `map` or `as_ref`, which would add a generic instance per view type to compile.

use super::{Extra, UnknownObject};
use crate::view::Checked;

/// The view of a mandatory field: `None`, which fails the whole view, when it is absent or
/// its own view fails.
#[inline]
pub fn view_mandatory<T: Checked>(value: &Option<T>) -> Option<T::View<'_>> {
    match value {
        Some(value) => value.view(),
        None => None,
    }
}

/// The view of an optional field: `Some(None)` when it is absent, `None` (failing the whole
/// view) when it is present but its own view fails.
#[inline]
#[allow(clippy::manual_map)] // `map` would add an instance per view type; see the module docs.
pub fn view_optional<T: Checked>(value: &Option<T>) -> Option<Option<T::View<'_>>> {
    match value {
        Some(value) => match value.view() {
            Some(view) => Some(Some(view)),
            None => None,
        },
        None => Some(None),
    }
}

/// A field and its alternative spellings, each with its wire name: the first spelling the body
/// has decides, the documented one first. A spelling whose value did not fit holds `None` (its
/// raw value is in `extra`), and so does the field when no spelling is there.
#[inline]
pub fn view_spelled<'a, T>(
    extra: &Extra,
    documented: (&'a Option<T>, &str),
    aliases: &[(&'a Option<T>, &str)],
) -> &'a Option<T> {
    let (value, wire) = documented;
    if value.is_some() || extra.contains_key(wire) {
        return value;
    }
    for &(alias, wire) in aliases {
        if alias.is_some() || extra.contains_key(wire) {
            return alias;
        }
    }
    value
}

/// The view of a catch-all variant: the object, when it has its tag as a string.
#[inline]
pub fn view_unknown<'a>(object: &'a UnknownObject, tag: &str) -> Option<&'a UnknownObject> {
    match object.string(tag) {
        Some(_) => Some(object),
        None => None,
    }
}
