//! The spec's rules at run time: the checks `rules.rs` (generated) calls, and the rules about a
//! body's kinds that [`Webhook::validate`](crate::Webhook::validate) applies last.

use crate::report::{IssueKind, Path, Report, Severity};
use crate::values::ChatId;
use crate::{ChatKind, Format, Product, StringOrInteger, Webhook};

/// The rules of one object, from the spec's `[[rule]]` tables and product-dependent mandatory
/// fields. Generated for each object that has any; `#[wire(rules)]` makes its validator call it.
pub trait Rules {
    /// Reports every rule the object breaks under the report's product.
    fn check_rules(&self, path: &Path<'_>, report: &mut Report);
}

/// Which products send each kind of webhook (`None`: every product).
pub trait KindRules {
    /// The products that send this webhook.
    fn products(&self) -> Option<&'static [Product]>;
}

/// Which products send each kind of message, and under which `typeWebhook`.
pub trait MessageRules {
    /// The products that send this message (`None`: every product).
    fn products(&self) -> Option<&'static [Product]>;
    /// The `typeWebhook` values it arrives under (`None`: any), and how bad another is.
    fn webhooks(&self) -> Option<(&'static [&'static str], Severity)>;
}

/// How a product writes chat ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatIdScheme {
    /// `number@c.us`, `id@g.us`, `id@lid`, `status@broadcast`, `id@newsletter`.
    WhatsApp,
    /// Decimal numbers as strings, negative for groups.
    Numeric,
    /// Not documented in a form a check could hold bodies to.
    Unchecked,
}

/// A value a format reads: a string, an integer, or either.
pub trait FormatInput {
    /// The value as text or as an integer.
    fn input(&self) -> Input<'_>;
}

/// What a format reads.
pub enum Input<'a> {
    /// A string.
    Text(&'a str),
    /// An integer.
    Integer(i64),
}

impl FormatInput for String {
    fn input(&self) -> Input<'_> {
        Input::Text(self)
    }
}

impl FormatInput for i64 {
    fn input(&self) -> Input<'_> {
        Input::Integer(*self)
    }
}

impl FormatInput for StringOrInteger {
    fn input(&self) -> Input<'_> {
        match self {
            StringOrInteger::String(text) => Input::Text(text),
            StringOrInteger::Integer(n) => Input::Integer(*n),
        }
    }
}

/// Reports `value` when it does not have `format` under the report's product.
pub fn check_format<T: FormatInput>(
    format: Format,
    value: &T,
    path: &Path<'_>,
    severity: Severity,
    report: &mut Report,
) {
    if let Err(expected) = accepts(format, value.input(), report.product()) {
        report.push_as(path, IssueKind::BadFormat { format, expected }, severity);
    }
}

/// Seconds from this value on are surely milliseconds (the year 5138 in seconds).
const SURELY_MILLISECONDS: i64 = 100_000_000_000;

/// Whether `format` accepts `input` under `product`; what it expects, in words, if not.
pub(crate) fn accepts(
    format: Format,
    input: Input<'_>,
    product: Product,
) -> Result<(), &'static str> {
    match (format, input) {
        (Format::ChatId, Input::Text(id)) => chat_id(id, product.chat_ids()),
        (Format::Wid, Input::Text(id)) => {
            // An instance that is not authorized yet has no account id.
            if id.is_empty() {
                return Ok(());
            }
            match product.chat_ids() {
                ChatIdScheme::WhatsApp if ChatId::new(id).kind() == ChatKind::Person => Ok(()),
                ChatIdScheme::WhatsApp => Err("the instance's own id, `number@c.us`, or empty"),
                // MAX instances write a WhatsApp-style id, Instagram ones a number.
                ChatIdScheme::Numeric | ChatIdScheme::Unchecked => Ok(()),
            }
        }
        (Format::InstanceId, input) => {
            let fits = match input {
                Input::Integer(n) => (1..=999_999_999_999).contains(&n),
                Input::Text(text) => {
                    (1..=12).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
                }
            };
            fits.then_some(())
                .ok_or("an instance id of 1 to 12 decimal digits")
        }
        (Format::UnixSeconds, Input::Integer(n)) => (n < SURELY_MILLISECONDS)
            .then_some(())
            .ok_or("Unix time in seconds; this looks like milliseconds"),
        (Format::TypeInstance, Input::Text(value)) => Product::from_type_instance(value)
            .map(|_| ())
            .ok_or("a `typeInstance` of a product the spec knows; the rules of the default product were applied"),
        // The spec's checks allow a format only on the types it reads.
        _ => Ok(()),
    }
}

fn chat_id(id: &str, scheme: ChatIdScheme) -> Result<(), &'static str> {
    let kind = ChatId::new(id).kind();
    match scheme {
        ChatIdScheme::WhatsApp => match kind {
            ChatKind::Person
            | ChatKind::Group
            | ChatKind::HiddenNumber
            | ChatKind::StatusBroadcast
            | ChatKind::Channel => Ok(()),
            _ => Err(
                "a WhatsApp chat id: `…@c.us`, `…@g.us`, `…@lid`, `status@broadcast` or `…@newsletter`",
            ),
        },
        ChatIdScheme::Numeric => match kind {
            ChatKind::Numeric { .. } => Ok(()),
            _ => Err("a numeric chat id, negative for groups"),
        },
        ChatIdScheme::Unchecked => Ok(()),
    }
}

/// Reports `value` when it is not one of `allowed` here.
pub fn check_allowed(
    value: Option<&str>,
    allowed: &'static [&'static str],
    path: &Path<'_>,
    severity: Severity,
    report: &mut Report,
) {
    if let Some(value) = value.filter(|v| !allowed.contains(v)) {
        let kind = IssueKind::NotAllowedHere {
            value: value.to_owned(),
            allowed,
        };
        report.push_as(path, kind, severity);
    }
}

/// Reports a field that the report's product requires, and that is missing.
pub fn report_missing_in_product(path: &Path<'_>, report: &mut Report) {
    let product = report.product();
    report.push(path, IssueKind::MissingInProduct { product });
}

/// Reports a field that `field` = `value` requires, and that is missing.
pub fn report_required(
    path: &Path<'_>,
    field: &'static str,
    value: &'static str,
    severity: Severity,
    report: &mut Report,
) {
    report.push_as(path, IssueKind::RequiredBy { field, value }, severity);
}

/// The rules about the body's kinds: whether its product sends this webhook and message, and
/// whether the message arrives under this `typeWebhook`.
pub(crate) fn check_kinds(webhook: &Webhook, report: &mut Report) {
    let product = report.product();
    let root = Path::Root;
    if KindRules::products(webhook).is_some_and(|list| !list.contains(&product)) {
        report.push(
            &root.key("typeWebhook"),
            IssueKind::NotInProduct { product },
        );
    }
    let Some(data) = webhook.message_data() else {
        return;
    };
    let message = root.key("messageData");
    let tag = message.key("typeMessage");
    if MessageRules::products(data).is_some_and(|list| !list.contains(&product)) {
        report.push(&tag, IssueKind::NotInProduct { product });
    }
    if let (Some((documented, severity)), Some(type_webhook)) =
        (MessageRules::webhooks(data), webhook.tag())
    {
        if !documented.contains(&type_webhook) {
            let kind = IssueKind::NotUnderWebhook {
                type_webhook: type_webhook.to_owned(),
                documented,
            };
            report.push_as(&tag, kind, severity);
        }
    }
}
