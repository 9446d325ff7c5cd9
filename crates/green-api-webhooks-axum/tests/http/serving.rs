//! The crate's `Server` over real connections: clients that stall or idle are closed, the
//! connection cap holds and makes room for webhooks, and a shutdown answers what it began.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use green_api_webhooks_axum::{Received, ServeError, Server};
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, CONNECTION};
use tokio::sync::{Notify, oneshot};

use crate::support::{PATH, RawConnection, TOKEN, bearer, fixture, receiver, server};

/// A request line and some headers, without the blank line that would end the head.
const HALF_HEAD: &[u8] = b"POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl";

/// Generous bounds for the scheduler of a busy two-core machine.
const PROMPTLY: Duration = Duration::from_secs(2);

/// A receiver that answers every webhook 200.
fn answering_200() -> Router {
    receiver(|_: Received| async {}).into_router().unwrap()
}

/// A whole webhook request over a raw connection, kept alive.
fn webhook_request() -> Vec<u8> {
    let body = fixture(crate::VALID);
    let mut request = format!(
        "POST {PATH} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(&body);
    request
}

/// Posts a webhook on a new connection; the status, or the error as text.
async fn post_webhook(addr: SocketAddr) -> Result<reqwest::Response, String> {
    reqwest::Client::new()
        .post(format!("http://{addr}{PATH}"))
        .header(AUTHORIZATION, bearer())
        .body(fixture(crate::VALID))
        .send()
        .await
        .map_err(|error| error.to_string())
}

/// Starts `server` in a task; its address.
fn start(
    server: Server,
) -> (
    SocketAddr,
    tokio::task::JoinHandle<Result<green_api_webhooks_axum::Stopped, ServeError>>,
) {
    let addr = server.local_addr().unwrap();
    (addr, tokio::spawn(server.run()))
}

/// Starts a server of `router` with the grace period `grace`, which shuts down when the returned
/// sender fires; its address, its task and that sender.
async fn stoppable(
    router: Router,
    grace: Duration,
) -> (
    SocketAddr,
    tokio::task::JoinHandle<Result<green_api_webhooks_axum::Stopped, ServeError>>,
    oneshot::Sender<()>,
) {
    let (stop, stopped) = oneshot::channel::<()>();
    let server = server(router)
        .await
        .grace_period(grace)
        .with_shutdown(async move {
            let _ = stopped.await;
        });
    let (addr, running) = start(server);
    (addr, running, stop)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_closed_at_the_header_read_timeout_while_a_webhook_gets_200() {
    const SLOW: usize = 200;
    const HEADER_READ: Duration = Duration::from_millis(300);
    let server = server(answering_200())
        .await
        .header_read_timeout(HEADER_READ);
    let connections = server.connections();
    let (addr, _running) = start(server);

    let mut watchers = Vec::new();
    for _ in 0..SLOW {
        // Measured from before the connect, which comes before the accept that the deadline
        // counts from.
        let opened = Instant::now();
        let mut slow = RawConnection::open(addr).await;
        slow.send(HALF_HEAD).await;
        watchers.push(tokio::spawn(async move {
            let closed = slow.closed_within(HEADER_READ * 10).await;
            closed.map(|_| opened.elapsed())
        }));
    }
    let response = post_webhook(addr).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    for watcher in watchers {
        let closed_after = watcher.await.unwrap().expect("a slow client still open");
        assert!(
            closed_after >= HEADER_READ / 2,
            "closed after {closed_after:?}"
        );
        assert!(
            closed_after <= HEADER_READ * 5,
            "closed after {closed_after:?}"
        );
    }
    assert!(connections.header_timeouts() >= SLOW as u64);
    // And the server still serves.
    let response = post_webhook(addr).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_the_cap_stalled_clients_make_room_for_a_webhook_long_before_their_timeout() {
    const CAP: usize = 16;
    const STALLED: usize = 28;
    // So long that only making room, not the timeout, can let the webhook in.
    const HEADER_READ: Duration = Duration::from_secs(10);
    let server = server(answering_200())
        .await
        .max_connections(CAP)
        .header_read_timeout(HEADER_READ);
    let connections = server.connections();
    let (addr, _running) = start(server);

    let mut stalled = Vec::new();
    for _ in 0..STALLED {
        let mut connection = RawConnection::open(addr).await;
        connection.send(HALF_HEAD).await;
        stalled.push(connection);
    }
    // Behind the stalled clients in the accept queue.
    let started = Instant::now();
    let response = post_webhook(addr).await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(elapsed < HEADER_READ / 2, "answered after {elapsed:?}");
    assert!(connections.peak() <= CAP, "peak {}", connections.peak());
    assert!(connections.open() <= CAP);
    assert!(connections.shed() >= 1);
    assert_eq!(connections.header_timeouts(), 0);
    // The first stalled client was closed to make room.
    assert!(stalled[0].closed_within(PROMPTLY).await.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_the_cap_the_longest_idle_connection_makes_room_and_the_count_stays_under_it() {
    const CAP: usize = 4;
    let server = server(answering_200())
        .await
        .max_connections(CAP)
        .idle_timeout(Duration::from_secs(30));
    let connections = server.connections();
    let (addr, _running) = start(server);

    let mut idle = Vec::new();
    for _ in 0..CAP {
        let mut connection = RawConnection::open(addr).await;
        connection.send(&webhook_request()).await;
        assert_eq!(connection.response_head(PROMPTLY).await.status(), 200);
        assert!(connections.open() <= CAP);
        idle.push(connection);
    }
    // One more connection: the longest idle one makes room for it.
    let started = Instant::now();
    let response = post_webhook(addr).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(started.elapsed() < PROMPTLY, "{:?}", started.elapsed());
    assert!(idle[0].closed_within(PROMPTLY).await.is_some());
    assert!(connections.shed() >= 1);
    assert_eq!(connections.accepted(), CAP as u64 + 1);
    assert!(connections.peak() <= CAP, "peak {}", connections.peak());
    assert!(connections.open() <= CAP);
    // A connection that was not closed still serves.
    let last = idle.last_mut().unwrap();
    assert!(last.is_open());
    last.send(&webhook_request()).await;
    assert_eq!(last.response_head(PROMPTLY).await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_connection_outlives_the_header_timeout_and_is_closed_at_the_idle_timeout() {
    const HEADER_READ: Duration = Duration::from_millis(200);
    const IDLE: Duration = Duration::from_secs(1);
    let server = server(answering_200())
        .await
        .header_read_timeout(HEADER_READ)
        .idle_timeout(IDLE);
    let connections = server.connections();
    let (addr, _running) = start(server);

    let mut connection = RawConnection::open(addr).await;
    connection.send(&webhook_request()).await;
    assert_eq!(connection.response_head(PROMPTLY).await.status(), 200);
    let answered = Instant::now();
    tokio::time::sleep(HEADER_READ * 3).await;
    assert!(connection.is_open(), "closed at the header read timeout");
    let closed_after = connection
        .closed_within(IDLE * 5)
        .await
        .map(|_| answered.elapsed());
    let closed_after = closed_after.expect("still open after five idle timeouts");
    assert!(
        closed_after >= IDLE * 8 / 10,
        "closed after {closed_after:?}"
    );
    assert_eq!(connections.idle_timeouts(), 1);
    assert_eq!(connections.header_timeouts(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_within_the_idle_timeout_keep_a_connection_open_past_it() {
    const IDLE: Duration = Duration::from_millis(400);
    let server = server(answering_200()).await.idle_timeout(IDLE);
    let (addr, _running) = start(server);

    let mut connection = RawConnection::open(addr).await;
    let started = Instant::now();
    for _ in 0..4 {
        connection.send(&webhook_request()).await;
        assert_eq!(connection.response_head(PROMPTLY).await.status(), 200);
        tokio::time::sleep(IDLE / 4).await;
    }
    assert!(started.elapsed() > IDLE);
    assert!(connection.is_open());
    assert!(connection.closed_within(IDLE * 5).await.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shutdown_answers_the_request_in_flight_closes_idle_connections_and_refuses_new_ones() {
    const GRACE: Duration = Duration::from_secs(3);
    let started = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    let handler = {
        let (started, release) = (Arc::clone(&started), Arc::clone(&release));
        move |_: Received| {
            let (started, release) = (Arc::clone(&started), Arc::clone(&release));
            async move {
                started.notify_one();
                // Held until the test releases it; bounded so that the test cannot hang.
                let _ = tokio::time::timeout(Duration::from_secs(10), release.notified()).await;
            }
        }
    };
    let (addr, running, stop) = stoppable(receiver(handler).into_router().unwrap(), GRACE).await;

    // An idle kept-alive connection, and a request held in its handler.
    let mut idle = RawConnection::open(addr).await;
    idle.send(&webhook_request()).await;
    release.notify_one();
    assert_eq!(idle.response_head(PROMPTLY).await.status(), 200);
    // The idle connection's handler started, and is done.
    started.notified().await;
    let in_flight = tokio::spawn(post_webhook(addr));
    tokio::time::timeout(PROMPTLY, started.notified())
        .await
        .expect("the handler did not start");

    let shutdown_at = Instant::now();
    stop.send(()).unwrap();
    assert!(
        idle.closed_within(PROMPTLY).await.is_some(),
        "idle connection kept"
    );
    let refused = async {
        loop {
            match tokio::net::TcpStream::connect(addr).await {
                Err(error) => return error.kind(),
                Ok(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            }
        }
    };
    let refused = tokio::time::timeout(PROMPTLY, refused)
        .await
        .expect("still accepting");
    assert_eq!(refused, std::io::ErrorKind::ConnectionRefused);
    assert!(
        !in_flight.is_finished(),
        "answered before its handler returned"
    );

    tokio::time::sleep(Duration::from_millis(300)).await;
    release.notify_one();
    let response = in_flight.await.unwrap().unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CONNECTION], "close");
    let stopped = tokio::time::timeout(GRACE * 2, running)
        .await
        .expect("run() did not return")
        .unwrap()
        .unwrap();
    assert_eq!(stopped.cut, 0);
    assert!(stopped.draining < GRACE, "{stopped:?}");
    assert!(shutdown_at.elapsed() < GRACE);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shutdown_cuts_a_handler_that_does_not_finish_at_the_grace_period() {
    const GRACE: Duration = Duration::from_millis(400);
    let started = Arc::new(Notify::new());
    let handler = {
        let started = Arc::clone(&started);
        move |_: Received| {
            let started = Arc::clone(&started);
            async move {
                started.notify_one();
                std::future::pending::<()>().await;
            }
        }
    };
    let (addr, running, stop) = stoppable(receiver(handler).into_router().unwrap(), GRACE).await;

    let in_flight = tokio::spawn(post_webhook(addr));
    tokio::time::timeout(PROMPTLY, started.notified())
        .await
        .expect("the handler did not start");
    let shutdown_at = Instant::now();
    stop.send(()).unwrap();
    let stopped = tokio::time::timeout(GRACE * 5, running)
        .await
        .expect("run() did not return")
        .unwrap()
        .unwrap();
    let took = shutdown_at.elapsed();
    assert!(took >= GRACE, "returned after {took:?}");
    assert_eq!(stopped.cut, 1);
    assert!(stopped.draining >= GRACE);
    let cut = tokio::time::timeout(PROMPTLY, in_flight)
        .await
        .unwrap()
        .unwrap();
    assert!(cut.is_err(), "{cut:?}");
}

#[tokio::test]
async fn a_request_head_over_64_kib_is_answered_431_without_waiting_for_its_end() {
    let server = server(answering_200()).await;
    let (addr, _running) = start(server);
    let mut connection = RawConnection::open(addr).await;
    connection.send(HALF_HEAD).await;
    connection.send(b"ion/json\r\nX-Padding: ").await;
    connection.send(&[b'a'; 70 * 1024]).await;
    let response = connection.response_head(PROMPTLY).await;
    assert_eq!(response.status(), 431, "{response:?}");
    assert!(connection.closed_within(PROMPTLY).await.is_some());
}

#[tokio::test]
async fn settings_that_cannot_work_are_refused_before_serving() {
    let no_connections = server(answering_200()).await.max_connections(0).run().await;
    assert!(matches!(no_connections, Err(ServeError::NoConnections)));
    let zero = server(answering_200())
        .await
        .header_read_timeout(Duration::ZERO)
        .run()
        .await;
    assert!(matches!(zero, Err(ServeError::ZeroHeaderReadTimeout)));
}
