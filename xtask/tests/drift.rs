//! `cargo xtask drift` on invented fixtures (`drift-docs/` against `drift-spec/`), which
//! disagree in every way drift reports, some explained by exceptions and some not; and, when the
//! real documentation folder sits next to the workspace, on that folder against `spec/`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn xtask<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("the xtask binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

#[test]
fn fixtures_list_every_disagreement() {
    let dir = tests_dir();
    let run = xtask([
        OsStr::new("drift"),
        dir.join("drift-docs").as_os_str(),
        OsStr::new("--spec"),
        dir.join("drift-spec").as_os_str(),
    ]);
    assert_eq!(run.stderr, "");
    // Some disagreements are unexplained on purpose.
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    insta::assert_snapshot!("fixtures", run.stdout);
}

#[test]
fn a_folder_without_pages_is_no_docs_folder() {
    let dir = tests_dir();
    let run = xtask([
        OsStr::new("drift"),
        dir.join("drift-docs/payloads").as_os_str(),
        OsStr::new("--spec"),
        dir.join("drift-spec").as_os_str(),
    ]);
    // A folder without pages/ or md/ is no docs folder: drift compares nothing.
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    assert!(run.stderr.contains("not a docs folder"), "{}", run.stderr);
}

#[test]
fn a_spec_that_does_not_load_stops_drift() {
    let dir = tests_dir();
    let run = xtask([
        OsStr::new("drift"),
        dir.join("drift-docs").as_os_str(),
        OsStr::new("--spec"),
        dir.join("no-such-spec").as_os_str(),
    ]);
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    assert!(
        run.stderr.contains("the spec does not load"),
        "{}",
        run.stderr
    );
}

/// The report a reviewer reads when the docs or the spec change.
#[test]
fn real_docs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace root")
        .to_path_buf();
    let docs = root.join("../shared/green-api-docs");
    if !docs.is_dir() {
        eprintln!(
            "note: {} is absent; drift on the real docs is skipped",
            docs.display()
        );
        keep_snapshot_of_skipped_test("real_docs");
        return;
    }
    let run = xtask([OsStr::new("drift"), docs.as_os_str()]);
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
    let code = run.code.unwrap_or_default();
    insta::assert_snapshot!("real_docs", format!("exit code: {code}\n{}", run.stdout));
}

/// A skipped test still owns its snapshot: it names it in the list of used snapshots that
/// insta writes when `INSTA_SNAPSHOT_REFERENCES_FILE` is set (one path a line), as insta would
/// have, so that `cargo xtask snapshots --check` does not call it unreferenced.
fn keep_snapshot_of_skipped_test(name: &str) {
    use std::io::Write;
    let Some(list) = std::env::var_os("INSTA_SNAPSHOT_REFERENCES_FILE") else {
        return;
    };
    let snapshot = tests_dir()
        .join("snapshots")
        .join(format!("drift__{name}.snap"));
    assert!(snapshot.is_file(), "{} is missing", snapshot.display());
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&list)
        .expect("the list of used snapshots opens");
    writeln!(file, "{}", snapshot.display()).expect("the list of used snapshots is writable");
}
