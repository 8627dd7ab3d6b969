//! Map byte offsets inside a decoded TOML string back to byte offsets in the file, so an
//! error at column 7 of an expression points at column 7 of the `when = "..."` value even
//! when escapes (`\"`, `\u00e9`) or a multi-line string shift the text.

use crate::source::Span;

/// For each byte of the decoded string (and one past the end), its offset in the file.
/// `value_span` is the span of the TOML string value, quotes included.
pub fn offsets(file: &str, value_span: &Span) -> Vec<usize> {
    let raw = &file[value_span.clone()];
    let (open, literal) = if raw.starts_with("'''") {
        (3, true)
    } else if raw.starts_with("\"\"\"") {
        (3, false)
    } else if raw.starts_with('\'') {
        (1, true)
    } else {
        (1, false)
    };
    let close = if raw.len() >= 2 * open { open } else { 0 };
    let mut start = value_span.start + open;
    let mut content = &raw[open..raw.len() - close];
    if open == 3 {
        // A newline right after the opening delimiter is not part of the string.
        for newline in ["\r\n", "\n"] {
            if let Some(rest) = content.strip_prefix(newline) {
                content = rest;
                start += newline.len();
                break;
            }
        }
    }
    let mut map = Vec::with_capacity(content.len() + 1);
    let mut chars = content.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = start + i;
        if literal || c != '\\' {
            map.extend((0..c.len_utf8()).map(|b| at + b));
            continue;
        }
        let Some(&(_, kind)) = chars.peek() else {
            break;
        };
        chars.next();
        let decoded = match kind {
            'u' | 'U' | 'x' => {
                let digits = match kind {
                    'u' => 4,
                    'U' => 8,
                    _ => 2,
                };
                let mut code = 0u32;
                for _ in 0..digits {
                    if let Some((_, d)) = chars.next() {
                        code = code * 16 + d.to_digit(16).unwrap_or(0);
                    }
                }
                char::from_u32(code).map_or(1, char::len_utf8)
            }
            c if c.is_whitespace() => {
                // Line-ending backslash: the newline and following whitespace vanish.
                while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                    chars.next();
                }
                0
            }
            _ => 1,
        };
        map.extend(std::iter::repeat_n(at, decoded));
    }
    map.push(value_span.end - close);
    map
}

/// The file span of a byte range of the decoded string.
pub fn map_span(offsets: &[usize], range: &Span) -> Span {
    let last = offsets.len() - 1;
    let start = offsets[range.start.min(last)];
    let end = offsets[range.end.min(last)];
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(file: &str, expr_range: Span, expected: &str) {
        let start = file.find(['"', '\'']).unwrap();
        let spans = offsets(file, &(start..file.len()));
        let span = map_span(&spans, &expr_range);
        assert_eq!(&file[span], expected);
    }

    #[test]
    fn literal_and_basic_strings() {
        check("when = 'a == b'", 5..6, "b");
        check(r#"when = "a == \"x\"""#, 5..8, r#"\"x\""#);
        check(r#"when = "\u00e9t == b""#, 7..8, "b");
        check("when = \"\"\"\nab == c\"\"\"", 6..7, "c");
    }
}
