//! The respondent's page: the questionnaire as a form that works without script, filled
//! with the answers given, each finding beside its question with a summary at the top that
//! links to each, in the respondent's language. Written with maud, which escapes every value:
//! nothing from a questionnaire, a reply or a finding reaches the page raw.

use maud::{DOCTYPE, Markup, html};
use serde_json::Value;

use crate::findings::Finding;
use crate::findings::words::{Args, is_rtl, phrase_in};
use crate::questionnaire::model::{Question, QuestionType, Questionnaire};

/// What a page shows besides the form.
pub struct Shown<'a> {
    pub lang: &'a str,
    /// The link's token (the form posts back to it).
    pub token: &'a str,
    /// The anti-forgery token every form carries.
    pub csrf: &'a str,
    /// The answers to fill the form with.
    pub answers: Option<&'a Value>,
    /// The findings of the last check, if one was asked for.
    pub findings: Option<&'a [Finding]>,
    /// The receipt of a version just stored.
    pub receipt: Option<&'a str>,
    /// What the server has to say first (an upload not stored, and why).
    pub notice: Option<&'a str>,
    /// Blank rows to offer at the end of each table.
    pub blank_rows: usize,
}

/// The whole page.
pub fn page(q: &Questionnaire, shown: &Shown<'_>) -> Markup {
    let lang = shown.lang;
    let word = |id: &str| phrase_in(lang, id, &Args::new());
    let title = q.title.get(lang, q.source_language());
    let dir = if is_rtl(lang) { "rtl" } else { "ltr" };
    html! {
        (DOCTYPE)
        html lang=(lang) dir=(dir) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/assets/canvass.css";
            }
            body {
                header {
                    h1 { (title) }
                    nav.languages {
                        @for l in &q.languages {
                            @if l == lang { strong { (l) } } @else {
                                a href={ "/r/" (shown.token) "?lang=" (l) } hreflang=(l) { (l) }
                            }
                            " "
                        }
                    }
                }
                @if let Some(notice) = shown.notice {
                    section.summary role="alert" { p.error { (notice) } }
                }
                @if let Some(receipt) = shown.receipt {
                    section.receipt role="status" { p { (receipt) } }
                }
                @if let Some(findings) = shown.findings {
                    (summary(findings, lang))
                }
                section.files {
                    p {
                        a href={ "/r/" (shown.token) "/workbook.xlsx" } download { (word("serve-download-workbook")) }
                        " · "
                        a href={ "/r/" (shown.token) "/reply.toml" } download { (word("serve-download-toml")) }
                    }
                    form method="post" enctype="multipart/form-data" action={ "/r/" (shown.token) "/upload" } {
                        input type="hidden" name="csrf" value=(shown.csrf);
                        input type="hidden" name="lang" value=(lang);
                        label { (word("serve-upload")) " " input type="file" name="file" accept=".toml,.json,.xlsx"; }
                        " "
                        button type="submit" name="action" value="check" { (word("serve-check")) }
                        button type="submit" name="action" value="submit" { (word("serve-submit")) }
                    }
                }
                form #answers.reply method="post" action={ "/r/" (shown.token) } {
                    input type="hidden" name="csrf" value=(shown.csrf);
                    input type="hidden" name="lang" value=(lang);
                    input type="hidden" name="rows" value=(shown.blank_rows);
                    @for section in &q.sections {
                        fieldset id={ "s-" (section.id) } {
                            legend {
                                @if let Some(n) = &section.number { (n) ". " }
                                (section.title.get(lang, q.source_language()))
                            }
                            @for x in section.questions.iter().filter(|x| x.compute.is_none()) {
                                (question(q, &section.id, x, shown))
                            }
                        }
                    }
                    div.actions {
                        button type="submit" name="action" value="check" { (word("serve-check")) }
                        button type="submit" name="action" value="rows" { (word("serve-add-row")) }
                        button type="submit" name="action" value="draft" { (word("serve-save-draft")) }
                        button type="submit" name="action" value="submit" { (word("serve-submit")) }
                    }
                }
                script { (maud::PreEscaped(super::conditions::SCRIPT)) }
            }
        }
    }
}

/// The findings at the top, each linking to its question.
fn summary(findings: &[Finding], lang: &str) -> Markup {
    let word = |id: &str, args: &Args| phrase_in(lang, id, args);
    html! {
        section.summary role="alert" {
            @if findings.is_empty() {
                p { (word("serve-no-findings", &Args::new())) }
            } @else {
                h2 { (word("serve-findings", &Args::new().count("count", findings.len()))) }
                ul {
                    @for f in findings {
                        li.(f.standing()) {
                            a href={ "#q-" (anchor(f)) } {
                                @if let Some(n) = &f.number { bdi { (n) } " — " }
                                (worded(f, lang))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A finding's message for the page, escaped as the reports escape it (hidden characters
/// shown, `code` as code) and with its values isolated (`<bdi>`) in a right-to-left
/// language.
pub(super) fn worded(f: &Finding, lang: &str) -> maud::PreEscaped<String> {
    maud::PreEscaped(crate::report::html::with_code(
        &f.worded_isolated(lang).message,
    ))
}

/// The question a finding is about, as an anchor: `section.question`.
fn anchor(f: &Finding) -> String {
    let q = f.question.as_deref().unwrap_or("");
    let mut parts = q.split('.');
    let section = parts.next().unwrap_or("");
    let question = parts.next().unwrap_or("").split('[').next().unwrap_or("");
    format!("{section}.{question}")
}

/// One question: its number and text, its condition in words, its input, its findings.
fn question(q: &Questionnaire, section: &str, x: &Question, shown: &Shown<'_>) -> Markup {
    let lang = shown.lang;
    let name = format!("{section}.{}", x.id);
    let value = shown
        .answers
        .and_then(|a| a.get(section))
        .and_then(|s| s.get(&x.id));
    let mine: Vec<&Finding> = shown
        .findings
        .unwrap_or_default()
        .iter()
        .filter(|f| anchor(f) == name)
        .collect();
    let condition = x
        .when
        .as_ref()
        .and_then(|w| w.ast.as_ref())
        .and_then(|ast| crate::template::conditions::in_words(ast, q, lang));
    // What the page's script needs to hide the question while its condition is false.
    let when = x
        .when
        .as_ref()
        .and_then(|w| w.ast.as_ref())
        .and_then(|ast| super::conditions::predicate(ast, q))
        .map(|p| p.to_string());
    html! {
        div.question id={ "q-" (name) } data-name=(name) data-when=[when] {
            label for=(name) {
                @if let Some(n) = &x.number { strong { bdi { (n) } } " " }
                (x.text.get(lang, q.source_language()))
            }
            @if let Some(c) = condition { p.condition { (c) } }
            @if let Some(help) = &x.help { p.help { (help.get(lang, q.source_language())) } }
            (input(q, &name, x, value, shown))
            @for f in &mine {
                p.(f.standing()) { (worded(f, lang)) }
            }
        }
    }
}

/// The input of a question (or a cell), with its answer codes beside it.
fn input(
    q: &Questionnaire,
    name: &str,
    x: &Question,
    value: Option<&Value>,
    shown: &Shown<'_>,
) -> Markup {
    let lang = shown.lang;
    let src = q.source_language();
    let text = value.map(text_of).unwrap_or_default();
    let coded = value
        .and_then(Value::as_str)
        .filter(|v| x.codes.iter().any(|c| c == v));
    let code_list = html! {
        @if !x.codes.is_empty() && !matches!(x.kind, QuestionType::Choice | QuestionType::YesNo) {
            select.code name={ (name) "#code" } aria-label=(phrase_in(lang, "serve-or-code", &Args::new())) {
                option value="" { "—" }
                (code_options(q, x, coded, lang))
            }
        }
    };
    match x.kind {
        QuestionType::YesNo | QuestionType::Choice => {
            let options: Vec<(String, String)> = if x.kind == QuestionType::YesNo {
                vec![
                    ("true".into(), phrase_in(lang, "serve-yes", &Args::new())),
                    ("false".into(), phrase_in(lang, "serve-no", &Args::new())),
                ]
            } else {
                x.options
                    .iter()
                    .map(|o| (o.value.clone(), o.label.get(lang, src).to_string()))
                    .collect()
            };
            let specify = x.specify_id();
            html! {
                select id=(name) name=(name) {
                    option value="" { "—" }
                    @for (v, label) in &options {
                        option value=(v) selected[text == *v] { (label) }
                    }
                    (code_options(q, x, coded, lang))
                }
                @if let Some(id) = specify {
                    @let (section, _) = name.split_once('.').unwrap_or((name, ""));
                    input type="text" dir="auto" name={ (section) "." (id) } aria-label=(id)
                        value=(shown.answers.and_then(|a| a.get(section)).and_then(|s| s.get(&id)).map(text_of).unwrap_or_default());
                }
            }
        }
        QuestionType::MultiChoice => {
            let chosen: Vec<&str> = value
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            html! {
                @for o in &x.options {
                    label.choice {
                        input type="checkbox" name=(name) value=(o.value) checked[chosen.contains(&o.value.as_str())];
                        " " (o.label.get(lang, src))
                    }
                }
                (code_list)
            }
        }
        QuestionType::Table => table(q, name, x, value, shown),
        _ => {
            let kind = if x.kind == QuestionType::Date {
                "date"
            } else {
                "text"
            };
            let mode = match x.kind {
                QuestionType::Integer | QuestionType::Year => Some("numeric"),
                QuestionType::Number => Some("decimal"),
                _ => None,
            };
            let shown_text = if coded.is_some() { String::new() } else { text };
            html! {
                input id=(name) name=(name) type=(kind) dir="auto" inputmode=[mode] value=(shown_text);
                @if let Some(unit) = &x.unit { " " span.unit { (unit.get(lang, src)) } }
                (code_list)
            }
        }
    }
}

/// A question's answer codes as the options of a list, `coded` chosen.
fn code_options(q: &Questionnaire, x: &Question, coded: Option<&str>, lang: &str) -> Markup {
    let src = q.source_language();
    html! {
        @for c in &x.codes {
            option value=(c) selected[coded == Some(c.as_str())] {
                (q.code(c).map_or(c.as_str(), |a| a.label.get(lang, src)))
            }
        }
    }
}

/// A table: its rows, then blank rows to add; a row left blank is no row.
fn table(
    q: &Questionnaire,
    name: &str,
    x: &Question,
    value: Option<&Value>,
    shown: &Shown<'_>,
) -> Markup {
    let lang = shown.lang;
    let rows: Vec<&Value> = value
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let blank = shown.blank_rows.max(1);
    html! {
        table {
            thead { tr { @for c in &x.columns { th { (c.text.get(lang, q.source_language())) } } } }
            tbody {
                @for i in 0..rows.len() + blank {
                    tr {
                        @for c in &x.columns {
                            td { (input(q, &format!("{name}.{i}.{}", c.id), c, rows.get(i).and_then(|r| r.get(&c.id)), shown)) }
                        }
                    }
                }
            }
        }
    }
}

/// An answer as a form field shows it.
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The page's style sheet (served from `/assets/canvass.css`, allowed by the policy).
pub const STYLE: &str = "body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}\
fieldset{margin:1em 0;border:1px solid #ccc}legend{font-weight:bold}\
.question{margin:.8em 0}.question label{display:block}.condition,.help{color:#555;font-size:.9em;margin:.2em 0}\
.error{color:#a00}.warning{color:#8a5a00}.explained{color:#375a7f}\
.summary{border:2px solid #a00;padding:.5em 1em}.receipt{border:2px solid #070;padding:.5em 1em}\
label.choice{display:inline-block;margin-inline-end:1em}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em}\
.actions button{margin-inline-end:.5em}code{direction:ltr;unicode-bidi:isolate}";
