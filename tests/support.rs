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
pub fn with(
    mut body: serde_json::Value,
    pointer: &str,
    value: Option<serde_json::Value>,
) -> serde_json::Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    let target = body
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in the body"));
    match (target, value) {
        (serde_json::Value::Object(map), Some(value)) => {
            map.insert(key.to_string(), value);
        }
        (serde_json::Value::Object(map), None) => {
            map.remove(key);
        }
        (serde_json::Value::Array(items), Some(value)) => {
            let index: usize = key
                .parse()
                .unwrap_or_else(|_| panic!("{key} is not an index"));
            items[index] = value;
        }
        (serde_json::Value::Array(items), None) => {
            let index: usize = key
                .parse()
                .unwrap_or_else(|_| panic!("{key} is not an index"));
            items.remove(index);
        }
        _ => panic!("{parent} is not an object or array"),
    }
    body
}

/// The loaded spec.
pub fn spec() -> green_api_webhooks_spec::Spec {
    green_api_webhooks_spec::load_dir(&root().join("spec")).unwrap_or_else(|e| panic!("{e}"))
}

/// Every fixture body (documented and constructed), by file name, in name order.
pub fn fixtures() -> Vec<(String, Vec<u8>)> {
    green_api_webhooks_fixtures::bodies()
}
