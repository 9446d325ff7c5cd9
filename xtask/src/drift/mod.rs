//! `cargo xtask drift [DIR] [--spec DIR]`: lists every place where the documentation in DIR
//! (pages, markdown sources, example bodies) disagrees with itself or with the spec, and says
//! which spec `[[exception]]` or `[[bad_example]]` explains it. Exits with 1 when anything is
//! unexplained, so CI notices when the docs change.

mod docs;
mod docs_vs_spec;
mod examples_vs_spec;
mod finding;
mod kinds;
mod links;
mod page;
mod page_tables;
mod page_vs_examples;
mod report;
mod spec_index;
mod spec_wide;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use green_api_webhooks_spec::SpecErrors;

use spec_index::SpecIndex;

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

/// Why drift could not compare anything.
#[derive(Debug, thiserror::Error)]
pub enum DriftError {
    #[error("no docs folder; pass DIR")]
    NoDocsFolder,
    #[error("{}: not a docs folder (it has neither pages/ nor md/)", .0.display())]
    NotDocsFolder(PathBuf),
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}\nerror: the spec does not load; nothing was compared")]
    Spec(SpecErrors),
}

/// Exit codes: 0 when every disagreement is explained, 1 when some are not, 2 when drift could
/// not compare (no docs folder, unreadable files, a spec that does not load).
pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    match drift(root, args) {
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

fn drift(root: &Path, args: Args) -> Result<report::Rendered, DriftError> {
    let docs_dir = match args.dir {
        Some(dir) => dir,
        None => {
            let dir = root.join(DEFAULT_DOCS_DIR);
            if !dir.is_dir() {
                return Err(DriftError::NoDocsFolder);
            }
            dir
        }
    };
    let spec_dir = args.spec.unwrap_or_else(|| root.join("spec"));
    let spec = green_api_webhooks_spec::load_dir(&spec_dir).map_err(DriftError::Spec)?;
    let folder = docs::read(&docs_dir)?;
    let index = SpecIndex::new(&spec, &label_of(&spec_dir));
    let mut groups: Vec<report::Group> = folder
        .pages
        .iter()
        .map(|doc| page::check(doc, &index))
        .collect();
    groups.push(spec_wide::check(&folder, &index));
    Ok(report::render(&folder, &index, groups))
}

/// How the report names the spec folder: its last component (`spec` for the workspace's).
fn label_of(spec_dir: &Path) -> String {
    spec_dir.file_name().map_or_else(
        || "spec".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    )
}
