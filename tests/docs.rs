//! The user documentation stays true: every questionnaire example in `docs/language.md`
//! checks clean, the reply examples in `docs/replies.md` read and are judged alike in TOML
//! and JSON, and the table of finding codes lists every code a reply can get.

use canvass::findings::Code;
use canvass::reply::Format;
use canvass::source::SourceFile;

/// The fenced blocks of a Markdown file in one language.
fn blocks(path: &str, language: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let fence = format!("```{language}\n");
    text.split(&fence)
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap().to_string())
        .collect()
}

#[test]
fn every_questionnaire_example_in_the_language_reference_checks_clean() {
    let examples = blocks("docs/language.md", "toml");
    assert!(examples.len() >= 3, "the examples are found");
    for (i, example) in examples.iter().enumerate() {
        let checked = canvass::check::check(example);
        let codes: Vec<&str> = checked.findings.iter().map(|f| f.code.as_str()).collect();
        assert!(
            checked.findings.is_empty(),
            "example {}: {codes:?}\n{example}",
            i + 1
        );
        assert!(checked.questionnaire.is_some());
    }
}

#[test]
fn the_reply_examples_read_and_are_judged_alike_in_toml_and_json() {
    let path = std::path::Path::new("questionnaires/res-16-2/questionnaire.toml");
    let q = canvass::check::check(&std::fs::read_to_string(path).unwrap())
        .questionnaire
        .unwrap();
    let validator = canvass::validate::Validator::new(q).unwrap();
    let judge = |text: &str, format: Format| {
        let file = SourceFile::new("example", text);
        let findings = validator.validate_as(&file, format);
        let mut seen: Vec<(String, Option<String>)> = findings
            .iter()
            .map(|f| (f.code.as_str().to_string(), f.question.clone()))
            .collect();
        seen.sort();
        seen
    };
    let toml = blocks("docs/replies.md", "toml");
    let json = blocks("docs/replies.md", "json");
    assert_eq!((toml.len(), json.len()), (2, 1));
    // The explanations example, added to the reply, explains a rule the questionnaire has.
    let explained = judge(&format!("{}\n{}", toml[0], toml[1]), Format::Toml);
    assert!(
        explained
            .iter()
            .all(|(_, q)| !q.as_deref().unwrap_or("").starts_with("explanations")),
        "{explained:?}"
    );
    assert!(toml[1].contains("[explanations]"));
    let from_toml = judge(&toml[0], Format::Toml);
    assert_eq!(
        from_toml,
        judge(&json[0], Format::Json),
        "the two examples are the same reply"
    );
    // A partial reply: only answers left out are reported, none of what it does answer.
    assert!(!from_toml.is_empty());
    assert!(
        from_toml.iter().all(|(code, _)| code == "missing-answer"),
        "{from_toml:?}"
    );
}

#[test]
fn the_table_of_finding_codes_lists_every_reply_code() {
    let text = std::fs::read_to_string("docs/replies.md").unwrap();
    for code in Code::ALL.iter().filter(|c| c.is_reply_code()) {
        assert!(
            text.contains(&format!("| `{code}` |")),
            "docs/replies.md lacks `{code}`"
        );
    }
}
