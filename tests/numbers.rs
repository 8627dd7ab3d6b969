//! Numbers are judged exactly as written, never through a rounded `f64`: whole or not,
//! within range, and in rules (comparisons, sums, arithmetic), in JSON and TOML replies,
//! on the fast path and in the walk alike.

use canvass::check::check;
use canvass::reply::Format;
use canvass::source::SourceFile;
use canvass::validate::Validator;

const QUESTIONNAIRE: &str = r#"
id = "exact"
version = "1"
title = "Exact numbers"
languages = ["en"]

[[section]]
id = "s"
title = "Numbers"

[[section.question]]
id = "count"
text = "A count"
type = "integer"

[[section.question]]
id = "share"
text = "A share"
type = "number"
min = 0
max = 99

[[section.question]]
id = "a"
text = "A big number"
type = "integer"

[[section.question]]
id = "b"
text = "Another big number"
type = "integer"

[[section.question]]
id = "x"
text = "A part"
type = "number"

[[section.question]]
id = "y"
text = "The other part"
type = "number"

[[section.question]]
id = "total"
text = "The whole"
type = "number"

[[rule]]
id = "a-above-b"
check = "s.a > s.b"
message = "a must be above b"

[[rule]]
id = "parts-make-the-whole"
check = "s.x + s.y == s.total"
message = "the parts must make the whole"
"#;

fn validator() -> Validator {
    let checked = check(QUESTIONNAIRE);
    Validator::new(checked.questionnaire.expect("the questionnaire checks")).unwrap()
}

/// The codes of the findings of a reply whose section `s` holds `members`, read as JSON
/// and, written the same way, as TOML.
fn codes(v: &Validator, members: &str) -> Vec<String> {
    let json = format!(r#"{{"questionnaire": "exact", "version": "1", "s": {{{members}}}}}"#);
    let toml = format!(
        "questionnaire = \"exact\"\nversion = \"1\"\n\n[s]\n{}\n",
        members
            .replace(", ", "\n")
            .replace(": ", " = ")
            .replace('"', "")
    );
    let judge = |name: &str, text: String, format| -> Vec<String> {
        let file = SourceFile::new(name, text);
        v.validate_as(&file, format)
            .iter()
            .map(|f| f.code.as_str().to_string())
            .collect()
    };
    let from_json = judge("reply.json", json, Format::Json);
    let from_toml = judge("reply.toml", toml, Format::Toml);
    assert_eq!(from_json, from_toml, "JSON and TOML disagree on {members}");
    from_json
}

#[test]
fn whole_numbers_and_ranges_are_judged_as_written() {
    let v = validator();
    assert_eq!(
        codes(&v, r#""count": 10.999999999999999999"#),
        ["invalid-type"]
    );
    assert_eq!(
        codes(&v, r#""count": 11.000000000000000000"#),
        [] as [&str; 0]
    );
    assert_eq!(
        codes(&v, r#""share": 99.000000000000001"#),
        ["out-of-range"]
    );
    assert_eq!(
        codes(&v, r#""share": 98.999999999999999999"#),
        [] as [&str; 0]
    );
    assert_eq!(
        codes(&v, r#""share": -0.0000000000000000001"#),
        ["out-of-range"]
    );
    assert_eq!(codes(&v, r#""share": 9.9e1"#), [] as [&str; 0]);
    assert_eq!(
        codes(&v, r#""share": 9.9000000000000000001e1"#),
        ["out-of-range"]
    );
}

#[test]
fn rules_compare_and_add_exactly() {
    let v = validator();
    // 2^53 + 1 and 2^53 are the same f64.
    assert_eq!(
        codes(&v, r#""a": 9007199254740993, "b": 9007199254740992"#),
        [] as [&str; 0]
    );
    assert_eq!(
        codes(&v, r#""a": 9007199254740992, "b": 9007199254740993"#),
        ["rule"]
    );
    assert_eq!(
        codes(
            &v,
            r#""a": 18446744073709551617, "b": 18446744073709551616"#
        ),
        [] as [&str; 0]
    );
    // 0.1 + 0.2 is not 0.3 in f64.
    assert_eq!(
        codes(&v, r#""x": 0.1, "y": 0.2, "total": 0.3"#),
        [] as [&str; 0]
    );
    assert_eq!(
        codes(&v, r#""x": 33.3, "y": 66.7, "total": 100"#),
        [] as [&str; 0]
    );
    assert_eq!(
        codes(&v, r#""x": 0.1, "y": 0.2, "total": 0.30000000000000004"#),
        ["rule"]
    );
}

#[test]
fn a_number_beyond_28_digits_is_refused_where_it_is_written_not_rounded() {
    let v = validator();
    for number in [
        "12345678901234567890123456789",
        "1e400",
        "1.0000000000000000000000000000001",
    ] {
        let json =
            format!(r#"{{"questionnaire": "exact", "version": "1", "s": {{"x": {number}}}}}"#);
        let findings = v.validate_as(&SourceFile::new("r.json", json.clone()), Format::Json);
        assert_eq!(findings.len(), 1, "{number}: {findings:?}");
        let f = &findings[0];
        assert_eq!(f.code.as_str(), "out-of-range");
        assert!(
            f.message.word("en").contains("exactly"),
            "{}",
            f.message.word("en")
        );
        let at = json.find(number).unwrap();
        assert_eq!(
            f.at.span().cloned(),
            Some(at..at + number.len()),
            "{number}"
        );
        // The rule that reads it has no value to judge, so it adds nothing.
    }
}

#[test]
fn a_reply_cannot_forge_a_number_with_serde_jsons_private_key() {
    let v = validator();
    let json = r#"{"questionnaire": "exact", "version": "1", "s": {"count": {"$serde_json::private::Number": "5"}}}"#;
    let findings = v.validate_as(&SourceFile::new("r.json", json), Format::Json);
    let codes: Vec<_> = findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["invalid-type"], "{findings:?}");
    assert!(
        findings[0].message.word("en").contains("a table"),
        "{}",
        findings[0].message.word("en")
    );
}
