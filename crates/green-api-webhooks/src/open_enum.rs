//! [`OpenEnum`]: string values the docs list, with a catch-all for the ones they do not.

/// A string field whose documented values are the enum's variants, and whose `Other(String)`
/// variant keeps any other value as it arrived (`validate()` reports it as an error). Every
/// generated string enum implements it, as well as `Display` and `AsRef<str>`, which give the
/// same text as [`OpenEnum::as_str`].
///
/// ```
/// use green_api_webhooks::{ButtonType, OpenEnum};
///
/// assert_eq!(ButtonType::Reply.as_str(), "reply");
/// assert!(ButtonType::VALUES.contains(&"reply"));
/// assert!(ButtonType::Reply.is_documented());
///
/// let new = ButtonType::Other("submit".to_owned());
/// assert_eq!(new.as_str(), "submit");
/// assert!(!new.is_documented());
/// ```
pub trait OpenEnum {
    /// Every value the spec documents, in spec order.
    const VALUES: &'static [&'static str];

    /// The value as it goes on the wire.
    fn as_str(&self) -> &str;

    /// Whether the value is a documented one: false for the `Other` variant, whatever it holds.
    fn is_documented(&self) -> bool;
}
