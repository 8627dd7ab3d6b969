//! canvass's own pass over a reply: the reserved keys, unknown keys, every question's
//! applicability (`when`), missing and not-applicable answers, answer values, "please
//! specify" answers, then the rules. One fault, one finding: an answer that fails its own
//! check is not also blamed for the conditions and rules that read it.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{Validator, describe};
use crate::expr::eval::{self, Answer, Answers, Truth, classify};
use crate::findings::visible::echo;
use crate::findings::{Anchor, Code, Finding, Related};
use crate::questionnaire::model::{Question, QuestionRef, Questionnaire};
use crate::questionnaire::settings::closest;
use crate::reply::view::ReplyValue;
use crate::reply::{Limits, escape_pointer};

/// A question (or a table cell) being checked; pointers and names are built only when a
/// finding needs them.
#[derive(Clone, Copy)]
pub(super) struct Site<'a> {
    pub section: &'a str,
    pub question: &'a Question,
    /// The table and row, for a column.
    pub table: Option<(&'a Question, usize)>,
}

impl Site<'_> {
    pub fn pointer(&self) -> String {
        match self.table {
            Some((table, row)) => format!(
                "/{}/{}/{row}/{}",
                escape_pointer(self.section),
                table.id,
                self.question.id
            ),
            None => format!("/{}/{}", escape_pointer(self.section), self.question.id),
        }
    }

    pub fn path(&self) -> String {
        match self.table {
            Some((table, row)) => {
                format!("{}.{}[{row}].{}", self.section, table.id, self.question.id)
            }
            None => format!("{}.{}", self.section, self.question.id),
        }
    }
}

pub(super) struct Walk<'a> {
    pub q: &'a Questionnaire,
    /// The reply's answers, looked up once.
    pub answers: Answers<'a, &'a Value>,
    /// Questions an unknown key was taken for (`specialized_unit` → `specialised_unit`):
    /// the misspelling is the fault, so their missing answer is not reported again.
    pub misspelt: HashSet<(usize, String)>,
    pub lang: &'a str,
    pub limits: Limits,
    pub findings: Vec<Finding>,
}

impl Walk<'_> {
    /// A finding about a question, with its number, text and expected answer filled in.
    pub fn finding(&self, site: Site<'_>, code: Code, message: String, anchor: Anchor) -> Finding {
        let src = self.q.source_language();
        let (number, text) = match site.table {
            Some((table, _)) => (
                table.number.clone(),
                format!(
                    "{} — {}",
                    table.text.get(self.lang, src),
                    site.question.text.get(self.lang, src)
                ),
            ),
            None => (
                site.question.number.clone(),
                site.question.text.get(self.lang, src).to_string(),
            ),
        };
        let mut finding = Finding::error(code, message, anchor).with_help(describe::expected(
            self.q,
            site.question,
            self.lang,
        ));
        finding.question = Some(site.path());
        finding.pointer = Some(site.pointer());
        finding.number = number;
        finding.text = Some(text);
        finding
    }

    /// "`specific_law` = 'no'" (or "has no answer") for a question an expression read.
    pub fn related_answer(&self, r: QuestionRef, why: &str) -> Related {
        let section = &self.q.sections[r.section];
        let question = &section.questions[r.question];
        let pointer = format!("/{}/{}", escape_pointer(&section.id), question.id);
        let (anchor, message) = match classify(question, self.answers.raw(r)) {
            Answer::Value(v) => (
                Anchor::Value(pointer.clone()),
                format!("{} = {}{why}", question.id, eval::display(v)),
            ),
            Answer::Code(c) => (
                Anchor::Value(pointer.clone()),
                format!("{} = \"{c}\" (a code){why}", question.id),
            ),
            Answer::Blank => (
                Anchor::Container(format!("/{}", escape_pointer(&section.id))),
                format!("{} has no answer{why}", question.id),
            ),
        };
        Related {
            question: Some(format!("{}.{}", section.id, question.id)),
            pointer: Some(pointer),
            anchor,
            span: None,
            message,
        }
    }
}

pub(super) fn walk(v: &Validator, reply: &Value, lang: &str) -> Vec<Finding> {
    let mut walk = Walk {
        q: &v.questionnaire,
        answers: Answers::of(&v.questionnaire, reply),
        misspelt: HashSet::new(),
        lang,
        limits: v.limits,
        findings: Vec::new(),
    };
    let Value::Object(root) = reply else {
        walk.findings.push(
            Finding::error(
                Code::InvalidType,
                format!(
                    "a reply must be a table of sections, not {}",
                    describe::value(reply)
                ),
                Anchor::Value(String::new()),
            )
            .with_help(format!(
                "start from `canvass template {}`",
                v.questionnaire.id
            )),
        );
        return walk.findings;
    };
    if !walk.reserved(root) {
        return walk.findings;
    }
    walk.unknown_sections();
    walk.sections();
    walk.findings
}

impl Walk<'_> {
    /// `questionnaire` and `version`. Returns false when the reply answers another
    /// questionnaire: every other finding would be noise.
    fn reserved(&mut self, root: &Map<String, Value>) -> bool {
        let q = self.q;
        for (key, expected) in [("questionnaire", &q.id), ("version", &q.version)] {
            let (message, anchor) = match root.get(key) {
                Some(Value::String(s)) if s == expected => continue,
                Some(other) => (
                    format!(
                        "the reply names {key} {}, but this is {key} \"{expected}\"",
                        describe_short(other)
                    ),
                    Anchor::Value(format!("/{key}")),
                ),
                None => (
                    format!("the reply does not say which {key} it answers"),
                    Anchor::Container(String::new()),
                ),
            };
            let mut finding = Finding::error(Code::WrongQuestionnaire, message, anchor)
                .with_label(format!("expected \"{expected}\""))
                .with_help(format!(
                    "write `{key} = \"{expected}\"` at the top of the reply"
                ));
            finding.pointer = Some(format!("/{key}"));
            self.findings.push(finding);
            if key == "questionnaire" && root.contains_key(key) {
                return false;
            }
        }
        true
    }

    fn unknown_sections(&mut self) {
        let q = self.q;
        let keys: Vec<&str> = self
            .answers
            .unmatched
            .iter()
            .filter(|(s, _)| s.is_none())
            .map(|(_, k)| *k)
            .collect();
        for key in keys {
            let owners: Vec<String> = q
                .sections_asking(key)
                .map(|s| format!("[{}]", s.id))
                .collect();
            let help = if owners.is_empty() {
                let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
                match closest(key, &ids) {
                    Some(near) => format!("did you mean section `{near}`?"),
                    None => format!("the sections are {}", ids.join(", ")),
                }
            } else {
                format!(
                    "`{key}` is a question of section {}: move it there",
                    owners.join(" or ")
                )
            };
            let pointer = format!("/{}", escape_pointer(key));
            let mut finding = Finding::error(
                Code::UnknownQuestion,
                format!("`{}` is not a section of this questionnaire", echo(key)),
                Anchor::Key(pointer.clone()),
            )
            .with_label("unknown")
            .with_help(help);
            finding.question = Some(key.to_string());
            finding.pointer = Some(pointer);
            self.findings.push(finding);
        }
    }

    fn sections(&mut self) {
        let (mut invalid, value_findings) = self.check_answers();
        self.applicability(&mut invalid, value_findings);
        self.rules(&invalid);
    }

    /// Pass 1: every answer's own check, kept aside per question, so that the next pass
    /// knows which answers are broken before it judges the conditions that read them.
    fn check_answers(&mut self) -> (HashSet<QuestionRef>, Vec<Vec<Finding>>) {
        let q = self.q;
        let mut invalid: HashSet<QuestionRef> = HashSet::new();
        let mut value_findings: Vec<Vec<Finding>> = Vec::new();
        for (s, section) in q.sections.iter().enumerate() {
            let answers = match self.answers.sections[s] {
                Some(Value::Object(answers)) => Some(answers),
                None => None,
                Some(other) => {
                    let pointer = format!("/{}", escape_pointer(&section.id));
                    let mut finding = Finding::error(
                        Code::InvalidType,
                        format!(
                            "section `{}` must be a table of answers, not {}",
                            section.id,
                            describe::value(other)
                        ),
                        Anchor::Value(pointer.clone()),
                    )
                    .with_help(format!(
                        "write the answers under a `[{}]` header",
                        section.id
                    ));
                    finding.pointer = Some(pointer);
                    self.findings.push(finding);
                    for (i, _) in section.questions.iter().enumerate() {
                        invalid.insert(QuestionRef {
                            section: s,
                            question: i,
                            column: None,
                        });
                    }
                    value_findings.extend(section.questions.iter().map(|_| Vec::new()));
                    continue;
                }
            };
            if answers.is_some() {
                self.unknown_questions(s);
            }
            for (i, question) in section.questions.iter().enumerate() {
                let mut own = Vec::new();
                let r = QuestionRef {
                    section: s,
                    question: i,
                    column: None,
                };
                if let Answer::Value(value) = classify(question, self.answers.raw(r)) {
                    let site = Site {
                        section: &section.id,
                        question,
                        table: None,
                    };
                    std::mem::swap(&mut own, &mut self.findings);
                    let ok = self.check_value(site, value);
                    std::mem::swap(&mut own, &mut self.findings);
                    if !ok {
                        invalid.insert(QuestionRef {
                            section: s,
                            question: i,
                            column: None,
                        });
                    }
                }
                value_findings.push(own);
            }
        }
        (invalid, value_findings)
    }

    /// Pass 2, in document order: is each question asked? Then missing, not applicable,
    /// or its own findings from pass 1.
    fn applicability(
        &mut self,
        invalid: &mut HashSet<QuestionRef>,
        value_findings: Vec<Vec<Finding>>,
    ) {
        let q = self.q;
        let mut own = value_findings.into_iter();
        for (s, section) in q.sections.iter().enumerate() {
            if matches!(self.answers.sections[s], Some(v) if !v.is_object()) {
                own.by_ref().take(section.questions.len()).for_each(drop);
                continue;
            }
            let answers = self.answers.sections[s].and_then(Value::as_object);
            let section_pointer = if answers.is_some() {
                format!("/{}", escape_pointer(&section.id))
            } else {
                String::new()
            };
            for (i, question) in section.questions.iter().enumerate() {
                let own = own.next().expect("one entry per question");
                let r = QuestionRef {
                    section: s,
                    question: i,
                    column: None,
                };
                let site = Site {
                    section: &section.id,
                    question,
                    table: None,
                };
                let truth = applies(q, s, i, &self.answers);
                let reads = || -> Vec<QuestionRef> {
                    section
                        .whens(question)
                        .flat_map(|w| w.ast().references())
                        .collect()
                };
                let answer = classify(question, self.answers.raw(r));
                if !invalid.is_empty() && reads().iter().any(|r| invalid.contains(r)) {
                    // Undetermined: whether the question is asked hangs on a broken answer,
                    // which is already reported. Neither missing nor not applicable; but its
                    // own answer, if it has one, is still checked.
                    self.findings.extend(own);
                    self.specify(site, answers, answer, true, &section_pointer);
                    continue;
                }
                if truth == Truth::True {
                    match answer {
                        Answer::Blank if question.required => {
                            // Reported once, here: the conditions and rules that read this
                            // answer are left undetermined rather than blamed again.
                            invalid.insert(r);
                            if self.misspelt.contains(&(s, question.id.clone())) {
                                continue;
                            }
                            self.missing(site, &section_pointer, &reads());
                        }
                        _ => self.findings.extend(own),
                    }
                    self.specify(site, answers, answer, true, &section_pointer);
                } else {
                    if !matches!(answer, Answer::Blank) {
                        // Blame the conditions that do not hold, not those that do.
                        let failing: Vec<QuestionRef> = section
                            .whens(question)
                            .filter(|w| eval::truth(w.ast(), q, &self.answers) != Truth::True)
                            .flat_map(|w| w.ast().references())
                            .collect();
                        self.not_applicable(site, &failing);
                        invalid.insert(r);
                    }
                    self.specify(site, answers, Answer::Blank, false, &section_pointer);
                }
            }
        }
    }

    fn unknown_questions(&mut self, s: usize) {
        let section = &self.q.sections[s];
        let keys: Vec<&str> = self
            .answers
            .unmatched
            .iter()
            .filter(|(section, _)| *section == Some(s))
            .map(|(_, k)| *k)
            .collect();
        for key in keys {
            let ids: Vec<&str> = section.questions.iter().map(|x| x.id.as_str()).collect();
            let elsewhere: Vec<String> = self
                .q
                .sections_asking(key)
                .filter(|o| o.id != section.id)
                .map(|o| format!("[{}]", o.id))
                .collect();
            let help = if !elsewhere.is_empty() {
                format!(
                    "`{key}` is a question of section {}: move it there",
                    elsewhere.join(" or ")
                )
            } else if let Some(near) = closest(key, &ids) {
                self.misspelt.insert((s, near.to_string()));
                format!("did you mean `{near}`?")
            } else {
                format!(
                    "the questions of section `{}` are {}",
                    section.id,
                    ids.join(", ")
                )
            };
            let pointer = format!("/{}/{}", escape_pointer(&section.id), escape_pointer(key));
            let mut finding = Finding::error(
                Code::UnknownQuestion,
                format!("section `{}` has no question `{}`", section.id, echo(key)),
                Anchor::Key(pointer.clone()),
            )
            .with_label("unknown")
            .with_help(help);
            finding.question = Some(format!("{}.{key}", section.id));
            finding.pointer = Some(pointer);
            self.findings.push(finding);
        }
    }

    fn missing(&mut self, site: Site<'_>, section_pointer: &str, reads: &[QuestionRef]) {
        let number = question_label(site.question);
        let sources: Vec<&str> = self.condition_sources(site);
        let message = if sources.is_empty() {
            format!("question {number} is required but has no answer")
        } else {
            format!(
                "question {number} is required because `{}` holds, but it has no answer",
                sources.join(" && ")
            )
        };
        let label = if section_pointer.is_empty() {
            format!("section [{}] is missing from the reply", site.section)
        } else {
            format!("the answer to {number} belongs in this section")
        };
        let mut finding = self
            .finding(
                site,
                Code::MissingAnswer,
                message,
                Anchor::Container(section_pointer.to_string()),
            )
            .with_label(label);
        self.relate(&mut finding, reads, ", which makes it required");
        self.findings.push(finding);
    }

    fn not_applicable(&mut self, site: Site<'_>, reads: &[QuestionRef]) {
        let number = question_label(site.question);
        let sources = self.condition_sources(site);
        let mut finding = self
            .finding(
                site,
                Code::NotApplicable,
                format!(
                    "question {number} is answered, but it applies only when `{}`",
                    sources.join(" && ")
                ),
                Anchor::Value(site.pointer()),
            )
            .with_label("should be left unanswered")
            .with_help("remove this answer, or correct the answer it depends on");
        self.relate(&mut finding, reads, ", so it does not apply");
        self.findings.push(finding);
    }

    /// Each answer a condition read, once, as a related place.
    fn relate(&self, finding: &mut Finding, reads: &[QuestionRef], why: &str) {
        let mut seen = Vec::new();
        for r in reads {
            if !seen.contains(r) {
                seen.push(*r);
                finding.related.push(self.related_answer(*r, why));
            }
        }
    }

    fn condition_sources<'s>(&self, site: Site<'s>) -> Vec<&'s str>
    where
        Self: 's,
    {
        match self.q.section(site.section) {
            Some((_, section)) => section
                .whens(site.question)
                .map(|w| w.source.as_str())
                .collect(),
            None => site
                .question
                .when
                .iter()
                .map(|w| w.source.as_str())
                .collect(),
        }
    }

    /// "Other, please specify": required when a `specify` option is chosen, blank otherwise.
    fn specify(
        &mut self,
        site: Site<'_>,
        answers: Option<&Map<String, Value>>,
        answer: Answer<'_, &Value>,
        applies: bool,
        section_pointer: &str,
    ) {
        if !site.question.options.iter().any(|o| o.specify) {
            return;
        }
        let specify_id = format!("{}_specify", site.question.id);
        let asks = |c: &&str| site.question.option(c).is_some_and(|o| o.specify);
        let specify_option = match answer {
            Answer::Value(Value::String(s)) => Some(s.as_str()).filter(asks),
            Answer::Value(Value::Array(items)) => items.iter().filter_map(Value::as_str).find(asks),
            _ => None,
        };
        let text = answers.and_then(|a| a.get(&specify_id));
        let given = !matches!(text, None | Some(Value::Null))
            && text != Some(&Value::String(String::new()));
        let number = question_label(site.question);
        match (specify_option, given) {
            (Some(option), false) if applies => {
                let mut finding = self
                    .finding(
                        site,
                        Code::MissingSpecify,
                        format!("\"{option}\" is chosen in question {number}, but `{specify_id}` does not say what it is"),
                        Anchor::Container(section_pointer.to_string()),
                    )
                    .with_label(format!("`{specify_id}` belongs in this section"))
                    .with_help(format!("add `{specify_id} = \"…\"` describing \"{option}\""));
                finding.pointer = Some(format!("/{}/{specify_id}", escape_pointer(site.section)));
                self.findings.push(finding);
            }
            (None, true) => {
                let pointer = format!("/{}/{specify_id}", escape_pointer(site.section));
                let mut finding = self
                    .finding(
                        site,
                        Code::UnexpectedSpecify,
                        format!("`{specify_id}` is given, but no option of question {number} that asks for it is chosen"),
                        Anchor::Value(pointer.clone()),
                    )
                    .with_label("nothing to specify")
                    .with_help("remove it, or choose the option it describes");
                finding.pointer = Some(pointer);
                self.findings.push(finding);
            }
            (Some(_), true) if !text.is_some_and(Value::is_string) => {
                let pointer = format!("/{}/{specify_id}", escape_pointer(site.section));
                let mut finding = self
                    .finding(
                        site,
                        Code::InvalidType,
                        format!(
                            "`{specify_id}` must be text, not {}",
                            describe::value(text.expect("given"))
                        ),
                        Anchor::Value(pointer.clone()),
                    )
                    .with_help("describe the option in words");
                finding.pointer = Some(pointer);
                self.findings.push(finding);
            }
            _ => {}
        }
    }
}

/// Whether question `i` of section `s` is asked: its section's `when` and its own, both
/// holding (unknown when either reads a blank answer).
pub(super) fn applies<'v, V: ReplyValue<'v>>(
    q: &Questionnaire,
    s: usize,
    i: usize,
    answers: &Answers<'v, V>,
) -> Truth {
    let section = &q.sections[s];
    // No allocation on the path every valid reply takes.
    section
        .whens(&section.questions[i])
        .fold(Truth::True, |acc, when| {
            match (acc, eval::truth(when.ast(), q, answers)) {
                (Truth::False, _) | (_, Truth::False) => Truth::False,
                (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
                _ => Truth::True,
            }
        })
}

/// How a message names a question: its number, or its id when it has none.
fn question_label(question: &Question) -> String {
    match &question.number {
        Some(number) => number.clone(),
        None => format!("`{}`", question.id),
    }
}

fn describe_short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", echo(s)),
        other => describe::value(other),
    }
}
