//! Helpers for the tests that run the built xtask in a workspace of their own.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A new, empty temporary folder, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("xtask-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the built binary in the workspace at `root` as `cargo xtask ARGS` would there:
/// `CARGO_MANIFEST_DIR` is its `xtask/` folder and the current directory is the root.
pub fn xtask_in(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("CARGO_MANIFEST_DIR", root.join("xtask"))
        .env_remove("INSTA_SNAPSHOT_REFERENCES_FILE")
        .current_dir(root)
        .output()
        .expect("the xtask binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
