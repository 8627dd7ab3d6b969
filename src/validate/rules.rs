//! `[[rule]]` checks: evaluated when their `when` holds, skipped when they read an
//! unanswered, coded or already-reported answer (that is a missing or invalid answer, not
//! an inconsistency). A failed rule shows every answer it read.

use std::collections::{BTreeSet, HashSet};

use super::walk::{Walk, say};
use crate::eval::{Answer, Answers, Truth, classify, truth};
use crate::findings::words::{Args, Text};
use crate::findings::{Anchor, Code, Finding, Location, Severity};
use crate::questionnaire::model::{QuestionRef, Questionnaire, Rule, RuleSeverity};
use crate::values::view::ReplyValue;

/// What a rule comes to where it is read (in a row, for an `each` rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// It does not apply, holds, or reads a blank answer (which is reported as missing
    /// where it is required).
    Holds,
    Fails,
    /// It cannot be judged because an answer it reads is given as a code ("not
    /// available"): the code wins, and the rule is said not to be checked, never passed
    /// in silence. Where that answer is, as [`coded_read`] finds it.
    NotChecked(QuestionRef, Option<usize>),
}

/// Whether a rule applies (its `when` holds) and what its check comes to. A check that is
/// unknown, or false by a `sum` or `count` that left something out, is not a failure: it
/// is [`Outcome::NotChecked`] when an answer it reads is a code.
pub(super) fn outcome<'v, V: ReplyValue<'v>>(
    rule: &Rule,
    q: &Questionnaire,
    answers: &Answers<'v, V>,
) -> Outcome {
    if !rule
        .when
        .as_ref()
        .is_none_or(|when| truth(when.ast(), q, answers) == Truth::True)
    {
        return Outcome::Holds;
    }
    answers.take_partial();
    let check = truth(rule.check.ast(), q, answers);
    let partial = answers.take_partial();
    match check {
        Truth::True => Outcome::Holds,
        Truth::False if !partial => Outcome::Fails,
        _ => coded_read(rule, q, answers)
            .map_or(Outcome::Holds, |(r, row)| Outcome::NotChecked(r, row)),
    }
}

/// The first answer a rule's check reads that is given as a code: the question, and the
/// row of its table when it is a cell read outside the row the rule is read in (a summed
/// or counted column, a row read by key). `None` when an answer it reads directly is
/// blank: a rule that reads an unanswered question is not judged, and the blank wins (it
/// is reported as missing where it is required).
pub(super) fn coded_read<'v, V: ReplyValue<'v>>(
    rule: &Rule,
    q: &Questionnaire,
    answers: &Answers<'v, V>,
) -> Option<(QuestionRef, Option<usize>)> {
    let row_table = rule.each.as_deref().and_then(|t| q.table(t));
    let reads = rule.check_answers(q);
    let direct = |r: &QuestionRef| {
        let table = QuestionRef { column: None, ..*r };
        match r.column {
            None => Some(classify(q.question(*r), answers.raw(*r))),
            Some(_) if Some(table) == row_table => {
                Some(classify(q.question(*r), answers.raw_in_row(q, *r)))
            }
            Some(_) => None,
        }
    };
    let mut coded = None;
    for r in reads.iter() {
        match direct(r) {
            Some(Answer::Blank) => return None,
            Some(Answer::Code(_)) => coded = coded.or(Some((*r, None))),
            Some(Answer::Value(_)) | None => {}
        }
    }
    if coded.is_some() {
        return coded;
    }
    // A cell of another table: the first row where it is a code.
    reads.iter().filter(|r| direct(r).is_none()).find_map(|&r| {
        let table = QuestionRef { column: None, ..r };
        let id = &q.question(r).id;
        let rows = answers.raw(table).and_then(ReplyValue::items);
        rows.into_iter()
            .flatten()
            .position(|row| matches!(classify(q.question(r), row.get(id)), Answer::Code(_)))
            .map(|i| (r, Some(i)))
    })
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
        return !matches!(outcome(rule, q, answers), Outcome::Holds);
    }
    rows(rule, q, answers).into_iter().any(|row| {
        let _row = answers.enter_row(row.map(|(_, v)| v));
        !matches!(outcome(rule, q, answers), Outcome::Holds)
    })
}

/// What is already reported before the rules run: broken answers, and the pointers of
/// every finding (a cell with one is broken in its row).
struct Broken<'a> {
    invalid: &'a BTreeSet<QuestionRef>,
    reported: &'a HashSet<String>,
}

impl<'a, V: ReplyValue<'a>> Walk<'a, V> {
    pub(super) fn rules(&mut self, invalid: &BTreeSet<QuestionRef>) {
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
                match outcome(rule, q, &self.answers) {
                    Outcome::Holds => {}
                    Outcome::Fails => self.rule_failed(rule, row.map(|(r, _)| r), &broken),
                    Outcome::NotChecked(coded, at_row) => {
                        let row = row.map(|(r, _)| r);
                        self.rule_not_checked(rule, row, (coded, at_row), &broken);
                    }
                }
            }
        }
    }

    /// Each answer a failed rule reads, once, as it is shown beside the finding.
    fn rule_reads(
        &self,
        rule: &Rule,
        reads: &[QuestionRef],
        row: Option<usize>,
    ) -> Vec<crate::findings::Related> {
        let q = self.q;
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
        // A cell read by key, as it is in the row it is read from.
        let rule_table = rule.each.as_deref().and_then(|t| q.table(t));
        let keyed = rule
            .check
            .ast()
            .keyed_reads()
            .into_iter()
            .chain(rule.when.iter().flat_map(|w| w.ast().keyed_reads()));
        for keyed in keyed {
            if let Some((i, value)) = crate::eval::keyed_row(&keyed, self.q, &self.answers) {
                let _row = self.answers.enter_row(Some(value));
                let mut related = self.related_in_row(keyed.cell, Some(i), "");
                let table = QuestionRef {
                    column: None,
                    ..keyed.cell
                };
                let row = self.row_name_at(table, i);
                // Another table's cell is named with its table: `suspects.total`.
                if rule_table != Some(table)
                    && let Some(cell) = value.get(&q.question(keyed.cell).id)
                {
                    let id = format!("{}.{}", q.question(table).id, q.question(keyed.cell).id);
                    let args = Args::new()
                        .text("id", id)
                        .text("value", crate::eval::display(cell))
                        .text("why", Text::default());
                    related.message = say("related-value", args).message;
                }
                related.message = related.message.then(" (").then(row).then(")");
                if !shown.iter().any(|s| s.at.pointer == related.at.pointer) {
                    shown.push(related);
                }
            }
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
        shown.extend(self.previous_values(rule));
        shown
    }

    /// The previous cycle's answers a rule reads, as it read them (they are in no file of
    /// this reply, so they have no place).
    fn previous_values(&self, rule: &Rule) -> Vec<crate::findings::Related> {
        let Some(previous) = self.answers.previous else {
            return Vec::new();
        };
        let mut reads = rule.check.ast().previous_reads();
        for r in rule.when.iter().flat_map(|w| w.ast().previous_reads()) {
            if !reads.contains(&r) {
                reads.push(r);
            }
        }
        reads
            .into_iter()
            .filter_map(|r| {
                let value = previous.value::<V>(r)?;
                let id = self.q.question(r).id.clone();
                let args = Args::new()
                    .text("id", id)
                    .text("value", crate::eval::display_val(&value));
                Some(crate::findings::Related {
                    question: None,
                    at: Location::new(Anchor::Nowhere),
                    message: say("related-previous", args).message,
                })
            })
            .collect()
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

    /// Whether an answer the rule reads is already reported as broken (then the rule is
    /// not judged: that answer's finding is the one fault). A computed value is broken when
    /// an answer it is computed from is; in a row, a cell is broken when that very cell has
    /// a finding (a bad cell of a table does not stop `size(table) == household_size`).
    fn reads_broken(&self, rule: &Rule, row: Option<usize>, broken: &Broken<'_>) -> bool {
        let q = self.q;
        let read: Vec<_> = rule
            .check
            .ast()
            .reads()
            .into_iter()
            .chain(rule.when.iter().flat_map(|w| w.ast().reads()))
            .collect();
        let (cells, others): (Vec<QuestionRef>, Vec<QuestionRef>) = q
            .answers_behind(&read)
            .into_iter()
            .partition(|r| row.is_some() && r.column.is_some());
        super::walk::reads_broken(&others, broken.invalid)
            || row.is_some_and(|row| {
                cells.iter().any(|r| {
                    broken
                        .reported
                        .contains(&super::walk::cell_pointer(q, *r, row))
                })
            })
    }

    /// Report a rule that failed (on row `row` of its table, for an `each` rule), unless an
    /// answer it reads is broken.
    fn rule_failed(&mut self, rule: &Rule, row: Option<usize>, broken: &Broken<'_>) {
        let q = self.q;
        let src = q.source_language();
        // The answers the check reads come first: the first of them carries the finding. Of
        // a check made of `&&`, only the part that failed: the parts that held caused nothing.
        let checked = failing_part(rule.check.ast(), q, &self.answers).references();
        let mut reads = checked.clone();
        reads.extend(rule.when.iter().flat_map(|w| w.ast().references()));
        if self.reads_broken(rule, row, broken) {
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
                rule.severity.finding(),
                said,
                Anchor::Container(String::new()),
            );
            finding.rule = Some(rule.id.clone());
            finding.asks_explanation = rule.severity == RuleSeverity::Explain;
            self.findings.push(finding);
            return;
        };
        let related = self.rule_reads(rule, &reads, row);
        let id = if row.is_some() {
            "rule-failed-in-row"
        } else {
            "rule-failed"
        };
        self.push_rule_finding(rule, row, first, related, (id, rule.severity.finding()));
    }

    /// A rule that cannot be judged because an answer it reads is a code: a warning at
    /// that answer, whatever the rule's severity, with the other answers it reads.
    fn rule_not_checked(
        &mut self,
        rule: &Rule,
        row: Option<usize>,
        (coded, at_row): (QuestionRef, Option<usize>),
        broken: &Broken<'_>,
    ) {
        if self.reads_broken(rule, row, broken) {
            return;
        }
        let first = match at_row {
            Some(i) => {
                let table = QuestionRef {
                    column: None,
                    ..coded
                };
                let _row = self.answers.enter_row(self.row_value(table, i));
                self.related_in_row(coded, Some(i), "")
            }
            None => self.related_in_row(coded, row, ""),
        };
        let mut reads = rule.check.ast().references();
        reads.extend(rule.when.iter().flat_map(|w| w.ast().references()));
        let mut related = self.rule_reads(rule, &reads, row);
        related.retain(|r| r.at.pointer != first.at.pointer);
        related.insert(0, first);
        let id = if row.is_some() {
            "rule-not-checked-in-row"
        } else {
            "rule-not-checked"
        };
        self.push_rule_finding(rule, row, coded, related, (id, Severity::Warning));
    }

    /// A rule's finding, at the first of `related` (the answer `first`).
    fn push_rule_finding(
        &mut self,
        rule: &Rule,
        row: Option<usize>,
        first: QuestionRef,
        related: Vec<crate::findings::Related>,
        (id, severity): (&'static str, Severity),
    ) {
        let q = self.q;
        let src = q.source_language();
        let values: Vec<Text> = related.iter().map(|r| r.message.clone()).collect();
        let mut args = Args::new()
            .text("message", Text::given(&rule.message.0, src))
            .text("values", super::describe::joined(values, ", "))
            .text("rule", rule.id.clone())
            .text("check", rule.check.source.clone());
        if let Some(r) = row {
            args = args.text("row", self.row_name_at(rule_table(q, rule), r));
        }
        let said = say(id, args);
        let section = &q.sections[first.section];
        let table = &section.questions[first.question];
        let question = q.question(first);
        let pointer = related[0].at.pointer.clone().unwrap_or_default();
        let mut finding = Finding::said(
            Code::Rule,
            severity,
            said,
            Location::answer(pointer, related[0].at.anchor.clone()),
        )
        .with_label(related[0].message.clone());
        finding.question.clone_from(&related[0].question);
        finding.related = related.into_iter().skip(1).collect();
        finding.rule = Some(rule.id.clone());
        // A rule not checked (an answer it reads is a code) is a warning, whatever it asks.
        finding.asks_explanation =
            rule.severity == RuleSeverity::Explain && severity == Severity::Error;
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

/// The table an `each` rule is checked on.
fn rule_table(q: &Questionnaire, rule: &Rule) -> QuestionRef {
    rule.each
        .as_deref()
        .and_then(|t| q.table(t))
        .expect("invariant: a rule read in a row is checked `each` row of a table")
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
        if let AstKind::Sum(r) = &ast.kind
            && !out.contains(r)
        {
            out.push(*r);
        }
        ast.children().into_iter().for_each(|c| walk(c, out));
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
