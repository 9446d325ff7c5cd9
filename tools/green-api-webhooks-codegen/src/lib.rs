//! Turns the spec into the source files of the generated crate: one module of declarations per
//! spec file, plus the `Webhook` and `MessageData` enums. `#[derive(Wire)]` (in
//! `green-api-webhooks-macros`) expands the declarations into serde impls and validators.
//!
//! Output is deterministic: files in spec path order, items in spec order.

mod emit;
mod lower;
mod names;

use green_api_webhooks_spec::{Loc, Spec};

pub use names::{camel_case, snake_case};

/// A file to write below the generated crate's `src/generated/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to `src/generated/`, with `/` separators.
    pub path: String,
    pub contents: String,
}

/// A spec that loads but cannot become Rust: clashing names, for instance.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{loc}: {message}")]
pub struct LowerError {
    pub loc: Loc,
    pub message: String,
}

/// The folder, relative to the workspace root, that holds the generated files.
pub const GENERATED_DIR: &str = "crates/green-api-webhooks/src/generated";

/// Every generated file for `spec`, or every reason it cannot be generated.
pub fn generate(spec: &Spec) -> Result<Vec<GeneratedFile>, Vec<LowerError>> {
    let lowered = lower::lower(spec)?;
    Ok(emit::files(&lowered))
}
