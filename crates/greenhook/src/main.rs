//! `greenhook`: validate and normalize Green-API webhook bodies from the command line.

mod cli;
mod input;
mod normalize;
mod progress;
mod run;
mod text;
mod validate;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anstream::ColorChoice;
use clap::Parser;

use crate::cli::{Cli, Command};
use crate::input::ReadError;
use crate::run::ValidateOptions;
use crate::text::Palette;
use crate::validate::Format;

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
    let status = match cli.command {
        Command::Validate {
            format,
            quiet,
            color,
            product,
            files,
            limits,
        } => {
            let choice = match format {
                Format::Text => color.choice(&stdout),
                Format::Json => ColorChoice::Never,
            };
            let options = ValidateOptions {
                format,
                quiet,
                palette: Palette::new(choice != ColorChoice::Never),
                color,
                limits: limits.limits(),
                product,
            };
            let inputs = input::expand(&files);
            if choice == ColorChoice::Never {
                finish(BufWriter::new(stdout.lock()), |out| {
                    run::validate(&inputs, &options, out)
                })
            } else {
                // The stream passes the colours through, or on an old Windows console turns
                // them into console calls.
                let stream = anstream::AutoStream::new(stdout.lock(), choice);
                finish(BufWriter::new(stream), |out| {
                    run::validate(&inputs, &options, out)
                })
            }
        }
        Command::Normalize {
            pretty,
            files,
            limits,
        } => {
            let inputs = input::expand(&files);
            finish(BufWriter::new(stdout.lock()), |out| {
                run::normalize(&inputs, pretty, limits.limits(), out)
            })
        }
    };
    status.into()
}

/// Runs a subcommand on standard output, then flushes what it left buffered.
fn finish<W: Write>(mut out: W, subcommand: impl FnOnce(&mut W) -> Status) -> Status {
    let status = subcommand(&mut out);
    match out.flush() {
        Ok(()) => status,
        Err(error) => status.max(write_failed(&error)),
    }
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
