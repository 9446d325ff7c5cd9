//! Logs every Green-API webhook as one line on standard output and answers 200.
//!
//! ```sh
//! GREEN_API_WEBHOOK_TOKEN=... cargo run -p green-api-webhooks-axum --example log_webhooks -- 8080
//! ```
//!
//! The port is the first argument, else the `PORT` variable, else 8080. The server listens on
//! 127.0.0.1 only: put a TLS-terminating proxy in front of it to receive from Green-API. It
//! closes clients that stall or idle, caps its connections, and on SIGTERM or Ctrl-C answers
//! the webhooks it has begun before it exits (see `Server`).
//!
//! A line looks like
//! `2025-06-10T13:02:38.123Z outgoingAPIMessageReceived interactiveButtonsReply valid idMessage=BAE5A7BA6D6E28EB`;
//! text taken from the body is escaped, so a body cannot forge a line.

use std::error::Error;
use std::fmt::Write as _;
use std::io::Write as _;
use std::net::Ipv4Addr;
use std::time::{SystemTime, UNIX_EPOCH};

use green_api_webhooks_axum::green_api_webhooks::Webhook;
use green_api_webhooks_axum::{Received, Server, WebhookReceiver};

/// Where Green-API's `webhookUrl` must point (behind the proxy).
const PATH: &str = "/webhook";

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let token = std::env::var("GREEN_API_WEBHOOK_TOKEN")
        .map_err(|_| "set GREEN_API_WEBHOOK_TOKEN to the instance's webhookUrlToken")?;
    let port: u16 = match std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PORT").ok())
    {
        Some(port) => port.parse().map_err(|_| format!("not a port: {port}"))?,
        None => 8080,
    };
    let router = WebhookReceiver::new(token, log_line)
        .path(PATH)
        .into_router()?;
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    eprintln!("listening on http://{}{PATH}", listener.local_addr()?);
    let server = Server::new(listener, router);
    let connections = server.connections();
    let stopped = server.run().await?;
    eprintln!(
        "stopped in {:.1} s: {} connection(s) cut at the end of the grace period; \
         {} accepted, {} closed for a slow request head, {} shed at the connection cap",
        stopped.draining.as_secs_f64(),
        stopped.cut,
        connections.accepted(),
        connections.header_timeouts(),
        connections.shed(),
    );
    Ok(())
}

async fn log_line(received: Received) {
    // One buffer and one write per line: the line is the service's main cost after parsing.
    let mut line = String::with_capacity(160);
    write_utc_timestamp(&mut line, received.received_at);
    match received.parsed() {
        Some(webhook) => {
            line.push(' ');
            push_field(&mut line, webhook.tag());
            line.push(' ');
            push_field(
                &mut line,
                webhook.message_data().and_then(|data| data.tag()),
            );
            match received.first_error() {
                None => line.push_str(" valid"),
                Some(problem) => {
                    line.push_str(" invalid (");
                    escape_into(&mut line, &problem.to_string(), false);
                    line.push(')');
                }
            }
            line.push_str(" idMessage=");
            let id = webhook.id_message().or_else(|| match webhook {
                Webhook::Unknown(body) => body.string("idMessage"),
                _ => None,
            });
            push_field(&mut line, id);
        }
        None => {
            line.push_str(" - - invalid (");
            if let Some(problem) = received.first_error() {
                escape_into(&mut line, &problem.to_string(), false);
            }
            let _ = write!(line, ") bytes={}", received.body.len());
        }
    }
    line.push('\n');
    // A log line that cannot be written is not worth failing the webhook for.
    let _ = std::io::stdout().lock().write_all(line.as_bytes());
}

/// A value from the body as one space-free field (`-` when absent): spaces, backslashes and
/// control characters escaped.
fn push_field(line: &mut String, value: Option<&str>) {
    match value {
        Some(text) => escape_into(line, text, true),
        None => line.push('-'),
    }
}

/// Appends `text` on one line: backslashes and control characters escaped, and spaces too when
/// `spaces_too`.
fn escape_into(line: &mut String, text: &str, spaces_too: bool) {
    for c in text.chars() {
        match c {
            ' ' if spaces_too => line.push_str("\\x20"),
            c if c.is_control() || c == '\\' => line.extend(c.escape_default()),
            c => line.push(c),
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC, without a date library.
fn write_utc_timestamp(line: &mut String, time: SystemTime) {
    let since_epoch = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let seconds = since_epoch.as_secs();
    let (year, month, day) = civil_date(seconds / 86_400);
    let second_of_day = seconds % 86_400;
    // Writing to a `String` cannot fail.
    let _ = write!(
        line,
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
        since_epoch.subsec_millis()
    );
}

/// The Gregorian date of a day counted from 1970-01-01, by 400-year eras of 146,097 days,
/// each era's years starting on March 1 so that the leap day comes last.
fn civil_date(days_since_epoch: u64) -> (u64, u64, u64) {
    // 719,468 days from 0000-03-01 to 1970-01-01.
    let days = days_since_epoch + 719_468;
    let era = days / 146_097;
    let day_of_era = days % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    (year, month, day)
}
