//! Source files and positions: byte spans, and their 1-based line and column.
//!
//! Every stage keeps byte ranges into the text it read; only printers turn them into
//! line and column, through [`LineIndex`]. This module does no I/O.

use std::ops::Range;

/// A byte range into a source text.
pub type Span = Range<usize>;

/// A named text: a questionnaire or a reply, as read from disk or standard input.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Its name, as given (a path, a stream's name and line).
    pub name: String,
    /// Its text (empty for a workbook).
    pub text: String,
    /// For a workbook reply with findings: the cells about each finding's cell, as the
    /// sheet shows them, for a report to show where it is.
    pub cells: Option<std::sync::Arc<SheetCells>>,
}

impl SourceFile {
    /// A file named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            cells: None,
        }
    }
}

/// Some cells of a workbook, by sheet and zero-based `(row, column)`: what each shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetCells {
    cells: std::collections::BTreeMap<(String, u32, u32), String>,
}

impl SheetCells {
    /// Note what the cell at `row`, `col` of `sheet` shows.
    pub fn insert(&mut self, sheet: &str, row: u32, col: u32, text: String) {
        self.cells.insert((sheet.to_string(), row, col), text);
    }

    /// What the cell shows, if it was kept and holds anything.
    pub fn get(&self, sheet: &str, row: u32, col: u32) -> Option<&str> {
        self.cells
            .get(&(sheet.to_string(), row, col))
            .map(String::as_str)
    }
}

/// Line starts of a text, to turn byte offsets into 1-based line and column (in characters).
///
/// A lone `\r` is not a line end for TOML or JSON, so only `\n` starts a line; a `\r` before
/// `\n` is left out of the column count because it sits at the end of the line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A position as findings print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { starts }
    }

    /// How many lines the text has (a text ending with `\n` has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Line and column of a byte offset; an offset inside a UTF-8 sequence counts as the
    /// character it belongs to.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        position_in_line(text, offset, line, self.starts[line])
    }
}

/// The position of byte `offset` (within `text`) on 0-based line `line`, which starts at
/// byte `start`: its column counts characters, and an offset inside a UTF-8 sequence counts
/// as the character it belongs to.
fn position_in_line(text: &str, offset: usize, line: usize, start: usize) -> Position {
    let mut end = offset;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Position {
        line: line + 1,
        column: text[start..end].chars().count() + 1,
    }
}

/// [`LineIndex::position`] without an index: the lines before `offset` counted. Cheaper
/// than an index for the few places of a reply with one or two findings; an index pays
/// for itself once there are more.
pub fn position_by_counting(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = memchr::memchr_iter(b'\n', before).count();
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    position_in_line(text, offset, line, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counting finds the position the index finds, in any text, at any offset (inside
        /// a character, past the end).
        #[test]
        fn counting_agrees_with_the_index(text in "[a\\né\r\u{10348}]{0,30}", offset in 0usize..40) {
            let index = LineIndex::new(&text);
            proptest::prop_assert_eq!(position_by_counting(&text, offset), index.position(&text, offset));
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a = 1\nété = 2\r\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        let e = text.find("= 2").unwrap();
        assert_eq!(index.position(text, e), Position { line: 2, column: 5 });
        let x = text.rfind('x').unwrap();
        assert_eq!(index.position(text, x), Position { line: 3, column: 1 });
        assert_eq!(index.position(text, 999), Position { line: 3, column: 2 });
    }
}
