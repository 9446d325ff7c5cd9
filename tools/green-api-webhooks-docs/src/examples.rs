//! JSON example bodies: fenced ```json blocks in markdown sources, and in rendered pages
//! the lines from a `{` up to the brace that closes it. Examples that are not valid JSON
//! or that the end of the page cuts off are reported instead of kept; an empty `{}` is
//! skipped.

use serde_json::Value;

use crate::issues::Issue;
use crate::text::heading_text;
use crate::{Problem, tables};

/// An example as read: its value when it parses, otherwise the problem.
pub(crate) struct ExampleRead {
    pub(crate) value: Option<Value>,
    pub(crate) problem: Option<Problem>,
    /// The index of the first line after the example.
    pub(crate) next: usize,
}

pub(crate) fn is_fence(line: &str) -> bool {
    line.trim_start().starts_with("```")
}

/// Reads the fenced block opening at `fence`. Blocks that hold no JSON are skipped.
pub(crate) fn read_fenced(lines: &[&str], fence: usize) -> ExampleRead {
    let start = fence + 1;
    let close = (start..lines.len()).find(|&i| is_fence(lines[i]));
    let end = close.unwrap_or(lines.len());
    let body = lines.get(start..end).unwrap_or_default();
    let next = close.map_or(lines.len(), |i| i + 1);
    let declared_json = lines[fence]
        .trim()
        .trim_start_matches('`')
        .eq_ignore_ascii_case("json");
    let first = body.iter().map(|l| l.trim()).find(|l| !l.is_empty());
    let looks_like_json = first.is_some_and(|l| l.starts_with('{') || l.starts_with('['));
    if !(declared_json || looks_like_json) || first.is_none() {
        return ExampleRead {
            value: None,
            problem: None,
            next,
        };
    }
    let mut braces = Braces::default();
    body.iter().for_each(|line| braces.feed(line));
    finish(body, start, close.is_none(), &braces, next)
}

/// Whether an unfenced example starts at line `at`: a line opening with `{`, or, right
/// after an example heading, a line opening with `"` or `[` (renderings that dropped
/// the first brace).
pub(crate) fn starts_example(lines: &[&str], at: usize) -> bool {
    let line = lines[at].trim_start();
    if line.starts_with('{') && !line.starts_with("{#") {
        return true;
    }
    if !(line.starts_with('"') || line.starts_with('[')) {
        return false;
    }
    (0..at)
        .rev()
        .find(|&i| !lines[i].trim().is_empty())
        .is_some_and(|i| is_example_heading(lines[i]))
}

fn is_example_heading(line: &str) -> bool {
    let text = heading_text(line).to_lowercase();
    (text.contains("example") || text.contains("пример")) && !text.contains('{')
}

/// Reads an unfenced example from `start` to the line that closes its first brace, plus
/// any stray closing lines right after it.
pub(crate) fn read_bare(lines: &[&str], start: usize) -> ExampleRead {
    let mut braces = Braces::default();
    let mut at = start;
    let mut closed = false;
    while let Some(line) = lines.get(at) {
        if at > start && ends_unfenced_example(line) {
            break;
        }
        braces.feed(line);
        at += 1;
        if braces.opened && braces.depth <= 0 {
            closed = true;
            break;
        }
    }
    if closed {
        // Pages with a surplus `}` leave it on the next lines; it belongs to the example.
        while let Some(line) = lines.get(at) {
            let trimmed = line.trim();
            if trimmed.is_empty() || !trimmed.chars().all(|c| matches!(c, '}' | ']' | ',' | ' ')) {
                break;
            }
            braces.feed(line);
            at += 1;
        }
    }
    let cut_short = !closed && at == lines.len();
    finish(&lines[start..at], start, cut_short, &braces, at)
}

fn ends_unfenced_example(line: &str) -> bool {
    let trimmed = line.trim();
    (trimmed.ends_with('#') && !trimmed.contains('"'))
        || is_fence(trimmed)
        || tables::parse_header(trimmed).is_some()
}

fn finish(
    body: &[&str],
    start: usize,
    cut_short: bool,
    braces: &Braces,
    next: usize,
) -> ExampleRead {
    let first_line = start + 1;
    if cut_short {
        return ExampleRead {
            value: None,
            problem: Some(Problem::new(first_line, Issue::ExampleCutShort)),
            next,
        };
    }
    let text = body.join("\n");
    match serde_json::from_str::<Value>(&text) {
        Ok(value) => ExampleRead {
            value: Some(value).filter(|v| !is_empty_object(v)),
            problem: None,
            next,
        },
        Err(error) => {
            let issue = Issue::ExampleInvalid {
                hints: hints(body, braces, &error),
                detail: error_detail(&error),
                line: start + error.line(),
                column: error.column(),
            };
            ExampleRead {
                value: None,
                problem: Some(Problem::new(first_line, issue)),
                next,
            }
        }
    }
}

/// `{}` documents no body (API-reference pages show it as the HTTP response example).
fn is_empty_object(value: &Value) -> bool {
    value.as_object().is_some_and(|map| map.is_empty())
}

/// serde_json's message without its "at line L column C" suffix, which counts from the
/// example's first line rather than the page's.
fn error_detail(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

/// The usual reasons the docs' examples are not JSON, to say which one applies.
fn hints(body: &[&str], braces: &Braces, error: &serde_json::Error) -> String {
    let mut found = Vec::new();
    if braces.comment {
        found.push("has a // comment");
    }
    if body.iter().any(|line| line.trim().starts_with("...")) {
        found.push("has ... placeholder lines");
    }
    if error.to_string().contains("trailing comma") {
        found.push("has a trailing comma");
    }
    if braces.depth != 0 || braces.went_negative {
        found.push("has unbalanced braces");
    }
    if found.is_empty() {
        String::new()
    } else {
        format!(" ({})", found.join(", "))
    }
}

/// Counts bracket nesting outside strings and `//` comments.
#[derive(Default)]
struct Braces {
    depth: i64,
    opened: bool,
    went_negative: bool,
    comment: bool,
}

impl Braces {
    fn feed(&mut self, line: &str) {
        let mut in_string = false;
        let mut escaped = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '{' | '[' => {
                    self.depth += 1;
                    self.opened = true;
                }
                '}' | ']' => {
                    self.depth -= 1;
                    self.went_negative |= self.depth < 0;
                }
                '/' if chars.peek() == Some(&'/') => {
                    self.comment = true;
                    return;
                }
                _ => {}
            }
        }
    }
}
