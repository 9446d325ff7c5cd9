//! Reads the real documentation pages kept outside the project in
//! `shared/green-api-docs/` (next to the repository). Skipped when that folder is absent.
//!
//! The folder's `payloads/` holds every example body of each page, named as its README says:
//! `NAME__N.json` (valid JSON; repaired when the docs' JSON was not, the original kept beside
//! it as `.orig.txt`), `.truncated.txt` / `.lossy.txt` when the copy of the page cuts it off or
//! mangles it. The page models must agree with that, and with nothing the README does not say.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use green_api_webhooks_docs::{Page, parse_page};

/// Pages that document no parameters: the index pages, and the outgoing envelope pages
/// that only refer to the incoming format (their MANIFEST.tsv rows say the same).
const PAGES_WITHOUT_TABLES: &[&str] = &[
    "root__index",
    "root__type-webhook",
    "outgoing-message__OutgoingMessage",
    "outgoing-message__OutgoingApiMessage",
];

const KNOWN_TYPE_MESSAGES: &[&str] = &[
    "textMessage",
    "extendedTextMessage",
    "imageMessage",
    "locationMessage",
    "contactMessage",
    "contactsArrayMessage",
    "buttonsMessage",
    "templateMessage",
    "listMessage",
    "quotedMessage",
    "stickerMessage",
    "reactionMessage",
    "groupInviteMessage",
    "pollMessage",
    "pollUpdateMessage",
    "editedMessage",
    "deletedMessage",
    "interactiveButtons",
    "interactiveButtonsReply",
    "buttonsResponseMessage",
    "listResponseMessage",
    "templateButtonsReplyMessage",
];

fn docs_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/green-api-docs");
    dir.join("pages").is_dir().then_some(dir)
}

struct RealPage {
    /// `pages/NAME.txt` or `md/NAME.md`.
    path: PathBuf,
    stem: String,
    is_markdown: bool,
    text: String,
    page: Page,
}

fn read_real_pages(dir: &Path) -> Vec<RealPage> {
    let mut pages = Vec::new();
    for folder in ["pages", "md"] {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry
                .unwrap_or_else(|error| panic!("{folder}: {error}"))
                .path();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = name
                .rsplit_once('.')
                .map_or(name.as_str(), |(stem, _)| stem)
                .to_string();
            let page = parse_page(&name, &text);
            pages.push(RealPage {
                is_markdown: folder == "md",
                path,
                stem,
                text,
                page,
            });
        }
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages
}

#[test]
fn real_pages_read_into_sound_models() {
    let Some(dir) = docs_dir() else {
        println!("skipped: no shared/green-api-docs/pages next to the repository");
        return;
    };
    let pages = read_real_pages(&dir);
    assert!(pages.len() > 50, "only {} pages found", pages.len());
    for real in &pages {
        let RealPage { stem, page, .. } = real;
        let where_ = real.path.display();
        if !PAGES_WITHOUT_TABLES.contains(&stem.as_str()) {
            assert!(!page.tables.is_empty(), "{where_}: no table");
        }
        for table in &page.tables {
            assert!(
                !table.rows.is_empty(),
                "{where_}: table `{}` has no rows",
                table.object
            );
        }
        let lower = stem.to_lowercase();
        if KNOWN_TYPE_MESSAGES
            .iter()
            .any(|t| lower.contains(&t.to_lowercase()))
        {
            assert!(
                page.tables.iter().any(|t| t.object == "messageData"),
                "{where_}: no messageData table"
            );
        }
    }
}

/// The example files of one page in `payloads/`, read only as the docs folder's README
/// describes them: `NAME__N.*` is the N-th example of the rendered page `pages/NAME.txt`,
/// `NAME__mdN.*` of the markdown source `md/NAME.md`; `.json` is valid JSON, repaired where the
/// docs' JSON was invalid, with the original text kept beside it as `.orig.txt`;
/// `.truncated.txt` is an example the copy of the page cuts off, `.lossy.txt` one whose rendering
/// dropped characters, and neither has a `.json`.
#[derive(Default)]
struct PayloadExamples {
    /// The `.json` files with no `.orig.txt` beside them (the docs' JSON as written), by number.
    as_written: Vec<serde_json::Value>,
    /// `.orig.txt` files: examples whose JSON the docs got wrong.
    repaired: usize,
    truncated: usize,
    lossy: usize,
}

fn payload_examples(dir: &Path, real: &RealPage) -> PayloadExamples {
    let prefix = format!(
        "{}__{}",
        real.stem,
        if real.is_markdown { "md" } else { "" }
    );
    let mut by_number: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let payloads =
        std::fs::read_dir(dir.join("payloads")).unwrap_or_else(|error| panic!("payloads: {error}"));
    for entry in payloads {
        let name = entry.unwrap_or_else(|error| panic!("{error}")).file_name();
        let name = name.to_string_lossy();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let Some((number, kind)) = rest.split_once('.') else {
            continue;
        };
        if let Ok(number) = number.parse() {
            by_number.entry(number).or_default().push(kind.to_string());
        }
    }
    let mut found = PayloadExamples::default();
    for (number, kinds) in by_number {
        let name = format!("payloads/{prefix}{number}");
        let has = |kind: &str| kinds.iter().any(|k| k == kind);
        let json = || {
            let path = dir.join(format!("{name}.json"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            serde_json::from_str::<serde_json::Value>(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        };
        if has("truncated.txt") || has("lossy.txt") {
            assert!(!has("json"), "{name}: a cut or lossy example has no .json");
            found.truncated += usize::from(has("truncated.txt"));
            found.lossy += usize::from(has("lossy.txt"));
        } else if has("orig.txt") {
            assert!(
                has("json"),
                "{name}.orig.txt: the repaired .json is missing"
            );
            json();
            found.repaired += 1;
        } else if has("json") {
            found.as_written.push(json());
        }
    }
    found
}

/// The page models agree with `payloads/`, as far as the docs folder's README says what its
/// files are.
#[test]
fn real_examples_match_the_payloads() {
    let Some(dir) = docs_dir() else {
        println!("skipped: no shared/green-api-docs/pages next to the repository");
        return;
    };
    if !dir.join("payloads").is_dir() {
        println!("skipped: no shared/green-api-docs/payloads");
        return;
    }
    for real in read_real_pages(&dir) {
        let files = payload_examples(&dir, &real);
        let where_ = real.path.display();
        assert_eq!(real.page.examples, files.as_written, "{where_}: examples");
        let count = |needle: &str| {
            real.page
                .problems
                .iter()
                .filter(|p| p.message.starts_with(needle))
                .count()
        };
        assert_eq!(
            count("example is not valid JSON"),
            files.repaired,
            "{where_}: invalid examples"
        );
        // A lossy rendering may also be cut off; the README does not say.
        let cut = count("example cut short");
        assert!(
            (files.truncated..=files.truncated + files.lossy).contains(&cut),
            "{where_}: {cut} examples cut short, {} truncated and {} lossy files",
            files.truncated,
            files.lossy
        );
    }
}

#[test]
fn real_pages_cut_anywhere_still_read() {
    let Some(dir) = docs_dir() else {
        println!("skipped: no shared/green-api-docs/pages next to the repository");
        return;
    };
    for real in read_real_pages(&dir) {
        for (cut, _) in real.text.char_indices().step_by(7) {
            let page = parse_page(&real.stem, &real.text[..cut]);
            assert!(page.tables.iter().all(|t| !t.rows.is_empty()));
        }
    }
}

/// Pages that state no typeWebhook in a conditions block, a table row or a sentence, with the
/// reason (the `.txt` and `.md` copies of a page share an entry).
const PAGES_WITHOUT_CONDITIONS: &[(&str, &str)] = &[
    (
        "root__index",
        "an index of the webhook pages; about no one type",
    ),
    (
        "root__type-webhook",
        "lists every typeWebhook; about no one type",
    ),
    (
        "apidog__exceeding-limitation-on-tariff",
        "the apidog rendering lists typeWebhook with no description; only the example names it",
    ),
    (
        "selected-buttons__ButtonsResponseMessage",
        "documents messageData only (typeMessage found); typeWebhook only in the example",
    ),
    (
        "selected-buttons__ListResponseMessage",
        "documents messageData only (typeMessage found); typeWebhook only in the example",
    ),
    (
        "selected-buttons__TemplateButtonsReplyMessage",
        "documents messageData only (typeMessage found); typeWebhook only in the example",
    ),
];

/// Every real page states which typeWebhook (and typeMessage) it is about, in its conditions
/// block or its tables, except the listed ones; the per-page list is a snapshot.
#[test]
fn real_pages_state_their_conditions() {
    let Some(dir) = docs_dir() else {
        println!("skipped: no shared/green-api-docs/pages next to the repository");
        return;
    };
    let pages = read_real_pages(&dir);
    let mut listing = String::new();
    let mut found = 0;
    let mut unexpected = Vec::new();
    for real in &pages {
        let conditions = &real.page.conditions;
        let folder = if real.is_markdown { "md" } else { "pages" };
        let name = format!("{folder}/{}", real.page.page);
        let exempt = PAGES_WITHOUT_CONDITIONS
            .iter()
            .find(|(stem, _)| *stem == real.stem);
        if conditions.type_webhook.is_empty() {
            if exempt.is_none() {
                unexpected.push(format!("{name}: no typeWebhook found"));
            }
        } else {
            if exempt.is_some() {
                unexpected.push(format!("{name}: listed without conditions, yet has some"));
            }
            found += 1;
        }
        let source = conditions
            .source
            .map_or_else(|| "-".to_owned(), |source| format!("{source:?}"));
        listing.push_str(&format!(
            "{name}: typeWebhook {} | typeMessage {} | from {source}\n",
            or_dash(&conditions.type_webhook.join(" || ")),
            or_dash(conditions.type_message.as_deref().unwrap_or_default()),
        ));
    }
    println!("pages without conditions:");
    for (stem, reason) in PAGES_WITHOUT_CONDITIONS {
        println!("  {stem}: {reason}");
    }
    println!("conditions found on {found} of {} pages", pages.len());
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
    insta::assert_snapshot!(format!("{found} of {}\n{listing}", pages.len()));
}

fn or_dash(text: &str) -> &str {
    if text.is_empty() { "-" } else { text }
}
