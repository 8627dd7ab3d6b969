//! The request for validation a reviewer sends a respondent: the open findings of its latest
//! version in the respondent's language, each with its question's number and text, what is
//! wrong, what is expected and where it is in their file (line and column, or sheet and
//! cell); then what was corrected or explained since the last letter (or, before any
//! letter, since the version before). canvass's words come from the `.ftl` files, the
//! questionnaire's from its translations, the reply's through `findings::visible`.
//! Markdown, plain text or an HTML page (maud, which escapes every value); this module
//! writes no file and records nothing.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::findings::visible::visible;
use crate::findings::words::{Args, phrase_in};
use crate::findings::{Finding, Place};
use crate::questionnaire::model::Questionnaire;
use crate::source::{LineIndex, SourceFile};

use super::history::identity;
use super::store::Letter;

/// How a letter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterFormat {
    /// Markdown: headings and lists, for an e-mail or a document.
    Markdown,
    /// Plain text.
    Text,
    /// A page of its own (no script, no link out), for a mail or a printer.
    Html,
}

/// The version a letter is about.
pub struct LetterVersion<'a> {
    pub version: i64,
    pub received_at: &'a str,
    /// The file it came in as, with what shows places in it (its text, or its cells).
    pub file: &'a SourceFile,
}

/// What a letter asks about and what it reports corrected.
pub struct Points<'a> {
    /// The latest version's findings neither explained nor fixed.
    pub open: Vec<&'a Finding>,
    /// Findings asked about before (in the last letter, or else in the version before)
    /// that are no longer open.
    pub fixed: Vec<&'a Finding>,
    /// The day of the last letter, when there was one.
    pub since_letter: Option<String>,
}

impl Points<'_> {
    /// The identities of the open findings: what a letter records it asked about.
    pub fn asked(&self) -> Vec<String> {
        self.open.iter().map(|f| identity(f)).collect()
    }
}

/// The points of a letter about the last of `versions` (each its number and findings,
/// reviewers' explanations given), after `last` letter if there was one.
pub fn points<'a>(versions: &'a [(i64, Vec<Finding>)], last: Option<&Letter>) -> Points<'a> {
    let Some((_, latest)) = versions.last() else {
        return Points {
            open: Vec::new(),
            fixed: Vec::new(),
            since_letter: None,
        };
    };
    let open: Vec<&Finding> = latest.iter().filter(|f| f.explained.is_none()).collect();
    let open_ids: Vec<String> = open.iter().map(|f| identity(f)).collect();
    let (base, since_letter): (Vec<&Finding>, Option<String>) = match last {
        Some(letter) => {
            let asked: Vec<String> = serde_json::from_str(&letter.asked).unwrap_or_default();
            let base = versions
                .iter()
                .find(|(v, _)| *v == letter.version)
                .map(|(_, f)| f.iter().filter(|f| asked.contains(&identity(f))).collect())
                .unwrap_or_default();
            let day = letter.written_at.get(..10).unwrap_or(&letter.written_at);
            (base, Some(day.to_string()))
        }
        None if versions.len() > 1 => (
            versions[versions.len() - 2]
                .1
                .iter()
                .filter(|f| f.explained.is_none())
                .collect(),
            None,
        ),
        None => (Vec::new(), None),
    };
    let mut seen: Vec<String> = Vec::new();
    let fixed = base
        .into_iter()
        .filter(|f| {
            let id = identity(f);
            let fresh = !open_ids.contains(&id) && !seen.contains(&id);
            seen.push(id);
            fresh
        })
        .collect();
    Points {
        open,
        fixed,
        since_letter,
    }
}

/// The letter to `respondent` about `latest`.
pub fn letter(
    q: &Questionnaire,
    respondent: &str,
    latest: &LetterVersion<'_>,
    points: &Points<'_>,
    lang: &str,
    format: LetterFormat,
) -> String {
    let word = |id: &str, args: &Args| phrase_in(lang, id, args);
    let title = word(
        "letter-title",
        &Args::new().text(
            "title",
            visible(q.title.get(lang, q.source_language())).into_owned(),
        ),
    );
    let greeting = word(
        "letter-greeting",
        &Args::new().text("respondent", visible(respondent).into_owned()),
    );
    let date = latest.received_at.get(..10).unwrap_or(latest.received_at);
    // Nothing open: thanks, without asking to look at points there are none of.
    let intro_id = if points.open.is_empty() {
        "letter-intro-done"
    } else {
        "letter-intro"
    };
    let intro = word(
        intro_id,
        &Args::new()
            .text("version", latest.version.to_string())
            .text("date", date.to_string())
            .text("file", visible(&latest.file.name).into_owned()),
    );
    let index = LineIndex::new(&latest.file.text);
    let open: Vec<Point> = points
        .open
        .iter()
        .map(|f| Point::of(f, latest.file, &index, lang))
        .collect();
    let fixed: Vec<String> = points
        .fixed
        .iter()
        .map(|f| {
            let what = visible(&f.worded(lang).message).into_owned();
            match &f.number {
                Some(number) => word(
                    "letter-fixed-item",
                    &Args::new()
                        .text("number", visible(number).into_owned())
                        .text("value", what),
                ),
                None => what,
            }
        })
        .collect();
    let fixed_heading = match &points.since_letter {
        Some(day) => word(
            "letter-fixed-since-letter",
            &Args::new()
                .count("count", fixed.len())
                .text("date", day.clone()),
        ),
        None => word("letter-fixed", &Args::new().count("count", fixed.len())),
    };
    let letter = Composed {
        lang,
        title,
        greeting,
        intro,
        open_heading: word("letter-open", &Args::new().count("count", open.len())),
        none: word("letter-none", &Args::new()),
        open,
        fixed_heading,
        fixed,
        closing: word("letter-closing", &Args::new()),
    };
    match format {
        LetterFormat::Markdown => letter.plain(true),
        LetterFormat::Text => letter.plain(false),
        LetterFormat::Html => letter.html().into_string(),
    }
}

/// One open finding as the letter says it: its question, then what is wrong, what to do
/// and where, each a line already worded.
struct Point {
    question: String,
    lines: Vec<String>,
}

impl Point {
    fn of(f: &Finding, file: &SourceFile, index: &LineIndex, lang: &str) -> Self {
        let word = |id: &str, args: &Args| phrase_in(lang, id, args);
        let worded = f.worded(lang);
        let question = match (&f.number, &worded.text) {
            (Some(number), Some(text)) => word(
                "letter-question",
                &Args::new()
                    .text("number", visible(number).into_owned())
                    .text("text", visible(text).into_owned()),
            ),
            (None, Some(text)) => visible(text).into_owned(),
            _ => f
                .question
                .as_deref()
                .map_or_else(String::new, |q| visible(q).into_owned()),
        };
        let mut parts = vec![("letter-what", visible(&worded.message).into_owned())];
        if let Some(help) = &worded.help {
            parts.push(("letter-expected", visible(help).into_owned()));
        }
        if let Some(place) = place_of(f, file, index, lang) {
            parts.push(("letter-where", place));
        }
        // A finding the respondent may explain: say how.
        if let (true, Some(rule)) = (f.explainable(), &f.rule) {
            parts.push(("letter-explain", visible(rule).into_owned()));
        }
        let lines = parts
            .into_iter()
            .map(|(id, value)| word(id, &Args::new().text("value", value)))
            .collect();
        Self { question, lines }
    }
}

/// The letter, worded, before it is laid out.
struct Composed<'a> {
    lang: &'a str,
    title: String,
    greeting: String,
    intro: String,
    open_heading: String,
    none: String,
    open: Vec<Point>,
    fixed_heading: String,
    fixed: Vec<String>,
    closing: String,
}

impl Composed<'_> {
    /// Markdown (`md`) or plain text.
    fn plain(&self, md: bool) -> String {
        let mut out = String::new();
        let heading = |out: &mut String, level: usize, text: &str| {
            if md {
                out.push_str(&format!("{} {text}\n\n", "#".repeat(level)));
            } else {
                let rule = if level == 1 { "=" } else { "-" };
                out.push_str(&format!(
                    "{text}\n{}\n\n",
                    rule.repeat(text.chars().count())
                ));
            }
        };
        heading(&mut out, 1, &self.title);
        out.push_str(&format!("{}\n\n{}\n\n", self.greeting, self.intro));
        if self.open.is_empty() {
            out.push_str(&format!("{}\n\n", self.none));
        } else {
            heading(&mut out, 2, &self.open_heading);
            for (n, point) in self.open.iter().enumerate() {
                if md {
                    out.push_str(&format!("### {}. {}\n\n", n + 1, point.question));
                } else {
                    out.push_str(&format!("{}. {}\n", n + 1, point.question));
                }
                let bullet = if md { "- " } else { "   " };
                for line in &point.lines {
                    out.push_str(&format!("{bullet}{line}\n"));
                }
                out.push('\n');
            }
        }
        if !self.fixed.is_empty() {
            heading(&mut out, 2, &self.fixed_heading);
            let bullet = if md { "-" } else { " *" };
            for item in &self.fixed {
                out.push_str(&format!("{bullet} {item}\n"));
            }
            out.push('\n');
        }
        out.push_str(&self.closing);
        out.push('\n');
        out
    }

    /// A page of its own: the same words, every one escaped by maud.
    fn html(&self) -> Markup {
        let dir = if crate::findings::words::is_rtl(self.lang) {
            "rtl"
        } else {
            "ltr"
        };
        html! {
            (DOCTYPE)
            html lang=(self.lang) dir=(dir) {
                head {
                    meta charset="utf-8";
                    meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'";
                    title { (self.title) }
                    style { (PreEscaped(STYLE)) }
                }
                body {
                    h1 { (self.title) }
                    p { (self.greeting) }
                    p { (self.intro) }
                    @if self.open.is_empty() {
                        p { (self.none) }
                    } @else {
                        h2 { (self.open_heading) }
                        ol {
                            @for point in &self.open {
                                li {
                                    strong { bdi { (point.question) } }
                                    ul { @for line in &point.lines { li { bdi { (line) } } } }
                                }
                            }
                        }
                    }
                    @if !self.fixed.is_empty() {
                        h2 { (self.fixed_heading) }
                        ul { @for item in &self.fixed { li { bdi { (item) } } } }
                    }
                    p { (self.closing) }
                }
            }
        }
    }
}

const STYLE: &str = "body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.45}\
li{margin:.4em 0}ol>li{margin-bottom:1em}";

/// Where a finding is in the respondent's file, in words: a line and column, or a cell.
fn place_of(f: &Finding, file: &SourceFile, index: &LineIndex, lang: &str) -> Option<String> {
    match &f.at.place {
        Place::Span(span) if !file.text.is_empty() => {
            let at = index.position(&file.text, span.start);
            Some(phrase_in(
                lang,
                "letter-at-line",
                &Args::new()
                    .text("line", at.line.to_string())
                    .text("column", at.column.to_string()),
            ))
        }
        Place::Cell { sheet, cell } => Some(phrase_in(
            lang,
            "letter-at-cell",
            &Args::new().text(
                "cell",
                visible(&crate::values::workbook::reference(sheet, cell)).into_owned(),
            ),
        )),
        _ => None,
    }
}
