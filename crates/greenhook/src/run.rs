//! The subcommands: their loops over inputs and bodies, and what they print.

use std::io::{self, IsTerminal, Write};

use green_api_webhooks::{Limits, Product};

use crate::cli::ColorWhen;
use crate::input::{self, Input, ReadError};
use crate::normalize::{self, NormalizeError};
use crate::progress::Progress;
use crate::text::{self, Palette, Tally};
use crate::validate::{self, Format};
use crate::{Status, complain, read_failed, write_failed};

/// How `greenhook validate` prints.
#[derive(Clone, Copy, Debug)]
pub struct ValidateOptions {
    pub format: Format,
    /// Print invalid bodies only.
    pub quiet: bool,
    /// The styles of text output on standard output.
    pub palette: Palette,
    /// When to colour the summary on standard error (JSON output).
    pub color: ColorWhen,
    pub limits: Limits,
    /// The product whose rules apply; each body's own when `None`.
    pub product: Option<Product>,
}

/// Reads every input in order and hands each one's bytes to `each`. An input that cannot be
/// read is reported and skipped, and the others are still read, as grep does. Returns how the
/// reading went, or the first error of `each` (writing the output), which ends the run.
fn read_each(
    inputs: &[Result<Input, ReadError>],
    mut each: impl FnMut(&Input, &[u8]) -> io::Result<()>,
) -> (Status, io::Result<()>) {
    let mut status = Status::Ok;
    for input in inputs {
        let input = match input {
            Ok(input) => input,
            Err(error) => {
                status = status.max(read_failed(error));
                continue;
            }
        };
        let bytes = match input.read() {
            Ok(bytes) => bytes,
            Err(error) => {
                status = status.max(read_failed(&error));
                continue;
            }
        };
        if let Err(error) = each(input, &bytes) {
            return (status, Err(error));
        }
    }
    (status, Ok(()))
}

/// Checks every body of every input, then prints the summary: on `out` for text, on standard
/// error (when a terminal) for JSON, whose standard output is one line per body and no more.
pub fn validate(
    inputs: &[Result<Input, ReadError>],
    options: &ValidateOptions,
    out: &mut impl Write,
) -> Status {
    let mut tally = Tally::default();
    let (mut status, written) = read_each(inputs, |input, bytes| {
        tally.files += 1;
        validate_input(input, bytes, options, &mut tally, out)
    });
    if let Err(error) = written {
        return status.max(tally.status()).max(write_failed(&error));
    }
    status = status.max(tally.status());
    let summary = match options.format {
        Format::Text => tally.write_summary(&options.palette, out),
        Format::Json => {
            // Flushed first so that, on a terminal, the summary follows the bodies.
            let flushed = out.flush();
            let stderr = io::stderr();
            if stderr.is_terminal() {
                let choice = options.color.choice(&stderr);
                let palette = Palette::new(choice != anstream::ColorChoice::Never);
                let mut stderr = anstream::AutoStream::new(stderr.lock(), choice);
                // As in `complain`: nowhere left to report a failure to write to stderr.
                let _ = tally.write_summary(&palette, &mut stderr);
            }
            flushed
        }
    };
    match summary {
        Ok(()) => status,
        Err(error) => status.max(write_failed(&error)),
    }
}

/// The bodies of one input; a write error ends the run, after the progress bar is cleared.
fn validate_input(
    input: &Input,
    bytes: &[u8],
    options: &ValidateOptions,
    tally: &mut Tally,
    out: &mut impl Write,
) -> io::Result<()> {
    let bodies = input::split(input, bytes, options.limits);
    let mut progress = Progress::start(input, bodies.len(), bytes.len());
    let mut rendered = Vec::new();
    for body in &bodies {
        let outcome = validate::check(body, options.product);
        tally.add(&outcome);
        progress.advance();
        if options.quiet && outcome.valid {
            continue;
        }
        rendered.clear();
        match options.format {
            Format::Text => text::write_outcome(&outcome, &options.palette, &mut rendered)?,
            Format::Json => outcome.write_json(&mut rendered)?,
        }
        progress.write(out, &rendered)?;
    }
    progress.finish(out)
}

impl Tally {
    /// Invalid bodies fail the run.
    fn status(&self) -> Status {
        if self.invalid == 0 {
            Status::Ok
        } else {
            Status::Failed
        }
    }
}

/// Prints every body of every input re-serialized.
pub fn normalize(
    inputs: &[Result<Input, ReadError>],
    pretty: bool,
    limits: Limits,
    out: &mut impl Write,
) -> Status {
    let mut parsed = Status::Ok;
    let (status, written) = read_each(inputs, |input, bytes| {
        parsed = parsed.max(normalize_input(input, bytes, pretty, limits, out)?);
        Ok(())
    });
    let status = status.max(parsed);
    match written {
        Ok(()) => status,
        Err(error) => status.max(write_failed(&error)),
    }
}

/// The bodies of one input; a write error ends the run, after the progress bar is cleared.
fn normalize_input(
    input: &Input,
    bytes: &[u8],
    pretty: bool,
    limits: Limits,
    out: &mut impl Write,
) -> io::Result<Status> {
    let mut status = Status::Ok;
    let bodies = input::split(input, bytes, limits);
    let mut progress = Progress::start(input, bodies.len(), bytes.len());
    let mut rendered = Vec::new();
    for body in &bodies {
        rendered.clear();
        match normalize::normalize(body, pretty, &mut rendered) {
            Ok(()) => progress.write(out, &rendered)?,
            // The other bodies of an NDJSON stream are still worth printing.
            Err(error @ NormalizeError::Parse { .. }) => {
                // Flushed first so that, on a terminal, the message follows the bodies
                // before it.
                let _ = progress.flush(out);
                progress.suspend(|| complain(&error));
                status = Status::Failed;
            }
            Err(NormalizeError::Write(error)) => return Err(error),
        }
        progress.advance();
    }
    progress.finish(out)?;
    Ok(status)
}
