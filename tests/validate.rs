//! `canvass validate`: a fixture folder per finding code under `tests/validate/` (a reply,
//! validated against the folder's questionnaire.toml or the shared one), each giving
//! exactly one finding of that code; the human and JSON reports are insta snapshots.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use canvass::batch::ReplyReport;
use canvass::check::check;
use canvass::findings::Code;
use canvass::judge::JudgedBy;
use canvass::report::document::json_reply;
use canvass::report::human::{Style, render};
use canvass::source::SourceFile;
use canvass::validate::Validator;

/// The code a fixture folder expects: its name, up to a `--CASE` suffix.
fn expected_code(folder: &Path) -> String {
    let name = folder.file_name().unwrap().to_string_lossy();
    name.split("--").next().unwrap().to_string()
}

/// A folder's own questionnaire, else the roster's for a `CODE--CASE` folder, else the
/// shared one.
fn validator_for(folder: &Path) -> Validator {
    let own = folder.join("questionnaire.toml");
    let named = folder.file_name().unwrap().to_string_lossy().contains("--");
    let path = if own.exists() {
        own
    } else if named {
        PathBuf::from("tests/validate/roster.toml")
    } else {
        PathBuf::from("tests/validate/questionnaire.toml")
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let q = check(&text)
        .questionnaire
        .unwrap_or_else(|| panic!("{} fails check", path.display()));
    Validator::new(q).unwrap()
}

fn relative(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text[text.find("tests/").unwrap_or(0)..].to_string()
}

#[test]
fn finding() {
    insta::glob!("validate/*/reply.*", |path| {
        let folder = path.parent().unwrap();
        let expected = expected_code(folder);
        let v = validator_for(folder);
        let file = SourceFile::new(relative(path), std::fs::read_to_string(path).unwrap());
        let findings = v.validate(&file);
        let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
        if expected == "valid" {
            assert!(codes.is_empty(), "{expected}: {codes:?}");
        } else {
            assert_eq!(codes, [expected.as_str()], "one fault, one finding");
            assert!(
                findings[0].at.span().is_some(),
                "{expected}: the finding has no place"
            );
        }
        let human = render(&findings, &file, Style::PLAIN);
        let mut report = ReplyReport::new(file, findings);
        report.questionnaire = Some(JudgedBy::of(v.questionnaire()));
        let json = json_reply(&report);
        insta::assert_snapshot!("human", human);
        // As written (insta's JSON writer shows serde_json's private form of numbers).
        insta::assert_snapshot!("json", serde_json::to_string_pretty(&json).unwrap());
    });
}

#[test]
fn every_reply_code_has_a_fixture_folder() {
    // Two codes come from the batch, not from a reply's content: an end-to-end test
    // shows each of them.
    let batch = [
        (Code::InternalError, include_str!("hostile_commands.rs")),
        (Code::SkippedFile, include_str!("hostile.rs")),
        (Code::ChangedLayout, include_str!("workbook_findings.rs")),
    ];
    for code in Code::ALL.iter().filter(|c| c.is_reply_code()) {
        if let Some((_, test)) = batch.iter().find(|(c, _)| c == code) {
            let quoted = format!("\"{}\"", code.as_str());
            assert!(test.contains(&quoted), "no end-to-end test shows {code}");
            continue;
        }
        let folder = format!("tests/validate/{}", code.as_str());
        assert!(Path::new(&folder).is_dir(), "no fixture folder {folder}");
    }
}

#[test]
fn french_reports_use_french_question_texts() {
    let folder = Path::new("tests/validate/missing-answer");
    let v = validator_for(folder);
    let path = folder.join("reply.toml");
    let file = SourceFile::new(relative(&path), std::fs::read_to_string(&path).unwrap());
    let findings = v.validate(&file);
    assert_eq!(
        findings[0].text.as_ref().map(|t| t.word("fr")).as_deref(),
        Some("Veuillez énumérer les lois.")
    );
}

#[path = "support/cli.rs"]
mod cli;

/// Standard output and exit status of a `canvass` run.
fn canvass(args: &[&str]) -> (String, i32) {
    let run = cli::canvass(args);
    (run.stdout, run.status)
}

#[test]
fn schema_alone_gives_the_same_findings_as_the_questionnaire() {
    let (by_toml, code_toml) = canvass(&[
        "validate",
        "-q",
        "questionnaires/res-16-2/questionnaire.toml",
        "questionnaires/res-16-2/replies",
        "--format",
        "json",
    ]);
    let (by_schema, code_schema) = canvass(&[
        "validate",
        "--schema",
        "schemas/res-16-2.schema.json",
        "questionnaires/res-16-2/replies",
        "--format",
        "json",
    ]);
    assert_eq!(code_toml, 1);
    assert_eq!(code_toml, code_schema);
    assert_eq!(by_toml, by_schema);
    let document: serde_json::Value = serde_json::from_str(&by_toml).unwrap();
    assert_eq!(document["questionnaire"], "res-16-2");
    assert!(document["summary"]["errors"].as_u64().unwrap() > 5);
}

#[test]
fn the_readme_command_reports_the_sample_replies() {
    let (stdout, code) = canvass(&["validate", "questionnaires/res-16-2/replies"]);
    assert_eq!(code, 1, "some sample replies are invalid");
    insta::assert_snapshot!(stdout);
}

#[test]
fn sample_replies_give_each_expected_code() {
    let (stdout, _) = canvass(&[
        "validate",
        "questionnaires/res-16-2/replies",
        "--format",
        "json",
    ]);
    let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let mut by_file = std::collections::BTreeMap::new();
    for reply in document["replies"].as_array().unwrap() {
        let name = cli::base_name(reply);
        let codes: BTreeSet<String> = reply["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        by_file.insert(name, codes);
    }
    insta::assert_debug_snapshot!(by_file);
    assert!(by_file["aut.toml"].is_empty());
    // FRA does not know how many cases were investigated: the rule comparing it with the
    // cases prosecuted is said not to be checked, a warning, and the reply stays valid.
    let fra = &document["replies"].as_array().unwrap()[3];
    assert_eq!(cli::base_name(fra), "fra.json");
    assert_eq!(
        (fra["valid"].as_bool(), fra["warnings"].as_u64()),
        (Some(true), Some(1))
    );
}

#[test]
fn ndjson_in_and_out() {
    let dir = cli::temp_dir("ndjson");
    let stream = dir.join("batch.ndjson");
    let fra: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("questionnaires/res-16-2/replies/fra.json").unwrap(),
    )
    .unwrap();
    let mut broken = fra.clone();
    broken["penalties"]["max_years"] = serde_json::json!(2);
    std::fs::write(&stream, format!("{fra}\n\n{broken}\nnot json\n")).unwrap();
    let (stdout, code) = canvass(&["validate", stream.to_str().unwrap(), "--format", "ndjson"]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    let name = stream.display().to_string();
    assert_eq!(lines[0]["file"], format!("{name}:1"));
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["file"], format!("{name}:3"));
    assert_eq!(lines[1]["findings"][0]["code"], "rule");
    assert_eq!(lines[2]["file"], format!("{name}:4"));
    assert_eq!(lines[2]["findings"][0]["code"], "syntax");
}

#[test]
fn exit_status_follows_the_replies() {
    let (_, valid) = canvass(&["validate", "questionnaires/res-16-2/replies/aut.toml"]);
    assert_eq!(valid, 0);
    let (_, invalid) = canvass(&["validate", "questionnaires/res-16-2/replies/bra.toml"]);
    assert_eq!(invalid, 1);
    let (_, warned) = canvass(&[
        "validate",
        "-q",
        "tests/validate/questionnaire.toml",
        "tests/validate/valid",
        "--deny-warnings",
    ]);
    assert_eq!(warned, 0);
    let (_, missing) = canvass(&["validate", "no/such/file.toml"]);
    assert_eq!(missing, 2);
    let (_, bad_q) = canvass(&[
        "validate",
        "-q",
        "tests/check/when-cycle.toml",
        "tests/validate/valid",
    ]);
    assert_eq!(bad_q, 2);
}

#[test]
fn html_report_is_one_self_contained_page() {
    let (page, code) = canvass(&[
        "validate",
        "questionnaires/res-16-2/replies",
        "--format",
        "html",
    ]);
    assert_eq!(code, 1);
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    // Nothing from elsewhere: one inline script (allowed by its hash), links only within
    // the page.
    assert_eq!(page.matches("<script").count(), 1);
    assert!(!page.contains("src="));
    assert!(page.matches("href=").count() == page.matches("href=\"#r").count());
    let policy = page
        .split("Content-Security-Policy\" content=\"")
        .nth(1)
        .unwrap();
    assert!(
        policy.starts_with("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-")
    );
    assert_eq!(
        page.matches("<section id=\"r").count(),
        7,
        "one section per reply"
    );
    assert!(page.contains("More cases were prosecuted than investigated."));
    assert!(
        page.contains("&quot;none&quot; cannot be combined with other choices"),
        "text is escaped"
    );
    let (findings, _) = canvass(&[
        "validate",
        "questionnaires/res-16-2/replies",
        "--format",
        "json",
    ]);
    let document: serde_json::Value = serde_json::from_str(&findings).unwrap();
    let total = document["summary"]["errors"].as_u64().unwrap()
        + document["summary"]["warnings"].as_u64().unwrap();
    assert_eq!(
        page.matches("<div class=\"finding").count() as u64,
        total,
        "every finding is on the page"
    );
}

#[test]
fn standard_input_is_a_stream_of_json_replies() {
    use std::io::Write;
    let fra = std::fs::read_to_string("questionnaires/res-16-2/replies/fra.json").unwrap();
    let fra: serde_json::Value = serde_json::from_str(&fra).unwrap();
    let mut child = cli::spawn(&["validate", "-", "--format", "ndjson"]);
    writeln!(
        child.stdin.take().unwrap(),
        "{fra}\n{{\"questionnaire\": \"res-16-2\"}}"
    )
    .unwrap();
    let output = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(lines[0]["file"], "-:1");
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["file"], "-:2");
    assert_eq!(lines[1]["findings"][0]["code"], "wrong-questionnaire");
}

#[test]
fn ndjson_answers_each_line_before_the_stream_ends() {
    use std::io::{BufRead, BufReader, Write};
    let fra = std::fs::read_to_string("questionnaires/res-16-2/replies/fra.json").unwrap();
    let fra: serde_json::Value = serde_json::from_str(&fra).unwrap();
    let mut child = cli::spawn(&["validate", "-", "--format", "ndjson"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // One reply in, its result out, while standard input is still open.
    writeln!(stdin, "{fra}").unwrap();
    stdin.flush().unwrap();
    let first = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("no line while the stream is open");
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(first["file"], "-:1");
    writeln!(stdin, "{fra}").unwrap();
    drop(stdin);
    let second: serde_json::Value =
        serde_json::from_str(&rx.recv_timeout(std::time::Duration::from_secs(30)).unwrap())
            .unwrap();
    assert_eq!(second["file"], "-:2");
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_bad_schema_is_reported_without_waiting_for_standard_input_to_end() {
    let dir = cli::temp_dir("bad-schema");
    let schema = dir.join("bad.schema.json");
    std::fs::write(&schema, "{}").unwrap();
    let mut child = cli::spawn(&["validate", "--schema", schema.to_str().unwrap(), "-"]);
    let stdin = child.stdin.take(); // held open: no end of input
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "still waiting for standard input"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    drop(stdin);
    assert_eq!(status.code(), Some(2));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("x-canvass"), "{stderr}");
}

#[test]
fn a_condition_on_a_broken_answer_neither_requires_nor_forbids_but_answers_are_still_checked() {
    // `recent` applies when `since > '2010-01-01'`; `since` must lie in 2000–2030.
    let v = validator_for(Path::new("tests/fast_path"));
    let codes = |a: serde_json::Value| -> Vec<(String, String)> {
        let reply = serde_json::json!({ "questionnaire": "fast", "version": "1", "a": a });
        v.validate_value(&reply)
            .into_iter()
            .map(|f| {
                (
                    f.code.as_str().to_string(),
                    f.at.pointer.unwrap_or_default(),
                )
            })
            .collect()
    };
    let one = |code: &str, pointer: &str| (code.to_string(), pointer.to_string());
    // Out of range and after 2010: `recent` is not also reported missing.
    assert_eq!(
        codes(serde_json::json!({ "cases": 1, "since": "2031-01-01" })),
        [one("out-of-range", "/a/since")]
    );
    // Out of range and before 2010: an answer to `recent` is not reported as not applicable,
    assert_eq!(
        codes(serde_json::json!({ "cases": 1, "since": "1999-12-31", "recent": true })),
        [one("out-of-range", "/a/since")]
    );
    // but a broken answer to it is still its own fault.
    assert_eq!(
        codes(serde_json::json!({ "cases": 1, "since": "1999-12-31", "recent": "yes" })),
        [
            one("out-of-range", "/a/since"),
            one("invalid-type", "/a/recent")
        ]
    );
}

#[test]
fn not_applicable_names_only_the_conditions_that_do_not_hold() {
    // Section `b` applies when `a.flag`; question `b.n` also needs `a.ratio * 2 > 5`.
    let v = validator_for(Path::new("tests/fast_path"));
    let reply = serde_json::json!({
        "questionnaire": "fast", "version": "1",
        "a": { "cases": 1, "flag": true },
        "b": { "m": 1, "n": 3 }
    });
    let findings = v.validate_value(&reply);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    assert_eq!(f.code, Code::NotApplicable);
    assert_eq!(
        f.message.word("en"),
        "question `n` is answered, but it applies only when `a.flag && a.ratio * 2 > 5`"
    );
    let related: Vec<String> = f.related.iter().map(|r| r.message.word("en")).collect();
    assert_eq!(related, ["ratio has no answer, so it does not apply"]);
}

#[test]
fn a_key_given_twice_does_not_hide_the_other_faults_and_the_later_answer_is_judged() {
    let v = validator_for(Path::new("tests/validate/duplicate-key"));
    let text = r#"{"questionnaire": "demo", "version": "1",
 "main": {"law": "maybe", "offences": ["sale", "grooming"], "cases": 12, "cases": 200000}}"#;
    let file = SourceFile::new("reply.json", text);
    let findings = v.validate(&file);
    let codes: Vec<(&str, Option<&str>)> = findings
        .iter()
        .map(|f| (f.code.as_str(), f.at.pointer.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            ("duplicate-key", Some("/main/cases")),
            ("invalid-option", Some("/main/law")),
            ("out-of-range", Some("/main/cases")),
        ]
    );
    // The range finding points at the later answer, the one judged.
    let later = text.rfind("200000").unwrap();
    assert_eq!(findings[2].at.span().cloned(), Some(later..later + 6));
}

#[test]
fn a_bad_cell_skips_only_the_rules_that_read_its_column() {
    let questionnaire = r#"
id = "roster"
version = "1"
title = "Household roster"
languages = ["en"]

[[section]]
id = "h"
title = "Household"

[[section.question]]
id = "size"
text = "How many people live here?"
type = "integer"
required = true

[[section.question]]
id = "people"
text = "Each person"
type = "table"
required = true
columns = [
  { id = "name", type = "text", text = "Name", required = true },
  { id = "age", type = "integer", text = "Age", min = 0, max = 120 },
  { id = "hours", type = "number", text = "Hours worked", min = 0, max = 168 },
]

[[rule]]
id = "roster-matches-size"
check = "size(h.people) == h.size"
message = "The roster does not list everyone."

[[rule]]
id = "hours-plausible"
check = "sum(h.people.hours) <= 168 * h.size"
message = "More hours than the household has."
"#;
    let v = Validator::new(check(questionnaire).questionnaire.unwrap()).unwrap();
    let codes = |people: &str| -> Vec<(String, Option<String>)> {
        let text = format!(
            r#"{{"questionnaire": "roster", "version": "1", "h": {{"size": 3, "people": [{people}]}}}}"#
        );
        v.validate(&SourceFile::new("reply.json", text))
            .into_iter()
            .map(|f| (f.code.as_str().to_string(), f.rule))
            .collect()
    };
    // Two rows for three people, one age out of range: the roster rule still speaks.
    assert_eq!(
        codes(r#"{"name": "A", "age": 200, "hours": 40}, {"name": "B", "age": 30, "hours": 40}"#),
        [
            ("out-of-range".to_string(), None),
            ("rule".to_string(), Some("roster-matches-size".to_string())),
        ]
    );
    // A bad `hours` cell: the sum of hours is not judged, the roster rule is.
    assert_eq!(
        codes(r#"{"name": "A", "hours": "many"}, {"name": "B", "hours": 400}"#),
        [
            ("invalid-type".to_string(), None),
            ("out-of-range".to_string(), None),
            ("rule".to_string(), Some("roster-matches-size".to_string())),
        ]
    );
}

#[test]
fn a_shared_option_list_is_each_question_s_own_list_of_options() {
    let q = check(
        r#"
id = "grid"
version = "1"
title = "Grid"

[options]
extent = ["yes", "partly", "no"]

[[section]]
id = "m"
title = "Measures"

[[section.question]]
id = "hotline"
text = "Hotline"
type = "choice"
options = "extent"

[[section.question]]
id = "training"
text = "Training"
type = "choice"
options = "extent"
"#,
    )
    .questionnaire
    .expect("checks clean");
    let v = Validator::new(q).unwrap();
    let judge = |reply: &str| -> Vec<(String, Option<String>)> {
        v.validate(&SourceFile::new("r.toml", reply))
            .iter()
            .map(|f| (f.code.as_str().to_string(), f.question.clone()))
            .collect()
    };
    let head = "questionnaire = \"grid\"\nversion = \"1\"\n[m]\n";
    assert_eq!(
        judge(&format!("{head}hotline = \"partly\"\ntraining = \"no\"\n")),
        []
    );
    assert_eq!(
        judge(&format!(
            "{head}hotline = \"partly\"\ntraining = \"maybe\"\n"
        )),
        [("invalid-option".to_string(), Some("m.training".to_string()))]
    );
}

#[test]
fn a_reply_with_thousands_of_faults_shows_two_hundred_and_says_there_are_at_least_more() {
    // 10,000 rows, each with a cell that does not apply: canvass stops collecting at 1,000
    // findings rather than hold one per fault, and says the count it gives is a floor.
    let v = validator_for(Path::new("tests/validate/not-applicable--cell"));
    let mut reply = String::from(
        "questionnaire = \"roster\"\nversion = \"1\"\n[visit]\ninterview_date = 2026-05-14\n\
         [household]\nmembers = [\n",
    );
    for _ in 0..10_000 {
        reply.push_str(
            "  { name = \"A\", relation = \"other\", birth_date = 1980-01-01, grade = 2 },\n",
        );
    }
    reply.push_str("]\n");
    let findings = v.validate(&SourceFile::new("big.toml", reply));
    assert_eq!(findings.len(), canvass::validate::MAX_FINDINGS);
    assert!(findings.iter().all(|f| f.code.as_str() == "not-applicable"));
    let last = findings.last().unwrap().message.word("en");
    assert!(
        last.ends_with(
            "(and at least 800 more findings in this reply, not shown; canvass stopped looking)"
        ),
        "{last}"
    );
}

/// A key given twice is found while reading, before the questionnaire is known: it is still
/// filed under the question its place names, in the finding and in "Where respondents
/// stumble", not under the reply as a whole.
#[test]
fn a_key_given_twice_is_filed_under_its_question() {
    let (page, status) = canvass(&[
        "validate",
        "-q",
        "tests/validate/questionnaire.toml",
        "tests/validate/duplicate-key/reply.json",
        "--format",
        "html",
    ]);
    assert_eq!(status, 1);
    let stumbles = &page[page.find("Where respondents stumble").expect("the summary")..];
    assert!(
        stumbles.contains("<tr data-question=\"main.cases\"><td><code>main.cases</code> 3 Cases investigated</td><td>duplicate-key 1</td></tr>"),
        "{stumbles}"
    );
    assert!(!stumbles.contains("the reply as a whole"), "{stumbles}");
}
