//! `cargo xtask fuzz [--seconds N] [--seed S]`: runs the fuzzer binary of
//! `green-api-webhooks-fuzz` in release mode. It is a separate binary so that the xtask, which
//! regenerates the crate, never depends on the generated code compiling.

use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// How long to run.
    #[arg(long, default_value_t = 60)]
    pub seconds: u64,
    /// Where the random sequence starts; the same seed replays the same inputs.
    #[arg(long)]
    pub seed: Option<u64>,
}

pub fn run_fuzz(root: &Path, args: Args) -> Result<ExitCode, String> {
    let mut command = crate::cargo_command();
    command
        .current_dir(root)
        .args([
            "run",
            "--release",
            "-p",
            "green-api-webhooks-fuzz",
            "--bin",
            "fuzz",
            "--",
        ])
        .args(["--seconds", &args.seconds.to_string()])
        .arg("--root")
        .arg(root);
    if let Some(seed) = args.seed {
        command.args(["--seed", &seed.to_string()]);
    }
    let status = command
        .status()
        .map_err(|e| format!("cannot run the fuzzer: {e}"))?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    })
}
