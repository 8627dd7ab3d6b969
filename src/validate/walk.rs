//! canvass's own pass over a reply: the reserved keys, unknown keys, every question's
//! applicability (`when`), missing and not-applicable answers, answer values, "please
//! specify" answers, then the rules. One fault, one finding: an answer that fails its own
//! check is not also blamed for the conditions and rules that read it.

use std::collections::{BTreeSet, HashSet};

use super::{Validator, describe};
use crate::eval::asked::asked;
use crate::eval::{self, Answer, Answers, Truth, classify};
use crate::findings::visible::echo;
use crate::findings::words::{self, Args, Said, Text};
use crate::findings::{Anchor, Code, Finding, Location, Related, Severity};
use crate::questionnaire::model::{Question, QuestionRef, QuestionType, Questionnaire};
use crate::questionnaire::settings::closest;
use crate::reply::{Limits, escape_pointer};
use crate::values::view::{Kind, ReplyValue};

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

    /// The row a cell is in (`/section/table/row`); the question's own pointer otherwise.
    pub fn row_pointer(&self) -> String {
        match self.table {
            Some((table, row)) => {
                format!("/{}/{}/{row}", escape_pointer(self.section), table.id)
            }
            None => self.pointer(),
        }
    }

    /// `section.question`, or `section.table[row].column` with rows counted from 1, as a
    /// person counts them (the pointer keeps RFC 6901's count from 0).
    pub fn path(&self) -> String {
        match self.table {
            Some((table, row)) => {
                format!(
                    "{}.{}[{}].{}",
                    self.section,
                    table.id,
                    row + 1,
                    self.question.id
                )
            }
            None => format!("{}.{}", self.section, self.question.id),
        }
    }
}

pub(super) struct Walk<'a, V> {
    pub q: &'a Questionnaire,
    /// The reply's answers, looked up once.
    pub answers: Answers<'a, V>,
    /// Questions an unknown key was taken for (`specialized_unit` → `specialised_unit`):
    /// the misspelling is the fault, so their missing answer is not reported again.
    pub misspelt: HashSet<(usize, String)>,
    pub limits: Limits,
    pub findings: Vec<Finding>,
    /// Whether the walk stopped looking for more (see [`Walk::full`]).
    pub capped: bool,
}

impl<'a, V: ReplyValue<'a>> Walk<'a, V> {
    /// A finding about a question, worded as `said`, with its number, text and (unless the
    /// wording has its own help) expected answer filled in; the location's pointer is the
    /// question's unless `at` names another answer.
    pub fn finding(
        &self,
        site: Site<'_>,
        code: Code,
        said: Said,
        at: impl Into<Location>,
    ) -> Finding {
        let src = self.q.source_language();
        let (number, text) = match site.table {
            Some((table, _)) => (
                table.number.clone(),
                Text::given(&table.text.0, src)
                    .then(" — ")
                    .then(Text::given(&site.question.text.0, src)),
            ),
            None => (
                site.question.number.clone(),
                Text::given(&site.question.text.0, src),
            ),
        };
        let help = said.help.clone();
        let mut at = at.into();
        at.pointer.get_or_insert_with(|| site.pointer());
        let mut finding = Finding::said(code, Severity::Error, said, at);
        finding.help = Some(help.unwrap_or_else(|| describe::expected(self.q, site.question)));
        finding.question = Some(match site.table {
            Some((table, r)) => self.cell_path(site.section, table, r, &site.question.id),
            None => site.path(),
        });
        finding.number = number;
        finding.text = Some(text);
        finding
    }

    /// "`specific_law` = 'no'" (or "has no answer") for a question an expression read: a
    /// cell of the row being read when `r` is a column and `row` says which.
    pub fn related_answer(&self, r: QuestionRef, why: &str) -> Related {
        self.related_in_row(r, None, why)
    }

    /// The answers a computed value is computed from, each as shown beside a finding; none
    /// for an answer.
    pub fn computed_from(&self, r: QuestionRef, row: Option<usize>) -> Vec<Related> {
        if self.q.question(r).compute.is_none() {
            return Vec::new();
        }
        self.q
            .answers_behind(&[r])
            .into_iter()
            .filter(|b| *b != r)
            .map(|b| self.related_in_row(b, row, ""))
            .collect()
    }

    /// [`Walk::related_answer`], for an expression read in row `row` of `r`'s table.
    pub fn related_in_row(&self, r: QuestionRef, row: Option<usize>, why: &str) -> Related {
        let section = &self.q.sections[r.section];
        let question = self.q.question(r);
        let (pointer, container, path) = match (r.column, row) {
            (Some(_), Some(row)) => {
                let table = &section.questions[r.question];
                let row_pointer = format!("/{}/{}/{row}", escape_pointer(&section.id), table.id);
                (
                    cell_pointer(self.q, r, row),
                    row_pointer,
                    self.cell_path(&section.id, table, row, &question.id),
                )
            }
            _ => (
                format!("/{}/{}", escape_pointer(&section.id), question.id),
                format!("/{}", escape_pointer(&section.id)),
                self.q.path(r),
            ),
        };
        let why = if why.is_empty() {
            Text::default()
        } else {
            words::phrase(why.to_string(), &Args::new())
        };
        let args = Args::new().text("id", question.id.clone()).text("why", why);
        if question.compute.is_some() {
            let value = eval::value_of(self.q, &self.answers, r);
            let said = match value {
                Some(v) => say(
                    "related-computed",
                    args.text("value", eval::display_val(&v)),
                ),
                None => say("related-not-computed", args),
            };
            // Shown where it would be written (its section, or its row): it has no place of
            // its own in the file. The answers it is computed from are listed beside it by
            // whoever shows it (`computed_from`).
            let anchor = Anchor::Container(container);
            return Related {
                question: Some(path),
                at: Location::answer(pointer, anchor),
                message: said.message,
            };
        }
        let raw = match row {
            Some(_) => self.answers.raw_in_row(self.q, r),
            None => self.answers.raw(r),
        };
        let (anchor, message) = match classify(question, raw) {
            Answer::Value(v) => (
                Anchor::Value(pointer.clone()),
                say("related-value", args.text("value", eval::display(v))),
            ),
            Answer::Code(c) => (
                Anchor::Value(pointer.clone()),
                say("related-code", args.text("code", question.codes[c].clone())),
            ),
            Answer::Blank => (Anchor::Container(container), say("related-blank", args)),
        };
        Related {
            question: Some(path),
            at: Location::answer(pointer, anchor),
            message: message.message,
        }
    }
}

impl<'a, V: ReplyValue<'a>> Walk<'a, V> {
    /// The reference of table `table` of section `section`.
    fn table_ref(&self, section: &str, table: &Question) -> Option<QuestionRef> {
        let (s, found) = self.q.section(section)?;
        let t = found.questions.iter().position(|x| x.id == table.id)?;
        Some(QuestionRef {
            section: s,
            question: t,
            column: None,
        })
    }

    /// Row `r` of a table, as the reply gives it.
    pub(super) fn row_value(&self, table: QuestionRef, r: usize) -> Option<V> {
        self.answers.raw(table)?.items()?.nth(r)
    }

    /// How a message names row `r` of a table: "the row for 2006" when the table is keyed
    /// and the row gives its key, "row 3" otherwise (counted from 1, as people count).
    pub(super) fn row_name_at(&self, table: QuestionRef, r: usize) -> Text {
        let question = self.q.question(table);
        match row_key(question, self.row_value(table, r)) {
            Some(key) => {
                let src = self.q.source_language();
                let named = match question.naming_key().and_then(|k| k.option(&key)) {
                    Some(option) => Text::given(&option.label.0, src),
                    None => Text::Plain(key),
                };
                say("row-key", Args::new().text("key", named)).message
            }
            None => row_number(r),
        }
    }

    /// [`Walk::row_name`] of row `r` of the table a cell's site is in.
    pub(super) fn site_row_name(&self, site: Site<'_>, r: usize) -> Text {
        match site.table {
            Some((table, _)) => self.row_name(site.section, table, r),
            None => row_number(r),
        }
    }

    /// [`Walk::row_name_at`], for a table named by its section's id.
    pub(super) fn row_name(&self, section: &str, table: &Question, r: usize) -> Text {
        match self.table_ref(section, table) {
            Some(t) => self.row_name_at(t, r),
            None => row_number(r),
        }
    }

    /// `section.table[3].column` (rows counted from 1), or `section.table[year=2006].column`
    /// for a keyed table's row that gives its key.
    pub(super) fn cell_path(
        &self,
        section: &str,
        table: &Question,
        r: usize,
        column: &str,
    ) -> String {
        let key = self
            .table_ref(section, table)
            .and_then(|t| row_key(table, self.row_value(t, r)));
        match (key, table.naming_key()) {
            (Some(value), Some(key)) => {
                format!("{section}.{}[{}={value}].{column}", table.id, key.id)
            }
            _ => format!("{section}.{}[{}].{column}", table.id, r + 1),
        }
    }
}

/// "row 3": row `r` by its number, counted from 1, as people count.
fn row_number(r: usize) -> Text {
    say(
        "row-number",
        Args::new().text("number", (r + 1).to_string()),
    )
    .message
}

/// The key a row is named by, as written (`2006`, `rice`), when its table has a naming key
/// ([`Question::naming_key`]) and the row gives it.
pub(super) fn row_key<'v>(table: &Question, row: Option<impl ReplyValue<'v>>) -> Option<String> {
    let key = table.naming_key()?;
    let value = row?.get(&key.id)?;
    match value.kind() {
        Kind::Number => value.number_text().map(std::borrow::Cow::into_owned),
        // An option that is not one names no row.
        Kind::String(s) if key.kind == QuestionType::Choice && key.option(s).is_none() => None,
        Kind::String(s) if !s.is_empty() => Some(echo(s)),
        _ => None,
    }
}

/// What a finding says (worded when it is shown).
#[allow(clippy::needless_pass_by_value)] // built at the call, in one expression
pub(super) fn say(id: &'static str, args: Args) -> Said {
    words::say(id, &args)
}

/// The findings of a reply, and whether the walk stopped early (so that there are more).
pub(super) fn walk<'v, V: ReplyValue<'v>>(
    v: &'v Validator,
    reply: V,
    previous: Option<&'v crate::eval::Previous>,
) -> (Vec<Finding>, bool) {
    let mut walk = Walk {
        q: &v.questionnaire,
        answers: Answers::of(&v.questionnaire, reply).with_previous(previous),
        misspelt: HashSet::new(),
        limits: v.limits,
        findings: Vec::new(),
        capped: false,
    };
    if reply.kind() != Kind::Object {
        let said = say(
            "reply-not-a-table",
            Args::new()
                .text("value", describe::value(reply))
                .text("questionnaire", v.questionnaire.id.clone()),
        );
        walk.findings.push(Finding::said(
            Code::InvalidType,
            Severity::Error,
            said,
            Anchor::Value(String::new()),
        ));
        return (walk.findings, false);
    }
    if !walk.reserved(reply) {
        return (walk.findings, false);
    }
    walk.unknown_sections();
    walk.sections();
    walk.explanations(reply);
    (walk.findings, walk.capped)
}

/// How many findings a walk collects before it stops looking: a report shows the first
/// [`super::MAX_FINDINGS`], and a hostile reply (10,000 rows, each wrong four ways) must not
/// make canvass hold a finding for every fault, in memory many times the reply's size.
pub(super) const FINDINGS_CEILING: usize = 5 * super::MAX_FINDINGS;

impl<'a, V: ReplyValue<'a>> Walk<'a, V> {
    /// Whether enough findings are collected; noted, so the report says "at least".
    pub fn full(&mut self) -> bool {
        let full = self.findings.len() >= FINDINGS_CEILING;
        self.capped |= full;
        full
    }

    /// `questionnaire` and `version`. Returns false when the reply answers another
    /// questionnaire: every other finding would be noise.
    fn reserved(&mut self, root: V) -> bool {
        let q = self.q;
        for (key, expected) in [("questionnaire", &q.id), ("version", &q.version)] {
            let args = Args::new()
                .text("key", key)
                .text("expected", expected.clone());
            let (said, anchor) = match root.get(key) {
                Some(given) if given.as_str() == Some(expected) => continue,
                Some(other) => (
                    say(
                        "reply-names-other",
                        args.text("value", describe_short(other)),
                    ),
                    Anchor::Value(format!("/{key}")),
                ),
                None => (
                    say("reply-names-none", args),
                    Anchor::Container(String::new()),
                ),
            };
            let at = Location::answer(format!("/{key}"), anchor);
            let finding = Finding::said(Code::WrongQuestionnaire, Severity::Error, said, at);
            self.findings.push(finding);
            if key == "questionnaire" && root.get(key).is_some() {
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
                    Some(near) => say("help-did-you-mean-section", Args::new().text("near", near)),
                    None => say("help-sections-are", Args::new().text("ids", ids.join(", "))),
                }
            } else {
                say(
                    "help-move-to-section",
                    Args::new().text("key", echo(key)).text(
                        "sections",
                        describe::or_list(owners.iter().map(|o| Text::from(o.as_str())).collect()),
                    ),
                )
            };
            let pointer = format!("/{}", escape_pointer(key));
            let mut finding = Finding::said(
                Code::UnknownQuestion,
                Severity::Error,
                say("unknown-section", Args::new().text("key", echo(key))),
                Location::answer(pointer.clone(), Anchor::Key(pointer)),
            )
            .with_help(help.message);
            finding.question = Some(key.to_string());
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
    fn check_answers(&mut self) -> (BTreeSet<QuestionRef>, Vec<Vec<Finding>>) {
        let q = self.q;
        // The broken answers: few, and looked up for each condition that reads one, which
        // comparing a few references does faster than hashing.
        let mut invalid: BTreeSet<QuestionRef> = BTreeSet::new();
        let mut value_findings: Vec<Vec<Finding>> = Vec::new();
        for (s, section) in q.sections.iter().enumerate() {
            let answers = match self.answers.sections[s] {
                Some(answers) if answers.kind() == Kind::Object => Some(answers),
                None => None,
                Some(other) => {
                    let pointer = format!("/{}", escape_pointer(&section.id));
                    let said = say(
                        "section-not-a-table",
                        Args::new()
                            .text("section", section.id.clone())
                            .text("value", describe::value(other)),
                    );
                    let finding = Finding::said(
                        Code::InvalidType,
                        Severity::Error,
                        said,
                        Location::answer(pointer.clone(), Anchor::Value(pointer)),
                    );
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
                if question.compute.is_none()
                    && let Answer::Value(value) = classify(question, self.answers.raw(r))
                {
                    let site = Site {
                        section: &section.id,
                        question,
                        table: None,
                    };
                    std::mem::swap(&mut own, &mut self.findings);
                    let ok = self.check_value(site, value);
                    std::mem::swap(&mut own, &mut self.findings);
                    if !ok {
                        broken(&mut invalid, r, question, &site.path(), &own);
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
        invalid: &mut BTreeSet<QuestionRef>,
        value_findings: Vec<Vec<Finding>>,
    ) {
        let q = self.q;
        let mut own = value_findings.into_iter();
        for (s, section) in q.sections.iter().enumerate() {
            if matches!(self.answers.sections[s], Some(v) if v.kind() != Kind::Object) {
                own.by_ref().take(section.questions.len()).for_each(drop);
                continue;
            }
            let answers = self.answers.sections[s].filter(|v| v.kind() == Kind::Object);
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
                if question.compute.is_some() {
                    if !matches!(classify(question, self.answers.raw(r)), Answer::Blank) {
                        self.computed_answered(site);
                    }
                    continue;
                }
                let truth = asked(
                    q,
                    QuestionRef {
                        section: s,
                        question: i,
                        column: None,
                    },
                    &self.answers,
                );
                let reads = || -> Vec<QuestionRef> {
                    section
                        .whens(question)
                        .flat_map(|w| w.ast().references())
                        .collect()
                };
                let answer = classify(question, self.answers.raw(r));
                if !invalid.is_empty()
                    && reads_broken(&q.condition_answers(section, question), invalid)
                {
                    // Undetermined: whether the question is asked hangs on a broken answer,
                    // which is already reported. Neither missing nor not applicable; but its
                    // own answer, if it has one, is still checked.
                    self.findings.extend(own);
                    self.specify(site, answers, answer, true, None);
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
                            self.missing(site, answers.is_some(), &reads());
                        }
                        _ => self.findings.extend(own),
                    }
                    self.specify(site, answers, answer, true, None);
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
                    self.specify(site, answers, Answer::Blank, false, None);
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
            if self.full() {
                break;
            }
            let ids: Vec<&str> = section.questions.iter().map(|x| x.id.as_str()).collect();
            let elsewhere: Vec<String> = self
                .q
                .sections_asking(key)
                .filter(|o| o.id != section.id)
                .map(|o| format!("[{}]", o.id))
                .collect();
            let help = if !elsewhere.is_empty() {
                say(
                    "help-move-to-section",
                    Args::new().text("key", echo(key)).text(
                        "sections",
                        describe::or_list(
                            elsewhere.iter().map(|o| Text::from(o.as_str())).collect(),
                        ),
                    ),
                )
            } else if let Some(near) = closest(key, &ids) {
                self.misspelt.insert((s, near.to_string()));
                say("help-did-you-mean", Args::new().text("near", near))
            } else {
                say(
                    "help-questions-are",
                    Args::new()
                        .text("section", section.id.clone())
                        .text("ids", ids.join(", ")),
                )
            };
            let pointer = format!("/{}/{}", escape_pointer(&section.id), escape_pointer(key));
            let said = say(
                "unknown-question",
                Args::new()
                    .text("section", section.id.clone())
                    .text("key", echo(key)),
            );
            let mut finding = Finding::said(
                Code::UnknownQuestion,
                Severity::Error,
                said,
                Location::answer(pointer.clone(), Anchor::Key(pointer)),
            )
            .with_help(help.message);
            finding.question = Some(format!("{}.{key}", section.id));
            self.findings.push(finding);
        }
    }

    /// `section_given`: whether the question's section is in the reply (the finding is
    /// then placed at it, else at the whole reply).
    fn missing(&mut self, site: Site<'_>, section_given: bool, reads: &[QuestionRef]) {
        let number = question_label(site.question);
        let sources: Vec<&str> = self.condition_sources(site);
        let args = Args::new().text("number", number);
        let mut said = if sources.is_empty() {
            say("missing-answer", args)
        } else {
            say(
                "missing-answer-because",
                args.text("condition", conjunction(&sources)),
            )
        };
        if !section_given {
            said.label =
                Some(say("missing-section", Args::new().text("section", site.section)).message);
        }
        let mut finding = self.finding(
            site,
            Code::MissingAnswer,
            said,
            Anchor::Container(section_pointer(site.section, section_given)),
        );
        // A condition on `sum(table.column)`: the sum is the reason, not the number of rows.
        let sums = match self.q.section(site.section) {
            Some((_, section)) => super::rules::sums_in(
                section
                    .whens(site.question)
                    .map(crate::questionnaire::model::Expr::ast),
            ),
            None => Vec::new(),
        };
        let mut seen = Vec::new();
        for r in reads {
            if seen.contains(r) {
                continue;
            }
            seen.push(*r);
            let mut related = self.related_answer(*r, "why-required");
            if let Some(said) = self.sums_of(*r, &sums) {
                related.message = said.then(words::phrase("why-required", &Args::new()));
            }
            finding.related.push(related);
        }
        self.findings.push(finding);
    }

    fn not_applicable(&mut self, site: Site<'_>, reads: &[QuestionRef]) {
        let number = question_label(site.question);
        let sources = self.condition_sources(site);
        let said = say(
            "not-applicable",
            Args::new()
                .text("number", number)
                .text("condition", conjunction(&sources)),
        );
        let mut finding = self.finding(
            site,
            Code::NotApplicable,
            said,
            Anchor::Value(site.pointer()),
        );
        self.relate(&mut finding, reads, "why-not-applicable");
        self.findings.push(finding);
    }

    /// Each answer a condition read, once, as a related place; `why` is the id of the words
    /// that say what it did.
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
    /// `answers` is where `<id>_specify` lives: the section (absent when the section is not
    /// in the reply), or (`row` given) the cell's row.
    pub(super) fn specify(
        &mut self,
        site: Site<'_>,
        answers: Option<V>,
        answer: Answer<V>,
        applies: bool,
        row: Option<usize>,
    ) {
        /// What is wrong with the "please specify" text, if anything.
        enum Fault<'o> {
            Missing(&'o str),
            Unexpected,
            NotText,
        }
        if !site.question.options.iter().any(|o| o.specify) {
            return;
        }
        let specify_id = format!("{}_specify", site.question.id);
        let asks = |c: &&str| site.question.option(c).is_some_and(|o| o.specify);
        let specify_option = match answer {
            Answer::Value(value) => match (value.kind(), value.items()) {
                (Kind::String(s), _) => Some(s).filter(asks),
                (_, Some(items)) => items.filter_map(ReplyValue::as_str).find(asks),
                _ => None,
            },
            _ => None,
        };
        let text = answers.and_then(|a| a.get(&specify_id));
        let given = text.is_some_and(|t| !t.is_null() && t.as_str() != Some(""));
        let fault = match (specify_option, given) {
            (Some(option), false) if applies => Fault::Missing(option),
            (None, true) => Fault::Unexpected,
            (Some(_), true) if text.is_none_or(|t| t.as_str().is_none()) => Fault::NotText,
            _ => return,
        };
        // Beside the question in its section, or beside the cell in its row.
        let (pointer, container) = match row {
            Some(_) => {
                let row_pointer = site.row_pointer();
                (format!("{row_pointer}/{specify_id}"), row_pointer)
            }
            None => (
                format!("/{}/{specify_id}", escape_pointer(site.section)),
                section_pointer(site.section, answers.is_some()),
            ),
        };
        let number = question_label(site.question);
        let args = Args::new()
            .text("number", number)
            .text("specify", specify_id.clone());
        let (code, said, anchor) = match fault {
            Fault::Missing(option) => {
                let said = match row {
                    Some(r) => say(
                        "missing-specify-cell",
                        args.text("option", option)
                            .text("row", self.site_row_name(site, r))
                            .text("column", site.question.id.clone()),
                    ),
                    None => say("missing-specify", args.text("option", option)),
                };
                (Code::MissingSpecify, said, Anchor::Container(container))
            }
            Fault::Unexpected => (
                Code::UnexpectedSpecify,
                say("unexpected-specify", args),
                Anchor::Value(pointer.clone()),
            ),
            Fault::NotText => (
                Code::InvalidType,
                say(
                    "specify-not-text",
                    args.text("value", describe::value(text.expect("given"))),
                ),
                Anchor::Value(pointer.clone()),
            ),
        };
        let finding = self.finding(site, code, said, Location::answer(pointer, anchor));
        self.findings.push(finding);
    }
}

/// Where a finding about a section's question is placed when it has no answer to point at:
/// the section (`/legislation`), or the whole reply when the section is not in it.
fn section_pointer(section: &str, given: bool) -> String {
    if given {
        format!("/{}", escape_pointer(section))
    } else {
        String::new()
    }
}

/// Record what a question's findings break. A table is broken as a whole only by a finding
/// about the table itself (not a list, too many rows, a row that is no table); a bad cell
/// breaks its column alone, so `size(t)` is still judged, and `sum(t.c)` is not.
fn broken(
    invalid: &mut BTreeSet<QuestionRef>,
    r: QuestionRef,
    question: &Question,
    path: &str,
    findings: &[Finding],
) {
    if question.kind != crate::questionnaire::model::QuestionType::Table {
        invalid.insert(r);
        return;
    }
    for f in findings {
        let Some(at) = f.question.as_deref() else {
            continue;
        };
        if at == path {
            invalid.insert(r);
        } else if let Some(column) = at.rsplit_once('.').map(|(_, c)| c)
            && let Some(c) = question.columns.iter().position(|col| col.id == column)
        {
            invalid.insert(QuestionRef {
                column: Some(c),
                ..r
            });
        }
    }
}

/// Whether an expression reads an answer already reported as broken: a question, or a
/// table's column (a broken table breaks each of its columns too).
/// The JSON pointer of column `r`'s cell in row `row` (counted from 0, as RFC 6901 does).
pub(super) fn cell_pointer(q: &Questionnaire, r: QuestionRef, row: usize) -> String {
    let section = &q.sections[r.section];
    let table = &section.questions[r.question];
    format!(
        "/{}/{}/{row}/{}",
        escape_pointer(&section.id),
        table.id,
        q.question(r).id
    )
}

pub(super) fn reads_broken(reads: &[QuestionRef], invalid: &BTreeSet<QuestionRef>) -> bool {
    !invalid.is_empty()
        && reads
            .iter()
            .any(|r| invalid.contains(r) || invalid.contains(&QuestionRef { column: None, ..*r }))
}

/// How a message names a question: its number, or its id when it has none.
pub(super) fn question_label(question: &Question) -> String {
    match &question.number {
        Some(number) => number.clone(),
        None => format!("`{}`", question.id),
    }
}

fn describe_short<'v>(v: impl ReplyValue<'v>) -> Text {
    match v.kind() {
        Kind::String(s) => Text::Plain(format!("\"{}\"", echo(s))),
        _ => describe::value(v),
    }
}

/// The conditions a question depends on (its section's and its own), as one: a part with
/// an `||` in parentheses when there are several, so that `a || b` and `c` read as
/// `(a || b) && c`, as they are evaluated.
fn conjunction(sources: &[&str]) -> String {
    match sources {
        [one] => (*one).to_string(),
        many => many
            .iter()
            .map(|s| {
                if s.contains("||") {
                    format!("({s})")
                } else {
                    (*s).to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" && "),
    }
}
