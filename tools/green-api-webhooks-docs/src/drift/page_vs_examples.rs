//! Check 1: a page against its own example bodies. Keys the tables lack, values of another
//! type than the table gives, mandatory rows no example has, and tag values that are not the
//! ones the page's conditions or tables name.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::docs::Example;
use super::finding::{EXAMPLES, PageFindings};
use green_api_webhooks_spec::JsonType;

use super::kinds::fits_docs_kind;
use super::page_tables::{PageTable, PageTags, TYPE_MESSAGE, TYPE_WEBHOOK, WEBHOOK_TABLE};

pub struct PageEvidence<'a, 'p> {
    pub tables: &'a [PageTable<'p>],
    pub tags: &'a PageTags,
    /// Docs object name -> the spec holder its table was matched with, to name subjects.
    pub holders: &'a BTreeMap<String, String>,
    /// The page lists nested fields as if they were top-level: its one table is every object's.
    pub flat: bool,
}

pub fn check(evidence: &PageEvidence<'_, '_>, examples: &[&Example], found: &mut PageFindings) {
    tag_rows_vs_conditions(evidence.tags, found);
    let mut presence = Presence::default();
    for example in examples {
        // An example of another variant says nothing about this page's tables.
        if !tags_agree(evidence.tags, example, found) {
            continue;
        }
        if let Some(body) = example.value.as_object() {
            let top = evidence.table(WEBHOOK_TABLE);
            evidence.walk(body, top, &example.name, &mut presence, found);
        }
    }
    evidence.mandatory_rows_absent(&presence, found);
}

/// Which tables an example's objects met, and which rows they had.
#[derive(Default)]
struct Presence<'p> {
    seen: BTreeSet<&'p str>,
    present: BTreeSet<(&'p str, String)>,
}

impl<'p> PageEvidence<'_, 'p> {
    fn table(&self, object: &str) -> Option<&PageTable<'p>> {
        self.tables.iter().find(|t| t.object == object)
    }

    /// `Holder.key` when the table was matched with the spec, else the docs' `object.key`.
    fn subject(&self, object: &str, key: &str) -> (String, Vec<&str>) {
        match self.holders.get(object) {
            Some(holder) => (format!("{holder}.{key}"), vec![holder.as_str()]),
            None => (format!("{object}.{key}"), Vec::new()),
        }
    }

    fn walk(
        &self,
        body: &Map<String, Value>,
        table: Option<&PageTable<'p>>,
        example: &str,
        presence: &mut Presence<'p>,
        found: &mut PageFindings,
    ) {
        if let Some(table) = table {
            presence.seen.insert(table.object);
            for (key, value) in body {
                let (subject, owners) = self.subject(table.object, key);
                match table.row(key) {
                    Some(row) => {
                        presence.present.insert((table.object, key.clone()));
                        if !fits_docs_kind(value, &row.kind) {
                            let text = format!(
                                "table: {} vs {EXAMPLES}: {}",
                                row.kind,
                                JsonType::of(value)
                            );
                            found.seen_in(example, &subject, &owners, text);
                        }
                    }
                    // A table cut short may have had the row.
                    None if table.complete => {
                        let text =
                            format!("table `{}`: no row vs {EXAMPLES}: present", table.object);
                        found.seen_in(example, &subject, &owners, text);
                    }
                    None => {}
                }
            }
        }
        for (key, value) in body {
            let child = if self.flat {
                table
            } else {
                self.tables
                    .iter()
                    .find(|t| t.object == key && t.object != WEBHOOK_TABLE)
            };
            let items = match value {
                Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for item in items {
                if let Some(object) = item.as_object() {
                    self.walk(object, child, example, presence, found);
                }
            }
        }
    }

    fn mandatory_rows_absent(&self, presence: &Presence<'p>, found: &mut PageFindings) {
        // A flat list puts nested fields in one table: absence at the top says nothing.
        if self.flat {
            return;
        }
        for table in self.tables {
            if !presence.seen.contains(table.object) {
                continue;
            }
            for row in &table.rows {
                let present = presence.present.contains(&(table.object, row.name.clone()));
                if row.mandatory == Some(true) && !present {
                    let (subject, owners) = self.subject(table.object, &row.name);
                    let text = format!(
                        "table: mandatory vs examples: absent from every `{}`",
                        table.object
                    );
                    found.add(&subject, &owners, text);
                }
            }
        }
    }
}

/// The tag values the tables name against those of the conditions.
fn tag_rows_vs_conditions(tags: &PageTags, found: &mut PageFindings) {
    let pairs = [
        (TYPE_MESSAGE, &tags.condition_messages, &tags.table_messages),
        (TYPE_WEBHOOK, &tags.condition_webhooks, &tags.table_webhooks),
    ];
    for (tag, conditions, named) in pairs {
        let Some(first) = conditions.first() else {
            continue;
        };
        if named.iter().any(|v| !conditions.contains(v)) {
            let text = format!(
                "conditions: {tag} {} vs table: {}",
                conditions.join(", "),
                named.join(", ")
            );
            found.add(first, &[], text);
        }
    }
}

/// Compares an example's tags with what the page states (its conditions, else its tables);
/// records each mismatch and says whether there was none.
fn tags_agree(tags: &PageTags, example: &Example, found: &mut PageFindings) -> bool {
    let body = &example.value;
    let message_tag = body
        .get("messageData")
        .and_then(|data| data.get(TYPE_MESSAGE))
        .and_then(Value::as_str);
    let webhook_tag = body.get(TYPE_WEBHOOK).and_then(Value::as_str);
    let checks = [
        (
            TYPE_WEBHOOK,
            webhook_tag,
            &tags.condition_webhooks,
            &tags.table_webhooks,
        ),
        (
            TYPE_MESSAGE,
            message_tag,
            &tags.condition_messages,
            &tags.table_messages,
        ),
    ];
    let mut agree = true;
    for (tag, value, conditions, named) in checks {
        let (source, expected) = if conditions.is_empty() {
            ("table", named)
        } else {
            ("conditions", conditions)
        };
        let Some(first) = expected.first() else {
            continue;
        };
        if value.is_some_and(|v| expected.iter().any(|e| e == v)) {
            continue;
        }
        agree = false;
        let shown = value.map_or_else(|| "none".to_owned(), str::to_owned);
        let text = format!(
            "{source}: {tag} {} vs {EXAMPLES}: {shown}",
            expected.join(", ")
        );
        let owners: Vec<&str> = value.into_iter().collect();
        found.seen_in(&example.name, first, &owners, text);
    }
    agree
}
