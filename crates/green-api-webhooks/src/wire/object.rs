//! Tolerant reading of generated objects: known keys into fields, the rest into `extra`.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, Visitor};

use super::{Extra, Fit, Kind, Source, WireObject, report_misfit};
use crate::report::{IssueKind, Path, Report};

/// An object key, borrowed from the input when it has no escapes.
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v)))
    }
}

/// Reads a generated object tolerantly: a JSON object always fits (unknown keys go to `extra`);
/// anything else is kept raw.
pub fn read_object<T: WireObject>(source: &mut dyn Source<'_>) -> Result<Fit<T>, super::Failed> {
    let mut object = T::default();
    Ok(match source.object(&mut object)? {
        None => Fit::Fits(object),
        Some(raw) => Fit::Misfit(raw),
    })
}

/// Reads a generated object straight into its field, rather than building it apart and moving
/// it in: objects are the largest values, and a body holds them nested.
pub fn read_object_into<T: WireObject>(
    slot: &mut Option<T>,
    extra: &mut Extra,
    key: &str,
    source: &mut dyn Source<'_>,
) -> Result<(), super::Failed> {
    let misfit = source.object(slot.insert(T::default()))?;
    super::settle_in_place(slot, extra, key, misfit);
    Ok(())
}

/// Reports the entries of `extra`: a known key there holds a value of the wrong type; any other
/// key is a field the spec does not know.
pub fn validate_extra(extra: &Extra, known: &[(&str, Kind)], path: &Path<'_>, report: &mut Report) {
    for (key, value) in extra {
        let at = path.key(key);
        match known.iter().find(|(wire, _)| wire == key) {
            Some((_, kind)) => report_misfit(*kind, value, &at, report),
            None => report.push(&at, IssueKind::UnknownField),
        }
    }
}
