//! The request for validation a reviewer sends a respondent: the open findings of its latest
//! version in the respondent's language, each with its question's number and text, what is
//! wrong, what is expected and where it is in their file (line and column, or sheet and
//! cell); then what the version fixed since the one before. canvass's words come from the
//! `.ftl` files, the questionnaire's from its translations, the reply's through
//! `findings::visible`. Markdown or plain text; this module writes no file.

use crate::findings::visible::visible;
use crate::findings::words::{Args, phrase_in};
use crate::findings::{Finding, Place};
use crate::questionnaire::model::Questionnaire;
use crate::source::{LineIndex, SourceFile};

use super::history::{Mark, follow};

/// How a letter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterFormat {
    /// Markdown: headings and lists, for an e-mail or a document.
    Markdown,
    /// Plain text.
    Text,
}

/// One version as the letter needs it.
pub struct LetterVersion<'a> {
    pub version: i64,
    pub received_at: &'a str,
    /// The file it came in as, with what shows places in it (its text, or its cells).
    pub file: &'a SourceFile,
    pub findings: &'a [Finding],
}

/// The letter to `respondent` about its latest version (the last of `versions`).
pub fn letter(
    q: &Questionnaire,
    respondent: &str,
    versions: &[LetterVersion<'_>],
    lang: &str,
    format: LetterFormat,
) -> String {
    let Some(latest) = versions.last() else {
        return String::new();
    };
    let all: Vec<Vec<Finding>> = versions.iter().map(|v| v.findings.to_vec()).collect();
    let marked = follow(&all).pop().unwrap_or_default();
    let mut w = Writer {
        lang,
        md: format == LetterFormat::Markdown,
        out: String::new(),
    };
    let title = q.title.get(lang, q.source_language());
    w.heading(
        1,
        &w.word(
            "letter-title",
            Args::new().text("title", visible(title).into_owned()),
        ),
    );
    let greeting = w.word(
        "letter-greeting",
        Args::new().text("respondent", visible(respondent).into_owned()),
    );
    w.paragraph(&greeting);
    let (fixed, open): (Vec<_>, Vec<_>) = marked.iter().partition(|(m, _)| *m == Mark::Fixed);
    let open: Vec<&Finding> = open.into_iter().map(|(_, f)| f).collect();
    let fixed: Vec<&Finding> = fixed.into_iter().map(|(_, f)| f).collect();
    let date = latest.received_at.get(..10).unwrap_or(latest.received_at);
    // Nothing open: thanks, without asking to look at points there are none of.
    let intro_id = if open.is_empty() {
        "letter-intro-done"
    } else {
        "letter-intro"
    };
    let intro = w.word(
        intro_id,
        Args::new()
            .text("version", latest.version.to_string())
            .text("date", date.to_string())
            .text("file", visible(&latest.file.name).into_owned()),
    );
    w.paragraph(&intro);
    w.open(&open, latest.file);
    w.fixed(&fixed);
    let closing = w.word("letter-closing", Args::new());
    w.out.push_str(&closing);
    w.out.push('\n');
    w.out
}

/// The letter as it is written.
struct Writer<'a> {
    lang: &'a str,
    md: bool,
    out: String,
}

impl Writer<'_> {
    #[allow(clippy::needless_pass_by_value)] // built at the call, in one expression
    fn word(&self, id: &str, args: Args) -> String {
        phrase_in(self.lang, id, &args)
    }

    fn heading(&mut self, level: usize, text: &str) {
        if self.md {
            self.out
                .push_str(&format!("{} {text}\n\n", "#".repeat(level)));
        } else {
            let rule = if level == 1 { "=" } else { "-" };
            self.out.push_str(&format!(
                "{text}\n{}\n\n",
                rule.repeat(text.chars().count())
            ));
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    /// The open findings, each with its question, what is wrong, what to do and where.
    fn open(&mut self, open: &[&Finding], file: &SourceFile) {
        if open.is_empty() {
            let none = self.word("letter-none", Args::new());
            self.paragraph(&none);
            return;
        }
        let heading = self.word("letter-open", Args::new().count("count", open.len()));
        self.heading(2, &heading);
        let index = LineIndex::new(&file.text);
        for (n, f) in open.iter().enumerate() {
            let worded = f.worded(self.lang);
            let question = match (&f.number, &worded.text) {
                (Some(number), Some(text)) => self.word(
                    "letter-question",
                    Args::new()
                        .text("number", visible(number).into_owned())
                        .text("text", visible(text).into_owned()),
                ),
                (None, Some(text)) => visible(text).into_owned(),
                _ => f
                    .question
                    .as_deref()
                    .map_or_else(String::new, |q| visible(q).into_owned()),
            };
            if self.md {
                self.out.push_str(&format!("### {}. {question}\n\n", n + 1));
            } else {
                self.out.push_str(&format!("{}. {question}\n", n + 1));
            }
            let mut lines = vec![("letter-what", visible(&worded.message).into_owned())];
            if let Some(help) = &worded.help {
                lines.push(("letter-expected", visible(help).into_owned()));
            }
            if let Some(place) = place_of(f, file, &index, self.lang) {
                lines.push(("letter-where", place));
            }
            let bullet = if self.md { "- " } else { "   " };
            for (id, value) in lines {
                let line = self.word(id, Args::new().text("value", value));
                self.out.push_str(&format!("{bullet}{line}\n"));
            }
            self.out.push('\n');
        }
    }

    /// What the version corrected since the one before.
    fn fixed(&mut self, fixed: &[&Finding]) {
        if fixed.is_empty() {
            return;
        }
        let heading = self.word("letter-fixed", Args::new().count("count", fixed.len()));
        self.heading(2, &heading);
        for f in fixed {
            let what = visible(&f.worded(self.lang).message).into_owned();
            let item = match &f.number {
                Some(number) => self.word(
                    "letter-fixed-item",
                    Args::new()
                        .text("number", visible(number).into_owned())
                        .text("value", what),
                ),
                None => what,
            };
            let bullet = if self.md { "-" } else { " *" };
            self.out.push_str(&format!("{bullet} {item}\n"));
        }
        self.out.push('\n');
    }
}

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
