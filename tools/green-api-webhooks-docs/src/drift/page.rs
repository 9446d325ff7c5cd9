//! All checks of one documentation page, gathered into its group of the report.

use super::docs::{DocPage, Example};
use super::docs_vs_spec::{self, DocsSide};
use super::examples_vs_spec;
use super::finding::PageFindings;
use super::links::{PageLinks, Route, link_page};
use super::page_tables::{PageTags, is_flat, page_tables};
use super::page_vs_examples::{self, PageEvidence};
use super::report::{Group, GroupOrder};
use super::spec_index::SpecIndex;

pub fn check(doc: &DocPage, index: &SpecIndex<'_>) -> Group {
    let tables = page_tables(&doc.page);
    let tags = PageTags::of(&doc.page, &tables);
    let links = link_page(&doc.stem, &tags, index);
    // The page's tag values and the Rust names of the variants it documents.
    let page_level = links
        .variants
        .iter()
        .cloned()
        .chain(links.links.iter().map(|link| link.name().to_owned()))
        .collect();
    let mut found = PageFindings::new(page_level);

    let docs = DocsSide {
        tables: &tables,
        tags: &tags,
        links: &links,
    };
    let holders = docs_vs_spec::check(&docs, index, &mut found);

    let mut checked: Vec<&Example> = Vec::new();
    for example in &doc.examples {
        let bad = example
            .file
            .as_deref()
            .and_then(|file| index.bad_example(file).map(|bad| (file, bad)));
        match bad {
            Some((file, (reason, place))) => found.known_bad(file, reason, place),
            None => checked.push(example),
        }
    }
    let evidence = PageEvidence {
        tables: &tables,
        tags: &tags,
        holders: &holders,
        flat: is_flat(&doc.page),
    };
    page_vs_examples::check(&evidence, &checked, &mut found);
    for example in &checked {
        examples_vs_spec::check(example, index, &mut found);
    }

    Group {
        order: GroupOrder::Page {
            stem: doc.stem.clone(),
            markdown: doc.path.starts_with("md/"),
        },
        name: doc.path.clone(),
        title: format!("{}: {}", doc.path, describe_links(&links, index)),
        notes: example_notes(doc, &checked),
        disagreements: found.finish(),
    }
}

/// `typeMessage textMessage -> TextMessage (spec/messages/text-message.toml), by conditions`.
fn describe_links(links: &PageLinks<'_>, index: &SpecIndex<'_>) -> String {
    let route = match links.route {
        Some(Route::Conditions) => "by conditions",
        Some(Route::PageUrl) => "by page URL",
        Some(Route::TableValue) => "by the table's tag value",
        None => return "not linked to the spec".to_owned(),
    };
    let items: Vec<String> = links
        .links
        .iter()
        .map(|link| {
            format!(
                "{} {} -> {} ({})",
                link.tag_name(),
                link.tag(),
                link.name(),
                index.file_of(link.name())
            )
        })
        .collect();
    format!("{}; {route}", items.join("; "))
}

fn example_notes(doc: &DocPage, checked: &[&Example]) -> Vec<String> {
    let mut notes = Vec::new();
    if !checked.is_empty() {
        let names: Vec<&str> = checked.iter().map(|e| e.name.as_str()).collect();
        notes.push(format!("examples checked: {}", names.join(", ")));
    }
    for (name, why) in &doc.unchecked {
        notes.push(format!("not checked: {name} ({why})"));
    }
    notes
}
