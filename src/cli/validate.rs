//! `canvass validate`: gather replies (files, folders, `.ndjson` streams, standard input),
//! find each one's questionnaire, validate in parallel, and print one report in the order
//! the replies were given.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use canvass::findings::{Anchor, Code, Finding};
use canvass::reply::Limits;
use canvass::source::SourceFile;
use canvass::validate::Validator;

use canvass::findings::report::{self, ReplyReport};
use canvass::reply::Format;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Reply files, folders of replies, `.ndjson` streams, or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The questionnaire (a file, or an id under `questionnaires/`).
    #[arg(short = 'q', long, conflicts_with = "schema")]
    questionnaire: Option<String>,
    /// A compiled schema to validate against, instead of a questionnaire.
    #[arg(long)]
    schema: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Language of question texts and messages (default: the questionnaire's first).
    #[arg(long)]
    lang: Option<String>,
    /// Exit 1 when any reply has warnings.
    #[arg(long)]
    deny_warnings: bool,
    /// Largest reply accepted, in bytes.
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    max_reply_bytes: usize,
    /// Deepest nesting of arrays and tables accepted in a reply.
    #[arg(long, default_value_t = Limits::default().max_depth)]
    max_depth: usize,
    /// Most rows accepted in one table answer.
    #[arg(long, default_value_t = Limits::default().max_rows)]
    max_rows: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Ndjson,
    Html,
}

/// One reply to validate: its name and text, or why it could not be read.
struct Input {
    file: SourceFile,
    /// Set for the lines of a `.ndjson` stream, which are JSON whatever they look like.
    format: Option<Format>,
    pre: Pre,
}

/// What happened before validation.
enum Pre {
    Read,
    /// The file could not be read at all (exit 2).
    Unreadable(String),
    /// The file was read but cannot be a reply (not UTF-8, too large): one finding.
    Refused(Box<Finding>),
}

pub fn run(args: &ValidateArgs) -> Result<ExitCode, String> {
    let limits = Limits {
        max_bytes: args.max_reply_bytes,
        max_depth: args.max_depth,
        max_rows: args.max_rows,
    };
    let fixed = fixed_validator(args, limits)?;
    let mut inputs = Vec::new();
    for path in &args.paths {
        gather(path, args.max_reply_bytes, &mut inputs);
    }
    if inputs.is_empty() {
        return Err("no replies found (looked for .toml, .json and .ndjson files)".into());
    }
    let mut validators: HashMap<String, Result<Arc<Validator>, String>> = HashMap::new();
    let mut out = std::io::stdout().lock();
    let mut reports: Vec<ReplyReport> = Vec::new();
    // Chunks keep memory bounded and let ndjson stream; replies in a chunk run in parallel.
    for chunk in inputs.chunks(256) {
        let assigned: Vec<Option<Arc<Validator>>> = chunk
            .iter()
            .map(|input| match (&fixed, &input.pre) {
                (Some(v), _) => Some(v.clone()),
                (None, Pre::Read) => lookup(input, &mut validators, limits),
                (None, _) => None,
            })
            .collect();
        let done: Vec<ReplyReport> = chunk
            .par_iter()
            .zip(assigned)
            .map(|(input, v)| validate_one(input, v.as_deref(), args.lang.as_deref(), limits))
            .collect();
        for mut r in done {
            if args.format == OutputFormat::Ndjson {
                writeln!(out, "{}", report::json_reply(&r)).map_err(|e| e.to_string())?;
                out.flush().map_err(|e| e.to_string())?;
                // Only the counts are needed from here on: do not hold the whole stream.
                r.file.text = String::new();
                r.findings = Vec::new();
            }
            reports.push(r);
        }
    }
    let name = questionnaire_name(fixed.as_ref(), &reports);
    let text = match args.format {
        OutputFormat::Human => report::human(&reports, super::use_color_stdout()),
        OutputFormat::Json => {
            let document = report::json(&reports, name);
            serde_json::to_string_pretty(&document).expect("JSON values serialize") + "\n"
        }
        OutputFormat::Html => canvass::findings::html::page(&reports, name),
        OutputFormat::Ndjson => String::new(),
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    if reports.iter().any(|r| r.unreadable) {
        return Ok(ExitCode::from(2));
    }
    let failed = reports
        .iter()
        .any(|r| r.errors > 0 || (args.deny_warnings && r.warnings > 0));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The validator given by `-q` or `--schema`, if any.
fn fixed_validator(args: &ValidateArgs, limits: Limits) -> Result<Option<Arc<Validator>>, String> {
    let mut v = match (&args.questionnaire, &args.schema) {
        (Some(name), _) => {
            let q = super::files::load_questionnaire(&super::files::resolve(name))?;
            Validator::new(q)?
        }
        (None, Some(path)) => {
            let text = super::files::read_text(path, 256 << 20)?;
            let schema: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
            Validator::from_schema(&schema).map_err(|e| format!("{}: {e}", path.display()))?
        }
        (None, None) => return Ok(None),
    };
    v.limits = limits;
    if let Some(lang) = &args.lang {
        check_lang(&v, lang)?;
    }
    Ok(Some(Arc::new(v)))
}

fn validate_one(
    input: &Input,
    validator: Option<&Validator>,
    lang: Option<&str>,
    limits: Limits,
) -> ReplyReport {
    let format = input
        .format
        .unwrap_or_else(|| Format::detect(&input.file.name, &input.file.text));
    let findings = match (&input.pre, validator) {
        (Pre::Unreadable(why), _) => return ReplyReport::unreadable(&input.file.name, why),
        (Pre::Refused(finding), _) => vec![(**finding).clone()],
        (Pre::Read, Some(v)) => {
            let lang = lang.unwrap_or(v.questionnaire.source_language());
            v.validate_as(&input.file, format, lang)
        }
        // A reply that does not parse has nothing to say about its questionnaire.
        (Pre::Read, None) => match canvass::reply::parse(&input.file.text, format, &limits) {
            Err(findings) => findings,
            Ok(_) => vec![no_questionnaire(input)],
        },
    };
    let mut report = ReplyReport::new(input.file.clone(), findings);
    report.questionnaire = validator.map(|v| v.questionnaire.id.clone());
    report
}

fn questionnaire_name<'a>(
    fixed: Option<&'a Arc<Validator>>,
    reports: &'a [ReplyReport],
) -> Option<&'a str> {
    match fixed {
        Some(v) => Some(v.questionnaire.id.as_str()),
        None => report::common_questionnaire(reports),
    }
}

fn check_lang(v: &Validator, lang: &str) -> Result<(), String> {
    if v.questionnaire.languages.iter().any(|l| l == lang) {
        Ok(())
    } else {
        Err(format!(
            "questionnaire `{}` is not available in `{lang}`; its languages are {}",
            v.questionnaire.id,
            v.questionnaire.languages.join(", ")
        ))
    }
}

/// The validator for a reply's `questionnaire` id, loaded once per id.
fn lookup(
    input: &Input,
    cache: &mut HashMap<String, Result<Arc<Validator>, String>>,
    limits: Limits,
) -> Option<Arc<Validator>> {
    let id = questionnaire_id(input)?;
    cache
        .entry(id.clone())
        .or_insert_with(|| {
            let path = Path::new("questionnaires")
                .join(&id)
                .join("questionnaire.toml");
            if !path.exists() {
                return Err(format!("no questionnaire `{id}` under questionnaires/"));
            }
            let q = super::files::load_questionnaire(&path)?;
            let mut v = Validator::new(q)?;
            v.limits = limits;
            Ok(Arc::new(v))
        })
        .as_ref()
        .ok()
        .cloned()
}

/// The `questionnaire` a reply names, read without validating anything else.
fn questionnaire_id(input: &Input) -> Option<String> {
    let file = &input.file;
    let format = input
        .format
        .unwrap_or_else(|| Format::detect(&file.name, &file.text));
    let value = canvass::reply::parse(&file.text, format, &Limits::default()).ok()?;
    let id = value.get("questionnaire")?.as_str()?;
    let safe = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    safe.then(|| id.to_string())
}

fn no_questionnaire(input: &Input) -> Finding {
    let named = questionnaire_id(input);
    let message = match &named {
        Some(id) => {
            format!("the reply names questionnaire \"{id}\", which is not under questionnaires/")
        }
        None => "the reply does not name a questionnaire canvass can find".to_string(),
    };
    let mut finding = Finding::error(Code::WrongQuestionnaire, message, Anchor::Span(0..0))
        .with_help(
            "write `questionnaire = \"<id>\"` at the top of the reply, or pass -q QUESTIONNAIRE",
        );
    finding.pointer = Some("/questionnaire".into());
    finding
}

/// Collect replies from a path: a file, a folder (recursively, sorted), `-`, or `.ndjson`.
fn gather(path: &Path, max_bytes: usize, inputs: &mut Vec<Input>) {
    if path == Path::new("-") {
        read_lines("-", std::io::stdin().lock(), inputs);
        return;
    }
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            inputs.push(unreadable(path, &e.to_string()));
            return;
        }
    };
    if metadata.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                inputs.push(unreadable(path, &e.to_string()));
                return;
            }
        };
        entries.sort();
        for entry in entries {
            let is_reply = entry
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "toml" | "json" | "ndjson"));
            // Symlinks to folders are not followed: a loop must not hang the run.
            let is_dir = std::fs::symlink_metadata(&entry).is_ok_and(|m| m.is_dir());
            if is_dir || is_reply {
                gather(&entry, max_bytes, inputs);
            }
        }
        return;
    }
    if path.extension().is_some_and(|e| e == "ndjson") {
        match std::fs::File::open(path) {
            Ok(file) => read_lines(
                &path.display().to_string(),
                std::io::BufReader::new(file),
                inputs,
            ),
            Err(e) => inputs.push(unreadable(path, &e.to_string())),
        }
        return;
    }
    if metadata.len() > max_bytes as u64 {
        // Not read at all: the limit finding needs only the size.
        let finding = Finding::error(
            Code::Syntax,
            format!(
                "the reply is {} bytes, over the limit of {max_bytes} bytes",
                metadata.len()
            ),
            Anchor::Nowhere,
        )
        .with_help("raise the limit with --max-reply-bytes if this reply is genuine");
        inputs.push(Input {
            file: SourceFile::new(path.display().to_string(), String::new()),
            format: None,
            pre: Pre::Refused(Box::new(finding)),
        });
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => inputs.push(decode(path.display().to_string(), bytes, None)),
        Err(e) => inputs.push(unreadable(path, &e.to_string())),
    }
}

fn unreadable(path: &Path, why: &str) -> Input {
    Input {
        file: SourceFile::new(path.display().to_string(), String::new()),
        format: None,
        pre: Pre::Unreadable(why.to_string()),
    }
}

/// Text of a reply; invalid UTF-8 becomes a `syntax` finding at the first bad byte (the
/// text shown is the file with bad bytes replaced, which keeps the offsets before them).
fn decode(name: String, bytes: Vec<u8>, format: Option<Format>) -> Input {
    match String::from_utf8(bytes) {
        Ok(text) => Input {
            file: SourceFile::new(name, text),
            format,
            pre: Pre::Read,
        },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bad = e.as_bytes()[at];
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let finding = Finding::error(
                Code::Syntax,
                format!("the file is not valid UTF-8: byte 0x{bad:02X} at offset {at} is not part of a UTF-8 character"),
                Anchor::Span(at..at + 1),
            )
            .with_label("not UTF-8")
            .with_help("save the reply as UTF-8 (a UTF-16 or Latin-1 file must be converted)");
            Input {
                file: SourceFile::new(name, text),
                format,
                pre: Pre::Refused(Box::new(finding)),
            }
        }
    }
}

fn read_lines(name: &str, reader: impl BufRead, inputs: &mut Vec<Input>) {
    let mut reader = reader;
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {
                number += 1;
                while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    line.pop();
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                inputs.push(decode(
                    format!("{name}:{number}"),
                    line.clone(),
                    Some(Format::Json),
                ));
            }
            Err(e) => {
                inputs.push(Input {
                    file: SourceFile::new(format!("{name}:{}", number + 1), String::new()),
                    format: None,
                    pre: Pre::Unreadable(e.to_string()),
                });
                break;
            }
        }
    }
}
