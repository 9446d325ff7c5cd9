//! The body fixtures in the workspace's `fixtures/` folder: documented example bodies
//! (`payloads/`), bodies built from the spec where the docs show none (`constructed/`), bodies
//! of each product other than WhatsApp's pages (`products/`), and inputs the fuzzer found
//! (`regressions/`). Every test, fuzzer and benchmark reads them here.
//!
//! The functions without a folder argument use the checkout this crate was compiled in, which
//! suits tests and benchmarks; a binary run by `cargo xtask` is given the workspace root instead
//! (a shared target folder may hold a build from another checkout).

use std::path::{Path, PathBuf};

/// The workspace root this crate was compiled in.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `fixtures/` folder.
pub fn dir() -> PathBuf {
    dir_in(&workspace_root())
}

/// The `fixtures/` folder of the workspace at `root`.
pub fn dir_in(root: &Path) -> PathBuf {
    root.join("fixtures")
}

/// The folder where the fuzzer saves failing inputs, replayed by the tests.
pub fn regressions_dir() -> PathBuf {
    regressions_dir_in(&workspace_root())
}

/// [`regressions_dir`] of the workspace at `root`.
pub fn regressions_dir_in(root: &Path) -> PathBuf {
    dir_in(root).join("regressions")
}

/// A documented body by its file name in `fixtures/payloads/`.
///
/// # Panics
/// When the file cannot be read: a test naming a missing fixture is wrong.
pub fn payload(name: &str) -> Vec<u8> {
    read(&dir().join("payloads").join(name))
}

/// A documented body by its file name in `fixtures/payloads/`, as text.
pub fn payload_text(name: &str) -> String {
    let path = dir().join("payloads").join(name);
    String::from_utf8(payload(name))
        .unwrap_or_else(|e| panic!("{} is not UTF-8: {e}", path.display()))
}

/// A fixture by its path below `fixtures/` (`constructed/video-message.json`).
pub fn file(relative: &str) -> Vec<u8> {
    read(&dir().join(relative))
}

/// Every body of `payloads/`, `constructed/` and `products/` (the `*.json` files), by file name,
/// in name order.
pub fn bodies() -> Vec<(String, Vec<u8>)> {
    bodies_in(&workspace_root())
}

/// [`bodies`] of the workspace at `root`.
pub fn bodies_in(root: &Path) -> Vec<(String, Vec<u8>)> {
    let dir = dir_in(root);
    let mut out: Vec<(String, Vec<u8>)> = ["payloads", "constructed", "products"]
        .into_iter()
        .flat_map(|sub| files_in(&dir.join(sub), "json"))
        .map(|path| (file_name(&path), read(&path)))
        .collect();
    out.sort();
    out
}

/// Every saved fuzz finding (`regressions/*.bin`), by file name, in name order.
pub fn regressions() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = files_in(&regressions_dir(), "bin")
        .into_iter()
        .map(|path| (file_name(&path), read(&path)))
        .collect();
    out.sort();
    out
}

/// `body` with the value at a JSON Pointer replaced (or removed, with `None`), for building
/// broken bodies from good ones. The pointer's last segment is a key of an object or an index
/// of an array; its parent must exist. Keys are taken as written (`~0` and `~1` are not
/// unescaped).
///
/// # Panics
/// When the parent is missing or not an object or array, or an array's index is not a number:
/// a test building a body from a wrong pointer is wrong.
pub fn with_value(
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

fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    paths
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_body_folder_has_files() {
        let bodies = super::bodies();
        assert!(
            bodies
                .iter()
                .any(|(name, _)| name.starts_with("incoming-message__"))
        );
        assert!(bodies.iter().any(|(name, _)| name == "video-message.json"));
        assert!(!super::regressions().is_empty());
    }

    #[test]
    fn with_value_replaces_and_removes_keys_and_items() {
        let body = serde_json::json!({"a": {"b": [1, 2, 3]}, "c": true});
        let replaced = super::with_value(body.clone(), "/a/b/1", Some(serde_json::json!("x")));
        assert_eq!(
            replaced,
            serde_json::json!({"a": {"b": [1, "x", 3]}, "c": true})
        );
        let removed = super::with_value(body.clone(), "/a/b/0", None);
        assert_eq!(removed, serde_json::json!({"a": {"b": [2, 3]}, "c": true}));
        let added = super::with_value(body.clone(), "/a/d", Some(serde_json::json!(null)));
        assert_eq!(added["a"]["d"], serde_json::Value::Null);
        assert_eq!(
            super::with_value(body, "/c", None),
            serde_json::json!({"a": {"b": [1, 2, 3]}})
        );
    }
}
