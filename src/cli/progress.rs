//! A progress line on standard error for long batches (`validate`, `intake add`): shown
//! only when standard error is a terminal and the batch has run for a second, cleared at
//! the end. Never written into a pipe or a file, so reports stay clean.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a batch runs before its progress is shown: short ones never flicker.
const DELAY: Duration = Duration::from_secs(1);

#[derive(Clone)]
pub struct Progress {
    on_terminal: bool,
    started: Instant,
    count: u64,
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn new() -> Self {
        Self {
            on_terminal: std::io::stderr().is_terminal(),
            started: Instant::now(),
            count: 0,
            bar: None,
        }
    }

    /// One more reply done.
    pub fn tick(&mut self) {
        self.count += 1;
        if !self.on_terminal {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() >= DELAY {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} replies judged ({per_sec})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(self.count);
        }
    }

    /// Run `f` (which writes to the terminal) with the progress line out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
