//! Parse and type-check every `when` and `check`, mapping each error's span from the
//! expression string into the TOML file; warn about a `when` that reads a later question.

use super::Lints;
use super::string_offsets::{map_span, offsets};
use crate::check::typeck::{self, Names, Scope, Ty, check_condition, check_value};
use crate::expr::ast::Ast;
use crate::expr::syntax::Node;
use crate::expr::{ExprError, ExprErrorKind, parser};
use crate::findings::Code;
use crate::questionnaire::def::{QuestionnaireDef, Sp};
use crate::questionnaire::model::{Expr, QuestionRef, QuestionType, Questionnaire};

/// Where an expression sits in the questionnaire.
#[derive(Debug, Clone, Copy)]
enum Site {
    Section(usize),
    /// A question's `when` (`column` set for a column of a table).
    When(QuestionRef),
    /// A computed value's expression.
    Compute(QuestionRef),
    RuleWhen(usize),
    RuleCheck(usize),
}

impl Site {
    /// Every expression of the model, in the order of the file.
    fn all(model: &Questionnaire) -> Vec<Site> {
        let mut sites = Vec::new();
        for (s, section) in model.sections.iter().enumerate() {
            if section.when.is_some() {
                sites.push(Site::Section(s));
            }
            for r in model.section_refs(s) {
                let asked = model.question(r);
                if asked.when.is_some() {
                    sites.push(Site::When(r));
                }
                if asked.compute.is_some() {
                    sites.push(Site::Compute(r));
                }
            }
        }
        for (r, rule) in model.rules.iter().enumerate() {
            if rule.when.is_some() {
                sites.push(Site::RuleWhen(r));
            }
            sites.push(Site::RuleCheck(r));
        }
        sites
    }

    /// The section bare names resolve in, and the table whose row the expression reads.
    fn scope<'q>(self, model: &'q Questionnaire, names: &'q Names<'q>) -> Scope<'q> {
        let (section, row) = match self {
            Site::Section(s) => (Some(s), None),
            Site::When(r) | Site::Compute(r) => (Some(r.section), r.column.map(|_| r.question)),
            Site::RuleWhen(i) | Site::RuleCheck(i) => {
                match model.rules[i].each.as_deref().and_then(|t| model.table(t)) {
                    Some(t) => (Some(t.section), Some(t.question)),
                    None => (None, None),
                }
            }
        };
        Scope {
            questionnaire: model,
            names,
            section,
            row,
        }
    }

    fn expr(self, model: &Questionnaire) -> &Expr {
        match self {
            Site::Section(s) => model.sections[s].when.as_ref(),
            Site::When(r) => model.question(r).when.as_ref(),
            Site::Compute(r) => model.question(r).compute.as_ref(),
            Site::RuleWhen(i) => model.rules[i].when.as_ref(),
            Site::RuleCheck(i) => Some(&model.rules[i].check),
        }
        .expect("a site has an expression")
    }

    fn slot(self, model: &mut Questionnaire) -> &mut Expr {
        match self {
            Site::Section(s) => model.sections[s].when.as_mut(),
            Site::When(r) => model.question_mut(r).when.as_mut(),
            Site::Compute(r) => model.question_mut(r).compute.as_mut(),
            Site::RuleWhen(i) => model.rules[i].when.as_mut(),
            Site::RuleCheck(i) => Some(&mut model.rules[i].check),
        }
        .expect("a site has an expression")
    }

    /// The expression as written in the definition, with its span.
    fn source(self, def: &QuestionnaireDef) -> &Sp<String> {
        let question = |r: QuestionRef| def.question_at(r.section, r.question, r.column);
        match self {
            Site::Section(s) => def.section[s].when.as_ref(),
            Site::When(r) => question(r).when.as_ref(),
            Site::Compute(r) => question(r).compute.as_ref(),
            Site::RuleWhen(i) => def.rule[i].when.as_ref(),
            Site::RuleCheck(i) => Some(&def.rule[i].check),
        }
        .expect("the model mirrors the definition")
    }
}

/// Type-check one expression where it sits: a condition, or a computed value of its
/// question's type.
fn check_at(
    site: Site,
    node: &Node,
    model: &Questionnaire,
    names: &Names<'_>,
) -> Result<Ast, ExprError> {
    let scope = site.scope(model, names);
    let ast = checked_at(site, node, model, scope)?;
    // Only a rule may read the previous cycle: whether a question is asked, or what it
    // computes to, depends on this reply alone (and a template or a table says so).
    if !matches!(site, Site::RuleWhen(_) | Site::RuleCheck(_)) && ast.reads_previous() {
        return Err(ExprError {
            kind: ExprErrorKind::TypeMismatch,
            message: "only a `[[rule]]` may read the previous cycle (`previous.…`)".into(),
            span: node.span.clone(),
            help: Some(
                "a question's `when` and `compute` read this reply's answers; compare with \
                 the previous cycle in a rule"
                    .into(),
            ),
        });
    }
    Ok(ast)
}

/// [`check_at`] before the previous cycle's place is checked.
fn checked_at(
    site: Site,
    node: &Node,
    model: &Questionnaire,
    scope: Scope<'_>,
) -> Result<Ast, ExprError> {
    let Site::Compute(r) = site else {
        return check_condition(node, scope);
    };
    let question = model.question(r);
    let (ast, ty) = check_value(node, scope)?;
    let fits = match question.kind {
        QuestionType::YesNo => ty == Ty::Bool,
        QuestionType::Integer | QuestionType::Number | QuestionType::Year => ty == Ty::Number,
        QuestionType::Date => ty == Ty::Date,
        _ => matches!(ty, Ty::Text | Ty::Choice(_)),
    };
    if fits {
        return Ok(ast);
    }
    Err(ExprError {
        kind: ExprErrorKind::TypeMismatch,
        message: format!(
            "`{}` is a {} question, but its `compute` gives {}",
            model.path(r),
            question.kind.name(),
            typeck::describe(&ty, scope)
        ),
        span: node.span.clone(),
        help: Some(format!(
            "compute a value a {} question holds",
            question.kind.name()
        )),
    })
}

pub(crate) fn resolve(def: &QuestionnaireDef, model: &mut Questionnaire, lints: &mut Lints<'_>) {
    let mut resolved = Vec::new();
    let names = Names::new(model);
    for site in Site::all(model) {
        let source = site.source(def);
        if let Site::RuleWhen(i) | Site::RuleCheck(i) = site
            && def.rule[i].each.is_some()
            && model.rules[i].each.is_none()
        {
            continue; // its `each` names no table, and that is reported
        }
        let parsed = parser::parse_with(&source.value, lints.limits);
        match parsed.and_then(|node| check_at(site, &node, model, &names)) {
            Ok(ast) => {
                if ast.references().is_empty() && !ast.reads_previous() {
                    constant(site, source, lints);
                    continue;
                }
                if let Site::When(r) = site
                    && r.column.is_none()
                {
                    forward_references(&ast, r.section, r.question, source, model, lints);
                }
                resolved.push((site, ast));
            }
            Err(error) => report(&error, source, lints),
        }
    }
    for (site, ast) in resolved {
        site.slot(model).ast = Some(ast);
    }
}

/// Resolve the expressions of a model that was not built by `check` (one read back from a
/// compiled schema). Errors are returned as text: such a schema was not made by canvass.
pub fn resolve_model(model: &mut Questionnaire) -> Result<(), String> {
    let mut resolved = Vec::new();
    let names = Names::new(model);
    for site in Site::all(model) {
        let expr = site.expr(model);
        // The schema came from a checked questionnaire, perhaps with raised limits.
        let ast = parser::parse_with(&expr.source, parser::Limits::CEILING)
            .and_then(|node| check_at(site, &node, model, &names))
            .map_err(|e| format!("expression `{}`: {}", expr.source, e.message))?;
        resolved.push((site, ast));
    }
    for (site, ast) in resolved {
        site.slot(model).ast = Some(ast);
    }
    // Evaluation trusts that computed values do not read each other in circles.
    match super::computed::problems(model).first() {
        None => Ok(()),
        Some(problem) => Err(format!(
            "its computed values cannot be computed: {problem:?}"
        )),
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
        Site::Compute(_) => (
            "this `compute`",
            "compute the value from answers, or make it an ordinary question",
        ),
        Site::Section(_) | Site::When(_) => (
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
