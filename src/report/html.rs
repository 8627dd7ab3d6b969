//! The HTML report: one self-contained page a reviewer can open, print, or send back to a
//! respondent. Nothing is loaded from anywhere (a Content-Security-Policy allows only the
//! page's own style and its one inline script, by hash). Everything is visible without
//! the script; the script only adds filters by severity, code and question.
//!
//! The page is written reply by reply, in flat memory: each reply's section goes out as it
//! comes; the summary, the index of replies and the table per question, known only at the
//! end, are written last and shown first (the body is a flex column and `order` moves
//! them up). The index rows wait in a temporary file, not in memory.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Seek, Write};

use super::document::Summary;
use super::json::Spans;
use crate::batch::ReplyReport;
use crate::findings::words::{Args, phrase_in};
use crate::findings::{Related, Worded};
use crate::source::{LineIndex, Span};

/// What the end of the page needs from one reply, taken when it is rendered.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub file: String,
    pub respondent: Option<String>,
    /// `id version` of the questionnaire it was judged by.
    pub judged_by: Option<String>,
    pub verdict: String,
    pub valid: bool,
    pub errors: usize,
    pub warnings: usize,
    /// Each question with a finding, once per code: `(question, number and text, code)`.
    pub stumbles: Vec<(String, String, &'static str)>,
}

/// One reply's section (without its opening tag, which carries the reply's place in the
/// page) and its entry.
pub struct Rendered {
    pub body: String,
    pub entry: Entry,
}

/// The page being written.
pub struct Page {
    lang: &'static str,
    replies: usize,
    /// Index rows so far, in a temporary file (in memory if none can be made).
    index: IndexRows,
    /// Per question: its label and, per code, how many replies have such a finding there.
    questions: BTreeMap<String, (String, BTreeMap<&'static str, usize>)>,
    /// Per code: replies with it, findings of it.
    codes: BTreeMap<&'static str, usize>,
}

enum IndexRows {
    File(std::fs::File),
    Memory(Vec<u8>),
}

const SCRIPT: &str = r"(function(){
var form=document.getElementById('filters');form.hidden=false;
var items=[].slice.call(document.querySelectorAll('.finding'));
var replies=[].slice.call(document.querySelectorAll('main > section'));
function fill(id,key){var select=document.getElementById(id),seen={},values=[];
items.forEach(function(i){var v=i.dataset[key];if(v&&!seen[v]){seen[v]=1;values.push(v);}});
values.sort().forEach(function(v){var o=document.createElement('option');o.value=v;o.textContent=v;select.appendChild(o);});}
fill('f-code','code');fill('f-question','question');
function apply(){var s=form.elements.severity.value,c=form.elements.code.value,q=form.elements.question.value,any=s||c||q;
items.forEach(function(i){i.hidden=!((!s||i.dataset.severity===s)&&(!c||i.dataset.code===c)&&(!q||i.dataset.question===q));});
replies.forEach(function(r){r.hidden=any&&!r.querySelector('.finding:not([hidden])');});
document.getElementById('f-shown').textContent=items.filter(function(i){return !i.hidden;}).length;}
form.addEventListener('change',apply);apply();})();
";

const STYLE: &str = "\
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:64rem;color:#222;display:flex;flex-direction:column;padding:0 1rem}
header{order:-4}#index{order:-3}#questions{order:-2}#filters{order:-1}main{order:0}
h1{font-size:1.4rem}h2{font-size:1.1rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}td,th{border:1px solid #ddd;padding:.15rem .5rem;text-align:start}td.n{text-align:end}
.valid{color:#176b2c}.invalid{color:#a11}
.finding{border-inline-start:4px solid #a11;padding:.4rem .8rem;margin:.8rem 0;background:#fdf6f6}
.finding.warning{border-color:#b67900;background:#fffaf0}
.finding.explained{border-color:#5a7d9a;background:#f4f8fb}
.meta{font-family:monospace;font-size:.85rem;color:#555}
pre{background:#f4f4f4;padding:.4rem;overflow-x:auto;direction:ltr;text-align:left}code{direction:ltr;unicode-bidi:isolate}.ln{color:#888;user-select:none}mark{background:#ffd54f}
ul{margin:.2rem 0}#filters{margin:1rem 0}[hidden]{display:none!important}
";

/// The page's Content-Security-Policy: nothing from anywhere, its own style, and its one
/// script by hash (a server sends the same as a header).
pub fn policy() -> String {
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src {}",
        hash_source(SCRIPT)
    )
}

/// An inline script or style as a Content-Security-Policy source: `'sha256-…'` (every
/// page canvass writes allows its own by hash).
pub fn hash_source(text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text));
    format!("'sha256-{hash}'")
}

impl Page {
    /// The page up to the first reply.
    pub fn start(lang: &str) -> (Self, String) {
        let lang = crate::findings::words::canonical(lang);
        let title = escape(&phrase_in(lang, "report-title", &Args::new()));
        let word = |id: &str| escape(&phrase_in(lang, id, &Args::new()));
        let policy = policy();
        let head = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
             <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
             <form id=\"filters\" hidden>{severity} <select name=\"severity\"><option value=\"\">{all}</option>\
             <option value=\"error\">error</option><option value=\"warning\">warning</option><option value=\"explained\">explained</option></select> \
             {code} <select name=\"code\" id=\"f-code\"><option value=\"\">{all}</option></select> \
             {question} <select name=\"question\" id=\"f-question\"><option value=\"\">{all}</option></select> \
             <span id=\"f-shown\"></span> {shown}</form>\n<main>\n",
            severity = word("html-severity"),
            code = word("html-code"),
            question = word("html-question"),
            all = word("html-all"),
            shown = word("html-shown"),
            dir = if crate::findings::words::is_rtl(lang) {
                "rtl"
            } else {
                "ltr"
            },
        );
        let index =
            tempfile::tempfile().map_or_else(|_| IndexRows::Memory(Vec::new()), IndexRows::File);
        let page = Page {
            lang,
            replies: 0,
            index,
            questions: BTreeMap::new(),
            codes: BTreeMap::new(),
        };
        (page, head)
    }

    /// Write one reply's section, and keep what the end of the page needs from it.
    pub fn reply(&mut self, out: &mut impl Write, body: &str, e: &Entry) -> std::io::Result<()> {
        self.replies += 1;
        let n = self.replies;
        write!(out, "<section id=\"r{n}\">\n{body}</section>\n")?;
        let status = if e.valid { "valid" } else { "invalid" };
        let row = format!(
            "<tr><td><a href=\"#r{n}\">{}</a></td><td>{}</td><td>{}</td><td class=\"{status}\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            escape(&e.file),
            e.respondent.as_deref().map_or(String::new(), escape),
            e.judged_by.as_deref().map_or(String::new(), escape),
            escape(&e.verdict),
            e.errors,
            e.warnings
        );
        match &mut self.index {
            IndexRows::File(f) => f.write_all(row.as_bytes())?,
            IndexRows::Memory(m) => m.extend_from_slice(row.as_bytes()),
        }
        for (question, label, code) in &e.stumbles {
            let (_, codes) = self
                .questions
                .entry(question.clone())
                .or_insert_with(|| (label.clone(), BTreeMap::new()));
            *codes.entry(code).or_default() += 1;
        }
        let mut seen: Vec<&str> = e.stumbles.iter().map(|s| s.2).collect();
        seen.sort_unstable();
        seen.dedup();
        for code in seen {
            *self.codes.entry(code).or_default() += 1;
        }
        Ok(())
    }

    /// The summary, the index, the table per question, and the end of the page.
    pub fn end(
        self,
        out: &mut impl Write,
        questionnaire: Option<&str>,
        summary: &Summary,
    ) -> std::io::Result<()> {
        let lang = self.lang;
        let word = |id: &str| escape(&phrase_in(lang, id, &Args::new()));
        writeln!(out, "</main>")?;
        let heading = match questionnaire {
            Some(q) => phrase_in(
                lang,
                "report-title-of",
                &Args::new().text("questionnaire", q.to_string()),
            ),
            None => phrase_in(lang, "report-title", &Args::new()),
        };
        let mut header = format!(
            "<header>\n<h1>{}</h1>\n<p>{}</p>\n",
            escape(&heading),
            escape(&summary.line(lang))
        );
        if !self.codes.is_empty() {
            let _ = writeln!(
                header,
                "<table><tr><th>{}</th><th>{}</th></tr>",
                word("html-code"),
                word("html-replies-with")
            );
            for (code, n) in &self.codes {
                let _ = writeln!(header, "<tr><td>{code}</td><td class=\"n\">{n}</td></tr>");
            }
            header.push_str("</table>\n");
        }
        header.push_str("</header>\n");
        out.write_all(header.as_bytes())?;
        write!(
            out,
            "<nav id=\"index\">\n<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
            word("html-index"),
            word("html-file"),
            word("html-respondent"),
            word("html-questionnaire"),
            word("html-status"),
            word("html-errors"),
            word("html-warnings")
        )?;
        match self.index {
            IndexRows::File(mut f) => {
                f.rewind()?;
                std::io::copy(&mut (&mut f).take(u64::MAX), out)?;
            }
            IndexRows::Memory(m) => out.write_all(&m)?,
        }
        writeln!(out, "</table>\n</nav>")?;
        if !self.questions.is_empty() {
            write!(
                out,
                "<section id=\"questions\">\n<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th></tr>\n",
                word("html-questions"),
                word("html-question"),
                word("html-replies-by-code")
            )?;
            // The questions respondents stumble on most come first.
            let mut rows: Vec<_> = self.questions.into_iter().collect();
            rows.sort_by_key(|(q, (_, codes))| {
                (std::cmp::Reverse(codes.values().sum::<usize>()), q.clone())
            });
            for (question, (label, codes)) in rows {
                let by_code: Vec<String> = codes.iter().map(|(c, n)| format!("{c} {n}")).collect();
                writeln!(
                    out,
                    "<tr data-question=\"{}\"><td><code>{}</code> {}</td><td>{}</td></tr>",
                    escape(&question),
                    escape(&question),
                    escape(&label),
                    by_code.join(", ")
                )?;
            }
            writeln!(out, "</table>\n</section>")?;
        }
        write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n")
    }
}

/// One reply's part of the page (rendered on the batch's workers).
pub fn section(r: &ReplyReport) -> Rendered {
    let class = if r.valid() { "valid" } else { "invalid" };
    let verdict = phrase_in(r.lang, super::document::verdict(r), &Args::new());
    let judged_by = r
        .questionnaire
        .as_ref()
        .map(|q| super::document::judged_by(q, r.lang));
    let mut out = format!(
        "<h2><bdi>{}</bdi>{} — <span class=\"{class}\">{}</span>{}</h2>\n",
        escape(&r.file.name),
        r.respondent.as_deref().map_or(String::new(), |who| format!(
            " (<bdi>{}</bdi>)",
            escape(who)
        )),
        escape(&verdict),
        judged_by.as_deref().map_or(String::new(), |q| format!(
            " <span class=\"meta\">{}</span>",
            escape(q)
        ))
    );
    if let Some(why) = &r.unreadable {
        let _ = writeln!(out, "<p>{}</p>", escape(why));
    }
    let spans = Spans::new(&r.file);
    let mut stumbles = Vec::new();
    for f in &r.findings {
        let f = &f.worded_isolated(&r.findings_lang);
        finding(&mut out, f, r, &spans);
        let question = f
            .finding
            .question
            .clone()
            .unwrap_or_else(|| phrase_in(r.lang, "html-whole-reply", &Args::new()));
        let label = [f.finding.number.as_deref(), f.text.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        // By question (a table's column), not by row: `laws[2].title` counts as `laws.title`.
        let stumble = (without_rows(&question), label, f.finding.code.as_str());
        if !stumbles.contains(&stumble) {
            stumbles.push(stumble);
        }
    }
    Rendered {
        body: out,
        entry: Entry {
            file: r.file.name.clone(),
            respondent: r.respondent.clone(),
            judged_by,
            verdict,
            valid: r.valid(),
            errors: r.errors,
            warnings: r.warnings,
            stumbles,
        },
    }
}

fn finding(out: &mut String, worded: &Worded<'_>, r: &ReplyReport, spans: &Spans<'_>) {
    let f = worded.finding;
    let severity = f.standing();
    let _ = writeln!(
        out,
        "<div class=\"finding {severity}\" data-severity=\"{severity}\" data-code=\"{}\" data-question=\"{}\">",
        f.code,
        escape(f.question.as_deref().unwrap_or("-"))
    );
    let place = f.at.span().map_or_else(
        || at_cell(&f.at, r.lang),
        |s| {
            let js = spans.span(s);
            let at = Args::new()
                .text("line", js.line.to_string())
                .text("column", js.column.to_string());
            phrase_in(r.lang, "at-line", &at)
        },
    );
    let _ = writeln!(
        out,
        "<div class=\"meta\">{severity} {}{}{}</div>",
        f.code,
        f.question
            .as_deref()
            .map_or(String::new(), |q| format!(" · {}", escape(q))),
        escape(&place)
    );
    if let Some(text) = &worded.text {
        let number = f
            .number
            .as_deref()
            .map_or(String::new(), |n| format!("{} ", escape(n)));
        let _ = writeln!(
            out,
            "<p><strong>{number}{}</strong></p>",
            escape_isolated(text)
        );
    }
    let _ = writeln!(out, "<p>{}</p>", with_code(&worded.message));
    if let Some(explained) = &f.explained {
        let id = match explained.by {
            crate::findings::ExplainedBy::Reply => "explained-by-reply",
            crate::findings::ExplainedBy::Reviewer => "explained-by-reviewer",
        };
        let said = phrase_in(
            r.lang,
            id,
            &Args::new().text(
                "note",
                crate::findings::visible::visible(&explained.note).into_owned(),
            ),
        );
        let _ = writeln!(out, "<p class=\"explained\">{}</p>", escape(&said));
    }
    if let Some(span) = f.at.span()
        && !r.file.text.is_empty()
    {
        let _ = writeln!(
            out,
            "<pre>{}</pre>",
            context(&r.file.text, spans.index(), span)
        );
    }
    if let Some(sheet) = super::sheet::excerpt(&r.file, worded) {
        let _ = writeln!(out, "<pre>{}</pre>", escape(&sheet));
    }
    if !f.related.is_empty() {
        out.push_str("<ul>\n");
        for (related, message) in f.related.iter().zip(&worded.related) {
            let _ = writeln!(out, "<li>{}</li>", related_line(related, message, r, spans));
        }
        out.push_str("</ul>\n");
    }
    if let Some(help) = &worded.help {
        let _ = writeln!(out, "<p><em>{}</em></p>", with_code(help));
    }
    out.push_str("</div>\n");
}

/// " — cell '1. Police'!C5" for a location at a workbook's cell; empty otherwise.
fn at_cell(at: &crate::findings::Location, lang: &str) -> String {
    match &at.place {
        crate::findings::Place::Cell { sheet, cell } => phrase_in(
            lang,
            "at-cell",
            &Args::new().text("cell", crate::values::workbook::reference(sheet, cell)),
        ),
        _ => String::new(),
    }
}

/// A related answer: its message, and its own line of the reply (or its cell).
fn related_line(related: &Related, message: &str, r: &ReplyReport, spans: &Spans<'_>) -> String {
    let mut item = with_code(message);
    let cell = at_cell(&related.at, r.lang);
    if !cell.is_empty() {
        let _ = write!(item, "<br><span class=\"meta\">{}</span>", escape(&cell));
    }
    if let Some(span) = related.at.span()
        && !r.file.text.is_empty()
    {
        let js = spans.span(span);
        let line = super::excerpt::line_window(&r.file.text, spans.index(), span);
        let _ = write!(
            item,
            "<br><span class=\"meta\">{}</span> <code>{}</code>",
            escape(&phrase_in(
                r.lang,
                "at-line",
                &Args::new()
                    .text("line", js.line.to_string())
                    .text("column", js.column.to_string())
            )),
            escape(line.trim())
        );
    }
    item
}

/// Lines of context before and after the finding's line.
const CONTEXT: usize = 2;
/// Longer lines around the finding are cut to this many characters.
const LONG: usize = 160;

/// The finding's line with a few numbered lines around it, the span marked; long lines
/// are cut (the finding's own line around the span).
fn context(text: &str, index: &LineIndex, span: &Span) -> String {
    let start = span.start.min(text.len());
    let line = index.line_of(start);
    let first = line.saturating_sub(CONTEXT);
    let last = (line + CONTEXT).min(index.line_count() - 1);
    let width = (last + 1).to_string().len();
    let mut out = String::new();
    for l in first..=last {
        let from = index.line_start(l);
        let to = if l + 1 < index.line_count() {
            index.line_start(l + 1)
        } else {
            text.len()
        };
        let content = text[from..to].trim_end_matches(['\n', '\r']);
        let _ = write!(out, "<span class=\"ln\">{:>width$} │ </span>", l + 1);
        if l == line {
            // A span may start on the line's end (its `\n` or `\r`): it marks at the end.
            let line_end = from + content.len();
            let at = start.min(line_end);
            let end = span.end.clamp(at, line_end);
            let (a, b) = (at - from, end - from);
            let cut = |s: &str, keep_end: bool| cut_chars(s, LONG / 2, keep_end);
            let marked = &content[floor(content, a)..floor(content, b)];
            // An empty span (a place, not a text) marks nothing; its line and column are
            // in the finding's heading.
            let mark = if marked.is_empty() {
                String::new()
            } else {
                format!("<mark>{}</mark>", escape(&cut(marked, false)))
            };
            let _ = write!(
                out,
                "{}{mark}{}",
                escape(&cut(&content[..floor(content, a)], true)),
                escape(&cut(&content[floor(content, b)..], false))
            );
        } else {
            out.push_str(&escape(&cut_chars(content, LONG, false)));
        }
        out.push('\n');
    }
    out
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// At most `max` characters of `s`: its start (or, `keep_end`, its end), with `…`.
fn cut_chars(s: &str, max: usize, keep_end: bool) -> String {
    let count = s.chars().count();
    if count <= max {
        return s.to_string();
    }
    if keep_end {
        format!("…{}", s.chars().skip(count - max).collect::<String>())
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// A question path without its row numbers: `s.laws[2].title` → `s.laws.title`.
fn without_rows(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_row = false;
    for c in path.chars() {
        match c {
            '[' => in_row = true,
            ']' if in_row => {
                in_row = false;
                out.push('.');
            }
            _ if in_row => {}
            _ => out.push(c),
        }
    }
    out.replace("..", ".").trim_end_matches('.').to_string()
}

/// Escaped text with its `code spans` shown as code (and its isolated runs as `<bdi>`).
pub fn with_code(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape_isolated(part));
        } else {
            out.push_str(&escape_isolated(part));
        }
    }
    // An odd backtick count leaves the last part as code without its closing mark: the
    // backtick is not hidden, it was never a span.
    if text.matches('`').count() % 2 == 1 {
        return escape_isolated(text);
    }
    out
}

/// Escaped text whose isolated runs (the marks [`Text::word_isolated`] sets around
/// inserted values, the only ones it leaves) become `<bdi>` elements, always balanced:
/// a closing mark with nothing open is dropped, and what is open at the end is closed.
///
/// [`Text::word_isolated`]: crate::findings::words::Text::word_isolated
pub fn escape_isolated(text: &str) -> String {
    use crate::findings::words::{ISOLATE_CLOSE, ISOLATE_OPEN};
    if !text.contains([ISOLATE_OPEN, ISOLATE_CLOSE]) {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut open = 0usize;
    for piece in text.split_inclusive([ISOLATE_OPEN, ISOLATE_CLOSE]) {
        let (body, mark) = match piece.chars().last() {
            Some(c @ (ISOLATE_OPEN | ISOLATE_CLOSE)) => {
                (&piece[..piece.len() - c.len_utf8()], Some(c))
            }
            _ => (piece, None),
        };
        out.push_str(&escape(body));
        match mark {
            Some(ISOLATE_OPEN) => {
                open += 1;
                out.push_str("<bdi>");
            }
            Some(_) if open > 0 => {
                open -= 1;
                out.push_str("</bdi>");
            }
            _ => {}
        }
    }
    for _ in 0..open {
        out.push_str("</bdi>");
    }
    out
}

/// Markup escaped, and hidden characters (bidi overrides, zero-width, controls) shown as
/// escapes, as in the terminal: they would mislead a reader of the page as much.
pub fn escape(text: &str) -> String {
    let text = crate::findings::visible::visible_lines(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<a href='x'>&</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn code_spans_become_code_and_their_text_is_escaped() {
        assert_eq!(
            super::with_code("write `a <b>` here"),
            "write <code>a &lt;b&gt;</code> here"
        );
        assert_eq!(super::with_code("one ` tick"), "one ` tick");
    }

    #[test]
    fn context_numbers_lines_marks_the_span_and_never_an_empty_one() {
        let text = "a = 1\nb = <x>\nc = 3\n";
        let index = crate::source::LineIndex::new(text);
        let shown = super::context(text, &index, &(10..13));
        assert!(shown.contains("b = <mark>&lt;x&gt;</mark>"), "{shown}");
        assert!(
            shown.contains("<span class=\"ln\">1 │ </span>a = 1"),
            "{shown}"
        );
        let empty = super::context(text, &index, &(10..10));
        assert!(!empty.contains("<mark>"), "{empty}");
        // A span that starts on a line's end (the render fuzz target found one).
        let at_end = super::context(
            "a\r\nb\n",
            &crate::source::LineIndex::new("a\r\nb\n"),
            &(1..3),
        );
        assert!(at_end.contains("1 │ </span>a\n"), "{at_end}");
        // The fuzz target's input `#`: a finding at the top of a one-character file.
        let hash = super::context("#", &crate::source::LineIndex::new("#"), &(0..0));
        assert_eq!(hash, "<span class=\"ln\">1 │ </span>#\n");
    }

    #[test]
    fn a_table_cell_counts_under_its_column() {
        assert_eq!(
            super::without_rows("legislation.laws[2].title"),
            "legislation.laws.title"
        );
        assert_eq!(
            super::without_rows("legislation.laws[12]"),
            "legislation.laws"
        );
        assert_eq!(super::without_rows("offences.age"), "offences.age");
    }
}
