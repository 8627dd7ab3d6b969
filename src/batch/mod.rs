//! A batch of replies, judged in parallel and handed back in the order they were given:
//! finding the inputs (files, folders, `.ndjson` streams, standard input), reading each,
//! picking its questionnaire, validating it. `validate`, `intake add` and the tests all go
//! through [`run`]; what is done with each judged reply (rendering it, storing it) is the
//! caller's, and so are printing and exit codes.
//!
//! Memory stays flat however many replies come: one thread finds the replies (and reads
//! streams line by line), workers read and judge them, and the caller's [`Sink`] gets them
//! in order as soon as each and every one before it is done. A reply's text is kept only
//! when its findings need it, or when the batch is asked to keep the bytes.

pub mod budget;
pub mod fingerprint;
mod inputs;
mod read;
mod report;

pub use report::ReplyReport;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, mpsc};

use crate::findings::words;
pub use crate::judge::Questionnaires;
use crate::judge::{Judge, Judgement};
use crate::reply::{Format, Limits};
use crate::source::SourceFile;
use inputs::{Batches, Input, Job};
use read::Loaded;

/// What to judge, and how.
pub struct Batch<'a> {
    /// Files, folders, `.ndjson` streams, or `-` for standard input.
    pub paths: &'a [PathBuf],
    pub questionnaires: Questionnaires<'a>,
    /// The language of question texts and messages (`--lang`); the questionnaire's own, or
    /// English for canvass's words, without it.
    pub lang: Option<&'a str>,
    pub limits: Limits,
    /// Read what symbolic links in a folder lead to outside it.
    pub follow_links: bool,
    /// Keep each reply's bytes as received (the collection stores them).
    pub keep_bytes: bool,
    /// Each respondent's previous cycle, for rules that read it (a collection's).
    pub previous: Option<&'a crate::judge::PreviousLookup>,
}

/// One reply, judged.
pub struct Judged {
    pub report: ReplyReport,
    /// The bytes as received, when the batch keeps them and the reply could be read.
    pub bytes: Option<Vec<u8>>,
    /// A reply over the size limit, when the batch keeps bytes: not kept, but its true size
    /// and SHA-256.
    pub over_limit: Option<fingerprint::Fingerprint>,
    /// How the reply was read (JSON or TOML).
    pub format: Format,
    /// Its share of the bytes the batch may hold, when the batch keeps bytes: whoever keeps
    /// the bytes keeps this until they are let go.
    pub ticket: Option<budget::Ticket>,
}

/// Where judged replies go, in input order. A sink that fails stops the batch: [`run`]
/// returns its error, and no reply after the one it failed on is judged further.
pub trait Sink<T> {
    /// Why the sink could not take a reply (a full disk, a closed output).
    type Error;
    fn take(&mut self, item: T) -> Result<(), Self::Error>;
    /// Nothing is ready just now: a good time to write out what was taken.
    fn idle(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// The replies of a batch being found, by a thread of its own, from before the batch runs.
/// Listing and sorting a folder of 10,000 replies takes about as long as compiling a
/// questionnaire, so the command line starts this first and the two overlap.
pub struct Gathering {
    jobs: mpsc::Receiver<(usize, Vec<Job>)>,
    finder: std::thread::JoinHandle<()>,
    /// Whether replies' bytes are kept: the finder then holds them to a budget, and the
    /// workers keep them.
    keep_bytes: bool,
}

impl Gathering {
    /// Start finding the replies at `paths` (bytes kept only when `keep_bytes`).
    pub fn start(paths: &[PathBuf], follow_links: bool, limits: Limits, keep_bytes: bool) -> Self {
        let (job_tx, jobs) = mpsc::sync_channel::<(usize, Vec<Job>)>(64);
        // Kept bytes are bounded in bytes, not in replies (which may be 16 MiB each).
        let budget = keep_bytes.then(|| budget::Budget::new(KEPT_BYTES));
        let paths = paths.to_vec();
        // Unless the batch runs, its queue is dropped: the finder's next send fails, and
        // it stops.
        let finder = std::thread::spawn(move || {
            let mut batches = Batches::new(job_tx, follow_links, limits.max_bytes, budget);
            for path in &paths {
                inputs::gather(path, &mut batches);
            }
            batches.flush();
        });
        Self {
            jobs,
            finder,
            keep_bytes,
        }
    }
}

/// Judge every reply of the batch; `work` turns each into what `sink` takes (run on the
/// workers, in parallel), and `sink` takes them in input order.
pub fn run<T: Send, S: Sink<T>>(
    batch: &Batch<'_>,
    work: impl Fn(Judged) -> T + Sync,
    sink: &mut S,
) -> Result<(), S::Error> {
    let gathering = Gathering::start(
        batch.paths,
        batch.follow_links,
        batch.limits,
        batch.keep_bytes,
    );
    run_gathered(batch, gathering, work, sink)
}

/// [`run`], over replies whose finding was started before (its paths, links and bytes
/// are the gathering's, not the batch's).
pub fn run_gathered<T: Send, S: Sink<T>>(
    batch: &Batch<'_>,
    gathering: Gathering,
    work: impl Fn(Judged) -> T + Sync,
    sink: &mut S,
) -> Result<(), S::Error> {
    let words_lang = words::canonical(batch.lang.unwrap_or("en"));
    let mut judge = Judge::new(batch.questionnaires)
        .lang(batch.lang)
        .limits(batch.limits);
    if let Some(lookup) = batch.previous {
        judge = judge.previous(lookup);
    }
    let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let Gathering {
        jobs,
        finder,
        keep_bytes,
    } = gathering;
    // Bounded: a slow sink (a disk) holds the workers back instead of letting judged
    // replies pile up in memory.
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<T>)>(16);
    let result = std::thread::scope(|scope| {
        let job_rx = Arc::new(Mutex::new(jobs));
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let (job_rx, judge, work) = (Arc::clone(&job_rx), &judge, &work);
            scope.spawn(move || {
                loop {
                    let job = job_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((seq, inputs)) = job else { break };
                    let done: Vec<T> = inputs
                        .into_iter()
                        .map(|Job { input, ticket }| {
                            // What the caller does with a reply (rendering it) is guarded
                            // too: a panic there is that reply's internal error.
                            let mut ticket = Some(ticket);
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                let mut judged = one(&input, judge, keep_bytes, words_lang);
                                judged.ticket = ticket.take().flatten();
                                work(judged)
                            }))
                            .unwrap_or_else(|_| work(failed(&input, words_lang)))
                        })
                        .collect();
                    if done_tx.send((seq, done)).is_err() {
                        // The sink stopped (or failed): stop. Once every worker has stopped
                        // the job queue is closed, and the finder stops reading at its next
                        // send, even from a stream that never ends.
                        break;
                    }
                }
            });
        }
        // Only the workers hold the job queue now: when they stop, it closes.
        drop(job_rx);
        drop(done_tx);
        // On the sink's error the receiver is dropped on return: the workers' sends fail,
        // they drain the queue, and the finder stops reading.
        let result = in_order(&done_rx, sink);
        drop(done_rx);
        result
    });
    // The job queue is closed now (every worker has stopped), so the finder stops at its
    // next send if it has not already; a panic of its own is raised here, as before.
    if let Err(panic) = finder.join() {
        std::panic::resume_unwind(panic);
    }
    result
}

/// Bytes of replies a batch that keeps them may hold at once (a reply larger than this
/// still passes, alone).
const KEPT_BYTES: u64 = 32 << 20;

/// Receive judged replies in any order and hand them to the sink in their order.
fn in_order<T, S: Sink<T>>(
    done: &mpsc::Receiver<(usize, Vec<T>)>,
    sink: &mut S,
) -> Result<(), S::Error> {
    let mut pending = BTreeMap::new();
    let mut next = 0;
    loop {
        let (seq, items) = match done.try_recv() {
            Ok(item) => item,
            Err(mpsc::TryRecvError::Empty) => {
                // Nothing ready: the sink may write out what it holds, and is asked again
                // every so often while nothing comes (a stream that waits for its writer).
                sink.idle()?;
                loop {
                    match done.recv_timeout(std::time::Duration::from_millis(100)) {
                        Ok(item) => break item,
                        Err(mpsc::RecvTimeoutError::Timeout) => sink.idle()?,
                        Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => break,
        };
        pending.insert(seq, items);
        while let Some(items) = pending.remove(&next) {
            next += items.len();
            for item in items {
                sink.take(item)?;
            }
        }
    }
    Ok(())
}

/// Read and judge one input. A bug that panics on one reply must not take the batch down:
/// that reply gets an `internal-error` finding, the others are judged.
fn one(input: &Input, judge: &Judge<'_>, keep_bytes: bool, words_lang: &'static str) -> Judged {
    let judged = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        panic_on_request(input);
        match read::load(input, judge.the_limits(), keep_bytes) {
            Ok(Loaded::Bytes {
                name,
                bytes,
                format,
            }) => kept(judge.judge(name, bytes, format), keep_bytes, words_lang),
            Ok(Loaded::Refused {
                name,
                finding,
                fingerprint,
            }) => Judged {
                over_limit: fingerprint,
                // Nothing of it is kept: not an empty reply under a real receipt.
                ..kept(judge.refuse(name, *finding), false, words_lang)
            },
            Err(report) => Judged {
                report: in_lang(*report, words_lang),
                bytes: None,
                over_limit: None,
                format: Format::Json,
                ticket: None,
            },
        }
    }));
    judged.unwrap_or_else(|_| failed(input, words_lang))
}

/// One judgement as `intake` takes it in (its bytes kept), outside a batch: a reply that
/// came through a web form.
pub fn judged(j: Judgement) -> Judged {
    kept(j, true, "en")
}

/// A judgement as the batch hands it on: the text kept only when findings need it, the
/// bytes only when the batch keeps them.
fn kept(j: Judgement, keep_bytes: bool, words_lang: &'static str) -> Judged {
    let keep_text = !j.findings.is_empty();
    let cells = j.file.cells.filter(|_| keep_text);
    let (text, bytes) = match (j.raw, keep_bytes, keep_text) {
        (Some(raw), true, _) => (j.file.text, Some(raw)),
        (None, true, true) => (j.file.text.clone(), Some(j.file.text.into_bytes())),
        (None, true, false) => (String::new(), Some(j.file.text.into_bytes())),
        (_, false, true) => (j.file.text, None),
        (_, false, false) => (String::new(), None),
    };
    let mut file = SourceFile::new(j.file.name, text);
    file.cells = cells;
    let mut report = ReplyReport::new(file, j.findings);
    report.questionnaire = j.questionnaire;
    report.respondent = j.respondent;
    report.lang = words_lang;
    report.findings_lang = j.lang;
    Judged {
        report,
        bytes,
        over_limit: None,
        format: j.format,
        ticket: None,
    }
}

/// An input canvass failed on.
fn failed(input: &Input, words_lang: &'static str) -> Judged {
    Judged {
        report: internal_error(input.name(), words_lang),
        bytes: None,
        over_limit: None,
        format: Format::Json,
        ticket: None,
    }
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

/// A report made before any questionnaire was known (the input unreadable, skipped, or a
/// bug): canvass's words and its findings both in the batch's language.
fn in_lang(mut report: ReplyReport, words_lang: &'static str) -> ReplyReport {
    report.lang = words_lang;
    report.findings_lang = words_lang.to_string();
    report
}

/// The report of a reply whose validation panicked.
fn internal_error(name: String, lang: &'static str) -> ReplyReport {
    let finding = crate::findings::Finding::internal_error();
    in_lang(
        ReplyReport::new(SourceFile::new(name, String::new()), vec![finding]),
        lang,
    )
}
