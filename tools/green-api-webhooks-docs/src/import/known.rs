//! What the checked-in spec already defines, so that a draft neither redefines a name nor
//! references a `typeWebhook` the spec does not have.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use green_api_webhooks_spec::{RESERVED_NAMES, Spec, load_dir};

/// A type name the spec defines, with what a draft needs to know to reuse it.
#[derive(Debug, Clone)]
pub enum KnownType {
    Object {
        file: String,
        fields: Vec<String>,
        mandatory: Vec<String>,
    },
    Enum {
        file: String,
        values: Vec<String>,
    },
    /// A message variant, or a name the generated crate keeps for itself.
    Other,
}

#[derive(Debug, Default)]
pub struct KnownSpec {
    pub types: BTreeMap<String, KnownType>,
    /// `typeWebhook` -> (webhook name, spec file).
    pub type_webhooks: BTreeMap<String, (String, String)>,
    /// Webhook names, which live apart from type names.
    pub webhook_names: BTreeSet<String>,
    /// `typeMessage` -> (message name, spec file).
    pub type_messages: BTreeMap<String, (String, String)>,
    /// Whether the spec was read: without it, `typeWebhook` values cannot be checked.
    pub loaded: bool,
    /// Why the spec could not be read, for a note on standard error.
    pub load_problem: Option<String>,
}

impl KnownSpec {
    /// Reads `spec_dir`. A spec with errors (someone may be editing it) gives an empty
    /// `KnownSpec` and a note: drafting still works, only without the name checks.
    pub fn load(spec_dir: &Path) -> KnownSpec {
        match load_dir(spec_dir) {
            Ok(spec) => KnownSpec::from_spec(&spec),
            Err(errors) => KnownSpec {
                load_problem: Some(format!(
                    "{} did not load ({} problems); drafted names are not checked against it",
                    spec_dir.display(),
                    errors.0.len()
                )),
                ..KnownSpec::reserved_only()
            },
        }
    }

    pub fn from_spec(spec: &Spec) -> KnownSpec {
        let mut known = KnownSpec::reserved_only();
        known.loaded = true;
        for module in spec.modules() {
            let file = format!("spec/{}", module.path);
            for object in &module.objects {
                let kind = KnownType::Object {
                    file: file.clone(),
                    fields: object.fields.iter().map(|f| f.wire.clone()).collect(),
                    mandatory: object
                        .fields
                        .iter()
                        .filter(|f| f.mandatory)
                        .map(|f| f.wire.clone())
                        .collect(),
                };
                known.types.insert(object.name.clone(), kind);
            }
            for e in &module.enums {
                let kind = KnownType::Enum {
                    file: file.clone(),
                    values: e.values.iter().map(|v| v.wire.clone()).collect(),
                };
                known.types.insert(e.name.clone(), kind);
            }
            for message in &module.messages {
                known.types.insert(message.name.clone(), KnownType::Other);
                for tag in message.tags() {
                    known
                        .type_messages
                        .insert(tag.to_owned(), (message.name.clone(), file.clone()));
                }
            }
            for webhook in &module.webhooks {
                known.webhook_names.insert(webhook.name.clone());
                known.type_webhooks.insert(
                    webhook.type_webhook.clone(),
                    (webhook.name.clone(), file.clone()),
                );
            }
        }
        known
    }

    fn reserved_only() -> KnownSpec {
        let mut known = KnownSpec::default();
        for name in RESERVED_NAMES {
            known.types.insert((*name).to_string(), KnownType::Other);
        }
        known
    }

    pub fn is_taken(&self, name: &str) -> bool {
        self.types.contains_key(name)
    }
}
