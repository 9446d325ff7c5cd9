//! Import: documentation pages shown as the page model (aligned text for people, JSON lines for
//! tools), or drafted as a spec entry to review and edit.

mod draft;
mod examples;
mod known;
mod names;
mod objects;
mod text;
mod toml_out;
mod types;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::{Page, parse_page};

pub use draft::draft;
pub use known::KnownSpec;
pub use text::render as render_text;

/// A page file that could not be read.
#[derive(Debug)]
pub struct ReadError {
    /// The file as given.
    pub file: PathBuf,
    /// Why it could not be read.
    pub error: io::Error,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read {}: {}", self.file.display(), self.error)
    }
}

impl std::error::Error for ReadError {}

/// Reads and parses one page; the model records the file name, not the path.
pub fn read_page(file: &Path) -> Result<Page, ReadError> {
    let text = std::fs::read_to_string(file).map_err(|error| ReadError {
        file: file.to_path_buf(),
        error,
    })?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    Ok(parse_page(&name, &text))
}

/// The page model as one line of JSON.
pub fn json_line(page: &Page) -> Result<String, serde_json::Error> {
    serde_json::to_string(page)
}
