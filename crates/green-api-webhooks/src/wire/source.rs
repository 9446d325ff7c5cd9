//! What generated types read from: [`Source`], an object-safe face of a JSON value about to be
//! read, so that each of them is compiled once, not once per deserializer and per nested
//! visitor. Three sources stand behind it: the crate's reader of bodies in memory
//! (`reader.rs`), a `Value` already read (`owned.rs`), and here [`Erased`], the one place where a
//! serde `Deserializer` is driven, with four visitors per deserializer instead of one per type.
//! Values stream straight into their fields, without a `Value` in between.
//!
//! Errors of the deserializer are kept as they are (with their line and column): the source
//! that met one stores it and answers [`Failed`], which travels up to the deserializer call that
//! owns it and is swapped back for the stored error there.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::Key;
use super::primitive::Scalar;

/// A value about to be read. Each method reads it once, whatever JSON it turns out to be.
pub trait Source<'de> {
    /// Reads a scalar, borrowed from the input when it can be; an array or object comes back
    /// raw.
    fn scalar(&mut self) -> Result<Read<'de>, Failed>;

    /// Reads an object entry by entry into `sink`: `None`. Anything else comes back raw.
    fn object(&mut self, sink: &mut dyn AcceptField) -> Result<Option<Value>, Failed>;

    /// Reads an array item by item into `sink`: `None`. Anything else comes back raw.
    fn array(&mut self, sink: &mut dyn AcceptItem) -> Result<Option<Value>, Failed>;

    /// Reads any JSON value whole.
    fn value(&mut self) -> Result<Value, Failed>;
}

/// Something read one key at a time, so that unknown keys can be kept.
pub trait AcceptField {
    /// Reads the value of `key` from `value`.
    fn accept_field(&mut self, key: &str, value: &mut dyn Source<'_>) -> Result<(), Failed>;
}

/// Something read one array item at a time.
pub trait AcceptItem {
    /// Reads the next item from `value`.
    fn accept_item(&mut self, value: &mut dyn Source<'_>) -> Result<(), Failed>;
}

/// What [`Source::scalar`] read.
pub enum Read<'de> {
    /// A scalar, its string borrowed from the input.
    Scalar(Scalar<'de>),
    /// A string the input does not hold as such (it had escapes), or that the source owned.
    String(String),
    /// An array or an object.
    Other(Value),
}

/// Reading stopped: the input is not JSON, or ends early. The error itself is kept by the source
/// that met it, or carried here when it arose outside one.
#[derive(Debug)]
pub struct Failed(Option<String>);

impl Failed {
    /// A failure with its own message, raised outside the deserializer.
    pub fn custom(message: impl fmt::Display) -> Failed {
        Failed(Some(message.to_string()))
    }

    /// A reader that gave up, leaving the answer to serde_json.
    pub(crate) fn gave_up() -> Failed {
        Failed(None)
    }
}

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_deref().unwrap_or("the input could not be read"))
    }
}

/// A serde deserializer as a [`Source`].
pub struct Erased<'de, D: Deserializer<'de>> {
    deserializer: Option<D>,
    error: Option<D::Error>,
    lifetime: PhantomData<&'de ()>,
}

impl<'de, D: Deserializer<'de>> Erased<'de, D> {
    /// `deserializer`, to be read once.
    pub fn new(deserializer: D) -> Self {
        Erased {
            deserializer: Some(deserializer),
            error: None,
            lifetime: PhantomData,
        }
    }

    /// The deserializer's own error behind `failed`, when it had one.
    pub fn into_error(self, failed: Failed) -> D::Error {
        self.error.unwrap_or_else(|| D::Error::custom(failed))
    }
    fn read<T>(&mut self, read: impl FnOnce(D) -> Result<T, D::Error>) -> Result<T, Failed> {
        let Some(deserializer) = self.deserializer.take() else {
            return Err(Failed::custom("a value was read twice"));
        };
        read(deserializer).map_err(|error| {
            self.error = Some(error);
            Failed(None)
        })
    }
}

impl<'de, D: Deserializer<'de>> Source<'de> for Erased<'de, D> {
    fn scalar(&mut self) -> Result<Read<'de>, Failed> {
        self.read(|d| d.deserialize_any(ScalarVisitor))
    }

    fn object(&mut self, sink: &mut dyn AcceptField) -> Result<Option<Value>, Failed> {
        self.read(|d| d.deserialize_any(ObjectVisitor(sink)))
    }

    fn array(&mut self, sink: &mut dyn AcceptItem) -> Result<Option<Value>, Failed> {
        self.read(|d| d.deserialize_any(ArrayVisitor(sink)))
    }

    fn value(&mut self) -> Result<Value, Failed> {
        self.read(Value::deserialize)
    }
}

/// Runs `read` on an [`Erased`] `deserializer`, giving back the deserializer's own error.
pub fn with_source<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    read: impl FnOnce(&mut dyn Source<'de>) -> Result<T, Failed>,
) -> Result<T, D::Error> {
    let mut source = Erased::new(deserializer);
    read(&mut source).map_err(|failed| source.into_error(failed))
}

struct FieldSeed<'s, 'k> {
    sink: &'s mut dyn AcceptField,
    key: &'k str,
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let FieldSeed { sink, key } = self;
        with_source(deserializer, |source| sink.accept_field(key, source))
    }
}

struct ItemSeed<'s>(&'s mut dyn AcceptItem);

impl<'de> DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        with_source(deserializer, |source| self.0.accept_item(source))
    }
}

/// Visitor methods for every scalar, each keeping the scalar raw.
macro_rules! raw_scalars {
    () => {
        fn visit_bool<E>(self, v: bool) -> Result<Option<Value>, E> {
            Ok(Some(Value::Bool(v)))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Option<Value>, E> {
            Ok(Some(v.into()))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Option<Value>, E> {
            Ok(Some(v.into()))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Option<Value>, E> {
            Ok(Some(v.into()))
        }
        fn visit_str<E>(self, v: &str) -> Result<Option<Value>, E> {
            Ok(Some(Value::String(v.to_owned())))
        }
        fn visit_unit<E>(self) -> Result<Option<Value>, E> {
            Ok(Some(Value::Null))
        }
        fn visit_none<E>(self) -> Result<Option<Value>, E> {
            Ok(Some(Value::Null))
        }
    };
}

struct ObjectVisitor<'s>(&'s mut dyn AcceptField);

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Value>, A::Error> {
        while let Some(Key(key)) = map.next_key()? {
            map.next_value_seed(FieldSeed {
                sink: &mut *self.0,
                key: &key,
            })?;
        }
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<Value>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Some)
    }

    raw_scalars!();
}

struct ArrayVisitor<'s>(&'s mut dyn AcceptItem);

impl<'de> Visitor<'de> for ArrayVisitor<'_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Value>, A::Error> {
        while seq.next_element_seed(ItemSeed(&mut *self.0))?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Value>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Some)
    }

    raw_scalars!();
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Read<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Read<'de>, E> {
        Ok(Read::Scalar(Scalar::Null))
    }
    fn visit_none<E>(self) -> Result<Read<'de>, E> {
        Ok(Read::Scalar(Scalar::Null))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Read<'de>, E> {
        Ok(Read::Scalar(Scalar::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Read<'de>, E> {
        Ok(Read::Scalar(Scalar::I64(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Read<'de>, E> {
        Ok(Read::Scalar(Scalar::U64(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Read<'de>, E> {
        Ok(Read::Scalar(Scalar::F64(v)))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Read<'de>, E> {
        Ok(Read::Scalar(Scalar::Str(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Read<'de>, E> {
        Ok(Read::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Read<'de>, E> {
        Ok(Read::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Read<'de>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Read::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Read<'de>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Read::Other)
    }
}
