//! One spec, looked up by the keys the comparison uses: variants by their wire tag, types by
//! name, and which variants reach each type.

use std::collections::{BTreeMap, BTreeSet};

use green_api_webhooks_rust_model::{RustType, rust_type};
use green_api_webhooks_spec::{Enum, Message, Module, Object, Spec, Type, Webhook};

use crate::Section;

/// An item of the spec and the file that defines it.
pub(crate) struct Located<'s, T> {
    pub item: &'s T,
    pub module: &'s Module,
}

// Derived `Clone`/`Copy` would require `T: Copy`; the fields are references either way.
impl<T> Clone for Located<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Located<'_, T> {}

pub(crate) struct Index<'s> {
    pub spec: &'s Spec,
    /// By `typeWebhook`.
    pub webhooks: BTreeMap<&'s str, Located<'s, Webhook>>,
    /// By `typeMessage`.
    pub messages: BTreeMap<&'s str, Located<'s, Message>>,
    /// By name.
    pub objects: BTreeMap<&'s str, Located<'s, Object>>,
    /// By name.
    pub enums: BTreeMap<&'s str, Located<'s, Enum>>,
    /// Type name -> the variants whose bodies contain it.
    users: BTreeMap<&'s str, BTreeSet<Section>>,
}

impl<'s> Index<'s> {
    pub fn new(spec: &'s Spec) -> Self {
        let mut index = Index {
            spec,
            webhooks: BTreeMap::new(),
            messages: BTreeMap::new(),
            objects: BTreeMap::new(),
            enums: BTreeMap::new(),
            users: BTreeMap::new(),
        };
        // A loaded spec has no duplicates; should one slip through, the first definition wins,
        // as it does in the loader's error messages.
        for module in spec.modules() {
            for item in &module.webhooks {
                let at = Located { item, module };
                index.webhooks.entry(&item.type_webhook).or_insert(at);
            }
            for item in &module.messages {
                let at = Located { item, module };
                index.messages.entry(&item.type_message).or_insert(at);
            }
            for item in &module.objects {
                let at = Located { item, module };
                index.objects.entry(&item.name).or_insert(at);
            }
            for item in &module.enums {
                index
                    .enums
                    .entry(&item.name)
                    .or_insert(Located { item, module });
            }
        }
        let roots: Vec<(Section, Vec<&'s str>)> = index
            .webhooks
            .iter()
            .map(|(tag, w)| {
                (
                    Section::Webhook(tag.to_string()),
                    vec![spec.object(w.item.body).name.as_str()],
                )
            })
            .chain(index.messages.iter().map(|(tag, m)| {
                let named = m
                    .item
                    .fields
                    .iter()
                    .filter_map(|f| index.named(&f.ty))
                    .collect();
                (Section::Message(tag.to_string()), named)
            }))
            .collect();
        for (section, start) in roots {
            for name in index.reachable(start) {
                index.users.entry(name).or_default().insert(section.clone());
            }
        }
        index
    }

    /// Every type name reachable from `start` through object fields. `MessageData` is not
    /// followed: each message is a variant of its own.
    fn reachable(&self, start: Vec<&'s str>) -> BTreeSet<&'s str> {
        let mut seen = BTreeSet::new();
        let mut pending = start;
        while let Some(name) = pending.pop() {
            if !seen.insert(name) {
                continue;
            }
            if let Some(object) = self.objects.get(name) {
                let fields = object.item.fields.iter();
                pending.extend(fields.filter_map(|f| self.named(&f.ty)));
            }
        }
        seen
    }

    /// The variants whose bodies contain the type `name`.
    pub fn users_of(&self, name: &str) -> BTreeSet<Section> {
        self.users.get(name).cloned().unwrap_or_default()
    }

    /// The `typeWebhook` of the webhook whose Rust name is `name`.
    pub fn webhook_named(&self, name: &str) -> Option<&'s str> {
        let found = self.webhooks.iter().find(|(_, w)| w.item.name == name);
        found.map(|(tag, _)| *tag)
    }

    /// The `typeMessage` of the message whose Rust name is `name`.
    pub fn message_named(&self, name: &str) -> Option<&'s str> {
        let found = self.messages.iter().find(|(_, m)| m.item.name == name);
        found.map(|(tag, _)| *tag)
    }

    /// Whether `name` is an object or enum of this spec.
    pub fn has_type(&self, name: &str) -> bool {
        self.objects.contains_key(name) || self.enums.contains_key(name)
    }

    /// The name of the object or enum `ty` refers to (looking through arrays); `MessageData` is
    /// not followed: each message is a variant of its own.
    pub fn named(&self, ty: &Type) -> Option<&'s str> {
        match ty.innermost() {
            Type::Object(_) | Type::Enum(_) => self.spec.type_name(ty),
            _ => None,
        }
    }

    /// The type as the spec writes it, for reports: `array<Button>`.
    pub fn type_text(&self, ty: &Type) -> String {
        self.spec.type_text(ty)
    }

    /// The Rust type of a field's value, as the generated crate declares it.
    pub fn rust_type(&self, ty: &Type) -> RustType {
        rust_type(self.spec, ty)
    }
}
