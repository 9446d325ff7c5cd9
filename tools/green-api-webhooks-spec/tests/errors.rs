//! A malformed spec: every problem is reported at once, each with file:line:col.

use std::path::PathBuf;

fn errors(files: &[(&str, &str)]) -> String {
    let sources = files.iter().map(|(name, text)| {
        (
            PathBuf::from(format!("spec/{name}")),
            name.to_string(),
            *text,
        )
    });
    match green_api_webhooks_spec::load_sources(sources) {
        Ok(_) => panic!("the spec has errors"),
        Err(errors) => errors.to_string(),
    }
}

#[test]
fn every_problem_in_one_file_is_reported() {
    let text = r#"summary = "A broken spec file."
page = "https://example.invalid/page/"
colour = "green"

[message.Broken]
type_message = "brokenMessage"
summary = "Broken."
webhooks = ["incomingMessageReceived"]
fields = [
  { wire = "a", type = "strin", summary = "Misspelt type." },
  { wire = "b", type = "Missing", summary = "Undefined type." },
  { wire = "a", type = "string", summary = "Duplicate wire name." },
  { wire = "c", type = "string", mandatory = "yes", summary = "Mandatory is not a boolean." },
  { wire = "d", type = "string" },
  { wire = "e", type = "string|boolean", summary = "Unsupported union.", colour = 1 },
]

[object.lowercase]
summary = "Bad name."
fields = []

[enum.Kind]
summary = "Duplicate value."
values = [{ wire = "x", summary = "X." }, { wire = "x", summary = "X again." }]

[[exception]]
at = "Nothing.here"
docs = "Says something."
reason = "About nothing."

[enum.Limits]
summary = "TODO"
values = [{ wire = "y", summary = " TODO " }]

[[exception]]
at = "Kind"
docs = "Says something drift cannot see."
reason = "Marked with a value the spec does not know."
unchecked = "wording"
"#;
    insta::assert_snapshot!(errors(&[("messages/broken.toml", text)]));
}

#[test]
fn syntax_errors_and_cross_file_clashes_are_reported() {
    let first = "summary = \"One.\"\npage = \"https://example.invalid/\"\n\n[object.Same]\nsummary = \"x\"\nfields = []\n";
    let second = "summary = \"Two.\"\npage = \"https://example.invalid/\"\n\n[object.Same]\nsummary = \"x\"\nfields = []\n";
    let broken = "summary = \"Three\npage = 1\n[object.X\n";
    insta::assert_snapshot!(errors(&[
        ("a.toml", first),
        ("b.toml", second),
        ("c.toml", broken)
    ]));
}

#[test]
fn products_and_rules_that_cannot_hold_are_reported() {
    let text = r#"summary = "Products and rules, each wrong once."
page = "https://example.invalid/"

[product.WhatsApp]
type_instance = "whatsapp"
summary = "One."
page = "https://example.invalid/wa/"
chat_ids = "whatsapp"

[product.Other]
type_instance = "whatsapp"
summary = "Two."
page = "https://example.invalid/other/"
chat_ids = "emoji"

[webhook.Ping]
type_webhook = "ping"
summary = "A ping."
body = "PingBody"
products = ["Signal"]

[object.PingBody]
summary = "The body."
fields = [
  { wire = "at", type = "integer", summary = "When.", role = "timestamp" },
  { wire = "kind", type = "PingKind", summary = "Which.", mandatory = ["Nobody"] },
  { wire = "items", type = "array<PingBody>", summary = "More." },
]

[enum.PingKind]
summary = "Kinds."
values = [{ wire = "a", summary = "A." }]

[[rule]]
at = "PingBody.kind"
format = "chat_id"
severity = "error"
reason = "A format on an enum."

[[rule]]
at = "PingBody.items"
allow = { kind = ["a", "b"] }
severity = "fatal"
reason = "A value the enum lacks, and a severity that does not exist."

[[rule]]
at = "PingBody.kind"
when = { kind = "a" }
require = ["nothing"]
severity = "error"
reason = "A require rule is about an object, and names a field that does not exist."

[[rule]]
role = "timestamp"
allow = { kind = ["a"] }
severity = "error"
reason = "A role rule is a format."

[[rule]]
at = "PingBody.at"
format = "epoch"
severity = "warning"
reason = "No such format."
"#;
    insta::assert_snapshot!(errors(&[("products.toml", text)]));
}
