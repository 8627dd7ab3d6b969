//! The review loop end to end, as a secretariat runs it: a collection that knows the
//! previous cycle, a respondent walked through three versions (one finding fixed, one
//! explained by a reviewer — which accepts the version — one explained by the reply), the
//! letters between them, and `history` and `status` held to hand-written expectations.
//! Then what must be refused: a respondent or a finding that does not exist, an error
//! explained away, a previous cycle of another questionnaire.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;

use cli::{Run, canvass, temp_dir};

const Q: &str = "questionnaires/res-16-2/questionnaire.toml";
const AUT: &str = "questionnaires/res-16-2/replies/aut.toml";
const WHY: &str = "A 2008 law made online grooming an offence: prosecutions rose.";

fn ok(run: &Run) -> &str {
    assert_eq!(run.status, 0, "{}\n{}", run.stdout, run.stderr);
    &run.stdout
}

/// Austria's sample reply with `edits` (line starts replaced) and `extra` appended.
fn aut(edits: &[(&str, &str)], extra: &str) -> String {
    let text = std::fs::read_to_string(AUT).unwrap();
    let mut out: String = text
        .lines()
        .map(|line| {
            edits
                .iter()
                .find(|(start, _)| line.starts_with(start))
                .map_or(line.to_string(), |(_, with)| (*with).to_string())
        })
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out + extra
}

/// The cycle before (Austria accepted, 198 cases prosecuted) and this cycle's collection.
fn two_cycles(dir: &Path) -> String {
    let old = dir.join("2008.db").display().to_string();
    let db = dir.join("2009.db").display().to_string();
    ok(&canvass(&["intake", "init", "-q", Q, "--db", &old]));
    ok(&canvass(&["intake", "add", "--db", &old, AUT]));
    let init = canvass(&["intake", "init", "-q", Q, "--db", &db, "--previous", &old]);
    assert!(
        ok(&init).contains("the last accepted replies of 1 respondent"),
        "{}",
        init.stdout
    );
    db
}

fn add(db: &str, dir: &Path, name: &str, text: &str) -> Run {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    canvass(&["intake", "add", "--db", db, file.to_str().unwrap()])
}

/// History lines without the receipt's time and hash.
fn history(db: &str) -> Vec<String> {
    let run = canvass(&["intake", "history", "AUT", "--db", db]);
    ok(&run)
        .lines()
        .map(|l| {
            let parts: Vec<&str> = l.split(" · ").collect();
            if parts.len() == 6 {
                format!("{} · {} · {}", parts[0], parts[2], parts[3])
            } else {
                l.to_string()
            }
        })
        .collect()
}

fn status_line(db: &str) -> String {
    let csv = canvass(&["intake", "status", "--db", db, "--format", "csv"]);
    let line = ok(&csv).lines().find(|l| l.starts_with("AUT,")).unwrap();
    // Without the time received.
    let cells: Vec<&str> = line.split(',').collect();
    [&cells[..3], &cells[4..]].concat().join(",")
}

#[test]
fn a_respondent_is_walked_through_three_versions_with_letters_explanations_and_history() {
    let dir = temp_dir("review-loop");
    let db = two_cycles(&dir);
    let jump = ("prosecuted = ", "prosecuted = 300");

    // Version 1: the institution left out, and prosecutions up from 198 to 300.
    let v1 = add(
        &db,
        &dir,
        "aut-1.toml",
        &aut(&[jump, ("institution = ", "institution = \"\"")], ""),
    );
    assert_eq!(v1.status, 1, "{}", v1.stdout);
    assert!(
        v1.stdout.contains("AUT version 1") && v1.stdout.contains("invalid (2 errors, 0 warnings)"),
        "{}",
        v1.stdout
    );
    assert_eq!(status_line(&db), "AUT,invalid,1,final,2,0,2,0,,,");
    let first = canvass(&["intake", "letter", "AUT", "--db", &db]);
    let first = ok(&first);
    assert!(first.contains("## 2 points to look at"), "{first}");
    assert!(
        first.contains("### 1. Question 0.2: Institution that prepared the reply"),
        "{first}"
    );
    assert!(
        first.contains("### 2. Question 17: Number of cases prosecuted\n\n- What is wrong: The number of cases prosecuted changed by more than half since the previous cycle: please explain why. (prosecuted = 300, prosecuted was 198 in the previous cycle)"),
        "{first}"
    );
    assert!(
        first.contains("- Where: line 41, column 14 of your file\n- If the answers are right as they are, say why: in your file, under `[explanations]`, write `prosecuted-change = \"…\"`"),
        "{first}"
    );
    assert!(
        !first.contains("Corrected"),
        "nothing corrected before a first version: {first}"
    );

    // Version 2: the institution given; the jump stays. The second letter says what was
    // corrected since the first.
    let v2 = add(&db, &dir, "aut-2.toml", &aut(&[jump], ""));
    assert!(
        v2.stdout.contains("invalid (1 error, 0 warnings)"),
        "{}",
        v2.stdout
    );
    assert_eq!(status_line(&db), "AUT,invalid,2,final,1,0,1,0,-1,,");
    let second = canvass(&["intake", "letter", "AUT", "--db", &db, "--lang", "fr"]);
    let second = ok(&second);
    assert!(second.contains("## Un point à examiner"), "{second}");
    assert!(
        second.contains("depuis notre lettre du ")
            && second.contains(
                "- Question 0.2 : la question 0.2 est obligatoire mais n'a pas de réponse"
            ),
        "{second}"
    );

    // A reviewer explains the jump: its last error explained, version 2 is accepted.
    let explain = canvass(&[
        "intake",
        "explain",
        "AUT",
        "prosecuted-change",
        "--note",
        WHY,
        "--db",
        &db,
    ]);
    assert_eq!(
        ok(&explain),
        format!(
            "explained rule `prosecuted-change` for AUT from version 2 on: {WHY}\n\
             accepted AUT version 2: its last error is explained\n"
        )
    );
    assert_eq!(
        status_line(&db),
        "AUT,accepted,2,final,0,0,0,1,-2,,explained by a reviewer: A 2008 law made online grooming an offence: prosecutions rose."
    );

    version_three(&db, &dir, jump);
}

/// Version 3: the years trip a warning the reply explains itself; the reviewer's
/// explanation still holds. Then the whole history, the last letter and the tables.
fn version_three(db: &str, dir: &Path, jump: (&str, &str)) {
    let db = db.to_string();
    // Version 3: the years now trip a warning the reply explains itself; the reviewer's
    // explanation still holds, so the version is valid as received.
    let v3 = add(
        &db,
        dir,
        "aut-3.toml",
        &aut(
            &[jump, ("crc_year = ", "crc_year = 2005")],
            "\n[explanations]\nprotocol-after-convention = \"Austria acceded to the Protocol first.\"\n",
        ),
    );
    assert!(
        v3.stdout.contains("AUT version 3") && v3.stdout.contains("valid (0 errors, 0 warnings)"),
        "{}",
        v3.stdout
    );
    assert_eq!(status_line(&db), "AUT,accepted,3,final,0,0,0,2,0,,");

    let rule = "[prosecuted-change] — The number of cases prosecuted changed by more than half since the previous cycle: please explain why. (prosecuted = 300, prosecuted was 198 in the previous cycle)";
    let missing = "respondent.institution — question 0.2 is required but has no answer";
    let reviewer = format!("        explained by the reviewer: {WHY}");
    assert_eq!(
        history(&db),
        [
            "AUT: 3 versions".to_string(),
            String::new(),
            "version 1 · final · invalid (2 errors, 0 warnings)".into(),
            format!("  new   error missing-answer {missing}"),
            format!("  new   error rule investigation.prosecuted {rule}"),
            String::new(),
            "version 2 · final · accepted (0 errors, 0 warnings)".into(),
            format!("  accepted: explained by a reviewer: {WHY}"),
            format!("  open  explained rule investigation.prosecuted {rule}"),
            reviewer.clone(),
            format!("  fixed error missing-answer {missing}"),
            String::new(),
            "version 3 · final · accepted (0 errors, 0 warnings)".into(),
            format!("  open  explained rule investigation.prosecuted {rule}"),
            reviewer,
            "  new   explained rule legislation.opsc_year [protocol-after-convention] — The Optional Protocol was ratified before the Convention itself: please check the years. (opsc_year = 2004, crc_year = 2005, crc_party = true)".into(),
            "        explained by the reply: Austria acceded to the Protocol first.".into(),
        ]
    );
    // Nothing open: the last letter thanks, and says the jump was explained since.
    let last = canvass(&[
        "intake",
        "letter",
        "AUT",
        "--db",
        &db,
        "--format",
        "html",
        "--preview",
    ]);
    let last = ok(&last);
    assert!(
        last.starts_with("<!DOCTYPE html><html lang=\"en\" dir=\"ltr\">"),
        "{last}"
    );
    assert!(last.contains("Your reply has no open points"), "{last}");
    assert!(
        last.contains("Corrected or explained since our letter of"),
        "{last}"
    );
    // The previous cycle beside this one.
    let tables = canvass(&["tabulate", "--db", &db, "--previous", "--format", "json"]);
    let tables: serde_json::Value = serde_json::from_str(ok(&tables)).unwrap();
    let prosecuted = tables["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question"] == "investigation.prosecuted")
        .unwrap();
    assert_eq!(
        (&prosecuted["sum"], &prosecuted["previous"]["sum"]),
        (&300.into(), &198.into()),
        "{prosecuted}"
    );
}

#[test]
fn what_does_not_exist_or_cannot_be_explained_is_refused_and_changes_nothing() {
    let dir = temp_dir("review-refusals");
    let db = two_cycles(&dir);
    let bra = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "questionnaires/res-16-2/replies/bra.toml",
    ]);
    assert_eq!(bra.status, 1, "{}", bra.stderr);
    let before = std::fs::read(&db).unwrap();
    let refused = |args: &[&str], says: &str| {
        let mut all = vec!["intake"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--db", &db]);
        let run = canvass(&all);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    };
    refused(
        &["explain", "SWE", "prosecuted-change", "--note", "x"],
        "SWE has sent no reply",
    );
    refused(
        &["explain", "BRA", "no-such-rule", "--note", "x"],
        "has no finding of rule `no-such-rule`",
    );
    refused(
        &[
            "explain",
            "BRA",
            "prosecuted-not-above-investigated",
            "--note",
            "x",
        ],
        "is an error: it cannot be explained away",
    );
    refused(
        &[
            "explain",
            "BRA",
            "prosecuted-not-above-investigated",
            "--note",
            " ",
        ],
        "--note is empty",
    );
    refused(&["letter", "SWE"], "SWE has sent no reply");
    refused(&["history", "SWE"], "SWE has sent no reply");
    refused(&["letter", "--all"], "give the folder with -o DIR");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "a refusal changed the collection"
    );
    // A previous cycle of another questionnaire is refused, and nothing is made.
    let other = dir.join("cts.db").display().to_string();
    ok(&canvass(&[
        "intake",
        "init",
        "-q",
        "questionnaires/un-cts-2025/questionnaire.toml",
        "--db",
        &other,
    ]));
    let fresh = dir.join("fresh.db");
    let run = canvass(&[
        "intake",
        "init",
        "-q",
        Q,
        "--db",
        fresh.to_str().unwrap(),
        "--previous",
        &other,
    ]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("the previous cycle must be the same questionnaire"),
        "{}",
        run.stderr
    );
    assert!(!fresh.exists());
}

#[test]
fn letters_for_every_respondent_with_open_findings_go_into_a_folder_under_safe_names() {
    let dir = temp_dir("review-letters");
    let db = two_cycles(&dir);
    let reply = aut(&[("country = ", "country = \"A/../B\"")], "");
    let _ = add(&db, &dir, "odd.toml", &reply);
    let bra = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "questionnaires/res-16-2/replies/bra.toml",
        AUT,
    ]);
    assert_eq!(bra.status, 1, "{}", bra.stderr);
    let out = dir.join("letters");
    let run = canvass(&[
        "intake",
        "letter",
        "--all",
        "-o",
        out.to_str().unwrap(),
        "--db",
        &db,
        "--format",
        "txt",
    ]);
    ok(&run);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // AUT has nothing open: no letter; BRA has; the reply naming "A/../B" names no
    // country, so it is an unidentified submission, written to no one.
    assert_eq!(names, ["BRA.txt"]);
    assert!(
        std::fs::read_to_string(out.join("BRA.txt"))
            .unwrap()
            .starts_with("Implementation of ECOSOC")
    );
}
