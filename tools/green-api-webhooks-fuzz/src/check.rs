//! The properties every input must keep.

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

use green_api_webhooks::Webhook;
use serde_json::Value;

/// Why an input failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Parsing, validating or serializing panicked.
    Panic(String),
    /// `serialize(parse(body))` is not the body as a JSON value.
    Lossy,
    /// Parsing the serialized body gave another typed value, or another report.
    Unstable,
    /// The body parsed, but its serialization is not JSON.
    BadOutput(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Panic(message) => write!(f, "panicked: {message}"),
            Failure::Lossy => f.write_str("serialize(parse(body)) differs from the body"),
            Failure::Unstable => {
                f.write_str("parse(serialize(parse(body))) differs from parse(body)")
            }
            Failure::BadOutput(error) => write!(f, "serialized body is not JSON: {error}"),
        }
    }
}

/// Parses, validates and serializes `body`, and checks that nothing panics, that a parsed body
/// serializes back to the same JSON value, and that parsing that output is stable.
pub fn check(body: &[u8]) -> Result<(), Failure> {
    match catch_unwind(AssertUnwindSafe(|| check_unguarded(body))) {
        Ok(result) => result,
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_owned());
            Err(Failure::Panic(message))
        }
    }
}

fn check_unguarded(body: &[u8]) -> Result<(), Failure> {
    let Ok(webhook) = Webhook::from_slice(body) else {
        return Ok(());
    };
    let report = webhook.validate();
    let written = serde_json::to_vec(&webhook).map_err(|e| Failure::BadOutput(e.to_string()))?;
    let original: Value =
        serde_json::from_slice(strip_bom(body)).map_err(|e| Failure::BadOutput(e.to_string()))?;
    let round_trip: Value =
        serde_json::from_slice(&written).map_err(|e| Failure::BadOutput(e.to_string()))?;
    if original != round_trip {
        return Err(Failure::Lossy);
    }
    let again = Webhook::from_slice(&written).map_err(|e| Failure::BadOutput(e.to_string()))?;
    if again != webhook || again.validate() != report {
        return Err(Failure::Unstable);
    }
    Ok(())
}

fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}
