//! Numbers as written: the exact decimal value of a number's text.
//!
//! `serde_json` is built with `arbitrary_precision`, so a reply's numbers keep the text
//! they were written with (`10.999999999999999999` stays that, not 11.0), and everything
//! canvass judges about a number (whole or not, within range, a rule's comparison or sum)
//! is judged on [`Decimal`]s made from that text: exact to 28 significant digits, no
//! rounding. A number that needs more is never rounded into a verdict; the value checks
//! refuse it at its place in the file.
//!
//! This module only converts; it never decides whether a number is acceptable.

pub use rust_decimal::Decimal;

/// The key `serde_json` hands a visitor, as a one-member map, for a number it keeps as text
/// (a float, or an integer beyond 64 bits) when built with `arbitrary_precision`.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The most significant digits a [`Decimal`] holds exactly.
pub const EXACT_DIGITS: usize = 28;

/// Whether a map key a visitor was given opens one of `serde_json`'s numbers rather than
/// an object of the reply: it is the token, handed over borrowed, and not from `text` (the
/// text being read). A reply's own key `"$serde_json::private::Number"` is borrowed from
/// the text (or unescaped, so not borrowed): a reply cannot forge a number.
pub(crate) fn is_number_token(key: &str, borrowed: bool, text: &str) -> bool {
    borrowed && key == NUMBER_TOKEN && !text.as_bytes().as_ptr_range().contains(&key.as_ptr())
}

/// A `serde_json` number from a JSON number's text, kept as written.
pub(crate) fn from_text(text: &str) -> Option<serde_json::Number> {
    text.parse().ok()
}

/// The exact value of a number written in JSON or TOML (`-12.50`, `1e3`, `1_000`), or
/// `None` when it cannot be held exactly in 28 significant digits (or is no number).
pub fn exact(text: &str) -> Option<Decimal> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], body[at + 1..].parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digit = |b: u8| b.is_ascii_digit() || b == b'_';
    if whole.is_empty() || !whole.bytes().all(digit) || !fraction.bytes().all(digit) {
        return None;
    }
    // value = digits × 10^power, with the digits stripped of zeros on both ends. No
    // allocation: this runs for every number a rule reads.
    let digits = || {
        whole
            .bytes()
            .chain(fraction.bytes())
            .filter(u8::is_ascii_digit)
    };
    let fraction_len = i64::try_from(fraction.bytes().filter(u8::is_ascii_digit).count()).ok()?;
    let total = digits().count();
    let Some(first) = digits().position(|d| d != b'0') else {
        return Some(Decimal::ZERO);
    };
    let trailing = digits().rev().position(|d| d != b'0')?;
    let significant_len = total - first - trailing;
    let power = exponent
        .checked_sub(fraction_len)?
        .checked_add(i64::try_from(trailing).ok()?)?;
    if significant_len > EXACT_DIGITS {
        return None;
    }
    let significant = digits().skip(first).take(significant_len);
    let mut value = significant.fold(0i128, |n, d| n * 10 + i128::from(d - b'0'));
    let scale = if power >= 0 {
        // Whole: at most 28 digits in all, so the value stays below Decimal::MAX.
        let room = i64::try_from(EXACT_DIGITS - significant_len).ok()?;
        if power > room {
            return None;
        }
        value *= 10i128.pow(u32::try_from(power).ok()?);
        0
    } else {
        u32::try_from(power.checked_neg()?)
            .ok()
            .filter(|&s| s <= Decimal::MAX_SCALE)?
    };
    if negative {
        value = -value;
    }
    Decimal::try_from_i128_with_scale(value, scale).ok()
}

/// Significant digits of a number as written: the digits of its mantissa without leading
/// or trailing zeros (`0.000120` has 2, `1.000` has 1, `1e20` has 1).
pub fn significant_digits(token: &str) -> usize {
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

/// The exact value of a `serde_json` number.
pub fn of(number: &serde_json::Number) -> Option<Decimal> {
    exact(number.as_str())
}

/// The exact value of a bound or literal held as `f64` (a questionnaire's `max = 0.1`):
/// the shortest decimal that reads back as the same `f64`, which is the decimal written
/// for any of up to 15 significant digits.
pub fn of_f64(value: f64) -> Option<Decimal> {
    use std::io::Write;
    if !value.is_finite() {
        return None;
    }
    // Written on the stack: a bound is read for every answer checked against it. Any
    // f64 that is a Decimal fits (28 digits, a point and a sign); longer ones are not.
    let mut buffer = [0u8; 40];
    let mut cursor = std::io::Cursor::new(&mut buffer[..]);
    write!(cursor, "{value}").ok()?;
    let len = usize::try_from(cursor.position()).ok()?;
    exact(std::str::from_utf8(&buffer[..len]).ok()?)
}

/// A decimal as `serde_json` holds a number (for schemas and messages).
pub fn to_json(value: Decimal) -> serde_json::Number {
    from_text(&value.normalize().to_string()).unwrap_or_else(|| 0.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> String {
        exact(text).map_or_else(|| "none".to_owned(), |d| d.normalize().to_string())
    }

    #[test]
    fn numbers_are_read_exactly_as_written() {
        assert_eq!(d("10.999999999999999999"), "10.999999999999999999");
        assert_eq!(d("9007199254740993"), "9007199254740993");
        assert_eq!(d("-0.000120"), "-0.00012");
        assert_eq!(d("1e3"), "1000");
        assert_eq!(d("1.5E-3"), "0.0015");
        assert_eq!(d("+1_000.5"), "1000.5");
        assert_eq!(d("0.0e99999999999"), "0");
        assert_eq!(
            d("1234567890123456789012345678"),
            "1234567890123456789012345678"
        );
        assert_eq!(
            exact("0.1").unwrap() + exact("0.2").unwrap(),
            exact("0.3").unwrap()
        );
    }

    #[test]
    fn what_needs_more_than_28_digits_is_not_rounded() {
        for text in [
            "12345678901234567890123456789",
            "1e29",
            "1e-29",
            "1e9223372036854775807",
            "1e-9223372036854775808",
            "99999999999999999999999999999999999",
        ] {
            assert_eq!(d(text), "none", "{text}");
        }
        for text in ["", "-", ".5", "abc", "1e", "0x10", "1.2.3", "inf"] {
            assert!(exact(text).is_none(), "{text}");
        }
    }

    #[test]
    fn significant_digits_as_written() {
        assert_eq!(significant_digits("10.999999999999999999"), 20);
        assert_eq!(significant_digits("-0.000120"), 2);
        assert_eq!(significant_digits("1.000000000000000000000"), 1);
        assert_eq!(significant_digits("1e400"), 1);
    }

    #[test]
    fn f64_bounds_are_read_as_their_shortest_decimal() {
        assert_eq!(of_f64(0.1).unwrap().to_string(), "0.1");
        assert_eq!(of_f64(99.0).unwrap().to_string(), "99");
        assert_eq!(of_f64(1e30), None);
        assert_eq!(of_f64(f64::NAN), None);
    }
}
