//! `intake history RESPONDENT`: every version a respondent sent, with its receipt, stage,
//! notes and findings, each finding marked new, still open, or fixed since the version
//! before (`canvass::intake::history`), worded in the language asked for.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use canvass::findings::Finding;
use canvass::findings::visible::{echo, visible};
use canvass::intake::history::{Mark, follow};
use canvass::intake::store::{HistoryVersion, Store};

/// How `intake history` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HistoryFormat {
    Human,
    Json,
}

pub fn history(
    db: &Path,
    respondent: &str,
    lang: Option<&str>,
    format: HistoryFormat,
) -> Result<ExitCode, String> {
    let Sent {
        id,
        store,
        versions,
        findings,
    } = sent(db, respondent)?;
    let lang = match lang {
        Some(l) => l.to_string(),
        None => canvass::intake::upgrade::questionnaire_of(&store.pinned()?)
            .map_or_else(|_| "en".into(), |q| q.source_language().to_string()),
    };
    let followed = follow(&findings);
    let text = match format {
        HistoryFormat::Human => human(&id, &versions, &followed, &lang),
        HistoryFormat::Json => json(&versions, &followed, &lang)?,
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write the history: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// A respondent's versions, oldest first, with each one's findings as data.
struct Sent {
    id: String,
    store: Store,
    versions: Vec<HistoryVersion>,
    findings: Vec<Vec<Finding>>,
}

/// What `respondent` sent: refused when it is no respondent id or sent nothing.
fn sent(db: &Path, respondent: &str) -> Result<Sent, String> {
    let Some(id) = canvass::intake::respondent_id(respondent) else {
        return Err(format!("{} is not a respondent id", visible(respondent)));
    };
    let store = Store::open(db, false)?;
    let versions = store.history(&id)?;
    if versions.is_empty() {
        return Err(format!("{} has sent no reply", visible(&id)));
    }
    let findings = versions
        .iter()
        .map(|v| stored_findings(db, &id, v.version, v.findings.as_deref()))
        .collect::<Result<_, _>>()?;
    Ok(Sent {
        id,
        store,
        versions,
        findings,
    })
}

/// A stored version's findings as data; refused when an older canvass kept them only as
/// words (`intake upgrade` gives them as data) or they do not read.
pub(super) fn stored_findings(
    db: &Path,
    respondent: &str,
    version: i64,
    data: Option<&str>,
) -> Result<Vec<Finding>, String> {
    let who = visible(respondent);
    let Some(data) = data else {
        return Err(format!(
            "version {version} of {who} was stored by an older canvass, which kept its findings \
             only as words; run `canvass intake upgrade --db {}` once",
            visible(&db.display().to_string())
        ));
    };
    serde_json::from_str(data)
        .map_err(|e| format!("version {version} of {who}: its findings do not read: {e}"))
}

/// A version's state as `status` names it.
fn state(v: &HistoryVersion) -> &'static str {
    if v.accepted {
        "accepted"
    } else if v.stage == "draft" {
        "draft"
    } else {
        "invalid"
    }
}

fn human(
    id: &str,
    versions: &[HistoryVersion],
    followed: &[Vec<(Mark, Finding)>],
    lang: &str,
) -> String {
    let mut text = format!(
        "{}: {} version{}\n",
        visible(id),
        versions.len(),
        if versions.len() == 1 { "" } else { "s" }
    );
    for (v, marked) in versions.iter().zip(followed) {
        text += &format!(
            "\nversion {} · {} · {} · {} ({} errors, {} warnings) · receipt {} · {}\n",
            v.version,
            v.received_at,
            v.stage,
            state(v),
            v.errors,
            v.warnings,
            v.sha256.chars().take(12).collect::<String>(),
            echo(&v.file)
        );
        if let Some(note) = &v.note {
            text += &format!("  note: {}\n", visible(note));
        }
        if let Some(note) = &v.accepted_note {
            text += &format!("  accepted: {}\n", visible(note));
        }
        if marked.is_empty() {
            text += "  no findings\n";
        }
        for (mark, f) in marked {
            let severity = if f.is_error() { "error" } else { "warning" };
            text += &format!(
                "  {:<5} {severity} {} {} — {}\n",
                mark.as_str(),
                f.code.as_str(),
                f.question.as_deref().map_or_else(String::new, echo),
                visible(&f.worded(lang).message)
            );
        }
    }
    text
}

fn json(
    versions: &[HistoryVersion],
    followed: &[Vec<(Mark, Finding)>],
    lang: &str,
) -> Result<String, String> {
    let out: Vec<serde_json::Value> = versions
        .iter()
        .zip(followed)
        .map(|(v, marked)| {
            serde_json::json!({
                "version": v.version,
                "received_at": v.received_at,
                "file": v.file,
                "receipt": v.sha256,
                "stage": v.stage,
                "state": state(v),
                "errors": v.errors,
                "warnings": v.warnings,
                "note": v.note,
                "accepted_note": v.accepted_note,
                "findings": marked.iter().map(|(mark, f)| serde_json::json!({
                    "mark": mark,
                    "code": f.code.as_str(),
                    "severity": f.severity.name(),
                    "question": f.question,
                    "number": f.number,
                    "rule": f.rule,
                    "message": f.worded(lang).message,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&out)
        .map(|t| t + "\n")
        .map_err(|e| e.to_string())
}

/// How `intake letter` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LetterFormat {
    Md,
    Txt,
}

/// `intake letter RESPONDENT`: the request for validation about its latest version.
pub fn letter(
    db: &Path,
    respondent: &str,
    lang: Option<&str>,
    format: LetterFormat,
) -> Result<ExitCode, String> {
    use canvass::intake::letter::{LetterFormat as Written, LetterVersion, letter};
    let Sent {
        id,
        store,
        versions,
        findings,
    } = sent(db, respondent)?;
    let last = versions
        .last()
        .expect("`sent` refuses a respondent without versions");
    let q = canvass::intake::upgrade::questionnaire_of(&store.pinned()?)?;
    let lang = lang.map_or_else(|| q.source_language().to_string(), str::to_string);
    let stored = store
        .version_of(&id, Some(last.version))?
        .ok_or_else(|| format!("{} has no version {}", visible(&id), last.version))?;
    let latest_file = canvass::judge::source_of(
        last.file.clone(),
        &stored.bytes,
        canvass::reply::Format::named(&stored.format),
        findings.last().map_or(&[][..], Vec::as_slice),
    );
    let files: Vec<canvass::source::SourceFile> = versions
        .iter()
        .map(|v| canvass::source::SourceFile::new(v.file.clone(), String::new()))
        .collect();
    let written: Vec<LetterVersion<'_>> = versions
        .iter()
        .zip(&findings)
        .zip(&files)
        .enumerate()
        .map(|(i, ((v, f), file))| LetterVersion {
            version: v.version,
            received_at: &v.received_at,
            file: if i + 1 == versions.len() {
                &latest_file
            } else {
                file
            },
            findings: f,
        })
        .collect();
    let format = match format {
        LetterFormat::Md => Written::Markdown,
        LetterFormat::Txt => Written::Text,
    };
    let text = letter(&q, &id, &written, &lang, format);
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write the letter: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
