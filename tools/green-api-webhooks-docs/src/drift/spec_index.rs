//! Lookups into the spec by the names the docs use: `typeMessage`/`typeWebhook` values, and the
//! spec file each item comes from. Types are reached through the spec's resolved references.

use std::collections::BTreeMap;

use green_api_webhooks_spec::{BadExample, Field, Loc, Message, Object, Spec, Webhook};

pub struct SpecIndex<'s> {
    pub spec: &'s Spec,
    /// How the report names the spec folder (`spec`).
    label: String,
    messages: BTreeMap<&'s str, &'s Message>,
    webhooks: BTreeMap<&'s str, &'s Webhook>,
    /// Rust name of a message or webhook -> path of its spec file.
    files: BTreeMap<&'s str, &'s str>,
    /// Payload file name -> the entry listing it as bad, with its spec file's path.
    bad_examples: BTreeMap<&'s str, (&'s BadExample, &'s str)>,
}

impl<'s> SpecIndex<'s> {
    pub fn new(spec: &'s Spec, label: &str) -> Self {
        let mut files = BTreeMap::new();
        let mut bad_examples = BTreeMap::new();
        for module in spec.modules() {
            for bad in &module.bad_examples {
                bad_examples
                    .entry(bad.payload.as_str())
                    .or_insert((bad, module.path.as_str()));
            }
            for message in &module.messages {
                files.insert(message.name.as_str(), module.path.as_str());
            }
            for webhook in &module.webhooks {
                files.insert(webhook.name.as_str(), module.path.as_str());
            }
        }
        SpecIndex {
            spec,
            label: label.to_owned(),
            messages: spec
                .messages()
                .flat_map(|m| m.tags().map(move |tag| (tag, m)))
                .collect(),
            webhooks: spec
                .webhooks()
                .map(|w| (w.type_webhook.as_str(), w))
                .collect(),
            files,
            bad_examples,
        }
    }

    /// The reason a documented body is wrong, and where the spec says so.
    pub fn bad_example(&self, payload: &str) -> Option<(&'s str, String)> {
        let (bad, module_path) = self.bad_examples.get(payload)?;
        Some((bad.reason.as_str(), self.place(module_path, &bad.loc)))
    }

    /// Every `[[bad_example]]`: its payload file name and where it is written.
    pub fn bad_examples(&self) -> impl Iterator<Item = (&'s str, String)> + '_ {
        self.bad_examples
            .iter()
            .map(|(payload, (bad, module_path))| (*payload, self.place(module_path, &bad.loc)))
    }

    pub fn message(&self, type_message: &str) -> Option<&'s Message> {
        self.messages.get(type_message).copied()
    }

    pub fn webhook(&self, type_webhook: &str) -> Option<&'s Webhook> {
        self.webhooks.get(type_webhook).copied()
    }

    /// `spec/messages/text-message.toml` for a message or webhook's Rust name.
    pub fn file_of(&self, item: &str) -> String {
        let path = self.files.get(item).copied().unwrap_or("?");
        format!("{}/{path}", self.label)
    }

    /// `spec/FILE.toml:LINE` for something written in the module at `module_path`.
    pub fn place(&self, module_path: &str, loc: &Loc) -> String {
        format!("{}/{module_path}:{}", self.label, loc.line)
    }
}

/// What holds fields in the spec: a message (the fields of `messageData` beside
/// `typeMessage`) or an object.
#[derive(Clone, Copy)]
pub enum Holder<'s> {
    Message(&'s Message),
    Object(&'s Object),
}

impl<'s> Holder<'s> {
    /// The Rust name, which is also how exceptions name it.
    pub fn name(self) -> &'s str {
        match self {
            Holder::Message(m) => &m.name,
            Holder::Object(o) => &o.name,
        }
    }

    pub fn fields(self) -> &'s [Field] {
        match self {
            Holder::Message(m) => &m.fields,
            Holder::Object(o) => &o.fields,
        }
    }

    pub fn field(self, wire: &str) -> Option<&'s Field> {
        self.fields().iter().find(|f| f.wire == wire)
    }
}
