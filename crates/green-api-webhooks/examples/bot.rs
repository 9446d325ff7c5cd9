//! A bot's webhook handler: what arrived, in one line per body. Run it on files or NDJSON:
//!
//! ```sh
//! cargo run --example bot -- fixtures/payloads/*.json
//! ```

use green_api_webhooks::{MessageData, Webhook};

/// What a bot does with one webhook; here it says what it would do.
pub fn handle(webhook: &Webhook) -> String {
    let chat = webhook.chat_id().unwrap_or_default();
    if let Some(text) = webhook.text() {
        let reply = webhook.quoted().map_or("", |_| " (a reply)");
        format!("{chat}: text {text:?}{reply}")
    } else if let Some(file) = webhook.file() {
        let url = &file.download_url;
        format!("{chat}: file {url:?} {:?}", webhook.caption())
    } else if let Some(id) = webhook.choice_id() {
        format!("{chat}: chose {id:?} {:?}", webhook.choice_text())
    } else if let Some(state) = webhook.state() {
        let instance = webhook.instance_id().map(|id| id.get());
        format!("instance {instance:?}: state {state}")
    } else if let Some(status) = webhook.message_status() {
        format!("{chat}: message {:?} {status}", webhook.id_message())
    } else if let Some(MessageData::Unknown(raw)) = webhook.message_data() {
        format!("{chat}: new message kind {:?}", raw.string("typeMessage"))
    } else if let Some(data) = webhook.message_data() {
        format!("{chat}: {:?} message", data.tag())
    } else {
        format!("{chat}: {:?} webhook", webhook.tag())
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
