use std::fmt;

use crate::model::Loc;

/// Everything wrong with a spec, in file order.
#[derive(Debug, thiserror::Error)]
pub struct SpecErrors(pub Vec<SpecError>);

impl fmt::Display for SpecErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// One problem, with the place it was found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{loc}: {kind}")]
pub struct SpecError {
    pub loc: Loc,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("TOML syntax: {0}")]
    Syntax(String),
    #[error("unknown key `{key}`; expected one of: {expected}")]
    UnknownKey { key: String, expected: String },
    #[error("missing key `{key}`")]
    MissingKey { key: &'static str },
    #[error("`{key}` must be {expected}")]
    WrongValue { key: String, expected: &'static str },
    #[error("`{text}` is not a type: {reason}")]
    BadType { text: String, reason: &'static str },
    #[error("`{name}` is not a role; expected one of: {}", crate::roles::Role::ALL.map(|r| r.name()).join(", "))]
    UnknownRole { name: String },
    #[error("role `{role}` needs {expected}, and this field is {found}")]
    RoleType {
        role: crate::roles::Role,
        expected: &'static str,
        found: String,
    },
    #[error(
        "role `{role}` is played by {other} elsewhere (at {first}); every field of a role has one type"
    )]
    RoleTypesDiffer {
        role: crate::roles::Role,
        other: String,
        first: Loc,
    },
    #[error("`{key}` is still the draft's placeholder `TODO`: write it in your own words")]
    Placeholder { key: &'static str },
    #[error("`{name}` is not an object or enum defined by any spec file, nor `MessageData`")]
    Undefined { name: String },
    #[error("{what} `{name}` is defined twice (first at {first})")]
    Duplicate {
        what: &'static str,
        name: String,
        first: Loc,
    },
    #[error("`{name}` is not a valid {what}: {reason}")]
    BadName {
        what: &'static str,
        name: String,
        reason: &'static str,
    },
    #[error("unknown typeWebhook `{0}`: no `[webhook.*]` has it")]
    UnknownWebhook(String),
    #[error("`{name}` is not a format; expected one of: {expected}")]
    UnknownFormat { name: String, expected: String },
    #[error("a rule has exactly one of `format`, `allow`, or `when` with `require`")]
    RuleShape,
    #[error("a rule has `at` (an object or `Object.field`), or `role` with a `format`")]
    RuleTarget,
    #[error("`{name}` is not a product of the spec")]
    UnknownProduct { name: String },
    #[error("{0}")]
    BadRule(String),
    #[error("exactly one product is the `default`, found {0}")]
    DefaultProducts(usize),
    #[error("`{at}` does not name an object, field, enum, typeMessage or typeWebhook of the spec")]
    DanglingException { at: String },
}
