//! Replies whose numbers a rounded `f64` could misjudge.
//!
//! canvass judges every number exactly, as written (`values::number`), but the compiled
//! schema that decides the fast path compares numbers as binary floating-point. That is
//! exact for a number of up to 15 significant digits written without an exponent (it
//! reads back as the same decimal, and doubles keep the decimals' order), and lenient
//! otherwise: rounding never moves a number across a bound it did not cross. So the
//! schema may accept what the exact judges refuse (`99.000000000000001` under `max = 99`),
//! never the reverse, and a reply holding such a number goes past the fast path to the
//! walk, which judges exactly. It only routes, it never makes a finding.

use super::number::significant_digits;
use crate::values::view::ReplyValue;

/// The most significant digits a binary floating-point number tells apart.
const F64_DIGITS: usize = 15;

/// Whether some number in `value` may be misjudged through an `f64` (see
/// [`judged_by_f64`]). It visits every value, after the schema and the residual checks
/// accepted the reply (so only for replies about to be called clean).
pub fn f64_may_misjudge<'v, V: ReplyValue<'v>>(value: V) -> bool {
    if let Some(mut items) = value.items() {
        return items.any(f64_may_misjudge);
    }
    if let Some(mut members) = value.members() {
        return members.any(|(_, v)| f64_may_misjudge(v));
    }
    !value.judged_by_f64()
}

/// Whether an `f64` judges the number written as `text` exactly: at most 15 significant
/// digits, no exponent, and short enough to stay clear of the `f64`'s smallest numbers.
pub fn judged_by_f64(text: &str) -> bool {
    text.len() <= 300 && !text.contains(['e', 'E']) && significant_digits(text) <= F64_DIGITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_numbers_and_exponents_need_exact_judges() {
        for text in [
            "10.999999999999999999",
            "9007199254740993",
            "-1e-400",
            "2E3",
        ] {
            assert!(!judged_by_f64(text), "{text}");
        }
        let tiny = format!("0.{}1", "0".repeat(400));
        assert!(!judged_by_f64(&tiny));
        for text in ["123456789012345", "0.5", "-12.25", "100000000000000000000"] {
            assert!(judged_by_f64(text), "{text}");
        }
        let reply: serde_json::Value =
            serde_json::from_str(r#"{"a": {"b": [1, "12345678901234567890", 0.5]}}"#).unwrap();
        assert!(!f64_may_misjudge(&reply));
        let reply: serde_json::Value =
            serde_json::from_str(r#"{"a": {"b": [1, 12345678901234567890, 0.5]}}"#).unwrap();
        assert!(f64_may_misjudge(&reply));
    }
}
