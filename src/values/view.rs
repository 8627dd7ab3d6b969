//! What canvass reads of a reply's values, whichever way the reply was read: a
//! `serde_json::Value` (the full walk, TOML replies) or a compact tree (the fast path).
//! Expressions and the residual checks are written once, against this trait.
//!
//! It only reads; it never says whether a value is right.

use std::borrow::Cow;

use serde_json::Value;

use super::number::Decimal;

/// Which of JSON's kinds a value is, with a string's text: what the walk matches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind<'v> {
    Null,
    Bool(bool),
    Number,
    String(&'v str),
    Array,
    Object,
}

/// A handle on one value of a reply; cheap to copy.
pub trait ReplyValue<'v>: Copy {
    fn kind(self) -> Kind<'v>;
    fn is_null(self) -> bool;
    fn as_bool(self) -> Option<bool>;
    /// A number's exact value as written, if it fits in 28 significant digits.
    fn as_decimal(self) -> Option<Decimal>;
    /// A number as `serde_json` writes it (read with arbitrary precision: `1E5` is
    /// `1e+5`), for a finding to show.
    fn number_text(self) -> Option<Cow<'v, str>>;
    /// Whether an `f64` judges this value exactly (true but for some numbers).
    fn judged_by_f64(self) -> bool;
    fn as_str(self) -> Option<&'v str>;
    /// The items of an array.
    fn items(self) -> Option<impl ExactSizeIterator<Item = Self> + Clone>;
    /// The members of an object, in the order written.
    fn members(self) -> Option<impl Iterator<Item = (&'v str, Self)>>;
    /// The value of `key`, if this is an object that has it.
    fn get(self, key: &str) -> Option<Self>;
    /// The value's JSON text (a table key that is not a string is compared by it).
    fn json_text(self) -> String;
}

impl<'v> ReplyValue<'v> for &'v Value {
    fn kind(self) -> Kind<'v> {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            Value::Number(_) => Kind::Number,
            Value::String(s) => Kind::String(s),
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    fn is_null(self) -> bool {
        Value::is_null(self)
    }

    fn as_bool(self) -> Option<bool> {
        Value::as_bool(self)
    }

    fn as_decimal(self) -> Option<Decimal> {
        match self {
            Value::Number(n) => super::number::of(n),
            _ => None,
        }
    }

    fn number_text(self) -> Option<Cow<'v, str>> {
        match self {
            Value::Number(n) => Some(Cow::Borrowed(n.as_str())),
            _ => None,
        }
    }

    fn judged_by_f64(self) -> bool {
        match self {
            Value::Number(n) => super::precision::judged_by_f64(n.as_str()),
            _ => true,
        }
    }

    fn as_str(self) -> Option<&'v str> {
        Value::as_str(self)
    }

    fn items(self) -> Option<impl ExactSizeIterator<Item = Self> + Clone> {
        self.as_array().map(|items| items.iter())
    }

    fn members(self) -> Option<impl Iterator<Item = (&'v str, Self)>> {
        self.as_object()
            .map(|members| members.iter().map(|(k, v)| (k.as_str(), v)))
    }

    fn get(self, key: &str) -> Option<Self> {
        Value::get(self, key)
    }

    fn json_text(self) -> String {
        self.to_string()
    }
}
