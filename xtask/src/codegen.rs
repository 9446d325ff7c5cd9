//! `cargo xtask codegen [--check]`: spec/ -> crates/green-api-webhooks/src/generated/.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use green_api_webhooks_codegen::{GENERATED_DIR, GeneratedFile, generate};

/// Loads the spec and generates every file, or explains (with `file:line:col`) why it cannot.
pub fn generated_files(root: &Path) -> Result<Vec<GeneratedFile>, String> {
    let spec = green_api_webhooks_spec::load_dir(&root.join("spec")).map_err(|errors| {
        let count = errors.0.len();
        format!("{errors}\nerror: the spec has {count} problem(s); nothing was generated")
    })?;
    generate(&spec).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!(
            "{}\nerror: the spec cannot become Rust ({} problem(s))",
            lines.join("\n"),
            lines.len()
        )
    })
}

pub fn run(root: &Path, check: bool) -> Result<ExitCode, String> {
    let files = generated_files(root)?;
    let dir = root.join(GENERATED_DIR);
    let mut stale = Vec::new();
    for file in &files {
        let path = dir.join(&file.path);
        let current = fs::read_to_string(&path).ok();
        if current.as_deref() != Some(file.contents.as_str()) {
            stale.push(file.path.clone());
            if !check {
                write(&path, &file.contents)?;
            }
        }
    }
    let wanted: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for leftover in existing_files(&dir)?
        .into_iter()
        .filter(|p| !wanted.contains(p.as_str()))
    {
        if !check {
            fs::remove_file(dir.join(&leftover))
                .map_err(|e| format!("cannot remove {leftover}: {e}"))?;
        }
        stale.push(leftover);
    }
    let shown = |path: &String| format!("{GENERATED_DIR}/{path}");
    if stale.is_empty() {
        println!("codegen: {} files up to date", files.len());
        Ok(ExitCode::SUCCESS)
    } else if check {
        for path in &stale {
            eprintln!("stale: {}", shown(path));
        }
        eprintln!(
            "error: {} generated file(s) are out of date; run `cargo xtask codegen`",
            stale.len()
        );
        Ok(ExitCode::FAILURE)
    } else {
        for path in &stale {
            println!("wrote: {}", shown(path));
        }
        Ok(ExitCode::SUCCESS)
    }
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Every file below `dir`, relative to it, with `/` separators.
fn existing_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = fs::read_dir(&current) else {
            continue;
        };
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", current.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}
