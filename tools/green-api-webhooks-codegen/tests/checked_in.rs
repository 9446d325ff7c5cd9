//! The checked-in generated files are what `spec/` generates today, and nothing else: the same
//! check as `cargo xtask codegen --check`, as part of the test run. A spec change shows in review
//! as the diff of those files.

use std::collections::BTreeSet;
use std::path::Path;

use green_api_webhooks_codegen::{GENERATED_DIR, generate};

#[test]
fn generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let spec =
        green_api_webhooks_spec::load_dir(&root.join("spec")).unwrap_or_else(|e| panic!("{e}"));
    let files = generate(&spec).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"))
    });
    let dir = root.join(GENERATED_DIR);
    let stale: Vec<&str> = files
        .iter()
        .filter(|file| {
            std::fs::read_to_string(dir.join(&file.path))
                .ok()
                .as_deref()
                != Some(file.contents.as_str())
        })
        .map(|file| file.path.as_str())
        .collect();
    let wanted: BTreeSet<&str> = files.iter().map(|file| file.path.as_str()).collect();
    let leftovers: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !wanted.contains(name.as_str()))
        .collect();
    assert!(
        stale.is_empty() && leftovers.is_empty(),
        "stale: {stale:?}, not generated: {leftovers:?}; run `cargo xtask codegen`"
    );
}
