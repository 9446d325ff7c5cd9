//! Peak memory of `greenhook validate` on a 4 MiB body, against the body's size: a text message
//! whose text makes up the size (keys in Green-API's order, and sorted so that `typeWebhook`
//! comes last), and a contacts-array message with as many contacts as fit. Measured by GNU
//! time's maximum resident set size.

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
    let bodies = [
        ("long text", long_text(false)),
        ("long text, tag last", long_text(true)),
        ("many contacts", many_contacts()),
    ];
    for (name, body) in bodies {
        let path = dir.join(format!("{}.json", name.replace([' ', ','], "-")));
        fs::write(&path, &body).map_err(|e| e.to_string())?;
        let peak = peak_rss(&greenhook, &path)?;
        out.push_str(&format!(
            "{:<20} {:>12} {:>9.1} MiB {:>9.2}x\n",
            name,
            body.len(),
            peak as f64 / f64::from(1 << 20),
            peak as f64 / body.len() as f64
        ));
    }
    Ok(out)
}

/// JSON text of an object from its entries (each value already JSON text), in the order given,
/// or sorted as a tool that sorts keys writes them, which puts the tags last.
fn object_text(mut entries: Vec<(&str, String)>, sorted: bool) -> String {
    if sorted {
        entries.sort_by_key(|(key, _)| *key);
    }
    let fields: Vec<String> = entries
        .iter()
        .map(|(key, value)| format!("{}:{value}", Value::from(*key)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// A webhook body with its keys in the order Green-API writes them, tags first; or sorted.
fn webhook(message_data: Vec<(&str, Value)>, sorted: bool) -> Vec<u8> {
    let message_data = message_data
        .into_iter()
        .map(|(key, value)| (key, value.to_string()))
        .collect();
    let instance =
        json!({"idInstance": 1101000001u64, "wid": "79001234567@c.us", "typeInstance": "whatsapp"});
    let sender = json!({"chatId": "79001234568@c.us", "sender": "79001234568@c.us", "chatName": "Ann", "senderName": "Ann"});
    let entries = vec![
        ("typeWebhook", json!("incomingMessageReceived").to_string()),
        ("instanceData", instance.to_string()),
        ("timestamp", json!(1_749_560_558).to_string()),
        ("idMessage", json!("BAE5A7BA6D6E28EB").to_string()),
        ("senderData", sender.to_string()),
        ("messageData", object_text(message_data, sorted)),
    ];
    object_text(entries, sorted).into_bytes()
}

/// A text message whose text brings the body to `SIZE` bytes.
fn long_text(sorted: bool) -> Vec<u8> {
    let mut body = webhook(
        vec![
            ("typeMessage", json!("textMessage")),
            ("textMessageData", json!({"textMessage": ""})),
        ],
        sorted,
    );
    // Between the quotes of the empty text.
    let empty = b"\"textMessage\":\"\"";
    let at = find(&body, empty).map_or(body.len(), |i| i + empty.len() - 1);
    let text = "Lorem ipsum dolor sit amet. ".repeat(SIZE / 28 + 1);
    let fill = SIZE.saturating_sub(body.len());
    body.splice(at..at, text.bytes().take(fill));
    body
}

/// A contacts-array message with as many contacts as fit in `SIZE` bytes.
fn many_contacts() -> Vec<u8> {
    let contact = json!({
        "displayName": "Ann",
        "vcard": "BEGIN:VCARD\nVERSION:3.0\nN:;Ann;;;\nFN:Ann\nTEL;type=CELL;waid=79001234567:+7 900 123-45-67\nEND:VCARD",
    });
    let count = SIZE / (contact.to_string().len() + 1);
    webhook(
        vec![
            ("typeMessage", json!("contactsArrayMessage")),
            ("messageData", json!({"contacts": vec![contact; count]})),
        ],
        false,
    )
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
