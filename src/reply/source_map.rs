//! Where a member of a reply is in its file: the span of its key (if it has one) and of its
//! value, found along a JSON pointer — in JSON by scanning the text ([`json_locate`]), in
//! TOML by walking toml's spanned tree. Used only for a reply with findings, and only for
//! the pointers its findings name.

use toml::de::{DeTable, DeValue};

use super::Format;
use super::json_locate;
use crate::findings::Anchor;
use crate::source::Span;

/// A reply's text (JSON, scanned along each pointer) or syntax tree (TOML), kept for span
/// lookups.
pub enum SourceMap<'t> {
    Json(&'t str, std::cell::RefCell<json_locate::Scanned>),
    /// JSON read compactly: its tree (and the text it was read from, whose offsets are the
    /// text's) places a member without scanning, the text when the tree cannot tell.
    JsonTree(
        &'t str,
        std::cell::RefCell<json_locate::Scanned>,
        (&'t str, &'t super::compact::Json<'t>),
    ),
    Toml(Option<toml::Spanned<DeTable<'t>>>),
}

/// Key and value spans of one member.
type Place = json_locate::Place;

impl<'t> SourceMap<'t> {
    /// Prepare `text` (with any byte-order mark already blanked) for lookups. JSON must be a
    /// text the strict parser accepted.
    pub fn parse(text: &'t str, format: Format) -> Self {
        match format {
            // A workbook has no text: its findings are placed at cells, not here.
            Format::Json | Format::Xlsx => Self::Json(text, std::cell::RefCell::default()),
            Format::Toml => Self::Toml(DeTable::parse(text).ok()),
        }
    }

    /// [`SourceMap::parse`] of a JSON reply read compactly, into `tree`, from `read` (the
    /// same text as `text`, but for a byte-order mark blanked in `text`).
    pub fn of_tree(text: &'t str, read: &'t str, tree: &'t super::compact::Json<'t>) -> Self {
        Self::JsonTree(text, std::cell::RefCell::default(), (read, tree))
    }

    fn place(&self, pointer: &str) -> Option<Place> {
        let segments = pointer.split('/').skip(1).map(unescape_pointer);
        match self {
            Self::Json(text, scanned) => {
                json_locate::place(text, segments, &mut scanned.borrow_mut())
            }
            Self::JsonTree(text, scanned, (read, tree)) => {
                json_locate::place_in_tree(read, tree, segments.clone())
                    .or_else(|| json_locate::place(text, segments, &mut scanned.borrow_mut()))
            }
            Self::Toml(root) => {
                let root = root.as_ref()?;
                let mut place: Place = (None, 0..0);
                let mut table = Some(root.get_ref());
                let mut value: Option<&DeValue<'_>> = None;
                for segment in segments {
                    let (next, next_place) = match (table, value) {
                        (Some(t), _) | (None, Some(DeValue::Table(t))) => {
                            let (key, v) =
                                t.iter().find(|(k, _)| k.get_ref().as_ref() == segment)?;
                            (v.get_ref(), (Some(key.span()), v.span()))
                        }
                        (None, Some(DeValue::Array(items))) => {
                            let item = items.get(segment.parse::<usize>().ok()?)?;
                            (item.get_ref(), (None, item.span()))
                        }
                        _ => return None,
                    };
                    table = None;
                    value = Some(next);
                    place = next_place;
                }
                Some(place)
            }
        }
    }

    pub fn value(&self, pointer: &str) -> Option<Span> {
        self.place(pointer).map(|(_, value)| value)
    }

    pub fn key(&self, pointer: &str) -> Option<Span> {
        self.place(pointer).map(|(key, value)| key.unwrap_or(value))
    }

    /// Give a location its place in the file, if it has none yet.
    pub fn locate(&self, at: &mut crate::findings::Location) {
        if at.unplaced()
            && let Some(span) = self.resolve(at.anchor())
        {
            at.place = crate::findings::Place::Span(span);
        }
    }

    /// The span an anchor stands for. A pointer not in the file falls back to its nearest
    /// ancestor that is; the root is the top of the file.
    pub fn resolve(&self, anchor: &Anchor) -> Option<Span> {
        match anchor {
            Anchor::Span(span) => Some(span.clone()),
            Anchor::Nowhere => None,
            Anchor::Value(p) => Some(self.value(p).unwrap_or_else(|| self.ancestor(p))),
            Anchor::Key(p) => Some(self.key(p).unwrap_or_else(|| self.ancestor(p))),
            Anchor::Container(p) if p.is_empty() => Some(0..0),
            Anchor::Container(p) => Some(self.key(p).unwrap_or_else(|| self.ancestor(p))),
        }
    }

    fn ancestor(&self, pointer: &str) -> Span {
        let mut p = pointer;
        while let Some(cut) = p.rfind('/') {
            p = &p[..cut];
            if let Some(span) = self.key(p).filter(|_| !p.is_empty()) {
                return span;
            }
        }
        0..0
    }
}

/// One JSON pointer segment: `~` becomes `~0` and `/` becomes `~1` (RFC 6901).
pub fn escape_pointer(segment: &str) -> std::borrow::Cow<'_, str> {
    if segment.contains(['~', '/']) {
        segment.replace('~', "~0").replace('/', "~1").into()
    } else {
        segment.into()
    }
}

/// One JSON pointer segment as the key it names: the inverse of [`escape_pointer`].
pub fn unescape_pointer(segment: &str) -> std::borrow::Cow<'_, str> {
    if segment.contains('~') {
        segment.replace("~1", "/").replace("~0", "~").into()
    } else {
        segment.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_segments_are_escaped_and_back() {
        assert_eq!(escape_pointer("a/b~c"), "a~1b~0c");
        assert_eq!(unescape_pointer(&escape_pointer("a/b~c")), "a/b~c");
        assert_eq!(escape_pointer("plain"), "plain");
    }

    #[test]
    fn places_in_json_and_toml() {
        let json = r#"{"s": {"a/b": [1, {"c": true}]}}"#;
        let map = SourceMap::parse(json, Format::Json);
        let span = map.value("/s/a~1b/1/c").unwrap();
        assert_eq!(&json[span], "true");
        let key = map.key("/s/a~1b").unwrap();
        assert_eq!(&json[key], "\"a/b\"");
        let toml = "[s]\nrows = [{ c = 1 }, { c = 22 }]\n";
        let map = SourceMap::parse(toml, Format::Toml);
        assert_eq!(&toml[map.value("/s/rows/1/c").unwrap()], "22");
        assert_eq!(&toml[map.key("/s/rows").unwrap()], "rows");
        assert_eq!(map.resolve(&Anchor::Value("/s/missing".into())), Some(1..2));
    }
}
