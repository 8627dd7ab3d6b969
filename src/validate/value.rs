//! Checks of one answer against its question's type and settings: kind of value, options,
//! ranges, lengths, formats, list and table bounds, exclusive options, table keys. Each
//! fault is one finding; a valid answer allocates nothing.

use std::collections::HashSet;

use super::describe;
use super::own::{self, DateProblem};
use super::walk::{Site, Walk, say};
use crate::eval::asked::cell_asked;
use crate::eval::{Answer, Truth, classify};
use crate::findings::visible::echo;
use crate::findings::words::{Args, Said, Text, phrase};
use crate::findings::{Anchor, Code, Finding, Location, Related};
use crate::questionnaire::model::{Question, QuestionRef, QuestionType, TextFormat};
use crate::values::number::{self, Decimal};
use crate::values::view::{Kind, ReplyValue};

/// Most findings reported about the items of one list.
const MAX_ITEM_FINDINGS: usize = 10;

impl<'a, V: ReplyValue<'a>> Walk<'a, V> {
    /// One finding about the answer itself, worded by `id` with `args`.
    fn flag(&mut self, site: Site<'_>, code: Code, id: &'static str, args: Args) {
        let said = say(id, args);
        let f = self.finding(site, code, said, Anchor::Value(site.pointer()));
        self.findings.push(f);
    }

    /// Check a non-blank, non-code answer. Returns whether it was valid.
    pub(super) fn check_value(&mut self, site: Site<'_>, value: V) -> bool {
        let before = self.findings.len();
        let question = site.question;
        // A code of the questionnaire this question does not take: the respondent meant a
        // code, so "expected a whole number" would miss the point (text takes any string).
        if let Kind::String(s) = value.kind()
            && !matches!(question.kind, QuestionType::Text | QuestionType::Choice)
            && self.q.code(s).is_some()
        {
            let said = Self::code_not_accepted(site, s);
            let f = self.finding(
                site,
                Code::InvalidOption,
                said,
                Anchor::Value(site.pointer()),
            );
            self.findings.push(f);
            return false;
        }
        match (question.kind, value.kind()) {
            (QuestionType::YesNo, Kind::Bool(_)) => {}
            (QuestionType::Choice, Kind::String(s)) => self.check_option(site, s, None),
            (QuestionType::MultiChoice, Kind::Array) => self.check_multi(site, value),
            (QuestionType::Text, Kind::String(s)) => self.check_text(site, s),
            (QuestionType::Integer | QuestionType::Year | QuestionType::Number, Kind::Number) => {
                // Judged exactly as written, never through a rounded f64.
                match value.as_decimal() {
                    None => self.too_precise(site, value),
                    Some(x) if question.kind != QuestionType::Number && !x.is_integer() => {
                        self.wrong_type(site, value, "want-integer");
                    }
                    Some(x) => self.check_range(site, x, value),
                }
            }
            (QuestionType::Date, Kind::String(s)) => self.check_date(site, s),
            (QuestionType::Time, Kind::String(s)) => {
                if !crate::values::dates::is_time(s) {
                    let args = Args::new().text("value", echo(s));
                    self.flag(site, Code::InvalidFormat, "not-a-time", args);
                }
            }
            (QuestionType::Country, Kind::String(s)) => {
                if !crate::values::country::is_country_code(s) {
                    let upper = s.to_ascii_uppercase();
                    let args = Args::new().text("value", echo(s));
                    if crate::values::country::is_country_code(&upper) {
                        let args = args.text("near", upper);
                        self.flag(site, Code::InvalidFormat, "not-a-country-near", args);
                    } else {
                        self.flag(site, Code::InvalidFormat, "not-a-country", args);
                    }
                }
            }
            (QuestionType::Table, Kind::Array) => self.check_table(site, value),
            (kind, _) => {
                let want = match kind {
                    QuestionType::YesNo => "want-yes-no",
                    QuestionType::Choice => "want-choice",
                    QuestionType::MultiChoice => "want-multi",
                    QuestionType::Text => "want-text",
                    QuestionType::Integer => "want-integer",
                    QuestionType::Number => "want-number",
                    QuestionType::Date => "want-date",
                    QuestionType::Time => "want-time",
                    QuestionType::Year => "want-year",
                    QuestionType::Country => "want-country",
                    QuestionType::Table => "want-table",
                };
                self.wrong_type(site, value, want);
            }
        }
        self.findings.len() == before
    }

    /// `want` is the id of the words for the kind of answer expected.
    fn wrong_type(&mut self, site: Site<'_>, value: V, want: &'static str) {
        let args = Args::new()
            .text("want", phrase(want, &Args::new()))
            .text("value", describe::value(value));
        // A number written as text ("1 234", "1,234.5", "12,5"), as spreadsheets and forms
        // keep it: the help says how to write it.
        let numeric = matches!(
            site.question.kind,
            QuestionType::Integer | QuestionType::Number | QuestionType::Year
        );
        if numeric
            && let Kind::String(text) = value.kind()
            && let Some(number) = number_in_text(text)
        {
            let args = args.text("number", number);
            return self.flag(site, Code::InvalidType, "wrong-type-number-as-text", args);
        }
        self.flag(site, Code::InvalidType, "wrong-type", args);
    }

    fn check_option(&mut self, site: Site<'_>, chosen: &str, index: Option<usize>) {
        if let Some(f) = self.option_finding(site, chosen, index) {
            self.findings.push(f);
        }
    }

    fn option_finding(
        &self,
        site: Site<'_>,
        chosen: &str,
        index: Option<usize>,
    ) -> Option<Finding> {
        let question = site.question;
        if question.option(chosen).is_some() {
            return None;
        }
        let values: Vec<&str> = question.options.iter().map(|o| o.value.as_str()).collect();
        let pointer = match index {
            Some(i) => format!("{}/{i}", site.pointer()),
            None => site.pointer(),
        };
        let args = Args::new().text("value", echo(chosen));
        let said = if self.q.code(chosen).is_some() {
            Self::code_not_accepted(site, chosen)
        } else if let Some(near) = crate::questionnaire::settings::closest(chosen, &values) {
            say("not-an-option-near", args.text("near", near))
        } else {
            say("not-an-option", args)
        };
        Some(self.finding(site, Code::InvalidOption, said, Anchor::Value(pointer)))
    }

    /// A code the questionnaire declares, given to a question that does not take it.
    fn code_not_accepted(site: Site<'_>, code: &str) -> Said {
        let question = site.question;
        let number = super::walk::question_label(question);
        let args = Args::new().text("value", code).text("number", number);
        if question.codes.is_empty() {
            return say("code-not-accepted-none", args);
        }
        let codes: Vec<Text> = question
            .codes
            .iter()
            .map(|c| Text::Plain(format!("\"{c}\"")))
            .collect();
        let codes = super::describe::or_list(codes);
        say("code-not-accepted", args.text("codes", codes))
    }

    /// A multi-choice answer. Each distinct problem is reported once, and at most
    /// [`MAX_ITEM_FINDINGS`] per list: a list of a million copies of one wrong value is one
    /// fault, not a million. Repeats are found with a set, in linear time.
    fn check_multi(&mut self, site: Site<'_>, list: V) {
        let question = site.question;
        let Some(items) = list.items() else { return };
        let mut seen = Strings::default();
        let mut reported = Strings::default();
        let mut found: Vec<Finding> = Vec::new();
        let mut more = 0usize;
        for (i, item) in items.clone().enumerate() {
            let finding = match item.kind() {
                Kind::String(s) if !seen.insert(s) => reported.insert(s).then(|| {
                    self.finding(
                        site,
                        Code::InvalidOption,
                        say("chosen-twice", Args::new().text("value", echo(s))),
                        Anchor::Value(format!("{}/{i}", site.pointer())),
                    )
                }),
                Kind::String(s) => self.option_finding(site, s, Some(i)),
                _ => Some(self.finding(
                    site,
                    Code::InvalidType,
                    say(
                        "choice-not-text",
                        Args::new().text("value", describe::value(item)),
                    ),
                    Anchor::Value(format!("{}/{i}", site.pointer())),
                )),
            };
            match finding {
                Some(f) if found.len() < MAX_ITEM_FINDINGS => found.push(f),
                Some(_) => more += 1,
                None => {}
            }
        }
        if more > 0
            && let Some(last) = found.last_mut()
        {
            last.message = say(
                "more-in-list",
                Args::new()
                    .text("message", std::mem::take(&mut last.message))
                    .count("more", more),
            )
            .message;
        }
        self.findings.extend(found);
        let count = items.len() as u64;
        self.check_count(
            site,
            count,
            question.min_choices,
            question.max_choices,
            ("too-few-choices", "too-many-choices"),
        );
        if count > 1
            && let Some((i, option)) = items.enumerate().find_map(|(i, item)| {
                let option = question.option(item.as_str()?)?;
                option.exclusive.then_some((i, option))
            })
        {
            let f = self.finding(
                site,
                Code::ExclusiveOption,
                say(
                    "exclusive-option",
                    Args::new().text("option", option.value.clone()),
                ),
                Anchor::Value(format!("{}/{i}", site.pointer())),
            );
            self.findings.push(f);
        }
    }

    fn check_count(
        &mut self,
        site: Site<'_>,
        count: u64,
        min: Option<u64>,
        max: Option<u64>,
        (too_few, too_many): (&'static str, &'static str),
    ) {
        let count_args =
            || Args::new().count("count", usize::try_from(count).unwrap_or(usize::MAX));
        if let Some(min) = min
            && count < min
        {
            let args = count_args().text("min", min.to_string());
            self.flag(site, Code::TooFew, too_few, args);
        }
        if let Some(max) = max
            && count > max
        {
            let args = count_args().text("max", max.to_string());
            self.flag(site, Code::TooMany, too_many, args);
        }
    }

    fn check_text(&mut self, site: Site<'_>, s: &str) {
        let question = site.question;
        if let Some(c) = crate::values::text::control_character(s) {
            let args = Args::new().text("character", format!("U+{:04X}", u32::from(c)));
            self.flag(site, Code::InvalidFormat, "control-character", args);
            return;
        }
        let length = || s.chars().count() as u64;
        if let Some(max) = question.max_length
            && length() > max
        {
            let args = Args::new()
                .text("length", length().to_string())
                .text("max", max.to_string());
            self.flag(site, Code::OutOfRange, "too-long", args);
            return;
        }
        if let Some(min) = question.min_length
            && length() < min
        {
            let args = Args::new()
                .text("length", length().to_string())
                .text("min", min.to_string());
            self.flag(site, Code::OutOfRange, "too-short", args);
            return;
        }
        if let Some(regex) = &question.regex
            && !regex.is_match(s)
        {
            self.flag(site, Code::InvalidFormat, "no-pattern-match", Args::new());
            return;
        }
        if question.format == Some(TextFormat::Email) && !crate::values::text::is_email(s) {
            let args = Args::new().text("value", echo(s));
            self.flag(site, Code::InvalidFormat, "not-an-email", args);
        }
    }

    /// A number canvass cannot hold exactly: refused where it is written, never rounded
    /// into a verdict.
    fn too_precise(&mut self, site: Site<'_>, value: V) {
        let n = value.number_text().unwrap_or_default();
        let digits = number::significant_digits(&n);
        let args = Args::new()
            .text("value", echo(&n))
            .text("most", number::EXACT_DIGITS.to_string());
        if digits > number::EXACT_DIGITS {
            let args = args.text("digits", digits.to_string());
            self.flag(site, Code::OutOfRange, "too-many-digits", args);
        } else {
            self.flag(site, Code::OutOfRange, "too-large-to-judge", args);
        }
    }

    fn check_range(&mut self, site: Site<'_>, x: Decimal, value: V) {
        let question = site.question;
        // Exact bounds, settled once by the validator.
        let (min, max) = question.exact_bounds;
        let below = min.filter(|&min| x < min);
        let above = max.filter(|&max| x > max);
        if below.is_none() && above.is_none() {
            // In range: nothing to say, so no words are made.
            return;
        }
        let unit = question
            .unit
            .as_ref()
            .map(|u| Text::from(" ").then(Text::given(&u.0, self.q.source_language())))
            .unwrap_or_default();
        let args = Args::new()
            .text(
                "value",
                value.number_text().unwrap_or_default().into_owned(),
            )
            .text("unit", unit);
        match (below, above) {
            (Some(min), _) => {
                let args = args.text("min", min.to_string());
                self.flag(site, Code::OutOfRange, "below-minimum", args);
            }
            (_, Some(max)) => {
                let args = args.text("max", max.to_string());
                self.flag(site, Code::OutOfRange, "above-maximum", args);
            }
            _ => {}
        }
    }

    fn check_date(&mut self, site: Site<'_>, s: &str) {
        use crate::values::dates::DateFault;
        let args = Args::new().text("value", echo(s));
        match own::date_problem(site.question, s) {
            None => {}
            Some(DateProblem::Form(DateFault::Form)) => {
                self.flag(site, Code::InvalidFormat, "date-form", args);
            }
            Some(DateProblem::Form(DateFault::Month(month))) => {
                let args = args.text("month", month.to_string());
                self.flag(site, Code::InvalidFormat, "date-no-month", args);
            }
            Some(DateProblem::Form(DateFault::Day { days })) => {
                let args = args.text("days", days.to_string());
                self.flag(site, Code::InvalidFormat, "date-no-day", args);
            }
            Some(DateProblem::Range(id, args)) => self.flag(site, Code::OutOfRange, id, args),
        }
    }

    fn check_table(&mut self, site: Site<'_>, list: V) {
        let table = site.question;
        let Some(rows) = list.items() else { return };
        if own::rows_over_limit(rows.len(), &self.limits) {
            let said = say(
                "rows-over-limit",
                Args::new()
                    .text("count", rows.len().to_string())
                    .text("limit", self.limits.max_rows.to_string()),
            );
            let f = self.finding(site, Code::TooMany, said, Anchor::Value(site.pointer()));
            self.findings.push(f);
            return;
        }
        self.check_count(
            site,
            rows.len() as u64,
            table.min_rows,
            table.max_rows,
            ("too-few-rows", "too-many-rows"),
        );
        let mut keys = own::RowKeys::new(table);
        for (r, row) in rows.clone().enumerate() {
            if self.full() {
                break;
            }
            if row.kind() != Kind::Object {
                let said = say(
                    "row-not-a-table",
                    Args::new()
                        .text("row", self.row_name(site.section, site.question, r))
                        .text("value", describe::value(row)),
                );
                let f = self.finding(
                    site,
                    Code::InvalidType,
                    said,
                    Anchor::Value(format!("{}/{r}", site.pointer())),
                );
                self.findings.push(f);
                continue;
            }
            self.check_row(site, r, row);
            if let Some((first, value)) = keys.repeat(r, row) {
                self.duplicate_row(site, r, first, value);
            }
        }
        self.rows_in_advance(site, list);
    }

    /// A table that gives its rows in advance: each one left out is missing, at the table;
    /// a row whose key is not among them is an invalid option, at its key.
    fn rows_in_advance(&mut self, site: Site<'_>, list: V) {
        let table = site.question;
        let Some(rows) = list.items() else { return };
        let (missing, extra) = own::rows_in_advance(table, rows.clone());
        let Some(key) = table.key.as_deref().and_then(|k| table.column(k)) else {
            return;
        };
        let listed = table.rows.join(", ");
        for value in missing {
            let src = self.q.source_language();
            let named = key.option(value).map_or_else(
                || Text::Plain(value.to_string()),
                |o| Text::given(&o.label.0, src),
            );
            let row = say("row-key", Args::new().text("key", named)).message;
            let args = Args::new()
                .text("row", row)
                .text("rows", listed.clone())
                .text("column", key.id.clone())
                .text("key", value.to_string());
            self.flag(site, Code::MissingAnswer, "row-missing", args);
        }
        for r in extra {
            let cell_site = Site {
                section: site.section,
                question: key,
                table: Some((table, r)),
            };
            let pointer = cell_site.pointer();
            if self
                .findings
                .iter()
                .any(|f| f.at.pointer.as_deref() == Some(&pointer))
            {
                continue;
            }
            let value = match rows.clone().nth(r).and_then(|row| row.get(&key.id)) {
                Some(cell) => match cell.kind() {
                    Kind::String(s) => format!("\"{}\"", echo(s)),
                    _ => cell.json_text(),
                },
                None => String::new(),
            };
            let args = Args::new()
                .text("value", value)
                .text("rows", listed.clone());
            self.flag(cell_site, Code::InvalidOption, "row-not-given", args);
        }
    }

    /// The cells of one row: unknown columns, each cell's value, then whether each column
    /// is asked in this row (its `when`, read in the row) — missing, not applicable, or
    /// computed and not to be answered.
    fn check_row(&mut self, site: Site<'_>, r: usize, row: V) {
        if row.kind() != Kind::Object {
            return;
        }
        let misspelt = self.unknown_cells(site, r, row);
        self.cells(site, r, row, &misspelt);
    }

    /// Keys of a row that name no column, each reported with the closest column. Returns
    /// the columns they were taken for: the misspelling is the one fault, so their missing
    /// cell is not reported again.
    fn unknown_cells<'t>(&mut self, site: Site<'t>, r: usize, cells: V) -> Vec<&'t str> {
        let table = site.question;
        let row_pointer = || format!("{}/{r}", site.pointer());
        let mut misspelt: Vec<&str> = Vec::new();
        // A column's "please specify" text is not a column, but it belongs in the row.
        for key in cells
            .members()
            .into_iter()
            .flatten()
            .map(|(key, _)| key)
            .filter(|k| table.column(k).is_none() && !Question::is_specify_among(&table.columns, k))
        {
            if self.full() {
                break;
            }
            let ids: Vec<&str> = table.columns.iter().map(|c| c.id.as_str()).collect();
            let ids_args = Args::new().text("ids", ids.join(", "));
            let help = match crate::questionnaire::settings::closest(key, &ids) {
                Some(near) => {
                    misspelt.push(near);
                    say("help-columns-near", ids_args.text("near", near))
                }
                None => say("help-columns-are", ids_args),
            };
            let said = say(
                "unknown-column",
                Args::new()
                    .text("row", self.row_name(site.section, site.question, r))
                    .text("key", echo(key)),
            );
            let pointer = format!("{}/{}", row_pointer(), crate::reply::escape_pointer(key));
            let mut f = self.finding(
                site,
                Code::UnknownQuestion,
                said,
                Location::answer(pointer.clone(), Anchor::Key(pointer)),
            );
            f.help = Some(help.message);
            f.question = Some(format!(
                "{}.{}[{}].{}",
                site.section,
                table.id,
                r + 1,
                echo(key)
            ));
            self.findings.push(f);
        }
        misspelt
    }

    /// Each column of one row: its value, then whether it is asked in this row.
    fn cells(&mut self, site: Site<'_>, r: usize, row: V, misspelt: &[&str]) {
        let table = site.question;
        if row.kind() != Kind::Object {
            return;
        }
        let cells = row;
        // Values first, each cell's findings kept apart: a column's `when` that reads a
        // broken cell of this row is undetermined, and says nothing more.
        let mut own: Vec<Vec<Finding>> = Vec::with_capacity(table.columns.len());
        for column in &table.columns {
            let cell_site = Site {
                section: site.section,
                question: column,
                table: Some((table, r)),
            };
            let mut found = Vec::new();
            if column.compute.is_none()
                && let Answer::Value(v) = classify(column, cells.get(&column.id))
            {
                std::mem::swap(&mut found, &mut self.findings);
                self.check_value(cell_site, v);
                std::mem::swap(&mut found, &mut self.findings);
            }
            own.push(found);
        }
        let _row = self.answers.enter_row(Some(row));
        for (c, column) in table.columns.iter().enumerate() {
            let cell_site = Site {
                section: site.section,
                question: column,
                table: Some((table, r)),
            };
            let answer = classify(column, cells.get(&column.id));
            if column.compute.is_some() {
                if !matches!(answer, Answer::Blank) {
                    self.computed_answered(cell_site);
                }
                continue;
            }
            let Some(when) = &column.when else {
                if matches!(answer, Answer::Blank)
                    && column.required
                    && !misspelt.contains(&column.id.as_str())
                {
                    self.missing_cell(cell_site, r, &[]);
                }
                self.findings.append(&mut own[c]);
                continue;
            };
            let reads_broken = self
                .q
                .answers_behind(&when.ast().reads())
                .iter()
                .any(|read| {
                    let in_this_table = self.q.sections[read.section].id == site.section
                        && self.q.sections[read.section].questions[read.question].id == table.id;
                    in_this_table && read.column.is_some_and(|rc| !own[rc].is_empty())
                });
            if reads_broken {
                self.findings.append(&mut own[c]);
                continue;
            }
            let reads = when.ast().references();
            match (cell_asked(self.q, column, &self.answers), answer) {
                (Truth::True, Answer::Blank) if column.required => {
                    if !misspelt.contains(&column.id.as_str()) {
                        self.missing_cell(cell_site, r, &reads);
                    }
                }
                (Truth::True, _) | (_, Answer::Blank) => self.findings.append(&mut own[c]),
                (Truth::False | Truth::Unknown, _) => {
                    self.cell_not_applicable(cell_site, r, &reads);
                }
            }
        }
        for column in table.columns.iter().filter(|c| c.specify_id().is_some()) {
            let cell_site = Site {
                section: site.section,
                question: column,
                table: Some((table, r)),
            };
            let answer = classify(column, cells.get(&column.id));
            self.specify(cell_site, Some(cells), answer, true, Some(r));
        }
    }

    /// A required cell left blank in a row (required by its column's `when`, when `reads`
    /// are what that `when` read).
    fn missing_cell(&mut self, cell_site: Site<'_>, r: usize, reads: &[QuestionRef]) {
        let column = cell_site.question;
        let row_pointer = cell_site.row_pointer();
        let mut args = Args::new()
            .text("row", self.site_row_name(cell_site, r))
            .text("column", column.id.clone());
        let id = match &column.when {
            Some(when) if !reads.is_empty() => {
                args = args.text("condition", when.source.clone());
                "missing-cell-because"
            }
            _ => "missing-cell",
        };
        let said = say(id, args);
        let mut f = self.finding(
            cell_site,
            Code::MissingAnswer,
            said,
            Anchor::Container(row_pointer),
        );
        self.relate_in_row(&mut f, reads, r, "why-required");
        self.findings.push(f);
    }

    /// A cell answered in a row where its column's `when` does not hold.
    fn cell_not_applicable(&mut self, cell_site: Site<'_>, r: usize, reads: &[QuestionRef]) {
        let column = cell_site.question;
        let condition = column
            .when
            .as_ref()
            .map(|w| w.source.clone())
            .unwrap_or_default();
        let said = say(
            "cell-not-applicable",
            Args::new()
                .text("row", self.site_row_name(cell_site, r))
                .text("column", column.id.clone())
                .text("condition", condition),
        );
        let mut f = self.finding(
            cell_site,
            Code::NotApplicable,
            said,
            Anchor::Value(cell_site.pointer()),
        );
        self.relate_in_row(&mut f, reads, r, "why-not-applicable");
        self.findings.push(f);
    }

    /// An answer given to a computed value (a question, or a cell).
    pub(super) fn computed_answered(&mut self, site: Site<'_>) {
        let question = site.question;
        let compute = question
            .compute
            .as_ref()
            .map(|c| c.source.clone())
            .unwrap_or_default();
        let said = say(
            "computed-answered",
            Args::new()
                .text("id", question.id.clone())
                .text("compute", compute),
        );
        let f = self.finding(
            site,
            Code::NotApplicable,
            said,
            Anchor::Value(site.pointer()),
        );
        self.findings.push(f);
    }

    /// Each answer a row's condition read, once, as a related place.
    fn relate_in_row(&self, finding: &mut Finding, reads: &[QuestionRef], r: usize, why: &str) {
        let mut seen = Vec::new();
        for read in reads {
            if !seen.contains(read) {
                seen.push(*read);
                finding
                    .related
                    .push(self.related_in_row(*read, Some(r), why));
            }
        }
    }

    /// Row `r` repeats the key value of row `first`.
    fn duplicate_row(&mut self, site: Site<'_>, r: usize, first: usize, value: V) {
        let table = site.question;
        let Some(key) = &table.key else { return };
        let Some(column) = table.column(key) else {
            return;
        };
        let cell_site = Site {
            section: site.section,
            question: column,
            table: Some((table, r)),
        };
        let first_pointer = format!("{}/{first}/{key}", site.pointer());
        let args = Args::new()
            .text("first", (first + 1).to_string())
            .text("row", (r + 1).to_string())
            .text("key", key.clone())
            .text("value", crate::eval::display(value));
        let said = say("duplicate-row", args);
        let mut f = self.finding(
            cell_site,
            Code::DuplicateRow,
            said,
            Anchor::Value(cell_site.pointer()),
        );
        f.related.push(Related {
            question: Some(format!(
                "{}.{}[{}].{key}",
                site.section,
                table.id,
                first + 1
            )),
            at: Location::answer(first_pointer.clone(), Anchor::Value(first_pointer)),
            message: say(
                "duplicate-row-first",
                Args::new().text("first", (first + 1).to_string()),
            )
            .message,
        });
        self.findings.push(f);
    }
}

/// A set of texts: searched one by one while it is small (the choices of one answer), and
/// hashed once it is not, so that a hostile list of a million items is still read in
/// linear time.
#[derive(Default)]
struct Strings<'s> {
    few: Vec<&'s str>,
    many: HashSet<&'s str>,
}

impl<'s> Strings<'s> {
    /// Most texts searched one by one.
    const FEW: usize = 16;

    /// Add `text`; whether it was not there yet.
    fn insert(&mut self, text: &'s str) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&text) {
                return false;
            }
            if self.few.len() < Self::FEW {
                self.few.push(text);
                return true;
            }
            self.many.extend(self.few.drain(..));
        }
        self.many.insert(text)
    }
}

/// The number a text holds (`"2008"`, and with group separators or a decimal comma,
/// `"1 234"`, `"1,234.5"`, `"12,5"`), as it would be written as a number; `None` for any
/// other text.
fn number_in_text(text: &str) -> Option<String> {
    let kept: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’'))
        .collect();
    let (sign, digits) = kept
        .strip_prefix('-')
        .map_or(("", kept.as_str()), |d| ("-", d));
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let written = match (groups.as_slice(), fraction) {
        // Digits only, once the spaces are gone: `1 234`.
        ([w], f) if plain(w) && f.is_none_or(plain) => match f {
            Some(f) => format!("{sign}{w}.{f}"),
            None => format!("{sign}{w}"),
        },
        // One comma and no point: a decimal comma.
        ([w, f], None) if plain(w) && plain(f) && f.len() != 3 => format!("{sign}{w}.{f}"),
        // Commas between groups of three digits, perhaps a point after.
        ([first, rest @ ..], _)
            if plain(first)
                && first.len() <= 3
                && rest.iter().all(|g| g.len() == 3 && plain(g))
                && fraction.is_none_or(plain) =>
        {
            let whole: String = groups.concat();
            match fraction {
                Some(f) => format!("{sign}{whole}.{f}"),
                None => format!("{sign}{whole}"),
            }
        }
        _ => return None,
    };
    Some(written)
}

#[cfg(test)]
mod tests {
    use super::{Strings, number_in_text};

    /// Small or large, the set says "new" exactly once per distinct text.
    #[test]
    fn a_set_of_texts_knows_a_repeat_before_and_after_it_grows() {
        let texts: Vec<String> = (0..3 * Strings::FEW).map(|i| format!("t{i}")).collect();
        let mut set = Strings::default();
        for (i, text) in texts.iter().enumerate() {
            assert!(set.insert(text), "{text} is new");
            assert!(!set.insert(text), "{text} is a repeat");
            assert!(!set.insert(&texts[i / 2]), "an earlier text is a repeat");
        }
    }

    #[test]
    fn numbers_written_as_text_are_read_for_the_help() {
        for (text, number) in [
            ("1 234", "1234"),
            ("1,234.5", "1234.5"),
            ("12,5", "12.5"),
            ("1\u{a0}234\u{a0}567", "1234567"),
            ("-2'500", "-2500"),
            ("1,234", "1234"),
        ] {
            assert_eq!(number_in_text(text).as_deref(), Some(number), "{text}");
        }
        assert_eq!(number_in_text("2008").as_deref(), Some("2008"));
        for text in ["abc", "1,23,4", "", "1.2.3", "n/a", ",5", "-"] {
            assert_eq!(number_in_text(text), None, "{text}");
        }
    }
}
