//! Every role accessor and typed value on every fixture: one line per body with each answer
//! that is not `None`, as a snapshot. Reviewers see what a spec `role` change does to users.

use green_api_webhooks::Webhook;

/// `name=value` for each accessor that answers.
fn answers(webhook: &Webhook) -> Vec<String> {
    let mut out = Vec::new();
    let mut put = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            out.push(format!("{name}={value}"));
        }
    };
    put("instance", webhook.instance_id().map(|id| id.to_string()));
    put("product", webhook.product().map(|p| p.to_string()));
    put("time", webhook.timestamp().map(|t| t.to_string()));
    put("id", webhook.id_message().map(str::to_owned));
    put(
        "chat",
        webhook.chat_id().map(|c| format!("{c} ({:?})", c.kind())),
    );
    put(
        "phone",
        webhook.chat_id().and_then(|c| c.phone()).map(str::to_owned),
    );
    put("sender", webhook.sender_id().map(|s| s.to_string()));
    put("text", webhook.text().map(|t| format!("{t:?}")));
    put("caption", webhook.caption().map(|t| format!("{t:?}")));
    put("file", webhook.file().and_then(|f| f.download_url.clone()));
    put("quoted", webhook.quoted().and_then(|q| q.stanza_id.clone()));
    put("choice", webhook.choice_id().map(|id| format!("{id:?}")));
    put(
        "choice_text",
        webhook.choice_text().map(|t| format!("{t:?}")),
    );
    put("state", webhook.state().map(|s| s.to_string()));
    put(
        "instance_status",
        webhook.instance_status().map(|s| s.to_string()),
    );
    put(
        "message_status",
        webhook.message_status().map(|s| s.to_string()),
    );
    out
}

#[test]
fn every_accessor_on_every_fixture() {
    let mut lines = Vec::new();
    for (name, body) in green_api_webhooks_fixtures::bodies() {
        let Ok(webhook) = Webhook::from_slice(&body) else {
            lines.push(format!("{name}\n    not a webhook"));
            continue;
        };
        lines.push(format!("{name}\n    {}", answers(&webhook).join("\n    ")));
    }
    insta::assert_snapshot!(lines.join("\n"));
}
