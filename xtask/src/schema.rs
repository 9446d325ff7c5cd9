//! `cargo xtask schema [--check]`: spec/ -> schema/green-api-webhooks.schema.json.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use green_api_webhooks_schema::{SCHEMA_PATH, generate};

/// Options of `cargo xtask schema`.
#[derive(clap::Args)]
pub struct Args {
    /// Change nothing; exit with 1 and name the file when the schema is out of date.
    #[arg(long)]
    check: bool,
}

/// Loads the spec and writes the schema, or explains (with `file:line:col`) why it cannot.
pub fn schema_text(root: &Path) -> Result<String, String> {
    let spec = green_api_webhooks_spec::load_dir(&root.join("spec")).map_err(|errors| {
        let count = errors.0.len();
        format!("{errors}\nerror: the spec has {count} problem(s); no schema was written")
    })?;
    generate(&spec).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!(
            "{}\nerror: the spec cannot become a schema ({} problem(s))",
            lines.join("\n"),
            lines.len()
        )
    })
}

pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    let text = schema_text(root)?;
    let path = root.join(SCHEMA_PATH);
    if fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
        println!("schema: {SCHEMA_PATH} up to date");
        return Ok(ExitCode::SUCCESS);
    }
    if args.check {
        eprintln!("stale: {SCHEMA_PATH}");
        eprintln!("error: the schema is out of date; run `cargo xtask schema`");
        return Ok(ExitCode::FAILURE);
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote: {SCHEMA_PATH}");
    Ok(ExitCode::SUCCESS)
}
