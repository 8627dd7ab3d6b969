//! How a questionnaire is laid out in a workbook, as far as the template writer and the
//! workbook reader must agree: the defined name of each answer cell and table, the hidden
//! sheets, and sheet names Excel accepts. Nothing here reads or writes a file.

/// The very hidden sheet that says which questionnaire, version and language a workbook is.
pub const META_SHEET: &str = "_canvass";
/// The hidden sheet holding the lists a cell offers (options with their labels, codes).
pub const LISTS_SHEET: &str = "_lists";

/// The defined name of the cover's cell showing the questionnaire's id.
pub const QUESTIONNAIRE_NAME: &str = "canvass.questionnaire";
/// The defined name of the cover's cell showing the questionnaire's version.
pub const VERSION_NAME: &str = "canvass.version";

/// The defined name of a question's answer cell: `q.section.question`.
pub fn answer_name(section: &str, question: &str) -> String {
    format!("q.{section}.{question}")
}

/// The defined name of one option's cell of a multi-choice question.
pub fn option_name(section: &str, question: &str, option: &str) -> String {
    format!("q.{section}.{question}.{option}")
}

/// The defined name of a table's rows (its header excluded): `t.section.table`.
pub fn table_name(section: &str, table: &str) -> String {
    format!("t.{section}.{table}")
}

/// The defined name of the cell where a reply explains rule `rule`: `x.rule`, each `-` of
/// the id written `.` (Excel refuses `-` in a name; a rule id never holds a `.`).
pub fn explanation_name(rule: &str) -> String {
    format!("x.{}", rule.replace('-', "."))
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with `'`; made distinct from `taken` by a number.
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    // A leading `_` is kept for canvass's own hidden sheets.
    let clean = clean
        .trim()
        .trim_matches('\'')
        .trim()
        .trim_start_matches('_')
        .trim();
    let base: String = if clean.is_empty() {
        "Sheet".into()
    } else {
        clean.chars().take(31).collect()
    };
    let mut name = base.clone();
    let mut n = 2;
    // Spreadsheets compare sheet names without case, accented letters too.
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        name = base.chars().take(keep).collect::<String>() + &suffix;
        n += 1;
    }
    name
}

/// `A1` notation of a zero-based row and column.
pub fn cell_ref(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// A cell as a spreadsheet user writes it: `Police!C5`, or `'1. Police'!C5` when the
/// sheet's name holds anything but letters, digits and `_`.
pub fn reference(sheet: &str, cell: &str) -> String {
    if !sheet.is_empty() && sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        format!("{sheet}!{cell}")
    } else {
        format!("'{}'!{cell}", sheet.replace('\'', "''"))
    }
}

/// The column letters of a zero-based column: `C` for 2.
pub fn column_letters(col: u32) -> String {
    let a1 = cell_ref(0, u16::try_from(col).unwrap_or(u16::MAX));
    a1.trim_end_matches(|c: char| c.is_ascii_digit())
        .to_string()
}

/// An A1 reference as a zero-based `(row, column)`: `C5` is `(4, 2)`; `$` signs allowed.
pub fn position(a1: &str) -> Option<(u32, u32)> {
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

/// An absolute reference to a cell of a sheet, as a defined name holds it: `'Police'!$C$5`.
pub fn absolute(sheet: &str, row: u32, col: u16) -> String {
    let a1 = cell_ref(row, col);
    let split = a1.find(|c: char| c.is_ascii_digit()).unwrap_or(a1.len());
    format!(
        "'{}'!${}${}",
        sheet.replace('\'', "''"),
        &a1[..split],
        &a1[split..]
    )
}

/// An absolute reference to the cells of a sheet from `first` to `last` (each a zero-based
/// `(row, column)`): `'Police'!$B$3:$E$22`.
pub fn absolute_range(sheet: &str, first: (u32, u16), last: (u32, u16)) -> String {
    let end = absolute(sheet, last.0, last.1);
    let end = end
        .rsplit_once('!')
        .map_or(end.as_str(), |(_, cells)| cells);
    format!("{}:{end}", absolute(sheet, first.0, first.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(13, 3), "D14");
        assert_eq!(position("D14"), Some((13, 3)));
        assert_eq!(position("$AA$1"), Some((0, 26)));
        assert_eq!(position("A0"), None);
        assert_eq!(position("14"), None);
        assert_eq!(column_letters(27), "AB");
        assert_eq!(reference("Police", "C5"), "Police!C5");
        assert_eq!(reference("1. Bob's", "C5"), "'1. Bob''s'!C5");
        assert_eq!(cell_ref(0, 25), "Z1");
        assert_eq!(cell_ref(0, 26), "AA1");
        assert_eq!(cell_ref(9, 701), "ZZ10");
        assert_eq!(absolute("Bob's", 4, 2), "'Bob''s'!$C$5");
        assert_eq!(absolute_range("A!b", (2, 1), (21, 4)), "'A!b'!$B$3:$E$22");
    }

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(sheet_name("1. Police", &[]), "1. Police");
        assert_eq!(sheet_name("a/b:c", &[]), "a b c");
        assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 31);
        let taken = vec!["Police".to_string()];
        assert_eq!(sheet_name("police", &taken), "police (2)");
        assert_eq!(sheet_name("_canvass", &[]), "canvass");
        assert_eq!(sheet_name("ÉTAT", &["état".to_string()]), "ÉTAT (2)");
        assert_eq!(sheet_name("  ", &[]), "Sheet");
    }
}
