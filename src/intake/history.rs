//! A respondent's versions with their findings followed from one to the next. A finding's
//! identity is its code, the question it is about (a table's row named by its key where the
//! table has one, so a row moved is the same row) and its rule: a finding of version 2 with
//! the identity of one of version 1 is still open, one without is new, and one of version 1
//! that version 2 lacks is fixed. This module only compares; printers word the findings.

use crate::findings::Finding;

/// Where a finding stands against the version before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Not in the version before (or this is the first version).
    New,
    /// In the version before too.
    Open,
    /// In the version before, not in this one.
    Fixed,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Open => "open",
            Self::Fixed => "fixed",
        }
    }
}

/// A finding's identity across versions: code, question (with its row), rule.
pub fn identity(f: &Finding) -> String {
    format!(
        "{}|{}|{}",
        f.code.as_str(),
        f.question.as_deref().unwrap_or(""),
        f.rule.as_deref().unwrap_or("")
    )
}

/// Each version's findings marked against the version before, then those it fixed.
pub fn follow(versions: &[Vec<Finding>]) -> Vec<Vec<(Mark, Finding)>> {
    let mut out = Vec::with_capacity(versions.len());
    let mut before: Vec<(&Finding, String)> = Vec::new();
    for findings in versions {
        let now: Vec<(&Finding, String)> = findings.iter().map(|f| (f, identity(f))).collect();
        let mut marked: Vec<(Mark, Finding)> = now
            .iter()
            .map(|(f, id)| {
                let mark = if before.iter().any(|(_, b)| b == id) {
                    Mark::Open
                } else {
                    Mark::New
                };
                (mark, (*f).clone())
            })
            .collect();
        marked.extend(
            before
                .iter()
                .filter(|(_, id)| !now.iter().any(|(_, n)| n == id))
                .map(|(f, _)| (Mark::Fixed, (*f).clone())),
        );
        out.push(marked);
        // Each identity is worked out once, and serves as the next version's "before".
        before = now;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{Anchor, Code, Severity};

    fn at(code: Code, question: &str) -> Finding {
        let mut f = Finding::new(
            code,
            Severity::Error,
            crate::findings::words::Text::Plain(question.into()),
            Anchor::Nowhere,
        );
        f.question = Some(question.into());
        f
    }

    #[test]
    fn findings_are_new_open_or_fixed_by_their_identity() {
        let v1 = vec![at(Code::Rule, "a.b"), at(Code::MissingAnswer, "a.c")];
        let v2 = vec![at(Code::Rule, "a.b"), at(Code::OutOfRange, "a.d")];
        let marks: Vec<Vec<(Mark, String)>> = follow(&[v1, v2])
            .into_iter()
            .map(|v| {
                v.into_iter()
                    .map(|(m, f)| (m, f.question.unwrap()))
                    .collect()
            })
            .collect();
        assert_eq!(
            marks[0],
            [(Mark::New, "a.b".into()), (Mark::New, "a.c".into())]
        );
        assert_eq!(
            marks[1],
            [
                (Mark::Open, "a.b".into()),
                (Mark::New, "a.d".into()),
                (Mark::Fixed, "a.c".into())
            ]
        );
    }
}
