//! The spec model: plain data, loaded from `spec/*.toml` and checked.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::roles::Role;

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

/// The whole spec: one module per spec file, in path order, every type reference resolved.
///
/// Items are listed by the iterators on [`Spec`] (`objects()`, `enums()`, ...) in path order,
/// then file order; an [`ObjectId`] or [`EnumId`] is a position in that order.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub(crate) modules: Vec<Module>,
    /// `(module, position in the module)` of each object, by [`ObjectId`].
    pub(crate) object_at: Vec<(usize, usize)>,
    /// `(module, position in the module)` of each enum, by [`EnumId`].
    pub(crate) enum_at: Vec<(usize, usize)>,
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
    /// The products (messengers) this file defines, usually all in one file.
    pub products: Vec<Product>,
    /// Conditions on values beyond their types.
    pub rules: Vec<Rule>,
}

/// A Green-API product: a messenger with its own documentation tree, told apart in bodies by
/// `instanceData.typeInstance`.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    /// Rust variant name, e.g. `WhatsApp`; spec files name products by it.
    pub name: String,
    /// The `typeInstance` of its bodies, e.g. `whatsapp`, or `v3` for MAX; `None` for a product
    /// whose bodies cannot be told apart (WABA's say `whatsapp`): its rules apply only on request.
    pub type_instance: Option<String>,
    pub summary: String,
    /// The root of the product's documentation.
    pub page: String,
    /// How its chat ids are written.
    pub chat_ids: ChatIds,
    /// The product whose rules apply to a body that names none.
    pub default: bool,
    pub loc: Loc,
}

/// How a product writes chat ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChatIds {
    /// `"whatsapp"`: `number@c.us`, `id@g.us`, `id@lid`, `status@broadcast`, `id@newsletter`.
    WhatsApp,
    /// `"numeric"`: decimal numbers as strings, negative for groups.
    Numeric,
    /// `"unchecked"`: the docs show no form that a check could hold bodies to.
    Unchecked,
}

impl ChatIds {
    /// Every scheme, with the name spec files write.
    pub const ALL: [(ChatIds, &'static str); 3] = [
        (ChatIds::WhatsApp, "whatsapp"),
        (ChatIds::Numeric, "numeric"),
        (ChatIds::Unchecked, "unchecked"),
    ];
}

/// Which products an item is documented for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Products {
    /// Every product (nothing written).
    #[default]
    All,
    /// Only these, by product name.
    Only(Vec<String>),
}

/// How bad a broken rule is, as written in the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The body contradicts the docs.
    Error,
    /// The body is unusual; worth a look, not a rejection.
    Warning,
}

/// A condition on values beyond their types, with its reason and severity:
/// `[[rule]]` in a spec file.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// `Object.wireName` for a field's rule, `Object` for an object's. A rule written with
    /// `role` stands for one rule per field playing the role, each with its own `at`.
    pub at: String,
    /// The role whose fields the rule was written for (`role = "timestamp"`).
    pub role: Option<Role>,
    /// The object it is about, resolved from `at`.
    pub object: ObjectId,
    /// The field it is about (a position in the object's fields), for field rules.
    pub field: Option<usize>,
    pub check: Check,
    pub severity: Severity,
    /// Why the rule holds, in our words.
    pub reason: String,
    /// The page that states it.
    pub page: String,
    pub loc: Loc,
}

/// What a rule checks.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// `format = "chat_id"`: the field's value has this format (for the body's product).
    Format(Format),
    /// `allow = { type = ["copy", "call"] }`: in the object (or each object of the array) the
    /// field holds, the named field takes only these values here.
    Allow { field: String, values: Vec<String> },
    /// `when = { type = "copy" }, require = ["copyCode"]`: when the object's field has this
    /// value, these fields must be present.
    Require {
        when_field: String,
        when_value: String,
        fields: Vec<String>,
    },
}

impl Check {
    /// The rule's shape as the spec writes it, for messages.
    pub fn shape(&self) -> &'static str {
        match self {
            Check::Format(_) => "format",
            Check::Allow { .. } => "allow",
            Check::Require { .. } => "require",
        }
    }
}

#[path = "../../../crates/green-api-webhooks/src/format.rs"]
mod format;

pub use format::Format;

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
    /// The object holding every body field except `typeWebhook`.
    pub body: ObjectId,
    /// The products that send it.
    pub products: Products,
    pub loc: Loc,
}

/// A `messageData.typeMessage` value and the fields of `messageData` beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Rust variant and type name, e.g. `InteractiveButtonsReply`.
    pub name: String,
    pub type_message: String,
    /// Other `typeMessage` values Green-API sends for the same message; one variant takes them
    /// all and remembers which arrived.
    pub also_tagged: Vec<String>,
    pub summary: String,
    pub page: String,
    /// The `typeWebhook` values this message may arrive under.
    pub webhooks: Vec<String>,
    /// How bad a body with this message under another `typeWebhook` is: a warning unless the
    /// spec says why it is an error (`webhooks_severity`, `webhooks_reason`), since the pages'
    /// conditions leave out some echoes of the instance's own messages.
    pub webhooks_severity: Severity,
    pub webhooks_reason: Option<String>,
    /// The products that send it.
    pub products: Products,
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
    /// What the field means to applications, for the generated accessors.
    pub role: Option<Role>,
    pub ty: Type,
    /// Mandatory in every product's bodies.
    pub mandatory: bool,
    /// Products in whose bodies the field is mandatory although it is not in every product's
    /// (`mandatory = ["WhatsApp"]`); empty when `mandatory` is set.
    pub mandatory_for: Vec<String>,
    pub summary: String,
    pub loc: Loc,
}

/// A field's type as a spec file writes it, before names are resolved: what [`parse_type`]
/// reads, and what drafts write.
///
/// [`parse_type`]: crate::parse_type
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeExpr {
    String,
    Integer,
    Number,
    Boolean,
    Any,
    StringOrInteger,
    Array(Box<TypeExpr>),
    /// A name: an object or enum of the spec, or `MessageData`.
    Named(String),
}

impl fmt::Display for TypeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeExpr::String => f.write_str("string"),
            TypeExpr::Integer => f.write_str("integer"),
            TypeExpr::Number => f.write_str("number"),
            TypeExpr::Boolean => f.write_str("boolean"),
            TypeExpr::Any => f.write_str("any"),
            TypeExpr::StringOrInteger => f.write_str("string|integer"),
            TypeExpr::Array(item) => write!(f, "array<{item}>"),
            TypeExpr::Named(name) => f.write_str(name),
        }
    }
}

/// An object of the spec: its position in [`Spec::objects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectId(pub(crate) u32);

impl ObjectId {
    /// What the loader writes until names are resolved; never seen in a loaded spec.
    pub(crate) const UNRESOLVED: ObjectId = ObjectId(u32::MAX);
}

/// An enum of the spec: its position in [`Spec::enums`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnumId(pub(crate) u32);

/// A field's type, resolved: references are to items of the loaded spec.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
    Object(ObjectId),
    /// A documented set of strings.
    Enum(EnumId),
    /// `messageData`, chosen by its `typeMessage`.
    MessageData,
}

impl Type {
    /// The type of the items, looking through arrays.
    pub fn innermost(&self) -> &Type {
        match self {
            Type::Array(item) => item.innermost(),
            other => other,
        }
    }

    /// The object this type refers to, looking through arrays.
    pub fn object(&self) -> Option<ObjectId> {
        match self.innermost() {
            Type::Object(id) => Some(*id),
            _ => None,
        }
    }

    /// The enum this type refers to, looking through arrays.
    pub fn enumeration(&self) -> Option<EnumId> {
        match self.innermost() {
            Type::Enum(id) => Some(*id),
            _ => None,
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

/// The name under which the spec and the generated crate know the `messageData` enum.
pub const MESSAGE_DATA: &str = "MessageData";

/// What drafts write where a person must: a spec that still has it does not load.
pub const DRAFT_PLACEHOLDER: &str = "TODO";
