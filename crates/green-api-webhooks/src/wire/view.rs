//! What the derive's `Checked` impls call: one small generic function per kind of field, so
//! that each generated impl is a list of calls and no closures.

use super::{Extra, UnknownObject};
use crate::view::Checked;

/// The view of a mandatory field: `None`, which fails the whole view, when it is absent or
/// its own view fails.
#[inline]
pub fn view_mandatory<T: Checked>(value: Option<&T>) -> Option<T::View<'_>> {
    value?.view()
}

/// The view of an optional field: `Some(None)` when it is absent, `None` (failing the whole
/// view) when it is present but its own view fails.
#[inline]
pub fn view_optional<T: Checked>(value: Option<&T>) -> Option<Option<T::View<'_>>> {
    match value {
        Some(value) => value.view().map(Some),
        None => Some(None),
    }
}

/// A field and its alternative spellings, documented name first, each with its wire name: the
/// first spelling the body has decides. Its value when it fit; `None` when it did not (its raw
/// value is in `extra`) or no spelling is there.
#[inline]
pub fn view_spelled<'a, T>(extra: &Extra, spellings: &[(Option<&'a T>, &str)]) -> Option<&'a T> {
    for &(value, wire) in spellings {
        if value.is_some() {
            return value;
        }
        if extra.contains_key(wire) {
            return None;
        }
    }
    None
}

/// The view of a catch-all variant: the object, when it has its tag as a string.
#[inline]
pub fn view_unknown<'a>(object: &'a UnknownObject, tag: &str) -> Option<&'a UnknownObject> {
    object.string(tag).map(|_| object)
}
