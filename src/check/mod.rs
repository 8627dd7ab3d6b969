//! `canvass check`: every authoring mistake a compiler would catch, all in one run.
//!
//! Input: questionnaire TOML. Output: the checked [`Questionnaire`] when there is no error,
//! and every finding, each pointing into the TOML (inside the expression string for a
//! fault in an expression). The lints live one concern per file; this file only runs them
//! in order. Checking never stops at the first error: a broken question still gets its
//! expressions checked, so the author sees everything at once.

mod build;
mod computed;
mod cycles;
mod expressions;
pub use expressions::resolve_model;
mod hidden;
mod never_applies;
pub mod string_offsets;
mod translations;
pub mod typeck;

use crate::findings::{Anchor, Code, Finding, Related};
use crate::questionnaire::load::load;
use crate::questionnaire::model::Questionnaire;
use crate::source::Span;

/// The result of checking a questionnaire.
#[derive(Debug)]
pub struct Checked {
    /// Present only when no finding is an error.
    pub questionnaire: Option<Questionnaire>,
    pub findings: Vec<Finding>,
}

/// Load and check questionnaire TOML, expressions within the default limits.
pub fn check(text: &str) -> Checked {
    check_with(text, crate::expr::parser::Limits::default())
}

/// Load and check questionnaire TOML, expressions within `limits`.
pub fn check_with(text: &str, limits: crate::expr::parser::Limits) -> Checked {
    let loaded = load(text);
    let mut lints = Lints {
        text,
        findings: loaded.findings,
        limits,
    };
    hidden::check(&mut lints);
    let Some(def) = loaded.def else {
        return lints.finish(None);
    };
    let mut model = build::build(&def, &mut lints);
    model.number_codes();
    build::code_numbers_in_range(&def, &model, &mut lints);
    expressions::resolve(&def, &mut model, &mut lints);
    cycles::check(&def, &model, &mut lints);
    computed::check(&def, &model, &mut lints);
    never_applies::check(&def, &model, &mut lints);
    lints.finish(Some(model))
}

/// Findings collected while checking, with the file they point into.
pub(crate) struct Lints<'t> {
    pub text: &'t str,
    pub findings: Vec<Finding>,
    pub limits: crate::expr::parser::Limits,
}

impl Lints<'_> {
    pub fn error(&mut self, code: Code, message: String, span: Span) -> &mut Finding {
        self.findings
            .push(Finding::error(code, message, Anchor::Span(span)));
        self.findings.last_mut().expect("just pushed")
    }

    pub fn warning(&mut self, code: Code, message: String, span: Span) -> &mut Finding {
        self.findings
            .push(Finding::warning(code, message, Anchor::Span(span)));
        self.findings.last_mut().expect("just pushed")
    }

    fn finish(mut self, model: Option<Questionnaire>) -> Checked {
        self.findings
            .sort_by_key(|f| (f.at.span().map_or(0, |s| s.start), f.code));
        let ok = !self.findings.iter().any(Finding::is_error);
        Checked {
            questionnaire: model.filter(|_| ok),
            findings: self.findings,
        }
    }
}

impl Finding {
    pub(crate) fn label_(&mut self, label: impl Into<String>) -> &mut Self {
        self.label = Some(crate::findings::Text::Plain(label.into()));
        self
    }

    pub(crate) fn help_(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(crate::findings::Text::Plain(help.into()));
        self
    }

    pub(crate) fn related_(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.related.push(Related::at_span(span, message.into()));
        self
    }
}
