//! `canvass check`: one fixture per lint under `tests/check/`, each named after the code it
//! must produce and opening with a comment saying what it shows; the rendered report
//! (no colour, fixed width) is an insta snapshot.

#[path = "support/cli.rs"]
mod cli;

use std::collections::BTreeSet;
use std::path::Path;

use canvass::check::check;
use canvass::findings::Code;
use canvass::report::human::{Style, render};
use canvass::source::SourceFile;

fn report(path: &Path) -> (String, canvass::check::Checked) {
    let text = std::fs::read_to_string(path).unwrap();
    let name = format!(
        "tests/check/{}",
        path.file_name().unwrap().to_string_lossy()
    );
    let checked = check(&text);
    let rendered = render(
        &checked.findings,
        &SourceFile::new(name, text),
        Style::PLAIN,
    );
    (rendered, checked)
}

#[test]
fn lint() {
    insta::glob!("check/*.toml", |path| {
        let (rendered, checked) = report(path);
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let codes: BTreeSet<&str> = checked.findings.iter().map(|f| f.code.as_str()).collect();
        // `CODE.toml`, or `CODE--CASE.toml` for a second case of the same code.
        let code = stem.split("--").next().unwrap_or_default();
        if stem != "several-mistakes" {
            assert!(codes.contains(code), "{stem}: got {codes:?}");
        }
        let has_error = checked
            .findings
            .iter()
            .any(canvass::findings::Finding::is_error);
        assert_eq!(checked.questionnaire.is_none(), has_error, "{stem}");
        assert!(
            checked.findings.iter().all(|f| f.at.span().is_some()),
            "{stem}: every questionnaire finding points into the file"
        );
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn every_questionnaire_code_has_a_fixture() {
    for code in Code::ALL
        .iter()
        .filter(|c| !c.is_reply_code() || **c == Code::Syntax)
    {
        let fixture = format!("tests/check/{}.toml", code.as_str());
        assert!(Path::new(&fixture).exists(), "no fixture {fixture}");
    }
}

#[test]
fn several_mistakes_are_each_reported_at_their_own_place() {
    let (_, checked) = report(Path::new("tests/check/several-mistakes.toml"));
    let starts: BTreeSet<usize> = checked
        .findings
        .iter()
        .map(|f| f.at.span().cloned().unwrap().start)
        .collect();
    assert_eq!(
        starts.len(),
        checked.findings.len(),
        "two findings share a place"
    );
    assert!(checked.findings.len() >= 12, "{}", checked.findings.len());
}

#[test]
fn shipped_questionnaires_pass_without_a_finding() {
    for entry in std::fs::read_dir("questionnaires").unwrap() {
        let path = entry.unwrap().path().join("questionnaire.toml");
        let (rendered, checked) = report(&path);
        assert!(
            checked.findings.is_empty(),
            "{}:\n{rendered}",
            path.display()
        );
        assert!(checked.questionnaire.is_some());
    }
}

#[test]
fn shipped_questionnaires_name_the_language_schema() {
    for entry in std::fs::read_dir("questionnaires").unwrap() {
        let path = entry.unwrap().path().join("questionnaire.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.lines().next(),
            Some("#:schema ../../schemas/questionnaire.schema.json"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn xlsform_spellings_get_a_hint_with_the_canvass_spelling() {
    let base = std::fs::read_to_string("tests/check/expression-syntax.toml").unwrap();
    for (when, hint) in [
        ("${a} > 1", "`${a}` is written `a` (or `section.a`"),
        ("a > 1 and a < 9", "written `&&` and `||`"),
        ("count-selected(a) > 1", "written `size(m)`"),
    ] {
        let text = base.replace("when = \"a = true\"", &format!("when = {when:?}"));
        let checked = canvass::check::check(&text);
        let helps: Vec<_> = checked
            .findings
            .iter()
            .filter_map(|f| f.help.as_ref().map(|h| h.word("en")))
            .collect();
        assert!(helps.iter().any(|h| h.contains(hint)), "{when}: {helps:?}");
    }
}

#[test]
fn settings_of_the_wrong_type_or_value_are_all_reported_in_one_run() {
    let text = r#"id = "x"
version = "1"
title = "X"
languages = ["en"]

[[section]]
id = "s"
title = "S"

[[section.question]]
id = "a"
text = "A"
type = "select_one"
options = ["yes", "no"]

[[section.question]]
id = "b"
text = "B"
type = "integer"
required = "yes"
min = 0

[[section.question]]
id = "c"
text = 5
type = "text"
"#;
    let checked = canvass::check::check(text);
    assert!(checked.questionnaire.is_none());
    let helps: Vec<Option<String>> = checked
        .findings
        .iter()
        .map(|f| f.help.as_ref().map(|h| h.word("en")))
        .collect();
    let found: Vec<(&str, &str, Option<&str>)> = checked
        .findings
        .iter()
        .zip(&helps)
        .map(|(f, help)| {
            let span = f.at.span().cloned().unwrap();
            (f.code.as_str(), &text[span], help.as_deref())
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "invalid-setting",
                "\"select_one\"",
                Some("XLSForm's `select_one` is canvass's `choice`")
            ),
            ("invalid-setting", "\"yes\"", None),
            ("invalid-setting", "5", None),
        ]
    );
}

#[test]
fn check_gives_its_findings_as_json_for_tools() {
    let path = "tests/check/several-mistakes.toml";
    let run = cli::canvass(&["check", "--format", "json", path]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let checked = canvass::check::check(&text);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), checked.findings.len());
    assert_eq!(report["valid"], false);
    for (json, finding) in findings.iter().zip(&checked.findings) {
        assert_eq!(json["code"], finding.code.as_str());
        assert_eq!(json["message"], finding.message.word("en"));
        let span = finding.at.span().cloned().unwrap();
        assert_eq!(json["span"]["offset"], span.start);
        assert_eq!(json["span"]["length"], span.end - span.start);
    }
}

/// The SARIF 2.1.0 schema, as published by OASIS and shipped inside the `serde-sarif` crate
/// (a dev-dependency, so cargo has fetched its source into its registry folder).
fn sarif_schema() -> serde_json::Value {
    let cargo_home = std::env::var_os("CARGO_HOME").map_or_else(
        || Path::new(&std::env::var_os("HOME").unwrap()).join(".cargo"),
        std::path::PathBuf::from,
    );
    let sources = cargo_home.join("registry/src");
    let schema = std::fs::read_dir(&sources)
        .unwrap()
        .filter_map(Result::ok)
        .flat_map(|index| {
            std::fs::read_dir(index.path())
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
        })
        .map(|package| package.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("serde-sarif-0.8."))
        })
        .map(|p| p.join("src/schema.json"))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("serde-sarif's schema.json under {}", sources.display()));
    serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap()
}

#[test]
fn check_gives_sarif_that_the_sarif_schema_accepts() {
    let schema = sarif_schema();
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    // The published schema's `language` patterns (of a run, of a tool component) hold a
    // stray `]`, which is not an ECMA-262 regular expression, so the draft-07 meta-schema
    // check refuses the schema. canvass writes no `language`; those patterns are written as
    // they were meant.
    let mut schema = schema;
    let fixed = fix_patterns(
        &mut schema,
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    assert_eq!(fixed, 2);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let path = "tests/check/several-mistakes.toml";
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(["check", path, "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Every finding is a result, at its place, under a rule of its code.
    let (_, checked) = report(Path::new(path));
    let run0 = &log["runs"][0];
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), checked.findings.len());
    let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for (result, finding) in results.iter().zip(&checked.findings) {
        assert_eq!(result["ruleId"], finding.code.as_str());
        assert_eq!(
            rules[usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap()],
            finding.code.as_str()
        );
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            region["byteOffset"],
            finding.at.span().cloned().unwrap().start
        );
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            path
        );
    }
    // A result that breaks the schema is caught: the check can fail.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

fn fix_patterns(value: &mut serde_json::Value, bad: &str, good: &str) -> usize {
    match value {
        serde_json::Value::Object(map) => map
            .iter_mut()
            .map(|(key, v)| {
                if key == "pattern" && v == bad {
                    *v = good.into();
                    1
                } else {
                    fix_patterns(v, bad, good)
                }
            })
            .sum(),
        serde_json::Value::Array(items) => {
            items.iter_mut().map(|v| fix_patterns(v, bad, good)).sum()
        }
        _ => 0,
    }
}

/// A questionnaire that is not UTF-8 is still a SARIF log (and JSON report) with its one
/// finding, not an empty output: a code-scanning upload must say why the file failed.
#[test]
fn a_questionnaire_that_is_not_utf8_is_one_finding_in_every_format() {
    let path = "tests/hostile/questionnaires/invalid-utf8.toml";
    for format in ["sarif", "json"] {
        let run = cli::canvass(&["check", "--format", format, path]);
        assert_eq!(run.status, 2, "{format}: {}", run.stderr);
        let log: serde_json::Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{format}: {e}: {:?}", run.stdout));
        let (code, message) = match format {
            "sarif" => {
                let result = &log["runs"][0]["results"][0];
                (&result["ruleId"], &result["message"]["text"])
            }
            _ => (&log["findings"][0]["code"], &log["findings"][0]["message"]),
        };
        assert_eq!(code, "syntax", "{format}: {log}");
        assert!(
            message
                .as_str()
                .unwrap()
                .contains("not valid UTF-8: byte 0xE9 at offset 35"),
            "{format}: {log}"
        );
    }
}
