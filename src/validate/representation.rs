//! How the jsonschema crate reads a compact reply (`reply::compact`): its `Json`
//! representation traits, implemented over the arena tree.
//!
//! The schema must judge a compact reply exactly as it judges the same reply as a
//! `serde_json::Value`. Where the crate's defaults would build a `Value` on the hot path
//! (`enum`, `const`, `uniqueItems`), this module answers from the tree with the same JSON
//! semantics (numbers compare by value: `1 == 1.0`); anything rarer goes through
//! `to_value`, correct by construction. The property tests hold both verdicts equal.

use std::borrow::Cow;

use jsonschema::json::{Array, Json, JsonNumber, Node, NodeIdentity, Object, cmp, unique};
use jsonschema::types::JsonType;
use serde_json::Value;

use crate::reply::compact::{self, Member, Number};

/// The compact reply as a jsonschema representation.
pub struct Compact;

impl Json for Compact {
    type Node<'a> = &'a compact::Json<'a>;
    type PreparedKey = String;
    type StringBuffer = ();

    // Objects are searched member by member, so a pass over the members costs less than
    // two lookups.
    const KEYS_PER_LOOKUP: usize = 2;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>((): &mut (), string: &str, f: impl FnOnce(Self::Node<'_>) -> T) -> T {
        f(&compact::Json::String(string))
    }
}

impl JsonNumber for Number<'_> {
    fn as_u64(&self) -> Option<u64> {
        Number::as_u64(*self)
    }

    fn as_i64(&self) -> Option<i64> {
        Number::as_i64(*self)
    }

    fn as_f64(&self) -> Option<f64> {
        Number::as_f64(*self)
    }

    fn as_str(&self) -> Cow<'_, str> {
        match self {
            Number::Text(text) => Cow::Borrowed(text),
            _ => Cow::Owned(self.to_number().to_string()),
        }
    }

    fn to_number(&self) -> Cow<'_, serde_json::Number> {
        Cow::Owned(Number::to_number(*self))
    }

    fn is_integer(&self) -> bool {
        // As the default (through `to_number`), without building a `serde_json::Number`.
        match self {
            Number::PosInt(_) | Number::NegInt(_) => true,
            Number::Text(_) => Number::as_f64(*self).is_some_and(|f| f.fract() == 0.0),
        }
    }

    fn is_written_as_integer(&self) -> bool {
        matches!(self, Number::PosInt(_) | Number::NegInt(_))
    }
}

impl<'a> Node<'a, Compact> for &'a compact::Json<'a> {
    type Object = &'a [Member<'a>];
    type Array = &'a [compact::Json<'a>];
    type Number = Number<'a>;

    fn as_object(&self) -> Option<&'a [Member<'a>]> {
        match self {
            compact::Json::Object(members) => Some(members),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<&'a [compact::Json<'a>]> {
        match self {
            compact::Json::Array(items) => Some(items),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self {
            compact::Json::String(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<Number<'a>> {
        match self {
            compact::Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self {
            compact::Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, compact::Json::Null)
    }

    fn json_type(&self) -> JsonType {
        match self {
            compact::Json::Null => JsonType::Null,
            compact::Json::Bool(_) => JsonType::Boolean,
            compact::Json::Number(_) => JsonType::Number,
            compact::Json::String(_) => JsonType::String,
            compact::Json::Array(_) => JsonType::Array,
            compact::Json::Object(_) => JsonType::Object,
        }
    }

    fn string_length(&self) -> Option<u64> {
        match self {
            compact::Json::String(s) => Some(s.chars().count() as u64),
            _ => None,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        equal(self, expected)
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(compact::Json::to_value(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref(*self) as usize))
    }
}

/// JSON equality of a reply's value and a schema's (`const`, `enum`), as
/// `jsonschema::json::cmp::equal` decides it for two `Value`s.
fn equal(value: &compact::Json<'_>, expected: &Value) -> bool {
    match (value, expected) {
        (compact::Json::Null, Value::Null) => true,
        (compact::Json::Bool(a), Value::Bool(b)) => a == b,
        (compact::Json::Number(a), Value::Number(b)) => cmp::equal_numbers(a, b),
        (compact::Json::String(a), Value::String(b)) => *a == b,
        (compact::Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| equal(x, y))
        }
        // A compact object never holds a key twice, so equal sizes and every member found
        // equal make the two objects equal.
        (compact::Json::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|m| b.get(m.key).is_some_and(|y| equal(&m.value, y)))
        }
        _ => false,
    }
}

impl<'a> Object<'a, Compact> for &'a [Member<'a>] {
    type Node = &'a compact::Json<'a>;
    type MemberName = &'a str;
    type MembersIter = std::iter::Map<
        std::slice::Iter<'a, Member<'a>>,
        fn(&'a Member<'a>) -> (&'a str, &'a compact::Json<'a>),
    >;

    fn len(&self) -> usize {
        <[Member<'a>]>::len(self)
    }

    fn get(&self, key: &String) -> Option<&'a compact::Json<'a>> {
        self.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    fn members(&self) -> Self::MembersIter {
        self.iter().map(|m| (m.key, &m.value))
    }
}

impl<'a> Array<'a, Compact> for &'a [compact::Json<'a>] {
    type Node = &'a compact::Json<'a>;
    type ElementsIter = std::slice::Iter<'a, compact::Json<'a>>;

    fn len(&self) -> usize {
        <[compact::Json<'a>]>::len(self)
    }

    fn elements(&self) -> Self::ElementsIter {
        self.iter()
    }

    /// A list of strings (a multiple choice) is compared as strings; anything else as
    /// `Value`s, by the crate's own test.
    fn is_unique(&self) -> bool {
        let strings: Option<Vec<&str>> = self
            .iter()
            .map(|item| match item {
                compact::Json::String(s) => Some(*s),
                _ => None,
            })
            .collect();
        if let Some(mut strings) = strings {
            strings.sort_unstable();
            strings.windows(2).all(|pair| pair[0] != pair[1])
        } else {
            let values: Vec<Value> = self.iter().map(compact::Json::to_value).collect();
            unique::is_unique(&values)
        }
    }
}
