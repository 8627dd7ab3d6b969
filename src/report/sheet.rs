//! The part of a workbook one finding shows, where a text reply shows its lines: a few rows
//! and columns of the sheet about the finding's cell, with column letters and row numbers,
//! the cell marked `▶` and each related cell on the same sheet marked `•`, then one line per
//! marked cell saying what it is about.
//!
//! Every cell's text comes from the reply and goes through `findings::visible`, cut to a
//! column's width, so the excerpt stays in proportion to the finding.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::findings::visible::visible;
use crate::findings::{Finding, Place, Worded};
use crate::source::SourceFile;
use crate::values::workbook::{column_letters, position, reference};

/// Characters a cell's text takes in the excerpt at most.
const CELL_CHARS: usize = 24;
/// Rows shown at most.
const MOST_ROWS: usize = 9;
/// Columns shown at most.
const MOST_COLUMNS: usize = 5;

/// A marked cell: its sign, its place on the finding's sheet (`None` on another sheet), how
/// it is named, and what it says.
struct Mark {
    sign: char,
    at: Option<(u32, u32)>,
    shown: String,
    said: String,
}

/// The finding's cell, then each related answer's.
fn marks(f: &Finding, worded: &Worded<'_>, sheet: &str, cell: &str) -> Option<Vec<Mark>> {
    let mut marks = vec![Mark {
        sign: '▶',
        at: Some(position(cell)?),
        shown: cell.to_string(),
        said: worded.label.clone().unwrap_or_default(),
    }];
    for (r, said) in f.related.iter().zip(&worded.related) {
        if let Place::Cell {
            sheet: other,
            cell: at,
        } = &r.at.place
        {
            let (shown, here) = if other == sheet {
                (at.clone(), position(at))
            } else {
                (reference(other, at), None)
            };
            marks.push(Mark {
                sign: '•',
                at: here,
                shown,
                said: said.clone(),
            });
        }
    }
    Some(marks)
}

/// The sheet excerpt of a finding at a cell, or `None` when it is not at one.
pub fn excerpt(file: &SourceFile, worded: &Worded<'_>) -> Option<String> {
    let Place::Cell { sheet, cell } = &worded.finding.at.place else {
        return None;
    };
    let marks = marks(worded.finding, worded, sheet, cell)?;
    let here: Vec<(u32, u32)> = marks.iter().filter_map(|m| m.at).collect();
    let cells = file.cells.as_deref();
    let blank = |r: u32, c: u32| {
        !here.contains(&(r, c))
            && cells
                .and_then(|x| x.get(sheet, r, c))
                .is_none_or(str::is_empty)
    };
    // Two rows above (a table's header), one below; columns about the marked ones. Rows and
    // columns with nothing in them are left out.
    let mut columns: BTreeSet<u32> = BTreeSet::new();
    for (_, c) in &here {
        columns.extend(c.saturating_sub(2)..=c + 1);
    }
    let candidate_rows: BTreeSet<u32> = here
        .iter()
        .flat_map(|(r, _)| r.saturating_sub(2)..=r + 1)
        .collect();
    let columns: Vec<u32> = columns
        .into_iter()
        .filter(|&c| candidate_rows.iter().any(|&r| !blank(r, c)))
        .take(MOST_COLUMNS)
        .collect();
    let rows: Vec<u32> = candidate_rows
        .into_iter()
        .filter(|&r| columns.iter().any(|&c| !blank(r, c)))
        .take(MOST_ROWS)
        .collect();
    let text = |r: u32, c: u32| -> String {
        let shown = cells.and_then(|cells| cells.get(sheet, r, c)).unwrap_or("");
        let sign = marks
            .iter()
            .find(|m| m.at == Some((r, c)))
            .map(|m| format!("{} ", m.sign))
            .unwrap_or_default();
        cut(&format!("{sign}{}", visible(shown)))
    };
    let grid: Vec<Vec<String>> = rows
        .iter()
        .map(|&r| columns.iter().map(|&c| text(r, c)).collect())
        .collect();
    let title = format!(
        "{} · {}",
        visible(&file.name),
        visible(&reference(sheet, cell))
    );
    Some(draw(&title, &columns, &rows, &grid, &marks))
}

/// The excerpt as text: a heading, column letters, numbered rows (`┆` where rows are left
/// out), then a line for each marked cell.
fn draw(
    title: &str,
    columns: &[u32],
    rows: &[u32],
    grid: &[Vec<String>],
    marks: &[Mark],
) -> String {
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            grid.iter()
                .map(|row| row[i].chars().count())
                .chain(std::iter::once(column_letters(c).len()))
                .max()
                .unwrap_or(1)
        })
        .collect();
    let gutter = rows.last().map_or(1, |r| (r + 1).to_string().len());
    let mut out = String::new();
    let _ = writeln!(out, " {:gutter$} ╭─[{title}]", "");
    let header: Vec<String> = columns
        .iter()
        .zip(&widths)
        .map(|(&c, &w)| pad(&column_letters(c), w))
        .collect();
    let _ = writeln!(out, " {:gutter$} │ {}", "", header.join(" │ ").trim_end());
    let mut last = None;
    for (&r, row) in rows.iter().zip(grid) {
        if last.is_some_and(|l: u32| r > l + 1) {
            let _ = writeln!(out, " {:gutter$} ┆", "");
        }
        last = Some(r);
        let line: Vec<String> = row.iter().zip(&widths).map(|(t, &w)| pad(t, w)).collect();
        let _ = writeln!(out, " {:>gutter$} │ {}", r + 1, line.join(" │ ").trim_end());
    }
    for mark in marks {
        if mark.said.is_empty() && mark.sign == '•' {
            continue;
        }
        let said = if mark.said.is_empty() {
            String::new()
        } else {
            format!(": {}", visible(&mark.said))
        };
        let _ = writeln!(
            out,
            " {:gutter$} · {} {}{said}",
            "",
            mark.sign,
            visible(&mark.shown)
        );
    }
    let _ = writeln!(out, " {:gutter$} ╰────", "");
    out
}

/// A cell's text cut to the excerpt's column width.
fn cut(text: &str) -> String {
    match text.char_indices().nth(CELL_CHARS - 1) {
        Some((at, _)) if text.chars().count() > CELL_CHARS => format!("{}…", &text[..at]),
        _ => text.to_string(),
    }
}

/// `text` padded with spaces to `width` characters.
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}
