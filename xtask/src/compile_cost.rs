//! `cargo xtask compile-cost`: how long `green-api-webhooks` takes to compile, against the same
//! types declared with plain serde derives, debug and release, clean (after dependencies) and
//! incremental (after touching the crate root). The comparison crate is written under
//! `target/compile-cost/` by rewriting the generated declarations: `#[derive(Wire)]` becomes
//! `#[derive(Serialize, Deserialize)]` with the equivalent serde attributes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// Builds timed per measurement; the median is printed, since one build on a shared
    /// machine can be off by a third.
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

const COMPARISON: &str = "serde-derives-comparison";

pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    let spec = green_api_webhooks_spec::load_dir(&root.join("spec")).map_err(|e| e.to_string())?;
    let variants = spec.webhooks().count() + spec.messages().count();
    let comparison = write_comparison_crate(root)?;
    println!("variants (typeWebhook + typeMessage): {variants}");
    println!(
        "{:<9} {:<12} {:>18} {:>18} {:>10}",
        "profile", "build", "green-api-webhooks", "serde derives", "ratio"
    );
    for release in [false, true] {
        let profile = if release { "release" } else { "debug" };
        let ours = Crate {
            manifest_dir: root.to_path_buf(),
            package: "green-api-webhooks",
            root_file: root.join("crates/green-api-webhooks/src/lib.rs"),
            target: None,
        };
        let theirs = Crate {
            manifest_dir: comparison.clone(),
            package: COMPARISON,
            root_file: comparison.join("src/lib.rs"),
            target: Some(root.join("target/compile-cost/target")),
        };
        for (kind, clean) in [("clean", true), ("incremental", false)] {
            let a = median(args.runs, || ours.time(release, clean))?;
            let b = median(args.runs, || theirs.time(release, clean))?;
            println!(
                "{profile:<9} {kind:<12} {:>18} {:>18} {:>9.2}x",
                format!(
                    "{:.2} s ({:.0} ms/variant)",
                    a.as_secs_f64(),
                    a.as_secs_f64() * 1e3 / variants as f64
                ),
                format!(
                    "{:.2} s ({:.0} ms/variant)",
                    b.as_secs_f64(),
                    b.as_secs_f64() * 1e3 / variants as f64
                ),
                a.as_secs_f64() / b.as_secs_f64()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn median(
    runs: usize,
    mut time: impl FnMut() -> Result<Duration, String>,
) -> Result<Duration, String> {
    let mut times = (0..runs.max(1))
        .map(|_| time())
        .collect::<Result<Vec<_>, _>>()?;
    times.sort();
    Ok(times[times.len() / 2])
}

struct Crate {
    manifest_dir: PathBuf,
    package: &'static str,
    root_file: PathBuf,
    target: Option<PathBuf>,
}

impl Crate {
    fn cargo(&self, args: &[&str], release: bool) -> Result<(), String> {
        let mut command = crate::cargo_command();
        command
            .current_dir(&self.manifest_dir)
            .args(args)
            .args(["-p", self.package, "--quiet"]);
        if release {
            command.arg("--release");
        }
        if let Some(target) = &self.target {
            command.env("CARGO_TARGET_DIR", target);
        }
        let status = command
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("cargo {args:?} -p {} failed", self.package))
        }
    }

    /// Builds the dependencies first, then times the crate alone.
    fn time(&self, release: bool, clean: bool) -> Result<Duration, String> {
        self.cargo(&["build"], release)?;
        if clean {
            // `cargo clean -p` removes only the package's own artefacts: its dependencies stay
            // built, so the timed build below is the crate alone.
            self.cargo(&["clean"], release)?;
        } else {
            let text = fs::read_to_string(&self.root_file).map_err(|e| e.to_string())?;
            fs::write(&self.root_file, text).map_err(|e| e.to_string())?;
        }
        let started = Instant::now();
        self.cargo(&["build"], release)?;
        Ok(started.elapsed())
    }
}

/// Writes the comparison crate and returns its folder.
fn write_comparison_crate(root: &Path) -> Result<PathBuf, String> {
    let dir = root.join("target/compile-cost").join(COMPARISON);
    let generated = dir.join("src/generated");
    fs::create_dir_all(&generated).map_err(|e| e.to_string())?;
    let manifest = format!(
        "[package]\nname = \"{COMPARISON}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n[workspace]\n"
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    write_if_changed(&dir.join("src/lib.rs"), COMPARISON_LIB)?;
    let source = root.join("crates/green-api-webhooks/src/generated");
    for entry in fs::read_dir(&source).map_err(|e| e.to_string())?.flatten() {
        if entry.file_name() == NOT_COMPARED {
            continue;
        }
        let text = fs::read_to_string(entry.path()).map_err(|e| e.to_string())?;
        write_if_changed(&generated.join(entry.file_name()), &to_serde_derives(&text))?;
    }
    Ok(dir)
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// The spec's rules, which plain serde derives have no counterpart of (as the checked views,
/// which the derive writes, are left out too).
const NOT_COMPARED: &str = "rules.rs";

const COMPARISON_LIB: &str = "#![allow(dead_code)]\nmod generated;\npub use generated::*;\n\
pub type Extra = serde_json::Map<String, serde_json::Value>;\n\
pub type UnknownObject = serde_json::Map<String, serde_json::Value>;\n\
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]\n\
#[serde(untagged)]\npub enum StringOrInteger { String(String), Integer(i64) }\n\
/// A variant's value under several tag spellings; serde derives keep only the value.\n\
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]\n\
#[serde(transparent)]\npub struct Spelled<T> { value: T }\n\
impl<T> Spelled<T> { pub fn spelling(&self) -> &'static str { \"\" } }\n\
impl<T> std::ops::Deref for Spelled<T> { type Target = T; fn deref(&self) -> &T { &self.value } }\n\
/// The traits the generated code implements: which variants carry a `messageData`, and the\n\
/// role accessors, with the real crate's signatures.\n\
pub mod __private {\n\
    use std::borrow::Cow;\n\
    use crate::*;\n\
    pub trait MessageCarrier { fn message_data(&self) -> Option<&MessageData>; }\n\
    pub trait MessageRoles {\n\
        fn text(&self) -> Option<&str>; fn caption(&self) -> Option<&str>;\n\
        fn file(&self) -> Option<&FileMessageData>; fn quoted(&self) -> Option<&Quote>;\n\
        fn choice_id(&self) -> Option<Cow<'_, str>>; fn choice_text(&self) -> Option<&str>;\n\
    }\n\
    pub trait WebhookRoles {\n\
        fn instance(&self) -> Option<&InstanceData>; fn timestamp(&self) -> Option<i64>;\n\
        fn id_message(&self) -> Option<&str>; fn sender(&self) -> Option<&SenderData>;\n\
        fn chat_id(&self) -> Option<&str>; fn state(&self) -> Option<&InstanceState>;\n\
        fn instance_status(&self) -> Option<&InstanceStatus>;\n\
        fn message_status(&self) -> Option<&MessageStatus>;\n\
    }\n\
    pub trait Identifier { fn identifier(&self) -> Cow<'_, str>; }\n\
    pub enum ChatIdScheme { WhatsApp, Numeric, Unchecked }\n\
    impl Identifier for String { fn identifier(&self) -> Cow<'_, str> { Cow::Borrowed(self) } }\n\
    impl Identifier for StringOrInteger {\n\
        fn identifier(&self) -> Cow<'_, str> {\n\
            match self { StringOrInteger::String(s) => Cow::Borrowed(s), StringOrInteger::Integer(n) => Cow::Owned(n.to_string()) }\n\
        }\n\
    }\n\
}\n\
/// Parsing and writing instantiate the impls, as `Webhook::from_slice` does in the real crate.\n\
pub fn parse(body: &[u8]) -> serde_json::Result<Webhook> { serde_json::from_slice(body) }\n\
pub fn write(webhook: &Webhook) -> serde_json::Result<Vec<u8>> { serde_json::to_vec(webhook) }\n";

/// The generated declarations with serde derives and attributes in place of `Wire`'s.
fn to_serde_derives(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map_or("", |l| l.trim_start());
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let replaced = if trimmed == "#[wire(rules)]" || trimmed == "mod rules;" {
            // The rules are not compared (`NOT_COMPARED`).
            continue;
        } else if trimmed == "use green_api_webhooks_macros::Wire;" {
            "use serde::{Deserialize, Serialize};".to_owned()
        } else if let Some((module, names)) = trimmed
            .strip_prefix("pub use ")
            .and_then(|rest| rest.strip_suffix("};"))
            .and_then(|rest| rest.split_once("::{"))
        {
            // The checked views (`WebhookView`, ...) are written by the derive, which the
            // comparison does not have.
            let kept: Vec<&str> = names
                .split(',')
                .map(str::trim)
                .filter(|name| !name.ends_with("View"))
                .collect();
            format!("{indent}pub use {module}::{{{}}};", kept.join(", "))
        } else if trimmed.starts_with("#[derive(") {
            line.replace("Wire)]", "Serialize, Deserialize)]")
        } else if let Some(rest) = trimmed.strip_prefix("#[wire(rename = ") {
            let name = rest.split('"').nth(1).unwrap_or_default();
            if next.starts_with("pub ") {
                format!(
                    "{indent}#[serde(rename = \"{name}\", default, skip_serializing_if = \"Option::is_none\")]"
                )
            } else {
                format!("{indent}#[serde(rename = \"{name}\")]")
            }
        } else if trimmed == "#[wire(extra)]" {
            format!("{indent}#[serde(flatten)]")
        } else if trimmed == "#[wire(unknown)]" || trimmed == "#[wire(other)]" {
            format!("{indent}#[serde(untagged)]")
        } else if let Some(rest) = trimmed.strip_prefix("#[wire(tag = ") {
            format!("{indent}#[serde(tag = {rest}")
        } else {
            (*line).to_owned()
        };
        out.push_str(&replaced);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every generated file, rewritten, keeps nothing of `Wire` and names nothing the comparison
    /// crate lacks, so the comparison builds whatever the spec holds.
    #[test]
    fn the_comparison_keeps_nothing_of_wire() {
        let root = crate::workspace_root().expect("tests run inside the workspace");
        let source = root.join("crates/green-api-webhooks/src/generated");
        let mut read = 0;
        for entry in fs::read_dir(&source)
            .expect("the generated folder exists")
            .flatten()
        {
            if entry.file_name() == NOT_COMPARED {
                continue;
            }
            let text = fs::read_to_string(entry.path()).expect("generated files are text");
            let rewritten = to_serde_derives(&text);
            let name = entry.file_name();
            for left in [
                "#[wire(",
                "Wire",
                "mod rules;",
                "crate::Format",
                "crate::Severity",
            ] {
                assert!(!rewritten.contains(left), "{name:?} keeps `{left}`");
            }
            read += 1;
        }
        assert!(read > 20, "only {read} generated files");
    }
}
