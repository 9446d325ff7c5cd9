//! The baseline the generated code is measured against: the model a developer would write by
//! hand for the two documented interactive-buttons bodies, with owned strings, `messageData`
//! as an internally tagged enum, and `serde_json::from_slice`.

pub mod baseline;

/// A documented body by file name, as bytes.
pub fn payload(name: &str) -> Vec<u8> {
    green_api_webhooks_fixtures::payload(name)
}

/// Every fixture body, compacted to one line each, joined as NDJSON. Keys stay in the order the
/// documentation wrote them (`typeWebhook` first, as Green-API sends it); re-serializing through
/// `serde_json::Value` would sort them.
pub fn ndjson_of_all_fixtures() -> Vec<u8> {
    let mut out = Vec::new();
    for (_, text) in green_api_webhooks_fixtures::bodies() {
        if serde_json::from_slice::<serde::de::IgnoredAny>(&text).is_ok() {
            out.extend_from_slice(&minify(&text));
            out.push(b'\n');
        }
    }
    out
}

/// The JSON text without whitespace outside strings.
pub fn minify(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for &byte in json {
        if in_string {
            out.push(byte);
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if !byte.is_ascii_whitespace() {
            in_string = byte == b'"';
            out.push(byte);
        }
    }
    out
}
