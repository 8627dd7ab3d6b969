//! JSON replies. The fast path is `serde_json` with a visitor that refuses duplicate keys
//! (`serde_json` alone keeps the last one silently, and a reply must never lose an answer).
//! Only when that fails does jsonc-parser (strict settings) run, to place the fault: the
//! syntax error, or both copies of a duplicate key.

use std::fmt;

use jsonc_parser::CollectOptions;
use jsonc_parser::ast;
use jsonc_parser::common::Ranged;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::escape_pointer;
use crate::findings::words::{self, Args};
use crate::findings::{Anchor, Code, Finding, Location, Related, Severity};

/// `serde_json`'s own guard against deep recursion: a reply can never nest deeper.
pub(super) const SERDE_JSON_DEPTH: usize = 127;

/// A JSON reply: its value and the findings reading it gave (a key given twice, whose later
/// answer is the one judged), or only findings when it cannot be read.
pub fn parse(text: &str, max_depth: usize) -> Result<(Value, Vec<Finding>), Vec<Finding>> {
    match read(text, max_depth, false) {
        Ok(value) => Ok((value, Vec::new())),
        Err(error) if error.to_string().starts_with(DUPLICATE) => {
            // Report every key given twice, then judge the reply as JSON readers commonly
            // read it, keeping the later answer: every other fault shows in the same round.
            let findings = explain(text, &error);
            let all_duplicates = findings.iter().all(|f| f.code == Code::DuplicateKey);
            match read(text, max_depth, true) {
                Ok(value) if all_duplicates => Ok((value, findings)),
                _ => Err(findings),
            }
        }
        Err(error) => Err(refused(text, &error, max_depth)),
    }
}

/// Read with the strict visitor; `keep_later` takes a key given twice with its later value
/// instead of failing.
fn read(text: &str, max_depth: usize, keep_later: bool) -> Result<Value, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    Strict {
        text,
        depth: 0,
        max: max_depth.min(SERDE_JSON_DEPTH),
        keep_later,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value))
}

const DUPLICATE: &str = "duplicate key";

/// The findings of a text the strict reading refused.
fn refused(text: &str, error: &serde_json::Error, max_depth: usize) -> Vec<Finding> {
    match error {
        error
            if error.to_string().starts_with(TOO_DEEP)
                || error.to_string().starts_with("recursion limit") =>
        {
            // Never hand a deeply nested text to the recursive jsonc-parser.
            let offset = offset_of(text, error.line(), error.column()).saturating_sub(1);
            vec![super::limits::too_deep_finding(
                max_depth.min(SERDE_JSON_DEPTH),
                offset,
            )]
        }
        error => explain(text, error),
    }
}

const TOO_DEEP: &str = "nested too deeply";

/// Findings for a JSON text `serde_json` refused.
fn explain(text: &str, error: &serde_json::Error) -> Vec<Finding> {
    let syntax = |detail: String, span: std::ops::Range<usize>| {
        let said = words::say("json-syntax", &Args::new().text("detail", detail));
        Finding::said(Code::Syntax, Severity::Error, said, Anchor::Span(span))
    };
    match jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict_options()) {
        Err(error) => {
            let range = error.range();
            vec![syntax(
                lowercase_first(&error.kind().to_string()),
                range.start..range.end.max(range.start),
            )]
        }
        Ok(result) => {
            let mut findings = Vec::new();
            if let Some(value) = &result.value {
                duplicates(value, &mut String::new(), &mut findings);
            }
            if findings.is_empty() {
                // jsonc-parser accepted what serde_json did not: a number out of range.
                let offset = offset_of(text, error.line(), error.column());
                findings.push(syntax(
                    strip_position(&error.to_string()).to_string(),
                    offset..offset,
                ));
            }
            findings
        }
    }
}

pub(super) fn strict_options() -> jsonc_parser::ParseOptions {
    jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().collect::<String>() + chars.as_str()
    })
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// Byte offset of a 1-based line and column (`serde_json` counts columns in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

fn duplicates(value: &ast::Value<'_>, pointer: &mut String, findings: &mut Vec<Finding>) {
    match value {
        ast::Value::Object(object) => {
            let mut seen: std::collections::HashMap<&str, jsonc_parser::common::Range> =
                std::collections::HashMap::new();
            for prop in &object.properties {
                let name = prop.name.as_str();
                let range = prop.name.range();
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape_pointer(name));
                if let Some(first) = seen.get(name) {
                    let said = words::say(
                        "duplicate-key",
                        &Args::new().text("key", crate::findings::visible::echo(name)),
                    );
                    let first_given = words::phrase("duplicate-key-first", &Args::new());
                    let finding = Finding::said(
                        Code::DuplicateKey,
                        Severity::Error,
                        said,
                        Location::answer(pointer.clone(), Anchor::Span(range.start..range.end)),
                    )
                    .with_related(Related::at_span(first.start..first.end, first_given));
                    findings.push(finding);
                } else {
                    seen.insert(name, range);
                }
                duplicates(&prop.value, pointer, findings);
                pointer.truncate(len);
            }
        }
        ast::Value::Array(array) => {
            for (i, element) in array.elements.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                duplicates(element, pointer, findings);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Deserializes a `serde_json::Value`, failing on a duplicate key or on nesting deeper
/// than `max` arrays and objects; numbers keep their text.
#[derive(Clone, Copy)]
struct Strict<'t> {
    /// The text being read (to tell `serde_json`'s numbers from the reply's objects).
    text: &'t str,
    depth: usize,
    max: usize,
    /// Take a key given twice with its later value, rather than fail.
    keep_later: bool,
}

impl Strict<'_> {
    fn inner<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= self.max {
            return Err(E::custom(TOO_DEEP));
        }
        Ok(Self {
            depth: self.depth + 1,
            ..self
        })
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        // With arbitrary precision, serde_json hands every float over as its text.
        Err(E::custom("a number without its text"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.inner()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut next = access.next_key_seed(Key)?;
        if let Some((key, borrowed)) = &next
            && crate::values::number::is_number_token(key, *borrowed, self.text)
        {
            let text: String = access.next_value()?;
            return crate::values::number::from_text(&text)
                .map(Value::Number)
                .ok_or_else(|| de::Error::custom("not a number"));
        }
        let inner = self.inner()?;
        let mut map = Map::new();
        while let Some((key, _)) = next {
            let value = access.next_value_seed(inner)?;
            if map.insert(key.into_owned(), value).is_some() && !self.keep_later {
                return Err(de::Error::custom(DUPLICATE));
            }
            next = access.next_key_seed(Key)?;
        }
        Ok(Value::Object(map))
    }
}

/// An object key, and whether it was handed over borrowed.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = (std::borrow::Cow<'de, str>, bool);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = (std::borrow::Cow<'de, str>, bool);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok((v.into(), true))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok((v.to_owned().into(), false))
    }
}
