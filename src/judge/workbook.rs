//! Judging a workbook reply: the archive opened (or refused, one `syntax` finding saying
//! why), its questionnaire told by its hidden sheet, its cells read into a reply value and
//! judged like any reply, and every finding placed at its sheet and cell. What the reader
//! could not read (a formula never computed, a deleted sheet) is one finding each, and the
//! findings that only follow from it (the answer missing) are left out: one fault, one
//! finding. A reply with findings also gets the cells about them, for its report.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Found, Judge, Judgement, name_question, respondent};
use crate::findings::words::{self, Args};
use crate::findings::{Anchor, Code, Finding, Location, Place, Severity, visible};
use crate::reply::Format;
use crate::reply::workbook::{self, Problem, Unreadable};
use crate::source::SourceFile;

impl Judge<'_> {
    /// Judge a workbook reply.
    pub(super) fn judge_workbook(&self, name: String, bytes: Vec<u8>) -> Judgement {
        let (found, cells) = match workbook::open(&bytes, &self.limits) {
            Ok(opened) => self.judge_opened(opened, &name),
            Err(why) => (
                self.found_without_questionnaire(vec![unreadable(&why)]),
                None,
            ),
        };
        let mut file = SourceFile::new(name, String::new());
        file.cells = cells.map(Arc::new);
        Judgement {
            file,
            format: Format::Xlsx,
            questionnaire: found.questionnaire,
            respondent: found.respondent,
            findings: found.findings,
            lang: found.lang,
            raw: Some(bytes),
        }
    }

    fn judge_opened(
        &self,
        mut opened: workbook::Opened<'_>,
        name: &str,
    ) -> (Found, Option<crate::source::SheetCells>) {
        let id = opened.meta.id.clone();
        let judged = self.with_validator(
            || crate::questionnaire::is_questionnaire_id(&id).then(|| id.clone()),
            |v| {
                let q = v.questionnaire();
                let reply = opened.read(q);
                // A workbook of another questionnaire: that is the one finding.
                let problems: &[Problem] = if id == q.id { &reply.problems } else { &[] };
                let mut findings: Vec<Finding> = problems
                    .iter()
                    .map(|p| problem(q, p, &reply.value))
                    .collect();
                let who = respondent(v, &reply.value);
                let previous = self.previous_of(v, who.as_deref());
                let walked = v.validate_with(&reply.value, previous.as_deref());
                findings.extend(walked.into_iter().filter(|f| !follows_from(problems, f)));
                // In the questionnaire's order, as the sheets show them.
                findings.sort_by_key(|f| order(q, f));
                let file: Arc<str> = name.into();
                for f in &mut findings {
                    place(&mut f.at, &reply.cells, &file);
                    for r in &mut f.related {
                        place(&mut r.at, &reply.cells, &file);
                    }
                }
                let mut found = self.found(v, findings, who);
                if self.lang.is_none() {
                    // Worded in the language the respondent filled the workbook in.
                    found.lang = reply.lang;
                }
                found
            },
        );
        let Some(found) = judged else {
            let finding = no_questionnaire(&id);
            return (self.found_without_questionnaire(vec![finding]), None);
        };
        let cells = cells_of(&mut opened, &found.findings);
        (found, cells)
    }
}

/// The cells about each finding's (and related answer's) cell, `None` when none is at one.
fn cells_of(
    opened: &mut workbook::Opened<'_>,
    findings: &[Finding],
) -> Option<crate::source::SheetCells> {
    let places: Vec<(String, String)> = findings
        .iter()
        .flat_map(|f| std::iter::once(&f.at).chain(f.related.iter().map(|r| &r.at)))
        .filter_map(|at| match &at.place {
            Place::Cell { sheet, cell } => Some((sheet.clone(), cell.clone())),
            _ => None,
        })
        .collect();
    (!places.is_empty()).then(|| opened.cells_around(&places))
}

/// The file a report shows stored findings in: a text reply's text, or, for a workbook, the
/// cells about the findings' cells, read again from the bytes received.
pub fn source_of(
    name: impl Into<String>,
    bytes: &[u8],
    format: Format,
    findings: &[Finding],
) -> SourceFile {
    let name = name.into();
    if format != Format::Xlsx {
        return SourceFile::new(name, String::from_utf8_lossy(bytes).into_owned());
    }
    let mut file = SourceFile::new(name, String::new());
    let limits = crate::reply::Limits::admitting(bytes.len());
    if let Ok(mut opened) = workbook::open(bytes, &limits) {
        file.cells = cells_of(&mut opened, findings).map(Arc::new);
    }
    file
}

/// The finding for a workbook that cannot be read at all.
fn unreadable(why: &Unreadable) -> Finding {
    let (id, args) = match why {
        Unreadable::NotAWorkbook(why) => {
            // The reader's own words, which may quote the file: escaped, and cut.
            let why: String = visible::visible(why).chars().take(200).collect();
            ("workbook-not-readable", Args::new().text("why", why))
        }
        Unreadable::TooLarge { unpacked, limit } => (
            "workbook-too-large",
            Args::new()
                .text("size", unpacked.to_string())
                .text("limit", limit.to_string()),
        ),
        Unreadable::Macros => ("workbook-macros", Args::new()),
        Unreadable::NotATemplate => ("workbook-not-template", Args::new()),
    };
    Finding::said(
        Code::Syntax,
        Severity::Error,
        words::say(id, &args),
        Anchor::Nowhere,
    )
}

/// The finding for a workbook whose hidden sheet names no questionnaire canvass has.
fn no_questionnaire(id: &str) -> Finding {
    let (message, args) = if id.is_empty() {
        ("questionnaire-not-named", Args::new())
    } else {
        (
            "questionnaire-not-found",
            Args::new().text("id", visible::echo(id)),
        )
    };
    let at = Location::answer("/questionnaire", Anchor::Nowhere);
    Finding::said(
        Code::WrongQuestionnaire,
        Severity::Error,
        words::say(message, &args),
        at,
    )
}

/// The finding for what the reader could not read, at its cell when it has one.
fn problem(
    q: &crate::questionnaire::model::Questionnaire,
    p: &Problem,
    value: &serde_json::Value,
) -> Finding {
    let pointer = p.pointer().to_string();
    let (code, id, args, cell) = match p {
        Problem::FormulaWithoutValue { at, formula, .. } => (
            Code::InvalidType,
            "workbook-formula-without-value",
            Args::new().text("formula", visible::echo(&format!("={formula}"))),
            Some(at),
        ),
        Problem::ErrorValue { at, error, .. } => (
            Code::InvalidType,
            "workbook-error-value",
            Args::new().text("error", visible::echo(error)),
            Some(at),
        ),
        Problem::SheetGone { .. } => {
            let section = q.sections.iter().find(|s| pointer == format!("/{}", s.id));
            let title = section.map_or(String::new(), |s| {
                let text = s.title.get(q.source_language(), q.source_language());
                match &s.number {
                    Some(n) => format!("{n}. {text}"),
                    None => text.to_string(),
                }
            });
            (
                Code::ChangedLayout,
                "workbook-sheet-gone",
                Args::new().text("section", title),
                None,
            )
        }
        Problem::CellGone { .. } => (Code::ChangedLayout, "workbook-cell-gone", Args::new(), None),
    };
    let mut at = Location::answer(pointer.clone(), Anchor::Value(pointer));
    if let Some((sheet, cell)) = cell {
        at.place = Place::Cell {
            sheet: sheet.clone(),
            cell: cell.clone(),
        };
    }
    let mut finding = Finding::said(code, Severity::Error, words::say(id, &args), at);
    name_question(q, &mut finding);
    name_row_by_key(q, &mut finding, value);
    finding
}

/// `police.suspects[year=2024].total` rather than `[2]` for a cell of a table whose rows
/// are named by a key, as the walk names them.
fn name_row_by_key(
    q: &crate::questionnaire::model::Questionnaire,
    f: &mut Finding,
    value: &serde_json::Value,
) {
    let Some(pointer) = f.at.pointer.as_deref() else {
        return;
    };
    let parts: Vec<&str> = pointer.split('/').skip(1).collect();
    let [section, table, row, column] = parts.as_slice() else {
        return;
    };
    let Some(x) = q
        .section(section)
        .and_then(|(_, s)| s.questions.iter().find(|x| x.id == *table))
    else {
        return;
    };
    let row_value = value.pointer(&format!("/{section}/{table}/{row}"));
    if let (Some(key), Some(k)) = (crate::validate::row_key(x, row_value), x.naming_key()) {
        f.question = Some(format!("{section}.{table}[{}={key}].{column}", k.id));
    }
}

/// Where a finding's answer comes in the questionnaire: its section's place, then its
/// question's (a finding about the whole reply first).
fn order(q: &crate::questionnaire::model::Questionnaire, f: &Finding) -> (usize, usize) {
    let mut parts = f.at.pointer.as_deref().unwrap_or("").split('/').skip(1);
    let Some((s, section)) = parts.next().and_then(|id| q.section(id)) else {
        return (0, 0);
    };
    let question = parts
        .next()
        .and_then(|id| section.questions.iter().position(|x| x.id == id))
        .map_or(0, |i| i + 1);
    (s + 1, question)
}

/// Whether a finding of the walk only follows from something the reader could not read (an
/// answer missing because its formula has no value, a section missing with its sheet).
fn follows_from(problems: &[Problem], f: &Finding) -> bool {
    let Some(pointer) = f.at.pointer.as_deref() else {
        return false;
    };
    problems.iter().any(|p| {
        let p = p.pointer();
        pointer == p
            || pointer
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

/// Place a location at the cell of its answer, or of the nearest answer holding it (a
/// table's row, the table).
fn place(at: &mut Location, cells: &HashMap<String, (String, String)>, file: &Arc<str>) {
    at.file = Some(file.clone());
    if !matches!(at.place, Place::Whole) {
        return;
    }
    let Some(mut pointer) = at.pointer.as_deref() else {
        return;
    };
    loop {
        if let Some((sheet, cell)) = cells.get(pointer) {
            at.place = Place::Cell {
                sheet: sheet.clone(),
                cell: cell.clone(),
            };
            return;
        }
        match pointer.rfind('/') {
            Some(i) if i > 0 => pointer = &pointer[..i],
            _ => return,
        }
    }
}
