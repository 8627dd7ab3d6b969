//! `canvass validate`: gather replies (files, folders, `.ndjson` streams, standard input),
//! find each one's questionnaire, then read, validate and render them in parallel, and
//! print the report in the order the replies were given.
//!
//! Files are read by the worker that validates them, and only a reply with findings keeps
//! its text (to place them), and every format but HTML is written as the replies come:
//! memory stays flat however many replies there are.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, mpsc};

use clap::{Args, ValueEnum};

use canvass::findings::html;
use canvass::findings::report::{self, JudgedBy, ReplyReport, Summary};
use canvass::findings::words;
use canvass::findings::{Anchor, Code, Finding, Severity};
use canvass::reply::view::ReplyValue;
use canvass::reply::{Format, Limits};
use canvass::source::SourceFile;
use canvass::validate::Validator;

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
    /// Read replies that symbolic links in a folder lead to outside the folder (and the
    /// folders links lead to); without it they are skipped with a finding.
    #[arg(long)]
    follow_links: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Ndjson,
    Html,
}

/// A reply to validate, before it is read.
enum Input {
    /// A file, read by the worker that validates it.
    File(PathBuf),
    /// A line of a `.ndjson` stream (or of standard input): JSON whatever it looks like.
    Line { name: String, bytes: Vec<u8> },
    /// A path that could not be read at all (exit 2).
    Unreadable { name: String, why: String },
    /// A folder entry that is not read: a link out of the folder, a FIFO, a device.
    /// `why` is the id of the words that say why.
    Skipped { name: String, why: &'static str },
    /// A line of a stream longer than the size limit (not kept).
    TooLarge { name: String },
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Line { name, .. }
            | Input::Unreadable { name, .. }
            | Input::Skipped { name, .. }
            | Input::TooLarge { name } => name.clone(),
        }
    }
}

/// A reply once read: its text, or the one finding that says why it cannot be a reply.
struct Loaded {
    file: SourceFile,
    format: Format,
    refused: Option<Finding>,
}

/// One reply, rendered in the output format, with what the summary needs.
struct Done {
    rendered: String,
    report: ReplyReport,
}

pub fn run(args: &ValidateArgs) -> Result<ExitCode, String> {
    let limits = Limits {
        max_bytes: args.max_reply_bytes,
        max_depth: args.max_depth,
        max_rows: args.max_rows,
    };
    let color = super::use_color_stdout();
    // canvass's own words (headings, findings about reading, summary, page) are in --lang,
    // English without it.
    let words_lang = words::canonical(args.lang.as_deref().unwrap_or("en"));
    let cache: Mutex<HashMap<String, Option<Arc<Validator>>>> = Mutex::new(HashMap::new());
    // A pipeline: one thread finds the replies (and reads streams line by line), workers
    // read, validate and render them, and this thread writes them in their order. Replies
    // stream through in bounded memory, and an `.ndjson` line is written as soon as it and
    // every line before it are done.
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Vec<Input>)>(64);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Vec<Done>)>();
    let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let gatherer = move || {
        let mut batches = Batches {
            queue: job_tx,
            batch: Vec::new(),
            seq: 0,
            follow_links: args.follow_links,
            visited: Vec::new(),
            max_line_bytes: args.max_reply_bytes,
            closed: false,
        };
        for path in &args.paths {
            gather(path, &mut batches);
        }
        batches.flush();
    };
    std::thread::scope(|scope| {
        // Folders are listed while the validator is built. Standard input is read only once
        // the validator stands: a bad questionnaire must not wait for the end of the input.
        let gatherer = if args.paths.iter().any(|p| p == Path::new("-")) {
            Some(gatherer)
        } else {
            scope.spawn(gatherer);
            None
        };
        // On error the queue's receiver is dropped here, and the gatherer stops sending.
        let fixed = fixed_validator(args, limits)?;
        if let Some(gatherer) = gatherer {
            scope.spawn(gatherer);
        }
        let job_rx = Arc::new(Mutex::new(job_rx));
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let (job_rx, cache, fixed) = (Arc::clone(&job_rx), &cache, fixed.clone());
            scope.spawn(move || {
                let one = |input: &Input| {
                    // A bug that panics on one reply must not take the batch down: that
                    // reply gets an `internal-error` finding, the others are reported.
                    let judged = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        panic_on_request(input);
                        let report = match load(input, limits, words_lang) {
                            Ok(l) => validate_one(
                                l,
                                fixed.as_deref(),
                                cache,
                                args.lang.as_deref(),
                                limits,
                            ),
                            Err(report) => ReplyReport {
                                lang: words_lang,
                                ..*report
                            },
                        };
                        render(report, args.format, color)
                    }));
                    judged.unwrap_or_else(|_| {
                        render(internal_error(input, words_lang), args.format, color)
                    })
                };
                loop {
                    let job = job_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((seq, inputs)) = job else { break };
                    let done: Vec<Done> = inputs.iter().map(one).collect();
                    if done_tx.send((seq, done)).is_err() {
                        // The writer stopped: drain the queue so the finder is not stuck.
                        while job_rx.lock().is_ok_and(|rx| rx.recv().is_ok()) {}
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let written = write_in_order(args, words_lang, fixed.as_deref(), &done_rx);
        if let Err(e) = &written {
            // The report cannot be written (its reader is gone, the disk is full): nothing
            // more this run can do. Exit now rather than wait for the end of standard
            // input, which may never come.
            let _ = writeln!(std::io::stderr(), "error: {e}");
            std::process::exit(2);
        }
        written
    })
}

/// Receive rendered replies in any order, write them in their order, end with the report's
/// tail, and return the exit status.
fn write_in_order(
    args: &ValidateArgs,
    words_lang: &str,
    fixed: Option<&Validator>,
    done: &mpsc::Receiver<(usize, Vec<Done>)>,
) -> Result<ExitCode, String> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut summary = Summary::default();
    let mut page_started = false;
    let mut document = report::JsonDocument::default();
    let mut common = report::CommonQuestionnaire::default();
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let io = |e: std::io::Error| format!("cannot write the report: {e}");
    loop {
        let (seq, d) = match done.try_recv() {
            Ok(item) => item,
            Err(mpsc::TryRecvError::Empty) => {
                // Nothing ready: what is written so far goes out now.
                out.flush().map_err(io)?;
                match done.recv() {
                    Ok(item) => item,
                    Err(_) => break,
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => break,
        };
        pending.insert(seq, d);
        while let Some(batch) = pending.remove(&next) {
            next += batch.len();
            for d in batch {
                summary.add(&d.report);
                common.add(d.report.questionnaire.as_ref());
                match args.format {
                    // Streamed: each reply goes out once it and those before it are done.
                    OutputFormat::Ndjson => {
                        out.write_all(d.rendered.as_bytes()).map_err(io)?;
                        out.write_all(b"\n").map_err(io)?;
                    }
                    OutputFormat::Human => out.write_all(d.rendered.as_bytes()).map_err(io)?,
                    OutputFormat::Json => document.reply(&mut out, &d.rendered).map_err(io)?,
                    OutputFormat::Html => {
                        if !page_started {
                            out.write_all(html::page_start(words_lang).as_bytes())
                                .map_err(io)?;
                            page_started = true;
                        }
                        out.write_all(d.rendered.as_bytes()).map_err(io)?;
                    }
                }
            }
        }
    }
    if summary.replies == 0 {
        return Err("no replies found (looked for .toml, .json and .ndjson files)".into());
    }
    let name = match fixed {
        Some(v) => Some(v.questionnaire.id.as_str()),
        None => common.get(),
    };
    match args.format {
        OutputFormat::Human => writeln!(out, "{}", summary.line(words_lang)).map_err(io)?,
        OutputFormat::Json => document.end(&mut out, name, &summary).map_err(io)?,
        OutputFormat::Html => {
            out.write_all(html::page_end(name, &summary, words_lang).as_bytes())
                .map_err(io)?;
        }
        OutputFormat::Ndjson => {}
    }
    out.flush().map_err(io)?;
    let setup_failed = SETUP_FAILED.load(std::sync::atomic::Ordering::Relaxed);
    Ok(
        if summary.unreadable > 0 || summary.internal_errors > 0 || setup_failed {
            ExitCode::from(2)
        } else if summary.invalid > 0 || (args.deny_warnings && summary.warnings > 0) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    )
}

fn render(report: ReplyReport, format: OutputFormat, color: bool) -> Done {
    let rendered = match format {
        OutputFormat::Human => report::human_reply(&report, color),
        OutputFormat::Json => report::json_piece(&report),
        OutputFormat::Ndjson => report::json_line(&report),
        OutputFormat::Html => html::section(&report),
    };
    // Only the counts and the questionnaire are needed from here on.
    let report = ReplyReport {
        file: SourceFile::new(report.file.name, String::new()),
        findings: Vec::new(),
        ..report
    };
    Done { rendered, report }
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
        super::files::available_in(&v.questionnaire, lang)?;
    }
    Ok(Some(Arc::new(v)))
}

/// The report of a reply whose validation panicked.
fn internal_error(input: &Input, lang: &'static str) -> ReplyReport {
    let said = words::say(lang, "internal-error", &words::Args::new());
    let finding = Finding::said(Code::InternalError, Severity::Error, said, Anchor::Nowhere);
    let mut report = ReplyReport::new(SourceFile::new(input.name(), String::new()), vec![finding]);
    report.lang = lang;
    report
}

/// A test hook: `CANVASS_PANIC_ON=NAME` makes the reply whose name ends with NAME panic,
/// so the tests can show that a bug in one reply's check does not take the batch down.
fn panic_on_request(input: &Input) {
    static TARGET: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let target = TARGET.get_or_init(|| std::env::var("CANVASS_PANIC_ON").ok());
    if let Some(target) = target
        && input.name().ends_with(target.as_str())
    {
        panic!("CANVASS_PANIC_ON={target}");
    }
}

/// Read one input. A file over the size limit is not read at all. Findings about reading
/// are worded in `lang` (`--lang`, English without it: the questionnaire is not known yet).
fn load(input: &Input, limits: Limits, lang: &str) -> Result<Loaded, Box<ReplyReport>> {
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
            return Ok(Loaded {
                file: SourceFile::new(name.clone(), String::new()),
                format: Format::Json,
                refused: Some(limits.too_large(None, lang)),
            });
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
                return Ok(Loaded {
                    file: SourceFile::new(name, String::new()),
                    format: Format::Json,
                    refused: Some(limits.too_large(size, lang)),
                });
            }
            (name, bytes, None)
        }
    };
    Ok(decode(name, bytes, format, lang))
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
            }
        }
    }
}

/// Read a reply once, find its questionnaire (given, or named by the reply) and validate
/// it: compactly for a JSON reply that reads, in full otherwise.
fn validate_one(
    l: Loaded,
    fixed: Option<&Validator>,
    cache: &Mutex<HashMap<String, Option<Arc<Validator>>>>,
    lang: Option<&str>,
    limits: Limits,
) -> ReplyReport {
    let (questionnaire, findings) = match by_compact_reading(&l, fixed, cache, lang, limits) {
        Some((id, findings)) => (Some(id), findings),
        None => by_full_parse(&l, fixed, cache, lang, limits),
    };
    let keep = if findings.is_empty() {
        String::new()
    } else {
        l.file.text
    };
    let mut report = ReplyReport::new(SourceFile::new(l.file.name, keep), findings);
    report.questionnaire = questionnaire;
    report.lang = words::canonical(lang.unwrap_or("en"));
    report
}

/// A JSON reply read compactly (the fast path, see `reply::compact`) and validated by its
/// questionnaire: the questionnaire's id and the findings. `None` when the reply does not
/// read, or names no questionnaire canvass has: the full parse then says why.
fn by_compact_reading(
    l: &Loaded,
    fixed: Option<&Validator>,
    cache: &Mutex<HashMap<String, Option<Arc<Validator>>>>,
    lang: Option<&str>,
    limits: Limits,
) -> Option<(JudgedBy, Vec<Finding>)> {
    if l.refused.is_some() {
        return None;
    }
    canvass::reply::compact::read(&l.file.text, l.format, &limits, |reply| {
        with_validator(
            fixed,
            || questionnaire_id(reply),
            cache,
            (limits, lang),
            |v| {
                let lang = lang.unwrap_or(v.questionnaire.source_language());
                (
                    JudgedBy::of(&v.questionnaire),
                    v.validate_compact(&l.file, reply, lang),
                )
            },
        )
    })
    .flatten()
}

/// A reply parsed in full (TOML, or JSON the compact reading gave up on) and validated by
/// its questionnaire, if it names one canvass has.
fn by_full_parse(
    l: &Loaded,
    fixed: Option<&Validator>,
    cache: &Mutex<HashMap<String, Option<Arc<Validator>>>>,
    lang: Option<&str>,
    limits: Limits,
) -> (Option<JudgedBy>, Vec<Finding>) {
    if let Some(finding) = l.refused.clone() {
        return (None, vec![finding]);
    }
    let words_lang = lang.unwrap_or("en");
    match canvass::reply::parse(&l.file.text, l.format, &limits, words_lang) {
        // A reply that does not parse has nothing to say about its questionnaire.
        Err(findings) => (None, findings),
        // What reading found (a key given twice) comes first, then the reply's findings.
        Ok((value, read)) => {
            let (judged, findings) = with_validator(
                fixed,
                || questionnaire_id(&value),
                cache,
                (limits, lang),
                |v| {
                    let lang = lang.unwrap_or(v.questionnaire.source_language());
                    (
                        Some(JudgedBy::of(&v.questionnaire)),
                        v.validate_parsed(&l.file, l.format, &value, lang),
                    )
                },
            )
            .unwrap_or_else(|| (None, vec![no_questionnaire(&value, l, words_lang)]));
            (judged, read.into_iter().chain(findings).collect())
        }
    }
}

/// Call `f` with the reply's validator: the one given, or the one of the questionnaire
/// the reply names (`id`, asked only then). `None` when there is neither.
fn with_validator<T>(
    fixed: Option<&Validator>,
    id: impl FnOnce() -> Option<String>,
    cache: &Mutex<HashMap<String, Option<Arc<Validator>>>>,
    (limits, lang): (Limits, Option<&str>),
    f: impl FnOnce(&Validator) -> T,
) -> Option<T> {
    // Borrowed, not cloned: two workers counting references to one validator would
    // bounce its counter between their caches for every reply.
    match fixed {
        Some(v) => Some(f(v)),
        None => lookup(id(), cache, limits, lang).map(|v| f(&v)),
    }
}

/// The validator for a reply's `questionnaire` id, loaded once per id.
fn lookup(
    id: Option<String>,
    cache: &Mutex<HashMap<String, Option<Arc<Validator>>>>,
    limits: Limits,
    lang: Option<&str>,
) -> Option<Arc<Validator>> {
    let id = id?;
    let mut cache = cache.lock().ok()?;
    cache
        .entry(id.clone())
        .or_insert_with(|| {
            let path = super::files::questionnaire_path(&id);
            if !path.exists() {
                return None;
            }
            match super::files::load_questionnaire(&path).and_then(Validator::new) {
                Ok(mut v) => {
                    v.limits = limits;
                    // The replies are still reported (in the questionnaire's own
                    // language), but the run did not do what was asked.
                    if let Some(Err(e)) =
                        lang.map(|l| super::files::available_in(&v.questionnaire, l))
                    {
                        setup_failed(&e);
                    }
                    Some(Arc::new(v))
                }
                Err(e) => {
                    setup_failed(&e);
                    None
                }
            }
        })
        .clone()
}

/// Set when a questionnaire the replies name cannot be used as asked: the run exits 2.
static SETUP_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn setup_failed(message: &str) {
    SETUP_FAILED.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = writeln!(std::io::stderr(), "error: {message}");
}

/// The `questionnaire` a reply names, if it is a plausible id.
fn questionnaire_id<'v>(reply: impl ReplyValue<'v>) -> Option<String> {
    let id = reply.get("questionnaire")?.as_str()?;
    // Only a valid id becomes a path: a reply must not name `../../etc`.
    canvass::questionnaire::is_questionnaire_id(id).then(|| id.to_string())
}

fn no_questionnaire(value: &serde_json::Value, l: &Loaded, lang: &str) -> Finding {
    let (id, args, anchor) = match value.get("questionnaire") {
        Some(serde_json::Value::String(id)) => (
            "questionnaire-not-found",
            words::Args::new().text("id", canvass::findings::visible::echo(id)),
            Anchor::Value("/questionnaire".into()),
        ),
        Some(_) => (
            "questionnaire-not-an-id",
            words::Args::new(),
            Anchor::Value("/questionnaire".into()),
        ),
        None => (
            "questionnaire-not-named",
            words::Args::new(),
            Anchor::Container(String::new()),
        ),
    };
    let said = words::say(lang, id, &args);
    let mut finding = Finding::said(Code::WrongQuestionnaire, Severity::Error, said, anchor);
    let text = canvass::reply::blank_bom(&l.file.text);
    finding.span = canvass::reply::SourceMap::parse(&text, l.format).resolve(&finding.anchor);
    finding.pointer = Some("/questionnaire".into());
    finding
}

/// Replies found, handed to the workers in batches: one message per reply would cost
/// more in locks and wake-ups than validating it.
struct Batches {
    queue: mpsc::SyncSender<(usize, Vec<Input>)>,
    batch: Vec<Input>,
    seq: usize,
    /// `--follow-links`.
    follow_links: bool,
    /// Folders entered through links, so a loop of links is entered once.
    visited: Vec<PathBuf>,
    /// The longest line of a stream that is read (`--max-reply-bytes`).
    max_line_bytes: usize,
    /// The workers are gone (the report's reader closed it): stop reading.
    closed: bool,
}

impl Batches {
    const SIZE: usize = 64;

    fn push(&mut self, input: Input) {
        self.batch.push(input);
        if self.batch.len() == Self::SIZE {
            self.flush();
        }
    }

    /// Hand over what is gathered (a stream does this after every line).
    fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let batch = std::mem::take(&mut self.batch);
        let len = batch.len();
        // A closed queue means the writer stopped: nothing more to do.
        if self.queue.send((self.seq, batch)).is_err() {
            self.closed = true;
        }
        self.seq += len;
    }
}

/// Bytes read from a stream at a time.
const STREAM_BUFFER: usize = 1 << 16;

/// Collect replies from a path: a file, a folder (recursively, sorted), `-`, or `.ndjson`.
fn gather(path: &Path, inputs: &mut Batches) {
    if path == Path::new("-") {
        let stdin = std::io::BufReader::with_capacity(STREAM_BUFFER, std::io::stdin().lock());
        read_lines("-", stdin, inputs, true);
        return;
    }
    let name = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            inputs.push(Input::Unreadable {
                name,
                why: e.to_string(),
            });
            return;
        }
    };
    if metadata.is_dir() {
        gather_folder(path, name, inputs);
        return;
    }
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ndjson"))
    {
        match std::fs::File::open(path) {
            Ok(file) => read_lines(
                &name,
                std::io::BufReader::with_capacity(STREAM_BUFFER, file),
                inputs,
                false,
            ),
            Err(e) => inputs.push(Input::Unreadable {
                name,
                why: e.to_string(),
            }),
        }
        return;
    }
    inputs.push(Input::File(path.to_path_buf()));
}

/// The replies in a folder, sorted by name, recursively. The file type comes with the
/// directory entry, so listing 10,000 replies costs no `stat` each. Only regular files
/// are read: a FIFO would hang the run and a device never ends, so both are skipped with
/// a finding, and so is a symbolic link that leads out of the folder (a reply folder
/// holding a link to a key file must not put that file in a report), unless
/// `--follow-links`. Links to folders are followed only with `--follow-links`, each
/// folder once, so a loop cannot hang the run.
fn gather_folder(path: &Path, name: String, inputs: &mut Batches) {
    let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    gather_entries(path, name, &root, inputs);
}

fn gather_entries(path: &Path, name: String, root: &Path, inputs: &mut Batches) {
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            inputs.push(Input::Unreadable {
                name,
                why: e.to_string(),
            });
            return;
        }
    };
    let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.path(), e.file_type().ok()))
        .collect();
    // By the bytes of the name: the same order as comparing paths, for less work.
    entries.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    for (entry, file_type) in entries {
        let Some(file_type) = file_type else { continue };
        let is_reply = has_reply_extension(&entry);
        if file_type.is_dir() {
            let name = entry.display().to_string();
            gather_entries(&entry, name, root, inputs);
        } else if file_type.is_symlink() {
            gather_link(entry, is_reply, root, inputs);
        } else if !file_type.is_file() {
            if is_reply {
                skip(&entry, "skipped-not-a-file", inputs);
            }
        } else if is_reply {
            take_file(entry, inputs);
        }
    }
}

/// A symbolic link in a reply folder.
fn gather_link(entry: PathBuf, is_reply: bool, root: &Path, inputs: &mut Batches) {
    let resolved = std::fs::canonicalize(&entry).and_then(|t| Ok((t, std::fs::metadata(&entry)?)));
    let (target, metadata) = match resolved {
        Ok(resolved) => resolved,
        // A link to nothing, or a loop of links: a reply that cannot be read.
        Err(e) => {
            if is_reply {
                inputs.push(Input::Unreadable {
                    name: entry.display().to_string(),
                    why: e.to_string(),
                });
            }
            return;
        }
    };
    let inside = target.starts_with(root);
    if metadata.is_dir() {
        if inputs.follow_links && !inputs.visited.contains(&target) {
            inputs.visited.push(target);
            let name = entry.display().to_string();
            gather_entries(&entry, name, root, inputs);
        }
        return;
    }
    if !is_reply {
        return;
    }
    if !inside && !inputs.follow_links {
        skip(&entry, "skipped-link-out", inputs);
    } else if !metadata.is_file() {
        skip(&entry, "skipped-link-not-a-file", inputs);
    } else {
        take_file(entry, inputs);
    }
}

fn has_reply_extension(path: &Path) -> bool {
    let extension = path.extension().unwrap_or_default();
    ["toml", "json", "ndjson"]
        .iter()
        .any(|e| extension.eq_ignore_ascii_case(e))
}

fn take_file(entry: PathBuf, inputs: &mut Batches) {
    if entry
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ndjson"))
    {
        gather(&entry, inputs);
    } else {
        inputs.push(Input::File(entry));
    }
}

/// `why` is the id of the words that say why the entry is skipped.
fn skip(entry: &Path, why: &'static str, inputs: &mut Batches) {
    inputs.push(Input::Skipped {
        name: entry.display().to_string(),
        why,
    });
}

/// The replies of a stream, one JSON reply per line. A line is read up to the size limit
/// and no further: a longer one is reported as too large as soon as it passes the limit,
/// and the rest of it is skipped up to the next line end, so an endless line
/// (`cat /dev/zero`) runs in flat memory. Reading stops when the report's reader is gone.
fn read_lines<R: std::io::Read>(
    name: &str,
    mut reader: std::io::BufReader<R>,
    inputs: &mut Batches,
    stream: bool,
) {
    let max = inputs.max_line_bytes;
    let mut number = 0;
    let mut line = Vec::new();
    loop {
        if inputs.closed {
            return;
        }
        line.clear();
        let read = read_line_within(&mut reader, max, &mut line, || inputs.closed);
        let (over, to_skip) = match read {
            Ok(LineEnd::Eof) => break,
            Ok(LineEnd::Read) => (false, false),
            Ok(LineEnd::OverLimit) => (true, true),
            Ok(LineEnd::OverLimitEnded) => (true, false),
            Err(e) => {
                let name = format!("{name}:{}", number + 1);
                inputs.push(Input::Unreadable {
                    name,
                    why: e.to_string(),
                });
                break;
            }
        };
        number += 1;
        let name = format!("{name}:{number}");
        if over {
            inputs.push(Input::TooLarge { name });
            // Said at once: the rest of the line may take long to arrive, or never end.
            inputs.flush();
            if to_skip && skip_line(&mut reader, || inputs.closed).is_err() {
                break;
            }
            continue;
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        inputs.push(Input::Line {
            name,
            bytes: std::mem::take(&mut line),
        });
        // Standard input may be a pipe that waits for this line's answer: hand over what
        // is gathered whenever the next line is not already here. A file, or a pipe that
        // is ahead of us, still goes in batches.
        if stream && reader.buffer().is_empty() {
            inputs.flush();
        }
    }
}

enum LineEnd {
    Read,
    /// The line is longer than the limit, and the rest of it is still to be skipped.
    OverLimit,
    /// The line is longer than the limit, and it was read to its end.
    OverLimitEnded,
    /// The end of the stream, or the report's reader is gone.
    Eof,
}

/// The reader's buffer, refilled when empty; a read interrupted by a signal is tried again.
/// (After a read that succeeded, the second `fill_buf` hands back what it buffered; at
/// the end of the stream it asks once more and gets nothing again.)
fn fill(reader: &mut impl BufRead) -> std::io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    reader.fill_buf()
}

/// Read one line into `line` (its end included), if it is at most `max` bytes long.
fn read_line_within(
    reader: &mut impl BufRead,
    max: usize,
    line: &mut Vec<u8>,
    closed: impl Fn() -> bool,
) -> std::io::Result<LineEnd> {
    loop {
        let buffer = fill(reader)?;
        if buffer.is_empty() {
            return Ok(if line.is_empty() {
                LineEnd::Eof
            } else {
                LineEnd::Read
            });
        }
        let newline = memchr::memchr(b'\n', buffer);
        let take = newline.map_or(buffer.len(), |at| at + 1);
        // The line end itself does not count against the limit.
        if line.len() + newline.unwrap_or(buffer.len()) > max {
            reader.consume(take);
            return Ok(if newline.is_some() {
                LineEnd::OverLimitEnded
            } else {
                LineEnd::OverLimit
            });
        }
        line.extend_from_slice(&buffer[..take]);
        reader.consume(take);
        if newline.is_some() {
            return Ok(LineEnd::Read);
        }
        if closed() {
            return Ok(LineEnd::Eof);
        }
    }
}

/// Skip the rest of a line, keeping nothing of it.
fn skip_line(reader: &mut impl BufRead, closed: impl Fn() -> bool) -> std::io::Result<()> {
    loop {
        let buffer = fill(reader)?;
        if buffer.is_empty() {
            return Ok(());
        }
        if let Some(at) = memchr::memchr(b'\n', buffer) {
            reader.consume(at + 1);
            return Ok(());
        }
        let all = buffer.len();
        reader.consume(all);
        if closed() {
            return Ok(());
        }
    }
}
