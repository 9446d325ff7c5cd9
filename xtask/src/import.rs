//! `cargo xtask import [--format text|json] [--draft] FILE...`: arguments and output; the work
//! is done by `green_api_webhooks_docs::import`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use green_api_webhooks_docs::import::{KnownSpec, draft, json_line, read_page, render_text};

#[derive(clap::Args)]
pub struct Args {
    /// How to show each page: `text` for people, `json` for one JSON object per line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print a spec TOML entry drafted from each page instead, to review and edit.
    #[arg(long, conflicts_with = "format")]
    pub draft: bool,
    /// With --draft: the spec folder whose names drafts must not clash with [default: spec/].
    #[arg(long, value_name = "DIR", requires = "draft")]
    pub spec: Option<PathBuf>,
    /// Documentation pages to read (any rendering: plain, pipe or markdown).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    // The spec is only needed to keep drafted names clear of the ones it already defines.
    let known = if args.draft {
        let spec_dir = args.spec.clone().unwrap_or_else(|| root.join("spec"));
        KnownSpec::load(&spec_dir)
    } else {
        KnownSpec::default()
    };
    if let Some(note) = &known.load_problem {
        eprintln!("note: {note}");
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut all_read = true;
    let mut first = true;
    for file in &args.files {
        let page = match read_page(file) {
            Ok(page) => page,
            Err(error) => {
                eprintln!("{error}");
                all_read = false;
                continue;
            }
        };
        let shown = if args.draft {
            // Drafts are separate spec files; a blank line keeps them apart on screen.
            let separator = if first { "" } else { "\n" };
            format!("{separator}{}", draft(&page, &known))
        } else {
            match args.format {
                Format::Json => {
                    json_line(&page)
                        .map_err(|e| format!("import: cannot serialize {}: {e}", page.page))?
                        + "\n"
                }
                Format::Text => render_text(&file.display().to_string(), &page),
            }
        };
        first = false;
        if let Err(error) = out.write_all(shown.as_bytes()) {
            return Err(format!("import: cannot write to standard output: {error}"));
        }
    }
    if let Err(error) = out.flush() {
        return Err(format!("import: cannot write to standard output: {error}"));
    }
    Ok(if all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
