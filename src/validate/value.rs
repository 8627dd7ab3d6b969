//! Checks of one answer against its question's type and settings: kind of value, options,
//! ranges, lengths, formats, list and table bounds, exclusive options, table keys. Each
//! fault is one finding; a valid answer allocates nothing.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::describe;
use super::walk::{Site, Walk};
use crate::expr::eval::{Answer, classify};
use crate::findings::visible::echo;
use crate::findings::{Anchor, Code, Finding, Related};
use crate::questionnaire::model::{Bound, Question, QuestionType, TextFormat};
use crate::reply::number::{self, Decimal};
use crate::reply::view::ReplyValue;

/// Most findings reported about the items of one list.
const MAX_ITEM_FINDINGS: usize = 10;

impl Walk<'_> {
    /// One finding about the answer itself, with a label under it.
    fn flag(&mut self, site: Site<'_>, code: Code, message: String, label: impl Into<String>) {
        let f = self
            .finding(site, code, message, Anchor::Value(site.pointer()))
            .with_label(label);
        self.findings.push(f);
    }

    /// Check a non-blank, non-code answer. Returns whether it was valid.
    pub(super) fn check_value(&mut self, site: Site<'_>, value: &Value) -> bool {
        let before = self.findings.len();
        let question = site.question;
        match (question.kind, value) {
            (QuestionType::YesNo, Value::Bool(_)) => {}
            (QuestionType::Choice, Value::String(s)) => self.check_option(site, s, None),
            (QuestionType::MultiChoice, Value::Array(items)) => self.check_multi(site, items),
            (QuestionType::Text, Value::String(s)) => self.check_text(site, s),
            (
                QuestionType::Integer | QuestionType::Year | QuestionType::Number,
                Value::Number(n),
            ) => {
                // Judged exactly as written, never through a rounded f64.
                match number::of(n) {
                    None => self.too_precise(site, n),
                    Some(x) if question.kind != QuestionType::Number && !x.is_integer() => {
                        self.wrong_type(site, value, "a whole number");
                    }
                    Some(x) => self.check_range(site, x, value),
                }
            }
            (QuestionType::Date, Value::String(s)) => self.check_date(site, s),
            (QuestionType::Country, Value::String(s)) => {
                if !super::country::is_country_code(s) {
                    let upper = s.to_ascii_uppercase();
                    let hint = if super::country::is_country_code(&upper) {
                        format!("; did you mean \"{upper}\"?")
                    } else {
                        String::new()
                    };
                    let message = format!(
                        "\"{}\" is not an ISO 3166-1 alpha-3 country code{hint}",
                        echo(s)
                    );
                    self.flag(site, Code::InvalidFormat, message, "not a country code");
                }
            }
            (QuestionType::Table, Value::Array(rows)) => self.check_table(site, rows),
            (kind, _) => {
                let want = match kind {
                    QuestionType::YesNo => "true or false",
                    QuestionType::Choice => "one option, as text",
                    QuestionType::MultiChoice => "a list of options",
                    QuestionType::Text => "text",
                    QuestionType::Integer => "a whole number",
                    QuestionType::Number => "a number",
                    QuestionType::Date => "a date",
                    QuestionType::Year => "a year",
                    QuestionType::Country => "a country code, as text",
                    QuestionType::Table => "a list of rows",
                };
                self.wrong_type(site, value, want);
            }
        }
        self.findings.len() == before
    }

    fn wrong_type(&mut self, site: Site<'_>, value: &Value, want: &str) {
        let message = format!(
            "expected {want}, but the answer is {}",
            describe::value(value)
        );
        self.flag(site, Code::InvalidType, message, format!("not {want}"));
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
        let mut message = format!("\"{}\" is not one of the options", echo(chosen));
        if self.q.code(chosen).is_some() {
            message = format!("the code \"{chosen}\" is not allowed for this question");
        } else if let Some(near) = crate::questionnaire::settings::closest(chosen, &values) {
            message.push_str(&format!("; did you mean \"{near}\"?"));
        }
        Some(
            self.finding(site, Code::InvalidOption, message, Anchor::Value(pointer))
                .with_label("not an option"),
        )
    }

    /// A multi-choice answer. Each distinct problem is reported once, and at most
    /// [`MAX_ITEM_FINDINGS`] per list: a list of a million copies of one wrong value is one
    /// fault, not a million. Repeats are found with a set, in linear time.
    fn check_multi(&mut self, site: Site<'_>, items: &[Value]) {
        let question = site.question;
        let mut seen: HashSet<&str> = HashSet::new();
        let mut reported: HashSet<&str> = HashSet::new();
        let mut found: Vec<Finding> = Vec::new();
        let mut more = 0usize;
        for (i, item) in items.iter().enumerate() {
            let finding = match item {
                Value::String(s) if !seen.insert(s.as_str()) => {
                    reported.insert(s.as_str()).then(|| {
                        self.finding(
                            site,
                            Code::InvalidOption,
                            format!("\"{}\" is chosen more than once", echo(s)),
                            Anchor::Value(format!("{}/{i}", site.pointer())),
                        )
                        .with_label("chosen again here")
                    })
                }
                Value::String(s) => self.option_finding(site, s, Some(i)),
                other => Some(
                    self.finding(
                        site,
                        Code::InvalidType,
                        format!(
                            "each choice must be an option, as text, not {}",
                            describe::value(other)
                        ),
                        Anchor::Value(format!("{}/{i}", site.pointer())),
                    )
                    .with_label("not an option"),
                ),
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
            last.message
                .push_str(&format!(" (and {more} more problems in this list)"));
        }
        self.findings.extend(found);
        let count = items.len() as u64;
        self.check_count(
            site,
            count,
            question.min_choices,
            question.max_choices,
            ("choice", "choices"),
        );
        if count > 1
            && let Some((i, option)) = items.iter().enumerate().find_map(|(i, item)| {
                let option = question.option(item.as_str()?)?;
                option.exclusive.then_some((i, option))
            })
        {
            let f = self
                .finding(
                    site,
                    Code::ExclusiveOption,
                    format!("\"{}\" cannot be combined with other choices", option.value),
                    Anchor::Value(format!("{}/{i}", site.pointer())),
                )
                .with_label("chosen with others")
                .with_help(format!(
                    "choose \"{}\" alone, or remove it and keep the other choices",
                    option.value
                ));
            self.findings.push(f);
        }
    }

    fn check_count(
        &mut self,
        site: Site<'_>,
        count: u64,
        min: Option<u64>,
        max: Option<u64>,
        (one, many): (&str, &str),
    ) {
        let what = if count == 1 { one } else { many };
        if let Some(min) = min
            && count < min
        {
            let message = format!("{count} {what} given; at least {min} needed");
            self.flag(site, Code::TooFew, message, format!("{count} {what}"));
        }
        if let Some(max) = max
            && count > max
        {
            self.flag(
                site,
                Code::TooMany,
                format!("{count} {what} given; at most {max} allowed"),
                format!("{count} {what}"),
            );
        }
    }

    fn check_text(&mut self, site: Site<'_>, s: &str) {
        let question = site.question;
        if let Some(c) = super::text::control_character(s) {
            self.flag(
                site,
                Code::InvalidFormat,
                format!(
                    "the answer holds the control character U+{:04X}, which no form lets a respondent type",
                    u32::from(c)
                ),
                "control character",
            );
            return;
        }
        let length = || s.chars().count() as u64;
        if let Some(max) = question.max_length
            && length() > max
        {
            self.flag(
                site,
                Code::OutOfRange,
                format!(
                    "the answer is {} characters long; at most {max} allowed",
                    length()
                ),
                "too long",
            );
            return;
        }
        if let Some(min) = question.min_length
            && length() < min
        {
            self.flag(
                site,
                Code::OutOfRange,
                format!(
                    "the answer is {} characters long; at least {min} needed",
                    length()
                ),
                "too short",
            );
            return;
        }
        if let Some(regex) = &question.regex
            && !regex.is_match(s)
        {
            self.flag(
                site,
                Code::InvalidFormat,
                "the answer does not have the expected form".to_string(),
                "does not match the pattern",
            );
            return;
        }
        if question.format == Some(TextFormat::Email) && !super::text::is_email(s) {
            self.flag(
                site,
                Code::InvalidFormat,
                format!("\"{}\" is not an e-mail address", echo(s)),
                "not an e-mail address",
            );
        }
    }

    /// A number canvass cannot hold exactly: refused where it is written, never rounded
    /// into a verdict.
    fn too_precise(&mut self, site: Site<'_>, n: &serde_json::Number) {
        let digits = number::significant_digits(n.as_str());
        let (message, help) = if digits > number::EXACT_DIGITS {
            (
                format!(
                    "the number {} has {digits} significant digits; canvass judges numbers \
                     exactly up to {}",
                    echo(n.as_str()),
                    number::EXACT_DIGITS
                ),
                "round the answer to at most 28 significant digits",
            )
        } else {
            (
                format!(
                    "the number {} is too large or too small to judge exactly; canvass holds \
                     numbers below 10^28 with at most 28 decimal places",
                    echo(n.as_str())
                ),
                "write the answer without an exponent, within that range",
            )
        };
        let f = self
            .finding(
                site,
                Code::OutOfRange,
                message,
                Anchor::Value(site.pointer()),
            )
            .with_label("cannot be judged exactly")
            .with_help(help);
        self.findings.push(f);
    }

    fn check_range(&mut self, site: Site<'_>, x: Decimal, value: &Value) {
        let question = site.question;
        let unit = question
            .unit
            .as_ref()
            .map(|u| format!(" {}", u.get(self.lang, self.q.source_language())))
            .unwrap_or_default();
        let below = question
            .min
            .as_ref()
            .and_then(Bound::number)
            .filter(|&min| number::of_f64(min).is_some_and(|min| x < min));
        let above = question
            .max
            .as_ref()
            .and_then(Bound::number)
            .filter(|&max| number::of_f64(max).is_some_and(|max| x > max));
        let message = match (below, above) {
            (Some(min), _) => format!("{value}{unit} is below the minimum of {min}{unit}"),
            (_, Some(max)) => format!("{value}{unit} is above the maximum of {max}{unit}"),
            _ => return,
        };
        self.flag(site, Code::OutOfRange, message, "out of range");
    }

    fn check_date(&mut self, site: Site<'_>, s: &str) {
        let question = site.question;
        if let Some(fault) = super::dates::fault(s) {
            use super::dates::DateFault;
            let message = match fault {
                DateFault::Form => format!("\"{}\" is not a date written YYYY-MM-DD", echo(s)),
                DateFault::Month(month) => {
                    format!("\"{s}\" is not a real date: there is no month {month}")
                }
                DateFault::Day { days } => {
                    format!("\"{s}\" is not a real date: that month has {days} days")
                }
            };
            self.flag(site, Code::InvalidFormat, message, "not a date");
            return;
        }
        if let Some(message) = date_out_of_range(question, s) {
            self.flag(site, Code::OutOfRange, message, "out of range");
        }
    }

    fn check_table(&mut self, site: Site<'_>, rows: &[Value]) {
        let table = site.question;
        if rows.len() > self.limits.max_rows {
            let f = self
                .finding(
                    site,
                    Code::TooMany,
                    format!(
                        "{} rows, over canvass's limit of {}",
                        rows.len(),
                        self.limits.max_rows
                    ),
                    Anchor::Value(site.pointer()),
                )
                .with_help("raise the limit with --max-rows if this reply is genuine");
            self.findings.push(f);
            return;
        }
        self.check_count(
            site,
            rows.len() as u64,
            table.min_rows,
            table.max_rows,
            ("row", "rows"),
        );
        let mut keys: HashMap<String, usize> = HashMap::new();
        for (r, row) in rows.iter().enumerate() {
            let Value::Object(cells) = row else {
                let f = self
                    .finding(
                        site,
                        Code::InvalidType,
                        format!(
                            "row {} must be a table of columns, not {}",
                            r + 1,
                            describe::value(row)
                        ),
                        Anchor::Value(format!("{}/{r}", site.pointer())),
                    )
                    .with_label("not a row");
                self.findings.push(f);
                continue;
            };
            self.check_row(site, r, cells);
            self.check_key(site, r, cells, &mut keys);
        }
    }

    /// The cells of one row: unknown columns, missing required cells, each cell's value.
    fn check_row(&mut self, site: Site<'_>, r: usize, cells: &serde_json::Map<String, Value>) {
        let table = site.question;
        let row_pointer = || format!("{}/{r}", site.pointer());
        for key in cells.keys().filter(|k| table.column(k).is_none()) {
            let ids: Vec<&str> = table.columns.iter().map(|c| c.id.as_str()).collect();
            let help = match crate::questionnaire::settings::closest(key, &ids) {
                Some(near) => format!("did you mean `{near}`? the columns are {}", ids.join(", ")),
                None => format!("the columns are {}", ids.join(", ")),
            };
            let mut f = self
                .finding(
                    site,
                    Code::UnknownQuestion,
                    format!(
                        "row {} has a column `{key}` that the table does not have",
                        r + 1
                    ),
                    Anchor::Key(format!(
                        "{}/{}",
                        row_pointer(),
                        crate::reply::escape_pointer(key)
                    )),
                )
                .with_label("unknown column");
            f.help = Some(help);
            self.findings.push(f);
        }
        for column in &table.columns {
            let cell_site = Site {
                section: site.section,
                question: column,
                table: Some((table, r)),
            };
            match classify(column, cells.get(&column.id)) {
                Answer::Blank if column.required => {
                    let f = self
                        .finding(
                            cell_site,
                            Code::MissingAnswer,
                            format!(
                                "row {} has no `{}`, which every row needs",
                                r + 1,
                                column.id
                            ),
                            Anchor::Container(row_pointer()),
                        )
                        .with_label(format!("`{}` is missing in this row", column.id));
                    self.findings.push(f);
                }
                Answer::Value(v) => {
                    self.check_value(cell_site, v);
                }
                Answer::Blank | Answer::Code(_) => {}
            }
        }
    }

    /// A table `key`: no two rows with the same value in that column.
    fn check_key(
        &mut self,
        site: Site<'_>,
        r: usize,
        cells: &serde_json::Map<String, Value>,
        keys: &mut HashMap<String, usize>,
    ) {
        let table = site.question;
        let Some(key) = &table.key else { return };
        let Some(column) = table.column(key) else {
            return;
        };
        let Answer::Value(value) = classify(column, cells.get(key)) else {
            return;
        };
        let text = key_text(value);
        let Some(&first) = keys.get(text.as_ref()) else {
            keys.insert(text.into_owned(), r);
            return;
        };
        let cell_site = Site {
            section: site.section,
            question: column,
            table: Some((table, r)),
        };
        let first_pointer = format!("{}/{first}/{key}", site.pointer());
        let mut f = self
            .finding(
                cell_site,
                Code::DuplicateRow,
                format!(
                    "rows {} and {} have the same {key}, {}",
                    first + 1,
                    r + 1,
                    crate::expr::eval::display(value)
                ),
                Anchor::Value(cell_site.pointer()),
            )
            .with_label("same as an earlier row")
            .with_help(format!(
                "each row needs its own {key}: merge the two rows or correct one"
            ));
        f.related.push(Related {
            question: Some(format!("{}.{}[{first}].{key}", site.section, table.id)),
            pointer: Some(first_pointer.clone()),
            anchor: Anchor::Value(first_pointer),
            span: None,
            message: format!("row {} has it first", first + 1),
        });
        self.findings.push(f);
    }
}

/// What is wrong with a real date (`YYYY-MM-DD`) outside the question's date bounds.
/// ISO dates compare as text.
pub(super) fn date_out_of_range(question: &Question, date: &str) -> Option<String> {
    fn bound(b: Option<&Bound>) -> Option<&str> {
        match b {
            Some(Bound::Date(d)) => Some(d),
            _ => None,
        }
    }
    match (bound(question.min.as_ref()), bound(question.max.as_ref())) {
        (Some(min), _) if date < min => {
            Some(format!("{date} is before the earliest date allowed, {min}"))
        }
        (_, Some(max)) if date > max => {
            Some(format!("{date} is after the latest date allowed, {max}"))
        }
        _ => None,
    }
}

/// A table key as compared between rows: text as it is, anything else as JSON.
/// A table row's key as rows are compared: a text in Unicode's composed form (NFC), so
/// "Código" typed with a combined accent and with a separate one is the same key.
pub(super) fn key_text<'v, V: ReplyValue<'v>>(value: V) -> Cow<'v, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match value.as_str() {
        Some(s) if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes => Cow::Borrowed(s),
        Some(s) => Cow::Owned(s.nfc().collect()),
        None => Cow::Owned(value.json_text()),
    }
}
