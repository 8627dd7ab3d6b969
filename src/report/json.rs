//! Findings as JSON: the spec's finding object, with spans as line, column, offset and
//! length. The JSON and human reports read the same `Finding`, so they say the same thing.

use serde::Serialize;

use crate::findings::Finding;
use crate::source::{LineIndex, SourceFile, Span};

#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    pub code: &'static str,
    pub severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'a str>,
    pub question: Option<&'a str>,
    pub number: Option<&'a str>,
    pub pointer: Option<&'a str>,
    pub span: Option<JsonSpan>,
    /// The sheet and cell of a workbook reply's finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<JsonCell<'a>>,
    pub message: String,
    pub text: Option<String>,
    pub help: Option<String>,
    pub related: Vec<JsonRelated<'a>>,
    /// Why the answers are right, and who said so: the finding no longer counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explained: Option<&'a crate::findings::Explanation>,
}

#[derive(Debug, Serialize)]
pub struct JsonRelated<'a> {
    pub question: Option<&'a str>,
    pub pointer: Option<&'a str>,
    pub span: Option<JsonSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<JsonCell<'a>>,
    pub message: String,
}

/// A cell of a workbook: `{ "sheet": "1. Police", "ref": "C5" }`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct JsonCell<'a> {
    pub sheet: &'a str,
    #[serde(rename = "ref")]
    pub cell: &'a str,
}

impl<'a> JsonCell<'a> {
    /// The cell of a location, when it is at one.
    pub fn of(at: &'a crate::findings::Location) -> Option<Self> {
        match &at.place {
            crate::findings::Place::Cell { sheet, cell } => Some(Self { sheet, cell }),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct JsonSpan {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub length: usize,
}

/// Turns byte spans into the JSON span object for one file.
pub struct Spans<'a> {
    text: &'a str,
    /// Built once a few positions have been counted without it (most replies with findings
    /// have one or two).
    index: std::cell::OnceCell<LineIndex>,
    counted: std::cell::Cell<usize>,
}

impl<'a> Spans<'a> {
    /// Positions counted before the line index is built.
    const COUNTED: usize = 4;

    pub fn new(file: &'a SourceFile) -> Self {
        Self {
            text: &file.text,
            index: std::cell::OnceCell::new(),
            counted: std::cell::Cell::new(0),
        }
    }

    /// The line index of the file, for printers that need lines as well as positions.
    pub fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(self.text))
    }

    pub fn span(&self, span: &Span) -> JsonSpan {
        let position = match self.index.get() {
            None if self.counted.get() < Self::COUNTED => {
                self.counted.set(self.counted.get() + 1);
                crate::source::position_by_counting(self.text, span.start)
            }
            _ => self.index().position(self.text, span.start),
        };
        JsonSpan {
            line: position.line,
            column: position.column,
            offset: span.start,
            length: span.end.saturating_sub(span.start),
        }
    }
}

/// The JSON object of finding `f`, worded in `lang`.
pub fn finding<'a>(f: &'a Finding, spans: &Spans<'_>, lang: &str) -> JsonFinding<'a> {
    let worded = f.worded(lang);
    let mut related_words = worded.related.into_iter();
    JsonFinding {
        code: f.code.as_str(),
        severity: f.severity.name(),
        rule: f.rule.as_deref(),
        question: f.question.as_deref(),
        number: f.number.as_deref(),
        pointer: f.at.pointer.as_deref(),
        span: f.at.span().map(|s| spans.span(s)),
        cell: JsonCell::of(&f.at),
        message: worded.message,
        text: worded.text,
        help: worded.help,
        related: f
            .related
            .iter()
            .map(|r| JsonRelated {
                question: r.question.as_deref(),
                pointer: r.at.pointer.as_deref(),
                span: r.at.span().map(|s| spans.span(s)),
                cell: JsonCell::of(&r.at),
                message: related_words.next().unwrap_or_default(),
            })
            .collect(),
        explained: f.explained.as_ref(),
    }
}
