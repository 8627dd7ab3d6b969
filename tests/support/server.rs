//! `canvass serve` started for a test, on a free loopback port, killed when the test ends
//! however it ends. Shared by the server's and the browser's tests.

#![allow(dead_code)] // each user takes what it needs

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A server on a free loopback port, killed when dropped.
pub struct Server {
    pub child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(db: &str, per_minute: &str) -> Server {
    serve_with(db, per_minute, None)
}

/// A server with the secretariat's secret in its environment.
pub fn serve_with(db: &str, per_minute: &str, secret: Option<&str>) -> Server {
    serve_args(db, per_minute, secret, &[])
}

/// A server with more arguments (`--client-timeout 1`).
pub fn serve_args(db: &str, per_minute: &str, secret: Option<&str>, more: &[&str]) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_canvass"));
    command.env_remove("CANVASS_SECRET");
    if let Some(secret) = secret {
        command.env("CANVASS_SECRET", secret);
    }
    let mut child = command
        .args([
            "serve",
            "--db",
            db,
            "--listen",
            "127.0.0.1:0",
            "--per-minute",
            per_minute,
        ])
        .args(more)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_string();
    Server { child, base }
}
