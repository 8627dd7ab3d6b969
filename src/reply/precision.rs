//! Numbers written with more precision than canvass judges exactly.
//!
//! Answers are compared as binary floating-point numbers, which tell apart every decimal
//! of up to 15 significant digits, in the same order as the decimals (so ranges, rules and
//! "whole number" are judged exactly for them), but not longer ones:
//! `10.999999999999999999` would read as 11, `99.000000000000001` as 99, and
//! 9007199254740993 as 9007199254740992. Rather than judge such a number wrongly, canvass
//! refuses it at its place in the file. The scan reads the text the reply was parsed from
//! (numbers lose their digits in parsing), skipping strings and comments; it is a guard
//! until answers are judged in exact decimal arithmetic, and it never explains anything
//! else.

use crate::findings::{Anchor, Code, Finding};
use crate::source::Span;

use super::Format;
use super::limits::skip_string;

/// The most significant digits a number is judged exactly with.
pub const EXACT_DIGITS: usize = 15;
/// Findings past this many say nothing new.
const MOST: usize = 10;

/// A finding for every number in `text` written with more significant digits than
/// [`EXACT_DIGITS`]. Cheap for the usual reply: the exact scan runs only when the text
/// holds a long enough run of digits at all.
pub fn too_precise(text: &str, format: Format) -> Vec<Finding> {
    if !has_long_digit_run(text.as_bytes()) {
        return Vec::new();
    }
    numbers(text, format)
        .filter_map(|span| {
            let token = &text[span.clone()];
            let digits = significant_digits(token);
            (digits > EXACT_DIGITS).then(|| finding(token, digits, span))
        })
        .take(MOST)
        .collect()
}

fn finding(token: &str, digits: usize, span: Span) -> Finding {
    Finding::error(
        Code::OutOfRange,
        format!(
            "the number {} has {digits} significant digits; canvass judges numbers exactly only up to {EXACT_DIGITS}",
            crate::findings::visible::echo(token)
        ),
        Anchor::Span(span),
    )
    .with_label("too precise to judge")
    .with_help("round the answer to at most 15 significant digits")
}

/// Whether the text holds more than [`EXACT_DIGITS`] digits with only digits, `.` and `_`
/// between them: no number can be too precise otherwise. Every reply passes here, so it
/// samples every eighth byte: such a run is at least 16 bytes long, so it covers some
/// sampled byte and the one eight bytes further, and everything between; only there is
/// the run measured.
fn has_long_digit_run(bytes: &[u8]) -> bool {
    let digitish = |b: &u8| b.is_ascii_digit() || *b == b'.' || *b == b'_';
    let mut i = 0;
    while i + 8 < bytes.len() {
        if digitish(&bytes[i]) && digitish(&bytes[i + 8]) && bytes[i..=i + 8].iter().all(digitish) {
            let start = bytes[..i]
                .iter()
                .rposition(|b| !digitish(b))
                .map_or(0, |p| p + 1);
            let end = bytes[i..]
                .iter()
                .position(|b| !digitish(b))
                .map_or(bytes.len(), |p| i + p);
            if bytes[start..end]
                .iter()
                .filter(|b| b.is_ascii_digit())
                .count()
                > EXACT_DIGITS
            {
                return true;
            }
        }
        i += 8;
    }
    false
}

/// Significant digits of a number as written: the digits of its mantissa without leading
/// or trailing zeros (`0.000120` has 2, `1.000` has 1, `1e20` has 1).
fn significant_digits(token: &str) -> usize {
    let mantissa = token
        .split(['e', 'E'])
        .next()
        .unwrap_or_default()
        .trim_start_matches(['-', '+']);
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let start = digits.iter().position(|&d| d != b'0');
    let end = digits.iter().rposition(|&d| d != b'0');
    match (start, end) {
        (Some(start), Some(end)) => end - start + 1,
        _ => 0,
    }
}

/// The spans of the number tokens of a JSON or TOML text, outside strings and comments.
/// In TOML, dates, times, bare keys and hexadecimal, octal or binary integers (which are
/// exact) are not numbers here.
fn numbers(text: &str, format: Format) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            match b {
                b'"' => i = skip_string(bytes, i, b'"', true) + 1,
                b'\'' if format == Format::Toml => i = skip_string(bytes, i, b'\'', false) + 1,
                b'#' if format == Format::Toml => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'-' | b'+' | b'0'..=b'9' => {
                    let start = i;
                    while i < bytes.len() && is_token_byte(bytes[i]) {
                        i += 1;
                    }
                    let token = &text[start..i];
                    if format == Format::Json || toml_number(token, &bytes[i..]) {
                        return Some(start..i);
                    }
                }
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                    // A word (a TOML bare key, `true`, `inf`): its digits are no number.
                    while i < bytes.len()
                        && (bytes[i].is_ascii_alphanumeric()
                            || bytes[i] == b'_'
                            || bytes[i] == b'-')
                    {
                        i += 1;
                    }
                }
                _ => i += 1,
            }
        }
        None
    })
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+' | b'_' | b':')
}

/// Whether a TOML token is a decimal number, not a date, a time, a key or a hexadecimal,
/// octal or binary integer; `after` is the text that follows it.
fn toml_number(token: &str, after: &[u8]) -> bool {
    let next = after.iter().find(|b| !matches!(b, b' ' | b'\t'));
    if matches!(next, Some(b'=' | b'.')) {
        return false; // a key
    }
    let body = token.trim_start_matches(['-', '+']);
    if body.starts_with("0x") || body.starts_with("0o") || body.starts_with("0b") {
        return false;
    }
    // A date or a time: a `:`, or a `-` that follows a digit (not an exponent's sign).
    let b = body.as_bytes();
    !body.contains(':')
        && !(1..b.len()).any(|k| b[k] == b'-' && b[k - 1].is_ascii_digit())
        && body
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'e' | b'E' | b'-' | b'+'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str, format: Format) -> Vec<&str> {
        too_precise(text, format)
            .iter()
            .map(|f| match &f.anchor {
                Anchor::Span(s) => &text[s.clone()],
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn the_sampling_sees_every_long_run() {
        for pad in 0..20 {
            for len in 14..20 {
                let text = format!(
                    "{}{}{}",
                    "x".repeat(pad),
                    "7".repeat(len),
                    "y".repeat(pad % 3)
                );
                assert_eq!(
                    has_long_digit_run(text.as_bytes()),
                    len > EXACT_DIGITS,
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn only_numbers_past_fifteen_significant_digits() {
        assert_eq!(significant_digits("10.999999999999999999"), 20);
        assert_eq!(significant_digits("-0.000120"), 2);
        assert_eq!(significant_digits("1.000000000000000000000"), 1);
        assert_eq!(significant_digits("1e400"), 1);
        let json = r#"{"a": 10.999999999999999999, "b": "123456789012345678", "c": [99.000000000000001, 9007199254740993, 100000000000000000000, 1.5]}"#;
        assert_eq!(
            flagged(json, Format::Json),
            [
                "10.999999999999999999",
                "99.000000000000001",
                "9007199254740993"
            ]
        );
    }

    #[test]
    fn toml_dates_keys_strings_and_comments_are_not_numbers() {
        let toml = "1234567890123456789 = 1\nd = 2001-02-03T04:05:06.123456789012345678Z\n# 12345678901234567\ns = '1234567890123456789'\nx = 1_234_567_890_123_456.5\nh = 0x7FFFFFFFFFFFFFFF\n";
        assert_eq!(flagged(toml, Format::Toml), ["1_234_567_890_123_456.5"]);
    }
}
