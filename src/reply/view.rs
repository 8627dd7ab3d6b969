//! The compact reading's side of [`ReplyValue`]: the fast path's tree read as any reply
//! value is (the trait itself, and its `serde_json` side, are `values::view`'s).

use std::borrow::Cow;

use super::compact::{Json, Number};
use crate::values::number::Decimal;
pub use crate::values::view::{Kind, ReplyValue};

impl<'v> ReplyValue<'v> for &'v Json<'v> {
    fn kind(self) -> Kind<'v> {
        match self {
            Json::Null => Kind::Null,
            Json::Bool(b) => Kind::Bool(*b),
            Json::Number(_) => Kind::Number,
            Json::String(s) => Kind::String(s),
            Json::Array(_) => Kind::Array,
            Json::Object(_) => Kind::Object,
        }
    }

    fn is_null(self) -> bool {
        matches!(self, Json::Null)
    }

    fn as_bool(self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn as_decimal(self) -> Option<Decimal> {
        match self {
            Json::Number(n) => n.exact(),
            _ => None,
        }
    }

    fn number_text(self) -> Option<Cow<'v, str>> {
        // As the same number reads once turned into a `serde_json::Value` (`to_value`).
        match self {
            Json::Number(Number::Text(text)) => Some(Cow::Borrowed(text)),
            Json::Number(Number::PosInt(n)) => Some(Cow::Owned(n.to_string())),
            Json::Number(Number::NegInt(n)) => Some(Cow::Owned(n.to_string())),
            _ => None,
        }
    }

    fn judged_by_f64(self) -> bool {
        const EXACT_IN_F64: u64 = 1 << 53;
        match self {
            Json::Number(Number::PosInt(n)) => *n <= EXACT_IN_F64,
            Json::Number(Number::NegInt(n)) => n.unsigned_abs() <= EXACT_IN_F64,
            Json::Number(Number::Text(text)) => crate::values::precision::judged_by_f64(text),
            _ => true,
        }
    }

    fn as_str(self) -> Option<&'v str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    fn items(self) -> Option<impl ExactSizeIterator<Item = Self> + Clone> {
        match self {
            Json::Array(items) => Some(items.iter()),
            _ => None,
        }
    }

    fn members(self) -> Option<impl Iterator<Item = (&'v str, Self)>> {
        match self {
            Json::Object(members) => Some(members.iter().map(|m| (m.key, &m.value))),
            _ => None,
        }
    }

    fn get(self, key: &str) -> Option<Self> {
        Json::get(self, key)
    }

    fn json_text(self) -> String {
        self.to_value().to_string()
    }
}
