//! `[[rule]]` checks: evaluated when their `when` holds, skipped when they read an
//! unanswered, coded or already-reported answer (that is a missing or invalid answer, not
//! an inconsistency). A failed rule shows every answer it read.

use std::collections::HashSet;

use super::walk::{Walk, say};
use crate::eval::{Answers, Truth, truth};
use crate::findings::words::{Args, Text};
use crate::findings::{Anchor, Code, Finding, Location};
use crate::questionnaire::model::{QuestionRef, Questionnaire, Rule};
use crate::values::view::ReplyValue;

/// Whether a rule applies (its `when` holds) and its check is false. A check that reads a
/// blank or coded answer is unknown, which is not a failure. A rule checked `each` row is
/// read in the row the answers are in.
fn fails_here<'v, V: ReplyValue<'v>>(
    rule: &Rule,
    q: &Questionnaire,
    answers: &Answers<'v, V>,
) -> bool {
    rule.when
        .as_ref()
        .is_none_or(|when| truth(when.ast(), q, answers) == Truth::True)
        && truth(rule.check.ast(), q, answers) == Truth::False
}

/// The rows a rule is checked on: `None` for a rule on the whole reply, each row of its
/// table for an `each` rule (none when the table is unanswered).
fn rows<'v, V: ReplyValue<'v>>(
    rule: &Rule,
    q: &Questionnaire,
    answers: &Answers<'v, V>,
) -> Vec<Option<(usize, V)>> {
    let Some(table) = rule.each.as_deref().and_then(|t| q.table(t)) else {
        return vec![None];
    };
    let rows = answers.raw(table).and_then(ReplyValue::items);
    rows.into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, row)| row.members().is_some())
        .map(Some)
        .collect()
}

/// Whether the rule fails anywhere in the reply (on any row, for an `each` rule).
pub(super) fn fails<'v, V: ReplyValue<'v>>(
    rule: &Rule,
    q: &Questionnaire,
    answers: &Answers<'v, V>,
) -> bool {
    // The fast path asks this of every rule of every reply: a rule on the whole reply needs
    // no list of rows.
    if rule.each.is_none() {
        return fails_here(rule, q, answers);
    }
    rows(rule, q, answers).into_iter().any(|row| {
        let _row = answers.enter_row(row.map(|(_, v)| v));
        fails_here(rule, q, answers)
    })
}

/// What is already reported before the rules run: broken answers, and the pointers of
/// every finding (a cell with one is broken in its row).
struct Broken<'a> {
    invalid: &'a HashSet<QuestionRef>,
    reported: &'a HashSet<String>,
}

impl Walk<'_> {
    pub(super) fn rules(&mut self, invalid: &HashSet<QuestionRef>) {
        let q = self.q;
        // The answers already reported, looked up once: a rule on each of 10,000 rows must not
        // scan every finding for each row.
        let reported: HashSet<String> = self
            .findings
            .iter()
            .filter_map(|f| f.at.pointer.clone())
            .collect();
        let broken = Broken {
            invalid,
            reported: &reported,
        };
        for rule in &q.rules {
            for row in rows(rule, q, &self.answers) {
                if self.full() {
                    break;
                }
                let _row = self.answers.enter_row(row.map(|(_, v)| v));
                if fails_here(rule, q, &self.answers) {
                    self.rule_failed(rule, row.map(|(r, _)| r), &broken);
                }
            }
        }
    }

    /// Report a rule that failed (on row `row` of its table, for an `each` rule), unless an
    /// answer it reads is broken.
    /// Each answer a failed rule reads, once, as it is shown beside the finding.
    fn rule_reads(
        &self,
        rule: &Rule,
        reads: &[QuestionRef],
        row: Option<usize>,
    ) -> Vec<crate::findings::Related> {
        let mut seen = Vec::new();
        let sums = sums_read(rule);
        let mut shown = Vec::new();
        for r in reads {
            if seen.contains(r) {
                continue;
            }
            seen.push(*r);
            let mut related = self.related_in_row(*r, row, "");
            // A table read through `sum(table.column)`: the sums and the rows they are
            // over, not only how many rows there are.
            if let Some(said) = self.sums_of(*r, &sums) {
                related.message = said;
            }
            shown.push(related);
        }
        // A computed value is followed by each answer it is computed from.
        let computed: Vec<QuestionRef> = seen.clone();
        for r in computed {
            for from in self.computed_from(r, row) {
                if !shown.iter().any(|s| s.at.pointer == from.at.pointer) {
                    shown.push(from);
                }
            }
        }
        shown
    }

    /// "`sum(t.a)` = 77100, `sum(t.b)` = 61700 over 2 rows" for a table the rule sums
    /// columns of; `None` when it sums none of its columns.
    pub(super) fn sums_of(&self, table: QuestionRef, sums: &[QuestionRef]) -> Option<Text> {
        use crate::expr::ast::{Ast, AstKind};
        let of_table: Vec<&QuestionRef> = sums
            .iter()
            .filter(|s| s.section == table.section && s.question == table.question)
            .collect();
        if of_table.is_empty() || table.column.is_some() {
            return None;
        }
        let value = |kind: AstKind| {
            let ast = Ast { kind, span: 0..0 };
            crate::eval::eval(&ast, self.q, &self.answers).map(|v| crate::eval::display_val(&v))
        };
        let shown: Vec<String> = of_table
            .iter()
            .map(|s| {
                let said = value(AstKind::Sum(**s)).unwrap_or_else(|| "?".into());
                format!("sum({}) = {said}", self.q.path(**s))
            })
            .collect();
        let rows = value(AstKind::Size(table)).unwrap_or_else(|| "0".into());
        let rows: usize = rows.parse().unwrap_or(0);
        Some(
            say(
                "related-sums",
                Args::new()
                    .text("sums", shown.join(", "))
                    .count("rows", rows),
            )
            .message,
        )
    }

    fn rule_failed(&mut self, rule: &Rule, row: Option<usize>, broken: &Broken<'_>) {
        let q = self.q;
        let src = q.source_language();
        // The answers the check reads come first: the first of them carries the finding. Of
        // a check made of `&&`, only the part that failed: the parts that held caused nothing.
        let checked = failing_part(rule.check.ast(), q, &self.answers).references();
        let mut reads = checked.clone();
        reads.extend(rule.when.iter().flat_map(|w| w.ast().references()));
        // Skipped only when an answer it actually reads is broken (a bad cell of a table
        // does not stop `size(table) == household_size`); in a row, a cell is broken when
        // that very cell has a finding.
        let read: Vec<_> = rule
            .check
            .ast()
            .reads()
            .into_iter()
            .chain(rule.when.iter().flat_map(|w| w.ast().reads()))
            .collect();
        // A computed value is broken when an answer it is computed from is (an answer
        // written over it is reported, and ignored).
        let (cells, others): (Vec<QuestionRef>, Vec<QuestionRef>) = q
            .answers_behind(&read)
            .into_iter()
            .partition(|r| row.is_some() && r.column.is_some());
        if super::walk::reads_broken(&others, broken.invalid) {
            return;
        }
        if let Some(row) = row
            && cells.iter().any(|r| {
                broken
                    .reported
                    .contains(&super::walk::cell_pointer(q, *r, row))
            })
        {
            return;
        }
        // `check` refuses a check that reads no answer; should one come through all the
        // same, the rule still fails, at the top of the reply.
        let Some(&first) = checked.first() else {
            let said = say(
                "rule-failed-nowhere",
                Args::new()
                    .text("message", Text::given(&rule.message.0, src))
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
            return;
        };
        let related = self.rule_reads(rule, &reads, row);
        let values: Vec<Text> = related.iter().map(|r| r.message.clone()).collect();
        let mut args = Args::new()
            .text("message", Text::given(&rule.message.0, src))
            .text("values", super::describe::joined(values, ", "))
            .text("rule", rule.id.clone())
            .text("check", rule.check.source.clone());
        let id = match row {
            Some(r) => {
                args = args.text("row", (r + 1).to_string());
                "rule-failed-in-row"
            }
            None => "rule-failed",
        };
        let said = say(id, args);
        let section = &q.sections[first.section];
        let table = &section.questions[first.question];
        let question = q.question(first);
        let pointer = related[0].at.pointer.clone().unwrap_or_default();
        let mut finding = Finding::said(
            Code::Rule,
            rule.severity,
            said,
            Location::answer(pointer, related[0].at.anchor.clone()),
        )
        .with_label(related[0].message.clone());
        finding.question.clone_from(&related[0].question);
        finding.related = related.into_iter().skip(1).collect();
        finding.rule = Some(rule.id.clone());
        finding.number.clone_from(if first.column.is_some() {
            &table.number
        } else {
            &question.number
        });
        finding.text = Some(match first.column {
            Some(_) => Text::given(&table.text.0, src)
                .then(" — ")
                .then(Text::given(&question.text.0, src)),
            None => Text::given(&question.text.0, src),
        });
        self.findings.push(finding);
    }
}

/// The columns a rule sums (`sum(table.column)` in its check or its `when`), in order.
fn sums_read(rule: &Rule) -> Vec<QuestionRef> {
    sums_in(
        std::iter::once(rule.check.ast())
            .chain(rule.when.iter().map(crate::questionnaire::model::Expr::ast)),
    )
}

/// The columns these expressions sum (`sum(table.column)`), in order.
pub(super) fn sums_in<'a>(
    asts: impl Iterator<Item = &'a crate::expr::ast::Ast>,
) -> Vec<QuestionRef> {
    use crate::expr::ast::{Ast, AstKind};
    fn walk(ast: &Ast, out: &mut Vec<QuestionRef>) {
        match &ast.kind {
            AstKind::Sum(r) if !out.contains(r) => out.push(*r),
            AstKind::List(items) => items.iter().for_each(|i| walk(i, out)),
            AstKind::Not(a) | AstKind::Neg(a) => walk(a, out),
            AstKind::Binary(_, a, b) | AstKind::Default(a, b) => {
                walk(a, out);
                walk(b, out);
            }
            AstKind::If(c, a, b) => {
                walk(c, out);
                walk(a, out);
                walk(b, out);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for ast in asts {
        walk(ast, &mut out);
    }
    out
}

/// The part of a check made of `&&` that is false (the first such, innermost): what the
/// finding is about. The whole check when it is not made of `&&`.
fn failing_part<'a, 'v, V: ReplyValue<'v>>(
    ast: &'a crate::expr::ast::Ast,
    q: &Questionnaire,
    answers: &Answers<'v, V>,
) -> &'a crate::expr::ast::Ast {
    use crate::expr::ast::{AstKind, BinOp};
    if let AstKind::Binary(BinOp::And, l, r) = &ast.kind {
        for part in [l, r] {
            if truth(part, q, answers) == Truth::False {
                return failing_part(part, q, answers);
            }
        }
    }
    ast
}
