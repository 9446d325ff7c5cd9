//! The conditions (which typeWebhook and typeMessage a page is about) found on the invented
//! pages of each product in `tests/pages/`: from the English or Russian conditions block, or
//! from the tag rows of the tables when a page has no block.

use green_api_webhooks_docs::drift::product_of_page;
use green_api_webhooks_docs::{Source, parse_page};

struct Expected {
    page: &'static str,
    product: &'static str,
    type_webhook: &'static [&'static str],
    type_message: Option<&'static str>,
    source: Source,
}

const EXPECTED: &[Expected] = &[
    Expected {
        page: "telegram__incoming-message__TextMessage.txt",
        product: "Telegram",
        type_webhook: &["incomingMessageReceived"],
        type_message: Some("textMessage"),
        source: Source::Block,
    },
    Expected {
        page: "max__incoming-message__ExtendedTextMessage.txt",
        product: "Max",
        type_webhook: &["incomingMessageReceived"],
        type_message: Some("extendedTextMessage"),
        source: Source::Block,
    },
    Expected {
        page: "waba__outgoing-message__OutgoingMessageStatus.txt",
        product: "Waba",
        type_webhook: &["outgoingMessageStatus"],
        type_message: None,
        source: Source::TableRows,
    },
    Expected {
        page: "instagram__comments__Webhook-IncomingCommentReceived.txt",
        product: "Instagram",
        type_webhook: &["incomingCommentReceived"],
        type_message: None,
        source: Source::TableRows,
    },
    Expected {
        page: "pipe__KettleMessage.txt",
        product: "WhatsApp",
        type_webhook: &["kettleMessageReceived", "kettleAPIMessageReceived"],
        type_message: Some("kettleMessage"),
        source: Source::Block,
    },
];

#[test]
fn each_product_page_states_its_conditions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    for expected in EXPECTED {
        let path = dir.join(expected.page);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let page = parse_page(expected.page, &text);
        let conditions = &page.conditions;
        assert_eq!(product_of_page(expected.page), expected.product);
        assert_eq!(
            conditions.type_webhook, expected.type_webhook,
            "{}",
            expected.page
        );
        assert_eq!(
            conditions.type_message.as_deref(),
            expected.type_message,
            "{}",
            expected.page
        );
        assert_eq!(
            conditions.source,
            Some(expected.source),
            "{}",
            expected.page
        );
    }
}

#[test]
fn table_rows_state_the_conditions_without_a_block() {
    let page = parse_page(
        "root__DoorBell.txt",
        "Door bell#\n\
         Webhook parameters#\n\
         | Parameter | Type | Description |\n\
         |---|---|---|\n\
         typeWebhook | string | Webhook type. Takes on the value doorBellRang |\n\
         messageData | object | Message data |\n\
         messageData object parameters\n\
         | Parameter | Type | Description |\n\
         |---|---|---|\n\
         typeMessage | string | Для сообщений данного типа поле принимает значение chimeMessage |\n",
    );
    assert_eq!(page.conditions.type_webhook, ["doorBellRang"]);
    assert_eq!(
        page.conditions.type_message.as_deref(),
        Some("chimeMessage")
    );
    assert_eq!(page.conditions.source, Some(Source::TableRows));
}

#[test]
fn a_typemessage_row_listing_several_values_is_no_condition() {
    let page = parse_page(
        "incoming-message__Envelope.txt",
        "Incoming messages#\n\
         messageData object parameters\n\
         | Parameter | Type | Description |\n\
         |---|---|---|\n\
         typeMessage | string | Message type. Takes values: glowMessage, dimMessage |\n",
    );
    assert_eq!(page.conditions.type_message, None);
    assert_eq!(page.conditions.source, None);
}

#[test]
fn a_sentence_names_the_typewebhook_of_an_envelope_page() {
    let page = parse_page(
        "outgoing-message__SentFromBell.md",
        "# Sent from the bell\n\n\
         The format is that of an [incoming message](../in.md), and \
         [Incoming webhooks type](../type-webhook.md) takes on the value `bellMessageSent`.\n",
    );
    assert_eq!(page.conditions.type_webhook, ["bellMessageSent"]);
    assert_eq!(page.conditions.source, Some(Source::Text));
}
