//! `tabulate --format html`: the tables as a page a report writer can hand on — the
//! questionnaire's title, the replies counted, a contents list, each section with its
//! numbered questions, compact tables, and bar charts drawn in the page (SVG): options, the
//! replies per region, a keyed table's figures over its keys. Print-friendly.
//!
//! Written with maud, which escapes every value it is given: no text from a questionnaire or
//! a reply reaches the page unescaped. The page runs no script and loads nothing; its one
//! style sheet is allowed by its hash.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Tables;
use super::render::{Block, blocks, group_names, title};
use crate::findings::visible::visible;
use crate::findings::words::{Args, phrase_in};
use crate::questionnaire::model::Questionnaire;
use crate::values::number::Decimal;

const STYLE: &str = "body{font-family:sans-serif;margin:2em auto;max-width:62em;color:#111}\
h1{font-size:1.6em}h2{border-bottom:2px solid #444;margin-top:2em}h3{font-size:1.05em;margin-bottom:.2em}\
.meta{color:#555;font-size:.85em;margin:0}\
table{border-collapse:collapse;margin:.4em 0 .8em;font-size:.9em}td,th{border:1px solid #bbb;padding:.15em .5em}\
td.n{text-align:end;font-variant-numeric:tabular-nums}\
nav ol{columns:2;font-size:.9em}nav li{break-inside:avoid}\
article{margin-bottom:1.2em}svg{display:block;margin:.2em 0 1em}\
svg .bar{fill:#3a6ea5}svg text{font-size:11px;fill:#111}\
@media print{body{margin:0;max-width:none}nav{break-after:page}article{break-inside:avoid}\
svg .bar{fill:#555}a{color:inherit;text-decoration:none}}";

/// The page's Content-Security-Policy: nothing from anywhere but its own style, by hash (a
/// server sends the same as a header).
pub fn policy() -> String {
    format!(
        "default-src 'none'; style-src {}",
        crate::report::html::hash_source(STYLE)
    )
}

/// The page, in `lang`.
pub fn html(t: &Tables, q: &Questionnaire, lang: &str) -> String {
    let policy = policy();
    let src = q.source_language();
    let name = visible(q.title.get(lang, src)).into_owned();
    let all = blocks(t, q, lang);
    let groups = group_names(t, lang);
    let word = |id: &str| phrase_in(lang, id, &Args::new());
    let page = html! {
        (DOCTYPE)
        html lang=(lang) dir=(if crate::findings::words::is_rtl(lang) { "rtl" } else { "ltr" }) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(policy);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (name) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (name) }
                    p.meta { (title(t, lang)) }
                    @if groups.len() > 1 {
                        (bars(&groups.iter().cloned().zip(t.respondents.iter().map(u64::to_string)).collect::<Vec<_>>()))
                    }
                }
                nav {
                    h2 { (word("tabulate-contents")) }
                    ol {
                        @for section in &q.sections {
                            li { a href={ "#" (anchor(&section.id)) } { (section_heading(section, lang, src)) } }
                        }
                    }
                }
                @for section in &q.sections {
                    section id=(anchor(&section.id)) {
                        h2 { (section_heading(section, lang, src)) }
                        @for item in items(&all, &section.id, groups.len()) {
                            @match item {
                                Item::Question(b) => (block(b, &groups)),
                                Item::Table(table, columns) => (table_block(table, &columns)),
                            }
                        }
                        @for keyed in keyed_sums(&all, &section.id) {
                            (by_key(&keyed, &word("tabulate-sum"), &word("tabulate-over-keys")))
                        }
                    }
                }
            }
        }
    };
    page.into_string() + "\n"
}

fn section_heading(
    section: &crate::questionnaire::model::Section,
    lang: &str,
    src: &str,
) -> String {
    let title = visible(section.title.get(lang, src)).into_owned();
    match &section.number {
        Some(n) => format!("{}. {title}", visible(n)),
        None => title,
    }
}

/// An id safe in a URL fragment and an attribute: the section's id is `[a-z][a-z0-9_]*`.
fn anchor(id: &str) -> String {
    format!("s-{id}")
}

/// One question's table, and its options as bars (the last group: all replies).
fn block(b: &Block, groups: &[String]) -> Markup {
    let options: Vec<(String, String)> = b
        .rows
        .iter()
        .filter(|r| r.statistic == "option")
        .map(|r| {
            (
                r.label.clone(),
                r.values.last().cloned().unwrap_or_default(),
            )
        })
        .collect();
    let number = if b.number.is_empty() {
        String::new()
    } else {
        format!("{} ", visible(&b.number))
    };
    html! {
        article {
            h3 { (number) (b.text) }
            p.meta { code { (b.question) } " · " (b.kind) }
            table {
                @if groups.len() > 1 {
                    tr { th {} @for g in groups { th { (g) } } }
                }
                @for r in &b.rows {
                    tr {
                        td { (r.label) }
                        @for v in &r.values { td.n { (v) } }
                    }
                }
            }
            @if !options.is_empty() {
                (bars(&options))
            }
        }
    }
}

/// What a section shows, in order: a question's table, or (with one group of replies) a
/// table question with its columns side by side in one compact table.
enum Item<'a> {
    Question(&'a Block),
    Table(&'a Block, Vec<&'a Block>),
}

fn items<'a>(all: &'a [Block], section: &str, groups: usize) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    let mine: Vec<&Block> = all
        .iter()
        .filter(|b| in_section(b, section) && !b.question.contains('['))
        .collect();
    let mut i = 0;
    while i < mine.len() {
        let b = mine[i];
        i += 1;
        if b.kind != "table" || groups > 1 {
            out.push(Item::Question(b));
            continue;
        }
        let prefix = format!("{}.", b.question);
        let mut columns = Vec::new();
        while i < mine.len() && mine[i].question.starts_with(&prefix) {
            columns.push(mine[i]);
            i += 1;
        }
        out.push(Item::Table(b, columns));
    }
    out
}

/// A table question and its columns in one table: a row per statistic, a column per
/// table column (one group of replies: all).
fn table_block(table: &Block, columns: &[&Block]) -> Markup {
    let mut labels: Vec<&str> = Vec::new();
    for c in columns {
        for r in &c.rows {
            if !labels.contains(&r.label.as_str()) {
                labels.push(&r.label);
            }
        }
    }
    let cell = |c: &Block, label: &str| {
        c.rows
            .iter()
            .find(|r| r.label == label)
            .and_then(|r| r.values.last().cloned())
            .unwrap_or_default()
    };
    html! {
        (block(table, &[]))
        @if !columns.is_empty() {
            table {
                tr { th {} @for c in columns { th { (c.text) } } }
                @for label in &labels {
                    tr {
                        td { (label) }
                        @for c in columns { td.n { (cell(c, label)) } }
                    }
                }
            }
        }
    }
}

fn in_section(b: &Block, section: &str) -> bool {
    b.question.split('.').next() == Some(section)
}

/// A keyed table's figures key by key: its columns, its keys in order, and the sum of each
/// column for each key over all replies.
struct ByKey {
    table: String,
    columns: Vec<String>,
    keys: Vec<String>,
    /// `sums[column][key]`, as shown ("" where a key has no figure).
    sums: Vec<Vec<String>>,
}

/// The keyed tables of one section, from the key blocks (`police.suspects.total[year=2023]`),
/// in their order.
fn keyed_sums(all: &[Block], section: &str) -> Vec<ByKey> {
    let mut out: Vec<ByKey> = Vec::new();
    for b in all.iter().filter(|b| in_section(b, section)) {
        let Some((column_path, key)) = b.question.split_once('[') else {
            continue;
        };
        let Some((table, column)) = column_path.rsplit_once('.') else {
            continue;
        };
        let key = key.trim_end_matches(']');
        let key = key.split_once('=').map_or(key, |(_, v)| v).to_string();
        let Some(sum) = b.rows.iter().find(|r| r.statistic == "sum") else {
            continue;
        };
        let value = sum.values.last().cloned().unwrap_or_default();
        if out.last().is_none_or(|k| k.table != table) {
            out.push(ByKey {
                table: table.to_string(),
                columns: Vec::new(),
                keys: Vec::new(),
                sums: Vec::new(),
            });
        }
        let k = out.last_mut().expect("just pushed");
        let c = k
            .columns
            .iter()
            .position(|x| x == column)
            .unwrap_or_else(|| {
                k.columns.push(column.to_string());
                k.sums.push(vec![String::new(); k.keys.len()]);
                k.columns.len() - 1
            });
        let i = k.keys.iter().position(|x| *x == key).unwrap_or_else(|| {
            k.keys.push(key);
            k.sums.iter_mut().for_each(|s| s.push(String::new()));
            k.keys.len() - 1
        });
        k.sums[c][i] = value;
    }
    out
}

/// A keyed table as one compact table (a row per key, a column per figure) and a chart per
/// figure over the keys.
fn by_key(k: &ByKey, sum: &str, over_keys: &str) -> Markup {
    html! {
        article {
            h3 { code { (k.table) } }
            p.meta { (sum) " · " (over_keys) }
            table {
                tr { th {} @for c in &k.columns { th { (c) } } }
                @for (i, key) in k.keys.iter().enumerate() {
                    tr {
                        td { (key) }
                        @for c in 0..k.columns.len() { td.n { (k.sums[c][i]) } }
                    }
                }
            }
            @for (c, column) in k.columns.iter().enumerate() {
                p.meta { (column) }
                (bars(&k.keys.iter().cloned().zip(k.sums[c].iter().cloned()).collect::<Vec<_>>()))
            }
        }
    }
}

/// Horizontal bars, one per `(label, value)`, scaled to the largest value; a value that is
/// not a number draws no bar. The labels are escaped as every text is.
fn bars(items: &[(String, String)]) -> Markup {
    const LABEL: f64 = 190.0;
    const BAR: f64 = 300.0;
    const ROW: f64 = 18.0;
    let value = |v: &str| {
        v.parse::<Decimal>()
            .ok()
            .and_then(|d| f64::try_from(d).ok())
            .filter(|x| x.is_finite() && *x > 0.0)
    };
    let largest = items
        .iter()
        .filter_map(|(_, v)| value(v))
        .fold(0.0_f64, f64::max);
    let height = ROW * f64::from(u32::try_from(items.len()).unwrap_or(u32::MAX)) + 4.0;
    let y = |i: usize| ROW * f64::from(u32::try_from(i).unwrap_or(u32::MAX));
    let short = |label: &str| {
        let cut: String = label.chars().take(32).collect();
        if cut.len() < label.len() {
            format!("{cut}…")
        } else {
            cut
        }
    };
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(LABEL + BAR + 80.0) height=(height)
            role="img" {
            @for (i, (label, v)) in items.iter().enumerate() {
                @let width = value(v).map_or(0.0, |x| if largest > 0.0 { BAR * x / largest } else { 0.0 });
                text x=(LABEL - 6.0) y=(y(i) + 13.0) text-anchor="end" { (short(label)) }
                rect.bar x=(LABEL) y=(y(i) + 3.0) width=(format!("{width:.1}")) height=(ROW - 6.0) {}
                text x=(LABEL + width + 4.0) y=(y(i) + 13.0) { (v) }
            }
        }
    }
}
