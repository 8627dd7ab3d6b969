//! Limits on reply size and nesting, checked before parsing so that a hostile file can
//! neither exhaust memory nor overflow a recursive parser. Each breach is one `syntax`
//! finding that names the limit and the flag that raises it.

use crate::findings::words::{self, Args};
use crate::findings::{Anchor, Code, Finding, Severity};

use super::Format;

/// How large and deep a reply may be before canvass refuses to read it.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest reply, in bytes (`--max-reply-bytes`).
    pub max_bytes: usize,
    /// Deepest nesting of arrays and tables (`--max-depth`).
    pub max_depth: usize,
    /// Most rows in a table answer (`--max-rows`).
    pub max_rows: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 16 << 20,
            max_depth: 32,
            max_rows: 10_000,
        }
    }
}

impl Limits {
    /// The default limits, with the size raised to admit `bytes`: for reading back a reply
    /// already received and stored, which must read whatever the limit it came in under.
    pub fn admitting(bytes: usize) -> Self {
        Self {
            max_bytes: bytes.max(Self::default().max_bytes),
            ..Self::default()
        }
    }

    pub(crate) fn check_size(&self, text: &str) -> Result<(), Vec<Finding>> {
        if text.len() > self.max_bytes {
            return Err(vec![self.too_large(Some(text.len()))]);
        }
        Ok(())
    }

    /// The finding for a reply over the size limit: its size in bytes, or `None` when it
    /// was not read to the end ("more than the limit").
    pub fn too_large(&self, size: Option<usize>) -> Finding {
        let limit = self.max_bytes.to_string();
        let size = match size {
            Some(bytes) => {
                words::phrase("size-bytes", &Args::new().text("bytes", bytes.to_string()))
            }
            None => words::phrase("size-over", &Args::new().text("limit", limit.clone())),
        };
        let said = words::say(
            "too-large",
            &Args::new().text("size", size).text("limit", limit),
        );
        Finding::said(Code::Syntax, Severity::Error, said, Anchor::Nowhere)
    }

    /// Nesting, by a scan before parsing (TOML; JSON counts depth as it parses).
    pub(crate) fn check_depth(&self, text: &str, format: Format) -> Result<(), Vec<Finding>> {
        match too_deep(text, format, self.max_depth) {
            Some(offset) => Err(vec![too_deep_finding(self.max_depth, offset)]),
            None => Ok(()),
        }
    }
}

/// The finding for a reply nested deeper than `max`, at the bracket that goes too far.
pub(crate) fn too_deep_finding(max: usize, offset: usize) -> Finding {
    let said = words::say("too-deep", &Args::new().text("max", max.to_string()));
    Finding::said(
        Code::Syntax,
        Severity::Error,
        said,
        Anchor::Span(offset..offset + 1),
    )
}

/// The offset of the first bracket that opens one level too many, skipping strings (and
/// TOML comments). A scan, not a parse: it only has to be right about well-formed text.
fn too_deep(text: &str, format: Format, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i, b'"', true),
            b'\'' if format == Format::Toml => i = skip_string(bytes, i, b'\'', false),
            b'#' if format == Format::Toml => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Index of the closing quote of the string opening at `start` (or the end of the text).
/// Shared by every scan of a reply's text that must not look inside strings.
pub(super) fn skip_string(bytes: &[u8], start: usize, quote: u8, escapes: bool) -> usize {
    let triple = bytes.get(start..start + 3) == Some(&[quote, quote, quote][..]);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        if escapes && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == quote {
            if !triple {
                return i;
            }
            if bytes.get(i..i + 3) == Some(&[quote, quote, quote][..]) {
                return i + 2;
            }
        }
        if !triple && bytes[i] == b'\n' {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert_eq!(too_deep(r#"{"a": "[[[[["}"#, Format::Json, 2), None);
        assert_eq!(too_deep(r#"{"a": [[1]]}"#, Format::Json, 2), Some(7));
        assert_eq!(
            too_deep("a = '[[[[' # [[[[\nb = [[[1]]]", Format::Toml, 2),
            Some(24)
        );
        let deep = "[".repeat(10_000);
        assert_eq!(too_deep(&deep, Format::Json, 32), Some(32));
    }
}
