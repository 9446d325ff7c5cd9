//! `cargo xtask drift [DIR]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Folder with `pages/`, `md/` and `payloads/`.
    pub dir: Option<PathBuf>,
}

pub fn run(_root: &Path, _args: Args) -> Result<ExitCode, String> {
    Err("drift: not implemented yet".to_owned())
}
