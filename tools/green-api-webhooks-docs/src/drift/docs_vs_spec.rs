//! Check 2: a page's conditions and tables against the spec items it documents. Variants the
//! spec lacks, rows the spec lacks, fields the docs lack (where the table is whole), and
//! differing types, Mandatory flags and allowed values.

use std::collections::BTreeMap;

use crate::Row;
use green_api_webhooks_spec::Field;

use super::finding::PageFindings;
use super::kinds::docs_kind_matches;
use super::links::{Link, PageLinks, Route, holder_for_table};
use super::page_tables::{PageTable, PageTags, TYPE_MESSAGE, TYPE_WEBHOOK};
use super::spec_index::{Holder, SpecIndex};

pub struct DocsSide<'a, 'p> {
    pub tables: &'a [PageTable<'p>],
    pub tags: &'a PageTags,
    pub links: &'a PageLinks<'a>,
}

/// Records every disagreement and returns, for the first linked variant, the spec holder each
/// table was matched with (docs object name -> holder name).
pub fn check(
    docs: &DocsSide<'_, '_>,
    index: &SpecIndex<'_>,
    found: &mut PageFindings,
) -> BTreeMap<String, String> {
    variants(docs, index, found);
    let mut first_holders = BTreeMap::new();
    for (i, link) in docs.links.links.iter().enumerate() {
        let holders = tables_vs_spec(docs.tables, *link, index, found);
        if i == 0 {
            first_holders = holders;
        }
    }
    first_holders
}

/// Tag values the docs state that the spec lacks or spells otherwise.
fn variants(docs: &DocsSide<'_, '_>, index: &SpecIndex<'_>, found: &mut PageFindings) {
    let tags = docs.tags;
    for value in &tags.condition_messages {
        if index.message(value).is_none() {
            let text =
                format!("docs: {TYPE_MESSAGE} {value} (conditions) vs spec: no such message");
            found.add(value, &[], text);
        }
    }
    for value in &tags.condition_webhooks {
        if index.webhook(value).is_none() {
            let text =
                format!("docs: {TYPE_WEBHOOK} {value} (conditions) vs spec: no such webhook");
            found.add(value, &[], text);
        }
    }
    if docs.links.route == Some(Route::PageUrl) {
        // The page is the spec item's page, so what its tag row names is the item's tag.
        for link in &docs.links.links {
            let named = match link {
                Link::Message(_) => &tags.table_messages,
                Link::Webhook(_) => &tags.table_webhooks,
            };
            if !named.is_empty() && !named.iter().any(|v| v == link.tag()) {
                let text = format!(
                    "docs: table names {} {} vs spec {} (page URL): {}",
                    link.tag_name(),
                    named.join(", "),
                    link.name(),
                    link.tag()
                );
                found.add(link.tag(), &[link.name()], text);
            }
        }
    } else if !tags.has_conditions() {
        for value in &tags.table_messages {
            if index.message(value).is_none() {
                let text = format!("docs: {TYPE_MESSAGE} {value} (table) vs spec: no such message");
                found.add(value, &[], text);
            }
        }
        for value in &tags.table_webhooks {
            if index.webhook(value).is_none() {
                let text = format!("docs: {TYPE_WEBHOOK} {value} (table) vs spec: no such webhook");
                found.add(value, &[], text);
            }
        }
    }
    for link in &docs.links.links {
        let Link::Message(message) = link else {
            continue;
        };
        for value in &tags.condition_webhooks {
            if !message.webhooks.contains(value) {
                let text = format!(
                    "docs: arrives as {TYPE_WEBHOOK} {value} vs spec {}.webhooks: {}",
                    message.name,
                    message.webhooks.join(", ")
                );
                found.add(&message.type_message, &[&message.name], text);
            }
        }
    }
}

/// A docs row the spec holder lacks, kept until the unmatched tables are known.
struct MissingRow {
    holder: String,
    row: String,
    kind: String,
}

fn tables_vs_spec(
    tables: &[PageTable<'_>],
    link: Link<'_>,
    index: &SpecIndex<'_>,
    found: &mut PageFindings,
) -> BTreeMap<String, String> {
    let mut holders = BTreeMap::new();
    let mut missing = Vec::new();
    let mut unmatched = Vec::new();
    for table in tables {
        match holder_for_table(table, link, index) {
            Some(holder) => {
                holders.insert(table.object.to_owned(), holder.name().to_owned());
                missing.extend(table_vs_holder(table, holder, index, found));
            }
            None => unmatched.push(table),
        }
    }
    for row in &missing {
        // A docs object the spec lacks: its table's rows belong with the row that names it.
        let table = unmatched.iter().find(|t| t.object == row.row);
        let listed = table.map_or_else(String::new, |t| {
            format!("; the docs' `{}` table lists {}", t.object, row_names(t))
        });
        let text = format!("docs: {} row vs spec: no field{listed}", row.kind);
        found.add(&format!("{}.{}", row.holder, row.row), &[&row.holder], text);
    }
    for table in unmatched {
        let named_by_missing_row = missing.iter().any(|m| m.row == table.object);
        let has_fields = table
            .rows
            .iter()
            .any(|r| Some(r.name.as_str()) != table.tag_row());
        if named_by_missing_row || !has_fields {
            continue;
        }
        let text = format!(
            "docs: table `{}` lists {} vs spec: no field `{}` below {}",
            table.object,
            row_names(table),
            table.object,
            link.name()
        );
        found.add(table.object, &[], text);
    }
    holders
}

/// Compares the rows of one table with the fields of its holder; returns the rows it lacks.
fn table_vs_holder(
    table: &PageTable<'_>,
    holder: Holder<'_>,
    index: &SpecIndex<'_>,
    found: &mut PageFindings,
) -> Vec<MissingRow> {
    let name = holder.name();
    let mut missing = Vec::new();
    for row in &table.rows {
        if Some(row.name.as_str()) == table.tag_row() {
            continue;
        }
        match holder.field(&row.name) {
            Some(field) => row_vs_field(row, field, name, index, found),
            None => missing.push(MissingRow {
                holder: name.to_owned(),
                row: row.name.clone(),
                kind: row.kind.clone(),
            }),
        }
    }
    // Rows of a table cut short may be missing from the copy, not from the docs.
    if table.complete {
        for field in holder.fields() {
            if table.row(&field.wire).is_none() {
                let alias = field
                    .alias_of
                    .as_ref()
                    .map_or_else(String::new, |canonical| format!(", alias of `{canonical}`"));
                let text = format!(
                    "docs: no row vs spec: {}{alias}",
                    index.spec.type_text(&field.ty)
                );
                found.add(&format!("{name}.{}", field.wire), &[name], text);
            }
        }
    }
    missing
}

fn row_vs_field(
    row: &Row,
    field: &Field,
    holder: &str,
    index: &SpecIndex<'_>,
    found: &mut PageFindings,
) {
    let subject = format!("{holder}.{}", field.wire);
    if !docs_kind_matches(&row.kind, &field.ty) {
        let text = format!(
            "docs: {} vs spec: {}",
            row.kind,
            index.spec.type_text(&field.ty)
        );
        found.add(&subject, &[holder], text);
    }
    // Only tables with a Mandatory column say either way.
    if let Some(mandatory) = row.mandatory
        && mandatory != field.mandatory
    {
        let word = |m: bool| if m { "mandatory" } else { "optional" };
        let text = format!(
            "docs: {} vs spec: {}",
            word(mandatory),
            word(field.mandatory)
        );
        found.add(&subject, &[holder], text);
    }
    if row.values.is_empty() {
        return;
    }
    let docs_values = row.values.join(", ");
    match field.ty.enumeration().map(|id| index.spec.enumeration(id)) {
        Some(enumeration) => {
            let spec_values: Vec<&str> =
                enumeration.values.iter().map(|v| v.wire.as_str()).collect();
            let same = spec_values.len() == row.values.len()
                && row.values.iter().all(|v| spec_values.contains(&v.as_str()));
            if !same {
                let text = format!(
                    "docs values of `{subject}`: {docs_values} vs spec {}: {}",
                    enumeration.name,
                    spec_values.join(", ")
                );
                found.add(&enumeration.name, &[&subject, holder], text);
            }
        }
        None => {
            let text = format!(
                "docs values: {docs_values} vs spec: {}, no enum",
                index.spec.type_text(&field.ty)
            );
            found.add(&subject, &[holder], text);
        }
    }
}

fn row_names(table: &PageTable<'_>) -> String {
    let names: Vec<&str> = table
        .rows
        .iter()
        .map(|r| r.name.as_str())
        .filter(|name| Some(*name) != table.tag_row())
        .collect();
    names.join(", ")
}
