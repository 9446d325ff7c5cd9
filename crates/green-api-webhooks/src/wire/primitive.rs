//! Tolerant reading of scalars and arrays.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Number, Value};

use super::{Fit, Kind, Wire};
use crate::report::{Path, Report};

/// A JSON scalar as the parser saw it.
#[derive(Clone, Copy, Debug)]
pub enum Scalar<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A negative integer (or any integer, from some deserializers).
    I64(i64),
    /// A non-negative integer.
    U64(u64),
    /// A number with a fraction or exponent.
    F64(f64),
    /// A string.
    Str(&'a str),
}

impl Scalar<'_> {
    fn into_value(self) -> Value {
        match self {
            Scalar::Null => Value::Null,
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::I64(n) => Value::from(n),
            Scalar::U64(n) => Value::from(n),
            Scalar::F64(n) => Value::from(n),
            Scalar::Str(s) => Value::String(s.to_owned()),
        }
    }
}

/// A type read from one JSON scalar; every other scalar, array or object does not fit.
pub trait FromScalar: Sized {
    /// The value for `scalar`, or `None` when it does not fit.
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self>;
}

/// Reads a [`FromScalar`] type tolerantly.
pub fn deserialize_scalar<'de, T: FromScalar, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Fit<T>, D::Error> {
    deserializer.deserialize_any(ScalarVisitor(PhantomData))
}

struct ScalarVisitor<T>(PhantomData<T>);

impl<T: FromScalar> ScalarVisitor<T> {
    fn fit<E>(scalar: Scalar<'_>) -> Result<Fit<T>, E> {
        Ok(match T::from_scalar(scalar) {
            Some(value) => Fit::Fits(value),
            None => Fit::Misfit(scalar.into_value()),
        })
    }
}

impl<'de, T: FromScalar> Visitor<'de> for ScalarVisitor<T> {
    type Value = Fit<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Fit<T>, E> {
        Self::fit(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Fit<T>, E> {
        Self::fit(Scalar::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Fit<T>, E> {
        Self::fit(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Fit<T>, E> {
        Self::fit(Scalar::I64(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Fit<T>, E> {
        Self::fit(Scalar::U64(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Fit<T>, E> {
        Self::fit(Scalar::F64(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Fit<T>, E> {
        Self::fit(Scalar::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Fit<T>, A::Error> {
        Ok(Fit::Misfit(Value::deserialize(
            SeqAccessDeserializer::new(seq),
        )?))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Fit<T>, A::Error> {
        Ok(Fit::Misfit(Value::deserialize(
            MapAccessDeserializer::new(map),
        )?))
    }
}

macro_rules! scalar_wire {
    ($ty:ty, $kind:expr, |$scalar:ident| $convert:expr) => {
        impl FromScalar for $ty {
            fn from_scalar($scalar: Scalar<'_>) -> Option<Self> {
                $convert
            }
        }
        impl Wire for $ty {
            const KIND: Kind = $kind;
            fn deserialize_wire<'de, D: Deserializer<'de>>(d: D) -> Result<Fit<Self>, D::Error> {
                deserialize_scalar(d)
            }
        }
    };
}

scalar_wire!(String, Kind::String, |s| match s {
    Scalar::Str(s) => Some(s.to_owned()),
    _ => None,
});
scalar_wire!(i64, Kind::Integer, |s| match s {
    Scalar::I64(n) => Some(n),
    Scalar::U64(n) => i64::try_from(n).ok(),
    _ => None,
});
scalar_wire!(bool, Kind::Boolean, |s| match s {
    Scalar::Bool(b) => Some(b),
    _ => None,
});
// Kept as `Number` rather than `f64` so that `12` stays an integer and `12.0` a float when
// written back.
scalar_wire!(Number, Kind::Number, |s| match s {
    Scalar::I64(n) => Some(n.into()),
    Scalar::U64(n) => Some(n.into()),
    Scalar::F64(n) => Number::from_f64(n),
    _ => None,
});
scalar_wire!(StringOrInteger, Kind::StringOrInteger, |s| match s {
    Scalar::Str(s) => Some(StringOrInteger::String(s.to_owned())),
    Scalar::I64(n) => Some(StringOrInteger::Integer(n)),
    Scalar::U64(n) => i64::try_from(n).ok().map(StringOrInteger::Integer),
    _ => None,
});

/// A field the docs type one way and real bodies send another: either a string or an integer,
/// kept as it arrived.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StringOrInteger {
    /// The value arrived as a string.
    String(String),
    /// The value arrived as an integer.
    Integer(i64),
}

impl StringOrInteger {
    /// The string, when the value arrived as one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            StringOrInteger::String(s) => Some(s),
            StringOrInteger::Integer(_) => None,
        }
    }

    /// The integer, when the value arrived as one or as a string of decimal digits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            StringOrInteger::String(s) => s.parse().ok(),
            StringOrInteger::Integer(n) => Some(*n),
        }
    }
}

impl From<&str> for StringOrInteger {
    fn from(value: &str) -> Self {
        StringOrInteger::String(value.to_owned())
    }
}

impl From<i64> for StringOrInteger {
    fn from(value: i64) -> Self {
        StringOrInteger::Integer(value)
    }
}

impl fmt::Display for StringOrInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StringOrInteger::String(s) => f.write_str(s),
            StringOrInteger::Integer(n) => write!(f, "{n}"),
        }
    }
}

impl Serialize for StringOrInteger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            StringOrInteger::String(s) => serializer.serialize_str(s),
            StringOrInteger::Integer(n) => serializer.serialize_i64(*n),
        }
    }
}

/// Any JSON, kept as it is.
impl Wire for Value {
    const KIND: Kind = Kind::Any;
    fn deserialize_wire<'de, D: Deserializer<'de>>(d: D) -> Result<Fit<Self>, D::Error> {
        Value::deserialize(d).map(Fit::Fits)
    }
}

/// A seed that reads one value tolerantly.
pub struct WireSeed<T>(pub PhantomData<T>);

impl<'de, T: Wire> DeserializeSeed<'de> for WireSeed<T> {
    type Value = Fit<T>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Fit<T>, D::Error> {
        T::deserialize_wire(deserializer)
    }
}

impl<T: Wire> Wire for Vec<T> {
    const KIND: Kind = Kind::Array(&T::KIND);

    fn deserialize_wire<'de, D: Deserializer<'de>>(d: D) -> Result<Fit<Self>, D::Error> {
        d.deserialize_any(ArrayVisitor(PhantomData))
    }

    fn validate_wire(&self, path: &Path<'_>, report: &mut Report) {
        for (i, item) in self.iter().enumerate() {
            item.validate_wire(&path.index(i), report);
        }
    }
}

struct ArrayVisitor<T>(PhantomData<T>);

impl<'de, T: Wire> Visitor<'de> for ArrayVisitor<T> {
    type Value = Fit<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element_seed(WireSeed::<T>(PhantomData))? {
            match item {
                Fit::Fits(item) => items.push(item),
                Fit::Misfit(raw) => {
                    // One item does not fit: keep the whole array raw, in order.
                    let mut raw_items: Vec<Value> = items.iter().map(to_raw).collect();
                    raw_items.push(raw);
                    while let Some(rest) = seq.next_element::<Value>()? {
                        raw_items.push(rest);
                    }
                    return Ok(Fit::Misfit(Value::Array(raw_items)));
                }
            }
        }
        Ok(Fit::Fits(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Ok(Fit::Misfit(Value::deserialize(
            MapAccessDeserializer::new(map),
        )?))
    }

    misfit_scalars!();
}

/// The JSON an already-read value came from.
pub(crate) fn to_raw<T: Serialize>(value: &T) -> Value {
    // Through JSON text rather than `serde_json::to_value`, so that the generated `Serialize`
    // impls compile for one serializer only (the one `Webhook::to_json` uses). Every `Wire`
    // type writes valid JSON with string keys, so neither step can fail.
    serde_json::to_vec(value)
        .ok()
        .and_then(|text| serde_json::from_slice(&text).ok())
        .unwrap_or(Value::Null)
}
