//! `greenhook normalize`: each body re-serialized from its typed value.
//!
//! What comes out is what the library keeps of a body: comparing it with the input shows
//! whether anything is lost or changed in a round trip.

use std::io::{self, Write};

use green_api_webhooks::{ParseError, Webhook};

use crate::input::Body;

/// Why a body could not be normalized.
#[derive(Debug, thiserror::Error)]
pub enum NormalizeError {
    /// The body is not a JSON object; nothing to print for it.
    #[error("{source_name}: {error}")]
    Parse {
        source_name: String,
        #[source]
        error: ParseError,
    },
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Write(#[from] io::Error),
}

/// Writes one body as JSON on one line, or pretty-printed, followed by a newline.
pub fn normalize(
    body: &Body<'_>,
    pretty: bool,
    out: &mut impl Write,
) -> Result<(), NormalizeError> {
    let webhook = body.parse().map_err(|error| NormalizeError::Parse {
        source_name: body.source.clone(),
        error,
    })?;
    write_webhook(&webhook, pretty, out)?;
    Ok(())
}

fn write_webhook(webhook: &Webhook, pretty: bool, out: &mut impl Write) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, webhook)?;
    } else {
        serde_json::to_writer(&mut *out, webhook)?;
    }
    writeln!(out)
}
