//! What a workbook reply and the same reply in a file are compared by: the findings as
//! `(code, pointer)`, with those a workbook cannot carry set aside.

#![allow(dead_code)] // each user takes what it needs

use std::collections::BTreeSet;

/// The findings as `(code, pointer)`, without those a workbook cannot carry: a key the
/// questionnaire does not have has no cell to be written in, and a workbook is of the
/// questionnaire and version its template was (CAN's file names an older version).
pub fn seen(findings: &[canvass::findings::Finding]) -> BTreeSet<(String, String)> {
    const NOT_IN_A_WORKBOOK: [&str; 3] =
        ["unknown-question", "duplicate-key", "wrong-questionnaire"];
    findings
        .iter()
        .filter(|f| !NOT_IN_A_WORKBOOK.contains(&f.code.as_str()))
        .map(|f| {
            (
                f.code.as_str().to_string(),
                f.at.pointer.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// Findings set aside when a file and a workbook are compared: in a section with a misspelt
/// key, the missing answers (the file reports the key as unknown, the workbook has no such
/// key, so the answer is missing); an answer written over a computed value (a workbook has
/// no cell for it); and, in a table whose rows are given in advance, where the missing
/// answer is (a workbook always has the rows, their keys written in: a row the file leaves
/// out is, in the workbook, a row with blank cells — either is one missing answer in that
/// table).
pub fn aside(
    q: &canvass::questionnaire::model::Questionnaire,
    set: BTreeSet<(String, String)>,
    misspelt: &[String],
) -> BTreeSet<(String, String)> {
    let computed: Vec<&str> = q
        .question_refs()
        .map(|r| q.question(r))
        .filter(|x| x.compute.is_some())
        .map(|x| x.id.as_str())
        .collect();
    let given: Vec<String> = q
        .sections
        .iter()
        .flat_map(|s| s.questions.iter().map(move |x| (s, x)))
        .filter(|(_, x)| !x.rows.is_empty())
        .map(|(s, x)| format!("/{}/{}", s.id, x.id))
        .collect();
    set.into_iter()
        .map(
            |(code, p)| match given.iter().find(|t| p.starts_with(t.as_str())) {
                Some(t) if code == "missing-answer" => (code, t.clone()),
                _ => (code, p),
            },
        )
        .filter(|(code, p)| {
            code != "missing-answer" || !misspelt.iter().any(|m| p.starts_with(m.as_str()))
        })
        .filter(|(code, p)| {
            code != "not-applicable" || !computed.iter().any(|c| p.rsplit('/').next() == Some(*c))
        })
        .collect()
}

/// The sections of a file reply holding a misspelt key (reported as unknown), as pointer
/// prefixes: their missing answers are set aside (see [`aside`]).
pub fn misspelt(findings: &[canvass::findings::Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.code.as_str() == "unknown-question")
        .filter_map(|f| {
            f.at.pointer
                .as_deref()?
                .rsplit_once('/')
                .map(|(s, _)| format!("{s}/"))
        })
        .collect()
}

/// The start of an openpyxl script that fills a template by its defined names, as a
/// respondent's own tools would: the workbook `sys.argv[1]` opened as `book`; `put(name,
/// value)` writes a named cell, `grid(name, rows)` a table's rows from its first cell
/// (`None` leaves a cell as it is).
pub const BY_NAME: &str = r#"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
def cell(name):
    sheet, ref = next(iter(book.defined_names[name].destinations))
    return book[sheet], ref.replace("$", "")
def put(name, value):
    sheet, ref = cell(name)
    sheet[ref] = value
def grid(name, rows):
    sheet, ref = cell(name)
    first = sheet[ref.split(":")[0]]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                sheet.cell(row=first.row + r, column=first.column + c, value=value)
"#;

/// Run Debian's Python 3 (where `.ci/test` installs openpyxl) on the script at `script`
/// with `args`; the test fails with Python's error output unless it succeeds.
pub fn python(script: &std::path::Path, args: &[&std::ffi::OsStr]) {
    let run = std::process::Command::new("/usr/bin/python3")
        .arg(script)
        .args(args)
        .output()
        .expect("Python 3 is installed: run .ci/test");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// [`python`] on `text`, written first as `name` in `dir`.
pub fn python_text(dir: &std::path::Path, name: &str, text: &str, args: &[&std::ffi::OsStr]) {
    let script = dir.join(name);
    std::fs::write(&script, text).unwrap();
    python(&script, args);
}
