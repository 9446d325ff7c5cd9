//! `cargo xtask codegen [--check]`: everything derived from `spec/`, through one routine
//! ([`ensure`]): the Rust declarations in `crates/green-api-webhooks/src/generated/` and the
//! JSON Schema in `schema/`. Each file is compared with the disk and rewritten when it differs;
//! files left in a folder codegen owns are removed. With `--check` nothing changes: every stale
//! file is named, with the command that brings it up to date.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use green_api_webhooks_codegen::GENERATED_DIR;
use green_api_webhooks_schema::SCHEMA_PATH;
use green_api_webhooks_spec::Spec;

/// The command that brings every file of [`outputs`] up to date.
const COMMAND: &str = "cargo xtask codegen";

/// One generated file, by its path from the workspace root (`/` separators).
struct Output {
    path: String,
    contents: String,
}

/// Everything codegen writes.
struct Outputs {
    files: Vec<Output>,
    /// Folders (from the workspace root) that hold generated files only: any other file in them
    /// is left over from an earlier spec.
    owned_dirs: Vec<&'static str>,
}

/// Why a file is stale.
enum Stale {
    /// It is missing or its contents differ.
    Differs(String),
    /// It is in an owned folder but no longer generated.
    LeftOver(String),
}

pub fn run(root: &Path, check: bool) -> Result<ExitCode, String> {
    let outputs = outputs(root)?;
    let stale = ensure(root, &outputs, check)?;
    if stale.is_empty() {
        println!("codegen: {} files up to date", outputs.files.len());
        return Ok(ExitCode::SUCCESS);
    }
    for item in &stale {
        match (item, check) {
            (Stale::Differs(path), true) => eprintln!("stale: {path}"),
            (Stale::LeftOver(path), true) => eprintln!("stale: {path} (no longer generated)"),
            (Stale::Differs(path), false) => println!("wrote: {path}"),
            (Stale::LeftOver(path), false) => println!("removed: {path}"),
        }
    }
    if check {
        eprintln!(
            "error: {} generated file(s) are out of date; run `{COMMAND}`",
            stale.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads the spec once and renders every output, or explains (with `file:line:col`) why not.
/// Nothing is written unless everything renders.
fn outputs(root: &Path) -> Result<Outputs, String> {
    let spec = load_spec(root)?;
    let rust = green_api_webhooks_codegen::generate(&spec)
        .map_err(|errors| listed(&errors, "the spec cannot become Rust"))?;
    let schema = green_api_webhooks_schema::generate(&spec)
        .map_err(|errors| listed(&errors, "the spec cannot become a JSON Schema"))?;
    let mut files: Vec<Output> = rust
        .into_iter()
        .map(|file| Output {
            path: format!("{GENERATED_DIR}/{}", file.path),
            contents: file.contents,
        })
        .collect();
    files.push(Output {
        path: SCHEMA_PATH.to_owned(),
        contents: schema,
    });
    Ok(Outputs {
        files,
        owned_dirs: vec![GENERATED_DIR],
    })
}

fn load_spec(root: &Path) -> Result<Spec, String> {
    green_api_webhooks_spec::load_dir(&root.join("spec")).map_err(|errors| {
        let count = errors.0.len();
        format!("{errors}\nerror: the spec has {count} problem(s); nothing was generated")
    })
}

fn listed<E: ToString>(errors: &[E], what: &str) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!(
        "{}\nerror: {what} ({} problem(s)); nothing was generated",
        lines.join("\n"),
        lines.len()
    )
}

/// Makes the disk match `outputs` (or, with `check`, only says where it does not): the
/// one routine every generated file goes through.
fn ensure(root: &Path, outputs: &Outputs, check: bool) -> Result<Vec<Stale>, String> {
    let mut stale = Vec::new();
    for file in &outputs.files {
        let path = root.join(&file.path);
        if fs::read(&path).ok().as_deref() == Some(file.contents.as_bytes()) {
            continue;
        }
        if !check {
            write(&path, &file.contents)?;
        }
        stale.push(Stale::Differs(file.path.clone()));
    }
    let wanted: BTreeSet<&str> = outputs.files.iter().map(|f| f.path.as_str()).collect();
    for dir in &outputs.owned_dirs {
        for leftover in files_below(root, dir)? {
            if wanted.contains(leftover.as_str()) {
                continue;
            }
            if !check {
                fs::remove_file(root.join(&leftover))
                    .map_err(|e| format!("cannot remove {leftover}: {e}"))?;
            }
            stale.push(Stale::LeftOver(leftover));
        }
    }
    Ok(stale)
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Every file below `root/dir`, as a path from `root` with `/` separators, sorted.
fn files_below(root: &Path, dir: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut pending = vec![root.join(dir)];
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
            } else if let Ok(relative) = path.strip_prefix(root) {
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}
