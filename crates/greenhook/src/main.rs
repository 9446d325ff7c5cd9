//! `greenhook`: validate and normalize Green-API webhook bodies from the command line.

mod input;
mod normalize;
mod validate;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use green_api_webhooks::Limits;

use crate::input::{Input, ReadError};
use crate::normalize::NormalizeError;
use crate::validate::Format;

/// The rule for splitting inputs into bodies, shown in the help of both subcommands. Wrapped
/// by hand: clap wraps only with a feature that would pull in terminal-size detection.
const INPUT_RULE: &str = "\
Inputs:
  Each input is a file, or standard input when no file is given or the file
  is `-`. Bodies are found in an input as follows:
  - the whole input is one JSON value (pretty-printed or not): one body,
    named FILE (standard input: stdin:1);
  - otherwise, if a line is a complete JSON object on its own: NDJSON, one
    body per non-blank line, named FILE:LINE;
  - otherwise: one broken body (such as a pretty-printed body with a syntax
    error), reported once at the line and column where reading stopped.";

#[derive(Debug, Parser)]
#[command(
    name = "greenhook",
    version,
    about = "Check Green-API (WhatsApp) webhook bodies against the documented spec",
    long_about = "Check Green-API (WhatsApp) webhook bodies against a spec of the vendor's\n\
                  documentation, and print them as the typed library keeps them. Unknown\n\
                  webhook and message types are kept, and reported as warnings."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Report each body's errors (against the spec) and warnings (not in the spec)
    #[command(after_long_help = validate_after_help())]
    Validate {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files to read; standard input when none, or for `-`
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print each body re-serialized from its typed value
    #[command(after_long_help = normalize_after_help())]
    Normalize {
        /// Pretty-print instead of one line per body
        #[arg(long)]
        pretty: bool,
        /// File to read; standard input when absent, or for `-`
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
}

/// Limits each body must keep; a body that breaks one is reported with the limit it broke.
#[derive(Debug, clap::Args)]
struct LimitArgs {
    /// Largest body, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_body_bytes)]
    max_bytes: usize,
    /// Deepest nesting of arrays and objects in a body (the JSON reader stops at 128 anyway)
    #[arg(long, value_name = "LEVELS", default_value_t = Limits::default().max_depth)]
    max_depth: usize,
}

impl LimitArgs {
    fn limits(&self) -> Limits {
        Limits {
            max_body_bytes: self.max_bytes,
            max_depth: self.max_depth,
        }
    }
}

fn validate_after_help() -> String {
    format!(
        "{INPUT_RULE}\n\n\
         JSON output:\n  \
         One object per line per body, with the keys source, typeWebhook and\n  \
         typeMessage (null when absent), known (both types are in the spec),\n  \
         valid (no errors), errors and warnings (lists of {{\"path\", \"message\"}}\n  \
         with path a JSON Pointer into the body, \"\" for the body itself).\n\n\
         Exit status:\n  \
         0  every body is valid (warnings allowed)\n  \
         1  a body is invalid or not a JSON object\n  \
         2  usage error, or an input could not be read"
    )
}

fn normalize_after_help() -> String {
    format!(
        "{INPUT_RULE}\n\n\
         Output:\n  \
         Compact JSON, one line per body (--pretty: indented). Bodies are not\n  \
         validated: an invalid body is printed as the library keeps it. A body\n  \
         that is not a JSON object is reported on standard error and skipped.\n\n\
         Exit status:\n  \
         0  every body was printed\n  \
         1  a body is not a JSON object\n  \
         2  usage error, or the input could not be read"
    )
}

/// How a run ended, from best to worst; the exit status is that of the worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Ok,
    /// A body is invalid (validate) or could not be parsed.
    Failed,
    /// An input could not be read, or the output not written.
    Trouble,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        match status {
            Status::Ok => ExitCode::SUCCESS,
            Status::Failed => ExitCode::from(1),
            Status::Trouble => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let status = match cli.command {
        Command::Validate {
            format,
            files,
            limits,
        } => validate(&inputs(&files), format, limits.limits(), &mut out),
        Command::Normalize {
            pretty,
            file,
            limits,
        } => normalize(&inputs(file.as_slice()), pretty, limits.limits(), &mut out),
    };
    let status = match out.flush() {
        Ok(()) => status,
        Err(error) => status.max(write_failed(&error)),
    };
    status.into()
}

/// Standard input when no file is named.
fn inputs(files: &[PathBuf]) -> Vec<Input> {
    if files.is_empty() {
        vec![Input::Stdin]
    } else {
        files.iter().map(|file| Input::from_arg(file)).collect()
    }
}

fn validate(inputs: &[Input], format: Format, limits: Limits, out: &mut impl Write) -> Status {
    let mut status = Status::Ok;
    for input in inputs {
        // An unreadable input is reported and the others still checked, as grep does.
        let bytes = match input.read() {
            Ok(bytes) => bytes,
            Err(error) => {
                status = status.max(read_failed(&error));
                continue;
            }
        };
        for body in input::split(input, &bytes, limits) {
            let outcome = validate::check(&body);
            if !outcome.valid {
                status = status.max(Status::Failed);
            }
            let written = match format {
                Format::Text => outcome.write_text(out),
                Format::Json => outcome.write_json(out),
            };
            if let Err(error) = written {
                return status.max(write_failed(&error));
            }
        }
    }
    status
}

fn normalize(inputs: &[Input], pretty: bool, limits: Limits, out: &mut impl Write) -> Status {
    let mut status = Status::Ok;
    for input in inputs {
        let bytes = match input.read() {
            Ok(bytes) => bytes,
            Err(error) => {
                status = status.max(read_failed(&error));
                continue;
            }
        };
        for body in input::split(input, &bytes, limits) {
            match normalize::normalize(&body, pretty, out) {
                Ok(()) => {}
                // The other bodies of an NDJSON stream are still worth printing.
                Err(error @ NormalizeError::Parse { .. }) => {
                    // Flushed first so that, on a terminal, the message follows the bodies
                    // before it.
                    let _ = out.flush();
                    complain(&error);
                    status = status.max(Status::Failed);
                }
                Err(NormalizeError::Write(error)) => return status.max(write_failed(&error)),
            }
        }
    }
    status
}

fn read_failed(error: &ReadError) -> Status {
    complain(error);
    Status::Trouble
}

/// A closed pipe (`greenhook validate big.ndjson | head`) is the reader's choice, not worth a
/// message; any other write error is.
fn write_failed(error: &io::Error) -> Status {
    if error.kind() != io::ErrorKind::BrokenPipe {
        complain(&format!("cannot write output: {error}"));
    }
    Status::Trouble
}

/// Prints `greenhook: MESSAGE` on standard error. A failure to do so is ignored: there is
/// nowhere left to report it, and the exit status already tells.
fn complain(message: &dyn std::fmt::Display) {
    let _ = writeln!(io::stderr(), "greenhook: {message}");
}
