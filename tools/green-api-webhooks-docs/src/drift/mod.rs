//! Drift: lists every place where the documentation in DIR
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

use green_api_webhooks_spec::SpecErrors;

use spec_index::SpecIndex;

pub use crate::trees::product_of_page;
pub use report::Rendered;

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

/// Compares the spec in `spec_dir` with the docs folder `docs_dir` (with `pages/`, `md/` and
/// `payloads/`): the report, and how many disagreements no exception explains.
pub fn drift(spec_dir: &Path, docs_dir: &Path) -> Result<Rendered, DriftError> {
    if !docs_dir.is_dir() {
        return Err(DriftError::NoDocsFolder);
    }
    let spec = green_api_webhooks_spec::load_dir(spec_dir).map_err(DriftError::Spec)?;
    let folder = docs::read(docs_dir)?;
    let index = SpecIndex::new(&spec, &label_of(spec_dir));
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
