//! A reply's `explanations`: a table from the id of a rule that may be explained (a warning,
//! or a rule of severity `explain`) to the respondent's reason the answers are right. This
//! module checks the table (one finding per fault, as for answers) and marks the findings
//! of the rules it explains. It never explains an error rule's finding: those are corrected,
//! or accepted by a reviewer.

use super::describe;
use super::walk::{Walk, say};
use crate::findings::visible::echo;
use crate::findings::words::Args;
use crate::findings::{Anchor, Code, ExplainedBy, Explanation, Finding, Location, Severity};
use crate::questionnaire::EXPLANATIONS;
use crate::questionnaire::settings::closest;
use crate::reply::escape_pointer;
use crate::values::view::{Kind, ReplyValue};

impl<'a, V: ReplyValue<'a>> Walk<'a, V> {
    /// Check the reply's explanations, then explain the findings of the rules they name.
    pub(super) fn explanations(&mut self, root: V) {
        let Some(given) = root.get(EXPLANATIONS) else {
            return;
        };
        let pointer = format!("/{EXPLANATIONS}");
        let Some(members) = given.members() else {
            let said = say(
                "explanations-not-a-table",
                Args::new().text("value", describe::value(given)),
            );
            let at = Location::answer(pointer.clone(), Anchor::Value(pointer));
            self.findings
                .push(Finding::said(Code::InvalidType, Severity::Error, said, at));
            return;
        };
        for (key, value) in members {
            self.explanation(key, value);
        }
        for finding in &mut self.findings {
            if !finding.explainable() {
                continue;
            }
            let note = finding.rule.as_ref().and_then(|r| given.get(r));
            if let Some(note) = note.and_then(ReplyValue::as_str)
                && !note.trim().is_empty()
            {
                finding.explained = Some(Explanation {
                    by: ExplainedBy::Reply,
                    note: note.to_string(),
                });
            }
        }
    }

    /// One explanation: a rule that may be explained, and a text (or nothing).
    fn explanation(&mut self, key: &str, value: V) {
        let q = self.q;
        let pointer = format!("/{EXPLANATIONS}/{}", escape_pointer(key));
        let explainable: Vec<&str> = q
            .rules
            .iter()
            .filter(|r| r.severity.explainable())
            .map(|r| r.id.as_str())
            .collect();
        if !explainable.contains(&key) {
            let help = if q.rules.iter().any(|r| r.id == key) {
                say(
                    "help-explain-error-rule",
                    Args::new().text("rule", echo(key)),
                )
            } else if let Some(near) = closest(key, &explainable) {
                say("help-did-you-mean", Args::new().text("near", near))
            } else if explainable.is_empty() {
                say("help-explainable-none", Args::new())
            } else {
                say(
                    "help-explainable-rules",
                    Args::new().text("ids", explainable.join(", ")),
                )
            };
            let mut finding = Finding::said(
                Code::UnknownQuestion,
                Severity::Error,
                say("explanation-unknown", Args::new().text("key", echo(key))),
                Location::answer(pointer.clone(), Anchor::Key(pointer)),
            )
            .with_help(help.message);
            finding.question = Some(format!("{EXPLANATIONS}.{key}"));
            self.findings.push(finding);
            return;
        }
        if !matches!(value.kind(), Kind::String(_) | Kind::Null) {
            let said = say(
                "explanation-not-text",
                Args::new().text("value", describe::value(value)),
            );
            let mut finding = Finding::said(
                Code::InvalidType,
                Severity::Error,
                said,
                Location::answer(pointer.clone(), Anchor::Value(pointer)),
            );
            finding.question = Some(format!("{EXPLANATIONS}.{key}"));
            self.findings.push(finding);
        }
    }
}
