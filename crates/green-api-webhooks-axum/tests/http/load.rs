//! Many requests at once: every body must reach the handler exactly once, none may fail.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use green_api_webhooks_axum::green_api_webhooks::Webhook;
use green_api_webhooks_axum::{Received, WebhookReceiver};
use reqwest::header::AUTHORIZATION;
use serde_json::Value;

use crate::support::{PATH, TOKEN, bearer, fixture, serve};

const REQUESTS: usize = 10_000;
const CONNECTIONS: usize = 32;

#[derive(Default)]
struct Tally {
    by_id: HashMap<String, usize>,
    invalid: usize,
    peers: HashSet<SocketAddr>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_unique_bodies_over_32_connections_arrive_exactly_once() {
    let tally = Arc::new(Mutex::new(Tally::default()));
    let counted = Arc::clone(&tally);
    let handler = move |received: Received| {
        let counted = Arc::clone(&counted);
        async move {
            let id = match received.parsed() {
                Some(Webhook::OutgoingApiMessageReceived(body)) => body.id_message.clone(),
                _ => None,
            };
            let mut tally = counted.lock().unwrap();
            *tally.by_id.entry(id.unwrap_or_default()).or_default() += 1;
            tally.invalid += usize::from(!received.is_valid());
            tally.peers.extend(received.remote_addr);
        }
    };
    let addr = serve(WebhookReceiver::new(TOKEN, handler).path(PATH)).await;
    let url = format!("http://{addr}{PATH}");

    let template: Value = serde_json::from_slice(&fixture(crate::VALID)).unwrap();
    let started = Instant::now();
    let mut clients = Vec::new();
    for connection in 0..CONNECTIONS {
        let (url, mut body) = (url.clone(), template.clone());
        clients.push(tokio::spawn(async move {
            // One client per task and one request at a time: a single kept-alive connection.
            let client = reqwest::Client::new();
            let mut failures = Vec::new();
            for n in (connection..REQUESTS).step_by(CONNECTIONS) {
                body["idMessage"] = Value::from(format!("load-{n}"));
                let sent = client
                    .post(&url)
                    .header(AUTHORIZATION, bearer())
                    .body(serde_json::to_vec(&body).unwrap())
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status() == 200 => {}
                    Ok(response) => failures.push(format!("{n}: {}", response.status())),
                    Err(error) => failures.push(format!("{n}: {error}")),
                }
            }
            failures
        }));
    }
    let mut failures = Vec::new();
    for client in clients {
        failures.extend(client.await.unwrap());
    }
    let elapsed = started.elapsed();
    eprintln!(
        "load: {REQUESTS} requests over {CONNECTIONS} connections in {:.2} s: {:.0} requests/s, {} failures",
        elapsed.as_secs_f64(),
        REQUESTS as f64 / elapsed.as_secs_f64(),
        failures.len()
    );

    assert!(
        failures.is_empty(),
        "{} failed: {failures:?}",
        failures.len()
    );
    let tally = tally.lock().unwrap();
    assert_eq!(tally.by_id.len(), REQUESTS);
    for n in 0..REQUESTS {
        assert_eq!(tally.by_id.get(&format!("load-{n}")), Some(&1), "load-{n}");
    }
    assert_eq!(tally.invalid, 0);
    // Keep-alive: each client used one connection throughout.
    assert_eq!(tally.peers.len(), CONNECTIONS);
}
