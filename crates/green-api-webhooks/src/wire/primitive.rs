//! Tolerant reading of scalars and arrays.

use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::{Number, Value};

use super::{AcceptItem, Failed, Fit, Kind, Read, Source, Wire};
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
    pub(crate) fn into_value(self) -> Value {
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

    /// The value for a string already owned, which a type that keeps strings takes without a
    /// copy; the string back when it does not fit.
    fn from_string(string: String) -> Result<Self, String> {
        Self::from_scalar(Scalar::Str(&string)).ok_or(string)
    }
}

/// Reads a [`FromScalar`] type tolerantly.
pub fn read_scalar<T: FromScalar>(source: &mut dyn Source<'_>) -> Result<Fit<T>, Failed> {
    Ok(match source.scalar()? {
        Read::Scalar(scalar) => fit(scalar),
        Read::String(string) => match T::from_string(string) {
            Ok(value) => Fit::Fits(value),
            Err(string) => Fit::Misfit(Value::String(string)),
        },
        Read::Other(raw) => Fit::Misfit(raw),
    })
}

fn fit<T: FromScalar>(scalar: Scalar<'_>) -> Fit<T> {
    match T::from_scalar(scalar) {
        Some(value) => Fit::Fits(value),
        None => Fit::Misfit(scalar.into_value()),
    }
}

macro_rules! scalar_wire {
    ($ty:ty, $kind:expr, |$scalar:ident| $convert:expr $(, |$owned:ident| $take:expr)?) => {
        impl FromScalar for $ty {
            fn from_scalar($scalar: Scalar<'_>) -> Option<Self> {
                $convert
            }
            $(
                fn from_string($owned: String) -> Result<Self, String> {
                    Ok($take)
                }
            )?
        }
        impl Wire for $ty {
            const KIND: Kind = $kind;
            fn read_wire(source: &mut dyn Source<'_>) -> Result<Fit<Self>, Failed> {
                read_scalar(source)
            }
        }
    };
}

scalar_wire!(
    String,
    Kind::String,
    |s| match s {
        Scalar::Str(s) => Some(s.to_owned()),
        _ => None,
    },
    |s| s
);
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
scalar_wire!(
    StringOrInteger,
    Kind::StringOrInteger,
    |s| match s {
        Scalar::Str(s) => Some(StringOrInteger::String(s.to_owned())),
        Scalar::I64(n) => Some(StringOrInteger::Integer(n)),
        Scalar::U64(n) => i64::try_from(n).ok().map(StringOrInteger::Integer),
        _ => None,
    },
    |s| StringOrInteger::String(s)
);

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
    fn read_wire(source: &mut dyn Source<'_>) -> Result<Fit<Self>, Failed> {
        source.value().map(Fit::Fits)
    }
}

impl<T: Wire> Wire for Vec<T> {
    const KIND: Kind = Kind::Array(&T::KIND);

    fn read_wire(source: &mut dyn Source<'_>) -> Result<Fit<Self>, Failed> {
        let mut items = Items::<T> {
            read: Vec::new(),
            raw: None,
        };
        Ok(match (source.array(&mut items)?, items.raw) {
            (Some(raw), _) => Fit::Misfit(raw),
            (None, Some(raw)) => Fit::Misfit(Value::Array(raw)),
            (None, None) => Fit::Fits(items.read),
        })
    }

    fn validate_wire(&self, path: &Path<'_>, report: &mut Report) {
        for (i, item) in self.iter().enumerate() {
            item.validate_wire(&path.index(i), report);
        }
    }
}

/// The items of an array read so far; once one does not fit, the whole array is kept raw, in
/// order.
struct Items<T> {
    read: Vec<T>,
    raw: Option<Vec<Value>>,
}

impl<T: Wire> AcceptItem for Items<T> {
    fn accept_item(&mut self, value: &mut dyn Source<'_>) -> Result<(), Failed> {
        if let Some(raw) = &mut self.raw {
            raw.push(value.value()?);
            return Ok(());
        }
        match T::read_wire(value)? {
            Fit::Fits(item) => self.read.push(item),
            Fit::Misfit(misfit) => {
                let mut raw: Vec<Value> =
                    std::mem::take(&mut self.read).iter().map(to_raw).collect();
                raw.push(misfit);
                self.raw = Some(raw);
            }
        }
        Ok(())
    }
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
