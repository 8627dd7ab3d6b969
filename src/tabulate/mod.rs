//! The tables a report on the replies is written from (`canvass tabulate`): for each
//! question, how many replies answered it, skipped it by its `when`, left it blank, gave
//! each answer code, and what they answered (per option; n, sum, min, median, max of
//! numbers; first and last dates; rows of tables, each column counted over all rows).
//!
//! Counting reads each reply once and keeps no reply: memory grows with the questions and
//! the distinct numbers answered (for the median), not with the replies. Rendering is
//! [`render`]'s.

pub mod page;
pub mod render;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::eval::asked::asked;
use crate::eval::{self, Answer, Answers, Truth, Val, classify};
use crate::judge::JudgedBy;
use crate::questionnaire::model::{Question, QuestionRef, QuestionType, Questionnaire};
use crate::values::number::Decimal;
use crate::values::view::ReplyValue;

/// The counts of one question (or of one table column, over all rows).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub answered: u64,
    pub not_applicable: u64,
    pub unanswered: u64,
    /// Per answer code the question accepts, in its order.
    pub codes: Vec<u64>,
    /// Per option (`yes`, `no` for yes/no), in the questionnaire's order.
    pub options: Vec<u64>,
    /// Numbers answered: each distinct value with how often (for the median), and the sum.
    pub numbers: BTreeMap<Decimal, u64>,
    pub sum: Option<Decimal>,
    /// The earliest and the latest date answered.
    pub dates: Option<(String, String)>,
    /// A table: replies with at least one row, rows in all, and each column's tally.
    pub with_rows: u64,
    pub rows: u64,
    pub columns: Vec<Tally>,
    /// A keyed table (a year per row): each key as written, with the tally of each column
    /// over the rows of that key. Figures of different years are never added together.
    pub keys: BTreeMap<String, Vec<Tally>>,
}

/// Everything counted, for all replies and, with `--by region`, per region.
#[derive(Debug, Clone)]
pub struct Tables {
    pub questionnaire: JudgedBy,
    /// The groups: `["all"]`, or the regions and then "all".
    pub groups: Vec<String>,
    /// Replies counted, per group.
    pub respondents: Vec<u64>,
    /// Per question in questionnaire order (`section index`, `question index`), per group.
    pub questions: Vec<((usize, usize), Vec<Tally>)>,
}

impl Tables {
    /// These tables beside `earlier`'s (the previous cycle's, of the same questionnaire):
    /// two groups, `previous` then `current`, each a column of every table.
    #[must_use]
    pub fn beside(self, earlier: &Tables) -> Tables {
        let last = |v: &Vec<Tally>| v.last().cloned().unwrap_or_default();
        let questions = self
            .questions
            .iter()
            .zip(&earlier.questions)
            .map(|((at, now), (_, before))| (*at, vec![last(before), last(now)]))
            .collect();
        Tables {
            questionnaire: self.questionnaire,
            groups: vec!["previous".into(), "current".into()],
            respondents: vec![
                earlier.respondents.last().copied().unwrap_or(0),
                self.respondents.last().copied().unwrap_or(0),
            ],
            questions,
        }
    }
}

/// Counts replies one by one.
pub struct Counter<'q> {
    q: &'q Questionnaire,
    tables: Tables,
}

impl<'q> Counter<'q> {
    /// `regions`: the groups to split by (`None`: no split).
    pub fn new(q: &'q Questionnaire, regions: Option<&[&str]>) -> Self {
        let mut groups: Vec<String> = regions
            .into_iter()
            .flatten()
            .map(|r| (*r).to_string())
            .collect();
        if regions.is_some() {
            groups.push("unknown".into());
        }
        groups.push("all".into());
        let questions = q
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| {
                section
                    .questions
                    .iter()
                    .enumerate()
                    .map(move |(i, question)| ((s, i), question))
            })
            .map(|(at, question)| (at, vec![empty_tally(question); groups.len()]))
            .collect();
        let tables = Tables {
            questionnaire: JudgedBy::of(q),
            respondents: vec![0; groups.len()],
            groups,
            questions,
        };
        Self { q, tables }
    }

    /// Count each respondent's last accepted reply in a collection (`tabulate --db`, and
    /// the server's tables), in the respondent's region for tables by region.
    pub fn add_accepted(
        &mut self,
        store: &dyn crate::intake::service::Collection,
    ) -> Result<(), String> {
        let q = self.q;
        store.replies(crate::intake::store::Which::LatestAccepted, &mut |r| {
            let value = crate::intake::export::reply_value(&r, q)?;
            let region = crate::intake::members::region(&r.respondent).or(Some("unknown"));
            self.add(&value, region);
            Ok(())
        })?;
        Ok(())
    }

    /// Count one reply, in "all" and, when split by region, in `region` (none, or one
    /// that is not a region, counts as "unknown").
    pub fn add(&mut self, reply: &Value, region: Option<&str>) {
        let all = self.tables.groups.len() - 1;
        let group = (all > 0).then(|| {
            region
                .and_then(|r| self.tables.groups[..all].iter().position(|g| g == r))
                .unwrap_or(all - 1)
        });
        let answers = Answers::of(self.q, reply);
        for g in group.into_iter().chain([all]) {
            self.tables.respondents[g] += 1;
        }
        for ((s, i), tallies) in &mut self.tables.questions {
            let section = &self.q.sections[*s];
            let question = &section.questions[*i];
            let r = QuestionRef {
                section: *s,
                question: *i,
                column: None,
            };
            let applies = asked(self.q, r, &answers) == Truth::True;
            let computed = computed_value(self.q, &answers, r);
            let raw = computed.as_ref().or(answers.raw(r));
            let reading = Reading {
                q: self.q,
                answers: &answers,
                r,
            };
            let rows = match (applies, classify(question, answers.raw(r))) {
                (true, Answer::Value(value)) if question.kind == QuestionType::Table => {
                    value.as_array().map_or(&[][..], Vec::as_slice)
                }
                _ => &[],
            };
            for g in group.into_iter().chain([all]) {
                count(&mut tallies[g], question, applies, raw);
                count_cells(&mut tallies[g], question, rows, &reading);
            }
        }
    }

    pub fn finish(self) -> Tables {
        self.tables
    }
}

/// A tally of nothing yet, shaped for the question (its codes, options, columns).
pub(crate) fn empty_tally(question: &Question) -> Tally {
    Tally {
        codes: vec![0; question.codes.len()],
        options: vec![0; option_values(question).len()],
        columns: question.columns.iter().map(empty_tally).collect(),
        ..Tally::default()
    }
}

/// The options counted for a question: its own, or `yes`, `no`.
pub fn option_values(question: &Question) -> Vec<&str> {
    match question.kind {
        QuestionType::YesNo => vec!["yes", "no"],
        QuestionType::Choice | QuestionType::MultiChoice => {
            question.options.iter().map(|o| o.value.as_str()).collect()
        }
        _ => Vec::new(),
    }
}

/// Where a question's answer is read: its reply's answers, for the cells of a table (a
/// column's `when` and a computed column are read in each row).
struct Reading<'a, 'v> {
    q: &'a Questionnaire,
    answers: &'a Answers<'v, &'v Value>,
    r: QuestionRef,
}

/// A computed value as the reply would hold it, so it is counted like an answer.
fn computed_value<'v>(
    q: &Questionnaire,
    answers: &Answers<'v, &'v Value>,
    r: QuestionRef,
) -> Option<Value> {
    q.question(r).compute.as_ref()?;
    Some(match eval::value_of(q, answers, r)? {
        Val::Bool(b) => Value::Bool(b),
        Val::Num(n) => Value::Number(crate::values::number::to_json(n)),
        Val::Str(text) | Val::Date(text) => Value::String(text.to_string()),
        Val::Day(day) => Value::String(crate::values::dates::from_days(day)?),
        Val::Multi(_) | Val::Rows(_) | Val::List(_) => return None,
    })
}

fn count(t: &mut Tally, question: &Question, applies: bool, raw: Option<&Value>) {
    if !applies {
        t.not_applicable += 1;
        return;
    }
    let value = match classify(question, raw) {
        Answer::Blank => {
            t.unanswered += 1;
            return;
        }
        Answer::Code(i) => {
            t.answered += 1;
            t.codes[i] += 1;
            return;
        }
        Answer::Value(value) => value,
    };
    t.answered += 1;
    match question.kind {
        QuestionType::YesNo => {
            if let Some(b) = value.as_bool() {
                t.options[usize::from(!b)] += 1;
            }
        }
        QuestionType::Choice => {
            if let Some(i) = value
                .as_str()
                .and_then(|v| question.options.iter().position(|o| o.value == v))
            {
                t.options[i] += 1;
            }
        }
        QuestionType::MultiChoice => {
            for (i, o) in question.options.iter().enumerate() {
                if value
                    .as_array()
                    .is_some_and(|chosen| chosen.iter().any(|c| c.as_str() == Some(&o.value)))
                {
                    t.options[i] += 1;
                }
            }
        }
        QuestionType::Integer | QuestionType::Number | QuestionType::Year => {
            if let Some(n) = ReplyValue::as_decimal(value) {
                *t.numbers.entry(n).or_default() += 1;
                // A sum past 28 significant digits has no exact value: it is left out (and
                // said so), not rounded. The decimal type rounds silently when the digits
                // after the point no longer fit: its scale then drops below the operands'.
                t.sum = match t.sum {
                    None if t.numbers.values().sum::<u64>() == 1 => Some(n),
                    Some(sum) => sum
                        .checked_add(n)
                        .filter(|s| s.scale() >= sum.scale().max(n.scale())),
                    None => None,
                };
            }
        }
        // Dates and times of day: the earliest and the latest, which compare as text.
        QuestionType::Date | QuestionType::Time => {
            if let Some(d) = value.as_str() {
                let (lo, hi) = t
                    .dates
                    .get_or_insert_with(|| (d.to_string(), d.to_string()));
                if d < lo.as_str() {
                    *lo = d.to_string();
                }
                if d > hi.as_str() {
                    *hi = d.to_string();
                }
            }
        }
        QuestionType::Table => {
            let rows = value.as_array().map_or(&[][..], Vec::as_slice);
            t.with_rows += u64::from(!rows.is_empty());
            t.rows += rows.len() as u64;
        }
        QuestionType::Text | QuestionType::Country => {}
    }
}

/// Each column of a table's rows, over all rows: read in its row (its `when`, a computed
/// column), skipped where the row's `when` does not hold.
fn count_cells<'v>(t: &mut Tally, table: &Question, rows: &'v [Value], at: &Reading<'_, 'v>) {
    let key_column = table.key.as_deref().and_then(|k| table.column_index(k));
    let by_key = tabulated_by_key(table);
    for row in rows {
        let _row = at.answers.enter_row(Some(row));
        let key = key_column.and_then(|k| key_text(row.get(&table.columns[k].id)?));
        for (c, column) in table.columns.iter().enumerate() {
            let cell = QuestionRef {
                column: Some(c),
                ..at.r
            };
            let applies = asked(at.q, cell, at.answers) == Truth::True;
            let computed = computed_value(at.q, at.answers, cell);
            let raw = computed.as_ref().or(row.get(&column.id));
            if Some(c) == key_column {
                // A key names its row: counted as given or not, never summed.
                let kt = &mut t.columns[c];
                match (applies, classify(column, raw)) {
                    (false, _) => kt.not_applicable += 1,
                    (true, Answer::Blank) => kt.unanswered += 1,
                    (true, _) => kt.answered += 1,
                }
                continue;
            }
            count(&mut t.columns[c], column, applies, raw);
            if let Some(key) = key.as_ref().filter(|_| by_key) {
                let tallies = t
                    .keys
                    .entry(key.clone())
                    .or_insert_with(|| table.columns.iter().map(empty_tally).collect());
                count(&mut tallies[c], column, applies, raw);
            }
        }
    }
}

/// Whether a keyed table is tabulated key by key: when its key is a category or a time (a
/// year, a date, an option, a country), whose rows must not be added together. A key that
/// only tells rows apart (a line number, a name) leaves the table tabulated over all rows.
pub fn tabulated_by_key(table: &Question) -> bool {
    table.naming_key().is_some()
}

/// A row's key as written: a text, or a number's own digits.
fn key_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl Tally {
    /// How many numbers were counted.
    pub fn n(&self) -> u64 {
        self.numbers.values().sum()
    }

    pub fn min(&self) -> Option<Decimal> {
        self.numbers.keys().next().copied()
    }

    pub fn max(&self) -> Option<Decimal> {
        self.numbers.keys().next_back().copied()
    }

    /// The middle value; for an even count, the mean of the two middle ones.
    pub fn median(&self) -> Option<Decimal> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        let nth = |k: u64| {
            let mut seen = 0;
            self.numbers.iter().find_map(|(v, c)| {
                seen += c;
                (seen > k).then_some(*v)
            })
        };
        let lower = nth((n - 1) / 2)?;
        if n % 2 == 1 {
            return Some(lower);
        }
        let upper = nth(n / 2)?;
        lower
            .checked_add(upper)
            .and_then(|s| s.checked_div(Decimal::from(2)))
            .map(|m| m.normalize())
    }
}
