//! Explanations a reviewer records (`intake explain`): given to the findings they explain
//! when a version is shown, never written into the version. A reviewer's explanation of a
//! rule holds from the version it was recorded on, for as long as the rule's finding stays;
//! only a warning, or a rule that asks for an explanation, can be explained.

use crate::findings::{ExplainedBy, Explanation, Finding};

use super::store::Explained;

/// Give `version`'s findings the explanations reviewers recorded for them (a finding the
/// reply already explains keeps the reply's).
pub fn apply(findings: &mut [Finding], recorded: &[Explained], version: i64) {
    for f in findings.iter_mut() {
        if f.explained.is_some() || !f.explainable() {
            continue;
        }
        let Some(rule) = f.rule.as_deref() else {
            continue;
        };
        let latest = recorded
            .iter()
            .filter(|e| e.rule == rule && e.version <= version)
            .max_by_key(|e| e.version);
        if let Some(e) = latest {
            f.explained = Some(Explanation {
                by: ExplainedBy::Reviewer,
                note: e.note.clone(),
            });
        }
    }
}

/// Why a finding cannot be explained by a reviewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The version has no finding of this rule; `explainable` lists those it has.
    NoSuchFinding { explainable: Vec<String> },
    /// The rule's finding is an error: correct it, or accept the version.
    AnError,
}

/// Whether `rule`'s findings among `findings` can be explained; `Ok(true)` when explaining
/// them leaves no error unexplained (the version may then be accepted).
pub fn can_explain(findings: &[Finding], rule: &str) -> Result<bool, Refusal> {
    let of_rule: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule.as_deref() == Some(rule))
        .collect();
    if of_rule.is_empty() {
        let mut explainable: Vec<String> = findings
            .iter()
            .filter(|f| f.explainable())
            .filter_map(|f| f.rule.clone())
            .collect();
        explainable.dedup();
        return Err(Refusal::NoSuchFinding { explainable });
    }
    if of_rule.iter().any(|f| f.is_error() && !f.explainable()) {
        return Err(Refusal::AnError);
    }
    Ok(findings
        .iter()
        .filter(|f| f.rule.as_deref() != Some(rule))
        .all(|f| !f.is_error()))
}

/// How many of `findings` are open (neither fixed nor explained), and how many explained.
pub fn open_and_explained(findings: &[Finding]) -> (usize, usize) {
    let explained = findings.iter().filter(|f| f.explained.is_some()).count();
    (findings.len() - explained, explained)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{Anchor, Code, Severity, Text};

    fn rule(id: &str, severity: Severity, asks: bool) -> Finding {
        let mut f = Finding::new(
            Code::Rule,
            severity,
            Text::Plain(id.into()),
            Anchor::Nowhere,
        );
        f.rule = Some(id.into());
        f.asks_explanation = asks;
        f
    }

    fn recorded(rule: &str, version: i64) -> Explained {
        Explained {
            rule: rule.into(),
            version,
            note: format!("{rule} from {version}"),
            explained_at: "2026-12-06T00:00:00Z".into(),
        }
    }

    #[test]
    fn an_explanation_holds_from_its_version_on_for_warnings_and_explain_rules_only() {
        let mut v1 = vec![rule("jump", Severity::Warning, false)];
        apply(&mut v1, &[recorded("jump", 2)], 1);
        assert_eq!(v1[0].explained, None, "recorded on version 2");
        let mut v3 = vec![
            rule("jump", Severity::Warning, false),
            rule("change", Severity::Error, true),
            rule("sum", Severity::Error, false),
        ];
        let all = [
            recorded("jump", 2),
            recorded("change", 3),
            recorded("sum", 1),
        ];
        apply(&mut v3, &all, 3);
        assert_eq!(v3[0].explained.as_ref().unwrap().note, "jump from 2");
        assert_eq!(v3[1].explained.as_ref().unwrap().by, ExplainedBy::Reviewer);
        assert_eq!(v3[2].explained, None, "an error rule is never explained");
        assert_eq!(open_and_explained(&v3), (1, 2));
    }

    #[test]
    fn a_reviewer_explains_only_what_is_there_and_never_an_error() {
        let findings = vec![
            rule("jump", Severity::Warning, false),
            rule("change", Severity::Error, true),
            rule("sum", Severity::Error, false),
        ];
        assert_eq!(
            can_explain(&findings, "nope"),
            Err(Refusal::NoSuchFinding {
                explainable: vec!["jump".into(), "change".into()]
            })
        );
        assert_eq!(can_explain(&findings, "sum"), Err(Refusal::AnError));
        assert_eq!(
            can_explain(&findings, "change"),
            Ok(false),
            "sum stays an error"
        );
        assert_eq!(can_explain(&findings[..2], "change"), Ok(true));
    }
}
