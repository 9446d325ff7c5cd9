//! A progress bar on standard error for inputs large enough to wait for, and the writing of
//! standard output around it.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::Input;

/// More bodies than this get a bar.
const MANY_BODIES: usize = 1_000;
/// More bytes than this get a bar (if there is more than one body to count).
const LARGE_INPUT: usize = 1 << 20;
/// While a bar shares the terminal with standard output, output is held back for at most this
/// long, so that the bar is not cleared and redrawn for every body.
const HOLD_OUTPUT: Duration = Duration::from_millis(100);
/// ... or until this much is held.
const HOLD_BYTES: usize = 64 * 1024;

/// Whether an input is worth a progress bar.
pub fn is_large(bodies: usize, bytes: usize) -> bool {
    bodies > 1 && (bodies > MANY_BODIES || bytes > LARGE_INPUT)
}

/// The progress through one input's bodies; shows nothing for small inputs, or when standard
/// error is not a terminal. The bar is cleared when this is dropped; [`Progress::finish`]
/// writes what is held back first.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// The bar is shown and standard output is a terminal too: output must be held back and
    /// written with the bar out of the way.
    hold: bool,
    /// Output held back.
    held: Vec<u8>,
    held_since: Instant,
}

impl Progress {
    /// Starts a bar for `bodies` bodies of `input`, if the input is large and standard error a
    /// terminal.
    pub fn start(input: &Input, bodies: usize, bytes: usize) -> Progress {
        let shown = is_large(bodies, bytes) && io::stderr().is_terminal();
        let bar = shown.then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(u64::try_from(bodies).unwrap_or(u64::MAX)),
                ProgressDrawTarget::stderr(),
            );
            // The template is a constant known to parse; should it not, indicatif's default
            // bar is as good.
            if let Ok(style) = ProgressStyle::with_template(
                "{prefix} [{bar:30}] {human_pos}/{human_len} bodies, {per_sec:0}, {eta} left",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_prefix(input.to_string());
            bar
        });
        Progress {
            hold: bar.is_some() && io::stdout().is_terminal(),
            bar,
            held: Vec::new(),
            held_since: Instant::now(),
        }
    }

    /// One more body done.
    pub fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Writes one body's output. On a terminal that the bar is drawn on too, the output is
    /// held back a little and written with the bar out of the way, so that neither garbles
    /// the other; elsewhere it goes straight through.
    pub fn write(&mut self, out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
        if !self.hold {
            return out.write_all(bytes);
        }
        if self.held.is_empty() {
            self.held_since = Instant::now();
        }
        self.held.extend_from_slice(bytes);
        if self.held.len() >= HOLD_BYTES || self.held_since.elapsed() >= HOLD_OUTPUT {
            self.flush(out)?;
        }
        Ok(())
    }

    /// Writes what is held back and flushes `out`, with the bar out of the way.
    pub fn flush(&mut self, out: &mut impl Write) -> io::Result<()> {
        let held = std::mem::take(&mut self.held);
        self.suspend(|| {
            out.write_all(&held)?;
            out.flush()
        })
    }

    /// Writes what is held back and clears the bar.
    pub fn finish(mut self, out: &mut impl Write) -> io::Result<()> {
        self.flush(out)
    }

    /// Runs `f`, which writes to the terminal, with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_large_inputs_of_several_bodies_get_a_bar() {
        assert!(!is_large(1_000, 1_000_000));
        assert!(is_large(1_001, 100_000));
        assert!(is_large(2, 2 << 20));
        assert!(!is_large(1, 100 << 20));
        assert!(!is_large(0, 0));
    }
}
