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

/// A fresh, empty folder for one test, named after it and this test process.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("canvass-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The file name a report gives a reply, without its folders.
pub fn base_name(reply: &serde_json::Value) -> String {
    let file = reply["file"].as_str().unwrap();
    file.rsplit('/').next().unwrap().to_string()
}
