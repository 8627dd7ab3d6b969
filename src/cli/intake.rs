//! `canvass intake`: the command line around [`canvass::intake`]. Arguments, receipts,
//! the status table and exit codes live here; what a reply is and how it is kept do not.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use canvass::batch::{self, Batch, Questionnaires};
use canvass::findings::visible::visible;
use canvass::intake::service::{Collection, Intake, IntakeError, Receipt, SqliteCollection};
use canvass::intake::store::{Acceptance, Checkpointer, Pinned, Store, Stored, Which};
use canvass::intake::{self, Received, Stage, members};
use canvass::reply::Limits;
use canvass::validate::Validator;

#[derive(Debug, Subcommand)]
pub enum IntakeCommand {
    /// Make a collection for one questionnaire.
    Init {
        /// The questionnaire (a file, or an id under `questionnaires/`).
        #[arg(short = 'q', long)]
        questionnaire: String,
        #[command(flatten)]
        db: Db,
        /// Who is expected to reply: `un-member-states` (built in), or a file with one
        /// respondent id a line.
        #[arg(long)]
        expect: Option<String>,
        /// The previous cycle's collection (the same questionnaire, the same or an earlier
        /// version): each respondent's last accepted reply there becomes readable in rules
        /// as `previous.section.question`.
        #[arg(long)]
        previous: Option<PathBuf>,
    },
    /// Take replies in: files, folders, `.ndjson` streams, or `-` for standard input.
    Add {
        #[command(flatten)]
        db: Db,
        /// `draft`: a respondent's work in progress (missing answers are warnings).
        #[arg(long, value_enum, default_value_t = StageArg::Final)]
        stage: StageArg,
        /// A note kept with each reply of this run.
        #[arg(long)]
        note: Option<String>,
        /// Receipts as text lines, or one JSON object a line.
        #[arg(long, value_enum, default_value_t = ReceiptFormat::Human)]
        format: ReceiptFormat,
        /// Complete an interrupted run: a reply whose bytes its respondent already sent, as
        /// any version, is not stored again (without it, the same bytes are a new version
        /// unless they are already the latest at the same stage).
        #[arg(long)]
        resume: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Who has replied, whose reply is still invalid, who is missing.
    Status {
        #[command(flatten)]
        db: Db,
        #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
        format: StatusFormat,
        /// Only the respondents in these states (`--state missing,invalid`); the counts
        /// stay those of the whole collection.
        #[arg(long, value_enum, value_delimiter = ',')]
        state: Vec<StateFilter>,
    },
    /// One stored version's findings, worded in the language asked for.
    Show {
        respondent: String,
        /// The version (default: the latest).
        #[arg(long)]
        version: Option<i64>,
        /// The language to word the findings in (default: the questionnaire's).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, value_enum, default_value_t = ShowFormat::Human)]
        format: ShowFormat,
        #[command(flatten)]
        db: Db,
    },
    /// Bring a collection made by an older canvass up to date (its findings kept as data).
    Upgrade {
        #[command(flatten)]
        db: Db,
    },
    /// Take in a respondent's latest version despite its findings.
    Accept {
        respondent: String,
        /// The version the reviewer read (refused if a newer one has arrived since).
        #[arg(long, required = true)]
        version: i64,
        /// Accept that version even though a newer one has arrived.
        #[arg(long)]
        not_latest: bool,
        /// Why (kept with the acceptance).
        #[arg(long, required = true)]
        note: String,
        #[command(flatten)]
        db: Db,
    },
    /// Every version a respondent sent, its findings marked new, open or fixed.
    History {
        respondent: String,
        /// The language to word the findings in (default: the questionnaire's).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, value_enum, default_value_t = super::history::HistoryFormat::Human)]
        format: super::history::HistoryFormat,
        #[command(flatten)]
        db: Db,
    },
    /// The request for validation to send a respondent about its latest version; the
    /// letter is recorded as written, so the next one says what was corrected since.
    Letter {
        /// The respondent (or `--all`).
        respondent: Option<String>,
        /// One letter per respondent with open findings, into the folder `-o` names.
        #[arg(long)]
        all: bool,
        /// Where to write: a file (a folder with `--all`); default: standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// The language to write it in (default: the questionnaire's).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, value_enum, default_value_t = super::history::LetterFormat::Md)]
        format: super::history::LetterFormat,
        /// Write the letter without recording it as sent.
        #[arg(long)]
        preview: bool,
        #[command(flatten)]
        db: Db,
    },
    /// Record why the answers a rule questions are right (a warning, or a rule that asks
    /// for an explanation); an error cannot be explained, only corrected or accepted.
    Explain {
        respondent: String,
        /// The rule whose finding is explained (its id, as `history` shows it).
        rule: String,
        /// Why the answers are right (kept with the explanation).
        #[arg(long, required = true)]
        note: String,
        /// The version the reviewer read (default: the latest; refused if not the latest).
        #[arg(long)]
        version: Option<i64>,
        #[command(flatten)]
        db: Db,
    },
    /// A secret link per respondent (the expected ones, or those named), as CSV
    /// (`respondent,link`) for a mail merge; only each link's SHA-256 is kept.
    Invite {
        /// The respondents (default: every expected one).
        respondents: Vec<String>,
        /// Where `canvass serve` is reached from outside (the links start with it).
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        base_url: String,
        /// Revoke every link of the respondents named instead.
        #[arg(long)]
        revoke: bool,
        #[command(flatten)]
        db: Db,
    },
    /// The submissions that name no readable respondent, with the answer that could not.
    Unidentified {
        #[arg(long, value_enum, default_value_t = super::unidentified::ListFormat::Human)]
        format: super::unidentified::ListFormat,
        #[command(flatten)]
        db: Db,
    },
    /// File an unidentified submission under its respondent, as its next version.
    Assign {
        /// The submission's receipt: its SHA-256, or its first digits (at least 6).
        receipt: String,
        respondent: String,
        /// Why (kept with the version).
        #[arg(long, required = true)]
        note: String,
        #[command(flatten)]
        db: Db,
    },
    /// Write the latest accepted version of each respondent.
    Export {
        #[command(flatten)]
        db: Db,
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// Folder to write into (`csv`: default the current folder; `ndjson`: default
        /// standard output).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// The latest version of each respondent, whatever its state.
        #[arg(long)]
        all: bool,
    },
}

impl IntakeCommand {
    /// Whether the command judges replies with the collection's questionnaire (and so
    /// builds a validator): adding them, upgrading their findings, exporting them.
    pub fn judges_replies(&self) -> bool {
        matches!(
            self,
            IntakeCommand::Add { .. }
                | IntakeCommand::Upgrade { .. }
                | IntakeCommand::Export { .. }
        )
    }
}

#[derive(Debug, Args)]
pub struct Db {
    /// The collection file.
    #[arg(long = "db", default_value = "canvass.db")]
    pub path: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    Draft,
    Final,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReceiptFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateFilter {
    Accepted,
    Invalid,
    Draft,
    Missing,
}

impl StateFilter {
    fn as_str(self) -> &'static str {
        match self {
            Self::Accepted => intake::State::Accepted.as_str(),
            Self::Invalid => intake::State::Invalid.as_str(),
            Self::Draft => intake::State::Draft.as_str(),
            Self::Missing => intake::State::Missing.as_str(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    Human,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Ndjson,
}

pub fn run(command: IntakeCommand) -> Result<ExitCode, String> {
    match command {
        IntakeCommand::Init {
            questionnaire,
            db,
            expect,
            previous,
        } => init(
            &questionnaire,
            &db.path,
            expect.as_deref(),
            previous.as_deref(),
        ),
        IntakeCommand::Add {
            db,
            stage,
            note,
            format,
            resume,
            paths,
        } => {
            let stage = match stage {
                StageArg::Draft => Stage::Draft,
                StageArg::Final => Stage::Final,
            };
            let run = AddRun {
                stage,
                note: note.as_deref(),
                format,
                resume,
            };
            add(&db.path, &run, &paths)
        }
        IntakeCommand::Status { db, format, state } => status(&db.path, format, &state),
        IntakeCommand::Show {
            respondent,
            version,
            lang,
            format,
            db,
        } => show(&db.path, &respondent, version, lang.as_deref(), format),
        IntakeCommand::Upgrade { db } => upgrade(&db.path),
        IntakeCommand::Accept {
            respondent,
            version,
            not_latest,
            note,
            db,
        } => accept(&db.path, &respondent, version, not_latest, &note),
        IntakeCommand::History {
            respondent,
            lang,
            format,
            db,
        } => super::history::history(&db.path, &respondent, lang.as_deref(), format),
        IntakeCommand::Letter {
            respondent,
            all,
            output,
            lang,
            format,
            preview,
            db,
        } => super::history::letter(
            &db.path,
            &super::history::LetterRequest {
                respondent: respondent.as_deref(),
                all,
                output: output.as_deref(),
                lang: lang.as_deref(),
                format,
                preview,
            },
        ),
        IntakeCommand::Explain {
            respondent,
            rule,
            note,
            version,
            db,
        } => super::explain::explain(&db.path, &respondent, &rule, version, &note),
        IntakeCommand::Invite {
            respondents,
            base_url,
            revoke,
            db,
        } => super::invite::invite(&db.path, &respondents, &base_url, revoke),
        IntakeCommand::Unidentified { format, db } => super::unidentified::list(&db.path, format),
        IntakeCommand::Assign {
            receipt,
            respondent,
            note,
            db,
        } => super::unidentified::assign(&db.path, &receipt, &respondent, &note),
        IntakeCommand::Export {
            db,
            format,
            output,
            all,
        } => export(&db.path, format, output.as_deref(), all),
    }
}

fn init(
    questionnaire: &str,
    db: &Path,
    expect: Option<&str>,
    previous: Option<&Path>,
) -> Result<ExitCode, String> {
    let path = super::files::resolve(questionnaire);
    let q = super::files::load_questionnaire(&path)?;
    if q.respondent.is_none() {
        return Err(format!(
            "questionnaire `{}` does not say which answer identifies who replied; add \
             `respondent = \"section.question\"` (a required `country` or `text` question) at its top",
            q.id
        ));
    }
    let toml = super::files::read_text(&path, 64 << 20)?;
    let schema = canvass::compile::to_pretty_string(&canvass::compile::compile(&q));
    let expected: Vec<(String, Option<&str>)> = match expect {
        None => Vec::new(),
        Some("un-member-states") => members::members()
            .iter()
            .map(|m| (m.code.to_string(), Some(m.region)))
            .collect(),
        Some(file) => super::files::read_text(Path::new(file), 16 << 20)?
            // A byte-order mark is not part of the first id.
            .trim_start_matches('\u{feff}')
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|line| {
                // The same form replies' ids are kept in, so the two meet.
                let Some(id) = intake::respondent_id(line) else {
                    return Err(format!(
                        "{file}: the respondent id {} holds a hidden character or letters \
                         of two scripts; write it in one script, without control characters",
                        visible(line)
                    ));
                };
                let region = members::region(&id);
                Ok((id, region))
            })
            .collect::<Result<_, _>>()?,
    };
    let pinned = Pinned {
        id: q.id.clone(),
        version: q.version.clone(),
        toml,
        schema,
    };
    // The previous cycle is read before anything is made: a collection that cannot be
    // read leaves nothing behind.
    let earlier = match previous {
        Some(old) => Some(previous_replies(old, &q.id)?),
        None => None,
    };
    Store::create(
        db,
        &pinned,
        &expected,
        earlier.as_deref().unwrap_or_default(),
        &intake::now(),
    )?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "made collection {} for {} version {}, expecting {} respondents",
        visible(&db.display().to_string()),
        visible(&q.id),
        visible(&q.version),
        expected.len()
    );
    if let (Some(earlier), Some(old)) = (&earlier, previous) {
        let _ = writeln!(
            out,
            "the previous cycle ({}): the last accepted replies of {}, readable in rules as previous.section.question",
            visible(&old.display().to_string()),
            plural(
                i64::try_from(earlier.len()).unwrap_or(i64::MAX),
                "respondent",
                "respondents"
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Each respondent's last accepted reply in the collection `old` (of questionnaire `id`),
/// as JSON.
fn previous_replies(old: &Path, id: &str) -> Result<Vec<canvass::intake::store::Previous>, String> {
    let store = Store::open(old, false)?;
    let pinned = store.pinned()?;
    let shown = visible(&old.display().to_string()).into_owned();
    if pinned.id != id {
        return Err(format!(
            "{shown} collects replies to {}, not to {}: the previous cycle must be the same \
             questionnaire",
            visible(&pinned.id),
            visible(id)
        ));
    }
    let q = canvass::intake::upgrade::questionnaire_of(&pinned)?;
    let mut replies = Vec::new();
    store.replies(Which::LatestAccepted, |r| {
        let format = canvass::reply::Format::named(&r.format);
        let limits = Limits::admitting(r.bytes.len());
        // A version kept only by its size and SHA-256 (over the limit) has no answers.
        let Some(value) = canvass::reply::value_of(&r.bytes, format, &q, &limits) else {
            return Ok(());
        };
        replies.push(canvass::intake::store::Previous {
            respondent: r.respondent,
            questionnaire: pinned.id.clone(),
            version: pinned.version.clone(),
            received_at: r.received_at,
            reply: value.to_string(),
        });
        Ok(())
    })?;
    Ok(replies)
}

/// A collection opened to add to, with its questionnaire checked again from the TOML it
/// pinned; versions stored by an older canvass are given their findings as data first.
/// How many were is the second value.
fn open_for_writing(db: &Path) -> Result<(Store, Validator, usize), String> {
    let store = Store::open(db, true)?;
    let v = canvass::intake::upgrade::validator_of(&store.pinned()?)?;
    let given = upgrade_findings(&store, &v)?;
    Ok((store, v, given))
}

/// How one `intake add` takes its replies in.
struct AddRun<'a> {
    stage: Stage,
    note: Option<&'a str>,
    format: ReceiptFormat,
    resume: bool,
}

fn add(db: &Path, run: &AddRun<'_>, paths: &[PathBuf]) -> Result<ExitCode, String> {
    let AddRun {
        stage,
        note,
        format,
        resume,
    } = *run;
    let limits = Limits::default();
    // The replies are found (a folder listed and sorted, the first ones read) while the
    // collection opens and its questionnaire compiles.
    let gathering = batch::Gathering::start(paths, false, limits, true);
    let (store, v, _) = open_for_writing(db)?;
    let previous = previous_cycle(&store, &v)?;
    let mut explained: std::collections::HashMap<String, Vec<canvass::intake::store::Explained>> =
        std::collections::HashMap::new();
    for (respondent, e) in store.all_explanations()? {
        explained.entry(respondent).or_default().push(e);
    }
    let lookup =
        move |who: &str| intake::respondent_id(who).and_then(|id| previous.get(&id).cloned());
    let collection = SqliteCollection::new(store);
    // Declared after the collection, so dropped before it: the collection's connection is
    // the last to close, and folds back what is left of the log.
    let _checkpointer = Checkpointer::start(db, Checkpointer::EVERY);
    let batch = Batch {
        paths,
        questionnaires: Questionnaires::Fixed(&v),
        lang: None,
        limits,
        follow_links: false,
        keep_bytes: true,
        previous: Some(&lookup),
    };
    let mut sink = Receipts {
        intake: Intake::new(&collection, stage, note.map(str::to_string)).resume(resume),
        format,
        who_field: v.questionnaire().respondent.clone().unwrap_or_default(),
        out: std::io::BufWriter::new(std::io::stdout().lock()),
        progress: super::progress::Progress::new(),
        worst: 0,
        replies: 0,
    };
    let ran = batch::run_gathered(
        &batch,
        gathering,
        |j| intake::receive(j, stage, v.questionnaire(), &explained),
        &mut sink,
    )
    .and_then(|()| {
        let receipts = sink.intake.commit()?;
        sink.print_all(&receipts)
    });
    sink.progress.finish();
    ran.map_err(|e| e.to_string())?;
    if sink.replies == 0 {
        return Err("no replies found (looked for .toml, .json, .ndjson and .xlsx files)".into());
    }
    Ok(ExitCode::from(sink.worst))
}

/// Each respondent's previous cycle, read once, when a rule of the questionnaire reads it.
fn previous_cycle(
    store: &Store,
    v: &Validator,
) -> Result<std::collections::HashMap<String, std::sync::Arc<canvass::eval::Previous>>, String> {
    if !v.reads_previous() {
        return Ok(std::collections::HashMap::new());
    }
    store
        .all_previous(None)?
        .into_iter()
        .map(|p| {
            let reply: serde_json::Value = serde_json::from_str(&p.reply).map_err(|e| {
                format!(
                    "the previous cycle of {} does not read: {e}",
                    visible(&p.respondent)
                )
            })?;
            let previous = canvass::eval::Previous::of(v.questionnaire(), &reply);
            Ok((p.respondent, std::sync::Arc::new(previous)))
        })
        .collect()
}

/// Versions stored by an older canvass get their findings as data; said on standard error.
fn upgrade_findings(store: &Store, v: &Validator) -> Result<usize, String> {
    let given = canvass::intake::upgrade::findings_as_data(store, v)?;
    if given > 0 {
        eprintln!(
            "note: {given} stored {} kept {} findings only as words; {} now kept as data too",
            if given == 1 { "version" } else { "versions" },
            if given == 1 { "its" } else { "their" },
            if given == 1 { "it is" } else { "they are" },
        );
    }
    Ok(given)
}

/// `intake upgrade`: bring a collection made by an older canvass up to date.
fn upgrade(db: &Path) -> Result<ExitCode, String> {
    let (_, _, given) = open_for_writing(db)?;
    println!(
        "{} is up to date ({given} stored versions given their findings as data)",
        visible(&db.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// `intake show`: one stored version's findings, worded now in the language asked for.
fn show(
    db: &Path,
    respondent: &str,
    version: Option<i64>,
    lang: Option<&str>,
    format: ShowFormat,
) -> Result<ExitCode, String> {
    let store = SqliteCollection::new(Store::open(db, false)?);
    let who = visible(respondent);
    let Some(stored) = store.version_of(respondent, version)? else {
        return Err(match version {
            Some(n) => format!("{who} has no version {n}"),
            None => format!("{who} has sent no reply"),
        });
    };
    let findings = super::history::stored_findings(
        db,
        respondent,
        stored.version,
        stored.findings.as_deref(),
    )?;
    let pinned = store.pinned()?;
    let source = canvass::intake::upgrade::questionnaire_of(&pinned)
        .map_or_else(|_| "en".to_string(), |q| q.source_language().to_string());
    let lang = lang.map_or(source, str::to_string);
    let name = format!(
        "{} (version {}, {})",
        stored.file, stored.version, stored.stage
    );
    let file = canvass::judge::source_of(
        name,
        &stored.bytes,
        canvass::reply::Format::named(&stored.format),
        &findings,
    );
    let mut report = canvass::batch::ReplyReport::new(file, findings);
    report.respondent = Some(respondent.to_string());
    report.questionnaire = Some(canvass::judge::JudgedBy {
        id: pinned.id,
        version: pinned.version,
    });
    report.lang = canvass::findings::words::canonical(&lang);
    report.findings_lang = lang;
    let out = match format {
        ShowFormat::Human => canvass::report::document::human_reply(&report, super::use_color()),
        ShowFormat::Json => canvass::report::document::json_line(&report) + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot write the findings: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Hands replies to the intake service and prints each receipt it gives back (only ever
/// after the reply's transaction committed).
struct Receipts<'a, W: Write> {
    intake: Intake<'a>,
    format: ReceiptFormat,
    /// The answer that names the respondent (`section.question`).
    who_field: String,
    out: W,
    progress: super::progress::Progress,
    /// The exit status so far: 1 some reply invalid or unidentified, 2 some not readable.
    worst: u8,
    replies: usize,
}

/// Why `add` stopped before the end.
enum AddError {
    /// The collection could not store a batch: nothing of it was kept.
    Intake(IntakeError),
    /// The receipts could not be written (a closed pipe, a full disk) after `stored` replies
    /// of the batch were committed: they are kept, their receipts maybe not shown.
    Receipts {
        error: std::io::Error,
        stored: usize,
    },
}

impl From<IntakeError> for AddError {
    fn from(e: IntakeError) -> Self {
        AddError::Intake(e)
    }
}

impl std::fmt::Display for AddError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AddError::Intake(e) => write!(f, "{e}; replies without a receipt were not stored"),
            AddError::Receipts { error, stored } => write!(
                f,
                "cannot write the receipts ({error}); {} stored all the same, with \
                 {} perhaps not shown (`canvass intake status` lists every \
                 version); replies after {} were not stored",
                plural(*stored, "reply is", "replies are"),
                if *stored == 1 {
                    "its receipt"
                } else {
                    "their receipts"
                },
                if *stored == 1 { "it" } else { "them" },
            ),
        }
    }
}

impl<W: Write> batch::Sink<Received> for Receipts<'_, W> {
    type Error = AddError;

    fn take(&mut self, r: Received) -> Result<(), AddError> {
        self.replies += 1;
        self.progress.tick();
        let receipts = self.intake.take(r)?;
        self.print_all(&receipts)
    }

    fn idle(&mut self) -> Result<(), AddError> {
        // A reply waiting in a slow stream gets its receipt within moments; a fast batch
        // is not cut into many small commits (each waits for the disk).
        let receipts = self.intake.idle()?;
        self.print_all(&receipts)
    }
}

impl<W: Write> Receipts<'_, W> {
    fn print_all(&mut self, receipts: &[Receipt]) -> Result<(), AddError> {
        if receipts.is_empty() {
            return Ok(());
        }
        // Every receipt handed here is of a committed batch: what fails now is only showing it.
        let stored = receipts.iter().filter(|r| r.stored.is_some()).count();
        let cannot = |error: std::io::Error| AddError::Receipts { error, stored };
        for r in receipts {
            let status = match (r.stored, &r.received.respondent) {
                (None, _) => 2,
                (Some(_), None) => 1,
                (Some(_), Some(_)) if !r.received.valid => 1,
                _ => 0,
            };
            self.worst = self.worst.max(status);
            let line = receipt(
                &r.received,
                r.stored,
                self.intake.stage(),
                self.format,
                &self.who_field,
            );
            let progress = self.progress.clone();
            progress
                .suspend(|| writeln!(self.out, "{line}"))
                .map_err(cannot)?;
        }
        self.out.flush().map_err(cannot)
    }
}

/// One reply's receipt.
fn receipt(
    r: &Received,
    stored: Option<Stored>,
    stage: Stage,
    format: ReceiptFormat,
    who_field: &str,
) -> String {
    let (what, version) = match stored {
        Some(Stored::Added(v)) => ("stored", v),
        Some(Stored::Unchanged(v)) => ("unchanged", v),
        None => ("not stored", None),
    };
    let verdict = if r.valid { "valid" } else { "invalid" };
    let sha = r.sha256.get(..12).unwrap_or_default();
    if format == ReceiptFormat::Json {
        return serde_json::json!({
            "file": r.file,
            "respondent": r.respondent,
            "receipt": what,
            "version": version,
            "sha256": sha,
            "size": r.size,
            "kept": if r.whole { "bytes" } else { "size and sha256" },
            "stage": stage.as_str(),
            "verdict": verdict,
            "errors": r.errors,
            "warnings": r.warnings,
        })
        .to_string();
    }
    let file = visible(&r.file);
    let who = r
        .respondent
        .as_deref()
        .map_or_else(|| "unidentified".into(), visible);
    let counts = format!(
        "{}, {}",
        plural(r.errors, "error", "errors"),
        plural(r.warnings, "warning", "warnings")
    );
    match (stored, version) {
        (Some(Stored::Unchanged(_)), Some(v)) => {
            format!("{file}: {who} unchanged: already version {v}")
        }
        (Some(Stored::Unchanged(_)), None) => format!("{file}: {who} unchanged: already received"),
        (Some(Stored::Added(_)), Some(v)) => {
            format!(
                "{file}: {who} version {v}, sha256 {sha}, {}, {verdict} ({counts})",
                stage.as_str()
            )
        }
        (Some(Stored::Added(_)), None) if !r.whole => {
            format!(
                "{file}: unidentified submission, over the size limit: its size ({}) and sha256 {sha} are kept, not its bytes ({counts})",
                plural(r.size, "byte", "bytes")
            )
        }
        (Some(Stored::Added(_)), None) => {
            format!(
                "{file}: unidentified submission (no valid answer to {who_field}), sha256 {sha}, {}, {verdict} ({counts})",
                stage.as_str()
            )
        }
        (None, _) => format!("{file}: not stored: nothing could be read ({counts})"),
    }
}

fn status(db: &Path, format: StatusFormat, wanted: &[StateFilter]) -> Result<ExitCode, String> {
    let store = SqliteCollection::new(Store::open(db, false)?);
    let mut status = intake::status(&store)?;
    let all = status.respondents.len();
    if !wanted.is_empty() {
        status
            .respondents
            .retain(|l| wanted.iter().any(|s| s.as_str() == l.state));
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = |e: std::io::Error| format!("cannot write the status: {e}");
    match format {
        StatusFormat::Json => {
            let text = serde_json::to_string_pretty(&status).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(io)?;
        }
        StatusFormat::Csv => {
            // Respondent ids come from replies: every cell through the spreadsheet guard.
            let mut w = canvass::values::spreadsheet::Csv::new(&mut out);
            let err = |e: csv::Error| format!("cannot write the status: {e}");
            w.row([
                "respondent",
                "state",
                "version",
                "received_at",
                "stage",
                "errors",
                "warnings",
                "open",
                "explained",
                "change",
                "note",
                "accepted_note",
            ])
            .map_err(err)?;
            for l in &status.respondents {
                let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
                w.row([
                    l.respondent.as_str(),
                    l.state,
                    &opt(l.version),
                    l.received_at.as_deref().unwrap_or_default(),
                    l.stage.as_deref().unwrap_or_default(),
                    &opt(l.errors),
                    &opt(l.warnings),
                    &opt(l.open),
                    &opt(l.explained),
                    &opt(l.change),
                    l.note.as_deref().unwrap_or_default(),
                    l.accepted_note.as_deref().unwrap_or_default(),
                ])
                .map_err(err)?;
            }
            w.flush().map_err(io)?;
        }
        StatusFormat::Human => write!(out, "{}", status_table(&status, all)).map_err(io)?,
    }
    out.flush().map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

/// A change in a count, with its sign: `+2`, `-1`, `0`.
fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// The status as a text table (`all`: how many respondents there are before a filter).
fn status_table(status: &intake::Status, all: usize) -> String {
    let header = [
        "respondent",
        "state",
        "version",
        "received at",
        "stage",
        "errors",
        "warnings",
        "open",
        "change",
        "note",
    ];
    let rows: Vec<[String; 10]> = status
        .respondents
        .iter()
        .map(|l| {
            let opt = |v: Option<i64>| v.map_or_else(|| "-".into(), |v| v.to_string());
            [
                canvass::findings::visible::echo(&l.respondent),
                l.state.to_string(),
                opt(l.version),
                l.received_at.clone().unwrap_or_else(|| "-".into()),
                l.stage.clone().unwrap_or_else(|| "-".into()),
                opt(l.errors),
                opt(l.warnings),
                opt(l.open),
                l.change.map_or_else(|| "-".into(), signed),
                // The reviewer's note when accepted, the respondent's otherwise.
                l.accepted_note
                    .as_deref()
                    .or(l.note.as_deref())
                    .map_or_else(String::new, canvass::findings::visible::echo),
            ]
        })
        .collect();
    let shown = if status.respondents.len() == all {
        format!("{all} respondents")
    } else {
        format!("{} of {all} respondents", status.respondents.len())
    };
    let mut text = format!(
        "{} version {}: {shown}\n\n",
        visible(&status.questionnaire.id),
        visible(&status.questionnaire.version),
    );
    text += &canvass::report::table::render(&header, &rows);
    let t = status.totals;
    text += &format!(
        "\n{} accepted, {} invalid, {} draft, {} missing; {}\n",
        t.accepted,
        t.invalid,
        t.draft,
        t.missing,
        plural(
            status.unidentified,
            "unidentified submission",
            "unidentified submissions"
        )
    );
    text
}

fn accept(
    db: &Path,
    respondent: &str,
    version: i64,
    not_latest: bool,
    note: &str,
) -> Result<ExitCode, String> {
    let store = SqliteCollection::new(Store::open(db, true)?);
    let who = visible(respondent);
    match store.accept(respondent, version, not_latest, note, &intake::now())? {
        Acceptance::NoReply => Err(format!("{who} has sent no reply to accept")),
        Acceptance::NoSuchVersion { latest } => Err(format!(
            "{who} has no version {version}; its latest is version {latest}"
        )),
        Acceptance::NotLatest { latest } => Err(format!(
            "{who} has sent version {latest} since version {version}; nothing was accepted. \
             Read version {latest} (`canvass intake show {who} --version {latest}`), or accept \
             version {version} anyway with --not-latest"
        )),
        Acceptance::Accepted => {
            println!("accepted {who} version {version}: {}", visible(note));
            Ok(ExitCode::SUCCESS)
        }
        Acceptance::Already => {
            println!("{who} version {version} was already accepted; the first note is kept");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn export(
    db: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    all: bool,
) -> Result<ExitCode, String> {
    let store = SqliteCollection::new(Store::open(db, false)?);
    let which = if all {
        Which::Latest
    } else {
        Which::LatestAccepted
    };
    // The pinned questionnaire reads each reply (a workbook by its names).
    let v = canvass::intake::upgrade::validator(&store)?;
    match format {
        ExportFormat::Csv => {
            let dir = output.unwrap_or(Path::new("."));
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot make {}: {e}", visible(&dir.display().to_string())))?;
            for file in canvass::intake::export::csv(&store, v.questionnaire(), which, dir)? {
                eprintln!("wrote {file}");
            }
        }
        ExportFormat::Ndjson => match output {
            None => canvass::intake::export::ndjson(
                &store,
                v.questionnaire(),
                which,
                &mut std::io::BufWriter::new(std::io::stdout().lock()),
            )?,
            Some(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| {
                    format!("cannot make {}: {e}", visible(&dir.display().to_string()))
                })?;
                let path = dir.join("replies.ndjson");
                let name = visible(&path.display().to_string()).into_owned();
                let cannot = |e: std::io::Error| format!("cannot write {name}: {e}");
                // Written whole or not at all, in flat memory: a temporary file renamed.
                let temp = tempfile::Builder::new()
                    .prefix(".canvass-export-")
                    .tempfile_in(dir)
                    .map_err(cannot)?;
                let mut writer = std::io::BufWriter::new(temp);
                canvass::intake::export::ndjson(&store, v.questionnaire(), which, &mut writer)?;
                let temp = writer.into_inner().map_err(|e| cannot(e.into_error()))?;
                temp.as_file().sync_all().map_err(cannot)?;
                temp.persist(&path).map_err(|e| cannot(e.error))?;
                eprintln!("wrote {name}");
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// `1 error`, `2 errors`.
fn plural(n: impl TryInto<i64>, one: &str, many: &str) -> String {
    let n: i64 = n.try_into().unwrap_or(i64::MAX);
    format!("{n} {}", if n == 1 { one } else { many })
}
