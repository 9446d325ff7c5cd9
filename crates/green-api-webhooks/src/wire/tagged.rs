//! Tolerant reading of tagged objects (`typeWebhook`, `typeMessage`): the tag picks the variant,
//! without buffering when it comes first, and an unknown tag keeps the whole object raw.

use serde_json::{Map, Value};

use super::owned::Owned;
use super::primitive::to_raw;
use super::{AcceptField, Failed, Fit, Source, Wire};
use crate::JsonType;
use crate::report::{IssueKind, Path, Report};

/// An enum whose variant is chosen by the string value of one key of the object. The derive
/// implements it; the enum's hand-written inherent methods (`tag()`, `is_known()`, ...) call it.
pub trait Tagged: Wire + AcceptField {
    /// The key that holds the tag, e.g. `typeMessage`.
    const TAG: &'static str;

    /// Every tag value the spec knows, in spec order.
    const KNOWN_TAGS: &'static [&'static str];

    /// An empty variant for a known tag value.
    fn for_tag(tag: &str) -> Option<Self>;

    /// The catch-all variant, holding the whole object.
    fn unknown(raw: Map<String, Value>) -> Self;

    /// The tag value as it arrived: `None` when the body had none or it was not a string.
    fn tag(&self) -> Option<&str>;

    /// Whether the variant is a known one, not the catch-all.
    fn is_known(&self) -> bool;
}

/// Reads a tagged enum tolerantly. Keys before the tag are buffered as JSON values and replayed
/// into the variant once the tag is known; keys after it are read straight into the variant.
pub fn read_tagged<T: Tagged>(source: &mut dyn Source<'_>) -> Result<Fit<T>, Failed> {
    let mut read = TaggedRead::<T>::BeforeTag(Vec::new());
    match source.object(&mut read)? {
        Some(raw) => Ok(Fit::Misfit(raw)),
        None => read.finish(),
    }
}

/// How far a tagged object has been read.
enum TaggedRead<T> {
    /// The entries before the tag.
    BeforeTag(Vec<(String, Value)>),
    /// The tag named a known variant, which takes the entries that follow.
    Variant(T),
    /// The tag is unknown or not a string, or came twice: every entry is kept raw. After a
    /// second tag (`again`), the last one wins, as in `serde_json::Value`, so the object is
    /// read again from the JSON kept.
    Raw {
        raw: Map<String, Value>,
        again: bool,
    },
}

impl<T: Tagged> AcceptField for TaggedRead<T> {
    fn accept_field(&mut self, key: &str, value: &mut dyn Source<'_>) -> Result<(), Failed> {
        let is_tag = key == T::TAG;
        match self {
            TaggedRead::BeforeTag(before) if !is_tag => {
                before.push((key.to_owned(), value.value()?))
            }
            TaggedRead::BeforeTag(before) => {
                let tag = value.value()?;
                let before = std::mem::take(before);
                *self = match tag.as_str().and_then(T::for_tag) {
                    Some(mut variant) => {
                        for (key, value) in before {
                            replay_field(&mut variant, &key, value)?;
                        }
                        TaggedRead::Variant(variant)
                    }
                    None => {
                        let mut raw: Map<String, Value> = before.into_iter().collect();
                        raw.insert(T::TAG.to_owned(), tag);
                        TaggedRead::Raw { raw, again: false }
                    }
                };
            }
            TaggedRead::Variant(variant) if !is_tag => variant.accept_field(key, value)?,
            TaggedRead::Variant(variant) => {
                let mut raw = match to_raw(variant) {
                    Value::Object(raw) => raw,
                    _ => Map::new(),
                };
                raw.insert(T::TAG.to_owned(), value.value()?);
                *self = TaggedRead::Raw { raw, again: true };
            }
            TaggedRead::Raw { raw, again } => {
                *again |= is_tag;
                raw.insert(key.to_owned(), value.value()?);
            }
        }
        Ok(())
    }
}

impl<T: Tagged> TaggedRead<T> {
    fn finish(self) -> Result<Fit<T>, Failed> {
        Ok(Fit::Fits(match self {
            TaggedRead::BeforeTag(before) => T::unknown(before.into_iter().collect()),
            TaggedRead::Variant(variant) => variant,
            TaggedRead::Raw { raw, again: false } => T::unknown(raw),
            TaggedRead::Raw { raw, again: true } => return reparse(raw),
        }))
    }
}

/// Reads a buffered value into a field of `target`, moving it in.
fn replay_field<T: AcceptField>(target: &mut T, key: &str, value: Value) -> Result<(), Failed> {
    target.accept_field(key, &mut Owned(Some(value)))
}

/// Reads a whole tagged object again, from the entries kept.
fn reparse<T: Tagged>(raw: Map<String, Value>) -> Result<Fit<T>, Failed> {
    T::read_wire(&mut Owned(Some(Value::Object(raw))))
}

/// Reports why an object went to the catch-all: its tag is missing, not a string, or unknown.
pub fn validate_unknown(raw: &Map<String, Value>, tag: &str, path: &Path<'_>, report: &mut Report) {
    let at = path.key(tag);
    match raw.get(tag) {
        None => report.push(&at, IssueKind::MissingField),
        Some(Value::String(value)) => report.push(
            &at,
            IssueKind::UnknownVariant {
                value: value.clone(),
            },
        ),
        Some(other) => report.push(
            &at,
            IssueKind::WrongType {
                expected: "string".to_owned(),
                found: JsonType::of(other),
            },
        ),
    }
}
