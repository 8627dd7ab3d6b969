//! A reply filled in a workbook (`.xlsx`), read back into the same JSON value a JSON reply
//! gives, with the cell of every answer: cells found by the defined names the template gave
//! them (so a moved block or an inserted row still reads right), labels turned back into
//! values (an option's label, Yes or No, a code's label), spreadsheet dates into
//! `YYYY-MM-DD`, numbers as the spreadsheet holds them. What cannot be read as the question
//! wants is passed on as written (a number typed as text stays text), so the judge says what
//! is wrong with it; what cannot be read at all (a formula never computed, a deleted sheet)
//! is a [`Problem`] at its place.
//!
//! The archive is looked at before anything is unpacked (`archive.rs`), and sheets are
//! streamed for the wanted cells only (`cells.rs`): memory stays in proportion to the
//! questionnaire, whatever the file holds. Read with `calamine`. It judges and words nothing.

mod archive;
mod cells;

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde_json::{Map, Value, json};

pub use cells::Position;
use cells::{Content, Wanted};

use crate::questionnaire::model::{Question, QuestionType, Questionnaire};
use crate::reply::Limits;
use crate::source::SheetCells;
use crate::values::workbook::{
    META_SHEET, QUESTIONNAIRE_NAME, VERSION_NAME, answer_name, cell_ref, explanation_name,
    option_name, position, table_name,
};

/// A workbook reply: its answers as a reply value, where each is, and what could not be read.
#[derive(Debug)]
pub struct WorkbookReply {
    pub value: Value,
    /// The cell of each answer (and of each table's first row), by JSON pointer.
    pub cells: HashMap<String, (String, String)>,
    /// The language the workbook was written in (its labels are in it).
    pub lang: String,
    /// What could not be read, each at the answer it is about.
    pub problems: Vec<Problem>,
}

/// Why a workbook cannot be read as a reply at all.
#[derive(Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not an `.xlsx` file canvass can open (a corrupt archive, another format): why.
    NotAWorkbook(String),
    /// Its parts would unpack to more than the limit (a zip bomb).
    TooLarge { unpacked: u64, limit: u64 },
    /// It holds macros (an `.xlsm` workbook, renamed or not).
    Macros,
    /// A workbook, but not one a canvass template made (no hidden sheet saying which
    /// questionnaire it is).
    NotATemplate,
}

/// Something a workbook holds that cannot be read as an answer, at the answer's pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A formula whose value was never computed.
    FormulaWithoutValue {
        pointer: String,
        at: (String, String),
        formula: String,
    },
    /// A cell that shows an error value (`#DIV/0!`).
    ErrorValue {
        pointer: String,
        at: (String, String),
        error: String,
    },
    /// A section none of whose cells is in the workbook any more: its sheet was deleted (or
    /// the workbook is another questionnaire's). `pointer` is the section's.
    SheetGone { pointer: String },
    /// An answer whose cell is gone (its row deleted, its name removed).
    CellGone { pointer: String },
}

impl Problem {
    /// The answer (or section) it is about.
    pub fn pointer(&self) -> &str {
        match self {
            Self::FormulaWithoutValue { pointer, .. }
            | Self::ErrorValue { pointer, .. }
            | Self::SheetGone { pointer }
            | Self::CellGone { pointer } => pointer,
        }
    }
}

/// What the hidden sheet says about a workbook.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The questionnaire's id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// The language the template was written in.
    pub lang: String,
    /// The respondent it was made for, if any.
    pub respondent: String,
}

/// A workbook opened, its archive checked and its hidden sheet read; nothing else unpacked.
pub struct Opened<'b> {
    book: Xlsx<Cursor<&'b [u8]>>,
    limits: Limits,
    pub meta: Meta,
    /// Each defined name, and where it points (`None`: nowhere, as `#REF!`).
    names: HashMap<String, Option<Area>>,
}

/// Where a defined name points: a sheet and the cells `(row, col)` from `first` to `last`.
#[derive(Debug, Clone)]
struct Area {
    sheet: String,
    first: Position,
    last: Position,
}

/// Open a workbook reply: refuse what cannot be read safely or is not a canvass template.
pub fn open<'b>(bytes: &'b [u8], limits: &Limits) -> Result<Opened<'b>, Unreadable> {
    archive::check(bytes, limits)?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| Unreadable::NotAWorkbook(e.to_string()))?;
    if !book.sheet_names().iter().any(|s| s == META_SHEET) {
        return Err(Unreadable::NotATemplate);
    }
    let mut wanted = Wanted::default();
    for row in 0..5 {
        wanted.cell((row, 1));
    }
    let facts =
        cells::read(&mut book, META_SHEET, &wanted).map_err(|_| Unreadable::NotATemplate)?;
    let fact = |row: u32| match facts.get(&(row, 1)) {
        Some(Content::Value(Data::String(s))) => s.clone(),
        _ => String::new(),
    };
    let meta = Meta {
        id: fact(0),
        version: fact(1),
        lang: fact(2),
        respondent: fact(4),
    };
    // A name whose sheet was deleted points nowhere (`#REF!`), as one whose sheet is gone.
    let sheets = book.sheet_names();
    let names = book
        .defined_names()
        .iter()
        .map(|(name, formula)| {
            let area = area(formula).filter(|a| sheets.contains(&a.sheet));
            (name.clone(), area)
        })
        .collect();
    Ok(Opened {
        book,
        limits: *limits,
        meta,
        names,
    })
}

/// Read a workbook reply to questionnaire `q` (with the default limits).
pub fn read(bytes: &[u8], q: &Questionnaire) -> Result<WorkbookReply, Unreadable> {
    Ok(open(bytes, &Limits::default())?.read(q))
}

impl Opened<'_> {
    /// The area a name points at, if it still points somewhere.
    fn area(&self, name: &str) -> Option<&Area> {
        self.names.get(name)?.as_ref()
    }

    /// Read the answers to `q`.
    pub fn read(&mut self, q: &Questionnaire) -> WorkbookReply {
        let lang = if q.languages.contains(&self.meta.lang) {
            self.meta.lang.clone()
        } else {
            q.source_language().to_string()
        };
        // A table is read no further than one row past the row limit: a name stretched
        // over a million rows costs no more than that, and the judge reports the limit.
        let most_rows = u32::try_from(self.limits.max_rows).unwrap_or(u32::MAX);
        for area in self.names.values_mut().flatten() {
            area.last.0 = area.last.0.min(area.first.0.saturating_add(most_rows));
        }
        let mut wanted: BTreeMap<String, Wanted> = BTreeMap::new();
        for area in self.names.values().flatten() {
            let w = wanted.entry(area.sheet.clone()).or_default();
            if area.first == area.last {
                w.cell(area.first);
            } else {
                w.area(area.first, area.last);
            }
        }
        let mut sheets: HashMap<String, HashMap<Position, Content>> = HashMap::new();
        for (sheet, w) in &wanted {
            if let Ok(found) = cells::read(&mut self.book, sheet, w) {
                sheets.insert(sheet.clone(), found);
            }
        }
        let mut reading = Reading {
            q,
            lang,
            opened: &*self,
            sheets: &sheets,
            cells: HashMap::new(),
            problems: Vec::new(),
        };
        let mut root = Map::new();
        root.insert("questionnaire".into(), json!(self.meta.id));
        root.insert("version".into(), json!(self.meta.version));
        reading.place_name("/questionnaire", QUESTIONNAIRE_NAME);
        reading.place_name("/version", VERSION_NAME);
        for section in &q.sections {
            let before = reading.problems.len();
            let mut answers = Map::new();
            for x in &section.questions {
                reading.question(&section.id, x, &mut answers);
            }
            // Every cell of the section gone: one problem for the sheet, not one a question.
            let gone = reading.problems[before..]
                .iter()
                .filter(|p| matches!(p, Problem::CellGone { .. }))
                .count();
            // (A name that points nowhere lost its sheet; a name deleted alone says nothing.)
            let sheet_lost = section.questions.iter().any(|x| {
                let names = [
                    answer_name(&section.id, &x.id),
                    table_name(&section.id, &x.id),
                ];
                names
                    .iter()
                    .any(|n| matches!(self.names.get(n), Some(None)))
            });
            if gone > 0 && gone == section.questions.len() && sheet_lost {
                reading.problems.truncate(before);
                reading.problems.push(Problem::SheetGone {
                    pointer: format!("/{}", section.id),
                });
            }
            if !answers.is_empty() {
                root.insert(section.id.clone(), Value::Object(answers));
            }
        }
        let explanations = reading.explanations();
        if !explanations.is_empty() {
            root.insert(
                crate::questionnaire::EXPLANATIONS.into(),
                Value::Object(explanations),
            );
        }
        let Reading {
            cells,
            problems,
            lang,
            ..
        } = reading;
        WorkbookReply {
            value: Value::Object(root),
            cells,
            lang,
            problems,
        }
    }

    /// The text each cell shows around `places` (a sheet and a cell reference each): a few
    /// rows and columns about each, for a report to show where a finding is.
    pub fn cells_around(&mut self, places: &[(String, String)]) -> SheetCells {
        let mut wanted: BTreeMap<String, Wanted> = BTreeMap::new();
        for (sheet, cell) in places {
            if let Some((row, col)) = position(cell) {
                let first = (
                    row.saturating_sub(WINDOW_ROWS),
                    col.saturating_sub(WINDOW_COLS),
                );
                wanted
                    .entry(sheet.clone())
                    .or_default()
                    .area(first, (row + WINDOW_ROWS, col + WINDOW_COLS));
            }
        }
        let mut shown = SheetCells::default();
        for (sheet, w) in &wanted {
            let Ok(found) = cells::read(&mut self.book, sheet, w) else {
                continue;
            };
            for ((row, col), content) in found {
                let text = match content {
                    Content::Value(data) => shown_text(&data),
                    Content::Formula(f) => format!("={f}"),
                };
                shown.insert(sheet, row, col, text);
            }
        }
        shown
    }
}

/// Rows and columns kept about a finding's cell for its excerpt.
const WINDOW_ROWS: u32 = 2;
const WINDOW_COLS: u32 = 3;

/// A cell's value as a spreadsheet shows it, near enough for an excerpt.
fn shown_text(data: &Data) -> String {
    match data {
        Data::Float(f) => match number(*f) {
            Value::Number(n) => n.to_string(),
            other => other.to_string(),
        },
        Data::DateTime(d) => date_of(d.as_f64()).unwrap_or_else(|| d.as_f64().to_string()),
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        Data::Error(e) => error_text(e),
        other => other.to_string(),
    }
}

/// An error value as spreadsheets show it.
fn error_text(e: &calamine::CellErrorType) -> String {
    e.to_string()
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

struct Reading<'a> {
    q: &'a Questionnaire,
    lang: String,
    opened: &'a Opened<'a>,
    sheets: &'a HashMap<String, HashMap<Position, Content>>,
    cells: HashMap<String, (String, String)>,
    problems: Vec<Problem>,
}

impl Reading<'_> {
    fn content(&self, sheet: &str, at: Position) -> Option<&Content> {
        self.sheets.get(sheet)?.get(&at)
    }

    fn place(&mut self, pointer: &str, sheet: &str, (row, col): Position) {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        self.cells
            .insert(pointer.to_string(), (sheet.to_string(), cell_ref(row, col)));
    }

    /// Note the cell a name points at as the place of `pointer`.
    fn place_name(&mut self, pointer: &str, name: &str) {
        if let Some(a) = self.opened.area(name) {
            let (sheet, first) = (a.sheet.clone(), a.first);
            self.place(pointer, &sheet, first);
        }
    }

    /// One question's answer (and its "specify" text) into `answers`.
    fn question(&mut self, section: &str, x: &Question, answers: &mut Map<String, Value>) {
        let pointer = format!("/{section}/{}", x.id);
        if x.compute.is_some() {
            // Shown, never answered: only its place is read.
            self.place_name(&pointer, &answer_name(section, &x.id));
            return;
        }
        let value = match x.kind {
            QuestionType::MultiChoice => self.multi(section, x, &pointer),
            QuestionType::Table => self.table(section, x, &pointer),
            _ => self.named(&answer_name(section, &x.id), Some(x), &pointer),
        };
        if let Some(v) = value {
            answers.insert(x.id.clone(), v);
        }
        if let Some(id) = x.specify_id() {
            let at = format!("/{section}/{id}");
            if let Some(v) = self.named(&answer_name(section, &id), None, &at) {
                answers.insert(id, v);
            }
        }
    }

    /// What the explanations sheet says, for each rule that may be explained and has a
    /// cell there (a workbook without the sheet explains nothing).
    fn explanations(&mut self) -> Map<String, Value> {
        let mut given = Map::new();
        for rule in self.q.rules.iter().filter(|r| r.severity.explainable()) {
            let name = explanation_name(&rule.id);
            if self.opened.area(&name).is_none() {
                continue;
            }
            let pointer = format!(
                "/{}/{}",
                crate::questionnaire::EXPLANATIONS,
                crate::reply::escape_pointer(&rule.id)
            );
            if let Some(Value::String(text)) = self.named(&name, None, &pointer) {
                given.insert(rule.id.clone(), Value::String(text));
            }
        }
        given
    }

    /// The answer in the cell a name points at, read for `x` (as text when `x` is `None`).
    fn named(&mut self, name: &str, x: Option<&Question>, pointer: &str) -> Option<Value> {
        let Some(area) = self.opened.area(name) else {
            self.problems.push(Problem::CellGone {
                pointer: pointer.to_string(),
            });
            return None;
        };
        let (sheet, at) = (area.sheet.clone(), area.first);
        self.place(pointer, &sheet, at);
        self.cell_value(&sheet, at, x, pointer)
    }

    /// A cell's answer for `x`; a formula without a value or an error value is a problem.
    fn cell_value(
        &mut self,
        sheet: &str,
        at: Position,
        x: Option<&Question>,
        pointer: &str,
    ) -> Option<Value> {
        let place = || {
            let col = u16::try_from(at.1).unwrap_or(u16::MAX);
            (sheet.to_string(), cell_ref(at.0, col))
        };
        match self.content(sheet, at)? {
            Content::Formula(formula) => {
                let formula = formula.clone();
                self.problems.push(Problem::FormulaWithoutValue {
                    pointer: pointer.to_string(),
                    at: place(),
                    formula,
                });
                None
            }
            Content::Value(Data::Error(e)) => {
                let error = error_text(e);
                self.problems.push(Problem::ErrorValue {
                    pointer: pointer.to_string(),
                    at: place(),
                    error,
                });
                None
            }
            Content::Value(data) => Some(match x {
                Some(x) => self.value(x, data),
                None => text_of(data).map_or(Value::Null, Value::String),
            }),
        }
    }

    /// A multi-choice: a code in its own cell, or the options whose cells are ticked.
    fn multi(&mut self, section: &str, x: &Question, pointer: &str) -> Option<Value> {
        if self.opened.area(&answer_name(section, &x.id)).is_some()
            && let Some(code) = self.named(&answer_name(section, &x.id), Some(x), pointer)
        {
            return Some(code);
        }
        let mut chosen = Vec::new();
        let mut any_cell = false;
        for option in &x.options {
            let Some(a) = self
                .opened
                .area(&option_name(section, &x.id, &option.value))
            else {
                continue;
            };
            let (sheet, first) = (a.sheet.clone(), a.first);
            if !any_cell {
                self.place(pointer, &sheet, first);
                any_cell = true;
            }
            let ticked = match self.content(&sheet, first) {
                Some(Content::Value(Data::Bool(false))) | None => false,
                Some(Content::Value(_)) => true,
                Some(Content::Formula(_)) => {
                    self.cell_value(&sheet, first, None, pointer);
                    false
                }
            };
            if ticked {
                chosen.push(json!(option.value));
            }
        }
        if !any_cell {
            self.problems.push(Problem::CellGone {
                pointer: pointer.to_string(),
            });
        }
        (!chosen.is_empty()).then_some(Value::Array(chosen))
    }

    /// A table's rows: each row of its area that has anything in it, its cells by the
    /// columns the template wrote (the computed ones are not written).
    fn table(&mut self, section: &str, x: &Question, pointer: &str) -> Option<Value> {
        let Some(area) = self.opened.area(&table_name(section, &x.id)) else {
            self.problems.push(Problem::CellGone {
                pointer: pointer.to_string(),
            });
            return None;
        };
        let (sheet, first, last) = (area.sheet.clone(), area.first, area.last);
        self.place(pointer, &sheet, first);
        let columns: Vec<&Question> = x.columns.iter().filter(|c| c.compute.is_none()).collect();
        let mut rows = Vec::new();
        for r in first.0..=last.0 {
            let n = rows.len();
            let mut cells = Map::new();
            let mut places = Vec::new();
            for (i, c) in columns.iter().enumerate() {
                let col = first.1 + u32::try_from(i).unwrap_or(u32::MAX);
                let at = format!("{pointer}/{n}/{}", c.id);
                if self.content(&sheet, (r, col)).is_some() {
                    places.push((at.clone(), col));
                    if let Some(v) = self.cell_value(&sheet, (r, col), Some(c), &at) {
                        cells.insert(c.id.clone(), v);
                    }
                } else {
                    places.push((at, col));
                }
            }
            // A blank row is no row. (A row given in advance shows its key, so it is one.)
            if places
                .iter()
                .all(|(_, col)| self.content(&sheet, (r, *col)).is_none())
            {
                continue;
            }
            for (at, col) in places {
                self.place(&at, &sheet, (r, col));
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
