//! The green-api-webhooks spec: TOML files under `spec/` that describe every Green-API webhook
//! body, loaded into a plain [`Spec`] model. Loading reports every problem at once, each with its
//! `file:line:col`.

mod check;
mod error;
mod load;
mod model;
mod reader;

use std::path::{Path, PathBuf};

pub use error::{ErrorKind, SpecError, SpecErrors};
pub use load::parse_type;
pub use model::*;

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
    let mut modules = Vec::new();
    for (file, path, text) in sources {
        let (module, file_errors) = load::load_file(file, path, text);
        errors.extend(file_errors);
        modules.push(module);
    }
    modules.sort_by(|a, b| a.path.cmp(&b.path));
    let spec = Spec { modules };
    errors.extend(check::check(&spec));
    if errors.is_empty() {
        return Ok(spec);
    }
    errors.sort_by(|a, b| {
        let key = |e: &SpecError| (e.loc.file.clone(), e.loc.line, e.loc.column);
        key(a).cmp(&key(b))
    });
    Err(SpecErrors(errors))
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

impl Spec {
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
    pub fn exceptions(&self) -> impl Iterator<Item = &Exception> {
        self.modules.iter().flat_map(|m| &m.exceptions)
    }
}
