//! Names the generated crate takes for itself. Generated types are re-exported at the crate
//! root beside these, and a glob re-export silently loses to a named item, so a spec type may
//! not take any of them. `tests/reserved_names.rs` in the workspace checks this list against
//! what the crate exports.

use crate::model::MESSAGE_DATA;

/// Every name the generated crate defines or exports at its root, and the names generated
/// modules import.
pub const RESERVED_NAMES: &[&str] = &[
    MESSAGE_DATA,
    "Webhook",
    "Extra",
    "UnknownObject",
    "StringOrInteger",
    "Report",
    "Issue",
    "IssueKind",
    "JsonType",
    "Path",
    "JsonPointer",
    "PointerSegment",
    "OpenEnum",
    "Spelled",
    "ChatId",
    "ChatKind",
    "InstanceId",
    // `Product` is written from the spec's `[product.*]` tables, not from an object.
    "Product",
    "Format",
    "Timestamp",
    "Severity",
    "Limits",
    "ParseError",
    "ParseOptions",
    // The checked view: its trait and array view, and the view enums `#[derive(Wire)]` writes
    // beside `Webhook` and `MessageData`. (Every other view is `{Name}View` of a spec type.)
    "Checked",
    "Items",
    "ItemsIter",
    "WebhookView",
    "MessageDataView",
    // The derive every generated declaration uses.
    "Wire",
];
