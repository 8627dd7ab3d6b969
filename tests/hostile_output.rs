//! What a hostile reply can make canvass print. Replies, keys and file names are text
//! from outside: in the human report every character that would drive the terminal is
//! shown escaped, and output grows with the findings, never with the length of a line.

use std::path::PathBuf;

#[path = "support/cli.rs"]
mod cli;

use cli::canvass;

const DEMO: &str = "tests/validate/questionnaire.toml";

/// Characters that must never reach a terminal from a reply: C0 controls but line feed,
/// DEL, C1 controls, bidi controls, zero-width characters.
fn hidden_characters(text: &str) -> Vec<(usize, char)> {
    text.char_indices()
        .filter(|&(_, c)| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("canvass-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn terminal_tricks_are_shown_escaped_in_the_human_report() {
    let run = canvass(&[
        "validate",
        "-q",
        DEMO,
        "tests/hostile/replies/terminal-tricks.json",
        "tests/hostile/replies/terminal-tricks-in-comment.toml",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(hidden_characters(&run.stdout), vec![], "{}", run.stdout);
    // Each trick is still there for the reviewer to see, as an escape.
    for shown in [
        r"\u{1b}[2J",                // clear the screen (in a message)
        r"\u{1b}]52;c;",             // set the clipboard
        r"\u{1b}]8;;https://",       // a disguised link
        r"\u{202e}gro.elpmaxe",      // right-to-left override, in a message and a snippet
        r"\u{200b}prosecuted",       // zero-width space in a key
        r"2020-01-01\u{d}\u{1b}[1A", // a carriage return that would overwrite the line
        r"\u{9b}31m",                // C1 control sequence introducer
        r"# \u{1b}[2J",              // raw escape in a TOML comment, in the snippet
    ] {
        assert!(
            run.stdout.contains(shown),
            "{shown} not shown in\n{}",
            run.stdout
        );
    }
    insta::assert_snapshot!("terminal_tricks_human", run.stdout);
}

#[test]
fn a_file_name_cannot_drive_the_terminal() {
    let dir = temp_dir("evil-name");
    let name = dir.join("ok\u{1b}[2J\u{1b}]8;;x\u{7}.json");
    std::fs::copy("tests/hostile/replies/terminal-tricks.json", &name).unwrap();
    let too_big = dir.join("big\u{1b}[31m.json");
    std::fs::write(&too_big, "{}".repeat(600)).unwrap();
    let run = canvass(&[
        "validate",
        "-q",
        DEMO,
        "--max-reply-bytes",
        "1000",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(hidden_characters(&run.stdout), vec![], "{}", run.stdout);
    assert!(
        run.stdout.contains(r"ok\u{1b}[2J\u{1b}]8;;x\u{7}.json"),
        "{}",
        run.stdout
    );
    // A reply over the size limit is named in the human report too.
    assert!(run.stdout.contains(r"big\u{1b}[31m.json"), "{}", run.stdout);
}

#[test]
fn a_finding_on_a_very_long_line_shows_a_window_of_it() {
    let dir = temp_dir("long-line");
    let long = "x".repeat(200_000);
    let reply = format!(
        r#"{{"questionnaire": "demo", "version": "1", "main": {{"law": "maybe{long}", "offences": ["sale", "grooming"], "cases": "{long}", "contact": "a@b.org"}}}}"#
    );
    let path = dir.join("long.json");
    std::fs::write(&path, &reply).unwrap();
    let ndjson = dir.join("long.ndjson");
    std::fs::write(&ndjson, format!("{reply}\n{reply}\n")).unwrap();
    for target in [&path, &ndjson] {
        let run = canvass(&["validate", "-q", DEMO, target.to_str().unwrap()]);
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.is_empty(), "{}", run.stderr);
        assert!(
            run.stdout.contains("invalid-option main.law"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("invalid-type main.cases"),
            "{}",
            run.stdout
        );
        // The line is cut around each span, and the value echoed in the message is cut
        // with its full length.
        // (miette wraps the message, so the number and its word may be on two lines.)
        assert!(run.stdout.contains("(200005"), "{}", run.stdout);
        assert!(run.stdout.contains('…'));
        let per_reply = run.stdout.len() / if target == &ndjson { 2 } else { 1 };
        assert!(
            per_reply < 6_000,
            "{} bytes:\n{}",
            run.stdout.len(),
            run.stdout
        );
    }
}
