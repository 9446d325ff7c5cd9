//! Disagreements that belong to no one page: spec variants no page documents, webhooks a
//! message is allowed under that no page names, payload files without their page.

use std::collections::BTreeSet;

use super::docs::DocsFolder;
use super::finding::PageFindings;
use super::links::Link;
use super::page_tables::{PageTags, page_tables};
use super::report::{Group, GroupOrder};
use super::spec_index::SpecIndex;
use crate::trees::product_of_page;
use green_api_webhooks_spec::Products;

/// The name of the report group for these.
pub const SPEC_GROUP: &str = "(spec)";

pub fn check(folder: &DocsFolder, index: &SpecIndex<'_>) -> Group {
    let mut found = PageFindings::new(BTreeSet::new());
    let pages: Vec<PageTags> = folder
        .pages
        .iter()
        .map(|doc| PageTags::of(&doc.page, &page_tables(&doc.page)))
        .collect();

    // A spec item's `page` URL does not count: every item of a spec file inherits the file's
    // page, whether that page describes it or only shows it in an example.
    let mut documented: BTreeSet<&str> = BTreeSet::new();
    for tags in &pages {
        documented.extend(
            [
                &tags.condition_messages,
                &tags.condition_webhooks,
                &tags.table_messages,
                &tags.table_webhooks,
            ]
            .into_iter()
            .flatten()
            .map(String::as_str),
        );
    }
    // Each product's items are compared with that product's pages; an item only other products
    // send cannot be, when the folder has none of their pages.
    let with_pages: BTreeSet<&str> = folder
        .pages
        .iter()
        .map(|doc| product_of_page(&doc.page.page))
        .collect();
    let mut notes = Vec::new();
    let variants = index
        .spec
        .messages()
        .map(|m| (Link::Message(m), &m.products))
        .chain(
            index
                .spec
                .webhooks()
                .map(|w| (Link::Webhook(w), &w.products)),
        );
    for (link, products) in variants {
        if let Products::Only(names) = products {
            if !names.iter().any(|name| with_pages.contains(name.as_str())) {
                notes.push(format!(
                    "not checked: {} (sent by {} only; the folder has no pages of {})",
                    link.tag(),
                    names.join(", "),
                    if names.len() == 1 { "it" } else { "them" }
                ));
                continue;
            }
        }
        if !documented.contains(link.tag()) {
            let text = format!(
                "docs: no page's conditions or tables name it vs spec: {} ({})",
                link.name(),
                index.file_of(link.name())
            );
            found.add(link.tag(), &[link.name()], text);
        }
    }

    for message in index.spec.messages() {
        let named: BTreeSet<&str> = pages
            .iter()
            .filter(|tags| {
                message
                    .tags()
                    .any(|tag| tags.condition_messages.iter().any(|c| c == tag))
            })
            .flat_map(|tags| tags.condition_webhooks.iter().map(String::as_str))
            .collect();
        if named.is_empty() {
            continue;
        }
        let extra: Vec<&str> = message
            .webhooks
            .iter()
            .map(String::as_str)
            .filter(|w| !named.contains(w))
            .collect();
        if !extra.is_empty() {
            let text = format!(
                "docs: its pages name typeWebhook {} vs spec {}.webhooks: also {}",
                named.into_iter().collect::<Vec<_>>().join(", "),
                message.name,
                extra.join(", ")
            );
            found.add(&message.type_message, &[&message.name], text);
        }
    }

    Group {
        order: GroupOrder::Spec,
        name: SPEC_GROUP.to_owned(),
        title: format!("{SPEC_GROUP}: spec variants and payload files"),
        notes: folder
            .orphan_payloads
            .iter()
            .map(|name| format!("not checked: payloads/{name} (no page of that name)"))
            .chain(notes)
            .collect(),
        disagreements: found.finish(),
    }
}
