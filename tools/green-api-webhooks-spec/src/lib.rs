//! The green-api-webhooks spec: TOML files under `spec/` that describe every Green-API webhook
//! body, loaded into a plain [`Spec`] model. Loading reports every problem at once, each with its
//! `file:line:col`.

mod check;
mod check_rules;
mod error;
mod json;
mod load;
mod model;
mod reader;
mod reserved;
mod resolve;
mod roles;

use std::path::{Path, PathBuf};

pub use error::{ErrorKind, SpecError, SpecErrors};
pub use json::{JsonType, ValueFit};
pub use load::parse_type;
pub use model::*;
pub use reserved::RESERVED_NAMES;
pub use roles::{Role, RoleScope, RoleType};

/// Loads every `*.toml` file below `dir` (in path order) and checks them together.
pub fn load_dir(dir: &Path) -> Result<Spec, SpecErrors> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect_toml_files(dir, &mut files, &mut errors);
    files.sort();
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let relative = file
            .strip_prefix(dir)
            .unwrap_or(&file)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read_to_string(&file) {
            Ok(text) => sources.push((file, relative, text)),
            Err(e) => errors.push(io_error(&file, &e)),
        }
    }
    let result = load_sources(
        sources
            .iter()
            .map(|(f, r, t)| (f.clone(), r.clone(), t.as_str())),
    );
    match result {
        Ok(spec) if errors.is_empty() => Ok(spec),
        Ok(_) => Err(SpecErrors(errors)),
        Err(SpecErrors(more)) => {
            errors.extend(more);
            Err(SpecErrors(errors))
        }
    }
}

/// Loads spec files given as `(file shown in errors, path in the model, contents)`.
pub fn load_sources<'a>(
    sources: impl IntoIterator<Item = (PathBuf, String, &'a str)>,
) -> Result<Spec, SpecErrors> {
    let mut errors = Vec::new();
    let mut files: Vec<load::LoadedFile> = sources
        .into_iter()
        .map(|(file, path, text)| load::load_file(file, path, text))
        .collect();
    files.sort_by(|a, b| a.module.path.cmp(&b.module.path));
    let mut modules = Vec::with_capacity(files.len());
    let (mut written, mut bodies) = (Vec::new(), Vec::new());
    for file in files {
        errors.extend(file.errors);
        modules.push(file.module);
        written.push(file.written);
        bodies.push(file.bodies);
    }
    expand_role_rules(&mut modules);
    let tables = resolve::resolve(&mut modules, written, bodies, &mut errors);
    let spec = Spec {
        modules,
        object_at: tables.object_at,
        enum_at: tables.enum_at,
    };
    errors.extend(check::check(&spec));
    errors.extend(check_rules::check(&spec));
    if errors.is_empty() {
        return Ok(spec);
    }
    errors.sort_by(|a, b| {
        let key = |e: &SpecError| (e.loc.file.clone(), e.loc.line, e.loc.column);
        key(a).cmp(&key(b))
    });
    Err(SpecErrors(errors))
}

/// Replaces each rule written for a role by one rule per object field that plays the role, in
/// path order, so that every rule past loading names its field.
fn expand_role_rules(modules: &mut [Module]) {
    let playing: Vec<(Role, String)> = modules
        .iter()
        .flat_map(|m| &m.objects)
        .flat_map(|o| {
            o.fields
                .iter()
                .filter_map(move |f| Some((f.role?, format!("{}.{}", o.name, f.wire))))
        })
        .collect();
    for module in modules {
        module.rules = std::mem::take(&mut module.rules)
            .into_iter()
            .flat_map(|rule| match rule.role {
                None => vec![rule],
                Some(role) => playing
                    .iter()
                    .filter(|(played, _)| *played == role)
                    .map(|(_, at)| Rule {
                        at: at.clone(),
                        ..rule.clone()
                    })
                    .collect(),
            })
            .collect();
    }
}

fn collect_toml_files(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<SpecError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(io_error(dir, &e)),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_toml_files(&path, files, errors);
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            files.push(path);
        }
    }
}

fn io_error(path: &Path, error: &std::io::Error) -> SpecError {
    SpecError {
        loc: Loc {
            file: std::sync::Arc::new(path.to_path_buf()),
            line: 1,
            column: 1,
        },
        kind: ErrorKind::Io(error.to_string()),
    }
}

impl Message {
    /// Every `typeMessage` value of the message: the documented one, then the other spellings.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.type_message.as_str())
            .chain(self.also_tagged.iter().map(String::as_str))
    }
}

impl Spec {
    /// The spec files, in path order.
    pub fn modules(&self) -> &[Module] {
        &self.modules
    }

    /// The object `id` refers to.
    pub fn object(&self, id: ObjectId) -> &Object {
        let (module, index) = self.object_at[id.0 as usize];
        &self.modules[module].objects[index]
    }

    /// The enum `id` refers to.
    pub fn enumeration(&self, id: EnumId) -> &Enum {
        let (module, index) = self.enum_at[id.0 as usize];
        &self.modules[module].enums[index]
    }

    /// The spec file that defines the object `id`.
    pub fn module_of_object(&self, id: ObjectId) -> &Module {
        &self.modules[self.object_at[id.0 as usize].0]
    }

    /// The spec file that defines the enum `id`.
    pub fn module_of_enum(&self, id: EnumId) -> &Module {
        &self.modules[self.enum_at[id.0 as usize].0]
    }

    /// Every object with its id, in path order, then file order.
    pub fn object_ids(&self) -> impl Iterator<Item = (ObjectId, &Object)> {
        self.objects()
            .enumerate()
            .map(|(i, object)| (ObjectId(i as u32), object))
    }

    /// Every enum with its id, in path order, then file order.
    pub fn enum_ids(&self) -> impl Iterator<Item = (EnumId, &Enum)> {
        self.enums().enumerate().map(|(i, e)| (EnumId(i as u32), e))
    }

    /// The object named `name`, for tools that start from a name a person gave.
    pub fn object_named(&self, name: &str) -> Option<(ObjectId, &Object)> {
        self.object_ids().find(|(_, object)| object.name == name)
    }

    /// The enum named `name`, for tools that start from a name a person gave.
    pub fn enum_named(&self, name: &str) -> Option<(EnumId, &Enum)> {
        self.enum_ids().find(|(_, e)| e.name == name)
    }

    /// The name of the object or enum a type refers to (looking through arrays), or
    /// `MessageData`; `None` for JSON scalars and `any`.
    pub fn type_name(&self, ty: &Type) -> Option<&str> {
        match ty.innermost() {
            Type::Object(id) => Some(&self.object(*id).name),
            Type::Enum(id) => Some(&self.enumeration(*id).name),
            Type::MessageData => Some(MESSAGE_DATA),
            _ => None,
        }
    }

    /// A type as the spec writes it: `array<Button>`, `string|integer`.
    pub fn type_text(&self, ty: &Type) -> String {
        match ty {
            Type::String => "string".into(),
            Type::Integer => "integer".into(),
            Type::Number => "number".into(),
            Type::Boolean => "boolean".into(),
            Type::Any => "any".into(),
            Type::StringOrInteger => "string|integer".into(),
            Type::Array(item) => format!("array<{}>", self.type_text(item)),
            Type::Object(_) | Type::Enum(_) | Type::MessageData => {
                self.type_name(ty).unwrap_or_default().to_owned()
            }
        }
    }

    /// The message a `typeMessage` value (in any of its spellings) names.
    pub fn message_tagged(&self, type_message: &str) -> Option<&Message> {
        self.messages()
            .find(|m| m.tags().any(|tag| tag == type_message))
    }

    pub fn messages(&self) -> impl Iterator<Item = &Message> {
        self.modules.iter().flat_map(|m| &m.messages)
    }
    pub fn webhooks(&self) -> impl Iterator<Item = &Webhook> {
        self.modules.iter().flat_map(|m| &m.webhooks)
    }
    pub fn objects(&self) -> impl Iterator<Item = &Object> {
        self.modules.iter().flat_map(|m| &m.objects)
    }
    pub fn enums(&self) -> impl Iterator<Item = &Enum> {
        self.modules.iter().flat_map(|m| &m.enums)
    }
    pub fn bad_examples(&self) -> impl Iterator<Item = &BadExample> {
        self.modules.iter().flat_map(|m| &m.bad_examples)
    }
    /// Every product, in path order then file order.
    pub fn products(&self) -> impl Iterator<Item = &Product> {
        self.modules.iter().flat_map(|m| &m.products)
    }

    /// The product whose rules apply to a body that names none.
    pub fn default_product(&self) -> Option<&Product> {
        self.products().find(|p| p.default)
    }

    /// Every rule, in path order then file order.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.modules.iter().flat_map(|m| &m.rules)
    }

    pub fn exceptions(&self) -> impl Iterator<Item = &Exception> {
        self.modules.iter().flat_map(|m| &m.exceptions)
    }
}
