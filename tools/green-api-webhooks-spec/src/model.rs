//! The spec model: plain data, loaded from `spec/*.toml` and checked.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// Where something was written in the spec, for error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loc {
    /// Path of the spec file as given to the loader.
    pub file: Arc<PathBuf>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// The whole spec: one module per spec file, in path order.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub modules: Vec<Module>,
}

/// One spec file: usually one documentation page.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// Path relative to the spec folder, with `/` separators (`messages/interactive-buttons.toml`).
    pub path: String,
    /// One line saying what the file covers.
    pub summary: String,
    /// The documentation page the file follows.
    pub page: String,
    pub webhooks: Vec<Webhook>,
    pub messages: Vec<Message>,
    pub objects: Vec<Object>,
    pub enums: Vec<Enum>,
    pub exceptions: Vec<Exception>,
    pub bad_examples: Vec<BadExample>,
}

/// A documented example body that is wrong, by name in the docs' payload folder, and why: tests
/// do not require it to parse to a typed variant or to validate.
#[derive(Clone, Debug, PartialEq)]
pub struct BadExample {
    /// File name, e.g. `root__type-webhook__md1.json`.
    pub payload: String,
    pub reason: String,
    pub loc: Loc,
}

/// A `typeWebhook` value and the object that describes the rest of its body.
#[derive(Clone, Debug, PartialEq)]
pub struct Webhook {
    /// Rust variant name, e.g. `IncomingMessageReceived`.
    pub name: String,
    pub type_webhook: String,
    pub summary: String,
    pub page: String,
    /// Name of the object holding every body field except `typeWebhook`.
    pub body: String,
    pub loc: Loc,
}

/// A `messageData.typeMessage` value and the fields of `messageData` beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Rust variant and type name, e.g. `InteractiveButtonsReply`.
    pub name: String,
    pub type_message: String,
    pub summary: String,
    pub page: String,
    /// The `typeWebhook` values this message may arrive under.
    pub webhooks: Vec<String>,
    /// Fields of `messageData` other than `typeMessage`.
    pub fields: Vec<Field>,
    pub loc: Loc,
}

/// A JSON object with known fields (unknown ones are kept at run time).
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    /// Rust type name.
    pub name: String,
    pub summary: String,
    pub page: String,
    pub fields: Vec<Field>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The key on the wire, e.g. `titleText`.
    pub wire: String,
    /// A Rust name chosen by hand; otherwise the lowering derives one from `wire`.
    pub rust: Option<String>,
    /// The documented field this one is another spelling of, when real bodies use two names
    /// for one thing: either satisfies a mandatory flag, and this one is reported as a warning.
    pub alias_of: Option<String>,
    pub ty: Type,
    pub mandatory: bool,
    pub summary: String,
    pub loc: Loc,
}

/// A field's type as the spec writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    String,
    Integer,
    /// Any JSON number, kept exactly as it arrived.
    Number,
    Boolean,
    /// Any JSON value, kept as it is.
    Any,
    /// Either a string or an integer: the docs and real traffic disagree.
    StringOrInteger,
    Array(Box<Type>),
    /// A named object or enum of the spec, or `MessageData`.
    Named(String),
}

impl Type {
    /// The name of the object or enum this type refers to, looking through arrays.
    pub fn named(&self) -> Option<&str> {
        match self {
            Type::Named(name) => Some(name),
            Type::Array(item) => item.named(),
            _ => None,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::String => f.write_str("string"),
            Type::Integer => f.write_str("integer"),
            Type::Number => f.write_str("number"),
            Type::Boolean => f.write_str("boolean"),
            Type::Any => f.write_str("any"),
            Type::StringOrInteger => f.write_str("string|integer"),
            Type::Array(item) => write!(f, "array<{item}>"),
            Type::Named(name) => f.write_str(name),
        }
    }
}

/// A documented set of string values. Unknown values are kept at run time and reported.
#[derive(Clone, Debug, PartialEq)]
pub struct Enum {
    pub name: String,
    pub summary: String,
    pub page: String,
    pub values: Vec<EnumValue>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumValue {
    pub wire: String,
    pub rust: Option<String>,
    pub summary: String,
    pub loc: Loc,
}

/// A place where the spec departs from what a documentation page says, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    /// What it is about: `Object`, `Object.wireName`, or a `typeMessage`/`typeWebhook` value.
    pub at: String,
    /// What the documentation says.
    pub docs: String,
    /// Why the spec says otherwise.
    pub reason: String,
    /// Set (`unchecked = "..."`) when the departure is one drift cannot see, so that drift
    /// expects no disagreement to use the exception.
    pub unchecked: Option<Unchecked>,
    pub loc: Loc,
}

/// What an exception is about that drift does not compare, written `unchecked = "..."`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unchecked {
    /// `"prose"`: what the pages say in words: descriptions, notes, settings named next to the
    /// conditions, or what they leave unsaid.
    Prose,
    /// `"examples"`: what example bodies show beyond keys and JSON types: values (an empty id, a
    /// MIME type that does not fit), a key written twice.
    Examples,
    /// `"traffic"`: bodies seen in real traffic, which the docs do not show.
    Traffic,
}

impl Unchecked {
    /// Every value, as written in the spec.
    pub const ALL: [Unchecked; 3] = [Unchecked::Prose, Unchecked::Examples, Unchecked::Traffic];

    /// The value as written in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Unchecked::Prose => "prose",
            Unchecked::Examples => "examples",
            Unchecked::Traffic => "traffic",
        }
    }

    /// The value written as `text`, if it is one.
    pub fn from_spec(text: &str) -> Option<Unchecked> {
        Unchecked::ALL.into_iter().find(|u| u.as_str() == text)
    }
}

impl std::fmt::Display for Unchecked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name under which the generated crate knows the `messageData` enum.
pub const MESSAGE_DATA: &str = "MessageData";
