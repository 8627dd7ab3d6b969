//! A collection of replies: one SQLite file that holds one questionnaire and every reply
//! ever received for it, each version with its receipt (`canvass intake`).
//!
//! This module says what a received reply is (who sent it, its fingerprint, its findings
//! at the stage it was sent at) and what state each respondent is in; [`store`] keeps and
//! finds, and owns every SQL statement. Nothing received is dropped or overwritten.

pub mod explain;
pub mod export;
pub mod history;
pub mod invite;
pub mod letter;
pub mod members;
pub mod service;
pub mod store;
pub mod upgrade;
pub mod versions;

use crate::batch::Judged;
use crate::batch::ReplyReport;
use crate::batch::fingerprint::Fingerprint;
use crate::findings::{Code, Severity};
use crate::judge::JudgedBy;
use crate::questionnaire::model::Questionnaire;
use crate::reply::Format;
use crate::report::document;
use crate::source::SourceFile;

/// How far along a respondent says its reply is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Work in progress: missing answers are warnings, not errors.
    Draft,
    Final,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Final => "final",
        }
    }

    /// The stage `as_str` names (a collection keeps it so); anything else is final.
    pub fn named(name: &str) -> Self {
        if name == Stage::Draft.as_str() {
            Stage::Draft
        } else {
            Stage::Final
        }
    }
}

/// A respondent's state, decided by its latest version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    Accepted,
    Invalid,
    Draft,
    Missing,
}

impl State {
    pub const ALL: [State; 4] = [
        State::Accepted,
        State::Invalid,
        State::Draft,
        State::Missing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Accepted => "accepted",
            State::Invalid => "invalid",
            State::Draft => "draft",
            State::Missing => "missing",
        }
    }

    /// The state a latest version puts its respondent in.
    pub fn of(latest: &store::Latest) -> State {
        if latest.accepted {
            State::Accepted
        } else if Stage::named(&latest.stage) == Stage::Draft {
            State::Draft
        } else {
            State::Invalid
        }
    }
}

/// A reply as received, judged at its stage, ready to be stored.
#[derive(Debug)]
pub struct Received {
    pub file: String,
    /// Who sent it; `None` when the reply does not say so readably.
    pub respondent: Option<String>,
    /// Hex SHA-256 of the reply as received (even when its bytes are not kept).
    pub sha256: String,
    /// Its size in bytes as received.
    pub size: u64,
    /// What is stored of it: its bytes, or none of them for a reply over the size limit
    /// (`whole` is false: only its size and SHA-256 are kept); `None` when nothing could be
    /// read, so nothing is stored.
    pub bytes: Option<Vec<u8>>,
    /// Whether `bytes` is the whole reply.
    pub whole: bool,
    pub format: Format,
    pub valid: bool,
    pub errors: usize,
    pub warnings: usize,
    /// The reply's report as one JSON line (what `validate --format ndjson` gives).
    pub report: String,
    /// Its findings as data (a JSON array), to be worded in any language later.
    pub findings: String,
    /// Its share of the bytes the batch may hold: let go with it, once stored.
    pub ticket: Option<crate::batch::budget::Ticket>,
}

/// Judge one reply for the collection (run on the batch's workers): its findings at
/// `stage`, its respondent, its fingerprint.
/// `explained`: the explanations reviewers recorded, by respondent id; each holds for the
/// new version too, for as long as the rule's finding stays.
pub fn receive<S: std::hash::BuildHasher>(
    judged: Judged,
    stage: Stage,
    q: &Questionnaire,
    explained: &std::collections::HashMap<String, Vec<store::Explained>, S>,
) -> Received {
    let Judged {
        report: r,
        bytes,
        over_limit,
        format,
        ticket,
    } = judged;
    let r = at_stage(r, stage);
    let respondent = r
        .respondent
        .as_deref()
        .and_then(respondent_id)
        .filter(|p| identifies(p, q, &r));
    let r = match respondent.as_ref().and_then(|id| explained.get(id)) {
        Some(recorded) => {
            let mut findings = r.findings.clone();
            explain::apply(&mut findings, recorded, i64::MAX);
            rebuilt(r, findings)
        }
        None => r,
    };
    let (fingerprint, bytes, whole) = match (bytes, over_limit) {
        (Some(bytes), _) => (Some(Fingerprint::of(&bytes)), Some(bytes), true),
        (None, Some(fingerprint)) => (Some(fingerprint), Some(Vec::new()), false),
        (None, None) => (None, None, true),
    };
    let (sha256, size) = fingerprint.map_or((String::new(), 0), |f| (f.sha256, f.size));
    Received {
        file: r.file.name.clone(),
        respondent,
        sha256,
        size,
        bytes,
        whole,
        format,
        valid: r.valid(),
        errors: r.errors,
        warnings: r.warnings,
        report: document::json_line(&r),
        findings: findings_json(&r.findings),
        ticket,
    }
}

/// Findings as the collection keeps them: data, as JSON.
pub fn findings_json(findings: &[crate::findings::Finding]) -> String {
    serde_json::to_string(findings).expect("findings serialize")
}

/// At the draft stage, what is not there yet is a warning: `missing-answer`, `too-few`.
pub(crate) fn at_stage(r: ReplyReport, stage: Stage) -> ReplyReport {
    if stage == Stage::Final {
        return r;
    }
    let mut findings = r.findings.clone();
    for f in &mut findings {
        if matches!(f.code, Code::MissingAnswer | Code::TooFew) {
            f.severity = Severity::Warning;
        }
    }
    rebuilt(r, findings)
}

/// The same report with `findings` (counted again).
fn rebuilt(r: ReplyReport, findings: Vec<crate::findings::Finding>) -> ReplyReport {
    let mut again = ReplyReport::new(SourceFile::new(r.file.name, r.file.text), findings);
    again.questionnaire = r.questionnaire;
    again.respondent = r.respondent;
    again.unreadable = r.unreadable;
    again.lang = r.lang;
    again
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Fingerprint::of(bytes).sha256
}

/// A respondent id as the collection keeps it: Unicode's composed form (NFC), without spaces
/// around it, so `Café` typed two ways and `FRA ` are the same respondent as `Café` and
/// `FRA`. `None` for an id no one could tell from another by looking: one holding an
/// invisible or control character, or letters of two of the Latin, Greek and Cyrillic
/// scripts (a Cyrillic `С` in `СAN`).
pub fn respondent_id(answer: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let id: String = answer.trim().nfc().collect();
    if id
        .chars()
        .any(|c| crate::findings::visible::is_hidden(c) || c.is_control())
    {
        return None;
    }
    let script = |c: char| match c {
        'A'..='Z' | 'a'..='z' | '\u{c0}'..='\u{24f}' => Some(0),
        '\u{370}'..='\u{3ff}' => Some(1),
        '\u{400}'..='\u{52f}' => Some(2),
        _ => None,
    };
    let mut scripts = id.chars().filter_map(script);
    let first = scripts.next();
    if scripts.any(|s| Some(s) != first) {
        return None;
    }
    Some(id)
}

/// Whether the answer picked at the questionnaire's `respondent` names someone: not empty,
/// the reply read, and no error about the answer itself (a country code that is no country
/// names no one). A rule that reads the answer, or a warning about it, says nothing about
/// whom it names: the reply stays that respondent's.
fn identifies(answer: &str, q: &Questionnaire, r: &ReplyReport) -> bool {
    let Some((section, question)) = q.respondent.as_deref().and_then(|p| p.split_once('.')) else {
        return false;
    };
    let pointer = format!("/{section}/{question}");
    !answer.is_empty()
        && !r.findings.iter().any(|f| {
            f.code == Code::Syntax
                || (f.at.pointer.as_deref() == Some(pointer.as_str())
                    && f.is_error()
                    && f.code != Code::Rule)
        })
}

/// One line of the status: an expected or received respondent.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StatusLine {
    pub respondent: String,
    pub state: &'static str,
    pub version: Option<i64>,
    pub received_at: Option<String>,
    pub stage: Option<String>,
    pub errors: Option<i64>,
    pub warnings: Option<i64>,
    /// Whether the respondent is on the expected list (one not on it may still reply).
    pub expected: bool,
    /// The note the latest version was sent with (`add --note`).
    pub note: Option<String>,
    /// The note a reviewer accepted it with (`accept --note`).
    pub accepted_note: Option<String>,
    /// How many findings of the latest version are open (neither explained nor fixed).
    pub open: Option<i64>,
    /// How many are explained (by the reply or a reviewer).
    pub explained: Option<i64>,
    /// Open findings now less those of the version before (negative: fewer); `None` for a
    /// first version.
    pub change: Option<i64>,
}

/// How many respondents are in each state.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Totals {
    pub accepted: usize,
    pub invalid: usize,
    pub draft: usize,
    pub missing: usize,
}

/// The collection's status: one line per expected or received respondent (by id), the
/// count per state, and how many submissions name no respondent.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub questionnaire: JudgedBy,
    pub respondents: Vec<StatusLine>,
    pub totals: Totals,
    pub unidentified: i64,
}

/// The status of a collection, from what it keeps.
pub fn status(store: &dyn service::Collection) -> Result<Status, service::IntakeError> {
    let pinned = store.pinned()?;
    let expected = store.expected()?;
    let latest = store.latest()?;
    let explanations = store.explanations()?;
    let mut lines: Vec<StatusLine> = latest
        .iter()
        .map(|l| {
            let recorded: Vec<store::Explained> = explanations
                .iter()
                .filter(|(r, _)| *r == l.respondent)
                .map(|(_, e)| e.clone())
                .collect();
            let now = open_findings(l.findings.as_deref(), &recorded, l.version);
            let before = open_findings(l.before.as_deref(), &recorded, l.version - 1);
            StatusLine {
                respondent: l.respondent.clone(),
                state: State::of(l).as_str(),
                version: Some(l.version),
                received_at: Some(l.received_at.clone()),
                stage: Some(l.stage.clone()),
                errors: Some(now.map_or(l.errors, |n| n.errors)),
                warnings: Some(now.map_or(l.warnings, |n| n.warnings)),
                expected: expected
                    .binary_search_by(|(e, _)| e.as_str().cmp(&l.respondent))
                    .is_ok(),
                note: l.note.clone(),
                accepted_note: l.accepted_note.clone(),
                open: now.map(|n| n.open),
                explained: now.map(|n| n.explained),
                change: now.zip(before).map(|(n, b)| n.open - b.open),
            }
        })
        .collect();
    for (respondent, _) in &expected {
        if latest
            .binary_search_by(|l| l.respondent.as_str().cmp(respondent))
            .is_err()
        {
            lines.push(StatusLine {
                respondent: respondent.clone(),
                state: State::Missing.as_str(),
                version: None,
                received_at: None,
                stage: None,
                errors: None,
                warnings: None,
                expected: true,
                note: None,
                accepted_note: None,
                open: None,
                explained: None,
                change: None,
            });
        }
    }
    lines.sort_by(|a, b| a.respondent.cmp(&b.respondent));
    let count = |s: State| lines.iter().filter(|l| l.state == s.as_str()).count();
    let totals = Totals {
        accepted: count(State::Accepted),
        invalid: count(State::Invalid),
        draft: count(State::Draft),
        missing: count(State::Missing),
    };
    Ok(Status {
        questionnaire: JudgedBy {
            id: pinned.id,
            version: pinned.version,
        },
        respondents: lines,
        totals,
        unidentified: store.unidentified()?,
    })
}

/// A version's findings counted once reviewers' explanations are given to them.
#[derive(Debug, Clone, Copy)]
struct Counted {
    errors: i64,
    warnings: i64,
    open: i64,
    explained: i64,
}

/// The counts of a version's stored findings (`None` when they are not kept as data).
fn open_findings(
    data: Option<&str>,
    recorded: &[store::Explained],
    version: i64,
) -> Option<Counted> {
    let mut findings: Vec<crate::findings::Finding> = serde_json::from_str(data?).ok()?;
    explain::apply(&mut findings, recorded, version);
    let (errors, warnings) = crate::findings::count(&findings);
    let (open, explained) = explain::open_and_explained(&findings);
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    Some(Counted {
        errors: n(errors),
        warnings: n(warnings),
        open: n(open),
        explained: n(explained),
    })
}

/// The current time, RFC 3339 in UTC to the second: when a reply was received or accepted.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}
