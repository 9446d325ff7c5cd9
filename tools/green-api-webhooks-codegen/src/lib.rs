//! Turns the spec into the source files of the generated crate: one module of declarations per
//! spec file, plus the `Webhook` and `MessageData` enums. `#[derive(Wire)]` (in
//! `green-api-webhooks-macros`) expands the declarations into serde impls and validators.
//!
//! Every name and type comes from `green-api-webhooks-rust-model`. Output is deterministic:
//! files in spec path order, items in spec order.

mod emit;
mod roles;
mod rules;

use green_api_webhooks_rust_model::NamingError;
use green_api_webhooks_spec::Spec;

/// A file to write below the generated crate's `src/generated/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to `src/generated/`, with `/` separators.
    pub path: String,
    pub contents: String,
}

/// The folder, relative to the workspace root, that holds the generated files.
pub const GENERATED_DIR: &str = "crates/green-api-webhooks/src/generated";

/// Every generated file for `spec`, or every reason it cannot be generated.
pub fn generate(spec: &Spec) -> Result<Vec<GeneratedFile>, Vec<NamingError>> {
    let errors = green_api_webhooks_rust_model::check(spec);
    if errors.is_empty() {
        Ok(emit::files(spec))
    } else {
        Err(errors)
    }
}
