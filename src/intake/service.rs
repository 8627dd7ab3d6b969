//! The intake as a service: take judged replies, store them, and hand back each one's receipt
//! only once the transaction that holds it has committed. The command line (`intake add`) and
//! a server share this policy; what they print or send is theirs.
//!
//! Durability policy: replies are stored in batches, one transaction each (every commit waits
//! for the disk); a batch is committed when it holds [`Intake::BATCH`] replies, or when a
//! stored reply has waited [`Intake::PROMPT`] and no more are coming just now, or at the end.
//! Each reply is stored in its batch's open transaction as it is taken, so the work of storing
//! overlaps the judging of the next replies and a commit waits only for the disk.
//! A failure to store is an error returned to the caller: what was committed keeps its
//! receipts, the rest has none and is not stored.
//!
//! Where replies are kept is a [`Collection`]: today one SQLite file ([`SqliteCollection`]);
//! another database fills the same trait. It must not judge replies (that is
//! [`crate::judge`]'s) nor word anything for a person.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::store::{
    Acceptance, Explained, Latest, NewSubmission, Pinned, Previous, Store, Stored, StoredReply,
    StoredVersion, Which,
};
use super::{Received, Stage};

/// Why the intake could not do its job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeError {
    /// The collection could not read or write (a full disk, a lock held too long, a file
    /// that is not a collection); its own account.
    Collection(String),
}

impl std::fmt::Display for IntakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntakeError::Collection(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for IntakeError {}

impl From<IntakeError> for String {
    fn from(e: IntakeError) -> Self {
        e.to_string()
    }
}

impl From<String> for IntakeError {
    fn from(why: String) -> Self {
        IntakeError::Collection(why)
    }
}

/// Where received replies are kept: everything the intake, the status, the exports and a
/// server ask of a collection, so that another database can fill it. Shared between threads
/// (a server's handlers); each call is whole: done and durable, or not done at all (a
/// [`Transaction`] is one such whole, from `begin` to its commit).
pub trait Collection: Send + Sync {
    /// The questionnaire the collection is pinned to.
    fn pinned(&self) -> Result<Pinned, IntakeError>;
    /// Open a transaction to store replies in, one by one as they come; nothing of it is
    /// kept until it commits. It holds the collection for writing until then.
    fn begin(&self) -> Result<Box<dyn Transaction + '_>, IntakeError>;
    /// The expected respondents, by id, with their region when known.
    fn expected(&self) -> Result<Vec<(String, Option<String>)>, IntakeError>;
    /// Each respondent's latest version, by respondent id.
    fn latest(&self) -> Result<Vec<Latest>, IntakeError>;
    /// How many submissions name no readable respondent.
    fn unidentified(&self) -> Result<i64, IntakeError>;
    /// Take in version `version` of a respondent despite its findings: refused when it is
    /// not the latest, unless `not_latest`.
    fn accept(
        &self,
        respondent: &str,
        version: i64,
        not_latest: bool,
        note: &str,
        now: &str,
    ) -> Result<Acceptance, IntakeError>;
    /// One version of a respondent (the latest when `version` is `None`).
    fn version_of(
        &self,
        respondent: &str,
        version: Option<i64>,
    ) -> Result<Option<StoredVersion>, IntakeError>;
    /// Call `f` with one stored reply per respondent (by respondent id), one at a time.
    fn replies(
        &self,
        which: Which,
        f: &mut dyn FnMut(StoredReply) -> Result<(), String>,
    ) -> Result<(), IntakeError>;
    /// The explanations reviewers recorded, by respondent id.
    fn explanations(&self) -> Result<Vec<(String, Explained)>, IntakeError>;
    /// The previous cycle's reply of `respondent`, if it had one.
    fn previous(&self, respondent: &str) -> Result<Option<Previous>, IntakeError>;
}

/// Replies being stored in one transaction of a [`Collection`]: all of them are kept once
/// [`Transaction::commit`] returns, none of them if it fails or the transaction is dropped
/// before.
pub trait Transaction {
    /// Store one reply as its respondent's next version. A reply whose bytes and stage are
    /// its respondent's latest version (stored before, or earlier in this transaction) is
    /// not stored again ([`Stored::Unchanged`]).
    fn add(&mut self, reply: &NewSubmission<'_>) -> Result<Stored, IntakeError>;
    /// Commit; returns once what was added is durable.
    fn commit(self: Box<Self>) -> Result<(), IntakeError>;
}

/// A collection in one SQLite file.
pub struct SqliteCollection(Mutex<Store>);

impl SqliteCollection {
    /// Serve `store` as a collection (opened for writing to store and accept).
    pub fn new(store: Store) -> Self {
        Self(Mutex::new(store))
    }

    /// Every respondent's previous cycle the collection keeps, by respondent id.
    pub fn all_previous(&self) -> Result<Vec<Previous>, String> {
        self.lock().all_previous(None)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        // A thread that panicked while holding the store left no transaction open that
        // could commit (a transaction is begun and ended within one call).
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Collection for SqliteCollection {
    fn pinned(&self) -> Result<Pinned, IntakeError> {
        Ok(self.lock().pinned()?)
    }

    fn expected(&self) -> Result<Vec<(String, Option<String>)>, IntakeError> {
        Ok(self.lock().expected()?)
    }

    fn latest(&self) -> Result<Vec<Latest>, IntakeError> {
        Ok(self.lock().latest()?)
    }

    fn unidentified(&self) -> Result<i64, IntakeError> {
        Ok(self.lock().unidentified()?)
    }

    fn explanations(&self) -> Result<Vec<(String, Explained)>, IntakeError> {
        Ok(self.lock().all_explanations()?)
    }

    fn previous(&self, respondent: &str) -> Result<Option<Previous>, IntakeError> {
        Ok(self.lock().previous(respondent)?)
    }

    fn accept(
        &self,
        respondent: &str,
        version: i64,
        not_latest: bool,
        note: &str,
        now: &str,
    ) -> Result<Acceptance, IntakeError> {
        Ok(self
            .lock()
            .accept(respondent, version, not_latest, note, now)?)
    }

    fn version_of(
        &self,
        respondent: &str,
        version: Option<i64>,
    ) -> Result<Option<StoredVersion>, IntakeError> {
        Ok(self.lock().version_of(respondent, version)?)
    }

    fn replies(
        &self,
        which: Which,
        f: &mut dyn FnMut(StoredReply) -> Result<(), String>,
    ) -> Result<(), IntakeError> {
        Ok(self.lock().replies(which, f)?)
    }

    fn begin(&self) -> Result<Box<dyn Transaction + '_>, IntakeError> {
        let store = self.lock();
        store.begin()?;
        Ok(Box::new(SqliteTransaction { store, open: true }))
    }
}

/// A transaction on the SQLite file; it holds the store (no other call of this process
/// runs inside it) and rolls back when dropped uncommitted.
struct SqliteTransaction<'c> {
    store: std::sync::MutexGuard<'c, Store>,
    open: bool,
}

impl Transaction for SqliteTransaction<'_> {
    fn add(&mut self, reply: &NewSubmission<'_>) -> Result<Stored, IntakeError> {
        Ok(self.store.add(reply)?)
    }

    fn commit(mut self: Box<Self>) -> Result<(), IntakeError> {
        // A COMMIT that failed may have left the transaction open: dropped, it rolls back.
        self.store.commit()?;
        self.open = false;
        Ok(())
    }
}

impl Drop for SqliteTransaction<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.store.rollback();
        }
    }
}

/// What became of one reply: stored (as a new version, or as one already there), or not
/// stored because nothing could be read.
#[derive(Debug)]
pub struct Receipt {
    /// The reply as judged.
    pub received: Received,
    /// What storing it did; `None` when there was nothing to store.
    pub stored: Option<Stored>,
    /// When it was received (RFC 3339, UTC).
    pub received_at: String,
}

/// One intake run: replies in, receipts out once durable.
pub struct Intake<'c> {
    collection: &'c dyn Collection,
    stage: Stage,
    note: Option<String>,
    /// The transaction pending replies are stored in as they come (so that committing at
    /// the end waits only for the disk); `None` while nothing is pending.
    open: Option<Box<dyn Transaction + 'c>>,
    /// Taken, stored in `open` but not yet committed, in order: each with when it was
    /// received and what storing it did (`None`: nothing to store).
    pending: Vec<(Received, String, Option<Stored>)>,
    /// Bytes pending.
    pending_bytes: usize,
    /// When the oldest pending reply was taken.
    opened: Instant,
    /// Resuming an interrupted run: a reply already stored, as any version of its
    /// respondent, is not stored again.
    resume: bool,
}

impl<'c> Intake<'c> {
    /// Replies stored per transaction: fewer commits (each waits for the disk), receipts
    /// still given within moments.
    pub const BATCH: usize = 1024;

    /// Bytes of replies after which a transaction is committed whatever their number: large
    /// replies are let go of soon (half of what a batch may hold at once).
    pub const BATCH_BYTES: usize = 16 << 20;

    /// How long a reply waits for its receipt when no more replies are coming just now.
    pub const PROMPT: Duration = Duration::from_millis(200);

    /// An intake into `collection` of replies sent at `stage`, each kept with `note`.
    pub fn new(collection: &'c dyn Collection, stage: Stage, note: Option<String>) -> Self {
        Self {
            collection,
            stage,
            note,
            open: None,
            pending: Vec::new(),
            pending_bytes: 0,
            opened: Instant::now(),
            resume: false,
        }
    }

    /// Resume an interrupted run: replies whose bytes their respondent already sent (as any
    /// version, not only the latest) are recognised, not stored again.
    #[must_use]
    pub fn resume(mut self, resume: bool) -> Self {
        self.resume = resume;
        self
    }

    /// The stage replies of this run are stored at.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// Take one reply; the receipts that are durable now (none, or a whole batch). On an
    /// error, what was pending is given up: none of it is kept, none of it has a receipt.
    pub fn take(&mut self, r: Received) -> Result<Vec<Receipt>, IntakeError> {
        let received_at = super::now();
        if r.bytes.is_none() && self.pending.is_empty() {
            // Nothing to store and nothing to wait for: its receipt now.
            return Ok(vec![Receipt {
                received: r,
                stored: None,
                received_at,
            }]);
        }
        let stored = match r.bytes.as_deref() {
            Some(bytes) => Some(self.store(&r, bytes, &received_at)?),
            None => None,
        };
        if self.pending.is_empty() {
            self.opened = Instant::now();
        }
        self.pending_bytes += r.bytes.as_ref().map_or(0, Vec::len);
        self.pending.push((r, received_at, stored));
        if self.pending.len() >= Self::BATCH || self.pending_bytes >= Self::BATCH_BYTES {
            return self.commit();
        }
        Ok(Vec::new())
    }

    /// Store one reply in the open transaction (opened now if none is).
    fn store(&mut self, r: &Received, bytes: &[u8], at: &str) -> Result<Stored, IntakeError> {
        let mut transaction = match self.open.take() {
            Some(open) => open,
            None => self.collection.begin()?,
        };
        match transaction.add(&self.submission(r, bytes, at)) {
            Ok(stored) => {
                self.open = Some(transaction);
                Ok(stored)
            }
            Err(e) => {
                // Dropped, the transaction rolls back.
                drop(transaction);
                self.give_up();
                Err(e)
            }
        }
    }

    /// Nothing more is coming just now: commit what has waited long enough.
    pub fn idle(&mut self) -> Result<Vec<Receipt>, IntakeError> {
        if self.opened.elapsed() >= Self::PROMPT {
            return self.commit();
        }
        Ok(Vec::new())
    }

    /// Commit whatever is pending; its receipts.
    pub fn commit(&mut self) -> Result<Vec<Receipt>, IntakeError> {
        if let Some(open) = self.open.take() {
            open.commit().inspect_err(|_| self.give_up())?;
        }
        let pending = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        Ok(pending
            .into_iter()
            .map(|(received, received_at, stored)| Receipt {
                received,
                stored,
                received_at,
            })
            .collect())
    }

    /// Give up what is pending: its transaction rolls back as it is dropped.
    fn give_up(&mut self) {
        self.open = None;
        self.pending.clear();
        self.pending_bytes = 0;
    }

    /// What the collection is given to store of a reply of this run.
    fn submission<'a>(
        &'a self,
        r: &'a Received,
        bytes: &'a [u8],
        at: &'a str,
    ) -> NewSubmission<'a> {
        NewSubmission {
            respondent: r.respondent.as_deref(),
            file: &r.file,
            received_at: at,
            sha256: &r.sha256,
            size: r.size,
            bytes,
            whole: r.whole,
            resume: self.resume,
            format: r.format.as_str(),
            stage: self.stage.as_str(),
            note: self.note.as_deref(),
            valid: r.valid,
            errors: r.errors,
            warnings: r.warnings,
            report: &r.report,
            findings: &r.findings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Format;

    /// A collection in memory that can be told to fail (to store a reply, or to commit); it
    /// records how many replies each committed transaction held.
    #[derive(Default)]
    struct Memory {
        transactions: Mutex<Vec<usize>>,
        fail: bool,
        fail_to_store: bool,
    }

    struct MemoryTransaction<'m> {
        memory: &'m Memory,
        added: usize,
    }

    impl Transaction for MemoryTransaction<'_> {
        fn add(&mut self, _: &NewSubmission<'_>) -> Result<Stored, IntakeError> {
            // Told to fail, it stores the first reply of a transaction and no other.
            if self.memory.fail_to_store && self.added > 0 {
                return Err(IntakeError::Collection("no such table".into()));
            }
            self.added += 1;
            Ok(Stored::Added(Some(i64::try_from(self.added).unwrap())))
        }

        fn commit(self: Box<Self>) -> Result<(), IntakeError> {
            if self.memory.fail {
                return Err(IntakeError::Collection("disk full".into()));
            }
            self.memory.transactions.lock().unwrap().push(self.added);
            Ok(())
        }
    }

    impl Collection for Memory {
        fn pinned(&self) -> Result<Pinned, IntakeError> {
            Err(IntakeError::Collection("not pinned".into()))
        }

        fn expected(&self) -> Result<Vec<(String, Option<String>)>, IntakeError> {
            Ok(Vec::new())
        }

        fn latest(&self) -> Result<Vec<Latest>, IntakeError> {
            Ok(Vec::new())
        }

        fn unidentified(&self) -> Result<i64, IntakeError> {
            Ok(0)
        }

        fn explanations(&self) -> Result<Vec<(String, Explained)>, IntakeError> {
            Ok(Vec::new())
        }

        fn previous(&self, _: &str) -> Result<Option<Previous>, IntakeError> {
            Ok(None)
        }

        fn accept(
            &self,
            _: &str,
            _: i64,
            _: bool,
            _: &str,
            _: &str,
        ) -> Result<Acceptance, IntakeError> {
            Ok(Acceptance::NoReply)
        }

        fn version_of(
            &self,
            _: &str,
            _: Option<i64>,
        ) -> Result<Option<StoredVersion>, IntakeError> {
            Ok(None)
        }

        fn replies(
            &self,
            _: Which,
            _: &mut dyn FnMut(StoredReply) -> Result<(), String>,
        ) -> Result<(), IntakeError> {
            Ok(())
        }

        fn begin(&self) -> Result<Box<dyn Transaction + '_>, IntakeError> {
            Ok(Box::new(MemoryTransaction {
                memory: self,
                added: 0,
            }))
        }
    }

    fn received(name: &str, bytes: Option<&[u8]>) -> Received {
        Received {
            file: name.into(),
            respondent: Some("AUT".into()),
            sha256: "0".repeat(64),
            size: bytes.map_or(0, |b| b.len() as u64),
            bytes: bytes.map(<[u8]>::to_vec),
            whole: true,
            format: Format::Json,
            valid: true,
            errors: 0,
            warnings: 0,
            report: "{}".into(),
            findings: "[]".into(),
            ticket: None,
        }
    }

    #[test]
    fn receipts_come_only_after_their_batch_is_stored_and_in_order() {
        let memory = Memory::default();
        let mut intake = Intake::new(&memory, Stage::Final, None);
        assert!(intake.take(received("a", Some(b"{}"))).unwrap().is_empty());
        // Unreadable, behind a pending reply: it waits its turn.
        assert!(intake.take(received("b", None)).unwrap().is_empty());
        assert!(intake.take(received("c", Some(b"[]"))).unwrap().is_empty());
        assert!(memory.transactions.lock().unwrap().is_empty());
        let receipts = intake.commit().unwrap();
        let names: Vec<&str> = receipts.iter().map(|r| r.received.file.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        let stored: Vec<Option<Stored>> = receipts.iter().map(|r| r.stored).collect();
        assert_eq!(
            stored,
            [
                Some(Stored::Added(Some(1))),
                None,
                Some(Stored::Added(Some(2)))
            ]
        );
        assert_eq!(*memory.transactions.lock().unwrap(), [2]);
        // Nothing pending: an unreadable reply gets its receipt at once.
        assert_eq!(intake.take(received("d", None)).unwrap().len(), 1);
    }

    #[test]
    fn a_full_batch_commits_and_a_failure_gives_no_receipt() {
        let memory = Memory::default();
        let mut intake = Intake::new(&memory, Stage::Draft, None);
        for n in 1..Intake::BATCH {
            assert!(
                intake
                    .take(received(&n.to_string(), Some(b"{}")))
                    .unwrap()
                    .is_empty()
            );
        }
        assert_eq!(
            intake.take(received("last", Some(b"{}"))).unwrap().len(),
            Intake::BATCH
        );

        let failing = Memory {
            fail: true,
            ..Memory::default()
        };
        let mut intake = Intake::new(&failing, Stage::Final, None);
        assert!(intake.take(received("a", Some(b"{}"))).unwrap().is_empty());
        assert_eq!(
            intake.commit().unwrap_err(),
            IntakeError::Collection("disk full".into())
        );
        // What failed to commit is given up: committing again hands no receipt for it.
        assert!(intake.commit().unwrap().is_empty());
        assert!(failing.transactions.lock().unwrap().is_empty());
    }

    /// A reply that cannot be stored fails its `take`, and takes the replies pending with
    /// it down: none of them gets a receipt, and the next reply starts a new transaction.
    #[test]
    fn a_reply_that_cannot_be_stored_gives_no_receipt_to_its_batch() {
        let refusing = Memory {
            fail_to_store: true,
            ..Memory::default()
        };
        let mut intake = Intake::new(&refusing, Stage::Final, None);
        assert!(intake.take(received("a", Some(b"{}"))).unwrap().is_empty());
        assert_eq!(
            intake.take(received("b", Some(b"[]"))).unwrap_err(),
            IntakeError::Collection("no such table".into())
        );
        assert!(intake.commit().unwrap().is_empty());
        assert!(refusing.transactions.lock().unwrap().is_empty());
        assert!(intake.take(received("c", Some(b"{}"))).unwrap().is_empty());
        let receipts = intake.commit().unwrap();
        let names: Vec<&str> = receipts.iter().map(|r| r.received.file.as_str()).collect();
        assert_eq!(names, ["c"]);
        assert_eq!(*refusing.transactions.lock().unwrap(), [1]);
    }
}
