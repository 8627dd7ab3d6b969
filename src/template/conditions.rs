//! A condition as the template's reader says it: `specific_law == 'yes'` becomes "question 5
//! is “Yes”". The common forms are put in words (comparisons of one answer with a value,
//! `in` a list, an option chosen, `answered`, joined by `&&` or by `||`); any other keeps
//! its expression, which is exact if less friendly.

use crate::expr::ast::{Ast, AstKind, BinOp};
use crate::findings::words::{Args, phrase_in};
use crate::questionnaire::model::{QuestionRef, QuestionType, Questionnaire};

/// The condition in words in `lang`, if its form is one of those put in words.
pub fn in_words(ast: &Ast, q: &Questionnaire, lang: &str) -> Option<String> {
    match &ast.kind {
        AstKind::Binary(op @ (BinOp::And | BinOp::Or), l, r) => {
            // Mixed `&&` and `||` need brackets to read right: left as an expression.
            let same = |a: &Ast| match &a.kind {
                AstKind::Binary(inner @ (BinOp::And | BinOp::Or), ..) => inner == op,
                _ => true,
            };
            if !same(l) || !same(r) {
                return None;
            }
            let id = if *op == BinOp::And {
                "condition-and"
            } else {
                "condition-or"
            };
            let args = Args::new()
                .text("a", in_words(l, q, lang)?)
                .text("b", in_words(r, q, lang)?);
            Some(phrase_in(lang, id, &args))
        }
        AstKind::Answered(r) => Some(about(q, *r, lang, "condition-answered", None)),
        // A yes/no answer on its own: "question 1 is “Yes”".
        AstKind::Answer(r) if q.question(*r).kind == QuestionType::YesNo => {
            Some(about(q, *r, lang, "condition-is", Some(yes_no(true, lang))))
        }
        AstKind::Not(inner) => match &inner.kind {
            AstKind::Answered(r) => Some(about(q, *r, lang, "condition-not-answered", None)),
            AstKind::Answer(r) if q.question(*r).kind == QuestionType::YesNo => Some(about(
                q,
                *r,
                lang,
                "condition-is",
                Some(yes_no(false, lang)),
            )),
            _ => None,
        },
        AstKind::Binary(BinOp::In, l, r) => match (&l.kind, &r.kind) {
            (AstKind::Answer(a), AstKind::List(items)) => {
                let values: Option<Vec<String>> =
                    items.iter().map(|i| value(q, *a, i, lang)).collect();
                let or = format!(" {} ", phrase_in(lang, "condition-or-word", &Args::new()));
                Some(about(q, *a, lang, "condition-is", Some(values?.join(&or))))
            }
            (AstKind::Text(option), AstKind::Answer(m)) => {
                let label = quoted(&option_label(q, *m, option, lang), lang);
                Some(about(q, *m, lang, "condition-chosen", Some(label)))
            }
            _ => None,
        },
        AstKind::Binary(op, l, r) => {
            let (AstKind::Answer(a), literal) = (&l.kind, r) else {
                return None;
            };
            let id = match op {
                BinOp::Eq => "condition-is",
                BinOp::Ne => "condition-is-not",
                BinOp::Lt => "condition-less",
                BinOp::Le => "condition-at-most",
                BinOp::Gt => "condition-more",
                BinOp::Ge => "condition-at-least",
                _ => return None,
            };
            Some(about(q, *a, lang, id, Some(value(q, *a, literal, lang)?)))
        }
        _ => None,
    }
}

/// "question 5 …", or "`id` …" for a question without a number.
fn about(q: &Questionnaire, r: QuestionRef, lang: &str, id: &str, value: Option<String>) -> String {
    let question = q.question(r);
    let name = match &question.number {
        Some(n) => phrase_in(
            lang,
            "condition-question",
            &Args::new().text("number", n.clone()),
        ),
        None if r.column.is_some() => format!("`{}`", question.id),
        None => format!("`{}`", q.path(r)),
    };
    let mut args = Args::new().text("question", name);
    if let Some(value) = value {
        args = args.text("value", value);
    }
    phrase_in(lang, id, &args)
}

/// A literal as the reader knows it: an option's label, Yes or No, a number, a date.
fn value(q: &Questionnaire, r: QuestionRef, literal: &Ast, lang: &str) -> Option<String> {
    Some(match &literal.kind {
        AstKind::Text(text) => quoted(&option_label(q, r, text, lang), lang),
        AstKind::Bool(b) if q.question(r).kind == QuestionType::YesNo => yes_no(*b, lang),
        AstKind::Number(n) => n.normalize().to_string(),
        AstKind::Date(d) => d.clone(),
        _ => return None,
    })
}

fn option_label(q: &Questionnaire, r: QuestionRef, value: &str, lang: &str) -> String {
    q.question(r)
        .option(value)
        .map_or(value, |o| o.label.get(lang, q.source_language()))
        .to_string()
}

fn quoted(text: &str, lang: &str) -> String {
    phrase_in(
        lang,
        "condition-quoted",
        &Args::new().text("text", text.to_string()),
    )
}

/// “Yes” or “No”, quoted.
fn yes_no(answer: bool, lang: &str) -> String {
    let id = if answer {
        "tabulate-yes"
    } else {
        "tabulate-no"
    };
    quoted(&phrase_in(lang, id, &Args::new()), lang)
}
