//! The formats a spec rule can ask of a value, by the names spec files write. The spec tools
//! compile this same file (`tools/green-api-webhooks-spec`), so a format the spec names is one
//! the crate checks.

use std::fmt;

/// A format a string or number must have beyond its JSON type, named by a spec rule such as
/// `format = "chat_id"`. What each accepts may depend on the product (WhatsApp, Telegram, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A chat or participant id of the body's product: `79001234567@c.us`, `...@g.us`,
    /// `...@lid`, `status@broadcast`, `...@newsletter` on WhatsApp; a number, negative for
    /// groups, on Telegram and MAX.
    ChatId,
    /// The instance's own account id: a person's chat id, or empty before authorization.
    Wid,
    /// An instance id: 1 to 12 decimal digits, as an integer or a string.
    InstanceId,
    /// Unix time in seconds (not milliseconds).
    UnixSeconds,
    /// A `typeInstance` the spec knows as a product.
    TypeInstance,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] = [
        Format::ChatId,
        Format::Wid,
        Format::InstanceId,
        Format::UnixSeconds,
        Format::TypeInstance,
    ];

    /// The name spec files write.
    pub fn name(self) -> &'static str {
        match self {
            Format::ChatId => "chat_id",
            Format::Wid => "wid",
            Format::InstanceId => "instance_id",
            Format::UnixSeconds => "unix_seconds",
            Format::TypeInstance => "type_instance",
        }
    }

    /// The format a spec file names `name`.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether the format reads strings (else integers; `InstanceId` reads both).
    pub fn reads_strings(self) -> bool {
        !matches!(self, Format::UnixSeconds)
    }

    /// Whether the format reads integers.
    pub fn reads_integers(self) -> bool {
        matches!(self, Format::InstanceId | Format::UnixSeconds)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
