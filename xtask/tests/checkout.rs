//! The xtask works on the checkout it is run in, not the one it was built from. With a shared
//! `CARGO_TARGET_DIR`, a second checkout whose files are older than the last build (a
//! `git archive` copy) reuses the binary built from the first; a path compiled into it would
//! make `cargo xtask codegen --check` in the second checkout check the first.
//!
//! This test makes such a copy of `HEAD`, changes a wire name in its spec and runs the built
//! binary there as `cargo xtask` would (`CARGO_MANIFEST_DIR=<copy>/xtask`, in the copy).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TempDir, text, xtask_in};

/// The spec file changed in the copy, the text replaced and what replaces it.
const SPEC_FILE: &str = "spec/webhooks/state-instance-changed.toml";
const OLD_WIRE: &str = r#"wire = "sleepMode""#;
const NEW_WIRE: &str = r#"wire = "sleepingMode""#;
/// What the change makes stale.
const GENERATED_FILE: &str = "crates/green-api-webhooks/src/generated/state_instance_changed.rs";
const SCHEMA_FILE: &str = "schema/green-api-webhooks.schema.json";
/// A file in the generated folder that the spec does not make: codegen removes it.
const LEFTOVER_FILE: &str = "crates/green-api-webhooks/src/generated/removed_message.rs";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace root")
        .to_path_buf()
}

/// `git archive HEAD` of the workspace, unpacked into a new folder; `None` (with a note) where
/// there is no git checkout or no git.
fn archive_of_head(root: &Path) -> Option<TempDir> {
    let dir = TempDir::new("checkout");
    let archive = dir.path().join("head.tar");
    let made = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", "-o"])
        .arg(&archive)
        .arg("HEAD")
        .output();
    match made {
        Ok(output) if output.status.success() => {}
        Ok(output) => {
            println!(
                "skipped: git archive failed (not a git checkout?): {}",
                String::from_utf8_lossy(&output.stderr)
            );
            return None;
        }
        Err(error) => {
            println!("skipped: git cannot run: {error}");
            return None;
        }
    }
    let unpacked = Command::new("tar")
        .arg("-xf")
        .arg(&archive)
        .arg("-C")
        .arg(dir.path())
        .status()
        .expect("tar runs");
    assert!(unpacked.success(), "tar could not unpack the archive");
    std::fs::remove_file(&archive).expect("remove the archive");
    Some(dir)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn codegen_checks_and_writes_the_checkout_it_runs_in() {
    let root = workspace_root();
    let watched = [SPEC_FILE, GENERATED_FILE, SCHEMA_FILE];
    let before: Vec<Vec<u8>> = watched.iter().map(|f| read(&root.join(f))).collect();
    let Some(copy) = archive_of_head(&root) else {
        return;
    };
    let copy = copy.path();

    // The binary may come from a working tree whose generators differ from HEAD's: settle first.
    let settle = xtask_in(copy, &["codegen"]);
    assert!(settle.status.success(), "{}", text(&settle.stderr));

    let spec_path = copy.join(SPEC_FILE);
    let spec = String::from_utf8(read(&spec_path)).expect("spec files are UTF-8");
    assert_eq!(spec.matches(OLD_WIRE).count(), 1, "{SPEC_FILE} changed");
    std::fs::write(&spec_path, spec.replace(OLD_WIRE, NEW_WIRE)).expect("write the spec");
    std::fs::write(copy.join(LEFTOVER_FILE), "// from an earlier spec\n").expect("a leftover");
    let stale_before: Vec<Vec<u8>> = [GENERATED_FILE, SCHEMA_FILE]
        .iter()
        .map(|f| read(&copy.join(f)))
        .collect();

    let check = xtask_in(copy, &["codegen", "--check"]);
    let stderr = text(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{stderr}");
    for stale in [GENERATED_FILE, SCHEMA_FILE, LEFTOVER_FILE] {
        assert!(
            stderr.contains(&format!("stale: {stale}")),
            "{stale} is not named:\n{stderr}"
        );
    }
    assert!(
        stderr.ends_with("error: 3 generated file(s) are out of date; run `cargo xtask codegen`\n"),
        "{stderr}"
    );
    let stale_after: Vec<Vec<u8>> = [GENERATED_FILE, SCHEMA_FILE]
        .iter()
        .map(|f| read(&copy.join(f)))
        .collect();
    assert!(stale_before == stale_after, "--check changed a file");
    assert!(copy.join(LEFTOVER_FILE).exists(), "--check removed a file");

    let write = xtask_in(copy, &["codegen"]);
    assert!(write.status.success(), "{}", text(&write.stderr));
    assert_eq!(
        text(&write.stdout),
        format!("wrote: {GENERATED_FILE}\nwrote: {SCHEMA_FILE}\nremoved: {LEFTOVER_FILE}\n")
    );
    let generated = String::from_utf8(read(&copy.join(GENERATED_FILE))).expect("UTF-8");
    assert!(generated.contains("sleepingMode"), "{generated}");
    assert!(!copy.join(LEFTOVER_FILE).exists());

    let again = xtask_in(copy, &["codegen", "--check"]);
    assert!(again.status.success(), "{}", text(&again.stderr));

    let after: Vec<Vec<u8>> = watched.iter().map(|f| read(&root.join(f))).collect();
    assert!(
        before == after,
        "the checkout the binary was built from changed"
    );
}
