//! Folding the write-ahead log back into the collection while a long `intake add` runs, on a
//! connection and a thread of its own. Without it SQLite does all of that work alone when the
//! last connection closes: it copies the log into the file, syncs the file and deletes the
//! log, while every judge has long finished. Done as the run goes, it overlaps the judging,
//! and the log stays short because it starts again from its beginning once folded back.
//!
//! It must not write anything of its own: it only runs passive checkpoints. Those copy what
//! is committed and wait for no one, and a writer never waits for them. Whatever they leave,
//! the last connection folds back as it closes, as before.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// A thread folding a collection's log back every so often, until dropped.
pub struct Checkpointer {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Checkpointer {
    /// How often a long `intake add` folds the log back: a few times per batch of replies.
    pub const EVERY: Duration = Duration::from_millis(50);

    /// Start folding back the log of the collection at `path` every `every`. `None` when it
    /// cannot be opened a second time: the log is then folded back on closing, as before.
    pub fn start(path: &Path, every: Duration) -> Option<Self> {
        // Never created here: only the collection already opened and checked is folded.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).ok()?;
        // The file is synced once the log is folded back into it, as the close would.
        conn.pragma_update(None, "synchronous", "FULL").ok()?;
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("checkpoint".into())
            .spawn(move || {
                while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(every) {
                    // A failure (busy, a full disk) leaves the rest to the next round or the
                    // close; the writer's own transactions are what make replies durable.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .ok()?;
        Some(Self {
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl Drop for Checkpointer {
    /// Stop at once (not after the current wait) and close its connection before returning,
    /// so that the collection's own connection is the last to close.
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::NewSubmission;
    use super::super::tests::{new_store, submission};
    use super::*;

    /// Replies committed while it runs reach the collection's file itself, not only the log
    /// (which, without it, is folded back only when the last connection closes); and the
    /// collection stays whole.
    #[test]
    fn the_log_is_folded_back_while_replies_are_added() {
        let dir = tempfile::tempdir().unwrap();
        let store = new_store(dir.path());
        let path = dir.path().join("c.db");
        let add = |from: usize, to: usize| {
            store
                .transaction(|| {
                    for n in from..to {
                        let sha256 = format!("{n:064}");
                        let bytes = format!("{{\"reply\": \"number {n:04}\"}}{:4096}", "");
                        store.add(&NewSubmission {
                            size: bytes.len() as u64,
                            bytes: bytes.as_bytes(),
                            ..submission(&sha256, true)
                        })?;
                    }
                    Ok(())
                })
                .unwrap();
        };
        add(0, 64);
        // Only a checkpoint writes the file itself; a commit writes the log.
        let in_file = |n: usize| {
            let file = std::fs::read(&path).unwrap();
            let marker = format!("number {n:04}");
            file.windows(marker.len()).any(|w| w == marker.as_bytes())
        };
        assert!(!in_file(63));
        let checkpointer = Checkpointer::start(&path, Duration::from_millis(1)).unwrap();
        // Waited for, not timed.
        let mut waited = 0;
        while !in_file(63) && waited < 1_000 {
            std::thread::sleep(Duration::from_millis(10));
            waited += 1;
        }
        assert!(
            in_file(63),
            "the last reply is not in the file after {waited} waits"
        );
        add(64, 128);
        drop(checkpointer);
        let versions: i64 = store
            .conn
            .query_row("SELECT count(*) FROM submission", [], |r| r.get(0))
            .unwrap();
        assert_eq!(versions, 128);
        let check: String = store
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
}
