//! `greenhook`'s behaviour: what it finds in bodies, how it splits inputs, its exit statuses,
//! the JSON contract and the limits.

mod common;

use serde_json::Value;

use common::{BROKEN, REPLY, RESPONSE, data, greenhook, validate_json};

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
            "stdin:1: valid (outgoingAPIMessageReceived / interactiveButtonsReply)\n\
             1 body from 1 file: 1 valid, 0 invalid; 0 unknown\n"
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
    // The other files are still checked, and the summary counts the files and bodies that
    // were read.
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        [
            "outgoing-message__InteractiveButtonsReply__1.json: valid \
             (outgoingAPIMessageReceived / interactiveButtonsReply)",
            "1 body from 1 file: 1 valid, 0 invalid; 0 unknown",
        ]
    );
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
fn normalize_prints_the_bodies_of_several_inputs_in_order() {
    let run = greenhook(
        &["normalize", REPLY, "three.ndjson", "-", RESPONSE],
        b"{\"typeWebhook\": \"fromStdin\"}\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Compact output is NDJSON whatever the input: one line per body.
    let output: Vec<Value> = run.json_lines();
    let json = |bytes: &[u8]| serde_json::from_slice::<Value>(bytes).expect("test data is JSON");
    let mut input = vec![json(&data(REPLY))];
    input.extend(
        data("three.ndjson")
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(json),
    );
    input.push(serde_json::json!({"typeWebhook": "fromStdin"}));
    input.push(json(&data(RESPONSE)));
    assert_eq!(output, input);

    // Pretty-printed, every body is printed as well, one after the other.
    let run = greenhook(&["normalize", "--pretty", REPLY, RESPONSE], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bodies: Vec<Value> = serde_json::Deserializer::from_str(&run.stdout)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("output is JSON");
    assert_eq!(bodies, [json(&data(REPLY)), json(&data(RESPONSE))]);
}

#[test]
fn normalize_goes_on_past_an_input_it_cannot_read() {
    let run = greenhook(
        &["normalize", "no-such-file.json", "array.json", REPLY],
        b"",
    );
    // Unreadable input (2) is worse than a body that is not an object (1).
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    let messages: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(messages.len(), 2, "{}", run.stderr);
    assert!(messages[0].starts_with("greenhook: cannot read no-such-file.json: "));
    assert_eq!(
        messages[1],
        "greenhook: array.json: a webhook body is a JSON object, found array"
    );
}

#[test]
fn a_folder_is_walked_for_json_and_ndjson_files_in_name_order() {
    // `folder/` holds a.json, b/c.ndjson (two bodies), d.json and notes.txt, which is not
    // read: a nested folder's files come where its name sorts, not first.
    let run = greenhook(&["validate", "--color", "never", "folder"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "folder/a.json: valid (outgoingMessageReceived / interactiveButtonsResponse)\n\
         folder/b/c.ndjson:1: valid (outgoingAPIMessageReceived / interactiveButtonsReply)\n\
         folder/b/c.ndjson:2: valid (incomingCallRecording)\n  \
         warning /typeWebhook: `incomingCallRecording` is not in the spec; the body is kept \
         as raw JSON\n\
         folder/d.json: valid (newWebhook)\n  \
         warning /typeWebhook: `newWebhook` is not in the spec; the body is kept as raw JSON\n\
         4 bodies from 3 files: 4 valid, 0 invalid; 2 unknown\n"
    );

    let run = validate_json(&["folder"]);
    let sources: Vec<Value> = run
        .json_lines()
        .iter()
        .map(|l| l["source"].clone())
        .collect();
    assert_eq!(
        sources,
        [
            "folder/a.json",
            "folder/b/c.ndjson:1",
            "folder/b/c.ndjson:2",
            "folder/d.json"
        ]
    );

    // normalize walks it the same way, and a folder mixes with files and stdin.
    let run = greenhook(&["normalize", "folder", "-", RESPONSE], b"{\"a\": 1}");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let types: Vec<Value> = run
        .json_lines()
        .iter()
        .map(|body| body["typeWebhook"].clone())
        .collect();
    assert_eq!(
        types,
        [
            "outgoingMessageReceived",
            "outgoingAPIMessageReceived",
            "incomingCallRecording",
            "newWebhook",
        ]
        .map(Value::from)
        .into_iter()
        .chain([Value::Null, Value::from("outgoingMessageReceived")])
        .collect::<Vec<_>>()
    );
}

#[test]
fn a_file_named_on_the_command_line_is_read_whatever_its_name() {
    let run = validate_json(&["folder/notes.txt"]);
    assert_eq!(run.code, 1);
    let line = &run.json_lines()[0];
    assert_eq!(line["source"], "folder/notes.txt");
    assert_eq!(line["valid"], false);
}

#[test]
fn a_folder_without_body_files_is_an_error() {
    let empty = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("greenhook-no-bodies");
    std::fs::create_dir_all(&empty).expect("a temporary folder");
    std::fs::write(empty.join("notes.txt"), "not a body").expect("a temporary file");
    let empty = empty.to_str().expect("a UTF-8 path");
    // The other inputs are still read.
    for (subcommand, last_line) in [
        (
            "validate",
            "1 body from 1 file: 1 valid, 0 invalid; 0 unknown",
        ),
        (
            "normalize",
            r#"{"typeWebhook":"outgoingAPIMessageReceived""#,
        ),
    ] {
        let run = greenhook(&[subcommand, empty, REPLY], b"");
        assert_eq!(run.code, 2, "{subcommand}");
        assert_eq!(
            run.stderr,
            format!("greenhook: cannot read {empty}: no *.json or *.ndjson file in this folder\n")
        );
        let last = run.stdout.lines().last().unwrap_or_default();
        assert!(last.starts_with(last_line), "{subcommand}: {}", run.stdout);
    }
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
        run.stdout.contains("deeper than the limit of 127 levels"),
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

#[test]
fn product_applies_another_products_rules() {
    // A Telegram body, given on standard input: valid under its own product's rules, not under
    // WhatsApp's (no `wid`, numeric chat ids).
    let body = green_api_webhooks_fixtures::file("products/telegram__incoming-text.json");
    let own = greenhook(&["validate", "--format", "json"], &body);
    assert_eq!(own.code, 0, "{}", own.stdout);
    let whatsapp = greenhook(
        &["validate", "--format", "json", "--product", "WhatsApp"],
        &body,
    );
    assert_eq!(whatsapp.code, 1, "{}", whatsapp.stdout);
    let lines = whatsapp.json_lines();
    let paths: Vec<&str> = lines[0]["errors"]
        .as_array()
        .expect("errors is an array")
        .iter()
        .filter_map(|error| error["path"].as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "/instanceData/wid",
            "/senderData/chatId",
            "/senderData/sender"
        ]
    );
    let unknown = greenhook(&["validate", "--product", "signal"], &body);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("expected one of: whatsapp, telegram, max, waba, instagram")
    );
}
