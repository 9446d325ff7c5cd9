//! Text output of `greenhook validate`: a line per body, a line per issue, a summary.

use std::fmt;
use std::io::{self, Write};

use owo_colors::Style;

use crate::validate::Outcome;

/// The styles of text output. Without colours every style is plain and writes no escape
/// codes at all, which is cheaper than writing them and stripping them again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    source: Style,
    valid: Style,
    invalid: Style,
    error: Style,
    warning: Style,
    pointer: Style,
    total: Style,
    unknown: Style,
}

impl Palette {
    /// No colours.
    pub const PLAIN: Palette = Palette {
        source: Style::new(),
        valid: Style::new(),
        invalid: Style::new(),
        error: Style::new(),
        warning: Style::new(),
        pointer: Style::new(),
        total: Style::new(),
        unknown: Style::new(),
    };

    /// Colours for a terminal.
    pub const COLOURED: Palette = Palette {
        source: Style::new().bold(),
        valid: Style::new().green(),
        invalid: Style::new().red().bold(),
        error: Style::new().red().bold(),
        warning: Style::new().yellow().bold(),
        // JSON Pointers are long and often repeat the previous line's; dim, the message
        // stands out.
        pointer: Style::new().dimmed(),
        total: Style::new().bold(),
        unknown: Style::new().yellow(),
    };

    /// The palette for a stream that colours are, or are not, wanted on.
    pub fn new(coloured: bool) -> Palette {
        if coloured {
            Palette::COLOURED
        } else {
            Palette::PLAIN
        }
    }
}

/// Width of the longest severity word, `warning`, so that paths line up.
const SEVERITY_WIDTH: usize = 7;

/// `source: valid (typeWebhook / typeMessage)`, then an indented line per issue.
pub fn write_outcome(outcome: &Outcome, palette: &Palette, out: &mut impl Write) -> io::Result<()> {
    let status = if outcome.valid {
        palette.valid.style("valid")
    } else {
        palette.invalid.style("invalid")
    };
    write!(
        out,
        "{}: {status}",
        palette.source.style(Escaped(&outcome.source))
    )?;
    match (&outcome.type_webhook, &outcome.type_message) {
        (Some(webhook), Some(message)) => {
            write!(out, " ({} / {})", Escaped(webhook), Escaped(message))?;
        }
        (Some(webhook), None) => write!(out, " ({})", Escaped(webhook))?,
        // No types to name: the body did not parse, or its `typeWebhook` is missing or not a
        // string. The report has an error at `/typeWebhook` for the latter, listed below;
        // saying it here too would report it twice.
        (None, _) => {}
    }
    writeln!(out)?;
    let errors = outcome
        .errors
        .iter()
        .map(|f| (palette.error.style("error"), f));
    let warnings = outcome
        .warnings
        .iter()
        .map(|f| (palette.warning.style("warning"), f));
    for (severity, finding) in errors.chain(warnings) {
        // Padded outside the styled word, so that the padding carries no colour.
        let padding = SEVERITY_WIDTH.saturating_sub(severity.inner().len());
        let path = if finding.path.is_empty() {
            "(root)"
        } else {
            &finding.path
        };
        writeln!(
            out,
            "  {severity}{:padding$} {}: {}",
            "",
            palette.pointer.style(Escaped(path)),
            Escaped(&finding.message)
        )?;
    }
    if outcome.omitted > 0 {
        writeln!(out, "  ... and {} more issues, not listed", outcome.omitted)?;
    }
    Ok(())
}

/// How many files were read, and how many of their bodies were valid, invalid and unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Inputs read, standard input included; not those that could not be read.
    pub files: usize,
    /// Bodies without errors.
    pub valid: usize,
    /// Bodies with errors, including those that are not JSON objects.
    pub invalid: usize,
    /// Bodies, valid or not, that are kept as raw JSON: see [`Outcome::is_unknown`].
    pub unknown: usize,
}

impl Tally {
    /// Counts one body.
    pub fn add(&mut self, outcome: &Outcome) {
        if outcome.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        if outcome.is_unknown() {
            self.unknown += 1;
        }
    }

    /// Every body is either valid or invalid.
    pub fn bodies(&self) -> usize {
        self.valid + self.invalid
    }

    /// `12 bodies from 3 files: 10 valid, 2 invalid; 1 unknown`, with its newline.
    pub fn write_summary(&self, palette: &Palette, out: &mut impl Write) -> io::Result<()> {
        let bodies = self.bodies();
        let noun = if bodies == 1 { "body" } else { "bodies" };
        let files = self.files;
        let file_noun = if files == 1 { "file" } else { "files" };
        // Counts of zero are not worth a colour.
        let colour = |count: usize, style: Style| if count == 0 { Style::new() } else { style };
        writeln!(
            out,
            "{}: {}, {}; {}",
            palette
                .total
                .style(format_args!("{bodies} {noun} from {files} {file_noun}")),
            colour(self.valid, palette.valid).style(format_args!("{} valid", self.valid)),
            colour(self.invalid, palette.invalid).style(format_args!("{} invalid", self.invalid)),
            colour(self.unknown, palette.unknown).style(format_args!("{} unknown", self.unknown)),
        )
    }
}

/// Text taken from a body or the command line, with control characters escaped as
/// `\u{1b}`: a webhook body must not be able to move the cursor, change colours or break the
/// one-line-per-issue layout of a terminal.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut clean_from = 0;
        for (at, c) in self.0.char_indices() {
            if c.is_control() {
                // `at` and `clean_from` are both char boundaries: `char_indices` yields them.
                f.write_str(&self.0[clean_from..at])?;
                write!(f, "{}", c.escape_unicode())?;
                clean_from = at + c.len_utf8();
            }
        }
        f.write_str(&self.0[clean_from..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(path: &str, message: &str) -> crate::validate::Finding {
        crate::validate::Finding {
            path: path.into(),
            message: message.into(),
        }
    }

    fn outcome() -> Outcome {
        Outcome {
            source: "in.json".into(),
            type_webhook: Some("incomingMessageReceived".into()),
            type_message: None,
            known: true,
            valid: false,
            errors: vec![finding("", "broken")],
            warnings: vec![finding("/x", "unknown")],
            parsed: true,
            omitted: 0,
        }
    }

    fn text(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("text output is UTF-8")
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            Escaped("a\x1b[31mb\nc\u{9b}").to_string(),
            "a\\u{1b}[31mb\\u{a}c\\u{9b}"
        );
        assert_eq!(Escaped("plain ✓").to_string(), "plain ✓");
    }

    #[test]
    fn a_body_cannot_inject_escape_codes() {
        let mut outcome = outcome();
        outcome.type_webhook = Some("\x1b[2J".into());
        outcome.errors = vec![finding("/\x1b]0;title\x07", "`\x1b[31m` bad")];
        let written = text(|out| write_outcome(&outcome, &Palette::COLOURED, out));
        let injected = written.matches('\x1b').count();
        let ours = text(|out| write_outcome(&self::outcome(), &Palette::COLOURED, out))
            .matches('\x1b')
            .count();
        assert_eq!(injected, ours, "{written:?}");
    }

    #[test]
    fn issues_line_up_whatever_the_colours() {
        let coloured = text(|out| write_outcome(&outcome(), &Palette::COLOURED, out));
        let plain = text(|out| write_outcome(&outcome(), &Palette::PLAIN, out));
        assert_eq!(anstream::adapter::strip_str(&coloured).to_string(), plain);
        assert_eq!(
            plain,
            "in.json: invalid (incomingMessageReceived)\n  \
             error   (root): broken\n  \
             warning /x: unknown\n"
        );
    }

    #[test]
    fn a_type_webhook_that_is_not_a_string_is_reported_once() {
        let mut outcome = outcome();
        outcome.type_webhook = None;
        outcome.known = false;
        outcome.errors = vec![finding("/typeWebhook", "expected string, found integer")];
        outcome.warnings.clear();
        assert_eq!(
            text(|out| write_outcome(&outcome, &Palette::PLAIN, out)),
            "in.json: invalid\n  \
             error   /typeWebhook: expected string, found integer\n"
        );
    }

    #[test]
    fn the_summary_counts_unknown_bodies_among_valid_and_invalid_ones() {
        let mut tally = Tally {
            files: 2,
            ..Tally::default()
        };
        let mut unknown_invalid = outcome();
        unknown_invalid.known = false;
        tally.add(&unknown_invalid);
        let mut broken = outcome();
        broken.parsed = false;
        broken.known = false;
        tally.add(&broken);
        let mut valid = outcome();
        valid.valid = true;
        tally.add(&valid);
        let summary = text(|out| tally.write_summary(&Palette::COLOURED, out));
        assert_eq!(
            anstream::adapter::strip_str(&summary).to_string(),
            "3 bodies from 2 files: 1 valid, 2 invalid; 1 unknown\n"
        );
        let one = Tally {
            files: 1,
            valid: 1,
            ..Tally::default()
        };
        let summary = text(|out| one.write_summary(&Palette::COLOURED, out));
        assert_eq!(
            anstream::adapter::strip_str(&summary).to_string(),
            "1 body from 1 file: 1 valid, 0 invalid; 0 unknown\n"
        );
    }
}
