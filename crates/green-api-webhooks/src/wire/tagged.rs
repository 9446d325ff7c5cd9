//! Tolerant reading of tagged objects (`typeWebhook`, `typeMessage`): the tag picks the variant,
//! without buffering when it comes first, and an unknown tag keeps the whole object raw.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::SeqAccessDeserializer;
use serde::de::{Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::primitive::to_raw;
use super::{AcceptField, FieldSeed, Fit, Key};
use crate::JsonType;
use crate::report::{IssueKind, Path, Report};

/// An enum whose variant is chosen by the string value of one key of the object. The derive
/// implements it; the enum's hand-written inherent methods (`tag()`, `is_known()`, ...) call it.
pub trait Tagged: Sized + Serialize + AcceptField {
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
pub fn deserialize_tagged<'de, T: Tagged, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Fit<T>, D::Error> {
    deserializer.deserialize_any(TaggedVisitor(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = Fit<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fit<T>, A::Error> {
        let mut before_tag: Vec<(String, Value)> = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            if key != T::TAG {
                before_tag.push((key.into_owned(), map.next_value()?));
                continue;
            }
            let tag: Value = map.next_value()?;
            let Some(mut variant) = tag.as_str().and_then(T::for_tag) else {
                let mut raw: Map<String, Value> = before_tag.into_iter().collect();
                raw.insert(T::TAG.to_owned(), tag);
                let (raw, tag_again) = collect_rest::<T, A>(raw, map)?;
                if tag_again {
                    // The last tag wins and may name a known variant.
                    return reparse(&Value::Object(raw)).map_err(A::Error::custom);
                }
                return Ok(Fit::Fits(T::unknown(raw)));
            };
            for (key, value) in before_tag {
                replay_field(&mut variant, &key, &value).map_err(A::Error::custom)?;
            }
            while let Some(Key(key)) = map.next_key()? {
                if key == T::TAG {
                    // The tag again: the last one wins, as in `serde_json::Value`, so start over
                    // from the JSON read so far.
                    let mut raw = match to_raw(&variant) {
                        Value::Object(raw) => raw,
                        _ => Map::new(),
                    };
                    raw.insert(T::TAG.to_owned(), map.next_value()?);
                    let (raw, _) = collect_rest::<T, A>(raw, map)?;
                    return reparse(&Value::Object(raw)).map_err(A::Error::custom);
                }
                map.next_value_seed(FieldSeed {
                    target: &mut variant,
                    key: &key,
                })?;
            }
            return Ok(Fit::Fits(variant));
        }
        Ok(Fit::Fits(T::unknown(before_tag.into_iter().collect())))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Fit<T>, A::Error> {
        Ok(Fit::Misfit(Value::deserialize(
            SeqAccessDeserializer::new(seq),
        )?))
    }

    misfit_scalars!();
}

// Buffered values are read again from their JSON text rather than from `Value`: then every
// generated impl is compiled for one deserializer only, which halves the crate's generic code.
// Only bodies whose tag comes after other keys, or twice, take this path.

/// Reads a buffered value into a field of `target`.
fn replay_field<T: AcceptField>(
    target: &mut T,
    key: &str,
    value: &Value,
) -> Result<(), serde_json::Error> {
    let text = value.to_string();
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    target.accept_field(key, &mut deserializer)
}

/// Reads a whole tagged object again, from its JSON text.
fn reparse<T: Tagged>(value: &Value) -> Result<Fit<T>, serde_json::Error> {
    let text = value.to_string();
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    deserialize_tagged(&mut deserializer)
}

/// Reads the remaining entries into `raw`, and says whether the tag came again.
fn collect_rest<'de, T: Tagged, A: MapAccess<'de>>(
    mut raw: Map<String, Value>,
    mut map: A,
) -> Result<(Map<String, Value>, bool), A::Error> {
    let mut tag_again = false;
    while let Some((key, value)) = map.next_entry::<String, Value>()? {
        tag_again |= key == T::TAG;
        raw.insert(key, value);
    }
    Ok((raw, tag_again))
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
