//! Characters in a questionnaire that a reader cannot see: control characters, bidi
//! overrides and zero-width characters, written raw or as `\u` escapes. Reports show them
//! escaped, but a questionnaire text that holds one is almost always a paste accident (or
//! an attempt to make a question read differently than it is), so `check` warns.

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

/// A `\uXXXX` or `\UXXXXXXXX` escape at `at` that stands for a hidden character.
fn escaped(text: &str, at: usize) -> Option<(char, std::ops::Range<usize>)> {
    let rest = &text[at + 1..];
    let digits = match rest.as_bytes().first()? {
        b'u' => 4,
        b'U' => 8,
        _ => return None,
    };
    let hex = rest.get(1..=digits)?;
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    (is_hidden(c) || c == '\r').then(|| (c, at..at + 2 + digits))
}
