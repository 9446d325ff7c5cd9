//! `cargo xtask snapshots [--check] [--references FILE]`: every `*.snap` file in the workspace
//! must be one that a test run used; `--check` exits with 1 when one is not. insta's runtime appends the path of every snapshot an
//! assertion touches to the file named by `INSTA_SNAPSHOT_REFERENCES_FILE`; a snapshot missing
//! from that list belongs to a test that was renamed or deleted, and nobody reviews it any more.
//!
//! Run the whole test suite with the variable set, then this check:
//!
//! ```sh
//! INSTA_SNAPSHOT_REFERENCES_FILE=/tmp/refs cargo test --workspace
//! cargo xtask snapshots --check --references /tmp/refs
//! ```

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The variable insta's runtime reads.
pub const REFERENCES_VAR: &str = "INSTA_SNAPSHOT_REFERENCES_FILE";

#[derive(clap::Args)]
pub struct Args {
    /// Exit with 1 when a snapshot is used by no test (without it, only list them).
    #[arg(long)]
    check: bool,
    /// The list the test run wrote [default: $INSTA_SNAPSHOT_REFERENCES_FILE].
    #[arg(long, value_name = "FILE")]
    references: Option<PathBuf>,
}

pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    let file = args
        .references
        .or_else(|| std::env::var_os(REFERENCES_VAR).map(PathBuf::from))
        .ok_or_else(|| {
            format!(
                "error: no list of used snapshots: run the tests with {REFERENCES_VAR}=FILE, \
                 then pass --references FILE"
            )
        })?;
    let text = fs::read_to_string(&file).map_err(|e| {
        format!(
            "error: cannot read {}: {e}; run the tests with {REFERENCES_VAR} set to it first",
            file.display()
        )
    })?;
    let used: BTreeSet<PathBuf> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| canonical(Path::new(line.trim())))
        .collect();
    if used.is_empty() {
        return Err(format!(
            "error: {} lists no snapshot; did the tests run with {REFERENCES_VAR} set?",
            file.display()
        ));
    }
    let mut all = Vec::new();
    collect_snapshots(root, &mut all)?;
    all.sort();
    let unused: Vec<&PathBuf> = all.iter().filter(|p| !used.contains(*p)).collect();
    if unused.is_empty() {
        println!("snapshots: all {} used by the tests", all.len());
        return Ok(ExitCode::SUCCESS);
    }
    let root = canonical(root);
    for path in &unused {
        let shown = path.strip_prefix(&root).unwrap_or(path);
        eprintln!("unreferenced: {}", shown.display());
    }
    let level = if args.check { "error" } else { "warning" };
    eprintln!(
        "{level}: {} snapshot(s) used by no test; delete them with `git rm`, or restore the \
         test that used them",
        unused.len()
    );
    Ok(if args.check {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `path` with `..` and symbolic links resolved, when it exists.
fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Every `*.snap` below `dir`, skipping build output and hidden folders.
fn collect_snapshots(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                collect_snapshots(&path, out)?;
            }
        } else if name.ends_with(".snap") {
            out.push(canonical(&path));
        }
    }
    Ok(())
}
