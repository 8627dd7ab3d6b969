//! Judging one reply: its bytes, name and format in; which questionnaire judged it, who sent
//! it, and its findings out. This is the one dispatch every front end calls — `validate` and
//! `intake add` through [`crate::batch`], and any later server or workbook reader directly:
//! refusing a reply over the size limit or not in UTF-8, reading a JSON reply compactly (the
//! fast path) or parsing it in full, picking its questionnaire, reading its respondent.
//!
//! It does no I/O and keeps no state between replies beyond the validators it has loaded.
//! Finding the inputs, ordering them and printing are the callers'.

mod workbook;

pub use workbook::source_of;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::eval::Previous;
use crate::findings::{Anchor, Code, Finding, Location, Severity, words};
use crate::reply::{Format, Limits};
use crate::source::SourceFile;
use crate::validate::Validator;
use crate::values::view::ReplyValue;

/// The questionnaire a reply was judged against.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct JudgedBy {
    /// The questionnaire's id.
    pub id: String,
    /// Its version.
    pub version: String,
}

impl JudgedBy {
    /// The id and version of `q`.
    pub fn of(q: &crate::questionnaire::model::Questionnaire) -> Self {
        Self {
            id: q.id.clone(),
            version: q.version.clone(),
        }
    }
}

/// Which questionnaire judges each reply.
#[derive(Clone, Copy)]
pub enum Questionnaires<'a> {
    /// Every reply is judged by this one (`-q`, `--schema`, a collection's questionnaire).
    Fixed(&'a Validator),
    /// Each reply by the questionnaire its `questionnaire` id names, loaded by this function
    /// once per id (`None`: canvass has no such questionnaire).
    Named(&'a (dyn Fn(&str) -> Option<Validator> + Sync)),
}

/// What judging needs besides the reply: the questionnaires, the language asked for, the
/// limits. One `Judge` serves many replies, from many threads at once.
pub struct Judge<'a> {
    questionnaires: Questionnaires<'a>,
    lang: Option<&'a str>,
    limits: Limits,
    /// Validators of the questionnaires replies name, loaded once per id (`None`: none such).
    cache: Mutex<HashMap<String, Option<Arc<Validator>>>>,
    /// Each respondent's previous cycle, for rules that read it (a collection's).
    previous: Option<&'a PreviousLookup>,
}

/// Finds a respondent's previous cycle by the answer that identifies it.
pub type PreviousLookup = dyn Fn(&str) -> Option<Arc<Previous>> + Sync;

/// What judging a reply's text found (a [`Judgement`] without the file).
struct Found {
    questionnaire: Option<JudgedBy>,
    respondent: Option<String>,
    findings: Vec<Finding>,
    lang: String,
}

/// One reply, judged.
#[derive(Debug)]
pub struct Judgement {
    /// The reply as read: its name and text (bad UTF-8 bytes replaced, so offsets before the
    /// first of them hold).
    pub file: SourceFile,
    /// How it was read.
    pub format: Format,
    /// The questionnaire that judged it; `None` when it named none canvass has, or could
    /// not be read far enough to tell.
    pub questionnaire: Option<JudgedBy>,
    /// The answer the questionnaire's `respondent` names, as written.
    pub respondent: Option<String>,
    /// Every finding, spans resolved into `file`.
    pub findings: Vec<Finding>,
    /// The language to word the findings in unless another is asked for: the one the judge
    /// was given, or the questionnaire's source language.
    pub lang: String,
    /// The bytes as received when `file.text` is not them: a workbook, or a file not in
    /// UTF-8.
    pub raw: Option<Vec<u8>>,
}

impl<'a> Judge<'a> {
    /// A judge with the default limits, wording in each questionnaire's source language.
    pub fn new(questionnaires: Questionnaires<'a>) -> Self {
        Self {
            questionnaires,
            lang: None,
            limits: Limits::default(),
            cache: Mutex::new(HashMap::new()),
            previous: None,
        }
    }

    /// Give rules that read `previous.section.question` each respondent's previous cycle.
    #[must_use]
    pub fn previous(mut self, lookup: &'a PreviousLookup) -> Self {
        self.previous = Some(lookup);
        self
    }

    /// The previous cycle of the respondent `who`, when `v`'s rules read it.
    fn previous_of(&self, v: &Validator, who: Option<&str>) -> Option<Arc<Previous>> {
        if !v.reads_previous() {
            return None;
        }
        (self.previous?)(who?)
    }

    /// Word question texts and findings in `lang` (`None`: the questionnaire's own).
    #[must_use]
    pub fn lang(mut self, lang: Option<&'a str>) -> Self {
        self.lang = lang;
        self
    }

    /// Judge within `limits` (size, depth, rows).
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The limits replies are judged within.
    pub fn the_limits(&self) -> Limits {
        self.limits
    }

    /// The language findings are worded in before a questionnaire is known.
    fn words_lang(&self) -> String {
        self.lang.unwrap_or("en").to_string()
    }

    /// The language findings are worded in when `v` judged the reply.
    fn lang_of(&self, v: &Validator) -> String {
        self.lang
            .unwrap_or(v.questionnaire().source_language())
            .to_string()
    }

    /// Judge one reply. `format` is told by the name or the first bytes when `None`.
    pub fn judge(
        &self,
        name: impl Into<String>,
        bytes: Vec<u8>,
        format: Option<Format>,
    ) -> Judgement {
        let name = name.into();
        if bytes.len() > self.limits.max_bytes {
            return self.refuse(name, self.limits.too_large(Some(bytes.len())));
        }
        if format == Some(Format::Xlsx) || format.is_none() && Format::is_workbook(&name, &bytes) {
            return self.judge_workbook(name, bytes);
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                let format = format.unwrap_or_else(|| Format::detect(&name, &text));
                self.judge_text(SourceFile::new(name, text), format)
            }
            Err(e) => self.not_utf8(name, e, format.unwrap_or(Format::Json)),
        }
    }

    /// A reply refused before it was read (over the size limit): `finding` says why, in the
    /// language findings are worded in before a questionnaire is known.
    pub fn refuse(&self, name: String, finding: Finding) -> Judgement {
        Judgement {
            file: SourceFile::new(name, String::new()),
            format: Format::Json,
            questionnaire: None,
            respondent: None,
            findings: vec![finding],
            lang: self.words_lang(),
            raw: None,
        }
    }

    /// Judge one reply already known to be text.
    pub fn judge_text(&self, file: SourceFile, format: Format) -> Judgement {
        let found = self.judge_file(&file, format);
        Judgement {
            file,
            format,
            questionnaire: found.questionnaire,
            respondent: found.respondent,
            findings: found.findings,
            lang: found.lang,
            raw: None,
        }
    }

    /// What one reply's text says: compactly read when it can be, parsed in full otherwise.
    fn judge_file(&self, file: &SourceFile, format: Format) -> Found {
        self.by_compact_reading(file, format)
            .unwrap_or_else(|| self.by_full_parse(file, format))
    }

    /// Invalid UTF-8 is a `syntax` finding at the first bad byte.
    fn not_utf8(&self, name: String, e: std::string::FromUtf8Error, format: Format) -> Judgement {
        let at = e.utf8_error().valid_up_to();
        let bad = e.as_bytes()[at];
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let args = words::Args::new()
            .text("byte", format!("0x{bad:02X}"))
            .text("offset", at.to_string());
        let said = words::say("not-utf8", &args);
        let finding = Finding::said(
            Code::Syntax,
            Severity::Error,
            said,
            Anchor::Span(at..at + 1),
        );
        Judgement {
            file: SourceFile::new(name, text),
            format,
            questionnaire: None,
            respondent: None,
            findings: vec![finding],
            lang: self.words_lang(),
            raw: Some(e.into_bytes()),
        }
    }

    /// A JSON reply read compactly (the fast path, see `reply::compact`) and validated by
    /// its questionnaire. `None` when the reply does not read, or names no questionnaire
    /// canvass has: the full parse then says why.
    fn by_compact_reading(&self, file: &SourceFile, format: Format) -> Option<Found> {
        crate::reply::compact::read(&file.text, format, &self.limits, |reply| {
            self.with_validator(
                || questionnaire_id(&reply.root),
                |v| {
                    let who = respondent(v, &reply.root);
                    let previous = self.previous_of(v, who.as_deref());
                    let findings = v.validate_compact(file, reply, previous.as_deref());
                    self.found(v, findings, who)
                },
            )
        })
        .flatten()
    }

    /// A reply parsed in full (TOML, or JSON the compact reading gave up on) and validated
    /// by its questionnaire, if it names one canvass has.
    fn by_full_parse(&self, file: &SourceFile, format: Format) -> Found {
        let (value, read) = match crate::reply::parse(&file.text, format, &self.limits) {
            Ok(parsed) => parsed,
            // A reply that does not parse has nothing to say about its questionnaire.
            Err(findings) => return self.found_without_questionnaire(findings),
        };
        let mut read = Some(read);
        let mut found = self
            .with_validator(
                || questionnaire_id(&value),
                |v| {
                    let who = respondent(v, &value);
                    let previous = self.previous_of(v, who.as_deref());
                    let mut findings = v.validate_parsed(file, format, &value, previous.as_deref());
                    // What reading found (a key given twice) comes first, filed under the
                    // question its place names.
                    let mut first = read.take().unwrap_or_default();
                    for f in &mut first {
                        name_question(v.questionnaire(), f);
                    }
                    findings.splice(0..0, first);
                    self.found(v, findings, who)
                },
            )
            .unwrap_or_else(|| {
                self.found_without_questionnaire(vec![no_questionnaire(&value, file, format)])
            });
        if let Some(read) = read {
            found.findings.splice(0..0, read);
        }
        found
    }

    /// What `v` found in a reply.
    fn found(&self, v: &Validator, findings: Vec<Finding>, respondent: Option<String>) -> Found {
        Found {
            questionnaire: Some(JudgedBy::of(v.questionnaire())),
            respondent,
            findings,
            lang: self.lang_of(v),
        }
    }

    /// Findings about a reply no questionnaire judged.
    fn found_without_questionnaire(&self, findings: Vec<Finding>) -> Found {
        Found {
            questionnaire: None,
            respondent: None,
            findings,
            lang: self.words_lang(),
        }
    }

    /// Call `f` with the reply's validator: the fixed one, or the one of the questionnaire
    /// the reply names (`id`, asked only then). `None` when there is neither.
    fn with_validator<T>(
        &self,
        id: impl FnOnce() -> Option<String>,
        f: impl FnOnce(&Validator) -> T,
    ) -> Option<T> {
        // Borrowed, not cloned: two workers counting references to one validator would
        // bounce its counter between their caches for every reply.
        match &self.questionnaires {
            Questionnaires::Fixed(v) => Some(f(v)),
            Questionnaires::Named(load) => self.lookup(id()?, *load).map(|v| f(&v)),
        }
    }

    /// The validator for a reply's `questionnaire` id, loaded once per id.
    fn lookup(
        &self,
        id: String,
        load: &(dyn Fn(&str) -> Option<Validator> + Sync),
    ) -> Option<Arc<Validator>> {
        let mut cache = self.cache.lock().ok()?;
        cache
            .entry(id)
            .or_insert_with_key(|id| load(id).map(|v| Arc::new(v.with_limits(self.limits))))
            .clone()
    }
}

/// The text answer at the questionnaire's `respondent`, as written: the one place that
/// reads who sent a reply.
fn respondent<'v>(v: &Validator, reply: impl ReplyValue<'v>) -> Option<String> {
    let (section, question) = v.questionnaire().respondent.as_deref()?.split_once('.')?;
    Some(reply.get(section)?.get(question)?.as_str()?.to_string())
}

/// The `questionnaire` a reply names, if it is a plausible id.
fn questionnaire_id<'v>(reply: impl ReplyValue<'v>) -> Option<String> {
    let id = reply.get("questionnaire")?.as_str()?;
    // Only a valid id becomes a path: a reply must not name `../../etc`.
    crate::questionnaire::is_questionnaire_id(id).then(|| id.to_string())
}

fn no_questionnaire(value: &serde_json::Value, file: &SourceFile, format: Format) -> Finding {
    let (id, args, anchor) = match value.get("questionnaire") {
        Some(serde_json::Value::String(id)) => (
            "questionnaire-not-found",
            words::Args::new().text("id", crate::findings::visible::echo(id)),
            Anchor::Value("/questionnaire".into()),
        ),
        Some(_) => (
            "questionnaire-not-an-id",
            words::Args::new(),
            Anchor::Value("/questionnaire".into()),
        ),
        None => (
            "questionnaire-not-named",
            words::Args::new(),
            Anchor::Container(String::new()),
        ),
    };
    let said = words::say(id, &args);
    let at = Location::answer("/questionnaire", anchor);
    let mut finding = Finding::said(Code::WrongQuestionnaire, Severity::Error, said, at);
    let text = crate::reply::blank_bom(&file.text);
    crate::reply::SourceMap::parse(&text, format).locate(&mut finding.at);
    finding
}

/// Judging one reply by this questionnaire alone.
impl Validator {
    /// Validate one reply, its format told by its name or first character; findings carry
    /// resolved spans into `file`.
    pub fn validate(&self, file: &SourceFile) -> Vec<Finding> {
        self.validate_as(file, Format::detect(&file.name, &file.text))
    }

    /// Validate one reply written in `format` (the same dispatch as [`Judge::judge`]).
    pub fn validate_as(&self, file: &SourceFile, format: Format) -> Vec<Finding> {
        Judge::new(Questionnaires::Fixed(self))
            .limits(*self.limits())
            .judge_file(file, format)
            .findings
    }
}

/// A finding made before the questionnaire was known (a key given twice) names the question
/// its place in the reply is: `/section/question`, or `/section/table/row/column` (rows
/// counted from 1 in the name, as every other finding counts them).
fn name_question(q: &crate::questionnaire::model::Questionnaire, f: &mut Finding) {
    if f.question.is_some() {
        return;
    }
    let Some(pointer) = f.at.pointer.as_deref() else {
        return;
    };
    let segments: Vec<std::borrow::Cow<'_, str>> = pointer
        .split('/')
        .skip(1)
        .map(crate::reply::unescape_pointer)
        .collect();
    let [section_id, question_id, rest @ ..] = segments.as_slice() else {
        return;
    };
    let Some(section) = q.sections.iter().find(|s| &s.id == section_id) else {
        return;
    };
    let Some(question) = section.questions.iter().find(|x| &x.id == question_id) else {
        return;
    };
    let src = q.source_language();
    let table_text = words::Text::given(&question.text.0, src);
    let (path, text) = match rest {
        [row, column, ..] => match (row.parse::<usize>(), question.column(column)) {
            // A cell is named as the walk names it: the table's text, then the column's.
            (Ok(row), Some(column)) => (
                format!("{section_id}.{question_id}[{}].{}", row + 1, column.id),
                table_text
                    .then(" — ")
                    .then(words::Text::given(&column.text.0, src)),
            ),
            _ => (format!("{section_id}.{question_id}"), table_text),
        },
        _ => (format!("{section_id}.{question_id}"), table_text),
    };
    f.question = Some(path);
    f.number.clone_from(&question.number);
    f.text = Some(text);
}
