//! The questionnaire as a workbook a respondent fills in (`template --format xlsx`): a cover
//! sheet, one sheet per section (number, question, the answer cell, unit, the condition in
//! words), tables as grids, lists offered where a question has options or codes, only the
//! answer cells unlocked and the sheets protected.
//!
//! Every answer cell has a defined name (`values::workbook`), so a reader finds it wherever
//! a respondent moved it; a very hidden sheet says which questionnaire, version and
//! language the workbook is, with a fingerprint of its layout. Written with
//! `rust_xlsxwriter`; it reads nothing.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatBorder,
    Formula, Workbook, Worksheet, XlsxError,
};

use serde_json::Value;

use super::conditions;
use crate::findings::words::{Args, is_rtl, phrase_in};
use crate::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};
use crate::values::workbook::{
    LISTS_SHEET, META_SHEET, QUESTIONNAIRE_NAME, VERSION_NAME, absolute, absolute_range,
    answer_name, explanation_name, option_name, sheet_name, table_name,
};

/// Rows a table without rows given in advance or `max_rows` offers.
const DEFAULT_ROWS: u32 = 20;
/// The most blank rows a table offers, whatever its `max_rows`.
const MOST_ROWS: u32 = 500;

/// The workbook, as the bytes of an `.xlsx` file; `prefill` (a reply) written into its
/// cells, as last cycle's figures are sent back to be checked.
pub fn xlsx(
    q: &Questionnaire,
    lang: &str,
    respondent: Option<&str>,
    prefill: Option<&Value>,
) -> Result<Vec<u8>, String> {
    build(q, lang, respondent, prefill).map_err(|e| format!("cannot write the workbook: {e}"))
}

struct Formats {
    title: Format,
    header: Format,
    wrap: Format,
    answer: Format,
    /// An answer kept as typed: a text, a time of day (`09:30`, never turned into a number).
    answer_text: Format,
    answer_date: Format,
    given: Format,
    note: Format,
}

fn formats() -> Formats {
    Formats {
        title: Format::new().set_bold().set_font_size(14).set_text_wrap(),
        header: Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin),
        wrap: Format::new().set_text_wrap(),
        answer: answer(),
        answer_text: answer().set_num_format("@"),
        answer_date: answer().set_num_format("yyyy-mm-dd"),
        given: Format::new()
            .set_background_color(Color::RGB(0x00E7_E6E6))
            .set_border(FormatBorder::Thin),
        note: Format::new().set_italic().set_text_wrap(),
    }
}

fn answer() -> Format {
    Format::new()
        .set_unlocked()
        .set_background_color(Color::RGB(0x00FF_F2CC))
        .set_border(FormatBorder::Thin)
}

/// The lists cells offer, written one per column of the hidden lists sheet.
impl Formats {
    /// An answer cell's format: text and times kept as typed, dates shown as dates.
    fn for_answer(&self, x: &Question) -> &Format {
        match x.kind {
            QuestionType::Text | QuestionType::Time => &self.answer_text,
            QuestionType::Date => &self.answer_date,
            _ => &self.answer,
        }
    }
}

struct Lists {
    columns: Vec<Vec<String>>,
}

impl Lists {
    /// A list of `items`, as the formula a validation refers to.
    fn add(&mut self, items: Vec<String>) -> Formula {
        let col = u16::try_from(self.columns.len()).unwrap_or(u16::MAX);
        let rows = u32::try_from(items.len().max(1)).unwrap_or(u32::MAX);
        self.columns.push(items);
        let range = absolute_range(LISTS_SHEET, (0, col), (rows - 1, col));
        Formula::new(format!("={range}"))
    }
}

fn build(
    q: &Questionnaire,
    lang: &str,
    respondent: Option<&str>,
    prefill: Option<&Value>,
) -> Result<Vec<u8>, XlsxError> {
    let src = q.source_language();
    let f = formats();
    let mut book = Workbook::new();
    let mut names: Vec<(String, String)> = Vec::new();
    let mut lists = Lists {
        columns: Vec::new(),
    };
    let mut taken: Vec<String> = Vec::new();

    write_cover(&mut book, q, lang, respondent, &f, &mut taken)?;
    // The cover's cells showing the questionnaire and its version: where a finding about
    // them points.
    names.push((QUESTIONNAIRE_NAME.into(), absolute(&taken[0], 5, 1)));
    names.push((VERSION_NAME.into(), absolute(&taken[0], 6, 1)));

    for section in &q.sections {
        let title = section.title.get(lang, src);
        let wanted = match &section.number {
            Some(n) => format!("{n}. {title}"),
            None => title.to_string(),
        };
        let name = sheet_name(&wanted, &taken);
        taken.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        sheet.set_right_to_left(is_rtl(lang));
        let mut writer = SectionWriter {
            q,
            lang,
            sheet,
            name: &name,
            section: &section.id,
            f: &f,
            lists: &mut lists,
            names: &mut names,
            row: 0,
            answers: prefill.and_then(|r| r.get(&section.id)),
        };
        writer.write_section(&section.questions)?;
        // Printed as it is read: landscape, one page wide, the header row on every page.
        writer.sheet.set_landscape();
        writer.sheet.set_print_fit_to_pages(1, 0);
        writer.sheet.set_repeat_rows(0, 0)?;
        writer.sheet.set_freeze_panes(1, 0)?;
        writer.sheet.protect();
    }

    write_explanations(&mut book, q, lang, prefill, &f, &mut taken, &mut names)?;

    let list_sheet = book.add_worksheet();
    list_sheet.set_name(LISTS_SHEET)?;
    for (c, items) in lists.columns.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        for (r, item) in items.iter().enumerate() {
            list_sheet.write_string(u32::try_from(r).unwrap_or(u32::MAX), col, item)?;
        }
    }
    list_sheet.set_hidden(true);
    list_sheet.protect();

    // The layout's fingerprint: every name and where it is, in order.
    let layout = names.iter().fold(String::new(), |mut out, (n, at)| {
        out.push_str(n);
        out.push('=');
        out.push_str(at);
        out.push('\n');
        out
    });
    let fingerprint = crate::batch::fingerprint::Fingerprint::of(layout.as_bytes()).sha256;
    let meta = book.add_worksheet();
    meta.set_name(META_SHEET)?;
    for (r, (key, value)) in [
        ("questionnaire", q.id.as_str()),
        ("version", q.version.as_str()),
        ("language", lang),
        ("layout", fingerprint.as_str()),
        ("respondent", respondent.unwrap_or("")),
    ]
    .iter()
    .enumerate()
    {
        let row = u32::try_from(r).unwrap_or(u32::MAX);
        meta.write_string(row, 0, *key)?;
        meta.write_string(row, 1, *value)?;
    }
    meta.set_very_hidden(true);
    meta.protect();

    for (name, at) in &names {
        book.define_name(name, at)?;
    }
    book.save_to_buffer()
}

/// The cover: title, instructions, how to return the file, which questionnaire, version
/// and language it is, and the respondent it is for.
fn write_cover(
    book: &mut Workbook,
    q: &Questionnaire,
    lang: &str,
    respondent: Option<&str>,
    f: &Formats,
    taken: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let word = |id: &str| phrase_in(lang, id, &Args::new());
    let src = q.source_language();
    let cover_name = sheet_name(&word("workbook-cover"), taken);
    taken.push(cover_name.clone());
    let cover = book.add_worksheet();
    cover.set_name(&cover_name)?;
    cover.set_right_to_left(is_rtl(lang));
    cover.set_column_width(0, 22)?;
    cover.set_column_width(1, 80)?;
    cover.merge_range(0, 0, 0, 1, q.title.get(lang, src), &f.title)?;
    cover.set_row_height(0, 40)?;
    cover.merge_range(2, 0, 2, 1, &word("workbook-instructions"), &f.wrap)?;
    cover.set_row_height(2, 60)?;
    cover.write_string(3, 0, word("workbook-return"))?;
    let facts = [
        ("workbook-questionnaire", q.id.as_str()),
        ("workbook-version", q.version.as_str()),
        ("workbook-language", lang),
    ];
    for (i, (id, value)) in facts.iter().enumerate() {
        let row = 5 + u32::try_from(i).unwrap_or(0);
        cover.write_string_with_format(row, 0, word(id), &f.header)?;
        cover.write_string(row, 1, *value)?;
    }
    if let Some(who) = respondent {
        cover.write_string_with_format(8, 0, word("workbook-respondent"), &f.header)?;
        cover.write_string(8, 1, who)?;
    }
    cover.set_print_fit_to_pages(1, 0);
    cover.protect();

    Ok(())
}

/// The sheet where a respondent explains answers a rule questions: one row per rule that
/// may be explained (a warning, or a rule that asks for an explanation), with what it
/// checks and a cell to write why the answers are right. None when no rule may be.
fn write_explanations(
    book: &mut Workbook,
    q: &Questionnaire,
    lang: &str,
    prefill: Option<&Value>,
    f: &Formats,
    taken: &mut Vec<String>,
    names: &mut Vec<(String, String)>,
) -> Result<(), XlsxError> {
    let rules: Vec<&crate::questionnaire::model::Rule> = q
        .rules
        .iter()
        .filter(|r| r.severity.explainable())
        .collect();
    if rules.is_empty() {
        return Ok(());
    }
    let word = |id: &str| phrase_in(lang, id, &Args::new());
    let name = sheet_name(&word("workbook-explanations"), taken);
    taken.push(name.clone());
    let sheet = book.add_worksheet();
    sheet.set_name(&name)?;
    sheet.set_right_to_left(is_rtl(lang));
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 60)?;
    sheet.merge_range(0, 0, 0, 2, &word("workbook-explanations-intro"), &f.wrap)?;
    sheet.set_row_height(0, 45)?;
    for (col, id) in [
        "workbook-rule",
        "workbook-rule-checks",
        "workbook-explanation",
    ]
    .iter()
    .enumerate()
    {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(1, col, word(id), &f.header)?;
    }
    let given = prefill.and_then(|r| r.get(crate::questionnaire::EXPLANATIONS));
    for (i, rule) in rules.iter().enumerate() {
        let row = 2 + u32::try_from(i).unwrap_or(u32::MAX - 2);
        sheet.write_string(row, 0, &rule.id)?;
        let checks = rule.message.get(lang, q.source_language());
        sheet.write_string_with_format(row, 1, checks, &f.wrap)?;
        match given.and_then(|g| g.get(&rule.id)).and_then(Value::as_str) {
            Some(text) => sheet.write_string_with_format(row, 2, text, &f.answer_text)?,
            None => sheet.write_blank(row, 2, &f.answer_text)?,
        };
        names.push((explanation_name(&rule.id), absolute(&name, row, 2)));
    }
    sheet.set_freeze_panes(2, 0)?;
    sheet.protect();
    Ok(())
}

struct SectionWriter<'a> {
    q: &'a Questionnaire,
    lang: &'a str,
    sheet: &'a mut Worksheet,
    name: &'a str,
    section: &'a str,
    f: &'a Formats,
    lists: &'a mut Lists,
    names: &'a mut Vec<(String, String)>,
    row: u32,
    /// The section's answers to write in, if the workbook is prefilled.
    answers: Option<&'a Value>,
}

/// The columns of a section sheet.
const NUMBER: u16 = 0;
const TEXT: u16 = 1;
const ANSWER: u16 = 2;
const UNIT: u16 = 3;
const WHEN: u16 = 4;

impl SectionWriter<'_> {
    fn word(&self, id: &str) -> String {
        phrase_in(self.lang, id, &Args::new())
    }

    fn text(&self, t: &crate::questionnaire::model::Text) -> String {
        t.get(self.lang, self.q.source_language()).to_string()
    }

    fn name(&mut self, name: String, row: u32, col: u16) {
        self.names.push((name, absolute(self.name, row, col)));
    }

    fn write_section(&mut self, questions: &[Question]) -> Result<(), XlsxError> {
        let widths = [
            (NUMBER, 8),
            (TEXT, 60),
            (ANSWER, 26),
            (UNIT, 12),
            (WHEN, 40),
        ];
        for (col, width) in widths {
            self.sheet.set_column_width(col, width)?;
        }
        for (col, id) in [
            (NUMBER, "workbook-number"),
            (TEXT, "workbook-question"),
            (ANSWER, "workbook-answer"),
            (UNIT, "workbook-unit"),
            (WHEN, "workbook-condition"),
        ] {
            let word = self.word(id);
            self.sheet
                .write_string_with_format(0, col, word, &self.f.header)?;
        }
        self.row = 1;
        for question in questions {
            self.question(question)?;
        }
        Ok(())
    }

    fn question(&mut self, x: &Question) -> Result<(), XlsxError> {
        let row = self.row;
        if let Some(n) = &x.number {
            self.sheet.write_string(row, NUMBER, n)?;
        }
        let text = self.text(&x.text);
        self.sheet
            .write_string_with_format(row, TEXT, text, &self.f.wrap)?;
        if let Some(unit) = &x.unit {
            let unit = self.text(unit);
            self.sheet.write_string(row, UNIT, unit)?;
        }
        if let Some(when) = &x.when {
            let words = when
                .ast
                .as_ref()
                .and_then(|ast| conditions::in_words(ast, self.q, self.lang))
                .unwrap_or_else(|| when.source.clone());
            let said = format!("{}: {words}", self.word("template-only-if"));
            self.sheet
                .write_string_with_format(row, WHEN, said, &self.f.note)?;
        }
        self.row += 1;
        if x.compute.is_some() {
            let said = self.word("template-computed");
            self.sheet
                .write_string_with_format(row, ANSWER, said, &self.f.note)?;
            // Named too, so that a finding on the computed value has a cell to point at.
            self.name(answer_name(self.section, &x.id), row, ANSWER);
            return Ok(());
        }
        match x.kind {
            QuestionType::MultiChoice => self.multi(x, row),
            QuestionType::Table => self.table(x),
            _ => {
                self.answer_cell(x, row, ANSWER)?;
                let given = self.answers.and_then(|a| a.get(&x.id));
                self.fill(x, row, ANSWER, given)?;
                self.name(answer_name(self.section, &x.id), row, ANSWER);
                self.specify(x)
            }
        }
    }

    /// The "please specify" cell under a question that has an option asking for one.
    fn specify(&mut self, x: &Question) -> Result<(), XlsxError> {
        let Some(id) = x.specify_id() else {
            return Ok(());
        };
        let row = self.row;
        let said = format!("    {}", self.word("template-please-specify"));
        self.sheet
            .write_string_with_format(row, TEXT, said, &self.f.note)?;
        self.sheet.write_blank(row, ANSWER, &self.f.answer_text)?;
        if let Some(Value::String(text)) = self.answers.and_then(|a| a.get(&id)) {
            self.sheet
                .write_string_with_format(row, ANSWER, text, &self.f.answer_text)?;
        }
        self.name(answer_name(self.section, &id), row, ANSWER);
        self.row += 1;
        Ok(())
    }

    /// A multi-choice: the question's cell takes a code; a cell per option takes "Yes".
    fn multi(&mut self, x: &Question, row: u32) -> Result<(), XlsxError> {
        let given = self.answers.and_then(|a| a.get(&x.id));
        if !x.codes.is_empty() {
            self.answer_cell_with(row, ANSWER, Some(self.code_labels(x)), x)?;
            if let Some(Value::String(code)) = given {
                self.fill(x, row, ANSWER, Some(&Value::String(code.clone())))?;
            }
            self.name(answer_name(self.section, &x.id), row, ANSWER);
        }
        let yes = self.word("tabulate-yes");
        for option in &x.options {
            let r = self.row;
            let label = format!("    · {}", self.text(&option.label));
            self.sheet
                .write_string_with_format(r, TEXT, label, &self.f.wrap)?;
            self.answer_cell_with(r, ANSWER, Some(vec![yes.clone()]), x)?;
            let chosen = given
                .and_then(Value::as_array)
                .is_some_and(|c| c.iter().any(|v| v.as_str() == Some(option.value.as_str())));
            if chosen {
                self.sheet
                    .write_string_with_format(r, ANSWER, &yes, &self.f.answer)?;
            }
            self.name(option_name(self.section, &x.id, &option.value), r, ANSWER);
            self.row += 1;
        }
        self.specify(x)
    }

    /// A table as a grid from the question column on: a header of column texts, then the
    /// rows given in advance (their key written and locked) or blank rows.
    fn table(&mut self, x: &Question) -> Result<(), XlsxError> {
        let columns: Vec<&Question> = x.columns.iter().filter(|c| c.compute.is_none()).collect();
        let header = self.row;
        for (i, c) in columns.iter().enumerate() {
            let col = TEXT + u16::try_from(i).unwrap_or(u16::MAX);
            let text = self.text(&c.text);
            self.sheet
                .write_string_with_format(header, col, text, &self.f.header)?;
        }
        let given = table_rows(self.answers, x);
        let rows = if x.rows.is_empty() {
            // A prefilled reply's rows are all written, however many the blank grid offers.
            u32::try_from(x.max_rows.unwrap_or(u64::from(DEFAULT_ROWS)))
                .unwrap_or(MOST_ROWS)
                .min(MOST_ROWS)
                .max(u32::try_from(given.len()).unwrap_or(u32::MAX))
        } else {
            u32::try_from(x.rows.len()).unwrap_or(MOST_ROWS)
        };
        let first = header + 1;
        let last = header + rows.max(1);
        for (i, c) in columns.iter().enumerate() {
            let col = TEXT + u16::try_from(i).unwrap_or(u16::MAX);
            let is_key = x.key.as_deref() == Some(c.id.as_str()) && !x.rows.is_empty();
            for r in first..=last {
                if is_key {
                    let key = &x.rows[usize::try_from(r - first).unwrap_or(0)];
                    let shown = match c.kind {
                        QuestionType::Choice => c
                            .option(key)
                            .map_or_else(|| key.clone(), |o| self.text(&o.label)),
                        _ => key.clone(),
                    };
                    match key.parse::<f64>() {
                        Ok(n) if matches!(c.kind, QuestionType::Year | QuestionType::Integer) => {
                            self.sheet
                                .write_number_with_format(r, col, n, &self.f.given)?
                        }
                        _ => self
                            .sheet
                            .write_string_with_format(r, col, shown, &self.f.given)?,
                    };
                } else {
                    self.sheet.write_blank(r, col, self.f.for_answer(c))?;
                    let row = given.get(usize::try_from(r - first).unwrap_or(usize::MAX));
                    let cell = row.and_then(|row| row.and_then(|v| v.get(&c.id)));
                    self.fill(c, r, col, cell)?;
                }
            }
            if !is_key {
                self.validate(c, (first, last), col)?;
            }
        }
        let last_col = TEXT + u16::try_from(columns.len().max(1) - 1).unwrap_or(0);
        let range = absolute_range(self.name, (first, TEXT), (last, last_col));
        self.names.push((table_name(self.section, &x.id), range));
        self.row = last + 2;
        Ok(())
    }

    /// Write a reply's answer into its cell, as a respondent would type it: an option's
    /// label, Yes or No, a code's label, a number as a number, anything else as text.
    fn fill(
        &mut self,
        x: &Question,
        row: u32,
        col: u16,
        value: Option<&Value>,
    ) -> Result<(), XlsxError> {
        let Some(value) = value else { return Ok(()) };
        let format = self.f.for_answer(x).clone();
        match value {
            Value::Null => {}
            Value::Bool(b) => {
                let word = self.word(if *b { "tabulate-yes" } else { "tabulate-no" });
                self.sheet
                    .write_string_with_format(row, col, word, &format)?;
            }
            Value::Number(n) if !matches!(x.kind, QuestionType::Text | QuestionType::Time) => {
                match n.as_f64() {
                    Some(f) => self.sheet.write_number_with_format(row, col, f, &format)?,
                    None => {
                        self.sheet
                            .write_string_with_format(row, col, n.to_string(), &format)?
                    }
                };
            }
            Value::String(s) => {
                let shown = if x.codes.contains(s) {
                    self.q
                        .code(s)
                        .map_or_else(|| s.clone(), |c| self.text(&c.label))
                } else if x.kind == QuestionType::Choice {
                    x.option(s)
                        .map_or_else(|| s.clone(), |o| self.text(&o.label))
                } else {
                    s.clone()
                };
                self.sheet
                    .write_string_with_format(row, col, shown, &format)?;
            }
            other => {
                self.sheet
                    .write_string_with_format(row, col, other.to_string(), &format)?;
            }
        }
        Ok(())
    }

    fn answer_cell(&mut self, x: &Question, row: u32, col: u16) -> Result<(), XlsxError> {
        self.sheet.write_blank(row, col, self.f.for_answer(x))?;
        self.validate(x, (row, row), col)
    }

    fn answer_cell_with(
        &mut self,
        row: u32,
        col: u16,
        list: Option<Vec<String>>,
        x: &Question,
    ) -> Result<(), XlsxError> {
        self.sheet.write_blank(row, col, &self.f.answer)?;
        if let Some(items) = list {
            let formula = self.lists.add(items);
            let v = self.messages(DataValidation::new().allow_list_formula(formula), x)?;
            self.sheet.add_data_validation(row, col, row, col, &v)?;
        }
        Ok(())
    }

    /// The labels of the codes a question takes, in the workbook's language.
    fn code_labels(&self, x: &Question) -> Vec<String> {
        x.codes
            .iter()
            .map(|c| {
                self.q
                    .code(c)
                    .map_or_else(|| c.clone(), |code| self.text(&code.label))
            })
            .collect()
    }

    /// The list a cell offers (options, yes/no, countries, with the question's codes), or
    /// the range it takes, over rows `first..=last` of column `col`.
    fn validate(
        &mut self,
        x: &Question,
        (first, last): (u32, u32),
        col: u16,
    ) -> Result<(), XlsxError> {
        let codes = self.code_labels(x);
        let offered: Option<Vec<String>> = match x.kind {
            QuestionType::Choice => Some(x.options.iter().map(|o| self.text(&o.label)).collect()),
            QuestionType::YesNo => Some(vec![self.word("tabulate-yes"), self.word("tabulate-no")]),
            QuestionType::Country => Some(
                crate::values::country::CODES
                    .iter()
                    .map(|c| (*c).to_string())
                    .collect(),
            ),
            _ if !codes.is_empty() => None,
            _ => None,
        };
        let v = match (offered, x.kind) {
            (Some(mut items), _) => {
                items.extend(codes);
                DataValidation::new().allow_list_formula(self.lists.add(items))
            }
            // With codes, a number cell also takes a code's label: no range is enforced
            // by the spreadsheet; canvass judges the answer when the file comes back.
            (None, _) if !codes.is_empty() => DataValidation::new(),
            (None, QuestionType::Integer | QuestionType::Year) => match whole_range(x) {
                Some(rule) => DataValidation::new().allow_whole_number(rule),
                None => DataValidation::new(),
            },
            (None, QuestionType::Number) => match decimal_range(x) {
                Some(rule) => DataValidation::new().allow_decimal_number(rule),
                None => DataValidation::new(),
            },
            (None, QuestionType::Text) => match x.max_length {
                Some(max) => DataValidation::new().allow_text_length(
                    DataValidationRule::LessThanOrEqualTo(u32::try_from(max).unwrap_or(u32::MAX)),
                ),
                None => DataValidation::new(),
            },
            (None, _) => DataValidation::new(),
        };
        let v = self.messages(v, x)?;
        self.sheet.add_data_validation(first, col, last, col, &v)?;
        Ok(())
    }

    /// The question's help as the cell's input message; a mistyped answer is warned about,
    /// never refused (the finding comes from canvass, in the respondent's language).
    fn messages(&self, v: DataValidation, x: &Question) -> Result<DataValidation, XlsxError> {
        let v = v.set_error_style(DataValidationErrorStyle::Warning);
        match &x.help {
            Some(help) => {
                let help: String = self.text(help).chars().take(250).collect();
                let title: String = self.text(&x.text).chars().take(30).collect();
                v.set_input_title(title)?.set_input_message(help)
            }
            None => Ok(v),
        }
    }
}

fn bound(b: Option<&Bound>) -> Option<f64> {
    b.and_then(Bound::number)
}

fn whole_range(x: &Question) -> Option<DataValidationRule<i32>> {
    let whole = |b: f64| {
        let b = b.clamp(f64::from(i32::MIN), f64::from(i32::MAX)).trunc();
        // In range after the clamp: the cast cannot overflow.
        #[allow(clippy::cast_possible_truncation)]
        let n = b as i32;
        n
    };
    match (bound(x.min.as_ref()), bound(x.max.as_ref())) {
        (Some(lo), Some(hi)) => Some(DataValidationRule::Between(whole(lo), whole(hi))),
        (Some(lo), None) => Some(DataValidationRule::GreaterThanOrEqualTo(whole(lo))),
        (None, Some(hi)) => Some(DataValidationRule::LessThanOrEqualTo(whole(hi))),
        (None, None) => None,
    }
}

fn decimal_range(x: &Question) -> Option<DataValidationRule<f64>> {
    match (bound(x.min.as_ref()), bound(x.max.as_ref())) {
        (Some(lo), Some(hi)) => Some(DataValidationRule::Between(lo, hi)),
        (Some(lo), None) => Some(DataValidationRule::GreaterThanOrEqualTo(lo)),
        (None, Some(hi)) => Some(DataValidationRule::LessThanOrEqualTo(hi)),
        (None, None) => None,
    }
}

/// A prefilled table's rows, in the order the grid shows them: by the rows given in advance
/// (matched by key), or as the reply gives them.
fn table_rows<'a>(answers: Option<&'a Value>, x: &Question) -> Vec<Option<&'a Value>> {
    let rows: Vec<&Value> = answers
        .and_then(|a| a.get(&x.id))
        .and_then(Value::as_array)
        .map(|r| r.iter().collect())
        .unwrap_or_default();
    let Some(key) = x.key.as_deref().filter(|_| !x.rows.is_empty()) else {
        return rows.into_iter().map(Some).collect();
    };
    x.rows
        .iter()
        .map(|k| {
            rows.iter().copied().find(|row| match row.get(key) {
                Some(Value::String(s)) => s == k,
                Some(Value::Number(n)) => n.to_string() == *k,
                _ => false,
            })
        })
        .collect()
}
