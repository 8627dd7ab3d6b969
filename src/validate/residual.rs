//! The fast path: on a reply the compiled schema has accepted, check only what the schema
//! cannot say, and answer one question — is there anything at all to report?
//!
//! The schema carries types, options, ranges, lengths, patterns, formats (its `email` is
//! checked by canvass's own test, see [`super::Validator`]), `required`, unknown keys,
//! "please specify" and every `when` that translates. What is left is planned once per
//! questionnaire: the `when`s that do not translate, the answers whose checks are
//! canvass's own (date bounds, table keys, the row limit, control characters in text)
//! and the rules.
//! This module never explains: when it finds anything, the full walk runs and says what
//! and where. It must never say "clean" where the walk would report something; the
//! property tests hold it to that.

use super::{own, rules};
use crate::compile::{schema_carries_column_when, schema_carries_when};
use crate::eval::Previous;
use crate::eval::asked::asked;
use crate::eval::{Answer, Answers, Truth, classify};
use crate::questionnaire::model::{Question, QuestionRef, QuestionType, Questionnaire};
use crate::reply::Limits;
use crate::values::text;
use crate::values::view::ReplyValue;

/// What is left to check after the schema, for one questionnaire.
pub(super) struct Residual {
    /// Questions whose `when` the schema does not carry.
    conditions: Vec<QuestionRef>,
    /// Questions whose answers need canvass's own checks.
    values: Vec<QuestionRef>,
    /// Columns whose `when` the schema does not carry, read in each row of their table.
    row_conditions: Vec<QuestionRef>,
}

impl Residual {
    pub fn plan(q: &Questionnaire) -> Self {
        let mut conditions = Vec::new();
        let mut values = Vec::new();
        let mut row_conditions = Vec::new();
        for (s, section) in q.sections.iter().enumerate() {
            for (i, question) in section.questions.iter().enumerate() {
                let r = QuestionRef {
                    section: s,
                    question: i,
                    column: None,
                };
                for (c, column) in question.columns.iter().enumerate() {
                    if !schema_carries_column_when(q, s, i, column) {
                        row_conditions.push(QuestionRef {
                            column: Some(c),
                            ..r
                        });
                    }
                }
                if !schema_carries_when(q, s, question) {
                    conditions.push(r);
                }
                if needs_own_check(question) {
                    values.push(r);
                }
            }
        }
        Self {
            conditions,
            values,
            row_conditions,
        }
    }

    /// Whether a reply the schema accepted has nothing to report: no error, no warning.
    pub fn clean<'v, V: ReplyValue<'v>>(
        &self,
        q: &Questionnaire,
        reply: V,
        previous: Option<&'v Previous>,
        limits: &Limits,
    ) -> bool {
        let answers = Answers::of(q, reply).with_previous(previous);
        self.conditions.iter().all(|r| {
            let question = q.question(*r);
            let answer = classify(question, answers.raw(*r));
            let blank = matches!(answer, Answer::Blank);
            match asked(q, *r, &answers) {
                Truth::True => !(blank && question.required),
                Truth::False | Truth::Unknown => blank,
            }
        }) && self.values.iter().all(|r| {
            let question = q.question(*r);
            match classify(question, answers.raw(*r)) {
                Answer::Value(v) => answer_clean(question, v, limits),
                Answer::Blank | Answer::Code(_) => true,
            }
        }) && self
            .row_conditions
            .iter()
            .all(|r| rows_clean(q, *r, &answers))
            && !q.rules.iter().any(|rule| rules::fails(rule, q, &answers))
    }
}

/// Whether, in every row of its table, column `r` is answered exactly where its `when`
/// holds (and, if required, answered there).
fn rows_clean<'v, V: ReplyValue<'v>>(
    q: &Questionnaire,
    r: QuestionRef,
    answers: &Answers<'v, V>,
) -> bool {
    let column = q.question(r);
    let table = QuestionRef { column: None, ..r };
    let Some(rows) = answers.raw(table).and_then(ReplyValue::items) else {
        return true;
    };
    rows.into_iter().all(|row| {
        let _row = answers.enter_row(Some(row));
        let blank = matches!(classify(column, row.get(&column.id)), Answer::Blank);
        match asked(q, r, answers) {
            Truth::True => !(blank && column.required),
            Truth::False | Truth::Unknown => blank,
        }
    })
}

/// Whether a question's answers have checks that are canvass's alone.
fn needs_own_check(question: &Question) -> bool {
    matches!(
        question.kind,
        QuestionType::Date | QuestionType::Table | QuestionType::Text
    )
}

fn answer_clean<'v, V: ReplyValue<'v>>(question: &Question, answer: V, limits: &Limits) -> bool {
    match question.kind {
        QuestionType::Date => answer
            .as_str()
            .is_some_and(|s| own::date_problem(question, s).is_none()),
        QuestionType::Table => answer
            .items()
            .is_some_and(|rows| table_clean(question, rows, limits)),
        QuestionType::Text => answer
            .as_str()
            .is_none_or(|s| text::control_character(s).is_none()),
        // Anything else is the schema's to judge, and it has.
        _ => true,
    }
}

fn table_clean<'v, V: ReplyValue<'v>>(
    table: &Question,
    rows: impl ExactSizeIterator<Item = V> + Clone,
    limits: &Limits,
) -> bool {
    if own::rows_over_limit(rows.len(), limits) {
        return false;
    }
    let (missing, extra) = own::rows_in_advance(table, rows.clone());
    if !missing.is_empty() || !extra.is_empty() {
        return false;
    }
    let mut keys = own::RowKeys::new(table);
    rows.into_iter().enumerate().all(|(r, row)| {
        if row.members().is_none() {
            return false;
        }
        keys.repeat(r, row).is_none()
            && table
                .columns
                .iter()
                .filter(|c| needs_own_check(c))
                .all(|column| match classify(column, row.get(&column.id)) {
                    Answer::Value(v) => answer_clean(column, v, limits),
                    Answer::Blank | Answer::Code(_) => true,
                })
    })
}
