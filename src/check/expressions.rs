//! Parse and type-check every `when` and `check`, mapping each error's span from the
//! expression string into the TOML file; warn about a `when` that reads a later question.

use super::Lints;
use super::string_offsets::{map_span, offsets};
use crate::expr::typeck::{Names, Scope, check_condition};
use crate::expr::{ExprError, ExprErrorKind, parser};
use crate::findings::Code;
use crate::questionnaire::def::{QuestionnaireDef, Sp};
use crate::questionnaire::model::{Expr, QuestionRef, Questionnaire};

/// Where an expression sits in the questionnaire.
#[derive(Debug, Clone, Copy)]
enum Site {
    Section(usize),
    Question(usize, usize),
    RuleWhen(usize),
    RuleCheck(usize),
}

pub(crate) fn resolve(def: &QuestionnaireDef, model: &mut Questionnaire, lints: &mut Lints<'_>) {
    let mut sites = Vec::new();
    for (s, section) in def.section.iter().enumerate() {
        if let Some(when) = &section.when {
            sites.push((Site::Section(s), when));
        }
        for (q, question) in section.question.iter().enumerate() {
            if let Some(when) = &question.when {
                sites.push((Site::Question(s, q), when));
            }
        }
    }
    for (r, rule) in def.rule.iter().enumerate() {
        if let Some(when) = &rule.when {
            sites.push((Site::RuleWhen(r), when));
        }
        sites.push((Site::RuleCheck(r), &rule.check));
    }
    let mut resolved = Vec::new();
    let names = Names::new(model);
    for (site, source) in sites {
        let section = match site {
            Site::Section(s) | Site::Question(s, _) => Some(s),
            Site::RuleWhen(_) | Site::RuleCheck(_) => None,
        };
        let scope = Scope {
            questionnaire: model,
            names: &names,
            section,
        };
        let parsed = parser::parse_with(&source.value, lints.limits);
        match parsed.and_then(|node| check_condition(&node, scope)) {
            Ok(ast) => {
                if ast.references().is_empty() {
                    constant(site, source, lints);
                    continue;
                }
                if let Site::Question(s, q) = site {
                    forward_references(&ast, s, q, source, model, lints);
                }
                resolved.push((site, ast));
            }
            Err(error) => report(&error, source, lints),
        }
    }
    for (site, ast) in resolved {
        let slot: &mut Expr = match site {
            Site::Section(s) => model.sections[s].when.as_mut(),
            Site::Question(s, q) => model.sections[s].questions[q].when.as_mut(),
            Site::RuleWhen(r) => model.rules[r].when.as_mut(),
            Site::RuleCheck(r) => Some(&mut model.rules[r].check),
        }
        .expect("every site has an expression");
        slot.ast = Some(ast);
    }
}

/// Resolve the expressions of a model that was not built by `check` (one read back from a
/// compiled schema). Errors are returned as text: such a schema was not made by canvass.
pub fn resolve_model(model: &mut Questionnaire) -> Result<(), String> {
    let mut results = Vec::new();
    let names = Names::new(model);
    let run = |expr: &Expr, section: Option<usize>, model: &Questionnaire| {
        // The schema came from a checked questionnaire, perhaps with raised limits.
        parser::parse_with(&expr.source, parser::Limits::CEILING)
            .and_then(|node| {
                check_condition(
                    &node,
                    Scope {
                        questionnaire: model,
                        names: &names,
                        section,
                    },
                )
            })
            .map_err(|e| format!("expression `{}`: {}", expr.source, e.message))
    };
    for (s, section) in model.sections.iter().enumerate() {
        results.push(
            section
                .when
                .as_ref()
                .map(|w| run(w, Some(s), model))
                .transpose()?,
        );
        for question in &section.questions {
            results.push(
                question
                    .when
                    .as_ref()
                    .map(|w| run(w, Some(s), model))
                    .transpose()?,
            );
        }
    }
    for rule in &model.rules {
        results.push(
            rule.when
                .as_ref()
                .map(|w| run(w, None, model))
                .transpose()?,
        );
        results.push(Some(run(&rule.check, None, model)?));
    }
    let mut results = results.into_iter();
    let mut next = || results.next().expect("one result per site");
    for section in &mut model.sections {
        assign(section.when.as_mut(), next());
        for question in &mut section.questions {
            assign(question.when.as_mut(), next());
        }
    }
    for rule in &mut model.rules {
        assign(rule.when.as_mut(), next());
        assign(Some(&mut rule.check), next());
    }
    Ok(())
}

fn assign(slot: Option<&mut Expr>, ast: Option<crate::expr::ast::Ast>) {
    if let (Some(slot), Some(ast)) = (slot, ast) {
        slot.ast = Some(ast);
    }
}

/// An expression that reads no answer is the same for every reply: a rule that can never
/// fail (or always does), a `when` that always or never holds. Always an authoring slip.
fn constant(site: Site, source: &Sp<String>, lints: &mut Lints<'_>) {
    let (what, help) = match site {
        Site::RuleCheck(_) => (
            "this rule's `check`",
            "a rule compares answers, e.g. `penalties.max_years >= 4`",
        ),
        Site::RuleWhen(_) => (
            "this rule's `when`",
            "make the `when` read an answer, or remove it to check the rule on every reply",
        ),
        Site::Section(_) | Site::Question(..) => (
            "this `when`",
            "make the `when` read an answer, or remove it so the question always applies",
        ),
    };
    lints
        .error(
            Code::ConstantExpression,
            format!(
                "{what} reads no answer, so it is the same for every reply: `{}`",
                source.value
            ),
            source.span.clone(),
        )
        .label_("reads no answer")
        .help_(help);
}

fn report(error: &ExprError, source: &Sp<String>, lints: &mut Lints<'_>) {
    let map = offsets(lints.text, &source.span);
    let span = map_span(&map, &error.span);
    let code = match error.kind {
        ExprErrorKind::Syntax => Code::ExpressionSyntax,
        ExprErrorKind::UnknownReference => Code::UnknownReference,
        ExprErrorKind::UnknownLiteral => Code::UnknownLiteral,
        ExprErrorKind::TypeMismatch => Code::TypeMismatch,
    };
    let finding = lints.error(code, error.message.clone(), span);
    finding.label_("here");
    // An XLSForm spelling is the likeliest cause; its hint comes first.
    let hint = crate::expr::xlsform::hint(&source.value);
    if let Some(help) = hint.or_else(|| error.help.clone()) {
        finding.help_(help);
    }
}

fn forward_references(
    ast: &crate::expr::ast::Ast,
    s: usize,
    q: usize,
    source: &Sp<String>,
    model: &Questionnaire,
    lints: &mut Lints<'_>,
) {
    let here = QuestionRef {
        section: s,
        question: q,
        column: None,
    };
    for (r, range) in ast.references_with_spans() {
        let r = QuestionRef { column: None, ..r };
        if r <= here {
            continue; // earlier questions are fine; itself is a cycle, reported elsewhere
        }
        let map = offsets(lints.text, &source.span);
        lints
            .warning(
                Code::ForwardReference,
                format!(
                    "question `{}` depends on `{}`, which comes later in the questionnaire",
                    model.path(here),
                    model.path(r)
                ),
                map_span(&map, &range),
            )
            .label_("asked later")
            .help_("respondents answer in order: move the question after the one it depends on");
    }
}
