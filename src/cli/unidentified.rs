//! `intake unidentified` and `intake assign`: the submissions that name no readable
//! respondent (a country written "PH"), listed with the answer that could not identify them,
//! and filed under their respondent by a reviewer, as its next version, bytes unchanged.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use canvass::findings::Finding;
use canvass::findings::visible::{echo, visible};
use canvass::intake::store::{Assignment, Store, UnidentifiedSubmission};
use canvass::reply::{Format, Limits};

/// How `intake unidentified` writes its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

/// One unidentified submission as listed: its receipt, file, time, the answer that could not
/// identify it (as written, JSON), and what the findings say about that answer.
#[derive(serde::Serialize)]
struct Listed {
    receipt: String,
    file: String,
    received_at: String,
    answer: Option<serde_json::Value>,
    errors: i64,
    warnings: i64,
    why: Vec<String>,
}

pub fn list(db: &Path, format: ListFormat) -> Result<ExitCode, String> {
    let store = Store::open(db, false)?;
    let pinned = store.pinned()?;
    let q = canvass::intake::upgrade::questionnaire_of(&pinned)?;
    let field = q.respondent.clone().unwrap_or_default();
    let listed: Vec<Listed> = store
        .unidentified_submissions()?
        .into_iter()
        .map(|s| listed(s, &q, &field))
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = |e: std::io::Error| format!("cannot write the list: {e}");
    match format {
        ListFormat::Json => {
            let text = serde_json::to_string_pretty(&listed).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(io)?;
        }
        ListFormat::Human => {
            let header = [
                "receipt",
                "file",
                "received at",
                "answer",
                "errors",
                "warnings",
            ];
            let rows: Vec<[String; 6]> = listed
                .iter()
                .map(|l| {
                    [
                        l.receipt.chars().take(12).collect(),
                        echo(&l.file),
                        l.received_at.clone(),
                        l.answer
                            .as_ref()
                            .map_or_else(|| "(none)".into(), |a| echo(&a.to_string())),
                        l.errors.to_string(),
                        l.warnings.to_string(),
                    ]
                })
                .collect();
            let mut text = format!(
                "{} unidentified submission{} (no valid answer to {})\n\n",
                listed.len(),
                if listed.len() == 1 { "" } else { "s" },
                visible(&field)
            );
            text += &canvass::report::table::render(&header, &rows);
            for l in &listed {
                for why in &l.why {
                    let receipt: String = l.receipt.chars().take(12).collect();
                    text += &format!("{receipt}: {}\n", visible(why));
                }
            }
            text += "\nfile one under its respondent: canvass intake assign RECEIPT RESPONDENT --note TEXT\n";
            write!(out, "{text}").map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

fn listed(
    s: UnidentifiedSubmission,
    q: &canvass::questionnaire::model::Questionnaire,
    field: &str,
) -> Listed {
    let limits = Limits::admitting(s.bytes.len());
    let answer =
        canvass::reply::value_of(&s.bytes, Format::named(&s.format), q, &limits).and_then(|v| {
            let (section, question) = field.split_once('.')?;
            v.get(section)?.get(question).cloned()
        });
    let findings: Vec<Finding> = s
        .findings
        .as_deref()
        .and_then(|f| serde_json::from_str(f).ok())
        .unwrap_or_default();
    let why = findings
        .iter()
        .filter(|f| f.question.as_deref() == Some(field) || f.question.is_none())
        .map(|f| f.worded("en").message)
        .collect();
    Listed {
        receipt: s.sha256,
        file: s.file,
        received_at: s.received_at,
        answer,
        errors: s.errors,
        warnings: s.warnings,
        why,
    }
}

pub fn assign(db: &Path, receipt: &str, respondent: &str, note: &str) -> Result<ExitCode, String> {
    if receipt.len() < 6 || !receipt.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "{} is not a receipt: give at least the first 6 hexadecimal digits of the SHA-256 `intake unidentified` lists",
            visible(receipt)
        ));
    }
    let Some(id) = canvass::intake::respondent_id(respondent) else {
        return Err(format!("{} is not a respondent id", visible(respondent)));
    };
    let store = Store::open(db, true)?;
    let expected = store.expected()?;
    let known = expected.iter().any(|(e, _)| *e == id)
        || store.latest()?.iter().any(|l| l.respondent == id);
    if !expected.is_empty() && !known {
        return Err(format!(
            "{} is not one of the collection's respondents (it is not expected and has sent nothing)",
            visible(&id)
        ));
    }
    match store.assign(&receipt.to_ascii_lowercase(), &id, note)? {
        Assignment::Filed(version) => {
            println!(
                "filed the unidentified submission {} as {} version {version}: {}",
                visible(receipt),
                visible(&id),
                visible(note)
            );
            Ok(ExitCode::SUCCESS)
        }
        Assignment::NoSuch => Err(format!(
            "no unidentified submission has a receipt starting {}",
            visible(receipt)
        )),
        Assignment::Ambiguous(n) => Err(format!(
            "{n} unidentified submissions have a receipt starting {}: give more of it",
            visible(receipt)
        )),
    }
}
