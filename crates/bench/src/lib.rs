//! The baseline the generated code is measured against: the model a developer would write by
//! hand for the two documented interactive-buttons bodies, with owned strings, `messageData`
//! as an internally tagged enum, and `serde_json::from_slice`.

pub mod baseline;

use std::path::{Path, PathBuf};

/// The workspace's fixture folder.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// A documented body by file name, as bytes.
pub fn payload(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join("payloads").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every fixture body, compacted to one line each, joined as NDJSON.
pub fn ndjson_of_all_fixtures() -> Vec<u8> {
    let mut out = Vec::new();
    for sub in ["payloads", "constructed"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir().join(sub))
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
        paths.sort();
        for path in paths {
            let text = std::fs::read(&path).unwrap_or_default();
            if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&text) {
                out.extend_from_slice(value.to_string().as_bytes());
                out.push(b'\n');
            }
        }
    }
    out
}
