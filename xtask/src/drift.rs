//! `cargo xtask drift [DIR] [--spec DIR]`: arguments and exit codes; the comparison is
//! `green_api_webhooks_docs::drift`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The docs folder used when none is given, relative to the workspace root.
const DEFAULT_DOCS_DIR: &str = "../shared/green-api-docs";

#[derive(clap::Args)]
pub struct Args {
    /// Folder with `pages/`, `md/` and `payloads/` [default: ../shared/green-api-docs next to
    /// the workspace].
    pub dir: Option<PathBuf>,
    /// The spec folder to compare with [default: spec/ in the workspace].
    #[arg(long, value_name = "DIR")]
    pub spec: Option<PathBuf>,
}

/// Exit codes: 0 when every disagreement is explained, 1 when some are not, 2 when drift could
/// not compare (no docs folder, unreadable files, a spec that does not load).
pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    let docs_dir = args.dir.unwrap_or_else(|| root.join(DEFAULT_DOCS_DIR));
    let spec_dir = args.spec.unwrap_or_else(|| root.join("spec"));
    match green_api_webhooks_docs::drift::drift(&spec_dir, &docs_dir) {
        Ok(report) => {
            print!("{}", report.text);
            Ok(if report.unexplained > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Err(error) => {
            eprintln!("error: {error}");
            Ok(ExitCode::from(2))
        }
    }
}
