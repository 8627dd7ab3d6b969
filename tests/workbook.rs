//! Workbooks: the template a respondent fills in a spreadsheet program, and the reply read
//! back from it. Every sample reply of the shipped questionnaires, written into the
//! template (as `--prefill` writes last cycle's reply) in each of the questionnaire's
//! languages and read back, gives the findings its TOML or JSON file gives.

use std::collections::BTreeSet;

use calamine::{Reader, Xlsx};
use canvass::reply::{Format, Limits};
use canvass::validate::Validator;
use canvass::values::workbook::{META_SHEET, answer_name, explanation_name, table_name};

fn validator(id: &str) -> Validator {
    let text = std::fs::read_to_string(format!("questionnaires/{id}/questionnaire.toml")).unwrap();
    Validator::new(canvass::check::check(&text).questionnaire.unwrap()).unwrap()
}

const SHIPPED: [&str; 3] = ["res-16-2", "household-2026", "un-cts-2025"];

#[path = "support/workbooks.rs"]
mod workbooks;
use workbooks::{aside, seen};

#[test]
fn every_sample_reply_round_trips_through_the_workbook_in_every_language() {
    let mut replies = 0;
    for id in SHIPPED {
        let v = validator(id);
        let q = v.questionnaire();
        for entry in std::fs::read_dir(format!("questionnaires/{id}/replies")).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let format = Format::detect(&path.to_string_lossy(), &text);
            let Ok((reply, _)) = canvass::reply::parse(&text, format, &Limits::default()) else {
                continue;
            };
            for lang in &q.languages {
                let bytes = canvass::template::xlsx::xlsx(q, lang, None, Some(&reply)).unwrap();
                let back = canvass::reply::workbook::read(&bytes, q).unwrap();
                assert_eq!(&back.lang, lang);
                // A misspelt key in the file is reported as unknown, and the answer it was
                // taken for is not also missing; a workbook has no misspelt keys, so there
                // that answer is missing. Such sections' missing answers are left aside.
                let from_file = v.walk(&reply);
                let misspelt = workbooks::misspelt(&from_file);
                assert_eq!(
                    aside(q, seen(&v.walk(&back.value)), &misspelt),
                    aside(q, seen(&from_file), &misspelt),
                    "{} in {lang}: read back as {}",
                    path.display(),
                    back.value
                );
                // Every finding's answer has a cell (or its table or section has).
                for f in v.walk(&back.value) {
                    let pointer = f.at.pointer.clone().unwrap_or_default();
                    let placed = back.cells.keys().any(|p| pointer.starts_with(p.as_str()))
                        || pointer.matches('/').count() <= 1;
                    assert!(placed, "{}: no cell for {pointer}", path.display());
                }
                replies += 1;
            }
        }
    }
    assert!(replies >= 20, "{replies} replies round-tripped");
}

#[test]
fn the_template_names_every_answer_cell_and_says_what_it_is() {
    for id in SHIPPED {
        let v = validator(id);
        let q = v.questionnaire();
        let bytes =
            canvass::template::xlsx::xlsx(q, q.source_language(), Some("NOR"), None).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let names: BTreeSet<String> = book
            .defined_names()
            .iter()
            .map(|(n, _)| n.clone())
            .collect();
        for section in &q.sections {
            for x in section.questions.iter().filter(|x| x.compute.is_none()) {
                let name = match x.kind {
                    canvass::questionnaire::model::QuestionType::Table => {
                        table_name(&section.id, &x.id)
                    }
                    canvass::questionnaire::model::QuestionType::MultiChoice
                        if x.codes.is_empty() =>
                    {
                        format!("{}.{}", answer_name(&section.id, &x.id), x.options[0].value)
                    }
                    _ => answer_name(&section.id, &x.id),
                };
                assert!(names.contains(&name), "{id}: no name {name}");
            }
        }
        // A cell to explain each rule that may be explained, and only those.
        let explainable: Vec<&str> = q
            .rules
            .iter()
            .filter(|r| r.severity.explainable())
            .map(|r| r.id.as_str())
            .collect();
        assert!(!explainable.is_empty(), "{id} has warning rules");
        for rule in &q.rules {
            let has_cell = names.contains(&explanation_name(&rule.id));
            assert_eq!(
                has_cell,
                explainable.contains(&rule.id.as_str()),
                "{id}: {}",
                rule.id
            );
        }
        let meta = book.worksheet_range(META_SHEET).unwrap();
        let fact = |r: u32| {
            meta.get_value((r, 1))
                .map(ToString::to_string)
                .unwrap_or_default()
        };
        assert_eq!(
            (fact(0), fact(1), fact(2), fact(4)),
            (
                q.id.clone(),
                q.version.clone(),
                q.source_language().to_string(),
                "NOR".to_string()
            )
        );
        assert_eq!(fact(3).len(), 64, "a SHA-256 of the layout");
        // The cover first, a sheet per section, the explanations, then the hidden sheets.
        assert_eq!(book.sheet_names().len(), q.sections.len() + 4, "{id}");
    }
}

#[test]
fn a_file_that_is_not_a_canvass_workbook_is_said_to_be_so() {
    let v = validator("res-16-2");
    let q = v.questionnaire();
    assert!(matches!(
        canvass::reply::workbook::read(b"PK\x03\x04 not really", q),
        Err(canvass::reply::workbook::Unreadable::NotAWorkbook(_))
    ));
    let mut other = rust_xlsxwriter::Workbook::new();
    other.add_worksheet().write_string(0, 0, "hello").unwrap();
    let bytes = other.save_to_buffer().unwrap();
    assert_eq!(
        canvass::reply::workbook::read(&bytes, q).unwrap_err(),
        canvass::reply::workbook::Unreadable::NotATemplate
    );
}

#[path = "support/cli.rs"]
mod cli;

/// `--prefill` writes a respondent's latest accepted reply from a collection into the
/// workbook (as last cycle's figures are sent back to be checked): read back, it is that
/// reply.
#[test]
fn a_prefilled_workbook_holds_the_respondents_accepted_reply() {
    let dir = cli::temp_dir("workbook-prefill");
    let db = dir.join("c.db").display().to_string();
    let init = cli::canvass(&["intake", "init", "-q", "un-cts-2025", "--db", &db]);
    assert_eq!(init.status, 0, "{}", init.stderr);
    let add = cli::canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "questionnaires/un-cts-2025/replies",
    ]);
    assert_eq!(add.status, 1, "{}", add.stderr);
    let out = dir.join("chl.xlsx");
    let run = cli::canvass(&[
        "template",
        "un-cts-2025",
        "--format",
        "xlsx",
        "--lang",
        "es",
        "--respondent",
        "CHL",
        "--prefill",
        &db,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let v = validator("un-cts-2025");
    let back =
        canvass::reply::workbook::read(&std::fs::read(&out).unwrap(), v.questionnaire()).unwrap();
    let text = std::fs::read_to_string("questionnaires/un-cts-2025/replies/chl.toml").unwrap();
    let (reply, _) = canvass::reply::parse(&text, Format::Toml, &Limits::default()).unwrap();
    assert_eq!(back.value, reply, "read back in Spanish");
    // NOR's reply has errors: it is not accepted, so there is nothing to prefill with.
    let none = cli::canvass(&[
        "template",
        "un-cts-2025",
        "--format",
        "xlsx",
        "--respondent",
        "NOR",
        "--prefill",
        &db,
        "-o",
        dir.join("nor.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(none.status, 2, "{}", none.stderr);
    assert!(
        none.stderr.contains("NOR has no accepted reply"),
        "{}",
        none.stderr
    );
    assert!(!dir.join("nor.xlsx").exists());
}

#[path = "support/replies.rs"]
mod replies;

use proptest::prelude::*;

/// A fault put into a generated reply, at the `which`-th answered question.
fn break_reply(
    q: &canvass::questionnaire::model::Questionnaire,
    reply: &mut serde_json::Value,
    which: prop::sample::Index,
    how: u8,
) {
    use canvass::questionnaire::model::QuestionType as T;
    let answered: Vec<(String, String, T)> = q
        .sections
        .iter()
        .flat_map(|s| s.questions.iter().map(move |x| (s, x)))
        .filter(|(s, x)| reply.get(&s.id).and_then(|a| a.get(&x.id)).is_some())
        .map(|(s, x)| (s.id.clone(), x.id.clone(), x.kind))
        .collect();
    if answered.is_empty() {
        return;
    }
    let (section, id, kind) = &answered[which.index(answered.len())];
    let answers = reply[section].as_object_mut().unwrap();
    match (how, kind) {
        (0, _) => {
            answers.remove(id);
        }
        (1, T::Integer | T::Number) => {
            answers.insert(id.clone(), serde_json::json!("1 234"));
        }
        (2, T::Integer | T::Number) => {
            answers.insert(id.clone(), serde_json::json!(1_000_000_000));
        }
        (3, T::Choice) => {
            answers.insert(id.clone(), serde_json::json!("no_such_option"));
        }
        _ => {}
    }
}

/// A reply as far as a workbook can carry it: a table whose rows are given in advance has
/// exactly those rows, in their order, each the reply's first row with that key or a row
/// with only the key (the workbook writes every key in).
fn carryable(q: &canvass::questionnaire::model::Questionnaire, reply: &mut serde_json::Value) {
    for s in &q.sections {
        for x in s.questions.iter().filter(|x| !x.rows.is_empty()) {
            let (Some(key), Some(rows)) = (
                x.key.as_deref(),
                reply
                    .get_mut(&s.id)
                    .and_then(|a| a.get_mut(&x.id))
                    .and_then(|t| t.as_array_mut()),
            ) else {
                continue;
            };
            let key_of = |row: &serde_json::Value| match row.get(key) {
                Some(serde_json::Value::String(k)) => Some(k.clone()),
                Some(other) => Some(other.to_string()),
                None => None,
            };
            let as_written = |k: &str| {
                k.parse::<i64>()
                    .map_or_else(|_| serde_json::json!(k), |n| serde_json::json!(n))
            };
            *rows = x
                .rows
                .iter()
                .map(|k| {
                    rows.iter()
                        .find(|row| key_of(row).as_deref() == Some(k.as_str()))
                        .cloned()
                        .unwrap_or_else(|| serde_json::json!({ key: as_written(k) }))
                })
                .collect();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Generated replies, some broken, written into a workbook and judged from it, give the
    /// findings (code and answer) the same reply gives as JSON; each finding is at a cell.
    #[test]
    fn generated_replies_give_the_same_findings_through_a_workbook(
        rolls in prop::collection::vec(any::<u32>(), 64..256),
        which in 0usize..SHIPPED.len(),
        faults in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4), 0..4),
    ) {
        let v = &validators()[which];
        let q = v.questionnaire();
        let mut reply = replies::generate(q, &rolls);
        for (at, how) in faults {
            break_reply(q, &mut reply, at, how);
        }
        carryable(q, &mut reply);
        let judge = canvass::judge::Judge::new(canvass::judge::Questionnaires::Fixed(v));
        let json = judge.judge("r.json", serde_json::to_vec(&reply).unwrap(), Some(Format::Json));
        let lang = &q.languages[rolls[0] as usize % q.languages.len()];
        let bytes = canvass::template::xlsx::xlsx(q, lang, None, Some(&reply)).unwrap();
        let book = judge.judge("r.xlsx", bytes, None);
        prop_assert_eq!(book.format, Format::Xlsx);
        prop_assert_eq!(
            aside(q, seen(&book.findings), &[]),
            aside(q, seen(&json.findings), &[]),
            "{} in {}", reply, lang
        );
        for f in &book.findings {
            let section_level = f.at.pointer.as_deref().is_none_or(|p| p.matches('/').count() <= 1);
            prop_assert!(
                section_level || matches!(f.at.place, canvass::findings::Place::Cell { .. }),
                "{:?} is at no cell", f
            );
        }
    }
}

fn validators() -> &'static [Validator] {
    static V: std::sync::OnceLock<Vec<Validator>> = std::sync::OnceLock::new();
    V.get_or_init(|| SHIPPED.iter().map(|id| validator(id)).collect())
}

/// A prefilled table keeps every row of the reply, even past the blank rows a template
/// offers (500 at most): last cycle's figures are never cut short.
#[test]
fn a_prefilled_table_keeps_every_row() {
    let text = r#"
id = "long-table"
version = "1"
title = { en = "A long table" }
languages = ["en"]

[[section]]
id = "cases"
title = { en = "Cases" }

[[section.question]]
id = "cases"
type = "table"
text = { en = "Each case" }
max_rows = 1000

[[section.question.columns]]
id = "age"
type = "integer"
text = { en = "Age" }
"#;
    let v = Validator::new(canvass::check::check(text).questionnaire.unwrap()).unwrap();
    let rows: Vec<_> = (0..700)
        .map(|i| serde_json::json!({ "age": i % 18 }))
        .collect();
    let reply = serde_json::json!({
        "questionnaire": "long-table", "version": "1", "cases": { "cases": rows }
    });
    let bytes = canvass::template::xlsx::xlsx(v.questionnaire(), "en", None, Some(&reply)).unwrap();
    let back = canvass::reply::workbook::read(&bytes, v.questionnaire()).unwrap();
    assert_eq!(back.value, reply);
}
