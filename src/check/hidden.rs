//! Characters in a questionnaire that a reader cannot see: control characters, bidi
//! overrides and zero-width characters, written raw or as `\u` escapes. Reports show them
//! escaped, but a questionnaire text that holds one is almost always a paste accident (or
//! an attempt to make a question read differently than it is). A control character (an
//! escape, a bell, a lone carriage return; tabs and line ends aside) has no place in any
//! text canvass shows or writes, so `check` refuses it; the bidirectional and zero-width
//! marks that Arabic or Persian text may need are warned about.

use super::Lints;
use crate::findings::Code;
use crate::findings::visible::is_hidden;

/// Warnings past this many would say nothing new.
const MOST: usize = 20;

pub(crate) fn check(lints: &mut Lints<'_>) {
    let text = lints.text;
    let bytes = text.as_bytes();
    let mut found = 0;
    for (at, c) in text.char_indices() {
        if found == MOST {
            break;
        }
        // A line end written `\r\n` is a line end, not a hidden character.
        let lone_cr = c == '\r' && bytes.get(at + 1) != Some(&b'\n');
        let hidden = if is_hidden(c) || lone_cr {
            Some((c, at..at + c.len_utf8()))
        } else if c == '\\' {
            escaped(text, at)
        } else {
            None
        };
        if let Some((c, span)) = hidden {
            found += 1;
            if c.is_control() {
                lints
                    .error(
                        Code::HiddenCharacter,
                        format!(
                            "the questionnaire holds U+{:04X}, a control character",
                            u32::from(c)
                        ),
                        span,
                    )
                    .label_("control character")
                    .help_(
                        "remove it: a control character could drive a reader's terminal or \
                         break a file canvass writes from this text",
                    );
                continue;
            }
            lints
                .warning(
                    Code::HiddenCharacter,
                    format!(
                        "the questionnaire holds U+{:04X}, a character readers cannot see",
                        u32::from(c)
                    ),
                    span,
                )
                .label_("hidden character")
                .help_(
                    "remove it: control, bidirectional and zero-width characters make a text \
                     read differently than it is",
                );
        }
    }
}

/// An escape at `at` (a backslash not itself escaped) that stands for a hidden character:
/// `\uXXXX`, `\UXXXXXXXX`, `\xHH`, `\e`, `\f`, or `\r` not followed by `\n` (a line end
/// written as escapes is a line end). `\b` is left alone: in a pattern written as a literal
/// string it is a word boundary.
fn escaped(text: &str, at: usize) -> Option<(char, std::ops::Range<usize>)> {
    let backslashes_before = text[..at].bytes().rev().take_while(|&b| b == b'\\').count();
    if backslashes_before % 2 == 1 {
        return None;
    }
    let rest = &text[at + 1..];
    let (c, len) = match rest.as_bytes().first()? {
        b'u' => (hex_char(rest.get(1..=4)?)?, 5),
        b'U' => (hex_char(rest.get(1..=8)?)?, 9),
        b'x' => (hex_char(rest.get(1..=2)?)?, 3),
        b'e' => ('\u{1b}', 1),
        b'f' => ('\u{c}', 1),
        b'r' if !rest[1..].starts_with("\\n") => ('\r', 1),
        _ => return None,
    };
    (is_hidden(c) || c == '\r').then(|| (c, at..at + 1 + len))
}

fn hex_char(hex: &str) -> Option<char> {
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}
