//! Reply loading: TOML or JSON text in, a `serde_json::Value` out — or `syntax` and
//! `duplicate-key` findings with their spans. Spans of every member are kept in a
//! [`SourceMap`], built only when a reply has findings to place (valid replies never pay
//! for it).
//!
//! This module judges only whether the text is a well-formed document within the limits;
//! whether it answers the questionnaire is `validate`'s business.

pub mod compact;
mod json;
mod json_locate;
mod limits;
mod source_map;
mod toml_reply;
pub mod view;
pub mod workbook;

pub use limits::Limits;
pub use source_map::{SourceMap, escape_pointer, unescape_pointer};

use serde_json::Value;

use crate::findings::Finding;

/// The syntax a reply is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON (RFC 8259), one reply a document (or a line of an `.ndjson` stream).
    Json,
    /// TOML 1.0.
    Toml,
    /// A workbook (`.xlsx`) made by `canvass template --format xlsx` and filled in.
    Xlsx,
}

impl Format {
    /// `json` or `toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Toml => "toml",
            Self::Xlsx => "xlsx",
        }
    }

    /// The format `as_str` names (a collection keeps it so); anything else is JSON.
    pub fn named(name: &str) -> Self {
        match name {
            "toml" => Self::Toml,
            "xlsx" => Self::Xlsx,
            _ => Self::Json,
        }
    }

    /// Whether a file is a workbook: by its extension (`.xlsx`, or `.xlsm`, refused later
    /// for its macros), or, without a text one, by the zip archive's first bytes.
    pub fn is_workbook(name: &str, bytes: &[u8]) -> bool {
        let extension = std::path::Path::new(name).extension().unwrap_or_default();
        let is = |e: &str| extension.eq_ignore_ascii_case(e);
        if is("xlsx") || is("xlsm") {
            return true;
        }
        !(is("json") || is("ndjson") || is("toml")) && bytes.starts_with(b"PK\x03\x04")
    }

    /// By file extension; without a known one, a document starting with `{` or `[` is JSON.
    pub fn detect(name: &str, text: &str) -> Self {
        let extension = std::path::Path::new(name).extension().unwrap_or_default();
        let is = |e: &str| extension.eq_ignore_ascii_case(e);
        if is("json") || is("ndjson") {
            Self::Json
        } else if is("toml") {
            Self::Toml
        } else if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with(['{', '['])
        {
            Self::Json
        } else {
            Self::Toml
        }
    }
}

/// Parse a reply. A byte-order mark is accepted (and keeps its three bytes, so spans stay
/// right); the size and nesting limits are checked before any parser runs.
/// Findings are worded in `lang`. A reply that reads gives its value and what reading it
/// found (a JSON key given twice, whose later answer counts); one that does not, only
/// findings.
pub fn parse(
    text: &str,
    format: Format,
    limits: &Limits,
) -> Result<(Value, Vec<Finding>), Vec<Finding>> {
    limits.check_size(text)?;
    let text = blank_bom(text);
    match format {
        // JSON depth is counted while parsing (a scan first would cost more than the parse).
        Format::Json => json::parse(&text, limits.max_depth),
        Format::Toml => {
            limits.check_depth(&text, format)?;
            toml_reply::parse(&text).map(|value| (value, Vec::new()))
        }
        // A workbook is not text: read it with `value_of`.
        Format::Xlsx => Err(Vec::new()),
    }
}

/// The value of a reply as received, read for `q` (a workbook by its names; a text by its
/// syntax). `None` when it does not read.
pub fn value_of(
    bytes: &[u8],
    format: Format,
    q: &crate::questionnaire::model::Questionnaire,
    limits: &Limits,
) -> Option<Value> {
    match format {
        Format::Xlsx => Some(workbook::open(bytes, limits).ok()?.read(q).value),
        Format::Json | Format::Toml => {
            let text = std::str::from_utf8(bytes).ok()?;
            parse(text, format, limits).ok().map(|(value, _)| value)
        }
    }
}

/// Replace a leading byte-order mark by three spaces: parsers accept the spaces, and byte
/// offsets into the original text are unchanged.
pub fn blank_bom(text: &str) -> std::borrow::Cow<'_, str> {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => std::borrow::Cow::Owned(format!("   {rest}")),
        None => std::borrow::Cow::Borrowed(text),
    }
}
