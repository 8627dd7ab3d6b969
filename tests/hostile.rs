//! Hostile and broken input: every case gets findings or a clear error and the right exit
//! status — never a panic, a hang, or a silently accepted reply. Files are under
//! `tests/hostile/` (named for what they are); the huge and deeply nested cases are
//! generated here, into a temporary folder, rather than committed.

use std::path::{Path, PathBuf};

use serde_json::Value;

const DEMO: &str = "tests/validate/questionnaire.toml";

#[path = "support/cli.rs"]
mod cli;

use cli::{Run, canvass, temp_dir};

/// `validate --format json` of one reply: exit status and the reply's findings.
fn validate(path: &str, extra: &[&str]) -> (i32, Vec<Value>) {
    let mut args = vec!["validate", path, "--format", "json"];
    args.extend_from_slice(extra);
    let run = canvass(&args);
    let document: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{path}: not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    let findings = document["replies"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    (run.status, findings)
}

fn codes(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

/// (file under tests/hostile/replies, exit status, finding codes in order)
const CASES: &[(&str, i32, &[&str])] = &[
    ("truncated.json", 1, &["syntax"]),
    ("truncated.toml", 1, &["syntax"]),
    ("invalid-utf8.json", 1, &["syntax"]),
    ("utf16-with-bom.json", 1, &["syntax"]),
    ("nul-byte-in-string.json", 1, &["syntax"]),
    ("nul-byte.toml", 1, &["syntax"]),
    ("bom-valid.json", 0, &[]),
    ("bom-valid.toml", 0, &[]),
    ("bom-invalid.toml", 1, &["out-of-range"]),
    ("crlf-valid.toml", 0, &[]),
    ("crlf-invalid.toml", 1, &["out-of-range"]),
    ("crlf-invalid.json", 1, &["out-of-range"]),
    ("lone-cr.toml", 1, &["syntax"]),
    ("tabs-valid.toml", 0, &[]),
    // Beyond what canvass holds exactly: refused where written, not rounded to infinity.
    ("number-1e400.json", 1, &["out-of-range"]),
    ("negative-zero.json", 0, &[]),
    ("two-to-the-64.json", 1, &["out-of-range"]),
    // Beyond 64 bits, still judged exactly: above the maximum of 100000.
    ("integer-overflow.toml", 1, &["out-of-range"]),
    ("nan.toml", 1, &["invalid-type"]),
    ("inf.toml", 1, &["invalid-type"]),
    ("key-with-slash.json", 1, &["unknown-question"]),
    ("key-with-tilde.json", 1, &["unknown-question"]),
    ("key-with-dot.toml", 1, &["unknown-question"]),
    ("key-with-quotes.json", 1, &["unknown-question"]),
    (
        "keys-differing-by-normalisation.json",
        1,
        &["unknown-question", "unknown-question"],
    ),
    ("root-is-array.json", 1, &["invalid-type"]),
    ("root-is-string.json", 1, &["invalid-type"]),
    ("empty.json", 1, &["syntax"]),
    (
        "empty.toml",
        1,
        &[
            "wrong-questionnaire",
            "wrong-questionnaire",
            "missing-answer",
            "missing-answer",
            "missing-answer",
        ],
    ),
    ("other-questionnaire.toml", 1, &["wrong-questionnaire"]),
    ("duplicate-key-in-row.json", 1, &["duplicate-key"]),
    ("duplicate-key.toml", 1, &["syntax"]),
    ("trailing-comma.json", 1, &["syntax"]),
    ("comment.json", 1, &["syntax"]),
    ("single-quotes.json", 1, &["syntax"]),
    ("datetime-for-date.toml", 1, &["invalid-format"]),
    ("impossible-date.json", 1, &["invalid-format"]),
    (
        "null-answers.json",
        1,
        &["missing-answer", "missing-answer", "missing-answer"],
    ),
    ("table-for-number.json", 1, &["invalid-type"]),
    ("section-is-a-list.toml", 1, &["invalid-type"]),
    ("code-not-allowed.toml", 1, &["invalid-option"]),
    (
        "terminal-tricks.json",
        1,
        &[
            "unknown-question",
            "invalid-option",
            "invalid-option",
            "invalid-type",
            "invalid-format",
            "invalid-format",
            "invalid-type",
        ],
    ),
    ("terminal-tricks-in-comment.toml", 1, &["syntax"]),
    ("text-with-nul.json", 1, &["invalid-format"]),
    ("email-double-dot.json", 1, &["invalid-format"]),
    (
        "row-keys-differing-by-normalisation.json",
        1,
        &["duplicate-row"],
    ),
    // Numbers are judged as written, never through a rounding that changes them:
    // 10.999999999999999999 and 100000.00000000001 are no whole numbers (an f64 reads
    // 11 and 100000), and 9007199254740993 prosecuted is more than 12 cases (the rule).
    ("too-precise-whole-number.json", 1, &["invalid-type"]),
    ("too-precise-above-max.json", 1, &["invalid-type"]),
    ("too-precise-integer.toml", 1, &["rule"]),
    // Hostile workbooks (made by `workbooks.py` from the demo's template): each refused
    // before anything is unpacked past a bound, with one `syntax` finding saying why.
    ("workbook-corrupt.xlsx", 1, &["syntax"]),
    ("workbook-macros.xlsx", 1, &["syntax"]),
    ("workbook-zip-bomb.xlsx", 1, &["syntax"]),
    ("workbook-shared-strings-count.xlsx", 1, &["syntax"]),
    ("workbook-shared-strings-huge.xlsx", 1, &["syntax"]),
    ("workbook-entities.xlsx", 1, &["syntax"]),
];

#[test]
fn broken_replies_get_the_exact_finding_and_status() {
    let mut failures = Vec::new();
    for (file, status, expected) in CASES {
        let path = format!("tests/hostile/replies/{file}");
        let (got_status, findings) = validate(&path, &["-q", DEMO]);
        let got = codes(&findings);
        if got_status != *status || got != *expected {
            failures.push(format!(
                "{file}: exit {got_status}, {got:?}; expected exit {status}, {expected:?}"
            ));
        }
        for f in &findings {
            assert!(
                f["message"].as_str().is_some_and(|m| !m.is_empty()),
                "{file}: a finding without words"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_reply_file_is_a_case() {
    let listed = include_str!("hostile.rs");
    for entry in std::fs::read_dir("tests/hostile/replies").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            listed.contains(&name),
            "{name} is not in the table of cases"
        );
    }
}

#[test]
fn pointers_escape_slash_and_tilde_and_keep_dots_and_quotes() {
    let pointer = |file: &str| {
        let (_, findings) = validate(&format!("tests/hostile/replies/{file}"), &["-q", DEMO]);
        findings[0]["pointer"].as_str().unwrap().to_string()
    };
    assert_eq!(pointer("key-with-slash.json"), "/main/a~1b");
    assert_eq!(pointer("key-with-tilde.json"), "/main/~0x");
    assert_eq!(pointer("key-with-dot.toml"), "/main/a.b");
    assert_eq!(pointer("key-with-quotes.json"), "/main/\"q\"");
}

#[test]
fn spans_stay_right_with_a_bom_and_crlf() {
    for file in ["bom-invalid.toml", "crlf-invalid.toml", "crlf-invalid.json"] {
        let path = format!("tests/hostile/replies/{file}");
        let text = std::fs::read_to_string(&path).unwrap();
        let (_, findings) = validate(&path, &["-q", DEMO]);
        let span = &findings[0]["span"];
        let offset = usize::try_from(span["offset"].as_u64().unwrap()).unwrap();
        assert_eq!(&text[offset..offset + 2], "-1", "{file}: offset");
        let line = text[..offset].matches('\n').count() + 1;
        assert_eq!(span["line"], line, "{file}: line");
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(
            span["column"],
            text[line_start..offset].chars().count() + 1,
            "{file}: column"
        );
    }
}

#[test]
fn a_reply_naming_an_unknown_questionnaire() {
    let (status, findings) = validate("tests/hostile/replies/unknown-questionnaire.json", &[]);
    assert_eq!((status, codes(&findings)), (1, vec!["wrong-questionnaire"]));
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-survey")
    );
}

#[test]
fn limits_are_findings_that_name_their_flag() {
    let dir = temp_dir("limits");
    // 10,000 nested arrays, in JSON and in TOML.
    let deep_json = dir.join("deep.json");
    std::fs::write(
        &deep_json,
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
    )
    .unwrap();
    let deep_toml = dir.join("deep.toml");
    std::fs::write(
        &deep_toml,
        format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000)),
    )
    .unwrap();
    for path in [&deep_json, &deep_toml] {
        let (status, findings) = validate(path.to_str().unwrap(), &["-q", DEMO]);
        assert_eq!(
            (status, codes(&findings)),
            (1, vec!["syntax"]),
            "{}",
            path.display()
        );
        assert!(
            findings[0]["help"]
                .as_str()
                .unwrap()
                .contains("--max-depth")
        );
    }
    // A 100 MB reply: refused unread, then accepted when the limit is raised.
    let huge = dir.join("huge.json");
    let padding = "x".repeat(100 << 20);
    std::fs::write(
        &huge,
        format!(r#"{{"questionnaire": "demo", "version": "1", "main": {{"law": "no", "offences": ["sale", "grooming"], "cases": 12, "note": "{padding}"}}}}"#),
    )
    .unwrap();
    drop(padding);
    let (status, findings) = validate(huge.to_str().unwrap(), &["-q", DEMO]);
    assert_eq!((status, codes(&findings)), (1, vec!["syntax"]));
    assert!(
        findings[0]["help"]
            .as_str()
            .unwrap()
            .contains("--max-reply-bytes")
    );
    let (status, findings) = validate(
        huge.to_str().unwrap(),
        &["-q", DEMO, "--max-reply-bytes", "200000000"],
    );
    assert_eq!((status, codes(&findings)), (1, vec!["unknown-question"]));
    std::fs::remove_file(&huge).unwrap();
    // A list of a million choices: one finding per distinct fault, in linear time.
    let million = dir.join("million.json");
    let items = vec!["\"sale\""; 1_000_000].join(",");
    std::fs::write(
        &million,
        format!(r#"{{"questionnaire": "demo", "version": "1", "main": {{"law": "no", "offences": [{items}], "cases": 12}}}}"#),
    )
    .unwrap();
    let (status, findings) = validate(million.to_str().unwrap(), &["-q", DEMO]);
    assert_eq!(
        (status, codes(&findings)),
        (1, vec!["invalid-option", "too-many"])
    );
    // A million rows: over the row limit, which names its flag.
    let rows = dir.join("rows.json");
    let cells = vec!["{}"; 1_000_000].join(",");
    std::fs::write(
        &rows,
        format!(r#"{{"questionnaire": "demo", "version": "1", "main": {{"law": "yes", "laws": [{cells}], "offences": ["sale", "grooming"], "cases": 12}}}}"#),
    )
    .unwrap();
    let (status, findings) = validate(rows.to_str().unwrap(), &["-q", DEMO]);
    assert_eq!((status, codes(&findings)), (1, vec!["too-many"]));
    assert!(findings[0]["help"].as_str().unwrap().contains("--max-rows"));
}

#[test]
fn a_backtracking_pattern_meets_a_long_answer_in_linear_time() {
    let dir = temp_dir("redos");
    let reply = dir.join("reply.toml");
    let answer = "a".repeat(50_000) + "!";
    std::fs::write(
        &reply,
        format!("questionnaire = \"redos\"\nversion = \"1\"\n[main]\ncode = \"{answer}\"\n"),
    )
    .unwrap();
    let (status, findings) = validate(
        reply.to_str().unwrap(),
        &["-q", "tests/hostile/questionnaires/redos-pattern.toml"],
    );
    assert_eq!((status, codes(&findings)), (1, vec!["invalid-format"]));
}

/// The codes a `canvass check` report prints (one header line per finding).
fn check_codes(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .chain(run.stderr.lines())
        .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .map(str::to_string)
        .collect()
}

#[test]
fn broken_questionnaires_are_refused_with_a_reason() {
    let cases: &[(&str, i32, &[&str])] = &[
        ("redos-pattern.toml", 0, &[]),
        ("lookahead-pattern.toml", 2, &["invalid-regex"]),
        ("huge-pattern.toml", 2, &["invalid-regex"]),
        ("syntax-error.toml", 2, &["syntax"]),
        // Markup in a language tag would reach a page's `lang` attribute.
        ("language-markup.toml", 2, &["invalid-setting"]),
        // A terminal link (OSC 8) and a bell in the version: control characters are refused.
        (
            "control-in-version.toml",
            2,
            &["hidden-character", "hidden-character"],
        ),
        // Any version text is allowed: a URI gets it percent-encoded.
        ("version-not-uri-safe.toml", 0, &[]),
    ];
    for (file, status, expected) in cases {
        let run = canvass(&["check", &format!("tests/hostile/questionnaires/{file}")]);
        assert_eq!(
            (run.status, check_codes(&run)),
            (*status, expected.iter().map(|s| (*s).to_string()).collect()),
            "{file}"
        );
    }
    let run = canvass(&["check", "tests/hostile/questionnaires/invalid-utf8.toml"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("not valid UTF-8"), "{}", run.stderr);
    let run = canvass(&[
        "validate",
        "-q",
        "tests/hostile/questionnaires/lookahead-pattern.toml",
        "tests/validate/valid",
    ]);
    assert_eq!(run.status, 2, "a bad questionnaire stops validation");
}

fn questionnaire_with(questions: &str) -> String {
    format!(
        "id = \"big\"\nversion = \"1\"\ntitle = \"Generated\"\n\n[[section]]\nid = \"main\"\ntitle = \"Main\"\n{questions}"
    )
}

#[test]
fn generated_questionnaires_deep_cyclic_and_huge() {
    let dir = temp_dir("questionnaires");
    // An expression nested 10,000 deep.
    let deep = dir.join("deep.toml");
    let when = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
    std::fs::write(&deep, questionnaire_with(&format!("[[section.question]]\nid = \"a\"\ntext = \"A\"\ntype = \"yes_no\"\n\n[[section.question]]\nid = \"b\"\ntext = \"B\"\ntype = \"yes_no\"\nwhen = \"{when}\"\n"))).unwrap();
    let run = canvass(&["check", deep.to_str().unwrap()]);
    assert_eq!(
        (run.status, check_codes(&run)),
        (2, vec!["expression-syntax".to_string()])
    );
    // 100 deep: over the default limit, which names its flag; within it once raised.
    let hundred = dir.join("hundred.toml");
    let when = format!("{}a{}", "(".repeat(100), ")".repeat(100));
    std::fs::write(&hundred, questionnaire_with(&format!("[[section.question]]\nid = \"a\"\ntext = \"A\"\ntype = \"yes_no\"\n\n[[section.question]]\nid = \"b\"\ntext = \"B\"\ntype = \"yes_no\"\nwhen = \"{when}\"\n"))).unwrap();
    let run = canvass(&["check", hundred.to_str().unwrap()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("--max-expression-depth"),
        "{}",
        run.stderr
    );
    let run = canvass(&[
        "check",
        hundred.to_str().unwrap(),
        "--max-expression-depth",
        "128",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    // A cycle of 1,000 `when`s: one finding.
    let mut questions = String::new();
    for i in 0..1000 {
        let previous = (i + 999) % 1000;
        questions.push_str(&format!("[[section.question]]\nid = \"q{i}\"\ntext = \"Q{i}\"\ntype = \"yes_no\"\nwhen = \"q{previous}\"\n\n"));
    }
    let cycle = dir.join("cycle.toml");
    std::fs::write(&cycle, questionnaire_with(&questions)).unwrap();
    let run = canvass(&["check", cycle.to_str().unwrap()]);
    assert_eq!(run.status, 2);
    let codes = check_codes(&run);
    assert_eq!(
        codes.iter().filter(|c| *c == "when-cycle").count(),
        1,
        "{codes:?}"
    );
    // 100,000 questions in one chain of conditions: checked and compiled.
    let mut questions =
        String::from("[[section.question]]\nid = \"q0\"\ntext = \"Q\"\ntype = \"yes_no\"\n\n");
    for i in 1..100_000 {
        questions.push_str(&format!("[[section.question]]\nid = \"q{i}\"\ntext = \"Q\"\ntype = \"yes_no\"\nwhen = \"q{}\"\n\n", i - 1));
    }
    let huge = dir.join("huge.toml");
    std::fs::write(&huge, questionnaire_with(&questions)).unwrap();
    let run = canvass(&["check", huge.to_str().unwrap()]);
    assert_eq!(
        run.status,
        0,
        "{}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
    let run = canvass(&[
        "compile",
        huge.to_str().unwrap(),
        "-o",
        dir.join("huge.schema.json").to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

fn fingerprint(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let meta = std::fs::metadata(e.path()).ok()?;
            meta.is_file().then(|| {
                (
                    e.path(),
                    std::fs::read(e.path()).unwrap(),
                    meta.modified().unwrap(),
                )
            })
        })
        .collect();
    all.sort();
    all
}

#[cfg(unix)]
#[test]
fn a_folder_with_broken_entries_is_reported_file_by_file() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("folder");
    std::fs::copy("tests/validate/valid/reply.toml", dir.join("a-valid.toml")).unwrap();
    std::fs::copy("tests/validate/rule/reply.toml", dir.join("b-rule.toml")).unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere.json"), dir.join("c-dangling.json")).unwrap();
    std::os::unix::fs::symlink(dir.join("d-self.json"), dir.join("d-self.json")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("e-loop")).unwrap();
    let latin1 = std::ffi::OsStr::from_bytes(b"f-caf\xe9.toml");
    std::fs::copy("tests/validate/valid/reply.toml", dir.join(latin1)).unwrap();
    let before = fingerprint(&dir);
    let run = canvass(&[
        "validate",
        "-q",
        DEMO,
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        run.status, 2,
        "an unreadable file means the job was not fully done"
    );
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    let replies = document["replies"].as_array().unwrap();
    let summary: Vec<(String, bool, bool)> = replies
        .iter()
        .map(|r| {
            let name = cli::base_name(r);
            (
                name,
                r["valid"].as_bool().unwrap(),
                r.get("unreadable").is_some(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("a-valid.toml".to_string(), true, false),
            ("b-rule.toml".to_string(), false, false),
            ("c-dangling.json".to_string(), false, true),
            ("d-self.json".to_string(), false, true),
            ("f-caf\u{fffd}.toml".to_string(), true, false),
        ]
    );
    assert_eq!(
        fingerprint(&dir),
        before,
        "validate must not touch its inputs"
    );
}

#[cfg(unix)]
#[test]
fn links_out_of_a_folder_fifos_and_devices_are_skipped_with_a_finding() {
    let dir = temp_dir("skipped");
    let outside = temp_dir("skipped-outside");
    let replies = dir.join("replies");
    std::fs::create_dir_all(&replies).unwrap();
    std::fs::copy(
        "tests/validate/valid/reply.toml",
        replies.join("a-valid.toml"),
    )
    .unwrap();
    // A file outside the folder that must not end up in a report sent back.
    std::fs::write(outside.join("secret.json"), "{\"key\": \"private\"}").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.json"), replies.join("b-secret.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", replies.join("c-zero.json")).unwrap();
    let fifo = replies.join("d-pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // A link that stays inside the folder is read as the file it leads to.
    std::os::unix::fs::symlink(replies.join("a-valid.toml"), replies.join("e-inside.toml"))
        .unwrap();
    let run = canvass(&[
        "validate",
        "-q",
        DEMO,
        replies.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    let got: Vec<(String, Vec<String>)> = document["replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let codes = r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["code"].as_str().unwrap().to_string())
                .collect();
            (cli::base_name(r), codes)
        })
        .collect();
    let skipped = || vec!["skipped-file".to_string()];
    assert_eq!(
        got,
        vec![
            ("a-valid.toml".to_string(), vec![]),
            ("b-secret.json".to_string(), skipped()),
            ("c-zero.json".to_string(), skipped()),
            ("d-pipe.json".to_string(), skipped()),
            ("e-inside.toml".to_string(), vec![]),
        ]
    );
    assert!(!run.stdout.contains("private"), "{}", run.stdout);
    // With --follow-links the link out is read (and judged as a reply).
    let run = canvass(&[
        "validate",
        "-q",
        DEMO,
        replies.to_str().unwrap(),
        "--format",
        "json",
        "--follow-links",
    ]);
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    let secret = &document["replies"][1];
    assert_eq!(cli::base_name(secret), "b-secret.json");
    assert_ne!(secret["findings"][0]["code"], "skipped-file");
}

#[test]
fn values_are_judged_as_written() {
    let message = |file: &str| {
        let (_, findings) = validate(&format!("tests/hostile/replies/{file}"), &["-q", DEMO]);
        findings[0]["message"].as_str().unwrap().to_string()
    };
    assert_eq!(
        message("impossible-date.json"),
        "\"2001-02-30\" is not a real date: that month has 28 days"
    );
    assert!(message("text-with-nul.json").contains("control character U+0000"));
    // A 10 MB address is refused, and not repeated in full.
    let dir = temp_dir("huge-email");
    let path = dir.join("reply.json");
    let address = format!("{}@example.org", "a".repeat(10 << 20));
    std::fs::write(
        &path,
        format!(
            r#"{{"questionnaire": "demo", "version": "1", "main": {{"law": "no", "offences": ["sale", "grooming"], "cases": 1, "contact": "{address}"}}}}"#
        ),
    )
    .unwrap();
    let (status, findings) = validate(path.to_str().unwrap(), &["-q", DEMO]);
    assert_eq!(status, 1);
    assert_eq!(codes(&findings), ["invalid-format"]);
    let message = findings[0]["message"].as_str().unwrap();
    assert!(message.len() < 200, "{message}");
}
