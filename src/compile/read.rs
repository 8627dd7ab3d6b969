//! Rebuild the checked questionnaire from a compiled schema's `x-canvass` annotations, so
//! `validate --schema FILE` needs nothing but the schema and gives the same findings.

use serde::Deserialize;
use serde_json::Value;

use crate::questionnaire::model::{AnswerCode, Question, Questionnaire, Rule, Section, Text};

#[derive(Deserialize)]
struct Root {
    id: String,
    version: String,
    title: Text,
    languages: Vec<String>,
    #[serde(default)]
    respondent: Option<String>,
    codes: Vec<AnswerCode>,
    rules: Vec<Rule>,
}

#[derive(Deserialize)]
struct SectionInfo {
    id: String,
    number: Option<String>,
    title: Text,
    when: Option<String>,
}

/// The questionnaire a canvass schema was compiled from; an error names what is missing.
pub fn from_schema(schema: &Value) -> Result<Questionnaire, String> {
    let root: Root = annotation(schema, "the schema")?;
    let properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .ok_or("the schema has no `properties`")?;
    let mut sections = Vec::new();
    for (key, section_schema) in properties {
        if crate::questionnaire::REPLY_KEYS.contains(&key.as_str()) {
            continue;
        }
        let info: SectionInfo = annotation(section_schema, &format!("section `{key}`"))?;
        let mut questions = Vec::new();
        for (id, property) in section_schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if property
                .get("x-canvass")
                .and_then(|x| x.get("specify_for"))
                .is_some()
            {
                continue;
            }
            questions.push(question(property, &format!("question `{key}.{id}`"))?);
        }
        sections.push(Section {
            id: info.id,
            number: info.number,
            title: info.title,
            when: info
                .when
                .map(|source| crate::questionnaire::model::Expr { source, ast: None }),
            questions,
        });
    }
    let mut model = Questionnaire {
        id: root.id,
        version: root.version,
        title: root.title,
        languages: root.languages,
        respondent: root.respondent,
        codes: root.codes,
        sections,
        rules: root.rules,
    };
    model.number_codes();
    crate::check::resolve_model(&mut model)?;
    Ok(model)
}

fn question(property: &Value, what: &str) -> Result<Question, String> {
    let mut question: Question = annotation(property, what)?;
    if let Some(pattern) = &question.pattern {
        question.regex = Some(
            crate::values::text::compile_pattern(pattern)
                .map_err(|e| format!("{what}: pattern: {e}"))?,
        );
    }
    // Table columns are stored in the row schema, one property each.
    let value = property
        .get("anyOf")
        .and_then(Value::as_array)
        .and_then(|branches| branches.last())
        .unwrap_or(property);
    if let Some(columns) = value
        .pointer("/items/properties")
        .and_then(Value::as_object)
    {
        for (id, column) in columns {
            // A column's "please specify" text is not a column.
            if column.pointer("/x-canvass/specify_for").is_some() {
                continue;
            }
            question
                .columns
                .push(self::question(column, &format!("{what}, column `{id}`"))?);
        }
    }
    Ok(question)
}

fn annotation<T: for<'de> Deserialize<'de>>(schema: &Value, what: &str) -> Result<T, String> {
    let value = schema.get("x-canvass").ok_or_else(|| {
        format!("{what} has no `x-canvass` annotation: was it compiled by canvass?")
    })?;
    T::deserialize(value).map_err(|e| format!("{what}: `x-canvass` is not valid: {e}"))
}
