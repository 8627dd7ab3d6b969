//! Plain text tables for the terminal (`intake status`, `tabulate`): columns padded to
//! their widest cell, counted in characters. Cells are escaped by the caller.

/// A table with a header row, a rule under it, and the rows; numbers are right-aligned.
pub fn render<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let numeric: Vec<bool> = (0..N)
        .map(|i| !rows.is_empty() && rows.iter().all(|r| is_number(&r[i])))
        .collect();
    let mut text = String::new();
    let line = |cells: &mut dyn Iterator<Item = &str>, text: &mut String| {
        let parts: Vec<String> = cells
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i].saturating_sub(c.chars().count());
                if numeric[i] {
                    format!("{}{c}", " ".repeat(pad))
                } else {
                    format!("{c}{}", " ".repeat(pad))
                }
            })
            .collect();
        text.push_str(parts.join("  ").trim_end());
        text.push('\n');
    };
    line(&mut header.iter().copied(), &mut text);
    line(
        &mut widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
        &mut text,
    );
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut text);
    }
    text
}

fn is_number(cell: &str) -> bool {
    cell == "-"
        || (!cell.is_empty()
            && cell
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-'))
}
