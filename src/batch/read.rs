//! Reading one input of a batch: a file (at most one byte over the size limit), a stream's
//! line, or the finding that says why there is no reply to judge. What the bytes say is
//! [`crate::judge`]'s.

use std::path::Path;

use super::fingerprint::{Fingerprint, Streaming};
use super::inputs::Input;
use crate::batch::ReplyReport;
use crate::findings::{Anchor, Code, Finding, Severity, words};
use crate::reply::{Format, Limits};
use crate::source::SourceFile;

/// A reply once read: its bytes and the format its source tells (a stream's line is JSON),
/// or, for a reply over the size limit, the finding that refuses it (the judge words it)
/// and, when asked for, its fingerprint.
pub enum Loaded {
    Bytes {
        name: String,
        bytes: Vec<u8>,
        format: Option<Format>,
    },
    Refused {
        name: String,
        finding: Box<Finding>,
        fingerprint: Option<Fingerprint>,
    },
}

/// Read one input. A file over the size limit is kept no further than one byte past it; with
/// `fingerprint`, the rest is read through for its true size and SHA-256, in flat memory.
pub fn load(input: &Input, limits: Limits, fingerprint: bool) -> Result<Loaded, Box<ReplyReport>> {
    let (name, bytes, format) = match input {
        Input::Unreadable { name, why } => {
            return Err(Box::new(ReplyReport::unreadable(name, why)));
        }
        Input::Skipped { name, why } => {
            let said = words::say(*why, &words::Args::new());
            let finding = Finding::said(Code::SkippedFile, Severity::Error, said, Anchor::Nowhere);
            return Err(Box::new(ReplyReport::new(
                SourceFile::new(name.clone(), String::new()),
                vec![finding],
            )));
        }
        Input::TooLarge {
            name,
            fingerprint: taken,
        } => {
            let size = taken.as_ref().and_then(|f| usize::try_from(f.size).ok());
            return Ok(Loaded::Refused {
                name: name.clone(),
                finding: Box::new(limits.too_large(size)),
                fingerprint: taken.clone(),
            });
        }
        Input::Line { name, bytes } => (name.clone(), bytes.clone(), Some(Format::Json)),
        Input::File(path) => {
            let name = path.display().to_string();
            let unreadable = |e: std::io::Error| ReplyReport::unreadable(&name, &e.to_string());
            let (bytes, rest) = read_reply(path, limits.max_bytes).map_err(unreadable)?;
            if bytes.len() > limits.max_bytes {
                let fingerprint = if fingerprint {
                    let mut streaming = Streaming::default();
                    streaming.update(&bytes);
                    drop(bytes);
                    let mut rest = rest;
                    streaming.read_rest(&mut rest).map_err(unreadable)?;
                    Some(streaming.finish())
                } else {
                    None
                };
                let size = match &fingerprint {
                    Some(f) => usize::try_from(f.size).ok(),
                    None => std::fs::metadata(path)
                        .ok()
                        .and_then(|m| usize::try_from(m.len()).ok()),
                };
                return Ok(Loaded::Refused {
                    name,
                    finding: Box::new(limits.too_large(size)),
                    fingerprint,
                });
            }
            (name, bytes, None)
        }
    };
    Ok(Loaded::Bytes {
        name,
        bytes,
        format,
    })
}

/// Read a reply file, at most one byte over the size limit (so a larger file is read no
/// further, and still shows as too large). No look at its size first: replies are small,
/// and the size would cost a system call per file.
/// The file is handed back too, to be read on for a fingerprint.
fn read_reply(path: &Path, max: usize) -> std::io::Result<(Vec<u8>, std::fs::File)> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(8 << 10);
    let mut limited = std::io::Read::take(file, max as u64 + 1);
    std::io::Read::read_to_end(&mut limited, &mut bytes)?;
    // `intake add` keeps a batch of replies until it commits: each as small as it is, not
    // in a buffer of 8 KiB (or twice its size), which took fresh pages from the system for
    // every batch.
    bytes.shrink_to_fit();
    Ok((bytes, limited.into_inner()))
}
