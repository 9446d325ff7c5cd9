//! A receiver on 127.0.0.1 with a handler that records what it gets, and raw-socket helpers.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use green_api_webhooks_axum::green_api_webhooks::Limits;
use green_api_webhooks_axum::{Received, Reply, Server, WebhookHandler, WebhookReceiver};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const TOKEN: &str = "7f3a9c-test-token";
pub const PATH: &str = "/webhook";
pub const MAX_BODY_BYTES: usize = 16 * 1024;
pub const MAX_DEPTH: usize = 32;
pub const BODY_TIMEOUT: Duration = Duration::from_millis(600);

/// Sets the handler's reply for a request; the receiver passes every header but
/// `Authorization` on.
pub const REPLY_HEADER: &str = "x-test-reply";

/// Serves `receiver` with the crate's [`Server`] and its defaults on a free port of 127.0.0.1
/// until the test's runtime ends.
pub async fn serve<H: WebhookHandler>(receiver: WebhookReceiver<H>) -> SocketAddr {
    let server = server(receiver.into_router().unwrap()).await;
    let addr = server.local_addr().unwrap();
    tokio::spawn(server.run());
    addr
}

/// A [`Server`] of `router` on a free port of 127.0.0.1, with the defaults, that shuts down
/// only when the test's runtime ends (no signal handlers in the test process).
pub async fn server(router: Router) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    Server::new(listener, router).with_shutdown(std::future::pending())
}

/// A receiver of `handler` with the test token, path and small limits.
pub fn receiver<H: WebhookHandler>(handler: H) -> WebhookReceiver<H> {
    WebhookReceiver::new(TOKEN, handler)
        .path(PATH)
        .limits(Limits {
            max_body_bytes: MAX_BODY_BYTES,
            max_depth: MAX_DEPTH,
        })
        .body_timeout(BODY_TIMEOUT)
}

/// A server whose handler keeps every `Received`, with small limits to test them.
pub struct Recorder {
    pub addr: SocketAddr,
    pub received: Arc<Mutex<Vec<Received>>>,
}

impl Recorder {
    pub async fn start() -> Recorder {
        let received = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&received);
        let handler = move |received: Received| {
            let kept = Arc::clone(&kept);
            async move {
                let reply = requested_reply(&received);
                kept.lock().unwrap().push(received);
                reply
            }
        };
        let addr = serve(receiver(handler)).await;
        Recorder { addr, received }
    }

    pub fn url(&self) -> String {
        format!("http://{}{PATH}", self.addr)
    }

    /// Everything the handler got so far, taken out.
    pub fn take(&self) -> Vec<Received> {
        std::mem::take(&mut *self.received.lock().unwrap())
    }
}

/// The reply [`REPLY_HEADER`] asks for: a status code, or `panic`; 200 without it.
pub fn requested_reply(received: &Received) -> Reply {
    match received.headers.get(REPLY_HEADER).map(|v| v.as_bytes()) {
        Some(b"panic") => panic!("the test asked the handler to panic"),
        Some(code) => {
            let code = std::str::from_utf8(code).unwrap().parse::<u16>().unwrap();
            Reply::with_status(StatusCode::from_u16(code).unwrap())
        }
        None => Reply::OK,
    }
}

pub fn fixture(name: &str) -> Vec<u8> {
    green_api_webhooks_fixtures::file(name)
}

pub fn bearer() -> String {
    format!("Bearer {TOKEN}")
}

/// A raw HTTP/1.1 connection, for what a well-behaved client does not do: announce a body and
/// not send it, trickle it, or send more than the limit.
pub struct RawConnection(TcpStream);

impl RawConnection {
    pub async fn open(addr: SocketAddr) -> RawConnection {
        let stream = TcpStream::connect(addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        RawConnection(stream)
    }

    pub async fn send(&mut self, bytes: &[u8]) {
        self.0.write_all(bytes).await.unwrap();
        self.0.flush().await.unwrap();
    }

    /// Reads and drops whatever arrives until the server closes the connection (an end of
    /// stream or a reset); how long that took, or `None` if it is still open after `within`.
    pub async fn closed_within(&mut self, within: Duration) -> Option<Duration> {
        let started = std::time::Instant::now();
        let mut buf = [0u8; 1024];
        let closed = async { while let Ok(1..) = self.0.read(&mut buf).await {} };
        tokio::time::timeout(within, closed).await.ok()?;
        Some(started.elapsed())
    }

    /// Whether the server has not closed the connection: nothing but data (dropped) has
    /// arrived, no end of stream nor reset.
    pub fn is_open(&self) -> bool {
        let mut buf = [0u8; 1024];
        loop {
            match self.0.try_read(&mut buf) {
                Ok(0) => return false,
                Ok(_) => {}
                Err(error) => return error.kind() == std::io::ErrorKind::WouldBlock,
            }
        }
    }

    /// Reads one response's status line and headers; fails the test after `within`.
    pub async fn response_head(&mut self, within: Duration) -> ResponseHead {
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        let read = async {
            while !head.ends_with(b"\r\n\r\n") {
                let n = self.0.read(&mut byte).await.unwrap();
                assert_eq!(n, 1, "connection closed before a response; got {head:?}");
                head.push(byte[0]);
            }
        };
        tokio::time::timeout(within, read)
            .await
            .expect("no response in time");
        ResponseHead(String::from_utf8(head).unwrap())
    }
}

/// The status line and headers of a response, as text.
#[derive(Debug)]
pub struct ResponseHead(pub String);

impl ResponseHead {
    pub fn status(&self) -> u16 {
        let status = self.0.split(' ').nth(1).unwrap();
        status.parse().unwrap()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.0.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}
