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
pub(super) use canvass::intake::versions::stored_findings;
use canvass::intake::versions::{Sent, sent, state};

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
    } = sent(db, respondent, false)?;
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
        // Counted again: a reviewer's explanation counts from the version it was given on.
        let now: Vec<Finding> = marked
            .iter()
            .filter(|(m, _)| *m != Mark::Fixed)
            .map(|(_, f)| f.clone())
            .collect();
        let (errors, warnings) = canvass::findings::count(&now);
        text += &format!(
            "\nversion {} · {} · {} · {} ({errors} errors, {warnings} warnings) · receipt {} · {}\n",
            v.version,
            v.received_at,
            v.stage,
            state(v),
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
            // The rule's id is what `intake explain` takes.
            let rule = f
                .rule
                .as_deref()
                .map_or_else(String::new, |r| format!(" [{}]", echo(r)));
            text += &format!(
                "  {:<5} {} {} {}{rule} — {}\n",
                mark.as_str(),
                f.standing(),
                f.code.as_str(),
                f.question.as_deref().map_or_else(String::new, echo),
                visible(&f.worded(lang).message)
            );
            if let (Some(e), true) = (&f.explained, *mark != Mark::Fixed) {
                text += &format!(
                    "        explained by the {}: {}\n",
                    e.by.as_str(),
                    visible(&e.note)
                );
            }
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
                    "explained": f.explained,
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
    Html,
}

impl LetterFormat {
    fn written(self) -> canvass::intake::letter::LetterFormat {
        use canvass::intake::letter::LetterFormat as Written;
        match self {
            Self::Md => Written::Markdown,
            Self::Txt => Written::Text,
            Self::Html => Written::Html,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Md => "md",
            Self::Txt => "txt",
            Self::Html => "html",
        }
    }
}

/// What `intake letter` is asked for.
pub struct LetterRequest<'a> {
    /// One respondent, or `None` with `all`.
    pub respondent: Option<&'a str>,
    /// One letter per respondent with open findings, into `output` (a folder).
    pub all: bool,
    pub output: Option<&'a Path>,
    pub lang: Option<&'a str>,
    pub format: LetterFormat,
    /// Write without recording the letter as sent.
    pub preview: bool,
}

/// `intake letter`: the request for validation about a respondent's latest version (or,
/// with `--all`, about each one's with open findings), recorded as written unless a
/// preview, so that the next letter says what was corrected since.
pub fn letter(db: &Path, request: &LetterRequest<'_>) -> Result<ExitCode, String> {
    let write = !request.preview;
    if request.all {
        let Some(folder) = request.output else {
            return Err(
                "--all writes one letter per respondent: give the folder with -o DIR".into(),
            );
        };
        if request.respondent.is_some() {
            return Err("give a respondent, or --all, not both".into());
        }
        std::fs::create_dir_all(folder).map_err(|e| {
            format!(
                "cannot make {}: {e}",
                visible(&folder.display().to_string())
            )
        })?;
        let status = canvass::intake::status(&canvass::intake::service::SqliteCollection::new(
            Store::open(db, false)?,
        ))?;
        let mut written = 0;
        for line in status
            .respondents
            .iter()
            .filter(|l| l.open.unwrap_or(0) > 0)
        {
            let (text, _) = one_letter(db, &line.respondent, request, write)?;
            let name = format!(
                "{}.{}",
                file_stem(&line.respondent),
                request.format.extension()
            );
            super::files::write_atomically(&folder.join(&name), &text)?;
            written += 1;
        }
        eprintln!(
            "{written} letter{} written into {}",
            if written == 1 { "" } else { "s" },
            visible(&folder.display().to_string())
        );
        return Ok(ExitCode::SUCCESS);
    }
    let Some(respondent) = request.respondent else {
        return Err("name the respondent to write to, or give --all -o DIR".into());
    };
    let (text, _) = one_letter(db, respondent, request, write)?;
    if let Some(path) = request.output {
        super::files::write_atomically(path, &text)?;
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write the letter: {e}"))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A file name for a respondent's letter: its id with every character but ASCII letters,
/// digits, `-` and `_` written as `_xx` (its UTF-8 bytes in hex), so an id can neither
/// leave the folder nor make two letters share a file.
fn file_stem(respondent: &str) -> String {
    let mut stem = String::new();
    for c in respondent.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            stem.push(c);
        } else {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                stem.push_str(&format!("_{b:02x}"));
            }
        }
    }
    stem
}

/// The letter to one respondent, and the version it is about; recorded when `record`.
fn one_letter(
    db: &Path,
    respondent: &str,
    request: &LetterRequest<'_>,
    record: bool,
) -> Result<(String, i64), String> {
    use canvass::intake::letter::{LetterVersion, letter, points};
    use canvass::intake::store::Letter;
    let Sent {
        id,
        store,
        versions,
        findings,
    } = sent(db, respondent, record)?;
    let last = versions
        .last()
        .expect("`sent` refuses a respondent without versions");
    let q = canvass::intake::upgrade::questionnaire_of(&store.pinned()?)?;
    let lang = request
        .lang
        .map_or_else(|| q.source_language().to_string(), str::to_string);
    let stored = store
        .version_of(&id, Some(last.version))?
        .ok_or_else(|| format!("{} has no version {}", visible(&id), last.version))?;
    let latest_file = canvass::judge::source_of(
        last.file.clone(),
        &stored.bytes,
        canvass::reply::Format::named(&stored.format),
        findings.last().map_or(&[][..], Vec::as_slice),
    );
    let numbered: Vec<(i64, Vec<Finding>)> =
        versions.iter().map(|v| v.version).zip(findings).collect();
    let previous_letter = store.last_letter(&id)?;
    let points = points(&numbered, previous_letter.as_ref());
    let latest = LetterVersion {
        version: last.version,
        received_at: &last.received_at,
        file: &latest_file,
    };
    let text = letter(&q, &id, &latest, &points, &lang, request.format.written());
    if record {
        let asked = serde_json::to_string(&points.asked()).map_err(|e| e.to_string())?;
        store.record_letter(
            &id,
            &Letter {
                version: last.version,
                lang: lang.clone(),
                asked,
                written_at: canvass::intake::now(),
            },
        )?;
    }
    Ok((text, last.version))
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn a_letters_file_name_never_leaves_its_folder_nor_meets_another() {
        assert_eq!(file_stem("NOR"), "NOR");
        assert_eq!(file_stem("../etc/passwd"), "_2e_2e_2fetc_2fpasswd");
        assert_eq!(file_stem("Côte"), "C_c3_b4te");
        assert_ne!(file_stem("a_2f"), file_stem("a/"));
        assert_eq!(file_stem(".."), "_2e_2e");
    }
}
