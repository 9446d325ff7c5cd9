//! Routing: one handler per kind of webhook, chosen in a fixed order, and a fallback.

use std::fmt;
use std::future::{self, Future};
use std::pin::Pin;

use green_api_webhooks::{FileMessageData, InstanceState, InstanceStatus, MessageStatus, Webhook};

use crate::{Received, Reply, WebhookHandler};

/// A route's answer on its way: boxed, so that [`Routes`] is one type whatever its handlers are.
type Answer = Pin<Box<dyn Future<Output = Reply> + Send>>;

/// A route that gets the body and the value it is named after.
type Typed<T> = Box<dyn Fn(Received, T) -> Answer + Send + Sync>;

/// A route that gets the body alone.
type Plain = Box<dyn Fn(Received) -> Answer + Send + Sync>;

/// A [`WebhookHandler`] that sends each body to the handler of its kind: a text, a file, a
/// button or list choice, an instance state or status change, a message delivery status, any
/// other message, a kind the spec does not know, a body that did not parse; and whatever no
/// declared route takes to the fallback, which answers 200 unless one is set.
///
/// Every handler gets the whole [`Received`] (raw body, parse result, report, headers); the
/// typed routes get the value they are named after too, owned, so an `async move` block keeps
/// both without borrowing. A handler returns `()` (200), a [`StatusCode`] or a [`Reply`], and
/// that is what Green-API gets.
///
/// ```
/// use green_api_webhooks_axum::{Received, Reply, Route, Routes, WebhookReceiver};
///
/// let routes = Routes::new()
///     .text(|received, text| async move {
///         println!("{:?} wrote {text:?}", received.parsed().and_then(|w| w.chat_id()));
///     })
///     .choice(|_received, choice| async move { println!("chose {}", choice.id) })
///     .message_status(|_received, status| async move { println!("message {status}") })
///     .not_parsed(|received| async move {
///         eprintln!("not a webhook: {}", received.first_error().unwrap());
///         Reply::OK
///     });
///
/// let body = r#"{"typeWebhook": "incomingMessageReceived",
///   "messageData": {"typeMessage": "textMessage", "textMessageData": {"textMessage": "Hi"}}}"#;
/// assert_eq!(routes.route_for(&Received::new(body, Default::default())), Route::Text);
///
/// let receiver = WebhookReceiver::new("d7f1c2e0-token", routes);
/// ```
///
/// # Which route gets a body
///
/// The first declared route that matches, in this fixed order (not the order of declaration):
///
/// 1. [`text`](Routes::text): the body has [`Webhook::text`]: a text or link message, a reply,
///    the new text of an edited message;
/// 2. [`file`](Routes::file): [`Webhook::file`]: an image, video, document or audio message,
///    with or without a caption;
/// 3. [`choice`](Routes::choice): [`Webhook::choice_id`]: a pressed button or chosen list row;
/// 4. [`state`](Routes::state): [`Webhook::state`], in `stateInstanceChanged`;
/// 5. [`instance_status`](Routes::instance_status): [`Webhook::instance_status`], in
///    `statusInstanceChanged`;
/// 6. [`message_status`](Routes::message_status): [`Webhook::message_status`], in
///    `outgoingMessageStatus`;
/// 7. [`unknown`](Routes::unknown): a `typeWebhook` or a `typeMessage` the spec does not know
///    (or none);
/// 8. [`message`](Routes::message): any other body with a `messageData` object;
/// 9. [`not_parsed`](Routes::not_parsed): the body did not parse;
/// 10. the [`fallback`](Routes::fallback): everything else.
///
/// The specific routes come before the general ones, so a route is never shadowed by one
/// declared earlier: a text goes to `text` when it is declared, to `message` when only that
/// is, and to the fallback when neither is. A route matches by the value it passes, so a body
/// whose value is missing (an invalid `stateInstanceChanged` without `stateInstance`) goes on
/// down the list. Validity is not a route: every handler can ask [`Received::is_valid`].
///
/// Routes go by what a body carries, not by its direction: the echo of a message the instance
/// sent (`outgoingMessageReceived`, `outgoingAPIMessageReceived`) reaches `text` as an incoming
/// one does. A bot that answers texts checks `received.parsed()` for
/// `Webhook::IncomingMessageReceived`.
///
/// Declaring a route again replaces its handler.
///
/// [`StatusCode`]: axum::http::StatusCode
#[derive(Default)]
pub struct Routes {
    text: Option<Typed<String>>,
    file: Option<Typed<FileMessageData>>,
    choice: Option<Typed<Choice>>,
    state: Option<Typed<InstanceState>>,
    instance_status: Option<Typed<InstanceStatus>>,
    message_status: Option<Typed<MessageStatus>>,
    unknown: Option<Plain>,
    message: Option<Plain>,
    not_parsed: Option<Plain>,
    fallback: Option<Plain>,
}

/// The button or list row a person chose, passed to the [`choice`](Routes::choice) route.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Choice {
    /// Its id ([`Webhook::choice_id`]); an id that arrived as an integer is given as its digits.
    pub id: String,
    /// Its text ([`Webhook::choice_text`]), when the body has one.
    pub text: Option<String>,
}

/// Which route of a [`Routes`] gets a body; [`Routes::route_for`] tells. `Display` gives the
/// name of the builder method (`text`, `message_status`, `fallback`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Route {
    /// [`Routes::text`].
    Text,
    /// [`Routes::file`].
    File,
    /// [`Routes::choice`].
    Choice,
    /// [`Routes::state`].
    State,
    /// [`Routes::instance_status`].
    InstanceStatus,
    /// [`Routes::message_status`].
    MessageStatus,
    /// [`Routes::unknown`].
    Unknown,
    /// [`Routes::message`].
    Message,
    /// [`Routes::not_parsed`].
    NotParsed,
    /// [`Routes::fallback`], set or not.
    Fallback,
}

impl Route {
    /// The name of the builder method that declares the route.
    pub const fn name(self) -> &'static str {
        match self {
            Route::Text => "text",
            Route::File => "file",
            Route::Choice => "choice",
            Route::State => "state",
            Route::InstanceStatus => "instance_status",
            Route::MessageStatus => "message_status",
            Route::Unknown => "unknown",
            Route::Message => "message",
            Route::NotParsed => "not_parsed",
            Route::Fallback => "fallback",
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Routes {
    /// No route declared: every body reaches the fallback, which answers 200.
    pub fn new() -> Self {
        Routes::default()
    }

    /// Messages with text ([`Webhook::text`]): text and link messages, replies, the new text of
    /// an edited message. The handler gets the text.
    pub fn text<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received, String) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.text = Some(typed(handler));
        self
    }

    /// Messages with a file ([`Webhook::file`]): images, videos, documents and audio, captioned
    /// or not. The handler gets the file's download URL, name, MIME type and caption.
    pub fn file<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received, FileMessageData) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.file = Some(typed(handler));
        self
    }

    /// A pressed button or a chosen list row ([`Webhook::choice_id`]), in every kind of reply
    /// and spelling. The handler gets its id and text.
    pub fn choice<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received, Choice) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.choice = Some(typed(handler));
        self
    }

    /// The instance's new authorization state ([`Webhook::state`], `stateInstanceChanged`).
    pub fn state<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received, InstanceState) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.state = Some(typed(handler));
        self
    }

    /// The instance's new socket status ([`Webhook::instance_status`],
    /// `statusInstanceChanged`).
    pub fn instance_status<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received, InstanceStatus) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.instance_status = Some(typed(handler));
        self
    }

    /// A sent message's new status ([`Webhook::message_status`], `outgoingMessageStatus`):
    /// sent, delivered, read, failed... The message is [`Webhook::id_message`].
    pub fn message_status<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received, MessageStatus) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.message_status = Some(typed(handler));
        self
    }

    /// A kind the spec does not know: a `typeWebhook` other than the documented ones
    /// ([`Webhook::Unknown`]), or a known message webhook with an unknown `typeMessage`
    /// ([`MessageData::Unknown`]); a missing tag counts as unknown. The body is kept whole in
    /// the `Unknown` variant.
    ///
    /// [`MessageData::Unknown`]: green_api_webhooks::MessageData::Unknown
    pub fn unknown<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.unknown = Some(plain(handler));
        self
    }

    /// Any body with a `messageData` object that no route above took: contacts, locations,
    /// polls, reactions, stickers, ...; and texts, files, choices and unknown message kinds
    /// whose own route is not declared. [`Webhook::message_data`] has it.
    pub fn message<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.message = Some(plain(handler));
        self
    }

    /// A body that did not parse: not JSON, not an object, or nested deeper than
    /// [`Limits::max_depth`]. [`Received::first_error`] says why, and `body` holds the bytes.
    /// (A body over [`Limits::max_body_bytes`] never gets here: the receiver answers it 413.)
    ///
    /// [`Limits::max_depth`]: green_api_webhooks::Limits::max_depth
    /// [`Limits::max_body_bytes`]: green_api_webhooks::Limits::max_body_bytes
    pub fn not_parsed<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.not_parsed = Some(plain(handler));
        self
    }

    /// Every body no declared route takes. Without one, such a body is answered 200: Green-API
    /// delivers again whatever is not answered 200, and another delivery of a body nobody wants
    /// would be wanted no more.
    pub fn fallback<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Received) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: Into<Reply>,
    {
        self.fallback = Some(plain(handler));
        self
    }

    /// The route that gets `received`, among the declared ones.
    pub fn route_for(&self, received: &Received) -> Route {
        self.select(received).route()
    }

    fn select(&self, received: &Received) -> Selected<'_> {
        let Some(webhook) = received.parsed() else {
            return match &self.not_parsed {
                Some(handler) => Selected::NotParsed(handler),
                None => Selected::Fallback(self.fallback.as_ref()),
            };
        };
        if let (Some(handler), Some(text)) = (&self.text, webhook.text()) {
            return Selected::Text(handler, text.to_owned());
        }
        if let (Some(handler), Some(file)) = (&self.file, webhook.file()) {
            return Selected::File(handler, file.clone());
        }
        if let (Some(handler), Some(id)) = (&self.choice, webhook.choice_id()) {
            let choice = Choice {
                id: id.into_owned(),
                text: webhook.choice_text().map(str::to_owned),
            };
            return Selected::Choice(handler, choice);
        }
        if let (Some(handler), Some(state)) = (&self.state, webhook.state()) {
            return Selected::State(handler, state.clone());
        }
        if let (Some(handler), Some(status)) = (&self.instance_status, webhook.instance_status()) {
            return Selected::InstanceStatus(handler, status.clone());
        }
        if let (Some(handler), Some(status)) = (&self.message_status, webhook.message_status()) {
            return Selected::MessageStatus(handler, status.clone());
        }
        if let (Some(handler), true) = (&self.unknown, is_unknown(webhook)) {
            return Selected::Unknown(handler);
        }
        if let (Some(handler), Some(_)) = (&self.message, webhook.message_data()) {
            return Selected::Message(handler);
        }
        Selected::Fallback(self.fallback.as_ref())
    }
}

/// An unknown `typeWebhook`, or a known one whose `messageData` has an unknown `typeMessage`.
fn is_unknown(webhook: &Webhook) -> bool {
    !webhook.is_known() || webhook.message_data().is_some_and(|data| !data.is_known())
}

/// The route chosen for a body, with its handler and the value it gets.
enum Selected<'a> {
    Text(&'a Typed<String>, String),
    File(&'a Typed<FileMessageData>, FileMessageData),
    Choice(&'a Typed<Choice>, Choice),
    State(&'a Typed<InstanceState>, InstanceState),
    InstanceStatus(&'a Typed<InstanceStatus>, InstanceStatus),
    MessageStatus(&'a Typed<MessageStatus>, MessageStatus),
    Unknown(&'a Plain),
    Message(&'a Plain),
    NotParsed(&'a Plain),
    Fallback(Option<&'a Plain>),
}

impl Selected<'_> {
    fn route(&self) -> Route {
        match self {
            Selected::Text(..) => Route::Text,
            Selected::File(..) => Route::File,
            Selected::Choice(..) => Route::Choice,
            Selected::State(..) => Route::State,
            Selected::InstanceStatus(..) => Route::InstanceStatus,
            Selected::MessageStatus(..) => Route::MessageStatus,
            Selected::Unknown(_) => Route::Unknown,
            Selected::Message(_) => Route::Message,
            Selected::NotParsed(_) => Route::NotParsed,
            Selected::Fallback(_) => Route::Fallback,
        }
    }

    fn call(self, received: Received) -> Answer {
        match self {
            Selected::Text(handler, text) => handler(received, text),
            Selected::File(handler, file) => handler(received, file),
            Selected::Choice(handler, choice) => handler(received, choice),
            Selected::State(handler, state) => handler(received, state),
            Selected::InstanceStatus(handler, status) => handler(received, status),
            Selected::MessageStatus(handler, status) => handler(received, status),
            Selected::Unknown(handler)
            | Selected::Message(handler)
            | Selected::NotParsed(handler)
            | Selected::Fallback(Some(handler)) => handler(received),
            Selected::Fallback(None) => Box::pin(future::ready(Reply::OK)),
        }
    }
}

impl WebhookHandler for Routes {
    fn handle(&self, received: Received) -> impl Future<Output = Reply> + Send {
        // The route is chosen now; the answer owns all it needs.
        self.select(&received).call(received)
    }
}

fn typed<T, F, Fut>(handler: F) -> Typed<T>
where
    T: 'static,
    F: Fn(Received, T) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: Into<Reply>,
{
    Box::new(move |received, value| {
        let handling = handler(received, value);
        Box::pin(async move { handling.await.into() })
    })
}

fn plain<F, Fut>(handler: F) -> Plain
where
    F: Fn(Received) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: Into<Reply>,
{
    Box::new(move |received| {
        let handling = handler(received);
        Box::pin(async move { handling.await.into() })
    })
}

impl fmt::Debug for Routes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let declared = [
            (Route::Text, self.text.is_some()),
            (Route::File, self.file.is_some()),
            (Route::Choice, self.choice.is_some()),
            (Route::State, self.state.is_some()),
            (Route::InstanceStatus, self.instance_status.is_some()),
            (Route::MessageStatus, self.message_status.is_some()),
            (Route::Unknown, self.unknown.is_some()),
            (Route::Message, self.message.is_some()),
            (Route::NotParsed, self.not_parsed.is_some()),
            (Route::Fallback, self.fallback.is_some()),
        ];
        f.debug_struct("Routes")
            .field(
                "declared",
                &declared
                    .iter()
                    .filter(|(_, declared)| *declared)
                    .map(|(route, _)| route.name())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn received(fixture: &str) -> Received {
        Received::new(
            green_api_webhooks_fixtures::file(fixture),
            Default::default(),
        )
    }

    /// Every route declared, each answering nothing.
    fn every_route() -> Routes {
        Routes::new()
            .text(|_, _| async {})
            .file(|_, _| async {})
            .choice(|_, _| async {})
            .state(|_, _| async {})
            .instance_status(|_, _| async {})
            .message_status(|_, _| async {})
            .unknown(|_| async {})
            .message(|_| async {})
            .not_parsed(|_| async {})
            .fallback(|_| async {})
    }

    #[test]
    fn each_kind_takes_its_route() {
        let routes = every_route();
        let cases = [
            (
                "payloads/incoming-message__TextMessage__1.json",
                Route::Text,
            ),
            // A reply with text is a text.
            (
                "payloads/incoming-message__QuotedMessage__1.json",
                Route::Text,
            ),
            (
                "payloads/incoming-message__TextMessage__md2.json",
                Route::Text,
            ),
            (
                "payloads/incoming-message__EditedMessage__1.json",
                Route::Text,
            ),
            // A file with a caption is a file.
            (
                "payloads/incoming-message__ImageMessage__md1.json",
                Route::File,
            ),
            ("constructed/document-message.json", Route::File),
            (
                "payloads/selected-buttons__ListResponseMessage__1.json",
                Route::Choice,
            ),
            (
                "payloads/outgoing-message__InteractiveButtonsReply__2.json",
                Route::Choice,
            ),
            ("payloads/root__StateInstanceChanged__1.json", Route::State),
            (
                "payloads/root__StatusInstanceChanged__1.json",
                Route::InstanceStatus,
            ),
            (
                "payloads/outgoing-message__OutgoingMessageStatus__1.json",
                Route::MessageStatus,
            ),
            ("payloads/root__type-webhook__md1.json", Route::Unknown),
            (
                "payloads/incoming-message__ContactsArrayMessage__md1.json",
                Route::Unknown,
            ),
            (
                "payloads/incoming-message__LocationMessage__md1.json",
                Route::Message,
            ),
            (
                "payloads/incoming-message__StickerMessage__md1.json",
                Route::Message,
            ),
            ("payloads/root__IncomingCall__md1.json", Route::Fallback),
            ("payloads/root__QuotaExceeded__1.json", Route::Fallback),
        ];
        for (fixture, route) in cases {
            assert_eq!(routes.route_for(&received(fixture)), route, "{fixture}");
        }
        let not_json = Received::new("not json", Default::default());
        assert_eq!(routes.route_for(&not_json), Route::NotParsed);
    }

    #[test]
    fn an_undeclared_route_passes_the_body_on() {
        let text = received("payloads/incoming-message__TextMessage__1.json");
        let unknown_message = received("payloads/incoming-message__ContactsArrayMessage__md1.json");
        let unknown_webhook = received("payloads/root__type-webhook__md1.json");
        let not_json = Received::new("not json", Default::default());

        let messages = Routes::new().message(|_| async {});
        assert_eq!(messages.route_for(&text), Route::Message);
        assert_eq!(messages.route_for(&unknown_message), Route::Message);
        assert_eq!(messages.route_for(&unknown_webhook), Route::Fallback);
        assert_eq!(messages.route_for(&not_json), Route::Fallback);

        let nothing = Routes::new();
        assert_eq!(nothing.route_for(&text), Route::Fallback);
        assert_eq!(format!("{nothing:?}"), "Routes { declared: [] }");
        assert_eq!(
            format!("{messages:?}"),
            "Routes { declared: [\"message\"] }"
        );
    }

    #[test]
    fn a_state_change_without_its_value_goes_on_down_the_list() {
        let routes = Routes::new().state(|_, _| async {});
        let body = r#"{"typeWebhook": "stateInstanceChanged", "timestamp": 1}"#;
        let received = Received::new(body, Default::default());
        assert_eq!(routes.route_for(&received), Route::Fallback);
    }

    #[tokio::test]
    async fn the_default_fallback_answers_200() {
        let routes = Routes::new().text(|_, _| async { Reply::RETRY_LATER });
        let call = received("payloads/root__IncomingCall__md1.json");
        assert_eq!(routes.handle(call).await, Reply::OK);
        let text = received("payloads/incoming-message__TextMessage__1.json");
        assert_eq!(routes.handle(text).await, Reply::RETRY_LATER);
    }
}
