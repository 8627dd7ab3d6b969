//! The resolved expression: every name is a [`QuestionRef`], every literal typed.
//! Built only by `typeck`, so evaluation never meets an unknown question.

use std::ops::Range;

use crate::values::number::Decimal;

pub use super::syntax::BinOp;

#[derive(Debug, Clone, PartialEq)]
pub struct Ast {
    pub kind: AstKind,
    /// Byte range in the expression string, to say which part of a rule failed.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AstKind {
    Bool(bool),
    Number(Decimal),
    Text(String),
    /// A `YYYY-MM-DD` literal compared with a date answer.
    Date(String),
    List(Vec<Ast>),
    Answer(QuestionRef),
    Answered(QuestionRef),
    /// Number of choices or rows.
    Size(QuestionRef),
    /// Sum of a table's numeric column.
    Sum(QuestionRef),
    /// Whether a question is answered with this one of its answer codes
    /// (`dob == 'dont_know'`): true or false, never unknown.
    IsCode(QuestionRef, String),
    /// `if(condition, a, b)`: `a` when the condition is true, `b` when false, no value when
    /// it is unknown.
    If(Box<Ast>, Box<Ast>, Box<Ast>),
    /// `default(x, d)`: the value of `x`, or of `d` when `x` has none (unanswered, skipped,
    /// answered with a code).
    Default(Box<Ast>, Box<Ast>),
    Not(Box<Ast>),
    Neg(Box<Ast>),
    Binary(BinOp, Box<Ast>, Box<Ast>),
}

impl Ast {
    /// Every question the expression reads (a table, for `sum(table.column)`), in order of
    /// first appearance.
    pub fn references(&self) -> Vec<QuestionRef> {
        first_appearances(self.references_with_spans())
    }

    /// The answers evaluation reads, as finely as it reads them: `sum(t.c)` reads column
    /// `c` of table `t` (where [`Ast::references`] names the table), `size(t)` only the
    /// table's rows. In order of first appearance.
    pub fn reads(&self) -> Vec<QuestionRef> {
        let mut refs = Vec::new();
        self.collect(&mut refs, true);
        first_appearances(refs)
    }

    /// The answers evaluation reads, as [`Ast::reads`] names them, repeats included: what
    /// one evaluation costs.
    pub fn reads_each(&self) -> Vec<QuestionRef> {
        let mut refs = Vec::new();
        self.collect(&mut refs, true);
        refs.into_iter().map(|(r, _)| r).collect()
    }

    /// Every reference with the span it has in the expression, repeats included.
    pub fn references_with_spans(&self) -> Vec<(QuestionRef, Range<usize>)> {
        let mut refs = Vec::new();
        self.collect(&mut refs, false);
        refs
    }

    /// `cells`: keep the column `sum(table.column)` reads, rather than name the table.
    fn collect(&self, refs: &mut Vec<(QuestionRef, Range<usize>)>, cells: bool) {
        match &self.kind {
            AstKind::Answer(r)
            | AstKind::Answered(r)
            | AstKind::Size(r)
            | AstKind::Sum(r)
            | AstKind::IsCode(r, _) => {
                let r = if matches!(self.kind, AstKind::Sum(_)) && !cells {
                    QuestionRef { column: None, ..*r }
                } else {
                    *r
                };
                refs.push((r, self.span.clone()));
            }
            AstKind::List(items) => items.iter().for_each(|i| i.collect(refs, cells)),
            AstKind::Not(inner) | AstKind::Neg(inner) => inner.collect(refs, cells),
            AstKind::Binary(_, l, r) | AstKind::Default(l, r) => {
                l.collect(refs, cells);
                r.collect(refs, cells);
            }
            AstKind::If(c, a, b) => {
                c.collect(refs, cells);
                a.collect(refs, cells);
                b.collect(refs, cells);
            }
            AstKind::Bool(_) | AstKind::Number(_) | AstKind::Text(_) | AstKind::Date(_) => {}
        }
    }
}

/// The references, each once, in order of first appearance.
fn first_appearances(found: Vec<(QuestionRef, Range<usize>)>) -> Vec<QuestionRef> {
    let mut refs = Vec::new();
    for (r, _) in found {
        if !refs.contains(&r) {
            refs.push(r);
        }
    }
    refs
}

/// Where a question is: its section, its index there, and a column of a table.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct QuestionRef {
    pub section: usize,
    pub question: usize,
    pub column: Option<usize>,
}
