//! The minimum supported Rust version (`rust-version` in the workspace manifest) holds for the
//! published crates: no dependency they build with asks for a newer Rust. Together with clippy's
//! `incompatible_msrv` lint (which flags standard-library APIs newer than `rust-version`, and
//! which CI runs with `-D warnings`), this checks the MSRV with the one toolchain we have.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

const PUBLISHED: &[&str] = &[
    "green-api-webhooks",
    "green-api-webhooks-macros",
    "green-api-webhooks-axum",
    "greenhook",
];

fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

#[test]
fn dependencies_of_published_crates_build_with_the_msrv() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .current_dir(green_api_webhooks_tests::root())
        .args(["metadata", "--format-version", "1", "--locked"])
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");

    let packages: BTreeMap<&str, &Value> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().unwrap_or(""), p))
        .collect();
    let msrv = PUBLISHED
        .iter()
        .filter_map(|name| packages.values().find(|p| p["name"] == *name))
        .map(|p| {
            p["rust_version"]
                .as_str()
                .expect("published crates state rust-version")
        })
        .collect::<BTreeSet<_>>();
    assert_eq!(
        msrv.len(),
        1,
        "published crates disagree on rust-version: {msrv:?}"
    );
    let msrv = version(msrv.into_iter().next().unwrap_or_default());

    let nodes: BTreeMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .expect("resolve nodes")
        .iter()
        .map(|n| (n["id"].as_str().unwrap_or(""), n))
        .collect();
    let mut pending: Vec<&str> = packages
        .iter()
        .filter(|(_, p)| PUBLISHED.contains(&p["name"].as_str().unwrap_or("")))
        .map(|(id, _)| *id)
        .collect();
    let mut seen = BTreeSet::new();
    let mut too_new = Vec::new();
    while let Some(id) = pending.pop() {
        if !seen.insert(id) {
            continue;
        }
        let package = packages[id];
        if let Some(needed) = package["rust_version"].as_str()
            && version(needed) > msrv
        {
            too_new.push(format!(
                "{} {} needs Rust {needed}",
                package["name"], package["version"]
            ));
        }
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            // Only what a user's build compiles: normal and build dependencies, not dev ones.
            let used = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"] != "dev");
            if used {
                pending.push(dep["pkg"].as_str().unwrap_or(""));
            }
        }
    }
    assert!(seen.len() > 20, "walked only {} packages", seen.len());
    assert!(
        too_new.is_empty(),
        "dependencies newer than the MSRV:\n{}",
        too_new.join("\n")
    );
}
