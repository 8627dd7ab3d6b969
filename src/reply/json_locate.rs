//! Spans in a JSON reply that has already parsed: the key and value of the member a pointer
//! names, found by scanning the text along the pointer and skipping every other member
//! unread. No tree is built, so placing the few findings of a reply costs a fraction of
//! parsing it again.
//!
//! The text must be well-formed JSON; on anything else the lookup gives up with `None`,
//! never a wrong span. A key given twice names its later member, the one that is judged.

use std::collections::HashMap;

use super::compact::Json;
use crate::source::Span;

/// Key (for an object member) and value spans.
pub type Place = (Option<Span>, Span);

/// The members of the objects and arrays looked into so far, by the offset where each
/// starts: a container is scanned once, however many findings point into it (a table of
/// 10,000 rows with a finding on each would otherwise be scanned once per finding). Holds
/// one span per member scanned, so it grows with the reply, never beyond it.
#[derive(Default)]
pub struct Scanned {
    containers: HashMap<usize, Option<Members>>,
}

enum Members {
    /// Each member's place, in the order written; its key is read from the text when a
    /// pointer asks for it (most members are never asked for), and a key given twice names
    /// its last member, the one that is judged.
    Object(Vec<Place>),
    /// A large object (a section of 10,000 unknown keys, each with its finding), indexed
    /// by each key decoded, so that a lookup does not read every key.
    Large(HashMap<String, Place>),
    Array(Vec<Span>),
}

/// Most members of an object searched one by one.
const SEARCHED: usize = 32;

/// The member `segments` lead to, from the top-level value.
pub fn place<'s>(
    text: &str,
    segments: impl Iterator<Item = std::borrow::Cow<'s, str>>,
    scanned: &mut Scanned,
) -> Option<Place> {
    let b = text.as_bytes();
    let start = skip_space(b, 0);
    let mut segments = segments.peekable();
    if segments.peek().is_none() {
        return Some((None, start..value_end(b, start)?));
    }
    // Only the start of each value on the way is needed: scanning to the end of the whole
    // document for every finding would cost the reply's size each time.
    let mut place: Place = (None, start..start);
    for segment in segments {
        let members = scanned
            .containers
            .entry(place.1.start)
            .or_insert_with(|| members(text, place.1.start));
        place = match members.as_ref()? {
            Members::Object(places) => places
                .iter()
                .rev()
                .find(|(key, _)| {
                    key.clone()
                        .and_then(|k| decoded(&text[k]))
                        .is_some_and(|k| k == segment)
                })?
                .clone(),
            Members::Large(keys) => keys.get(segment.as_ref())?.clone(),
            Members::Array(items) => (None, items.get(segment.parse::<usize>().ok()?)?.clone()),
        };
    }
    Some(place)
}

/// The member `segments` lead to, found through the reply's compact tree (read from
/// `text`), without scanning past the members before it: the key's own slice of `text`
/// says where the key is, and the value is read from just after it. `None` when the tree
/// cannot tell (the top-level value, an escaped key, an item of a list that is not a
/// string, a tree read from another text): [`place`] then scans.
pub fn place_in_tree<'s>(
    text: &str,
    root: &Json<'_>,
    segments: impl Iterator<Item = std::borrow::Cow<'s, str>>,
) -> Option<Place> {
    let b = text.as_bytes();
    let mut node = root;
    let mut segments = segments.peekable();
    while let Some(segment) = segments.next() {
        // Only the last step's place is needed: the ones before are only followed.
        let last = segments.peek().is_none();
        match node {
            Json::Object(members) => {
                let member = members.iter().find(|m| m.key == segment.as_ref())?;
                if last {
                    let key = quoted_in(text, member.key)?;
                    let colon = skip_space(b, key.end);
                    if b.get(colon) != Some(&b':') {
                        return None;
                    }
                    let start = skip_space(b, colon + 1);
                    return Some((Some(key), start..value_end(b, start)?));
                }
                node = &member.value;
            }
            Json::Array(items) => {
                let item = items.get(segment.parse::<usize>().ok()?)?;
                if last {
                    return match item {
                        Json::String(s) => quoted_in(text, s).map(|span| (None, span)),
                        _ => None,
                    };
                }
                node = item;
            }
            _ => return None,
        }
    }
    None
}

/// Where `slice`, a string of `text` read without escapes, stands in `text` with its
/// quotes; `None` when it is not a slice of `text` as written there.
fn quoted_in(text: &str, slice: &str) -> Option<Span> {
    let start = (slice.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let end = start + slice.len();
    let b = text.as_bytes();
    (start > 0 && b.get(start - 1) == Some(&b'"') && b.get(end) == Some(&b'"'))
        .then(|| start - 1..end + 1)
}

/// Every member of the object or array starting at `start`, in one scan.
fn members(text: &str, start: usize) -> Option<Members> {
    let b = text.as_bytes();
    let (close, object) = match b.get(start)? {
        b'{' => (b'}', true),
        b'[' => (b']', false),
        _ => return None,
    };
    let mut places = Vec::new();
    let mut items = Vec::new();
    let mut at = skip_space(b, start + 1);
    if *b.get(at)? != close {
        loop {
            let key = if object {
                let key_end = string_end(b, at)?;
                let key = at..key_end;
                at = skip_space(b, key_end);
                if *b.get(at)? != b':' {
                    return None;
                }
                at = skip_space(b, at + 1);
                Some(key)
            } else {
                None
            };
            let end = value_end(b, at)?;
            match key {
                Some(key) => places.push((Some(key), at..end)),
                None => items.push(at..end),
            }
            at = skip_space(b, end);
            match *b.get(at)? {
                b',' => at = skip_space(b, at + 1),
                c if c == close => break,
                _ => return None,
            }
        }
    }
    Some(if object && places.len() > SEARCHED {
        let mut keys = HashMap::with_capacity(places.len());
        for place in places {
            let key = place.0.clone()?;
            keys.insert(decoded(&text[key])?.into_owned(), place);
        }
        Members::Large(keys)
    } else if object {
        Members::Object(places)
    } else {
        Members::Array(items)
    })
}

/// What a quoted JSON key says (escapes decoded only when there are any; a key without
/// them is read where it stands).
fn decoded(quoted: &str) -> Option<std::borrow::Cow<'_, str>> {
    let inner = &quoted[1..quoted.len() - 1];
    if inner.contains('\\') {
        serde_json::from_str::<String>(quoted).ok().map(Into::into)
    } else {
        Some(inner.into())
    }
}

fn skip_space(b: &[u8], mut at: usize) -> usize {
    while matches!(b.get(at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        at += 1;
    }
    at
}

/// The end of the string starting with the quote at `at` (after its closing quote).
fn string_end(b: &[u8], at: usize) -> Option<usize> {
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', &b[i..])?;
        if b[i] == b'\\' {
            i += 2;
        } else {
            return Some(i + 1);
        }
    }
}

/// The end of the value starting at `at`.
fn value_end(b: &[u8], at: usize) -> Option<usize> {
    match b.get(at)? {
        b'"' => string_end(b, at),
        &open @ (b'{' | b'[') => {
            // Only this kind of bracket needs counting: the other kind nests inside it.
            let close = if open == b'{' { b'}' } else { b']' };
            let mut depth = 0usize;
            let mut i = at;
            loop {
                i += memchr::memchr3(b'"', open, close, &b[i..])?;
                match b[i] {
                    b'"' => {
                        i = string_end(b, i)?;
                        continue;
                    }
                    c if c == open => depth += 1,
                    _ => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                }
                i += 1;
            }
        }
        _ => {
            let rest = &b[at..];
            let len = rest
                .iter()
                .position(|c| matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n'))
                .unwrap_or(rest.len());
            (len > 0).then_some(at + len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key and value text at a pointer (whose segments need no unescaping here).
    fn find(text: &str, pointer: &str) -> Option<(Option<String>, String)> {
        let segments = pointer.split('/').skip(1).map(std::borrow::Cow::from);
        place(text, segments, &mut Scanned::default())
            .map(|(key, value)| (key.map(|k| text[k].to_string()), text[value].to_string()))
    }

    #[test]
    fn members_and_elements_are_found_past_their_siblings() {
        let text = r#" { "a": "x\"}]", "b" : [1, {"c": [true, null]}, -2.5e3 ], "d": {} } "#;
        assert_eq!(find(text, ""), Some((None, text.trim().to_string())));
        assert_eq!(find(text, "/b/1/c/1"), Some((None, "null".to_string())));
        assert_eq!(find(text, "/b/2"), Some((None, "-2.5e3".to_string())));
        assert_eq!(
            find(text, "/b"),
            Some((
                Some("\"b\"".to_string()),
                r#"[1, {"c": [true, null]}, -2.5e3 ]"#.to_string()
            ))
        );
        assert_eq!(
            find(text, "/d"),
            Some((Some("\"d\"".to_string()), "{}".to_string()))
        );
        assert_eq!(
            find(text, "/a"),
            Some((Some("\"a\"".to_string()), r#""x\"}]""#.to_string()))
        );
    }

    #[test]
    fn escaped_keys_and_missing_members() {
        let text = r#"{"a\/b": 1, "\u00e9t\u00e9": 2}"#;
        let slash = place(text, ["a/b".into()].into_iter(), &mut Scanned::default()).unwrap();
        assert_eq!(&text[slash.1], "1");
        assert_eq!(&text[slash.0.unwrap()], r#""a\/b""#);
        assert_eq!(find(text, "/été").map(|p| p.1), Some("2".to_string()));
        assert_eq!(find(text, "/x"), None);
        assert_eq!(find(text, "/a/b/0"), None);
        assert_eq!(find("[1, 2]", "/2"), None);
        assert_eq!(find("[1, 2]", "/x"), None);
        assert_eq!(find("{}", "/x"), None);
        assert_eq!(find("", ""), None);
        assert_eq!(find(r#"{"a": "unterminated"#, "/a"), None);
    }

    /// A key given twice names its later member, in a small object searched key by key
    /// and in a large one looked up through its index; an escaped key is found by what it
    /// says in both.
    #[test]
    fn the_later_of_two_members_is_found_in_small_and_large_objects() {
        for size in [3, super::SEARCHED + 8] {
            let mut members: Vec<String> = (0..size).map(|i| format!(r#""k{i}": {i}"#)).collect();
            members.insert(1, r#""k2": "first""#.to_string());
            members.push(r#""\u0065sc": "escaped""#.to_string());
            let text = format!("{{{}}}", members.join(", "));
            assert_eq!(
                find(&text, "/k2").map(|p| p.1),
                Some("2".to_string()),
                "{size}"
            );
            assert_eq!(
                find(&text, "/k0").map(|p| p.1),
                Some("0".to_string()),
                "{size}"
            );
            assert_eq!(
                find(&text, "/esc").map(|p| p.1),
                Some(r#""escaped""#.to_string()),
                "{size}"
            );
            assert_eq!(find(&text, "/k"), None, "{size}");
        }
    }

    /// Every member of random documents, written compactly and pretty, is placed exactly
    /// where jsonc-parser's syntax tree puts it.
    mod agrees_with_a_syntax_tree {
        use jsonc_parser::ast;
        use jsonc_parser::common::Ranged;
        use proptest::prelude::*;
        use serde_json::Value;

        fn documents() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                any::<i32>().prop_map(Value::from),
                (-1e6f64..1e6).prop_map(Value::from),
                "[a-z\\\"/ é{}\\[\\],:]{0,6}".prop_map(Value::String),
            ];
            leaf.prop_recursive(4, 40, 5, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                    prop::collection::btree_map("[a-z/~\\\" é]{0,4}", inner, 0..5)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        /// One cache for every lookup in the document, as a reply's findings share one.
        fn check(
            text: &str,
            node: &ast::Value<'_>,
            path: &mut Vec<String>,
            scanned: &mut super::Scanned,
        ) {
            let segments = path.iter().map(|s| std::borrow::Cow::from(s.as_str()));
            let range = node.range();
            assert_eq!(
                super::place(text, segments, scanned).map(|p| p.1),
                Some(range.start..range.end),
                "value at {path:?} in {text}"
            );
            match node {
                ast::Value::Object(object) => {
                    for prop in &object.properties {
                        path.push(prop.name.as_str().to_string());
                        let segments = path.iter().map(|s| std::borrow::Cow::from(s.as_str()));
                        let key = prop.name.range();
                        assert_eq!(
                            super::place(text, segments, scanned).and_then(|p| p.0),
                            Some(key.start..key.end),
                            "key at {path:?} in {text}"
                        );
                        check(text, &prop.value, path, scanned);
                        path.pop();
                    }
                }
                ast::Value::Array(array) => {
                    for (i, element) in array.elements.iter().enumerate() {
                        path.push(i.to_string());
                        check(text, element, path, scanned);
                        path.pop();
                    }
                }
                _ => {}
            }
        }

        /// Every path in `value`, each with whether its last step is a key written without
        /// an escape, and not empty (which the compact tree must place itself).
        fn paths(value: &Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, bool)>) {
            match value {
                Value::Object(members) => {
                    for (key, member) in members {
                        path.push(key.clone());
                        // (An empty key may be read into a copy of its own.)
                        let plain = !key.is_empty() && !key.contains(['"', '\\']);
                        out.push((path.clone(), plain));
                        paths(member, path, out);
                        path.pop();
                    }
                }
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        path.push(i.to_string());
                        out.push((path.clone(), false));
                        paths(item, path, out);
                        path.pop();
                    }
                }
                _ => {}
            }
        }

        proptest! {
            /// The compact tree places each member where the scan does, and places itself
            /// every member whose key is written without an escape.
            #[test]
            fn the_tree_places_members_where_the_scan_does(
                document in documents(),
                pretty in any::<bool>(),
            ) {
                let text = if pretty {
                    serde_json::to_string_pretty(&document).unwrap()
                } else {
                    serde_json::to_string(&document).unwrap()
                };
                let mut all = Vec::new();
                paths(&document, &mut Vec::new(), &mut all);
                let limits = crate::reply::Limits::default();
                let format = crate::reply::Format::Json;
                crate::reply::compact::read(&text, format, &limits, |compact| {
                    for (path, plain_key) in &all {
                        let segments = || path.iter().map(|s| std::borrow::Cow::from(s.as_str()));
                        let by_tree = super::place_in_tree(&text, &compact.root, segments());
                        let by_scan = super::place(&text, segments(), &mut super::Scanned::default());
                        if by_tree.is_some() {
                            assert_eq!(by_tree, by_scan, "{path:?} in {text}");
                        }
                        assert!(by_tree.is_some() || !plain_key, "{path:?} unplaced in {text}");
                    }
                })
                .expect("the text reads compactly");
            }

            #[test]
            fn every_member(document in documents(), pretty in any::<bool>()) {
                let text = if pretty {
                    serde_json::to_string_pretty(&document).unwrap()
                } else {
                    serde_json::to_string(&document).unwrap()
                };
                let tree = jsonc_parser::parse_to_ast(
                    &text,
                    &jsonc_parser::CollectOptions::default(),
                    &crate::reply::json::strict_options(),
                )
                .unwrap()
                .value
                .unwrap();
                check(&text, &tree, &mut Vec::new(), &mut super::Scanned::default());
            }
        }
    }
}
