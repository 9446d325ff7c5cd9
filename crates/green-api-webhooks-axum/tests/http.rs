//! The receiver over real HTTP on 127.0.0.1, with reqwest (HTTP/1.1, no TLS) as the client and a
//! raw socket for what reqwest will not do.

#[path = "http/load.rs"]
mod load;
#[path = "http/raw.rs"]
mod raw;
#[path = "http/routes.rs"]
mod routes;
#[path = "http/serving.rs"]
mod serving;
#[path = "http/support.rs"]
mod support;

use green_api_webhooks_axum::green_api_webhooks::{ParseError, Webhook};
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use support::{REPLY_HEADER, Recorder, bearer, fixture};

const VALID: &str = "payloads/outgoing-message__InteractiveButtonsReply__1.json";

async fn post(recorder: &Recorder, body: impl Into<reqwest::Body>) -> reqwest::Response {
    reqwest::Client::new()
        .post(recorder.url())
        .header(AUTHORIZATION, bearer())
        .header(CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_valid_body_reaches_the_handler_and_is_answered_200() {
    let recorder = Recorder::start().await;
    let body = fixture(VALID);
    let response = post(&recorder, body.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);

    let [received] = <[_; 1]>::try_from(recorder.take()).unwrap();
    assert_eq!(received.body, body);
    assert!(received.is_valid(), "{:?}", received.report);
    let webhook = received.parsed().unwrap();
    assert_eq!(webhook.tag(), Some("outgoingAPIMessageReceived"));
    assert_eq!(
        webhook.message_data().and_then(|data| data.tag()),
        Some("interactiveButtonsReply")
    );
    assert!(received.headers.get(AUTHORIZATION).is_none());
    assert_eq!(received.headers[CONTENT_TYPE], "application/json");
    assert!(received.remote_addr.unwrap().ip().is_loopback());
}

#[tokio::test]
async fn an_invalid_body_reaches_the_handler_with_its_report() {
    let recorder = Recorder::start().await;
    let body = br#"{"typeWebhook": "incomingMessageReceived", "timestamp": "soon"}"#;
    assert_eq!(post(&recorder, &body[..]).await.status(), StatusCode::OK);

    let [received] = <[_; 1]>::try_from(recorder.take()).unwrap();
    assert_eq!(received.body, &body[..]);
    assert!(!received.is_valid());
    let report = received.report.as_ref().unwrap();
    assert!(report.errors().any(|issue| issue.path == "/timestamp"));
    assert!(received.first_error().is_some());
}

#[tokio::test]
async fn a_body_that_is_not_json_reaches_the_handler_raw() {
    let recorder = Recorder::start().await;
    let body = "typeWebhook=incomingMessageReceived\n\u{0}\u{ff}";
    assert_eq!(post(&recorder, body).await.status(), StatusCode::OK);

    let [received] = <[_; 1]>::try_from(recorder.take()).unwrap();
    assert_eq!(received.body, body);
    assert!(matches!(received.webhook, Err(ParseError::Syntax { .. })));
    assert!(received.report.is_none());
    assert!(!received.is_valid());
}

#[tokio::test]
async fn bodies_that_are_json_but_no_webhook_reach_the_handler() {
    let recorder = Recorder::start().await;
    let levels = support::MAX_DEPTH + 1;
    let too_deep = format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
    for body in [
        "[]".to_owned(),
        "\"text\"".to_owned(),
        String::new(),
        too_deep,
    ] {
        assert_eq!(post(&recorder, body.clone()).await.status(), StatusCode::OK);
        let [received] = <[_; 1]>::try_from(recorder.take()).unwrap();
        assert_eq!(received.body, body);
        assert!(received.webhook.is_err(), "{body}");
        assert!(received.first_error().is_some());
    }
}

#[tokio::test]
async fn an_unknown_variant_reaches_the_handler_whole() {
    let recorder = Recorder::start().await;
    let body = br#"{"typeWebhook": "brandNewWebhook", "idMessage": "X1", "novel": {"a": [1]}}"#;
    assert_eq!(post(&recorder, &body[..]).await.status(), StatusCode::OK);

    let [received] = <[_; 1]>::try_from(recorder.take()).unwrap();
    let Some(Webhook::Unknown(unknown)) = received.parsed() else {
        panic!("not kept as unknown: {:?}", received.webhook);
    };
    assert_eq!(unknown.string("idMessage"), Some("X1"));
    assert_eq!(received.body, &body[..]);
    // An unknown variant is a warning, not an error.
    assert!(received.is_valid());
    assert!(
        received
            .report
            .as_ref()
            .unwrap()
            .warnings()
            .next()
            .is_some()
    );
}

#[tokio::test]
async fn the_handler_decides_the_status() {
    let recorder = Recorder::start().await;
    let response = reqwest::Client::new()
        .post(recorder.url())
        .header(AUTHORIZATION, bearer())
        .header(REPLY_HEADER, "503")
        .body(fixture(VALID))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(recorder.take().len(), 1);
}

#[tokio::test]
async fn a_panicking_handler_is_answered_500() {
    let recorder = Recorder::start().await;
    let response = reqwest::Client::new()
        .post(recorder.url())
        .header(AUTHORIZATION, bearer())
        .header(REPLY_HEADER, "panic")
        .body(fixture(VALID))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    // The server goes on.
    assert_eq!(
        post(&recorder, fixture(VALID)).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_request_without_the_token_is_answered_401_and_not_handled() {
    let recorder = Recorder::start().await;
    let client = reqwest::Client::new();
    let send = |authorization: Option<&str>| {
        let mut request = client.post(recorder.url()).body(fixture(VALID));
        if let Some(value) = authorization {
            request = request.header(AUTHORIZATION, value);
        }
        request.send()
    };
    let base64_of_token = "N2YzYTljLXRlc3QtdG9rZW4=";
    let cases = [
        (None, "Bearer"),
        (Some(""), "Bearer"),
        (Some("Bearer"), "Bearer"),
        (Some(support::TOKEN), "Bearer"),
        (Some(&*format!("Basic {base64_of_token}")), "Bearer"),
        (Some(&*format!("Token {}", support::TOKEN)), "Bearer"),
        (Some("Bearer wrong-token"), "Bearer error=\"invalid_token\""),
        (
            Some(&*format!("Bearer {}x", support::TOKEN)),
            "Bearer error=\"invalid_token\"",
        ),
        (
            Some("Bearer 7f3a9c-test-toke"),
            "Bearer error=\"invalid_token\"",
        ),
        (
            Some("Bearer 7F3A9C-TEST-TOKEN"),
            "Bearer error=\"invalid_token\"",
        ),
    ];
    for (authorization, challenge) in cases {
        let response = send(authorization).await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{authorization:?}"
        );
        assert_eq!(response.headers()[WWW_AUTHENTICATE], challenge);
    }
    assert!(recorder.take().is_empty());

    // The scheme is case-insensitive.
    let response = send(Some(&format!("bearer {}", support::TOKEN)))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn other_methods_and_paths_are_refused() {
    let recorder = Recorder::start().await;
    let client = reqwest::Client::new();
    let get = client
        .get(recorder.url())
        .header(AUTHORIZATION, bearer())
        .send()
        .await
        .unwrap();
    assert_eq!(get.status(), StatusCode::METHOD_NOT_ALLOWED);
    let elsewhere = client
        .post(format!("http://{}/other", recorder.addr))
        .header(AUTHORIZATION, bearer())
        .body(fixture(VALID))
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.status(), StatusCode::NOT_FOUND);
    assert!(recorder.take().is_empty());
}

#[tokio::test]
async fn a_large_body_sent_whole_is_refused_without_breaking_the_answer() {
    let recorder = Recorder::start().await;
    let client = reqwest::Client::new();
    let large = vec![b' '; 1024 * 1024];
    let over_limit = client
        .post(recorder.url())
        .header(AUTHORIZATION, bearer())
        .body(large.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(over_limit.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let unauthenticated = client
        .post(recorder.url())
        .body(large)
        .send()
        .await
        .unwrap();
    assert_eq!(unauthenticated.status(), StatusCode::UNAUTHORIZED);
    assert!(recorder.take().is_empty());
}
