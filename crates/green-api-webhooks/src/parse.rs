//! How a body is parsed and validated: limits, UTF-8, error mapping. [`Webhook`]'s methods
//! (in `webhook.rs`) call these.

use crate::JsonType;
use crate::limits::{Limits, READER_MAX_DEPTH, check_depth};
use crate::report::{Path, Report};
use crate::wire::{Fit, Wire};
use crate::{Product, Webhook};

/// Why a body could not be read at all. Anything that is JSON and an object parses; everything
/// else about it is reported by [`Webhook::validate`]. New reasons may come (a new limit, say),
/// so a `match` on it needs a wildcard arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// Not JSON: the line and column (1-based) where reading stopped.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column; 0 when the body ended before the line had a character.
        column: usize,
        /// What the JSON reader expected.
        message: String,
    },
    /// JSON, but not an object.
    #[error("a webhook body is a JSON object, found {found}")]
    NotAnObject {
        /// What the body is instead.
        found: JsonType,
    },
    /// Larger than [`Limits::max_body_bytes`].
    #[error("body of {size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// The body's size in bytes.
        size: usize,
        /// The limit it broke.
        limit: usize,
    },
    /// Nested deeper than [`Limits::max_depth`].
    #[error("body nests deeper than the limit of {limit} levels, at line {line}, column {column}")]
    TooDeep {
        /// The limit it broke.
        limit: usize,
        /// 1-based line of the bracket that goes too deep.
        line: usize,
        /// 1-based column of that bracket.
        column: usize,
    },
    /// A strict parse found deviations from the spec (warnings included).
    #[error("body deviates from the spec: {report}")]
    Rejected {
        /// Every deviation.
        report: Report,
    },
}

/// How to parse: the limits, and whether any deviation from the spec fails the parse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Size and depth limits, checked before parsing.
    pub limits: Limits,
    /// Fail with [`ParseError::Rejected`] when `validate()` reports anything, warnings included.
    pub strict: bool,
    /// The product whose rules validation applies (the strict check here; receivers pass it on);
    /// `None` for the body's own (`instanceData.typeInstance`, else the default product).
    pub product: Option<Product>,
}

impl From<serde_json::Error> for ParseError {
    fn from(error: serde_json::Error) -> Self {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the fields carry it already.
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        ParseError::Syntax {
            line: error.line(),
            column: error.column(),
            message,
        }
    }
}

/// Parses a body with the given options: the size limit, a leading byte order mark, the depth
/// limit, the JSON itself, then the strict check. [`Webhook::from_slice_with`] calls it.
pub(crate) fn parse(body: &[u8], options: &ParseOptions) -> Result<Webhook, ParseError> {
    let limits = options.limits;
    if body.len() > limits.max_body_bytes {
        return Err(ParseError::TooLarge {
            size: body.len(),
            limit: limits.max_body_bytes,
        });
    }
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let max_depth = limits.max_depth.min(READER_MAX_DEPTH);
    if max_depth < READER_MAX_DEPTH {
        check_depth(body, max_depth).map_err(|at| ParseError::TooDeep {
            limit: max_depth,
            line: at.line,
            column: at.column,
        })?;
    }
    let webhook = parse_json(body).map_err(|error| match error {
        ParseError::Syntax {
            line,
            column,
            message,
        } if message == "recursion limit exceeded" => ParseError::TooDeep {
            limit: READER_MAX_DEPTH,
            line,
            column,
        },
        other => other,
    })?;
    if options.strict {
        let report = match options.product {
            Some(product) => webhook.validate_as(product),
            None => webhook.validate(),
        };
        if !report.is_clean() {
            return Err(ParseError::Rejected { report });
        }
    }
    Ok(webhook)
}

fn parse_json(body: &[u8]) -> Result<Webhook, ParseError> {
    // Checking UTF-8 once for the whole body is cheaper than the reader's check of each
    // string, and reading only from `str` keeps one copy of the generic code.
    let text =
        std::str::from_utf8(body).map_err(|error| invalid_utf8(body, error.valid_up_to()))?;
    // The reader reads most bodies; serde_json reads those it gives up on, and says why they
    // are not JSON when they are not.
    let webhook = match crate::wire::read_text::<Webhook>(text) {
        Some(webhook) => webhook,
        None => {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            let webhook = Webhook::deserialize_wire(&mut deserializer)?;
            deserializer.end()?;
            webhook
        }
    };
    match webhook {
        Fit::Fits(webhook) => Ok(webhook),
        Fit::Misfit(raw) => Err(ParseError::NotAnObject {
            found: JsonType::of(&raw),
        }),
    }
}

/// Every deviation of a body from the spec under `product`'s rules.
pub(crate) fn validate(webhook: &Webhook, product: Product) -> Report {
    let mut report = Report::for_product(product);
    webhook.validate_wire(&Path::Root, &mut report);
    crate::checks::check_kinds(webhook, &mut report);
    report
}

/// The error for a body that is not UTF-8, at the first bad byte.
fn invalid_utf8(body: &[u8], valid_up_to: usize) -> ParseError {
    let before = &body[..valid_up_to];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // `before` is valid UTF-8 up to here, so counting characters counts columns.
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    ParseError::Syntax {
        line,
        column,
        message: "invalid UTF-8".to_owned(),
    }
}
