//! Fuzzing on the stable toolchain. Inputs come from three sources: the fixtures mutated byte
//! by byte, the fixtures mutated as JSON (structure-aware), and bodies generated from the spec
//! with unknown fields and variants mixed in. Every input goes through [`check`], which fails
//! on a panic or on any loss of data.

mod check;
mod generate;
mod mutate;
mod rng;

use std::time::Instant;

pub use check::{Failure, check};
pub use generate::{BodyGenerator, tags_first};
pub use mutate::{mutate_bytes, mutate_json};
pub use rng::Rng;

/// When a run stops.
#[derive(Clone, Copy, Debug)]
pub enum Budget {
    /// After this many inputs.
    Executions(u64),
    /// At this instant.
    Until(Instant),
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Inputs checked.
    pub executions: u64,
    /// Inputs that failed, with why; a run stops at the first few.
    pub failures: Vec<(Vec<u8>, Failure)>,
}

/// How many failing inputs a run keeps before it stops.
const MAX_FAILURES: usize = 5;

/// Runs the fuzzer over `corpus` (valid bodies) until the budget is spent.
pub fn run(corpus: &[Vec<u8>], generator: &BodyGenerator, seed: u64, budget: Budget) -> Outcome {
    let mut rng = Rng::new(seed);
    let values: Vec<serde_json::Value> = corpus
        .iter()
        .filter_map(|body| serde_json::from_slice(body).ok())
        .collect();
    let mut outcome = Outcome::default();
    loop {
        let spent = match budget {
            Budget::Executions(n) => outcome.executions >= n,
            // Checking the clock every input would cost more than some inputs do.
            Budget::Until(deadline) => outcome.executions % 64 == 0 && Instant::now() >= deadline,
        };
        if spent || outcome.failures.len() >= MAX_FAILURES {
            return outcome;
        }
        let input = match rng.below(4) {
            0 if !corpus.is_empty() => mutate_bytes(&corpus[rng.below(corpus.len())], &mut rng),
            1 if !values.is_empty() => mutate_json(&values[rng.below(values.len())], &mut rng)
                .to_string()
                .into_bytes(),
            2 => {
                let body = generator.body(&mut rng);
                mutate_json(&body, &mut rng).to_string().into_bytes()
            }
            _ => tags_first(&generator.body(&mut rng)).into_bytes(),
        };
        outcome.executions += 1;
        if let Err(failure) = check(&input) {
            outcome.failures.push((input, failure));
        }
    }
}
