//! Validation reports: every deviation from the spec, with a JSON Pointer in wire names.

use std::fmt;

use crate::JsonType;

use crate::pointer::JsonPointer;

/// How bad a deviation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The body contradicts the spec: a mandatory field is missing, a value has the wrong JSON
    /// type, or a string is outside its documented set of values; or it breaks a rule the spec
    /// marks as an error.
    Error,
    /// The body has something the spec does not know: an unknown field, `typeWebhook` or
    /// `typeMessage`. Green-API adds these before documenting them, so they are kept and flagged.
    /// Also a rule the spec marks as a warning.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// What is wrong at a path. New kinds may come with new checks, so a `match` on it needs a
/// wildcard arm; [`IssueKind::severity`] sorts every kind into an error or a warning.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IssueKind {
    /// A mandatory field is absent.
    MissingField,
    /// A value has a JSON type the spec does not allow here.
    WrongType {
        /// What the spec allows, e.g. `array of objects`.
        expected: String,
        /// What the body has.
        found: JsonType,
    },
    /// An integer too large or too small for the field.
    OutOfRange {
        /// What the spec allows.
        expected: String,
    },
    /// A string outside the documented set of values.
    NotAllowed {
        /// The value in the body.
        value: String,
        /// The documented values.
        allowed: &'static [&'static str],
    },
    /// A field the spec does not describe.
    UnknownField,
    /// A field under another name than the documented one, as some real bodies have it.
    AlternativeSpelling {
        /// The documented wire name.
        documented: &'static str,
    },
    /// A `typeWebhook` or `typeMessage` value the spec does not describe.
    UnknownVariant {
        /// The tag's value in the body.
        value: String,
    },
    /// A `typeMessage` under a `typeWebhook` its page does not list.
    NotUnderWebhook {
        /// The body's `typeWebhook`.
        type_webhook: String,
        /// The `typeWebhook` values the message arrives under.
        documented: &'static [&'static str],
    },
    /// A field mandatory in the bodies of the product whose rules were applied (though not in
    /// every product's, so the checked view has it as an `Option`) is absent.
    MissingInProduct {
        /// That product.
        product: crate::Product,
    },
    /// A `typeWebhook` or `typeMessage` the docs of the body's product do not list.
    NotInProduct {
        /// The product whose rules were applied.
        product: crate::Product,
    },
    /// A documented value that a spec rule does not allow in this place (a reply button among
    /// interactive buttons).
    NotAllowedHere {
        /// The value in the body.
        value: String,
        /// The values allowed here.
        allowed: &'static [&'static str],
    },
    /// A field that must be present because of another field's value.
    RequiredBy {
        /// The wire name of the field whose value requires it.
        field: &'static str,
        /// That value.
        value: &'static str,
    },
    /// A value that does not have the format the spec asks of it, for the body's product.
    BadFormat {
        /// The format, as the spec names it.
        format: crate::Format,
        /// What the format accepts, in words.
        expected: &'static str,
    },
}

impl IssueKind {
    /// Errors contradict the spec; warnings are things it does not know. A kind that comes from a
    /// spec rule (`RequiredBy`, `BadFormat`, `NotAllowedHere`, `MissingInProduct`) is an error
    /// here, and `NotUnderWebhook` a warning; [`Issue::severity`] has the spec's own severity.
    pub fn severity(&self) -> Severity {
        match self {
            IssueKind::UnknownField
            | IssueKind::UnknownVariant { .. }
            | IssueKind::AlternativeSpelling { .. }
            | IssueKind::NotInProduct { .. }
            | IssueKind::NotUnderWebhook { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueKind::MissingField => f.write_str("mandatory field is missing"),
            IssueKind::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            IssueKind::OutOfRange { expected } => {
                write!(f, "expected {expected}, found a number out of its range")
            }
            IssueKind::NotAllowed { value, allowed } => {
                write!(
                    f,
                    "`{value}` is not one of the documented values: {}",
                    allowed.join(", ")
                )
            }
            IssueKind::UnknownField => f.write_str("field is not in the spec; kept as it is"),
            IssueKind::AlternativeSpelling { documented } => {
                write!(
                    f,
                    "another spelling of `{documented}`, as some bodies have it"
                )
            }
            IssueKind::UnknownVariant { value } => {
                write!(
                    f,
                    "`{value}` is not in the spec; the body is kept as raw JSON"
                )
            }
            IssueKind::NotUnderWebhook {
                type_webhook,
                documented,
            } => write!(
                f,
                "this typeMessage does not arrive under typeWebhook `{type_webhook}`; it arrives under {}",
                documented.join(", ")
            ),
            IssueKind::MissingInProduct { product } => {
                write!(f, "mandatory in {product} bodies, and missing")
            }
            IssueKind::NotInProduct { product } => {
                write!(f, "not in the documentation of {product}")
            }
            IssueKind::NotAllowedHere { value, allowed } => {
                write!(
                    f,
                    "`{value}` is not allowed here; allowed: {}",
                    allowed.join(", ")
                )
            }
            IssueKind::RequiredBy { field, value } => {
                write!(f, "mandatory when `{field}` is `{value}`, and missing")
            }
            IssueKind::BadFormat { expected, .. } => write!(f, "expected {expected}"),
        }
    }
}

/// One deviation: where (a JSON Pointer in wire names), how bad, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Where: an RFC 6901 JSON Pointer in wire names, e.g.
    /// `/messageData/textMessageData/textMessage`; the root (empty) pointer is the whole body.
    /// Compare it with a string (`issue.path == "/timestamp"`), print it, or match its
    /// [`segments`](JsonPointer::segments).
    pub path: JsonPointer,
    /// What is wrong.
    pub kind: IssueKind,
    severity: Severity,
}

impl Issue {
    /// An issue of `kind` at `path`, with the kind's severity.
    pub fn new(path: JsonPointer, kind: IssueKind) -> Issue {
        let severity = kind.severity();
        Issue {
            path,
            kind,
            severity,
        }
    }

    /// Whether this is an error or a warning: the kind's, or the spec rule's that found it.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The human-readable message, without the path.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_root() {
            "(root)"
        } else {
            self.path.as_pointer()
        };
        write!(f, "{}: {path}: {}", self.severity(), self.kind)
    }
}

/// Every deviation found by `validate()`: for each object, its typed fields in spec order, then
/// its unknown keys and the values that did not fit, then the spec's rules for the object; last,
/// the rules about the body's kinds (which product sends them, under which `typeWebhook`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The product whose rules were applied.
    pub product: crate::Product,
    /// The issues, in the order described above, at most [`Report::MAX_ISSUES`].
    pub issues: Vec<Issue>,
    /// Errors found after `issues` was full, counted but not kept.
    pub omitted_errors: usize,
    /// Warnings found after `issues` was full, counted but not kept.
    pub omitted_warnings: usize,
}

impl Report {
    /// How many issues a report keeps. A hostile body can have millions (an array of a million
    /// wrong items); past this many, issues are only counted, so validating stays cheap.
    pub const MAX_ISSUES: usize = 100;

    /// True when there is no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.omitted_errors == 0 && self.errors().next().is_none()
    }

    /// True when there is neither an error nor a warning.
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty() && self.omitted_errors == 0 && self.omitted_warnings == 0
    }

    /// The issues that contradict the spec.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity() == Severity::Error)
    }

    /// The issues about things the spec does not know.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity() == Severity::Warning)
    }

    /// An empty report for a body validated under `product`'s rules.
    pub fn for_product(product: crate::Product) -> Report {
        Report {
            product,
            ..Report::default()
        }
    }

    /// The product whose rules are applied.
    pub fn product(&self) -> crate::Product {
        self.product
    }

    pub(crate) fn push(&mut self, path: &Path<'_>, kind: IssueKind) {
        let severity = kind.severity();
        self.push_as(path, kind, severity);
    }

    /// Records an issue with the severity a spec rule gives it.
    pub(crate) fn push_as(&mut self, path: &Path<'_>, kind: IssueKind, severity: Severity) {
        if self.issues.len() < Self::MAX_ISSUES {
            self.issues.push(Issue {
                path: JsonPointer::from(path),
                kind,
                severity,
            });
        } else if severity == Severity::Error {
            self.omitted_errors += 1;
        } else {
            self.omitted_warnings += 1;
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.issues.is_empty() {
            return f.write_str("valid");
        }
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{issue}")?;
        }
        if self.omitted_errors + self.omitted_warnings > 0 {
            write!(
                f,
                "\n... and {} more errors, {} more warnings",
                self.omitted_errors, self.omitted_warnings
            )?;
        }
        Ok(())
    }
}

/// A location in a body while validating. It lives on the stack and becomes a [`JsonPointer`]
/// only when an issue is reported, so validating a valid body allocates nothing.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// The whole body.
    Root,
    /// A key of an object below a path.
    Key(&'a Path<'a>, &'a str),
    /// An item of an array below a path.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of `key` in the object at this path.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of item `index` in the array at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// RFC 6901 JSON Pointer: `/messageData/buttons/1/type`; the root is the empty string.
    pub fn to_pointer(&self) -> String {
        JsonPointer::from(self).into()
    }
}
