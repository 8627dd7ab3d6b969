//! What a hostile reply can make canvass print. Replies, keys and file names are text
//! from outside: in the human report every character that would drive the terminal is
//! shown escaped, and output grows with the findings, never with the length of a line.

#[path = "support/cli.rs"]
mod cli;

use cli::{canvass, temp_dir};

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

/// Resident memory of a running process, in KiB (Linux).
fn resident_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Wait for a child to exit, at most `seconds`.
fn wait_for(child: &mut std::process::Child, seconds: u64) -> Option<i32> {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(seconds) {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_line_on_standard_input_runs_in_flat_memory() {
    use std::io::{BufRead, Write};
    let mut child = cli::spawn(&[
        "validate",
        "-q",
        DEMO,
        "-",
        "--format",
        "ndjson",
        "--max-reply-bytes",
        "1000000",
    ]);
    let mut stdin = child.stdin.take().unwrap();
    let pid = child.id();
    // 400 MB of zeros with no line end: the line is reported as too large at once, and
    // the rest of it is skipped, not kept.
    let feeder = std::thread::spawn(move || {
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..400 {
            if stdin.write_all(&zeros).is_err() {
                return;
            }
        }
    });
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let reply: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(reply["file"], "-:1");
    assert_eq!(reply["findings"][0]["code"], "syntax");
    assert!(first.contains("over the limit"), "{first}");
    let mut peak = 0;
    while !feeder.is_finished() {
        peak = peak.max(resident_kib(pid).unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    feeder.join().unwrap();
    assert!(peak < 60 * 1024, "resident memory reached {peak} KiB");
    assert_eq!(wait_for(&mut child, 10), Some(1));
}

/// A valid sample reply written on one line, as a stream carries it.
fn sample_reply_on_one_line() -> String {
    std::fs::read_to_string("questionnaires/res-16-2/replies/fra.json")
        .unwrap()
        .lines()
        .collect()
}

#[test]
fn a_closed_report_stops_an_endless_stream_promptly() {
    use std::io::{BufRead, Write};
    let reply = sample_reply_on_one_line();
    let mut child = cli::spawn(&["validate", "-q", "res-16-2", "-", "--format", "ndjson"]);
    let mut stdin = child.stdin.take().unwrap();
    // Replies for as long as canvass reads them (like `yes`): it must not wait for an
    // end that never comes.
    let feeder = std::thread::spawn(move || {
        let line = format!("{reply}\n");
        while stdin.write_all(line.as_bytes()).is_ok() {}
    });
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("\"valid\":true"), "{first}");
    drop(stdout); // `| head -1`
    assert_eq!(wait_for(&mut child, 10), Some(2), "canvass did not stop");
    feeder.join().unwrap();
}

#[test]
fn the_html_page_is_written_as_the_replies_come() {
    use std::io::{Read, Write};
    let reply = sample_reply_on_one_line();
    let mut child = cli::spawn(&["validate", "-q", "res-16-2", "-", "--format", "html"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{reply}\n").as_bytes()).unwrap();
    stdin.flush().unwrap();
    // The first reply's section arrives while standard input is still open.
    let mut stdout = child.stdout.take().unwrap();
    let mut page = Vec::new();
    let mut chunk = [0u8; 4096];
    while !String::from_utf8_lossy(&page).contains("</section>") {
        let n = stdout.read(&mut chunk).unwrap();
        assert!(n > 0, "the page ended early");
        page.extend_from_slice(&chunk[..n]);
    }
    drop(stdin);
    stdout.read_to_end(&mut page).unwrap();
    assert_eq!(wait_for(&mut child, 10), Some(0));
    let page = String::from_utf8(page).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Content-Security-Policy"));
    assert!(page.contains("1 reply checked: 1 valid"));
    assert!(page.ends_with("</html>\n"));
}

/// A questionnaire's languages become a page's `lang` attribute and a template's heading:
/// `check` refuses anything that is not a language tag, so no markup or line break rides in.
#[test]
fn a_language_that_is_not_a_language_tag_is_refused_by_check() {
    let dir = cli::temp_dir("language-tag");
    for bad in [
        "en\\\"><script>alert(1)</script>",
        "fr\\nversion = \\\"2\\\"",
        "e",
        "en_US",
        "",
    ] {
        let path = dir.join("q.toml");
        std::fs::write(
            &path,
            format!(
                "id = \"q\"\nversion = \"1\"\ntitle = \"Q\"\nlanguages = [\"{bad}\"]\n\n[[section]]\nid = \"s\"\ntitle = \"S\"\n\n[[section.question]]\nid = \"a\"\ntext = \"A\"\ntype = \"yes_no\"\n"
            ),
        )
        .unwrap();
        let run = cli::canvass(&["check", path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(run.status, 2, "{bad}: {}", run.stdout);
        assert!(
            run.stdout.contains("is not a language tag") || run.stdout.contains("is empty"),
            "{bad}: {}",
            run.stdout
        );
    }
    // Tags as people write them pass.
    for good in ["en", "fr", "es-419", "zh-Hans", "ar", "ru"] {
        let path = dir.join("q.toml");
        std::fs::write(
            &path,
            format!(
                "id = \"q\"\nversion = \"1\"\ntitle = \"Q\"\nlanguages = [\"{good}\"]\n\n[[section]]\nid = \"s\"\ntitle = \"S\"\n\n[[section.question]]\nid = \"a\"\ntext = \"A\"\ntype = \"yes_no\"\n"
            ),
        )
        .unwrap();
        let run = cli::canvass(&["check", path.to_str().unwrap()]);
        assert_eq!(run.status, 0, "{good}: {}", run.stderr);
    }
}

/// Respondent ids and answers are text from outside, and a reviewer may accept a reply whose
/// answers are not what they should be: every cell of every CSV canvass writes (the status,
/// the export, the tables) goes through the spreadsheet guard, and the Markdown tables escape
/// markup and the cell separator.
#[test]
fn csv_cells_cannot_be_formulas_and_markdown_cannot_carry_markup() {
    let dir = temp_dir("csv-guard");
    let q = dir.join("q.toml");
    std::fs::write(
        &q,
        "id = \"who\"\nversion = \"1\"\ntitle = \"Who\"\nlanguages = [\"en\"]\nrespondent = \"r.name\"\n\n\
         [[section]]\nid = \"r\"\ntitle = \"Respondent\"\n\n\
         [[section.question]]\nid = \"name\"\ntext = \"Who replies\"\ntype = \"text\"\nrequired = true\n\n\
         [[section.question]]\nid = \"since\"\ntext = \"Since when\"\ntype = \"date\"\n",
    )
    .unwrap();
    let reply = dir.join("a.toml");
    std::fs::write(
        &reply,
        "questionnaire = \"who\"\nversion = \"1\"\n\n[r]\nname = \"=HYPERLINK(\\\"http://x\\\")\"\nsince = \"=1+2|<b>x</b>\"\n",
    )
    .unwrap();
    let db = dir.join("c.db").display().to_string();
    let ok = |args: &[&str]| {
        let run = canvass(args);
        assert!(run.status <= 1, "{args:?}: {}", run.stderr);
        run.stdout
    };
    ok(&["intake", "init", "-q", q.to_str().unwrap(), "--db", &db]);
    ok(&["intake", "add", "--db", &db, reply.to_str().unwrap()]);
    let who = "=HYPERLINK(\"http://x\")";
    ok(&[
        "intake",
        "accept",
        who,
        "--version",
        "1",
        "--note",
        "read",
        "--db",
        &db,
    ]);

    let guarded = "\"'=HYPERLINK(\"\"http://x\"\")\"";
    let status = ok(&["intake", "status", "--db", &db, "--format", "csv"]);
    assert!(
        status.lines().nth(1).unwrap().starts_with(guarded),
        "{status}"
    );
    let out = dir.join("export");
    ok(&[
        "intake",
        "export",
        "--db",
        &db,
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    let replies = std::fs::read_to_string(out.join("replies.csv")).unwrap();
    assert!(
        replies.lines().nth(1).unwrap().starts_with(guarded),
        "{replies}"
    );
    let tables = ok(&["tabulate", "--db", &db, "--format", "csv"]);
    assert!(
        tables.contains("r.since,,date,min,,earliest,'=1+2|<b>x</b>\n"),
        "{tables}"
    );
    let md = ok(&["tabulate", "--db", &db, "--format", "md"]);
    assert!(
        md.contains("| earliest | =1+2\\|\\<b\\>x\\</b\\> |\n"),
        "{md}"
    );
    assert!(!md.contains("<b>"), "{md}");
    let page = ok(&["tabulate", "--db", &db, "--format", "html"]);
    assert!(page.contains("=1+2|&lt;b&gt;x&lt;/b&gt;"), "{page}");
    assert!(!page.contains("<b>"), "{page}");
}

/// `intake add` keeps every reply's bytes until they are stored: what it holds at once is
/// bounded in bytes, not in replies, so 40 replies of 8 MiB (320 MiB) never sit in memory
/// together.
#[cfg(target_os = "linux")]
#[test]
fn intake_add_holds_large_replies_within_a_byte_bound() {
    let dir = temp_dir("large-replies");
    let replies = dir.join("replies");
    std::fs::create_dir(&replies).unwrap();
    let aut = std::fs::read_to_string("questionnaires/res-16-2/replies/aut.toml").unwrap();
    let pad = format!("#{}\n", "x".repeat(8 << 20));
    for n in 0..40 {
        std::fs::write(
            replies.join(format!("aut-{n:02}.toml")),
            format!("{aut}# {n}\n{pad}"),
        )
        .unwrap();
    }
    let db = dir.join("c.db").display().to_string();
    assert_eq!(
        canvass(&["intake", "init", "-q", "res-16-2", "--db", &db]).status,
        0
    );
    let mut child = cli::spawn(&["intake", "add", "--db", &db, replies.to_str().unwrap()]);
    let pid = child.id();
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        peak = peak.max(cli::peak_kib(pid).unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 40);
    // 478 MB before the bound; 179 MB with it (`validate` of the same folder: 83 MB).
    assert!(peak < 260 * 1024, "resident memory reached {peak} KiB");
}
