//! The Rust side of the spec: every decision about how the generated crate names and shapes a
//! spec item, made here once. Codegen emits it, spec-diff explains changes in its terms, the
//! schema writer and the importer's drafts follow it.
//!
//! - Names: a spec object, enum or message keeps its spec name as its Rust type name; webhooks
//!   and messages are variants of `Webhook` / `MessageData` under their spec names; fields and
//!   enum values get [`field_name`] / [`variant_name`] unless the spec sets `rust`.
//! - Paths: every generated type is reachable under one path, the crate root
//!   ([`public_path`]); spec files become private modules.
//! - Types: [`rust_type`] gives the type of a field's value (fields are `Option` of it).
//! - Growth: [`is_non_exhaustive`] says which generated items may grow in a minor release.

mod names;

use std::collections::HashMap;
use std::fmt;

use green_api_webhooks_spec::{EnumValue, Field, Loc, Module, Role, Spec, Type};

pub use names::{is_keyword, module_name as module_name_of_path, pascal_case, snake_case};

/// The crate the generated code lives in.
pub const CRATE: &str = "green_api_webhooks";
/// The field of every generated struct that keeps unknown keys; no spec field may take it.
pub const EXTRA: &str = "extra";
/// The variant of every open enum that keeps undocumented values.
pub const OTHER: &str = "Other";
/// The variant of `Webhook` and `MessageData` that keeps unknown tags.
pub const UNKNOWN: &str = "Unknown";
/// Module names the generated folder takes for itself.
const RESERVED_MODULES: &[&str] = &["webhook", "message_data", "roles", "rules", "mod"];

/// The kinds of item the generated crate declares, for the growth policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// `Webhook`: a variant per `typeWebhook`.
    Webhook,
    /// `MessageData`: a variant per `typeMessage`.
    MessageData,
    /// A struct for an object or a message's data.
    Struct,
    /// A string enum with a catch-all for undocumented values.
    OpenEnum,
    /// `Product`: a variant per product of the spec.
    Product,
}

/// The growth policy: every generated item is `#[non_exhaustive]`, so that new webhooks,
/// messages, fields and documented values follow the vendor's docs in minor releases. What it
/// costs users: a `match` on a generated enum needs a `_` arm, and generated structs cannot be
/// built with a struct literal outside the crate (start from `Default::default()` and assign
/// fields); reading fields and matching known variants are unaffected.
pub fn is_non_exhaustive(item: Item) -> bool {
    match item {
        Item::Webhook | Item::MessageData | Item::Struct | Item::OpenEnum | Item::Product => true,
    }
}

/// Where users name a generated type: the crate root, whatever spec file defines it.
pub fn public_path(type_name: &str) -> String {
    format!("{CRATE}::{type_name}")
}

/// The Rust name of a field: the spec's `rust`, or the wire name in snake case (a raw
/// identifier when it is a keyword).
pub fn field_name(field: &Field) -> String {
    field.rust.clone().unwrap_or_else(|| {
        let name = snake_case(&field.wire);
        if is_keyword(&name) {
            format!("r#{name}")
        } else {
            name
        }
    })
}

/// The Rust variant of a documented enum value: the spec's `rust`, or the value in Pascal case.
pub fn variant_name(value: &EnumValue) -> String {
    value
        .rust
        .clone()
        .unwrap_or_else(|| pascal_case(&value.wire))
}

/// The (private) Rust module a spec file becomes: `messages/text-message.toml` -> `text_message`.
pub fn module_name(module: &Module) -> String {
    module_name_of_path(&module.path)
}

/// The type of a field's value, as the generated crate declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RustType {
    String,
    I64,
    /// `serde_json::Number`: any JSON number, exactly as it arrived.
    Number,
    Bool,
    /// `serde_json::Value`.
    Value,
    /// The crate's `StringOrInteger`.
    StringOrInteger,
    Vec(Box<RustType>),
    /// A generated type (or `MessageData`), by name.
    Named(String),
}

impl RustType {
    /// The type as code inside the generated crate writes it.
    pub fn in_crate(&self) -> String {
        match self {
            RustType::StringOrInteger => "crate::StringOrInteger".into(),
            RustType::Vec(item) => format!("Vec<{}>", item.in_crate()),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for RustType {
    /// The type as users write it after importing the generated crate's root.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RustType::String => f.write_str("String"),
            RustType::I64 => f.write_str("i64"),
            RustType::Number => f.write_str("serde_json::Number"),
            RustType::Bool => f.write_str("bool"),
            RustType::Value => f.write_str("serde_json::Value"),
            RustType::StringOrInteger => f.write_str("StringOrInteger"),
            RustType::Vec(item) => write!(f, "Vec<{item}>"),
            RustType::Named(name) => f.write_str(name),
        }
    }
}

/// The Rust type of a value of the spec type `ty`.
pub fn rust_type(spec: &Spec, ty: &Type) -> RustType {
    match ty {
        Type::String => RustType::String,
        Type::Integer => RustType::I64,
        Type::Number => RustType::Number,
        Type::Boolean => RustType::Bool,
        Type::Any => RustType::Value,
        Type::StringOrInteger => RustType::StringOrInteger,
        Type::Array(item) => RustType::Vec(Box::new(rust_type(spec, item))),
        Type::Object(_) | Type::Enum(_) | Type::MessageData => {
            RustType::Named(spec.type_name(ty).unwrap_or_default().to_owned())
        }
    }
}

/// A spec that loads but cannot become Rust: clashing names, for instance.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{loc}: {message}")]
pub struct NamingError {
    pub loc: Loc,
    pub message: String,
}

/// Every clash between the names this crate derives: modules, fields of one struct, variants of
/// one enum, and the names generated code keeps for itself.
pub fn check(spec: &Spec) -> Vec<NamingError> {
    let mut errors = Vec::new();
    let mut module_names: HashMap<String, &str> = HashMap::new();
    for module in spec.modules() {
        let name = module_name(module);
        let loc = Loc {
            file: std::sync::Arc::new(module.path.clone().into()),
            line: 1,
            column: 1,
        };
        if let Some(first) = module_names.insert(name.clone(), &module.path) {
            errors.push(NamingError {
                loc: loc.clone(),
                message: format!("module `{name}` clashes with {first}"),
            });
        }
        if RESERVED_MODULES.contains(&name.as_str()) {
            errors.push(NamingError {
                loc,
                message: format!("module name `{name}` is taken by the generated crate"),
            });
        }
        let structs = module
            .objects
            .iter()
            .map(|o| &o.fields)
            .chain(module.messages.iter().map(|m| &m.fields));
        for fields in structs {
            check_fields(fields, &mut errors);
        }
        for e in &module.enums {
            let mut seen: HashMap<String, &Loc> = HashMap::new();
            for value in &e.values {
                let name = variant_name(value);
                if name == OTHER {
                    errors.push(NamingError {
                        loc: value.loc.clone(),
                        message: format!("`{OTHER}` is the variant for undocumented values; set `rust` to another name"),
                    });
                }
                if let Some(first) = seen.insert(name.clone(), &value.loc) {
                    errors.push(NamingError {
                        loc: value.loc.clone(),
                        message: format!(
                            "variant `{name}` clashes with the value at {first}; set `rust`"
                        ),
                    });
                }
            }
        }
    }
    let fields = || {
        spec.messages()
            .flat_map(|m| &m.fields)
            .chain(spec.objects().flat_map(|o| &o.fields))
    };
    for role in Role::ALL {
        if !fields().any(|f| f.role == Some(role)) {
            errors.push(NamingError {
                loc: spec.modules().first().map_or_else(
                    || Loc {
                        file: std::sync::Arc::new("spec".into()),
                        line: 1,
                        column: 1,
                    },
                    |m| Loc {
                        file: std::sync::Arc::new(m.path.clone().into()),
                        line: 1,
                        column: 1,
                    },
                ),
                message: format!(
                    "no field plays the role `{role}`; the generated accessor `{role}()` needs one"
                ),
            });
        }
    }
    for variant in spec
        .webhooks()
        .map(|w| (&w.name, &w.loc))
        .chain(spec.messages().map(|m| (&m.name, &m.loc)))
    {
        if variant.0 == UNKNOWN {
            errors.push(NamingError {
                loc: variant.1.clone(),
                message: format!(
                    "`{UNKNOWN}` is the variant for unknown tags; choose another name"
                ),
            });
        }
    }
    errors
}

fn check_fields(fields: &[Field], errors: &mut Vec<NamingError>) {
    let mut seen: HashMap<String, &Loc> = HashMap::new();
    for field in fields {
        let name = field_name(field);
        if name == EXTRA {
            errors.push(NamingError {
                loc: field.loc.clone(),
                message: format!("`{EXTRA}` keeps unknown keys; set `rust` to another name"),
            });
        }
        if let Some(first) = seen.insert(name.clone(), &field.loc) {
            errors.push(NamingError {
                loc: field.loc.clone(),
                message: format!("field `{name}` clashes with the field at {first}; set `rust`"),
            });
        }
    }
}
