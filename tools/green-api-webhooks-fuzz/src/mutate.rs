//! Mutations of valid bodies: byte-level, and structure-aware on the JSON value.

use serde_json::{Value, json};

use crate::Rng;

/// Byte strings that JSON readers treat specially.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"\\",
    b"\\u0000",
    b"\\ud800",
    b"null",
    b"true",
    b"-0",
    b"1e999",
    b"18446744073709551616",
    b"NaN",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"\xC0\xAF",
    b"\x00",
    b"\"typeWebhook\"",
    b"\"typeMessage\"",
    b"\"messageData\"",
];

/// One to four byte-level edits: flip, insert, delete, duplicate, truncate, or splice a token.
pub fn mutate_bytes(body: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = body.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if at < out.len() => out[at] ^= 1 << rng.below(8),
            1 => out.insert(at, rng.next_u64() as u8),
            2 if at < out.len() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at..end);
            }
            3 if at < out.len() => {
                let end = (at + 1 + rng.below(32)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            4 => out.truncate(at),
            _ => {
                let token = rng.pick(TOKENS);
                out.splice(at..at, token.iter().copied());
            }
        }
    }
    out
}

/// One structure-aware edit somewhere in the value: a value of another type, a removed or
/// added key, a changed or misplaced tag, deep nesting, or an extreme number.
pub fn mutate_json(value: &Value, rng: &mut Rng) -> Value {
    let mut out = value.clone();
    let mut paths = Vec::new();
    collect_paths(&out, &mut Vec::new(), &mut paths);
    let path = rng.pick(&paths).clone();
    if let Some(target) = pointer_mut(&mut out, &path) {
        edit(target, rng);
    }
    out
}

fn collect_paths(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(key.clone());
                collect_paths(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(i.to_string());
                collect_paths(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn pointer_mut<'a>(value: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |node, key| match node {
        Value::Object(map) => map.get_mut(key),
        Value::Array(items) => items.get_mut(key.parse::<usize>().ok()?),
        _ => None,
    })
}

const TAGS: &[&str] = &[
    "incomingMessageReceived",
    "outgoingMessageReceived",
    "outgoingAPIMessageReceived",
    "outgoingMessageStatus",
    "stateInstanceChanged",
    "deviceInfo",
    "incomingCall",
    "textMessage",
    "extendedTextMessage",
    "imageMessage",
    "interactiveButtonsReply",
    "interactiveButtonsResponse",
    "templateButtonReplyMessage",
    "quotedMessage",
    "futureType",
    "",
];

fn edit(target: &mut Value, rng: &mut Rng) {
    match rng.below(9) {
        0 => *target = random_scalar(rng),
        1 => *target = json!([target.take()]),
        2 => *target = json!({ "wrapped": target.take() }),
        3 => {
            if let Value::Object(map) = target {
                let key = map.keys().nth(rng.below(map.len())).cloned();
                if let Some(key) = key {
                    map.remove(&key);
                }
            }
        }
        4 => {
            if let Value::Object(map) = target {
                let key = format!("unknown{}", rng.below(100));
                map.insert(key, random_scalar(rng));
            }
        }
        5 => {
            if let Value::Object(map) = target {
                let key = *rng.pick(&["typeWebhook", "typeMessage"]);
                map.insert(key.to_owned(), json!(rng.pick(TAGS)));
            }
        }
        6 => {
            let mut nested = target.take();
            for _ in 0..rng.below(40) {
                nested = json!([nested]);
            }
            *target = nested;
        }
        7 => *target = json!(rng.pick(TAGS)),
        _ => {
            // The same number with a fraction: `1` becomes `1.0`, which is another JSON value.
            if let Some(n) = target.as_i64() {
                *target = json!(n as f64);
            }
        }
    }
}

/// A scalar of a random JSON type, including extremes.
pub(crate) fn random_scalar(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => json!(rng.one_in(2)),
        2 => json!(rng.next_u64()),
        3 => json!(-(rng.below(1_000_000) as i64)),
        4 => json!(i64::MIN),
        5 => json!((rng.next_u64() as f64) / 7.0),
        6 => json!(""),
        7 => json!(rng.pick(TAGS)),
        _ => json!(format!("text{}\u{e9}\u{1F600}", rng.below(1000))),
    }
}
