//! A [`Source`] over a `serde_json::Value` already read, which moves its strings and entries
//! into the fields rather than writing the value out and reading it again: for the keys a tagged
//! object buffers until its tag arrives.

use serde_json::Value;

use super::{AcceptField, AcceptItem, Failed, Read, Scalar, Source};

/// `value`, to be read once.
pub(crate) struct Owned(pub(crate) Option<Value>);

impl Owned {
    fn take(&mut self) -> Result<Value, Failed> {
        self.0
            .take()
            .ok_or_else(|| Failed::custom("a value was read twice"))
    }
}

impl Source<'static> for Owned {
    fn scalar(&mut self) -> Result<Read<'static>, Failed> {
        Ok(match self.take()? {
            Value::Null => Read::Scalar(Scalar::Null),
            Value::Bool(b) => Read::Scalar(Scalar::Bool(b)),
            Value::Number(n) => Read::Scalar(if let Some(n) = n.as_u64() {
                Scalar::U64(n)
            } else if let Some(n) = n.as_i64() {
                Scalar::I64(n)
            } else {
                // Without arbitrary precision, a number that is neither is an `f64`.
                Scalar::F64(n.as_f64().unwrap_or(f64::NAN))
            }),
            Value::String(s) => Read::String(s),
            other => Read::Other(other),
        })
    }

    fn object(&mut self, sink: &mut dyn AcceptField) -> Result<Option<Value>, Failed> {
        match self.take()? {
            Value::Object(entries) => {
                for (key, value) in entries {
                    sink.accept_field(&key, &mut Owned(Some(value)))?;
                }
                Ok(None)
            }
            other => Ok(Some(other)),
        }
    }

    fn array(&mut self, sink: &mut dyn AcceptItem) -> Result<Option<Value>, Failed> {
        match self.take()? {
            Value::Array(items) => {
                for item in items {
                    sink.accept_item(&mut Owned(Some(item)))?;
                }
                Ok(None)
            }
            other => Ok(Some(other)),
        }
    }

    fn value(&mut self) -> Result<Value, Failed> {
        self.take()
    }
}
