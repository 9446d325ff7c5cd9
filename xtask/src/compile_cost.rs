//! `cargo xtask compile-cost`: how long `green-api-webhooks` takes to compile, against the same
//! types declared with plain serde derives, debug and release, clean (after dependencies) and
//! incremental (after touching the crate root). The comparison crate is written under
//! `target/compile-cost/` by rewriting the generated declarations: `#[derive(Wire)]` becomes
//! `#[derive(Serialize, Deserialize)]` with the equivalent serde attributes.
//!
//! Wall time on a shared machine moves by a fifth between runs of the same tree, so
//! `--instructions` counts instead the instructions the compiler executes for the crate, under
//! valgrind's callgrind: the same tree gives the same count to within a few parts in ten
//! thousand, so one build per measurement is enough and small changes show.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Builds timed per measurement; the median is printed, since one build on a shared
    /// machine can be off by a third.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Count the compiler's instructions (callgrind) instead of timing, one build each. Under
    /// callgrind a debug build of the crate takes a few minutes and an optimised one much
    /// longer: `--only debug` keeps to the debug builds.
    #[arg(long)]
    instructions: bool,
    /// Measure one profile only.
    #[arg(long, value_parser = ["debug", "release"])]
    only: Option<String>,
}

/// What a measurement counts: seconds of wall time, or instructions.
#[derive(Clone, Copy)]
enum Unit {
    Seconds,
    Instructions,
}

impl Unit {
    fn show(self, value: f64, variants: usize) -> String {
        match self {
            Unit::Seconds => format!(
                "{value:.2} s ({:.0} ms/variant)",
                value * 1e3 / variants as f64
            ),
            Unit::Instructions => format!("{:.3} G instructions", value / 1e9),
        }
    }
}

const COMPARISON: &str = "serde-derives-comparison";

pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    let spec = green_api_webhooks_spec::load_dir(&root.join("spec")).map_err(|e| e.to_string())?;
    let variants = spec.webhooks().count() + spec.messages().count();
    let comparison = write_comparison_crate(root)?;
    let counter = if args.instructions {
        Some(Counter::new(root)?)
    } else {
        None
    };
    // A count does not vary between builds of the same tree: one build is its median.
    let (unit, runs) = match counter {
        Some(_) => (Unit::Instructions, 1),
        None => (Unit::Seconds, args.runs.max(1)),
    };
    println!("variants (typeWebhook + typeMessage): {variants}");
    println!(
        "{:<9} {:<12} {:>24} {:>24} {:>10}",
        "profile", "build", "green-api-webhooks", "serde derives", "ratio"
    );
    let ours = Crate {
        manifest_dir: root.to_path_buf(),
        package: "green-api-webhooks",
        crate_name: "green_api_webhooks",
        root_file: root.join("crates/green-api-webhooks/src/lib.rs"),
        target: None,
    };
    let theirs = Crate {
        manifest_dir: comparison.clone(),
        package: COMPARISON,
        crate_name: "serde_derives_comparison",
        root_file: comparison.join("src/lib.rs"),
        target: Some(root.join("target/compile-cost/target")),
    };
    for release in [false, true] {
        let profile = if release { "release" } else { "debug" };
        if args.only.as_deref().is_some_and(|only| only != profile) {
            continue;
        }
        for (kind, clean) in [("clean", true), ("incremental", false)] {
            // Ours and theirs in turn, so that a slow spell of the machine falls on both.
            let mut pairs = Vec::new();
            for _ in 0..runs {
                let a = ours.measure(release, clean, counter.as_ref())?;
                let b = theirs.measure(release, clean, counter.as_ref())?;
                pairs.push((a, b));
            }
            let a = median(pairs.iter().map(|p| p.0).collect());
            let b = median(pairs.iter().map(|p| p.1).collect());
            println!(
                "{profile:<9} {kind:<12} {:>24} {:>24} {:>9.2}x",
                unit.show(a, variants),
                unit.show(b, variants),
                a / b
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The median of `values`, which holds one value per run, and there is at least one run.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Counts the instructions rustc executes for one crate: a `RUSTC_WRAPPER` script runs rustc
/// under callgrind when it compiles that crate, and runs it plainly for every other.
struct Counter {
    wrapper: PathBuf,
    out_dir: PathBuf,
}

const WRAPPER: &str = r#"#!/bin/sh
# RUSTC_WRAPPER of `cargo xtask compile-cost --instructions`: rustc under callgrind for the
# crate named in COMPILE_COST_CRATE, plainly for every other crate.
rustc="$1"; shift
previous=""
for arg in "$@"; do
    if [ "$previous" = "--crate-name" ] && [ "$arg" = "$COMPILE_COST_CRATE" ]; then
        exec valgrind --tool=callgrind --callgrind-out-file="$COMPILE_COST_OUT/callgrind.%p" \
            --log-file="$COMPILE_COST_OUT/valgrind.%p.log" "$rustc" "$@"
    fi
    previous="$arg"
done
exec "$rustc" "$@"
"#;

impl Counter {
    fn new(root: &Path) -> Result<Counter, String> {
        crate::bench::ensure_tool("valgrind", "valgrind")?;
        let dir = root.join("target/compile-cost");
        let wrapper = dir.join("count-instructions.sh");
        write_if_changed(&wrapper, WRAPPER)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755))
                .map_err(|e| format!("cannot make {} executable: {e}", wrapper.display()))?;
        }
        Ok(Counter {
            wrapper,
            out_dir: dir.join("callgrind"),
        })
    }

    /// Empties the output folder before a build.
    fn reset(&self) -> Result<(), String> {
        let _ = fs::remove_dir_all(&self.out_dir);
        fs::create_dir_all(&self.out_dir).map_err(|e| e.to_string())
    }

    /// The instructions callgrind counted in the build since [`Counter::reset`], over every
    /// rustc process it ran (one per build of the crate).
    fn total(&self) -> Result<f64, String> {
        let mut total = 0u64;
        let mut files = 0;
        for entry in fs::read_dir(&self.out_dir)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            let name = entry.file_name();
            if !name.to_string_lossy().starts_with("callgrind.") {
                continue;
            }
            let text = fs::read_to_string(entry.path()).map_err(|e| e.to_string())?;
            let count = text
                .lines()
                .find_map(|line| {
                    line.strip_prefix("summary: ")
                        .or(line.strip_prefix("totals: "))
                })
                .and_then(|n| n.trim().parse::<u64>().ok())
                .ok_or_else(|| format!("no instruction count in {}", entry.path().display()))?;
            total += count;
            files += 1;
        }
        if files == 0 {
            return Err("callgrind wrote no profile: was the crate compiled at all?".to_owned());
        }
        Ok(total as f64)
    }
}

struct Crate {
    manifest_dir: PathBuf,
    package: &'static str,
    /// The name rustc is given, by which the counter recognises the crate's compilation.
    crate_name: &'static str,
    root_file: PathBuf,
    target: Option<PathBuf>,
}

impl Crate {
    fn cargo(&self, args: &[&str], release: bool, counter: Option<&Counter>) -> Result<(), String> {
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
        if let Some(counter) = counter {
            command
                .env("RUSTC_WRAPPER", &counter.wrapper)
                .env("COMPILE_COST_CRATE", self.crate_name)
                .env("COMPILE_COST_OUT", &counter.out_dir);
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

    /// Builds the dependencies first, then measures the crate alone: seconds of wall time, or
    /// with a counter the instructions of its compilation.
    fn measure(
        &self,
        release: bool,
        clean: bool,
        counter: Option<&Counter>,
    ) -> Result<f64, String> {
        // The same environment as the measured build, so that nothing else is rebuilt in it.
        self.cargo(&["build"], release, counter)?;
        if clean {
            // `cargo clean -p` removes only the package's own artefacts: its dependencies stay
            // built, so the measured build below is the crate alone.
            self.cargo(&["clean"], release, None)?;
        } else {
            let text = fs::read_to_string(&self.root_file).map_err(|e| e.to_string())?;
            fs::write(&self.root_file, text).map_err(|e| e.to_string())?;
        }
        if let Some(counter) = counter {
            counter.reset()?;
        }
        let started = Instant::now();
        self.cargo(&["build"], release, counter)?;
        let elapsed = started.elapsed().as_secs_f64();
        match counter {
            Some(counter) => counter.total(),
            None => Ok(elapsed),
        }
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
