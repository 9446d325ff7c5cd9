//! Running the `greenhook` binary on the bodies under `tests/data/`, from that directory so
//! that file names in the output are relative and snapshots stable.

// Each test binary uses its own part of these helpers.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

/// Where the test bodies are, and where `greenhook` runs.
pub const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// The two bodies from the vendor's documentation of interactive reply buttons.
pub const REPLY: &str = "outgoing-message__InteractiveButtonsReply__1.json";
pub const RESPONSE: &str = "outgoing-message__InteractiveButtonsReply__2.json";

/// Bodies that break the spec in one way each, and an NDJSON file of three bodies.
pub const BROKEN: &[&str] = &[
    "button-type-submit.json",
    "missing-content-text.json",
    "truncated.json",
    "array.json",
    "unknown-type-message.json",
    "invalid-utf8.json",
    "three.ndjson",
];

/// What one run of `greenhook` did.
pub struct Run {
    /// The exit status.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The output lines parsed as JSON, for `--format json`.
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
            .collect()
    }
}

/// Runs `greenhook ARGS` with `stdin` on standard input.
pub fn greenhook(args: &[&str], stdin: &[u8]) -> Run {
    greenhook_with_env(args, stdin, &[])
}

/// Runs with standard output and error piped, and with the colour variables of the test's own
/// environment removed, then `env` set.
pub fn greenhook_with_env(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_greenhook"));
    for variable in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
        command.env_remove(variable);
    }
    let mut child = command
        .envs(env.iter().copied())
        .args(args)
        .current_dir(DATA)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("greenhook starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // Written from another thread so that a large output cannot block the child while the
    // input is still being written. The child may exit without reading; that is its right.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("greenhook runs");
    writer.join().expect("the writer thread does not panic");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "greenhook panicked on {args:?}: {stderr}"
    );
    Run {
        // `None` only when killed by a signal, which none of these runs expects.
        code: output.status.code().expect("greenhook exits normally"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
    }
}

/// The bytes of a file under `tests/data/`.
pub fn data(file: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/{file}")).expect("test data is readable")
}

/// `greenhook validate --format json FILES`.
pub fn validate_json(files: &[&str]) -> Run {
    let mut args = vec!["validate", "--format", "json"];
    args.extend_from_slice(files);
    greenhook(&args, b"")
}

/// Every file under `tests/data/` that the snapshots cover: the documented bodies first.
pub fn all_files() -> Vec<&'static str> {
    let mut files = vec![REPLY, RESPONSE];
    files.extend_from_slice(BROKEN);
    files
}
