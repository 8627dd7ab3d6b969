//! Reading one input of a batch: a file (at most one byte over the size limit), a stream's
//! line, or the finding that says why there is no reply to judge.

use std::path::Path;

use super::inputs::Input;
use crate::findings::report::ReplyReport;
use crate::findings::{Anchor, Code, Finding, Severity, words};
use crate::reply::{Format, Limits};
use crate::source::SourceFile;

/// A reply once read: its text, or the one finding that says why it cannot be a reply.
pub struct Loaded {
    pub file: SourceFile,
    pub format: Format,
    pub refused: Option<Finding>,
    /// The bytes as received when they are not UTF-8 (`file` then holds them with the bad
    /// bytes replaced); `None` when `file.text` is the bytes.
    pub not_utf8: Option<Vec<u8>>,
}

/// Read one input. A file over the size limit is not read at all. Findings about reading
/// are worded in `lang` (`--lang`, English without it: the questionnaire is not known yet).
pub fn load(input: &Input, limits: Limits, lang: &str) -> Result<Loaded, Box<ReplyReport>> {
    let (name, bytes, format) = match input {
        Input::Unreadable { name, why } => {
            return Err(Box::new(ReplyReport::unreadable(name, why)));
        }
        Input::Skipped { name, why } => {
            let said = words::say(lang, why, &words::Args::new());
            let finding = Finding::said(Code::SkippedFile, Severity::Error, said, Anchor::Nowhere);
            return Err(Box::new(ReplyReport::new(
                SourceFile::new(name.clone(), String::new()),
                vec![finding],
            )));
        }
        Input::TooLarge { name } => {
            return Ok(too_large(name.clone(), limits.too_large(None, lang)));
        }
        Input::Line { name, bytes } => (name.clone(), bytes.clone(), Some(Format::Json)),
        Input::File(path) => {
            let name = path.display().to_string();
            let bytes = match read_reply(path, limits.max_bytes) {
                Ok(bytes) => bytes,
                Err(e) => return Err(Box::new(ReplyReport::unreadable(&name, &e.to_string()))),
            };
            if bytes.len() > limits.max_bytes {
                let size = std::fs::metadata(path)
                    .ok()
                    .and_then(|m| usize::try_from(m.len()).ok());
                return Ok(too_large(name, limits.too_large(size, lang)));
            }
            (name, bytes, None)
        }
    };
    Ok(decode(name, bytes, format, lang))
}

fn too_large(name: String, finding: Finding) -> Loaded {
    Loaded {
        file: SourceFile::new(name, String::new()),
        format: Format::Json,
        refused: Some(finding),
        not_utf8: None,
    }
}

/// Read a reply file, at most one byte over the size limit (so a larger file is read no
/// further, and still shows as too large). No look at its size first: replies are small,
/// and the size would cost a system call per file.
fn read_reply(path: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(8 << 10);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, max as u64 + 1), &mut bytes)?;
    Ok(bytes)
}

/// Text of a reply; invalid UTF-8 becomes a `syntax` finding at the first bad byte (the
/// text kept is the file with bad bytes replaced, which keeps the offsets before them).
fn decode(name: String, bytes: Vec<u8>, format: Option<Format>, lang: &str) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(text) => {
            let format = format.unwrap_or_else(|| Format::detect(&name, &text));
            Loaded {
                file: SourceFile::new(name, text),
                format,
                refused: None,
                not_utf8: None,
            }
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bad = e.as_bytes()[at];
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let args = words::Args::new()
                .text("byte", format!("0x{bad:02X}"))
                .text("offset", at.to_string());
            let said = words::say(lang, "not-utf8", &args);
            let finding = Finding::said(
                Code::Syntax,
                Severity::Error,
                said,
                Anchor::Span(at..at + 1),
            );
            let format = format.unwrap_or(Format::Json);
            Loaded {
                file: SourceFile::new(name, text),
                format,
                refused: Some(finding),
                not_utf8: Some(e.into_bytes()),
            }
        }
    }
}
