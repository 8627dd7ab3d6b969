//! The human report: miette's graphical rendering of findings, with the source snippet,
//! a label on the offending span and on every related place, and the help line.
//!
//! Everything printed that canvass did not write itself (values, keys, file names,
//! question texts, the file's lines) goes through `findings::visible`, and each finding
//! shows an `Excerpt` of the file rather than the file, so the output stays in
//! proportion to the findings, not to the file.

use crate::findings::words::{Args, phrase_in};
use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::excerpt::Excerpt;
use crate::findings::visible::{visible, visible_lines};
use crate::findings::{Finding, Severity};
use crate::source::{LineIndex, SourceFile, Span};

/// Rendering settings: colour or not, and the width to wrap at.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
    /// The language of canvass's own words around each finding ("Question 3: …").
    pub lang: &'static str,
}

impl Style {
    /// Plain text at a fixed width: for snapshots and files.
    pub const PLAIN: Style = Style {
        color: false,
        width: 100,
        lang: "en",
    };
}

/// Render every finding of one file, worded in `style.lang`.
pub fn render(findings: &[Finding], file: &SourceFile, style: Style) -> String {
    render_in(findings, file, style, style.lang)
}

/// Render every finding of one file, worded in `lang` (canvass's words around them in
/// `style.lang`).
pub fn render_in(findings: &[Finding], file: &SourceFile, style: Style, lang: &str) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_urls(false)
        .with_context_lines(1);
    let index = LineIndex::new(&file.text);
    let mut out = String::new();
    for finding in findings {
        if let Some(at_cell) = at_cell(&handler, finding, file, style, lang) {
            out.push_str(&at_cell);
            out.push('\n');
            continue;
        }
        let spans: Vec<Option<Span>> = std::iter::once(finding.at.span().cloned())
            .chain(finding.related.iter().map(|r| r.at.span().cloned()))
            .collect();
        let spans: Vec<Option<Span>> = spans
            .iter()
            .map(|span| span.clone().map(|s| opening_of(s, &spans, &file.text)))
            .collect();
        let (excerpt, spans) = Excerpt::new(&file.name, &file.text, &index, &spans);
        let report = Report {
            finding: finding.worded(lang),
            excerpt,
            spans,
            lang: style.lang,
        };
        handler
            .render_report(&mut out, &report)
            .expect("writing to a String cannot fail");
        out.push('\n');
    }
    out
}

/// A finding at a workbook's cell: miette's rendering without a source, the sheet excerpt
/// put where the source lines would be (before the help). `None` when it is not at a cell.
fn at_cell(
    handler: &GraphicalReportHandler,
    finding: &Finding,
    file: &SourceFile,
    style: Style,
    lang: &str,
) -> Option<String> {
    let excerpt = super::sheet::excerpt(file, &finding.worded(lang))?;
    let render = |help: bool| {
        let mut worded = finding.worded(lang);
        if !help {
            worded.help = None;
        }
        let report = Report {
            finding: worded,
            excerpt: Excerpt::new(&file.name, "", &LineIndex::new(""), &[None]).0,
            spans: vec![None],
            lang: style.lang,
        };
        let mut out = String::new();
        handler
            .render_report(&mut out, &report)
            .expect("writing to a String cannot fail");
        out
    };
    let (with_help, without) = (render(true), render(false));
    let split = with_help
        .char_indices()
        .zip(without.chars())
        .find(|((_, a), b)| a != b)
        .map_or(without.len().min(with_help.len()), |((i, _), _)| i);
    let split = with_help[..split].rfind('\n').map_or(split, |i| i + 1);
    Some(format!(
        "{}{excerpt}{}",
        &with_help[..split],
        &with_help[split..]
    ))
}

/// A one-line span that holds another of the finding's spans (a table row where a cell is
/// missing, around the answer that made it required) is marked at its first character only:
/// two labels under one stretch of a line would be drawn on top of each other.
fn opening_of(primary: Span, others: &[Option<Span>], text: &str) -> Span {
    let holds = others
        .iter()
        .flatten()
        .any(|r| *r != primary && primary.start <= r.start && r.end <= primary.end);
    let one_line = text.get(primary.clone()).is_some_and(|t| !t.contains('\n'));
    match text.get(primary.start..).and_then(|t| t.chars().next()) {
        Some(first) if holds && one_line => primary.start..primary.start + first.len_utf8(),
        _ => primary,
    }
}

struct Report<'a> {
    finding: crate::findings::Worded<'a>,
    excerpt: Excerpt,
    /// The finding's span, then each related span, in the excerpt.
    spans: Vec<Option<Span>>,
    lang: &'static str,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.finding.finding.fmt(f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let finding = &self.finding;
        write!(f, "{}", visible(&finding.message))?;
        if let Some(text) = &finding.text {
            let args = Args::new().text("text", visible_lines(text));
            let line = match &finding.finding.number {
                Some(number) => phrase_in(
                    self.lang,
                    "question-line",
                    &args.text("number", visible(number)),
                ),
                None => phrase_in(self.lang, "question-line-unnumbered", &args),
            };
            write!(f, "\n{line}")?;
        }
        if let Some(explained) = &finding.finding.explained {
            let id = match explained.by {
                crate::findings::ExplainedBy::Reply => "explained-by-reply",
                crate::findings::ExplainedBy::Reviewer => "explained-by-reviewer",
            };
            let args = Args::new().text("note", visible_lines(&explained.note));
            write!(f, "\n{}", phrase_in(self.lang, id, &args))?;
        }
        Ok(())
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let code = self.finding.finding.code.as_str();
        Some(Box::new(match &self.finding.finding.question {
            Some(q) => format!("{code} {}", crate::findings::visible::echo(q)),
            None => code.to_string(),
        }))
    }

    fn severity(&self) -> Option<miette::Severity> {
        // An explained finding is listed, as advice: it no longer counts.
        if self.finding.finding.explained.is_some() {
            return Some(miette::Severity::Advice);
        }
        Some(match self.finding.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(visible_lines(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.spans[0]
            .as_ref()
            .map(|_| &self.excerpt as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = self.spans[0].as_ref()?;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            self.finding
                .label
                .as_deref()
                .map(|l| visible(l).into_owned()),
            primary.clone(),
        )];
        for (related, span) in self.finding.related.iter().zip(&self.spans[1..]) {
            if let Some(span) = span {
                labels.push(LabeledSpan::new_with_span(
                    Some(visible(related).into_owned()),
                    span.clone(),
                ));
            }
        }
        Some(Box::new(labels.into_iter()))
    }
}
