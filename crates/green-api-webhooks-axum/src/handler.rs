//! What the application plugs in: a handler for received webhooks, and its reply.

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::Received;

/// Handles one received webhook and says how to answer Green-API.
///
/// Any `Fn(Received) -> impl Future` whose output converts into [`Reply`] (`()`, a
/// [`StatusCode`] or a [`Reply`]) is a handler, so an async closure or an `async fn` works as it
/// is. A type with state can implement the trait with an `async fn`:
///
/// ```
/// use std::sync::atomic::{AtomicU64, Ordering};
/// use green_api_webhooks_axum::{Received, Reply, WebhookHandler};
///
/// struct Counter(AtomicU64);
///
/// impl WebhookHandler for Counter {
///     async fn handle(&self, received: Received) -> Reply {
///         self.0.fetch_add(1, Ordering::Relaxed);
///         Reply::OK
///     }
/// }
/// ```
///
/// The receiver answers only after the handler returns, and a slow answer keeps Green-API
/// waiting, or makes it give up and deliver the webhook again. A handler that needs more than a
/// moment (a slow database, a call to another service) should hand the work to a queue or
/// `tokio::spawn` it, and return. Each handler call runs in its own task: it finishes even when
/// Green-API hangs up, and a panic in it is answered with 500 (so Green-API retries) instead of
/// breaking the connection.
pub trait WebhookHandler: Send + Sync + 'static {
    /// Handles one webhook. Called for every authenticated body within the limits, whether it
    /// is valid, invalid, of an unknown variant, or not JSON at all.
    fn handle(&self, received: Received) -> impl Future<Output = Reply> + Send;
}

impl<F, Fut> WebhookHandler for F
where
    F: Fn(Received) -> Fut + Send + Sync + 'static,
    Fut: Future + Send,
    Fut::Output: Into<Reply>,
{
    fn handle(&self, received: Received) -> impl Future<Output = Reply> + Send {
        let handling = self(received);
        async move { handling.await.into() }
    }
}

/// The status the receiver answers with once the handler returns.
///
/// Green-API treats any status but 200 as a failed delivery and sends the webhook again later,
/// so answer 200 for everything that another delivery would not improve (a body that is not
/// JSON stays not JSON) and a 5xx status for a failure on the receiving side that may pass (the
/// database is down).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reply {
    status: StatusCode,
}

impl Reply {
    /// 200 OK: the webhook is handled and must not be sent again.
    pub const OK: Reply = Reply {
        status: StatusCode::OK,
    };

    /// 503 Service Unavailable: the webhook could not be handled now; Green-API sends it again.
    pub const RETRY_LATER: Reply = Reply {
        status: StatusCode::SERVICE_UNAVAILABLE,
    };

    /// A reply with any status.
    pub const fn with_status(status: StatusCode) -> Reply {
        Reply { status }
    }

    /// The status this reply answers with.
    pub const fn status(&self) -> StatusCode {
        self.status
    }
}

impl Default for Reply {
    /// [`Reply::OK`].
    fn default() -> Self {
        Reply::OK
    }
}

impl From<()> for Reply {
    /// [`Reply::OK`], so that a handler returning nothing answers 200.
    fn from((): ()) -> Self {
        Reply::OK
    }
}

impl From<StatusCode> for Reply {
    fn from(status: StatusCode) -> Self {
        Reply::with_status(status)
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        self.status.into_response()
    }
}
