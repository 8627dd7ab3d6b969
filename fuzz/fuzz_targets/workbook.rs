//! The workbook reader and its findings, on hostile archives: bytes judged as a workbook reply
//! to the crime-trends questionnaire (tables, rows given in advance, codes), the findings
//! rendered as the human report (with the sheet excerpt) and as JSON.
//! Never a panic; every finding at a cell names a cell spreadsheets know; no character that
//! drives a terminal in the report; output in proportion to the findings.
#![no_main]

use std::sync::OnceLock;

use canvass::batch::ReplyReport;
use canvass::findings::visible::is_hidden;
use canvass::findings::Place;
use canvass::judge::{Judge, Questionnaires};
use canvass::reply::Format;
use canvass::report::document::json_line;
use canvass::report::human::{Style, render};
use canvass::validate::Validator;
use libfuzzer_sys::fuzz_target;

fn crime_trends() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| {
        let text = include_str!("../../questionnaires/un-cts-2025/questionnaire.toml");
        let q = canvass::check::check(text).questionnaire.expect("the questionnaire passes check");
        Validator::new(q).expect("it compiles")
    })
}

const STYLE: Style = Style { color: false, width: 80, lang: "en" };

fuzz_target!(|data: &[u8]| {
    let judge = Judge::new(Questionnaires::Fixed(crime_trends()));
    let judged = judge.judge("reply.xlsx", data.to_vec(), Some(Format::Xlsx));
    assert!(!judged.findings.is_empty() || judged.questionnaire.is_some());
    for f in &judged.findings {
        for at in std::iter::once(&f.at).chain(f.related.iter().map(|r| &r.at)) {
            if let Place::Cell { sheet, cell } = &at.place {
                assert!(!sheet.is_empty(), "a cell on no sheet");
                assert!(canvass::values::workbook::position(cell).is_some(), "{cell} is no cell");
            }
        }
    }
    let human = render(&judged.findings, &judged.file, STYLE);
    for c in human.chars() {
        assert!(c == '\n' || !(is_hidden(c) || c.is_control()), "{c:?} reached the terminal");
    }
    assert!(human.len() <= 500 + judged.findings.len() * 20_000, "{} bytes", human.len());
    let report = ReplyReport::new(judged.file.clone(), judged.findings.clone());
    let line = json_line(&report);
    serde_json::from_str::<serde_json::Value>(&line).expect("the JSON report parses");
});
