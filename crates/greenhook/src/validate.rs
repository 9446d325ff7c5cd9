//! `greenhook validate`: what is wrong with each body, for people (text) or programs (JSON).

use std::io::{self, Write};

use green_api_webhooks::{Issue, Product};
use serde::Serialize;

use crate::input::Body;

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A line per body, an indented line per issue, then a summary line, for people.
    Text,
    /// One JSON object per line per body, for programs.
    Json,
}

/// The result for one body. Field order is the order of the keys in JSON output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub source: String,
    #[serde(rename = "typeWebhook")]
    pub type_webhook: Option<String>,
    #[serde(rename = "typeMessage")]
    pub type_message: Option<String>,
    /// Both `typeWebhook` and `typeMessage` (when there is a `messageData`) are in the spec.
    pub known: bool,
    /// No errors; warnings allowed.
    pub valid: bool,
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
    /// Whether the body parsed at all: only a body that did can be unknown.
    #[serde(skip)]
    pub parsed: bool,
    /// Issues past the report's limit, counted but not listed (text output says how many).
    #[serde(skip)]
    pub omitted: usize,
}

/// One issue: a JSON Pointer into the body ("" for the body itself) and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub path: String,
    pub message: String,
}

impl From<&Issue> for Finding {
    fn from(issue: &Issue) -> Finding {
        Finding {
            path: issue.path.to_string(),
            message: issue.message(),
        }
    }
}

/// Parses and validates one body. A body that does not parse is invalid, with the reason as
/// an error at the root.
pub fn check(body: &Body<'_>, product: Option<Product>) -> Outcome {
    let webhook = match body.parse() {
        Ok(webhook) => webhook,
        Err(error) => {
            return Outcome {
                source: body.source.clone(),
                type_webhook: None,
                type_message: None,
                known: false,
                valid: false,
                errors: vec![Finding {
                    path: String::new(),
                    message: error.to_string(),
                }],
                warnings: Vec::new(),
                parsed: false,
                omitted: 0,
            };
        }
    };
    let report = match product {
        Some(product) => webhook.validate_as(product),
        None => webhook.validate(),
    };
    let message_data = webhook.message_data();
    Outcome {
        source: body.source.clone(),
        type_webhook: webhook.tag().map(str::to_owned),
        type_message: message_data.and_then(|m| m.tag()).map(str::to_owned),
        known: webhook.is_known() && message_data.is_none_or(|m| m.is_known()),
        valid: report.is_valid(),
        errors: report.errors().map(Finding::from).collect(),
        warnings: report.warnings().map(Finding::from).collect(),
        parsed: true,
        omitted: report.omitted_errors + report.omitted_warnings,
    }
}

impl Outcome {
    /// A JSON object kept as raw JSON because the spec does not know its `typeWebhook` or
    /// `typeMessage`, or it lacks one. Bodies that did not parse have no types to know.
    pub fn is_unknown(&self) -> bool {
        self.parsed && !self.known
    }

    /// One line of JSON, newline included.
    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        serde_json::to_writer(&mut *out, self).map_err(io::Error::from)?;
        writeln!(out)
    }
}
