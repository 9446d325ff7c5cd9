//! `cargo xtask snapshots [--check]` on a small invented workspace: a snapshot missing from the
//! list insta wrote is named, `--check` fails on it, build output and hidden folders are not
//! searched.

mod common;

use std::path::Path;
use std::process::Output;

use common::{TempDir, text, xtask_in};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folders");
    std::fs::write(path, text).expect("write a file");
}

/// A workspace with two used snapshots, one unused, and snapshots in `target/` and `.git/`.
fn workspace(label: &str) -> TempDir {
    let dir = TempDir::new(&format!("snapshots-{label}"));
    let root = dir.path();
    write(&root.join("Cargo.toml"), "[workspace]\nmembers = []\n");
    for file in [
        "tests/snapshots/payloads__used.snap",
        "crates/a/src/snapshots/a__used.snap",
        "tests/snapshots/payloads__renamed_test.snap",
        "target/debug/old.snap",
        ".git/old.snap",
    ] {
        write(&root.join(file), "---\nsource: x\n---\nx\n");
    }
    dir
}

fn run(root: &Path, args: &[&str]) -> Output {
    let mut all = vec!["snapshots"];
    all.extend_from_slice(args);
    xtask_in(root, &all)
}

#[test]
fn unused_snapshots_are_named_and_fail_the_check() {
    let dir = workspace("unused");
    let root = dir.path();
    // insta writes absolute paths, one a line; `..` and repeats do not matter.
    let list = root.join("references.txt");
    let used = format!(
        "{}\n{}\n{}\n",
        root.join("tests/snapshots/payloads__used.snap").display(),
        root.join("crates/a/src/../src/snapshots/a__used.snap")
            .display(),
        root.join("tests/snapshots/payloads__used.snap").display(),
    );
    write(&list, &used);
    let list = list.to_str().expect("UTF-8 temporary paths");

    let checked = run(root, &["--check", "--references", list]);
    assert_eq!(checked.status.code(), Some(1), "{}", text(&checked.stderr));
    assert_eq!(
        text(&checked.stderr),
        "unreferenced: tests/snapshots/payloads__renamed_test.snap\n\
         error: 1 snapshot(s) used by no test; delete them with `git rm`, or restore the test \
         that used them\n"
    );

    let listed = run(root, &["--references", list]);
    assert_eq!(listed.status.code(), Some(0));
    assert!(text(&listed.stderr).starts_with("unreferenced: tests/snapshots/payloads__renamed"));

    std::fs::remove_file(root.join("tests/snapshots/payloads__renamed_test.snap"))
        .expect("remove the unused snapshot");
    let clean = run(root, &["--check", "--references", list]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stderr));
    assert_eq!(text(&clean.stdout), "snapshots: all 2 used by the tests\n");
}

#[test]
fn a_missing_or_empty_list_is_an_error() {
    let dir = workspace("no-list");
    let root = dir.path();
    let missing = run(root, &["--check"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("INSTA_SNAPSHOT_REFERENCES_FILE"),
        "{}",
        text(&missing.stderr)
    );

    let empty = root.join("empty.txt");
    write(&empty, "");
    let empty = run(
        root,
        &["--check", "--references", empty.to_str().expect("UTF-8")],
    );
    assert_eq!(empty.status.code(), Some(1));
    assert!(text(&empty.stderr).contains("lists no snapshot"));
}
