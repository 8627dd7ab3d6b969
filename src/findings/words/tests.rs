//! The languages say the same things: every message and attribute of one exists in the
//! other, with the same fields; the files parse strictly; every id the code asks for exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;

use super::LANGUAGES;

/// Message id (and `.attribute`) → the variables its wording uses.
fn entries(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let variable = regex::Regex::new(r"\$([a-z_][a-z0-9_]*)").unwrap();
    let mut entries = BTreeMap::new();
    let mut message = String::new();
    let mut current = String::new();
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let trimmed = line.trim_start();
        // A message starts at the margin with its id; a select's closing brace may
        // stand there too.
        if !line.starts_with(' ') && line.starts_with(|c: char| c.is_ascii_lowercase()) {
            message = line.split('=').next().unwrap().trim().to_string();
            current = message.clone();
        } else if trimmed.starts_with('.') && trimmed.contains('=') {
            let name = trimmed.split('=').next().unwrap().trim();
            current = format!("{message}{name}");
        }
        let vars: &mut BTreeSet<String> = entries.entry(current.clone()).or_default();
        vars.extend(variable.captures_iter(line).map(|c| c[1].to_string()));
    }
    entries
}

#[test]
fn every_language_parses_and_has_every_message_with_the_same_fields() {
    let english = entries(LANGUAGES[0].1);
    assert!(english.len() > 50, "{} entries", english.len());
    for (lang, source) in LANGUAGES {
        if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
            panic!("{lang}.ftl does not parse: {errors:?}");
        }
        let other = entries(source);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang}.ftl has {extra:?}, which en.ftl lacks"
        );
        for (id, vars) in &english {
            assert_eq!(&other[id], vars, "{lang}.ftl: {id} uses other fields");
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let english = entries(LANGUAGES[0].1);
    // `say("id"`, `phrase(lang, "id"`, `flag(site, Code::X, "id"`, and the ids passed on
    // to those (`"want-…"`, `"why-…"`, …).
    let call = regex::Regex::new(
        r#"(?:(?:say|phrase)\((?:\s*[a-z_.]+,)?|Code::\w+,)\s*"([a-z0-9-]+)"|"((?:want|why|too-few|too-many)-[a-z-]+)""#,
    )
    .unwrap();
    let mut asked = 0;
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("words/tests.rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for found in call.captures_iter(&text) {
                let id = found.get(1).or_else(|| found.get(2)).unwrap().as_str();
                asked += 1;
                assert!(
                    english.contains_key(id),
                    "{} asks for `{id}`, which en.ftl lacks",
                    path.display(),
                );
            }
        }
    }
    assert!(asked > 30, "only {asked} messages found in the code");
}

#[test]
fn fields_are_inserted_as_given_without_isolation_marks() {
    let said = super::say(
        "missing-answer",
        &super::Args::new().text("number", "0.2").text("why", ""),
    );
    let message = said.message.word("fr");
    assert!(message.contains("0.2"), "{message}");
    assert!(!message.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn a_finding_kept_as_data_is_worded_in_any_language_later() {
    use super::{Args, Text, phrase, say};
    // A field that is itself words (a value described), and one the questionnaire gives
    // in two languages.
    let texts = std::sync::Arc::new(
        [("en", "Title"), ("fr", "Titre")]
            .into_iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect(),
    );
    let args = Args::new()
        .text("number", "5")
        .text("condition", Text::given(&texts, "en"))
        .text("why", phrase("why-required", &Args::new()));
    let said = say("not-applicable", &args);
    // Kept as JSON (as a collection keeps it) and read back, it says the same.
    let json = serde_json::to_string(&said.message).unwrap();
    let back: Text = serde_json::from_str(&json).unwrap();
    assert_eq!(back, said.message);
    assert_eq!(
        back.word("en"),
        "question 5 is answered, but it applies only when `Title`"
    );
    assert_eq!(
        back.word("fr"),
        "la question 5 a une réponse, mais elle ne s'applique que si `Titre`"
    );
    // A language canvass has no words in falls back to English, the questionnaire's
    // text to its source language.
    assert_eq!(back.word("de"), back.word("en"));
    assert_eq!(
        said.help.unwrap().word("es"),
        "quite esta respuesta, o corrija la respuesta de la que depende"
    );
}

#[test]
fn every_message_words_without_error_in_every_language_for_one_and_many() {
    use fluent_bundle::{FluentArgs, FluentValue};
    let english = entries(LANGUAGES[0].1);
    for (index, (lang, _)) in LANGUAGES.iter().enumerate() {
        let bundle = super::bundle_at(index);
        for count in [1_usize, 2, 5, 21] {
            for (entry, vars) in &english {
                let (id, attribute) = entry
                    .split_once('.')
                    .map_or((entry.as_str(), None), |(m, a)| (m, Some(a)));
                let message = bundle.get_message(id).expect("the parity test holds ids");
                let pattern = match attribute {
                    Some(a) => message.get_attribute(a).unwrap().value(),
                    None => message.value().unwrap(),
                };
                let mut args = FluentArgs::new();
                for var in vars {
                    args.set(var.clone(), FluentValue::from(count));
                }
                let mut errors = Vec::new();
                let worded = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang} {entry}: {errors:?}");
                assert!(
                    !worded.trim().is_empty() || entry.contains("why"),
                    "{lang} {entry}"
                );
            }
        }
    }
}
