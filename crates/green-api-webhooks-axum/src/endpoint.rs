//! The route that receives webhooks: authenticate, read the body, parse, call the handler.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::AUTHORIZATION;
use axum::response::{IntoResponse, Response};
use green_api_webhooks::ParseOptions;
use tokio::time::Instant;

use crate::auth::ExpectedToken;
use crate::body::read_limited;
use crate::rejection::Rejection;
use crate::{Received, Reply, WebhookHandler};

/// Everything the route needs, shared by all requests.
pub(crate) struct Endpoint<H> {
    pub(crate) token: ExpectedToken,
    pub(crate) handler: Arc<H>,
    pub(crate) options: ParseOptions,
    pub(crate) body_timeout: Duration,
}

/// The axum handler of the webhook route.
pub(crate) async fn receive<H: WebhookHandler>(
    State(endpoint): State<Arc<Endpoint<H>>>,
    request: Request,
) -> Response {
    match endpoint.accept(request).await {
        Ok(reply) => reply.into_response(),
        Err(rejection) => rejection.into_response(),
    }
}

impl<H: WebhookHandler> Endpoint<H> {
    async fn accept(&self, request: Request) -> Result<Reply, Rejection> {
        let received_at = SystemTime::now();
        let deadline = Instant::now() + self.body_timeout;
        let (mut parts, body) = request.into_parts();
        // Headers first: an unauthenticated request never costs a body read.
        self.token.check(&parts.headers)?;
        let body = read_limited(body, self.options.limits.max_body_bytes, deadline).await?;

        let remote_addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| *addr);
        parts.headers.remove(AUTHORIZATION);
        let headers = parts.headers;
        let options = self.options;
        let handler = Arc::clone(&self.handler);

        // Once the body is read, the rest runs in a task of its own: it goes on to the handler
        // even if the client hangs up and this future is dropped, and a panic in the handler
        // comes back as an error instead of unwinding through the connection.
        let handling = tokio::spawn(async move {
            let mut received = Received::new(body, options);
            received.headers = headers;
            received.remote_addr = remote_addr;
            received.received_at = received_at;
            // Boxed: the handler's future holds the parsed webhook (over a kilobyte), and tokio
            // moves a task's whole future when it spawns it and again when it reads the result.
            Box::pin(handler.handle(received)).await
        });
        handling
            .await
            .map_err(|_panicked_or_cancelled| Rejection::HandlerFailed)
    }
}
