//! Runs the `greenhook` binary on the bodies under `tests/data/`, from that directory so that
//! file names in the output are relative and snapshots stable.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// The two bodies from the vendor's documentation of interactive reply buttons.
const REPLY: &str = "outgoing-message__InteractiveButtonsReply__1.json";
const RESPONSE: &str = "outgoing-message__InteractiveButtonsReply__2.json";

/// Bodies that break the spec in one way each, and an NDJSON file of three bodies.
const BROKEN: &[&str] = &[
    "button-type-submit.json",
    "missing-content-text.json",
    "truncated.json",
    "array.json",
    "unknown-type-message.json",
    "invalid-utf8.json",
    "three.ndjson",
];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The output lines parsed as JSON, for `--format json`.
    fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
            .collect()
    }
}

fn greenhook(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_greenhook"))
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

fn data(file: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/{file}")).expect("test data is readable")
}

fn validate_json(files: &[&str]) -> Run {
    let mut args = vec!["validate", "--format", "json"];
    args.extend_from_slice(files);
    greenhook(&args, b"")
}

#[test]
fn documented_bodies_are_valid_and_known() {
    for (file, webhook, message) in [
        (
            REPLY,
            "outgoingAPIMessageReceived",
            "interactiveButtonsReply",
        ),
        (
            RESPONSE,
            "outgoingMessageReceived",
            "interactiveButtonsResponse",
        ),
    ] {
        let run = validate_json(&[file]);
        assert_eq!(run.code, 0, "{file}: {}", run.stdout);
        assert_eq!(run.stdout.lines().count(), 1);
        let line = &run.json_lines()[0];
        assert_eq!(line["source"], file);
        assert_eq!(line["typeWebhook"], webhook);
        assert_eq!(line["typeMessage"], message);
        assert_eq!(line["known"], true);
        assert_eq!(line["valid"], true);
        assert_eq!(line["errors"], Value::Array(Vec::new()));
        assert_eq!(line["warnings"], Value::Array(Vec::new()));
    }
}

#[test]
fn json_keys_come_in_the_documented_order() {
    let run = validate_json(&[REPLY]);
    let keys = [
        "source",
        "typeWebhook",
        "typeMessage",
        "known",
        "valid",
        "errors",
        "warnings",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|key| {
            run.stdout
                .find(&format!("\"{key}\":"))
                .expect("key present")
        })
        .collect();
    assert!(positions.is_sorted(), "{}", run.stdout);
}

#[test]
fn an_undocumented_button_type_is_an_error_at_its_path() {
    let run = validate_json(&["button-type-submit.json"]);
    assert_eq!(run.code, 1);
    let line = &run.json_lines()[0];
    assert_eq!(line["known"], true);
    assert_eq!(line["valid"], false);
    let error = &line["errors"][0];
    assert_eq!(
        error["path"],
        "/messageData/interactiveButtonsReply/buttons/1/type"
    );
    assert!(error["message"].as_str().unwrap_or("").contains("`submit`"));
}

#[test]
fn a_missing_mandatory_field_is_an_error() {
    let run = validate_json(&["missing-content-text.json"]);
    assert_eq!(run.code, 1);
    let line = &run.json_lines()[0];
    assert_eq!(
        line["errors"][0]["path"],
        "/messageData/interactiveButtonsReply/contentText"
    );
}

#[test]
fn a_truncated_body_is_one_error_naming_line_and_column() {
    let run = validate_json(&["truncated.json"]);
    assert_eq!(run.code, 1);
    let lines = run.json_lines();
    assert_eq!(
        lines.len(),
        1,
        "a pretty-printed body is not split into lines"
    );
    let line = &lines[0];
    assert_eq!(line["typeWebhook"], Value::Null);
    assert_eq!(line["typeMessage"], Value::Null);
    assert_eq!(line["known"], false);
    assert_eq!(line["valid"], false);
    assert_eq!(line["errors"][0]["path"], "");
    assert_eq!(
        line["errors"][0]["message"],
        "invalid JSON at line 21, column 23: EOF while parsing a value"
    );
}

#[test]
fn an_array_is_not_a_body() {
    let run = validate_json(&["array.json"]);
    assert_eq!(run.code, 1);
    let line = &run.json_lines()[0];
    assert_eq!(line["errors"][0]["path"], "");
    assert_eq!(
        line["errors"][0]["message"],
        "a webhook body is a JSON object, found array"
    );
}

#[test]
fn an_unknown_message_type_is_valid_but_unknown() {
    let run = validate_json(&["unknown-type-message.json"]);
    assert_eq!(run.code, 0);
    let line = &run.json_lines()[0];
    assert_eq!(line["typeMessage"], "carouselMessage");
    assert_eq!(line["known"], false);
    assert_eq!(line["valid"], true);
    assert_eq!(line["warnings"][0]["path"], "/messageData/typeMessage");
}

#[test]
fn ndjson_gives_a_line_per_body() {
    let run = validate_json(&["three.ndjson"]);
    assert_eq!(run.code, 1);
    let lines = run.json_lines();
    let sources: Vec<&str> = lines.iter().filter_map(|l| l["source"].as_str()).collect();
    assert_eq!(
        sources,
        ["three.ndjson:1", "three.ndjson:2", "three.ndjson:3"]
    );
    let valid: Vec<&Value> = lines.iter().map(|l| &l["valid"]).collect();
    assert_eq!(valid, [true, false, true]);
    let known: Vec<&Value> = lines.iter().map(|l| &l["known"]).collect();
    assert_eq!(known, [true, true, false]);
}

#[test]
fn ndjson_syntax_errors_name_the_line_of_the_file() {
    let run = greenhook(&["validate", "--format", "json"], b"{}\n\n{\"a\": tru}\n");
    assert_eq!(run.code, 1);
    let lines = run.json_lines();
    assert_eq!(lines[1]["source"], "stdin:3");
    assert_eq!(
        lines[1]["errors"][0]["message"],
        "invalid JSON at line 3, column 10: expected ident"
    );
}

#[test]
fn stdin_is_read_when_no_file_or_dash_is_given() {
    for args in [&["validate"][..], &["validate", "-"]] {
        let run = greenhook(args, &data(REPLY));
        assert_eq!(run.code, 0);
        assert_eq!(
            run.stdout,
            "stdin:1: valid (outgoingAPIMessageReceived / interactiveButtonsReply)\n"
        );
    }
}

#[test]
fn a_missing_file_is_an_io_error() {
    let run = greenhook(&["validate", "no-such-file.json", REPLY], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("greenhook: cannot read no-such-file.json: "),
        "{}",
        run.stderr
    );
    // The other files are still checked.
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn a_usage_error_exits_2() {
    let run = greenhook(&["validate", "--format", "yaml"], b"");
    assert_eq!(run.code, 2);
    let run = greenhook(&[], b"");
    assert_eq!(run.code, 2);
}

#[test]
fn invalid_utf8_is_an_error_not_a_panic() {
    let run = validate_json(&["invalid-utf8.json"]);
    assert_eq!(run.code, 1);
    let line = &run.json_lines()[0];
    assert_eq!(line["valid"], false);
    assert_eq!(line["errors"][0]["path"], "");

    let run = greenhook(
        &["validate"],
        b"\xff\xfe{\"typeWebhook\": \"x\xc3\"}\n\x80\n",
    );
    assert_eq!(run.code, 1);
    let run = greenhook(&["normalize"], b"\xff\xfe");
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("greenhook: stdin:1: invalid JSON"));
}

#[test]
fn json_output_snapshot() {
    let run = validate_json(BROKEN);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("validate_json", run.stdout);
}

#[test]
fn text_output_snapshot() {
    let mut args = vec!["validate", REPLY, RESPONSE];
    args.extend_from_slice(BROKEN);
    let run = greenhook(&args, b"");
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("validate_text", run.stdout);
}

#[test]
fn normalize_keeps_documented_bodies() {
    for file in [REPLY, RESPONSE] {
        let input: Value = serde_json::from_slice(&data(file)).expect("test data is JSON");
        for args in [&["normalize", file][..], &["normalize", "--pretty", file]] {
            let run = greenhook(args, b"");
            assert_eq!(run.code, 0, "{}", run.stderr);
            if args.len() == 2 {
                assert_eq!(run.stdout.lines().count(), 1, "compact is one line");
            }
            let output: Value = serde_json::from_str(&run.stdout).expect("output is JSON");
            assert_eq!(output, input, "{args:?}");
        }
    }
}

#[test]
fn normalize_prints_each_ndjson_body() {
    let run = greenhook(&["normalize", "three.ndjson"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output: Vec<Value> = run.json_lines();
    let input: Vec<Value> = String::from_utf8_lossy(&data("three.ndjson"))
        .lines()
        .map(|line| serde_json::from_str(line).expect("test data is JSON"))
        .collect();
    assert_eq!(output, input);
}

#[test]
fn normalize_reports_what_is_not_a_body() {
    for file in ["truncated.json", "array.json"] {
        let run = greenhook(&["normalize", file], b"");
        assert_eq!(run.code, 1);
        assert_eq!(run.stdout, "");
        assert!(
            run.stderr.starts_with(&format!("greenhook: {file}: ")),
            "{}",
            run.stderr
        );
    }
    let run = greenhook(&["normalize"], b"{\"a\": 1}\n[2]\n{\"b\": 3}\n");
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "{\"a\":1}\n{\"b\":3}\n");
    assert_eq!(
        run.stderr,
        "greenhook: stdin:2: a webhook body is a JSON object, found array\n"
    );
}

#[test]
fn limits_are_enforced_and_named() {
    let deep = format!(
        "{{\"typeWebhook\":\"x\",\"a\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let run = greenhook(&["validate", "--format", "json"], deep.as_bytes());
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("deeper than the limit of 32 levels"),
        "{}",
        run.stdout
    );

    let big = br#"{"typeWebhook":"incomingMessageReceived","padding":"0123456789"}"#;
    let run = greenhook(&["validate", "--max-bytes", "32"], big);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("over the limit of 32 bytes"),
        "{}",
        run.stdout
    );

    let run = greenhook(&["normalize", "--max-depth", "1"], br#"{"a":{"b":1}}"#);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("limit of 1 levels"), "{}", run.stderr);
}
