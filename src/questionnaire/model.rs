//! The checked questionnaire: what `check` builds from a definition that has no errors,
//! and what `compile` and `validate` take. It holds no spans into the TOML, so it can be
//! rebuilt from a compiled schema's `x-canvass` annotations alone.
//!
//! Invariants (established by `check`, relied on everywhere after): ids are unique where
//! they must be, bounds are ordered, patterns compile, every expression parsed and
//! type-checked against this very questionnaire (`Expr::ast` is set).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use super::def::{QuestionType, RuleSeverity, TextFormat};
use crate::expr::ast::Ast;
pub use crate::expr::ast::QuestionRef;

/// A text in every language it was given in, keyed by language. Shared, not copied, by
/// the findings that quote it (a question's text in each finding about it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub Arc<BTreeMap<String, String>>);

impl Text {
    /// A text given in one language only.
    pub fn one(lang: &str, text: &str) -> Self {
        Self(Arc::new(BTreeMap::from([(
            lang.to_owned(),
            text.to_owned(),
        )])))
    }

    /// The text in `lang`, else in the source language, else any.
    pub fn get<'a>(&'a self, lang: &str, source_lang: &str) -> &'a str {
        crate::findings::words::in_language(&self.0, lang, source_lang)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub languages: Vec<String>,
    /// The answer that identifies who replied (`"section.question"`), if the questionnaire
    /// names one: a required `country` or `text` question outside any table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<String>,
    pub codes: Vec<AnswerCode>,
    pub sections: Vec<Section>,
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AnswerCode {
    pub name: String,
    pub label: Text,
    /// The number survey systems write for it (`88`), if it has one: a numeric answer
    /// equal to it is this code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub number: Option<String>,
    pub title: Text,
    pub when: Option<Expr>,
    pub questions: Vec<Question>,
}

impl Section {
    /// The conditions a question of this section is asked under: the section's `when`,
    /// then the question's own.
    pub fn whens<'a>(&'a self, question: &'a Question) -> impl Iterator<Item = &'a Expr> + 'a {
        self.when.iter().chain(question.when.iter())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub number: Option<String>,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Expr>,
    /// A computed value's expression: never asked, never answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute: Option<Expr>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_choices: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The form `pattern` asks for, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern_message: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TextFormat>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Bound>,
    /// `min` and `max` of a number as exact decimals, worked out once for the validator
    /// ([`Questionnaire::settle`]) rather than for every answer checked.
    #[serde(skip)]
    pub exact_bounds: (Option<rust_decimal::Decimal>, Option<rust_decimal::Decimal>),
    /// The answers its conditions (its section's and its own) read, through the computed
    /// values they read: worked out once by [`Questionnaire::settle`] for a question of a
    /// section (not a column), since every question of a reply with a broken answer asks.
    #[serde(skip)]
    pub condition_answers: Option<Vec<QuestionRef>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Question>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_rows: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rows: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The rows a reply must give, each named by its key as written in a reply (`2005`,
    /// `rice`): one each, no other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
    /// Compiled `pattern`, anchored to the whole answer.
    #[serde(skip)]
    pub regex: Option<regex::Regex>,
    /// The numbers its codes are written as (`88`), each with the code's index in
    /// `codes`: filled by [`Questionnaire::number_codes`].
    #[serde(skip)]
    pub code_numbers: Vec<(crate::values::number::Decimal, usize)>,
}

impl Question {
    pub fn option(&self, value: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.value == value)
    }

    /// The id of the "please specify" answer, if some option asks for one.
    pub fn specify_id(&self) -> Option<String> {
        self.options
            .iter()
            .any(|o| o.specify)
            .then(|| format!("{}_specify", self.id))
    }

    pub fn column(&self, id: &str) -> Option<&Question> {
        self.columns.iter().find(|c| c.id == id)
    }

    /// Whether `key` is the "please specify" answer (`<id>_specify`) of one of `questions`
    /// (a section's questions, or a table's columns).
    pub fn is_specify_among(questions: &[Question], key: &str) -> bool {
        key.strip_suffix("_specify").is_some_and(|id| {
            questions
                .iter()
                .any(|x| x.id == id && x.options.iter().any(|o| o.specify))
        })
    }

    /// The key column of a table whose key names what a row is about (a year, a date, an
    /// option, a country): its rows are named by their key ("the row for 2006") and
    /// tabulated key by key. A key that only tells rows apart (a line number, a name) is not.
    pub fn naming_key(&self) -> Option<&Question> {
        self.key
            .as_deref()
            .and_then(|k| self.column(k))
            .filter(|k| {
                matches!(
                    k.kind,
                    QuestionType::Year
                        | QuestionType::Date
                        | QuestionType::Choice
                        | QuestionType::Country
                )
            })
    }

    /// Where a column is among the table's columns.
    pub fn column_index(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }
}

/// An option of a choice or multi-choice question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub specify: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// A checked bound: a number for numeric questions, an ISO date for dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Bound {
    Number(f64),
    Date(String),
}

impl Bound {
    pub fn number(&self) -> Option<f64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Date(_) => None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    /// `"section.table"`: the rule is checked on each row of that table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub each: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Expr>,
    pub check: Expr,
    pub severity: RuleSeverity,
    pub message: Text,
    /// The answers the check reads, through the computed values it reads: worked out once
    /// by [`Questionnaire::settle`], since every reply whose rule is not judged asks.
    #[serde(skip)]
    pub check_answers: Option<Vec<QuestionRef>>,
}

impl Rule {
    /// The answers the check reads, through the computed values it reads.
    pub fn check_answers(&self, q: &Questionnaire) -> std::borrow::Cow<'_, [QuestionRef]> {
        match &self.check_answers {
            Some(reads) => reads.into(),
            None => q.answers_behind(&self.check.ast().reads()).into(),
        }
    }
}

/// An expression: its source text and, once type-checked, its resolved tree.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Expr {
    pub source: String,
    #[serde(skip)]
    pub ast: Option<Ast>,
}

impl Expr {
    pub fn ast(&self) -> &Ast {
        self.ast
            .as_ref()
            .expect("invariant: expressions of a checked questionnaire are resolved")
    }
}

impl Questionnaire {
    /// Work out once what judging each reply would otherwise work out again: every numeric
    /// bound as an exact decimal ([`Question::exact_bounds`]), the answers each rule's check
    /// reads ([`Rule::check_answers`]) and those each question's conditions read
    /// ([`Questionnaire::condition_answers`]).
    pub fn settle(&mut self) {
        fn settle(x: &mut Question) {
            let exact = |b: &Option<Bound>| {
                b.as_ref()
                    .and_then(Bound::number)
                    .and_then(crate::values::number::of_f64)
            };
            x.exact_bounds = (exact(&x.min), exact(&x.max));
            x.columns.iter_mut().for_each(settle);
        }
        for section in &mut self.sections {
            section.questions.iter_mut().for_each(settle);
        }
        let reads: Vec<Vec<QuestionRef>> = self
            .rules
            .iter()
            .map(|rule| self.answers_behind(&rule.check.ast().reads()))
            .collect();
        for (rule, reads) in self.rules.iter_mut().zip(reads) {
            rule.check_answers = Some(reads);
        }
        let reads: Vec<Vec<Vec<QuestionRef>>> = self
            .sections
            .iter()
            .map(|section| {
                section
                    .questions
                    .iter()
                    .map(|question| self.conditions_read(section, question))
                    .collect()
            })
            .collect();
        for (section, reads) in self.sections.iter_mut().zip(reads) {
            for (question, reads) in section.questions.iter_mut().zip(reads) {
                question.condition_answers = Some(reads);
            }
        }
    }

    /// The answers the conditions of `question` (of `section`) read, through the computed
    /// values they read.
    pub fn condition_answers<'a>(
        &'a self,
        section: &Section,
        question: &'a Question,
    ) -> std::borrow::Cow<'a, [QuestionRef]> {
        match &question.condition_answers {
            Some(reads) => reads.into(),
            None => self.conditions_read(section, question).into(),
        }
    }

    fn conditions_read(&self, section: &Section, question: &Question) -> Vec<QuestionRef> {
        let reads: Vec<QuestionRef> = section
            .whens(question)
            .flat_map(|w| w.ast().reads())
            .collect();
        self.answers_behind(&reads)
    }

    pub fn source_language(&self) -> &str {
        self.languages.first().map_or("en", String::as_str)
    }

    pub fn section(&self, id: &str) -> Option<(usize, &Section)> {
        self.sections.iter().enumerate().find(|(_, s)| s.id == id)
    }

    pub fn question(&self, r: QuestionRef) -> &Question {
        let q = &self.sections[r.section].questions[r.question];
        match r.column {
            Some(c) => &q.columns[c],
            None => q,
        }
    }

    pub fn question_mut(&mut self, r: QuestionRef) -> &mut Question {
        let q = &mut self.sections[r.section].questions[r.question];
        match r.column {
            Some(c) => &mut q.columns[c],
            None => q,
        }
    }

    /// Every question of section `s`, each followed by its columns, in the order of the file.
    pub fn section_refs(&self, s: usize) -> impl Iterator<Item = QuestionRef> + '_ {
        let questions = self.sections[s].questions.iter().enumerate();
        questions.flat_map(move |(q, question)| {
            let cells = (0..question.columns.len()).map(Some);
            std::iter::once(None)
                .chain(cells)
                .map(move |column| QuestionRef {
                    section: s,
                    question: q,
                    column,
                })
        })
    }

    /// Every question of the questionnaire, each followed by its columns, in file order.
    pub fn question_refs(&self) -> impl Iterator<Item = QuestionRef> + '_ {
        (0..self.sections.len()).flat_map(|s| self.section_refs(s))
    }

    /// `section.id` (or `section.table.column`) of a reference.
    pub fn path(&self, r: QuestionRef) -> String {
        let s = &self.sections[r.section];
        let q = &s.questions[r.question];
        match r.column {
            Some(c) => format!("{}.{}.{}", s.id, q.id, q.columns[c].id),
            None => format!("{}.{}", s.id, q.id),
        }
    }

    /// The sections that have a question with this id (for "did you mean `section.id`").
    pub fn sections_asking<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Section> + 'a {
        self.sections
            .iter()
            .filter(move |s| s.questions.iter().any(|x| x.id == id))
    }

    /// The table a `"section.table"` path names, if it is one.
    pub fn table(&self, path: &str) -> Option<QuestionRef> {
        let (section, table) = path.split_once('.')?;
        let (s, found) = self.section(section)?;
        let t = found
            .questions
            .iter()
            .position(|x| x.id == table && x.kind == QuestionType::Table)?;
        Some(QuestionRef {
            section: s,
            question: t,
            column: None,
        })
    }

    /// The answers `reads` stand for: each computed value replaced by what its expression
    /// reads, in turn (the chain is short: `check` bounds it).
    pub fn answers_behind(&self, reads: &[QuestionRef]) -> Vec<QuestionRef> {
        let mut found = Vec::new();
        let mut todo: Vec<QuestionRef> = reads.to_vec();
        while let Some(r) = todo.pop() {
            match self
                .question(r)
                .compute
                .as_ref()
                .and_then(|c| c.ast.as_ref())
            {
                Some(ast) => todo.extend(ast.reads()),
                None if !found.contains(&r) => found.push(r),
                None => {}
            }
        }
        found
    }

    /// Give every question (and column) the numbers its codes are written as.
    pub fn number_codes(&mut self) {
        let numbers: BTreeMap<String, i64> = self
            .codes
            .iter()
            .filter_map(|c| Some((c.name.clone(), c.number?)))
            .collect();
        let number = |question: &mut Question| {
            question.code_numbers = question
                .codes
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((numbers.get(c)?.to_owned().into(), i)))
                .collect();
        };
        for section in &mut self.sections {
            for question in &mut section.questions {
                number(question);
                question.columns.iter_mut().for_each(number);
            }
        }
    }

    pub fn code(&self, name: &str) -> Option<&AnswerCode> {
        self.codes.iter().find(|c| c.name == name)
    }
}
