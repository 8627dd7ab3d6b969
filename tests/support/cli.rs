//! Running the `canvass` binary from tests: its exit status and what it printed, without
//! colour. Shared by the end-to-end tests.

#![allow(dead_code)] // each user takes what it needs

use std::process::Command;

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn canvass(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("canvass writes UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("canvass writes UTF-8"),
    }
}

/// The binary started with its standard input, output and error piped, without colour: for
/// tests that write to it while it runs.
pub fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// A fresh, empty folder for one test, named after it; removed when the test ends.
pub fn temp_dir(name: &str) -> TempFolder {
    TempFolder(
        tempfile::Builder::new()
            .prefix(&format!("canvass-{name}-"))
            .tempdir()
            .unwrap(),
    )
}

/// A folder that is removed with everything in it when dropped; used as a `Path`.
pub struct TempFolder(tempfile::TempDir);

impl AsRef<std::path::Path> for TempFolder {
    fn as_ref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl std::ops::Deref for TempFolder {
    type Target = std::path::Path;

    fn deref(&self) -> &std::path::Path {
        self.0.path()
    }
}

/// The file name a report gives a reply, without its folders.
pub fn base_name(reply: &serde_json::Value) -> String {
    let file = reply["file"].as_str().unwrap();
    file.rsplit('/').next().unwrap().to_string()
}

/// Peak resident memory of a running process so far, in KiB (Linux).
pub fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
