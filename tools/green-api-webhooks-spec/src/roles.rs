//! Roles: what a field means to an application, so that the generated crate can answer the
//! questions every handler asks (which text, which file, which button, which chat) across every
//! kind that carries the answer. A spec field takes a role with `role = "text"`; the generated
//! accessor of that role reads the field in every webhook or message that reaches it.

use std::fmt;

use crate::model::{Field, Spec, Type};

/// A role a field can play.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The text a person wrote: of a text, link or reply message, or an edit.
    Text,
    /// The caption under a file, sticker or invitation.
    Caption,
    /// The downloadable file of an image, video, document or audio message.
    File,
    /// The message a message replies to.
    Quoted,
    /// The id of the button or list row that was chosen.
    ChoiceId,
    /// The text of the button or list row that was chosen.
    ChoiceText,
    /// The instance that sent the webhook.
    Instance,
    /// When the event happened.
    Timestamp,
    /// The id of the message the webhook is about.
    IdMessage,
    /// Who sent the message, and in which chat.
    Sender,
    /// The chat the webhook is about.
    ChatId,
    /// The instance's new authorization state.
    State,
    /// The instance's new socket status.
    InstanceStatus,
    /// A sent message's new delivery status.
    MessageStatus,
}

/// Where a role is read from: inside `messageData` or in the webhook body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleScope {
    Message,
    Webhook,
}

/// Which spec types a role's field may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleType {
    /// A string.
    String,
    /// A string, or a string or integer.
    Identifier,
    /// An integer.
    Integer,
    /// One object, the same for every field of the role.
    Object,
    /// One enum, the same for every field of the role.
    Enum,
}

impl Role {
    /// Every role, in the order accessors are generated.
    pub const ALL: [Role; 14] = [
        Role::Text,
        Role::Caption,
        Role::File,
        Role::Quoted,
        Role::ChoiceId,
        Role::ChoiceText,
        Role::Instance,
        Role::Timestamp,
        Role::IdMessage,
        Role::Sender,
        Role::ChatId,
        Role::State,
        Role::InstanceStatus,
        Role::MessageStatus,
    ];

    /// The name the spec writes: `text`, `choice_id`; also the accessor's name.
    pub fn name(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::Caption => "caption",
            Role::File => "file",
            Role::Quoted => "quoted",
            Role::ChoiceId => "choice_id",
            Role::ChoiceText => "choice_text",
            Role::Instance => "instance",
            Role::Timestamp => "timestamp",
            Role::IdMessage => "id_message",
            Role::Sender => "sender",
            Role::ChatId => "chat_id",
            Role::State => "state",
            Role::InstanceStatus => "instance_status",
            Role::MessageStatus => "message_status",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.name() == name)
    }

    pub fn scope(self) -> RoleScope {
        match self {
            Role::Text
            | Role::Caption
            | Role::File
            | Role::Quoted
            | Role::ChoiceId
            | Role::ChoiceText => RoleScope::Message,
            _ => RoleScope::Webhook,
        }
    }

    pub fn role_type(self) -> RoleType {
        match self {
            Role::Text | Role::Caption | Role::ChoiceText | Role::IdMessage | Role::ChatId => {
                RoleType::String
            }
            Role::ChoiceId => RoleType::Identifier,
            Role::Timestamp => RoleType::Integer,
            Role::File | Role::Quoted | Role::Instance | Role::Sender => RoleType::Object,
            Role::State | Role::InstanceStatus | Role::MessageStatus => RoleType::Enum,
        }
    }

    /// Whether a field of type `ty` can play this role.
    pub fn accepts(self, ty: &Type) -> bool {
        match self.role_type() {
            RoleType::String => *ty == Type::String,
            RoleType::Identifier => matches!(ty, Type::String | Type::StringOrInteger),
            RoleType::Integer => *ty == Type::Integer,
            RoleType::Object => matches!(ty, Type::Object(_)),
            RoleType::Enum => matches!(ty, Type::Enum(_)),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Spec {
    /// The field that plays `role` for a body whose top-level fields are `fields`, with the
    /// fields leading to it: the shallowest one, searching through object fields (not arrays,
    /// not `messageData`, which has roles of its own). `None` when no field plays it.
    pub fn role_path<'s>(&'s self, fields: &'s [Field], role: Role) -> Option<Vec<&'s Field>> {
        let mut level: Vec<Vec<&'s Field>> = fields.iter().map(|f| vec![f]).collect();
        // Objects can nest into themselves; no documented body is deeper than this.
        for _ in 0..6 {
            if let Some(path) = level
                .iter()
                .find(|path| path.last().and_then(|f| f.role) == Some(role))
            {
                return Some(path.clone());
            }
            let mut next = Vec::new();
            for path in &level {
                let Some(Type::Object(id)) = path.last().map(|f| &f.ty) else {
                    continue;
                };
                for field in &self.object(*id).fields {
                    let mut longer = path.clone();
                    longer.push(field);
                    next.push(longer);
                }
            }
            level = next;
        }
        None
    }
}
