//! Tolerant reading of tagged objects (`typeWebhook`, `typeMessage`): the tag picks the variant,
//! without buffering when it comes first, and an unknown tag keeps the whole object raw.

use serde_json::{Map, Value};

use super::owned::Owned;
use super::primitive::to_raw;
use super::{AcceptField, Extra, Failed, Fit, Source, Wire};
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
    let mut target = T::unknown(Map::new());
    Ok(match read_in_place(&mut target, source)? {
        None => Fit::Fits(target),
        Some(raw) => Fit::Misfit(raw),
    })
}

/// [`read_tagged`] straight into the field `slot` of an object, or into its `extra` under `key`
/// when the value is not an object: the variants are large, and a body holds them nested.
pub fn read_tagged_into<T: Tagged>(
    slot: &mut Option<T>,
    extra: &mut Extra,
    key: &str,
    source: &mut dyn Source<'_>,
) -> Result<(), Failed> {
    let misfit = read_in_place(slot.insert(T::unknown(Map::new())), source)?;
    super::settle_in_place(slot, extra, key, misfit);
    Ok(())
}

/// Reads a tagged object into `target`, which is overwritten; the raw value, with `target`
/// left as it was, when the value is not an object.
fn read_in_place<T: Tagged>(
    target: &mut T,
    source: &mut dyn Source<'_>,
) -> Result<Option<Value>, Failed> {
    let mut read = TaggedRead {
        target,
        progress: Progress::BeforeTag(Vec::new()),
    };
    match source.object(&mut read)? {
        Some(raw) => Ok(Some(raw)),
        None => read.finish(),
    }
}

/// A tagged object being read into its target.
struct TaggedRead<'t, T> {
    target: &'t mut T,
    progress: Progress,
}

/// How far a tagged object has been read.
enum Progress {
    /// The entries before the tag.
    BeforeTag(Vec<(String, Value)>),
    /// The tag named a known variant, now in the target, which takes the entries that follow.
    Variant,
    /// The tag is unknown or not a string, or came twice: every entry is kept raw. After a
    /// second tag (`again`), the last one wins, as in `serde_json::Value`, so the object is
    /// read again from the JSON kept.
    Raw {
        raw: Map<String, Value>,
        again: bool,
    },
}

impl<T: Tagged> AcceptField for TaggedRead<'_, T> {
    fn accept_field(&mut self, key: &str, value: &mut dyn Source<'_>) -> Result<(), Failed> {
        let is_tag = key == T::TAG;
        match &mut self.progress {
            Progress::BeforeTag(before) if !is_tag => before.push((key.to_owned(), value.value()?)),
            Progress::BeforeTag(before) => {
                let tag = value.value()?;
                let before = std::mem::take(before);
                self.progress = match tag.as_str().and_then(T::for_tag) {
                    Some(variant) => {
                        *self.target = variant;
                        for (key, value) in before {
                            replay_field(self.target, &key, value)?;
                        }
                        Progress::Variant
                    }
                    None => {
                        let mut raw: Map<String, Value> = before.into_iter().collect();
                        raw.insert(T::TAG.to_owned(), tag);
                        Progress::Raw { raw, again: false }
                    }
                };
            }
            Progress::Variant if !is_tag => self.target.accept_field(key, value)?,
            Progress::Variant => {
                let mut raw = match to_raw(&*self.target) {
                    Value::Object(raw) => raw,
                    _ => Map::new(),
                };
                raw.insert(T::TAG.to_owned(), value.value()?);
                self.progress = Progress::Raw { raw, again: true };
            }
            Progress::Raw { raw, again } => {
                *again |= is_tag;
                raw.insert(key.to_owned(), value.value()?);
            }
        }
        Ok(())
    }
}

impl<T: Tagged> TaggedRead<'_, T> {
    /// Completes the target once the object has ended; the raw value if a second reading of it
    /// (after a repeated tag) did not fit, which an object always does.
    fn finish(self) -> Result<Option<Value>, Failed> {
        match self.progress {
            Progress::Variant => {}
            Progress::BeforeTag(before) => *self.target = T::unknown(before.into_iter().collect()),
            Progress::Raw { raw, again: false } => *self.target = T::unknown(raw),
            Progress::Raw { raw, again: true } => {
                return read_in_place(self.target, &mut Owned(Some(Value::Object(raw))));
            }
        }
        Ok(None)
    }
}

/// Reads a buffered value into a field of `target`, moving it in.
fn replay_field<T: AcceptField>(target: &mut T, key: &str, value: Value) -> Result<(), Failed> {
    target.accept_field(key, &mut Owned(Some(value)))
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
