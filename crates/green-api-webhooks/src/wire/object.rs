//! Tolerant reading of generated objects: known keys into fields, the rest into `extra`.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::SeqAccessDeserializer;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{AcceptField, Extra, Fit, Kind, WireObject, report_misfit};
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

/// Reads the value of one key straight into an object's field.
pub struct FieldSeed<'a, T> {
    /// The object being read.
    pub target: &'a mut T,
    /// The key whose value comes next.
    pub key: &'a str,
}

impl<'de, T: AcceptField> DeserializeSeed<'de> for FieldSeed<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.target.accept_field(self.key, deserializer)
    }
}

/// Reads a generated object tolerantly: a JSON object always fits (unknown keys go to `extra`);
/// anything else is kept raw.
// Not inlined: an object type used in many places (such as `Quote`) is then compiled once, not
// once per parent, which keeps the crate quick to compile at little cost per body.
#[inline(never)]
pub fn deserialize_object<'de, T: WireObject, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Fit<T>, D::Error> {
    deserializer.deserialize_any(ObjectVisitor(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: WireObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = Fit<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fit<T>, A::Error> {
        let mut object = T::default();
        while let Some(Key(key)) = map.next_key()? {
            map.next_value_seed(FieldSeed {
                target: &mut object,
                key: &key,
            })?;
        }
        Ok(Fit::Fits(object))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Fit<T>, A::Error> {
        Ok(Fit::Misfit(Value::deserialize(
            SeqAccessDeserializer::new(seq),
        )?))
    }

    misfit_scalars!();
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
