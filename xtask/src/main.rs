//! `cargo xtask <command>`: the workspace's maintenance commands.

mod bench;
mod codegen;
mod compile_cost;
mod drift;
mod fuzz;
mod import;
mod snapshots;
mod spec_diff;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Maintenance commands for green-api-webhooks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate everything derived from spec/: the Rust declarations and the JSON Schema
    /// (or, with --check, change nothing and name what is stale).
    Codegen {
        /// Change nothing; exit with 1 and name the stale files when anything is out of date.
        #[arg(long)]
        check: bool,
    },
    /// Read documentation pages into the page model (JSON lines or text), or draft a spec entry.
    Import(import::Args),
    /// Compare the spec with a folder of documentation pages and example bodies.
    Drift(drift::Args),
    /// Fuzz parsing for a while; failing inputs are saved as regression fixtures.
    Fuzz(fuzz::Args),
    /// Run the benchmarks and print medians with their ratios to the baseline.
    Bench(bench::Args),
    /// Time compiling the generated crate against the same types with plain serde derives.
    CompileCost(compile_cost::Args),
    /// What the spec changes since a git revision (default HEAD) mean for users of the crate.
    SpecDiff(spec_diff::Args),
    /// Name the snapshot files no test used, from the list a test run wrote to
    /// $INSTA_SNAPSHOT_REFERENCES_FILE (with --check, fail when there are any).
    Snapshots(snapshots::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = match workspace_root() {
        Ok(root) => root,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command {
        Command::Codegen { check } => codegen::run(&root, check),
        Command::Import(args) => import::run(&root, args),
        Command::Drift(args) => drift::run(&root, args),
        Command::Fuzz(args) => fuzz::run_fuzz(&root, args),
        Command::Bench(args) => bench::run(&root, args),
        Command::CompileCost(args) => compile_cost::run(&root, args),
        Command::SpecDiff(args) => spec_diff::run(&root, args),
        Command::Snapshots(args) => snapshots::run(&root, args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root, found when the command runs rather than when it was built: with a
/// shared target folder, the binary may have been built from another checkout, so a path compiled
/// in would point there. `cargo run` (so `cargo xtask`) sets `CARGO_MANIFEST_DIR` to this
/// package's folder; without it, the search starts from the current directory.
fn workspace_root() -> Result<PathBuf, String> {
    let start = match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => std::env::current_dir()
            .map_err(|e| format!("cannot read the current directory: {e}"))?,
    };
    start
        .ancestors()
        .find(|dir| is_workspace_root(dir))
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            format!(
                "no Cargo.toml with [workspace] in {} or above; run `cargo xtask` inside the workspace",
                start.display()
            )
        })
}

/// Whether `dir` holds the workspace manifest: a `Cargo.toml` with a `[workspace]` table.
/// The cargo that runs this command (cargo sets `CARGO`), else the one on `PATH`.
fn cargo_command() -> std::process::Command {
    std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn is_workspace_root(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|manifest| {
        manifest
            .lines()
            .any(|line| line.trim() == "[workspace]" || line.trim().starts_with("[workspace."))
    })
}
