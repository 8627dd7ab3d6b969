//! Dates in expressions: a date minus a date is a number of days, a date plus or minus a
//! number of days is a date, and `%` is the remainder; judged exactly, in TOML and JSON.

use canvass::reply::Format;
use canvass::source::SourceFile;
use canvass::validate::Validator;

const QUESTIONNAIRE: &str = r#"
id = "survey"
version = "1"
title = "Monthly survey"

[[section]]
id = "period"
title = "Reporting period"

[[section.question]]
id = "from"
text = "First day of the period"
type = "date"
required = true

[[section.question]]
id = "to"
text = "Last day of the period"
type = "date"
required = true

[[section.question]]
id = "shifts"
text = "Shifts worked"
type = "integer"

[[section.question]]
id = "late_reason"
text = "Why was the period longer than a month?"
type = "text"
when = "to - from > 31"
required = true

[[rule]]
id = "order"
check = "period.to >= period.from + 1"
message = "The period ends before it starts."

[[rule]]
id = "deadline"
check = "period.to - 30 <= '2026-12-31'"
severity = "warning"
message = "The period ends more than 30 days after the year."

[[rule]]
id = "pairs"
check = "period.shifts % 2 == 0"
message = "Shifts are worked in pairs."
"#;

fn findings(reply: &str) -> Vec<(String, Option<String>)> {
    findings_of(QUESTIONNAIRE, reply)
}

/// The findings of `reply` to `questionnaire` (which must check clean), as (code, rule or
/// question), the same whether the reply is TOML or JSON.
fn findings_of(questionnaire: &str, reply: &str) -> Vec<(String, Option<String>)> {
    let checked = canvass::check::check(questionnaire);
    assert!(
        checked.findings.is_empty(),
        "{:?}",
        checked
            .findings
            .iter()
            .map(|f| &f.message)
            .collect::<Vec<_>>()
    );
    let v = Validator::new(checked.questionnaire.unwrap()).unwrap();
    let toml = v.validate_as(&SourceFile::new("r.toml", reply), Format::Toml);
    // The same reply in JSON (dates as strings) gets the same findings.
    let value: toml::Value = toml::from_str(reply).unwrap();
    let json = serde_json::to_string(&value)
        .unwrap()
        .replace("\"$__toml_private_datetime\":", "");
    let json = fix_dates(&json);
    let from_json = v.validate_as(&SourceFile::new("r.json", json.clone()), Format::Json);
    let pick = |f: &Vec<canvass::findings::Finding>| {
        f.iter()
            .map(|f| {
                (
                    f.code.as_str().to_string(),
                    f.rule.clone().or(f.question.clone()),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(pick(&toml), pick(&from_json), "{json}");
    pick(&toml)
}

/// `{"from":{"2026-01-01"}}` (toml's private date form, key removed) back to a string.
fn fix_dates(json: &str) -> String {
    let mut out = String::new();
    let mut rest = json;
    while let Some(at) = rest.find("{\"") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let inner = &after[1..];
        match inner.find("\"}") {
            Some(end)
                if end == 11 && inner[1..11].chars().all(|c| c.is_ascii_digit() || c == '-') =>
            {
                out.push_str(&inner[..12]);
                rest = &inner[13..];
            }
            _ => {
                out.push('{');
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

fn reply(from: &str, to: &str, shifts: i64, extra: &str) -> String {
    format!(
        "questionnaire = \"survey\"\nversion = \"1\"\n\n[period]\nfrom = {from}\nto = {to}\nshifts = {shifts}\n{extra}"
    )
}

#[test]
fn a_date_minus_a_date_is_days_and_a_date_plus_days_is_a_date() {
    assert_eq!(findings(&reply("2026-03-01", "2026-03-31", 4, "")), []);
    // Across a leap day: 2024-02-01 to 2024-03-03 is 31 days, 2023's is 30.
    assert_eq!(findings(&reply("2024-02-01", "2024-03-03", 4, "")), []);
    assert_eq!(
        findings(&reply("2024-02-01", "2024-03-04", 4, "")),
        [(
            "missing-answer".to_string(),
            Some("period.late_reason".to_string())
        )]
    );
    assert_eq!(
        findings(&reply(
            "2024-02-01",
            "2024-03-04",
            4,
            "late_reason = \"Strike\"\n"
        )),
        []
    );
    // The end on the start's day is before start + 1.
    assert_eq!(
        findings(&reply("2026-03-01", "2026-03-01", 4, "")),
        [("rule".to_string(), Some("order".to_string()))]
    );
    // 2027-01-30 - 30 days is 2026-12-31: on the deadline; a day later is past it.
    assert_eq!(findings(&reply("2027-01-01", "2027-01-30", 4, "")), []);
    assert_eq!(
        findings(&reply("2027-01-01", "2027-01-31", 4, "")),
        [("rule".to_string(), Some("deadline".to_string()))]
    );
}

#[test]
fn the_remainder_is_exact() {
    assert_eq!(
        findings(&reply("2026-03-01", "2026-03-31", 3, "")),
        [("rule".to_string(), Some("pairs".to_string()))]
    );
    assert_eq!(findings(&reply("2026-03-01", "2026-03-31", -6, "")), []);
}

#[test]
fn a_number_minus_a_date_and_a_date_times_a_number_are_type_mismatches() {
    for (check, words) in [
        (
            "period.shifts - period.from > 0",
            "a number minus a date has no meaning",
        ),
        (
            "period.from * 2 > period.to",
            "`*` takes numbers, not a date",
        ),
        (
            "period.from + period.to > period.to",
            "`+` on a date takes a number of days",
        ),
    ] {
        let text = QUESTIONNAIRE.replace("period.shifts % 2 == 0", check);
        let checked = canvass::check::check(&text);
        let f = checked
            .findings
            .iter()
            .find(|f| f.code.as_str() == "type-mismatch");
        let f = f.unwrap_or_else(|| {
            panic!(
                "{check}: {:?}",
                checked
                    .findings
                    .iter()
                    .map(|f| &f.message)
                    .collect::<Vec<_>>()
            )
        });
        assert!(
            f.message.word("en").contains(words),
            "{check}: {}",
            f.message.word("en")
        );
    }
}

#[test]
fn a_date_literal_beside_a_date_is_a_date() {
    // Days since the first of the year, from a date literal; a literal that is not a date
    // is reported where it is written.
    let text = QUESTIONNAIRE.replace("period.shifts % 2 == 0", "period.to - '2026-01-01' < 365");
    let judge = |to: &str| findings_of(&text, &reply("2026-03-01", to, 4, "late_reason = \"x\"\n"));
    assert_eq!(judge("2026-12-31"), []); // day 364
    assert_eq!(
        judge("2027-01-01"),
        [("rule".to_string(), Some("pairs".to_string()))]
    ); // day 365
    let bad = QUESTIONNAIRE.replace("period.shifts % 2 == 0", "period.to - '2026-13-01' < 365");
    let checked = canvass::check::check(&bad);
    assert!(
        checked
            .findings
            .iter()
            .any(|f| f.code.as_str() == "type-mismatch"
                && f.message.word("en").contains("is not a date")),
        "{:?}",
        checked
            .findings
            .iter()
            .map(|f| &f.message)
            .collect::<Vec<_>>()
    );
}
