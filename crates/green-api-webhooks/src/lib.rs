#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

// The derive refers to this crate by name, also from inside it.
extern crate self as green_api_webhooks;

#[rustfmt::skip]
mod generated;
mod checks;
mod format;
mod json_type;
mod limits;
mod message_data;
mod open_enum;
mod parse;
mod pointer;
mod report;
mod roles;
mod spelled;
mod values;
mod view;
mod webhook;
mod wire;

pub use format::Format;
pub use generated::*;
pub use json_type::JsonType;
pub use limits::Limits;
pub use open_enum::OpenEnum;
pub use parse::{ParseError, ParseOptions};
pub use pointer::{JsonPointer, PointerSegment};
pub use report::{Issue, IssueKind, Path, Report, Severity};
pub use spelled::Spelled;
pub use values::{ChatId, ChatKind, InstanceId, Timestamp};
pub use view::{Checked, Items, ItemsIter};
pub use wire::{Extra, StringOrInteger, UnknownObject};

/// What generated code needs; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::checks::{
        ChatIdScheme, FormatInput, Input, KindRules, MessageRules, Rules, check_allowed,
        check_format, report_missing_in_product, report_required,
    };
    pub use crate::roles::{Identifier, MessageRoles, WebhookRoles};
    pub use crate::webhook::MessageCarrier;
    pub use crate::wire::*;
    pub use serde;
    pub use serde_json;
}
