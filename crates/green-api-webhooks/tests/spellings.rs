//! One meaning under two `typeMessage` spellings is one variant that remembers which spelling
//! arrived, and writes it back.

use green_api_webhooks::{MessageData, Webhook};

fn body(type_message: &str) -> String {
    format!(
        r#"{{"typeWebhook":"incomingMessageReceived","messageData":{{"typeMessage":"{type_message}","templateButtonReplyMessage":{{"stanzaId":"BAE5","selectedId":"1","selectedDisplayText":"Green"}}}}}}"#
    )
}

#[test]
fn both_spellings_are_one_variant_and_round_trip() {
    for spelling in ["templateButtonReplyMessage", "templateButtonsReplyMessage"] {
        let text = body(spelling);
        let webhook = Webhook::from_str(&text).expect("a body");
        let Some(MessageData::TemplateButtonReplyMessage(press)) = webhook.message_data() else {
            panic!("{spelling}: {:?}", webhook.message_data());
        };
        assert_eq!(press.spelling(), spelling);
        assert_eq!(
            press
                .template_button_reply_message
                .as_ref()
                .and_then(|d| d.selected_id.as_deref()),
            Some("1")
        );
        assert_eq!(
            webhook.message_data().and_then(MessageData::tag),
            Some(spelling)
        );
        assert_eq!(webhook.choice_id().as_deref(), Some("1"));
        let report = webhook.validate();
        let about_the_message =
            |i: &&green_api_webhooks::Issue| i.path.as_pointer().starts_with("/messageData");
        assert!(
            !report.issues.iter().any(|i| about_the_message(&i)),
            "{report}"
        );
        let original: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let written: serde_json::Value = serde_json::from_str(&webhook.to_json()).expect("JSON");
        assert_eq!(written, original);
    }
    assert!(MessageData::KNOWN_TAGS.contains(&"templateButtonsReplyMessage"));
}
