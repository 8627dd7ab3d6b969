//! A reply filled in a workbook (`.xlsx`), read back into the same JSON value a JSON reply
//! gives, with the cell of every answer: cells found by the defined names the template gave
//! them (so a moved block still reads right), labels turned back into values (an option's
//! label, Yes or No, a code's label), spreadsheet dates into `YYYY-MM-DD`, numbers as the
//! spreadsheet holds them. What cannot be read as the question wants is passed on as
//! written (a number typed as text stays text), so the judge says what is wrong with it.
//!
//! Read with `calamine`. It judges nothing and words nothing.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use serde_json::{Map, Value, json};

use crate::questionnaire::model::{Question, QuestionType, Questionnaire};
use crate::values::workbook::{META_SHEET, answer_name, cell_ref, option_name, table_name};

/// A workbook reply: its answers as a reply value, and where each is.
#[derive(Debug)]
pub struct WorkbookReply {
    pub value: Value,
    /// The cell of each answer (and of each table's first row), by JSON pointer.
    pub cells: HashMap<String, (String, String)>,
    /// The language the workbook was written in (its labels are in it).
    pub lang: String,
}

/// Why a workbook cannot be read as a reply at all.
#[derive(Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not an `.xlsx` file canvass can open (a corrupt archive, another format).
    NotAWorkbook(String),
    /// A workbook, but not one a canvass template made (no hidden sheet saying which
    /// questionnaire it is).
    NotATemplate,
}

/// Where a defined name points: a sheet and the cells `(row, col)` from `first` to `last`.
struct Area {
    sheet: String,
    first: (u32, u32),
    last: (u32, u32),
}

/// Read a workbook reply to questionnaire `q`.
pub fn read(bytes: &[u8], q: &Questionnaire) -> Result<WorkbookReply, Unreadable> {
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| Unreadable::NotAWorkbook(e.to_string()))?;
    let meta = book
        .worksheet_range(META_SHEET)
        .map_err(|_| Unreadable::NotATemplate)?;
    let fact = |row: u32| match meta.get_value((row, 1)) {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    };
    let (id, version, lang) = (fact(0), fact(1), fact(2));
    let names: HashMap<String, Area> = book
        .defined_names()
        .iter()
        .filter_map(|(name, formula)| Some((name.clone(), area(formula)?)))
        .collect();
    let mut sheets: HashMap<String, Range<Data>> = HashMap::new();
    for area in names.values() {
        if !sheets.contains_key(&area.sheet)
            && let Ok(range) = book.worksheet_range(&area.sheet)
        {
            sheets.insert(area.sheet.clone(), range);
        }
    }
    let mut reading = Reading {
        q,
        lang: if lang.is_empty() {
            q.source_language().to_string()
        } else {
            lang.clone()
        },
        names: &names,
        sheets: &sheets,
        cells: HashMap::new(),
    };
    let mut root = Map::new();
    root.insert("questionnaire".into(), json!(id));
    root.insert("version".into(), json!(version));
    for section in &q.sections {
        let mut answers = Map::new();
        for x in &section.questions {
            let pointer = format!("/{}/{}", section.id, x.id);
            if x.compute.is_some() {
                // Shown, never answered: only its place is read.
                if let Some(a) = names.get(&answer_name(&section.id, &x.id)) {
                    reading.place(&pointer, &a.sheet.clone(), a.first);
                }
                continue;
            }
            if let Some(v) = reading.question(&section.id, x, &pointer) {
                answers.insert(x.id.clone(), v);
            }
            if let Some(id) = x.specify_id() {
                let at = format!("/{}/{id}", section.id);
                if let Some(v) = reading.named(&answer_name(&section.id, &id), None, &at) {
                    answers.insert(id, v);
                }
            }
        }
        if !answers.is_empty() {
            root.insert(section.id.clone(), Value::Object(answers));
        }
    }
    Ok(WorkbookReply {
        value: Value::Object(root),
        cells: reading.cells,
        lang: reading.lang,
    })
}

/// `'Sheet'!$C$5` or `Sheet!$B$3:$E$22` as an area.
fn area(formula: &str) -> Option<Area> {
    let formula = formula.trim_start_matches('=');
    let (sheet, cells) = formula.rsplit_once('!')?;
    let sheet = sheet
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .map_or_else(|| sheet.to_string(), |s| s.replace("''", "'"));
    let (first, last) = cells.split_once(':').unwrap_or((cells, cells));
    Some(Area {
        sheet,
        first: position(first)?,
        last: position(last)?,
    })
}

/// `$C$5` as a zero-based `(row, column)`.
fn position(a1: &str) -> Option<(u32, u32)> {
    let a1 = a1.replace('$', "");
    let split = a1.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = a1.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let col = letters.chars().try_fold(0u32, |n, c| {
        c.is_ascii_uppercase()
            .then(|| n * 26 + (u32::from(c) - u32::from('A') + 1))
    })?;
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

struct Reading<'a> {
    q: &'a Questionnaire,
    lang: String,
    names: &'a HashMap<String, Area>,
    sheets: &'a HashMap<String, Range<Data>>,
    cells: HashMap<String, (String, String)>,
}

impl Reading<'_> {
    fn cell(&self, sheet: &str, (row, col): (u32, u32)) -> Option<&Data> {
        self.sheets
            .get(sheet)?
            .get_value((row, col))
            .filter(|d| !matches!(d, Data::Empty))
    }

    fn place(&mut self, pointer: &str, sheet: &str, (row, col): (u32, u32)) {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        self.cells
            .insert(pointer.to_string(), (sheet.to_string(), cell_ref(row, col)));
    }

    /// The answer in the cell a name points at, read for `x` (as text when `x` is `None`).
    fn named(&mut self, name: &str, x: Option<&Question>, pointer: &str) -> Option<Value> {
        let area = self.names.get(name)?;
        let (sheet, at) = (area.sheet.clone(), area.first);
        self.place(pointer, &sheet, at);
        let data = self.cell(&sheet, at)?.clone();
        Some(match x {
            Some(x) => self.value(x, &data),
            None => text_of(&data).map_or(Value::Null, Value::String),
        })
    }

    fn question(&mut self, section: &str, x: &Question, pointer: &str) -> Option<Value> {
        match x.kind {
            QuestionType::MultiChoice => {
                if let Some(code) = self.named(&answer_name(section, &x.id), Some(x), pointer) {
                    return Some(code);
                }
                let mut chosen = Vec::new();
                for option in &x.options {
                    let name = option_name(section, &x.id, &option.value);
                    let ticked = self.names.get(&name).and_then(|a| {
                        let data = self.cell(&a.sheet, a.first)?;
                        Some(!matches!(data, Data::Bool(false)))
                    });
                    if ticked == Some(true) {
                        chosen.push(json!(option.value));
                    }
                }
                if let Some(a) =
                    self.names
                        .get(&option_name(section, &x.id, &x.options.first()?.value))
                {
                    let (sheet, first) = (a.sheet.clone(), a.first);
                    self.place(pointer, &sheet, first);
                }
                (!chosen.is_empty()).then_some(Value::Array(chosen))
            }
            QuestionType::Table => self.table(section, x, pointer),
            _ => self.named(&answer_name(section, &x.id), Some(x), pointer),
        }
    }

    /// A table's rows: each row of its area that has anything in it, its cells by the
    /// columns the template wrote (the computed ones are not written).
    fn table(&mut self, section: &str, x: &Question, pointer: &str) -> Option<Value> {
        let area = self.names.get(&table_name(section, &x.id))?;
        let (sheet, first, last) = (area.sheet.clone(), area.first, area.last);
        self.place(pointer, &sheet, first);
        let columns: Vec<&Question> = x.columns.iter().filter(|c| c.compute.is_none()).collect();
        let mut rows = Vec::new();
        for r in first.0..=last.0 {
            let mut cells = Map::new();
            let mut places = Vec::new();
            for (i, c) in columns.iter().enumerate() {
                let col = first.1 + u32::try_from(i).unwrap_or(u32::MAX);
                if let Some(data) = self.cell(&sheet, (r, col)).cloned() {
                    cells.insert(c.id.clone(), self.value(c, &data));
                }
                places.push((c.id.clone(), col));
            }
            // A blank row is no row. (A row given in advance shows its key, so it is one.)
            if cells.is_empty() {
                continue;
            }
            let n = rows.len();
            for (id, col) in places {
                self.place(&format!("{pointer}/{n}/{id}"), &sheet, (r, col));
            }
            self.place(&format!("{pointer}/{n}"), &sheet, (r, first.1));
            rows.push(Value::Object(cells));
        }
        (!rows.is_empty()).then_some(Value::Array(rows))
    }

    /// A cell's content as the answer `x` takes: a label back to its value, a spreadsheet
    /// date to `YYYY-MM-DD`, a whole number to an integer; otherwise as written.
    fn value(&self, x: &Question, data: &Data) -> Value {
        let src = self.q.source_language();
        let label_of = |t: &crate::questionnaire::model::Text| t.get(&self.lang, src).to_string();
        if let Some(text) = text_of(data) {
            let text = text.trim();
            for code in &x.codes {
                let label = self.q.code(code).map(|c| label_of(&c.label));
                if text == code || label.as_deref() == Some(text) {
                    return json!(code);
                }
            }
            match x.kind {
                QuestionType::Choice => {
                    if let Some(o) = x.options.iter().find(|o| label_of(&o.label) == text) {
                        return json!(o.value);
                    }
                }
                QuestionType::YesNo => {
                    let word = |id: &str| {
                        crate::findings::words::phrase_in(
                            &self.lang,
                            id,
                            &crate::findings::words::Args::new(),
                        )
                    };
                    if text == word("tabulate-yes") {
                        return json!(true);
                    }
                    if text == word("tabulate-no") {
                        return json!(false);
                    }
                }
                _ => {}
            }
        }
        match data {
            Data::Bool(b) => json!(b),
            Data::Int(n) => json!(n),
            Data::Float(f) => number(*f),
            Data::DateTime(d) => match x.kind {
                QuestionType::Time => json!(time_of_day(d.as_f64())),
                _ => date_of(d.as_f64()).map_or_else(|| number(d.as_f64()), Value::String),
            },
            Data::DateTimeIso(s) => json!(s.get(..10).unwrap_or(s)),
            Data::String(s) | Data::DurationIso(s) => json!(s),
            Data::Error(e) => json!(format!("#{e:?}")),
            Data::Empty => Value::Null,
        }
    }
}

/// A cell's text, if it holds text.
fn text_of(data: &Data) -> Option<String> {
    match data {
        Data::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// A spreadsheet number as JSON: a whole number as an integer, else the shortest decimal
/// that is the same binary number (what the spreadsheet stored).
fn number(f: f64) -> Value {
    if !f.is_finite() {
        return json!(f.to_string());
    }
    serde_json::from_str(&f.to_string()).unwrap_or_else(|_| json!(f.to_string()))
}

/// A spreadsheet date serial as `YYYY-MM-DD` (serial 25569 is 1970-01-01).
fn date_of(serial: f64) -> Option<String> {
    let days = serial.floor();
    if !(1.0..=2_958_465.0).contains(&days) {
        return None;
    }
    // In range: the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation)]
    let days = days as i64 - 25_569;
    crate::values::dates::from_days(days)
}

/// The time of day of a spreadsheet serial's fraction, as `hh:mm`.
fn time_of_day(serial: f64) -> String {
    let minutes = (serial.fract() * 24.0 * 60.0).round();
    // Between 0 and 1440: the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let minutes = minutes as u32 % 1440;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}
