//! Validation reports: every deviation from the spec, with a JSON Pointer in wire names.

use std::fmt;

use crate::JsonType;

use crate::pointer::JsonPointer;

/// How bad a deviation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The body contradicts the spec: a mandatory field is missing, a value has the wrong JSON
    /// type, or a string is outside its documented set of values.
    Error,
    /// The body has something the spec does not know: an unknown field, `typeWebhook` or
    /// `typeMessage`. Green-API adds these before documenting them, so they are kept and flagged.
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
}

impl IssueKind {
    /// Errors contradict the spec; warnings are things it does not know.
    pub fn severity(&self) -> Severity {
        match self {
            IssueKind::UnknownField
            | IssueKind::UnknownVariant { .. }
            | IssueKind::AlternativeSpelling { .. } => Severity::Warning,
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
}

impl Issue {
    /// Whether this is an error or a warning.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
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
/// its unknown keys and the values that did not fit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
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

    pub(crate) fn push(&mut self, path: &Path<'_>, kind: IssueKind) {
        if self.issues.len() < Self::MAX_ISSUES {
            self.issues.push(Issue {
                path: JsonPointer::from(path),
                kind,
            });
        } else if kind.severity() == Severity::Error {
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
