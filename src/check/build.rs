//! Build the model from the definition, with the structural lints: ids, duplicates,
//! settings that do not fit a question's type, bounds, patterns, answer codes and
//! "please specify" collisions. Expressions are left unresolved for `expressions`.
//!
//! The model keeps every section and question of the definition at the same index, even
//! a duplicate, so later lints can find a question's spans in the definition.

use std::collections::{HashMap, HashSet};

use super::Lints;
use super::translations::text;
use crate::findings::Code;
use crate::questionnaire::def::{
    BoundDef, OptionDef, OptionsDef, QuestionDef, QuestionType, QuestionnaireDef, RuleDef,
    RuleSeverity, SectionDef, Sp,
};
use crate::questionnaire::is_questionnaire_id;
use crate::questionnaire::model::{
    AnswerCode, Bound, Choice, Expr, Question, Questionnaire, Rule, Section, Text,
};
use crate::questionnaire::settings::closest;
use crate::source::Span;
use crate::values::dates::is_iso_date;

pub(crate) fn build(def: &QuestionnaireDef, lints: &mut Lints<'_>) -> Questionnaire {
    if !is_questionnaire_id(&def.id.value) {
        lints
            .error(
                Code::InvalidId,
                format!("questionnaire id `{}` is not valid", def.id.value),
                def.id.span.clone(),
            )
            .help_("use lowercase letters, digits and hyphens, e.g. \"res-16-2\"");
    }
    let languages: Vec<String> = match &def.languages {
        Some(langs) => {
            if langs.value.is_empty() {
                lints
                    .error(
                        Code::InvalidSetting,
                        "`languages` is empty".into(),
                        langs.span.clone(),
                    )
                    .help_("list at least the source language, e.g. [\"en\"]");
            }
            let mut seen = HashMap::new();
            for lang in &langs.value {
                duplicate(&mut seen, lang, "language", lints);
                if !is_language_tag(&lang.value) {
                    lints
                        .error(
                            Code::InvalidSetting,
                            format!("`{}` is not a language tag", lang.value),
                            lang.span.clone(),
                        )
                        .help_(
                            "write a BCP 47 tag: letters, digits and hyphens, such as \"en\", \"fr\", \"es-419\" or \"zh-Hans\"",
                        );
                }
            }
            let listed: Vec<String> = langs.value.iter().map(|l| l.value.clone()).collect();
            // Building goes on with the default, so the other mistakes are found too.
            if listed.is_empty() {
                vec!["en".to_string()]
            } else {
                listed
            }
        }
        None => vec!["en".to_string()],
    };
    let mut builder = Builder {
        def,
        languages,
        lints,
        lists_read: HashSet::new(),
    };
    builder.questionnaire()
}

struct Builder<'d, 'l, 't> {
    def: &'d QuestionnaireDef,
    languages: Vec<String>,
    lints: &'l mut Lints<'t>,
    /// Shared option lists already read for a question: a duplicate in one is reported
    /// once, not once per question that takes it.
    lists_read: HashSet<String>,
}

fn is_rule_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

pub(crate) fn is_identifier(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Report `id` if an earlier one in `seen` has the same value; remember it otherwise.
fn duplicate(
    seen: &mut HashMap<String, Span>,
    id: &Sp<String>,
    what: &str,
    lints: &mut Lints<'_>,
) -> bool {
    if let Some(first) = seen.get(&id.value) {
        let first = first.clone();
        lints
            .error(
                Code::DuplicateId,
                format!("{what} `{}` is defined twice", id.value),
                id.span.clone(),
            )
            .label_("defined again here")
            .related_(first, "first defined here")
            .help_(format!("give each {what} its own id"));
        return true;
    }
    seen.insert(id.value.clone(), id.span.clone());
    false
}

impl Builder<'_, '_, '_> {
    /// A question (or column) whose id is another's `<id>_specify`.
    fn specify_collisions(&mut self, defs: &[QuestionDef], built: &[Question], what: &str) {
        for (q, question) in defs.iter().zip(built) {
            let Some(specify) = question.specify_id() else {
                continue;
            };
            if let Some(other) = defs.iter().find(|o| o.id.value == specify) {
                self.lints
                    .error(
                        Code::SpecifyCollision,
                        format!(
                            "{what} `{specify}` collides with the \"please specify\" answer of `{}`",
                            q.id.value
                        ),
                        other.id.span.clone(),
                    )
                    .label_("this id is taken by the \"please specify\" answer")
                    .related_(q.id.span.clone(), format!("this {what} has an option with `specify = true`"))
                    .help_(format!("rename this {what}"));
            }
        }
    }

    fn text(&mut self, def: &Sp<crate::questionnaire::def::TextDef>, what: &str) -> Text {
        text(def, what, &self.languages, self.lints)
    }

    fn identifier(&mut self, id: &Sp<String>, what: &str) {
        if !is_identifier(&id.value) {
            self.lints
                .error(
                    Code::InvalidId,
                    format!("{what} id `{}` is not valid", id.value),
                    id.span.clone(),
                )
                .help_("start with a lowercase letter; then lowercase letters, digits and `_`");
        }
    }

    fn questionnaire(&mut self) -> Questionnaire {
        let def = self.def;
        let title = self.text(&def.title, "the questionnaire's title");
        let codes: Vec<AnswerCode> = def
            .codes
            .iter()
            .map(|(name, def)| {
                use crate::questionnaire::def::CodeDef;
                let (label, number) = match &def.value {
                    CodeDef::Numbered { label, number } => (label.clone(), Some(*number)),
                    CodeDef::Label(label) => (label.clone(), None),
                };
                let label = Sp::new(label, def.span.clone());
                AnswerCode {
                    name: name.clone(),
                    label: self.text(&label, &format!("the label of code `{name}`")),
                    number,
                }
            })
            .collect();
        self.code_numbers_distinct(&codes);
        let mut seen = HashMap::new();
        let sections: Vec<Section> = def
            .section
            .iter()
            .map(|s| {
                self.identifier(&s.id, "section");
                if crate::questionnaire::RESERVED_SECTION_IDS.contains(&s.id.value.as_str()) {
                    self.lints
                        .error(
                            Code::InvalidId,
                            format!("`{}` cannot be a section id", s.id.value),
                            s.id.span.clone(),
                        )
                        .help_(
                            "replies use `questionnaire`, `version` and `explanations` at the \
                             top level, and expressions read `previous.section.question`",
                        );
                }
                duplicate(&mut seen, &s.id, "section", self.lints);
                self.section(s)
            })
            .collect();
        let mut seen = HashMap::new();
        let rules = def
            .rule
            .iter()
            .map(|r| {
                duplicate(&mut seen, &r.id, "rule", self.lints);
                self.rule(r)
            })
            .collect();
        Questionnaire {
            id: def.id.value.clone(),
            version: def.version.value.clone(),
            title,
            languages: self.languages.clone(),
            respondent: self.respondent(&sections),
            codes,
            sections,
            rules,
        }
    }

    /// `respondent`, if it names a required `country` or `text` question of a section.
    fn respondent(&mut self, sections: &[Section]) -> Option<String> {
        let def = self.def.respondent.as_ref()?;
        let name = &def.value;
        let question = name.split_once('.').and_then(|(s, q)| {
            let section = sections.iter().find(|x| x.id == s)?;
            let question = section.questions.iter().find(|x| x.id == q)?;
            Some((question, section.when.is_some() || question.when.is_some()))
        });
        let Some((question, conditional)) = question else {
            self.lints
                .error(
                    Code::UnknownReference,
                    format!("`respondent` names `{name}`, which is no question of the questionnaire"),
                    def.span.clone(),
                )
                .help_("name the answer that identifies who replied as \"section.question\", e.g. \"respondent.country\"");
            return None;
        };
        if !matches!(question.kind, QuestionType::Country | QuestionType::Text)
            || !question.required
            || conditional
        {
            self.lints
                .error(
                    Code::InvalidSetting,
                    format!(
                        "`respondent` names `{name}` ({}); it must be a required `country` or `text` question that always applies",
                        respondent_faults(question, conditional)
                    ),
                    def.span.clone(),
                )
                .help_("every reply must say who sent it: give that question `required = true` and no `when`");
            return None;
        }
        Some(name.clone())
    }

    fn section(&mut self, def: &SectionDef) -> Section {
        let mut seen = HashMap::new();
        let questions: Vec<Question> = def
            .question
            .iter()
            .map(|q| {
                duplicate(&mut seen, &q.id, "question", self.lints);
                self.question(q, false)
            })
            .collect();
        // "Other, please specify" answers live beside the question, as `<id>_specify`; a
        // column's, beside its cell in the row.
        self.specify_collisions(&def.question, &questions, "question");
        for (q, question) in def.question.iter().zip(&questions) {
            if let Some(columns) = &q.columns {
                self.specify_collisions(&columns.value, &question.columns, "column");
            }
        }
        Section {
            id: def.id.value.clone(),
            number: def.number.as_ref().map(|n| n.value.clone()),
            title: self.text(
                &def.title,
                &format!("the title of section `{}`", def.id.value),
            ),
            when: def.when.as_ref().map(expr),
            questions,
        }
    }

    fn rule(&mut self, def: &RuleDef) -> Rule {
        if !is_rule_id(&def.id.value) {
            self.lints
                .error(
                    Code::InvalidId,
                    format!("rule id `{}` is not valid", def.id.value),
                    def.id.span.clone(),
                )
                .help_(
                    "start with a lowercase letter; then lowercase letters, digits, `_` and `-`",
                );
        }
        let each = def
            .each
            .as_ref()
            .filter(|each| self.each_names_a_table(each));
        Rule {
            id: def.id.value.clone(),
            each: each.map(|e| e.value.clone()),
            when: def.when.as_ref().map(expr),
            check: expr(&def.check),
            severity: def
                .severity
                .as_ref()
                .map_or(RuleSeverity::Error, |s| s.value),
            message: self.text(
                &def.message,
                &format!("the message of rule `{}`", def.id.value),
            ),
            check_answers: None,
        }
    }

    /// Whether a rule's `each` names a table (`section.table`); reported if not.
    fn each_names_a_table(&mut self, each: &Sp<String>) -> bool {
        let tables: Vec<String> = self
            .def
            .section
            .iter()
            .flat_map(|s| {
                s.question
                    .iter()
                    .filter(|q| q.kind.value == QuestionType::Table)
                    .map(|q| format!("{}.{}", s.id.value, q.id.value))
            })
            .collect();
        if tables.contains(&each.value) {
            return true;
        }
        let tables: Vec<&str> = tables.iter().map(String::as_str).collect();
        let finding = self.lints.error(
            Code::UnknownReference,
            format!("`each` names `{}`, which is not a table", each.value),
            each.span.clone(),
        );
        match closest(&each.value, &tables) {
            Some(near) => finding.help_(format!("did you mean `{near}`?")),
            None => finding.help_("write `section.table`, the table to check row by row"),
        };
        false
    }

    #[allow(clippy::too_many_lines)] // one setting after another; splitting would hide the list
    fn question(&mut self, def: &QuestionDef, column: bool) -> Question {
        let what = if column { "column" } else { "question" };
        self.identifier(&def.id, what);
        let kind = def.kind.value;
        let id = &def.id.value;
        if column && kind == QuestionType::Table {
            self.lints
                .error(
                    Code::SettingNotForType,
                    format!("column `{id}` cannot be a table"),
                    def.kind.span.clone(),
                )
                .help_("a table's columns may have any type but `table`");
        }
        self.settings_fit(def, what);
        self.computed_fits(def, what);

        let options = self.options(def);
        let codes = self.codes(def, &options);
        let (min, max) = self.bounds(def);
        let (min_length, max_length) =
            self.counts(def.min_length.as_ref(), def.max_length.as_ref());
        let (min_choices, max_choices) =
            self.counts(def.min_choices.as_ref(), def.max_choices.as_ref());
        let (min_rows, max_rows) = self.counts(def.min_rows.as_ref(), def.max_rows.as_ref());
        let regex = def.pattern.as_ref().and_then(|p| self.pattern(p));
        if let (Some(message), None) = (&def.pattern_message, &def.pattern) {
            self.lints
                .error(
                    Code::InvalidSetting,
                    "`pattern_message` says in words what `pattern` asks for, but there is no `pattern`".into(),
                    message.span.clone(),
                )
                .help_("add the `pattern`, or remove `pattern_message`");
        }

        let mut seen = HashMap::new();
        let columns: Vec<Question> = def
            .columns
            .iter()
            .flat_map(|c| &c.value)
            .map(|c| {
                duplicate(&mut seen, &c.id, "column", self.lints);
                self.question(c, true)
            })
            .collect();
        if let Some(key) = &def.key
            && !columns.iter().any(|c| c.id == key.value)
        {
            let ids: Vec<&str> = columns.iter().map(|c| c.id.as_str()).collect();
            let finding = self.lints.error(
                Code::UnknownColumn,
                format!(
                    "`key` names `{}`, which is not a column of `{id}`",
                    key.value
                ),
                key.span.clone(),
            );
            if let Some(near) = closest(&key.value, &ids) {
                finding.help_(format!("did you mean `{near}`?"));
            }
        }
        let rows = self.rows_in_advance(def, &columns);
        let text_what = format!("the text of {what} `{id}`");
        Question {
            id: id.clone(),
            number: def.number.as_ref().map(|n| n.value.clone()),
            text: self.text(&def.text, &text_what),
            help: def
                .help
                .as_ref()
                .map(|h| self.text(h, &format!("the help of {what} `{id}`"))),
            kind,
            required: def.required.as_ref().is_some_and(|r| r.value),
            when: def.when.as_ref().map(expr),
            compute: def.compute.as_ref().map(expr),
            codes,
            options,
            min_choices,
            max_choices,
            min_length,
            max_length,
            pattern: def.pattern.as_ref().map(|p| p.value.clone()),
            pattern_message: def
                .pattern_message
                .as_ref()
                .map(|m| self.text(m, &format!("the pattern message of {what} `{id}`"))),
            format: def.format.as_ref().map(|f| f.value),
            min,
            max,
            exact_bounds: (None, None),
            condition_answers: None,
            unit: def
                .unit
                .as_ref()
                .map(|u| self.text(u, &format!("the unit of {what} `{id}`"))),
            columns,
            min_rows,
            max_rows,
            key: def.key.as_ref().map(|k| k.value.clone()),
            rows,
            code_numbers: Vec::new(),
            regex,
        }
    }

    /// A computed value is derived, never asked: it has a type an expression can give, and
    /// none of the settings that only an answer needs.
    fn computed_fits(&mut self, def: &QuestionDef, what: &str) {
        use QuestionType as T;
        let Some(compute) = &def.compute else {
            return;
        };
        let id = &def.id.value;
        if !matches!(
            def.kind.value,
            T::YesNo | T::Integer | T::Number | T::Year | T::Date | T::Text
        ) {
            self.lints
                .error(
                    Code::SettingNotForType,
                    format!(
                        "{what} `{id}` is a {}, which cannot be computed",
                        def.kind.value.name()
                    ),
                    compute.span.clone(),
                )
                .help_("a computed value is a yes_no, integer, number, year, date or text");
        }
        let answer_only = [
            ("required", span(def.required.as_ref())),
            ("when", span(def.when.as_ref())),
            ("codes", span(def.codes.as_ref())),
        ];
        for (name, at) in answer_only {
            if let Some(at) = at {
                self.lints
                    .error(
                        Code::InvalidSetting,
                        format!("computed {what} `{id}` cannot have `{name}`"),
                        at,
                    )
                    .help_(
                        "a computed value is never asked: it has a value when every answer its \
                         expression reads has one",
                    );
            }
        }
    }

    /// A table's rows given in advance (`rows`), each checked against the key column: a
    /// year, an option, a country, a date or a text; none twice; `"options"` for every
    /// option of a choice key.
    fn rows_in_advance(&mut self, def: &QuestionDef, columns: &[Question]) -> Vec<String> {
        use crate::questionnaire::def::{RowKeyDef, RowsDef};
        let Some(rows) = &def.rows else {
            return Vec::new();
        };
        let key = def
            .key
            .as_ref()
            .and_then(|k| columns.iter().find(|c| c.id == k.value));
        let Some(key) = key else {
            if def.key.is_none() {
                self.lints
                    .error(
                        Code::MissingSetting,
                        "`rows` names rows by their key, but the table has no `key`".into(),
                        rows.span.clone(),
                    )
                    .help_("add `key = \"column\"`, the column each row is named by");
            }
            return Vec::new();
        };
        let keys: Vec<(String, Span)> = match &rows.value {
            RowsDef::Every(word) if word == "options" && key.kind == QuestionType::Choice => key
                .options
                .iter()
                .map(|o| (o.value.clone(), rows.span.clone()))
                .collect(),
            RowsDef::Every(_) => {
                self.lints
                    .error(
                        Code::InvalidSetting,
                        "`rows` is a list of keys, or \"options\" for every option of a choice key"
                            .into(),
                        rows.span.clone(),
                    )
                    .help_("write `rows = [2005, 2006]`, or `rows = \"options\"` when the key is a choice");
                return Vec::new();
            }
            RowsDef::Keys(keys) => keys
                .iter()
                .map(|k| match k {
                    RowKeyDef::Number(n) => (n.to_string(), rows.span.clone()),
                    RowKeyDef::Text(t) => (t.clone(), rows.span.clone()),
                })
                .collect(),
        };
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for (value, at) in keys {
            if let Some(problem) = row_key_problem(key, &value) {
                self.lints
                    .error(
                        Code::InvalidSetting,
                        format!("row `{value}` {problem}"),
                        at.clone(),
                    )
                    .help_(format!(
                        "each row in `rows` is a value of the key column `{}`",
                        key.id
                    ));
            }
            if !seen.insert(value.clone()) {
                self.lints.error(
                    Code::DuplicateOption,
                    format!("row `{value}` is listed twice in `rows`"),
                    at,
                );
                continue;
            }
            out.push(value);
        }
        out
    }

    /// Two codes written as the same number could not be told apart.
    fn code_numbers_distinct(&mut self, codes: &[AnswerCode]) {
        let mut seen = HashMap::new();
        for code in codes {
            let Some(number) = code.number else { continue };
            if let Some(first) = seen.insert(number, &code.name) {
                let span = self.def.codes[&code.name].span.clone();
                self.lints
                    .error(
                        Code::DuplicateOption,
                        format!(
                            "codes `{first}` and `{}` are both written {number}",
                            code.name
                        ),
                        span,
                    )
                    .help_("give each code its own number");
            }
        }
    }

    /// Settings given to a type they do not apply to (`options` on an integer).
    fn settings_fit(&mut self, def: &QuestionDef, what: &str) {
        use QuestionType as T;
        let kind = def.kind.value;
        let present: [(&str, Option<Span>, &[T]); 16] = [
            (
                "options",
                span(def.options.as_ref()),
                &[T::Choice, T::MultiChoice],
            ),
            (
                "min_choices",
                span(def.min_choices.as_ref()),
                &[T::MultiChoice],
            ),
            (
                "max_choices",
                span(def.max_choices.as_ref()),
                &[T::MultiChoice],
            ),
            ("min_length", span(def.min_length.as_ref()), &[T::Text]),
            ("max_length", span(def.max_length.as_ref()), &[T::Text]),
            ("pattern", span(def.pattern.as_ref()), &[T::Text]),
            (
                "pattern_message",
                span(def.pattern_message.as_ref()),
                &[T::Text],
            ),
            ("format", span(def.format.as_ref()), &[T::Text]),
            (
                "min",
                span(def.min.as_ref()),
                &[T::Integer, T::Number, T::Date, T::Year],
            ),
            (
                "max",
                span(def.max.as_ref()),
                &[T::Integer, T::Number, T::Date, T::Year],
            ),
            ("unit", span(def.unit.as_ref()), &[T::Integer, T::Number]),
            ("columns", span(def.columns.as_ref()), &[T::Table]),
            ("min_rows", span(def.min_rows.as_ref()), &[T::Table]),
            ("max_rows", span(def.max_rows.as_ref()), &[T::Table]),
            ("key", span(def.key.as_ref()), &[T::Table]),
            ("rows", span(def.rows.as_ref()), &[T::Table]),
        ];
        for (setting, at, types) in present {
            let Some(at) = at else { continue };
            if types.contains(&kind) {
                continue;
            }
            let names: Vec<&str> = types.iter().map(|t| t.name()).collect();
            self.lints
                .error(
                    Code::SettingNotForType,
                    format!("`{setting}` is not a setting of {} {what}s", kind.name()),
                    at,
                )
                .label_(format!(
                    "`{}` is {} {} {what}",
                    def.id.value,
                    article(kind.name()),
                    kind.name()
                ))
                .help_(format!(
                    "`{setting}` applies to {} questions",
                    or_list(&names)
                ));
        }
        let needs = match kind {
            T::Choice | T::MultiChoice => Some((
                "options",
                def.options.as_ref().is_none_or(|o| o.value.is_empty()),
            )),
            T::Table => Some((
                "columns",
                def.columns.as_ref().is_none_or(|c| c.value.is_empty()),
            )),
            _ => None,
        };
        if let Some((setting, true)) = needs {
            self.lints
                .error(
                    Code::MissingSetting,
                    format!(
                        "{} {what} `{}` has no `{setting}`",
                        kind.name(),
                        def.id.value
                    ),
                    def.kind.span.clone(),
                )
                .help_(format!("add `{setting} = [...]`"));
        }
    }

    fn unknown_list(&mut self, def: &QuestionDef, name: &str) {
        let names: Vec<&str> = self.def.options.keys().map(String::as_str).collect();
        let span = def.options.as_ref().expect("named").span.clone();
        let finding = self.lints.error(
            Code::UnknownReference,
            format!("no option list `{name}` under `[options]`"),
            span,
        );
        match closest(name, &names) {
            Some(near) => finding.help_(format!("did you mean `{near}`?")),
            None => finding.help_(format!("declare it: [options] {name} = [\"…\", \"…\"]")),
        };
    }

    /// The options a question lists, or those of the shared list it names.
    fn options(&mut self, def: &QuestionDef) -> Vec<Choice> {
        let mut first_reading = true;
        let items: &[Sp<OptionDef>] = match def.options.as_ref().map(|o| &o.value) {
            None => &[],
            Some(OptionsDef::List(items)) => items,
            Some(OptionsDef::Named(name)) => {
                let Some(list) = self.def.options.get(name) else {
                    self.unknown_list(def, name);
                    return Vec::new();
                };
                first_reading = self.lists_read.insert(name.clone());
                &list.value
            }
        };
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut options = Vec::new();
        for option in items {
            let choice = match &option.value {
                OptionDef::Value(v) => Choice {
                    value: v.clone(),
                    label: Text::one(&self.languages[0], v),
                    specify: false,
                    exclusive: false,
                },
                OptionDef::Full(full) => Choice {
                    value: full.value.clone(),
                    label: match &full.label {
                        Some(label) => self.text(
                            &Sp::new(label.clone(), option.span.clone()),
                            &format!("the label of option '{}'", full.value),
                        ),
                        None => Text::one(&self.languages[0], &full.value),
                    },
                    specify: full.specify,
                    exclusive: full.exclusive,
                },
            };
            if choice.exclusive && def.kind.value != QuestionType::MultiChoice {
                self.lints
                    .error(
                        Code::SettingNotForType,
                        format!(
                            "option '{}' is `exclusive`, but only multi_choice options can be",
                            choice.value
                        ),
                        option.span.clone(),
                    )
                    .help_("remove `exclusive`: a choice question takes one option anyway");
            }
            if let Some(first) = seen.get(&choice.value).filter(|_| first_reading) {
                let first = first.clone();
                self.lints
                    .error(
                        Code::DuplicateOption,
                        format!(
                            "option '{}' is listed twice in `{}`",
                            choice.value, def.id.value
                        ),
                        option.span.clone(),
                    )
                    .label_("listed again here")
                    .related_(first, "first listed here");
            } else {
                seen.insert(choice.value.clone(), option.span.clone());
            }
            options.push(choice);
        }
        options
    }

    fn codes(&mut self, def: &QuestionDef, options: &[Choice]) -> Vec<String> {
        let known: Vec<&str> = self.def.codes.keys().map(String::as_str).collect();
        let mut codes = Vec::new();
        for code in def.codes.iter().flat_map(|c| &c.value) {
            if !known.contains(&code.value.as_str()) {
                let finding = self.lints.error(
                    Code::UnknownCode,
                    format!("answer code `{}` is not declared in `[codes]`", code.value),
                    code.span.clone(),
                );
                match closest(&code.value, &known) {
                    Some(near) => finding.help_(format!("did you mean `{near}`?")),
                    None => finding.help_(format!("declare it: [codes] {} = \"…\"", code.value)),
                };
            }
            if options.iter().any(|o| o.value == code.value) {
                self.lints
                    .error(
                        Code::DuplicateOption,
                        format!(
                            "answer code `{}` is also an option of `{}`: a reply could not tell them apart",
                            code.value, def.id.value
                        ),
                        code.span.clone(),
                    )
                    .help_("rename the option or drop the code");
            }
            codes.push(code.value.clone());
        }
        codes
    }

    fn bounds(&mut self, def: &QuestionDef) -> (Option<Bound>, Option<Bound>) {
        let kind = def.kind.value;
        let mut convert = |b: &Option<Sp<BoundDef>>, setting: &str| -> Option<Bound> {
            let b = b.as_ref()?;
            let ok = match (kind, &b.value) {
                (
                    QuestionType::Integer | QuestionType::Year | QuestionType::Number,
                    BoundDef::Integer(i),
                ) => Some(Bound::Number(int_to_f64(*i))),
                (QuestionType::Number, BoundDef::Float(f)) if f.is_finite() => {
                    Some(Bound::Number(*f))
                }
                (QuestionType::Date, BoundDef::Date(d)) if is_iso_date(d) => {
                    Some(Bound::Date(d.clone()))
                }
                (
                    QuestionType::Date
                    | QuestionType::Integer
                    | QuestionType::Number
                    | QuestionType::Year,
                    _,
                ) => None,
                // Not a bounded type: `settings_fit` already said so.
                _ => return None,
            };
            if ok.is_none() {
                let expected = match kind {
                    QuestionType::Date => "a date (1990-01-01, or \"1990-01-01\")",
                    QuestionType::Number => "a number",
                    _ => "a whole number",
                };
                let found = match &b.value {
                    BoundDef::Integer(_) => "a whole number".to_string(),
                    BoundDef::Float(f) if f.is_finite() => "a decimal number".to_string(),
                    BoundDef::Float(_) => "not a finite number".to_string(),
                    BoundDef::Date(d) if is_iso_date(d) => "a date".to_string(),
                    BoundDef::Date(d) => format!("the text \"{d}\""),
                    BoundDef::Other(kind) => format!("a {kind}"),
                };
                self.lints
                    .error(
                        Code::InvalidBound,
                        format!(
                            "`{setting}` of {} question `{}` must be {expected}, not {found}",
                            kind.name(),
                            def.id.value
                        ),
                        b.span.clone(),
                    )
                    .label_(found);
            }
            ok
        };
        let min = convert(&def.min, "min");
        let max = convert(&def.max, "max");
        let ordered = match (&min, &max) {
            (Some(Bound::Number(a)), Some(Bound::Number(b))) => a <= b,
            (Some(Bound::Date(a)), Some(Bound::Date(b))) => a <= b,
            _ => true,
        };
        if !ordered && let (Some(lo), Some(hi)) = (&def.min, &def.max) {
            self.lints
                .error(
                    Code::MinAboveMax,
                    format!(
                        "`min` is above `max` in `{}`: no answer can fit",
                        def.id.value
                    ),
                    hi.span.clone(),
                )
                .label_("`max` is here")
                .related_(lo.span.clone(), "`min` is here");
        }
        (min, max)
    }

    fn counts(
        &mut self,
        min: Option<&Sp<i64>>,
        max: Option<&Sp<i64>>,
    ) -> (Option<u64>, Option<u64>) {
        let mut convert = |b: Option<&Sp<i64>>| {
            let b = b?;
            if let Ok(n) = u64::try_from(b.value) {
                Some(n)
            } else {
                self.lints
                    .error(
                        Code::InvalidBound,
                        "a count cannot be negative".into(),
                        b.span.clone(),
                    )
                    .help_("write 0 or more");
                None
            }
        };
        let (lo, hi) = (convert(min), convert(max));
        if let (Some(a), Some(b), Some(min), Some(max)) = (lo, hi, min, max)
            && a > b
        {
            self.lints
                .error(
                    Code::MinAboveMax,
                    format!("the minimum ({a}) is above the maximum ({b}): no answer can fit"),
                    max.span.clone(),
                )
                .label_("maximum here")
                .related_(min.span.clone(), "minimum here");
        }
        (lo, hi)
    }

    fn pattern(&mut self, pattern: &Sp<String>) -> Option<regex::Regex> {
        match crate::values::text::compile_pattern(&pattern.value) {
            Ok(regex) => Some(regex),
            Err(message) => {
                self.lints
                    .error(
                        Code::InvalidRegex,
                        format!("`pattern` is not a valid regular expression: {message}"),
                        pattern.span.clone(),
                    )
                    .help_("canvass uses a linear-time engine: no look-around, no back-references");
                None
            }
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn span<T>(value: Option<&Sp<T>>) -> Option<Span> {
    value.map(|v| v.span.clone())
}

/// Bounds beyond 2^53 lose precision as numbers; no questionnaire needs them.
#[allow(clippy::cast_precision_loss)]
fn int_to_f64(i: i64) -> f64 {
    i as f64
}

fn expr(source: &Sp<String>) -> Expr {
    Expr {
        source: source.value.clone(),
        ast: None,
    }
}

/// Why a question cannot identify a reply's respondent, in words.
fn respondent_faults(question: &Question, conditional: bool) -> String {
    let mut faults = Vec::new();
    if !matches!(question.kind, QuestionType::Country | QuestionType::Text) {
        faults.push(format!("type `{}`", question.kind.name()));
    }
    if !question.required {
        faults.push("not required".to_string());
    }
    if conditional {
        faults.push("asked only under a `when`".to_string());
    }
    faults.join(", ")
}

/// Whether `tag` is a well-formed BCP 47 language tag as canvass takes them: a primary
/// language of two or three letters, then subtags of letters and digits, joined by hyphens,
/// that `unic-langid` reads. It becomes a page's `lang` attribute and a template's heading,
/// so nothing else may pass.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && tag.parse::<unic_langid::LanguageIdentifier>().is_ok()
}

/// What is wrong with `value` as the key of a row given in advance, if anything.
fn row_key_problem(key: &Question, value: &str) -> Option<String> {
    match key.kind {
        QuestionType::Year | QuestionType::Integer => {
            let Ok(n) = value.parse::<i64>() else {
                return Some(format!("is not a whole number, as `{}` needs", key.id));
            };
            // A row key past an `i32` is outside any range a year or a count of rows has.
            let Ok(n) = i32::try_from(n).map(f64::from) else {
                return Some(format!("is outside the range of `{}`", key.id));
            };
            let inside = |b: &Option<crate::questionnaire::model::Bound>, above: bool| {
                b.as_ref()
                    .and_then(crate::questionnaire::model::Bound::number)
                    .is_none_or(|b| if above { n >= b } else { n <= b })
            };
            (!(inside(&key.min, true) && inside(&key.max, false)))
                .then(|| format!("is outside the range of `{}`", key.id))
        }
        QuestionType::Choice => key
            .option(value)
            .is_none()
            .then(|| format!("is not an option of `{}`", key.id)),
        QuestionType::Country => (!crate::values::country::is_country_code(value))
            .then(|| "is not an ISO 3166-1 alpha-3 country code".to_string()),
        QuestionType::Date => (!crate::values::dates::is_iso_date(value))
            .then(|| "is not a date written YYYY-MM-DD".to_string()),
        QuestionType::Text => None,
        _ => Some(format!(
            "cannot name a row: the key `{}` is a {}",
            key.id,
            key.kind.name()
        )),
    }
}

/// A code written as a number that is also a possible answer (88 to a question on ages from
/// 0 to 120): a reply of 88 is read as the code, which the author should know. A warning at
/// the question's `codes`.
pub(super) fn code_numbers_in_range(
    def: &QuestionnaireDef,
    model: &Questionnaire,
    lints: &mut Lints<'_>,
) {
    for r in model.question_refs() {
        let question = model.question(r);
        let numeric = matches!(
            question.kind,
            QuestionType::Integer | QuestionType::Number | QuestionType::Year
        );
        if !numeric {
            continue;
        }
        for (number, i) in &question.code_numbers {
            let Ok(n) = f64::try_from(*number) else {
                continue;
            };
            let above = question
                .min
                .as_ref()
                .and_then(Bound::number)
                .is_none_or(|m| n >= m);
            let below = question
                .max
                .as_ref()
                .and_then(Bound::number)
                .is_none_or(|m| n <= m);
            if !(above && below) {
                continue;
            }
            let Some(at) = def
                .question_at(r.section, r.question, r.column)
                .codes
                .as_ref()
            else {
                continue;
            };
            lints
                .warning(
                    Code::InvalidSetting,
                    format!(
                        "code `{}` is written {number}, which is also a possible answer to `{}`: a reply of {number} is read as the code",
                        question.codes[*i],
                        model.path(r)
                    ),
                    at.span.clone(),
                )
                .help_("set `min` and `max` so that the code's number is outside them, or give the code another number");
        }
    }
}
