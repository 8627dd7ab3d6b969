//! Workbooks in the programs respondents use: Debian's `LibreOffice`, headless, opens each
//! template and saves it again, and canvass still reads it; Python's openpyxl fills a
//! template by its defined names, as a respondent's own tools would, and canvass reads the
//! reply it holds. `.ci/test` installs both.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;
use std::process::Command;

use canvass::reply::{Format, Limits};
use canvass::validate::Validator;

fn validator(id: &str) -> Validator {
    let text = std::fs::read_to_string(format!("questionnaires/{id}/questionnaire.toml")).unwrap();
    Validator::new(canvass::check::check(&text).questionnaire.unwrap()).unwrap()
}

fn reply(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let format = Format::detect(path, &text);
    canvass::reply::parse(&text, format, &Limits::default())
        .unwrap()
        .0
}

/// `LibreOffice`, headless, with a profile of its own: opens `file` and saves it as .xlsx
/// in `out`.
fn libreoffice_resave(file: &Path, out: &Path, profile: &Path) {
    let run = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
        ])
        .arg(out)
        .arg(file)
        .output()
        .expect("LibreOffice (soffice) is installed: run .ci/test");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn libreoffice_saves_a_filled_template_and_canvass_still_reads_the_reply() {
    let dir = cli::temp_dir("libreoffice");
    let profile = dir.join("profile");
    for (id, sample) in [
        ("res-16-2", "questionnaires/res-16-2/replies/aut.toml"),
        (
            "household-2026",
            "questionnaires/household-2026/replies/ab-00001.toml",
        ),
        ("un-cts-2025", "questionnaires/un-cts-2025/replies/chl.toml"),
    ] {
        let v = validator(id);
        let q = v.questionnaire();
        let given = reply(sample);
        for lang in ["en", "fr"] {
            let bytes = canvass::template::xlsx::xlsx(q, lang, None, Some(&given)).unwrap();
            let file = dir.join(format!("{id}-{lang}.xlsx"));
            std::fs::write(&file, bytes).unwrap();
            let out = dir.join("saved");
            libreoffice_resave(&file, &out, &profile);
            let saved = std::fs::read(out.join(file.file_name().unwrap())).unwrap();
            let back = canvass::reply::workbook::read(&saved, q)
                .unwrap_or_else(|e| panic!("{id} in {lang}: {e:?}"));
            assert_eq!(back.lang, lang);
            assert_eq!(
                v.walk(&back.value).len(),
                v.walk(&given).len(),
                "{id} in {lang}: read back as {}",
                back.value
            );
            assert!(v.walk(&back.value).is_empty(), "{id}: the sample is valid");
        }
    }
}

/// openpyxl writes the answers into the cells the template names, as a respondent's script
/// or form tool would: CHL's crime-trends figures, typed as numbers and the code's label.
/// (After [`workbooks::BY_NAME`].)
const FILL: &str = r#"
put("q.respondent.country", "CHL")
put("q.respondent.agency", "Instituto Nacional de Estadísticas")
grid("t.police.suspects", [[None, 412300, 338100, 74200], [None, 398750, 327000, 71750]])
grid("t.police.personnel", [[None, 61700], [None, "Not available"]])
grid("t.prosecution.persons", [[None, 77100, 65000, 12100], [None, 80200, 67600, 12600]])
grid("t.courts.convicted", [[None, 41800], [None, 43950]])
book.save(sys.argv[2])
"#;

#[test]
fn openpyxl_fills_a_template_and_canvass_reads_the_same_reply() {
    let dir = cli::temp_dir("openpyxl");
    let v = validator("un-cts-2025");
    let q = v.questionnaire();
    let template = dir.join("template.xlsx");
    std::fs::write(
        &template,
        canvass::template::xlsx::xlsx(q, "en", Some("CHL"), None).unwrap(),
    )
    .unwrap();
    let filled = dir.join("filled.xlsx");
    workbooks::python_text(
        dir.as_ref(),
        "fill.py",
        &format!("{}{FILL}", workbooks::BY_NAME),
        &[template.as_os_str(), filled.as_os_str()],
    );
    let back = canvass::reply::workbook::read(&std::fs::read(&filled).unwrap(), q).unwrap();
    assert_eq!(
        back.value,
        reply("questionnaires/un-cts-2025/replies/chl.toml")
    );
    assert!(v.walk(&back.value).is_empty());
    // Where each answer is, as a reviewer would be told: the sheet and the cell.
    let (sheet, cell) = &back.cells["/police/personnel/1/persons"];
    assert_eq!((sheet.as_str(), cell.as_str()), ("1. Police", "C10"));
}

#[path = "support/workbooks.rs"]
mod workbooks;

/// openpyxl types a reply into a blank template: each cell of each defined name, at its
/// offset from the name's first cell, a date as a date.
const TYPE_IN: &str = r#"
import sys, json, datetime, openpyxl
for job in json.load(open(sys.argv[1])):
    book = openpyxl.load_workbook(job["template"])
    for name, dr, dc, value in job["cells"]:
        sheet, ref = next(iter(book.defined_names[name].destinations))
        first = book[sheet][ref.replace("$", "").split(":")[0]]
        if isinstance(value, dict):
            day = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=value["serial"])
            value = day.time() if value["serial"] < 1 else day.date()
        book[sheet].cell(row=first.row + dr, column=first.column + dc, value=value)
    book.save(job["out"])
"#;

/// What a respondent types into the template for a reply: every cell of every defined name
/// that the template prefilled with the reply holds, as `[name, row offset, column offset,
/// value]`.
fn typed_cells(prefilled: &[u8]) -> Vec<serde_json::Value> {
    use calamine::{Data, Reader, Xlsx};
    let mut book = Xlsx::new(std::io::Cursor::new(prefilled)).unwrap();
    let names = book.defined_names().to_vec();
    let mut cells = Vec::new();
    for (name, formula) in names {
        if !(name.starts_with("q.") || name.starts_with("t.")) {
            continue;
        }
        let (sheet, range) = formula.rsplit_once('!').unwrap();
        let sheet = sheet.trim_matches('\'').replace("''", "'");
        let (first, last) = range.split_once(':').unwrap_or((range, range));
        let first = canvass::values::workbook::position(first).unwrap();
        let last = canvass::values::workbook::position(last).unwrap();
        let grid = book.worksheet_range(&sheet).unwrap();
        for r in first.0..=last.0 {
            for c in first.1..=last.1 {
                let value = match grid.get_value((r, c)) {
                    None | Some(Data::Empty) => continue,
                    Some(Data::DateTime(d)) => serde_json::json!({ "serial": d.as_f64() }),
                    Some(Data::String(s)) => serde_json::json!(s),
                    Some(Data::Int(n)) => serde_json::json!(n),
                    Some(Data::Float(f)) => serde_json::json!(f),
                    Some(Data::Bool(b)) => serde_json::json!(b),
                    Some(other) => panic!("{name}: the template holds {other:?}"),
                };
                cells.push(serde_json::json!([name, r - first.0, c - first.1, value]));
            }
        }
    }
    cells
}

/// Every sample reply of the three shipped questionnaires, typed into a blank template by
/// openpyxl (in the questionnaire's source language and in French), gives the findings its
/// file gives: the same codes at the same answers, each at a cell.
#[test]
fn openpyxl_types_every_sample_reply_and_canvass_gives_the_files_findings() {
    let dir = cli::temp_dir("openpyxl-samples");
    let mut jobs = Vec::new();
    let mut expected = Vec::new();
    for id in ["res-16-2", "household-2026", "un-cts-2025"] {
        let v = validator(id);
        let q = v.questionnaire();
        for entry in std::fs::read_dir(format!("questionnaires/{id}/replies")).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let format = Format::detect(&path.to_string_lossy(), &text);
            let Ok((value, _)) = canvass::reply::parse(&text, format, &Limits::default()) else {
                continue;
            };
            for lang in ["en", "fr"] {
                let stem = path.file_stem().unwrap().to_string_lossy();
                let template = dir.join(format!("{id}-{stem}-{lang}-blank.xlsx"));
                let out = dir.join(format!("{id}-{stem}-{lang}.xlsx"));
                std::fs::write(
                    &template,
                    canvass::template::xlsx::xlsx(q, lang, None, None).unwrap(),
                )
                .unwrap();
                let prefilled = canvass::template::xlsx::xlsx(q, lang, None, Some(&value)).unwrap();
                jobs.push(serde_json::json!({
                    "template": template,
                    "out": out,
                    "cells": typed_cells(&prefilled),
                }));
                expected.push((id, path.clone(), out, v.walk(&value)));
            }
        }
    }
    let jobs_file = dir.join("jobs.json");
    std::fs::write(&jobs_file, serde_json::to_vec(&jobs).unwrap()).unwrap();
    workbooks::python_text(
        dir.as_ref(),
        "type_in.py",
        TYPE_IN,
        &[jobs_file.as_os_str()],
    );
    let validators: std::collections::HashMap<&str, Validator> =
        ["res-16-2", "household-2026", "un-cts-2025"]
            .into_iter()
            .map(|id| (id, validator(id)))
            .collect();
    let mut findings = 0;
    for (id, path, out, from_file) in &expected {
        let v = &validators[id];
        let judge = canvass::judge::Judge::new(canvass::judge::Questionnaires::Fixed(v));
        let judged = judge.judge(out.display().to_string(), std::fs::read(out).unwrap(), None);
        findings += judged.findings.len();
        let misspelt = workbooks::misspelt(from_file);
        assert_eq!(
            workbooks::aside(
                v.questionnaire(),
                workbooks::seen(&judged.findings),
                &misspelt
            ),
            workbooks::aside(v.questionnaire(), workbooks::seen(from_file), &misspelt),
            "{} typed in by openpyxl ({})",
            path.display(),
            out.display()
        );
        for f in &judged.findings {
            assert!(
                matches!(f.at.place, canvass::findings::Place::Cell { .. })
                    || f.at
                        .pointer
                        .as_deref()
                        .is_none_or(|p| p.matches('/').count() <= 1),
                "{}: {f:?} is at no cell",
                out.display()
            );
        }
    }
    assert!(
        expected.len() >= 24,
        "{} workbooks typed in",
        expected.len()
    );
    // The samples are of both kinds: most carry findings.
    assert!(findings >= 30, "{findings} findings in all");
}

/// The export's formula guard, as a spreadsheet program sees it: `LibreOffice` opens the
/// exported CSV and keeps every international phone number as the text it is, while no cell
/// holding a formula prefix becomes a formula. (The same file without the guard is first
/// shown to give `LibreOffice` a formula, so the test can fail.)
#[test]
fn libreoffice_opens_the_export_with_phone_numbers_as_written_and_no_formula() {
    let dir = cli::temp_dir("export-guard");
    let profile = dir.join("profile");
    let db = dir.join("c.db").display().to_string();
    let init = cli::canvass(&["intake", "init", "-q", "res-16-2", "--db", &db]);
    assert_eq!(init.status, 0, "{}", init.stderr);
    let aut = std::fs::read_to_string("questionnaires/res-16-2/replies/aut.toml").unwrap();
    let hostile = [
        ("AUT", "+43 1 53126 0"),
        ("FRA", "=HYPERLINK(\"http://example.org\";\"x\")"),
        ("DEU", "+49 (30) 1234-567"),
        ("ITA", "@SUM(1+1)"),
        ("ESP", "-2+3+cmd|' /C calc'!A0"),
        ("NOR", "\t=1+1"),
        ("SWE", "=1+1"),
    ];
    for (country, institution) in hostile {
        let text = aut
            .replace("country = \"AUT\"", &format!("country = \"{country}\""))
            .replace(
                "institution = \"Federal Ministry of Justice\"",
                &format!("institution = {}", toml_string(institution)),
            );
        let file = dir.join(format!("{country}.toml"));
        std::fs::write(&file, text).unwrap();
        let add = cli::canvass(&["intake", "add", "--db", &db, file.to_str().unwrap()]);
        assert!(add.status <= 1, "{}", add.stderr);
    }
    let out = dir.join("export");
    let export = cli::canvass(&[
        "intake",
        "export",
        "--db",
        &db,
        "--all",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(export.status, 0, "{}", export.stderr);
    // Unguarded, the same cell is a formula to LibreOffice.
    let bare = dir.join("bare.csv");
    std::fs::write(&bare, "institution\n=1+1\n").unwrap();
    libreoffice_resave(&bare, &dir, &profile);
    assert_eq!(
        cell_types(&dir.join("bare.xlsx")),
        [("institution".into(), 's'), ("=1+1".into(), 'f')]
    );

    libreoffice_resave(&out.join("replies.csv"), &dir, &profile);
    let cells = cell_types(&dir.join("replies.xlsx"));
    let formulas: Vec<&(String, char)> = cells.iter().filter(|(_, t)| *t == 'f').collect();
    assert!(formulas.is_empty(), "{formulas:?}");
    for phone in ["+43 1 53126 0", "+49 (30) 1234-567"] {
        assert!(
            cells.contains(&(phone.to_string(), 's')),
            "{phone} not kept as written: {cells:?}"
        );
    }
    assert!(cells.contains(&("'=1+1".to_string(), 's')), "{cells:?}");
}

/// A TOML basic string holding `s`.
fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// Every non-empty cell of the first sheet of `book` with its openpyxl data type (`s` text,
/// `n` number, `f` formula), by openpyxl.
fn cell_types(book: &Path) -> Vec<(String, char)> {
    let script = "import sys, json, openpyxl\n\
        ws = openpyxl.load_workbook(sys.argv[1]).active\n\
        print(json.dumps([[str(c.value), c.data_type] for row in ws.iter_rows() for c in row if c.value is not None]))\n";
    let run = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .arg(book)
        .output()
        .expect("python3 with openpyxl is installed: run .ci/test");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let cells: Vec<(String, String)> = serde_json::from_slice(&run.stdout).unwrap();
    cells
        .into_iter()
        .map(|(v, t)| (v, t.chars().next().unwrap_or('?')))
        .collect()
}
