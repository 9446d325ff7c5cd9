//! `cargo xtask import [--format text|json] [--draft] FILE...`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Documentation pages to read.
    pub files: Vec<PathBuf>,
}

pub fn run(_root: &Path, _args: Args) -> Result<ExitCode, String> {
    Err("import: not implemented yet".to_owned())
}
