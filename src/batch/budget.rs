//! A bound, in bytes, on the replies a batch holds at once when it keeps their bytes (the
//! collection stores them): replies of 15 MiB each must not pile up by the hundred between the
//! reader and the disk.
//!
//! The one thread that finds replies takes their bytes from the budget, in input order,
//! before handing them on; the bytes are given back when the last holder of the reply's
//! [`Ticket`] lets it go (the intake, once the reply is committed). Taking in input order is
//! what keeps this free of deadlock: the oldest reply still held always has its share, and
//! everything after it waits for the replies before it to be let go, never the other way.
//! This module must not read replies or know what is done with them.

use std::sync::{Arc, Condvar, Mutex};

/// Bytes that may be held at once, shared by every ticket taken from it.
#[derive(Clone)]
pub struct Budget(Arc<Shared>);

struct Shared {
    held: Mutex<u64>,
    freed: Condvar,
    most: u64,
}

/// A reply's share of the budget, given back when dropped.
pub struct Ticket {
    budget: Budget,
    bytes: u64,
}

impl Budget {
    /// A budget of `most` bytes.
    pub fn new(most: u64) -> Self {
        Self(Arc::new(Shared {
            held: Mutex::new(0),
            freed: Condvar::new(),
            most,
        }))
    }

    /// Take `bytes` now if they fit (or if nothing is held: one reply larger than the whole
    /// budget still passes, alone).
    pub fn try_take(&self, bytes: u64) -> Option<Ticket> {
        let mut held = self.lock();
        self.fits(*held, bytes)
            .then(|| self.ticket(&mut held, bytes))
    }

    /// Take `bytes`, waiting for earlier replies to be let go.
    pub fn take(&self, bytes: u64) -> Ticket {
        let mut held = self.lock();
        while !self.fits(*held, bytes) {
            held = self
                .0
                .freed
                .wait(held)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        self.ticket(&mut held, bytes)
    }

    fn fits(&self, held: u64, bytes: u64) -> bool {
        held == 0 || held.saturating_add(bytes) <= self.0.most
    }

    fn ticket(&self, held: &mut u64, bytes: u64) -> Ticket {
        *held += bytes;
        Ticket {
            budget: self.clone(),
            bytes,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, u64> {
        // The count is updated in one step under the lock: a panic elsewhere leaves it whole.
        self.0
            .held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Bytes held now.
    pub fn held(&self) -> u64 {
        *self.lock()
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut held = self.budget.lock();
        *held -= self.bytes;
        drop(held);
        self.budget.0.freed.notify_all();
    }
}

impl std::fmt::Debug for Ticket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ticket({} bytes)", self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_wait_for_bytes_to_be_let_go_and_one_large_reply_passes_alone() {
        let budget = Budget::new(100);
        let a = budget.try_take(60).unwrap();
        assert!(budget.try_take(50).is_none());
        let b = budget.try_take(40).unwrap();
        assert_eq!(budget.held(), 100);
        let waiting = {
            let budget = budget.clone();
            std::thread::spawn(move || budget.take(60))
        };
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(budget.held(), 100, "it waits");
        drop(a);
        let c = waiting.join().unwrap();
        assert_eq!(budget.held(), 100);
        drop((b, c));
        assert_eq!(budget.held(), 0);
        // Larger than the whole budget: alone, it passes.
        let huge = budget.try_take(1_000).unwrap();
        assert!(budget.try_take(1).is_none());
        drop(huge);
    }
}
