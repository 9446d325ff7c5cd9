//! The fuzzer of the test suite, for longer: `cargo xtask fuzz [--seconds N] [--seed S]` runs
//! this binary in release mode. Every failing input is saved to `fixtures/regressions/`
//! so that the tests keep checking it.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use green_api_webhooks_fuzz::{BodyGenerator, Budget, run};

#[derive(clap::Parser)]
#[command(name = "fuzz", about = "Fuzz green-api-webhooks parsing for a while")]
struct Args {
    /// How long to run.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// Where the random sequence starts; the same seed replays the same inputs.
    #[arg(long)]
    seed: Option<u64>,
    /// The workspace whose spec and fixtures to use [default: the one `cargo run` ran this from,
    /// else the current directory]. `cargo xtask fuzz` passes its own.
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = <Args as clap::Parser>::parse();
    // Found at run time, not compiled in: a shared target folder may hold a build from
    // another checkout. `cargo run` sets CARGO_MANIFEST_DIR to this package's folder.
    let root = args.root.clone().unwrap_or_else(|| {
        std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
            || PathBuf::from("."),
            |dir| PathBuf::from(dir).join("../.."),
        )
    });
    match run_fuzz(&root, args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run_fuzz(root: &Path, args: Args) -> Result<ExitCode, String> {
    let spec = green_api_webhooks_spec::load_dir(&root.join("spec")).map_err(|e| e.to_string())?;
    let generator = BodyGenerator::new(&spec);
    let corpus: Vec<Vec<u8>> = green_api_webhooks_fixtures::bodies_in(root)
        .into_iter()
        .map(|(_, body)| body)
        .collect();
    let seed = args.seed.unwrap_or_else(|| {
        // Any varying value does; the seed is printed so a run can be replayed.
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        now.map_or(1, |d| d.as_nanos() as u64)
    });
    println!(
        "fuzz: {} corpus bodies, seed {seed}, {} s",
        corpus.len(),
        args.seconds
    );
    let started = Instant::now();
    let outcome = run(
        &corpus,
        &generator,
        seed,
        Budget::Until(started + Duration::from_secs(args.seconds)),
    );
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "fuzz: {} executions in {elapsed:.1} s ({:.0}/s), {} failures",
        outcome.executions,
        outcome.executions as f64 / elapsed.max(1e-9),
        outcome.failures.len()
    );
    if outcome.failures.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let dir = green_api_webhooks_fixtures::regressions_dir_in(root);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (input, failure) in &outcome.failures {
        let mut hasher = DefaultHasher::new();
        input.hash(&mut hasher);
        let path = dir.join(format!("{:016x}.bin", hasher.finish()));
        std::fs::write(&path, input)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("fuzz: {failure}: saved {}", path.display());
    }
    Ok(ExitCode::FAILURE)
}
