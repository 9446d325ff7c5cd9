//! Walks a page's tables from the main one (messageData or the webhook table), giving each
//! reached table an object name and each documented value set an enum, and comparing every
//! object with the example bodies that show it.

use std::collections::{BTreeMap, BTreeSet};

use crate::{Page, Row};
use green_api_webhooks_spec::{MESSAGE_DATA, TypeExpr};
use serde_json::Value;

use super::draft::{DraftEnum, DraftField, DraftObject};
use super::examples::{Expect, compare, json_kind, rows_from_example};
use super::known::{KnownSpec, KnownType};
use green_api_webhooks_rust_model::pascal_case as camel_case;

use super::names::{enum_values, is_single_word, singular};
use super::types::{DocKind, doc_kind};

/// The name of the pseudo-row some pages use to describe the items of an array.
const ITEMS_ROW: &str = "default";

/// A drafted field type, what it accepts in an example, and what the reviewer should know.
struct FieldType {
    ty: TypeExpr,
    expect: Expect,
    notes: Vec<String>,
}

impl FieldType {
    fn plain(ty: TypeExpr, expect: Expect) -> FieldType {
        FieldType {
            ty,
            expect,
            notes: Vec::new(),
        }
    }

    fn any(note: String) -> FieldType {
        FieldType {
            ty: TypeExpr::Any,
            expect: Expect::Any,
            notes: vec![note],
        }
    }
}

pub struct Walker<'p> {
    page: &'p Page,
    known: &'p KnownSpec,
    /// The message or webhook name: a prefix for names that would be vague or taken.
    variant: String,
    /// Table index -> the object name it was given (drafted or reused from the spec).
    named: BTreeMap<usize, String>,
    /// Tables that only describe the items of an array (a `default` row).
    item_tables: BTreeSet<usize>,
    /// Names this draft defines.
    used: BTreeSet<String>,
    /// Drafted objects in the order they are first referenced; filled in after their fields.
    objects: Vec<Option<DraftObject>>,
    enums: Vec<DraftEnum>,
}

impl<'p> Walker<'p> {
    pub fn new(page: &'p Page, known: &'p KnownSpec, variant: &str) -> Walker<'p> {
        Walker {
            page,
            known,
            variant: variant.to_string(),
            named: BTreeMap::new(),
            item_tables: BTreeSet::new(),
            used: BTreeSet::from([variant.to_string()]),
            objects: Vec::new(),
            enums: Vec::new(),
        }
    }

    /// Whether the table at `index` was used: named as an object, or read as an item type.
    pub fn reached(&self, index: usize) -> bool {
        self.named.contains_key(&index) || self.item_tables.contains(&index)
    }

    pub fn finish(self) -> (Vec<DraftObject>, Vec<DraftEnum>) {
        (self.objects.into_iter().flatten().collect(), self.enums)
    }

    /// The message's fields or the webhook's body, from the main table without its tag row.
    /// Without a table, the fields are drafted from the first example that shows the object.
    pub fn main_object(
        &mut self,
        name: &str,
        table: Option<usize>,
        tag: &str,
        instances: &[&Value],
    ) -> DraftObject {
        let (rows, docs) = match table {
            Some(index) => (self.page.tables[index].rows.clone(), None),
            None => (
                rows_from_example(instances.first().copied()),
                Some("(no table: the fields come from an example)".to_string()),
            ),
        };
        if let Some(index) = table {
            self.named.insert(index, name.to_string());
        }
        let mut ancestors: Vec<usize> = table.into_iter().collect();
        let owner = self.variant.clone();
        let (fields, unlisted) = self.fields(&rows, &owner, Some(tag), instances, &mut ancestors);
        DraftObject {
            name: name.to_string(),
            docs,
            fields,
            unlisted,
        }
    }

    /// A name for a new type: `natural` when it is free and says enough on its own, else
    /// prefixed with the variant name (as `ListMessageSection`), else numbered.
    pub fn fresh_name(&mut self, natural: &str) -> String {
        let name = if natural == self.variant {
            // The object holding a message's data is named like the message on many pages.
            format!("{natural}Data")
        } else {
            natural.to_string()
        };
        // A single word (`Button`, `Row`) is too generic to stand alone in the whole spec.
        let chosen = if !is_single_word(&name) && !self.taken(&name) {
            name
        } else {
            let prefixed = if name.starts_with(&self.variant) {
                name
            } else {
                format!("{}{name}", self.variant)
            };
            let mut candidate = prefixed.clone();
            let mut number = 2;
            while self.taken(&candidate) {
                candidate = format!("{prefixed}{number}");
                number += 1;
            }
            candidate
        };
        self.used.insert(chosen.clone());
        chosen
    }

    fn taken(&self, name: &str) -> bool {
        self.used.contains(name) || self.known.is_taken(name)
    }

    /// The fields of one object, compared with the example objects (`instances`) that show it.
    /// `skip` is the tag row of the main table; `ancestors` are the tables being drafted, which
    /// a row cannot refer to without making the type contain itself.
    fn fields(
        &mut self,
        rows: &[Row],
        owner: &str,
        skip: Option<&str>,
        instances: &[&Value],
        ancestors: &mut Vec<usize>,
    ) -> (Vec<DraftField>, Vec<String>) {
        let mut fields: Vec<DraftField> = Vec::new();
        for row in rows {
            if Some(row.name.as_str()) == skip {
                continue;
            }
            if let Some(first) = fields.iter_mut().find(|field| field.wire == row.name) {
                // The spec refuses a field defined twice.
                first.notes.push(format!(
                    "the table lists `{}` twice; drafted once",
                    row.name
                ));
                continue;
            }
            let values: Vec<&Value> = instances.iter().filter_map(|i| i.get(&row.name)).collect();
            let mut field_type = self.field_type(row, owner, &values, ancestors);
            let mut notes = std::mem::take(&mut field_type.notes);
            notes.extend(compare(
                &row.name,
                &field_type.ty,
                &field_type.expect,
                instances,
                &values,
            ));
            fields.push(DraftField {
                wire: row.name.clone(),
                // `extra` is where generated structs keep unknown keys.
                rust: row
                    .name
                    .eq_ignore_ascii_case("extra")
                    .then(|| "extra_field".to_string()),
                ty: field_type.ty,
                mandatory: row.mandatory == Some(true),
                docs: row.description.clone(),
                notes,
            });
        }
        let mut unlisted = Vec::new();
        for instance in instances {
            let Some(map) = instance.as_object() else {
                continue;
            };
            for (key, value) in map {
                let documented = rows.iter().any(|row| &row.name == key);
                if documented || Some(key.as_str()) == skip {
                    continue;
                }
                let note = format!(
                    "example disagrees: `{key}` ({}) is in an example but not in the table",
                    json_kind(value)
                );
                if !unlisted.contains(&note) {
                    unlisted.push(note);
                }
            }
        }
        (fields, unlisted)
    }

    fn field_type(
        &mut self,
        row: &Row,
        owner: &str,
        values: &[&Value],
        ancestors: &mut Vec<usize>,
    ) -> FieldType {
        match doc_kind(&row.kind) {
            DocKind::Scalar(ty) => self.scalar(row, owner, ty),
            DocKind::Object => self.object(row, values, ancestors),
            DocKind::Array(Some(item)) => array_of(self.scalar(row, owner, item)),
            DocKind::Array(None) => self.array(row, owner, values, ancestors),
            DocKind::Unrecognised if row.kind.is_empty() => {
                FieldType::any("the table gives no type; drafted as any".into())
            }
            DocKind::Unrecognised => FieldType::any(format!(
                "the table's type `{}` is not a spec type; drafted as any",
                row.kind
            )),
        }
    }

    /// A scalar, or an enum when the docs list the values of a string.
    fn scalar(&mut self, row: &Row, owner: &str, ty: TypeExpr) -> FieldType {
        let expect = match ty {
            TypeExpr::String if !row.values.is_empty() => {
                let (name, note) = self.enumeration(row, owner);
                let mut field =
                    FieldType::plain(TypeExpr::Named(name), Expect::Enum(row.values.clone()));
                field.notes.extend(note);
                return field;
            }
            TypeExpr::String => Expect::String,
            TypeExpr::Integer => Expect::Integer,
            TypeExpr::Number => Expect::Number,
            TypeExpr::Boolean => Expect::Boolean,
            TypeExpr::StringOrInteger => Expect::StringOrInteger,
            _ => Expect::Any,
        };
        let mut field = FieldType::plain(ty, expect);
        if !row.values.is_empty() {
            field.notes.push(format!(
                "the docs list the values {}; spec enums are strings only",
                row.values.join(", ")
            ));
        }
        field
    }

    fn object(&mut self, row: &Row, values: &[&Value], ancestors: &mut Vec<usize>) -> FieldType {
        if row.name == "messageData" {
            let mut field = FieldType::plain(TypeExpr::Named(MESSAGE_DATA.into()), Expect::Object);
            field.notes.push(
                "`MessageData` is the spec's messageData: one variant per typeMessage".into(),
            );
            return field;
        }
        let Some(index) = self.table_of(&row.name) else {
            return FieldType::any(format!(
                "no table on the page describes `{}`; drafted as any",
                row.name
            ));
        };
        if ancestors.contains(&index) {
            return FieldType::any(format!(
                "`{}` names a table that contains it; drafted as any",
                row.name
            ));
        }
        let instances: Vec<&Value> = values.iter().copied().filter(|v| v.is_object()).collect();
        let (name, note) =
            self.table_object(index, &camel_case(&row.name), row, &instances, ancestors);
        let mut field = FieldType::plain(TypeExpr::Named(name), Expect::Object);
        field.notes.extend(note);
        field
    }

    fn array(
        &mut self,
        row: &Row,
        owner: &str,
        values: &[&Value],
        ancestors: &mut Vec<usize>,
    ) -> FieldType {
        let Some(index) = self.table_of(&row.name) else {
            if !row.values.is_empty() {
                return array_of(self.scalar(row, owner, TypeExpr::String));
            }
            return FieldType::any(format!(
                "no table on the page describes the items of `{}`; drafted as array<any>",
                row.name
            ))
            .into_array();
        };
        let table = &self.page.tables[index];
        if let Some(items) = items_row(&table.rows) {
            // The table is used, as the item type, though no object is drafted from it.
            self.item_tables.insert(index);
            return match doc_kind(&items.kind) {
                DocKind::Scalar(ty) => array_of(self.scalar(items, owner, ty)),
                _ => FieldType::any(format!(
                    "the `{}` table describes its items as `{}`; drafted as array<any>",
                    row.name, items.kind
                ))
                .into_array(),
            };
        }
        if ancestors.contains(&index) {
            return FieldType::any(format!(
                "`{}` names a table that contains it; drafted as array<any>",
                row.name
            ))
            .into_array();
        }
        let natural = match singular(&row.name) {
            Some(item) => camel_case(&item),
            None => format!("{}Item", camel_case(&row.name)),
        };
        let instances: Vec<&Value> = values
            .iter()
            .filter_map(|v| v.as_array())
            .flatten()
            .filter(|v| v.is_object())
            .collect();
        let (name, note) = self.table_object(index, &natural, row, &instances, ancestors);
        let mut field = array_of(FieldType::plain(TypeExpr::Named(name), Expect::Object));
        field.notes.extend(note);
        field
    }

    /// The type name for the table at `index`: a spec object that already has all of its
    /// fields, or a newly drafted object. A table reached twice is drafted once.
    fn table_object(
        &mut self,
        index: usize,
        natural: &str,
        row: &Row,
        instances: &[&Value],
        ancestors: &mut Vec<usize>,
    ) -> (String, Option<String>) {
        if let Some(name) = self.named.get(&index) {
            return (name.clone(), None);
        }
        let table = &self.page.tables[index];
        // A row named after its own table is a copy error, not a field a spec object would have.
        let rows: Vec<Row> = table
            .rows
            .iter()
            .filter(|r| r.name != table.object)
            .cloned()
            .collect();
        if let Some(file) = self.fits_known(natural, &rows) {
            self.named.insert(index, natural.to_string());
            let note = format!(
                "`{natural}` is already in {file} and has every field of the `{}` table; reused",
                table.object
            );
            return (natural.to_string(), Some(note));
        }
        let similar = self.similar_known(&rows).map(|(other, file)| {
            format!(
                "`{other}` in {file} has every field of the `{}` table; consider using it",
                table.object
            )
        });
        let name = self.fresh_name(natural);
        self.named.insert(index, name.clone());
        let slot = self.objects.len();
        self.objects.push(None);
        ancestors.push(index);
        let rows = table.rows.clone();
        let (fields, unlisted) = self.fields(&rows, &name, None, instances, ancestors);
        ancestors.pop();
        self.objects[slot] = Some(DraftObject {
            name: name.clone(),
            docs: Some(row.description.clone()),
            fields,
            unlisted,
        });
        (name, similar)
    }

    /// The spec file of the object `name`, when `rows` fit it: it has every row, and each of
    /// its mandatory fields is a row.
    fn fits_known(&self, name: &str, rows: &[Row]) -> Option<&'p str> {
        let Some(KnownType::Object {
            file,
            fields,
            mandatory,
        }) = self.known.types.get(name)
        else {
            return None;
        };
        let has_rows = rows.iter().all(|row| fields.contains(&row.name));
        let has_mandatory = mandatory
            .iter()
            .all(|m| rows.iter().any(|row| &row.name == m));
        (has_rows && has_mandatory).then_some(file.as_str())
    }

    /// Another spec object that `rows` fit. One-row tables fit too many objects to say much.
    fn similar_known(&self, rows: &[Row]) -> Option<(&'p str, &'p str)> {
        if rows.len() < 2 {
            return None;
        }
        self.known.types.iter().find_map(|(name, kind)| match kind {
            KnownType::Object { file, .. } if self.fits_known(name, rows).is_some() => {
                Some((name.as_str(), file.as_str()))
            }
            _ => None,
        })
    }

    /// The enum for a string row with documented values: a spec enum with the same values,
    /// or a new one named after the field (and its owner, when the field name is one word).
    fn enumeration(&mut self, row: &Row, owner: &str) -> (String, Option<String>) {
        let field = camel_case(&row.name);
        let natural = if is_single_word(&field) {
            let base = owner
                .strip_suffix("Data")
                .filter(|b| !b.is_empty())
                .unwrap_or(owner);
            format!("{base}{field}")
        } else {
            field
        };
        let mut documented: Vec<String> = Vec::new();
        for value in &row.values {
            if !documented.contains(value) {
                documented.push(value.clone());
            }
        }
        if let Some(KnownType::Enum { file, values }) = self.known.types.get(&natural) {
            let same =
                values.len() == documented.len() && documented.iter().all(|v| values.contains(v));
            if same {
                let note = format!("`{natural}` is already in {file} with the same values; reused");
                return (natural, Some(note));
            }
        }
        let name = self.fresh_name(&natural);
        self.enums.push(DraftEnum {
            name: name.clone(),
            docs: row.description.clone(),
            values: enum_values(documented),
        });
        (name, None)
    }

    fn table_of(&self, object: &str) -> Option<usize> {
        self.page
            .tables
            .iter()
            .position(|table| table.object == object)
    }
}

impl FieldType {
    fn into_array(self) -> FieldType {
        array_of(self)
    }
}

fn array_of(item: FieldType) -> FieldType {
    FieldType {
        ty: TypeExpr::Array(Box::new(item.ty)),
        expect: Expect::Array(Box::new(item.expect)),
        notes: item.notes,
    }
}

/// The pseudo-row that describes an array's items, when it is all the table has.
fn items_row(rows: &[Row]) -> Option<&Row> {
    match rows {
        [only] if only.name == ITEMS_ROW => Some(only),
        _ => None,
    }
}
