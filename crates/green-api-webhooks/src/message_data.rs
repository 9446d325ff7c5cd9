//! Every inherent method of [`MessageData`]: what its tag says. The type itself is generated from
//! the spec (`generated/message_data.rs`); the derive adds only trait impls, which these methods
//! call.

use crate::view::Checked;
use crate::wire::Tagged;
use crate::{MessageData, MessageDataView};

impl MessageData {
    /// The key whose value chooses the variant: `typeMessage`.
    pub const TAG: &'static str = <MessageData as Tagged>::TAG;

    /// Every `typeMessage` value the spec knows, in spec order.
    pub const KNOWN_TAGS: &'static [&'static str] = <MessageData as Tagged>::KNOWN_TAGS;

    /// The `typeMessage` value as it arrived: `None` when the `messageData` had none or it was
    /// not a string.
    pub fn tag(&self) -> Option<&str> {
        Tagged::tag(self)
    }

    /// Whether the spec knows this `typeMessage` (the variant is not [`MessageData::Unknown`]).
    pub fn is_known(&self) -> bool {
        Tagged::is_known(self)
    }

    /// The checked view of the message: the variant's body with every mandatory field a plain
    /// value, borrowed from `self`. `None` when a mandatory field is missing or did not fit, or
    /// `typeMessage` is missing or not a string; see [`Webhook::view`](crate::Webhook::view).
    pub fn view(&self) -> Option<MessageDataView<'_>> {
        Checked::view(self)
    }
}
