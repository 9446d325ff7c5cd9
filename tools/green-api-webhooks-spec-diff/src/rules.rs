//! Rules and products: a rule added or made an error is stricter, one removed or made a warning
//! more relaxed; both change which bodies validate, not the Rust API (products aside: a product
//! added is a new `Product` variant, one removed is breaking).

use std::collections::{BTreeMap, BTreeSet};

use green_api_webhooks_spec::{Check, Module, Products, Severity, Spec};

use crate::{Collector, Impact, Section};

/// Each rule of `spec` by what it checks, with its severity and spec file.
fn rules(spec: &Spec) -> BTreeMap<String, (Severity, &str)> {
    let mut out = BTreeMap::new();
    for module in spec.modules() {
        for rule in &module.rules {
            // A rule written for a role is one change, however many fields play the role.
            let at = match rule.role {
                Some(role) => format!("fields of role `{role}`"),
                None => rule.at.clone(),
            };
            out.insert(
                describe(&at, &rule.check),
                (rule.severity, module.path.as_str()),
            );
        }
    }
    out
}

fn describe(at: &str, check: &Check) -> String {
    match check {
        Check::Format(format) => format!("{at} has format `{format}`"),
        Check::Allow { field, values } => {
            format!("{at}: `{field}` takes only {}", values.join(", "))
        }
        Check::Require {
            when_field,
            when_value,
            fields,
        } => format!(
            "{at}: `{when_field}` = `{when_value}` requires {}",
            fields.join(", ")
        ),
    }
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "an error",
        Severity::Warning => "a warning",
    }
}

pub(crate) fn compare(out: &mut Collector<'_, '_>) {
    let (old, new) = (rules(out.old.spec), rules(out.new.spec));
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for key in keys {
        let (impact, what, why, file) = match (old.get(key), new.get(key)) {
            (None, Some((now, file))) => (
                Impact::Behaviour,
                format!("rule added ({})", severity(*now)),
                "stricter: bodies that break it are reported".to_string(),
                *file,
            ),
            (Some((was, file)), None) => (
                Impact::Behaviour,
                format!("rule removed (was {})", severity(*was)),
                "more relaxed: bodies that broke it are no longer reported".to_string(),
                *file,
            ),
            (Some((was, _)), Some((now, file))) if was != now => (
                Impact::Behaviour,
                format!("severity {} -> {}", severity(*was), severity(*now)),
                if *now == Severity::Error {
                    "stricter: bodies that break it become invalid".to_string()
                } else {
                    "more relaxed: bodies that break it stay valid".to_string()
                },
                *file,
            ),
            _ => continue,
        };
        out.push(
            Section::File(file.to_string()),
            impact,
            key.clone(),
            what,
            why,
        );
    }
    arrivals(out);
    kind_products(out);
    products(out);
}

/// The `typeWebhook`s each message that both specs have arrives under, and how bad another is.
fn arrivals(out: &mut Collector<'_, '_>) {
    let (old, new) = (out.old.spec, out.new.spec);
    let mut found = Vec::new();
    for after in new.messages() {
        let Some(before) = old.message_tagged(&after.type_message) else {
            continue;
        };
        let list = |webhooks: &[String]| {
            if webhooks.is_empty() {
                "any".to_string()
            } else {
                webhooks.join(", ")
            }
        };
        if before.webhooks != after.webhooks {
            found.push((
                after.type_message.clone(),
                format!(
                    "arrives under: {} -> {}",
                    list(&before.webhooks),
                    list(&after.webhooks)
                ),
            ));
        }
        if before.webhooks_severity != after.webhooks_severity {
            found.push((
                after.type_message.clone(),
                format!(
                    "under another typeWebhook: {} -> {}",
                    severity(before.webhooks_severity),
                    severity(after.webhooks_severity)
                ),
            ));
        }
    }
    for (tag, what) in found {
        out.push(
            Section::Message(tag.clone()),
            Impact::Behaviour,
            format!("typeMessage `{tag}`"),
            what,
            "bodies under other typeWebhooks are reported differently",
        );
    }
}

/// The products that send each webhook and message that both specs have: a body of a product
/// added to the list loses its `NotInProduct` warning, one of a product removed gains it.
fn kind_products(out: &mut Collector<'_, '_>) {
    let (old, new) = (out.old.spec, out.new.spec);
    let list = |products: &Products| match products {
        Products::All => "every product".to_string(),
        Products::Only(names) => names.join(", "),
    };
    let mut found = Vec::new();
    for after in new.webhooks() {
        let before = old
            .webhooks()
            .find(|w| w.type_webhook == after.type_webhook);
        if let Some(before) = before.filter(|b| b.products != after.products) {
            let key = format!("typeWebhook `{}`", after.type_webhook);
            let section = Section::Webhook(after.type_webhook.clone());
            found.push((section, key, &before.products, &after.products));
        }
    }
    for after in new.messages() {
        let before = old.message_tagged(&after.type_message);
        if let Some(before) = before.filter(|b| b.products != after.products) {
            let key = format!("typeMessage `{}`", after.type_message);
            let section = Section::Message(after.type_message.clone());
            found.push((section, key, &before.products, &after.products));
        }
    }
    for (section, key, before, after) in found {
        out.push(
            section,
            Impact::Behaviour,
            key,
            format!("sent by: {} -> {}", list(before), list(after)),
            "the products whose bodies get a `NotInProduct` warning for it changed",
        );
    }
}

fn products(out: &mut Collector<'_, '_>) {
    let names = |spec: &Spec| -> BTreeMap<String, String> {
        spec.modules()
            .iter()
            .flat_map(|m: &Module| m.products.iter().map(|p| (p.name.clone(), m.path.clone())))
            .collect()
    };
    let (old, new) = (names(out.old.spec), names(out.new.spec));
    for (name, file) in &new {
        if !old.contains_key(name) {
            out.push(
                Section::File(file.clone()),
                Impact::Behaviour,
                format!("Product::{name}"),
                "product added",
                "a new `Product` variant (the enum is non-exhaustive); its bodies get its rules",
            );
        }
    }
    for (name, file) in &old {
        if !new.contains_key(name) {
            out.push(
                Section::File(file.clone()),
                Impact::Breaking,
                format!("Product::{name}"),
                "product removed",
                "the `Product` variant disappears",
            );
        }
    }
}
