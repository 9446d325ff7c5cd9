//! The receiver under load: the example `log_webhooks` (its log lines sent to /dev/null, so it
//! pays for one line per webhook as a real service does) against a bare axum route that only
//! compares the token (`bare_axum` in the benchmarks package). Both are built in release, served
//! in turn on core 0, and loaded from core 1 by wrk with the documented reply body over 32
//! connections. Rounds alternate between the two servers; the median of each is printed.

use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use super::{cargo, ensure_tool, target_dir};

const TOKEN: &str = "bench-token";
const BODY: &str = "outgoing-message__InteractiveButtonsReply__1.json";
const ROUNDS: usize = 3;
const SECONDS: u32 = 5;
const CONNECTIONS: u32 = 32;

struct Server {
    name: &'static str,
    binary: PathBuf,
    args: &'static [&'static str],
    port: u16,
}

pub fn run(root: &Path) -> Result<String, String> {
    ensure_tool("wrk", "wrk")?;
    ensure_tool("taskset", "util-linux")?;
    cargo(
        root,
        &[
            "build",
            "--release",
            "-p",
            "green-api-webhooks-axum",
            "--example",
            "log_webhooks",
            "-p",
            "green-api-webhooks-bench",
            "--example",
            "bare_axum",
        ],
    )?;
    let examples = target_dir(root).join("release/examples");
    let servers = [
        Server {
            name: "bare route, axum::serve",
            binary: examples.join("bare_axum"),
            args: &[],
            port: 18081,
        },
        Server {
            name: "bare route, Server",
            binary: examples.join("bare_axum"),
            args: &["server"],
            port: 18082,
        },
        Server {
            name: "log_webhooks",
            binary: examples.join("log_webhooks"),
            args: &[],
            port: 18080,
        },
    ];
    let script = write_script(root)?;
    let mut rates = vec![Vec::new(); servers.len()];
    for _ in 0..ROUNDS {
        for (server, rates) in servers.iter().zip(&mut rates) {
            rates.push(load(server, &script)?);
        }
    }
    let medians: Vec<f64> = rates.iter_mut().map(|r| median(r)).collect();
    let mut out = format!(
        "receiver: wrk, {CONNECTIONS} connections, {SECONDS} s x {ROUNDS} rounds, server on core 0, wrk on core 1\n\
         {:<26} {:>14} {:>12}\n",
        "server", "requests/s", "vs bare"
    );
    for (server, rate) in servers.iter().zip(&medians) {
        out.push_str(&format!(
            "{:<26} {:>14.0} {:>11.2}x\n",
            server.name,
            rate,
            rate / medians[0]
        ));
    }
    Ok(out)
}

/// The wrk script that posts the body with the token, as Green-API does.
fn write_script(root: &Path) -> Result<PathBuf, String> {
    let body = fs::read_to_string(root.join("fixtures/payloads").join(BODY))
        .map_err(|e| format!("cannot read {BODY}: {e}"))?;
    let dir = target_dir(root).join("bench-load");
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let script = dir.join("post.lua");
    let text = format!(
        "wrk.method = \"POST\"\n\
         wrk.headers[\"Content-Type\"] = \"application/json\"\n\
         wrk.headers[\"Authorization\"] = \"Bearer {TOKEN}\"\n\
         wrk.body = [==[{body}]==]\n"
    );
    fs::write(&script, text).map_err(|e| e.to_string())?;
    Ok(script)
}

/// Serves with `server`, loads it, stops it; the requests per second, all answered 200.
fn load(server: &Server, script: &Path) -> Result<f64, String> {
    let mut child = Command::new("taskset")
        .args(["-c", "0"])
        .arg(&server.binary)
        .arg(server.port.to_string())
        .args(server.args)
        .env("GREEN_API_WEBHOOK_TOKEN", TOKEN)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", server.binary.display()))?;
    let result = wait_until_listening(server.port).and_then(|()| wrk(server.port, script));
    stop(&mut child);
    result
}

fn wait_until_listening(port: u16) -> Result<(), String> {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > Duration::from_secs(10) {
            return Err(format!("nothing listens on port {port} after 10 s"));
        }
        sleep(Duration::from_millis(50));
    }
    Ok(())
}

fn wrk(port: u16, script: &Path) -> Result<f64, String> {
    let output = Command::new("taskset")
        .args(["-c", "1", "wrk", "-t1"])
        .arg(format!("-c{CONNECTIONS}"))
        .arg(format!("-d{SECONDS}s"))
        .arg("-s")
        .arg(script)
        .arg(format!("http://127.0.0.1:{port}/webhook"))
        .output()
        .map_err(|e| format!("cannot run wrk: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("wrk failed:\n{text}"));
    }
    let (rate, failed) =
        read_wrk(&text).ok_or_else(|| format!("no rate in wrk's output:\n{text}"))?;
    if failed > 0 {
        return Err(format!("{failed} requests were not answered 200:\n{text}"));
    }
    Ok(rate)
}

/// The requests per second and the count of answers other than 2xx or 3xx.
fn read_wrk(text: &str) -> Option<(f64, u64)> {
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.trim().strip_prefix(name))
            .map(str::trim)
    };
    let rate = field("Requests/sec:")?.parse().ok()?;
    let failed = field("Non-2xx or 3xx responses:").map_or(Some(0), |n| n.parse().ok())?;
    Some((rate, failed))
}

fn stop(child: &mut Child) {
    // SIGTERM would let the server drain for its grace period; the load is over, so kill.
    let _ = child.kill();
    let _ = child.wait();
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wrk_output() {
        let text = "Running 5s test @ http://127.0.0.1:18080/webhook\n  1 threads and 32 connections\n\
            \x20 120000 requests in 5.00s, 10.99MB read\n\
            \x20 Non-2xx or 3xx responses: 12\n\
            Requests/sec:  23999.87\n\
            Transfer/sec:      2.20MB\n";
        assert_eq!(read_wrk(text), Some((23999.87, 12)));
        assert_eq!(read_wrk("Requests/sec: 5\n"), Some((5.0, 0)));
        assert_eq!(read_wrk("nothing"), None);
    }
}
