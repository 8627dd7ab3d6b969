//! Spans in a JSON reply that has already parsed: the key and value of the member a pointer
//! names, found by scanning the text along the pointer and skipping every other member
//! unread. No tree is built, so placing the few findings of a reply costs a fraction of
//! parsing it again.
//!
//! The text must be well-formed JSON; on anything else the lookup gives up with `None`,
//! never a wrong span. A key given twice names its later member, the one that is judged.

use crate::source::Span;

/// Key (for an object member) and value spans.
pub type Place = (Option<Span>, Span);

/// The member `segments` lead to, from the top-level value.
pub fn place<'s>(
    text: &str,
    segments: impl Iterator<Item = std::borrow::Cow<'s, str>>,
) -> Option<Place> {
    let b = text.as_bytes();
    let start = skip_space(b, 0);
    let mut place: Place = (None, start..value_end(b, start)?);
    for segment in segments {
        place = child(text, place.1.start, &segment)?;
    }
    Some(place)
}

/// The member `segment` of the object or array starting at `start` (the last of an
/// object's members with that key).
fn child(text: &str, start: usize, segment: &str) -> Option<Place> {
    let b = text.as_bytes();
    let (close, index) = match b.get(start)? {
        b'{' => (b'}', None),
        b'[' => (b']', Some(segment.parse::<usize>().ok()?)),
        _ => return None,
    };
    let mut at = skip_space(b, start + 1);
    if *b.get(at)? == close {
        return None;
    }
    let mut last = None;
    for i in 0.. {
        let key = if index.is_none() {
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
        let found = match &key {
            Some(key) => key_is(&text[key.clone()], segment),
            None => index == Some(i),
        };
        if found {
            if index.is_some() {
                return Some((key, at..end));
            }
            last = Some((key, at..end));
        }
        at = skip_space(b, end);
        match *b.get(at)? {
            b',' => at = skip_space(b, at + 1),
            c if c == close => return last,
            _ => return None,
        }
    }
    None
}

/// Whether a quoted JSON key says `name` (escapes decoded only when there are any).
fn key_is(quoted: &str, name: &str) -> bool {
    let inner = &quoted[1..quoted.len() - 1];
    if inner.contains('\\') {
        serde_json::from_str::<String>(quoted).is_ok_and(|key| key == name)
    } else {
        inner == name
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
        place(text, segments)
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
        let slash = place(text, ["a/b".into()].into_iter()).unwrap();
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

        fn check(text: &str, node: &ast::Value<'_>, path: &mut Vec<String>) {
            let segments = path.iter().map(|s| std::borrow::Cow::from(s.as_str()));
            let range = node.range();
            assert_eq!(
                super::place(text, segments).map(|p| p.1),
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
                            super::place(text, segments).and_then(|p| p.0),
                            Some(key.start..key.end),
                            "key at {path:?} in {text}"
                        );
                        check(text, &prop.value, path);
                        path.pop();
                    }
                }
                ast::Value::Array(array) => {
                    for (i, element) in array.elements.iter().enumerate() {
                        path.push(i.to_string());
                        check(text, element, path);
                        path.pop();
                    }
                }
                _ => {}
            }
        }

        proptest! {
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
                check(&text, &tree, &mut Vec::new());
            }
        }
    }
}
