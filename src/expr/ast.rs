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
    /// `count(…)`, `any(…)`, `all(…)`: how many of some conditions are true, whether any or
    /// all are, over a list of conditions or over a table's rows.
    Tally(Tally, Over),
    /// A column read in the row of another table (or of the same one) whose key is this
    /// row's key plus `offset` (`-1`: the year before, by `previous(c)`).
    Keyed(Keyed),
    /// The previous cycle's answer to a question (`previous.section.question`): no value
    /// when the respondent has no previous reply, or left it unanswered there.
    Previous(QuestionRef),
    /// Whether the previous cycle's reply answers it (`answered(previous.section.question)`).
    PreviousAnswered(QuestionRef),
    Not(Box<Ast>),
    Neg(Box<Ast>),
    Binary(BinOp, Box<Ast>, Box<Ast>),
}

/// What `count`, `any` and `all` give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    Count,
    Any,
    All,
}

impl Tally {
    pub fn name(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Any => "any",
            Self::All => "all",
        }
    }
}

/// What a tally is over.
#[derive(Debug, Clone, PartialEq)]
pub enum Over {
    /// `count(a == 'x', b == 'x', c == 'x')`.
    Conditions(Vec<Ast>),
    /// `count(table, condition)`: the condition read in each row of the table.
    Rows(QuestionRef, Box<Ast>),
}

/// A cell read by key: column `cell` of the row of its table whose key column equals the
/// key of the row being read (`key` is that row's key column), plus `offset` when it is a
/// year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyed {
    pub cell: QuestionRef,
    pub key: QuestionRef,
    pub offset: i64,
}

impl Ast {
    /// The expressions directly inside this one.
    pub fn children(&self) -> Vec<&Ast> {
        match &self.kind {
            AstKind::List(items) | AstKind::Tally(_, Over::Conditions(items)) => {
                items.iter().collect()
            }
            AstKind::Tally(_, Over::Rows(_, condition)) => vec![condition],
            AstKind::Not(inner) | AstKind::Neg(inner) => vec![inner],
            AstKind::Binary(_, l, r) | AstKind::Default(l, r) => vec![l, r],
            AstKind::If(c, a, b) => vec![c, a, b],
            AstKind::Bool(_)
            | AstKind::Number(_)
            | AstKind::Text(_)
            | AstKind::Date(_)
            | AstKind::Answer(_)
            | AstKind::Answered(_)
            | AstKind::Size(_)
            | AstKind::Sum(_)
            | AstKind::IsCode(..)
            | AstKind::Keyed(_)
            | AstKind::Previous(_)
            | AstKind::PreviousAnswered(_) => Vec::new(),
        }
    }

    /// The questions whose previous-cycle answer the expression reads, in order.
    pub fn previous_reads(&self) -> Vec<QuestionRef> {
        let mut found = Vec::new();
        let mut todo = vec![self];
        while let Some(ast) = todo.pop() {
            if let AstKind::Previous(r) | AstKind::PreviousAnswered(r) = &ast.kind
                && !found.contains(r)
            {
                found.push(*r);
            }
            todo.extend(ast.children().into_iter().rev());
        }
        found
    }

    /// Whether the expression reads the previous cycle (`previous.section.question`).
    pub fn reads_previous(&self) -> bool {
        matches!(
            self.kind,
            AstKind::Previous(_) | AstKind::PreviousAnswered(_)
        ) || self.children().iter().any(|c| c.reads_previous())
    }

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

    /// Every cell read by key (`previous(total)`, another table's row with this row's key),
    /// in order.
    pub fn keyed_reads(&self) -> Vec<Keyed> {
        let mut found = Vec::new();
        let mut todo = vec![self];
        while let Some(ast) = todo.pop() {
            if let AstKind::Keyed(keyed) = &ast.kind {
                found.push(*keyed);
            }
            todo.extend(ast.children().into_iter().rev());
        }
        found
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
            // Another row's cell is shown by whoever shows the rule (it knows which row);
            // evaluation reads it, and the row's key.
            AstKind::Keyed(keyed) if cells => {
                refs.push((keyed.key, self.span.clone()));
                refs.push((keyed.cell, self.span.clone()));
            }
            AstKind::Keyed(_) => {}
            AstKind::Tally(_, Over::Rows(table, _)) if !cells => {
                refs.push((*table, self.span.clone()));
                self.children().iter().for_each(|c| c.collect(refs, cells));
            }
            _ => self.children().iter().for_each(|c| c.collect(refs, cells)),
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
