//! Evaluation of a resolved expression over a reply, in three-valued logic.
//!
//! An unanswered question, an answer code, or an answer of the wrong kind has no value:
//! comparisons with it are *unknown*, `&&`/`||` follow Kleene's rules, and a `when` holds
//! only when it is *true*. This is what the spec means by "an answer code never satisfies a
//! comparison" and "a rule that reads an unanswered question is not evaluated".
//! Evaluation never fails and never allocates for the common cases. [`asked`] says, with
//! it, whether a question or a cell is asked.
//!
//! It sits above the questionnaire model (it reads a checked questionnaire's expressions)
//! and below every stage that reads answers: the walk, the fast path, tabulate.

use std::cell::Cell;
use std::rc::Rc;

pub mod asked;

use crate::expr::ast::{Ast, AstKind, BinOp, Keyed, Over, Tally};
use crate::questionnaire::model::{Question, QuestionRef, QuestionType, Questionnaire};
use crate::values::dates::is_iso_date;
use crate::values::number::Decimal;
use crate::values::view::{Kind, ReplyValue};

/// How a question was answered; `V` is a value of the reply, however it was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer<V> {
    /// Absent, empty text or empty list: "no answer".
    Blank,
    /// One of the question's answer codes (`"dont_know"`, or the number a survey system
    /// writes for it, `88`): its index in the question's `codes`.
    Code(usize),
    Value(V),
}

/// Classify a raw reply value for a question.
pub fn classify<'v, V: ReplyValue<'v>>(question: &Question, value: Option<V>) -> Answer<V> {
    let Some(value) = value else {
        return Answer::Blank;
    };
    if value.is_null() {
        return Answer::Blank;
    }
    if let Some(s) = value.as_str() {
        if s.is_empty() {
            return Answer::Blank;
        }
        if let Some(i) = question.codes.iter().position(|c| c == s) {
            return Answer::Code(i);
        }
    } else if value.items().is_some_and(|items| items.len() == 0) {
        return Answer::Blank;
    } else if !question.code_numbers.is_empty()
        && let Some(n) = value.as_decimal()
        && let Some(&(_, i)) = question.code_numbers.iter().find(|(code, _)| *code == n)
    {
        return Answer::Code(i);
    }
    Answer::Value(value)
}

/// Every question's raw answer in a reply, matched once: evaluation reads answers many
/// times (each `when`, each rule). Matching walks the reply's keys and compares them with
/// the few ids of a section, which costs less than hashing every id.
pub struct Answers<'v, V> {
    flat: Vec<Option<V>>,
    /// The row a row-scoped expression is read in (a column's `when`, an `each` rule);
    /// shared with the [`RowScope`] that entered it, which puts the outer one back.
    row: Rc<Cell<Option<V>>>,
    /// Set when a `sum` left out a blank or coded cell, or a `count` a condition that was
    /// unknown: a value that may be short of the truth, which a rule must not judge by.
    partial: Cell<bool>,
    starts: Vec<usize>,
    /// Each section's value in the reply, if it is there.
    pub sections: Vec<Option<V>>,
    /// Keys that name nothing: `(None, key)` at the top level (besides `questionnaire` and
    /// `version`), `(Some(section), key)` inside a section (besides "please specify" ids).
    pub unmatched: Vec<(Option<usize>, &'v str)>,
    /// The respondent's answers of the previous cycle, read by `previous.section.question`.
    pub previous: Option<&'v Previous>,
}

/// A respondent's answers of the previous cycle, as rules read them: the value of each
/// question outside tables, kept apart from the reply (a reply cannot write them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Previous {
    flat: Vec<Option<Kept>>,
    starts: Vec<usize>,
}

/// One previous answer's value.
#[derive(Debug, Clone, PartialEq)]
enum Kept {
    Bool(bool),
    Num(crate::values::number::Decimal),
    Str(String),
    Date(String),
}

impl Previous {
    /// The previous cycle's values in `reply` (read against `q`, the current questionnaire:
    /// a question it no longer has is not read; one it has anew is unanswered).
    pub fn of(q: &Questionnaire, reply: &serde_json::Value) -> Self {
        let answers = Answers::of(q, reply);
        let mut flat = Vec::with_capacity(answers.flat.len());
        for (s, section) in q.sections.iter().enumerate() {
            for (i, question) in section.questions.iter().enumerate() {
                let raw = answers.flat[answers.starts[s] + i];
                let kept = match answer_value(question, raw) {
                    Some(Val::Bool(b)) => Some(Kept::Bool(b)),
                    Some(Val::Num(n)) => Some(Kept::Num(n)),
                    Some(Val::Str(t)) => Some(Kept::Str(t.to_string())),
                    Some(Val::Date(d)) => Some(Kept::Date(d.to_string())),
                    _ => None,
                };
                flat.push(kept);
            }
        }
        Self {
            flat,
            starts: answers.starts,
        }
    }

    /// The previous value of question `r`, as expressions read it.
    pub fn value<V>(&self, r: QuestionRef) -> Option<Val<'_, V>> {
        let start = self.starts.get(r.section)?;
        Some(match self.flat.get(start + r.question)?.as_ref()? {
            Kept::Bool(b) => Val::Bool(*b),
            Kept::Num(n) => Val::Num(*n),
            Kept::Str(t) => Val::Str(t),
            Kept::Date(d) => Val::Date(d),
        })
    }
}

impl<'v, V: ReplyValue<'v>> Answers<'v, V> {
    pub fn of(q: &Questionnaire, reply: V) -> Self {
        let mut starts = Vec::with_capacity(q.sections.len());
        let mut total = 0;
        for section in &q.sections {
            starts.push(total);
            total += section.questions.len();
        }
        let mut answers = Self {
            flat: vec![None; total],
            row: Rc::new(Cell::new(None)),
            partial: Cell::new(false),
            starts,
            sections: vec![None; q.sections.len()],
            unmatched: Vec::new(),
            previous: None,
        };
        let Some(root) = reply.members() else {
            return answers;
        };
        // Replies usually follow the questionnaire's order: each search starts where the
        // last match left off, so a reply in order is matched with one comparison per key.
        let mut next_section = 0;
        for (key, value) in root {
            if crate::questionnaire::REPLY_KEYS.contains(&key) {
                continue;
            }
            let Some(s) = find_from(&q.sections, next_section, |section| section.id == key) else {
                answers.unmatched.push((None, key));
                continue;
            };
            next_section = s + 1;
            answers.sections[s] = Some(value);
            let section = &q.sections[s];
            let mut next_question = 0;
            for (key, value) in value.members().into_iter().flatten() {
                match find_from(&section.questions, next_question, |x| x.id == key) {
                    Some(i) => {
                        answers.flat[answers.starts[s] + i] = Some(value);
                        next_question = i + 1;
                    }
                    None if Question::is_specify_among(&section.questions, key) => {}
                    None => answers.unmatched.push((Some(s), key)),
                }
            }
        }
        answers
    }

    /// The same answers, with the respondent's previous cycle to read.
    #[must_use]
    pub fn with_previous(mut self, previous: Option<&'v Previous>) -> Self {
        self.previous = previous;
        self
    }

    /// The raw value of a question (a table, for a column reference).
    pub fn raw(&self, r: QuestionRef) -> Option<V> {
        self.flat[self.starts[r.section] + r.question]
    }

    /// The raw value of a question, or of a column in the current row.
    pub fn raw_in_row(&self, q: &Questionnaire, r: QuestionRef) -> Option<V> {
        match r.column {
            Some(_) => self.row.get()?.get(&q.question(r).id),
            None => self.raw(r),
        }
    }

    /// Whether an aggregate evaluated since the last call left something out (see
    /// `partial`); the flag is cleared.
    pub fn take_partial(&self) -> bool {
        self.partial.replace(false)
    }

    /// The row row-scoped expressions are read in now.
    pub fn current_row(&self) -> Option<V> {
        self.row.get()
    }

    /// Read row-scoped expressions in `row` (or in no row) until the returned scope is
    /// dropped, which puts back the row they were read in before: a row cannot be left
    /// half-entered, whatever way the caller's block ends.
    pub fn enter_row(&self, row: Option<V>) -> RowScope<V> {
        RowScope {
            outer: self.row.replace(row),
            row: Rc::clone(&self.row),
        }
    }
}

/// A row entered by [`Answers::enter_row`]; dropping it leaves the row.
#[must_use = "the row is left as soon as its scope is dropped"]
pub struct RowScope<V> {
    row: Rc<Cell<Option<V>>>,
    outer: Option<V>,
}

impl<V> Drop for RowScope<V> {
    fn drop(&mut self) {
        self.row.set(self.outer.take());
    }
}

/// The position of the first item that matches, searching from `start` to the end and
/// then from the beginning.
fn find_from<T>(items: &[T], start: usize, matches: impl Fn(&T) -> bool) -> Option<usize> {
    let start = start.min(items.len());
    (start..items.len())
        .chain(0..start)
        .find(|&i| matches(&items[i]))
}

/// The value an answer has in expressions, if it has one. A list (`Multi`, `Rows`) is
/// the reply's array itself.
#[derive(Debug, Clone)]
pub enum Val<'a, V> {
    Bool(bool),
    Num(Decimal),
    Str(&'a str),
    Date(&'a str),
    /// A date computed by arithmetic, in days from 1970-01-01.
    Day(i64),
    Multi(V),
    Rows(V),
    List(&'a [Ast]),
}

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

/// Evaluate a condition.
pub fn truth<'a, 'v: 'a, V: ReplyValue<'v>>(
    ast: &'a Ast,
    q: &'a Questionnaire,
    answers: &Answers<'v, V>,
) -> Truth {
    match eval(ast, q, answers) {
        Some(Val::Bool(true)) => Truth::True,
        Some(Val::Bool(false)) => Truth::False,
        _ => Truth::Unknown,
    }
}

/// The value of a question's answer in expressions.
pub fn answer_value<'a, V: ReplyValue<'a>>(
    question: &Question,
    raw: Option<V>,
) -> Option<Val<'a, V>> {
    let Answer::Value(value) = classify(question, raw) else {
        return None;
    };
    match question.kind {
        QuestionType::YesNo => value.as_bool().map(Val::Bool),
        QuestionType::Choice | QuestionType::Text | QuestionType::Country => {
            value.as_str().map(Val::Str)
        }
        QuestionType::Integer | QuestionType::Number | QuestionType::Year => {
            value.as_decimal().map(Val::Num)
        }
        QuestionType::Date => value.as_str().filter(|s| is_iso_date(s)).map(Val::Date),
        // `hh:mm` compares as text: `==` and `!=`.
        QuestionType::Time => value
            .as_str()
            .filter(|s| crate::values::dates::is_time(s))
            .map(Val::Str),
        QuestionType::MultiChoice => value.items().map(|_| Val::Multi(value)),
        QuestionType::Table => value.items().map(|_| Val::Rows(value)),
    }
}

pub fn eval<'a, 'v: 'a, V: ReplyValue<'v>>(
    ast: &'a Ast,
    q: &'a Questionnaire,
    answers: &Answers<'v, V>,
) -> Option<Val<'a, V>> {
    match &ast.kind {
        AstKind::Bool(b) => Some(Val::Bool(*b)),
        AstKind::Number(n) => Some(Val::Num(*n)),
        AstKind::Text(s) => Some(Val::Str(s)),
        AstKind::Date(s) => Some(Val::Date(s)),
        AstKind::List(items) => Some(Val::List(items)),
        AstKind::Answer(r) => value_of(q, answers, *r),
        AstKind::Answered(r) => Some(Val::Bool(match &q.question(*r).compute {
            Some(_) => value_of(q, answers, *r).is_some(),
            None => matches!(
                classify(q.question(*r), answers.raw_in_row(q, *r)),
                Answer::Value(_)
            ),
        })),
        AstKind::Size(r) => match answer_value(q.question(*r), answers.raw_in_row(q, *r))? {
            Val::Multi(list) | Val::Rows(list) => {
                list.items().map(|items| Val::Num(items.len().into()))
            }
            _ => None,
        },
        AstKind::Sum(r) => sum(q, answers, *r),
        AstKind::IsCode(r, code) => Some(Val::Bool(matches!(
            classify(q.question(*r), answers.raw_in_row(q, *r)),
            Answer::Code(given) if q.question(*r).codes[given] == *code
        ))),
        AstKind::Not(inner) => match eval(inner, q, answers)? {
            Val::Bool(b) => Some(Val::Bool(!b)),
            _ => None,
        },
        AstKind::Neg(inner) => match eval(inner, q, answers)? {
            Val::Num(n) => Some(Val::Num(-n)),
            _ => None,
        },
        AstKind::Binary(op, l, r) => binary(*op, l, r, q, answers),
        AstKind::If(condition, then, otherwise) => match eval(condition, q, answers)? {
            Val::Bool(true) => eval(then, q, answers),
            Val::Bool(false) => eval(otherwise, q, answers),
            _ => None,
        },
        AstKind::Default(value, fallback) => {
            eval(value, q, answers).or_else(|| eval(fallback, q, answers))
        }
        AstKind::Tally(tally, over) => self::tally(*tally, over, q, answers),
        AstKind::Previous(r) => answers.previous.and_then(|p| p.value(*r)),
        AstKind::PreviousAnswered(r) => Some(Val::Bool(
            answers.previous.is_some_and(|p| p.value::<V>(*r).is_some()),
        )),
        AstKind::Keyed(keyed) => {
            let (_, row) = keyed_row(keyed, q, answers)?;
            let _row = answers.enter_row(Some(row));
            value_of(q, answers, keyed.cell)
        }
    }
}

/// The row a keyed read reads (its index and value): the row of the cell's table whose key
/// is the current row's key (plus the offset, for a year).
pub fn keyed_row<'v, V: ReplyValue<'v>>(
    keyed: &Keyed,
    q: &Questionnaire,
    answers: &Answers<'v, V>,
) -> Option<(usize, V)> {
    let key_column = q.question(keyed.key);
    let here = answer_value(key_column, answers.current_row()?.get(&key_column.id))?;
    let wanted = match (here, keyed.offset) {
        (here, 0) => here,
        (Val::Num(year), offset) => Val::Num(year.checked_add(Decimal::from(offset))?),
        _ => return None,
    };
    let table_ref = QuestionRef {
        column: None,
        ..keyed.cell
    };
    let table = q.question(table_ref);
    let other_key = table.column(table.key.as_deref()?)?;
    let rows = answers.raw(table_ref)?.items()?;
    rows.enumerate().find(|(_, row)| {
        answer_value(other_key, row.get(&other_key.id))
            .and_then(|v| equal(&v, &wanted))
            .unwrap_or(false)
    })
}

/// `count`, `any`, `all`. `count` counts what is true; a condition that is unknown is not
/// counted and marks the count partial. `any` and `all` follow `||` and `&&`.
fn tally<'a, 'v: 'a, V: ReplyValue<'v>>(
    tally: Tally,
    over: &'a Over,
    q: &'a Questionnaire,
    answers: &Answers<'v, V>,
) -> Option<Val<'a, V>> {
    let (mut yes, mut no, mut unknown) = (0usize, 0usize, 0usize);
    let mut judge = |t: Truth| match t {
        Truth::True => yes += 1,
        Truth::False => no += 1,
        Truth::Unknown => unknown += 1,
    };
    match over {
        Over::Conditions(conditions) => conditions.iter().for_each(|c| judge(truth(c, q, answers))),
        Over::Rows(table, condition) => {
            let Val::Rows(rows) = answer_value(q.question(*table), answers.raw(*table))? else {
                return None;
            };
            for row in rows.items()? {
                let _row = answers.enter_row(Some(row));
                judge(truth(condition, q, answers));
            }
        }
    }
    match tally {
        Tally::Count => {
            if unknown > 0 {
                answers.partial.set(true);
            }
            Some(Val::Num(yes.into()))
        }
        Tally::Any if yes > 0 => Some(Val::Bool(true)),
        Tally::All if no > 0 => Some(Val::Bool(false)),
        _ if unknown > 0 => None,
        Tally::Any => Some(Val::Bool(false)),
        Tally::All => Some(Val::Bool(true)),
    }
}

/// The value of a question (or of a cell of the current row) in expressions: its answer,
/// or, for a computed value, what its expression gives.
pub fn value_of<'a, 'v: 'a, V: ReplyValue<'v>>(
    q: &'a Questionnaire,
    answers: &Answers<'v, V>,
    r: QuestionRef,
) -> Option<Val<'a, V>> {
    let question = q.question(r);
    match &question.compute {
        Some(compute) => Some(computed(question, eval(compute.ast(), q, answers)?)),
        None => answer_value(question, answers.raw_in_row(q, r)),
    }
}

/// A computed value as its question's type holds it: a whole number is the whole part of
/// what the expression gives (an age in years from a number of days, for instance).
fn computed<'a, V>(question: &Question, value: Val<'a, V>) -> Val<'a, V> {
    match (question.kind, value) {
        (QuestionType::Integer | QuestionType::Year, Val::Num(n)) => Val::Num(n.trunc()),
        (_, value) => value,
    }
}

fn sum<'a, 'v: 'a, V: ReplyValue<'v>>(
    q: &'a Questionnaire,
    answers: &Answers<'v, V>,
    r: QuestionRef,
) -> Option<Val<'a, V>> {
    let table_ref = QuestionRef { column: None, ..r };
    let Val::Rows(rows) = answer_value(q.question(table_ref), answers.raw(table_ref))? else {
        return None;
    };
    let rows = rows.items()?;
    // Each cell is read in its own row (a computed column is computed there). A blank or
    // coded cell adds nothing and marks the sum partial: a condition reads the figures
    // given, a rule does not judge by them.
    let mut total = Decimal::ZERO;
    for row in rows {
        let _row = answers.enter_row(Some(row));
        match value_of(q, answers, r) {
            Some(Val::Num(n)) => total = total.checked_add(n)?,
            _ => answers.partial.set(true),
        }
    }
    Some(Val::Num(total))
}

fn binary<'a, 'v: 'a, V: ReplyValue<'v>>(
    op: BinOp,
    l: &'a Ast,
    r: &'a Ast,
    q: &'a Questionnaire,
    answers: &Answers<'v, V>,
) -> Option<Val<'a, V>> {
    match op {
        BinOp::And | BinOp::Or => {
            let short = op == BinOp::Or;
            let left = eval(l, q, answers);
            if matches!(left, Some(Val::Bool(b)) if b == short) {
                return Some(Val::Bool(short));
            }
            let right = eval(r, q, answers);
            if matches!(right, Some(Val::Bool(b)) if b == short) {
                return Some(Val::Bool(short));
            }
            match (left?, right?) {
                (Val::Bool(_), Val::Bool(_)) => Some(Val::Bool(!short)),
                _ => None,
            }
        }
        BinOp::In => {
            let left = eval(l, q, answers)?;
            match eval(r, q, answers)? {
                Val::List(items) => {
                    let mut any = false;
                    for item in items {
                        any |= equal(&left, &eval(item, q, answers)?)?;
                    }
                    Some(Val::Bool(any))
                }
                Val::Multi(chosen) => {
                    let Val::Str(s) = left else { return None };
                    Some(Val::Bool(chosen.items()?.any(|c| c.as_str() == Some(s))))
                }
                _ => None,
            }
        }
        _ => {
            let left = eval(l, q, answers)?;
            let right = eval(r, q, answers)?;
            match op {
                BinOp::Eq => equal(&left, &right).map(Val::Bool),
                BinOp::Ne => equal(&left, &right).map(|e| Val::Bool(!e)),
                BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                    let ordering = match (&left, &right) {
                        (Val::Num(a), Val::Num(b)) => a.cmp(b),
                        (Val::Date(a), Val::Date(b)) => a.cmp(b),
                        (Val::Day(_), _) | (_, Val::Day(_)) => day_of(&left)?.cmp(&day_of(&right)?),
                        _ => return None,
                    };
                    Some(Val::Bool(match op {
                        BinOp::Lt => ordering.is_lt(),
                        BinOp::Le => ordering.is_le(),
                        BinOp::Gt => ordering.is_gt(),
                        _ => ordering.is_ge(),
                    }))
                }
                _ => arithmetic(op, &left, &right),
            }
        }
    }
}

/// `+ - * / %` on numbers, and on dates: a date minus a date is a number of days, a
/// date plus or minus a whole number of days is a date. Exact; `None` (no value) on
/// overflow, division by zero, a fraction of a day, or a date outside years 0–9999.
fn arithmetic<'a, V>(op: BinOp, left: &Val<'a, V>, right: &Val<'a, V>) -> Option<Val<'a, V>> {
    if let (Some(a), Some(b)) = (day_of(left), day_of(right)) {
        return (op == BinOp::Sub).then(|| Val::Num(Decimal::from(a - b)));
    }
    if let Some(day) = day_of(left).or_else(|| day_of(right)) {
        let n = match (left, right) {
            (Val::Num(n), _) | (_, Val::Num(n)) => *n,
            _ => return None,
        };
        if !n.fract().is_zero() {
            return None;
        }
        let n = i64::try_from(n).ok()?;
        let moved = match op {
            BinOp::Add => day.checked_add(n)?,
            BinOp::Sub if day_of(left).is_some() => day.checked_sub(n)?,
            _ => return None,
        };
        // Only dates a reply can hold.
        crate::values::dates::from_days(moved)?;
        return Some(Val::Day(moved));
    }
    let (Val::Num(a), Val::Num(b)) = (left, right) else {
        return None;
    };
    let n = match op {
        BinOp::Add => a.checked_add(*b),
        BinOp::Sub => a.checked_sub(*b),
        BinOp::Mul => a.checked_mul(*b),
        BinOp::Div => a.checked_div(*b),
        _ => a.checked_rem(*b),
    };
    n.map(Val::Num)
}

/// A date's day number, whether written in the reply or computed.
fn day_of<V>(v: &Val<'_, V>) -> Option<i64> {
    match v {
        Val::Date(text) => crate::values::dates::days(text),
        Val::Day(day) => Some(*day),
        _ => None,
    }
}

fn equal<V>(a: &Val<'_, V>, b: &Val<'_, V>) -> Option<bool> {
    if let (Val::Day(_), _) | (_, Val::Day(_)) = (a, b) {
        return Some(day_of(a)? == day_of(b)?);
    }
    match (a, b) {
        (Val::Bool(x), Val::Bool(y)) => Some(x == y),
        (Val::Num(x), Val::Num(y)) => Some(x == y),
        (Val::Str(x), Val::Str(y)) | (Val::Date(x), Val::Date(y)) => Some(x == y),
        _ => None,
    }
}

/// A computed value as a finding shows it: `34`, `'yes'`, `true`, `2024-03-01`.
pub fn display_val<V>(value: &Val<'_, V>) -> String {
    match value {
        Val::Bool(b) => b.to_string(),
        Val::Num(n) => n.normalize().to_string(),
        Val::Str(s) => format!("'{s}'"),
        Val::Date(d) => (*d).to_string(),
        Val::Day(day) => crate::values::dates::from_days(*day).unwrap_or_default(),
        Val::Multi(_) | Val::Rows(_) | Val::List(_) => "…".into(),
    }
}

/// An answer's value as a rule finding shows it: `400`, `'yes'`, `true`.
pub fn display<'v>(value: impl ReplyValue<'v>) -> String {
    match (value.kind(), value.items()) {
        (Kind::String(s), _) => format!("'{s}'"),
        (_, Some(items)) if items.clone().all(|i| i.as_str().is_some()) => {
            format!("[{}]", items.map(display).collect::<Vec<_>>().join(", "))
        }
        (_, Some(items)) => format!("{} rows", items.len()),
        (Kind::Number, _) => value.number_text().unwrap_or_default().into_owned(),
        _ => value.json_text(),
    }
}
