//! Name resolution and type checking: a syntax tree and a questionnaire in, an [`Ast`]
//! whose names are real questions out — or the first error, with its span in the
//! expression string.

use std::collections::HashMap;

use crate::expr::ast::{Ast, AstKind, BinOp, Keyed, Over, Tally};
use crate::expr::syntax::{Node, NodeKind};
use crate::expr::{ExprError, ExprErrorKind};
use crate::questionnaire::model::{Question, QuestionRef, QuestionType, Questionnaire};
use crate::questionnaire::settings::closest;

/// Where an expression sits: a question's or section's `when` (bare ids resolve in that
/// section), or a rule (every id must name its section). Inside one row of a table (a
/// column's `when` or `compute`, a rule checked `each` row), a bare id is first a column of
/// that row, and `row.column` names one explicitly.
#[derive(Clone, Copy)]
pub struct Scope<'q> {
    pub questionnaire: &'q Questionnaire,
    pub names: &'q Names<'q>,
    pub section: Option<usize>,
    /// The table (a question of `section`) whose row the expression is read in.
    pub row: Option<usize>,
}

impl Scope<'_> {
    /// Whether `r` is a cell of the row this expression is read in.
    fn is_cell(&self, r: QuestionRef) -> bool {
        r.column.is_some() && self.section == Some(r.section) && self.row == Some(r.question)
    }
}

/// Section and question ids by name, so that resolving a name is a lookup, not a scan: a
/// questionnaire may have 100,000 questions. The first of two equal ids wins, as the
/// checker reports the second.
pub struct Names<'q> {
    sections: HashMap<&'q str, usize>,
    questions: Vec<HashMap<&'q str, usize>>,
}

impl<'q> Names<'q> {
    pub fn new(q: &'q Questionnaire) -> Self {
        let mut sections = HashMap::new();
        for (s, section) in q.sections.iter().enumerate() {
            sections.entry(section.id.as_str()).or_insert(s);
        }
        let questions = q
            .sections
            .iter()
            .map(|section| {
                let mut ids = HashMap::new();
                for (i, question) in section.questions.iter().enumerate() {
                    ids.entry(question.id.as_str()).or_insert(i);
                }
                ids
            })
            .collect();
        Self {
            sections,
            questions,
        }
    }
}

/// The type of a value in an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Bool,
    Number,
    Text,
    Date,
    Choice(QuestionRef),
    Multi(QuestionRef),
    Table(QuestionRef),
    /// A table column: only `sum(table.column)` takes one.
    Column(QuestionRef),
    List(Box<Ty>),
}

/// Resolve and type-check an expression that must be true or false.
pub fn check_condition(node: &Node, scope: Scope<'_>) -> Result<Ast, ExprError> {
    let (ast, ty) = resolve(node, scope)?;
    if ty != Ty::Bool {
        return Err(mismatch(
            node.span.clone(),
            format!(
                "this expression gives {}, but a condition must be true or false",
                describe(&ty, scope)
            ),
        ));
    }
    Ok(ast)
}

/// Resolve and type-check the expression of a computed value: a yes/no, a number, a text
/// or a date.
pub fn check_value(node: &Node, scope: Scope<'_>) -> Result<(Ast, Ty), ExprError> {
    let (ast, ty) = resolve(node, scope)?;
    match ty {
        Ty::Bool | Ty::Number | Ty::Text | Ty::Date | Ty::Choice(_) => Ok((ast, ty)),
        _ => Err(mismatch(
            node.span.clone(),
            format!(
                "this expression gives {}, but a computed value must be a yes/no, a number, \
                 a text or a date",
                describe(&ty, scope)
            ),
        )),
    }
}

fn mismatch(span: std::ops::Range<usize>, message: String) -> ExprError {
    ExprError {
        kind: ExprErrorKind::TypeMismatch,
        message,
        span,
        help: None,
    }
}

pub fn describe(ty: &Ty, scope: Scope<'_>) -> String {
    let q = scope.questionnaire;
    match ty {
        Ty::Bool => "yes/no".into(),
        Ty::Number => "a number".into(),
        Ty::Text => "text".into(),
        Ty::Date => "a date".into(),
        Ty::Choice(r) => format!("an option of `{}`", q.path(*r)),
        Ty::Multi(r) => format!("the choices of multi-choice `{}`", q.path(*r)),
        Ty::Table(r) => format!("the rows of table `{}`", q.path(*r)),
        Ty::Column(r) => format!("column `{}`", q.path(*r)),
        Ty::List(_) => "a list".into(),
    }
}

fn type_of(question: &Question, r: QuestionRef) -> Ty {
    match question.kind {
        QuestionType::YesNo => Ty::Bool,
        QuestionType::Choice => Ty::Choice(r),
        QuestionType::MultiChoice => Ty::Multi(r),
        QuestionType::Text | QuestionType::Country | QuestionType::Time => Ty::Text,
        QuestionType::Integer | QuestionType::Number | QuestionType::Year => Ty::Number,
        QuestionType::Date => Ty::Date,
        QuestionType::Table => Ty::Table(r),
    }
}

fn resolve(node: &Node, scope: Scope<'_>) -> Result<(Ast, Ty), ExprError> {
    let span = node.span.clone();
    let (kind, ty) = match &node.kind {
        NodeKind::Bool(b) => (AstKind::Bool(*b), Ty::Bool),
        NodeKind::Number(n) => (AstKind::Number(*n), Ty::Number),
        NodeKind::Str(s) => (AstKind::Text(s.clone()), Ty::Text),
        NodeKind::List(items) => {
            let mut asts = Vec::new();
            let mut item_ty = Ty::Text;
            for item in items {
                let (ast, ty) = resolve(item, scope)?;
                if !matches!(ty, Ty::Text | Ty::Number | Ty::Bool) {
                    return Err(mismatch(
                        item.span.clone(),
                        "a list may only hold literal texts, numbers or true/false".into(),
                    ));
                }
                item_ty = ty;
                asts.push(ast);
            }
            (AstKind::List(asts), Ty::List(Box::new(item_ty)))
        }
        NodeKind::Name(parts) if is_previous(parts) => {
            let r = resolve_previous(parts, scope)?;
            (
                AstKind::Previous(r),
                type_of(scope.questionnaire.question(r), r),
            )
        }
        NodeKind::Name(parts) => {
            let r = resolve_name(parts, scope)?;
            if r.column.is_some()
                && !scope.is_cell(r)
                && let Some(keyed) = keyed_cell(r, scope)
            {
                let kind = AstKind::Keyed(keyed);
                return Ok((
                    Ast { kind, span },
                    type_of(scope.questionnaire.question(r), r),
                ));
            }
            if r.column.is_some() && !scope.is_cell(r) {
                return Ok((
                    Ast {
                        kind: AstKind::Answer(r),
                        span,
                    },
                    Ty::Column(r),
                ));
            }
            (
                AstKind::Answer(r),
                type_of(scope.questionnaire.question(r), r),
            )
        }
        NodeKind::Not(inner) => {
            let (ast, ty) = resolve(inner, scope)?;
            expect(&ty, &Ty::Bool, inner, scope, "`!`")?;
            (AstKind::Not(Box::new(ast)), Ty::Bool)
        }
        NodeKind::Neg(inner) => {
            let (ast, ty) = resolve(inner, scope)?;
            expect(&ty, &Ty::Number, inner, scope, "`-`")?;
            (AstKind::Neg(Box::new(ast)), Ty::Number)
        }
        NodeKind::Binary(op, left, right) => return binary(*op, left, right, span, scope),
        NodeKind::Call(name, args) => return call(name, args, span, scope),
    };
    Ok((Ast { kind, span }, ty))
}

fn expect(ty: &Ty, want: &Ty, node: &Node, scope: Scope<'_>, what: &str) -> Result<(), ExprError> {
    if ty == want {
        return Ok(());
    }
    Err(mismatch(
        node.span.clone(),
        format!(
            "{what} needs {}, but this is {}",
            describe(want, scope),
            describe(ty, scope)
        ),
    ))
}

fn binary(
    op: BinOp,
    left: &Node,
    right: &Node,
    span: std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<(Ast, Ty), ExprError> {
    let (mut l, lt) = resolve(left, scope)?;
    let (mut r, rt) = resolve(right, scope)?;
    if let Some(is_code) = code_comparison(op, &l, &r, &span, scope) {
        return Ok((is_code, Ty::Bool));
    }
    let ty = match op {
        BinOp::And | BinOp::Or => {
            expect(&lt, &Ty::Bool, left, scope, &format!("`{}`", op.symbol()))?;
            expect(&rt, &Ty::Bool, right, scope, &format!("`{}`", op.symbol()))?;
            Ty::Bool
        }
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem => {
            // A text literal beside a date is a date, as in a comparison:
            // `interview_date - '2026-01-01'`.
            let lt = if rt == Ty::Date && literal_against(&Ty::Date, &mut l, scope)? {
                Ty::Date
            } else {
                lt
            };
            let rt = if lt == Ty::Date && literal_against(&Ty::Date, &mut r, scope)? {
                Ty::Date
            } else {
                rt
            };
            arithmetic(op, (&lt, left), (&rt, right), span.clone(), scope)?
        }
        BinOp::Eq | BinOp::Ne => {
            comparable(&mut l, &lt, &mut r, &rt, op, scope)?;
            Ty::Bool
        }
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let ordered = |t: &Ty| matches!(t, Ty::Number | Ty::Date);
            if !ordered(&lt) && !ordered(&rt) {
                return Err(mismatch(
                    span,
                    format!(
                        "`{}` compares numbers or dates, not {} and {}",
                        op.symbol(),
                        describe(&lt, scope),
                        describe(&rt, scope)
                    ),
                ));
            }
            comparable(&mut l, &lt, &mut r, &rt, op, scope)?;
            Ty::Bool
        }
        BinOp::In => {
            match &rt {
                Ty::List(_) => {
                    let AstKind::List(items) = &mut r.kind else {
                        unreachable!("list type comes from a list literal")
                    };
                    for item in items {
                        let item_ty = match item.kind {
                            AstKind::Number(_) => Ty::Number,
                            AstKind::Bool(_) => Ty::Bool,
                            _ => Ty::Text,
                        };
                        comparable(&mut l, &lt, item, &item_ty, op, scope)?;
                    }
                }
                Ty::Multi(q) => {
                    if let AstKind::Text(value) = &l.kind {
                        check_option(*q, value, l.span.clone(), scope)?;
                    } else if !matches!(lt, Ty::Text | Ty::Choice(_)) {
                        return Err(mismatch(
                            l.span.clone(),
                            format!(
                                "only an option can be in {}, not {}",
                                describe(&rt, scope),
                                describe(&lt, scope)
                            ),
                        ));
                    }
                }
                other => {
                    return Err(mismatch(
                        r.span.clone(),
                        format!(
                            "`in` needs a list `[..]` or a multi-choice question, but this is {}",
                            describe(other, scope)
                        ),
                    ));
                }
            }
            Ty::Bool
        }
    };
    let span = span.start..span.end;
    Ok((
        Ast {
            kind: AstKind::Binary(op, Box::new(l), Box::new(r)),
            span,
        },
        ty,
    ))
}

/// `q == 'code'` (or `!=`) where the text is one of the answer codes `q` takes (and not one
/// of its options): whether `q` is answered with that code, whatever `q`'s type (a date
/// question answered `dont_know` is not a date, but it is that code).
fn code_comparison(
    op: BinOp,
    l: &Ast,
    r: &Ast,
    span: &std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Option<Ast> {
    if !matches!(op, BinOp::Eq | BinOp::Ne) {
        return None;
    }
    let (question, code) = match (&l.kind, &r.kind) {
        (AstKind::Answer(q), AstKind::Text(code)) | (AstKind::Text(code), AstKind::Answer(q)) => {
            (*q, code)
        }
        _ => return None,
    };
    let asked = scope.questionnaire.question(question);
    if asked.compute.is_some() || !asked.codes.contains(code) || asked.option(code).is_some() {
        return None;
    }
    let is_code = Ast {
        kind: AstKind::IsCode(question, code.clone()),
        span: span.clone(),
    };
    Some(if op == BinOp::Ne {
        Ast {
            kind: AstKind::Not(Box::new(is_code)),
            span: span.clone(),
        }
    } else {
        is_code
    })
}

/// Whether two sides can be compared; checks a text literal against a choice's options
/// and turns it into a date when the other side is a date.
fn comparable(
    l: &mut Ast,
    lt: &Ty,
    r: &mut Ast,
    rt: &Ty,
    op: BinOp,
    scope: Scope<'_>,
) -> Result<(), ExprError> {
    if literal_against(lt, r, scope)? || literal_against(rt, l, scope)? {
        return Ok(());
    }
    let compatible = match (lt, rt) {
        (Ty::Choice(_) | Ty::Text, Ty::Choice(_) | Ty::Text) => true,
        (a, b) => a == b && matches!(a, Ty::Bool | Ty::Number | Ty::Date),
    };
    if compatible {
        return Ok(());
    }
    Err(mismatch(
        l.span.start..r.span.end,
        format!(
            "`{}` cannot compare {} with {}",
            op.symbol(),
            describe(lt, scope),
            describe(rt, scope)
        ),
    ))
}

/// A text literal compared with a choice must be one of its options; compared with a
/// date, it must be a date (and becomes one). Returns whether the literal was handled.
fn literal_against(value_ty: &Ty, lit: &mut Ast, scope: Scope<'_>) -> Result<bool, ExprError> {
    let AstKind::Text(text) = &lit.kind else {
        return Ok(false);
    };
    match value_ty {
        Ty::Choice(q) => {
            check_option(*q, text, lit.span.clone(), scope)?;
            Ok(true)
        }
        Ty::Date => {
            if !crate::values::dates::is_iso_date(text) {
                return Err(mismatch(
                    lit.span.clone(),
                    format!("'{text}' is not a date: write it as 'YYYY-MM-DD'"),
                ));
            }
            lit.kind = AstKind::Date(text.clone());
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn check_option(
    q: QuestionRef,
    value: &str,
    span: std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<(), ExprError> {
    let question = scope.questionnaire.question(q);
    if question.option(value).is_some() {
        return Ok(());
    }
    let values: Vec<&str> = question.options.iter().map(|o| o.value.as_str()).collect();
    Err(ExprError {
        kind: ExprErrorKind::UnknownLiteral,
        message: format!(
            "'{value}' is not an option of `{}`",
            scope.questionnaire.path(q)
        ),
        span,
        help: Some(match closest(value, &values) {
            Some(near) => format!("did you mean '{near}'? the options are {}", quoted(&values)),
            None => format!("the options are {}", quoted(&values)),
        }),
    })
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn call(
    name: &str,
    args: &[Node],
    span: std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<(Ast, Ty), ExprError> {
    const FUNCTIONS: &[&str] = &[
        "answered", "size", "sum", "if", "default", "count", "any", "all", "previous",
    ];
    match name {
        "if" => return if_call(args, span, scope),
        "default" => return default_call(args, span, scope),
        "count" => return tally_call(Tally::Count, args, span, scope),
        "any" => return tally_call(Tally::Any, args, span, scope),
        "all" => return tally_call(Tally::All, args, span, scope),
        "previous" => return previous_call(args, span, scope),
        _ => {}
    }
    if !FUNCTIONS.contains(&name) {
        return Err(ExprError {
            kind: ExprErrorKind::UnknownReference,
            message: format!("unknown function `{name}`"),
            span: span.start..span.start + name.len(),
            help: Some(match closest(name, FUNCTIONS) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "the functions are `answered(q)`, `size(q)`, `sum(table.column)`, `count(…)`, `any(…)`, `all(…)`, `previous(column)`, `if(condition, a, b)` and `default(x, d)`".into(),
            }),
        });
    }
    let [arg] = args else {
        return Err(mismatch(span, format!("`{name}` takes one question")));
    };
    let NodeKind::Name(parts) = &arg.kind else {
        return Err(mismatch(
            arg.span.clone(),
            format!("`{name}` takes a question id, not an expression"),
        ));
    };
    if name == "answered" && is_previous(parts) {
        let r = resolve_previous(parts, scope)?;
        return Ok((
            Ast {
                kind: AstKind::PreviousAnswered(r),
                span,
            },
            Ty::Bool,
        ));
    }
    let r = resolve_name(parts, scope)?;
    let question = scope.questionnaire.question(r);
    let (kind, ty) = match name {
        "answered" if r.column.is_none() || scope.is_cell(r) => (AstKind::Answered(r), Ty::Bool),
        "size"
            if (r.column.is_none() || scope.is_cell(r))
                && matches!(
                    question.kind,
                    QuestionType::MultiChoice | QuestionType::Table
                ) =>
        {
            (AstKind::Size(r), Ty::Number)
        }
        "sum"
            if r.column.is_some()
                && matches!(
                    question.kind,
                    QuestionType::Integer | QuestionType::Number | QuestionType::Year
                ) =>
        {
            (AstKind::Sum(r), Ty::Number)
        }
        _ => {
            let want = match name {
                "answered" => "a question (not a column)",
                "size" => "a multi-choice or table question",
                _ => "a numeric column of a table, as `table.column`",
            };
            return Err(mismatch(
                arg.span.clone(),
                format!(
                    "`{name}` needs {want}, but `{}` is a {} {}",
                    scope.questionnaire.path(r),
                    question.kind.name(),
                    if r.column.is_some() {
                        "column"
                    } else {
                        "question"
                    }
                ),
            ));
        }
    };
    Ok((Ast { kind, span }, ty))
}

/// `count`, `any`, `all`: over conditions (`count(a == 'x', b == 'x')`), or over a table's
/// rows with a condition read in each row (`count(members, age >= 18)`).
fn tally_call(
    tally: Tally,
    args: &[Node],
    span: std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<(Ast, Ty), ExprError> {
    let name = tally.name();
    let ty = match tally {
        Tally::Count => Ty::Number,
        Tally::Any | Tally::All => Ty::Bool,
    };
    let usage = || {
        format!(
            "`{name}` takes conditions, `{name}(a == 'x', b == 'x')`, or a table and a \
             condition read in each of its rows, `{name}(table, column > 0)`"
        )
    };
    if args.is_empty() {
        return Err(mismatch(span, usage()));
    }
    if let NodeKind::Name(parts) = &args[0].kind
        && let Ok(table) = resolve_name(parts, scope)
        && table.column.is_none()
        && scope.questionnaire.question(table).kind == QuestionType::Table
    {
        let [_, condition] = args else {
            return Err(mismatch(span, usage()));
        };
        let in_row = Scope {
            section: Some(table.section),
            row: Some(table.question),
            ..scope
        };
        let (ast, cty) = resolve(condition, in_row)?;
        expect(&cty, &Ty::Bool, condition, in_row, &format!("`{name}`"))?;
        let kind = AstKind::Tally(tally, Over::Rows(table, Box::new(ast)));
        return Ok((Ast { kind, span }, ty));
    }
    let mut conditions = Vec::with_capacity(args.len());
    for arg in args {
        let (ast, aty) = resolve(arg, scope)?;
        if aty != Ty::Bool {
            return Err(mismatch(
                arg.span.clone(),
                format!("{}, but this is {}", usage(), describe(&aty, scope)),
            ));
        }
        conditions.push(ast);
    }
    let kind = AstKind::Tally(tally, Over::Conditions(conditions));
    Ok((Ast { kind, span }, ty))
}

/// The key column of the table a row-scoped expression is read in, if it has one.
fn row_key(scope: Scope<'_>) -> Option<QuestionRef> {
    let (s, t) = (scope.section?, scope.row?);
    let table = &scope.questionnaire.sections[s].questions[t];
    let c = table.column_index(table.key.as_deref()?)?;
    Some(QuestionRef {
        section: s,
        question: t,
        column: Some(c),
    })
}

/// A column of another keyed table read in a row: the cell of the row with the same key
/// (police per year against prosecution per year), when both tables are keyed alike.
fn keyed_cell(r: QuestionRef, scope: Scope<'_>) -> Option<Keyed> {
    let q = scope.questionnaire;
    let key = row_key(scope)?;
    let other = QuestionRef { column: None, ..r };
    let table = q.question(other);
    let other_key = table.column(table.key.as_deref()?)?;
    (other_key.kind == q.question(key).kind).then_some(Keyed {
        cell: r,
        key,
        offset: 0,
    })
}

/// `previous(column)`: in a row of a table keyed by a year, the column in the row for the
/// year before.
fn previous_call(
    args: &[Node],
    span: std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<(Ast, Ty), ExprError> {
    let usage = "`previous` takes a column and is read in a row of a table keyed by a year \
                 (a column `when` or a rule checked `each` row): `previous(persons)` is \
                 `persons` in the row for the year before";
    let [arg] = args else {
        return Err(mismatch(span, usage.into()));
    };
    let key = row_key(scope)
        .filter(|k| scope.questionnaire.question(*k).kind == QuestionType::Year)
        .ok_or_else(|| mismatch(span.clone(), usage.into()))?;
    let (ast, ty) = resolve(arg, scope)?;
    let cell = match ast.kind {
        AstKind::Answer(r) if scope.is_cell(r) => r,
        AstKind::Keyed(k) if k.offset == 0 => k.cell,
        _ => return Err(mismatch(arg.span.clone(), usage.into())),
    };
    let kind = AstKind::Keyed(Keyed {
        cell,
        key,
        offset: -1,
    });
    Ok((Ast { kind, span }, ty))
}

/// `if(condition, a, b)`: a condition, then two values of one type.
fn if_call(
    args: &[Node],
    span: std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<(Ast, Ty), ExprError> {
    let [condition, then, otherwise] = args else {
        return Err(mismatch(
            span,
            "`if` takes a condition and two values: `if(condition, a, b)`".into(),
        ));
    };
    let (condition_ast, condition_ty) = resolve(condition, scope)?;
    expect(
        &condition_ty,
        &Ty::Bool,
        condition,
        scope,
        "the first part of `if`",
    )?;
    let (a, b, ty) = alike(then, otherwise, "`if`", scope)?;
    let kind = AstKind::If(Box::new(condition_ast), Box::new(a), Box::new(b));
    Ok((Ast { kind, span }, ty))
}

/// `default(x, d)`: a value, and what stands for it when it has none.
fn default_call(
    args: &[Node],
    span: std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<(Ast, Ty), ExprError> {
    let [value, fallback] = args else {
        return Err(mismatch(
            span,
            "`default` takes a value and what stands for it when it has none: `default(x, 0)`"
                .into(),
        ));
    };
    let (a, b, ty) = alike(value, fallback, "`default`", scope)?;
    Ok((
        Ast {
            kind: AstKind::Default(Box::new(a), Box::new(b)),
            span,
        },
        ty,
    ))
}

/// Two values that must be of one type (a text literal beside a choice is one of its
/// options; beside a date, a date); the type is the first's.
fn alike(a: &Node, b: &Node, what: &str, scope: Scope<'_>) -> Result<(Ast, Ast, Ty), ExprError> {
    let (mut l, lt) = resolve(a, scope)?;
    let (mut r, rt) = resolve(b, scope)?;
    let value = |t: &Ty| {
        matches!(
            t,
            Ty::Bool | Ty::Number | Ty::Text | Ty::Date | Ty::Choice(_)
        )
    };
    if !value(&lt) || !value(&rt) {
        let (node, ty) = if value(&lt) { (b, &rt) } else { (a, &lt) };
        return Err(mismatch(
            node.span.clone(),
            format!(
                "{what} takes single values, but this is {}",
                describe(ty, scope)
            ),
        ));
    }
    comparable(&mut l, &lt, &mut r, &rt, BinOp::Eq, scope).map_err(|_| {
        mismatch(
            a.span.start..b.span.end,
            format!(
                "the two values of {what} must be of one type, but they are {} and {}",
                describe(&lt, scope),
                describe(&rt, scope)
            ),
        )
    })?;
    let ty = match (lt, rt) {
        (Ty::Date, _) | (_, Ty::Date) => Ty::Date,
        (Ty::Choice(a), Ty::Choice(b)) if a == b => Ty::Choice(a),
        (Ty::Choice(_) | Ty::Text, Ty::Choice(_) | Ty::Text) => Ty::Text,
        (lt, _) => lt,
    };
    Ok((l, r, ty))
}

fn unknown(span: std::ops::Range<usize>, message: String, help: Option<String>) -> ExprError {
    ExprError {
        kind: ExprErrorKind::UnknownReference,
        message,
        span,
        help,
    }
}

type Part = (String, std::ops::Range<usize>);

fn position(scope: Scope<'_>, s: usize, id: &str) -> Option<usize> {
    scope.names.questions[s].get(id).copied()
}

fn section_index(scope: Scope<'_>, id: &str) -> Option<usize> {
    scope.names.sections.get(id).copied()
}

fn suggest_in(q: &Questionnaire, s: usize, id: &str) -> Option<String> {
    let ids: Vec<&str> = q.sections[s]
        .questions
        .iter()
        .map(|x| x.id.as_str())
        .collect();
    closest(id, &ids).map(|near| format!("did you mean `{near}`?"))
}

fn question_ref(section: usize, question: usize) -> QuestionRef {
    QuestionRef {
        section,
        question,
        column: None,
    }
}

/// Column `id` of table `t` in section `s`.
fn column(
    q: &Questionnaire,
    s: usize,
    t: usize,
    (id, span): &Part,
) -> Result<QuestionRef, ExprError> {
    let table = &q.sections[s].questions[t];
    if let Some(c) = table.columns.iter().position(|c| c.id == *id) {
        return Ok(QuestionRef {
            section: s,
            question: t,
            column: Some(c),
        });
    }
    let ids: Vec<&str> = table.columns.iter().map(|c| c.id.as_str()).collect();
    Err(unknown(
        span.clone(),
        format!(
            "table `{}.{}` has no column `{id}`",
            q.sections[s].id, table.id
        ),
        closest(id, &ids).map(|near| format!("did you mean `{near}`?")),
    ))
}

/// Whether a name reads the previous cycle: `previous.…`.
fn is_previous(parts: &[Part]) -> bool {
    parts.len() > 1 && parts[0].0 == "previous"
}

/// `previous.section.question`: a question outside tables, answered (not computed), whose
/// previous value a rule compares with this cycle's.
fn resolve_previous(parts: &[Part], scope: Scope<'_>) -> Result<QuestionRef, ExprError> {
    let whole = parts[0].1.start..parts[parts.len() - 1].1.end;
    let [_, (section, section_span), (question, question_span)] = parts else {
        return Err(unknown(
            whole,
            "the previous cycle is read as `previous.section.question`".into(),
            None,
        ));
    };
    let q = scope.questionnaire;
    let Some(s) = section_index(scope, section) else {
        let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
        return Err(unknown(
            section_span.clone(),
            format!("no section `{section}`"),
            closest(section, &ids).map(|near| format!("did you mean `{near}`?")),
        ));
    };
    let Some(i) = position(scope, s, question) else {
        return Err(unknown(
            question_span.clone(),
            format!("no question `{question}` in section `{section}`"),
            suggest_in(q, s, question),
        ));
    };
    let r = question_ref(s, i);
    let x = q.question(r);
    if x.compute.is_some() || matches!(x.kind, QuestionType::Table | QuestionType::MultiChoice) {
        return Err(mismatch(
            whole,
            format!(
                "`previous.{section}.{question}` cannot be read: the previous cycle keeps the \
                 answers to questions outside tables, not computed values, tables or multiple \
                 choices"
            ),
        ));
    }
    Ok(r)
}

fn resolve_name(parts: &[Part], scope: Scope<'_>) -> Result<QuestionRef, ExprError> {
    let q = scope.questionnaire;
    match parts {
        [(id, span)] => resolve_bare(id, span, scope),
        [(first, _), second] if first == "row" && scope.row.is_some() => {
            let (s, t) = (
                scope.section.expect("a row is in a section"),
                scope.row.expect("row"),
            );
            column(q, s, t, second)
        }
        [(first, first_span), (second, second_span)] => {
            if let Some(s) = section_index(scope, first) {
                return position(scope, s, second)
                    .map(|i| question_ref(s, i))
                    .ok_or_else(|| {
                        unknown(
                            second_span.clone(),
                            format!("no question `{second}` in section `{first}`"),
                            suggest_in(q, s, second),
                        )
                    });
            }
            if let Some(s) = scope.section
                && let Some(t) = position(scope, s, first)
                && q.sections[s].questions[t].kind == QuestionType::Table
            {
                return column(q, s, t, &parts[1]);
            }
            let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
            Err(unknown(
                first_span.clone(),
                format!("no section `{first}`"),
                closest(first, &ids).map(|near| format!("did you mean `{near}`?")),
            ))
        }
        [(first, first_span), (second, _), third] => {
            let Some(s) = section_index(scope, first) else {
                return Err(unknown(
                    first_span.clone(),
                    format!("no section `{first}`"),
                    None,
                ));
            };
            match position(scope, s, second) {
                Some(t) if q.sections[s].questions[t].kind == QuestionType::Table => {
                    column(q, s, t, third)
                }
                _ => Err(unknown(
                    first_span.start..third.1.end,
                    format!("no table `{second}` in section `{first}`"),
                    suggest_in(q, s, second),
                )),
            }
        }
        _ => Err(unknown(
            parts[0].1.start..parts[parts.len() - 1].1.end,
            "a name has at most three parts: `section.table.column`".into(),
            None,
        )),
    }
}

/// A name without a section: a question of the expression's own section.
fn resolve_bare(
    id: &str,
    span: &std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<QuestionRef, ExprError> {
    let q = scope.questionnaire;
    let Some(s) = scope.section else {
        let owners: Vec<String> = q
            .sections_asking(id)
            .map(|s| format!("`{}.{id}`", s.id))
            .collect();
        return Err(unknown(
            span.clone(),
            format!("`{id}` must name its section in a rule"),
            Some(if owners.is_empty() {
                "write `section.question`".into()
            } else {
                format!("did you mean {}?", owners.join(" or "))
            }),
        ));
    };
    if let Some(t) = scope.row
        && let Some(c) = q.sections[s].questions[t]
            .columns
            .iter()
            .position(|c| c.id == id)
    {
        return Ok(QuestionRef {
            section: s,
            question: t,
            column: Some(c),
        });
    }
    position(scope, s, id)
        .map(|i| question_ref(s, i))
        .ok_or_else(|| match scope.row {
            Some(t) => {
                let table = &q.sections[s].questions[t];
                let mut ids: Vec<&str> = table.columns.iter().map(|c| c.id.as_str()).collect();
                ids.extend(q.sections[s].questions.iter().map(|x| x.id.as_str()));
                unknown(
                    span.clone(),
                    format!(
                        "no column `{id}` in table `{}.{}`, and no question `{id}` in its section",
                        q.sections[s].id, table.id
                    ),
                    closest(id, &ids).map(|near| format!("did you mean `{near}`?")),
                )
            }
            None => unknown(
                span.clone(),
                format!("no question `{id}` in section `{}`", q.sections[s].id),
                suggest_in(q, s, id),
            ),
        })
}

/// The type of `+ - * / %`: numbers give a number; a date minus a date is a number of days;
/// a date plus or minus a number of days is a date; anything else is a mismatch.
fn arithmetic(
    op: BinOp,
    (lt, left): (&Ty, &Node),
    (rt, right): (&Ty, &Node),
    span: std::ops::Range<usize>,
    scope: Scope<'_>,
) -> Result<Ty, ExprError> {
    Ok(match op {
        BinOp::Sub if *lt == Ty::Date && *rt == Ty::Date => Ty::Number,
        BinOp::Add | BinOp::Sub if *lt == Ty::Date || (op == BinOp::Add && *rt == Ty::Date) => {
            let days = if *lt == Ty::Date { rt } else { lt };
            if *days != Ty::Number {
                return Err(mismatch(
                    span,
                    format!(
                        "`{}` on a date takes a number of days{}, not {}",
                        op.symbol(),
                        if op == BinOp::Sub {
                            " or another date"
                        } else {
                            ""
                        },
                        describe(days, scope)
                    ),
                ));
            }
            Ty::Date
        }
        _ => {
            if *rt == Ty::Date || *lt == Ty::Date {
                let hint = if op == BinOp::Sub {
                    ": a number minus a date has no meaning (a date minus a number of days is a date)"
                } else {
                    ""
                };
                return Err(mismatch(
                    span,
                    format!("`{}` takes numbers, not a date{hint}", op.symbol()),
                ));
            }
            expect(lt, &Ty::Number, left, scope, &format!("`{}`", op.symbol()))?;
            expect(rt, &Ty::Number, right, scope, &format!("`{}`", op.symbol()))?;
            Ty::Number
        }
    })
}
