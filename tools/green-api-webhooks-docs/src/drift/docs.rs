//! Reads a docs folder: every page (`pages/*.txt`, `md/*.md`) with its example bodies, taken
//! from the page text and from `payloads/`.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::{Page, parse_page};
use serde_json::Value;

use super::DriftError;

/// The rendered copies and the markdown sources, in the order the report lists them.
const PAGE_FOLDERS: [(&str, &str); 2] = [("pages", "txt"), ("md", "md")];

pub struct DocsFolder {
    /// Sorted by page name, the rendered copy before the markdown source.
    pub pages: Vec<DocPage>,
    /// Every file name in `payloads/`.
    pub payload_files: BTreeSet<String>,
    /// Payload files whose page is not in the folder.
    pub orphan_payloads: Vec<String>,
}

pub struct DocPage {
    /// Relative to the docs folder: `pages/NAME.txt` or `md/NAME.md`.
    pub path: String,
    /// `NAME`, which mirrors the page's URL (`incoming-message__TextMessage`).
    pub stem: String,
    pub page: Page,
    /// Distinct example bodies: the payload files first, then page examples no payload repeats.
    pub examples: Vec<Example>,
    /// Payload files of the page that hold no JSON to check, with the reason.
    pub unchecked: Vec<(String, &'static str)>,
}

pub struct Example {
    /// How the report names it: `__md2.json` for a payload file, `#3` for the third body read
    /// only from the page text.
    pub name: String,
    /// The payload file name, when it came from one.
    pub file: Option<String>,
    pub value: Value,
}

/// One file of `payloads/`, by the page it belongs to.
struct PayloadFile {
    name: String,
    stem: String,
    /// `true` for `NAME__mdN.*`, the examples of the markdown source.
    markdown: bool,
    number: u32,
    kind: PayloadKind,
}

#[derive(Clone, Copy, PartialEq)]
enum PayloadKind {
    Json,
    /// The docs' invalid JSON as written; a repaired `.json` sits beside it.
    Original,
    Truncated,
    Lossy,
}

const PAYLOAD_SUFFIXES: [(&str, PayloadKind); 4] = [
    (".json", PayloadKind::Json),
    (".orig.txt", PayloadKind::Original),
    (".truncated.txt", PayloadKind::Truncated),
    (".lossy.txt", PayloadKind::Lossy),
];

pub fn read(dir: &Path) -> Result<DocsFolder, DriftError> {
    if !PAGE_FOLDERS
        .iter()
        .any(|(folder, _)| dir.join(folder).is_dir())
    {
        return Err(DriftError::NotDocsFolder(dir.to_path_buf()));
    }
    let payload_files = file_names(&dir.join("payloads"))?;
    let payloads: Vec<PayloadFile> = payload_files
        .iter()
        .filter_map(|name| payload_file(name))
        .collect();
    let mut pages = Vec::new();
    for (folder, extension) in PAGE_FOLDERS {
        for name in file_names(&dir.join(folder))? {
            let Some(stem) = name.strip_suffix(&format!(".{extension}")) else {
                continue;
            };
            let path = dir.join(folder).join(&name);
            let text = fs::read_to_string(&path).map_err(|source| DriftError::Io {
                path: path.clone(),
                source,
            })?;
            let markdown = folder == "md";
            let own: Vec<&PayloadFile> = payloads
                .iter()
                .filter(|p| p.stem == stem && p.markdown == markdown)
                .collect();
            pages.push(doc_page(dir, folder, &name, stem, &text, &own)?);
        }
    }
    pages.sort_by(|a, b| {
        (&a.stem, a.path.starts_with("md/")).cmp(&(&b.stem, b.path.starts_with("md/")))
    });
    let orphan_payloads = payloads
        .iter()
        .filter(|p| {
            let folder = if p.markdown { "md/" } else { "pages/" };
            !pages
                .iter()
                .any(|page| page.stem == p.stem && page.path.starts_with(folder))
        })
        .map(|p| p.name.clone())
        .collect();
    Ok(DocsFolder {
        pages,
        payload_files,
        orphan_payloads,
    })
}

fn doc_page(
    dir: &Path,
    folder: &str,
    name: &str,
    stem: &str,
    text: &str,
    payloads: &[&PayloadFile],
) -> Result<DocPage, DriftError> {
    let page = parse_page(name, text);
    let mut examples: Vec<Example> = Vec::new();
    let mut unchecked = Vec::new();
    let mut sorted = payloads.to_vec();
    sorted.sort_by_key(|p| p.number);
    for payload in sorted {
        let short = payload.name[payload.stem.len()..].to_owned();
        match payload.kind {
            PayloadKind::Json => {
                let path = dir.join("payloads").join(&payload.name);
                let text = fs::read_to_string(&path).map_err(|source| DriftError::Io {
                    path: path.clone(),
                    source,
                })?;
                match serde_json::from_str(&text) {
                    Ok(value) => examples.push(Example {
                        name: short,
                        file: Some(payload.name.clone()),
                        value,
                    }),
                    Err(_) => unchecked.push((short, "not valid JSON")),
                }
            }
            // The repaired `.json` beside it is checked instead.
            PayloadKind::Original => {}
            PayloadKind::Truncated => unchecked.push((short, "the copy of the page cuts it off")),
            PayloadKind::Lossy => unchecked.push((short, "the rendering dropped characters")),
        }
    }
    for (i, value) in page.examples.iter().enumerate() {
        if !examples.iter().any(|e| &e.value == value) {
            examples.push(Example {
                name: format!("#{}", i + 1),
                file: None,
                value: value.clone(),
            });
        }
    }
    Ok(DocPage {
        path: format!("{folder}/{name}"),
        stem: stem.to_owned(),
        page,
        examples,
        unchecked,
    })
}

/// `NAME__N.json`, `NAME__mdN.orig.txt`, ...; `None` for any other file.
fn payload_file(name: &str) -> Option<PayloadFile> {
    let (base, kind) = PAYLOAD_SUFFIXES
        .iter()
        .find_map(|(suffix, kind)| name.strip_suffix(suffix).map(|base| (base, *kind)))?;
    let (stem, index) = base.rsplit_once("__")?;
    let (markdown, digits) = match index.strip_prefix("md") {
        Some(digits) => (true, digits),
        None => (false, index),
    };
    Some(PayloadFile {
        name: name.to_owned(),
        stem: stem.to_owned(),
        markdown,
        number: digits.parse().ok()?,
        kind,
    })
}

/// File names in `dir`, sorted; an absent folder has none.
fn file_names(dir: &Path) -> Result<BTreeSet<String>, DriftError> {
    if !dir.is_dir() {
        return Ok(BTreeSet::new());
    }
    let io = |source| DriftError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut names = BTreeSet::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if entry.path().is_file() {
            names.insert(entry.file_name().to_string_lossy().into_owned());
        }
    }
    Ok(names)
}
