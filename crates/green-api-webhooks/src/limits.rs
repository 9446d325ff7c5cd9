//! Limits on what a body may cost before it is parsed: its size and its nesting depth.

/// How much a body may ask of the parser. Checked before parsing, so an oversized or deeply
/// nested body costs one linear scan and no allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest body, in bytes. Default: 4 MiB, far above any documented body (thumbnails
    /// included) and small enough that a flood of them does not exhaust memory.
    pub max_body_bytes: usize,
    /// Deepest nesting of arrays and objects. Default: 127, the most the JSON reader allows,
    /// which it enforces as it reads at no extra cost; documented bodies reach 5. A lower limit
    /// costs one extra scan of the body before parsing; a higher one is the same as 127.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 4 * 1024 * 1024,
            max_depth: READER_MAX_DEPTH,
        }
    }
}

/// The deepest nesting `serde_json` reads before it stops with "recursion limit exceeded".
pub(crate) const READER_MAX_DEPTH: usize = 127;

/// Where a body first nests deeper than allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TooDeep {
    pub line: usize,
    pub column: usize,
}

/// Scans for the first bracket that opens level `max_depth + 1`, outside strings.
pub(crate) fn check_depth(body: &[u8], max_depth: usize) -> Result<(), TooDeep> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut line = 1;
    let mut line_start = 0;
    for (i, &byte) in body.iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    let column = String::from_utf8_lossy(&body[line_start..=i])
                        .chars()
                        .count();
                    return Err(TooDeep { line, column });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert_eq!(check_depth(br#"{"a": [1, {"b": "[[[[{{{{"}]}"#, 3), Ok(()));
        assert_eq!(
            check_depth(br#"{"a": [1, {"b": [2]}]}"#, 3),
            Err(TooDeep {
                line: 1,
                column: 17
            })
        );
        assert_eq!(
            check_depth(b"{\n \"a\": {\"b\\\"[\": [[]]}}", 3),
            Err(TooDeep {
                line: 2,
                column: 17
            })
        );
    }
}
