//! The command line: subcommands, flags and the help texts that explain them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use green_api_webhooks::{Limits, Product};

use crate::validate::Format;

/// The rule for splitting inputs into bodies, shown in the help of both subcommands. Wrapped
/// by hand: clap wraps only with a feature that would pull in terminal-size detection.
const INPUT_RULE: &str = "\
Inputs:
  Each input is a file, or standard input when no file is given or the file
  is `-`. A folder is walked: its files named *.json or *.ndjson, and those
  of the folders in it, are the inputs, in order of their names (other files
  and symbolic links to folders are skipped; a folder without such a file is
  an error). Bodies are found in an input as follows:
  - the whole input is one JSON value (pretty-printed or not): one body,
    named FILE (standard input: stdin:1);
  - otherwise, if a line is a complete JSON object on its own: NDJSON, one
    body per non-blank line, named FILE:LINE;
  - otherwise: one broken body (such as a pretty-printed body with a syntax
    error), reported once at the line and column where reading stopped.";

/// Shown in the help of both subcommands.
const PROGRESS_RULE: &str = "\
Progress:
  An input of more than 1000 bodies or more than 1 MiB gets a progress bar
  on standard error, when standard error is a terminal.";

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(
    name = "greenhook",
    version,
    about = "Check Green-API (WhatsApp) webhook bodies against the documented spec",
    long_about = "Check Green-API (WhatsApp) webhook bodies against a spec of the vendor's\n\
                  documentation, and print them as the typed library keeps them. Unknown\n\
                  webhook and message types are kept, and reported as warnings."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What to do with the bodies.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report each body's errors (against the spec) and warnings (not in the spec)
    #[command(after_long_help = validate_after_help())]
    Validate {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Print only invalid bodies (text output keeps its summary line)
        #[arg(short, long)]
        quiet: bool,
        /// When to colour text output (JSON output never is)
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
        color: ColorWhen,
        /// Apply one product's rules, not each body's own (WABA bodies say `whatsapp`)
        #[arg(long, value_name = "PRODUCT", value_parser = parse_product)]
        product: Option<Product>,
        /// Files or folders to read; standard input when none, or for `-`
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
        /// Files or folders to read; standard input when none, or for `-`
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
}

/// When text output is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// When standard output is a terminal and NO_COLOR is not set
    Auto,
    /// Always, even into a pipe or a file
    Always,
    /// Never
    Never,
}

impl ColorWhen {
    /// Whether to colour `stream`: `auto` asks whether it is a terminal, and reads NO_COLOR,
    /// CLICOLOR and CLICOLOR_FORCE. Never `ColorChoice::Auto`.
    pub fn choice<S: anstream::stream::RawStream>(self, stream: &S) -> anstream::ColorChoice {
        match self {
            ColorWhen::Auto => anstream::AutoStream::choice(stream),
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

/// Limits each body must keep; a body that breaks one is reported with the limit it broke.
#[derive(Debug, clap::Args)]
pub struct LimitArgs {
    /// Largest body, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_body_bytes)]
    max_bytes: usize,
    /// Deepest nesting of arrays and objects in a body
    #[arg(long, value_name = "LEVELS", default_value_t = Limits::default().max_depth)]
    max_depth: usize,
}

impl LimitArgs {
    /// The limits as the library takes them.
    pub fn limits(&self) -> Limits {
        Limits {
            max_body_bytes: self.max_bytes,
            max_depth: self.max_depth,
        }
    }
}

fn validate_after_help() -> String {
    format!(
        "{INPUT_RULE}\n\n\
         Text output:\n  \
         A line per body (source, valid or invalid, and typeWebhook / typeMessage\n  \
         when they are strings), an indented line per error and warning, then a\n  \
         summary line such as `12 bodies from 3 files: 10 valid, 2 invalid;\n  \
         1 unknown`, which counts the files read (standard input counts as one).\n  \
         Every body is either valid or invalid; `unknown` counts those of them,\n  \
         valid or not, that are JSON objects whose typeWebhook or typeMessage the\n  \
         spec does not know (or that lack one), and that are therefore kept as\n  \
         raw JSON. Control characters from bodies are shown escaped (`\\u{{1b}}`).\n  \
         Colours follow --color; `auto` also honours NO_COLOR, CLICOLOR and\n  \
         CLICOLOR_FORCE.\n\n\
         JSON output:\n  \
         One object per line per body, with the keys source, typeWebhook and\n  \
         typeMessage (null when absent), known (both types are in the spec),\n  \
         valid (no errors), errors and warnings (lists of {{\"path\", \"message\"}}\n  \
         with path a JSON Pointer into the body, \"\" for the body itself).\n  \
         Nothing else is printed on standard output; the summary line goes to\n  \
         standard error, and only when standard error is a terminal.\n\n\
         {PROGRESS_RULE}\n\n\
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
         Compact JSON, one line per body (--pretty: indented), in the order of\n  \
         the inputs and of the bodies in each: NDJSON in, NDJSON out. Bodies are\n  \
         not validated: an invalid body is printed as the library keeps it. A\n  \
         body that is not a JSON object is reported on standard error and\n  \
         skipped.\n\n\
         {PROGRESS_RULE}\n\n\
         Exit status:\n  \
         0  every body was printed\n  \
         1  a body is not a JSON object\n  \
         2  usage error, or an input could not be read"
    )
}

/// A product by its name or its `typeInstance`, in any case: `telegram`, `MAX`, `v3`.
fn parse_product(text: &str) -> Result<Product, String> {
    Product::ALL
        .iter()
        .copied()
        .find(|p| {
            p.name().eq_ignore_ascii_case(text)
                || p.type_instance()
                    .is_some_and(|t| t.eq_ignore_ascii_case(text))
        })
        .ok_or_else(|| {
            let names: Vec<String> = Product::ALL
                .iter()
                .map(|p| p.name().to_lowercase())
                .collect();
            format!("not a product; expected one of: {}", names.join(", "))
        })
}
