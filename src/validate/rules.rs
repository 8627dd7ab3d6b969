//! `[[rule]]` checks: evaluated when their `when` holds, skipped when they read an
//! unanswered, coded or already-reported answer (that is a missing or invalid answer, not
//! an inconsistency). A failed rule shows every answer it read.

use std::collections::HashSet;

use super::walk::Walk;
use crate::expr::eval::{Answers, Truth, truth};
use crate::findings::words::Args;
use crate::findings::{Anchor, Code, Finding, Location};
use crate::questionnaire::model::{QuestionRef, Questionnaire, Rule};
use crate::reply::escape_pointer;
use crate::reply::view::ReplyValue;

/// Whether a rule applies (its `when` holds) and its check is false. A check that reads a
/// blank or coded answer is unknown, which is not a failure.
pub(super) fn fails<'v, V: ReplyValue<'v>>(
    rule: &Rule,
    q: &Questionnaire,
    answers: &Answers<'v, V>,
) -> bool {
    rule.when
        .as_ref()
        .is_none_or(|when| truth(when.ast(), q, answers) == Truth::True)
        && truth(rule.check.ast(), q, answers) == Truth::False
}

impl Walk<'_> {
    pub(super) fn rules(&mut self, invalid: &HashSet<QuestionRef>) {
        let q = self.q;
        let src = q.source_language();
        for rule in &q.rules {
            if !fails(rule, q, &self.answers) {
                continue;
            }
            // The answers the check reads come first: the first of them carries the finding.
            let checked = rule.check.ast().references();
            let mut reads = checked.clone();
            reads.extend(rule.when.iter().flat_map(|w| w.ast().references()));
            // Skipped only when an answer it actually reads is broken (a bad cell of a
            // table does not stop `size(table) == household_size`).
            let read: Vec<_> = rule
                .check
                .ast()
                .reads()
                .into_iter()
                .chain(rule.when.iter().flat_map(|w| w.ast().reads()))
                .collect();
            if super::walk::reads_broken(&read, invalid) {
                continue;
            }
            // `check` refuses a check that reads no answer; should one come through all
            // the same, the rule still fails, at the top of the reply.
            let Some(&first) = checked.first() else {
                let said = self.say(
                    "rule-failed-nowhere",
                    Args::new()
                        .text("message", rule.message.get(self.lang, src))
                        .text("rule", rule.id.clone())
                        .text("check", rule.check.source.clone()),
                );
                let mut finding = Finding::said(
                    Code::Rule,
                    rule.severity,
                    said,
                    Anchor::Container(String::new()),
                );
                finding.rule = Some(rule.id.clone());
                self.findings.push(finding);
                continue;
            };
            let section = &q.sections[first.section];
            let question = &section.questions[first.question];
            let pointer = format!("/{}/{}", escape_pointer(&section.id), question.id);
            let mut seen = Vec::new();
            let related: Vec<_> = reads
                .iter()
                .filter(|r| {
                    let new = !seen.contains(*r);
                    seen.push(**r);
                    new
                })
                .map(|r| self.related_answer(*r, ""))
                .collect();
            let values: Vec<&str> = related.iter().map(|r| r.message.as_str()).collect();
            let said = self.say(
                "rule-failed",
                Args::new()
                    .text("message", rule.message.get(self.lang, src))
                    .text("values", values.join(", "))
                    .text("rule", rule.id.clone())
                    .text("check", rule.check.source.clone()),
            );
            let mut finding = Finding::said(
                Code::Rule,
                rule.severity,
                said,
                Location::answer(pointer.clone(), Anchor::Value(pointer)),
            )
            .with_label(related[0].message.clone());
            finding.related = related.into_iter().skip(1).collect();
            finding.rule = Some(rule.id.clone());
            finding.question = Some(format!("{}.{}", section.id, question.id));
            finding.number.clone_from(&question.number);
            finding.text = Some(question.text.get(self.lang, src).to_string());
            self.findings.push(finding);
        }
    }
}
