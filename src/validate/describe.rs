//! What a reply finding says about answers: what answer a question expects (the `help`
//! line) and what a given value is ("the text \"many\"", "the number 12"), as words not yet
//! in a language ([`Text`]). The sentences themselves live in `findings::words`.

use std::sync::Arc;

use crate::findings::visible::echo;
use crate::findings::words::{Args, Text, phrase};
use crate::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};
use crate::values::view::{Kind, ReplyValue};

/// What answer the question expects: type, options, range, unit, allowed codes.
pub fn expected(q: &Questionnaire, question: &Question) -> Text {
    let src = q.source_language();
    let unit = question
        .unit
        .as_ref()
        .map(|u| Text::from(" ").then(Text::given(&u.0, src)));
    let say = |id: &'static str, args: Args| phrase(id, &args);
    let range = || range(question, unit.as_ref());
    let text = match question.kind {
        QuestionType::YesNo => say("expect-yes-no", Args::new()),
        QuestionType::Choice => say(
            "expect-choice",
            Args::new().text("options", options(question, src)),
        ),
        QuestionType::MultiChoice => {
            let args = Args::new().text("options", options(question, src));
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
        QuestionType::Text => text(question, src),
        QuestionType::Integer => say("expect-integer", Args::new().text("range", range())),
        QuestionType::Number => say("expect-number", Args::new().text("range", range())),
        QuestionType::Year => say("expect-year", Args::new().text("range", range())),
        QuestionType::Date => say("expect-date", Args::new().text("range", range())),
        QuestionType::Time => say("expect-time", Args::new()),
        QuestionType::Country => say("expect-country", Args::new()),
        QuestionType::Table => table(question),
    };
    if question.codes.is_empty() {
        return text;
    }
    let codes: Vec<Text> = question
        .codes
        .iter()
        .map(|c| match q.code(c) {
            Some(code) if code.number.is_some() => say(
                "code-label-number",
                Args::new()
                    .text("code", c.clone())
                    .text("label", Text::given(&code.label.0, src))
                    .text("number", code.number.unwrap_or_default().to_string()),
            ),
            Some(code) => say(
                "code-label",
                Args::new()
                    .text("code", c.clone())
                    .text("label", Text::given(&code.label.0, src)),
            ),
            None => Text::Plain(format!("\"{c}\"")),
        })
        .collect();
    say(
        "expect-or-codes",
        Args::new()
            .text("expected", text)
            .text("codes", or_list(codes)),
    )
}

fn text(question: &Question, src: &str) -> Text {
    let say = |id: &'static str, args: Args| phrase(id, &args);
    let length = match (question.min_length, question.max_length) {
        (Some(a), Some(b)) => say(
            "length-between",
            Args::new()
                .text("min", a.to_string())
                .text("max", b.to_string()),
        ),
        (Some(a), None) => say("length-at-least", Args::new().text("min", a.to_string())),
        (None, Some(b)) => say("length-at-most", Args::new().text("max", b.to_string())),
        (None, None) => Text::default(),
    };
    // The author's words for the form, when given: a respondent cannot read a regex.
    let pattern = match (&question.pattern_message, &question.pattern) {
        (Some(words), _) => say(
            "pattern-in-words",
            Args::new().text("pattern", Text::given(&words.0, src)),
        ),
        (None, Some(p)) => say("pattern", Args::new().text("pattern", p.clone())),
        (None, None) => Text::default(),
    };
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

fn table(question: &Question) -> Text {
    let say = |id: &'static str, args: Args| phrase(id, &args);
    let columns: Vec<Text> = question
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
    let args = Args::new().text("columns", joined(columns, ", "));
    match &question.key {
        Some(key) => say("expect-table-key", args.text("key", key.clone())),
        None => say("expect-table", args),
    }
}

/// "a or b or c", in whatever language it is worded in.
pub fn or_list(items: Vec<Text>) -> Text {
    let mut items = items.into_iter();
    let first = items.next().unwrap_or_default();
    items.fold(first, |acc, next| {
        phrase(
            "list-or",
            &Args::new().text("first", acc).text("second", next),
        )
    })
}

/// The pieces with `separator` between them.
pub fn joined(pieces: Vec<Text>, separator: &str) -> Text {
    let mut out = Vec::with_capacity(pieces.len() * 2);
    for (n, piece) in pieces.into_iter().enumerate() {
        if n > 0 {
            out.push(Text::from(separator));
        }
        out.push(piece);
    }
    Text::Joined(out)
}

fn options(question: &Question, src: &str) -> Text {
    let options = question
        .options
        .iter()
        .map(|o| {
            // In each language, an option whose label there is its value shows once.
            let texts = o
                .label
                .0
                .iter()
                .map(|(lang, label)| {
                    let shown = if *label == o.value {
                        format!("\"{}\"", o.value)
                    } else {
                        format!("\"{}\" ({label})", o.value)
                    };
                    (lang.clone(), shown)
                })
                .collect();
            Text::given(&Arc::new(texts), src)
        })
        .collect();
    joined(options, ", ")
}

fn range(question: &Question, unit: Option<&Text>) -> Text {
    let show = |b: &Option<Bound>| match b {
        Some(Bound::Number(n)) => Some(n.to_string()),
        Some(Bound::Date(d)) => Some(d.clone()),
        None => None,
    };
    let args = Args::new().text("unit", unit.cloned().unwrap_or_default());
    match (show(&question.min), show(&question.max)) {
        (Some(a), Some(b)) => phrase("range-between", &args.text("min", a).text("max", b)),
        (Some(a), None) => phrase("range-at-least", &args.text("min", a)),
        (None, Some(b)) => phrase("range-at-most", &args.text("max", b)),
        (None, None) if unit.is_none() => Text::default(),
        (None, None) => phrase("range-unit", &args),
    }
}

/// A value as a finding names it.
pub fn value<'v>(v: impl ReplyValue<'v>) -> Text {
    match v.kind() {
        Kind::Null => phrase("value-nothing", &Args::new()),
        Kind::Bool(b) => Text::Plain(b.to_string()),
        Kind::Number => {
            let text = v.number_text().unwrap_or_default();
            phrase("value-number", &Args::new().text("number", &*text))
        }
        Kind::String(s) => phrase("value-text", &Args::new().text("text", echo(s))),
        Kind::Array => phrase("value-list", &Args::new()),
        Kind::Object => phrase("value-table", &Args::new()),
    }
}
