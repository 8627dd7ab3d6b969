//! Reports over many replies: the human report with its summary line, the JSON document
//! `{ questionnaire, summary, replies }`, and one `replies` element per NDJSON line.

use serde_json::{Value, json};

use super::human::{Style, render};
use super::json::{Spans, finding};
use super::{Finding, count};
use crate::source::SourceFile;

/// The outcome for one reply.
#[derive(Debug, Clone)]
pub struct ReplyReport {
    pub file: SourceFile,
    /// The id of the questionnaire the reply was validated against, if one was found.
    pub questionnaire: Option<String>,
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
    /// The file could not be read at all; `findings` is empty and `reason` says why.
    pub unreadable: bool,
    pub reason: Option<String>,
}

impl ReplyReport {
    pub fn new(file: SourceFile, findings: Vec<Finding>) -> Self {
        let (errors, warnings) = count(&findings);
        Self {
            file,
            questionnaire: None,
            findings,
            errors,
            warnings,
            unreadable: false,
            reason: None,
        }
    }

    pub fn unreadable(name: &str, why: &str) -> Self {
        Self {
            file: SourceFile::new(name, String::new()),
            questionnaire: None,
            findings: Vec::new(),
            errors: 0,
            warnings: 0,
            unreadable: true,
            reason: Some(why.to_string()),
        }
    }

    pub fn valid(&self) -> bool {
        !self.unreadable && self.errors == 0
    }
}

/// The human report: every finding of every reply, then one summary line.
pub fn human(reports: &[ReplyReport], color: bool) -> String {
    let style = Style { color, width: 100 };
    let mut out = String::new();
    for r in reports {
        if let Some(why) = &r.reason {
            out.push_str(&format!("{}: cannot be read: {why}\n\n", r.file.name));
        }
        out.push_str(&render(&r.findings, &r.file, style));
    }
    out.push_str(&summary_line(reports));
    out.push('\n');
    out
}

pub fn summary_line(reports: &[ReplyReport]) -> String {
    let valid = reports.iter().filter(|r| r.valid()).count();
    let unreadable = reports.iter().filter(|r| r.unreadable).count();
    let invalid = reports.len() - valid - unreadable;
    let errors: usize = reports.iter().map(|r| r.errors).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings).sum();
    let mut line = format!(
        "{} {} checked: {valid} valid, {invalid} invalid",
        reports.len(),
        plural(reports.len(), "reply", "replies")
    );
    if unreadable > 0 {
        line.push_str(&format!(", {unreadable} unreadable"));
    }
    line.push_str(&format!(
        " ({errors} {}, {warnings} {})",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    ));
    line
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// One element of `replies`.
pub fn json_reply(r: &ReplyReport) -> Value {
    let spans = Spans::new(&r.file);
    let mut value = json!({
        "file": r.file.name,
        "valid": r.valid(),
        "errors": r.errors,
        "warnings": r.warnings,
        "findings": r.findings.iter().map(|f| finding(f, &spans)).collect::<Vec<_>>(),
    });
    if let Some(why) = &r.reason {
        value["unreadable"] = json!(why);
    }
    value
}

/// The questionnaire the replies were validated against (`None` if they name several;
/// replies that named none, or did not parse, do not count).
pub fn common_questionnaire(reports: &[ReplyReport]) -> Option<&str> {
    let mut named = reports.iter().filter_map(|r| r.questionnaire.as_deref());
    let first = named.next()?;
    named.all(|q| q == first).then_some(first)
}

/// The whole JSON report.
pub fn json(reports: &[ReplyReport], questionnaire: Option<&str>) -> Value {
    let valid = reports.iter().filter(|r| r.valid()).count();
    json!({
        "questionnaire": questionnaire,
        "summary": {
            "replies": reports.len(),
            "valid": valid,
            "invalid": reports.len() - valid,
            "errors": reports.iter().map(|r| r.errors).sum::<usize>(),
            "warnings": reports.iter().map(|r| r.warnings).sum::<usize>(),
        },
        "replies": reports.iter().map(json_reply).collect::<Vec<_>>(),
    })
}
