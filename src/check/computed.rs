//! Computed values that read other computed values. Evaluation computes a value each time
//! it is read, trusting this module: a cycle (a value that, in the end, reads itself) would
//! never end, and a long chain, or values that read others several times over, would make
//! every reply pay for it. `check` reports these as questionnaire errors, and a model read
//! back from a compiled schema is refused on them.
//!
//! This module only judges the graph; it does not evaluate anything.

use std::collections::HashMap;

use super::cycles::strongly_connected;
use crate::questionnaire::model::{QuestionRef, Questionnaire};

/// The longest chain of computed values reading computed values.
pub const MAX_CHAIN: usize = 8;
/// The most answers one computed value may read, counting what the computed values it reads
/// read in turn.
pub const MAX_READS: u64 = 10_000;

/// Why a questionnaire's computed values cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// These values read each other in a circle (the first reads the second, …, the last the
    /// first); a value that reads itself is a circle of one.
    Cycle(Vec<QuestionRef>),
    /// This value sits at the end of a chain longer than [`MAX_CHAIN`].
    TooDeep(QuestionRef),
    /// Computing this value reads more than [`MAX_READS`] answers.
    TooCostly(QuestionRef),
}

/// The problems of a model whose expressions are resolved; empty when every computed value
/// can be computed cheaply.
pub fn problems(model: &Questionnaire) -> Vec<Problem> {
    let nodes: Vec<QuestionRef> = model
        .question_refs()
        .filter(|r| model.question(*r).compute.is_some())
        .collect();
    let index: HashMap<QuestionRef, usize> =
        nodes.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    // Each value's reads of other computed values, repeats kept (they cost each time).
    let reads: Vec<Vec<usize>> = nodes
        .iter()
        .map(|r| {
            let expr = model
                .question(*r)
                .compute
                .as_ref()
                .expect("a computed value");
            expr.ast
                .as_ref()
                .map(|ast| {
                    ast.reads_each()
                        .iter()
                        .filter_map(|r| index.get(r).copied())
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let edges: Vec<Vec<usize>> = reads
        .iter()
        .map(|out| {
            let mut out = out.clone();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect();
    let components = strongly_connected(&edges);
    let cycles: Vec<Problem> = components
        .iter()
        .filter(|c| c.len() > 1 || edges[c[0]].contains(&c[0]))
        .map(|c| {
            let mut members: Vec<QuestionRef> = c.iter().map(|&n| nodes[n]).collect();
            members.sort_unstable();
            Problem::Cycle(members)
        })
        .collect();
    if !cycles.is_empty() {
        return cycles;
    }
    // Without cycles every component is one value, and Tarjan's algorithm gives a value
    // only after every value it reads.
    let mut chain = vec![0usize; nodes.len()];
    let mut cost = vec![0u64; nodes.len()];
    let mut found = Vec::new();
    for component in components {
        let n = component[0];
        chain[n] = 1 + edges[n].iter().map(|&m| chain[m]).max().unwrap_or(0);
        cost[n] = reads[n]
            .iter()
            .fold(1u64, |total, &m| total.saturating_add(cost[m]));
        // Reported once, where the limit is first passed, not again on every value after.
        if chain[n] == MAX_CHAIN + 1 {
            found.push(Problem::TooDeep(nodes[n]));
        } else if chain[n] <= MAX_CHAIN
            && cost[n] > MAX_READS
            && reads[n].iter().all(|&m| cost[m] <= MAX_READS)
        {
            found.push(Problem::TooCostly(nodes[n]));
        }
    }
    found
}

/// Report the problems of `model`'s computed values at their `compute` in the file.
pub(crate) fn check(
    def: &crate::questionnaire::def::QuestionnaireDef,
    model: &Questionnaire,
    lints: &mut super::Lints<'_>,
) {
    use crate::findings::Code;
    let source = |r: QuestionRef| {
        let q = def.question_at(r.section, r.question, r.column);
        q.compute.as_ref().expect("a computed value").span.clone()
    };
    for problem in problems(model) {
        match problem {
            Problem::Cycle(members) => {
                let names: Vec<String> = members
                    .iter()
                    .map(|r| format!("`{}`", model.path(*r)))
                    .collect();
                let message = if members.len() == 1 {
                    format!("computed value {} reads itself", names[0])
                } else {
                    format!(
                        "these computed values read each other: {}",
                        names.join(", ")
                    )
                };
                let finding = lints.error(Code::ComputeCycle, message, source(members[0]));
                finding
                    .label_("reads, in the end, itself")
                    .help_("compute each value from answers, or from values computed before it");
                for r in members.iter().skip(1).take(4) {
                    finding.related_(source(*r), "part of the circle");
                }
            }
            Problem::TooDeep(r) => {
                lints
                    .error(
                        Code::InvalidSetting,
                        format!(
                            "`{}` is computed from a chain of more than {MAX_CHAIN} computed values",
                            model.path(r)
                        ),
                        source(r),
                    )
                    .help_("compute it from the answers more directly");
            }
            Problem::TooCostly(r) => {
                lints
                    .error(
                        Code::InvalidSetting,
                        format!(
                            "computing `{}` reads more than {MAX_READS} answers, counting what \
                             the values it reads read",
                            model.path(r)
                        ),
                        source(r),
                    )
                    .help_("read each computed value once, or compute it from the answers");
            }
        }
    }
}
