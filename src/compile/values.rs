//! The schema of one answer: its type, range, options and codes, with the question's
//! number and text as `title`, its help as `description`, and the model in `x-canvass`.

use serde_json::{Map, Value, json};

use super::BLANK;
use super::conditions::{self, Place};
use crate::questionnaire::model::{Bound, Question, QuestionType, Questionnaire, TextFormat};

/// `hh:mm` on a 24-hour clock, as `values::dates::is_time` reads it.
pub const TIME_PATTERN: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

pub fn title(question: &Question, lang: &str) -> String {
    match &question.number {
        Some(n) => format!("{n} {}", question.text.get(lang, lang)),
        None => question.text.get(lang, lang).to_string(),
    }
}

/// The property schema of a question (or column). `hard`: required with no condition, so
/// a blank answer is refused here; otherwise a blank answer is allowed and any `required`
/// is the business of an `if`/`then`.
pub fn property(q: &Questionnaire, question: &Question, hard: bool) -> Value {
    let lang = q.source_language();
    let mut schema = Map::new();
    schema.insert("title".into(), json!(title(question, lang)));
    if let Some(help) = &question.help {
        schema.insert("description".into(), json!(help.get(lang, lang)));
    }
    if question.compute.is_some() {
        // Computed, never answered: the reply leaves it out.
        schema.insert("$ref".into(), json!(BLANK));
        schema.insert(
            "x-canvass".into(),
            serde_json::to_value(question).expect("the model serializes"),
        );
        return Value::Object(schema);
    }
    let value = value(q, question, hard);
    let mut branches = Vec::new();
    if !hard {
        branches.push(json!({ "$ref": BLANK }));
    }
    if !question.codes.is_empty() && question.kind != QuestionType::Choice {
        // A code is written as its name, or as the number survey systems use for it.
        let mut codes: Vec<Value> = question.codes.iter().map(|c| json!(c)).collect();
        let numbers = q.codes.iter().filter(|c| question.codes.contains(&c.name));
        codes.extend(numbers.filter_map(|c| c.number).map(|n| json!(n)));
        branches.push(json!({ "enum": codes }));
    }
    if branches.is_empty() {
        schema.extend(value);
    } else {
        branches.push(Value::Object(value));
        schema.insert("anyOf".into(), Value::Array(branches));
    }
    let mut model = serde_json::to_value(question).expect("the model serializes");
    if let Value::Object(fields) = &mut model {
        // Columns are described by their own property schemas inside `items`.
        fields.remove("columns");
    }
    schema.insert("x-canvass".into(), model);
    Value::Object(schema)
}

fn bound(b: Option<&Bound>) -> Option<Value> {
    match b? {
        Bound::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => {
            #[allow(clippy::cast_possible_truncation)] // integral and in range, checked above
            Some(json!(*n as i64))
        }
        Bound::Number(n) => Some(json!(n)),
        Bound::Date(_) => None,
    }
}

fn value(q: &Questionnaire, question: &Question, hard: bool) -> Map<String, Value> {
    let mut v = Map::new();
    let mut set = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            v.insert(key.to_string(), value);
        }
    };
    let options: Vec<&str> = question.options.iter().map(|o| o.value.as_str()).collect();
    // A required answer may not be blank: for text and lists that needs a minimum of one.
    let at_least_one = |n: Option<u64>| Some(json!(n.unwrap_or(0).max(u64::from(hard))));
    match question.kind {
        QuestionType::YesNo => set("type", Some(json!("boolean"))),
        QuestionType::Choice => {
            let mut allowed: Vec<Value> = options.iter().map(|o| json!(o)).collect();
            allowed.extend(question.codes.iter().map(|c| json!(c)));
            let numbers = q.codes.iter().filter(|c| question.codes.contains(&c.name));
            allowed.extend(numbers.filter_map(|c| c.number).map(|n| json!(n)));
            set("enum", Some(Value::Array(allowed)));
        }
        QuestionType::MultiChoice => {
            set("type", Some(json!("array")));
            set("items", Some(json!({ "enum": options })));
            set("uniqueItems", Some(json!(true)));
            set(
                "minItems",
                at_least_one(question.min_choices).filter(|n| n != 0),
            );
            set("maxItems", question.max_choices.map(|n| json!(n)));
            let exclusive: Vec<Value> = question
                .options
                .iter()
                .filter(|o| o.exclusive)
                .map(|o| json!({ "if": { "contains": { "const": o.value } }, "then": { "maxItems": 1 } }))
                .collect();
            if !exclusive.is_empty() {
                set("allOf", Some(Value::Array(exclusive)));
            }
        }
        QuestionType::Text => {
            set("type", Some(json!("string")));
            set(
                "minLength",
                at_least_one(question.min_length).filter(|n| n != 0),
            );
            set("maxLength", question.max_length.map(|n| json!(n)));
            set(
                "pattern",
                question
                    .pattern
                    .as_ref()
                    .map(|p| json!(format!("^(?:{p})$"))),
            );
            set(
                "format",
                question.format.map(|f| match f {
                    TextFormat::Email => json!("email"),
                }),
            );
        }
        QuestionType::Integer | QuestionType::Year => {
            set("type", Some(json!("integer")));
            set("minimum", bound(question.min.as_ref()));
            set("maximum", bound(question.max.as_ref()));
        }
        QuestionType::Number => {
            set("type", Some(json!("number")));
            set("minimum", bound(question.min.as_ref()));
            set("maximum", bound(question.max.as_ref()));
        }
        QuestionType::Date => {
            set("type", Some(json!("string")));
            set("format", Some(json!("date")));
        }
        QuestionType::Time => {
            set("type", Some(json!("string")));
            set("pattern", Some(json!(TIME_PATTERN)));
        }
        QuestionType::Country => set("$ref", Some(json!("#/$defs/country"))),
        QuestionType::Table => {
            set("type", Some(json!("array")));
            set("items", Some(row_schema(q, question)));
            set(
                "minItems",
                at_least_one(question.min_rows).filter(|n| n != 0),
            );
            set("maxItems", question.max_rows.map(|n| json!(n)));
        }
    }
    v
}

/// The schema of one row of a table: its cells, the columns every row needs, and each
/// column `when` that standard keywords can say about the row (the others are canvass's).
fn row_schema(q: &Questionnaire, table: &Question) -> Value {
    let mut columns = Map::new();
    let mut required = Vec::new();
    let mut conditions = Vec::new();
    let here = q.sections.iter().enumerate().find_map(|(s, section)| {
        let t = section
            .questions
            .iter()
            .position(|x| std::ptr::eq(x, table))?;
        Some(Place::Row(s, t))
    });
    for column in &table.columns {
        let hard = column.required && column.when.is_none() && column.compute.is_none();
        if hard {
            required.push(json!(column.id));
        }
        columns.insert(column.id.clone(), property(q, column, hard));
        if let Some(specify) = column.specify_id() {
            columns.insert(specify.clone(), specify_property(q, column));
            conditions.push(specify_condition(column, &specify));
        }
        // The same translation `schema_carries_column_when` makes.
        let condition = column
            .when
            .as_ref()
            .zip(here)
            .and_then(|(when, place)| conditions::translate(q, when.ast(), place));
        if let Some(condition) = condition {
            conditions.push(super::conditional(None, column, condition));
        }
    }
    let mut row = json!({
        "type": "object",
        "properties": columns,
        "required": required,
        "additionalProperties": false,
    });
    if !conditions.is_empty() {
        row["allOf"] = Value::Array(conditions);
    }
    row
}

/// The "please specify" text of a question or column: blank or text, marked as whose it is
/// (so reading the schema back does not take it for a question).
pub fn specify_property(q: &Questionnaire, question: &Question) -> Value {
    json!({
        "title": format!("{} (please specify)", title(question, q.source_language())),
        "anyOf": [{ "$ref": BLANK }, { "type": "string" }],
        "x-canvass": { "specify_for": question.id },
    })
}

/// "Other, please specify": the text is required when a `specify` option is chosen and
/// must stay blank otherwise.
pub fn specify_condition(question: &Question, specify: &str) -> Value {
    let values: Vec<&str> = question
        .options
        .iter()
        .filter(|o| o.specify)
        .map(|o| o.value.as_str())
        .collect();
    let chosen = if question.kind == QuestionType::MultiChoice {
        json!({ "type": "array", "contains": { "enum": values } })
    } else {
        json!({ "enum": values })
    };
    json!({
        "if": { "required": [question.id], "properties": { &question.id: chosen } },
        "then": {
            "required": [specify],
            "properties": { specify: { "not": { "$ref": BLANK } } }
        },
        "else": { "properties": { specify: { "$ref": BLANK } } }
    })
}
