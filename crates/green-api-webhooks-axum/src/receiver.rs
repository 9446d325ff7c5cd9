//! The builder: token, handler, limits, path; it makes the axum router.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::post;
use green_api_webhooks::{Limits, ParseOptions, Product};

use crate::WebhookHandler;
use crate::auth::ExpectedToken;
use crate::endpoint::{Endpoint, receive};

const MAX_BODY_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// Receives Green-API webhooks on one route of an axum [`Router`].
///
/// ```no_run
/// use green_api_webhooks_axum::{Received, Server, WebhookReceiver};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let token = std::env::var("GREEN_API_WEBHOOK_TOKEN")?;
/// let router = WebhookReceiver::new(token, |received: Received| async move {
///     println!("{} bytes, valid: {}", received.body.len(), received.is_valid());
/// })
/// .path("/green-api")
/// .into_router()?;
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// Server::new(listener, router).run().await?;
/// # Ok(())
/// # }
/// ```
pub struct WebhookReceiver<H> {
    token: String,
    handler: H,
    limits: Limits,
    product: Option<Product>,
    path: String,
    body_timeout: Duration,
}

impl<H: WebhookHandler> WebhookReceiver<H> {
    /// The route's path unless [`WebhookReceiver::path`] sets another.
    pub const DEFAULT_PATH: &'static str = "/webhook";

    /// How long a body may take to arrive unless [`WebhookReceiver::body_timeout`] sets
    /// another time.
    pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(10);

    /// A receiver that accepts requests carrying `Authorization: Bearer <token>`, where `token`
    /// is the instance's `webhookUrlToken`, and passes each body to `handler`. The token is
    /// checked when the router is made ([`WebhookReceiver::into_router`]).
    pub fn new(token: impl Into<String>, handler: H) -> Self {
        WebhookReceiver {
            token: token.into(),
            handler,
            limits: Limits::default(),
            product: None,
            path: Self::DEFAULT_PATH.to_owned(),
            body_timeout: Self::DEFAULT_BODY_TIMEOUT,
        }
    }

    /// The largest body (answered 413 beyond it) and the deepest nesting (a parse error for the
    /// handler beyond it). Default: [`Limits::default`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Validate every body under this product's rules rather than those its `typeInstance`
    /// names: for WABA instances, whose bodies say `whatsapp`. Default: each body's own.
    pub fn product(mut self, product: Product) -> Self {
        self.product = Some(product);
        self
    }

    /// The route's path, such as `/green-api/webhook`: a `/` followed by letters, digits and
    /// `-._~/`. Default: [`WebhookReceiver::DEFAULT_PATH`].
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// How long the whole body may take to arrive, counted from when the headers were read
    /// (answered 408 beyond it). Default: [`WebhookReceiver::DEFAULT_BODY_TIMEOUT`]; anything
    /// over a day is taken as a day.
    pub fn body_timeout(mut self, timeout: Duration) -> Self {
        // Capped so that adding it to the clock cannot overflow.
        self.body_timeout = timeout.min(MAX_BODY_TIMEOUT);
        self
    }

    /// The router with one `POST` route at the path. It has no state of its own, so it merges
    /// into an application's router of any state type `S`; serve it alone with
    /// [`Server`](crate::Server).
    pub fn into_router<S>(self) -> Result<Router<S>, ConfigError>
    where
        S: Clone + Send + Sync + 'static,
    {
        check_token(&self.token)?;
        check_path(&self.path)?;
        let endpoint = Endpoint {
            token: ExpectedToken::new(&self.token),
            handler: Arc::new(self.handler),
            options: ParseOptions {
                limits: self.limits,
                product: self.product,
                ..ParseOptions::default()
            },
            body_timeout: self.body_timeout,
        };
        Ok(Router::new()
            .route(&self.path, post(receive::<H>))
            .with_state(Arc::new(endpoint)))
    }
}

impl<H> fmt::Debug for WebhookReceiver<H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookReceiver")
            .field("token", &"(hidden)")
            .field("limits", &self.limits)
            .field("path", &self.path)
            .field("body_timeout", &self.body_timeout)
            .finish_non_exhaustive()
    }
}

/// Why [`WebhookReceiver::into_router`] refused to make a router.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The token is empty. Every request would be refused, or, worse, anyone accepted; set the
    /// instance's `webhookUrlToken` and pass the same value.
    #[error("the webhook token is empty: set the instance's webhookUrlToken and pass it here")]
    EmptyToken,
    /// The token has whitespace or control characters, which an `Authorization` header cannot
    /// carry intact, so no request could match it.
    #[error("the webhook token contains whitespace or control characters")]
    UnsendableToken,
    /// The path is not one the route can have.
    #[error("the path `{path}` {reason}")]
    InvalidPath {
        /// The path as given.
        path: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

fn check_token(token: &str) -> Result<(), ConfigError> {
    if token.is_empty() {
        return Err(ConfigError::EmptyToken);
    }
    if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ConfigError::UnsendableToken);
    }
    Ok(())
}

/// Only plain paths: axum gives `{`, `}`, `*` and `:` meanings, and refuses (by panicking) some
/// of them.
fn check_path(path: &str) -> Result<(), ConfigError> {
    let invalid = |reason| {
        Err(ConfigError::InvalidPath {
            path: path.to_owned(),
            reason,
        })
    };
    if !path.starts_with('/') {
        return invalid("does not start with `/`");
    }
    let plain = |c: char| c.is_ascii_alphanumeric() || "-._~/".contains(c);
    if !path.chars().all(plain) {
        return invalid("has characters other than letters, digits and `-._~/`");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_paths_are_checked() {
        assert_eq!(check_token(""), Err(ConfigError::EmptyToken));
        assert_eq!(check_token("a b"), Err(ConfigError::UnsendableToken));
        assert_eq!(check_token("tab\t"), Err(ConfigError::UnsendableToken));
        assert_eq!(check_token("d7f1c2e0-token"), Ok(()));
        assert_eq!(check_path("/webhook"), Ok(()));
        assert_eq!(check_path("/green-api/v1.hook"), Ok(()));
        assert!(check_path("webhook").is_err());
        assert!(check_path("").is_err());
        assert!(check_path("/{id}").is_err());
        assert!(check_path("/:id").is_err());
        assert!(check_path("/*rest").is_err());
    }
}
