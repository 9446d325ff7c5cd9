//! Idiomatic hand-written serde types for the two documented bodies.

use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    pub type_webhook: String,
    pub instance_data: InstanceData,
    pub timestamp: i64,
    pub id_message: String,
    pub sender_data: SenderData,
    pub message_data: MessageData,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceData {
    pub id_instance: i64,
    pub wid: String,
    pub type_instance: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SenderData {
    pub chat_id: String,
    pub chat_name: Option<String>,
    pub sender: String,
    pub sender_name: Option<String>,
    pub sender_contact_name: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(tag = "typeMessage", rename_all = "camelCase")]
pub enum MessageData {
    InteractiveButtonsReply {
        #[serde(rename = "interactiveButtonsReply")]
        data: ReplyData,
    },
    InteractiveButtonsResponse {
        #[serde(rename = "interactiveButtonsResponse")]
        data: ResponseData,
    },
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyData {
    pub title_text: Option<String>,
    pub content_text: String,
    pub footer_text: Option<String>,
    pub buttons: Vec<Button>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Button {
    #[serde(rename = "type")]
    pub kind: String,
    pub button_id: String,
    pub button_text: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseData {
    pub stanza_id: String,
    pub selected_index: i64,
    pub selected_id: String,
    pub selected_display_text: String,
}
