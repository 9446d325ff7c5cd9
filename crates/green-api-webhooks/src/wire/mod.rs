//! The machinery behind generated types: tolerant deserialization that keeps every value that
//! does not fit its field, serialization that writes it back, and validation.
//!
//! Generated code uses this through `#[derive(Wire)]`; applications normally need only
//! [`Extra`], [`UnknownObject`] and [`StringOrInteger`].

mod object;
mod owned;
mod primitive;
mod reader;
mod source;
mod tagged;
mod view;

use std::fmt;

use serde::Deserializer;
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use crate::JsonType;
use crate::report::{IssueKind, Path, Report};

pub use object::{Key, read_object, read_object_into, validate_extra};
pub use primitive::{FromScalar, Scalar, StringOrInteger, read_scalar};
pub(crate) use reader::read_text;
pub use source::{AcceptField, AcceptItem, Erased, Failed, Read, Source, with_source};
pub use tagged::{Tagged, read_tagged, read_tagged_into, validate_unknown};
pub use view::{view_mandatory, view_optional, view_spelled, view_unknown};

/// Fields the spec does not know, or whose value did not fit the spec's type, by wire name.
/// They are written back on serialization, so nothing is lost.
pub type Extra = Map<String, Value>;

/// The result of reading a value tolerantly: the typed value, or the raw JSON that did not fit.
pub enum Fit<T> {
    /// The value fits the type.
    Fits(T),
    /// The value as it arrived, since it does not fit.
    Misfit(Value),
}

/// The JSON shape a field expects, for messages and for checking values that did not fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A JSON string.
    String,
    /// A JSON integer that fits in an `i64`.
    Integer,
    /// Any JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Any JSON value.
    Any,
    /// A string or an integer.
    StringOrInteger,
    /// A JSON object.
    Object,
    /// A JSON array of the given kind.
    Array(&'static Kind),
}

impl Kind {
    fn accepts(self, found: JsonType) -> bool {
        match self {
            Kind::String => found == JsonType::String,
            Kind::Integer => found == JsonType::Integer,
            Kind::Number => matches!(found, JsonType::Integer | JsonType::Number),
            Kind::Boolean => found == JsonType::Boolean,
            Kind::Any => true,
            Kind::StringOrInteger => matches!(found, JsonType::String | JsonType::Integer),
            Kind::Object => found == JsonType::Object,
            Kind::Array(_) => found == JsonType::Array,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::String => f.write_str("string"),
            Kind::Integer => f.write_str("integer"),
            Kind::Number => f.write_str("number"),
            Kind::Boolean => f.write_str("boolean"),
            Kind::Any => f.write_str("any value"),
            Kind::StringOrInteger => f.write_str("string or integer"),
            Kind::Object => f.write_str("object"),
            Kind::Array(item) => write!(f, "array of {}", item.plural()),
        }
    }
}

impl Kind {
    fn plural(self) -> String {
        match self {
            Kind::Any => "any values".to_owned(),
            Kind::StringOrInteger => "strings or integers".to_owned(),
            other => format!("{other}s"),
        }
    }
}

/// A type that can stand in a field of a generated object.
pub trait Wire: Sized + serde::Serialize {
    /// What JSON the type expects.
    const KIND: Kind;

    /// Reads a value; anything that does not fit comes back as raw JSON instead of an error.
    /// Errors are left for malformed JSON only.
    fn read_wire(source: &mut dyn Source<'_>) -> Result<Fit<Self>, Failed>;

    /// Reads a value into the field `slot` of an object, or into its `extra` under `key` when
    /// it does not fit.
    fn read_into(
        slot: &mut Option<Self>,
        extra: &mut Extra,
        key: &str,
        source: &mut dyn Source<'_>,
    ) -> Result<(), Failed> {
        store(slot, extra, key, Self::read_wire(source)?);
        Ok(())
    }

    /// [`Wire::read_wire`] from a serde deserializer, with the deserializer's own errors.
    fn deserialize_wire<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Fit<Self>, D::Error> {
        with_source(deserializer, Self::read_wire)
    }

    /// Reports every deviation from the spec inside this value.
    fn validate_wire(&self, _path: &Path<'_>, _report: &mut Report) {}
}

/// A generated object. Its [`Wire`] impl is the one below, shared by every object, so that the
/// derive writes only what differs from object to object.
pub trait WireObject: Default + serde::Serialize {
    /// Reads the value of `key` into its field, or into `extra` when the spec does not know it.
    fn read_field(&mut self, key: &str, value: &mut dyn Source<'_>) -> Result<(), Failed>;

    /// Writes every present field, then the extra ones.
    fn serialize_fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;

    /// Reports every deviation from the spec in the object's fields.
    fn validate_fields(&self, path: &Path<'_>, report: &mut Report);
}

impl<T: WireObject> AcceptField for T {
    fn accept_field(&mut self, key: &str, value: &mut dyn Source<'_>) -> Result<(), Failed> {
        self.read_field(key, value)
    }
}

impl<T: WireObject> Wire for T {
    const KIND: Kind = Kind::Object;

    fn read_wire(source: &mut dyn Source<'_>) -> Result<Fit<Self>, Failed> {
        read_object(source)
    }

    fn read_into(
        slot: &mut Option<Self>,
        extra: &mut Extra,
        key: &str,
        source: &mut dyn Source<'_>,
    ) -> Result<(), Failed> {
        read_object_into(slot, extra, key, source)
    }

    fn validate_wire(&self, path: &Path<'_>, report: &mut Report) {
        self.validate_fields(path, report);
    }
}

/// Stores a value read for `key`: in its field when it fits, in `extra` otherwise. A key seen
/// twice keeps its last value, as `serde_json::Value` does.
pub fn store<T>(slot: &mut Option<T>, extra: &mut Extra, key: &str, value: Fit<T>) {
    match value {
        Fit::Fits(value) => {
            *slot = Some(value);
            forget_misfit(extra, key);
        }
        Fit::Misfit(raw) => {
            *slot = None;
            keep_misfit(extra, key, raw);
        }
    }
}

/// Completes a field read in place into `slot` (objects and tagged enums, the large values):
/// when the value was not the object it should be (`misfit`), the field is emptied and the raw
/// value kept in `extra` under `key`, as [`store`] does.
pub(crate) fn settle_in_place<T>(
    slot: &mut Option<T>,
    extra: &mut Extra,
    key: &str,
    misfit: Option<Value>,
) {
    match misfit {
        None => forget_misfit(extra, key),
        Some(raw) => {
            *slot = None;
            keep_misfit(extra, key, raw);
        }
    }
}

// Apart from `store`, so that its copy for each field type stays small.
pub(crate) fn forget_misfit(extra: &mut Extra, key: &str) {
    if !extra.is_empty() {
        extra.remove(key);
    }
}

pub(crate) fn keep_misfit(extra: &mut Extra, key: &str, raw: Value) {
    extra.insert(key.to_owned(), raw);
}

/// Reports a value kept raw under a known field: which part of it has the wrong type.
pub fn report_misfit(kind: Kind, value: &Value, path: &Path<'_>, report: &mut Report) {
    let found = JsonType::of(value);
    if !kind.accepts(found) {
        report.push(
            path,
            IssueKind::WrongType {
                expected: kind.to_string(),
                found,
            },
        );
        return;
    }
    match (kind, value) {
        (Kind::Array(item), Value::Array(items)) => {
            for (i, value) in items.iter().enumerate() {
                if !fits(*item, value) {
                    report_misfit(*item, value, &path.index(i), report);
                }
            }
        }
        // The JSON type is right, so the number did not fit in 64 bits.
        (Kind::Integer | Kind::StringOrInteger, Value::Number(_)) => {
            report.push(
                path,
                IssueKind::OutOfRange {
                    expected: kind.to_string(),
                },
            );
        }
        _ => {}
    }
}

/// Whether a raw value would have been read into a field of this kind.
fn fits(kind: Kind, value: &Value) -> bool {
    kind.accepts(JsonType::of(value))
        && match (kind, value) {
            (Kind::Array(item), Value::Array(items)) => items.iter().all(|v| fits(*item, v)),
            (Kind::Integer | Kind::StringOrInteger, Value::Number(n)) => n.as_i64().is_some(),
            _ => true,
        }
}

/// A body object whose tag (`typeWebhook`, `typeMessage`) the spec does not know, or that has
/// none, kept whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnknownObject {
    /// Every key of the object, as it arrived.
    pub raw: Map<String, Value>,
}

impl UnknownObject {
    /// The value of `key` when it is a string.
    pub fn string(&self, key: &str) -> Option<&str> {
        self.raw.get(key).and_then(Value::as_str)
    }
}

impl serde::Serialize for UnknownObject {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

/// The typed value, or an error naming the JSON type that did not fit: for the plain serde
/// `Deserialize` impls, which cannot keep a misfit.
pub fn fits_or_error<T: Wire, E: serde::de::Error>(fit: Fit<T>) -> Result<T, E> {
    match fit {
        Fit::Fits(value) => Ok(value),
        Fit::Misfit(raw) => Err(E::custom(format_args!(
            "expected {}, found {}",
            T::KIND,
            JsonType::of(&raw)
        ))),
    }
}

/// Keeps the value of a key the spec does not know.
pub fn store_extra(extra: &mut Extra, key: &str, value: &mut dyn Source<'_>) -> Result<(), Failed> {
    extra.insert(key.to_owned(), value.value()?);
    Ok(())
}

/// Reports a mandatory field that is absent.
pub fn report_missing(path: &Path<'_>, report: &mut Report) {
    report.push(path, IssueKind::MissingField);
}

/// Reports a field present under an alternative spelling of its documented name.
pub fn report_alias(path: &Path<'_>, documented: &'static str, report: &mut Report) {
    report.push(path, IssueKind::AlternativeSpelling { documented });
}

/// Reports a string outside its documented values.
pub fn report_not_allowed(
    value: &str,
    allowed: &'static [&'static str],
    path: &Path<'_>,
    report: &mut Report,
) {
    report.push(
        path,
        IssueKind::NotAllowed {
            value: value.to_owned(),
            allowed,
        },
    );
}

/// Writes an object: its present fields in spec order, then the extra ones.
#[inline(never)]
pub fn serialize_object<T: WireObject, S: serde::Serializer>(
    object: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    object.serialize_fields(&mut map)?;
    map.end()
}
