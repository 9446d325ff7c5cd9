//! The workspace's own spec, compared with itself: from the folder and from git.

use std::path::{Path, PathBuf};

use green_api_webhooks_spec_diff::{SpecDiffError, diff, load_folder, load_revision};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_real_spec_against_itself_has_no_changes() {
    let spec = load_folder(&workspace_root().join("spec")).expect("the spec loads");
    let report = diff(&spec, &spec);
    assert!(report.is_empty(), "{report}");
    assert_eq!(
        report.to_string(),
        "0 changes: 0 breaking, 0 behaviour, 0 compatible, 0 informational\n"
    );
}

#[test]
fn the_spec_at_head_against_itself_has_no_changes() {
    let root = workspace_root();
    if !root.join(".git").exists() {
        eprintln!("skipped: {} is not a git checkout", root.display());
        return;
    }
    let head = load_revision(&root, "HEAD", "spec").expect("the spec at HEAD loads");
    assert!(!head.modules().is_empty(), "HEAD has spec files");
    let report = diff(&head, &head);
    assert!(report.is_empty(), "{report}");
}

#[test]
fn revisions_that_are_not_commits_are_errors() {
    let root = workspace_root();
    let unknown = load_revision(&root, "no-such-revision-anywhere", "spec");
    assert!(matches!(
        unknown,
        Err(SpecDiffError::UnknownRevision(_) | SpecDiffError::GitFailed { .. })
    ));
    let option = load_revision(&root, "--output=/tmp/x", "spec");
    assert!(matches!(option, Err(SpecDiffError::BadRevision(_))));
}
