//! The questionnaire as a form, and a filled form back as a reply. Field names are the
//! reply's own paths: `section.question`, `section.table.ROW.column` (rows from 0), an
//! answer code in `…#code` beside its input. A form's text is kept as typed: a number is
//! written into the reply as the digits given (judged exactly as written); what does not
//! read as a number stays text, and the judge says so.

use serde_json::{Map, Number, Value};

use crate::questionnaire::model::{Question, QuestionType, Questionnaire};

/// The reply a filled form gives, answering `q`, with the respondent's answer set to
/// `respondent` whatever the form says (a link replies only as itself).
pub fn reply(q: &Questionnaire, fields: &[(String, String)], respondent: &str) -> Value {
    let mut root = Map::new();
    root.insert("questionnaire".into(), q.id.clone().into());
    root.insert("version".into(), q.version.clone().into());
    for section in &q.sections {
        let mut answers = Map::new();
        for x in section.questions.iter().filter(|x| x.compute.is_none()) {
            let name = format!("{}.{}", section.id, x.id);
            if let Some(v) = answer(x, &name, fields) {
                answers.insert(x.id.clone(), v);
            }
            if let Some(specify) = x.specify_id() {
                let text = one(fields, &format!("{}.{specify}", section.id));
                if !text.is_empty() {
                    answers.insert(specify, text.into());
                }
            }
        }
        if !answers.is_empty() {
            root.insert(section.id.clone(), Value::Object(answers));
        }
    }
    if let Some((s, x)) = q.respondent.as_deref().and_then(|p| p.split_once('.')) {
        let section = root
            .entry(s.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(answers) = section {
            answers.insert(x.to_string(), respondent.into());
        }
    }
    Value::Object(root)
}

/// The first value the form gives for `name`, trimmed ("" when none).
fn one<'f>(fields: &'f [(String, String)], name: &str) -> &'f str {
    super::field(fields, name).trim()
}

/// One question's answer from the form, `None` when left blank.
fn answer(x: &Question, name: &str, fields: &[(String, String)]) -> Option<Value> {
    let code = one(fields, &format!("{name}#code"));
    if !code.is_empty() {
        return Some(code.into());
    }
    match x.kind {
        QuestionType::MultiChoice => {
            let chosen: Vec<Value> = fields
                .iter()
                .filter(|(k, v)| k == name && !v.is_empty())
                .map(|(_, v)| Value::String(v.clone()))
                .collect();
            (!chosen.is_empty()).then_some(Value::Array(chosen))
        }
        QuestionType::Table => table(x, name, fields),
        _ => scalar(x, one(fields, name)),
    }
}

/// A typed answer from its text.
fn scalar(x: &Question, text: &str) -> Option<Value> {
    if text.is_empty() {
        return None;
    }
    if x.codes.iter().any(|c| c == text) {
        return Some(text.into());
    }
    Some(match x.kind {
        QuestionType::YesNo => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            other => other.into(),
        },
        QuestionType::Integer | QuestionType::Number | QuestionType::Year => {
            // As written: `arbitrary_precision` keeps every digit.
            text.parse::<Number>()
                .map_or_else(|_| text.into(), Value::Number)
        }
        _ => text.into(),
    })
}

/// A table's rows: `name.ROW.column` fields, a row with nothing in it left out.
fn table(x: &Question, name: &str, fields: &[(String, String)]) -> Option<Value> {
    let prefix = format!("{name}.");
    let mut rows: Vec<(usize, Map<String, Value>)> = Vec::new();
    for (k, _) in fields {
        let Some(rest) = k.strip_prefix(&prefix) else {
            continue;
        };
        let Some((row, _)) = rest.split_once('.') else {
            continue;
        };
        let Ok(row) = row.parse::<usize>() else {
            continue;
        };
        if row > 10_000 || rows.iter().any(|(r, _)| *r == row) {
            continue;
        }
        let mut cells = Map::new();
        for c in &x.columns {
            let cell = format!("{prefix}{row}.{}", c.id);
            if let Some(v) = answer(c, &cell, fields) {
                cells.insert(c.id.clone(), v);
            }
        }
        rows.push((row, cells));
    }
    rows.sort_by_key(|(r, _)| *r);
    let rows: Vec<Value> = rows
        .into_iter()
        .filter(|(_, cells)| !cells.is_empty())
        .map(|(_, cells)| Value::Object(cells))
        .collect();
    (!rows.is_empty()).then_some(Value::Array(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Questionnaire {
        let toml = std::fs::read_to_string("questionnaires/res-16-2/questionnaire.toml").unwrap();
        crate::check::check(&toml).questionnaire.unwrap()
    }

    fn field(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn a_form_gives_the_reply_as_typed_and_the_link_decides_the_respondent() {
        let fields = vec![
            field("respondent.country", "FRA"),
            field("legislation.crc_party", "true"),
            field("legislation.crc_year", "1992.0"),
            field("investigation.prosecuted", "61 700"),
            field("investigation.investigated#code", "dont_know"),
            field("offences.offences_covered", "grooming"),
            field("offences.offences_covered", "abuse_material"),
            field("legislation.laws.0.title", "Criminal Code"),
            field("legislation.laws.0.year", "1994"),
            field("legislation.laws.1.title", ""),
        ];
        let reply = reply(&q(), &fields, "AUT");
        assert_eq!(reply["respondent"]["country"], "AUT");
        assert_eq!(reply["legislation"]["crc_party"], true);
        assert_eq!(reply["legislation"]["crc_year"].to_string(), "1992.0");
        assert_eq!(reply["investigation"]["prosecuted"], "61 700");
        assert_eq!(reply["investigation"]["investigated"], "dont_know");
        assert_eq!(
            reply["offences"]["offences_covered"],
            serde_json::json!(["grooming", "abuse_material"])
        );
        assert_eq!(
            reply["legislation"]["laws"],
            serde_json::json!([{ "title": "Criminal Code", "year": 1994 }])
        );
    }
}
