//! Peak memory of `greenhook validate` on a 4 MiB body, against the body's size: one text
//! message whose text makes up the size, and one contacts-array message with as many contacts
//! as fit. Measured by GNU time's maximum resident set size.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use super::{cargo, ensure_tool, target_dir};

const SIZE: usize = 4 << 20;

pub fn run(root: &Path) -> Result<String, String> {
    ensure_tool("/usr/bin/time", "time")?;
    cargo(root, &["build", "--release", "-p", "greenhook"])?;
    let greenhook = target_dir(root).join("release/greenhook");
    let dir = target_dir(root).join("bench-memory");
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut out = format!(
        "memory: peak RSS of `greenhook validate` on a {} MiB body\n{:<18} {:>12} {:>12} {:>10}\n",
        SIZE >> 20,
        "body",
        "body bytes",
        "peak RSS",
        "vs body"
    );
    for (name, body) in [
        ("long text", long_text()),
        ("many contacts", many_contacts()),
    ] {
        let path = dir.join(format!("{}.json", name.replace(' ', "-")));
        fs::write(&path, &body).map_err(|e| e.to_string())?;
        let peak = peak_rss(&greenhook, &path)?;
        out.push_str(&format!(
            "{:<18} {:>12} {:>9.1} MiB {:>9.2}x\n",
            name,
            body.len(),
            peak as f64 / f64::from(1 << 20),
            peak as f64 / body.len() as f64
        ));
    }
    Ok(out)
}

fn envelope(message_data: Value) -> Value {
    json!({
        "typeWebhook": "incomingMessageReceived",
        "instanceData": {"idInstance": 1101000001u64, "wid": "79001234567@c.us", "typeInstance": "whatsapp"},
        "timestamp": 1_749_560_558,
        "idMessage": "BAE5A7BA6D6E28EB",
        "senderData": {"chatId": "79001234568@c.us", "sender": "79001234568@c.us", "chatName": "Ann", "senderName": "Ann"},
        "messageData": message_data,
    })
}

fn long_text() -> Vec<u8> {
    let mut body = envelope(json!({
        "typeMessage": "textMessage",
        "textMessageData": {"textMessage": ""},
    }))
    .to_string()
    .into_bytes();
    let text = "Lorem ipsum dolor sit amet. ".repeat(SIZE / 28);
    let at = find(&body, b"\"textMessage\":\"\"").map_or(body.len(), |i| i + 15);
    body.splice(at..at, text.bytes().take(SIZE - body.len()));
    body
}

fn many_contacts() -> Vec<u8> {
    let contact = json!({
        "displayName": "Ann",
        "vcard": "BEGIN:VCARD\nVERSION:3.0\nN:;Ann;;;\nFN:Ann\nTEL;type=CELL;waid=79001234567:+7 900 123-45-67\nEND:VCARD",
    });
    let one = contact.to_string().len() + 1;
    let count = SIZE / one;
    envelope(json!({
        "typeMessage": "contactsArrayMessage",
        "messageData": {"contacts": vec![contact; count]},
    }))
    .to_string()
    .into_bytes()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The peak resident set size of `greenhook validate path`, in bytes.
fn peak_rss(greenhook: &Path, path: &Path) -> Result<usize, String> {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(greenhook)
        .arg("validate")
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run greenhook under time: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let kib: usize = stderr
        .lines()
        .last()
        .and_then(|line| line.trim().parse().ok())
        .ok_or_else(|| format!("no peak RSS in:\n{stderr}"))?;
    Ok(kib * 1024)
}
