//! Explanations: a reply may say why answers a rule questions are right (`[explanations]`
//! in TOML, `"explanations"` in JSON, the explanations sheet of a workbook). An explained
//! finding stays listed and no longer counts; an error rule cannot be explained; a rule of
//! severity `explain` makes a reply invalid until explained.

#[path = "support/cli.rs"]
mod cli;

use canvass::{ExplainedBy, Format, Judge, Questionnaires, Validator};
use cli::{canvass, temp_dir};

const WHY: &str = "Canada acceded to the Protocol first; the years are right.";

/// CAN's sample reply, mended so that its one remaining finding is the warning of rule
/// `protocol-after-convention`, then the explanations `extra` appended.
fn can_reply(extra: &str) -> String {
    let text = std::fs::read_to_string("questionnaires/res-16-2/replies/can.toml").unwrap();
    let text = text
        .replace("version = \"2008-1\"", "version = \"2009-1\"")
        .replace("crc_year = \"dont_know\"", "crc_year = 2010")
        .replace("institution = \"\"", "institution = \"Justice Canada\"")
        .replace(
            "  { title = \"Criminal Code, s. 163.1\", year = 2002 },\n",
            "  { title = \"Criminal Code, s. 172.1\", year = 2002 },\n",
        )
        .replace(
            "offences_covered = []",
            "offences_covered = [\"abuse_material\"]",
        );
    format!("{text}\n{extra}")
}

fn validate_json(dir: &std::path::Path, name: &str, text: &str) -> (i32, serde_json::Value) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let run = canvass(&["validate", path.to_str().unwrap(), "--format", "json"]);
    (run.status, serde_json::from_str(&run.stdout).unwrap())
}

#[test]
fn a_reply_explains_a_warning_which_stays_listed_and_no_longer_counts() {
    let dir = temp_dir("explain-reply");
    let (status, plain) = validate_json(&dir, "can.toml", &can_reply(""));
    let findings = plain["replies"][0]["findings"].as_array().unwrap().clone();
    assert_eq!(status, 0, "{findings:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["rule"], "protocol-after-convention");
    assert_eq!(plain["replies"][0]["warnings"], 1);

    let extra = format!("[explanations]\nprotocol-after-convention = \"{WHY}\"\n");
    let (status, explained) = validate_json(&dir, "can-explained.toml", &can_reply(&extra));
    let reply = &explained["replies"][0];
    assert_eq!(status, 0);
    assert_eq!(
        (&reply["errors"], &reply["warnings"]),
        (&0.into(), &0.into())
    );
    let finding = &reply["findings"][0];
    assert_eq!(finding["rule"], "protocol-after-convention");
    assert_eq!(finding["explained"]["by"], "reply");
    assert_eq!(finding["explained"]["note"], WHY);

    // The human report lists it, explained, in the language asked for.
    let path = dir.join("can-explained.toml");
    let human = canvass(&["validate", path.to_str().unwrap(), "--lang", "fr"]);
    assert!(
        human
            .stdout
            .contains(&format!("expliqué par la réponse : {WHY}")),
        "{}",
        human.stdout
    );
    // An empty explanation explains nothing.
    let empty = "[explanations]\nprotocol-after-convention = \"  \"\n";
    let (_, blank) = validate_json(&dir, "can-blank.toml", &can_reply(empty));
    assert_eq!(blank["replies"][0]["warnings"], 1);
}

#[test]
fn an_explanation_of_no_such_rule_or_of_an_error_rule_is_one_finding_at_its_key() {
    let dir = temp_dir("explain-wrong");
    let extra = "[explanations]\nprotocol-after-convetion = \"typo\"\nconvicted-not-above-prosecuted = \"an error\"\n";
    let (status, report) = validate_json(&dir, "can.toml", &can_reply(extra));
    assert_eq!(status, 1);
    let findings = report["replies"][0]["findings"].as_array().unwrap();
    let unknown: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f["code"] == "unknown-question")
        .map(|f| (f["question"].as_str().unwrap(), f["help"].as_str().unwrap()))
        .collect();
    assert_eq!(
        unknown,
        [
            (
                "explanations.convicted-not-above-prosecuted",
                "rule `convicted-not-above-prosecuted` is an error: correct the answers it \
                 reads; only warnings and rules that ask for an explanation can be explained"
            ),
            (
                "explanations.protocol-after-convetion",
                "did you mean `protocol-after-convention`?"
            ),
        ]
    );
    // Each at its key, at the end of the file where the explanations are.
    let lines: Vec<u64> = findings
        .iter()
        .filter(|f| f["code"] == "unknown-question")
        .map(|f| f["span"]["line"].as_u64().unwrap())
        .collect();
    let last = can_reply(extra).lines().count() as u64;
    assert_eq!(lines, [last, last - 1]);
    // Not a table, and not a text: one finding each.
    // (At the top: a key after a `[table]` header is that table's.)
    let top = format!("explanations = 3\n{}", can_reply(""));
    let (_, not_table) = validate_json(&dir, "t.toml", &top);
    let finding = &not_table["replies"][0]["findings"][1];
    assert_eq!(
        (&finding["code"], &finding["pointer"]),
        (&"invalid-type".into(), &"/explanations".into())
    );
    let (_, not_text) = validate_json(
        &dir,
        "n.toml",
        &can_reply("[explanations]\nprotocol-after-convention = 12\n"),
    );
    let codes: Vec<&str> = not_text["replies"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["rule", "invalid-type"]);
}

const EXPLAIN: &str = r#"
id = "explain-demo"
version = "1"
title = { en = "Explain" }
respondent = "a.country"

[[section]]
id = "a"
title = { en = "A" }

[[section.question]]
id = "country"
text = { en = "Country" }
type = "country"
required = true

[[section.question]]
id = "cases"
text = { en = "Cases this year" }
type = "integer"

[[section.question]]
id = "cases_before"
text = { en = "Cases the year before" }
type = "integer"

[[rule]]
id = "cases-jump"
check = "a.cases <= 2 * a.cases_before"
severity = "explain"
message = { en = "More than twice the year before: please explain." }
"#;

fn judge(v: &Validator, name: &str, bytes: &[u8], format: Format) -> canvass::Judgement {
    Judge::new(Questionnaires::Fixed(v)).judge(name, bytes.to_vec(), Some(format))
}

#[test]
fn a_rule_of_severity_explain_is_an_error_until_explained_in_json_or_a_workbook() {
    let v = canvass::check_questionnaire(EXPLAIN).unwrap().validator;
    let reply = serde_json::json!({
        "questionnaire": "explain-demo", "version": "1",
        "a": { "country": "NOR", "cases": 30, "cases_before": 10 }
    });
    let plain = judge(&v, "nor.json", reply.to_string().as_bytes(), Format::Json);
    assert_eq!(canvass::findings::count(&plain.findings), (1, 0));
    assert!(plain.findings[0].asks_explanation);
    assert!(plain.findings[0].explainable());

    let mut explained = reply.clone();
    explained["explanations"] =
        serde_json::json!({ "cases-jump": "A new law widened the offence." });
    let json = judge(
        &v,
        "nor.json",
        explained.to_string().as_bytes(),
        Format::Json,
    );
    assert_eq!(canvass::findings::count(&json.findings), (0, 0));
    let e = json.findings[0].explained.as_ref().unwrap();
    assert_eq!(
        (e.by, e.note.as_str()),
        (ExplainedBy::Reply, "A new law widened the offence.")
    );

    // The workbook has a cell for it; written there, it explains the same way.
    let q = v.questionnaire();
    let book = canvass::template::xlsx::xlsx(q, "en", Some("NOR"), Some(&explained)).unwrap();
    let from_book = judge(&v, "nor.xlsx", &book, Format::Xlsx);
    assert_eq!(canvass::findings::count(&from_book.findings), (0, 0));
    assert_eq!(
        from_book.findings[0].explained, json.findings[0].explained,
        "{:#?}",
        from_book.findings
    );
    // Without it, the workbook's reply is as invalid as the JSON one.
    let blank = canvass::template::xlsx::xlsx(q, "en", Some("NOR"), Some(&reply)).unwrap();
    let from_blank = judge(&v, "nor.xlsx", &blank, Format::Xlsx);
    assert_eq!(canvass::findings::count(&from_blank.findings), (1, 0));
}
