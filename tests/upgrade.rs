//! A collection made by an earlier canvass keeps working: `tests/upgrade/collection-20b2141.db`
//! was made by canvass at commit 20b2141 (the landed main before findings became data):
//! `intake init -q res-16-2 --expect un-member-states`, the PHL sample as a draft, then every
//! sample reply, then `intake accept BRA`. Beside it, what that canvass printed for
//! `intake status --format json|csv` and `intake export --format ndjson --all`.
//!
//! Today's canvass must give the same status and exports, add to it, give every stored version
//! its findings as data (worded in any language), and keep judging when the compiler's output
//! no longer matches the schema the collection pinned.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;

use cli::{Run, canvass, temp_dir};

const FIXTURE: &str = "tests/upgrade/collection-20b2141.db";

/// A copy of the fixture in a fresh folder (the fixture itself is never written).
fn copy(dir: &Path) -> String {
    let db = dir.join("collection.db");
    std::fs::copy(FIXTURE, &db).unwrap();
    db.to_str().unwrap().to_string()
}

fn ok(run: &Run) -> &str {
    assert_eq!(run.status, 0, "{}\n{}", run.stdout, run.stderr);
    &run.stdout
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(Path::new("tests/upgrade").join(name)).unwrap()
}

/// The status as JSON without the review counts (`open`, `explained`, `change`).
fn without_review_counts_json(text: &str) -> String {
    let mut status: serde_json::Value = serde_json::from_str(text).unwrap();
    for line in status["respondents"].as_array_mut().unwrap() {
        let line = line.as_object_mut().unwrap();
        for key in ["open", "explained", "change"] {
            assert!(line.remove(key).is_some(), "no {key}");
        }
    }
    serde_json::to_string_pretty(&status).unwrap() + "\n"
}

/// The status as CSV without the review counts (columns 8 to 10).
fn without_review_counts_csv(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split(',').collect();
        assert!(cells.len() >= 12, "{line}");
        let kept: Vec<&str> = cells[..7].iter().chain(&cells[10..]).copied().collect();
        out += &kept.join(",");
        out.push('\n');
    }
    out
}

#[test]
fn an_earlier_collection_gives_the_same_status_and_exports_before_and_after_upgrading() {
    let dir = temp_dir("upgrade-status");
    let db = copy(&dir);
    // What the earlier canvass printed, beside the columns added since (open findings,
    // explained, change: known only once findings are data, so after the upgrade).
    let same = |db: &str| {
        let json = canvass(&["intake", "status", "--db", db, "--format", "json"]);
        assert_eq!(
            without_review_counts_json(ok(&json)),
            expected("status.json")
        );
        let csv = canvass(&["intake", "status", "--db", db, "--format", "csv"]);
        assert_eq!(without_review_counts_csv(ok(&csv)), expected("status.csv"));
        let export = canvass(&[
            "intake", "export", "--db", db, "--format", "ndjson", "--all",
        ]);
        assert_eq!(ok(&export), expected("export-all.ndjson"));
    };
    // Read as it is (read-only opens never change a file)…
    same(&db);
    let before = std::fs::read(&db).unwrap();
    // …its findings, kept only as words, are not shown as if they were data…
    let show = canvass(&["intake", "show", "BRA", "--db", &db]);
    assert_eq!(show.status, 2);
    assert!(show.stderr.contains("intake upgrade"), "{}", show.stderr);
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "a read changed the file"
    );
    // …and once upgraded, everything it said is still what it says.
    let upgrade = canvass(&["intake", "upgrade", "--db", &db]);
    assert!(
        ok(&upgrade).contains("7 stored versions given their findings as data"),
        "{}",
        upgrade.stdout
    );
    same(&db);
    // Now that its findings are data, the status counts the open ones.
    let json = canvass(&["intake", "status", "--db", &db, "--format", "json"]);
    let status: serde_json::Value = serde_json::from_str(ok(&json)).unwrap();
    let bra = status["respondents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["respondent"] == "BRA")
        .unwrap();
    assert_eq!(
        (&bra["open"], &bra["change"]),
        (&serde_json::json!(5), &serde_json::Value::Null)
    );
    // Upgrading twice does nothing more.
    let again = canvass(&["intake", "upgrade", "--db", &db]);
    assert!(
        ok(&again).contains("(0 stored versions"),
        "{}",
        again.stdout
    );
}

#[test]
fn stored_findings_become_data_with_the_verdicts_they_were_receipted_with() {
    let dir = temp_dir("upgrade-verdicts");
    let db = copy(&dir);
    ok(&canvass(&["intake", "upgrade", "--db", &db]));
    let status: serde_json::Value = serde_json::from_str(&expected("status.json")).unwrap();
    let received: Vec<&serde_json::Value> = status["respondents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["version"].is_number())
        .collect();
    assert_eq!(received.len(), 6);
    for line in received {
        let who = line["respondent"].as_str().unwrap();
        for lang in ["en", "fr", "es"] {
            let show = canvass(&[
                "intake", "show", who, "--db", &db, "--lang", lang, "--format", "json",
            ]);
            let shown: serde_json::Value = serde_json::from_str(ok(&show)).unwrap();
            // The same counts as the receipt (PHL: a draft, its missing answers warnings).
            assert_eq!(shown["errors"], line["errors"], "{who} in {lang}");
            assert_eq!(shown["warnings"], line["warnings"], "{who} in {lang}");
        }
    }
    // Worded now, in the language asked for.
    let fr = canvass(&["intake", "show", "BRA", "--db", &db, "--lang", "fr"]);
    assert!(
        ok(&fr).contains("la section `investigation` n'a pas de question `specialized_unit`"),
        "{}",
        fr.stdout
    );
    let en = canvass(&["intake", "show", "BRA", "--db", &db]);
    assert!(
        ok(&en).contains("section `investigation` has no question `specialized_unit`"),
        "{}",
        en.stdout
    );
}

#[test]
fn an_earlier_collection_takes_new_replies_and_recognises_the_ones_it_has() {
    let dir = temp_dir("upgrade-add");
    let db = copy(&dir);
    // The same sample replies: every one already there (the same bytes, the same respondent,
    // the same stage), but PHL's, kept as a draft: sent now as final, it is a new version.
    let add = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "questionnaires/res-16-2/replies",
    ]);
    assert_eq!(add.status, 1, "{}", add.stderr);
    for line in add.stdout.lines() {
        if line.contains("phl.toml") {
            assert!(
                line.contains("PHL version 2, sha256 c735bcca1fa8, final"),
                "{line}"
            );
        } else {
            assert!(line.contains("unchanged"), "{line}");
        }
    }
    assert!(add.stderr.contains("now kept as data"), "{}", add.stderr);
    // A corrected version is a new version, judged by today's canvass.
    let fixed = dir.join("can.toml");
    let text = std::fs::read_to_string("questionnaires/res-16-2/replies/can.toml").unwrap();
    std::fs::write(
        &fixed,
        text.replace("version = \"2008-1\"", "version = \"2009-1\""),
    )
    .unwrap();
    let add = canvass(&["intake", "add", "--db", &db, fixed.to_str().unwrap()]);
    assert!(add.stdout.contains("CAN version 2"), "{}", add.stdout);
    assert!(
        add.stdout.contains("(3 errors, 1 warning)"),
        "{}",
        add.stdout
    );
}

#[test]
fn a_collection_keeps_judging_when_the_compiler_writes_its_schema_differently() {
    let dir = temp_dir("upgrade-schema");
    let db = copy(&dir);
    // What a later compiler would do to the pinned schema: any change at all.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE questionnaire SET schema = '{\"compiled\": \"by another canvass\"}'",
            [],
        )
        .unwrap();
    }
    let status = canvass(&["intake", "status", "--db", &db, "--format", "json"]);
    assert_eq!(
        without_review_counts_json(ok(&status)),
        expected("status.json")
    );
    let add = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "questionnaires/res-16-2/replies/aut.toml",
    ]);
    assert!(ok(&add).contains("AUT unchanged"), "{}", add.stdout);
    let tables = canvass(&["tabulate", "--db", &db, "--format", "csv"]);
    assert_eq!(tables.status, 0, "{}", tables.stderr);
    let show = canvass(&["intake", "show", "NZL", "--db", &db, "--format", "json"]);
    let shown: serde_json::Value = serde_json::from_str(ok(&show)).unwrap();
    assert_eq!(shown["errors"], 16);
}
