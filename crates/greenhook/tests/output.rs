//! `greenhook validate` for people: the summary line, `--quiet`, colours, escaped control
//! characters, the help text, and no progress bar where nobody watches.

mod common;

use common::{REPLY, RESPONSE, Run, all_files, greenhook, greenhook_with_env};

const ESCAPE: char = '\x1b';

/// `greenhook validate ARGS FILES` over every test file.
fn validate_all(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut all = vec!["validate"];
    all.extend_from_slice(args);
    all.extend(all_files());
    greenhook_with_env(&all, b"", env)
}

/// Escape codes as `\e`, so that a snapshot shows them.
fn visible(text: &str) -> String {
    text.replace(ESCAPE, "\\e")
}

#[test]
fn the_summary_line_ends_text_output() {
    let run = validate_all(&[], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout.lines().last(),
        Some("11 bodies from 9 files: 5 valid, 6 invalid; 2 unknown")
    );

    let run = greenhook(&["validate", REPLY, RESPONSE], b"");
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout.lines().last(),
        Some("2 bodies from 2 files: 2 valid, 0 invalid; 0 unknown")
    );
}

#[test]
fn json_output_has_no_summary_and_nothing_on_a_piped_stderr() {
    let run = validate_all(&["--format", "json"], &[]);
    assert_eq!(run.stdout.lines().count(), all_files().len() + 2);
    assert!(run.stdout.lines().all(|line| line.starts_with('{')));
    assert_eq!(run.stderr, "");
}

#[test]
fn quiet_text_prints_invalid_bodies_and_the_summary() {
    let run = validate_all(&["--quiet"], &[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("validate_text_quiet", run.stdout);
    assert_eq!(validate_all(&["-q"], &[]).stdout, run.stdout);

    let run = greenhook(&["validate", "-q", REPLY], b"");
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "1 body from 1 file: 1 valid, 0 invalid; 0 unknown\n"
    );
}

#[test]
fn quiet_json_prints_invalid_lines_only() {
    let run = validate_all(&["--format", "json", "--quiet"], &[]);
    assert_eq!(run.code, 1);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 6);
    assert!(lines.iter().all(|line| line["valid"] == false));

    let run = greenhook(&["validate", "--format", "json", "-q", REPLY], b"");
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
}

#[test]
fn color_always_colours_text_output() {
    let run = validate_all(&["--color", "always"], &[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("validate_text_color", visible(&run.stdout));
    // The colours are all there is to it: without them, the output is the plain one.
    let plain = validate_all(&["--color", "never"], &[]);
    let stripped = anstream::adapter::strip_str(&run.stdout).to_string();
    assert_eq!(stripped, plain.stdout);
}

#[test]
fn color_always_wins_over_no_color() {
    let run = validate_all(&["--color", "always"], &[("NO_COLOR", "1")]);
    assert!(run.stdout.contains(ESCAPE));
}

#[test]
fn color_never_and_auto_into_a_pipe_are_plain() {
    for (args, env) in [
        (&["--color", "never"][..], &[("CLICOLOR_FORCE", "1")][..]),
        (&["--color", "auto"], &[]),
        (&[], &[]),
        // NO_COLOR wins over CLICOLOR_FORCE, as anstream reads them.
        (&[], &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
    ] {
        let run = validate_all(args, env);
        assert_eq!(run.code, 1);
        assert!(!run.stdout.contains(ESCAPE), "{args:?} {env:?}");
        assert!(
            run.stdout
                .contains("11 bodies from 9 files: 5 valid, 6 invalid; 2 unknown")
        );
    }
}

#[test]
fn clicolor_force_colours_auto_output_into_a_pipe() {
    let run = validate_all(&[], &[("CLICOLOR_FORCE", "1")]);
    assert!(run.stdout.contains(ESCAPE));
}

#[test]
fn json_output_is_never_coloured() {
    let run = validate_all(
        &["--format", "json", "--color", "always"],
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(!run.stdout.contains(ESCAPE));
    assert!(!run.stderr.contains(ESCAPE));
}

#[test]
fn control_characters_from_a_body_are_escaped_in_text_output() {
    let body = br#"{"typeWebhook": "\u001b[2Jnew\nline"}"#;
    for color in ["always", "never"] {
        let run = greenhook(&["validate", "--color", color], body);
        let stripped = anstream::adapter::strip_str(&run.stdout).to_string();
        assert_eq!(
            stripped,
            "stdin:1: valid (\\u{1b}[2Jnew\\u{a}line)\n  \
             warning /typeWebhook: `\\u{1b}[2Jnew\\u{a}line` is not in the spec; the body is \
             kept as raw JSON\n\
             1 body from 1 file: 1 valid, 0 invalid; 1 unknown\n"
        );
    }
}

#[test]
fn a_type_webhook_that_is_not_a_string_is_reported_once() {
    for (body, found) in [
        (&br#"{"typeWebhook": 5}"#[..], "integer"),
        (br#"{"typeWebhook": null}"#, "null"),
    ] {
        let run = greenhook(&["validate", "--color", "never"], body);
        assert_eq!(run.code, 1);
        assert_eq!(
            run.stdout,
            format!(
                "stdin:1: invalid\n  \
                 error   /typeWebhook: expected string, found {found}\n\
                 1 body from 1 file: 0 valid, 1 invalid; 1 unknown\n"
            )
        );
        let run = greenhook(&["validate", "--format", "json"], body);
        assert_eq!(
            run.json_lines()[0]["errors"],
            serde_json::json!([{"path": "/typeWebhook", "message": format!("expected string, found {found}")}])
        );
    }
    // A missing one likewise: the error says so, the body's line does not say it again.
    let run = greenhook(&["validate", "--color", "never"], b"{}");
    assert_eq!(
        run.stdout,
        "stdin:1: invalid\n  \
         error   /typeWebhook: mandatory field is missing\n\
         1 body from 1 file: 0 valid, 1 invalid; 1 unknown\n"
    );
}

#[test]
fn a_large_input_into_pipes_gets_no_progress_bar() {
    let body = String::from_utf8_lossy(&common::data(REPLY)).replace('\n', "");
    let ndjson = format!("{body}\n").repeat(2_000);
    let run = greenhook(&["validate", "-q"], ndjson.as_bytes());
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "2000 bodies from 1 file: 2000 valid, 0 invalid; 0 unknown\n"
    );

    let run = greenhook(&["normalize"], ndjson.as_bytes());
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout.lines().count(), 2_000);
}

#[test]
fn validate_help() {
    let run = greenhook(&["validate", "--help"], b"");
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("validate_help", run.stdout);
}

#[test]
fn issues_past_the_report_limit_are_counted() {
    let items = vec!["1"; 150].join(",");
    let body = format!(
        r#"{{"typeWebhook":"incomingMessageReceived","messageData":{{"typeMessage":"interactiveButtonsReply","interactiveButtonsReply":{{"contentText":"x","buttons":[{items}]}}}}}}"#
    );
    let run = greenhook(&["validate", "--color", "never"], body.as_bytes());
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("... and "), "{}", run.stdout);
}
