//! The spreadsheet formula guard: text a spreadsheet program would take for a formula is
//! written as text, with a leading `'`. Every CSV canvass writes (status, exports, tables)
//! goes through [`Csv`], which guards every cell, so no writer can forget one.
//!
//! A formula needs a leading `=`, `@`, `+` or `-` (or a tab or carriage return that a
//! program strips before one). `+` and `-` also start numbers and telephone numbers
//! (`-5`, `+43 1 53126 0`): followed only by digits, spaces and `.,()/-+`, such a text can
//! name no function or cell and run nothing, so it is written as it is.

/// `s` as a spreadsheet cell shows it, never run as a formula.
pub fn guard(s: &str) -> String {
    if is_formula(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn is_formula(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b'=' | b'@' | b'\t' | b'\r') => true,
        Some(b'+' | b'-') => !s[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b" .,()/-+".contains(&b)),
        _ => false,
    }
}

/// A CSV writer whose every cell goes through [`guard`].
pub struct Csv<W: std::io::Write>(csv::Writer<W>);

impl<W: std::io::Write> Csv<W> {
    pub fn new(out: W) -> Self {
        Self(csv::Writer::from_writer(out))
    }

    /// Write one row, each cell guarded.
    pub fn row<I, S>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.0
            .write_record(cells.into_iter().map(|c| guard(c.as_ref())))
    }

    /// The writer, flushed; what went wrong when it could not be.
    pub fn into_inner(self) -> Result<W, std::io::Error> {
        self.0.into_inner().map_err(csv::IntoInnerError::into_error)
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::guard;

    #[test]
    fn formulas_are_text_and_numbers_stay_numbers() {
        for formula in [
            "=1+2",
            "@SUM(A1)",
            "+HYPERLINK(\"x\")",
            "-2+cmd|' /C calc'!A0",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(guard(formula), format!("'{formula}"));
        }
        for plain in [
            "-5",
            "-1.5",
            "+43 1 53126 0",
            "+1 (212) 963-1234",
            "AUT",
            "",
        ] {
            assert_eq!(guard(plain), plain);
        }
    }
}
