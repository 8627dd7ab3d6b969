//! The words of reply findings that describe answers: what answer a question expects
//! (the `help` line) and what a given value is ("text 'many'", "the number 12").

use serde_json::Value;

use crate::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};

/// What answer the question expects: type, options, range, unit, allowed codes.
pub fn expected(q: &Questionnaire, question: &Question, lang: &str) -> String {
    let src = q.source_language();
    let unit = question
        .unit
        .as_ref()
        .map(|u| format!(" {}", u.get(lang, src)))
        .unwrap_or_default();
    let range = range(question, &unit);
    let mut text = match question.kind {
        QuestionType::YesNo => "expected true or false".to_string(),
        QuestionType::Choice => format!("expected one of {}", options(question, lang, src)),
        QuestionType::MultiChoice => {
            let mut s = format!(
                "expected a list of options from {}",
                options(question, lang, src)
            );
            match (question.min_choices, question.max_choices) {
                (Some(a), Some(b)) => s.push_str(&format!(", {a} to {b} of them")),
                (Some(a), None) => s.push_str(&format!(", at least {a}")),
                (None, Some(b)) => s.push_str(&format!(", at most {b}")),
                (None, None) => {}
            }
            s
        }
        QuestionType::Text => {
            let mut s = if question.format.is_some() {
                "expected an e-mail address".to_string()
            } else {
                "expected text".to_string()
            };
            match (question.min_length, question.max_length) {
                (Some(a), Some(b)) => s.push_str(&format!(" of {a} to {b} characters")),
                (Some(a), None) => s.push_str(&format!(" of at least {a} characters")),
                (None, Some(b)) => s.push_str(&format!(" of at most {b} characters")),
                (None, None) => {}
            }
            if let Some(p) = &question.pattern {
                s.push_str(&format!(" matching the pattern {p}"));
            }
            s
        }
        QuestionType::Integer => format!("expected a whole number{range}"),
        QuestionType::Number => format!("expected a number{range}"),
        QuestionType::Year => format!("expected a year{range}"),
        QuestionType::Date => format!("expected a date written YYYY-MM-DD{range}"),
        QuestionType::Country => {
            "expected an ISO 3166-1 alpha-3 country code, such as \"AUT\" or \"FRA\"".to_string()
        }
        QuestionType::Table => {
            let columns: Vec<String> = question
                .columns
                .iter()
                .map(|c| {
                    format!(
                        "{} ({}{})",
                        c.id,
                        c.kind.name(),
                        if c.required { ", required" } else { "" }
                    )
                })
                .collect();
            let mut s = format!("expected a list of rows, each with {}", columns.join(", "));
            if let Some(key) = &question.key {
                s.push_str(&format!("; no two rows with the same {key}"));
            }
            s
        }
    };
    if !question.codes.is_empty() {
        let codes: Vec<String> = question
            .codes
            .iter()
            .map(|c| match q.code(c) {
                Some(code) => format!("\"{c}\" ({})", code.label.get(lang, src)),
                None => format!("\"{c}\""),
            })
            .collect();
        text.push_str(&format!("; or the code {}", codes.join(" or ")));
    }
    text
}

fn options(question: &Question, lang: &str, src: &str) -> String {
    question
        .options
        .iter()
        .map(|o| {
            let label = o.label.get(lang, src);
            if label == o.value {
                format!("\"{}\"", o.value)
            } else {
                format!("\"{}\" ({label})", o.value)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn range(question: &Question, unit: &str) -> String {
    let show = |b: &Option<Bound>| match b {
        Some(Bound::Number(n)) => Some(n.to_string()),
        Some(Bound::Date(d)) => Some(d.clone()),
        None => None,
    };
    match (show(&question.min), show(&question.max)) {
        (Some(a), Some(b)) => format!(" from {a} to {b}{unit}"),
        (Some(a), None) => format!(" of at least {a}{unit}"),
        (None, Some(b)) => format!(" of at most {b}{unit}"),
        (None, None) if unit.is_empty() => String::new(),
        (None, None) => format!(", in{unit}"),
    }
}

/// A value as a finding names it.
pub fn value(v: &Value) -> String {
    match v {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text \"{}\"", shorten(s)),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a table".to_string(),
    }
}

fn shorten(s: &str) -> String {
    crate::findings::visible::echo(s)
}
