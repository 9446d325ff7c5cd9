//! A bot's webhook handler: what arrived, in one line per body. Run it on files or NDJSON:
//!
//! ```sh
//! cargo run --example bot -- fixtures/payloads/*.json
//! ```

use green_api_webhooks::{MessageData, Webhook};

/// What a bot does with one webhook; here it says what it would do.
pub fn handle(webhook: &Webhook) -> String {
    let chat = webhook
        .chat_id()
        .map(|id| id.to_string())
        .unwrap_or_default();
    if let Some(text) = webhook.text() {
        let reply = if webhook.quoted().is_some() {
            " (a reply)"
        } else {
            ""
        };
        return format!("{chat}: text {text:?}{reply}");
    }
    if let Some(file) = webhook.file() {
        let url = file.download_url.as_deref().unwrap_or_default();
        return format!(
            "{chat}: file {url} caption {:?}",
            webhook.caption().unwrap_or_default()
        );
    }
    if let Some(id) = webhook.choice_id() {
        return format!(
            "{chat}: chose {id:?} {:?}",
            webhook.choice_text().unwrap_or_default()
        );
    }
    if let Some(state) = webhook.state() {
        return format!(
            "instance {}: state {state}",
            webhook
                .instance_id()
                .map(|id| id.to_string())
                .unwrap_or_default()
        );
    }
    if let Some(status) = webhook.message_status() {
        return format!(
            "{chat}: message {} {status}",
            webhook.id_message().unwrap_or_default()
        );
    }
    match webhook.message_data() {
        Some(MessageData::Unknown(raw)) => format!(
            "{chat}: new kind of message {:?}",
            raw.string("typeMessage")
        ),
        Some(data) => format!("{chat}: {} message", data.tag().unwrap_or_default()),
        None if webhook.is_known() => {
            format!("{chat}: {} webhook", webhook.tag().unwrap_or_default())
        }
        None => format!("new kind of webhook {:?}", webhook.tag()),
    }
}

fn main() -> std::io::Result<()> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    for file in &files {
        let text = std::fs::read(file)?;
        // A file holds one body, or NDJSON: one body per line.
        let bodies: Vec<&[u8]> = if file.ends_with(".ndjson") {
            text.split(|&b| b == b'\n')
                .filter(|line| !line.is_empty())
                .collect()
        } else {
            vec![&text]
        };
        for body in bodies {
            match Webhook::from_slice(body) {
                Ok(webhook) => println!("{}", handle(&webhook)),
                Err(error) => println!("{file}: not a webhook: {error}"),
            }
        }
    }
    Ok(())
}
