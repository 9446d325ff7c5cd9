//! A JSON reader for a body held in memory, behind the same [`Source`] the generated types read
//! from: keys and strings without escapes are borrowed from the body, and no visitor stands
//! between the bytes and the fields.
//!
//! It reads exactly the JSON serde_json reads, into the same values. Whatever it is not sure of
//! (any syntax error, a lone surrogate, a number out of range, nesting past the limit) makes it
//! give up, and the caller reads the body again through serde_json, which gives the result or
//! the precise error. The reader is a faster road to the same answer, never a second opinion.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::{AcceptField, AcceptItem, Failed, Fit, Read, Scalar, Source, Wire};

/// serde_json's own nesting limit: past it, serde_json gives the error.
const MAX_DEPTH: usize = crate::limits::READER_MAX_DEPTH;

/// Reads all of `text` as one `T`; `None` when the reader gives up.
pub(crate) fn read_text<T: Wire>(text: &str) -> Option<Fit<T>> {
    let mut reader = Reader {
        text,
        at: 0,
        depth: 0,
    };
    // One match, so that the value (a whole webhook) is moved once, not through each adapter.
    match T::read_wire(&mut reader) {
        Ok(value) if reader.at_end() => Some(value),
        _ => None,
    }
}

struct Reader<'de> {
    text: &'de str,
    /// Byte offset of the next unread byte; always on a character boundary.
    at: usize,
    depth: usize,
}

type Step<T> = Result<T, Failed>;

fn give_up<T>() -> Step<T> {
    Err(Failed::gave_up())
}

impl<'de> Reader<'de> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Whether only whitespace is left.
    fn at_end(&mut self) -> bool {
        self.skip_whitespace();
        self.at == self.text.len()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    fn literal(&mut self, word: &str) -> Step<()> {
        if self.text.as_bytes()[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            give_up()
        }
    }

    /// Reads a string whose opening quote has been consumed.
    fn string(&mut self) -> Step<Cow<'de, str>> {
        let start = self.at;
        let end = self.plain_run()?;
        self.at = end + 1;
        if self.text.as_bytes()[end] == b'"' {
            return Ok(Cow::Borrowed(&self.text[start..end]));
        }
        let mut out = String::with_capacity(end - start + 16);
        out.push_str(&self.text[start..end]);
        loop {
            // The byte before `at` was a backslash.
            let escape = self.peek();
            self.at += 1;
            match escape {
                Some(b'"') => out.push('"'),
                Some(b'\\') => out.push('\\'),
                Some(b'/') => out.push('/'),
                Some(b'b') => out.push('\u{8}'),
                Some(b'f') => out.push('\u{c}'),
                Some(b'n') => out.push('\n'),
                Some(b'r') => out.push('\r'),
                Some(b't') => out.push('\t'),
                Some(b'u') => out.push(self.unicode_escape()?),
                _ => return give_up(),
            }
            let start = self.at;
            let end = self.plain_run()?;
            out.push_str(&self.text[start..end]);
            self.at = end + 1;
            if self.text.as_bytes()[end] == b'"' {
                return Ok(Cow::Owned(out));
            }
        }
    }

    /// The offset of the next quote or backslash; gives up at a control character or the end.
    fn plain_run(&self) -> Step<usize> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        // Eight bytes at a time while none is a quote, a backslash or below 0x20: each test
        // flags its lowest matching byte exactly, which is all the skip needs.
        while let Some(chunk) = bytes[i..].first_chunk::<8>() {
            let word = u64::from_le_bytes(*chunk);
            let quote = word ^ (ONES * u64::from(b'"'));
            let backslash = word ^ (ONES * u64::from(b'\\'));
            let flagged = (quote.wrapping_sub(ONES) & !quote)
                | (backslash.wrapping_sub(ONES) & !backslash)
                | (word.wrapping_sub(ONES * 0x20) & !word);
            if flagged & HIGHS != 0 {
                i += (flagged & HIGHS).trailing_zeros() as usize / 8;
                break;
            }
            i += 8;
        }
        while let Some(&byte) = bytes.get(i) {
            match byte {
                b'"' | b'\\' => return Ok(i),
                0..=0x1f => return give_up(),
                _ => i += 1,
            }
        }
        give_up()
    }

    fn hex4(&mut self) -> Step<u32> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            return give_up();
        };
        let mut n = 0;
        for &digit in digits {
            let Some(value) = char::from(digit).to_digit(16) else {
                return give_up();
            };
            n = n * 16 + value;
        }
        self.at += 4;
        Ok(n)
    }

    /// A `\u` escape, after the `u`; a surrogate must be a whole pair.
    fn unicode_escape(&mut self) -> Step<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text.as_bytes()[self.at..].starts_with(b"\\u") {
                    return give_up();
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return give_up();
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            other => other,
        };
        char::from_u32(code).map_or_else(give_up, Ok)
    }

    /// A number, as serde_json reads it: an integer that fits `u64` (non-negative) or `i64`
    /// (negative) stays one; anything else, `-0` included, is an `f64` parsed exactly.
    fn number(&mut self) -> Step<Scalar<'de>> {
        let start = self.at;
        let negative = self.eat(b'-');
        let digits = self.at;
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return give_up(),
        }
        let integer_end = self.at;
        let mut float = false;
        if self.eat(b'.') {
            float = true;
            self.require_digits()?;
        }
        if self.eat(b'e') || self.eat(b'E') {
            float = true;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.require_digits()?;
        }
        if matches!(self.peek(), Some(b'0'..=b'9')) {
            // A digit after a leading zero.
            return give_up();
        }
        let literal = &self.text[start..self.at];
        if !float {
            if let Ok(n) = self.text[digits..integer_end].parse::<u64>() {
                if !negative {
                    return Ok(Scalar::U64(n));
                }
                let negated = (n as i64).wrapping_neg();
                return Ok(if negated < 0 {
                    Scalar::I64(negated)
                } else {
                    Scalar::F64(-(n as f64))
                });
            }
        }
        match literal.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Scalar::F64(n)),
            _ => give_up(),
        }
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn require_digits(&mut self) -> Step<()> {
        let start = self.at;
        self.skip_digits();
        if self.at == start { give_up() } else { Ok(()) }
    }

    /// Reads a scalar, or `None` when an array or object comes next (not consumed).
    fn next_scalar(&mut self) -> Step<Option<Read<'de>>> {
        self.skip_whitespace();
        let scalar = match self.peek() {
            Some(b'"') => {
                self.at += 1;
                return Ok(Some(match self.string()? {
                    Cow::Borrowed(text) => Read::Scalar(Scalar::Str(text)),
                    Cow::Owned(text) => Read::String(text),
                }));
            }
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.literal("true").map(|()| Scalar::Bool(true))?,
            Some(b'f') => self.literal("false").map(|()| Scalar::Bool(false))?,
            Some(b'n') => self.literal("null").map(|()| Scalar::Null)?,
            Some(b'[' | b'{') => return Ok(None),
            _ => return give_up(),
        };
        Ok(Some(Read::Scalar(scalar)))
    }

    /// Reads an object's entries, its `{` consumed, handing each value to `each`.
    fn entries(&mut self, mut each: impl FnMut(&mut Self, Cow<'de, str>) -> Step<()>) -> Step<()> {
        self.nest()?;
        self.skip_whitespace();
        if !self.eat(b'}') {
            loop {
                if !self.eat(b'"') {
                    return give_up();
                }
                let key = self.string()?;
                self.skip_whitespace();
                if !self.eat(b':') {
                    return give_up();
                }
                self.read_one(|reader| each(reader, key))?;
                self.skip_whitespace();
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return give_up();
                }
                self.skip_whitespace();
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an array's items, its `[` consumed, handing each to `each`.
    fn items(&mut self, mut each: impl FnMut(&mut Self) -> Step<()>) -> Step<()> {
        self.nest()?;
        self.skip_whitespace();
        if !self.eat(b']') {
            loop {
                self.read_one(&mut each)?;
                self.skip_whitespace();
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return give_up();
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn nest(&mut self) -> Step<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            give_up()
        } else {
            Ok(())
        }
    }

    /// Runs `read`, which must consume one value: a sink that read nothing would leave the
    /// reader out of step with the text.
    fn read_one(&mut self, read: impl FnOnce(&mut Self) -> Step<()>) -> Step<()> {
        let before = self.at;
        read(self)?;
        if self.at == before { give_up() } else { Ok(()) }
    }
}

impl<'de> Source<'de> for Reader<'de> {
    fn scalar(&mut self) -> Step<Read<'de>> {
        match self.next_scalar()? {
            Some(read) => Ok(read),
            None => self.value().map(Read::Other),
        }
    }

    fn object(&mut self, sink: &mut dyn AcceptField) -> Step<Option<Value>> {
        self.skip_whitespace();
        if !self.eat(b'{') {
            return self.value().map(Some);
        }
        self.entries(|reader, key| sink.accept_field(&key, reader))?;
        Ok(None)
    }

    fn array(&mut self, sink: &mut dyn AcceptItem) -> Step<Option<Value>> {
        self.skip_whitespace();
        if !self.eat(b'[') {
            return self.value().map(Some);
        }
        self.items(|reader| sink.accept_item(reader))?;
        Ok(None)
    }

    fn value(&mut self) -> Step<Value> {
        if let Some(read) = self.next_scalar()? {
            return Ok(match read {
                Read::Scalar(scalar) => scalar.into_value(),
                Read::String(text) => Value::String(text),
                Read::Other(value) => value,
            });
        }
        if self.eat(b'{') {
            let mut map = Map::new();
            self.entries(|reader, key| {
                let value = reader.value()?;
                map.insert(key.into_owned(), value);
                Ok(())
            })?;
            Ok(Value::Object(map))
        } else {
            self.at += 1; // `[`, as `next_scalar` saw
            let mut items = Vec::new();
            self.items(|reader| {
                items.push(reader.value()?);
                Ok(())
            })?;
            Ok(Value::Array(items))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Value> {
        match read_text::<Value>(text)? {
            Fit::Fits(value) => Some(value),
            Fit::Misfit(_) => unreachable!("any JSON value fits `Value`"),
        }
    }

    #[test]
    fn reads_the_values_serde_json_reads() {
        let deep = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        let texts = [
            "0",
            "-0",
            "-0.0",
            "12",
            "-12",
            "0.1",
            "1e5",
            "1E+5",
            "2.5e-3",
            "1e-400",
            "0e999999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1.7976931348623157e308",
            "5e-324",
            "true",
            "false",
            "null",
            r#""""#,
            r#""plain text""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u00e9\u4e2d\ud83d\ude00 and é中😀""#,
            r#""\u0000 inside""#,
            " \t\r\n[ 1 , [ ] , { } , \"x\" ] \n",
            r#"{"a":1,"a":2,"b":{"c":[true,null]}}"#,
            &deep,
        ];
        for text in texts {
            let expected: Value = serde_json::from_str(text).expect("the sample is JSON");
            assert_eq!(read(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn gives_up_where_serde_json_fails() {
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let texts = [
            "",
            " ",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "1e+",
            "1e400",
            "-1e400",
            "tru",
            "nul",
            "True",
            r#""\ud83d""#,
            r#""\ud83d\u0041""#,
            r#""\udc00""#,
            r#""\x""#,
            r#""\u12""#,
            "\"raw \u{1} control\"",
            r#""unclosed"#,
            "[1,]",
            "[1 2]",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            "{} {}",
            "[1] x",
            &too_deep,
        ];
        for text in texts {
            assert!(
                serde_json::from_str::<Value>(text).is_err(),
                "{text:?} is JSON"
            );
            assert_eq!(read(text), None, "{text:?}");
        }
    }

    /// The reader, not the serde_json road behind it, reads every fixture, into the same
    /// webhook.
    #[test]
    fn reads_every_fixture_itself() {
        let bodies = green_api_webhooks_fixtures::bodies();
        assert!(bodies.len() > 60, "{} fixtures", bodies.len());
        for (name, body) in bodies {
            let text = std::str::from_utf8(&body).expect("fixtures are UTF-8");
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let Some(Fit::Fits(read)) = read_text::<crate::Webhook>(text) else {
                panic!("{name}: the reader gave up");
            };
            let mut deserializer = serde_json::Deserializer::from_str(text);
            let Ok(Fit::Fits(expected)) = crate::Webhook::deserialize_wire(&mut deserializer)
            else {
                panic!("{name}: serde_json does not read it");
            };
            assert_eq!(read, expected, "{name}");
        }
    }

    fn json_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
            "[a-z\\\\\"\u{0}-\u{1f}\u{e9}\u{1F600}]{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec(("[a-zA-Z\"\\\\]{0,8}", inner), 0..6)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// Any JSON, written compactly or indented, reads as serde_json reads it, without giving
        /// up.
        #[test]
        fn reads_any_json_as_serde_json_does(value in json_value(), pretty in proptest::bool::ANY) {
            let text = if pretty {
                serde_json::to_string_pretty(&value)
            } else {
                serde_json::to_string(&value)
            }
            .expect("a Value always writes");
            let expected: Value = serde_json::from_str(&text).expect("serde_json reads its own output");
            proptest::prop_assert_eq!(read(&text), Some(expected));
        }

        /// Whatever the text, the reader either gives up or agrees with serde_json.
        #[test]
        fn never_disagrees_with_serde_json(
            value in json_value(),
            at in proptest::num::usize::ANY,
            byte in proptest::num::u8::ANY,
        ) {
            let mut bytes = serde_json::to_vec(&value).expect("a Value always writes");
            let at = at % (bytes.len() + 1);
            bytes.insert(at, byte);
            if let Ok(text) = std::str::from_utf8(&bytes) {
                if let Some(read) = read(text) {
                    let expected: Result<Value, _> = serde_json::from_str(text);
                    proptest::prop_assert_eq!(Some(read), expected.ok(), "{:?}", text);
                }
            }
        }
    }
}
