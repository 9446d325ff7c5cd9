//! `cargo xtask spec-diff [REV]`: what the spec changes since a git revision (or between two
//! folders) mean for users of the generated crate. A report: it exits with 0 unless asked to
//! fail on breaking changes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use green_api_webhooks_spec_diff::{Impact, diff, load_folder, load_revision};

#[derive(clap::Args)]
pub struct Args {
    /// Git revision holding the old spec (default HEAD); the new one is the working tree's spec/.
    #[arg(conflicts_with = "from")]
    pub rev: Option<String>,
    /// Compare two spec folders instead: the old one.
    #[arg(long, value_name = "DIR", requires = "to")]
    pub from: Option<PathBuf>,
    /// Compare two spec folders instead: the new one.
    #[arg(long, value_name = "DIR", requires = "from")]
    pub to: Option<PathBuf>,
    /// Exit with 1 when any change is breaking.
    #[arg(long)]
    pub fail_on_breaking: bool,
}

pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    let (old, new, heading) = match (&args.from, &args.to) {
        (Some(from), Some(to)) => (
            load_folder(from),
            load_folder(to),
            format!("{} -> {}", from.display(), to.display()),
        ),
        _ => {
            let rev = args.rev.as_deref().unwrap_or("HEAD");
            (
                load_revision(root, rev, "spec"),
                load_folder(&root.join("spec")),
                format!("spec/ at {rev} -> spec/ in the working tree"),
            )
        }
    };
    let (old, new) = (
        old.map_err(|e| e.to_string())?,
        new.map_err(|e| e.to_string())?,
    );
    let report = diff(&old, &new);
    println!("spec-diff: {heading}\n");
    print!("{report}");
    if args.fail_on_breaking && report.count(Impact::Breaking) > 0 {
        eprintln!("error: the spec change is breaking (--fail-on-breaking)");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
