//! `canvass template`: blank replies a respondent can fill in.

#[path = "support/cli.rs"]
mod cli;

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
    insta::assert_snapshot!(canvass::template::toml(v.questionnaire(), "fr"));
}

#[test]
fn blank_templates_parse_and_miss_only_answers() {
    let v = validator("questionnaires/res-16-2/questionnaire.toml");
    for (name, text) in [
        (
            "template.toml",
            canvass::template::toml(v.questionnaire(), "en"),
        ),
        ("template.json", canvass::template::json(v.questionnaire())),
    ] {
        let findings = v.validate(&SourceFile::new(name, text));
        assert!(
            !findings.is_empty(),
            "{name}: a blank reply misses required answers"
        );
        for f in &findings {
            assert_eq!(
                f.code,
                Code::MissingAnswer,
                "{name}: {}",
                f.message.word("en")
            );
        }
    }
}

#[test]
fn uncommenting_every_example_gives_values_of_the_right_type() {
    let v = validator("tests/validate/questionnaire.toml");
    let filled: String = canvass::template::toml(v.questionnaire(), "en")
        .lines()
        .map(|line| {
            let answer = line.strip_prefix("# ").filter(|rest| {
                rest.split_once(" = ")
                    .is_some_and(|(key, _)| key.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            });
            answer.unwrap_or(line).to_string() + "\n"
        })
        .collect();
    let findings = v.validate(&SourceFile::new("filled.toml", filled.clone()));
    for f in &findings {
        assert!(
            !matches!(
                f.code,
                Code::InvalidType | Code::Syntax | Code::UnknownQuestion
            ),
            "{}\n{filled}",
            f.message.word("en")
        );
    }
}

#[test]
fn conditions_read_as_words_in_the_templates_language() {
    let english = cli::canvass(&["template", "res-16-2"]);
    assert_eq!(english.status, 0);
    for line in [
        "#   Only if: question 1 is “Yes”",
        "#   Only if: question 5 is “Yes” or “In preparation”",
        "#   Only if: question 29 is not “Not at all”",
    ] {
        assert!(english.stdout.contains(line), "{line}\n{}", english.stdout);
    }
    let french = cli::canvass(&["template", "res-16-2", "--lang", "fr"]);
    assert!(
        french
            .stdout
            .contains("la question 5 vaut « Oui » ou « En préparation »"),
        "{}",
        french.stdout
    );
    // A form not put in words keeps its expression, exact.
    let dir = cli::temp_dir("template-conditions");
    let q = dir.join("q.toml");
    std::fs::write(
        &q,
        "id = \"x\"\nversion = \"1\"\ntitle = \"X\"\n\n[[section]]\nid = \"s\"\ntitle = \"S\"\n\n\
         [[section.question]]\nid = \"a\"\nnumber = \"1\"\ntext = \"A\"\ntype = \"integer\"\n\n\
         [[section.question]]\nid = \"b\"\ntext = \"B\"\ntype = \"integer\"\n\n\
         [[section.question]]\nid = \"c\"\ntext = \"C\"\ntype = \"text\"\nwhen = \"a + b > 10 || a >= 3 && answered(b)\"\n\n\
         [[section.question]]\nid = \"d\"\ntext = \"D\"\ntype = \"text\"\nwhen = \"a >= 3 && answered(b)\"\n",
    )
    .unwrap();
    let run = cli::canvass(&["template", q.to_str().unwrap()]);
    assert!(
        run.stdout
            .contains("#   Only if: a + b > 10 || a >= 3 && answered(b)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("#   Only if: question 1 is at least 3 and `s.b` is answered"),
        "{}",
        run.stdout
    );
}

#[test]
fn rows_given_in_advance_are_written_in_the_templates() {
    let text =
        std::fs::read_to_string("tests/validate/invalid-option--rows-given/questionnaire.toml")
            .unwrap()
            .replace("rows = [\"cereals\", \"pulses\"]", "rows = \"options\"");
    let v = Validator::new(check(&text).questionnaire.unwrap()).unwrap();
    let q = v.questionnaire();
    assert_eq!(
        q.sections[0].questions[0].rows,
        ["cereals", "pulses", "fish"]
    );
    // The JSON template gives every row with its key: only the other cells are missing.
    let json = canvass::template::json(q);
    let findings = v.validate(&SourceFile::new("template.json", json));
    let missing: Vec<&str> = findings
        .iter()
        .map(|f| f.question.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        missing,
        [
            "food.eaten[food=cereals].days",
            "food.eaten[food=pulses].days",
            "food.eaten[food=fish].days"
        ]
    );
    // The TOML template shows them, keys written in, ready to uncomment.
    let toml = canvass::template::toml(q, "en");
    let rows: String = toml
        .lines()
        .filter(|l| l.starts_with("#   { food"))
        .map(|l| l.trim_start_matches("# "))
        .collect::<Vec<_>>()
        .join("\n");
    let filled = format!(
        "questionnaire = \"food-list\"\nversion = \"1\"\n[food]\neaten = [\n{}\n]\n",
        rows.replace("days = 0", "days = 2")
    );
    assert!(
        v.validate(&SourceFile::new("filled.toml", filled))
            .is_empty()
    );
}
