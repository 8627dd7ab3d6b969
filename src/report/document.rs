//! Reports over many replies. Each reply is rendered on its own (in parallel, by the
//! command line) into the chosen format; a [`Summary`] counts them; the document functions
//! put the pieces together: the human report with its summary line, the JSON document
//! `{ replies, questionnaire, summary }` (in that order, so that it can be written as the
//! replies come), and one `replies` element per NDJSON line.

use crate::findings::words::{Args, phrase_in};
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::human::{Style, render_in};
use super::json::{Spans, finding};
use crate::batch::ReplyReport;
use crate::findings::visible::visible;

use crate::judge::JudgedBy;

/// Counts over all replies.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub replies: usize,
    pub valid: usize,
    pub invalid: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub unreadable: usize,
    /// Replies canvass failed on (a bug): the run exits 2.
    #[serde(skip_serializing_if = "is_zero")]
    pub internal_errors: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Replies per questionnaire and version; written (as `questionnaires`) only when
    /// the replies were not all judged against one.
    #[serde(
        rename = "questionnaires",
        serialize_with = "per_questionnaire",
        skip_serializing_if = "fewer_than_two"
    )]
    counts: BTreeMap<JudgedBy, usize>,
}

fn per_questionnaire<S: serde::Serializer>(
    counts: &BTreeMap<JudgedBy, usize>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(counts.iter().map(|(j, &replies)| QuestionnaireCount {
        id: &j.id,
        version: &j.version,
        replies,
    }))
}

fn fewer_than_two(counts: &BTreeMap<JudgedBy, usize>) -> bool {
    counts.len() < 2
}

/// How many replies were judged against one questionnaire version.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionnaireCount<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub replies: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn add(&mut self, r: &ReplyReport) {
        self.replies += 1;
        if r.unreadable.is_some() {
            self.unreadable += 1;
        } else if r.valid() {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        self.errors += r.errors;
        self.warnings += r.warnings;
        if r.internal_error {
            self.internal_errors += 1;
        }
        if let Some(judged) = &r.questionnaire {
            // A run has a handful of questionnaires: the map stays small however many
            // replies there are, and a questionnaire seen before costs no allocation.
            match self.counts.get_mut(judged) {
                Some(n) => *n += 1,
                None => {
                    self.counts.insert(judged.clone(), 1);
                }
            }
        }
    }

    pub fn of(reports: &[ReplyReport]) -> Self {
        let mut summary = Self::default();
        for r in reports {
            summary.add(r);
        }
        summary
    }

    /// "7 replies checked: 2 valid, 5 invalid (19 errors, 1 warning)", in `lang`.
    pub fn line(&self, lang: &str) -> String {
        let count = |name, n| Args::new().count(name, n);
        let mut line = phrase_in(
            lang,
            "summary",
            &count("replies", self.replies)
                .count("valid", self.valid)
                .count("invalid", self.invalid),
        );
        if self.unreadable > 0 {
            line.push_str(&phrase_in(
                lang,
                "summary-unreadable",
                &count("count", self.unreadable),
            ));
        }
        if self.internal_errors > 0 {
            line.push_str(&phrase_in(
                lang,
                "summary-not-checked",
                &count("count", self.internal_errors),
            ));
        }
        line.push_str(&format!(" ({})", counts(self.errors, self.warnings, lang)));
        if !fewer_than_two(&self.counts) {
            let each: Vec<String> = self
                .counts
                .iter()
                .map(|(q, replies)| format!("{}: {replies}", judged_by(q, lang)))
                .collect();
            line.push_str(&phrase_in(
                lang,
                "summary-by-questionnaire",
                &Args::new().text("list", each.join(", ")),
            ));
        }
        line
    }
}

/// "19 errors, 1 warning": the summary line and each reply's heading say it alike.
fn counts(errors: usize, warnings: usize, lang: &str) -> String {
    phrase_in(
        lang,
        "counts",
        &Args::new()
            .count("errors", errors)
            .count("warnings", warnings),
    )
}

/// "res-16-2 version 2009-1".
pub fn judged_by(q: &JudgedBy, lang: &str) -> String {
    phrase_in(
        lang,
        "judged-by",
        &Args::new()
            .text("id", visible(&q.id))
            .text("version", visible(&q.version)),
    )
}

/// One reply in the human report: a heading line (file, verdict, questionnaire), then
/// its findings.
pub fn human_reply(r: &ReplyReport, color: bool) -> String {
    let mut out = heading(r);
    out.push('\n');
    if !r.findings.is_empty() {
        out.push('\n');
        let style = Style {
            color,
            width: 100,
            lang: r.lang,
        };
        out.push_str(&render_in(&r.findings, &r.file, style, &r.findings_lang));
    }
    out
}

/// `replies/bra.toml (BRA): invalid, 2 errors, 1 warning (res-16-2 version 2009-1)`.
fn heading(r: &ReplyReport) -> String {
    let name = match &r.respondent {
        Some(who) => format!("{} ({})", visible(&r.file.name), visible(who)),
        None => visible(&r.file.name).into_owned(),
    };
    let lang = r.lang;
    if let Some(why) = &r.unreadable {
        let unreadable = phrase_in(lang, "verdict-unreadable", &Args::new());
        return format!("{name}: {unreadable}: {}", visible(why));
    }
    let verdict = phrase_in(lang, verdict(r), &Args::new());
    let mut line = format!("{name}: {verdict}");
    if r.errors + r.warnings > 0 {
        line.push_str(&format!(", {}", counts(r.errors, r.warnings, lang)));
    }
    if let Some(q) = &r.questionnaire {
        line.push_str(&format!(" ({})", judged_by(q, lang)));
    }
    line
}

/// The id of the words for a reply's verdict.
pub fn verdict(r: &ReplyReport) -> &'static str {
    if r.unreadable.is_some() {
        "verdict-unreadable"
    } else if r.valid() {
        "verdict-valid"
    } else {
        "verdict-invalid"
    }
}

/// One element of `replies`, serialized straight from the report (no intermediate value:
/// the command line renders one per reply, valid or not).
#[derive(Debug, Serialize)]
pub struct JsonReply<'a> {
    file: &'a str,
    /// Who sent it, where the questionnaire says which answer tells.
    #[serde(skip_serializing_if = "Option::is_none")]
    respondent: Option<&'a str>,
    /// The questionnaire the reply was judged against (`null` when none was found).
    questionnaire: Option<&'a JudgedBy>,
    valid: bool,
    errors: usize,
    warnings: usize,
    findings: Vec<super::json::JsonFinding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unreadable: Option<&'a str>,
}

impl<'a> JsonReply<'a> {
    pub fn of(r: &'a ReplyReport) -> Self {
        let findings = if r.findings.is_empty() {
            Vec::new() // no line index to build
        } else {
            let spans = Spans::new(&r.file);
            r.findings
                .iter()
                .map(|f| finding(f, &spans, &r.findings_lang))
                .collect()
        };
        Self {
            file: &r.file.name,
            respondent: r.respondent.as_deref(),
            questionnaire: r.questionnaire.as_ref(),
            valid: r.valid(),
            errors: r.errors,
            warnings: r.warnings,
            findings,
            unreadable: r.unreadable.as_deref(),
        }
    }
}

/// One element of `replies`, as a value.
pub fn json_reply(r: &ReplyReport) -> Value {
    serde_json::to_value(JsonReply::of(r)).expect("reports serialize")
}

/// One reply as an NDJSON line (without the line end).
pub fn json_line(r: &ReplyReport) -> String {
    if r.findings.is_empty() && r.unreadable.is_none() {
        return clean_reply(r, Layout::Line);
    }
    serde_line(r)
}

/// [`json_line`] through serde: any reply.
fn serde_line(r: &ReplyReport) -> String {
    serde_json::to_string(&JsonReply::of(r)).expect("reports serialize")
}

/// One reply as it sits in the JSON document: pretty, indented one level into `replies`.
pub fn json_piece(r: &ReplyReport) -> String {
    if r.findings.is_empty() && r.unreadable.is_none() {
        return clean_reply(r, Layout::Piece);
    }
    serde_piece(r)
}

/// [`json_piece`] through serde: any reply.
fn serde_piece(r: &ReplyReport) -> String {
    let pretty = serde_json::to_vec_pretty(&JsonReply::of(r)).expect("reports serialize");
    String::from_utf8(indented(&pretty)).expect("JSON is UTF-8")
}

/// How a reply is laid out: one line of NDJSON, or pretty inside the JSON document.
#[derive(Clone, Copy)]
enum Layout {
    Line,
    Piece,
}

/// A reply with no findings, which most are, written out as serde writes [`JsonReply`] in
/// `layout` (a test holds the two equal): its texts are still escaped by `serde_json`,
/// only the frame is written here.
fn clean_reply(r: &ReplyReport, layout: Layout) -> String {
    fn text(out: &mut Vec<u8>, s: &str) {
        serde_json::to_writer(&mut *out, s).expect("writing to memory cannot fail");
    }
    // What comes before a member's key, and before the questionnaire's own members.
    let (member, inner, inner_end, end) = match layout {
        Layout::Line => (",", ",", "}", "}"),
        Layout::Piece => (",\n      ", ",\n        ", "\n      }", "\n    }"),
    };
    let (open, colon, inner_open) = match layout {
        Layout::Line => ("{", ":", "{"),
        Layout::Piece => ("{\n      ", ": ", "{\n        "),
    };
    let mut out = Vec::with_capacity(256);
    let key = |out: &mut Vec<u8>, before: &str, name: &str| {
        out.extend_from_slice(before.as_bytes());
        for part in ["\"", name, "\"", colon] {
            out.extend_from_slice(part.as_bytes());
        }
    };
    key(&mut out, open, "file");
    text(&mut out, &r.file.name);
    if let Some(respondent) = &r.respondent {
        key(&mut out, member, "respondent");
        text(&mut out, respondent);
    }
    key(&mut out, member, "questionnaire");
    match &r.questionnaire {
        Some(q) => {
            key(&mut out, inner_open, "id");
            text(&mut out, &q.id);
            key(&mut out, inner, "version");
            text(&mut out, &q.version);
            out.extend_from_slice(inner_end.as_bytes());
        }
        None => out.extend_from_slice(b"null"),
    }
    key(&mut out, member, "valid");
    out.extend_from_slice(r.valid().to_string().as_bytes());
    key(&mut out, member, "errors");
    out.extend_from_slice(r.errors.to_string().as_bytes());
    key(&mut out, member, "warnings");
    out.extend_from_slice(r.warnings.to_string().as_bytes());
    key(&mut out, member, "findings");
    out.extend_from_slice(b"[]");
    out.extend_from_slice(end.as_bytes());
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// `pretty` with every line after the first indented by two levels. JSON escapes the line
/// ends inside strings, so every line end here is one the pretty printer wrote. (Done once
/// over the whole text: indenting as the printer writes costs a call per token.)
fn indented(pretty: &[u8]) -> Vec<u8> {
    const INDENT: &[u8] = b"    ";
    let lines = memchr::memchr_iter(b'\n', pretty).count();
    let mut out = Vec::with_capacity(pretty.len() + lines * INDENT.len());
    let mut rest = pretty;
    while let Some(at) = memchr::memchr(b'\n', rest) {
        out.extend_from_slice(&rest[..=at]);
        out.extend_from_slice(INDENT);
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out
}

/// The JSON document, from replies already rendered by [`json_piece`] (in parallel, by the
/// command line: here they are only joined).
pub fn json_document(questionnaire: Option<&str>, summary: &Summary, replies: &[String]) -> String {
    let mut out = Vec::new();
    let mut document = JsonDocument::default();
    for reply in replies {
        document
            .reply(&mut out, reply)
            .expect("writing to memory cannot fail");
    }
    document
        .end(&mut out, questionnaire, summary)
        .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// The JSON document written as the replies come: `replies` first, then `questionnaire` and
/// `summary`, which are known only at the end. Memory stays flat however many replies
/// there are.
#[derive(Default)]
pub struct JsonDocument {
    replies: usize,
}

impl JsonDocument {
    /// One reply rendered by [`json_piece`].
    pub fn reply(&mut self, out: &mut impl std::io::Write, piece: &str) -> std::io::Result<()> {
        out.write_all(if self.replies == 0 {
            b"{\n  \"replies\": [\n    "
        } else {
            b",\n    "
        })?;
        self.replies += 1;
        out.write_all(piece.as_bytes())
    }

    pub fn end(
        self,
        out: &mut impl std::io::Write,
        questionnaire: Option<&str>,
        summary: &Summary,
    ) -> std::io::Result<()> {
        out.write_all(if self.replies == 0 {
            b"{\n  \"replies\": [],\n"
        } else {
            b"\n  ],\n"
        })?;
        let tail = serde_json::to_string_pretty(&json!({
            "questionnaire": questionnaire,
            "summary": summary,
        }))
        .expect("JSON values serialize");
        out.write_all(&tail.as_bytes()[2..])?; // without the opening "{\n"
        out.write_all(b"\n")
    }
}

/// The whole JSON report, as a value (for library users and tests).
pub fn json(reports: &[ReplyReport], questionnaire: Option<&str>) -> Value {
    json!({
        "replies": reports.iter().map(json_reply).collect::<Vec<_>>(),
        "questionnaire": questionnaire,
        "summary": Summary::of(reports),
    })
}

/// The questionnaire the replies were validated against, gathered reply by reply (so a run
/// keeps one id, not one per reply): none if they name several; replies that named none,
/// or did not parse, do not count.
#[derive(Debug, Default)]
pub enum CommonQuestionnaire {
    #[default]
    Unnamed,
    One(String),
    Several,
}

impl CommonQuestionnaire {
    pub fn add(&mut self, judged: Option<&JudgedBy>) {
        match (&*self, judged.map(|j| j.id.clone())) {
            (_, None) | (Self::Several, _) => {}
            (Self::Unnamed, Some(id)) => *self = Self::One(id),
            (Self::One(first), Some(id)) if *first == id => {}
            (Self::One(_), Some(_)) => *self = Self::Several,
        }
    }

    pub fn get(&self) -> Option<&str> {
        match self {
            Self::One(id) => Some(id),
            Self::Unnamed | Self::Several => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    proptest::proptest! {
        /// A reply without findings is written as serde would write it, as a line and as a
        /// piece of the document, whatever its file name, respondent and questionnaire say
        /// (quotes, backslashes, control characters, any script).
        #[test]
        fn a_clean_piece_is_what_serde_writes(
            name in "\\PC{0,12}|[\"\\\\\u{0}-\u{1f}\u{7f}é]{0,6}",
            respondent in proptest::option::of("\\PC{0,6}|[\"\\\\\u{0}-\u{1f}]{0,4}"),
            questionnaire in proptest::option::of(("\\PC{0,6}", "[\"\\\\\u{0}-\u{1f}a]{0,4}")),
            warnings in 0usize..3,
        ) {
            let mut r = ReplyReport::new(SourceFile::new(name, "{}"), Vec::new());
            r.respondent = respondent;
            r.questionnaire = questionnaire.map(|(id, version)| JudgedBy { id, version });
            r.warnings = warnings;
            proptest::prop_assert_eq!(clean_reply(&r, Layout::Piece), serde_piece(&r));
            proptest::prop_assert_eq!(clean_reply(&r, Layout::Line), serde_line(&r));
        }
    }

    #[test]
    fn the_common_questionnaire_is_the_one_every_naming_reply_names() {
        let common = |ids: &[Option<&str>]| {
            let mut c = CommonQuestionnaire::default();
            for id in ids {
                let judged = id.map(|id| JudgedBy {
                    id: id.to_string(),
                    version: "1".to_string(),
                });
                c.add(judged.as_ref());
            }
            c.get().map(String::from)
        };
        assert_eq!(common(&[]), None);
        assert_eq!(
            common(&[None, Some("a"), None, Some("a")]),
            Some("a".into())
        );
        assert_eq!(common(&[Some("a"), Some("b"), Some("a")]), None);
    }

    #[test]
    fn the_assembled_document_is_the_document() {
        let reports = vec![
            ReplyReport::new(SourceFile::new("a.json", "{}"), Vec::new()),
            ReplyReport::unreadable("b.json", "permission denied"),
        ];
        let pieces: Vec<String> = reports.iter().map(json_piece).collect();
        let text = json_document(Some("demo"), &Summary::of(&reports), &pieces);
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed, json(&reports, Some("demo")));
        assert_eq!(text, serde_json::to_string_pretty(&parsed).unwrap() + "\n");
        let empty = json_document(None, &Summary::default(), &[]);
        assert_eq!(
            empty,
            serde_json::to_string_pretty(&json(&[], None)).unwrap() + "\n"
        );
    }
}
