//! The example bot (`examples/bot.rs`) over every fixture: what it answers for each body is a
//! snapshot, so every role accessor it uses is exercised on every documented and constructed
//! body, and a change in what they return shows as a diff.

#[path = "../examples/bot.rs"]
#[allow(dead_code)]
mod bot;

use green_api_webhooks::Webhook;

#[test]
fn the_bot_answers_every_fixture() {
    let mut lines = Vec::new();
    for (name, body) in green_api_webhooks_fixtures::bodies() {
        let answer = match Webhook::from_slice(&body) {
            Ok(webhook) => bot::handle(&webhook),
            Err(error) => format!("not a webhook: {error}"),
        };
        lines.push(format!("{name}\n    {answer}"));
    }
    assert!(lines.len() > 70, "{} fixtures", lines.len());
    insta::assert_snapshot!(lines.join("\n"));
}
