//! `canvass template`: a blank reply for respondents, every question written as a comment
//! (number, text, help, type, options, range, unit, allowed codes, condition) in one
//! language. The TOML template parses as an empty (and so incomplete) reply; uncommenting
//! a line gives a value of the right type to edit.

use std::fmt::Write;

use serde_json::{Map, Value, json};

use crate::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};

/// A commented TOML template in `lang`.
pub fn toml(q: &Questionnaire, lang: &str) -> String {
    let src = q.source_language();
    let mut out = String::new();
    let _ = writeln!(out, "# {} — reply ({lang})", q.title.get(lang, src));
    out.push_str(
        "# Remove the `#` before an answer to give it; leave a question out to skip it.\n",
    );
    if !q.codes.is_empty() {
        out.push_str("# Where a question allows it, an answer may be one of these codes:\n");
        for code in &q.codes {
            let _ = writeln!(out, "#   \"{}\" — {}", code.name, code.label.get(lang, src));
        }
    }
    let _ = writeln!(out, "questionnaire = {}", json!(q.id));
    let _ = writeln!(out, "version = {}", json!(q.version));
    for section in &q.sections {
        out.push('\n');
        let title = section.title.get(lang, src);
        match &section.number {
            Some(n) => {
                let _ = writeln!(out, "# {n}. {title}");
            }
            None => {
                let _ = writeln!(out, "# {title}");
            }
        }
        if let Some(when) = &section.when {
            let _ = writeln!(out, "# Only if: {}", when.source);
        }
        let _ = writeln!(out, "[{}]", section.id);
        for question in &section.questions {
            out.push('\n');
            describe(&mut out, q, question, lang, "");
            let _ = writeln!(out, "# {} = {}", question.id, example(question));
            if let Some(specify) = question.specify_id() {
                let _ = writeln!(
                    out,
                    "# {specify} = \"\"   # when you choose an option that asks you to specify"
                );
            }
        }
    }
    out
}

/// A JSON template: every answer `null` (no answer). JSON has no comments; use the TOML
/// template to read the questions.
pub fn json(q: &Questionnaire) -> String {
    let mut root = Map::new();
    root.insert("questionnaire".into(), json!(q.id));
    root.insert("version".into(), json!(q.version));
    for section in &q.sections {
        let mut answers = Map::new();
        for question in &section.questions {
            answers.insert(question.id.clone(), Value::Null);
            if let Some(specify) = question.specify_id() {
                answers.insert(specify, Value::Null);
            }
        }
        root.insert(section.id.clone(), Value::Object(answers));
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(root)).expect("serializes");
    text.push('\n');
    text
}

fn describe(out: &mut String, q: &Questionnaire, question: &Question, lang: &str, indent: &str) {
    let src = q.source_language();
    let number = question
        .number
        .as_deref()
        .map_or(String::new(), |n| format!("{n} "));
    let _ = writeln!(out, "#{indent} {number}{}", question.text.get(lang, src));
    if let Some(help) = &question.help {
        let _ = writeln!(out, "#{indent}   {}", help.get(lang, src));
    }
    let mut facts = vec![kind(question, lang, src)];
    if question.required {
        facts.push("required".into());
    }
    if !question.codes.is_empty() {
        facts.push(format!("or a code: {}", question.codes.join(", ")));
    }
    let _ = writeln!(out, "#{indent}   [{}]", facts.join("; "));
    for option in &question.options {
        let mut line = format!(
            "#{indent}     \"{}\" — {}",
            option.value,
            option.label.get(lang, src)
        );
        if option.specify {
            line.push_str(" (please specify)");
        }
        if option.exclusive {
            line.push_str(" (not with other options)");
        }
        let _ = writeln!(out, "{line}");
    }
    if let Some(when) = &question.when {
        let _ = writeln!(out, "#{indent}   Only if: {}", when.source);
    }
    for column in &question.columns {
        describe(out, q, column, lang, &format!("{indent}   ·"));
    }
}

fn kind(question: &Question, lang: &str, src: &str) -> String {
    let range = |unit: &str| {
        let fmt = |b: &Option<Bound>| match b {
            Some(Bound::Number(n)) => Some(n.to_string()),
            Some(Bound::Date(d)) => Some(d.clone()),
            None => None,
        };
        match (fmt(&question.min), fmt(&question.max)) {
            (Some(a), Some(b)) => format!(", {a} to {b}{unit}"),
            (Some(a), None) => format!(", at least {a}{unit}"),
            (None, Some(b)) => format!(", at most {b}{unit}"),
            (None, None) => unit.trim_start_matches(',').to_string(),
        }
    };
    let unit = question
        .unit
        .as_ref()
        .map_or(String::new(), |u| format!(" {}", u.get(lang, src)));
    match question.kind {
        QuestionType::YesNo => "true or false".into(),
        QuestionType::Choice => "one of the options".into(),
        QuestionType::MultiChoice => "a list of options".into(),
        QuestionType::Text => {
            let mut s = String::from("text");
            if let Some(max) = question.max_length {
                let _ = write!(s, ", at most {max} characters");
            }
            if question.format.is_some() {
                s.push_str(", an e-mail address");
            }
            s
        }
        QuestionType::Integer => format!("whole number{}", range(&unit)),
        QuestionType::Number => format!("number{}", range(&unit)),
        QuestionType::Year => format!("year{}", range("")),
        QuestionType::Date => format!("date YYYY-MM-DD{}", range("")),
        QuestionType::Country => "ISO 3166-1 alpha-3 country code, e.g. \"AUT\"".into(),
        QuestionType::Table => {
            let mut s = String::from("table: one row per entry, with these columns");
            if let Some(min) = question.min_rows {
                let _ = write!(s, ", at least {min} rows");
            }
            s
        }
    }
}

fn example(question: &Question) -> String {
    match question.kind {
        QuestionType::YesNo => "true".into(),
        QuestionType::Choice => {
            json!(question.options.first().map_or("", |o| o.value.as_str())).to_string()
        }
        QuestionType::MultiChoice => {
            format!(
                "[{}]",
                json!(question.options.first().map_or("", |o| o.value.as_str()))
            )
        }
        QuestionType::Text => "\"\"".into(),
        QuestionType::Integer | QuestionType::Number => "0".into(),
        QuestionType::Year => "2000".into(),
        QuestionType::Date => "2000-01-01".into(),
        QuestionType::Country => "\"AUT\"".into(),
        QuestionType::Table => {
            let cells: Vec<String> = question
                .columns
                .iter()
                .map(|c| format!("{} = {}", c.id, example(c)))
                .collect();
            format!("[ {{ {} }} ]", cells.join(", "))
        }
    }
}
