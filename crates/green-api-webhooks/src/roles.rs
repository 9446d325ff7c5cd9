//! The questions every handler asks, answered across every kind that carries the answer. The
//! spec says which field plays which role (`role = "text"`); the generated crate implements these
//! traits from it (`generated/roles.rs`), and the inherent methods of [`Webhook`](crate::Webhook)
//! and [`MessageData`](crate::MessageData) call them.

use std::borrow::Cow;

use crate::{FileMessageData, InstanceData, InstanceState, InstanceStatus, MessageStatus, Quote};
use crate::{SenderData, StringOrInteger};

/// The roles read inside `messageData`. Each method is documented on the inherent method of
/// [`MessageData`](crate::MessageData) that calls it.
#[allow(missing_docs)]
pub trait MessageRoles {
    fn text(&self) -> Option<&str>;
    fn caption(&self) -> Option<&str>;
    fn file(&self) -> Option<&FileMessageData>;
    fn quoted(&self) -> Option<&Quote>;
    fn choice_id(&self) -> Option<Cow<'_, str>>;
    fn choice_text(&self) -> Option<&str>;
}

/// The roles read in the webhook body. Each method is documented on the inherent method of
/// [`Webhook`](crate::Webhook) that calls it.
#[allow(missing_docs)]
pub trait WebhookRoles {
    fn instance(&self) -> Option<&InstanceData>;
    fn timestamp(&self) -> Option<i64>;
    fn id_message(&self) -> Option<&str>;
    fn sender(&self) -> Option<&SenderData>;
    fn chat_id(&self) -> Option<&str>;
    fn state(&self) -> Option<&InstanceState>;
    fn instance_status(&self) -> Option<&InstanceStatus>;
    fn message_status(&self) -> Option<&MessageStatus>;
}

/// An id that arrives as a string, or as a string or an integer, as text.
pub trait Identifier {
    /// The id as text; an integer is written in decimal.
    fn identifier(&self) -> Cow<'_, str>;
}

impl Identifier for String {
    fn identifier(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl Identifier for StringOrInteger {
    fn identifier(&self) -> Cow<'_, str> {
        match self {
            StringOrInteger::String(text) => Cow::Borrowed(text),
            StringOrInteger::Integer(number) => Cow::Owned(number.to_string()),
        }
    }
}
