//! Requests that misbehave on the wire, sent over a raw socket: announce a body and hold it
//! back, trickle it, or send more than the limit.

use std::time::{Duration, Instant};

use crate::support::{BODY_TIMEOUT, MAX_BODY_BYTES, PATH, RawConnection, Recorder, TOKEN};

/// Far below the body timeout: an answer this fast did not wait for the body.
const AT_ONCE: Duration = Duration::from_millis(300);

fn head(authorization: Option<&str>, framing: &str) -> Vec<u8> {
    let authorization = authorization
        .map(|value| format!("Authorization: {value}\r\n"))
        .unwrap_or_default();
    format!(
        "POST {PATH} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         {authorization}{framing}\r\n\r\n"
    )
    .into_bytes()
}

fn chunk(data: &[u8]) -> Vec<u8> {
    let mut chunk = format!("{:x}\r\n", data.len()).into_bytes();
    chunk.extend_from_slice(data);
    chunk.extend_from_slice(b"\r\n");
    chunk
}

#[tokio::test]
async fn an_unauthenticated_request_is_answered_without_waiting_for_its_body() {
    let recorder = Recorder::start().await;
    for authorization in [None, Some("Bearer wrong"), Some("Basic abc")] {
        let mut connection = RawConnection::open(recorder.addr).await;
        let started = Instant::now();
        connection
            .send(&head(authorization, "Content-Length: 1000"))
            .await;
        let response = connection.response_head(AT_ONCE).await;
        assert_eq!(response.status(), 401, "{authorization:?}: {response:?}");
        assert!(started.elapsed() < AT_ONCE);
    }
    assert!(recorder.take().is_empty());
}

#[tokio::test]
async fn a_content_length_over_the_limit_is_answered_413_before_the_body() {
    let recorder = Recorder::start().await;
    let mut connection = RawConnection::open(recorder.addr).await;
    let auth = format!("Bearer {TOKEN}");
    let framing = format!("Content-Length: {}", MAX_BODY_BYTES + 1);
    connection.send(&head(Some(&auth), &framing)).await;
    let response = connection.response_head(AT_ONCE).await;
    assert_eq!(response.status(), 413, "{response:?}");
    assert_eq!(response.header("connection"), Some("close"));
    assert!(recorder.take().is_empty());
}

#[tokio::test]
async fn a_content_length_at_the_limit_is_read() {
    let recorder = Recorder::start().await;
    let mut connection = RawConnection::open(recorder.addr).await;
    let auth = format!("Bearer {TOKEN}");
    let body = vec![b' '; MAX_BODY_BYTES];
    let framing = format!("Content-Length: {}", body.len());
    connection.send(&head(Some(&auth), &framing)).await;
    connection.send(&body).await;
    let response = connection.response_head(Duration::from_secs(5)).await;
    assert_eq!(response.status(), 200, "{response:?}");
    let [received] = <[_; 1]>::try_from(recorder.take()).unwrap();
    assert_eq!(received.body.len(), MAX_BODY_BYTES);
}

#[tokio::test]
async fn a_chunked_body_over_the_limit_is_answered_413_when_it_crosses_it() {
    let recorder = Recorder::start().await;
    let mut connection = RawConnection::open(recorder.addr).await;
    let auth = format!("Bearer {TOKEN}");
    connection
        .send(&head(Some(&auth), "Transfer-Encoding: chunked"))
        .await;
    let piece = vec![b' '; 4096];
    // Exactly the limit: the receiver keeps reading.
    for _ in 0..MAX_BODY_BYTES / piece.len() {
        connection.send(&chunk(&piece)).await;
    }
    // One byte more, and no end of the body: the answer must not wait for it.
    connection.send(&chunk(b" ")).await;
    let response = connection.response_head(Duration::from_secs(5)).await;
    assert_eq!(response.status(), 413, "{response:?}");
    assert_eq!(response.header("connection"), Some("close"));
    assert!(recorder.take().is_empty());
}

#[tokio::test]
async fn a_chunked_body_within_the_limit_arrives_whole() {
    let recorder = Recorder::start().await;
    let mut connection = RawConnection::open(recorder.addr).await;
    let auth = format!("Bearer {TOKEN}");
    connection
        .send(&head(Some(&auth), "Transfer-Encoding: chunked"))
        .await;
    let body = crate::support::fixture(crate::VALID);
    for piece in body.chunks(100) {
        connection.send(&chunk(piece)).await;
    }
    connection.send(b"0\r\n\r\n").await;
    let response = connection.response_head(Duration::from_secs(5)).await;
    assert_eq!(response.status(), 200, "{response:?}");
    let [received] = <[_; 1]>::try_from(recorder.take()).unwrap();
    assert_eq!(received.body, body);
    assert!(received.is_valid());
}

#[tokio::test]
async fn a_body_that_stalls_is_answered_408_after_the_body_timeout() {
    let recorder = Recorder::start().await;
    let mut connection = RawConnection::open(recorder.addr).await;
    let auth = format!("Bearer {TOKEN}");
    let body = crate::support::fixture(crate::VALID);
    let framing = format!("Content-Length: {}", body.len());
    let started = Instant::now();
    connection.send(&head(Some(&auth), &framing)).await;
    connection.send(&body[..body.len() / 2]).await;
    let response = connection.response_head(BODY_TIMEOUT * 3).await;
    let elapsed = started.elapsed();
    assert_eq!(response.status(), 408, "{response:?}");
    assert_eq!(response.header("connection"), Some("close"));
    assert!(elapsed >= BODY_TIMEOUT, "answered after {elapsed:?}");
    assert!(recorder.take().is_empty());
}
