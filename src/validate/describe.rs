//! What a reply finding says about answers: what answer a question expects (the `help`
//! line) and what a given value is ("the text \"many\"", "the number 12"), in the report's
//! language. The sentences themselves live in `findings::words`.

use serde_json::Value;

use crate::findings::visible::echo;
use crate::findings::words::{Args, phrase};
use crate::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};

/// What answer the question expects: type, options, range, unit, allowed codes.
pub fn expected(q: &Questionnaire, question: &Question, lang: &str) -> String {
    let src = q.source_language();
    let unit = question
        .unit
        .as_ref()
        .map(|u| format!(" {}", u.get(lang, src)))
        .unwrap_or_default();
    let say = |id: &str, args: Args| phrase(lang, id, &args);
    let range = || range(question, &unit, lang);
    let text = match question.kind {
        QuestionType::YesNo => say("expect-yes-no", Args::new()),
        QuestionType::Choice => say(
            "expect-choice",
            Args::new().text("options", options(question, lang, src)),
        ),
        QuestionType::MultiChoice => {
            let args = Args::new().text("options", options(question, lang, src));
            match (question.min_choices, question.max_choices) {
                (Some(a), Some(b)) => say(
                    "expect-multi-between",
                    args.text("min", a.to_string()).text("max", b.to_string()),
                ),
                (Some(a), None) => say("expect-multi-at-least", args.text("min", a.to_string())),
                (None, Some(b)) => say("expect-multi-at-most", args.text("max", b.to_string())),
                (None, None) => say("expect-multi", args),
            }
        }
        QuestionType::Text => text(question, lang),
        QuestionType::Integer => say("expect-integer", Args::new().text("range", range())),
        QuestionType::Number => say("expect-number", Args::new().text("range", range())),
        QuestionType::Year => say("expect-year", Args::new().text("range", range())),
        QuestionType::Date => say("expect-date", Args::new().text("range", range())),
        QuestionType::Country => say("expect-country", Args::new()),
        QuestionType::Table => table(question, lang),
    };
    if question.codes.is_empty() {
        return text;
    }
    let codes: Vec<String> = question
        .codes
        .iter()
        .map(|c| match q.code(c) {
            Some(code) => say(
                "code-label",
                Args::new()
                    .text("code", c.clone())
                    .text("label", code.label.get(lang, src)),
            ),
            None => format!("\"{c}\""),
        })
        .collect();
    say(
        "expect-or-codes",
        Args::new()
            .text("expected", text)
            .text("codes", or_list(&codes, lang)),
    )
}

fn text(question: &Question, lang: &str) -> String {
    let say = |id: &str, args: Args| phrase(lang, id, &args);
    let length = match (question.min_length, question.max_length) {
        (Some(a), Some(b)) => say(
            "length-between",
            Args::new()
                .text("min", a.to_string())
                .text("max", b.to_string()),
        ),
        (Some(a), None) => say("length-at-least", Args::new().text("min", a.to_string())),
        (None, Some(b)) => say("length-at-most", Args::new().text("max", b.to_string())),
        (None, None) => String::new(),
    };
    let pattern = question.pattern.as_ref().map_or_else(String::new, |p| {
        say("pattern", Args::new().text("pattern", p.clone()))
    });
    let id = if question.format.is_some() {
        "expect-email"
    } else {
        "expect-text"
    };
    say(
        id,
        Args::new().text("length", length).text("pattern", pattern),
    )
}

fn table(question: &Question, lang: &str) -> String {
    let say = |id: &str, args: Args| phrase(lang, id, &args);
    let columns: Vec<String> = question
        .columns
        .iter()
        .map(|c| {
            let id = if c.required {
                "column-required"
            } else {
                "column-optional"
            };
            say(
                id,
                Args::new()
                    .text("id", c.id.clone())
                    .text("type", c.kind.name()),
            )
        })
        .collect();
    let args = Args::new().text("columns", columns.join(", "));
    match &question.key {
        Some(key) => say("expect-table-key", args.text("key", key.clone())),
        None => say("expect-table", args),
    }
}

/// "a or b or c", in the report's language.
pub fn or_list(items: &[String], lang: &str) -> String {
    let mut items = items.iter();
    let first = items.next().cloned().unwrap_or_default();
    items.fold(first, |acc, next| {
        phrase(
            lang,
            "list-or",
            &Args::new().text("first", acc).text("second", next.clone()),
        )
    })
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

fn range(question: &Question, unit: &str, lang: &str) -> String {
    let show = |b: &Option<Bound>| match b {
        Some(Bound::Number(n)) => Some(n.to_string()),
        Some(Bound::Date(d)) => Some(d.clone()),
        None => None,
    };
    let args = Args::new().text("unit", unit);
    match (show(&question.min), show(&question.max)) {
        (Some(a), Some(b)) => phrase(lang, "range-between", &args.text("min", a).text("max", b)),
        (Some(a), None) => phrase(lang, "range-at-least", &args.text("min", a)),
        (None, Some(b)) => phrase(lang, "range-at-most", &args.text("max", b)),
        (None, None) if unit.is_empty() => String::new(),
        (None, None) => phrase(lang, "range-unit", &args),
    }
}

/// A value as a finding names it.
pub fn value(v: &Value, lang: &str) -> String {
    match v {
        Value::Null => phrase(lang, "value-nothing", &Args::new()),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => phrase(
            lang,
            "value-number",
            &Args::new().text("number", n.as_str()),
        ),
        Value::String(s) => phrase(lang, "value-text", &Args::new().text("text", echo(s))),
        Value::Array(_) => phrase(lang, "value-list", &Args::new()),
        Value::Object(_) => phrase(lang, "value-table", &Args::new()),
    }
}
