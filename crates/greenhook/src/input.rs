//! Reading inputs and splitting them into webhook bodies, each with a source to name it by.

use std::ffi::OsStr;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use green_api_webhooks::{Limits, ParseError, ParseOptions, Webhook};

/// Where an input comes from: a file, or standard input (no file, or `-`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// `-` is standard input, as in most command-line tools.
    pub fn from_arg(arg: &Path) -> Input {
        if arg.as_os_str() == OsStr::new("-") {
            Input::Stdin
        } else {
            Input::File(arg.to_path_buf())
        }
    }

    /// The whole input as bytes: bodies are not required to be UTF-8 here, so that a body
    /// that is not reaches the parser and gets reported like any other broken body.
    pub fn read(&self) -> Result<Vec<u8>, ReadError> {
        let result = match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
            }
            Input::File(path) => std::fs::read(path),
        };
        result.map_err(|error| ReadError {
            input: self.to_string(),
            error,
        })
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("stdin"),
            Input::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// An input that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {input}: {error}")]
pub struct ReadError {
    input: String,
    #[source]
    error: io::Error,
}

impl ReadError {
    fn new(path: &Path, error: io::Error) -> ReadError {
        ReadError {
            input: path.display().to_string(),
            error,
        }
    }
}

/// The inputs named on the command line, in order: standard input when none is named, and
/// for `-`; a file as it is; a folder walked for its body files (see [`walk`]). A folder
/// that cannot be listed, or holds no body file, is an error in its place, so that it is
/// reported where it comes and the other inputs are still read.
pub fn expand(args: &[PathBuf]) -> Vec<Result<Input, ReadError>> {
    if args.is_empty() {
        return vec![Ok(Input::Stdin)];
    }
    let mut inputs = Vec::new();
    for arg in args {
        let input = Input::from_arg(arg);
        // Anything but a folder, even one whose metadata cannot be read, is read as a file,
        // and its error reported then.
        if input == Input::Stdin || !arg.is_dir() {
            inputs.push(Ok(input));
            continue;
        }
        let before = inputs.len();
        walk(arg, &mut inputs);
        if inputs.len() == before {
            let error = io::Error::other("no *.json or *.ndjson file in this folder");
            inputs.push(Err(ReadError::new(arg, error)));
        }
    }
    inputs
}

/// Whether a file found in a folder holds bodies: its name ends in `.json` or `.ndjson`.
fn is_body_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == "json" || extension == "ndjson")
}

/// Adds the body files of `dir` and of its folders, recursively, sorted by name within each
/// folder (so a folder's files come where its name sorts). Other files are skipped, and so
/// are symbolic links to folders, which could lead back up the tree; a symbolic link to a
/// file is read.
fn walk(dir: &Path, inputs: &mut Vec<Result<Input, ReadError>>) {
    let entries = std::fs::read_dir(dir).and_then(|entries| {
        entries
            .map(|entry| {
                let entry = entry?;
                Ok((entry.file_name(), entry.path(), entry.file_type()?))
            })
            .collect::<io::Result<Vec<_>>>()
    });
    let mut entries = match entries {
        Ok(entries) => entries,
        Err(error) => {
            inputs.push(Err(ReadError::new(dir, error)));
            return;
        }
    };
    entries.sort_by(|(a, _, _), (b, _, _)| a.cmp(b));
    for (_, path, kind) in entries {
        if kind.is_dir() {
            walk(&path, inputs);
        } else if is_body_file(&path) && (kind.is_file() || kind.is_symlink() && path.is_file()) {
            inputs.push(Ok(Input::File(path)));
        }
    }
}

/// One webhook body of an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body<'a> {
    /// How output names the body: `file` for a whole file, `file:LINE` for a line of NDJSON.
    /// Standard input always carries a line (`stdin:1` for a single body), since it has no
    /// other name.
    pub source: String,
    /// The line of the input the body starts on (1-based), to report syntax errors by the
    /// input's lines rather than the body's.
    pub first_line: usize,
    pub bytes: &'a [u8],
    /// Size and depth limits the body must keep.
    pub limits: Limits,
}

impl Body<'_> {
    /// Parses the body. Syntax errors name the line of the input, not of the body, so that
    /// they point into the file as an editor shows it.
    pub fn parse(&self) -> Result<Webhook, ParseError> {
        let options = ParseOptions {
            limits: self.limits,
            ..ParseOptions::default()
        };
        Webhook::from_slice_with(self.bytes, &options).map_err(|error| match error {
            ParseError::Syntax {
                line,
                column,
                message,
            } => ParseError::Syntax {
                line: line + self.first_line - 1,
                column,
                message,
            },
            other => other,
        })
    }
}

/// Splits an input into bodies.
///
/// An input is one body when it is one JSON value as a whole. Otherwise it is NDJSON, one body
/// per non-blank line, provided at least one of its lines is a complete JSON object on its own;
/// if none is, it is one broken body (typically a pretty-printed body with a syntax error),
/// so that its error is reported once, at its line and column, rather than once per line.
/// An empty input is one (broken) body too: an empty webhook request is worth reporting.
pub fn split<'a>(input: &Input, bytes: &'a [u8], limits: Limits) -> Vec<Body<'a>> {
    let whole = |bytes| {
        let source = match input {
            Input::Stdin => format!("{input}:1"),
            Input::File(_) => input.to_string(),
        };
        vec![Body {
            source,
            first_line: 1,
            bytes,
            limits,
        }]
    };
    if is_json(bytes) || !lines(bytes).any(|(_, line)| is_json_object(line)) {
        return whole(bytes);
    }
    lines(bytes)
        .map(|(number, line)| Body {
            source: format!("{input}:{number}"),
            first_line: number,
            bytes: line,
            limits,
        })
        .collect()
}

/// The non-blank lines of an input with their 1-based numbers, without line terminators
/// (`\n` or `\r\n`).
fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(index, line)| (index + 1, line.strip_suffix(b"\r").unwrap_or(line)))
        .filter(|(_, line)| !line.trim_ascii().is_empty())
}

/// Whether the bytes are exactly one JSON value (surrounding whitespace allowed).
fn is_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

fn is_json_object(line: &[u8]) -> bool {
    line.trim_ascii_start().starts_with(b"{") && is_json(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(input: &Input, bytes: &[u8]) -> Vec<(String, usize, String)> {
        split(input, bytes, Limits::default())
            .into_iter()
            .map(|body| {
                let text = String::from_utf8_lossy(body.bytes).into_owned();
                (body.source, body.first_line, text)
            })
            .collect()
    }

    fn file() -> Input {
        Input::File(PathBuf::from("in.json"))
    }

    #[test]
    fn a_pretty_printed_body_is_one_body() {
        let bytes = b"{\n  \"a\": 1\n}\n";
        assert_eq!(
            sources(&file(), bytes),
            [("in.json".into(), 1, "{\n  \"a\": 1\n}\n".into())]
        );
    }

    #[test]
    fn a_single_body_on_stdin_is_line_one() {
        assert_eq!(
            sources(&Input::Stdin, b"{}"),
            [("stdin:1".into(), 1, "{}".into())]
        );
    }

    #[test]
    fn ndjson_is_one_body_per_non_blank_line() {
        let bytes = b"{\"a\":1}\r\n\n  \n[1]\n{\"b\":\n";
        assert_eq!(
            sources(&file(), bytes),
            [
                ("in.json:1".into(), 1, "{\"a\":1}".into()),
                ("in.json:4".into(), 4, "[1]".into()),
                ("in.json:5".into(), 5, "{\"b\":".into()),
            ]
        );
    }

    #[test]
    fn a_broken_pretty_printed_body_stays_whole() {
        let bytes = b"{\n  \"a\": 1,\n  \"b\": [\n}\n";
        assert_eq!(split(&file(), bytes, Limits::default()).len(), 1);
    }

    #[test]
    fn an_empty_input_is_one_body() {
        assert_eq!(sources(&file(), b""), [("in.json".into(), 1, "".into())]);
        assert_eq!(split(&Input::Stdin, b" \n\n", Limits::default()).len(), 1);
    }

    #[test]
    fn body_files_end_in_json_or_ndjson() {
        for name in ["a.json", "dir/b.ndjson", ".json.json"] {
            assert!(is_body_file(Path::new(name)), "{name}");
        }
        for name in ["a.txt", "json", "a.json.bak", "a.jsonl", "a.JSON"] {
            assert!(!is_body_file(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn dash_is_stdin() {
        assert_eq!(Input::from_arg(Path::new("-")), Input::Stdin);
        assert_eq!(Input::from_arg(Path::new("./-")), Input::File("./-".into()));
    }
}
