//! Read-only connections to the collection, kept open for the server's life and lent to one
//! request at a time. Opening SQLite for every check cost the open itself, and more: when the
//! last connection to a file closes, SQLite folds its write-ahead log back into it (with an
//! fsync), which under load happened between almost every two requests. A connection kept
//! here sees every version committed before its next statement, as a new one would.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::intake::store::Store;

/// How many idle connections are kept (more are opened under load, and closed after).
const KEPT: usize = 8;

pub struct Readers {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Readers {
    /// The pool, holding one connection from the start (so the file is never left without
    /// one while the server runs).
    pub fn new(db: PathBuf) -> Result<Self, String> {
        let first = Store::open(&db, false)?;
        Ok(Self {
            db,
            idle: Mutex::new(vec![first]),
        })
    }

    /// A connection for one request, given back when dropped.
    pub fn get(&self) -> Result<Reader<'_>, String> {
        let kept = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let store = match kept {
            Some(store) => store,
            None => Store::open(&self.db, false)?,
        };
        Ok(Reader {
            store: Some(store),
            home: self,
        })
    }
}

/// A lent connection.
pub struct Reader<'r> {
    store: Option<Store>,
    home: &'r Readers,
}

impl Deref for Reader<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        self.store
            .as_ref()
            .expect("a reader holds its store until dropped")
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if let (Some(store), Ok(mut idle)) = (self.store.take(), self.home.idle.lock())
            && idle.len() < KEPT
        {
            idle.push(store);
        }
    }
}
