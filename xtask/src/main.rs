//! `cargo xtask <command>`: the workspace's maintenance commands.

mod bench;
mod codegen;
mod compile_cost;
mod drift;
mod fuzz;
mod import;
mod schema;
mod spec_diff;

use std::path::PathBuf;
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
    /// Regenerate everything derived from spec/ (or, with --check, only say what is stale).
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
    /// Write the JSON Schema of every webhook body (or, with --check, only say if it is stale).
    Schema(schema::Args),
    /// What the spec changes since a git revision (default HEAD) mean for users of the crate.
    SpecDiff(spec_diff::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = workspace_root();
    let result = match cli.command {
        Command::Codegen { check } => codegen::run(&root, check),
        Command::Import(args) => import::run(&root, args),
        Command::Drift(args) => drift::run(&root, args),
        Command::Fuzz(args) => fuzz::run_fuzz(&root, args),
        Command::Bench(args) => bench::run(&root, args),
        Command::CompileCost(args) => compile_cost::run(&root, args),
        Command::Schema(args) => schema::run(&root, args),
        Command::SpecDiff(args) => spec_diff::run(&root, args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this package's folder.
fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map_or(manifest_dir.clone(), PathBuf::from)
}
