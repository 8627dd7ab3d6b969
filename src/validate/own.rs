//! canvass's own checks — what the compiled schema cannot say — each written once: the full
//! walk calls them to explain a fault, the fast path to say there is none. Two copies held
//! together by tests would drift; one function cannot.
//!
//! Each answers a question about one answer or one row and words nothing: the walk turns the
//! answer into a finding.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::eval::{Answer, classify};
use crate::findings::words::Args;
use crate::questionnaire::model::{Bound, Question};
use crate::reply::Limits;
use crate::values::dates::{self, DateFault};
use crate::values::view::ReplyValue;

/// What is wrong with a date answer: its form, or its place outside the question's bounds.
pub(super) enum DateProblem {
    Form(DateFault),
    /// The id of its words and their fields.
    Range(&'static str, Args),
}

/// The date answer's problem, if it has one.
pub(super) fn date_problem(question: &Question, date: &str) -> Option<DateProblem> {
    if let Some(fault) = dates::fault(date) {
        return Some(DateProblem::Form(fault));
    }
    date_out_of_range(question, date).map(|(id, args)| DateProblem::Range(id, args))
}

/// What is wrong with a real date (`YYYY-MM-DD`) outside the question's date bounds: the
/// id of its words and their fields. ISO dates compare as text.
fn date_out_of_range(question: &Question, date: &str) -> Option<(&'static str, Args)> {
    fn bound(b: Option<&Bound>) -> Option<&str> {
        match b {
            Some(Bound::Date(d)) => Some(d),
            _ => None,
        }
    }
    match (bound(question.min.as_ref()), bound(question.max.as_ref())) {
        (Some(min), _) if date < min => Some((
            "date-too-early",
            Args::new().text("value", date).text("min", min),
        )),
        (_, Some(max)) if date > max => Some((
            "date-too-late",
            Args::new().text("value", date).text("max", max),
        )),
        _ => None,
    }
}

/// Whether a table has more rows than canvass reads (`--max-rows`).
pub(super) fn rows_over_limit(rows: usize, limits: &Limits) -> bool {
    rows > limits.max_rows
}

/// The key values of a table's rows so far: a row whose key repeats an earlier row's is a
/// `duplicate-row`.
pub(super) struct RowKeys<'q, 'v> {
    column: Option<&'q Question>,
    seen: HashMap<Cow<'v, str>, usize>,
}

impl<'q, 'v> RowKeys<'q, 'v> {
    pub fn new(table: &'q Question) -> Self {
        Self {
            column: table.key.as_deref().and_then(|k| table.column(k)),
            seen: HashMap::new(),
        }
    }

    /// Row `r`'s key value and the earlier row that has the same, if one does.
    pub fn repeat<V: ReplyValue<'v>>(&mut self, r: usize, row: V) -> Option<(usize, V)> {
        let column = self.column?;
        let Answer::Value(value) = classify(column, row.get(&column.id)) else {
            return None;
        };
        match self.seen.entry(key_text(value)) {
            std::collections::hash_map::Entry::Occupied(first) => Some((*first.get(), value)),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(r);
                None
            }
        }
    }
}

/// A table row's key as rows are compared: a text in Unicode's composed form (NFC), so
/// "Código" typed with a combined accent and with a separate one is the same key.
fn key_text<'v, V: ReplyValue<'v>>(value: V) -> Cow<'v, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match value.as_str() {
        Some(s) if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes => Cow::Borrowed(s),
        Some(s) => Cow::Owned(s.nfc().collect()),
        None => Cow::Owned(value.json_text()),
    }
}

/// A table's rows given in advance that a reply leaves out (their keys, in the
/// questionnaire's order), and the rows it gives that are not among them (their indexes).
/// A row without a usable key is neither: its own finding says what is wrong with it.
pub(super) fn rows_in_advance<'q, 'v, V: ReplyValue<'v>>(
    table: &'q Question,
    rows: impl Iterator<Item = V>,
) -> (Vec<&'q str>, Vec<usize>) {
    let Some(column) = table.key.as_deref().and_then(|k| table.column(k)) else {
        return (Vec::new(), Vec::new());
    };
    if table.rows.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut given = vec![false; table.rows.len()];
    let mut extra = Vec::new();
    for (r, row) in rows.enumerate() {
        let Answer::Value(value) = classify(column, row.get(&column.id)) else {
            continue;
        };
        let key = key_text(value);
        match table.rows.iter().position(|k| *k == key) {
            Some(i) => given[i] = true,
            None => extra.push(r),
        }
    }
    let missing = table
        .rows
        .iter()
        .zip(given)
        .filter(|(_, given)| !given)
        .map(|(k, _)| k.as_str())
        .collect();
    (missing, extra)
}
