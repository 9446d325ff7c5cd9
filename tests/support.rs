//! Helpers shared by the workspace tests.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

/// A fixture's contents, by its file name in `fixtures/payloads/`.
pub fn payload(name: &str) -> String {
    green_api_webhooks_fixtures::payload_text(name)
}

/// Replaces the value at a JSON Pointer (or removes it with `None`), for building broken bodies.
pub use green_api_webhooks_fixtures::with_value as with;

/// The loaded spec.
pub fn spec() -> green_api_webhooks_spec::Spec {
    green_api_webhooks_spec::load_dir(&root().join("spec")).unwrap_or_else(|e| panic!("{e}"))
}

/// Every fixture body (documented and constructed), by file name, in name order.
pub fn fixtures() -> Vec<(String, Vec<u8>)> {
    green_api_webhooks_fixtures::bodies()
}
