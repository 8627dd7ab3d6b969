//! The part of a file one finding shows: the lines its spans are on, one line of context
//! around them, every line cut to a window around the spans (`…` where text is left out),
//! and every hidden character escaped (see `findings::visible`).
//!
//! miette is handed this excerpt instead of the whole file, for three reasons: a reply is
//! hostile text and must not reach the terminal raw; a one-line JSON reply of megabytes
//! would be printed in full with every finding (and miette panics on a column past
//! 65,535); and miette scans the source from its start for each label, which would make
//! the report cost the file's size times the number of findings. The excerpt keeps the
//! real line numbers and, in the header, the real column, through [`Excerpt`]'s own
//! `SourceCode`. This module only cuts and maps text: what to say is decided elsewhere.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::findings::visible::{escape_len, is_hidden, push_escape};
use crate::source::{LineIndex, Span};

/// A line longer than this (in characters) is cut to windows around the spans on it.
const LONG_LINE: usize = 120;
/// Characters kept before and after a span on a cut line.
const AROUND: usize = 30;
/// Characters of one span kept on a cut line.
const SPAN_SHOWN: usize = 60;
/// Lines between two snippets that are shown rather than split the snippet in two.
const GAP_SHOWN: usize = 2;
/// A span over more lines than this is shown on its first line only.
const MOST_SPAN_LINES: usize = 12;

/// The excerpt of a file for one finding, in miette's terms.
pub struct Excerpt {
    name: String,
    text: String,
    /// Per excerpt line: its offset in `text` and its 0-based line number in the file.
    lines: Vec<(usize, usize)>,
    /// Where each mapped span starts in `text`, and its real 0-based line and column.
    starts: Vec<(usize, usize, usize)>,
}

/// One kept range of a file's line, and where its text starts in the excerpt.
struct Piece {
    real: Span,
    at: usize,
    end: usize,
}

struct Line {
    real_start: usize,
    real_end: usize,
    pieces: Vec<Piece>,
    /// Offset in the excerpt just past the line's text.
    end: usize,
}

impl Excerpt {
    /// The excerpt of `text` that shows `spans`, and those spans mapped into it (a span
    /// is `None` where the input's was).
    pub fn new(
        name: &str,
        text: &str,
        index: &LineIndex,
        spans: &[Option<Span>],
    ) -> (Self, Vec<Option<Span>>) {
        // A text that ends with a line end has no last line to show after it.
        let last_line = index
            .line_count()
            .saturating_sub(1 + usize::from(text.ends_with('\n')));
        let clamp = |s: &Span| {
            let start = floor_char(text, s.start.min(text.len()));
            let end = ceil_char(text, s.end.clamp(start, text.len()));
            start..end
        };
        // The first and last line a span touches.
        let lines = |s: &Span| {
            let last = index.line_of(s.end.saturating_sub(1).max(s.start));
            (index.line_of(s.start), last)
        };
        // Spans as shown: within the text, and a long multi-line span on its first line.
        let shown: Vec<Option<Span>> = spans
            .iter()
            .map(|s| {
                let s = clamp(s.as_ref()?);
                let (first, last) = lines(&s);
                Some(if last - first > MOST_SPAN_LINES {
                    s.start..content_end(text, index, first)
                } else {
                    s
                })
            })
            .collect();
        // The lines to show: every line a span touches, and one on either side.
        let mut wanted: Vec<(usize, usize)> = shown
            .iter()
            .flatten()
            .map(|s| {
                let (first, last) = lines(s);
                (
                    first.saturating_sub(1),
                    (last + 1).min(last_line).max(first),
                )
            })
            .collect();
        wanted.sort_unstable();
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for (from, to) in wanted {
            match groups.last_mut() {
                // Two or three lines apart: one snippet reads better than two.
                Some(last) if from <= last.1 + GAP_SHOWN + 1 => last.1 = last.1.max(to),
                _ => groups.push((from, to)),
            }
        }
        let mut excerpt = Self {
            name: crate::findings::visible::visible(name).into_owned(),
            text: String::new(),
            lines: Vec::new(),
            starts: Vec::new(),
        };
        let mut kept: Vec<Line> = Vec::new();
        for (g, &(from, to)) in groups.iter().enumerate() {
            if g > 0 {
                // An empty line between groups keeps miette from joining two snippets
                // whose real lines are far apart; it is never printed.
                excerpt.text.push('\n');
            }
            for line in from..=to {
                let start = index.line_start(line);
                let end = content_end(text, index, line);
                excerpt.lines.push((excerpt.text.len(), line));
                kept.push(excerpt.push_line(text, start..end, &shown));
                excerpt.text.push('\n');
            }
        }
        let map = |offset: usize| map_offset(text, &kept, offset);
        let mapped = shown
            .iter()
            .map(|s| {
                let s = s.as_ref()?;
                let start = map(s.start);
                let end = map(s.end).max(start);
                let position = index.position(text, s.start);
                excerpt
                    .starts
                    .push((start, position.line - 1, position.column - 1));
                Some(start..end)
            })
            .collect();
        (excerpt, mapped)
    }

    /// Append one line of the file (`real`, without its line end), cut to windows around
    /// the spans on it when it is long.
    fn push_line(&mut self, text: &str, real: Span, spans: &[Option<Span>]) -> Line {
        let windows = if is_long(&text[real.clone()]) {
            windows(text, &real, spans)
        } else {
            vec![real.clone()]
        };
        let mut pieces = Vec::with_capacity(windows.len());
        for w in windows {
            if w.start > real.start {
                self.text.push('…');
            }
            let at = self.text.len();
            for c in text[w.clone()].chars() {
                if shown_escaped(c) {
                    push_escape(&mut self.text, c);
                } else {
                    self.text.push(c);
                }
            }
            pieces.push(Piece {
                real: w,
                at,
                end: self.text.len(),
            });
        }
        if pieces.last().is_some_and(|p| p.real.end < real.end) {
            self.text.push('…');
        }
        Line {
            real_start: real.start,
            real_end: real.end,
            pieces,
            end: self.text.len(),
        }
    }

    /// The excerpt line holding excerpt offset `at`: its index in `lines`.
    fn line_at(&self, at: usize) -> usize {
        self.lines
            .partition_point(|&(start, _)| start <= at)
            .saturating_sub(1)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self.text.read_span(span, before, after)?;
        let data = contents.data();
        let first = contents.span().offset();
        let real_line = self.lines.get(self.line_at(first)).map_or(0, |l| l.1);
        // The header's line and column are those of the span's start in the real file.
        let (line, column) = match self.starts.iter().find(|s| s.0 == span.offset()) {
            Some(&(_, line, column)) if before == 0 && after == 0 => (line, column),
            _ => (real_line, contents.column()),
        };
        // miette joins two snippets when the first one's `line + line_count` reaches the
        // second's line. Counted as the lines read plus the gap an excerpt group bridges,
        // it joins the snippets of one group, and never two groups (which would number
        // the lines after the empty line between them wrongly).
        let ends = memchr::memchr_iter(b'\n', data).count();
        let lines_read = ends + usize::from(data.last() != Some(&b'\n')) + GAP_SHOWN;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            *contents.span(),
            line,
            column,
            lines_read,
        )))
    }
}

/// The line of `text` that holds `span`'s start, as one line of plain text: cut to a window
/// around the span when it is long (`…` where text is left out). For printers that show
/// one line per finding (HTML); hidden characters are left to the printer.
pub fn line_window(text: &str, index: &LineIndex, span: &Span) -> String {
    let start = floor_char(text, span.start.min(text.len()));
    let line = index.line_of(start);
    let real = index.line_start(line)..content_end(text, index, line);
    if !is_long(&text[real.clone()]) {
        return text[real].to_string();
    }
    let end = ceil_char(text, span.end.clamp(start, text.len()));
    let mut out = String::new();
    let windows = windows(text, &real, &[Some(start..end)]);
    for w in &windows {
        if w.start > real.start {
            out.push('…');
        }
        out.push_str(&text[w.clone()]);
    }
    if windows.last().is_some_and(|w| w.end < real.end) {
        out.push('…');
    }
    out
}

/// Where `offset` of the file lands in the excerpt: inside a kept piece, at the matching
/// place; in text that was cut, at the nearest kept edge before it.
fn map_offset(text: &str, lines: &[Line], offset: usize) -> usize {
    let i = lines
        .partition_point(|l| l.real_start <= offset)
        .saturating_sub(1);
    let Some(line) = lines.get(i) else { return 0 };
    if offset > line.real_end {
        return line.end; // the line's end, where the excerpt has its `\n`
    }
    let mut at = line.pieces.first().map_or(line.end, |p| p.at);
    for piece in &line.pieces {
        if offset < piece.real.start {
            return at;
        }
        if offset <= piece.real.end {
            return piece.at
                + text[piece.real.start..offset]
                    .chars()
                    .map(written)
                    .sum::<usize>();
        }
        at = piece.end;
    }
    at
}

/// How many bytes the excerpt writes for one character of the file.
fn written(c: char) -> usize {
    if shown_escaped(c) {
        escape_len(c)
    } else {
        c.len_utf8()
    }
}

/// A `\r` inside a line is escaped too: a terminal would go back to the line's start.
fn shown_escaped(c: char) -> bool {
    is_hidden(c) || c == '\r'
}

fn is_long(line: &str) -> bool {
    line.len() > LONG_LINE && line.chars().nth(LONG_LINE).is_some()
}

/// The windows of a long line: around each span on it (a long span shown by its start),
/// or the line's beginning when no span is on it; overlapping windows merged.
fn windows(text: &str, line: &Span, spans: &[Option<Span>]) -> Vec<Span> {
    let mut windows: Vec<Span> = spans
        .iter()
        .flatten()
        .filter(|s| s.start <= line.end && s.end >= line.start)
        .map(|s| {
            let start = s.start.max(line.start);
            let end = s.end.min(line.end);
            let shown_end = forward(text, start, SPAN_SHOWN, line.end).min(end.max(start));
            backward(text, start, AROUND, line.start)..forward(text, shown_end, AROUND, line.end)
        })
        .collect();
    if windows.is_empty() {
        windows.push(line.start..forward(text, line.start, SPAN_SHOWN, line.end));
    }
    windows.sort_unstable_by_key(|w| w.start);
    let mut merged: Vec<Span> = Vec::with_capacity(windows.len());
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged
}

/// The offset `n` characters after `at`, at most `limit`.
fn forward(text: &str, at: usize, n: usize, limit: usize) -> usize {
    text[at..limit]
        .char_indices()
        .nth(n)
        .map_or(limit, |(i, _)| at + i)
}

/// The offset `n` characters before `at`, at least `limit`.
fn backward(text: &str, at: usize, n: usize, limit: usize) -> usize {
    text[limit..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(limit, |(i, _)| limit + i)
}

/// Where line `line`'s text ends: before its `\n`, and before a `\r` just before that.
fn content_end(text: &str, index: &LineIndex, line: usize) -> usize {
    let start = index.line_start(line);
    let end = if line + 1 < index.line_count() {
        index.line_start(line + 1) - 1
    } else {
        text.len()
    };
    if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}
