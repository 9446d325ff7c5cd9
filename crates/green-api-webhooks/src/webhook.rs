//! Every inherent method of [`Webhook`]: parsing, validation, serialization, and what its tag
//! says. The type itself is generated from the spec (`generated/webhook.rs`); the derive and the
//! generated code add only trait impls, which these methods call.

use crate::parse::{self, ParseError, ParseOptions};
use crate::report::Report;
use std::borrow::Cow;

use crate::Product;
use crate::roles::WebhookRoles;
use crate::values::{ChatId, InstanceId, Timestamp};
use crate::view::Checked;
use crate::wire::Tagged;
use crate::{
    FileMessageData, InstanceData, InstanceState, InstanceStatus, MessageData, MessageStatus,
    Quote, SenderData, Webhook, WebhookView,
};

impl Webhook {
    /// The key whose value chooses the variant: `typeWebhook`.
    pub const TAG: &'static str = <Webhook as Tagged>::TAG;

    /// Every `typeWebhook` value the spec knows, in spec order.
    pub const KNOWN_TAGS: &'static [&'static str] = <Webhook as Tagged>::KNOWN_TAGS;

    /// Parses a body tolerantly, within the default [`Limits`](crate::Limits): unknown variants
    /// and fields are kept, values of the wrong type are kept raw. Fails only when the body is
    /// not a JSON object or breaks a limit. A leading UTF-8 byte order mark is ignored.
    pub fn from_slice(body: &[u8]) -> Result<Webhook, ParseError> {
        Webhook::from_slice_with(body, &ParseOptions::default())
    }

    /// Parses a body that must match the spec exactly: any error or warning of
    /// [`Webhook::validate`] fails the parse with [`ParseError::Rejected`].
    pub fn from_slice_strict(body: &[u8]) -> Result<Webhook, ParseError> {
        Webhook::from_slice_with(
            body,
            &ParseOptions {
                strict: true,
                ..ParseOptions::default()
            },
        )
    }

    /// Parses a body with the given options.
    pub fn from_slice_with(body: &[u8], options: &ParseOptions) -> Result<Webhook, ParseError> {
        parse::parse(body, options)
    }

    /// [`Webhook::from_slice`] for text.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(body: &str) -> Result<Webhook, ParseError> {
        Webhook::from_slice(body.as_bytes())
    }

    /// Every deviation from the spec, with JSON Pointer paths in wire names, under the rules of
    /// the body's product ([`Webhook::product`]; the default product when the body names none).
    pub fn validate(&self) -> Report {
        self.validate_as(self.product().unwrap_or_default())
    }

    /// [`Webhook::validate`] under the rules of `product`, whatever the body says: for WABA,
    /// whose bodies say `whatsapp`, or for bodies that name no product.
    ///
    /// ```
    /// use green_api_webhooks::{Product, Webhook};
    ///
    /// let body = br#"{"typeWebhook":"incomingMessageReceived",
    ///   "instanceData":{"idInstance":4100000000,"typeInstance":"telegram"},
    ///   "timestamp":1763115112,"idMessage":"1763115112345",
    ///   "senderData":{"chatId":"-10000000000000","sender":"10000000"},
    ///   "messageData":{"typeMessage":"textMessage","textMessageData":{"textMessage":"Hi"}}}"#;
    /// let webhook = Webhook::from_slice(body)?;
    /// assert_eq!(webhook.product(), Some(Product::Telegram));
    /// assert!(webhook.validate().is_valid());
    /// // The same body under WhatsApp's rules: no `wid`, and chat ids that are not WhatsApp's.
    /// let as_whatsapp = webhook.validate_as(Product::WhatsApp);
    /// assert!(!as_whatsapp.is_valid());
    /// assert!(as_whatsapp.errors().any(|issue| issue.path == "/instanceData/wid"));
    /// # Ok::<(), green_api_webhooks::ParseError>(())
    /// ```
    pub fn validate_as(&self, product: Product) -> Report {
        parse::validate(self, product)
    }

    /// The body as JSON, exactly as parsed (field order aside).
    pub fn to_json(&self) -> String {
        // Serializing these types to a String cannot fail: every map key is a string.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The `typeWebhook` value as it arrived: `None` when the body had none or it was not a
    /// string.
    pub fn tag(&self) -> Option<&str> {
        Tagged::tag(self)
    }

    /// Whether the spec knows this `typeWebhook` (the variant is not [`Webhook::Unknown`]).
    pub fn is_known(&self) -> bool {
        Tagged::is_known(self)
    }

    /// The `messageData` of a message webhook, when it is an object.
    pub fn message_data(&self) -> Option<&MessageData> {
        MessageCarrier::message_data(self)
    }

    /// The instance that sent the webhook (`instanceData`).
    pub fn instance(&self) -> Option<&InstanceData> {
        WebhookRoles::instance(self)
    }

    /// The id of the instance that sent the webhook, whether it arrived as an integer or a
    /// string of digits. See [`Webhook::text`] for an example.
    pub fn instance_id(&self) -> Option<InstanceId> {
        self.instance()?
            .id_instance
            .as_ref()
            .and_then(InstanceId::from_wire)
    }

    /// The product of the instance that sent the webhook, from `instanceData.typeInstance`;
    /// `None` when the body names none, or one the spec does not know.
    pub fn product(&self) -> Option<Product> {
        Product::from_type_instance(self.instance()?.type_instance.as_deref()?)
    }

    /// When the event happened. See [`Webhook::text`] for an example.
    pub fn timestamp(&self) -> Option<Timestamp> {
        WebhookRoles::timestamp(self).map(Timestamp::from_seconds)
    }

    /// The id of the message the webhook is about: the message received or sent, or whose
    /// status changed.
    pub fn id_message(&self) -> Option<&str> {
        WebhookRoles::id_message(self)
    }

    /// Who sent the message, and in which chat (`senderData`).
    pub fn sender(&self) -> Option<&SenderData> {
        WebhookRoles::sender(self)
    }

    /// The id of whoever sent the message (`senderData.sender`).
    pub fn sender_id(&self) -> Option<ChatId<'_>> {
        self.sender()?.sender.as_deref().map(ChatId::new)
    }

    /// The chat the webhook is about: the chat of a message, of a delivery status, of a block
    /// or of an avatar. See [`Webhook::text`] for an example.
    pub fn chat_id(&self) -> Option<ChatId<'_>> {
        WebhookRoles::chat_id(self).map(ChatId::new)
    }

    /// The text a person wrote, in any message that carries text (see [`MessageData::text`]).
    ///
    /// ```
    /// use green_api_webhooks::{ChatKind, Webhook};
    ///
    /// let body = br#"{"typeWebhook": "incomingMessageReceived",
    ///   "instanceData": {"idInstance": 1101000001, "wid": "79001234567@c.us", "typeInstance": "whatsapp"},
    ///   "timestamp": 1700000000, "idMessage": "F7AEC1B7086ECDC7E6E45923F5EDB825",
    ///   "senderData": {"chatId": "79001234567:3@c.us", "sender": "79001234567@c.us", "senderName": "Ann"},
    ///   "messageData": {"typeMessage": "textMessage", "textMessageData": {"textMessage": "Hello"}}}"#;
    /// let webhook = Webhook::from_slice(body)?;
    /// assert_eq!(webhook.text(), Some("Hello"));
    /// let chat = webhook.chat_id().expect("a message has a chat");
    /// assert_eq!((chat.kind(), chat.phone()), (ChatKind::Person, Some("79001234567")));
    /// assert_eq!(webhook.instance_id().map(|id| id.get()), Some(1101000001));
    /// assert_eq!(webhook.timestamp().map(|t| t.seconds()), Some(1700000000));
    /// assert_eq!(webhook.id_message(), Some("F7AEC1B7086ECDC7E6E45923F5EDB825"));
    /// assert_eq!(webhook.sender().and_then(|s| s.sender_name.as_deref()), Some("Ann"));
    /// # Ok::<(), green_api_webhooks::ParseError>(())
    /// ```
    pub fn text(&self) -> Option<&str> {
        self.message_data()?.text()
    }

    /// The caption under a file, sticker or invitation (see [`Webhook::file`] for an example).
    pub fn caption(&self) -> Option<&str> {
        self.message_data()?.caption()
    }

    /// The file of an image, video, document or audio message.
    ///
    /// ```
    /// use green_api_webhooks::Webhook;
    ///
    /// let body = br#"{"typeWebhook": "incomingMessageReceived",
    ///   "messageData": {"typeMessage": "imageMessage", "fileMessageData": {
    ///     "downloadUrl": "https://example.com/a.jpg", "caption": "Look", "mimeType": "image/jpeg"},
    ///     "quotedMessage": {"stanzaId": "BAE5367237E13A87", "typeMessage": "textMessage", "textMessage": "Send it"}}}"#;
    /// let webhook = Webhook::from_slice(body)?;
    /// let file = webhook.file().expect("an image has a file");
    /// assert_eq!(file.download_url.as_deref(), Some("https://example.com/a.jpg"));
    /// assert_eq!(webhook.caption(), Some("Look"));
    /// assert_eq!(webhook.quoted().and_then(|q| q.text_message.as_deref()), Some("Send it"));
    /// # Ok::<(), green_api_webhooks::ParseError>(())
    /// ```
    pub fn file(&self) -> Option<&FileMessageData> {
        self.message_data()?.file()
    }

    /// The message this one replies to (see [`Webhook::file`] for an example).
    pub fn quoted(&self) -> Option<&Quote> {
        self.message_data()?.quoted()
    }

    /// The id of the button or list row that was chosen, under every reply kind and spelling.
    ///
    /// ```
    /// use green_api_webhooks::Webhook;
    ///
    /// // The same press under two spellings: both answer the same.
    /// for data in [
    ///     r#"{"selectedId": "yes", "selectedDisplayText": "Yes"}"#,
    ///     r#"{"selectedButtonId": "yes", "selectedButtonText": "Yes"}"#,
    /// ] {
    ///     let body = format!(r#"{{"typeWebhook": "incomingMessageReceived",
    ///         "messageData": {{"typeMessage": "interactiveButtonsResponse",
    ///         "interactiveButtonsResponse": {data}}}}}"#);
    ///     let webhook = Webhook::from_slice(body.as_bytes())?;
    ///     assert_eq!(webhook.choice_id().as_deref(), Some("yes"));
    ///     assert_eq!(webhook.choice_text(), Some("Yes"));
    /// }
    /// # Ok::<(), green_api_webhooks::ParseError>(())
    /// ```
    pub fn choice_id(&self) -> Option<Cow<'_, str>> {
        self.message_data()?.choice_id()
    }

    /// The text of the button or list row that was chosen (see [`Webhook::choice_id`]).
    pub fn choice_text(&self) -> Option<&str> {
        self.message_data()?.choice_text()
    }

    /// The instance's new authorization state, in a `stateInstanceChanged` webhook.
    ///
    /// ```
    /// use green_api_webhooks::{InstanceState, Webhook};
    ///
    /// let body = br#"{"typeWebhook": "stateInstanceChanged", "stateInstance": "notAuthorized"}"#;
    /// let webhook = Webhook::from_slice(body)?;
    /// assert_eq!(webhook.state(), Some(&InstanceState::NotAuthorized));
    /// # Ok::<(), green_api_webhooks::ParseError>(())
    /// ```
    pub fn state(&self) -> Option<&InstanceState> {
        WebhookRoles::state(self)
    }

    /// The instance's new socket status, in a `statusInstanceChanged` webhook.
    pub fn instance_status(&self) -> Option<&InstanceStatus> {
        WebhookRoles::instance_status(self)
    }

    /// A sent message's new status (sent, delivered, read, ...), in an `outgoingMessageStatus`
    /// webhook.
    ///
    /// ```
    /// use green_api_webhooks::{MessageStatus, Webhook};
    ///
    /// let body = br#"{"typeWebhook": "outgoingMessageStatus", "chatId": "79001234567@c.us",
    ///   "idMessage": "BAE5F4886F6F2D05", "status": "delivered"}"#;
    /// let webhook = Webhook::from_slice(body)?;
    /// assert_eq!(webhook.message_status(), Some(&MessageStatus::Delivered));
    /// assert_eq!(webhook.id_message(), Some("BAE5F4886F6F2D05"));
    /// # Ok::<(), green_api_webhooks::ParseError>(())
    /// ```
    pub fn message_status(&self) -> Option<&MessageStatus> {
        WebhookRoles::message_status(self)
    }

    /// The checked view of the body: the same variants and fields, with every mandatory field a
    /// plain value (`&str`, `i64`, `bool`, the view of a nested object) and every alternative
    /// spelling read into its documented field, all borrowed from `self` without a copy or an
    /// allocation. See [`Checked`] for what it checks.
    ///
    /// `None` when a mandatory field is missing or its value did not fit, here or in a nested
    /// object or array item, or `typeWebhook` / `typeMessage` is missing or not a string. The
    /// reason is in [`Webhook::validate`]'s report, whose errors name each such field by path:
    /// the view is a yes or no, so that building it costs no more than reading the fields.
    /// Every body whose report has no errors (warnings allowed) has a view.
    ///
    /// ```
    /// use green_api_webhooks::{MessageDataView, Webhook, WebhookView};
    ///
    /// let body = r#"{"typeWebhook": "incomingMessageReceived",
    ///   "instanceData": {"idInstance": 1101, "wid": "79001234567@c.us", "typeInstance": "whatsapp"},
    ///   "timestamp": 1588091580, "idMessage": "F7AEC1B7086ECDC7E6E45923F5EDB825",
    ///   "senderData": {"chatId": "79001234568@c.us", "sender": "79001234568@c.us"},
    ///   "messageData": {"typeMessage": "textMessage", "textMessageData": {"textMessage": "hi"}}}"#;
    /// let webhook = Webhook::from_str(body)?;
    /// if let Some(WebhookView::IncomingMessageReceived(message)) = webhook.view() {
    ///     let chat: &str = message.sender_data.chat_id;
    ///     let at: i64 = message.timestamp;
    ///     if let MessageDataView::TextMessage(text) = message.message_data {
    ///         println!("{chat} at {at}: {}", text.text_message_data.text_message);
    ///     }
    /// }
    ///
    /// let incomplete = Webhook::from_str(r#"{"typeWebhook": "incomingMessageReceived"}"#)?;
    /// assert!(incomplete.view().is_none());
    /// # Ok::<(), green_api_webhooks::ParseError>(())
    /// ```
    pub fn view(&self) -> Option<WebhookView<'_>> {
        Checked::view(self)
    }
}

/// Which variants carry a `messageData`, and where: implemented by the generated `Webhook`
/// (`generated/webhook.rs`), from the spec.
pub trait MessageCarrier {
    /// The `messageData` field of the variant's body, when the variant has one and it is an
    /// object.
    fn message_data(&self) -> Option<&MessageData>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_says_which_variant_and_whether_the_spec_knows_it() {
        assert_eq!(Webhook::TAG, "typeWebhook");
        assert!(Webhook::KNOWN_TAGS.contains(&"incomingMessageReceived"));

        let known = Webhook::from_str(r#"{"typeWebhook": "incomingCall"}"#).expect("an object");
        assert_eq!(known.tag(), Some("incomingCall"));
        assert!(known.is_known());
        assert!(known.message_data().is_none());

        let unknown = Webhook::from_str(r#"{"typeWebhook": "newThing"}"#).expect("an object");
        assert_eq!(unknown.tag(), Some("newThing"));
        assert!(!unknown.is_known());

        let untagged = Webhook::from_str(r#"{"typeWebhook": 1}"#).expect("an object");
        assert_eq!(untagged.tag(), None);
        assert!(!untagged.is_known());
    }

    #[test]
    fn message_webhooks_carry_their_message_data() {
        let body = r#"{"typeWebhook": "outgoingAPIMessageReceived",
            "messageData": {"typeMessage": "textMessage", "textMessageData": {"textMessage": "hi"}}}"#;
        let webhook = Webhook::from_str(body).expect("an object");
        let data = webhook.message_data().expect("a message webhook");
        assert_eq!(MessageData::TAG, "typeMessage");
        assert!(MessageData::KNOWN_TAGS.contains(&"textMessage"));
        assert_eq!(data.tag(), Some("textMessage"));
        assert!(data.is_known());
        assert!(Webhook::KNOWN_TAGS.contains(&webhook.tag().unwrap_or_default()));
    }
}
