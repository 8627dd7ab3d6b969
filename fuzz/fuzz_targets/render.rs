//! Every printer on hostile input: a questionnaire and a reply from the fuzzer (split at
//! the first `\0`), the reply validated against that questionnaire when it passes `check`
//! (the shipped one otherwise), and the findings rendered as the human report at 80
//! columns, as JSON and as HTML; the questionnaire's own findings rendered too, and the
//! tables' page over the reply.
//! Never a panic (the line-length panic of miette was reachable by `reply` but never
//! rendered there); no character that drives a terminal in the human report; lines and
//! output in proportion to the findings, not to the input; JSON that parses.
#![no_main]

use std::sync::OnceLock;

use canvass::report::human::{Style, render, render_in};
use canvass::batch::ReplyReport;
use canvass::judge::JudgedBy;
use canvass::report::document::json_line;
use canvass::findings::visible::is_hidden;
use canvass::reply::Format;
use canvass::source::SourceFile;
use canvass::validate::Validator;
use libfuzzer_sys::fuzz_target;

fn shipped() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| {
        let text = include_str!("../../questionnaires/res-16-2/questionnaire.toml");
        let q = canvass::check::check(text).questionnaire.expect("the questionnaire passes check");
        Validator::new(q).expect("it compiles")
    })
}

// French words around the findings (English ones are what the tests snapshot).
const STYLE: Style = Style { color: false, width: 80, lang: "fr" };

fn assert_readable(human: &str, findings: usize) {
    for c in human.chars() {
        assert!(c == '\n' || !(is_hidden(c) || c.is_control()), "{c:?} reached the terminal");
    }
    // A finding shows a few lines, each cut to a window: far less than this.
    assert!(human.len() <= 500 + findings * 20_000, "{} bytes for {findings} findings", human.len());
    for line in human.lines() {
        assert!(line.chars().count() <= 2_000, "a line of {} characters", line.chars().count());
    }
}

fuzz_target!(|data: &[u8]| {
    let (questionnaire, reply) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&[][..], data),
    };
    let mut own = None;
    if let Ok(text) = std::str::from_utf8(questionnaire) {
        let checked = canvass::check::check(text);
        let file = SourceFile::new("questionnaire.toml", text);
        assert_readable(&render(&checked.findings, &file, STYLE), checked.findings.len());
        own = checked.questionnaire.and_then(|q| Validator::new(q).ok());
    }
    let validator = own.as_ref().unwrap_or_else(|| shipped());
    let Ok(text) = std::str::from_utf8(reply) else {
        return;
    };
    for format in [Format::Json, Format::Toml] {
        let file = SourceFile::new("reply\u{1b}[2J", text);
        // Findings worded in French for TOML replies (the words' other language).
        let lang = if format == Format::Toml { "fr" } else { validator.questionnaire().source_language() };
        let findings = validator.validate_as(&file, format);
        assert_readable(&render_in(&findings, &file, STYLE, lang), findings.len());
        let mut report = ReplyReport::new(file, findings);
        report.findings_lang = lang.to_string();
        report.questionnaire = Some(JudgedBy::of(validator.questionnaire()));
        let line = json_line(&report);
        serde_json::from_str::<serde_json::Value>(&line).expect("the JSON report parses");
        let html = canvass::report::html::section(&report);
        assert!(!html.body.contains("<script"), "markup from the reply reached the page");
        assert!(!html.body.contains("<mark><"), "markup from the reply reached the page");
    }
    // The tables' page, over this reply: the questionnaire's and the reply's texts escaped.
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        let q = validator.questionnaire();
        let mut counter = canvass::tabulate::Counter::new(q, None);
        counter.add(&value, None);
        let page = canvass::tabulate::page::html(&counter.finish(), q, q.source_language());
        assert!(!page.contains("<script"), "markup reached the tables' page");
        assert_eq!(page.matches("<style>").count(), 1, "markup reached the tables' page");
    }
});
