//! Text that is safe to show on a terminal: every character that could move the cursor,
//! change the screen, hide text or reorder it is written as a visible escape (`\u{1b}`),
//! and echoed values are cut to a length a reader can take in.
//!
//! Replies, file names and questionnaire texts all come from outside. A reply value with
//! `ESC [2J` would clear the reviewer's screen, an OSC 52 sequence would set the
//! clipboard, an OSC 8 one would plant a link that says one thing and goes elsewhere, and
//! a right-to-left override would make `123` read as `321`. Printers run everything they
//! did not write themselves through [`visible`] (or [`visible_lines`] for multi-line texts
//! a questionnaire author wrote). This module decides nothing else: no wording, no layout.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a character must not reach a terminal as it is: C0 controls but tab and line
/// feed (those two are decided by the caller), DEL, C1 controls, bidirectional controls,
/// zero-width characters, the Unicode line and paragraph separators, and the byte-order
/// mark.
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}' | '\u{61c}' | '\u{feff}')
}

/// One line of text as it may be shown: hidden characters, tabs and line ends escaped.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, |c| is_hidden(c) || c == '\n' || c == '\t')
}

/// A text of several lines (a question's text or help, as its author wrote it): line ends
/// and tabs are kept, everything else hidden is escaped.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escape(text, is_hidden)
}

/// Whether `text` holds a character [`visible`] would escape (a line end aside).
pub fn has_hidden(text: &str) -> bool {
    text.chars().any(is_hidden)
}

fn escape(text: &str, hide: impl Fn(char) -> bool) -> Cow<'_, str> {
    let Some(first) = text.find(&hide) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if hide(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `\u{1b}`: the form Rust and JavaScript readers know, with no leading zeros.
pub fn push_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// How many bytes [`push_escape`] writes for `c`.
pub fn escape_len(c: char) -> usize {
    let hex = match u32::from(c) {
        0..=0xf => 1,
        0x10..=0xff => 2,
        0x100..=0xfff => 3,
        0x1000..=0xffff => 4,
        0x1_0000..=0xf_ffff => 5,
        _ => 6,
    };
    hex + 4
}

/// Most characters of a reply's value repeated in a message.
pub const ECHO_CHARS: usize = 80;

/// A value from a reply as a message repeats it: escaped, and cut after
/// [`ECHO_CHARS`] characters with `…` and its full length, so a value of several
/// megabytes is not printed again with every finding about it.
pub fn echo(value: &str) -> String {
    match value.char_indices().nth(ECHO_CHARS) {
        None => visible(value).into_owned(),
        Some((cut, _)) => format!(
            "{}… ({} characters)",
            visible(&value[..cut]),
            value.chars().count()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_tricks_are_shown_not_played() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(visible("\u{1b}]52;c;aGk=\u{7}"), "\\u{1b}]52;c;aGk=\\u{7}");
        assert_eq!(visible("x\ry\n"), "x\\u{d}y\\u{a}");
        assert_eq!(visible("\u{202e}321"), "\\u{202e}321");
        assert_eq!(visible("a\u{200b}b\u{9b}"), "a\\u{200b}b\\u{9b}");
        assert_eq!(visible_lines("one\ntwo\u{7f}"), "one\ntwo\\u{7f}");
        assert!(matches!(visible("plain été"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_len_is_what_push_escape_writes() {
        for c in ['\0', '\u{1b}', '\u{9f}', '\u{61c}', '\u{202e}', '\u{feff}'] {
            let mut s = String::new();
            push_escape(&mut s, c);
            assert_eq!(s.len(), escape_len(c), "{s}");
        }
    }

    #[test]
    fn echoed_values_are_cut() {
        assert_eq!(echo("short"), "short");
        let long = "é".repeat(1000);
        let echoed = echo(&long);
        assert!(echoed.starts_with(&"é".repeat(80)));
        assert!(echoed.ends_with("… (1000 characters)"), "{echoed}");
    }
}
