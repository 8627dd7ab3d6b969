//! `canvass compile` and the checked-in schemas: valid 2020-12, up to date, deterministic,
//! and carrying everything needed to rebuild the questionnaire.

use canvass::check::check;
use canvass::compile::{compile, from_schema, to_pretty_string};
use canvass::questionnaire::model::Questionnaire;

fn shipped() -> Vec<(String, Questionnaire)> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir("questionnaires").unwrap() {
        let path = entry.unwrap().path().join("questionnaire.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let q = check(&text)
            .questionnaire
            .expect("shipped questionnaires pass check");
        all.push((q.id.clone(), q));
    }
    all
}

#[test]
fn checked_in_schemas_are_up_to_date() {
    for (id, q) in shipped() {
        let path = format!("schemas/{id}.schema.json");
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == to_pretty_string(&compile(&q)),
            "{path} is stale: run `cargo run -- compile questionnaires/{id}/questionnaire.toml -o {path}`"
        );
    }
}

#[test]
fn compiled_schemas_are_valid_2020_12() {
    for (id, q) in shipped() {
        let schema = compile(&q);
        if let Err(error) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{id}: {error}");
        }
        jsonschema::draft202012::options()
            .build(&schema)
            .unwrap_or_else(|e| panic!("{id}: {e}"));
    }
}

#[test]
fn a_schema_rebuilds_the_questionnaire_it_came_from() {
    for (id, q) in shipped() {
        let schema = compile(&q);
        let rebuilt = from_schema(&schema).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(compile(&rebuilt), schema, "{id}");
        assert_eq!(
            serde_json::to_value(&rebuilt).unwrap(),
            serde_json::to_value(&q).unwrap(),
            "{id}"
        );
    }
}

#[test]
fn compiling_twice_gives_the_same_bytes() {
    for (_, q) in shipped() {
        assert_eq!(
            to_pretty_string(&compile(&q)),
            to_pretty_string(&compile(&q))
        );
    }
}

#[test]
fn questionnaire_language_schema_is_up_to_date_and_draft_07() {
    let generated = canvass::questionnaire::language_schema();
    let on_disk = std::fs::read_to_string("schemas/questionnaire.schema.json").unwrap_or_default();
    assert!(
        on_disk == generated,
        "schemas/questionnaire.schema.json is stale: run `cargo run -- schema > schemas/questionnaire.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::meta::validate(&schema).unwrap();
}

#[test]
fn the_language_schema_accepts_the_shipped_questionnaires() {
    let schema: serde_json::Value =
        serde_json::from_str(&canvass::questionnaire::language_schema()).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    for entry in std::fs::read_dir("questionnaires").unwrap() {
        let path = entry.unwrap().path().join("questionnaire.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        // As an editor sees it: TOML dates become strings.
        let json = to_json(toml::from_str(&text).unwrap());
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn settings_lists_match_the_definition_types() {
    use canvass::questionnaire::settings;
    let schema: serde_json::Value =
        serde_json::from_str(&canvass::questionnaire::language_schema()).unwrap();
    let keys = |pointer: &str| -> Vec<String> {
        let mut keys: Vec<String> = schema
            .pointer(pointer)
            .and_then(|p| p.as_object())
            .unwrap_or_else(|| panic!("{pointer}"))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let sorted = |list: &[&str]| {
        let mut v: Vec<String> = list.iter().map(|s| (*s).to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(keys("/properties"), sorted(settings::ROOT));
    assert_eq!(
        keys("/definitions/SectionDef/properties"),
        sorted(settings::SECTION)
    );
    assert_eq!(
        keys("/definitions/QuestionDef/properties"),
        sorted(settings::QUESTION)
    );
    assert_eq!(
        keys("/definitions/RuleDef/properties"),
        sorted(settings::RULE)
    );
    assert_eq!(
        keys("/definitions/FullOptionDef/properties"),
        sorted(settings::OPTION)
    );
}

fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(items) => items.into_iter().map(to_json).collect(),
        toml::Value::Table(t) => t.into_iter().map(|(k, v)| (k, to_json(v))).collect(),
        other => serde_json::to_value(other).unwrap(),
    }
}

#[test]
fn compiled_schema_of_the_demo_questionnaire() {
    let text = std::fs::read_to_string("tests/validate/questionnaire.toml").unwrap();
    let q = check(&text).questionnaire.unwrap();
    // As written to the file (insta's own JSON writer would show the private form in
    // which serde_json, built with arbitrary precision, hands over a number).
    insta::assert_snapshot!(serde_json::to_string_pretty(&compile(&q)).unwrap());
}

/// A TOML document as the JSON an editor's schema check sees (dates as their text).
fn toml_as_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => serde_json::json!(f),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(toml_as_json).collect(),
        toml::Value::Table(table) => table
            .into_iter()
            .map(|(k, v)| (k, toml_as_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

#[test]
fn the_editor_schema_accepts_every_good_questionnaire_and_refuses_misspelt_settings() {
    let schema: serde_json::Value =
        serde_json::from_str(&canvass::questionnaire::language_schema()).unwrap();
    let editor = jsonschema::draft7::new(&schema).unwrap();
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir("questionnaires")
        .unwrap()
        .map(|e| e.unwrap().path().join("questionnaire.toml"))
        .collect();
    paths.push("tests/validate/questionnaire.toml".into());
    paths.push("tests/fast_path/questionnaire.toml".into());
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let json = toml_as_json(toml::from_str(&text).unwrap());
        let errors: Vec<String> = editor.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    // A misspelt setting, at every level: the questionnaire, a section, a question, an
    // option, a rule.
    let text = std::fs::read_to_string("tests/validate/questionnaire.toml").unwrap();
    let good = toml_as_json(toml::from_str(&text).unwrap());
    let misspell = |pointer: &str| {
        let mut json = good.clone();
        json.pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert("requird".into(), true.into());
        editor.is_valid(&json)
    };
    for pointer in ["", "/section/0", "/section/0/question/0", "/rule/0"] {
        assert!(!misspell(pointer), "`requird` passes at {pointer:?}");
    }
    let mut json = good.clone();
    let options = json.pointer_mut("/section/0/question/2/options").unwrap();
    assert!(
        options
            .as_array()
            .is_some_and(|o| o.iter().any(serde_json::Value::is_object)),
        "{options}"
    );
    for option in options.as_array_mut().unwrap() {
        if let Some(option) = option.as_object_mut() {
            option.insert("exclusiv".into(), true.into());
        }
    }
    assert!(!editor.is_valid(&json), "`exclusiv` passes in an option");
}

#[test]
fn a_schema_whose_computed_values_read_each_other_is_refused() {
    // Evaluation computes a value each time it is read, trusting `check`: a schema edited by
    // hand into a circle must be refused, not loop.
    let text = std::fs::read_to_string("schemas/household-2026.schema.json").unwrap();
    let mut schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let days = schema
        .pointer_mut("/properties/visit/properties/campaign_days/x-canvass/compute")
        .expect("campaign_days is computed");
    *days = serde_json::json!("campaign_days + 1");
    let error = from_schema(&schema).expect_err("a circle is refused");
    assert!(error.contains("cannot be computed"), "{error}");
}

#[test]
fn check_refuses_long_chains_of_computed_values() {
    let mut text = String::from(
        "id = \"chain\"\nversion = \"1\"\ntitle = \"Chain\"\n[[section]]\nid = \"s\"\ntitle = \"S\"\n\
         [[section.question]]\nid = \"v0\"\ntext = \"V0\"\ntype = \"integer\"\n",
    );
    for i in 1..=12 {
        text.push_str(&format!(
            "[[section.question]]\nid = \"v{i}\"\ntext = \"V{i}\"\ntype = \"integer\"\ncompute = \"v{} + 1\"\n",
            i - 1
        ));
    }
    let checked = check(&text);
    let found: Vec<(&str, String)> = checked
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.message.word("en")))
        .collect();
    // Once, where the chain passes eight computed values, not again on every later one.
    assert_eq!(
        found,
        [(
            "invalid-setting",
            "`s.v9` is computed from a chain of more than 8 computed values".to_string()
        )]
    );
}
