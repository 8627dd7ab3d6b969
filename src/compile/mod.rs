//! `canvass compile`: the checked questionnaire as one self-contained JSON Schema 2020-12.
//!
//! Standard keywords carry everything they can (types, ranges, options, `required`, and
//! each `when` that translates into `if`/`then`/`else`), so any validator rejects the same
//! missing and not-applicable answers. Everything else — ids, numbers, translations,
//! expressions, rules, which `allOf` entry stands for which condition — travels in
//! `x-canvass` annotations, from which [`read::from_schema`] rebuilds the very same model.
//! Output is deterministic: the same questionnaire always gives the same bytes.

mod conditions;

use conditions::Place;
pub mod read;
mod values;

use serde_json::{Map, Value, json};

use crate::questionnaire::model::{Question, Questionnaire, Section};

pub use read::from_schema;

const BLANK: &str = "#/$defs/blank";

/// The reply's `explanations`: a table from the id of a rule that may be explained (a
/// warning, or a rule that asks for an explanation) to a text.
fn explanations_schema(q: &Questionnaire) -> Value {
    let ids: Vec<&str> = q
        .rules
        .iter()
        .filter(|r| r.severity.explainable())
        .map(|r| r.id.as_str())
        .collect();
    json!({
        "title": "Explanations",
        "description": "Why an answer a rule questions is right: the rule's id, then the explanation.",
        "type": "object",
        "propertyNames": { "enum": ids },
        "additionalProperties": { "type": ["string", "null"] },
    })
}

/// Compile a checked questionnaire.
pub fn compile(q: &Questionnaire) -> Value {
    let lang = q.source_language();
    let mut properties = Map::new();
    properties.insert(
        "questionnaire".into(),
        json!({ "title": "Questionnaire id", "const": q.id }),
    );
    properties.insert(
        "version".into(),
        json!({ "title": "Questionnaire version", "const": q.version }),
    );
    properties.insert(
        crate::questionnaire::EXPLANATIONS.into(),
        explanations_schema(q),
    );
    let mut required = vec![json!("questionnaire"), json!("version")];
    let mut all_of = Vec::new();
    let mut conditions_table = Vec::new();
    for (s, section) in q.sections.iter().enumerate() {
        let mut local = Vec::new();
        for question in &section.questions {
            let whens: Vec<_> = section.whens(question).collect();
            if whens.is_empty() {
                continue;
            }
            let (place, index) = match translate_when(q, s, question) {
                Some((Place::Section(_), condition)) => {
                    local.push(conditional(None, question, condition));
                    ("section", Some(local.len() - 1))
                }
                Some((Place::Root, condition)) => {
                    all_of.push(conditional(Some(&section.id), question, condition));
                    ("root", Some(all_of.len() - 1))
                }
                // A question's `when` is never read inside a row.
                None | Some((Place::Row(..), _)) => ("none", None),
            };
            conditions_table.push(json!({
                "question": format!("{}.{}", section.id, question.id),
                "when": whens.iter().map(|w| w.source.as_str()).collect::<Vec<_>>().join(" && "),
                "in": place,
                "allOf": index,
            }));
        }
        let (schema, section_required) = section_schema(q, s, section, local);
        if section_required {
            required.push(json!(section.id));
        }
        properties.insert(section.id.clone(), schema);
    }
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    root.insert("$id".into(), json!(schema_id(q)));
    root.insert("title".into(), json!(q.title.get(lang, lang)));
    root.insert("type".into(), json!("object"));
    root.insert("required".into(), Value::Array(required));
    root.insert("properties".into(), Value::Object(properties));
    root.insert("additionalProperties".into(), json!(false));
    if !all_of.is_empty() {
        root.insert("allOf".into(), Value::Array(all_of));
    }
    root.insert(
        "$defs".into(),
        json!({
            "blank": {
                "description": "No answer: absent, null, empty text or empty list.",
                "enum": [null, "", []]
            },
            "country": {
                "description": "ISO 3166-1 alpha-3 country code.",
                "enum": crate::values::country::CODES
            }
        }),
    );
    root.insert(
        "x-canvass".into(),
        json!({
            "id": q.id,
            "version": q.version,
            "title": q.title,
            "languages": q.languages,
            "codes": q.codes,
            "rules": q.rules,
            "conditions": conditions_table,
        }),
    );
    if let (Some(respondent), Some(Value::Object(x))) = (&q.respondent, root.get_mut("x-canvass")) {
        x.insert("respondent".into(), respondent.clone().into());
    }
    Value::Object(root)
}

/// The schema condition for a question's `when` (its section's and its own, together),
/// and where it sits: inside the section when it reads only that section's answers, else
/// at the root. `None` when standard keywords cannot say it (or there is no `when`).
fn translate_when(q: &Questionnaire, s: usize, question: &Question) -> Option<(Place, Value)> {
    let whens: Vec<_> = q.sections[s].whens(question).collect();
    if whens.is_empty() {
        return None;
    }
    let translate = |place| {
        let mut parts = whens
            .iter()
            .map(|w| conditions::translate(q, w.ast(), place))
            .collect::<Option<Vec<_>>>()?;
        Some(if parts.len() == 1 {
            parts.remove(0)
        } else {
            json!({ "allOf": parts })
        })
    };
    [Place::Section(s), Place::Root]
        .into_iter()
        .find_map(|place| Some((place, translate(place)?)))
}

/// Whether the compiled schema enforces the question's applicability: it has no `when`,
/// or its `when` translates. Where it does not, canvass alone decides whether the
/// question is asked.
pub fn schema_carries_when(q: &Questionnaire, s: usize, question: &Question) -> bool {
    q.sections[s].whens(question).next().is_none() || translate_when(q, s, question).is_some()
}

/// Whether the compiled schema enforces a column's `when` inside each row of table
/// `(s, t)`: it has none, or its `when` reads only cells of the row in ways standard
/// keywords say.
pub fn schema_carries_column_when(
    q: &Questionnaire,
    s: usize,
    t: usize,
    column: &Question,
) -> bool {
    column
        .when
        .as_ref()
        .is_none_or(|when| conditions::translate(q, when.ast(), Place::Row(s, t)).is_some())
}

/// A compiled schema as canvass writes it to disk.
pub fn to_pretty_string(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// Whether a question must be answered whenever its section is in the reply.
fn unconditionally_required(section: &Section, question: &Question) -> bool {
    question.required && question.when.is_none() && section.when.is_none()
}

fn section_schema(
    q: &Questionnaire,
    s: usize,
    section: &Section,
    conditions: Vec<Value>,
) -> (Value, bool) {
    let lang = q.source_language();
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut all_of = conditions;
    for question in &section.questions {
        let hard = unconditionally_required(section, question);
        if hard {
            required.push(json!(question.id));
        }
        properties.insert(question.id.clone(), values::property(q, question, hard));
        if let Some(specify) = question.specify_id() {
            properties.insert(specify.clone(), values::specify_property(q, question));
            all_of.push(values::specify_condition(question, &specify));
        }
    }
    let title = match &section.number {
        Some(n) => format!("{n}. {}", section.title.get(lang, lang)),
        None => section.title.get(lang, lang).to_string(),
    };
    let mut schema = Map::new();
    schema.insert("title".into(), json!(title));
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    let section_required = !required.is_empty();
    if section_required {
        schema.insert("required".into(), Value::Array(required));
    }
    schema.insert("additionalProperties".into(), json!(false));
    if !all_of.is_empty() {
        schema.insert("allOf".into(), Value::Array(all_of));
    }
    schema.insert(
        "x-canvass".into(),
        json!({
            "id": section.id,
            "number": section.number,
            "title": section.title,
            "when": section.when.as_ref().map(|w| &w.source),
            "index": s,
        }),
    );
    (Value::Object(schema), section_required)
}

/// The `if`/`then`/`else` for one conditional question: required (if it is) when the
/// condition holds, blank when it does not. `section` is `None` for a condition that sits in
/// the section's own schema, the section's id for one at the root.
#[allow(clippy::needless_pass_by_value)] // the condition is built for this call
pub(super) fn conditional(section: Option<&str>, question: &Question, condition: Value) -> Value {
    let inside = |schema: Value| match section {
        Some(id) => json!({ "properties": { id: schema } }),
        None => schema,
    };
    let blank = inside(json!({ "properties": { &question.id: { "$ref": BLANK } } }));
    if !question.required {
        return json!({ "if": condition, "else": blank });
    }
    let mut then = inside(json!({
        "required": [question.id],
        "properties": { &question.id: { "not": { "$ref": BLANK } } }
    }));
    if let Some(id) = section {
        then["required"] = json!([id]);
    }
    json!({ "if": condition, "then": then, "else": blank })
}

/// The schema's `$id`: a URN naming the questionnaire and its version. A version is any text
/// ("2026 rev 1", "2009-révisé"): what a URI may not hold is percent-encoded (UTF-8), so
/// every version gives a valid, distinct URI.
pub fn schema_id(q: &Questionnaire) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    // RFC 8141's NSS keeps unreserved and sub-delimiter characters, `:` and `@`, as they are.
    const KEPT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'!')
        .remove(b'$')
        .remove(b'&')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')')
        .remove(b'*')
        .remove(b'+')
        .remove(b',')
        .remove(b';')
        .remove(b'=')
        .remove(b':')
        .remove(b'@');
    format!(
        "urn:canvass:{}:{}",
        q.id,
        utf8_percent_encode(&q.version, KEPT)
    )
}
