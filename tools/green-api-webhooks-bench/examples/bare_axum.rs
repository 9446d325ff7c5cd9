//! The receiver benchmark's baseline: a bare axum route that compares the bearer token and
//! answers 200, reading nothing else of the request, served by `axum::serve`, or with `server`
//! after the port by the crate's `Server` (its timeouts and connection cap) to tell the two
//! costs apart. `cargo xtask bench` serves it and the receiver example alike, and loads them with
//! wrk.
//!
//! ```sh
//! GREEN_API_WEBHOOK_TOKEN=... cargo run --release -p green-api-webhooks-bench --example bare_axum -- 8081 [server]
//! ```

use std::error::Error;
use std::net::Ipv4Addr;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::post;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let token = std::env::var("GREEN_API_WEBHOOK_TOKEN")
        .map_err(|_| "set GREEN_API_WEBHOOK_TOKEN to the token clients send")?;
    let port: u16 = match std::env::args().nth(1) {
        Some(port) => port.parse().map_err(|_| format!("not a port: {port}"))?,
        None => 8081,
    };
    let expected: Arc<str> = format!("Bearer {token}").into();
    let router = Router::new()
        .route("/webhook", post(answer))
        .with_state(expected);
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    eprintln!("listening on http://{}/webhook", listener.local_addr()?);
    if std::env::args().nth(2).as_deref() == Some("server") {
        green_api_webhooks_axum::Server::new(listener, router)
            .run()
            .await?;
    } else {
        axum::serve(listener, router).await?;
    }
    Ok(())
}

async fn answer(State(expected): State<Arc<str>>, headers: HeaderMap) -> StatusCode {
    let sent = headers
        .get(header::AUTHORIZATION)
        .map(|value| value.as_bytes());
    if sent == Some(expected.as_bytes()) {
        StatusCode::OK
    } else {
        StatusCode::UNAUTHORIZED
    }
}
