//! A JSON reply read for the fast path: a tree in a bump arena whose strings borrow the
//! reply's text, built by `serde_json`'s own parser.
//!
//! Most replies are valid, and for them reading the reply is most of the work. A
//! `serde_json::Value` allocates every string and builds a hashed index per object; this
//! tree allocates nothing per value (the arena is reused reply after reply) and hashes
//! nothing. It answers "is this reply clean?" — to the schema (through
//! `validate::representation`) and to the residual checks; a reply with something to
//! report is walked over the same tree, and its findings placed through it (its keys are
//! slices of the text, so their places are known).
//!
//! It must accept exactly the texts [`super::parse`] accepts, and hold the same value:
//! the same parser, the same depth limit, duplicate keys refused (the property tests hold
//! it to that). It never explains: on any fault it gives up, and the full parse says what
//! is wrong and where.

use std::cell::{Cell, RefCell};
use std::fmt;

use bumpalo::Bump;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Format, Limits};
use crate::values::number;

mod scan;

/// A JSON value in the arena.
#[derive(Debug, Clone, Copy)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number<'a>),
    String(&'a str),
    Array(&'a [Json<'a>]),
    /// Members in the order written; no key twice.
    Object(&'a [Member<'a>]),
}

/// A reply read compactly: its value, and whether some number in it is one an `f64` may
/// misjudge (told while reading, so that no second walk over the reply looks for one).
/// It reads as its value.
#[derive(Debug, Clone, Copy)]
pub struct Compact<'a> {
    pub root: Json<'a>,
    pub may_misjudge: bool,
}

impl<'a> std::ops::Deref for Compact<'a> {
    type Target = Json<'a>;

    fn deref(&self) -> &Json<'a> {
        &self.root
    }
}

/// One member of an object.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    pub key: &'a str,
    pub value: Json<'a>,
}

/// A JSON number as `serde_json` reads it with arbitrary precision: a non-negative
/// integer, a negative one, or the text of any other number (a fraction, an exponent, an
/// integer beyond 64 bits), kept as written.
#[derive(Debug, Clone, Copy)]
pub enum Number<'a> {
    PosInt(u64),
    NegInt(i64),
    Text(&'a str),
}

impl Number<'_> {
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Self::PosInt(n) => Some(n),
            Self::NegInt(_) | Self::Text(_) => None,
        }
    }

    pub fn as_i64(self) -> Option<i64> {
        match self {
            Self::PosInt(n) => i64::try_from(n).ok(),
            Self::NegInt(n) => Some(n),
            Self::Text(_) => None,
        }
    }

    /// As `serde_json`'s `Number::as_f64`: the nearest `f64`, if finite.
    #[allow(clippy::cast_precision_loss)]
    pub fn as_f64(self) -> Option<f64> {
        match self {
            Self::PosInt(n) => Some(n as f64),
            Self::NegInt(n) => Some(n as f64),
            Self::Text(text) => text.parse::<f64>().ok().filter(|f| f.is_finite()),
        }
    }

    /// The exact value, if it fits in 28 significant digits.
    pub fn exact(self) -> Option<crate::values::number::Decimal> {
        match self {
            Self::PosInt(n) => Some(n.into()),
            Self::NegInt(n) => Some(n.into()),
            Self::Text(text) => crate::values::number::exact(text),
        }
    }

    /// The same number as `serde_json` holds it.
    pub fn to_number(self) -> serde_json::Number {
        match self {
            Self::PosInt(n) => n.into(),
            Self::NegInt(n) => n.into(),
            // Only the parser's own number texts are ever stored (see `Build::visit_map`).
            Self::Text(text) => crate::values::number::from_text(text).unwrap_or_else(|| 0.into()),
        }
    }
}

impl<'a> Json<'a> {
    /// The same value as a `serde_json::Value` (for cold paths: a schema error's instance).
    pub fn to_value(&self) -> Value {
        match *self {
            Self::Null => Value::Null,
            Self::Bool(b) => Value::Bool(b),
            Self::Number(n) => Value::Number(n.to_number()),
            Self::String(s) => Value::String(s.to_owned()),
            Self::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Self::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|m| (m.key.to_owned(), m.value.to_value()))
                    .collect(),
            ),
        }
    }

    /// The value of `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        match self {
            Self::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }
}

/// Read a reply's text compactly and hand it to `f`; `None` when it is not a JSON reply
/// that [`super::parse`] would accept within `limits` (the full parse then says why).
pub fn read<T>(
    text: &str,
    format: Format,
    limits: &Limits,
    f: impl FnOnce(&Compact<'_>) -> T,
) -> Option<T> {
    thread_local! {
        static READER: RefCell<Reader> = RefCell::default();
    }
    if format != Format::Json || text.len() > limits.max_bytes {
        return None;
    }
    // Offsets do not matter here, so the byte-order mark goes rather than being blanked.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    READER.with_borrow_mut(|reader| reader.read(text, limits.max_depth).map(|c| f(&c)))
}

/// Where one thread reads its replies: the arena, reused from one reply to the next.
#[derive(Default)]
struct Reader {
    arena: Bump,
}

impl Reader {
    fn read<'a>(&'a mut self, text: &'a str, max_depth: usize) -> Option<Compact<'a>> {
        self.arena.reset();
        let arena = &self.arena;
        let max_depth = max_depth.min(super::json::SERDE_JSON_DEPTH);
        // Most replies read at once; the rest (escapes, faults) through serde_json, which
        // decides. What the scan left in the arena is only garbage until the next reset.
        if let Some(compact) = scan::scan(text, arena, max_depth) {
            return Some(compact);
        }
        read_through_serde(text, arena, max_depth)
    }
}

/// The reading through `serde_json`: any JSON text, within `max_depth`.
fn read_through_serde<'a>(text: &'a str, arena: &'a Bump, max_depth: usize) -> Option<Compact<'a>> {
    let mut items = Vec::with_capacity(64);
    let mut members = Vec::with_capacity(64);
    let may_misjudge = Cell::new(false);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Build {
        arena,
        text,
        items: &mut items,
        members: &mut members,
        may_misjudge: &may_misjudge,
        depth: 0,
        max: max_depth,
    }
    .deserialize(&mut deserializer)
    .ok()?;
    deserializer.end().ok()?;
    Some(Compact {
        root: value,
        may_misjudge: may_misjudge.get(),
    })
}

/// Builds one value. Children are gathered on shared stacks and copied into the arena,
/// contiguous, once their container closes.
struct Build<'s, 'a> {
    arena: &'a Bump,
    /// The text being read (to tell `serde_json`'s numbers from the reply's objects).
    text: &'a str,
    items: &'s mut Vec<Json<'a>>,
    members: &'s mut Vec<Member<'a>>,
    /// Set once a number is read that an `f64` may misjudge.
    may_misjudge: &'s Cell<bool>,
    depth: usize,
    max: usize,
}

impl<'a> Build<'_, 'a> {
    /// Refuse a container nested deeper than the limit (as the full parse does, even for
    /// an empty one).
    fn enter<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= self.max {
            return Err(E::custom("nested too deeply"));
        }
        Ok(())
    }

    /// A number, noted when an `f64` may misjudge it (the same test as
    /// [`crate::values::precision::f64_may_misjudge`] makes of each number of a reply).
    fn number(&self, n: Number<'a>) -> Json<'a> {
        let json = Json::Number(n);
        if !crate::reply::view::ReplyValue::judged_by_f64(&json) {
            self.may_misjudge.set(true);
        }
        json
    }

    /// The builder of a child of the container being built.
    fn inner(&mut self) -> Build<'_, 'a> {
        Build {
            arena: self.arena,
            text: self.text,
            items: self.items,
            members: self.members,
            may_misjudge: self.may_misjudge,
            depth: self.depth + 1,
            max: self.max,
        }
    }
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for Build<'_, 'a> {
    type Value = Json<'a>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'a>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for Build<'_, 'a> {
    type Value = Json<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json<'a>, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json<'a>, E> {
        Ok(self.number(match u64::try_from(v) {
            Ok(n) => Number::PosInt(n),
            Err(_) => Number::NegInt(v),
        }))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json<'a>, E> {
        Ok(self.number(Number::PosInt(v)))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Json<'a>, E> {
        // With arbitrary precision, serde_json hands every float over as its text.
        Err(E::custom("a number without its text"))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'a>, E> {
        Ok(Json::String(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json<'a>, E> {
        // A string with escapes, unescaped by the parser into its scratch buffer.
        Ok(Json::String(self.arena.alloc_str(v)))
    }

    fn visit_unit<E>(self) -> Result<Json<'a>, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Json<'a>, A::Error> {
        self.enter()?;
        let base = self.items.len();
        while let Some(item) = seq.next_element_seed(self.inner())? {
            self.items.push(item);
        }
        let items = self.arena.alloc_slice_copy(&self.items[base..]);
        self.items.truncate(base);
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut access: A) -> Result<Json<'a>, A::Error> {
        let mut next = access.next_key_seed(Key(self.arena))?;
        if let Some((key, borrowed)) = next
            && number::is_number_token(key, borrowed, self.text)
        {
            let text: String = access.next_value()?;
            return Ok(self.number(Number::Text(self.arena.alloc_str(&text))));
        }
        self.enter()?;
        let base = self.members.len();
        while let Some((key, _)) = next {
            let value = access.next_value_seed(self.inner())?;
            self.members.push(Member { key, value });
            next = access.next_key_seed(Key(self.arena))?;
        }
        if has_duplicate(&self.members[base..]) {
            return Err(de::Error::custom("duplicate key"));
        }
        let members = self.arena.alloc_slice_copy(&self.members[base..]);
        self.members.truncate(base);
        Ok(Json::Object(members))
    }
}

/// Whether two members share a key: compared pairwise in the small objects replies are
/// made of, sorted in a large one.
fn has_duplicate(members: &[Member<'_>]) -> bool {
    if members.len() <= 32 {
        return members
            .iter()
            .enumerate()
            .any(|(i, m)| members[i + 1..].iter().any(|n| n.key == m.key));
    }
    let mut keys: Vec<&str> = members.iter().map(|m| m.key).collect();
    keys.sort_unstable();
    keys.windows(2).any(|pair| pair[0] == pair[1])
}

/// An object key: borrowed from the text, or copied into the arena when it has escapes;
/// and whether it was handed over borrowed.
struct Key<'a>(&'a Bump);

impl<'de: 'a, 'a> DeserializeSeed<'de> for Key<'a> {
    type Value = (&'a str, bool);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for Key<'a> {
    type Value = (&'a str, bool);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok((v, true))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok((self.0.alloc_str(v), false))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Compact, Format, Limits, read, read_through_serde, scan::scan};

    /// `Json::to_value` for any lifetime of the tree (the method's own path names one).
    fn to_value(json: &Compact<'_>) -> serde_json::Value {
        json.to_value()
    }

    /// A JSON document as written: objects may repeat a key.
    #[derive(Debug, Clone)]
    enum Doc {
        Leaf(String),
        Array(Vec<Doc>),
        Object(Vec<(String, Doc)>),
    }

    impl Doc {
        fn write(&self, out: &mut String) {
            match self {
                Doc::Leaf(text) => out.push_str(text),
                Doc::Array(items) => {
                    out.push('[');
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        item.write(out);
                    }
                    out.push(']');
                }
                Doc::Object(members) => {
                    out.push_str("{ ");
                    for (i, (key, value)) in members.iter().enumerate() {
                        if i > 0 {
                            out.push_str(",\n");
                        }
                        out.push_str(&serde_json::to_string(key).unwrap());
                        out.push_str(": ");
                        value.write(out);
                    }
                    out.push('}');
                }
            }
        }
    }

    /// A place in `text` drawn by `at` (its end included), moved back to a character's start.
    fn boundary(text: &str, at: prop::sample::Index) -> usize {
        let mut at = at.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn docs() -> impl Strategy<Value = Doc> {
        let leaf = prop_oneof![
            Just("null".to_string()),
            Just("true".to_string()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<u64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|f| format!("{f:e}")),
            Just("1.0".to_string()),
            Just("-0".to_string()),
            Just("1e400".to_string()),
            Just("18446744073709551616".to_string()),
            Just("-9223372036854775808".to_string()),
            Just("-9223372036854775809".to_string()),
            Just("1E5".to_string()),
            Just("-0.0e-0".to_string()),
            Just("0.1E+2".to_string()),
            Just("1000.0000000000000001".to_string()),
            "[a-z\"\\\\/ é\u{1F600}\t]{0,6}".prop_map(|s| serde_json::to_string(&s).unwrap()),
            Just(r#""\ud83d\ude00 \u00e9""#.to_string()),
        ];
        leaf.prop_map(Doc::Leaf).prop_recursive(5, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Doc::Array),
                // Few key names, so some objects repeat one.
                prop::collection::vec(("[ab\"é\\\\]{0,2}", inner), 0..5).prop_map(Doc::Object),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The compact reading accepts exactly what the full parse accepts, and holds the
        /// same value, whatever the text: repeated keys, nesting past the limit, numbers
        /// past 64 bits, escapes, and texts broken by one inserted or deleted byte.
        #[test]
        fn reads_exactly_what_the_full_parse_reads(
            doc in docs(),
            max_depth in 0usize..6,
            edit in prop::option::of((any::<prop::sample::Index>(), prop::option::of("[\\[\\]{},:\"\\\\0-9eE.\\-+ tn\u{1}]"))),
            bom in any::<bool>(),
        ) {
            let mut text = String::new();
            doc.write(&mut text);
            if let Some((at, insert)) = edit {
                let at = boundary(&text, at);
                match insert {
                    Some(s) => text.insert_str(at, &s),
                    None if at < text.len() => {
                        text.remove(at);
                    }
                    None => {}
                }
            }
            if bom {
                text.insert(0, '\u{feff}');
            }
            let limits = Limits { max_depth, ..Limits::default() };
            // A key given twice reads in full (with a finding), never compactly.
            let full = super::super::parse(&text, Format::Json, &limits)
                .ok()
                .filter(|(_, read)| read.is_empty())
                .map(|(value, _)| value);
            let compact = read(&text, Format::Json, &limits, to_value);
            prop_assert_eq!(compact, full, "{}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Where the scan reads a text, it reads what `serde_json` reads (the same value,
        /// the same misjudge flag); and it reads every text `serde_json` reads that has no
        /// backslash, so it gives up only where it must.
        #[test]
        fn the_scan_reads_what_serde_json_reads(
            doc in docs(),
            max_depth in 0usize..6,
            edit in prop::option::of((any::<prop::sample::Index>(), "[\\[\\]{},:\"0-9eE.\\-+ tn\u{1}]")),
        ) {
            let mut text = String::new();
            doc.write(&mut text);
            if let Some((at, insert)) = edit {
                text.insert_str(boundary(&text, at), &insert);
            }
            let arena = bumpalo::Bump::new();
            let flagged = |c: Compact<'_>| (c.to_value(), c.may_misjudge);
            let scanned = scan(&text, &arena, max_depth).map(flagged);
            let through_serde = read_through_serde(&text, &arena, max_depth).map(flagged);
            if scanned.is_some() || !text.contains('\\') {
                prop_assert_eq!(scanned, through_serde, "{}", text);
            }
        }
    }

    #[test]
    fn the_scan_reads_numbers_as_serde_json_does() {
        let arena = bumpalo::Bump::new();
        for text in [
            "0",
            "-0",
            "7",
            "-7",
            "1.50",
            "-0.0",
            "1E5",
            "1e-5",
            "2E+3",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "9007199254740993",
            "[1,2.5,-3e0]",
        ] {
            let scanned = scan(text, &arena, 4).expect(text);
            let serde = read_through_serde(text, &arena, 4).expect(text);
            assert_eq!(
                format!("{:?}", scanned.root),
                format!("{:?}", serde.root),
                "{text}"
            );
            assert_eq!(scanned.may_misjudge, serde.may_misjudge, "{text}");
        }
        for text in [
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "- 1",
            "1 2",
            "[1,]",
            "{\"a\":1,}",
        ] {
            assert!(scan(text, &arena, 4).is_none(), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_json_or_over_the_limits() {
        let limits = Limits::default();
        let value = |text: &str| read(text, Format::Json, &limits, to_value);
        assert!(value(r#"{"a": 1, "a": 2}"#).is_none());
        assert!(value(r#"{"a": 1} x"#).is_none());
        assert!(value("a = 1").is_none());
        assert!(read("{}", Format::Toml, &limits, |_| ()).is_none());
        let deep = "[".repeat(33) + &"]".repeat(33);
        assert!(value(&deep).is_none());
        assert!(value(&deep[1..deep.len() - 1]).is_some());
        let small = Limits {
            max_bytes: 4,
            ..Limits::default()
        };
        assert!(read("[1,2]", Format::Json, &small, |_| ()).is_none());
        assert_eq!(
            value("\u{feff}{\"a\\u00e9\": [1, -2, 2.5, \"x\\n\"]}"),
            Some(serde_json::json!({"aé": [1, -2, 2.5, "x\n"]}))
        );
    }
}
