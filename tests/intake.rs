//! `canvass intake` end to end: a collection made, replies taken in with receipts, the
//! status, acceptance, export, and the faults a collection must survive (files that are not
//! collections, read-only files, two writers at once, `kill -9` in the middle of a batch).
//! The numbers asserted are hand counts of the sample replies.

#[path = "support/cli.rs"]
mod cli;

use std::io::BufRead;
use std::path::Path;

use cli::{Run, canvass, temp_dir};

const SAMPLES: &str = "questionnaires/res-16-2/replies";

fn db_in(dir: &Path) -> String {
    dir.join("canvass.db").display().to_string()
}

fn init(db: &str) {
    let run = canvass(&[
        "intake",
        "init",
        "-q",
        "res-16-2",
        "--db",
        db,
        "--expect",
        "un-member-states",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("expecting 193 respondents"),
        "{}",
        run.stdout
    );
}

fn status_json(db: &str) -> serde_json::Value {
    let run = canvass(&["intake", "status", "--db", db, "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn state_of<'a>(status: &'a serde_json::Value, respondent: &str) -> &'a str {
    status["respondents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["respondent"] == respondent)
        .unwrap_or_else(|| panic!("{respondent} is not in the status"))["state"]
        .as_str()
        .unwrap()
}

/// A one-question questionnaire `who` whose only answer, `r.{id}` of type `kind`, names the
/// respondent; `version` as written in TOML (escapes allowed), `rules` appended as they are.
/// Written in `dir`; its path.
fn who_questionnaire(
    dir: &Path,
    version: &str,
    id: &str,
    kind: &str,
    rules: &str,
) -> std::path::PathBuf {
    let path = dir.join("questionnaire.toml");
    std::fs::write(
        &path,
        format!(
            "id = \"who\"\nversion = \"{version}\"\ntitle = \"Who\"\nlanguages = [\"en\"]\n\
             respondent = \"r.{id}\"\n\n[[section]]\nid = \"r\"\ntitle = \"Respondent\"\n\n\
             [[section.question]]\nid = \"{id}\"\ntext = \"Who replies\"\ntype = \"{kind}\"\n\
             required = true\n{rules}"
        ),
    )
    .unwrap();
    path
}

/// The sample replies: AUT and FRA are valid; BRA, CAN, NZL and PHL have errors; KEN
/// writes its country as "kenya", which names no one.
#[test]
fn the_sample_replies_give_receipts_states_and_counts_a_hand_count_gives() {
    let dir = temp_dir("intake-samples");
    let db = db_in(&dir);
    init(&db);
    let run = canvass(&["intake", "add", "--db", &db, SAMPLES]);
    assert_eq!(
        run.status, 1,
        "invalid and unidentified replies exit 1:\n{}",
        run.stderr
    );
    let receipts: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(receipts.len(), 7, "{}", run.stdout);
    assert!(
        receipts[0].starts_with(&format!("{SAMPLES}/aut.toml: AUT version 1, sha256 ")),
        "{}",
        receipts[0]
    );
    assert!(
        receipts[0].ends_with(", final, valid (0 errors, 0 warnings)"),
        "{}",
        receipts[0]
    );
    assert!(
        receipts[1].ends_with("final, invalid (5 errors, 0 warnings)"),
        "{}",
        receipts[1]
    );
    assert!(
        receipts[4]
            .contains("ken.json: unidentified submission (no valid answer to respondent.country)"),
        "{}",
        receipts[4]
    );

    let status = status_json(&db);
    assert_eq!(status["questionnaire"]["id"], "res-16-2");
    assert_eq!(
        status["totals"],
        serde_json::json!({"accepted": 2, "invalid": 4, "draft": 0, "missing": 187})
    );
    assert_eq!(status["unidentified"], 1);
    for (who, state) in [
        ("AUT", "accepted"),
        ("FRA", "accepted"),
        ("BRA", "invalid"),
        ("CAN", "invalid"),
        ("NZL", "invalid"),
        ("PHL", "invalid"),
        ("KEN", "missing"),
        ("ZWE", "missing"),
    ] {
        assert_eq!(state_of(&status, who), state, "{who}");
    }
}

#[test]
fn the_same_bytes_add_nothing_and_a_reviewer_can_take_a_reply_in() {
    let dir = temp_dir("intake-accept");
    let db = db_in(&dir);
    init(&db);
    assert_eq!(canvass(&["intake", "add", "--db", &db, SAMPLES]).status, 1);
    // The same bytes again add nothing.
    let again = canvass(&["intake", "add", "--db", &db, &format!("{SAMPLES}/aut.toml")]);
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert_eq!(
        again.stdout.trim(),
        format!("{SAMPLES}/aut.toml: AUT unchanged: already version 1")
    );
    assert_eq!(status_json(&db)["totals"]["accepted"], 2);

    // A reviewer takes BRA in despite its findings.
    let accepted = canvass(&[
        "intake",
        "accept",
        "BRA",
        "--version",
        "1",
        "--note",
        "Table sent by post",
        "--db",
        &db,
    ]);
    assert_eq!(accepted.status, 0, "{}", accepted.stderr);
    assert_eq!(
        accepted.stdout.trim(),
        "accepted BRA version 1: Table sent by post"
    );
    let status = status_json(&db);
    assert_eq!(state_of(&status, "BRA"), "accepted");
    assert_eq!(status["totals"]["accepted"], 3);
    let nobody = canvass(&[
        "intake",
        "accept",
        "ZWE",
        "--version",
        "1",
        "--note",
        "x",
        "--db",
        &db,
    ]);
    assert_eq!(nobody.status, 2);
    assert!(
        nobody.stderr.contains("ZWE has sent no reply to accept"),
        "{}",
        nobody.stderr
    );

    // The human status: one line per respondent, then the totals.
    let human = canvass(&["intake", "status", "--db", &db]);
    assert_eq!(human.status, 0);
    assert_eq!(
        human
            .stdout
            .lines()
            .filter(|l| l.contains(" missing "))
            .count(),
        187
    );
    assert!(
        human
            .stdout
            .ends_with("3 accepted, 3 invalid, 0 draft, 187 missing; 1 unidentified submission\n"),
        "{}",
        human.stdout
    );
    let csv = canvass(&["intake", "status", "--db", &db, "--format", "csv"]);
    assert_eq!(csv.stdout.lines().count(), 1 + 193);
    notes_and_states_are_shown(&db, &human.stdout, &csv.stdout);
}

/// The note a reviewer accepted BRA with is shown (CSV, JSON, the table), and `--state`
/// keeps the respondents in those states while the counts stay the collection's.
fn notes_and_states_are_shown(db: &str, human: &str, csv: &str) {
    let db = db.to_string();
    // The note a reviewer accepted it with is shown, in the CSV, the JSON and the table.
    assert!(
        csv.lines().any(|l| l.starts_with("BRA,accepted,1,")
            && l.ends_with(",final,5,0,5,0,,,Table sent by post")),
        "{}",
        csv
    );
    let status = status_json(&db);
    let bra = status["respondents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["respondent"] == "BRA")
        .unwrap();
    assert_eq!(bra["accepted_note"], "Table sent by post");
    assert!(
        human
            .lines()
            .any(|l| l.starts_with("BRA ") && l.ends_with("Table sent by post")),
        "{}",
        human
    );
    // `--state` keeps the respondents in those states; the counts stay the collection's.
    let some = canvass(&[
        "intake",
        "status",
        "--db",
        &db,
        "--state",
        "accepted,invalid",
    ]);
    assert_eq!(some.status, 0, "{}", some.stderr);
    assert!(
        some.stdout.contains(": 6 of 193 respondents"),
        "{}",
        some.stdout
    );
    assert!(!some.stdout.contains(" missing "), "{}", some.stdout);
    assert!(
        some.stdout
            .ends_with("187 missing; 1 unidentified submission\n")
    );
    let missing = canvass(&[
        "intake", "status", "--db", &db, "--state", "missing", "--format", "csv",
    ]);
    assert_eq!(missing.stdout.lines().count(), 1 + 187);
    let wrong = canvass(&["intake", "status", "--db", &db, "--state", "lost"]);
    assert_eq!(wrong.status, 2);
    assert!(
        wrong.stderr.contains("invalid value 'lost'"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn a_new_version_decides_the_state_and_export_gives_the_latest_accepted_one() {
    let dir = temp_dir("intake-versions");
    let db = db_in(&dir);
    init(&db);
    let aut = std::fs::read_to_string(format!("{SAMPLES}/aut.toml")).unwrap();
    // Version 2 of AUT leaves out a required answer.
    let v2 = aut.replace("institution = \"Federal Ministry of Justice\"\n", "");
    let v2_path = dir.join("aut-v2.toml");
    std::fs::write(&v2_path, &v2).unwrap();
    assert_eq!(
        canvass(&[
            "intake",
            "add",
            "--db",
            &db,
            &format!("{SAMPLES}/aut.toml"),
            &format!("{SAMPLES}/fra.json")
        ])
        .status,
        0
    );
    let run = canvass(&["intake", "add", "--db", &db, v2_path.to_str().unwrap()]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("AUT version 2, sha256 "),
        "{}",
        run.stdout
    );
    assert_eq!(state_of(&status_json(&db), "AUT"), "invalid");

    // Export: the latest accepted version of each respondent, AUT's first.
    let out = dir.join("export");
    let export = canvass(&["intake", "export", "--db", &db, "-o", out.to_str().unwrap()]);
    assert_eq!(export.status, 0, "{}", export.stderr);
    let mut reader = csv::Reader::from_path(out.join("replies.csv")).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        &header[..4],
        ["respondent", "version", "received_at", "respondent.country"]
    );
    assert!(
        header
            .iter()
            .any(|h| h == "offences.offences_covered.child_prostitution"),
        "multi-choice: one column per option"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!((&rows[0][0], &rows[0][1]), ("AUT", "1"));
    assert_eq!(&rows[1][0], "FRA");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let chosen: Vec<&str> = header
        .iter()
        .zip(rows[0].iter())
        .filter(|(h, _)| h.starts_with("offences.offences_covered."))
        .map(|(_, v)| v)
        .collect();
    assert!(
        chosen.iter().all(|v| *v == "0" || *v == "1") && chosen.contains(&"1"),
        "{chosen:?}"
    );
    assert_eq!(
        &rows[0][column("respondent.institution")],
        "Federal Ministry of Justice"
    );
    assert_eq!(&rows[0][column("legislation.crc_party")], "yes");
    assert_eq!(&rows[0][column("legislation.crc_year")], "1992");
    let laws = std::fs::read_to_string(out.join("legislation.laws.csv")).unwrap();
    assert!(
        laws.starts_with("respondent,row,title,year,in_force\n"),
        "{laws}"
    );
    assert!(
        laws.lines()
            .skip(1)
            .all(|l| l.starts_with("AUT,") || l.starts_with("FRA,"))
    );
    assert!(
        laws.lines().nth(1).unwrap().starts_with("AUT,1,"),
        "rows count from 1"
    );

    export_all_says_each_state(&db, dir.as_ref());
}

/// `export --all`: the latest version whatever its state; as CSV, each says its state and
/// counts.
fn export_all_says_each_state(db: &str, dir: &Path) {
    let db = db.to_string();
    // --all: the latest version whatever its state; NDJSON one reply a line.
    let all = canvass(&[
        "intake", "export", "--db", &db, "--all", "--format", "ndjson",
    ]);
    assert_eq!(all.status, 0, "{}", all.stderr);
    let lines: Vec<serde_json::Value> = all
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (
            lines[0]["respondent"].as_str(),
            lines[0]["version"].as_i64()
        ),
        (Some("AUT"), Some(2))
    );
    assert!(lines[0]["reply"]["respondent"].get("institution").is_none());
    // As CSV, each respondent's latest version says its state and counts.
    let out = dir.join("all");
    let csv = canvass(&[
        "intake",
        "export",
        "--db",
        &db,
        "--all",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(csv.status, 0, "{}", csv.stderr);
    let replies = std::fs::read_to_string(out.join("replies.csv")).unwrap();
    let mut rows = replies.lines();
    assert!(
        rows.next()
            .unwrap()
            .starts_with("respondent,version,received_at,state,errors,warnings,"),
        "{replies}"
    );
    let status = status_json(&db);
    for row in rows {
        let who = row.split(',').next().unwrap();
        let status = status["respondents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["respondent"] == who)
            .unwrap();
        let expected = format!(
            "{},{},",
            status["respondent"].as_str().unwrap(),
            status["version"]
        );
        assert!(row.starts_with(&expected), "{row}");
        let state = format!(
            ",{},{},{},",
            status["state"].as_str().unwrap(),
            status["errors"],
            status["warnings"]
        );
        assert!(row.contains(&state), "{row} lacks {state}");
    }
}

#[test]
fn a_draft_is_a_draft_and_its_missing_answers_are_warnings() {
    let dir = temp_dir("intake-draft");
    let db = db_in(&dir);
    init(&db);
    let aut = std::fs::read_to_string(format!("{SAMPLES}/aut.toml")).unwrap();
    let draft = dir.join("draft.toml");
    std::fs::write(
        &draft,
        aut.replace("institution = \"Federal Ministry of Justice\"\n", ""),
    )
    .unwrap();
    let run = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "--stage",
        "draft",
        "--format",
        "json",
        draft.to_str().unwrap(),
    ]);
    assert_eq!(
        run.status, 0,
        "a draft without errors is valid: {}",
        run.stdout
    );
    let receipt: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(receipt["stage"], "draft");
    assert_eq!(
        (receipt["errors"].as_u64(), receipt["warnings"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(receipt["sha256"].as_str().unwrap().len(), 12);
    assert_eq!(state_of(&status_json(&db), "AUT"), "draft");
}

#[test]
fn a_reply_to_another_questionnaire_is_kept_as_received_and_is_invalid() {
    let dir = temp_dir("intake-wrong");
    let db = db_in(&dir);
    init(&db);
    let aut = std::fs::read_to_string(format!("{SAMPLES}/aut.toml")).unwrap();
    let other = dir.join("other.toml");
    std::fs::write(
        &other,
        aut.replace("version = \"2009-1\"", "version = \"2011-1\""),
    )
    .unwrap();
    let run = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "--format",
        "json",
        other.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 1);
    let receipt: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(
        (receipt["respondent"].as_str(), receipt["verdict"].as_str()),
        (Some("AUT"), Some("invalid"))
    );
    assert_eq!(state_of(&status_json(&db), "AUT"), "invalid");
    let all = canvass(&[
        "intake", "export", "--db", &db, "--all", "--format", "ndjson",
    ]);
    let line: serde_json::Value = serde_json::from_str(all.stdout.trim()).unwrap();
    assert_eq!(line["reply"]["version"], "2011-1", "kept as received");
    // The finding is kept with it: the stored report names the code.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let report: String = conn
        .query_row("SELECT report FROM submission", [], |r| r.get(0))
        .unwrap();
    assert!(
        report.contains("\"code\":\"wrong-questionnaire\""),
        "{report}"
    );
}

fn bytes_of(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn refused(run: &Run, what: &str, message: &str) {
    assert_eq!(run.status, 2, "{what}: {}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains(message), "{what}: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
}

#[test]
fn files_that_are_not_usable_collections_are_refused_and_left_untouched() {
    let dir = temp_dir("intake-refused");
    // Not SQLite at all.
    let text = dir.join("notes.db").display().to_string();
    std::fs::write(&text, "minutes of the meeting\n").unwrap();
    let run = canvass(&["intake", "add", "--db", &text, SAMPLES]);
    refused(
        &run,
        "a text file",
        "is not a canvass collection; it was left as it was",
    );
    assert_eq!(bytes_of(&text), b"minutes of the meeting\n");
    // SQLite, but another program's.
    let other = dir.join("other.db").display().to_string();
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = bytes_of(&other);
    refused(
        &canvass(&["intake", "status", "--db", &other]),
        "another database",
        "is not a canvass collection",
    );
    refused(
        &canvass(&["intake", "add", "--db", &other, SAMPLES]),
        "another database",
        "is not a canvass collection",
    );
    assert_eq!(bytes_of(&other), before);
    // A collection of a newer schema.
    let newer = db_in(&dir);
    init(&newer);
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = bytes_of(&newer);
    refused(
        &canvass(&["intake", "add", "--db", &newer, SAMPLES]),
        "a newer collection",
        "was made by a newer canvass (collection schema version 99",
    );
    assert_eq!(bytes_of(&newer), before);
    // No collection there; init never overwrites.
    refused(
        &canvass(&[
            "intake",
            "status",
            "--db",
            &dir.join("none.db").display().to_string(),
        ]),
        "no file",
        "there is no collection at",
    );
    refused(
        &canvass(&["intake", "init", "-q", "res-16-2", "--db", &text]),
        "init over a file",
        "already exists; a collection is never overwritten",
    );
    assert_eq!(bytes_of(&text), b"minutes of the meeting\n");
    // A questionnaire that names no respondent cannot make a collection.
    let q = dir.join("q.toml");
    std::fs::write(&q, "id = \"x\"\nversion = \"1\"\ntitle = \"X\"\n\n[[section]]\nid = \"s\"\ntitle = \"S\"\n\n[[section.question]]\nid = \"a\"\ntext = \"A\"\ntype = \"text\"\n").unwrap();
    refused(
        &canvass(&[
            "intake",
            "init",
            "-q",
            q.to_str().unwrap(),
            "--db",
            &dir.join("x.db").display().to_string(),
        ]),
        "no respondent",
        "does not say which answer identifies who replied; add `respondent = \"section.question\"`",
    );
    assert!(!dir.join("x.db").exists());
}

#[test]
fn a_read_only_collection_is_refused() {
    let dir = temp_dir("intake-read-only");
    let db = db_in(&dir);
    init(&db);
    let before = bytes_of(&db);
    let mut permissions = std::fs::metadata(&db).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&db, permissions).unwrap();
    refused(
        &canvass(&["intake", "add", "--db", &db, SAMPLES]),
        "read-only",
        "is read-only; nothing was added",
    );
    refused(
        &canvass(&[
            "intake",
            "accept",
            "AUT",
            "--version",
            "1",
            "--note",
            "x",
            "--db",
            &db,
        ]),
        "read-only",
        "is read-only",
    );
    assert_eq!(bytes_of(&db), before);
    // Reading it still works.
    assert_eq!(canvass(&["intake", "status", "--db", &db]).status, 0);
}

/// `n` replies, each different: AUT's reply with the respondent and institution varied,
/// over the first `respondents` member states.
fn write_replies(dir: &Path, n: usize, respondents: usize, tag: &str) -> Vec<String> {
    let aut = std::fs::read_to_string(format!("{SAMPLES}/aut.toml")).unwrap();
    let codes: Vec<String> = canvass::intake::members::members()
        .iter()
        .take(respondents)
        .map(|m| m.code.to_string())
        .collect();
    std::fs::create_dir_all(dir).unwrap();
    (0..n)
        .map(|i| {
            let code = &codes[i % codes.len()];
            let text = aut
                .replace("country = \"AUT\"", &format!("country = \"{code}\""))
                .replace(
                    "Federal Ministry of Justice",
                    &format!("Ministry {tag} {i}"),
                );
            std::fs::write(dir.join(format!("{i:05}.toml")), &text).unwrap();
            canvass::intake::sha256_hex(text.as_bytes())
        })
        .collect()
}

fn stored(db: &str) -> Vec<(String, i64, String)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare("SELECT respondent, version, sha256 FROM submission ORDER BY respondent, version")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Every respondent's versions are 1, 2, 3... with none used twice or skipped.
fn versions_are_a_sequence(rows: &[(String, i64, String)]) {
    let mut expected = std::collections::HashMap::<&str, i64>::new();
    for (who, version, _) in rows {
        let next = expected.entry(who).or_insert(1);
        assert_eq!(*version, *next, "{who}");
        *next += 1;
    }
}

#[test]
fn two_writers_at_once_both_finish_and_no_version_is_used_twice() {
    let dir = temp_dir("intake-two-writers");
    let db = db_in(&dir);
    init(&db);
    let a = write_replies(&dir.join("a"), 600, 20, "a");
    let b = write_replies(&dir.join("b"), 600, 20, "b");
    let first = cli::spawn(&[
        "intake",
        "add",
        "--db",
        &db,
        dir.join("a").to_str().unwrap(),
    ]);
    let second = cli::spawn(&[
        "intake",
        "add",
        "--db",
        &db,
        dir.join("b").to_str().unwrap(),
    ]);
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 600);
    }
    let rows = stored(&db);
    assert_eq!(rows.len(), 1200);
    versions_are_a_sequence(&rows);
    let shas: std::collections::HashSet<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert!(a.iter().chain(&b).all(|s| shas.contains(s.as_str())));
}

#[test]
fn kill_9_during_add_loses_no_receipted_reply_and_a_second_run_completes_the_collection() {
    let dir = temp_dir("intake-kill");
    let db = db_in(&dir);
    init(&db);
    let replies = dir.join("replies");
    let shas = write_replies(&replies, 2000, 193, "k");
    let mut child = cli::spawn(&[
        "intake",
        "add",
        "--db",
        &db,
        "--format",
        "json",
        replies.to_str().unwrap(),
    ]);
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    // Killed as soon as the first receipt is out: the rest of the 2,000 are still to come.
    let first = lines.next().unwrap().unwrap();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // Every receipt it printed before it died, the ones still in the pipe included.
    let receipted: Vec<String> = std::iter::once(first)
        .chain(lines.map(Result::unwrap))
        .map(|line| {
            let receipt: serde_json::Value = serde_json::from_str(&line).unwrap();
            receipt["sha256"].as_str().unwrap().to_string()
        })
        .collect();

    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let rows = stored(&db);
    assert!(
        rows.len() < 2000,
        "killed before the end ({} stored)",
        rows.len()
    );
    for sha in &receipted {
        assert!(
            rows.iter().any(|r| r.2.starts_with(sha.as_str())),
            "receipted {sha} is not stored"
        );
    }

    // Sent again as they were, the same bytes would be new versions (a respondent's latest
    // intent wins); `--resume` completes the interrupted run instead.
    let again = canvass(&[
        "intake",
        "add",
        "--resume",
        "--db",
        &db,
        replies.to_str().unwrap(),
    ]);
    assert_eq!(again.status, 0, "{}", again.stderr);
    let unchanged = again
        .stdout
        .lines()
        .filter(|l| l.contains(" unchanged: already version "))
        .count();
    assert_eq!(
        unchanged,
        rows.len(),
        "what the first run stored is recognised"
    );
    let rows = stored(&db);
    assert_eq!(rows.len(), 2000, "nothing twice, nothing missing");
    versions_are_a_sequence(&rows);
    let all: std::collections::HashSet<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert!(shas.iter().all(|s| all.contains(s.as_str())));
}

/// The README's walk-through, command by command, with its collection and export in a
/// temporary folder: each command succeeds but `add` (exit 1: five samples have mistakes).
#[test]
fn the_readme_walk_through_works() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("## Taking replies in")
        .expect("the walk-through section");
    let block = readme[start..]
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let dir = temp_dir("readme-walk");
    let db = dir.join("res-16-2.db").display().to_string();
    let export = dir.join("export").display().to_string();
    let mut ran = Vec::new();
    for line in block.lines().filter(|l| l.starts_with("canvass ")) {
        let args = shell_words(line.trim_start_matches("canvass "));
        let args: Vec<String> = args
            .into_iter()
            .map(|a| match a.as_str() {
                "res-16-2.db" => db.clone(),
                "export/" => export.clone(),
                _ => a,
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = canvass(&args);
        let expected = i32::from(args[..2] == ["intake", "add"]);
        assert_eq!(
            run.status, expected,
            "{line}:\n{}{}",
            run.stdout, run.stderr
        );
        ran.push((args[0].to_string(), run));
    }
    assert_eq!(ran.len(), 6, "the walk-through's commands");
    let status = &ran[2].1.stdout;
    assert!(
        status.contains("2 accepted, 4 invalid, 0 draft, 187 missing; 1 unidentified submission"),
        "{status}"
    );
    let tables = &ran[4].1.stdout;
    assert!(
        tables.starts_with("# res-16-2 version 2009-1: 3 replies counted\n"),
        "AUT, FRA and BRA (accepted): {tables}"
    );
    assert!(Path::new(&export).join("replies.csv").exists());
}

/// Split a command line on spaces, keeping "quoted words" together.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn replies_come_from_standard_input_too_and_hostile_names_are_escaped_in_receipts() {
    let dir = temp_dir("intake-stdin");
    let db = db_in(&dir);
    init(&db);
    let fra = std::fs::read_to_string(format!("{SAMPLES}/fra.json")).unwrap();
    let line =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&fra).unwrap()).unwrap();
    let mut child = cli::spawn(&["intake", "add", "--db", &db, "-"]);
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        format!("{line}\n").as_bytes(),
    )
    .unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("-:1: FRA version 1, sha256 "));
    // No progress line when the output is not a terminal.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let name = dir.join("a\u{1b}[2Jb.toml");
    std::fs::copy(format!("{SAMPLES}/aut.toml"), &name).unwrap();
    let run = canvass(&["intake", "add", "--db", &db, name.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(
        run.stdout.contains("a\\u{1b}[2Jb.toml: AUT version 1"),
        "{}",
        run.stdout
    );
}

/// Receipts that cannot be shown (`add … | head -1`, a full disk) are not lost replies: the
/// replies whose batch committed are stored, and the message says so.
#[test]
fn receipts_that_cannot_be_written_do_not_unsay_what_was_stored() {
    let dir = temp_dir("receipts-full");
    let db = db_in(&dir);
    init(&db);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(["intake", "add", "--db", &db, SAMPLES])
        .env("NO_COLOR", "1")
        .stdout(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        !stderr.contains("replies without a receipt were not stored"),
        "{stderr}"
    );
    assert!(
        stderr.contains("7 replies are stored all the same"),
        "{stderr}"
    );
    assert!(stderr.contains("canvass intake status"), "{stderr}");
    // And they are: six respondents have a version, and KEN's reply (it names no one) is
    // an unidentified submission.
    let status = status_json(&db);
    let received = status["respondents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["version"].is_number())
        .count();
    assert_eq!(received, 6, "{status}");
    assert_eq!(status["unidentified"], 1, "{status}");
}

/// A rule that reads the respondent's answer (here a warning) does not make the reply
/// anonymous: only an answer that names no one does.
#[test]
fn a_finding_from_a_rule_that_reads_the_respondent_leaves_the_reply_its_respondent_s() {
    let dir = temp_dir("respondent-rule");
    let questionnaire = who_questionnaire(
        &dir,
        "1",
        "country",
        "country",
        "\n[[rule]]\nid = \"not-the-host\"\ncheck = \"r.country != 'FRA'\"\nseverity = \"warning\"\n\
         message = \"The host country replies through another channel; please confirm.\"\n",
    );
    let reply = dir.join("fra.toml");
    std::fs::write(
        &reply,
        "questionnaire = \"who\"\nversion = \"1\"\n\n[r]\ncountry = \"FRA\"\n",
    )
    .unwrap();
    let db = db_in(&dir);
    let run = canvass(&[
        "intake",
        "init",
        "-q",
        questionnaire.to_str().unwrap(),
        "--db",
        &db,
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let add = canvass(&["intake", "add", "--db", &db, reply.to_str().unwrap()]);
    assert_eq!(add.status, 0, "{}\n{}", add.stdout, add.stderr);
    assert!(
        add.stdout.contains("FRA version 1") && add.stdout.contains("valid (0 errors, 1 warning)"),
        "{}",
        add.stdout
    );
    let status = status_json(&db);
    assert_eq!(state_of(&status, "FRA"), "accepted");
    assert_eq!(status["unidentified"], 0);
}

/// A reviewer accepts the version they read: if the respondent has sent a newer one since,
/// nothing is accepted unless the reviewer says so.
#[test]
fn accept_names_the_version_read_and_a_newer_one_is_not_accepted_unread() {
    let dir = temp_dir("accept-version");
    let db = db_in(&dir);
    init(&db);
    let bra = format!("{SAMPLES}/bra.toml");
    assert_eq!(canvass(&["intake", "add", "--db", &db, &bra]).status, 1);
    // Version 2 arrives while the reviewer reads version 1.
    let second = dir.join("bra-2.toml");
    let text = std::fs::read_to_string(&bra).unwrap();
    std::fs::write(&second, format!("{text}\n# resent\n")).unwrap();
    let add = canvass(&["intake", "add", "--db", &db, second.to_str().unwrap()]);
    assert!(add.stdout.contains("BRA version 2"), "{}", add.stdout);
    let accept = |version: &str, more: &[&str]| {
        let mut args = vec![
            "intake",
            "accept",
            "BRA",
            "--version",
            version,
            "--note",
            "read",
            "--db",
            &db,
        ];
        args.extend_from_slice(more);
        canvass(&args)
    };
    let refused = accept("1", &[]);
    assert_eq!(refused.status, 2);
    assert!(
        refused
            .stderr
            .contains("BRA has sent version 2 since version 1; nothing was accepted"),
        "{}",
        refused.stderr
    );
    assert_eq!(state_of(&status_json(&db), "BRA"), "invalid");
    let missing = accept("7", &[]);
    assert!(
        missing
            .stderr
            .contains("BRA has no version 7; its latest is version 2"),
        "{}",
        missing.stderr
    );
    // Told so, the older version is accepted (and export gives it: the latest accepted).
    let anyway = accept("1", &["--not-latest"]);
    assert_eq!(anyway.status, 0, "{}", anyway.stderr);
    assert_eq!(anyway.stdout.trim(), "accepted BRA version 1: read");
    let latest = accept("2", &[]);
    assert_eq!(latest.stdout.trim(), "accepted BRA version 2: read");
    assert_eq!(state_of(&status_json(&db), "BRA"), "accepted");
}

/// Versions from one `add` of a folder follow the numbers in the file names: `aut-10.toml`
/// is the tenth version, not the second.
#[test]
fn versions_of_one_folder_follow_the_numbers_in_the_file_names() {
    let dir = temp_dir("natural-order");
    let db = db_in(&dir);
    init(&db);
    let folder = dir.join("replies");
    std::fs::create_dir(&folder).unwrap();
    let aut = std::fs::read_to_string(format!("{SAMPLES}/aut.toml")).unwrap();
    for n in 1..=10 {
        std::fs::write(
            folder.join(format!("aut-{n}.toml")),
            format!("{aut}\n# {n}\n"),
        )
        .unwrap();
    }
    let add = canvass(&["intake", "add", "--db", &db, folder.to_str().unwrap()]);
    assert_eq!(add.status, 0, "{}", add.stderr);
    let versions: Vec<(String, String)> = add
        .stdout
        .lines()
        .map(|l| {
            let file = l.split(':').next().unwrap();
            let file = file.rsplit('/').next().unwrap().to_string();
            let version = l
                .split("version ")
                .nth(1)
                .unwrap()
                .split(',')
                .next()
                .unwrap();
            (file, version.to_string())
        })
        .collect();
    let expected: Vec<(String, String)> = (1..=10)
        .map(|n| (format!("aut-{n}.toml"), n.to_string()))
        .collect();
    assert_eq!(versions, expected);
}

/// One very long respondent id (from a text question) does not pad every line of the status
/// to its width: the status cuts it as findings cut long values.
#[test]
fn a_very_long_respondent_id_does_not_blow_up_the_status() {
    let dir = temp_dir("long-id");
    let questionnaire = who_questionnaire(&dir, "1", "name", "text", "");
    let db = db_in(&dir);
    let q = questionnaire.to_str().unwrap();
    assert_eq!(canvass(&["intake", "init", "-q", q, "--db", &db]).status, 0);
    let long = "x".repeat(200_000);
    for (file, name) in [("a.toml", "Office A"), ("b.toml", long.as_str())] {
        let path = dir.join(file);
        std::fs::write(
            &path,
            format!("questionnaire = \"who\"\nversion = \"1\"\n\n[r]\nname = \"{name}\"\n"),
        )
        .unwrap();
        let add = canvass(&["intake", "add", "--db", &db, path.to_str().unwrap()]);
        assert_eq!(add.status, 0, "{}", add.stderr);
    }
    let status = canvass(&["intake", "status", "--db", &db]);
    assert_eq!(status.status, 0, "{}", status.stderr);
    assert!(status.stdout.len() < 2_000, "{} bytes", status.stdout.len());
    assert!(
        status.stdout.contains("(200000 characters)"),
        "{}",
        status.stdout
    );
    assert!(status.stdout.contains("Office A"), "{}", status.stdout);
}

/// Ids that look alike are one respondent, or none: `Café` composed or decomposed, with a
/// space after it, is one respondent; an id mixing Cyrillic and Latin letters names no one;
/// a byte-order mark before the first expected id is not part of it.
#[test]
fn look_alike_respondent_ids_are_one_respondent_or_none() {
    let dir = temp_dir("look-alike");
    let questionnaire = who_questionnaire(&dir, "1", "name", "text", "");
    let expect = dir.join("expected.txt");
    std::fs::write(&expect, "\u{feff}Caf\u{e9}\nCAN\n").unwrap();
    let db = db_in(&dir);
    let run = canvass(&[
        "intake",
        "init",
        "-q",
        questionnaire.to_str().unwrap(),
        "--db",
        &db,
        "--expect",
        expect.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let replies = dir.join("replies");
    std::fs::create_dir(&replies).unwrap();
    for (file, name) in [
        ("1.toml", "Caf\u{e9}"),
        ("2.toml", "Cafe\u{301}"),
        ("3.toml", "Caf\u{e9} "),
        ("4.toml", "\u{421}AN"),
    ] {
        std::fs::write(
            replies.join(file),
            format!("questionnaire = \"who\"\nversion = \"1\"\n\n[r]\nname = \"{name}\"\n"),
        )
        .unwrap();
    }
    let add = canvass(&["intake", "add", "--db", &db, replies.to_str().unwrap()]);
    let lines: Vec<&str> = add.stdout.lines().collect();
    assert!(lines[0].contains("Caf\u{e9} version 1"), "{}", add.stdout);
    assert!(lines[1].contains("Caf\u{e9} version 2"), "{}", add.stdout);
    assert!(lines[2].contains("Caf\u{e9} version 3"), "{}", add.stdout);
    assert!(
        lines[3].contains("unidentified submission"),
        "{}",
        add.stdout
    );
    let status = status_json(&db);
    assert_eq!(state_of(&status, "Caf\u{e9}"), "accepted");
    assert_eq!(state_of(&status, "CAN"), "missing");
    assert_eq!(
        status["respondents"].as_array().unwrap().len(),
        2,
        "{status}"
    );
    assert_eq!(status["unidentified"], 1);
}

/// A questionnaire's version is text from outside too: `check` (and so `intake init`) refuses
/// a control character in it, and a collection made before that was refused shows it
/// escaped, never raw to the terminal.
#[test]
fn a_questionnaire_version_reaches_the_terminal_escaped() {
    let dir = temp_dir("version-escape");
    let questionnaire = who_questionnaire(&dir, "1\\u001b[2J", "country", "country", "");
    let db = db_in(&dir);
    let q = questionnaire.to_str().unwrap();
    let init = canvass(&["intake", "init", "-q", q, "--db", &db]);
    assert_eq!(init.status, 2, "{}", init.stderr);
    assert!(
        init.stderr
            .contains("the questionnaire holds U+001B, a control character"),
        "{}",
        init.stderr
    );
    assert!(!Path::new(&db).exists());
    // A collection pinned before `check` refused it.
    let plain = who_questionnaire(&dir, "1", "country", "country", "");
    let init = canvass(&["intake", "init", "-q", plain.to_str().unwrap(), "--db", &db]);
    assert_eq!(init.status, 0, "{}", init.stderr);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE questionnaire SET version = '1' || char(27) || '[2J'",
            [],
        )
        .unwrap();
    let status = canvass(&["intake", "status", "--db", &db]);
    assert_eq!(status.status, 0, "{}", status.stderr);
    for out in [&init.stderr, &status.stdout] {
        assert!(!out.contains('\u{1b}'), "{out:?}");
    }
    assert!(
        status.stdout.contains("version 1\\u{1b}[2J"),
        "{:?}",
        status.stdout
    );
}

/// A version is any text: one that a URI cannot hold as it is ("2026 rev 1", "2009-révisé")
/// is encoded in the schema's `$id`, and the collection works.
#[test]
fn a_version_that_is_not_uri_safe_still_makes_a_working_collection() {
    for version in ["2026 rev 1", "2009-révisé", "v1/2#3?"] {
        let dir = temp_dir("version-uri");
        let questionnaire = who_questionnaire(&dir, version, "country", "country", "");
        let db = db_in(&dir);
        let q = questionnaire.to_str().unwrap();
        let init = canvass(&["intake", "init", "-q", q, "--db", &db]);
        assert_eq!(init.status, 0, "{version}: {}", init.stderr);
        let reply = dir.join("fra.toml");
        std::fs::write(
            &reply,
            format!("questionnaire = \"who\"\nversion = \"{version}\"\n\n[r]\ncountry = \"FRA\"\n"),
        )
        .unwrap();
        let add = canvass(&["intake", "add", "--db", &db, reply.to_str().unwrap()]);
        assert_eq!(add.status, 0, "{version}: {}{}", add.stdout, add.stderr);
        assert_eq!(state_of(&status_json(&db), "FRA"), "accepted", "{version}");
        let compiled = canvass(&["compile", q]);
        let schema: serde_json::Value = serde_json::from_str(&compiled.stdout).unwrap();
        let id = schema["$id"].as_str().unwrap();
        assert!(id.starts_with("urn:canvass:who:"), "{id}");
        assert!(!id.contains([' ', '#', '?', '/', 'é']), "{id}");
    }
}

/// The versions a respondent's receipts name, in order ("unchanged" as `u` + the version).
fn receipt_versions(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            if let Some(v) = l.split("unchanged: already version ").nth(1) {
                format!("u{v}")
            } else {
                l.split("version ")
                    .nth(1)
                    .and_then(|v| v.split(',').next())
                    .unwrap_or(l)
                    .to_string()
            }
        })
        .collect()
}

/// A respondent's latest intent wins: an earlier reply sent again becomes the latest, a
/// draft sent again as final is final; only the latest version at the same stage sent
/// again is "unchanged". `--resume` recognises any version (an interrupted run completed).
#[test]
fn the_same_bytes_again_are_a_new_version_unless_already_the_latest() {
    let dir = temp_dir("latest-intent");
    let db = db_in(&dir);
    init(&db);
    let a = format!("{SAMPLES}/aut.toml");
    let b = dir.join("aut-b.toml");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&b, format!("{text}\n# B\n")).unwrap();
    let b = b.to_str().unwrap();
    let add = |stage: &str, files: &[&str]| {
        let mut args = vec!["intake", "add", "--db", &db, "--stage", stage];
        args.extend_from_slice(files);
        let run = canvass(&args);
        assert_eq!(run.status, 0, "{}\n{}", run.stdout, run.stderr);
        receipt_versions(&run.stdout)
    };
    // A, B, A again, A again: the third is version 3 (the latest), the fourth repeats it.
    assert_eq!(add("final", &[&a, b, &a, &a]), ["1", "2", "3", "u3"]);
    let show = canvass(&["intake", "show", "AUT", "--db", &db, "--format", "json"]);
    let shown: serde_json::Value = serde_json::from_str(&show.stdout).unwrap();
    assert_eq!(
        shown["file"],
        format!("{a} (version 3, final)"),
        "{}",
        show.stdout
    );
    // A draft, then the same bytes as final: a new, final version, and the state follows.
    let c = dir.join("aut-c.toml");
    std::fs::write(&c, format!("{text}\n# C\n")).unwrap();
    let c = c.to_str().unwrap();
    assert_eq!(add("draft", &[c]), ["4"]);
    assert_eq!(state_of(&status_json(&db), "AUT"), "draft");
    assert_eq!(add("final", &[c]), ["5"]);
    assert_eq!(state_of(&status_json(&db), "AUT"), "accepted");
    // Resuming: bytes already sent as any version are recognised.
    let resumed = canvass(&["intake", "add", "--resume", "--db", &db, &a, b]);
    assert_eq!(resumed.status, 0, "{}", resumed.stderr);
    assert_eq!(receipt_versions(&resumed.stdout), ["u3", "u2"]);
}

/// A reply over the size limit keeps its true size and SHA-256 (computed while it streamed
/// past), never an empty reply under a real receipt; two different ones are two
/// submissions, and the same one again is recognised.
#[test]
fn a_reply_over_the_size_limit_keeps_its_true_size_and_fingerprint() {
    use std::io::Write;
    let dir = temp_dir("over-limit");
    let db = db_in(&dir);
    init(&db);
    let limit = 16 << 20;
    let big = |fill: u8| {
        let mut bytes = b"# ".to_vec();
        bytes.resize(limit + 1000, fill);
        bytes
    };
    let (x, y) = (big(b'x'), big(b'y'));
    std::fs::write(dir.join("x.toml"), &x).unwrap();
    std::fs::write(dir.join("y.toml"), &y).unwrap();
    let files = [dir.join("x.toml"), dir.join("y.toml"), dir.join("x.toml")];
    let files: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let mut args = vec!["intake", "add", "--db", &db, "--format", "json"];
    args.extend_from_slice(&files);
    let run = canvass(&args);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let receipts: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let sha = |bytes: &[u8]| canvass::intake::sha256_hex(bytes)[..12].to_string();
    assert_eq!(receipts[0]["receipt"], "stored");
    assert_eq!(receipts[0]["sha256"], sha(&x));
    assert_eq!(receipts[0]["size"], x.len());
    assert_eq!(receipts[0]["kept"], "size and sha256");
    assert_eq!(receipts[1]["receipt"], "stored");
    assert_eq!(receipts[1]["sha256"], sha(&y));
    assert_eq!(receipts[2]["receipt"], "unchanged");

    // A line of a stream over the limit, the same way.
    let mut child = cli::spawn(&["intake", "add", "--db", &db, "-"]);
    let mut stdin = child.stdin.take().unwrap();
    let mut line = big(b'z');
    line.push(b'\n');
    stdin.write_all(&line).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    let z = &line[..line.len() - 1];
    assert_eq!(
        out.trim(),
        format!(
            "-:1: unidentified submission, over the size limit: its size ({} bytes) and sha256 {} are kept, not its bytes (1 error, 0 warnings)",
            z.len(),
            sha(z)
        )
    );

    let conn = rusqlite::Connection::open(&db).unwrap();
    let mut st = conn
        .prepare("SELECT sha256, size, whole, length(bytes) FROM submission ORDER BY id")
        .unwrap();
    let rows: Vec<(String, i64, bool, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let full = |bytes: &[u8]| canvass::intake::sha256_hex(bytes);
    let size = |bytes: &[u8]| i64::try_from(bytes.len()).unwrap();
    assert_eq!(
        rows,
        [
            (full(&x), size(&x), false, 0),
            (full(&y), size(&y), false, 0),
            (full(z), size(z), false, 0)
        ]
    );
}

/// Reading a collection (`status`, `show`, `export`, `tabulate`) leaves no `-wal` or `-shm`
/// file behind: left by a reader, they would be the reader's, and the owner's next `add`
/// could not write them.
#[test]
fn reading_a_collection_leaves_nothing_beside_it() {
    let dir = temp_dir("read-leaves-nothing");
    let db = db_in(&dir);
    init(&db);
    assert_eq!(canvass(&["intake", "add", "--db", &db, SAMPLES]).status, 1);
    let beside = || {
        let mut names: Vec<String> = std::fs::read_dir(&*dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(beside(), ["canvass.db"]);
    let elsewhere = temp_dir("read-leaves-nothing-out");
    let out = elsewhere.join("out.ndjson").display().to_string();
    for args in [
        &["intake", "status", "--db", &db][..],
        &["intake", "show", "BRA", "--db", &db],
        &[
            "intake", "export", "--db", &db, "--format", "ndjson", "-o", &out,
        ],
        &["tabulate", "--db", &db],
    ] {
        let run = canvass(args);
        assert_eq!(run.status, 0, "{args:?}: {}", run.stderr);
        assert_eq!(beside(), ["canvass.db"], "{args:?}");
    }
}

/// A collection cut short (a copy that did not finish) is said to be cut short, not "not a
/// canvass collection", and is left as it was.
#[test]
fn a_collection_cut_short_is_said_to_be_cut_short() {
    let dir = temp_dir("cut-short");
    let db = db_in(&dir);
    init(&db);
    let whole = bytes_of(&db);
    for keep in [20_000, 100, 40] {
        let cut = dir.join(format!("cut-{keep}.db")).display().to_string();
        std::fs::write(&cut, &whole[..keep]).unwrap();
        for args in [
            &["intake", "status", "--db", &cut][..],
            &["intake", "add", "--db", &cut, SAMPLES],
        ] {
            let run = canvass(args);
            assert_eq!(run.status, 2, "{keep}: {args:?}");
            assert!(
                run.stderr.contains("is cut short: it holds")
                    && run.stderr.contains("use a whole copy"),
                "{keep}: {}",
                run.stderr
            );
        }
        assert_eq!(bytes_of(&cut), &whole[..keep]);
    }
}

/// A reader who may not write in the collection's folder is told that, not that the file is
/// not a collection. (As root, the reader is played by `nobody`; skipped where neither a
/// non-root user nor `setpriv` is at hand.)
#[cfg(unix)]
#[test]
fn a_folder_the_reader_may_not_write_to_is_said_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("folder-read-only");
    let db = db_in(&dir);
    init(&db);
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let setpriv = Path::new("/usr/bin/setpriv").exists();
    if is_root && !setpriv {
        eprintln!("skipped: root without setpriv");
        return;
    }
    // The binary where `nobody` may run it, the collection readable by all.
    let bin = dir.join("canvass");
    std::fs::copy(env!("CARGO_BIN_EXE_canvass"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&*dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let as_reader = |program: &Path| {
        if is_root {
            let mut c = std::process::Command::new("/usr/bin/setpriv");
            c.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
                .arg(program);
            c
        } else {
            std::process::Command::new(program)
        }
    };
    // The temporary folder must be reachable by the reader (a TMPDIR under a private home
    // is not): otherwise there is nothing to test here.
    let reachable = as_reader(Path::new("/bin/cat"))
        .arg(&db)
        .output()
        .is_ok_and(|o| o.status.success());
    if !reachable {
        std::fs::set_permissions(&*dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: the reader cannot reach {db}");
        return;
    }
    let mut command = as_reader(&bin);
    let out = command
        .args(["intake", "status", "--db", &db])
        .output()
        .unwrap();
    std::fs::set_permissions(&*dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot be made or opened there")
            && stderr.contains("ask for write access to its folder"),
        "{stderr}"
    );
}

/// Workbooks are taken in like any reply: kept as received (bytes and SHA-256), judged,
/// their stored findings shown at their cells again, and exported and tabulated by the
/// pinned questionnaire's names.
#[test]
fn workbooks_are_taken_in_shown_at_their_cells_and_exported() {
    let dir = temp_dir("intake-workbooks");
    let dir: &Path = dir.as_ref();
    let db = dir.join("c.db").display().to_string();
    let init = canvass(&["intake", "init", "-q", "un-cts-2025", "--db", &db]);
    assert_eq!(init.status, 0, "{}", init.stderr);
    let text = std::fs::read_to_string("questionnaires/un-cts-2025/questionnaire.toml").unwrap();
    let q = canvass::check::check(&text).questionnaire.unwrap();
    let read = |path: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        let format = canvass::reply::Format::detect(path, &text);
        canvass::reply::parse(&text, format, &canvass::reply::Limits::default())
            .unwrap()
            .0
    };
    let chl = read("questionnaires/un-cts-2025/replies/chl.toml");
    let nor = read("questionnaires/un-cts-2025/replies/nor.json");
    let replies = dir.join("replies");
    std::fs::create_dir(&replies).unwrap();
    for (name, reply, lang) in [("chl.xlsx", &chl, "es"), ("nor.xlsx", &nor, "fr")] {
        let bytes = canvass::template::xlsx::xlsx(&q, lang, None, Some(reply)).unwrap();
        std::fs::write(replies.join(name), bytes).unwrap();
    }
    let add = canvass(&["intake", "add", "--db", &db, replies.to_str().unwrap()]);
    assert_eq!(add.status, 1, "{}\n{}", add.stdout, add.stderr);
    let status = status_json(&db);
    assert_eq!(state_of(&status, "CHL"), "accepted");
    assert_eq!(state_of(&status, "NOR"), "invalid");
    // NOR's findings, shown again from the bytes kept, are at their cells, in French (the
    // language NOR's workbook is in) unless asked otherwise.
    let show = canvass(&["intake", "show", "NOR", "--db", &db]);
    assert_eq!(show.status, 0, "{}", show.stderr);
    assert!(
        show.stdout
            .contains("nor.xlsx (version 1, final) · '1. Police'!C5"),
        "{}",
        show.stdout
    );
    assert!(show.stdout.contains("▶ 64100"), "{}", show.stdout);
    let json = canvass(&["intake", "show", "NOR", "--db", &db, "--format", "json"]);
    assert!(
        json.stdout
            .contains(r#""cell":{"sheet":"1. Police","ref":"C5"}"#),
        "{}",
        json.stdout
    );
    // Export reads CHL's workbook back into its reply.
    let export = canvass(&["intake", "export", "--db", &db, "--format", "ndjson"]);
    assert_eq!(export.status, 0, "{}", export.stderr);
    let line: serde_json::Value =
        serde_json::from_str(export.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(line["respondent"], "CHL");
    assert_eq!(line["reply"], chl);
    let tabulate = canvass(&["tabulate", "--db", &db, "--format", "json"]);
    assert_eq!(tabulate.status, 0, "{}", tabulate.stderr);
    let tables: serde_json::Value = serde_json::from_str(&tabulate.stdout).unwrap();
    assert_eq!(tables["respondents"], 1);
    let country = &tables["questions"][0];
    assert_eq!(country["question"], "respondent.country");
    assert_eq!(country["answered"], 1, "{country}");
}

/// An unidentified submission (the country written "PH") is listed with the answer that
/// could not identify it, filed by a reviewer under its respondent as its next version (its
/// bytes unchanged), and then counted; what does not exist is refused with exit 2.
#[test]
fn an_unidentified_submission_is_listed_assigned_and_then_counted() {
    let dir = temp_dir("intake-assign");
    let dir: &Path = dir.as_ref();
    let db = db_in(dir);
    init(&db);
    let phl = std::fs::read_to_string("questionnaires/res-16-2/replies/phl.toml").unwrap();
    let ph = phl.replace("country = \"PHL\"", "country = \"PH\"");
    assert_ne!(ph, phl);
    let file = dir.join("ph.toml");
    std::fs::write(&file, &ph).unwrap();
    let add = canvass(&["intake", "add", "--db", &db, file.to_str().unwrap()]);
    assert_eq!(add.status, 1, "{}", add.stderr);
    let listed = canvass(&["intake", "unidentified", "--db", &db, "--format", "json"]);
    assert_eq!(listed.status, 0, "{}", listed.stderr);
    let listed: serde_json::Value = serde_json::from_str(&listed.stdout).unwrap();
    let entry = &listed[0];
    assert_eq!(entry["answer"], "PH");
    assert_eq!(entry["file"], file.to_str().unwrap());
    assert_eq!(
        entry["why"][0],
        "\"PH\" is not an ISO 3166-1 alpha-3 country code"
    );
    let sha = entry["receipt"].as_str().unwrap().to_string();
    assert_eq!(sha, canvass::intake::sha256_hex(ph.as_bytes()));
    let human = canvass(&["intake", "unidentified", "--db", &db]);
    assert!(
        human.stdout.contains(&format!("{}  ", &sha[..12])),
        "{}",
        human.stdout
    );
    // What does not exist is refused, and nothing changes.
    for (args, said) in [
        (
            vec![&sha[..8], "ZZZ"],
            "ZZZ is not one of the collection's respondents",
        ),
        (vec!["abc", "PHL"], "abc is not a receipt"),
        (
            vec!["ffffffff", "PHL"],
            "no unidentified submission has a receipt starting ffffffff",
        ),
    ] {
        let mut full = vec!["intake", "assign"];
        full.extend(args);
        full.extend(["--note", "x", "--db", &db]);
        let run = canvass(&full);
        assert_eq!(run.status, 2, "{}", run.stdout);
        assert!(run.stderr.contains(said), "{}", run.stderr);
    }
    assert_eq!(status_json(&db)["unidentified"], 1);
    let note = "Country written PH: the Philippines, confirmed by e-mail";
    let assigned = canvass(&[
        "intake",
        "assign",
        &sha[..8],
        "PHL",
        "--note",
        note,
        "--db",
        &db,
    ]);
    assert_eq!(assigned.status, 0, "{}", assigned.stderr);
    assert!(
        assigned.stdout.contains("as PHL version 1"),
        "{}",
        assigned.stdout
    );
    let status = status_json(&db);
    assert_eq!(status["unidentified"], 0);
    assert_eq!(state_of(&status, "PHL"), "invalid");
    assert_eq!(status["totals"]["invalid"], 1);
    // The bytes are those received; the note is kept with the version.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (bytes, stored_sha, kept): (Vec<u8>, String, String) = conn
        .query_row(
            "SELECT bytes, sha256, note FROM submission WHERE respondent = 'PHL' AND version = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(bytes, ph.as_bytes());
    assert_eq!(stored_sha, sha);
    assert_eq!(kept, note);
    let again = canvass(&[
        "intake",
        "assign",
        &sha[..8],
        "PHL",
        "--note",
        "x",
        "--db",
        &db,
    ]);
    assert_eq!(again.status, 2);
}

/// A respondent through three versions: `history` marks each finding new, still open or
/// fixed since the version before, with each version's receipt, stage, state and notes.
#[test]
fn history_follows_findings_across_three_versions() {
    let dir = temp_dir("intake-history");
    let dir: &Path = dir.as_ref();
    let db = dir.join("c.db").display().to_string();
    let init = canvass(&["intake", "init", "-q", "un-cts-2025", "--db", &db]);
    assert_eq!(init.status, 0, "{}", init.stderr);
    let v1 = std::fs::read_to_string("questionnaires/un-cts-2025/replies/nor.json").unwrap();
    // Version 2: the total by sex fixed, the missing row given, but with a negative count.
    let v2 = v1.replace("\"female\": 9000", "\"female\": 9100").replace(
        "[ { \"year\": 2023, \"persons\": 17200 } ]",
        "[ { \"year\": 2023, \"persons\": 17200 }, { \"year\": 2024, \"persons\": -5 } ]",
    );
    // Version 3: that fixed too.
    let v3 = v2.replace("\"persons\": -5", "\"persons\": 17500");
    for (n, text) in [(1, &v1), (2, &v2), (3, &v3)] {
        let file = dir.join(format!("nor-{n}.json"));
        std::fs::write(&file, text).unwrap();
        let note = format!("sent by e-mail, version {n}");
        let add = canvass(&[
            "intake",
            "add",
            "--db",
            &db,
            "--note",
            &note,
            file.to_str().unwrap(),
        ]);
        assert!(add.status <= 1, "{}", add.stderr);
        if n == 2 {
            let accept = canvass(&[
                "intake",
                "accept",
                "NOR",
                "--version",
                "2",
                "--note",
                "2023 checked by phone",
                "--db",
                &db,
            ]);
            assert_eq!(accept.status, 0, "{}", accept.stderr);
        }
    }
    let history = canvass(&["intake", "history", "NOR", "--db", &db]);
    assert_eq!(history.status, 0, "{}", history.stderr);
    let marks: Vec<&str> = history
        .stdout
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("  note") && !l.starts_with("  accepted"))
        .map(|l| l.split(" — ").next().unwrap().trim())
        .collect();
    assert_eq!(
        marks,
        [
            "new   error missing-answer police.personnel",
            "new   error rule police.suspects[year=2024].total [suspects-by-sex]",
            "new   warning rule courts.convicted[year=2024].total [convicted-within-prosecuted]",
            "new   warning rule prosecution.persons[year=2024].total [prosecution-trend]",
            "new   error out-of-range police.personnel[year=2024].persons",
            "open  warning rule courts.convicted[year=2024].total [convicted-within-prosecuted]",
            "open  warning rule prosecution.persons[year=2024].total [prosecution-trend]",
            "fixed error missing-answer police.personnel",
            "fixed error rule police.suspects[year=2024].total [suspects-by-sex]",
            "open  warning rule courts.convicted[year=2024].total [convicted-within-prosecuted]",
            "open  warning rule prosecution.persons[year=2024].total [prosecution-trend]",
            "fixed error out-of-range police.personnel[year=2024].persons",
        ],
        "{}",
        history.stdout
    );
    assert!(
        history.stdout.starts_with("NOR: 3 versions\n"),
        "{}",
        history.stdout
    );
    assert!(
        history
            .stdout
            .contains("  note: sent by e-mail, version 2\n  accepted: 2023 checked by phone\n"),
        "{}",
        history.stdout
    );
    let states: Vec<&str> = history
        .stdout
        .lines()
        .filter(|l| l.starts_with("version "))
        .map(|l| l.split(" · ").nth(3).unwrap())
        .collect();
    assert_eq!(
        states,
        [
            "invalid (2 errors, 2 warnings)",
            "accepted (1 errors, 2 warnings)",
            "accepted (0 errors, 2 warnings)"
        ]
    );
    history_in_json_and_refusals(&db);
}

/// NOR's history as JSON, its messages in French; a respondent with no reply is refused.
fn history_in_json_and_refusals(db: &str) {
    let db = db.to_string();
    // French words for the messages, JSON for scripts; a respondent with no reply is refused.
    let json = canvass(&[
        "intake", "history", "NOR", "--db", &db, "--format", "json", "--lang", "fr",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json[2]["findings"][2]["mark"], "fixed");
    assert!(
        json[0]["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("ligne"),
        "{}",
        json[0]["findings"][0]
    );
    let nobody = canvass(&["intake", "history", "SWE", "--db", &db]);
    assert_eq!(nobody.status, 2);
    assert!(
        nobody.stderr.contains("SWE has sent no reply"),
        "{}",
        nobody.stderr
    );
}

/// The request for validation about NOR's second version: its open findings with their
/// question, what is wrong, what to do and where, then what it fixed since version 1; in
/// English and in French (snapshots), and as plain text.
#[test]
fn the_letter_asks_about_open_findings_and_says_what_was_fixed() {
    let dir = temp_dir("intake-letter");
    let dir: &Path = dir.as_ref();
    let db = dir.join("c.db").display().to_string();
    let init = canvass(&["intake", "init", "-q", "un-cts-2025", "--db", &db]);
    assert_eq!(init.status, 0, "{}", init.stderr);
    let v1 = std::fs::read_to_string("questionnaires/un-cts-2025/replies/nor.json").unwrap();
    let v2 = v1.replace("\"female\": 9000", "\"female\": 9100").replace(
        "[ { \"year\": 2023, \"persons\": 17200 } ]",
        "[ { \"year\": 2023, \"persons\": 17200 }, { \"year\": 2024, \"persons\": -5 } ]",
    );
    for (n, text) in [(1, &v1), (2, &v2)] {
        std::fs::write(dir.join(format!("nor-{n}.json")), text).unwrap();
    }
    let add = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        dir.join("nor-1.json").to_str().unwrap(),
        dir.join("nor-2.json").to_str().unwrap(),
    ]);
    assert_eq!(add.status, 1, "{}", add.stderr);
    // Previews: the same letter each time, none of them recorded as sent.
    let letter = |lang: &str, format: &str| {
        let run = canvass(&[
            "intake",
            "letter",
            "NOR",
            "--db",
            &db,
            "--lang",
            lang,
            "--format",
            format,
            "--preview",
        ]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        // The file's folder is a temporary one.
        run.stdout.replace(&format!("{}/", dir.display()), "")
    };
    let english = letter("en", "md");
    assert!(english.contains("## 3 points to look at"), "{english}");
    assert!(
        english.contains("- Where: line 10, column 83 of your file"),
        "{english}"
    );
    assert!(
        english.contains("## Corrected since your previous version (2)"),
        "{english}"
    );
    // The date the reply was received, today: kept out of the snapshots.
    let status = status_json(&db);
    let nor = status["respondents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["respondent"] == "NOR")
        .unwrap();
    let today = nor["received_at"].as_str().unwrap()[..10].to_string();
    insta::assert_snapshot!("letter_nor_en", english.replace(&today, "DATE"));
    let french = letter("fr", "md");
    insta::assert_snapshot!("letter_nor_fr", french.replace(&today, "DATE"));
    let text = letter("en", "txt");
    assert!(
        text.contains("3 points to look at\n-------------------\n"),
        "{text}"
    );
    assert!(!text.contains("##"), "{text}");
    let nobody = canvass(&["intake", "letter", "SWE", "--db", &db]);
    assert_eq!(nobody.status, 2);
    // A reply with nothing open is thanked, not asked about points there are none of.
    let chl = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "questionnaires/un-cts-2025/replies/chl.toml",
    ]);
    assert_eq!(chl.status, 0, "{}", chl.stderr);
    let done = canvass(&["intake", "letter", "CHL", "--db", &db]);
    assert!(
        done.stdout.contains("has no open points"),
        "{}",
        done.stdout
    );
    assert!(
        !done.stdout.contains("Before it can be taken in"),
        "{}",
        done.stdout
    );
}
