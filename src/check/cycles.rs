//! A cycle among `when`s: question A applies when B is answered, B when A is. No reply can
//! satisfy it, so it is an error, reported once per cycle at the first question in it.
//!
//! Iterative Tarjan: a questionnaire of 100,000 questions in one chain must not overflow
//! the stack.

use std::collections::VecDeque;

use super::Lints;
use super::string_offsets::{map_span, offsets};
use crate::findings::Code;
use crate::questionnaire::def::{QuestionnaireDef, Sp};
use crate::questionnaire::model::Questionnaire;

pub(crate) fn check(def: &QuestionnaireDef, model: &Questionnaire, lints: &mut Lints<'_>) {
    let mut index = Vec::new(); // flat node -> (section, question)
    let mut first = Vec::new(); // section -> first flat node
    for (s, section) in model.sections.iter().enumerate() {
        first.push(index.len());
        index.extend((0..section.questions.len()).map(|q| (s, q)));
    }
    let edges: Vec<Vec<usize>> = index
        .iter()
        .map(|&(s, q)| {
            let section = &model.sections[s];
            let mut out: Vec<usize> = [section.when.as_ref(), section.questions[q].when.as_ref()]
                .into_iter()
                .flatten()
                .filter_map(|e| e.ast.as_ref())
                .flat_map(crate::expr::ast::Ast::references)
                .map(|r| first[r.section] + r.question)
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect();
    for component in strongly_connected(&edges) {
        let start = *component.iter().min().expect("components are not empty");
        if component.len() == 1 && !edges[start].contains(&start) {
            continue;
        }
        let path = cycle_path(&edges, &component, start);
        let names: Vec<String> = path
            .iter()
            .take(8)
            .map(|&n| format!("`{}`", model.sections[index[n].0].questions[index[n].1].id))
            .collect();
        let more = if path.len() > 8 {
            format!(" → … ({} questions)", path.len())
        } else {
            format!(" → {}", names[0])
        };
        let Some(at) = when_of(def, index[start]) else {
            continue;
        };
        let lints_text = lints.text;
        let finding = lints.error(
            Code::WhenCycle,
            format!("these `when`s form a cycle: {}{more}", names.join(" → ")),
            whole(lints.text, at),
        );
        finding
            .label_("this condition depends, in the end, on itself")
            .help_("no reply can satisfy a cycle: make one of these questions unconditional");
        for &n in path.iter().skip(1).take(4) {
            if let Some(other) = when_of(def, index[n]) {
                let span = whole(lints_text, other);
                finding.related_(span, "part of the cycle");
            }
        }
    }
}

fn whole(text: &str, source: &Sp<String>) -> crate::source::Span {
    let map = offsets(text, &source.span);
    map_span(&map, &(0..source.value.len()))
}

fn when_of(def: &QuestionnaireDef, (s, q): (usize, usize)) -> Option<&Sp<String>> {
    def.section[s].question[q]
        .when
        .as_ref()
        .or(def.section[s].when.as_ref())
}

/// A path from `start` back to itself inside the component (start first, not repeated).
fn cycle_path(edges: &[Vec<usize>], component: &[usize], start: usize) -> Vec<usize> {
    let mut previous = std::collections::HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in &edges[node] {
            if !component.contains(&next) {
                continue;
            }
            if next == start {
                let mut path = vec![node];
                while let Some(&p) = previous.get(path.last().expect("not empty")) {
                    path.push(p);
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = previous.entry(next) {
                e.insert(node);
                queue.push_back(next);
            }
        }
    }
    vec![start]
}

/// Tarjan's strongly connected components, without recursion.
pub(super) fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut counter = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (node, ref mut next)) = work.last_mut() {
            if *next == 0 && order[node] == UNSEEN {
                order[node] = counter;
                low[node] = counter;
                counter += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&child) = edges[node].get(*next) {
                *next += 1;
                if order[child] == UNSEEN {
                    work.push((child, 0));
                } else if on_stack[child] {
                    low[node] = low[node].min(order[child]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}

#[cfg(test)]
mod tests {
    use super::strongly_connected;

    #[test]
    fn finds_cycles_and_leaves_chains() {
        let edges = vec![vec![1], vec![2], vec![0], vec![0]];
        let mut components = strongly_connected(&edges);
        for c in &mut components {
            c.sort_unstable();
        }
        assert!(components.contains(&vec![0, 1, 2]));
        assert!(components.contains(&vec![3]));
        let chain: Vec<Vec<usize>> = (0..100_000).map(|i| vec![i + 1]).chain([vec![]]).collect();
        assert_eq!(strongly_connected(&chain).len(), 100_001);
    }
}
