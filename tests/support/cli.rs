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
