//! What a handler receives: the raw body, the parse result, the validation report, metadata.

use std::net::SocketAddr;
use std::time::SystemTime;

use axum::body::Bytes;
use axum::http::HeaderMap;
use green_api_webhooks::{Issue, ParseError, ParseOptions, Report, Webhook};

/// One authenticated request body, parsed and validated. Nothing is dropped on the way: the raw
/// bytes are here whatever the parse made of them.
#[derive(Debug)]
#[non_exhaustive]
pub struct Received {
    /// The body exactly as it arrived.
    pub body: Bytes,
    /// The parsed webhook, or why the body is not one. Parsing is tolerant: every JSON object
    /// parses (an unknown `typeWebhook` becomes `Webhook::Unknown`); it fails only for a body
    /// that is not JSON, not an object, or nests deeper than [`Limits::max_depth`].
    ///
    /// [`Limits::max_depth`]: green_api_webhooks::Limits::max_depth
    pub webhook: Result<Webhook, ParseError>,
    /// Every deviation from the spec, when the body parsed.
    pub report: Option<Report>,
    /// The request headers, without `Authorization`, so that logging them does not log the
    /// token.
    pub headers: HeaderMap,
    /// The peer's address, when the router is served by [`Server`](crate::Server), or with
    /// `into_make_service_with_connect_info::<SocketAddr>()`.
    pub remote_addr: Option<SocketAddr>,
    /// When the request's headers were read.
    pub received_at: SystemTime,
}

impl Received {
    /// Parses and validates a body as the receiver does, with empty metadata. Useful to test a
    /// handler without a server.
    ///
    /// ```
    /// use green_api_webhooks_axum::Received;
    ///
    /// let received = Received::new("not json", Default::default());
    /// assert!(received.webhook.is_err());
    /// assert_eq!(received.body, "not json");
    /// ```
    pub fn new(body: impl Into<Bytes>, options: ParseOptions) -> Received {
        let body = body.into();
        let webhook = Webhook::from_slice_with(&body, &options);
        let report = webhook.as_ref().ok().map(|webhook| match options.product {
            Some(product) => webhook.validate_as(product),
            None => webhook.validate(),
        });
        Received {
            body,
            webhook,
            report,
            headers: HeaderMap::new(),
            remote_addr: None,
            received_at: SystemTime::now(),
        }
    }

    /// The parsed webhook, if the body parsed.
    pub fn parsed(&self) -> Option<&Webhook> {
        self.webhook.as_ref().ok()
    }

    /// True when the body parsed and its report has no error (warnings allowed: an unknown
    /// field or variant is valid).
    pub fn is_valid(&self) -> bool {
        self.report.as_ref().is_some_and(Report::is_valid)
    }

    /// The first reason the body is not valid: the parse error, or the report's first error.
    /// `None` for a valid body.
    pub fn first_error(&self) -> Option<Problem<'_>> {
        match (&self.webhook, &self.report) {
            (Err(error), _) => Some(Problem::Unparsed(error)),
            (Ok(_), Some(report)) => report.errors().next().map(Problem::Invalid),
            (Ok(_), None) => None,
        }
    }
}

/// Why a received body is not valid; `Display` gives a one-line message.
#[derive(Clone, Copy, Debug)]
pub enum Problem<'a> {
    /// The body did not parse.
    Unparsed(&'a ParseError),
    /// The body parsed; this is the first error of its report.
    Invalid(&'a Issue),
}

impl std::fmt::Display for Problem<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Unparsed(error) => write!(f, "{error}"),
            Problem::Invalid(issue) => {
                let path = if issue.path.is_root() {
                    "(root)"
                } else {
                    issue.path.as_pointer()
                };
                write!(f, "{path}: {}", issue.kind)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use green_api_webhooks::{ParseOptions, Product};

    use super::Received;

    #[test]
    fn the_product_option_chooses_the_rules() {
        let body = green_api_webhooks_fixtures::file("products/telegram__incoming-text.json");
        assert!(Received::new(body.clone(), ParseOptions::default()).is_valid());
        let as_whatsapp = ParseOptions {
            product: Some(Product::WhatsApp),
            ..ParseOptions::default()
        };
        let received = Received::new(body, as_whatsapp);
        assert!(!received.is_valid());
        let report = received.report.as_ref().expect("the body parsed");
        assert_eq!(report.product(), Product::WhatsApp);
    }
}
