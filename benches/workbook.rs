//! Workbook replies: judging a filled template of the 44-question questionnaire (open the
//! archive, read the named cells, validate, place the findings at cells), and the reader
//! alone. Also writes what `benches/workbooks.sh` runs the command line over:
//! `target/bench-workbooks/` (193 filled templates, one per member state, as the
//! questionnaire's 193 replies would come back) and `target/bench-table/` (a questionnaire
//! with a table of up to 10,000 rows, and a workbook filling all of them).

#[path = "../tests/support/replies.rs"]
mod replies;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

use canvass::check::check;
use canvass::judge::{Judge, Questionnaires};
use canvass::reply::{Format, Limits};
use canvass::validate::Validator;

fn validator(text: &str) -> Validator {
    Validator::new(check(text).questionnaire.unwrap()).unwrap()
}

/// One filled template per member state, each a generated reply (every tenth with a mistake).
fn member_workbooks(v: &Validator) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-workbooks");
    std::fs::create_dir_all(&dir).unwrap();
    let q = v.questionnaire();
    let mut state = 0x9e37_79b9_u32;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    canvass::intake::members::members()
        .iter()
        .enumerate()
        .map(|(i, member)| {
            let rolls: Vec<u32> = (0..128).map(|_| next()).collect();
            let mut reply = replies::generate(q, &rolls);
            reply["respondent"]["country"] = json!(member.code);
            if i % 10 == 9 {
                reply["investigation"]["prosecuted"] = json!(1_000_000);
            }
            let bytes =
                canvass::template::xlsx::xlsx(q, "en", Some(member.code), Some(&reply)).unwrap();
            std::fs::write(
                dir.join(format!("{}.xlsx", member.code.to_lowercase())),
                &bytes,
            )
            .unwrap();
            bytes
        })
        .collect()
}

/// A questionnaire of one table of up to 10,000 rows, and a workbook filling every row.
fn big_table() -> (Validator, Vec<u8>) {
    let text = r#"
id = "big-table"
version = "1"
title = { en = "A table of 10,000 rows" }
languages = ["en"]

[[section]]
id = "cases"
title = { en = "Cases" }

[[section.question]]
id = "cases"
type = "table"
text = { en = "Each case" }
max_rows = 10000
required = true

[[section.question.columns]]
id = "reference"
type = "text"
text = { en = "Reference" }
required = true

[[section.question.columns]]
id = "age"
type = "integer"
text = { en = "Age of the child" }
min = 0
max = 17
required = true

[[section.question.columns]]
id = "sex"
type = "choice"
text = { en = "Sex" }
options = [{ value = "f", label = { en = "Female" } }, { value = "m", label = { en = "Male" } }]
"#;
    let v = validator(text);
    let rows: Vec<_> = (0..10_000)
        .map(|i| json!({ "reference": format!("C-{i:05}"), "age": i % 18, "sex": if i % 2 == 0 { "f" } else { "m" } }))
        .collect();
    let reply = json!({ "questionnaire": "big-table", "version": "1", "cases": { "cases": rows } });
    let bytes = canvass::template::xlsx::xlsx(v.questionnaire(), "en", None, Some(&reply)).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-table");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("questionnaire.toml"), text).unwrap();
    std::fs::write(dir.join("table-10000.xlsx"), &bytes).unwrap();
    (v, bytes)
}

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string("questionnaires/res-16-2/questionnaire.toml").unwrap();
    let v = validator(&text);
    let books = member_workbooks(&v);
    let judge = Judge::new(Questionnaires::Fixed(&v));
    let valid = books
        .iter()
        .find(|b| {
            judge
                .judge("r.xlsx", (*b).clone(), Some(Format::Xlsx))
                .findings
                .is_empty()
        })
        .expect("a valid workbook among them")
        .clone();
    let invalid = books[9].clone();
    let mut group = c.benchmark_group("workbook, 44 questions");
    group.bench_function("judge a valid reply", |b| {
        b.iter(|| judge.judge("r.xlsx", valid.clone(), Some(Format::Xlsx)));
    });
    group.bench_function(
        "judge a reply with a finding (and its sheet excerpt)",
        |b| {
            b.iter(|| judge.judge("r.xlsx", invalid.clone(), Some(Format::Xlsx)));
        },
    );
    group.bench_function("read the answers only", |b| {
        b.iter(|| {
            canvass::reply::workbook::open(&valid, &Limits::default())
                .unwrap()
                .read(v.questionnaire())
        });
    });
    group.finish();
    let (big, bytes) = big_table();
    let judge = Judge::new(Questionnaires::Fixed(&big));
    let mut group = c.benchmark_group("workbook, a table of 10,000 rows");
    group.sample_size(10);
    group.bench_function("judge", |b| {
        b.iter(|| judge.judge("t.xlsx", bytes.clone(), Some(Format::Xlsx)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
