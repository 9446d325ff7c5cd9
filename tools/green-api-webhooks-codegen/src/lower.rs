//! Naming: Rust identifiers for modules, fields and variants, with clash checks. Everything
//! `emit` needs is decided here.

use std::collections::HashMap;

use green_api_webhooks_spec::{Field, Loc, Spec};

use crate::LowerError;
use crate::names::{camel_case, is_keyword, module_name, snake_case};

pub struct Lowered<'s> {
    pub spec: &'s Spec,
    pub modules: Vec<LoweredModule<'s>>,
}

pub struct LoweredModule<'s> {
    pub name: String,
    pub module: &'s green_api_webhooks_spec::Module,
    /// Rust field names, by object or message name, in field order.
    pub field_names: HashMap<&'s str, Vec<String>>,
    /// Rust variant names, by enum name, in value order.
    pub value_names: HashMap<&'s str, Vec<String>>,
}

/// The name of the field that keeps unknown keys; no spec field may take it.
pub const EXTRA: &str = "extra";
/// The name of an open enum's catch-all variant.
pub const OTHER: &str = "Other";

pub fn lower(spec: &Spec) -> Result<Lowered<'_>, Vec<LowerError>> {
    let mut errors = Vec::new();
    let mut modules = Vec::new();
    let mut module_names: HashMap<String, &str> = HashMap::new();
    for module in &spec.modules {
        let name = module_name(&module.path);
        let loc = Loc {
            file: std::sync::Arc::new(module.path.clone().into()),
            line: 1,
            column: 1,
        };
        if let Some(first) = module_names.insert(name.clone(), &module.path) {
            errors.push(LowerError {
                loc: loc.clone(),
                message: format!("module `{name}` clashes with {first}"),
            });
        }
        if matches!(name.as_str(), "webhook" | "message_data" | "mod") {
            errors.push(LowerError {
                loc,
                message: format!("module name `{name}` is taken by the generated crate"),
            });
        }
        let mut field_names = HashMap::new();
        for object in &module.objects {
            field_names.insert(
                object.name.as_str(),
                field_idents(&object.fields, &mut errors),
            );
        }
        for message in &module.messages {
            field_names.insert(
                message.name.as_str(),
                field_idents(&message.fields, &mut errors),
            );
        }
        let mut value_names = HashMap::new();
        for e in &module.enums {
            let mut seen: HashMap<String, &Loc> = HashMap::new();
            let mut names = Vec::new();
            for value in &e.values {
                let name = value
                    .rust
                    .clone()
                    .unwrap_or_else(|| camel_case(&value.wire));
                if name == OTHER {
                    errors.push(LowerError { loc: value.loc.clone(), message: format!("`{OTHER}` is the variant for undocumented values; set `rust` to another name") });
                }
                if let Some(first) = seen.insert(name.clone(), &value.loc) {
                    errors.push(LowerError {
                        loc: value.loc.clone(),
                        message: format!(
                            "variant `{name}` clashes with the value at {first}; set `rust`"
                        ),
                    });
                }
                names.push(name);
            }
            value_names.insert(e.name.as_str(), names);
        }
        modules.push(LoweredModule {
            name,
            module,
            field_names,
            value_names,
        });
    }
    if errors.is_empty() {
        Ok(Lowered { spec, modules })
    } else {
        Err(errors)
    }
}

fn field_idents(fields: &[Field], errors: &mut Vec<LowerError>) -> Vec<String> {
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    let mut names = Vec::new();
    for field in fields {
        let name = field.rust.clone().unwrap_or_else(|| {
            let name = snake_case(&field.wire);
            if is_keyword(&name) {
                format!("r#{name}")
            } else {
                name
            }
        });
        if name == EXTRA {
            errors.push(LowerError {
                loc: field.loc.clone(),
                message: format!("`{EXTRA}` keeps unknown keys; set `rust` to another name"),
            });
        }
        if let Some(first) = seen.insert(name.clone(), &field.loc) {
            errors.push(LowerError {
                loc: field.loc.clone(),
                message: format!("field `{name}` clashes with the field at {first}; set `rust`"),
            });
        }
        names.push(name);
    }
    names
}
