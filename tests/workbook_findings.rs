//! Findings on workbook replies, at their sheet and cell: a workbook filled by openpyxl (as
//! a respondent's own tools fill one) with three mistakes, reported as a reviewer reads it;
//! and what only a workbook can get wrong — a formula never computed, an error value, a
//! deleted sheet, a removed name, another version's or another questionnaire's workbook —
//! each one finding. `.ci/test` installs Python's openpyxl.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/workbooks.rs"]
mod workbooks;

use std::path::{Path, PathBuf};
use std::process::Command;

use canvass::findings::{Finding, Place};
use canvass::judge::{Judge, Judgement, Questionnaires};
use canvass::report::human::{Style, render};
use canvass::validate::Validator;

fn validator(id: &str) -> Validator {
    let text = std::fs::read_to_string(format!("questionnaires/{id}/questionnaire.toml")).unwrap();
    Validator::new(canvass::check::check(&text).questionnaire.unwrap()).unwrap()
}

/// Fills CHL's crime-trends reply by the template's names, then does what the case says.
/// (After [`workbooks::BY_NAME`].)
const FILL: &str = r##"
case = sys.argv[3]
suspects = [[None, 412300, 338100, 74200], [None, 398750, 327000, 71750]]
personnel = [[None, 61700], [None, "Not available"]]
persons = [[None, 77100, 65000, 12100], [None, 80200, 67600, 12600]]
if case == "three-mistakes":
    suspects[1][3] = 61750           # the total is no longer males plus females
    personnel[0][1] = "61 700"       # a number typed as text
    persons[1][1] = "=C4+D4"         # a formula openpyxl cannot compute
if case == "error-value":
    persons[0][1] = "#DIV/0!"
put("q.respondent.country", "CHL")
put("q.respondent.agency", "Instituto Nacional de Estadísticas")
grid("t.police.suspects", suspects)
grid("t.police.personnel", personnel)
grid("t.prosecution.persons", persons)
grid("t.courts.convicted", [[None, 41800], [None, 43950]])
if case == "sheet-deleted":
    del book["2. Prosecution"]
if case == "name-removed":
    book.defined_names.delete("q.respondent.agency")
if case == "other-version":
    book["_canvass"]["B2"] = "2024-1"
book.save(sys.argv[2])
"##;

/// The crime-trends template filled by openpyxl as `case` says, in `dir`.
fn filled(dir: &Path, case: &str) -> PathBuf {
    let v = validator("un-cts-2025");
    let template = dir.join("template.xlsx");
    std::fs::write(
        &template,
        canvass::template::xlsx::xlsx(v.questionnaire(), "en", Some("CHL"), None).unwrap(),
    )
    .unwrap();
    let out = dir.join(format!("{case}.xlsx"));
    workbooks::python_text(
        dir,
        "fill.py",
        &format!("{}{FILL}", workbooks::BY_NAME),
        &[template.as_os_str(), out.as_os_str(), case.as_ref()],
    );
    out
}

/// The workbook judged by the crime-trends questionnaire, under a fixed name.
fn judged(path: &Path, name: &str) -> Judgement {
    let v = validator("un-cts-2025");
    Judge::new(Questionnaires::Fixed(&v)).judge(name, std::fs::read(path).unwrap(), None)
}

/// Each finding as `code pointer @ sheet!cell`.
fn summary(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            let at = match &f.at.place {
                Place::Cell { sheet, cell } => canvass::values::workbook::reference(sheet, cell),
                _ => "-".into(),
            };
            format!(
                "{} {} @ {at}",
                f.code,
                f.at.pointer.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn a_workbook_with_three_mistakes_is_reported_at_its_cells() {
    let dir = cli::temp_dir("workbook-three");
    let judgement = judged(
        &filled(dir.as_ref(), "three-mistakes"),
        "chl-three-mistakes.xlsx",
    );
    assert_eq!(
        summary(&judgement.findings),
        [
            "rule /police/suspects/1/total @ '1. Police'!C5",
            "invalid-type /police/personnel/0/persons @ '1. Police'!C9",
            "invalid-type /prosecution/persons/1/total @ '2. Prosecution'!C5",
        ]
    );
    assert_eq!(judgement.respondent.as_deref(), Some("CHL"));
    let human = render(&judgement.findings, &judgement.file, Style::PLAIN);
    insta::assert_snapshot!("three_mistakes_human", human);
    // JSON gives the sheet and the cell, for the finding and for each related answer.
    let report =
        canvass::batch::ReplyReport::new(judgement.file.clone(), judgement.findings.clone());
    let json: serde_json::Value =
        serde_json::from_str(&canvass::report::document::json_line(&report)).unwrap();
    let rule = &json["findings"][0];
    assert_eq!(
        rule["cell"],
        serde_json::json!({ "sheet": "1. Police", "ref": "C5" })
    );
    assert_eq!(
        rule["related"][1]["cell"],
        serde_json::json!({ "sheet": "1. Police", "ref": "E5" })
    );
    assert!(rule["span"].is_null());
    // The reviewer's page says where, and shows the sheet around it, escaped.
    let page = canvass::report::html::section(&report).body;
    assert!(page.contains("— cell &#39;1. Police&#39;!C5"), "{page}");
    assert!(page.contains("▶ 398750"), "{page}");
}

#[test]
fn what_only_a_workbook_can_get_wrong_is_one_finding_each() {
    let dir = cli::temp_dir("workbook-faults");
    for (case, expected) in [
        (
            "error-value",
            vec!["invalid-type /prosecution/persons/0/total @ '2. Prosecution'!C4"],
        ),
        // The section's questions are not also each missing.
        ("sheet-deleted", vec!["changed-layout /prosecution @ -"]),
        (
            "name-removed",
            vec!["changed-layout /respondent/agency @ -"],
        ),
        // Another version's workbook is that one finding, at the cover's cell.
        (
            "other-version",
            vec!["wrong-questionnaire /version @ 'About this workbook'!B7"],
        ),
    ] {
        let path = filled(dir.as_ref(), case);
        let judgement = judged(&path, &format!("{case}.xlsx"));
        assert_eq!(summary(&judgement.findings), expected, "{case}");
    }
    let gone = judged(&filled(dir.as_ref(), "sheet-deleted"), "sheet-deleted.xlsx");
    assert_eq!(gone.findings[0].code.as_str(), "changed-layout");
    let said = gone.findings[0].worded("en").message;
    assert_eq!(
        said,
        "the cells of section 2. Prosecution are not in the workbook: its sheet was deleted"
    );
}

#[test]
fn another_questionnaires_workbook_is_one_wrong_questionnaire_finding() {
    let household = validator("household-2026");
    let bytes = canvass::template::xlsx::xlsx(household.questionnaire(), "en", None, None).unwrap();
    let v = validator("un-cts-2025");
    let judgement = Judge::new(Questionnaires::Fixed(&v)).judge("household.xlsx", bytes, None);
    assert_eq!(
        summary(&judgement.findings),
        ["wrong-questionnaire /questionnaire @ 'About this workbook'!B6"]
    );
}

/// Each hostile workbook of the corpus is refused with words that say why.
#[test]
fn hostile_workbooks_are_refused_saying_why() {
    let v = validator("un-cts-2025");
    let judge = Judge::new(Questionnaires::Fixed(&v));
    for (file, said) in [
        (
            "workbook-corrupt.xlsx",
            "not a workbook canvass can read: invalid Zip archive",
        ),
        ("workbook-macros.xlsx", "the workbook holds macros"),
        (
            "workbook-zip-bomb.xlsx",
            "unpacked, this workbook would take 209742442 bytes",
        ),
        (
            "workbook-shared-strings-count.xlsx",
            "its shared strings declare",
        ),
        (
            "workbook-shared-strings-huge.xlsx",
            "its shared strings take 20973476 bytes",
        ),
        ("workbook-entities.xlsx", "unrecognized entity"),
    ] {
        let path = format!("tests/hostile/replies/{file}");
        let judgement = judge.judge(file, std::fs::read(&path).unwrap(), None);
        let [finding] = judgement.findings.as_slice() else {
            panic!("{file}: {:?}", judgement.findings);
        };
        let message = finding.worded("en").message;
        assert!(message.contains(said), "{file}: {message}");
        assert_eq!(finding.code.as_str(), "syntax");
    }
}

/// A sheet filled down to its last row (1,048,576), with every table's name stretched over
/// all of it: read one row past the row limit, judged, in flat memory.
#[cfg(target_os = "linux")]
#[test]
fn a_million_row_workbook_is_judged_in_flat_memory() {
    let dir = cli::temp_dir("workbook-million");
    let dir: &Path = dir.as_ref();
    let v = validator("un-cts-2025");
    let template = dir.join("template.xlsx");
    std::fs::write(
        &template,
        canvass::template::xlsx::xlsx(v.questionnaire(), "en", None, None).unwrap(),
    )
    .unwrap();
    workbooks::python(
        Path::new("tests/hostile/workbooks.py"),
        &[
            template.as_os_str(),
            dir.as_os_str(),
            "million".as_ref(),
            "xl/worksheets/sheet3.xml".as_ref(),
        ],
    );
    let book = dir.join("workbook-million-rows.xlsx");
    // The report goes to a file: a pipe nobody reads until the end would fill and stall.
    let report = dir.join("report.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(["validate", "-q", "un-cts-2025", "--format", "json"])
        .arg(&book)
        .stdout(std::fs::File::create(&report).unwrap())
        .stderr(std::fs::File::create(dir.join("stderr.txt")).unwrap())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        peak = peak.max(cli::peak_kib(pid).unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let status = child.wait().unwrap();
    let stderr = std::fs::read_to_string(dir.join("stderr.txt")).unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let reply = &json["replies"][0];
    assert_eq!(reply["questionnaire"]["id"], "un-cts-2025");
    // The findings are capped and say so; none of them is canvass failing.
    let findings = reply["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 200);
    assert!(findings.iter().all(|f| f["code"] != "internal-error"));
    // 78 MB when measured (25 MB for a filled template of the same questionnaire).
    assert!(peak < 120 * 1024, "resident memory reached {peak} KiB");
}
