//! [`JsonPointer`]: where in a body an issue is, as typed segments and as RFC 6901 text.

use std::fmt;

use crate::report::Path;

/// One step of a [`JsonPointer`]: a key of an object or an item of an array.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PointerSegment {
    /// A key of an object, as it is in the body (not escaped).
    Key(String),
    /// An item of an array, counted from 0.
    Index(usize),
}

impl PointerSegment {
    /// The key, when this segment is one.
    pub fn as_key(&self) -> Option<&str> {
        match self {
            PointerSegment::Key(key) => Some(key),
            PointerSegment::Index(_) => None,
        }
    }

    /// The index, when this segment is one.
    pub fn as_index(&self) -> Option<usize> {
        match self {
            PointerSegment::Key(_) => None,
            PointerSegment::Index(index) => Some(*index),
        }
    }
}

/// The segment as it stands in a JSON Pointer, without the leading `/`: `~` and `/` in a key
/// are written `~0` and `~1`.
impl fmt::Display for PointerSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PointerSegment::Key(key) => {
                let mut escaped = String::with_capacity(key.len());
                escape_into(&mut escaped, key);
                f.write_str(&escaped)
            }
            PointerSegment::Index(index) => write!(f, "{index}"),
        }
    }
}

/// Where in a body an issue is: the RFC 6901 JSON Pointer in wire names, such as
/// `/messageData/interactiveButtonsReply/buttons/1/type`. The empty pointer is the whole body.
///
/// It holds the typed segments, to match on ([`JsonPointer::segments`]), and the pointer's text,
/// to print and compare ([`JsonPointer::as_pointer`], `Display`). It equals a string when its
/// text does, so `issue.path == "/timestamp"` compares without allocating.
///
/// ```
/// use green_api_webhooks::{JsonPointer, PointerSegment};
///
/// let mut path = JsonPointer::root();
/// assert!(path.is_root());
/// path.push_key("messageData");
/// path.push_key("a/b");
/// path.push_index(1);
/// assert_eq!(path, "/messageData/a~1b/1");
/// assert_eq!(path.to_string(), "/messageData/a~1b/1");
/// assert_eq!(path.segments()[2], PointerSegment::Index(1));
/// let keys: Vec<&str> = path.segments().iter().filter_map(PointerSegment::as_key).collect();
/// assert_eq!(keys, ["messageData", "a/b"]);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPointer {
    // Ordered by segments first, so that sorting pointers sorts them as paths.
    segments: Vec<PointerSegment>,
    text: String,
}

impl JsonPointer {
    /// The pointer to the whole body: no segments, the empty string.
    pub const fn root() -> JsonPointer {
        JsonPointer {
            segments: Vec::new(),
            text: String::new(),
        }
    }

    /// Whether this points at the whole body.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// The RFC 6901 text: `/messageData/typeMessage`; the root is the empty string.
    pub fn as_pointer(&self) -> &str {
        &self.text
    }

    /// The segments, from the body's top down.
    pub fn segments(&self) -> &[PointerSegment] {
        &self.segments
    }

    /// Appends a key of an object (written escaped in the text).
    pub fn push_key(&mut self, key: &str) {
        self.text.push('/');
        escape_into(&mut self.text, key);
        self.segments.push(PointerSegment::Key(key.to_owned()));
    }

    /// Appends an item of an array.
    pub fn push_index(&mut self, index: usize) {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = write!(self.text, "/{index}");
        self.segments.push(PointerSegment::Index(index));
    }

    /// Appends a segment.
    pub fn push(&mut self, segment: PointerSegment) {
        match segment {
            PointerSegment::Key(key) => {
                self.text.push('/');
                escape_into(&mut self.text, &key);
                self.segments.push(PointerSegment::Key(key));
            }
            PointerSegment::Index(index) => self.push_index(index),
        }
    }

    fn extend_from(&mut self, path: &Path<'_>) {
        match path {
            Path::Root => {}
            Path::Key(parent, key) => {
                self.extend_from(parent);
                self.push_key(key);
            }
            Path::Index(parent, index) => {
                self.extend_from(parent);
                self.push_index(*index);
            }
        }
    }
}

/// Writes `key` as a JSON Pointer segment: `~` as `~0`, `/` as `~1`.
fn escape_into(out: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

impl From<&Path<'_>> for JsonPointer {
    fn from(path: &Path<'_>) -> JsonPointer {
        let mut pointer = JsonPointer::root();
        pointer.extend_from(path);
        pointer
    }
}

impl FromIterator<PointerSegment> for JsonPointer {
    fn from_iter<I: IntoIterator<Item = PointerSegment>>(segments: I) -> JsonPointer {
        let mut pointer = JsonPointer::root();
        pointer.extend(segments);
        pointer
    }
}

impl Extend<PointerSegment> for JsonPointer {
    fn extend<I: IntoIterator<Item = PointerSegment>>(&mut self, segments: I) {
        for segment in segments {
            self.push(segment);
        }
    }
}

impl<'a> IntoIterator for &'a JsonPointer {
    type Item = &'a PointerSegment;
    type IntoIter = std::slice::Iter<'a, PointerSegment>;

    fn into_iter(self) -> Self::IntoIter {
        self.segments.iter()
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("JsonPointer").field(&self.text).finish()
    }
}

impl AsRef<str> for JsonPointer {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl From<JsonPointer> for String {
    fn from(pointer: JsonPointer) -> String {
        pointer.text
    }
}

impl PartialEq<str> for JsonPointer {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for JsonPointer {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for JsonPointer {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}

impl PartialEq<JsonPointer> for str {
    fn eq(&self, other: &JsonPointer) -> bool {
        self == other.text
    }
}

impl PartialEq<JsonPointer> for &str {
    fn eq(&self, other: &JsonPointer) -> bool {
        *self == other.text
    }
}

impl PartialEq<JsonPointer> for String {
    fn eq(&self, other: &JsonPointer) -> bool {
        *self == other.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_from_a_path_it_reads_as_the_rfc_6901_pointer() {
        let root = Path::Root;
        let data = root.key("messageData");
        let odd = data.key("a~b/c");
        let item = odd.index(12);
        let pointer = JsonPointer::from(&item);
        assert_eq!(pointer, "/messageData/a~0b~1c/12");
        assert_eq!(pointer.as_pointer(), item.to_pointer());
        assert_eq!(
            pointer.segments(),
            [
                PointerSegment::Key("messageData".to_owned()),
                PointerSegment::Key("a~b/c".to_owned()),
                PointerSegment::Index(12),
            ]
        );
        assert_eq!(pointer.segments()[1].to_string(), "a~0b~1c");
        assert!(!pointer.is_root());
        assert_eq!(
            format!("{pointer:?}"),
            r#"JsonPointer("/messageData/a~0b~1c/12")"#
        );
    }

    #[test]
    fn the_root_is_empty() {
        let root = JsonPointer::from(&Path::Root);
        assert!(root.is_root());
        assert_eq!(root, "");
        assert_eq!(root, JsonPointer::default());
    }

    #[test]
    fn a_key_that_looks_like_an_index_is_still_a_key() {
        let key: JsonPointer = [PointerSegment::Key("1".to_owned())].into_iter().collect();
        let index: JsonPointer = [PointerSegment::Index(1)].into_iter().collect();
        assert_eq!(key, "/1");
        assert_eq!(index, "/1");
        assert_ne!(key, index);
    }

    #[test]
    fn compares_with_strings_either_way() {
        let mut pointer = JsonPointer::root();
        pointer.push_key("timestamp");
        let text = String::from("/timestamp");
        assert!(pointer == "/timestamp");
        assert!("/timestamp" == pointer);
        assert!(pointer == *"/timestamp");
        assert!(pointer == text);
        assert!(text == pointer);
        assert!(pointer != "/timestamp/0");
        assert_eq!(String::from(pointer), "/timestamp");
    }
}
