//! Translate a `when` into a JSON Schema condition over the whole reply, when standard
//! keywords can say exactly what canvass's three-valued evaluation says.
//!
//! The rule of thumb: a comparison only holds for a real, non-blank, non-code answer, so
//! every translated comparison also requires the answer to be present with the right
//! type. `!` is translated only over `answered(..)`, which is never unknown. Anything
//! else (arithmetic, dates, `sum`, comparisons between two answers) returns `None`, and
//! canvass alone checks that condition; the `x-canvass.conditions` table records which.

use serde_json::{Value, json};

use crate::expr::ast::{Ast, AstKind, BinOp};
use crate::questionnaire::model::{QuestionRef, QuestionType, Questionnaire};

/// Where a translated condition sits: at the root of the reply, or inside one section's
/// object (shorter, and cheaper to evaluate, when it reads only that section's answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Root,
    Section(usize),
    /// Inside one row of a table (section, table): a column's `when` that reads only
    /// cells of its own row.
    Row(usize, usize),
}

pub fn translate(q: &Questionnaire, ast: &Ast, place: Place) -> Option<Value> {
    match &ast.kind {
        AstKind::Bool(true) => Some(json!(true)),
        AstKind::Bool(false) => Some(json!(false)),
        AstKind::Binary(BinOp::And, l, r) => {
            Some(json!({ "allOf": [translate(q, l, place)?, translate(q, r, place)?] }))
        }
        AstKind::Binary(BinOp::Or, l, r) => {
            Some(json!({ "anyOf": [translate(q, l, place)?, translate(q, r, place)?] }))
        }
        AstKind::Answered(r) => at(q, *r, answered(q, *r), place),
        AstKind::Not(inner) if matches!(inner.kind, AstKind::Answered(_)) => {
            Some(json!({ "not": translate(q, inner, place)? }))
        }
        AstKind::Answer(r) if q.question(*r).kind == QuestionType::YesNo => {
            at(q, *r, json!({ "const": true }), place)
        }
        AstKind::Binary(BinOp::In, l, r) => match (&l.kind, &r.kind) {
            (AstKind::Answer(a), AstKind::List(items)) => {
                let values = items.iter().map(literal).collect::<Option<Vec<_>>>()?;
                at(q, *a, json!({ "enum": values }), place)
            }
            (AstKind::Text(option), AstKind::Answer(m)) => at(
                q,
                *m,
                json!({ "type": "array", "contains": { "const": option } }),
                place,
            ),
            _ => None,
        },
        AstKind::Binary(op, l, r) => comparison(q, *op, l, r, place),
        _ => None,
    }
}

fn literal(ast: &Ast) -> Option<Value> {
    match &ast.kind {
        AstKind::Bool(b) => Some(json!(b)),
        AstKind::Text(t) => Some(json!(t)),
        AstKind::Number(n) => Some(Value::Number(crate::values::number::to_json(*n))),
        _ => None,
    }
}

/// `answer op literal` (either way round) on a question, or `size(q) op number`.
fn comparison(q: &Questionnaire, op: BinOp, l: &Ast, r: &Ast, place: Place) -> Option<Value> {
    let (subject, lit, op) = match (&l.kind, &r.kind) {
        (AstKind::Answer(_) | AstKind::Size(_), _) => (l, literal(r)?, op),
        (_, AstKind::Answer(_) | AstKind::Size(_)) => (r, literal(l)?, flip(op)),
        _ => return None,
    };
    match &subject.kind {
        AstKind::Answer(a) => {
            let question = q.question(*a);
            let schema = match (op, question.kind) {
                (BinOp::Eq, _) => json!({ "const": lit }),
                (BinOp::Ne, QuestionType::Choice) => {
                    let others: Vec<&str> = question
                        .options
                        .iter()
                        .map(|o| o.value.as_str())
                        .filter(|v| Some(*v) != lit.as_str())
                        .collect();
                    json!({ "enum": others })
                }
                (BinOp::Ne, QuestionType::YesNo) => json!({ "const": !lit.as_bool()? }),
                (BinOp::Ne, QuestionType::Integer | QuestionType::Number | QuestionType::Year) => {
                    json!({ "type": "number", "not": { "const": lit } })
                }
                (BinOp::Ne, QuestionType::Text | QuestionType::Country) => {
                    let mut excluded = vec![lit, json!("")];
                    excluded.extend(question.codes.iter().map(|c| json!(c)));
                    json!({ "type": "string", "not": { "enum": excluded } })
                }
                (_, QuestionType::Integer | QuestionType::Number | QuestionType::Year) => {
                    let keyword = bound_keyword(op)?;
                    json!({ "type": "number", keyword: lit })
                }
                _ => return None,
            };
            at(q, *a, schema, place)
        }
        AstKind::Size(a) => {
            let n = lit.as_u64()?;
            let schema = match op {
                BinOp::Eq => json!({ "minItems": n, "maxItems": n }),
                BinOp::Ge => json!({ "minItems": n }),
                BinOp::Gt => json!({ "minItems": n + 1 }),
                BinOp::Le => json!({ "maxItems": n }),
                BinOp::Lt if n > 0 => json!({ "maxItems": n - 1 }),
                _ => return None,
            };
            let mut schema = schema;
            schema["type"] = json!("array");
            // An empty list is no answer, and size() of no answer is unknown.
            if schema.get("minItems").is_none() {
                schema["minItems"] = json!(1);
            }
            at(q, *a, schema, place)
        }
        _ => None,
    }
}

fn flip(op: BinOp) -> BinOp {
    match op {
        BinOp::Lt => BinOp::Gt,
        BinOp::Le => BinOp::Ge,
        BinOp::Gt => BinOp::Lt,
        BinOp::Ge => BinOp::Le,
        other => other,
    }
}

fn bound_keyword(op: BinOp) -> Option<&'static str> {
    Some(match op {
        BinOp::Lt => "exclusiveMaximum",
        BinOp::Le => "maximum",
        BinOp::Gt => "exclusiveMinimum",
        BinOp::Ge => "minimum",
        _ => return None,
    })
}

/// Answered: present, not blank, not an answer code.
fn answered(q: &Questionnaire, r: QuestionRef) -> Value {
    let mut excluded = vec![Value::Null, json!(""), json!([])];
    excluded.extend(q.question(r).codes.iter().map(|c| json!(c)));
    json!({ "not": { "enum": excluded } })
}

/// `schema` applied to the answer of question `r`, which must be present; `None` when the
/// answer is not reachable from `place` (a cell from outside its row, a question from
/// inside a row), or is computed rather than written in the reply.
#[allow(clippy::needless_pass_by_value)] // callers build the schema inline
fn at(q: &Questionnaire, r: QuestionRef, schema: Value, place: Place) -> Option<Value> {
    if q.question(r).compute.is_some() {
        return None;
    }
    let section = &q.sections[r.section];
    match (place, r.column) {
        (Place::Row(s, t), Some(_)) if (s, t) == (r.section, r.question) => {
            let id = &q.question(r).id;
            return Some(json!({ "required": [id], "properties": { id: schema } }));
        }
        (Place::Row(..), _) | (_, Some(_)) => return None,
        _ => {}
    }
    let id = &section.questions[r.question].id;
    match place {
        Place::Section(s) if s == r.section => {
            return Some(json!({ "required": [id], "properties": { id: schema } }));
        }
        Place::Section(_) | Place::Row(..) => return None,
        Place::Root => {}
    }
    Some(json!({
        "required": [section.id],
        "properties": { &section.id: {
            "required": [id],
            "properties": { id: schema }
        } }
    }))
}
