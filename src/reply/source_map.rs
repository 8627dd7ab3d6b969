//! Where each member of a reply is in its file: for every JSON pointer, the span of its
//! key (if it has one) and of its value.

use std::collections::HashMap;

use crate::findings::Anchor;
use crate::source::Span;

#[derive(Debug, Default)]
pub struct SourceMap {
    entries: HashMap<String, Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    key: Option<Span>,
    value: Span,
}

impl SourceMap {
    pub(crate) fn insert(&mut self, pointer: String, key: Option<Span>, value: Span) {
        self.entries.entry(pointer).or_insert(Entry { key, value });
    }

    pub fn value(&self, pointer: &str) -> Option<Span> {
        self.entries.get(pointer).map(|e| e.value.clone())
    }

    pub fn key(&self, pointer: &str) -> Option<Span> {
        self.entries
            .get(pointer)
            .map(|e| e.key.clone().unwrap_or_else(|| e.value.clone()))
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

#[cfg(test)]
mod tests {
    #[test]
    fn pointer_segments_are_escaped() {
        assert_eq!(super::escape_pointer("a/b~c"), "a~1b~0c");
        assert_eq!(super::escape_pointer("plain"), "plain");
    }
}
