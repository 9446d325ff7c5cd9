//! `cargo xtask import`: runs the built binary on the small test pages of the doc-pages crate
//! (and on the real pages in `shared/green-api-docs/` next to the repository, when present),
//! snapshots what it prints and checks that drafts load with the spec loader.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use green_api_webhooks_spec::{ErrorKind, load_sources};

/// The test pages, relative to this package: the snapshots show these paths, not absolute ones.
const TEST_PAGES: &str = "../tools/green-api-webhooks-docs/tests/pages";

/// A small, fixed envelope: drafts made against it do not change when `spec/` does.
const TEST_ENVELOPE: &str = r#"
summary = "Test envelope."
page = "https://example.invalid/"

[webhook.IncomingMessageReceived]
type_webhook = "incomingMessageReceived"
summary = "x"
body = "MessageWebhook"

[webhook.OutgoingMessageReceived]
type_webhook = "outgoingMessageReceived"
summary = "x"
body = "MessageWebhook"

[webhook.OutgoingApiMessageReceived]
type_webhook = "outgoingAPIMessageReceived"
summary = "x"
body = "MessageWebhook"

[object.MessageWebhook]
summary = "x"
fields = [
  { wire = "instanceData", type = "InstanceData", mandatory = true, summary = "x" },
  { wire = "messageData", type = "MessageData", mandatory = true, summary = "x" },
]

[object.InstanceData]
summary = "x"
fields = [
  { wire = "idInstance", type = "integer", mandatory = true, summary = "x" },
  { wire = "wid", type = "string", mandatory = true, summary = "x" },
  { wire = "typeInstance", type = "string", mandatory = true, summary = "x" },
]
"#;

fn package_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `xtask import ARGS...` from this package's folder.
fn import(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("import")
        .args(args)
        .current_dir(package_dir())
        .output()
        .expect("the xtask binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("xtask prints UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("xtask prints UTF-8")
}

/// The test pages as relative paths, sorted.
fn test_pages() -> Vec<String> {
    let mut pages: Vec<String> = std::fs::read_dir(package_dir().join(TEST_PAGES))
        .expect("the doc-pages test pages exist")
        .map(|entry| entry.expect("a directory entry").file_name())
        .map(|name| format!("{TEST_PAGES}/{}", name.to_string_lossy()))
        .collect();
    pages.sort();
    pages
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A folder holding only [`TEST_ENVELOPE`], for `--spec`; removed when dropped.
struct TestSpec {
    dir: PathBuf,
}

impl TestSpec {
    fn new(label: &str) -> TestSpec {
        let dir = std::env::temp_dir().join(format!("xtask-import-{}-{label}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        std::fs::write(dir.join("envelope.toml"), TEST_ENVELOPE).expect("write envelope");
        TestSpec { dir }
    }

    fn path(&self) -> &str {
        self.dir
            .to_str()
            .expect("temporary folders have UTF-8 paths")
    }
}

impl Drop for TestSpec {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The draft with every `TODO` filled in, as a maintainer would before loading it.
fn filled_in(draft: &str) -> String {
    draft.replace("\"TODO\"", "\"x\"")
}

/// Loads spec files given as (path, contents).
fn load(files: &[(String, String)]) -> Result<(), String> {
    let sources = files
        .iter()
        .map(|(path, text)| (PathBuf::from(path), path.clone(), text.as_str()));
    load_sources(sources)
        .map(|_| ())
        .map_err(|errors| errors.to_string())
}

/// Loads `draft`, shown as `draft.toml`, with the given other spec files.
fn load_with(draft: &str, others: &[(String, String)]) -> Result<(), String> {
    let mut files = others.to_vec();
    files.push(("draft.toml".to_string(), draft.to_string()));
    load(&files)
}

fn test_envelope() -> Vec<(String, String)> {
    vec![("envelope.toml".to_string(), TEST_ENVELOPE.to_string())]
}

#[test]
fn json_prints_one_page_model_per_line() {
    let pages = test_pages();
    let mut args = vec!["--format", "json"];
    args.extend(pages.iter().map(String::as_str));
    let output = import(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), pages.len());
    for (line, path) in lines.iter().zip(&pages) {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(value["page"], file_name(path), "`page` is the file name");
        let keys: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = vec![
            "page",
            "title",
            "conditions",
            "tables",
            "examples",
            "problems",
        ];
        expected.sort();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, expected);
    }
    insta::assert_snapshot!("json", text);
}

#[test]
fn text_shows_tables_and_problems() {
    for path in test_pages() {
        let output = import(&[&path]);
        assert!(output.status.success(), "{}", stderr(&output));
        insta::assert_snapshot!(format!("text@{}", file_name(&path)), stdout(&output));
    }
}

/// Pages without a conditions block name their tag only in the table: "Takes the value
/// kettleBoiled", "поле принимает значение kettleDescaled".
#[test]
fn text_shows_a_tag_given_only_in_a_table() {
    for (page, line) in [
        (
            "pipe__KettleBoiled.txt",
            "typeWebhook: kettleBoiled (from the webhook table)",
        ),
        (
            "md__KettleDescaled.md",
            "typeWebhook: kettleDescaled (from the webhook table)",
        ),
        (
            "plain__LampStatus.txt",
            "typeWebhook: lampStatus (from the webhook table)",
        ),
        (
            "markdown__ToastResponse.txt",
            "typeMessage: toastResponse (from the messageData table)",
        ),
    ] {
        let output = import(&[&format!("{TEST_PAGES}/{page}")]);
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.lines().any(|l| l == line), "{page}:\n{text}");
    }
}

#[test]
fn text_is_the_default_and_json_is_explicit() {
    let path = format!("{TEST_PAGES}/plain__LampStatus.txt");
    let default = import(&[&path]);
    let text = import(&["--format", "text", &path]);
    assert_eq!(stdout(&default), stdout(&text));
    assert!(stdout(&text).contains(&format!("{path}:37: example is not valid JSON")));
}

#[test]
fn drafts_of_the_test_pages() {
    let spec = TestSpec::new("drafts");
    for path in test_pages() {
        let output = import(&["--draft", "--spec", spec.path(), &path]);
        assert!(output.status.success(), "{}", stderr(&output));
        let draft = stdout(&output);
        insta::assert_snapshot!(format!("draft@{}", file_name(&path)), draft);
    }
}

/// A draft says where the finished entry goes: a new file named after the variant in
/// `spec/webhooks/` or `spec/messages/`, or, when the spec has the variant, the file to compare
/// it with.
#[test]
fn drafts_say_where_they_go() {
    let spec = TestSpec::new("save-as");
    let webhook = format!("{TEST_PAGES}/plain__LampStatus.txt");
    let message = format!("{TEST_PAGES}/plain__LampGlowMessage.txt");
    let draft_of = |path: &str| {
        let output = import(&["--draft", "--spec", spec.path(), path]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    assert!(draft_of(&webhook).contains("# spec/webhooks/lamp-status.toml and run"));
    assert!(draft_of(&message).contains("# spec/messages/glow-message.toml and run"));

    let existing = "summary = \"x\"\npage = \"https://example.invalid/\"\n\n\
        [webhook.LampStatus]\ntype_webhook = \"lampStatus\"\nsummary = \"x\"\nbody = \"Lamp\"\n\n\
        [object.Lamp]\nsummary = \"x\"\nfields = []\n";
    std::fs::write(spec.dir.join("lamps.toml"), existing).expect("write a spec file");
    let draft = draft_of(&webhook);
    assert!(
        draft.contains("# The spec already has this variant in spec/lamps.toml: compare"),
        "{draft}"
    );
    assert!(!draft.contains("save the file as"), "{draft}");
}

#[test]
fn filled_in_drafts_load_with_the_envelope() {
    let spec = TestSpec::new("load");
    for path in test_pages() {
        let output = import(&["--draft", "--spec", spec.path(), &path]);
        let draft = filled_in(&stdout(&output));
        if let Err(errors) = load_with(&draft, &test_envelope()) {
            panic!("the draft of {path} does not load:\n{errors}\n\n{draft}");
        }
    }
}

/// Drafts are made against the real `spec/`, so their names stay clear of it; with the
/// summaries filled in, they load together with every real spec file.
#[test]
fn filled_in_drafts_load_with_the_real_spec() {
    let spec_dir = package_dir().join("../spec");
    let mut real = Vec::new();
    collect_toml(&spec_dir, &spec_dir, &mut real);
    if let Err(errors) = load(&real) {
        // Someone is in the middle of editing the spec; the envelope test still runs.
        println!("skipped: spec/ does not load by itself:\n{errors}");
        return;
    }
    for page in [
        "plain__LampGlowMessage.txt",
        "plain__LampStatus.txt",
        "pipe__KettleMessage.txt",
    ] {
        let path = format!("{TEST_PAGES}/{page}");
        let output = import(&["--draft", &path]);
        assert!(output.status.success(), "{}", stderr(&output));
        let draft = filled_in(&stdout(&output));
        if let Err(errors) = load_with(&draft, &real) {
            panic!("the draft of {page} does not load with spec/:\n{errors}\n\n{draft}");
        }
    }
}

/// Real pages drafted against the real spec: new names never clash with it, so the only
/// errors left are the variants the spec already has, which each such draft points out.
#[test]
fn real_drafts_clash_with_the_real_spec_only_where_they_say_so() {
    let Some(pages) = real_pages() else {
        println!("skipped: no shared/green-api-docs next to the repository");
        return;
    };
    let spec_dir = package_dir().join("../spec");
    let mut real = Vec::new();
    collect_toml(&spec_dir, &spec_dir, &mut real);
    if let Err(errors) = load(&real) {
        println!("skipped: spec/ does not load by itself:\n{errors}");
        return;
    }
    for page in pages {
        let path = page.to_str().expect("UTF-8 paths");
        let output = import(&["--draft", path]);
        assert!(output.status.success(), "{path}: {}", stderr(&output));
        let draft = filled_in(&stdout(&output));
        let mut files = real.clone();
        files.push(("draft.toml".to_string(), draft.clone()));
        let sources = files
            .iter()
            .map(|(path, text)| (PathBuf::from(path), path.clone(), text.as_str()));
        let Err(errors) = load_sources(sources) else {
            continue;
        };
        assert!(
            draft.contains("is already [message.") || draft.contains("is already [webhook."),
            "the draft of {path} does not load with spec/:\n{errors}\n\n{draft}"
        );
        for error in &errors.0 {
            assert!(
                matches!(error.kind, ErrorKind::Duplicate { .. }),
                "{path}: {error}\n\n{draft}"
            );
        }
    }
}

fn collect_toml(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("spec/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_toml(root, &path, out);
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            let relative = path
                .strip_prefix(root)
                .expect("below spec/")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("a spec file");
            out.push((relative, text));
        }
    }
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_are_read() {
    let good = format!("{TEST_PAGES}/plain__LampStatus.txt");
    let output = import(&["--format", "json", "no-such-page.txt", &good]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("cannot read no-such-page.txt: "),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output).lines().count(), 1);

    let draft = import(&["--draft", "no-such-page.txt"]);
    assert_eq!(draft.status.code(), Some(1));
    assert_eq!(stdout(&draft), "");

    // A folder is not a page either.
    let folder = import(&[TEST_PAGES]);
    assert_eq!(folder.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_with_2() {
    let page = format!("{TEST_PAGES}/plain__LampStatus.txt");
    for args in [
        vec!["--no-such-flag", page.as_str()],
        vec!["--format", "yaml", page.as_str()],
        vec!["--draft", "--format", "json", page.as_str()],
        vec!["--spec", "spec", page.as_str()],
        vec![],
    ] {
        let output = import(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stdout(&output), "", "{args:?}");
    }
}

/// The real documentation pages, when `shared/green-api-docs/` is next to the repository.
fn real_pages() -> Option<Vec<PathBuf>> {
    let dir = package_dir().join("../../shared/green-api-docs");
    let mut pages = Vec::new();
    for folder in ["pages", "md"] {
        let entries = std::fs::read_dir(dir.join(folder)).ok()?;
        pages.extend(entries.map(|entry| entry.expect("a directory entry").path()));
    }
    pages.sort();
    Some(pages)
}

#[test]
fn every_real_page_imports_and_its_draft_loads() {
    let Some(pages) = real_pages() else {
        println!("skipped: no shared/green-api-docs next to the repository");
        return;
    };
    assert!(!pages.is_empty());
    let spec = TestSpec::new("real");
    for page in pages {
        let path = page.to_str().expect("UTF-8 paths");
        let json = import(&["--format", "json", path]);
        assert!(json.status.success(), "{path}: {}", stderr(&json));
        assert_eq!(stdout(&json).lines().count(), 1, "{path}");

        let draft = import(&["--draft", "--spec", spec.path(), path]);
        assert!(draft.status.success(), "{path}: {}", stderr(&draft));
        let draft = filled_in(&stdout(&draft));
        if let Err(errors) = load_with(&draft, &test_envelope()) {
            // A page of a webhook the envelope already has can only be compared with it,
            // which the draft says.
            assert!(
                draft.contains("is already [webhook."),
                "the draft of {path} does not load:\n{errors}\n\n{draft}"
            );
        }
    }
}

#[test]
fn duplicates_of_the_spec_are_the_only_load_errors_of_a_re_import() {
    let Some(pages) = real_pages() else {
        println!("skipped: no shared/green-api-docs next to the repository");
        return;
    };
    let Some(page) = pages
        .iter()
        .find(|p| p.ends_with("incoming-message__Webhook-IncomingMessageReceived.txt"))
    else {
        return;
    };
    let spec = TestSpec::new("reimport");
    let output = import(&[
        "--draft",
        "--spec",
        spec.path(),
        page.to_str().expect("UTF-8"),
    ]);
    let draft = filled_in(&stdout(&output));
    let envelope = test_envelope();
    let sources = vec![
        (
            PathBuf::from("envelope.toml"),
            "envelope.toml".to_string(),
            envelope[0].1.as_str(),
        ),
        (
            PathBuf::from("draft.toml"),
            "draft.toml".to_string(),
            draft.as_str(),
        ),
    ];
    let errors = load_sources(sources).expect_err("the draft repeats the envelope's webhook");
    for error in &errors.0 {
        assert!(matches!(error.kind, ErrorKind::Duplicate { .. }), "{error}");
    }
}
