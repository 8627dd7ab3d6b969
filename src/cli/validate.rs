//! `canvass validate`: the command line around [`canvass::batch`]. It picks the
//! questionnaire (`-q`, `--schema`, or each reply's own under `questionnaires/`), renders
//! each judged reply in the chosen format on the batch's workers, writes the report as the
//! replies come (in their order, in flat memory), and decides the exit status.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use canvass::batch::ReplyReport;
use canvass::batch::{self, Batch, Questionnaires};
use canvass::findings::words;
use canvass::reply::Limits;
use canvass::report::document::{self as report, Summary};
use canvass::report::html;
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

/// One reply, rendered in the output format, with what the summary needs.
struct Done {
    rendered: String,
    report: ReplyReport,
    /// What the page's index and tables need (HTML only).
    entry: Option<html::Entry>,
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
    // The replies are found (a folder listed and sorted) while the questionnaire compiles.
    let gathering = batch::Gathering::start(&args.paths, args.follow_links, limits, false);
    let fixed = fixed_validator(args, limits)?;
    let load = |id: &str| load_named(id, args.lang.as_deref());
    let batch = Batch {
        paths: &args.paths,
        questionnaires: match &fixed {
            Some(v) => Questionnaires::Fixed(v),
            None => Questionnaires::Named(&load),
        },
        lang: args.lang.as_deref(),
        limits,
        follow_links: args.follow_links,
        keep_bytes: false,
        previous: None,
    };
    let mut writer = Writer {
        out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
        format: args.format,
        words_lang,
        summary: Summary::default(),
        page: None,
        document: report::JsonDocument::default(),
        common: report::CommonQuestionnaire::default(),
        progress: super::progress::Progress::new(),
    };
    let ran = batch::run_gathered(
        &batch,
        gathering,
        |j| render(j.report, args.format, color),
        &mut writer,
    );
    writer.progress.finish();
    // The report cannot be written (its reader is gone, the disk is full): nothing more
    // this run can do.
    ran.map_err(|e| format!("cannot write the report: {e}"))?;
    let exit = writer.end(
        args.deny_warnings,
        fixed.as_ref().map(|v| v.questionnaire().id.as_str()),
    );
    // The process ends with this command: the validator (the compiled schema's trees and
    // their judges) is left to the exit instead of being freed node by node, which was
    // nearly a tenth of the instructions of a one-reply run (1.26 M of 14.37 M).
    std::mem::forget(fixed);
    exit
}

/// Writes rendered replies as they come, in their order, and the report's tail.
struct Writer<W: Write> {
    out: W,
    format: OutputFormat,
    words_lang: &'static str,
    summary: Summary,
    /// The HTML page, once started.
    page: Option<html::Page>,
    document: report::JsonDocument,
    common: report::CommonQuestionnaire,
    progress: super::progress::Progress,
}

impl<W: Write> batch::Sink<Done> for Writer<W> {
    type Error = std::io::Error;

    fn take(&mut self, d: Done) -> std::io::Result<()> {
        self.progress.tick();
        let progress = self.progress.clone();
        progress.suspend(|| self.write(&d))
    }

    fn idle(&mut self) -> std::io::Result<()> {
        // Nothing ready: what is written so far goes out now.
        self.out.flush()
    }
}

impl<W: Write> Writer<W> {
    fn write(&mut self, d: &Done) -> std::io::Result<()> {
        self.summary.add(&d.report);
        self.common.add(d.report.questionnaire.as_ref());
        match self.format {
            // Streamed: each reply goes out once it and those before it are done.
            OutputFormat::Ndjson => {
                self.out.write_all(d.rendered.as_bytes())?;
                self.out.write_all(b"\n")
            }
            OutputFormat::Human => self.out.write_all(d.rendered.as_bytes()),
            OutputFormat::Json => self.document.reply(&mut self.out, &d.rendered),
            OutputFormat::Html => {
                if self.page.is_none() {
                    let (page, head) = html::Page::start(self.words_lang);
                    self.out.write_all(head.as_bytes())?;
                    self.page = Some(page);
                }
                match (&mut self.page, &d.entry) {
                    (Some(page), Some(entry)) => page.reply(&mut self.out, &d.rendered, entry),
                    _ => Ok(()),
                }
            }
        }
    }

    /// The report's tail, and the exit status.
    fn end(mut self, deny_warnings: bool, fixed: Option<&str>) -> Result<ExitCode, String> {
        let summary = &self.summary;
        if summary.replies == 0 {
            return Err(
                "no replies found (looked for .toml, .json, .ndjson and .xlsx files)".into(),
            );
        }
        let name = fixed.or_else(|| self.common.get());
        let out = &mut self.out;
        let written = match self.format {
            OutputFormat::Human => writeln!(out, "{}", summary.line(self.words_lang)),
            OutputFormat::Json => self.document.end(out, name, summary),
            OutputFormat::Html => match self.page.take() {
                Some(page) => page.end(out, name, summary),
                None => Ok(()),
            },
            OutputFormat::Ndjson => Ok(()),
        };
        written
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write the report: {e}"))?;
        let setup_failed = SETUP_FAILED.load(std::sync::atomic::Ordering::Relaxed);
        Ok(
            if summary.unreadable > 0 || summary.internal_errors > 0 || setup_failed {
                ExitCode::from(2)
            } else if summary.invalid > 0 || (deny_warnings && summary.warnings > 0) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            },
        )
    }
}

fn render(report: ReplyReport, format: OutputFormat, color: bool) -> Done {
    let (rendered, entry) = match format {
        OutputFormat::Human => (report::human_reply(&report, color), None),
        OutputFormat::Json => (report::json_piece(&report), None),
        OutputFormat::Ndjson => (report::json_line(&report), None),
        OutputFormat::Html => {
            let r = html::section(&report);
            (r.body, Some(r.entry))
        }
    };
    // Only the counts and the questionnaire are needed from here on.
    let report = ReplyReport {
        file: SourceFile::new(report.file.name, String::new()),
        findings: Vec::new(),
        ..report
    };
    Done {
        rendered,
        report,
        entry,
    }
}

/// The validator given by `-q` or `--schema`, if any.
fn fixed_validator(args: &ValidateArgs, limits: Limits) -> Result<Option<Validator>, String> {
    let v = match (&args.questionnaire, &args.schema) {
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
    let v = v.with_limits(limits);
    if let Some(lang) = &args.lang {
        super::files::available_in(v.questionnaire(), lang)?;
    }
    Ok(Some(v))
}

/// The questionnaire a reply names by its id, under `questionnaires/`; `None` when there is
/// none such. One that cannot be used as asked is said on standard error, and the run
/// exits 2 (its replies are still reported, in the questionnaire's own language).
fn load_named(id: &str, lang: Option<&str>) -> Option<Validator> {
    let path = super::files::questionnaire_path(id);
    if !path.exists() {
        return None;
    }
    match super::files::load_questionnaire(&path).and_then(Validator::new) {
        Ok(v) => {
            if let Some(Err(e)) = lang.map(|l| super::files::available_in(v.questionnaire(), l)) {
                setup_failed(&e);
            }
            Some(v)
        }
        Err(e) => {
            setup_failed(&e);
            None
        }
    }
}

/// Set when a questionnaire the replies name cannot be used as asked: the run exits 2.
static SETUP_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn setup_failed(message: &str) {
    SETUP_FAILED.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = writeln!(std::io::stderr(), "error: {message}");
}
