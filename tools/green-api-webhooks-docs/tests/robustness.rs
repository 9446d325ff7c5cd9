//! Reading never panics, whatever the text: cut-off pages, random text, text made of
//! the pages' own building blocks.

use std::path::PathBuf;

use green_api_webhooks_docs::{Page, parse_page};
use proptest::prelude::*;

fn test_pages() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut pages = Vec::new();
    for entry in
        std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
    {
        let path = entry.unwrap_or_else(|error| panic!("{error}")).path();
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        pages.push((path.display().to_string(), text));
    }
    pages
}

/// What every page model must satisfy, however odd the text.
fn check_invariants(page: &Page, line_count: usize) {
    assert!(page.tables.iter().all(|table| !table.rows.is_empty()));
    assert!(
        page.problems
            .windows(2)
            .all(|pair| pair[0].line <= pair[1].line)
    );
    assert!(
        page.problems
            .iter()
            .all(|p| p.line >= 1 && p.line <= line_count.max(1))
    );
}

#[test]
fn every_cut_of_every_test_page_reads() {
    for (name, text) in test_pages() {
        for (cut, _) in text.char_indices() {
            let prefix = &text[..cut];
            let page = parse_page(&name, prefix);
            check_invariants(&page, prefix.lines().count());
        }
    }
}

#[test]
fn pages_with_lines_removed_read() {
    for (name, text) in test_pages() {
        let lines: Vec<&str> = text.lines().collect();
        for skip in 0..lines.len() {
            let mut kept = lines.clone();
            kept.remove(skip);
            let mutated = kept.join("\n");
            check_invariants(&parse_page(&name, &mutated), kept.len());
        }
    }
}

const PIECES: &[&str] = &[
    "\n",
    "\n",
    "\n",
    " ",
    "|",
    " | ",
    "||",
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "//",
    "...",
    "```",
    "```json",
    "#",
    "`",
    "**",
    "-",
    " - ",
    "=",
    "Parameter",
    "Type",
    "Mandatory",
    "Description",
    "Descriptionе",
    "Параметр",
    "Тип",
    "Описание",
    "object parameters",
    "array parameters",
    "data object",
    "Webhook parameters",
    "Body Params",
    "required",
    "string",
    "object",
    "array",
    "integer",
    "Yes",
    "No",
    "default",
    "messageData",
    "typeWebhook",
    "messageData.typeMessage",
    "To get incoming webhooks of this type, two conditions must be true:",
    "Have variants:",
    "There are 3 types: a, b, and c",
    "example",
    "Webhook body example#",
    "---|---|---|",
    "|---|---|---|",
    "е",
    "😃",
    "\\",
    "\t",
    "\r\n",
];

fn assembled_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..300).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_reads(text in "\\PC{0,400}") {
        check_invariants(&parse_page("random", &text), text.lines().count());
    }

    #[test]
    fn text_from_page_pieces_reads(text in assembled_text()) {
        check_invariants(&parse_page("pieces", &text), text.lines().count());
    }
}

#[test]
fn a_large_page_reads_quickly() {
    let all_pages: String = test_pages()
        .into_iter()
        .map(|(_, text)| text + "\n\n")
        .collect();
    let big = all_pages.repeat(300);
    let started = std::time::Instant::now();
    let page = parse_page("big", &big);
    let elapsed = started.elapsed();
    assert!(page.tables.len() > 1_000);
    // Generous even for an unoptimised build on a slow machine; a quadratic reader
    // would take minutes here.
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
    println!(
        "{} bytes, {} tables in {elapsed:?}",
        big.len(),
        page.tables.len()
    );
}
