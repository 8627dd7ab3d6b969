//! What a collection gives out: its replies as CSV (one row per respondent, one file per
//! table question) or as NDJSON, each reply read from the bytes stored.
//!
//! Cells hold answers as written (numbers keep their digits); a text answer that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.

use crate::eval::asked::asked;
use crate::eval::{Answers, Truth};
use crate::questionnaire::model::QuestionRef;
use std::io::Write;
use std::path::Path;

use serde_json::Value;

use super::service::Collection;
use super::store::{StoredReply, Which};
use crate::questionnaire::model::{Question, QuestionType, Questionnaire};
use crate::reply::{Format, Limits};
use crate::values::spreadsheet::Csv;

/// A stored reply's JSON value (a workbook read by `q`'s names).
pub fn reply_value(r: &StoredReply, q: &Questionnaire) -> Result<Value, String> {
    let format = Format::named(&r.format);
    let limits = Limits::admitting(r.bytes.len());
    crate::reply::value_of(&r.bytes, format, q, &limits)
        .ok_or_else(|| format!("version {} of {} does not read", r.version, r.respondent))
}

/// The files `csv` writes: `replies.csv`, then one per table question.
pub fn csv(
    store: &dyn Collection,
    q: &Questionnaire,
    which: Which,
    dir: &Path,
) -> Result<Vec<String>, String> {
    // With every respondent's latest version (`--all`), each row says its state and counts.
    let states: Option<std::collections::HashMap<String, [String; 3]>> = (which == Which::Latest)
        .then(|| super::status(store))
        .transpose()?
        .map(|status| {
            let count = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
            status
                .respondents
                .into_iter()
                .map(|l| {
                    let counts = [l.state.to_string(), count(l.errors), count(l.warnings)];
                    (l.respondent, counts)
                })
                .collect()
        });
    let mut head = header(q);
    if states.is_some() {
        head.splice(3..3, ["state", "errors", "warnings"].map(String::from));
    }
    let mut files = vec![Sheet::new(dir, "replies.csv", &head)?];
    let tables: Vec<(&str, &Question)> = q
        .sections
        .iter()
        .flat_map(|s| s.questions.iter().map(move |x| (s.id.as_str(), x)))
        .filter(|(_, x)| x.kind == QuestionType::Table)
        .collect();
    for (s, table) in &tables {
        let mut head = vec!["respondent".to_string(), "row".to_string()];
        for c in &table.columns {
            head.extend(columns(&c.id, c));
        }
        files.push(Sheet::new(dir, &format!("{s}.{}.csv", table.id), &head)?);
    }
    store.replies(which, &mut |r| {
        let value = reply_value(&r, q)?;
        let answers = Answers::of(q, &value);
        let mut row = vec![
            r.respondent.clone(),
            r.version.to_string(),
            r.received_at.clone(),
        ];
        if let Some(states) = &states {
            row.extend(states.get(&r.respondent).cloned().unwrap_or_default());
        }
        for (si, s) in q.sections.iter().enumerate() {
            let section = value.get(&s.id);
            for (i, x) in s.questions.iter().enumerate() {
                if x.kind == QuestionType::Table {
                    continue;
                }
                let r = QuestionRef {
                    section: si,
                    question: i,
                    column: None,
                };
                // What the tables count: an answer to a question that does not apply is
                // not part of the reply's figures (the reply itself keeps it).
                let applies = asked(q, r, &answers) == Truth::True;
                let answer = section.and_then(|v| v.get(&x.id)).filter(|_| applies);
                row.extend(cells(x, answer));
                if let Some(id) = x.specify_id() {
                    row.push(
                        section
                            .and_then(|v| v.get(&id))
                            .filter(|_| applies)
                            .map(cell)
                            .unwrap_or_default(),
                    );
                }
            }
        }
        files[0].row(&row)?;
        for (i, (s, table)) in tables.iter().enumerate() {
            let rows = value
                .get(*s)
                .and_then(|v| v.get(&table.id))
                .and_then(Value::as_array);
            let table_ref = q.table(&format!("{s}.{}", table.id));
            let table_applies = table_ref.is_none_or(|t| asked(q, t, &answers) == Truth::True);
            for (n, item) in rows
                .into_iter()
                .flatten()
                .filter(|_| table_applies)
                .enumerate()
            {
                let _row = answers.enter_row(Some(item));
                let mut row = vec![r.respondent.clone(), (n + 1).to_string()];
                for (c, column) in table.columns.iter().enumerate() {
                    let applies = table_ref.is_none_or(|t| {
                        let cell = QuestionRef {
                            column: Some(c),
                            ..t
                        };
                        asked(q, cell, &answers) == Truth::True
                    });
                    row.extend(cells(column, item.get(&column.id).filter(|_| applies)));
                }
                files[i + 1].row(&row)?;
            }
        }
        Ok(())
    })?;
    files.into_iter().map(Sheet::finish).collect()
}

/// One reply a line: `{ respondent, version, received_at, reply }`.
pub fn ndjson(
    store: &dyn Collection,
    q: &Questionnaire,
    which: Which,
    out: &mut impl Write,
) -> Result<(), String> {
    store.replies(which, &mut |r| {
        let line = serde_json::json!({
            "respondent": r.respondent,
            "version": r.version,
            "received_at": r.received_at,
            "reply": reply_value(&r, q)?,
        });
        writeln!(out, "{line}").map_err(|e| format!("cannot write the export: {e}"))
    })?;
    out.flush()
        .map_err(|e| format!("cannot write the export: {e}"))
}

fn header(q: &Questionnaire) -> Vec<String> {
    let mut head = vec![
        "respondent".to_string(),
        "version".to_string(),
        "received_at".to_string(),
    ];
    for s in &q.sections {
        for x in &s.questions {
            if x.kind != QuestionType::Table {
                head.extend(columns(&format!("{}.{}", s.id, x.id), x));
                if let Some(id) = x.specify_id() {
                    head.push(format!("{}.{id}", s.id));
                }
            }
        }
    }
    head
}

/// A question's column names: one, or one per option of a multi-choice.
fn columns(name: &str, x: &Question) -> Vec<String> {
    if x.kind == QuestionType::MultiChoice {
        x.options
            .iter()
            .map(|o| format!("{name}.{}", o.value))
            .collect()
    } else {
        vec![name.to_string()]
    }
}

/// A question's cells: its answer (an answer code as the code, no answer as empty), or
/// for a multi-choice 0/1 per option.
fn cells(x: &Question, answer: Option<&Value>) -> Vec<String> {
    if x.kind != QuestionType::MultiChoice {
        return vec![answer.map(cell).unwrap_or_default()];
    }
    match answer {
        Some(Value::Array(chosen)) if !chosen.is_empty() => x
            .options
            .iter()
            .map(|o| u8::from(chosen.iter().any(|c| c.as_str() == Some(&o.value))).to_string())
            .collect(),
        // A code stands for the whole question: it is in every option's cell.
        Some(Value::String(code)) if !code.is_empty() => vec![code.clone(); x.options.len()],
        _ => vec![String::new(); x.options.len()],
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A CSV file written whole or not at all: into a temporary file beside it, renamed at the end.
struct Sheet {
    name: String,
    path: std::path::PathBuf,
    /// Every cell through the spreadsheet guard.
    writer: Csv<tempfile::NamedTempFile>,
}

impl Sheet {
    fn new(dir: &Path, name: &str, head: &[String]) -> Result<Self, String> {
        let path = dir.join(name);
        let shown = crate::findings::visible::visible(&path.display().to_string()).into_owned();
        let temp = tempfile::Builder::new()
            .prefix(".canvass-export-")
            .tempfile_in(dir)
            .map_err(|e| format!("cannot write {shown}: {e}"))?;
        let mut sheet = Sheet {
            name: shown,
            path,
            writer: Csv::new(temp),
        };
        sheet.row(head)?;
        Ok(sheet)
    }

    fn row(&mut self, cells: &[String]) -> Result<(), String> {
        self.writer
            .row(cells)
            .map_err(|e| format!("cannot write {}: {e}", self.name))
    }

    fn finish(self) -> Result<String, String> {
        let name = self.name;
        let temp = self
            .writer
            .into_inner()
            .map_err(|e| format!("cannot write {name}: {e}"))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| format!("cannot write {name}: {e}"))?;
        temp.persist(&self.path)
            .map_err(|e| format!("cannot write {name}: {}", e.error))?;
        Ok(name)
    }
}
