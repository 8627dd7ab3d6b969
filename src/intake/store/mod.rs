//! The collection's SQLite file: every SQL statement canvass runs lives here, and so does
//! the schema with its migrations. Nothing here decides what a reply means (that is
//! `intake`'s); this module only keeps and finds.
//!
//! A collection is recognised by its `application_id` and versioned by `user_version`:
//! a file that is not one, or of a newer schema, is refused before anything is written.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

mod checkpoint;
mod header;
mod invite;
mod review;

pub use checkpoint::Checkpointer;
pub use review::{Explained, Letter, Previous};

/// `PRAGMA application_id` of a canvass collection: "cnvs".
const APPLICATION_ID: i32 = 0x636e_7673;

/// The schema, one step per version: `MIGRATIONS[n]` takes a collection from version `n` to
/// `n + 1`. Never edit a step once released; add one.
const MIGRATIONS: &[&str] = &[
    r"
CREATE TABLE questionnaire (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    id         TEXT NOT NULL,
    version    TEXT NOT NULL,
    toml       TEXT NOT NULL,
    schema     TEXT NOT NULL,
    pinned_at  TEXT NOT NULL
);
CREATE TABLE expected (
    respondent TEXT PRIMARY KEY,
    region     TEXT
) WITHOUT ROWID;
CREATE TABLE submission (
    id          INTEGER PRIMARY KEY,
    respondent  TEXT,              -- NULL: no readable respondent (unidentified)
    version     INTEGER,           -- 1, 2, ... per respondent; NULL when unidentified
    file        TEXT NOT NULL,
    received_at TEXT NOT NULL,     -- RFC 3339, UTC
    sha256      TEXT NOT NULL,
    bytes       BLOB NOT NULL,     -- the reply exactly as received
    format      TEXT NOT NULL CHECK (format IN ('json', 'toml')),
    stage       TEXT NOT NULL CHECK (stage IN ('draft', 'final')),
    note        TEXT,
    valid       INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    warnings    INTEGER NOT NULL,
    report      TEXT NOT NULL,     -- the reply's findings, as `validate --format ndjson` gives them
    UNIQUE (respondent, version)
);
CREATE UNIQUE INDEX submission_bytes ON submission (ifnull(respondent, ''), sha256);
CREATE TABLE acceptance (
    submission  INTEGER PRIMARY KEY REFERENCES submission (id),
    note        TEXT NOT NULL,
    accepted_at TEXT NOT NULL
);
",
    r"
-- The findings of each version as data (message ids and their fields, JSON), so that they
-- can be worded in any language when shown. Versions stored before hold NULL here until
-- `intake upgrade` (or the next `intake add`) judges their bytes again; `report` keeps the
-- words they were receipted with.
ALTER TABLE submission ADD COLUMN findings TEXT;
",
    r"
-- A reply over the size limit keeps its true size and SHA-256, not its bytes (`whole` = 0;
-- `bytes` is then empty). Versions stored before keep NULL as their size unless whole.
ALTER TABLE submission ADD COLUMN size INTEGER;
ALTER TABLE submission ADD COLUMN whole INTEGER NOT NULL DEFAULT 1;
UPDATE submission SET whole = 0
 WHERE length(bytes) = 0 AND report LIKE '%over the limit of%';
UPDATE submission SET size = length(bytes) WHERE whole;
-- The same bytes again are a new version unless they are the respondent's latest at the
-- same stage (checked when adding): the respondent's latest intent wins.
DROP INDEX submission_bytes;
CREATE INDEX submission_sha256 ON submission (sha256);
",
    r"
-- Workbooks are replies too: `format` may be 'xlsx'. SQLite cannot change a CHECK, so the
-- table is built again with the same columns, in the same order, and every row copied.
-- `acceptance` refers to it: `migrate` runs with foreign keys off and checks them after.
CREATE TABLE submission_next (
    id          INTEGER PRIMARY KEY,
    respondent  TEXT,
    version     INTEGER,
    file        TEXT NOT NULL,
    received_at TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    format      TEXT NOT NULL CHECK (format IN ('json', 'toml', 'xlsx')),
    stage       TEXT NOT NULL CHECK (stage IN ('draft', 'final')),
    note        TEXT,
    valid       INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    warnings    INTEGER NOT NULL,
    report      TEXT NOT NULL,
    findings    TEXT,
    size        INTEGER,
    whole       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (respondent, version)
);
INSERT INTO submission_next
SELECT id, respondent, version, file, received_at, sha256, bytes, format, stage, note, valid,
       errors, warnings, report, findings, size, whole
  FROM submission;
DROP TABLE submission;
ALTER TABLE submission_next RENAME TO submission;
CREATE INDEX submission_sha256 ON submission (sha256);
",
    r"
-- The review loop. A reviewer's explanation of a rule's finding holds from the version it
-- was recorded on; the letters written, with the findings each asked about (their
-- identities, JSON), so the next letter can say what was fixed since; the previous cycle's
-- last accepted reply of each respondent, as JSON, for rules that read `previous.`.
CREATE TABLE explanation (
    respondent   TEXT NOT NULL,
    rule         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    note         TEXT NOT NULL,
    explained_at TEXT NOT NULL,
    PRIMARY KEY (respondent, rule, version)
) WITHOUT ROWID;
CREATE TABLE letter (
    id         INTEGER PRIMARY KEY,
    respondent TEXT NOT NULL,
    version    INTEGER NOT NULL,
    lang       TEXT NOT NULL,
    asked      TEXT NOT NULL,
    written_at TEXT NOT NULL
);
CREATE INDEX letter_respondent ON letter (respondent, id);
CREATE TABLE previous (
    respondent    TEXT PRIMARY KEY,
    questionnaire TEXT NOT NULL,
    version       TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    reply         TEXT NOT NULL
) WITHOUT ROWID;
",
    r"
-- Secret links for respondents (`intake invite`): only the SHA-256 of each token is kept.
CREATE TABLE invitation (
    sha256     TEXT PRIMARY KEY,
    respondent TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
) WITHOUT ROWID;
CREATE INDEX invitation_respondent ON invitation (respondent);
",
    r"
-- The same rule on `format`, said as comparisons. SQLite checks an `IN` list of three or
-- more against a temporary table it builds again for every row stored: two fifths of the
-- work of storing a reply (`benches/README.md`). Built again as in the step for workbooks.
CREATE TABLE submission_next (
    id          INTEGER PRIMARY KEY,
    respondent  TEXT,
    version     INTEGER,
    file        TEXT NOT NULL,
    received_at TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    format      TEXT NOT NULL CHECK (format = 'json' OR format = 'toml' OR format = 'xlsx'),
    stage       TEXT NOT NULL CHECK (stage IN ('draft', 'final')),
    note        TEXT,
    valid       INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    warnings    INTEGER NOT NULL,
    report      TEXT NOT NULL,
    findings    TEXT,
    size        INTEGER,
    whole       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (respondent, version)
);
INSERT INTO submission_next
SELECT id, respondent, version, file, received_at, sha256, bytes, format, stage, note, valid,
       errors, warnings, report, findings, size, whole
  FROM submission;
DROP TABLE submission;
ALTER TABLE submission_next RENAME TO submission;
CREATE INDEX submission_sha256 ON submission (sha256);
",
];

/// The questionnaire a collection is pinned to.
pub struct Pinned {
    pub id: String,
    pub version: String,
    pub toml: String,
    pub schema: String,
}

/// A reply to store, as received and judged.
pub struct NewSubmission<'a> {
    pub respondent: Option<&'a str>,
    pub file: &'a str,
    pub received_at: &'a str,
    pub sha256: &'a str,
    /// Its true size in bytes.
    pub size: u64,
    /// What is kept of it: all its bytes when `whole`, none of them otherwise (over the
    /// size limit).
    pub bytes: &'a [u8],
    pub whole: bool,
    /// Resuming an interrupted run: bytes this respondent already sent, as any version,
    /// are not stored again.
    pub resume: bool,
    pub format: &'a str,
    pub stage: &'a str,
    pub note: Option<&'a str>,
    pub valid: bool,
    pub errors: usize,
    pub warnings: usize,
    pub report: &'a str,
    /// The findings as data (a JSON array).
    pub findings: &'a str,
}

/// What storing a reply did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A new version (`None` for an unidentified submission).
    Added(Option<i64>),
    /// The same bytes at the same stage are already the respondent's latest version (or,
    /// unidentified, already received).
    Unchanged(Option<i64>),
}

/// A respondent's latest version, for the status.
pub struct Latest {
    pub respondent: String,
    pub version: i64,
    pub received_at: String,
    pub stage: String,
    pub valid: bool,
    pub errors: i64,
    pub warnings: i64,
    /// Whether this version is accepted (see `accepted`).
    pub accepted: bool,
    /// The note it was sent with (`add --note`).
    pub note: Option<String>,
    /// The note a reviewer accepted it with (`accept --note`).
    pub accepted_note: Option<String>,
    /// Its findings as data (JSON), when kept so.
    pub findings: Option<String>,
    /// The findings of the version before it, when there is one and they are kept so.
    pub before: Option<String>,
}

/// A submission that names no readable respondent, as `intake unidentified` lists it.
pub struct UnidentifiedSubmission {
    pub file: String,
    pub received_at: String,
    pub sha256: String,
    pub format: String,
    pub bytes: Vec<u8>,
    pub errors: i64,
    pub warnings: i64,
    /// Its findings as data (JSON), if kept so.
    pub findings: Option<String>,
}

/// What assigning an unidentified submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignment {
    /// Filed as this version of the respondent.
    Filed(i64),
    /// No unidentified submission's SHA-256 starts so.
    NoSuch,
    /// More than one does: a longer prefix is needed.
    Ambiguous(usize),
}

/// A stored reply, for export and tables.
pub struct StoredReply {
    pub respondent: String,
    pub version: i64,
    pub received_at: String,
    pub format: String,
    pub bytes: Vec<u8>,
}

/// What `accept` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acceptance {
    /// The version is now accepted.
    Accepted,
    /// It already was (the first note is kept).
    Already,
    /// The respondent has sent nothing.
    NoReply,
    /// The respondent has no such version; `latest` is its latest.
    NoSuchVersion { latest: i64 },
    /// A newer version, `latest`, has arrived: nothing was accepted.
    NotLatest { latest: i64 },
}

/// A respondent's latest version: what tells whether a reply repeats it.
#[derive(Clone)]
struct LatestBytes {
    version: i64,
    sha256: String,
    stage: String,
}

/// A stored version whose findings are kept only as words: what judging it again needs.
pub struct Unworded {
    /// Its row.
    pub id: i64,
    pub bytes: Vec<u8>,
    pub format: String,
    pub stage: String,
}

/// One stored version of a respondent.
pub struct StoredVersion {
    pub version: i64,
    /// The file name it came in as.
    pub file: String,
    pub format: String,
    pub bytes: Vec<u8>,
    pub stage: String,
    /// Its findings as data (JSON); `None` when kept only as words by an older canvass.
    pub findings: Option<String>,
}

/// One version of a respondent, as its history shows it.
pub struct HistoryVersion {
    pub version: i64,
    pub file: String,
    pub received_at: String,
    pub sha256: String,
    pub stage: String,
    pub note: Option<String>,
    pub accepted: bool,
    pub accepted_note: Option<String>,
    pub errors: i64,
    pub warnings: i64,
    /// Its findings as data (JSON); `None` when kept only as words by an older canvass.
    pub findings: Option<String>,
}

/// Which version of each respondent to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The latest version that is accepted (valid at the final stage, or taken in by a reviewer).
    LatestAccepted,
    /// The latest version, whatever its state.
    Latest,
}

/// When a version (the row `s` of `submission`) is accepted: valid at the final stage, or
/// taken in by a reviewer. The one definition: the status and the exports both read it.
fn accepted(s: &str) -> String {
    format!(
        "(({s}.valid AND {s}.stage = 'final') OR EXISTS (SELECT 1 FROM acceptance a WHERE a.submission = {s}.id))"
    )
}

/// A collection file, open.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Within a batch: each respondent's latest version, once looked up.
    latest: std::cell::RefCell<std::collections::HashMap<String, Option<LatestBytes>>>,
    /// The collection's schema version (older ones are opened to be read as they are).
    schema_version: usize,
}

fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> String + '_ {
    move |e| {
        format!(
            "collection {}: {e}",
            crate::findings::visible::visible(&path.display().to_string())
        )
    }
}

impl Store {
    /// Make a new collection at `path`, whole or not at all: it is built in a temporary file
    /// beside it and renamed into place, never over an existing file.
    pub fn create(
        path: &Path,
        pinned: &Pinned,
        expected: &[(String, Option<&str>)],
        previous: &[Previous],
        now: &str,
    ) -> Result<(), String> {
        let name = crate::findings::visible::visible(&path.display().to_string()).into_owned();
        if path.exists() {
            return Err(format!(
                "{name} already exists; a collection is never overwritten (give another --db)"
            ));
        }
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".canvass-collection-")
            .tempfile_in(folder)
            .map_err(|e| format!("cannot make {name}: {e}"))?;
        let err = sql(path);
        {
            let mut conn = Connection::open(temp.path()).map_err(&err)?;
            // Replies are a few kilobytes each: the largest pages hold many, so a batch
            // writes far fewer pages and WAL frames (`benches/README.md`: `intake add` of
            // 10,000 replies took 1.5 times less time than with 4 KiB pages). A reviewer's
            // one-line change costs a 64 KiB frame, which does not matter at this scale.
            conn.pragma_update(None, "page_size", 65_536)
                .map_err(&err)?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(&err)?;
            migrate(&mut conn, 0).map_err(&err)?;
            let tx = conn.transaction().map_err(&err)?;
            tx.execute(
                "INSERT INTO questionnaire (singleton, id, version, toml, schema, pinned_at) VALUES (1, ?1, ?2, ?3, ?4, ?5)",
                params![pinned.id, pinned.version, pinned.toml, pinned.schema, now],
            )
            .map_err(&err)?;
            {
                let mut insert = tx
                    .prepare("INSERT OR IGNORE INTO expected (respondent, region) VALUES (?1, ?2)")
                    .map_err(&err)?;
                for (respondent, region) in expected {
                    insert.execute(params![respondent, region]).map_err(&err)?;
                }
                // The previous cycle goes in with the rest: the file appears whole or not.
                let mut earlier = tx
                    .prepare(
                        "INSERT OR REPLACE INTO previous (respondent, questionnaire, version, received_at, reply)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )
                    .map_err(&err)?;
                for p in previous {
                    earlier
                        .execute(params![
                            p.respondent,
                            p.questionnaire,
                            p.version,
                            p.received_at,
                            p.reply
                        ])
                        .map_err(&err)?;
                }
            }
            tx.commit().map_err(&err)?;
            // WAL: readers (status) never wait for a writer (add). Set once; it stays.
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(&err)?;
            conn.close().map_err(|(_, e)| err(e))?;
        }
        temp.as_file()
            .sync_all()
            .map_err(|e| format!("cannot make {name}: {e}"))?;
        temp.persist_noclobber(path)
            .map_err(|e| format!("cannot make {name}: {}", e.error))?;
        Ok(())
    }

    /// Open an existing collection to add to it (`write`) or to read it.
    pub fn open(path: &Path, write: bool) -> Result<Store, String> {
        let name = crate::findings::visible::visible(&path.display().to_string()).into_owned();
        let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("there is no collection at {name}; make one with `canvass intake init -q QUESTIONNAIRE --db {name}`")
            }
            _ => format!("cannot open {name}: {e}"),
        })?;
        if !metadata.is_file() {
            return Err(format!("{name} is not a collection (not a file)"));
        }
        // Checked here, not left to SQLite: a superuser could write to it anyway.
        if write && metadata.permissions().readonly() {
            return Err(format!("{name} is read-only; nothing was added"));
        }
        header::check(path, &name, metadata.len())?;
        // A reader that may write the file opens it for writing all the same, and writes
        // nothing (`query_only`): the last connection to close then folds the write-ahead log
        // back and removes `-wal` and `-shm`. Opened read-only, SQLite leaves them behind,
        // owned by the reader, and the owner's next `add` cannot write them.
        let writable = !metadata.permissions().readonly()
            && std::fs::OpenOptions::new().append(true).open(path).is_ok();
        let flags = if write || writable {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        } else {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let not_ours = || format!("{name} is not a canvass collection; it was left as it was");
        let cannot = |e: rusqlite::Error| header::cannot_open(&name, &e);
        let conn = Connection::open_with_flags(path, flags).map_err(cannot)?;
        if !write {
            conn.pragma_update(None, "query_only", true)
                .map_err(cannot)?;
        }
        let id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(cannot)?;
        if id != APPLICATION_ID {
            return Err(not_ours());
        }
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|_| not_ours())?;
        let version = usize::try_from(version).map_err(|_| not_ours())?;
        if version > MIGRATIONS.len() {
            return Err(format!(
                "{name} was made by a newer canvass (collection schema version {version}; this canvass knows up to {}); it was left as it was",
                MIGRATIONS.len()
            ));
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            latest: std::cell::RefCell::default(),
            schema_version: MIGRATIONS.len(),
        };
        // Another process adding at the same time holds the lock for one batch at most.
        store
            .conn
            .busy_timeout(Duration::from_mins(1))
            .map_err(sql(path))?;
        if write {
            // A receipt is printed only once its reply is on disk.
            store
                .conn
                .pragma_update(None, "synchronous", "FULL")
                .map_err(sql(path))?;
            if version < MIGRATIONS.len() {
                migrate(&mut store.conn, version).map_err(sql(path))?;
            }
        }
        // Read-only, an older collection is read as it is: what it lacks is said where it
        // is needed (findings kept only as words), not by refusing to show the status.
        store.schema_version = if write { MIGRATIONS.len() } else { version };
        Ok(store)
    }

    /// The versions whose findings are kept only as words (stored by a canvass before
    /// findings were data).
    pub fn without_findings(&self) -> Result<Vec<Unworded>, String> {
        let mut statement = self
            .conn
            .prepare("SELECT id, bytes, format, stage FROM submission WHERE findings IS NULL AND whole ORDER BY id")
            .map_err(self.err())?;
        let rows = statement
            .query_map([], |r| {
                Ok(Unworded {
                    id: r.get(0)?,
                    bytes: r.get(1)?,
                    format: r.get(2)?,
                    stage: r.get(3)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Keep the findings of stored version `id` as data (inside a batch).
    pub fn set_findings(&self, id: i64, findings: &str) -> Result<(), String> {
        self.conn
            .prepare_cached(
                "UPDATE submission SET findings = ?2 WHERE id = ?1 AND findings IS NULL",
            )
            .and_then(|mut st| st.execute(params![id, findings]))
            .map(drop)
            .map_err(self.err())
    }

    /// One version of a respondent (the latest when `version` is `None`): its bytes, format,
    /// version number and findings as data (`None` when kept only as words).
    pub fn version_of(
        &self,
        respondent: &str,
        version: Option<i64>,
    ) -> Result<Option<StoredVersion>, String> {
        let findings = if self.schema_version >= 2 {
            "findings"
        } else {
            "NULL"
        };
        let query = format!(
            "SELECT version, file, format, bytes, stage, {findings} FROM submission
             WHERE respondent = ?1 AND (?2 IS NULL OR version = ?2)
             ORDER BY version DESC LIMIT 1"
        );
        self.conn
            .query_row(&query, params![respondent, version], |r| {
                Ok(StoredVersion {
                    version: r.get(0)?,
                    file: r.get(1)?,
                    format: r.get(2)?,
                    bytes: r.get(3)?,
                    stage: r.get(4)?,
                    findings: r.get(5)?,
                })
            })
            .optional()
            .map_err(self.err())
    }

    /// Every version of a respondent, oldest first.
    pub fn history(&self, respondent: &str) -> Result<Vec<HistoryVersion>, String> {
        let findings = if self.schema_version >= 2 {
            "s.findings"
        } else {
            "NULL"
        };
        let query = format!(
            "SELECT s.version, s.file, s.received_at, s.sha256, s.stage, s.note, {},
                    (SELECT a.note FROM acceptance a WHERE a.submission = s.id),
                    s.errors, s.warnings, {findings}
               FROM submission s WHERE s.respondent = ?1 ORDER BY s.version",
            accepted("s")
        );
        let mut statement = self.conn.prepare(&query).map_err(self.err())?;
        let rows = statement
            .query_map([respondent], |r| {
                Ok(HistoryVersion {
                    version: r.get(0)?,
                    file: r.get(1)?,
                    received_at: r.get(2)?,
                    sha256: r.get(3)?,
                    stage: r.get(4)?,
                    note: r.get(5)?,
                    accepted: r.get(6)?,
                    accepted_note: r.get(7)?,
                    errors: r.get(8)?,
                    warnings: r.get(9)?,
                    findings: r.get(10)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> String + '_ {
        sql(&self.path)
    }

    pub fn pinned(&self) -> Result<Pinned, String> {
        self.conn
            .query_row(
                "SELECT id, version, toml, schema FROM questionnaire",
                [],
                |r| {
                    Ok(Pinned {
                        id: r.get(0)?,
                        version: r.get(1)?,
                        toml: r.get(2)?,
                        schema: r.get(3)?,
                    })
                },
            )
            .map_err(self.err())
    }

    /// The expected respondents, by id, with their region when known.
    pub fn expected(&self) -> Result<Vec<(String, Option<String>)>, String> {
        let mut statement = self
            .conn
            .prepare("SELECT respondent, region FROM expected ORDER BY respondent")
            .map_err(self.err())?;
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Start a batch of additions; the write lock is taken now, so version numbers read in
    /// the batch are the ones written.
    pub(crate) fn begin(&self) -> Result<(), String> {
        self.latest.borrow_mut().clear();
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(self.err())
    }

    /// End a batch of additions; returns once it is durable.
    pub(crate) fn commit(&self) -> Result<(), String> {
        // Once the lock is let go, another writer may add versions.
        self.latest.borrow_mut().clear();
        self.conn.execute_batch("COMMIT").map_err(self.err())
    }

    /// Give up a batch of additions: nothing of it is kept.
    pub(crate) fn rollback(&self) -> Result<(), String> {
        self.latest.borrow_mut().clear();
        self.conn.execute_batch("ROLLBACK").map_err(self.err())
    }

    /// Run `work` in one transaction holding the write lock: committed when it succeeds,
    /// rolled back (nothing of it kept) when it fails.
    pub fn transaction<T>(&self, work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
        self.begin()?;
        match work() {
            Ok(done) => {
                self.commit()?;
                Ok(done)
            }
            Err(e) => {
                let _ = self.rollback();
                Err(e)
            }
        }
    }

    /// Store a reply (inside a batch) as the respondent's next version, unless the same
    /// bytes at the same stage are already its latest: the respondent's latest intent wins,
    /// so an earlier reply sent again, or a draft sent again as final, is a new version. An
    /// unidentified submission is stored once per SHA-256.
    pub fn add(&self, s: &NewSubmission<'_>) -> Result<Stored, String> {
        let err = self.err();
        let version = if let Some(respondent) = s.respondent {
            match self.repeated(respondent, s)? {
                Ok(next) => Some(next),
                Err(already) => return Ok(Stored::Unchanged(Some(already))),
            }
        } else {
            let already: Option<i64> = self
                .conn
                .prepare_cached("SELECT 1 FROM submission WHERE sha256 = ?1 AND respondent IS NULL")
                .and_then(|mut st| st.query_row([s.sha256], |r| r.get(0)).optional())
                .map_err(&err)?;
            if already.is_some() {
                return Ok(Stored::Unchanged(None));
            }
            None
        };
        self.conn
            .prepare_cached(INSERT_SUBMISSION)
            .and_then(|mut st| {
                st.execute(params![
                    s.respondent,
                    version,
                    s.file,
                    s.received_at,
                    s.sha256,
                    s.bytes,
                    s.format,
                    s.stage,
                    s.note,
                    s.valid,
                    count(s.errors),
                    count(s.warnings),
                    s.report,
                    s.findings,
                    i64::try_from(s.size).unwrap_or(i64::MAX),
                    s.whole
                ])
            })
            .map_err(&err)?;
        if let (Some(respondent), Some(version)) = (s.respondent, version) {
            self.latest.borrow_mut().insert(
                respondent.to_string(),
                Some(LatestBytes {
                    version,
                    sha256: s.sha256.to_string(),
                    stage: s.stage.to_string(),
                }),
            );
        }
        Ok(Stored::Added(version))
    }

    /// The version a respondent's reply gets (`Ok`), or the version it repeats (`Err`): its
    /// latest, when the bytes and stage are the same; with `resume`, any with the same bytes.
    fn repeated(
        &self,
        respondent: &str,
        s: &NewSubmission<'_>,
    ) -> Result<Result<i64, i64>, String> {
        if s.resume
            && let Some(version) = self.version_with(respondent, s.sha256)?
        {
            return Ok(Err(version));
        }
        let latest = self.latest_bytes(respondent)?;
        Ok(match latest {
            Some(l) if l.sha256 == s.sha256 && l.stage == s.stage => Err(l.version),
            Some(l) => Ok(l.version + 1),
            None => Ok(1),
        })
    }

    /// The latest of a respondent's versions with these bytes.
    fn version_with(&self, respondent: &str, sha256: &str) -> Result<Option<i64>, String> {
        self.conn
            .prepare_cached(VERSION_WITH)
            .and_then(|mut st| st.query_row(params![respondent, sha256], |r| r.get(0)))
            .map_err(self.err())
    }

    /// A respondent's latest version, with what tells whether a reply repeats it. Known from
    /// the collection once per batch, then kept here: no other writer can add while the
    /// batch holds the lock.
    fn latest_bytes(&self, respondent: &str) -> Result<Option<LatestBytes>, String> {
        if let Some(latest) = self.latest.borrow().get(respondent) {
            return Ok(latest.clone());
        }
        let latest = self
            .conn
            .prepare_cached(LATEST_BYTES)
            .and_then(|mut st| {
                st.query_row([respondent], |r| {
                    Ok(LatestBytes {
                        version: r.get(0)?,
                        sha256: r.get(1)?,
                        stage: r.get(2)?,
                    })
                })
                .optional()
            })
            .map_err(self.err())?;
        self.latest
            .borrow_mut()
            .insert(respondent.to_string(), latest.clone());
        Ok(latest)
    }

    /// Each respondent's latest version, by respondent id.
    pub fn latest(&self) -> Result<Vec<Latest>, String> {
        let (findings, before) = if self.schema_version >= 2 {
            ("s.findings", "b.findings")
        } else {
            ("NULL", "NULL")
        };
        let mut statement = self
            .conn
            .prepare(
                // One look-up in the index per respondent, as in `replies`.
                &format!("SELECT s.respondent, s.version, s.received_at, s.stage, s.valid, s.errors, s.warnings, {},
                        s.note, (SELECT a.note FROM acceptance a WHERE a.submission = s.id),
                        {findings},
                        (SELECT {before} FROM submission b WHERE b.respondent = s.respondent AND b.version = s.version - 1)
                 FROM (SELECT DISTINCT respondent FROM submission WHERE respondent IS NOT NULL) r
                 JOIN submission s
                   ON s.respondent = r.respondent
                  AND s.version = (SELECT max(version) FROM submission m WHERE m.respondent = r.respondent)
                 ORDER BY r.respondent", accepted("s")),
            )
            .map_err(self.err())?;
        let rows = statement
            .query_map([], |r| {
                Ok(Latest {
                    respondent: r.get(0)?,
                    version: r.get(1)?,
                    received_at: r.get(2)?,
                    stage: r.get(3)?,
                    valid: r.get(4)?,
                    errors: r.get(5)?,
                    warnings: r.get(6)?,
                    accepted: r.get(7)?,
                    note: r.get(8)?,
                    accepted_note: r.get(9)?,
                    findings: r.get(10)?,
                    before: r.get(11)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// How many submissions have no readable respondent.
    pub fn unidentified(&self) -> Result<i64, String> {
        self.conn
            .query_row(
                "SELECT count(*) FROM submission WHERE respondent IS NULL",
                [],
                |r| r.get(0),
            )
            .map_err(self.err())
    }

    /// Every submission that names no readable respondent, in the order received.
    pub fn unidentified_submissions(&self) -> Result<Vec<UnidentifiedSubmission>, String> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT file, received_at, sha256, format, bytes, errors, warnings, findings
                   FROM submission WHERE respondent IS NULL ORDER BY id",
            )
            .map_err(self.err())?;
        let rows = statement
            .query_map([], |r| {
                Ok(UnidentifiedSubmission {
                    file: r.get(0)?,
                    received_at: r.get(1)?,
                    sha256: r.get(2)?,
                    format: r.get(3)?,
                    bytes: r.get(4)?,
                    errors: r.get(5)?,
                    warnings: r.get(6)?,
                    findings: r.get(7)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// File the unidentified submission whose SHA-256 starts with `receipt` under
    /// `respondent`, as its next version, with the reviewer's note. Its bytes, its findings
    /// and the time it was received stay as they were. One transaction: under `kill -9`,
    /// either filed or not.
    pub fn assign(
        &self,
        receipt: &str,
        respondent: &str,
        note: &str,
    ) -> Result<Assignment, String> {
        let err = self.err();
        self.transaction(|| {
            let pattern = format!("{}%", receipt.replace(['%', '_'], ""));
            let ids: Vec<i64> = {
                let mut statement = self
                    .conn
                    .prepare(
                        "SELECT id FROM submission WHERE respondent IS NULL AND sha256 LIKE ?1",
                    )
                    .map_err(&err)?;
                let rows = statement
                    .query_map([&pattern], |r| r.get(0))
                    .map_err(&err)?;
                rows.collect::<Result<_, _>>().map_err(&err)?
            };
            let id = match ids.as_slice() {
                [] => return Ok(Assignment::NoSuch),
                [id] => *id,
                more => return Ok(Assignment::Ambiguous(more.len())),
            };
            let version: i64 = self
                .conn
                .query_row(
                    "SELECT coalesce(max(version), 0) + 1 FROM submission WHERE respondent = ?1",
                    [respondent],
                    |r| r.get(0),
                )
                .map_err(&err)?;
            self.conn
                .execute(
                    "UPDATE submission
                        SET respondent = ?1, version = ?2,
                            note = CASE WHEN note IS NULL THEN ?3 ELSE note || '; ' || ?3 END
                      WHERE id = ?4",
                    params![respondent, version, note, id],
                )
                .map_err(&err)?;
            Ok(Assignment::Filed(version))
        })
    }

    /// Record a reviewer's acceptance of version `version` of a respondent, the one the
    /// reviewer read: refused when a newer version has arrived since, unless `not_latest`.
    /// Checked and recorded in one transaction, so no version can slip in between. Accepting
    /// twice keeps the first note.
    pub fn accept(
        &self,
        respondent: &str,
        version: i64,
        not_latest: bool,
        note: &str,
        now: &str,
    ) -> Result<Acceptance, String> {
        let err = self.err();
        self.transaction(|| {
            let latest: Option<i64> = self
                .conn
                .query_row(
                    "SELECT max(version) FROM submission WHERE respondent = ?1",
                    [respondent],
                    |r| r.get(0),
                )
                .map_err(&err)?;
            let Some(latest) = latest else {
                return Ok(Acceptance::NoReply);
            };
            let id: Option<i64> = self
                .conn
                .query_row(
                    "SELECT id FROM submission WHERE respondent = ?1 AND version = ?2",
                    params![respondent, version],
                    |r| r.get(0),
                )
                .optional()
                .map_err(&err)?;
            let Some(id) = id else {
                return Ok(Acceptance::NoSuchVersion { latest });
            };
            if version != latest && !not_latest {
                return Ok(Acceptance::NotLatest { latest });
            }
            let added = self
                .conn
                .execute(
                    "INSERT OR IGNORE INTO acceptance (submission, note, accepted_at) VALUES (?1, ?2, ?3)",
                    params![id, note, now],
                )
                .map_err(&err)?;
            Ok(if added == 1 {
                Acceptance::Accepted
            } else {
                Acceptance::Already
            })
        })
    }

    /// Call `f` with one stored reply per respondent (by respondent id), read one at a time.
    pub fn replies(
        &self,
        which: Which,
        mut f: impl FnMut(StoredReply) -> Result<(), String>,
    ) -> Result<(), String> {
        let query = replies_query(which);
        let mut statement = self.conn.prepare(&query).map_err(self.err())?;
        let mut rows = statement.query([]).map_err(self.err())?;
        while let Some(r) = rows.next().map_err(self.err())? {
            f(StoredReply {
                respondent: r.get(0).map_err(self.err())?,
                version: r.get(1).map_err(self.err())?,
                received_at: r.get(2).map_err(self.err())?,
                format: r.get(3).map_err(self.err())?,
                bytes: r.get(4).map_err(self.err())?,
            })?;
        }
        Ok(())
    }
}

/// The query behind [`Store::replies`]: one version per respondent, by respondent id.
fn replies_query(which: Which) -> String {
    let condition = match which {
        Which::LatestAccepted => accepted("p"),
        Which::Latest => "1".to_string(),
    };
    // Respondent by respondent (from the index on respondent and version), each one's
    // versions from the latest down to the first that qualifies: time linear in the
    // versions, however many one respondent sent. (Asking, for every version, whether it
    // is its respondent's pick was quadratic: 8,000 versions took 31 s.)
    format!(
        "SELECT s.respondent, s.version, s.received_at, s.format, s.bytes
         FROM (SELECT DISTINCT respondent FROM submission WHERE respondent IS NOT NULL) r
         JOIN submission s
           ON s.id = (SELECT p.id FROM submission p WHERE p.respondent = r.respondent AND {condition}
                      ORDER BY p.version DESC LIMIT 1)
         ORDER BY r.respondent"
    )
}

/// Bring a collection from schema version `from` to the newest, in one transaction.
///
/// Foreign keys are off while it runs (a step may build a table again, which SQLite allows
/// only so) and every reference is checked before it commits; they are on again after.
fn migrate(conn: &mut Connection, from: usize) -> rusqlite::Result<()> {
    let keys: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = (|| {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for step in &MIGRATIONS[from..] {
            tx.execute_batch(step)?;
        }
        let broken: Option<String> = tx
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()?;
        if let Some(table) = broken {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                Some(format!("a reference in `{table}` is broken")),
            ));
        }
        tx.pragma_update(None, "user_version", count(MIGRATIONS.len()))?;
        tx.commit()
    })();
    conn.pragma_update(None, "foreign_keys", keys)?;
    migrated
}

/// A count as SQLite stores it.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A new version, for `Store::add`.
const INSERT_SUBMISSION: &str = "INSERT INTO submission (respondent, version, file, received_at, sha256, bytes, format, stage, note, valid, errors, warnings, report, findings, size, whole)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

/// A respondent's latest version, for `Store::add`. `CAST`: with a bare `?1`, SQLite
/// prepares the statement again each time another respondent is bound (the plan that reads
/// the index in order depends on the parameter), which was a tenth of `intake add`.
const LATEST_BYTES: &str = "SELECT version, sha256, stage FROM submission
     WHERE respondent = CAST(?1 AS TEXT) ORDER BY version DESC LIMIT 1";

/// The latest of a respondent's versions with these bytes (`CAST`: as above).
const VERSION_WITH: &str = "SELECT max(version) FROM submission
     WHERE sha256 = CAST(?2 AS TEXT) AND respondent = CAST(?1 AS TEXT)";

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn submission(sha256: &str, valid: bool) -> NewSubmission<'_> {
        NewSubmission {
            respondent: Some("AUT"),
            file: "aut.toml",
            received_at: "2026-12-06T00:00:00Z",
            sha256,
            size: 2,
            bytes: b"{}",
            whole: true,
            resume: false,
            format: "json",
            stage: "final",
            note: None,
            valid,
            errors: usize::from(!valid),
            warnings: 0,
            report: "{}",
            findings: "[]",
        }
    }

    /// A new collection in `dir` (as `c.db`), opened for writing.
    pub(super) fn new_store(dir: &std::path::Path) -> Store {
        let path = dir.join("c.db");
        let pinned = Pinned {
            id: "q".into(),
            version: "1".into(),
            toml: String::new(),
            schema: String::new(),
        };
        Store::create(&path, &pinned, &[], &[], "2026-12-06T00:00:00Z").unwrap();
        Store::open(&path, true).unwrap()
    }

    /// Anyone can send invalid replies naming a country: finding each respondent's latest
    /// accepted version must take work in proportion to the versions, not to their square.
    /// Counted in SQLite's virtual-machine steps, not in time.
    #[test]
    fn the_latest_accepted_version_is_found_in_linear_work() {
        let dir = tempfile::tempdir().unwrap();
        let store = new_store(dir.path());
        let steps = |versions: usize| {
            store
                .transaction(|| {
                    for n in 0..versions {
                        let sha = format!("{n:064}");
                        store.add(&submission(&sha, false))?;
                    }
                    Ok(())
                })
                .unwrap();
            let mut statement = store
                .conn
                .prepare(&replies_query(Which::LatestAccepted))
                .unwrap();
            let mut rows = statement.query([]).unwrap();
            let mut found = Vec::new();
            while let Some(row) = rows.next().unwrap() {
                found.push(row.get::<_, i64>(1).unwrap());
            }
            drop(rows);
            (
                found,
                statement.get_status(rusqlite::StatementStatus::VmStep),
            )
        };
        store
            .transaction(|| store.add(&submission(&"f".repeat(64), true)).map(drop))
            .unwrap();
        let (found, few) = steps(1_000);
        assert_eq!(found, [1]);
        let (found, many) = steps(3_000);
        assert_eq!(found, [1]);
        // Four times the versions: about four times the work (sixteen if quadratic).
        assert!(many < few * 6, "{few} steps, then {many}");
    }

    /// Storing a reply checks its format and stage without a temporary table (SQLite builds
    /// one for an `IN` list of three, for every row): the program SQLite runs has none.
    #[test]
    fn storing_a_reply_builds_no_temporary_table() {
        let dir = tempfile::tempdir().unwrap();
        let store = new_store(dir.path());
        let mut explain = store
            .conn
            .prepare(&format!("EXPLAIN {INSERT_SUBMISSION}"))
            .unwrap();
        let opcodes: Vec<String> = explain
            .query_map(
                rusqlite::params_from_iter(std::iter::repeat_n(rusqlite::types::Null, 16)),
                |r| r.get(1),
            )
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(opcodes.iter().any(|op| op == "Insert"), "{opcodes:?}");
        assert!(
            !opcodes.iter().any(|op| op == "OpenEphemeral"),
            "{opcodes:?}"
        );
    }

    /// The rules on `format` and `stage` refuse what they refused before they were said as
    /// comparisons, and take every format canvass stores.
    #[test]
    fn the_collection_still_refuses_an_unknown_format_or_stage() {
        let dir = tempfile::tempdir().unwrap();
        let store = new_store(dir.path());
        let add = |n: u8, format: &'static str, stage: &'static str| {
            let sha = format!("{n:064}");
            let s = NewSubmission {
                format,
                stage,
                ..submission(&sha, true)
            };
            store.transaction(|| store.add(&s))
        };
        for (n, format) in (1..).zip(["json", "toml", "xlsx"]) {
            assert!(add(n, format, "final").is_ok(), "{format}");
        }
        for (format, stage) in [
            ("ods", "final"),
            ("JSON", "final"),
            ("", "final"),
            ("json", "late"),
        ] {
            let refused = add(9, format, stage).unwrap_err();
            assert!(refused.contains("CHECK constraint failed"), "{refused}");
        }
    }

    /// Looking up each respondent's latest version while adding costs no new prepared
    /// statement per respondent: SQLite counts how often it prepared one again.
    #[test]
    fn adding_for_many_respondents_prepares_no_statement_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = new_store(dir.path());
        let respondents = ["AUT", "BRA", "CHN", "DZA", "EST"];
        store
            .transaction(|| {
                for (n, respondent) in respondents.iter().enumerate() {
                    let sha = format!("{n:064}");
                    let reply = NewSubmission {
                        respondent: Some(respondent),
                        ..submission(&sha, true)
                    };
                    store.add(&reply)?;
                    store.add(&NewSubmission {
                        resume: true,
                        ..reply
                    })?;
                }
                Ok(())
            })
            .unwrap();
        let reprepared = |sql: &str| {
            store
                .conn
                .prepare_cached(sql)
                .unwrap()
                .get_status(rusqlite::StatementStatus::RePrepare)
        };
        // Both lookups ran once per respondent (the second `add` of each resumes).
        assert_eq!(reprepared(LATEST_BYTES), 0);
        assert_eq!(reprepared(VERSION_WITH), 0);
    }
}

#[cfg(test)]
mod checkpoint_tests {
    use super::*;

    /// A reader must not call a collection cut short while a writer's checkpoint is growing
    /// it (the header already counts the pages; `canvass serve` under load met it). A file
    /// shorter than its header with no log beside it is still refused.
    #[test]
    fn a_file_shorter_than_its_header_is_cut_short_only_without_a_log_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let pinned = Pinned {
            id: "q".into(),
            version: "1".into(),
            toml: "x".repeat(300_000),
            schema: String::new(),
        };
        Store::create(&path, &pinned, &[], &[], "2026-12-06T00:00:00Z").unwrap();
        let whole = std::fs::read(&path).unwrap();
        std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        let refused = header::check(&path, "c.db", len).unwrap_err();
        assert!(refused.contains("cut short"), "{refused}");
        std::fs::write(dir.path().join("c.db-wal"), b"").unwrap();
        assert_eq!(header::check(&path, "c.db", len), Ok(()));
    }
}
