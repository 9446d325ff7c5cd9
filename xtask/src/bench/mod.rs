//! `cargo xtask bench`: runs the benchmarks (`tools/green-api-webhooks-bench/benches/parse.rs`, divan) and prints
//! one table with each median and its ratio to the baseline measured in the same run; then the
//! receiver under load against a bare axum route (`load`), and greenhook's peak memory on a
//! large body (`memory`).

mod load;
mod memory;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

#[derive(clap::Args)]
pub struct Args {
    /// Only benchmarks whose name contains one of these (as divan filters them).
    pub filters: Vec<String>,
    /// Run only this part [default: all three].
    #[arg(long, value_enum)]
    pub only: Option<Part>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// Parsing, validating and serializing bodies (divan).
    Parse,
    /// The receiver under wrk against a bare axum route.
    Load,
    /// greenhook's peak memory on 4 MiB bodies.
    Memory,
}

/// One measured benchmark.
#[derive(Debug, Clone, PartialEq)]
struct Measurement {
    group: String,
    name: String,
    median_ns: f64,
}

pub fn run(root: &Path, args: Args) -> Result<ExitCode, String> {
    let runs = |part: Part| args.only.is_none_or(|only| only == part);
    println!("{}", machine());
    if runs(Part::Parse) {
        print!("{}", parse_table(root, &args.filters)?);
    }
    if runs(Part::Load) {
        println!();
        print!("{}", load::run(root)?);
    }
    if runs(Part::Memory) {
        println!();
        print!("{}", memory::run(root)?);
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_table(root: &Path, filters: &[String]) -> Result<String, String> {
    let output = crate::cargo_command()
        .current_dir(root)
        .args([
            "bench",
            "-p",
            "green-api-webhooks-bench",
            "--bench",
            "parse",
            "--",
        ])
        .args(filters)
        // The release build takes a while: let its progress show. Only the table is parsed.
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo bench: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("cargo bench failed:\n{stdout}"));
    }
    let measurements = parse_divan(&stdout);
    if measurements.is_empty() {
        return Err(format!(
            "no measurements in the benchmark output:\n{stdout}"
        ));
    }
    Ok(table(&measurements, fixture_count(root)))
}

/// Runs cargo in the workspace, its progress shown.
fn cargo(root: &Path, args: &[&str]) -> Result<(), String> {
    let status = crate::cargo_command()
        .current_dir(root)
        .args(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo {args:?} failed"))
    }
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// Makes sure `tool` (a name on PATH, or an absolute path) is there, installing the Debian
/// `package` that has it when it is not.
pub(crate) fn ensure_tool(tool: &str, package: &str) -> Result<(), String> {
    let found = |tool: &str| {
        let tool = Path::new(tool);
        if tool.is_absolute() {
            return tool.exists();
        }
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).exists()))
    };
    if found(tool) {
        return Ok(());
    }
    eprintln!("{tool} is missing: installing the Debian package {package}");
    let installed = Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends", package])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .is_ok_and(|status| status.success());
    if installed && found(tool) {
        Ok(())
    } else {
        Err(format!(
            "{tool} is needed and could not be installed (apt-get install {package})"
        ))
    }
}

/// Reads divan's tree table: group rows have no numbers; a benchmark row's third cell is the
/// median. Throughput rows (under a benchmark) are skipped.
fn parse_divan(text: &str) -> Vec<Measurement> {
    let mut out = Vec::new();
    let mut group = String::new();
    for line in text.lines() {
        // The tree's own drawing comes first on a line; the cells follow it.
        let line = line.trim_start_matches(['│', '├', '╰', '─', ' ']);
        let cells: Vec<&str> = line.split('│').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or("");
        let mut words = first.split_whitespace();
        let Some(name) = words.next() else { continue };
        if name.starts_with(|c: char| c.is_ascii_digit()) || name == "parse" || name == "Timer" {
            continue;
        }
        match cells.get(2).and_then(|median| duration_ns(median)) {
            Some(median_ns) => out.push(Measurement {
                group: group.clone(),
                name: name.to_owned(),
                median_ns,
            }),
            None => group = name.to_owned(),
        }
    }
    out
}

fn duration_ns(cell: &str) -> Option<f64> {
    let (number, unit) = cell.trim().split_once(' ')?;
    let number: f64 = number.parse().ok()?;
    let scale = match unit.trim() {
        "ns" => 1.0,
        "µs" | "us" => 1e3,
        "ms" => 1e6,
        "s" => 1e9,
        _ => return None,
    };
    Some(number * scale)
}

fn table(measurements: &[Measurement], ndjson_bodies: usize) -> String {
    let mut out = format!(
        "{:<8} {:<26} {:>12} {:>12} {:>14}\n",
        "body", "benchmark", "median", "vs baseline", "vs Value"
    );
    let mut groups: Vec<&str> = measurements.iter().map(|m| m.group.as_str()).collect();
    groups.dedup();
    for group in groups {
        let in_group: Vec<&Measurement> =
            measurements.iter().filter(|m| m.group == group).collect();
        let find = |name: &str| {
            in_group
                .iter()
                .find(|m| m.name == name)
                .map(|m| m.median_ns)
        };
        let baseline = find("baseline");
        let value = find("serde_json_value");
        for m in &in_group {
            // Serialization compares with the baseline's serialization, validation with nothing.
            let reference = match m.name.as_str() {
                "generated_serialize" => find("baseline_serialize"),
                "generated_validate_only" | "baseline_serialize" => None,
                _ => baseline,
            };
            let ratio = |r: Option<f64>| {
                r.map_or_else(|| "-".to_owned(), |r| format!("{:.2}x", m.median_ns / r))
            };
            let vs_value =
                if m.name.starts_with("generated_parse") || m.name == "generated_serde_entry" {
                    ratio(value)
                } else {
                    "-".to_owned()
                };
            out.push_str(&format!(
                "{:<8} {:<26} {:>12} {:>12} {:>14}\n",
                group,
                m.name,
                format_ns(m.median_ns),
                ratio(reference),
                vs_value
            ));
        }
        if group == "ndjson" && ndjson_bodies > 0 {
            for m in &in_group {
                let per_second = ndjson_bodies as f64 / (m.median_ns / 1e9);
                let speedup =
                    baseline.map_or_else(|| "-".to_owned(), |b| format!("{:.2}x", b / m.median_ns));
                out.push_str(&format!(
                    "{:<8} {:<26} {:>12} bodies/s {speedup} the baseline's rate\n",
                    group,
                    m.name,
                    format!("{per_second:.0}")
                ));
            }
        }
    }
    out
}

fn format_ns(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

/// How many bodies the NDJSON batch holds: every fixture.
fn fixture_count(root: &Path) -> usize {
    ["payloads", "constructed", "products"]
        .iter()
        .filter_map(|sub| std::fs::read_dir(root.join("fixtures").join(sub)).ok())
        .flat_map(|entries| entries.flatten())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .count()
}

/// The processor and core count, for the record.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown processor".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("machine: {cpu}, {cores} cores")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_divan_tables() {
        let text = "Timer precision: 20 ns\n\
            parse                 fastest       │ slowest       │ median        │ mean          │ samples │ iters\n\
            ├─ press                            │               │               │               │         │\n\
            │  ├─ baseline        1.291 µs      │ 11.16 µs      │ 1.411 µs      │ 1.579 µs      │ 100     │ 100\n\
            │  ╰─ generated_parse 700 ns        │ 1 µs          │ 705.5 ns      │ 710 ns        │ 100     │ 100\n\
            │                     466.4 Kitem/s │ 333.9 Kitem/s │ 453.3 Kitem/s │ 440.6 Kitem/s │         │\n";
        let got = parse_divan(text);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0],
            Measurement {
                group: "press".into(),
                name: "baseline".into(),
                median_ns: 1411.0
            }
        );
        assert_eq!(got[1].median_ns, 705.5);
        let table = table(&got, 0);
        assert!(table.contains("0.50x"), "{table}");
    }
}
