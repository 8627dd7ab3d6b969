//! Findings: the one data type for everything canvass tells a user, about a questionnaire
//! (`check`) or a reply (`validate`), and the printers that render it.
//!
//! Stages create findings with a code, a message and a [`Location`] (an anchor — a byte span,
//! or a JSON pointer the reply's source map resolves later — and the answer's pointer);
//! printers only read them. The wording of
//! reply findings, in each language, lives in `words` (its `.ftl` files); questionnaire
//! findings, for authors, are worded in English in `check`.

mod code;
#[doc(hidden)]
pub mod visible;
#[doc(hidden)]
pub mod words;

pub use code::Code;
pub use words::Text;

use crate::source::Span;

// How much a finding weighs; a questionnaire's `[[rule]]` says which it gives. An `Error`
// makes the reply (or questionnaire) invalid; a `Warning` is worth a look and does not.
// Plain comments, not doc comments: schemars would copy those into the editor schema
// (`schemas/questionnaire.schema.json`), which must not change.
#[allow(missing_docs)]
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// One fault, with where it is and what explains it. Serialized as data (a collection keeps
/// it so), never as words.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    /// The stable code users filter on.
    pub code: Code,
    /// Whether it makes the reply (or questionnaire) invalid.
    pub severity: Severity,
    /// What is wrong, in plain words (worded when shown: [`Text::word`]).
    pub message: Text,
    /// What the primary label says under the span.
    pub label: Option<Text>,
    /// Where it is in the file.
    pub at: Location,
    /// What answer is expected, or what to do.
    pub help: Option<Text>,
    /// The other answers that explain it.
    pub related: Vec<Related>,
    /// `section.id` or `section.id[row].column`, for reply findings.
    pub question: Option<String>,
    /// The question's number, as the questionnaire shows it.
    pub number: Option<String>,
    /// The question's text, in each language the questionnaire gives it.
    pub text: Option<Text>,
    /// The id of the failed `[[rule]]`.
    pub rule: Option<String>,
    /// The rule asks for an explanation (`severity = "explain"`): an error until explained.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub asks_explanation: bool,
    /// Why the answers are as they are, given by the reply or recorded by a reviewer: the
    /// finding stays listed, no longer counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explained: Option<Explanation>,
}

/// Why a finding's answers are right after all: only a warning, or a rule that asks for
/// one, can be explained; an error is corrected or accepted, never explained away.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Explanation {
    /// Who gave it.
    pub by: ExplainedBy,
    /// What they said, as they wrote it.
    pub note: String,
}

/// Who explained a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExplainedBy {
    /// The reply itself, in its `explanations`.
    Reply,
    /// A reviewer (`intake explain`).
    Reviewer,
}

impl ExplainedBy {
    /// `reply` or `reviewer`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reply => "reply",
            Self::Reviewer => "reviewer",
        }
    }
}

/// Another place that explains a finding: the answer that made a question required, an
/// answer a rule read, the first of two duplicate keys.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Related {
    /// The question it is the answer to (`section.id`).
    pub question: Option<String>,
    /// Where it is.
    pub at: Location,
    /// What it has to do with the finding.
    pub message: Text,
}

/// Where a finding or a related answer is: the one location type every stage fills and every
/// printer reads. A stage knows the anchor (and, for a reply, the answer's JSON pointer); the
/// place is known at once for a questionnaire or a syntax error, and filled in by the reply's
/// source map otherwise (or by a workbook reader, as a cell).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Location {
    /// The file it is in, once the finding is placed in one (a reply's name); `None` for a
    /// finding about the file a report is already about. Not kept with stored findings:
    /// the stored reply is their file.
    #[serde(skip)]
    pub file: Option<std::sync::Arc<str>>,
    /// Where in the file.
    pub place: Place,
    /// The JSON pointer of the answer it is about (RFC 6901), for reply findings.
    pub pointer: Option<String>,
    /// What in the file to point at, before the place is known.
    pub(crate) anchor: Anchor,
}

/// A place in a file: a byte span of a text, a cell of a workbook, or the whole of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// The file as a whole (a limit on its size), or a place not resolved yet.
    Whole,
    /// Bytes `start..end` of the text.
    Span(Span),
    /// A cell of a workbook: its sheet's name and its A1 reference.
    Cell {
        /// The sheet's name, as the workbook spells it.
        sheet: String,
        /// The cell, as `B7`.
        cell: String,
    },
}

impl From<Anchor> for Location {
    fn from(anchor: Anchor) -> Self {
        Self::new(anchor)
    }
}

impl Location {
    /// A location known only by its anchor; a span anchor is its own place.
    pub fn new(anchor: Anchor) -> Self {
        let place = match &anchor {
            Anchor::Span(span) => Place::Span(span.clone()),
            _ => Place::Whole,
        };
        Self {
            file: None,
            place,
            pointer: None,
            anchor,
        }
    }

    /// The location of the answer at `pointer`, anchored as `anchor`.
    pub fn answer(pointer: impl Into<String>, anchor: Anchor) -> Self {
        Self {
            pointer: Some(pointer.into()),
            ..Self::new(anchor)
        }
    }

    /// The byte span, when the place is one.
    pub fn span(&self) -> Option<&Span> {
        match &self.place {
            Place::Span(span) => Some(span),
            _ => None,
        }
    }

    /// What the location points at before it is placed.
    pub fn anchor(&self) -> &Anchor {
        &self.anchor
    }

    /// Whether the place is still to be found (by a source map or a workbook reader).
    pub(crate) fn unplaced(&self) -> bool {
        self.place == Place::Whole && !matches!(self.anchor, Anchor::Nowhere)
    }
}

/// What a finding points at, before spans are known.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// A span known when the finding is made (questionnaire findings, syntax errors).
    Span(Span),
    /// The value at a JSON pointer.
    Value(String),
    /// The key of the member at a JSON pointer.
    Key(String),
    /// Where a missing member belongs: the table at this pointer, or the top of the file.
    Container(String),
    /// No place in the file (a limit on the whole file, for instance).
    Nowhere,
}

impl Finding {
    /// A finding of `code` and `severity`, saying `message` at `at`.
    pub fn new(
        code: Code,
        severity: Severity,
        message: impl Into<Text>,
        at: impl Into<Location>,
    ) -> Self {
        Self {
            code,
            severity,
            message: message.into(),
            label: None,
            at: at.into(),
            help: None,
            related: Vec::new(),
            question: None,
            number: None,
            text: None,
            rule: None,
            asks_explanation: false,
            explained: None,
        }
    }

    /// An error.
    pub fn error(code: Code, message: impl Into<Text>, at: impl Into<Location>) -> Self {
        Self::new(code, Severity::Error, message, at)
    }

    /// A warning.
    pub fn warning(code: Code, message: impl Into<Text>, at: impl Into<Location>) -> Self {
        Self::new(code, Severity::Warning, message, at)
    }

    /// The same finding, with `label` written under its span.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<Text>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// The same finding, with `help` saying what to do.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// A finding of `code` worded as `said` (message, and label and help where it has them).
    pub fn said(
        code: Code,
        severity: Severity,
        said: words::Said,
        at: impl Into<Location>,
    ) -> Self {
        let mut finding = Self::new(code, severity, said.message, at);
        finding.label = said.label;
        finding.help = said.help;
        finding
    }

    /// canvass failing on a reply (a bug in canvass, not in the reply): one `internal-error`
    /// about the whole reply.
    pub fn internal_error() -> Self {
        let said = words::say("internal-error", &words::Args::new());
        Self::said(Code::InternalError, Severity::Error, said, Anchor::Nowhere)
    }

    /// The same finding, with one more related answer.
    #[must_use]
    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    /// A TOML syntax error (questionnaire or reply) as a finding at its span (the parser's
    /// own account of the fault stays in its words, English).
    pub fn toml_syntax(error: &toml::de::Error, len: usize) -> Self {
        let span = error.span().unwrap_or(0..0);
        let span = span.start.min(len)..span.end.min(len);
        let args = words::Args::new().text("detail", error.message().trim());
        let said = words::say("toml-syntax", &args);
        Self::said(Code::Syntax, Severity::Error, said, Anchor::Span(span))
    }

    /// Whether it is an error (not a warning), still unexplained.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error && self.explained.is_none()
    }

    /// Whether it is a warning, still unexplained.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning && self.explained.is_none()
    }

    /// Whether it may be explained: a rule's warning, or a rule that asks for it.
    pub fn explainable(&self) -> bool {
        self.rule.is_some() && (self.severity == Severity::Warning || self.asks_explanation)
    }

    /// `error`, `warning`, or `explained` once explained.
    pub fn standing(&self) -> &'static str {
        if self.explained.is_some() {
            "explained"
        } else {
            self.severity.name()
        }
    }
}

impl Related {
    /// A related place known by its span (questionnaire findings).
    pub fn at_span(span: Span, message: impl Into<Text>) -> Self {
        Self {
            question: None,
            at: Location::new(Anchor::Span(span)),
            message: message.into(),
        }
    }
}

/// Counts of errors and warnings in a list of findings; explained ones are neither.
pub fn count(findings: &[Finding]) -> (usize, usize) {
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.iter().filter(|f| f.is_warning()).count();
    (errors, warnings)
}

/// A finding worded in one language: what printers read.
#[derive(Debug, Clone, PartialEq)]
pub struct Worded<'a> {
    /// The finding itself (code, severity, location, question…).
    pub finding: &'a Finding,
    /// Its message.
    pub message: String,
    /// What the primary label says.
    pub label: Option<String>,
    /// What to do.
    pub help: Option<String>,
    /// The question's text.
    pub text: Option<String>,
    /// What each related answer has to do with it, in order.
    pub related: Vec<String>,
}

impl Finding {
    /// The finding worded in `lang` (canvass's words falling back to English, the
    /// questionnaire's to its source language).
    pub fn worded(&self, lang: &str) -> Worded<'_> {
        Worded {
            finding: self,
            message: self.message.word(lang),
            label: self.label.as_ref().map(|t| t.word(lang)),
            help: self.help.as_ref().map(|t| t.word(lang)),
            text: self.text.as_ref().map(|t| t.word(lang)),
            related: self.related.iter().map(|r| r.message.word(lang)).collect(),
        }
    }

    /// The finding worded for a page: values isolated in a right-to-left language (see
    /// [`Text::word_isolated`]; a page shows the marks as `<bdi>`).
    pub fn worded_isolated(&self, lang: &str) -> Worded<'_> {
        Worded {
            finding: self,
            message: self.message.word_isolated(lang),
            label: self.label.as_ref().map(|t| t.word_isolated(lang)),
            help: self.help.as_ref().map(|t| t.word_isolated(lang)),
            text: self.text.as_ref().map(|t| t.word_isolated(lang)),
            related: self
                .related
                .iter()
                .map(|r| r.message.word_isolated(lang))
                .collect(),
        }
    }
}
