//! The human report: miette's graphical rendering of findings, with the source snippet,
//! a label on the offending span and on every related place, and the help line.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use super::{Finding, Severity};
use crate::source::SourceFile;

/// Rendering settings: colour or not, and the width to wrap at.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// Plain text at a fixed width: for snapshots and files.
    pub const PLAIN: Style = Style {
        color: false,
        width: 100,
    };
}

/// Render every finding of one file.
pub fn render(findings: &[Finding], file: &SourceFile, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_urls(false)
        .with_context_lines(1);
    let source = NamedSource::new(&file.name, file.text.clone()).with_language("toml");
    let mut out = String::new();
    for finding in findings {
        let report = Report {
            finding,
            source: &source,
        };
        handler
            .render_report(&mut out, &report)
            .expect("writing to a String cannot fail");
        out.push('\n');
    }
    out
}

struct Report<'a> {
    finding: &'a Finding,
    source: &'a NamedSource<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.finding.fmt(f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let finding = self.finding;
        write!(f, "{}", finding.message)?;
        if let Some(text) = &finding.text {
            match &finding.number {
                Some(number) => write!(f, "\nQuestion {number}: {text}")?,
                None => write!(f, "\nQuestion: {text}")?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let code = self.finding.code.as_str();
        Some(Box::new(match &self.finding.question {
            Some(q) => format!("{code} {q}"),
            None => code.to_string(),
        }))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.finding
            .span
            .as_ref()
            .map(|_| self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = self.finding.span.as_ref()?;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            self.finding.label.clone(),
            primary.clone(),
        )];
        for related in &self.finding.related {
            if let Some(span) = &related.span {
                labels.push(LabeledSpan::new_with_span(
                    Some(related.message.clone()),
                    span.clone(),
                ));
            }
        }
        Some(Box::new(labels.into_iter()))
    }
}
