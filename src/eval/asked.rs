//! Whether a question, or a cell of a table's row, is asked: the one place that decides it.
//! The walk (to explain), the fast path (to say clean) and `tabulate` (to count "not
//! applicable") all ask here, so they cannot disagree.
//!
//! A question is asked when its section's `when` and its own both hold; a cell when its
//! column's `when` holds in the row the answers are read in ([`super::Answers::enter_row`]).
//! Unknown when a condition reads a blank or coded answer. It decides nothing else: what a
//! missing or unexpected answer means is the caller's.

use super::{Answers, Truth, truth};
use crate::questionnaire::model::{Question, QuestionRef, Questionnaire};
use crate::values::view::ReplyValue;

/// Whether the question or cell `r` is asked, as the answers are read now.
pub fn asked<'v, V: ReplyValue<'v>>(
    q: &Questionnaire,
    r: QuestionRef,
    answers: &Answers<'v, V>,
) -> Truth {
    let section = &q.sections[r.section];
    let question = &section.questions[r.question];
    if let Some(c) = r.column {
        return cell_asked(q, &question.columns[c], answers);
    }
    // No allocation on the path every valid reply takes.
    section.whens(question).fold(Truth::True, |acc, when| {
        match (acc, truth(when.ast(), q, answers)) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
            _ => Truth::True,
        }
    })
}

/// Whether a cell of `column` is asked in the row entered: its column's `when`, read there
/// (a table's own `when` is the table's, asked as a question).
pub fn cell_asked<'v, V: ReplyValue<'v>>(
    q: &Questionnaire,
    column: &Question,
    answers: &Answers<'v, V>,
) -> Truth {
    column
        .when
        .as_ref()
        .map_or(Truth::True, |when| truth(when.ast(), q, answers))
}
