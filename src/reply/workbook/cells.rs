//! The cells canvass wants from a workbook, streamed out of its sheets: a sheet is read cell
//! by cell and only the wanted ones are kept, so a sheet of a million rows costs time in
//! proportion to its size and memory in proportion to the questionnaire. (calamine's
//! `worksheet_range` would make room for every cell between the first and the last used
//! one — a cell at `A1` and one at `XFD1048576` ask for seventeen billion.)

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};

use calamine::{Data, Xlsx};

/// A cell's place: zero-based `(row, column)`.
pub type Position = (u32, u32);

/// What a wanted cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// A value: typed in, or a formula's value as the spreadsheet program last computed it.
    Value(Data),
    /// A formula whose value was never computed (a file written by a program that does not
    /// calculate), as written.
    Formula(String),
}

/// The cells wanted from one sheet: single cells and rectangles.
#[derive(Debug, Default)]
pub struct Wanted {
    singles: HashSet<Position>,
    areas: Vec<(Position, Position)>,
    last_row: u32,
}

impl Wanted {
    pub fn cell(&mut self, at: Position) {
        self.singles.insert(at);
        self.last_row = self.last_row.max(at.0);
    }

    pub fn area(&mut self, first: Position, last: Position) {
        self.areas.push((first, last));
        self.last_row = self.last_row.max(last.0);
    }

    fn wants(&self, at: Position) -> bool {
        self.singles.contains(&at)
            || self
                .areas
                .iter()
                .any(|(a, b)| (a.0..=b.0).contains(&at.0) && (a.1..=b.1).contains(&at.1))
    }
}

/// The wanted cells of `sheet` that hold anything. `Err` when the sheet is not in the
/// workbook or does not read.
pub fn read<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    sheet: &str,
    wanted: &Wanted,
) -> Result<HashMap<Position, Content>, String> {
    let mut reader = book
        .worksheet_cells_reader(sheet)
        .map_err(|e| e.to_string())?;
    let mut found = HashMap::new();
    while let Some(cell) = reader.next_cell_with_formula().map_err(|e| e.to_string())? {
        let at = cell.pos;
        // Rows come in order: past the last wanted one, nothing more is wanted.
        if at.0 > wanted.last_row {
            break;
        }
        if !wanted.wants(at) {
            continue;
        }
        let value = Data::from(cell.value);
        let content = match (value, cell.formula) {
            (Data::Empty, Some(formula)) if !formula.is_empty() => Content::Formula(formula),
            (Data::Empty, _) => continue,
            (value, _) => Content::Value(value),
        };
        found.insert(at, content);
    }
    Ok(found)
}
