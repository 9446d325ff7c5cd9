//! Routing over HTTP: each kind of body reaches its route, what no route wants reaches the
//! fallback, and the route's reply is the answer.

use std::future::ready;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use green_api_webhooks_axum::{Received, Reply, Route, Routes};
use reqwest::StatusCode;
use reqwest::header::AUTHORIZATION;

use crate::support::{
    MAX_DEPTH, PATH, REPLY_HEADER, bearer, fixture, receiver, requested_reply, serve,
};

/// One call of a route: which, the value it got (as text), and the body.
struct Hit {
    route: Route,
    value: String,
    received: Received,
}

type Hits = Arc<Mutex<Vec<Hit>>>;

const EVERY_ROUTE: [Route; 10] = [
    Route::Text,
    Route::File,
    Route::Choice,
    Route::State,
    Route::InstanceStatus,
    Route::MessageStatus,
    Route::Unknown,
    Route::Message,
    Route::NotParsed,
    Route::Fallback,
];

/// A body of each kind, the route it takes when every route is declared, and the value the
/// route gets.
const KINDS: [(&str, Route, &str); 15] = [
    (
        "payloads/incoming-message__TextMessage__1.json",
        Route::Text,
        "I use Green-API to send this message to you!",
    ),
    // A reply with text is a text.
    (
        "payloads/incoming-message__TextMessage__md2.json",
        Route::Text,
        "Это",
    ),
    (
        "payloads/outgoing-message__QuotedMessage__1.json",
        Route::Text,
        "Quoting this",
    ),
    // A file with a caption is a file.
    (
        "constructed/video-message.json",
        Route::File,
        "https://example.com/files/clip.mp4 Our new clip",
    ),
    (
        "payloads/selected-buttons__ButtonsResponseMessage__1.json",
        Route::Choice,
        "1 Green",
    ),
    (
        "payloads/selected-buttons__TemplateButtonsReplyMessage__1.json",
        Route::Choice,
        "id1 red",
    ),
    (
        "payloads/root__StateInstanceChanged__1.json",
        Route::State,
        "notAuthorized",
    ),
    (
        "payloads/root__StatusInstanceChanged__1.json",
        Route::InstanceStatus,
        "online",
    ),
    (
        "payloads/outgoing-message__OutgoingMessageStatus__1.json",
        Route::MessageStatus,
        "noAccount",
    ),
    // No `typeWebhook`.
    ("payloads/root__type-webhook__md1.json", Route::Unknown, ""),
    // A `typeMessage` the spec spells otherwise.
    (
        "payloads/incoming-message__ContactsArrayMessage__md1.json",
        Route::Unknown,
        "",
    ),
    (
        "payloads/incoming-message__LocationMessage__md1.json",
        Route::Message,
        "",
    ),
    (
        "payloads/incoming-message__PollMessage__1.json",
        Route::Message,
        "",
    ),
    ("payloads/root__IncomingCall__md1.json", Route::Fallback, ""),
    ("payloads/root__DeviceInfo__1.json", Route::Fallback, ""),
];

fn record(hits: &Hits, route: Route, received: Received, value: String) -> Reply {
    let reply = requested_reply(&received);
    hits.lock().unwrap().push(Hit {
        route,
        value,
        received,
    });
    reply
}

/// Routes that record each call in `hits` and answer what [`REPLY_HEADER`] asks.
fn recording(hits: &Hits, declared: &[Route]) -> Routes {
    let mut routes = Routes::new();
    for &route in declared {
        let hits = Arc::clone(hits);
        routes = match route {
            Route::Text => {
                routes.text(move |received, text| ready(record(&hits, route, received, text)))
            }
            Route::File => routes.file(move |received, file| {
                let value = format!(
                    "{} {}",
                    file.download_url.unwrap_or_default(),
                    file.caption.unwrap_or_default()
                );
                ready(record(&hits, route, received, value))
            }),
            Route::Choice => routes.choice(move |received, choice| {
                let value = format!("{} {}", choice.id, choice.text.unwrap_or_default());
                ready(record(&hits, route, received, value))
            }),
            Route::State => routes.state(move |received, state| {
                ready(record(&hits, route, received, state.to_string()))
            }),
            Route::InstanceStatus => routes.instance_status(move |received, status| {
                ready(record(&hits, route, received, status.to_string()))
            }),
            Route::MessageStatus => routes.message_status(move |received, status| {
                ready(record(&hits, route, received, status.to_string()))
            }),
            Route::Unknown => {
                routes.unknown(move |received| ready(record(&hits, route, received, String::new())))
            }
            Route::Message => {
                routes.message(move |received| ready(record(&hits, route, received, String::new())))
            }
            Route::NotParsed => routes
                .not_parsed(move |received| ready(record(&hits, route, received, String::new()))),
            Route::Fallback => routes
                .fallback(move |received| ready(record(&hits, route, received, String::new()))),
            _ => unreachable!("a route this test does not know: {route}"),
        };
    }
    routes
}

/// A receiver of routes that record each call; `declared` are the routes it has.
async fn start(declared: &[Route]) -> (SocketAddr, Hits) {
    let hits = Hits::default();
    let addr = serve(receiver(recording(&hits, declared))).await;
    (addr, hits)
}

async fn post(addr: SocketAddr, body: impl Into<reqwest::Body>, reply: Option<&str>) -> StatusCode {
    let mut request = reqwest::Client::new()
        .post(format!("http://{addr}{PATH}"))
        .header(AUTHORIZATION, bearer())
        .body(body);
    if let Some(reply) = reply {
        request = request.header(REPLY_HEADER, reply);
    }
    request.send().await.unwrap().status()
}

/// The one call a body made.
fn only_hit(hits: &Hits) -> Hit {
    let hits = std::mem::take(&mut *hits.lock().unwrap());
    let [hit] =
        <[_; 1]>::try_from(hits).unwrap_or_else(|hits| panic!("{} calls, not one", hits.len()));
    hit
}

#[tokio::test]
async fn each_kind_reaches_its_route_with_its_value_and_the_whole_body() {
    let (addr, hits) = start(&EVERY_ROUTE).await;
    for (name, route, value) in KINDS {
        let body = fixture(name);
        assert_eq!(
            post(addr, body.clone(), None).await,
            StatusCode::OK,
            "{name}"
        );
        let hit = only_hit(&hits);
        assert_eq!((hit.route, hit.value.as_str()), (route, value), "{name}");
        assert_eq!(hit.received.body, body, "{name}");
        assert!(hit.received.parsed().is_some(), "{name}");
        assert!(hit.received.report.is_some(), "{name}");
    }
}

#[tokio::test]
async fn bodies_that_do_not_parse_reach_the_not_parsed_route() {
    let (addr, hits) = start(&EVERY_ROUTE).await;
    let levels = MAX_DEPTH + 1;
    let too_deep = format!("{}{}", "{\"a\":".repeat(levels), "}".repeat(levels));
    for body in [
        "typeWebhook=incomingMessageReceived".to_owned(),
        "[]".to_owned(),
        String::new(),
        too_deep,
    ] {
        assert_eq!(post(addr, body.clone(), None).await, StatusCode::OK);
        let hit = only_hit(&hits);
        assert_eq!(hit.route, Route::NotParsed, "{body}");
        assert_eq!(hit.received.body, body);
        assert!(hit.received.webhook.is_err());
        assert!(hit.received.first_error().is_some());
    }
}

#[tokio::test]
async fn bodies_no_declared_route_wants_reach_the_fallback() {
    let (addr, hits) = start(&[Route::Text, Route::Fallback]).await;
    for (name, route, _) in KINDS {
        assert_eq!(post(addr, fixture(name), None).await, StatusCode::OK);
        let expected = if route == Route::Text {
            Route::Text
        } else {
            Route::Fallback
        };
        assert_eq!(only_hit(&hits).route, expected, "{name}");
    }
    assert_eq!(post(addr, "not json", None).await, StatusCode::OK);
    assert_eq!(only_hit(&hits).route, Route::Fallback);
}

#[tokio::test]
async fn an_undeclared_route_passes_its_bodies_on_to_the_general_one() {
    let (addr, hits) = start(&[Route::Message]).await;
    for (name, route) in [
        ("payloads/incoming-message__TextMessage__1.json", true),
        ("constructed/video-message.json", true),
        (
            "payloads/selected-buttons__ListResponseMessage__1.json",
            true,
        ),
        // An unknown `typeMessage` is still a message.
        (
            "payloads/incoming-message__ContactsArrayMessage__md1.json",
            true,
        ),
        // Not messages: answered 200 by the default fallback.
        ("payloads/root__StateInstanceChanged__1.json", false),
        ("payloads/root__type-webhook__md1.json", false),
    ] {
        assert_eq!(post(addr, fixture(name), None).await, StatusCode::OK);
        let taken: Vec<Route> = hits
            .lock()
            .unwrap()
            .drain(..)
            .map(|hit| hit.route)
            .collect();
        let expected = if route { vec![Route::Message] } else { vec![] };
        assert_eq!(taken, expected, "{name}");
    }
}

#[tokio::test]
async fn without_a_fallback_what_no_route_wants_is_answered_200() {
    let (addr, hits) = start(&[Route::Text]).await;
    for body in [
        fixture("payloads/root__IncomingCall__md1.json"),
        fixture("payloads/root__type-webhook__md1.json"),
        b"not json".to_vec(),
    ] {
        // The header asks for 503, but no handler is there to answer it.
        assert_eq!(post(addr, body, Some("503")).await, StatusCode::OK);
    }
    assert!(hits.lock().unwrap().is_empty());
    let text = fixture("payloads/incoming-message__TextMessage__1.json");
    assert_eq!(
        post(addr, text, Some("503")).await,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(only_hit(&hits).route, Route::Text);
}

#[tokio::test]
async fn the_route_s_reply_is_what_green_api_gets() {
    let (addr, hits) = start(&EVERY_ROUTE).await;
    let bodies = KINDS
        .iter()
        .map(|&(name, route, _)| (fixture(name), route))
        .chain([(b"not json".to_vec(), Route::NotParsed)]);
    for ((body, route), status) in bodies.zip([503, 500, 202, 429].into_iter().cycle()) {
        let answered = post(addr, body, Some(&status.to_string())).await;
        assert_eq!(answered.as_u16(), status, "{route}");
        assert_eq!(only_hit(&hits).route, route);
    }
    // A route that panics is answered 500, so Green-API delivers again.
    let text = fixture("payloads/incoming-message__TextMessage__1.json");
    assert_eq!(
        post(addr, text, Some("panic")).await,
        StatusCode::INTERNAL_SERVER_ERROR
    );
}
