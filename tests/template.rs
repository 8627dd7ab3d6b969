//! `canvass template`: blank replies a respondent can fill in.

use canvass::check::check;
use canvass::findings::Code;
use canvass::source::SourceFile;
use canvass::validate::Validator;

fn validator(path: &str) -> Validator {
    let text = std::fs::read_to_string(path).unwrap();
    Validator::new(check(&text).questionnaire.unwrap()).unwrap()
}

#[test]
fn toml_template_in_french() {
    let v = validator("tests/validate/questionnaire.toml");
    insta::assert_snapshot!(canvass::template::toml(&v.questionnaire, "fr"));
}

#[test]
fn blank_templates_parse_and_miss_only_answers() {
    let v = validator("questionnaires/res-16-2/questionnaire.toml");
    for (name, text) in [
        (
            "template.toml",
            canvass::template::toml(&v.questionnaire, "en"),
        ),
        ("template.json", canvass::template::json(&v.questionnaire)),
    ] {
        let findings = v.validate(&SourceFile::new(name, text), "en");
        assert!(
            !findings.is_empty(),
            "{name}: a blank reply misses required answers"
        );
        for f in &findings {
            assert_eq!(f.code, Code::MissingAnswer, "{name}: {}", f.message);
        }
    }
}

#[test]
fn uncommenting_every_example_gives_values_of_the_right_type() {
    let v = validator("tests/validate/questionnaire.toml");
    let filled: String = canvass::template::toml(&v.questionnaire, "en")
        .lines()
        .map(|line| {
            let answer = line.strip_prefix("# ").filter(|rest| {
                rest.split_once(" = ")
                    .is_some_and(|(key, _)| key.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            });
            answer.unwrap_or(line).to_string() + "\n"
        })
        .collect();
    let findings = v.validate(&SourceFile::new("filled.toml", filled.clone()), "en");
    for f in &findings {
        assert!(
            !matches!(
                f.code,
                Code::InvalidType | Code::Syntax | Code::UnknownQuestion
            ),
            "{}\n{filled}",
            f.message
        );
    }
}
