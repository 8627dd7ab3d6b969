//! `canvass template`: a blank reply for respondents, every question written as a comment
//! (number, text, help, type, options, range, unit, allowed codes, condition) in one
//! language. The TOML template parses as an empty (and so incomplete) reply; uncommenting
//! an answer line gives a value of the right type to edit.

pub mod conditions;
mod words;
pub mod xlsx;

use std::fmt::Write;

use serde_json::{Map, Value, json};

use crate::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};
use words::{Words, words};

/// A questionnaire's text as it goes into a comment: hidden characters escaped (the
/// template is read in a terminal and an editor), and each further line of a multi-line
/// text made a comment too, starting with `continuation`, so the template stays TOML.
fn c(text: &str, continuation: &str) -> String {
    let text = text.replace("\r\n", "\n");
    crate::findings::visible::visible_lines(&text).replace('\n', &format!("\n{continuation}"))
}

/// A commented TOML template in `lang`.
pub fn toml(q: &Questionnaire, lang: &str) -> String {
    let src = q.source_language();
    let w = words(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {} ({lang})",
        c(q.title.get(lang, src), "# "),
        w.reply
    );
    let _ = writeln!(out, "# {}", w.how_to);
    if !q.codes.is_empty() {
        let _ = writeln!(out, "# {}", w.codes_intro);
        for code in &q.codes {
            let _ = writeln!(
                out,
                "#   \"{}\" — {}",
                code.name,
                c(code.label.get(lang, src), "#     ")
            );
        }
    }
    let _ = writeln!(out, "questionnaire = {}", json!(q.id));
    let _ = writeln!(out, "version = {}", json!(q.version));
    for section in &q.sections {
        let title = c(section.title.get(lang, src), "# ");
        let number = section
            .number
            .as_deref()
            .map_or(String::new(), |n| format!("{}. ", c(n, "# ")));
        let _ = writeln!(out, "\n# {number}{title}");
        if let Some(when) = &section.when {
            let _ = writeln!(
                out,
                "# {}: {}",
                w.only_if,
                c(&condition(when, q, lang), "#   ")
            );
        }
        let _ = writeln!(out, "[{}]", section.id);
        for question in &section.questions {
            out.push('\n');
            describe(&mut out, q, question, lang);
            if question.compute.is_some() {
                continue; // shown, never answered
            }
            let _ = writeln!(out, "# {} = {}", question.id, example(question));
            if let Some(specify) = question.specify_id() {
                let _ = writeln!(out, "# {specify} = \"\"   # {}", w.specify_line);
            }
        }
    }
    out
}

/// A JSON template: every answer `null` (no answer). JSON has no comments; the TOML
/// template is the one to read the questions from.
pub fn json(q: &Questionnaire) -> String {
    let mut root = Map::new();
    root.insert("questionnaire".into(), json!(q.id));
    root.insert("version".into(), json!(q.version));
    for section in &q.sections {
        let mut answers = Map::new();
        for question in section.questions.iter().filter(|x| x.compute.is_none()) {
            answers.insert(question.id.clone(), rows_in_advance(question));
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

/// A table's rows given in advance, each with its key written in and its other cells
/// `null`; `null` for any other question.
fn rows_in_advance(question: &Question) -> Value {
    let Some(key) = question.key.as_deref().and_then(|k| question.column(k)) else {
        return Value::Null;
    };
    if question.rows.is_empty() {
        return Value::Null;
    }
    let rows = question.rows.iter().map(|value| {
        let mut row = Map::new();
        for column in question.columns.iter().filter(|c| c.compute.is_none()) {
            let cell = if column.id == key.id {
                key_literal(key, value)
            } else {
                Value::Null
            };
            row.insert(column.id.clone(), cell);
        }
        Value::Object(row)
    });
    Value::Array(rows.collect())
}

fn describe(out: &mut String, q: &Questionnaire, question: &Question, lang: &str) {
    let src = q.source_language();
    let w = words(lang);
    let number = question
        .number
        .as_deref()
        .map_or(String::new(), |n| format!("{} ", c(n, "# ")));
    let _ = writeln!(out, "# {number}{}", c(question.text.get(lang, src), "#   "));
    if let Some(help) = &question.help {
        let _ = writeln!(out, "#   {}", c(help.get(lang, src), "#   "));
    }
    let _ = writeln!(out, "#   [{}]", facts(question, &w, lang, src));
    for option in &question.options {
        let mut line = format!(
            "#     \"{}\" — {}",
            c(&option.value, "#       "),
            c(option.label.get(lang, src), "#       ")
        );
        if option.specify {
            let _ = write!(line, " ({})", w.please_specify);
        }
        if option.exclusive {
            let _ = write!(line, " ({})", w.exclusive);
        }
        let _ = writeln!(out, "{line}");
    }
    if let Some(when) = &question.when {
        let _ = writeln!(
            out,
            "#   {}: {}",
            w.only_if,
            c(&condition(when, q, lang), "#   ")
        );
    }
    for column in &question.columns {
        let _ = writeln!(
            out,
            "#     · {}: {} [{}]",
            column.id,
            c(column.text.get(lang, src), "#       "),
            facts(column, &w, lang, src)
        );
        if let Some(when) = &column.when {
            let _ = writeln!(
                out,
                "#       {}: {}",
                w.only_if,
                c(&condition(when, q, lang), "#       ")
            );
        }
    }
}

/// "whole number, 0 to 99 years; required; or a code: `dont_know`".
fn facts(question: &Question, w: &Words, lang: &str, src: &str) -> String {
    let mut facts = vec![kind(question, w, lang, src)];
    if question.compute.is_some() {
        facts.push(w.computed.clone());
    }
    if question.required {
        facts.push(w.required.clone());
    }
    if !question.codes.is_empty() {
        facts.push(format!("{}: {}", w.or_code, question.codes.join(", ")));
    }
    facts.join("; ")
}

fn kind(question: &Question, w: &Words, lang: &str, src: &str) -> String {
    let show = |b: &Option<Bound>| match b {
        Some(Bound::Number(n)) => Some(n.to_string()),
        Some(Bound::Date(d)) => Some(d.clone()),
        None => None,
    };
    let unit = question.unit.as_ref().map_or(String::new(), |u| {
        format!(" {}", c(u.get(lang, src), "#   "))
    });
    let range = match (show(&question.min), show(&question.max)) {
        (Some(a), Some(b)) => format!(", {a} {} {b}{unit}", w.to),
        (Some(a), None) => format!(", {} {a}{unit}", w.at_least),
        (None, Some(b)) => format!(", {} {b}{unit}", w.at_most),
        (None, None) if unit.is_empty() => String::new(),
        (None, None) => format!(",{unit}"),
    };
    match question.kind {
        QuestionType::YesNo => w.true_false.clone(),
        QuestionType::Choice => w.one_option.clone(),
        QuestionType::MultiChoice => w.options_list.clone(),
        QuestionType::Text => {
            let mut s = if question.format.is_some() {
                w.email.clone()
            } else {
                w.text.clone()
            };
            if let Some(max) = question.max_length {
                let _ = write!(s, ", {max} {}", w.at_most_chars);
            }
            s
        }
        QuestionType::Integer => format!("{}{range}", w.whole_number),
        QuestionType::Number => format!("{}{range}", w.number),
        QuestionType::Year => format!("{}{range}", w.year),
        QuestionType::Date => format!("{}{range}", w.date),
        QuestionType::Time => w.time.clone(),
        QuestionType::Country => w.country.clone(),
        QuestionType::Table => {
            let mut s = w.table.clone();
            if let Some(min) = question.min_rows {
                let _ = write!(s, ", {min} {}", w.at_least_rows);
            }
            s
        }
    }
}

fn example(question: &Question) -> String {
    let first = || json!(question.options.first().map_or("", |o| o.value.as_str())).to_string();
    match question.kind {
        QuestionType::YesNo => "true".into(),
        QuestionType::Choice => first(),
        QuestionType::MultiChoice => format!("[{}]", first()),
        QuestionType::Text => "\"\"".into(),
        QuestionType::Time => "\"09:00\"".into(),
        // The lower bound where there is one, so the example is in range.
        QuestionType::Integer | QuestionType::Number | QuestionType::Year => {
            let default = if question.kind == QuestionType::Year {
                2000.0
            } else {
                0.0
            };
            question
                .min
                .as_ref()
                .and_then(Bound::number)
                .unwrap_or(default)
                .to_string()
        }
        QuestionType::Date => match &question.min {
            Some(Bound::Date(d)) => d.clone(),
            _ => "2000-01-01".into(),
        },
        QuestionType::Country => "\"AUT\"".into(),
        QuestionType::Table if !question.rows.is_empty() => {
            // The rows given in advance, each with its key written in.
            let rows: Vec<String> = question
                .rows
                .iter()
                .map(|key| format!("#   {{ {} }},", row_example(question, Some(key))))
                .collect();
            format!("[\n{}\n# ]", rows.join("\n"))
        }
        QuestionType::Table => format!("[ {{ {} }} ]", row_example(question, None)),
    }
}

/// The cells of an example row: `key` written in its key column, when given.
fn row_example(table: &Question, key: Option<&str>) -> String {
    let cells: Vec<String> = table
        .columns
        .iter()
        .filter(|c| c.compute.is_none())
        .map(|c| match key {
            Some(key) if table.key.as_deref() == Some(c.id.as_str()) => {
                format!("{} = {}", c.id, key_literal(c, key))
            }
            _ => format!("{} = {}", c.id, example(c)),
        })
        .collect();
    cells.join(", ")
}

/// A row's key as a reply writes it: a number for a year or an integer, a string else.
fn key_literal(column: &Question, key: &str) -> Value {
    match column.kind {
        QuestionType::Year | QuestionType::Integer => {
            key.parse::<i64>().map_or_else(|_| json!(key), |n| json!(n))
        }
        _ => json!(key),
    }
}

/// A `when` in words where its form allows, else as written.
fn condition(when: &crate::questionnaire::model::Expr, q: &Questionnaire, lang: &str) -> String {
    when.ast
        .as_ref()
        .and_then(|ast| conditions::in_words(ast, q, lang))
        .unwrap_or_else(|| when.source.clone())
}
