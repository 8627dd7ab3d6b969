//! The tables, written out: `human` and `md` (one small table per question), `csv` (one row
//! per question and statistic or option) and `json` (the spec's shape); the page is
//! `page.rs`.
//! Every text from the questionnaire or a reply is escaped for where it goes.

use serde_json::{Map, Value, json};

use crate::values::spreadsheet::Csv;

use super::{Tables, Tally, option_values};
use crate::findings::visible::visible;
use crate::findings::words::{Args, phrase_in};
use crate::questionnaire::model::{Question, QuestionType, Questionnaire};
use crate::values::number::{Decimal, to_json};

/// One line of a question's table: a statistic (and the option or code it is about), with
/// its value per group.
pub struct Row {
    /// Stable name: `answered`, `not_applicable`, `unanswered`, `code`, `option`, `n`,
    /// `sum`, `min`, `median`, `max`, `with_rows`, `rows`.
    pub statistic: &'static str,
    /// The option's value or the code's name, for `option` and `code`.
    pub key: String,
    /// What a reader sees in the first column.
    pub label: String,
    pub values: Vec<String>,
}

/// One question's (or table column's) table.
pub struct Block {
    /// `section.question`, or `section.table.column`.
    pub question: String,
    pub number: String,
    pub text: String,
    pub kind: &'static str,
    pub rows: Vec<Row>,
}

/// The blocks of every question, in questionnaire order (a table's columns after it).
pub fn blocks(t: &Tables, q: &Questionnaire, lang: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for ((s, i), tallies) in &t.questions {
        let section = &q.sections[*s];
        let question = &section.questions[*i];
        let name = format!("{}.{}", section.id, question.id);
        let tallies: Vec<&Tally> = tallies.iter().collect();
        out.push(block(&name, question, &tallies, q, lang));
        let key = question.key.as_deref();
        let by_key = super::tabulated_by_key(question);
        for (c, column) in question.columns.iter().enumerate() {
            let columns: Vec<&Tally> = tallies.iter().map(|t| &t.columns[c]).collect();
            let mut b = block(&format!("{name}.{}", column.id), column, &columns, q, lang);
            if by_key || key == Some(column.id.as_str()) {
                // A table keyed by year (or place): a column's figures are summed key by key
                // (below), never over all keys together. A key itself is never summed.
                b.rows.retain(|r| !is_figure(r.statistic));
            }
            out.push(b);
        }
        out.extend(key_blocks(&name, question, &tallies, q, lang));
    }
    out
}

/// A keyed table's columns, key by key (each year on its own), keys in the order people
/// number them.
fn key_blocks(
    name: &str,
    table: &Question,
    tallies: &[&Tally],
    q: &Questionnaire,
    lang: &str,
) -> Vec<Block> {
    let Some(key) = table
        .key
        .as_deref()
        .filter(|_| super::tabulated_by_key(table))
    else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = tallies.iter().flat_map(|t| t.keys.keys()).collect();
    keys.sort_by(|a, b| natural_order(a, b));
    keys.dedup();
    let empty: Vec<Tally> = table.columns.iter().map(super::empty_tally).collect();
    let mut out = Vec::new();
    for k in keys {
        for (c, column) in table.columns.iter().enumerate() {
            if column.id == key {
                continue;
            }
            let per_group: Vec<&Tally> = tallies
                .iter()
                .map(|t| t.keys.get(k).map_or(&empty[c], |columns| &columns[c]))
                .collect();
            // Named with the row's key: `crime.police.persons[year=2006]`.
            out.push(block(
                &format!("{name}.{}[{key}={}]", column.id, visible(k)),
                column,
                &per_group,
                q,
                lang,
            ));
        }
    }
    out
}

/// The statistics that add up or compare numbers across rows.
fn is_figure(statistic: &str) -> bool {
    matches!(statistic, "n" | "sum" | "min" | "median" | "max")
}

/// Keys that are numbers (years) by their value, others as text.
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<Decimal>(), b.parse::<Decimal>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

fn block(name: &str, x: &Question, t: &[&Tally], q: &Questionnaire, lang: &str) -> Block {
    let word = |id: &str| phrase_in(lang, id, &Args::new());
    let each = |f: &dyn Fn(&Tally) -> String| t.iter().map(|t| f(t)).collect::<Vec<_>>();
    let row = |statistic: &'static str, label: String, values: Vec<String>| Row {
        statistic,
        key: String::new(),
        label,
        values,
    };
    let mut rows = vec![
        row(
            "answered",
            word("tabulate-answered"),
            each(&|t| t.answered.to_string()),
        ),
        row(
            "not_applicable",
            word("tabulate-not-applicable"),
            each(&|t| t.not_applicable.to_string()),
        ),
        row(
            "unanswered",
            word("tabulate-unanswered"),
            each(&|t| t.unanswered.to_string()),
        ),
    ];
    for (c, code) in x.codes.iter().enumerate() {
        let label = q
            .codes
            .iter()
            .find(|a| &a.name == code)
            .map_or(code.as_str(), |a| a.label.get(lang, q.source_language()));
        rows.push(Row {
            statistic: "code",
            key: code.clone(),
            label: visible(label).into_owned(),
            values: each(&|t| t.codes[c].to_string()),
        });
    }
    for (o, value) in option_values(x).iter().enumerate() {
        rows.push(Row {
            statistic: "option",
            key: (*value).to_string(),
            label: visible(&option_label(x, value, q, lang)).into_owned(),
            values: each(&|t| t.options[o].to_string()),
        });
    }
    match x.kind {
        QuestionType::Integer | QuestionType::Number | QuestionType::Year => {
            rows.extend(number_rows(t, lang));
        }
        QuestionType::Date | QuestionType::Time => {
            let date = |t: &Tally, last: bool| {
                t.dates.as_ref().map_or_else(
                    || "-".to_string(),
                    |(lo, hi)| visible(if last { hi } else { lo }).into_owned(),
                )
            };
            rows.push(row(
                "min",
                word("tabulate-first-date"),
                each(&|t| date(t, false)),
            ));
            rows.push(row(
                "max",
                word("tabulate-last-date"),
                each(&|t| date(t, true)),
            ));
        }
        QuestionType::Table => {
            rows.push(row(
                "with_rows",
                word("tabulate-with-rows"),
                each(&|t| t.with_rows.to_string()),
            ));
            rows.push(row(
                "rows",
                word("tabulate-rows"),
                each(&|t| t.rows.to_string()),
            ));
        }
        _ => {}
    }
    Block {
        question: name.to_string(),
        number: x.number.clone().unwrap_or_default(),
        text: visible(x.text.get(lang, q.source_language())).into_owned(),
        kind: x.kind.name(),
        rows,
    }
}

fn option_label(x: &Question, value: &str, q: &Questionnaire, lang: &str) -> String {
    match x.kind {
        QuestionType::YesNo => phrase_in(
            lang,
            if value == "yes" {
                "tabulate-yes"
            } else {
                "tabulate-no"
            },
            &Args::new(),
        ),
        _ => x
            .option(value)
            .map_or(value, |o| o.label.get(lang, q.source_language()))
            .to_string(),
    }
}

/// Group names as shown: the regions, "unknown", "all" in the report's language.
pub(super) fn group_names(t: &Tables, lang: &str) -> Vec<String> {
    t.groups
        .iter()
        .map(|g| match g.as_str() {
            "all" => phrase_in(lang, "tabulate-all", &Args::new()),
            "unknown" => phrase_in(lang, "tabulate-unknown-region", &Args::new()),
            "previous" => phrase_in(lang, "tabulate-previous-cycle", &Args::new()),
            "current" => phrase_in(lang, "tabulate-this-cycle", &Args::new()),
            region => region.to_string(),
        })
        .collect()
}

/// The heading of the whole report.
pub(super) fn title(t: &Tables, lang: &str) -> String {
    let all = *t.respondents.last().unwrap_or(&0);
    phrase_in(
        lang,
        "tabulate-title",
        &Args::new()
            .text("id", visible(&t.questionnaire.id).into_owned())
            .text("version", visible(&t.questionnaire.version).into_owned())
            .count("replies", usize::try_from(all).unwrap_or(usize::MAX)),
    )
}

fn heading(b: &Block) -> String {
    let number = if b.number.is_empty() {
        String::new()
    } else {
        format!("{} ", visible(&b.number))
    };
    format!("{number}{} ({}, {})", b.text, b.question, b.kind)
}

/// The terminal's tables.
pub fn human(t: &Tables, q: &Questionnaire, lang: &str) -> String {
    let groups = group_names(t, lang);
    let mut text = format!("{}\n", title(t, lang));
    for b in blocks(t, q, lang) {
        text += &format!("\n{}\n", heading(&b));
        let mut header: Vec<String> = vec![String::new()];
        header.extend(groups.iter().cloned());
        let width = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
        for r in &b.rows {
            widths[0] = widths[0].max(width(&r.label));
            for (w, v) in widths[1..].iter_mut().zip(&r.values) {
                *w = (*w).max(width(v));
            }
        }
        let line = |cells: Vec<&str>| {
            let mut l = String::from("  ");
            for (i, c) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[i].saturating_sub(width(c)));
                if i == 0 {
                    l += &format!("{c}{pad}");
                } else {
                    l += &format!("  {pad}{c}");
                }
            }
            l.trim_end().to_string() + "\n"
        };
        if groups.len() > 1 {
            text += &line(header.iter().map(String::as_str).collect());
        }
        for r in &b.rows {
            let mut cells = vec![r.label.as_str()];
            cells.extend(r.values.iter().map(String::as_str));
            text += &line(cells);
        }
    }
    text
}

/// Markdown: a heading and a table per question. Cells are escaped for Markdown tables.
pub fn markdown(t: &Tables, q: &Questionnaire, lang: &str) -> String {
    let md = |s: &str| markdown_text(s);
    let groups = group_names(t, lang);
    let mut text = format!("# {}\n", md(&title(t, lang)));
    for b in blocks(t, q, lang) {
        text += &format!("\n## {}\n\n", md(&heading(&b)));
        text += &format!(
            "| | {} |\n",
            groups.iter().map(|g| md(g)).collect::<Vec<_>>().join(" | ")
        );
        text += &format!("|---|{}\n", "---:|".repeat(groups.len()));
        for r in &b.rows {
            let values: Vec<String> = r.values.iter().map(|v| md(v)).collect();
            text += &format!("| {} | {} |\n", md(&r.label), values.join(" | "));
        }
    }
    text
}

/// n, sum, min, median and max of a number question, per group.
fn number_rows(t: &[&Tally], lang: &str) -> Vec<Row> {
    let word = |id: &str| phrase_in(lang, id, &Args::new());
    let row = |statistic: &'static str, label: String, f: &dyn Fn(&Tally) -> String| Row {
        statistic,
        key: String::new(),
        label,
        values: t.iter().map(|t| f(t)).collect(),
    };
    // No sum for numbers answered: it needs more than 28 significant digits.
    let too_long = word("tabulate-sum-too-long");
    let sum = |t: &Tally| match t.sum {
        None if t.n() > 0 => too_long.clone(),
        sum => number(sum),
    };
    vec![
        row("n", "n".into(), &|t| t.n().to_string()),
        row("sum", word("tabulate-sum"), &sum),
        row("min", word("tabulate-min"), &|t| number(t.min())),
        row("median", word("tabulate-median"), &|t| number(t.median())),
        row("max", word("tabulate-max"), &|t| number(t.max())),
    ]
}

/// A number as the tables show it ("-" for none).
fn number(v: Option<Decimal>) -> String {
    v.map_or_else(|| "-".to_string(), |d| d.normalize().to_string())
}

/// Text as Markdown shows it, never as markup: every character Markdown or HTML could read as
/// syntax is escaped, a line break (which would end a table row) is a space, and control
/// characters are shown as escapes.
fn markdown_text(s: &str) -> String {
    let s = visible(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// CSV: one row per question and statistic (or option, or code); a column per group.
pub fn csv(t: &Tables, q: &Questionnaire, lang: &str) -> Result<String, String> {
    // Keys, labels, group names and values (an earliest date, a text) come from replies
    // and questionnaires: every cell through the spreadsheet guard.
    let mut w = Csv::new(Vec::new());
    let err = |e: csv::Error| e.to_string();
    let mut header = vec![
        "question".to_string(),
        "number".into(),
        "type".into(),
        "statistic".into(),
        "key".into(),
        "label".into(),
    ];
    header.extend(t.groups.iter().cloned());
    w.row(&header).map_err(err)?;
    for b in blocks(t, q, lang) {
        for r in &b.rows {
            let mut record = vec![
                b.question.clone(),
                b.number.clone(),
                b.kind.to_string(),
                r.statistic.to_string(),
                r.key.clone(),
                r.label.clone(),
            ];
            record.extend(r.values.iter().cloned());
            w.row(&record).map_err(err)?;
        }
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// JSON, in the shape of the spec; with regions, `by_region` in each question; beside the
/// previous cycle, `previous` (its counts) in each question and at the top.
pub fn json(t: &Tables, q: &Questionnaire, lang: &str) -> Value {
    let all = t.groups.len() - 1;
    let beside = t.groups.first().is_some_and(|g| g == "previous");
    let mut questions = Vec::new();
    for ((s, i), tallies) in &t.questions {
        let section = &q.sections[*s];
        let x = &section.questions[*i];
        let mut item = Map::new();
        item.insert("question".into(), format!("{}.{}", section.id, x.id).into());
        let mut counts = tally_json(x, &tallies[all], q, lang, true);
        if beside {
            let before = tally_json(x, &tallies[0], q, lang, false);
            counts.insert("previous".into(), Value::Object(before));
        } else if all > 0 {
            let by: Map<String, Value> = t.groups[..all]
                .iter()
                .zip(tallies)
                .map(|(g, tally)| {
                    (
                        g.clone(),
                        Value::Object(tally_json(x, tally, q, lang, false)),
                    )
                })
                .collect();
            counts.insert("by_region".into(), Value::Object(by));
        }
        item.extend(counts);
        questions.push(Value::Object(item));
    }
    let mut root = json!({
        "questionnaire": { "id": t.questionnaire.id, "version": t.questionnaire.version },
        "respondents": t.respondents[all],
    });
    if beside {
        root["previous_respondents"] = t.respondents[0].into();
    } else if all > 0 {
        let by: Map<String, Value> = t.groups[..all]
            .iter()
            .zip(&t.respondents)
            .map(|(g, n)| (g.clone(), (*n).into()))
            .collect();
        root["respondents_by_region"] = Value::Object(by);
    }
    root["questions"] = Value::Array(questions);
    root
}

/// A question's counts; `about` adds its number, text and type (not repeated per region).
fn tally_json(
    x: &Question,
    t: &Tally,
    q: &Questionnaire,
    lang: &str,
    about: bool,
) -> Map<String, Value> {
    let mut m = Map::new();
    if about {
        if let Some(n) = &x.number {
            m.insert("number".into(), n.clone().into());
        }
        m.insert("text".into(), x.text.get(lang, q.source_language()).into());
        m.insert("type".into(), x.kind.name().into());
    }
    m.insert("answered".into(), t.answered.into());
    m.insert("not_applicable".into(), t.not_applicable.into());
    m.insert("unanswered".into(), t.unanswered.into());
    let codes: Map<String, Value> = x
        .codes
        .iter()
        .zip(&t.codes)
        .map(|(c, n)| (c.clone(), (*n).into()))
        .collect();
    m.insert("codes".into(), Value::Object(codes));
    let values = option_values(x);
    if !values.is_empty() {
        let options: Vec<Value> = values
            .iter()
            .zip(&t.options)
            .map(|(v, n)| json!({ "value": v, "label": option_label(x, v, q, lang), "count": n }))
            .collect();
        m.insert("options".into(), Value::Array(options));
    }
    let number =
        |d: Option<Decimal>| d.map_or(Value::Null, |d| Value::Number(to_json(d.normalize())));
    match x.kind {
        QuestionType::Integer | QuestionType::Number | QuestionType::Year => {
            m.insert("n".into(), t.n().into());
            m.insert("sum".into(), number(t.sum));
            if t.sum.is_none() && t.n() > 0 {
                // Not rounded into a figure: said instead.
                m.insert("sum_exceeds_28_digits".into(), true.into());
            }
            m.insert("min".into(), number(t.min()));
            m.insert("median".into(), number(t.median()));
            m.insert("max".into(), number(t.max()));
        }
        QuestionType::Date | QuestionType::Time => {
            let (lo, hi) = t
                .dates
                .clone()
                .map_or((Value::Null, Value::Null), |(a, b)| (a.into(), b.into()));
            m.insert("min".into(), lo);
            m.insert("max".into(), hi);
        }
        QuestionType::Table => {
            m.insert("with_rows".into(), t.with_rows.into());
            m.insert("rows".into(), t.rows.into());
            let columns: Vec<Value> = x
                .columns
                .iter()
                .zip(&t.columns)
                .map(|(c, ct)| {
                    let mut col = Map::new();
                    col.insert("column".into(), c.id.clone().into());
                    col.extend(tally_json(c, ct, q, lang, about));
                    if super::tabulated_by_key(x) || x.key.as_ref() == Some(&c.id) {
                        // Over all keys together, figures would add years up: by key only.
                        col.retain(|k, _| !is_figure(k) && k != "sum_exceeds_28_digits");
                    }
                    Value::Object(col)
                })
                .collect();
            m.insert("columns".into(), Value::Array(columns));
            if let Some(key) = x.key.as_ref().filter(|_| super::tabulated_by_key(x)) {
                // Each key on its own (a year's figures are never added to another's).
                let mut by_key = Map::new();
                let mut keys: Vec<&String> = t.keys.keys().collect();
                keys.sort_by(|a, b| natural_order(a, b));
                for k in keys {
                    let columns: Vec<Value> = x
                        .columns
                        .iter()
                        .zip(&t.keys[k])
                        .filter(|(c, _)| &c.id != key)
                        .map(|(c, ct)| {
                            let mut col = Map::new();
                            col.insert("column".into(), c.id.clone().into());
                            col.extend(tally_json(c, ct, q, lang, about));
                            Value::Object(col)
                        })
                        .collect();
                    by_key.insert(k.clone(), Value::Array(columns));
                }
                m.insert("by_key".into(), Value::Object(by_key));
            }
        }
        _ => {}
    }
    m
}
