//! Typed views of values the docs give meaning to: chat ids, instance ids and timestamps. They borrow or copy what the body holds; the body itself keeps the
//! value exactly as it arrived, so serializing it gives back the same JSON.

use std::fmt;
use std::time::{Duration, SystemTime};

use crate::StringOrInteger;

/// A chat or participant id as Green-API writes it: `79001234567@c.us`, `120363...@g.us`,
/// `...@lid`, `status@broadcast`, `...@newsletter`, or, for Telegram and MAX instances, a
/// number (negative for groups).
///
/// The default is the empty id, for printing a webhook that names no chat.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ChatId<'a>(&'a str);

/// What kind of chat a [`ChatId`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChatKind {
    /// A person, by phone number: `79001234567@c.us` (a device suffix `:3` may follow the number).
    Person,
    /// A group: `...@g.us`.
    Group,
    /// A person whose number is hidden (lid mode): `...@lid`.
    HiddenNumber,
    /// The status feed: `status@broadcast`.
    StatusBroadcast,
    /// A channel: `...@newsletter`.
    Channel,
    /// A Telegram or MAX chat: a number, negative for groups.
    Numeric {
        /// Whether the number is negative, which means a group.
        group: bool,
    },
    /// Anything else, kept as it is.
    Other,
}

impl<'a> ChatId<'a> {
    /// Wraps an id as it arrived.
    pub fn new(id: &'a str) -> ChatId<'a> {
        ChatId(id)
    }

    /// The id as it arrived.
    pub fn as_str(&self) -> &'a str {
        self.0
    }

    /// What kind of chat this is.
    pub fn kind(&self) -> ChatKind {
        let id = self.0;
        if id == "status@broadcast" {
            return ChatKind::StatusBroadcast;
        }
        match id.rsplit_once('@') {
            Some((_, "c.us")) => ChatKind::Person,
            Some((_, "g.us")) => ChatKind::Group,
            Some((_, "lid")) => ChatKind::HiddenNumber,
            Some((_, "newsletter")) => ChatKind::Channel,
            Some(_) => ChatKind::Other,
            None => {
                let digits = id.strip_prefix('-').unwrap_or(id);
                if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                    ChatKind::Numeric {
                        group: id.starts_with('-'),
                    }
                } else {
                    ChatKind::Other
                }
            }
        }
    }

    /// Whether this is a group (WhatsApp `@g.us`, or a negative Telegram or MAX id).
    pub fn is_group(&self) -> bool {
        matches!(
            self.kind(),
            ChatKind::Group | ChatKind::Numeric { group: true }
        )
    }

    /// The part before `@` (the whole id when there is none), without a device suffix.
    pub fn user(&self) -> &'a str {
        let user = self.0.split_once('@').map_or(self.0, |(user, _)| user);
        user.split_once(':').map_or(user, |(number, _)| number)
    }

    /// The device number of an id like `79001234567:3@c.us`.
    pub fn device(&self) -> Option<u32> {
        let user = self.0.split_once('@').map_or(self.0, |(user, _)| user);
        user.split_once(':')?.1.parse().ok()
    }

    /// The phone number of a person's chat (`79001234567` for `79001234567:3@c.us`); `None`
    /// for groups, hidden numbers, channels and other ids.
    pub fn phone(&self) -> Option<&'a str> {
        let user = self.user();
        (self.kind() == ChatKind::Person && user.bytes().all(|b| b.is_ascii_digit()))
            .then_some(user)
    }
}

impl fmt::Display for ChatId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<str> for ChatId<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ChatId<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl serde::Serialize for ChatId<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// A Green-API instance id. The docs type it as an integer; some bodies send it as a string
/// of digits. Ids have up to 12 digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InstanceId(u64);

impl InstanceId {
    /// The id of `idInstance` as it arrived, when it is a non-negative integer or a string of
    /// decimal digits.
    pub fn from_wire(value: &StringOrInteger) -> Option<InstanceId> {
        match value {
            StringOrInteger::Integer(n) => u64::try_from(*n).ok().map(InstanceId),
            StringOrInteger::String(text) if text.bytes().all(|b| b.is_ascii_digit()) => {
                text.parse().ok().map(InstanceId)
            }
            StringOrInteger::String(_) => None,
        }
    }

    /// The id as a number.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Display for InstanceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// When something happened: Unix seconds, as Green-API sends them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// Above this many seconds (about the year 5138) a value is surely in milliseconds.
    const SURELY_MILLISECONDS: i64 = 100_000_000_000;

    /// A timestamp of `seconds` since the Unix epoch.
    pub fn from_seconds(seconds: i64) -> Timestamp {
        Timestamp(seconds)
    }

    /// Seconds since the Unix epoch, as they arrived.
    pub fn seconds(self) -> i64 {
        self.0
    }

    /// Whether the value is too large to be seconds: some Green-API-compatible servers send
    /// milliseconds. The value is kept as it arrived; this only says so.
    pub fn looks_like_milliseconds(self) -> bool {
        self.0 >= Self::SURELY_MILLISECONDS
    }

    /// The moment as a [`SystemTime`]; `None` when it cannot be one on this platform.
    pub fn to_system_time(self) -> Option<SystemTime> {
        let offset = Duration::from_secs(self.0.unsigned_abs());
        if self.0 >= 0 {
            SystemTime::UNIX_EPOCH.checked_add(offset)
        } else {
            SystemTime::UNIX_EPOCH.checked_sub(offset)
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_kinds() {
        let kind = |id| ChatId::new(id).kind();
        assert_eq!(kind("79001234567@c.us"), ChatKind::Person);
        assert_eq!(kind("79001234567:3@c.us"), ChatKind::Person);
        assert_eq!(kind("120363043968066561@g.us"), ChatKind::Group);
        assert_eq!(kind("146473667571897@lid"), ChatKind::HiddenNumber);
        assert_eq!(kind("status@broadcast"), ChatKind::StatusBroadcast);
        assert_eq!(kind("120363041234567890@newsletter"), ChatKind::Channel);
        assert_eq!(kind("-1001234567890"), ChatKind::Numeric { group: true });
        assert_eq!(kind("123456789"), ChatKind::Numeric { group: false });
        assert_eq!(kind(""), ChatKind::Other);
        assert_eq!(kind("-"), ChatKind::Other);
    }

    #[test]
    fn phone_numbers_of_people_only() {
        assert_eq!(
            ChatId::new("79001234567:3@c.us").phone(),
            Some("79001234567")
        );
        assert_eq!(ChatId::new("79001234567:3@c.us").device(), Some(3));
        assert_eq!(ChatId::new("120363043968066561@g.us").phone(), None);
        assert_eq!(ChatId::new("146473667571897@lid").phone(), None);
        assert!(ChatId::new("-100123").is_group());
    }

    #[test]
    fn instance_ids_from_integers_and_digit_strings() {
        let id = |v: StringOrInteger| InstanceId::from_wire(&v).map(InstanceId::get);
        assert_eq!(id(StringOrInteger::Integer(1101000001)), Some(1101000001));
        assert_eq!(id("710012345678".into()), Some(710012345678));
        assert_eq!(id("71a".into()), None);
        assert_eq!(id(StringOrInteger::Integer(-1)), None);
    }

    #[test]
    fn timestamps() {
        let t = Timestamp::from_seconds(1_700_000_000);
        assert!(!t.looks_like_milliseconds());
        assert!(Timestamp::from_seconds(1_700_000_000_000).looks_like_milliseconds());
        let since = t
            .to_system_time()
            .and_then(|s| s.duration_since(SystemTime::UNIX_EPOCH).ok());
        assert_eq!(since, Some(Duration::from_secs(1_700_000_000)));
    }
}
