//! Judging one reply that was read: find its questionnaire (the batch's, or the one the
//! reply names), validate it compactly when it is JSON that reads, in full otherwise.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::Questionnaires;
use super::read::Loaded;
use crate::findings::report::{JudgedBy, ReplyReport};
use crate::findings::{Anchor, Code, Finding, Location, Severity, words};
use crate::reply::Limits;
use crate::reply::view::ReplyValue;
use crate::source::SourceFile;
use crate::validate::Validator;

/// Validators of the questionnaires replies name, loaded once per id (`None`: none such).
pub type Cache = Mutex<HashMap<String, Option<Arc<Validator>>>>;

/// What judging needs besides the reply.
pub struct Judge<'a> {
    pub questionnaires: &'a Questionnaires<'a>,
    pub cache: &'a Cache,
    /// `--lang`: the language of question texts and messages, if asked.
    pub lang: Option<&'a str>,
    pub limits: Limits,
}

/// The questionnaire a reply was judged by, its findings, and its respondent (the answer
/// the questionnaire's `respondent` names, as written), picked while the reply is read.
pub fn judge(l: &Loaded, judge: &Judge<'_>) -> (Option<JudgedBy>, Vec<Finding>, Option<String>) {
    match by_compact_reading(l, judge) {
        Some((id, findings, picked)) => (Some(id), findings, picked),
        None => by_full_parse(l, judge),
    }
}

/// The text answer at the questionnaire's `respondent`.
fn respondent<'v>(reply: impl ReplyValue<'v>, v: &Validator) -> Option<String> {
    let (section, question) = v.questionnaire.respondent.as_deref()?.split_once('.')?;
    Some(reply.get(section)?.get(question)?.as_str()?.to_string())
}

/// The report of a reply whose validation panicked.
pub fn internal_error(name: String, lang: &'static str) -> ReplyReport {
    let said = words::say(lang, "internal-error", &words::Args::new());
    let finding = Finding::said(Code::InternalError, Severity::Error, said, Anchor::Nowhere);
    let mut report = ReplyReport::new(SourceFile::new(name, String::new()), vec![finding]);
    report.lang = lang;
    report
}

/// A JSON reply read compactly (the fast path, see `reply::compact`) and validated by its
/// questionnaire: the questionnaire's id and the findings. `None` when the reply does not
/// read, or names no questionnaire canvass has: the full parse then says why.
fn by_compact_reading(
    l: &Loaded,
    judge: &Judge<'_>,
) -> Option<(JudgedBy, Vec<Finding>, Option<String>)> {
    if l.refused.is_some() {
        return None;
    }
    crate::reply::compact::read(&l.file.text, l.format, &judge.limits, |reply| {
        with_validator(
            judge,
            || questionnaire_id(reply),
            |v| {
                let lang = judge.lang.unwrap_or(v.questionnaire.source_language());
                (
                    JudgedBy::of(&v.questionnaire),
                    v.validate_compact(&l.file, reply, lang),
                    respondent(reply, v),
                )
            },
        )
    })
    .flatten()
}

/// A reply parsed in full (TOML, or JSON the compact reading gave up on) and validated by
/// its questionnaire, if it names one canvass has.
fn by_full_parse(
    l: &Loaded,
    judge: &Judge<'_>,
) -> (Option<JudgedBy>, Vec<Finding>, Option<String>) {
    if let Some(finding) = l.refused.clone() {
        return (None, vec![finding], None);
    }
    let words_lang = judge.lang.unwrap_or("en");
    match crate::reply::parse(&l.file.text, l.format, &judge.limits, words_lang) {
        // A reply that does not parse has nothing to say about its questionnaire.
        Err(findings) => (None, findings, None),
        // What reading found (a key given twice) comes first, then the reply's findings.
        Ok((value, read)) => {
            let (judged, findings, respondent) = with_validator(
                judge,
                || questionnaire_id(&value),
                |v| {
                    let lang = judge.lang.unwrap_or(v.questionnaire.source_language());
                    (
                        Some(JudgedBy::of(&v.questionnaire)),
                        v.validate_parsed(&l.file, l.format, &value, lang),
                        respondent(&value, v),
                    )
                },
            )
            .unwrap_or_else(|| (None, vec![no_questionnaire(&value, l, words_lang)], None));
            (
                judged,
                read.into_iter().chain(findings).collect(),
                respondent,
            )
        }
    }
}

/// Call `f` with the reply's validator: the batch's, or the one of the questionnaire the
/// reply names (`id`, asked only then). `None` when there is neither.
fn with_validator<T>(
    judge: &Judge<'_>,
    id: impl FnOnce() -> Option<String>,
    f: impl FnOnce(&Validator) -> T,
) -> Option<T> {
    // Borrowed, not cloned: two workers counting references to one validator would
    // bounce its counter between their caches for every reply.
    match judge.questionnaires {
        Questionnaires::Fixed(v) => Some(f(v)),
        Questionnaires::Named(load) => lookup(id()?, judge, *load).map(|v| f(&v)),
    }
}

/// The validator for a reply's `questionnaire` id, loaded once per id.
fn lookup(
    id: String,
    judge: &Judge<'_>,
    load: &(dyn Fn(&str) -> Option<Validator> + Sync),
) -> Option<Arc<Validator>> {
    let mut cache = judge.cache.lock().ok()?;
    cache
        .entry(id)
        .or_insert_with_key(|id| {
            load(id).map(|mut v| {
                v.limits = judge.limits;
                Arc::new(v)
            })
        })
        .clone()
}

/// The `questionnaire` a reply names, if it is a plausible id.
fn questionnaire_id<'v>(reply: impl ReplyValue<'v>) -> Option<String> {
    let id = reply.get("questionnaire")?.as_str()?;
    // Only a valid id becomes a path: a reply must not name `../../etc`.
    crate::questionnaire::is_questionnaire_id(id).then(|| id.to_string())
}

fn no_questionnaire(value: &serde_json::Value, l: &Loaded, lang: &str) -> Finding {
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
    let said = words::say(lang, id, &args);
    let at = Location::answer("/questionnaire", anchor);
    let mut finding = Finding::said(Code::WrongQuestionnaire, Severity::Error, said, at);
    let text = crate::reply::blank_bom(&l.file.text);
    finding.at.span = crate::reply::SourceMap::parse(&text, l.format).resolve(&finding.at.anchor);
    finding
}
