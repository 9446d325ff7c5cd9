//! Every inherent method of [`MessageData`]: what its tag says. The type itself is generated from
//! the spec (`generated/message_data.rs`); the derive adds only trait impls, which these methods
//! call.

use std::borrow::Cow;

use crate::roles::MessageRoles;
use crate::view::Checked;
use crate::wire::Tagged;
use crate::{FileMessageData, MessageData, MessageDataView, Quote};

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

    /// The text a person wrote: of a text or link message, a reply (`quotedMessage`), or the
    /// new text of an edited message. Captions are apart: [`MessageData::caption`].
    pub fn text(&self) -> Option<&str> {
        MessageRoles::text(self)
    }

    /// The caption under a file, sticker or group invitation.
    pub fn caption(&self) -> Option<&str> {
        MessageRoles::caption(self)
    }

    /// The file of an image, video, document or audio message: its download URL, name, MIME
    /// type and caption.
    pub fn file(&self) -> Option<&FileMessageData> {
        MessageRoles::file(self)
    }

    /// The message this one replies to (or, for a reaction, the message reacted to).
    pub fn quoted(&self) -> Option<&Quote> {
        MessageRoles::quoted(self)
    }

    /// The id of the button or list row that was chosen, in every kind of reply (interactive,
    /// template and plain buttons, lists) and under every spelling real bodies use. An id that
    /// arrived as an integer is given as its digits.
    pub fn choice_id(&self) -> Option<Cow<'_, str>> {
        MessageRoles::choice_id(self)
    }

    /// The text of the button or list row that was chosen.
    pub fn choice_text(&self) -> Option<&str> {
        MessageRoles::choice_text(self)
    }

    /// The checked view of the message: the variant's body with every mandatory field a plain
    /// value, borrowed from `self`. `None` when a mandatory field is missing or did not fit, or
    /// `typeMessage` is missing or not a string; see [`Webhook::view`](crate::Webhook::view).
    pub fn view(&self) -> Option<MessageDataView<'_>> {
        Checked::view(self)
    }
}
