//! A required question whose `when` can never hold: a condition that is constant false,
//! asks one question for two different answers at once (`a == 'x' && a == 'y'`), or reads
//! a question that itself never applies. The author meant something else.

use super::Lints;
use crate::expr::ast::{Ast, AstKind, BinOp};
use crate::findings::Code;
use crate::questionnaire::def::QuestionnaireDef;
use crate::questionnaire::model::{QuestionRef, Questionnaire};

pub(crate) fn check(def: &QuestionnaireDef, model: &Questionnaire, lints: &mut Lints<'_>) {
    let mut never: Vec<Vec<bool>> = model
        .sections
        .iter()
        .map(|s| vec![false; s.questions.len()])
        .collect();
    for (s, section) in model.sections.iter().enumerate() {
        for (q, question) in section.questions.iter().enumerate() {
            let impossible = section
                .whens(question)
                .filter_map(|e| e.ast.as_ref())
                .any(|ast| cannot_hold(ast, &never));
            never[s][q] = impossible;
            let (Some(required), true) = (&def.section[s].question[q].required, impossible) else {
                continue;
            };
            if !required.value {
                continue;
            }
            let when = def.section[s].question[q]
                .when
                .as_ref()
                .or(def.section[s].when.as_ref())
                .expect("an impossible condition exists");
            lints
                .error(
                    Code::NeverApplies,
                    format!(
                        "question `{}.{}` is required, but its `when` can never hold",
                        section.id, question.id
                    ),
                    required.span.clone(),
                )
                .label_("required")
                .related_(when.span.clone(), "this condition is never true")
                .help_("fix the condition, or drop `required`");
        }
    }
}

fn cannot_hold(ast: &Ast, never: &[Vec<bool>]) -> bool {
    match &ast.kind {
        AstKind::Bool(b) => !b,
        AstKind::Binary(BinOp::Or, l, r) => cannot_hold(l, never) && cannot_hold(r, never),
        AstKind::Binary(BinOp::And, ..) => {
            let mut conjuncts = Vec::new();
            flatten_and(ast, &mut conjuncts);
            if conjuncts.iter().any(|c| cannot_hold(c, never)) {
                return true;
            }
            let equalities: Vec<(QuestionRef, &AstKind)> =
                conjuncts.iter().filter_map(|c| equality(c)).collect();
            equalities.iter().enumerate().any(|(i, (r, lit))| {
                equalities[i + 1..]
                    .iter()
                    .any(|(r2, lit2)| r == r2 && lit != lit2)
            })
        }
        AstKind::Binary(
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::In,
            l,
            r,
        ) => {
            // A comparison with an answer that must stay blank is never true.
            [l, r].iter().any(|side| match side.kind {
                AstKind::Answer(q) if q.column.is_none() => never[q.section][q.question],
                _ => false,
            })
        }
        _ => false,
    }
}

fn flatten_and<'a>(ast: &'a Ast, out: &mut Vec<&'a Ast>) {
    if let AstKind::Binary(BinOp::And, l, r) = &ast.kind {
        flatten_and(l, out);
        flatten_and(r, out);
    } else {
        out.push(ast);
    }
}

fn equality(ast: &Ast) -> Option<(QuestionRef, &AstKind)> {
    let AstKind::Binary(BinOp::Eq, l, r) = &ast.kind else {
        return None;
    };
    match (&l.kind, &r.kind) {
        (AstKind::Answer(q), lit @ (AstKind::Text(_) | AstKind::Number(_) | AstKind::Bool(_)))
        | (lit @ (AstKind::Text(_) | AstKind::Number(_) | AstKind::Bool(_)), AstKind::Answer(q)) => {
            Some((*q, lit))
        }
        _ => None,
    }
}
