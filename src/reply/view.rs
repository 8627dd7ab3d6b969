//! The compact reading's side of [`ReplyValue`]: the fast path's tree read as any reply
//! value is (the trait itself, and its `serde_json` side, are `values::view`'s).

use super::compact::{Json, Number};
use crate::values::number::Decimal;
pub use crate::values::view::ReplyValue;

impl<'v> ReplyValue<'v> for &'v Json<'v> {
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
