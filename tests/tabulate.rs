//! `canvass tabulate`: the counts over the sample replies, as a hand count gives them, in
//! every format, over reply files and over a collection.

#[path = "support/cli.rs"]
mod cli;

use cli::{canvass, temp_dir};
use serde_json::{Value, json};

const SAMPLES: &str = "questionnaires/res-16-2/replies";

fn question<'a>(tables: &'a Value, id: &str) -> &'a Value {
    tables["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

/// A collection of res-16-2 that has taken in the seven samples: its folder and file.
fn sample_collection(name: &str) -> (cli::TempFolder, String) {
    let dir = temp_dir(name);
    let db = dir.join("c.db").display().to_string();
    assert_eq!(
        canvass(&["intake", "init", "-q", "res-16-2", "--db", &db]).status,
        0
    );
    assert_eq!(canvass(&["intake", "add", "--db", &db, SAMPLES]).status, 1);
    (dir, db)
}

/// Of the seven samples only AUT and FRA are valid: they are what is counted.
#[test]
fn the_valid_sample_replies_are_counted_as_a_hand_count_gives() {
    let run = canvass(&[
        "tabulate", "-q", "res-16-2", SAMPLES, "--format", "json", "--by", "region",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("5 of 7 replies were not counted: they have errors"),
        "{}",
        run.stderr
    );
    let t: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        t["questionnaire"],
        json!({"id": "res-16-2", "version": "2009-1"})
    );
    assert_eq!(t["respondents"], 2);
    assert_eq!(
        t["respondents_by_region"]["Europe"], 2,
        "AUT and FRA are in Europe"
    );
    assert_eq!(t["respondents_by_region"]["Africa"], 0);

    // AUT is 14, FRA 15.
    let age = question(&t, "offences.age_of_consent");
    assert_eq!(
        (
            &age["answered"],
            &age["n"],
            &age["sum"],
            &age["min"],
            &age["median"],
            &age["max"]
        ),
        (
            &json!(2),
            &json!(2),
            &json!(29),
            &json!(14),
            &json!(14.5),
            &json!(15)
        )
    );
    assert_eq!(age["codes"], json!({"dont_know": 0}));
    assert_eq!(age["by_region"]["Europe"]["n"], 2);
    assert!(
        age["by_region"]["Europe"].get("text").is_none(),
        "the text is not repeated per region"
    );

    // AUT: prostitution, material, sale, grooming; FRA: prostitution, material, grooming, other.
    let covered = question(&t, "offences.offences_covered");
    let counts: Vec<(&str, u64)> = covered["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["value"].as_str().unwrap(), o["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [
            ("child_prostitution", 2),
            ("abuse_material", 2),
            ("sale_of_children", 1),
            ("grooming", 2),
            ("live_streaming", 0),
            ("other", 1),
            ("none", 0)
        ]
    );

    let specific = question(&t, "legislation.specific_law");
    assert_eq!(
        specific["options"][0],
        json!({"value": "yes", "label": "Yes", "count": 2})
    );

    // Two laws each; AUT gives one date of entry into force.
    let laws = question(&t, "legislation.laws");
    assert_eq!((&laws["with_rows"], &laws["rows"]), (&json!(2), &json!(4)));
    let in_force = &laws["columns"][2];
    assert_eq!(
        (
            &in_force["column"],
            &in_force["answered"],
            &in_force["unanswered"]
        ),
        (&json!("in_force"), &json!(1), &json!(3))
    );

    let date = question(&t, "respondent.reply_date");
    assert_eq!(
        (&date["min"], &date["max"]),
        (&json!("2009-03-15"), &json!("2009-04-02"))
    );

    // Every question: answered + not applicable + unanswered = the replies counted.
    for q in t["questions"].as_array().unwrap() {
        let sum = q["answered"].as_u64().unwrap()
            + q["not_applicable"].as_u64().unwrap()
            + q["unanswered"].as_u64().unwrap();
        assert_eq!(sum, 2, "{}", q["question"]);
    }
}

#[test]
fn a_collection_counts_the_latest_accepted_version_of_each_respondent() {
    let (_dir, db) = sample_collection("tabulate-db");
    let count = || {
        let run = canvass(&["tabulate", "--db", &db, "--format", "json"]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        serde_json::from_str::<Value>(&run.stdout).unwrap()
    };
    assert_eq!(count()["respondents"], 2);
    assert_eq!(
        canvass(&[
            "intake",
            "accept",
            "BRA",
            "--version",
            "1",
            "--note",
            "checked by phone",
            "--db",
            &db
        ])
        .status,
        0
    );
    let t = count();
    assert_eq!(
        t["respondents"], 3,
        "BRA, taken in by a reviewer, is counted"
    );
    // BRA answered 21 (out of range, taken in all the same).
    assert_eq!(question(&t, "offences.age_of_consent")["max"], 21);
}

#[test]
fn tables_in_markdown_read_as_a_report() {
    let run = canvass(&["tabulate", "-q", "res-16-2", SAMPLES, "--format", "md"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn every_format_names_every_question_and_french_headings_are_french() {
    for format in ["human", "md", "csv", "html"] {
        let run = canvass(&[
            "tabulate", "-q", "res-16-2", SAMPLES, "--format", format, "--lang", "fr",
        ]);
        assert_eq!(run.status, 0, "{format}: {}", run.stderr);
        for id in [
            "respondent.country",
            "offences.age_of_consent",
            "legislation.laws",
        ] {
            assert!(
                run.stdout.contains(id) || run.stdout.contains(&id.replace('_', "\\_")),
                "{format}: {id}"
            );
        }
        assert!(run.stdout.contains("médiane"), "{format}");
        if format != "csv" {
            // (CSV names its statistics with stable keys, `median`, beside the label.)
            assert!(!run.stdout.contains("median"), "{format}");
        }
    }
    let csv = canvass(&["tabulate", "-q", "res-16-2", SAMPLES, "--format", "csv"]).stdout;
    assert!(
        csv.starts_with("question,number,type,statistic,key,label,all\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\noffences.age_of_consent,9,integer,median,,median,14.5\n"),
        "{csv}"
    );
    let html = canvass(&[
        "tabulate", "-q", "res-16-2", SAMPLES, "--format", "html", "--lang", "fr",
    ])
    .stdout;
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn computed_values_are_counted_as_computed_and_cells_by_their_row_s_conditions() {
    // The one valid household reply (ab-00001): interviewed 2026-05-14, campaign 2026-04-20 to
    // 2026-05-10; four members born 1986-02-03, 1984-11-20, 2016-09-01 and 2023-06-30.
    let run = canvass(&[
        "tabulate",
        "-q",
        "household-2026",
        "questionnaires/household-2026/replies",
        "--format",
        "json",
    ]);
    let t: Value = serde_json::from_str(&run.stdout).unwrap();
    let days = question(&t, "visit.campaign_days");
    assert_eq!(
        (&days["answered"], &days["unanswered"], &days["sum"]),
        (&json!(1), &json!(0), &json!(21)),
        "21 days, computed, not unanswered"
    );
    let members = question(&t, "household.members");
    let column = |id: &str| {
        members["columns"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["column"] == id)
            .unwrap()
            .clone()
    };
    let age = column("age");
    assert_eq!(
        [&age["n"], &age["sum"], &age["min"], &age["max"]],
        [&json!(4), &json!(92), &json!(2), &json!(41)],
        "ages 40, 41, 9 and 2"
    );
    // Only the 9-year-old is asked about school, and only the 2-year-old about the vaccine.
    for (id, answered, skipped) in [("in_school", 1, 3), ("grade", 1, 3), ("vaccinated", 1, 3)] {
        let c = column(id);
        assert_eq!(
            (&c["answered"], &c["not_applicable"], &c["unanswered"]),
            (&json!(answered), &json!(skipped), &json!(0)),
            "{id}"
        );
    }
}

/// A questionnaire of one respondent (`r.name`) and one number (`r.amount`), with replies
/// `(file, name, amount)` written in `dir`; the questionnaire's path.
fn amounts(dir: &std::path::Path, replies: &[(&str, &str, &str)]) -> String {
    let q = dir.join("q.toml");
    std::fs::write(
        &q,
        "id = \"sums\"\nversion = \"1\"\ntitle = \"Sums\"\nlanguages = [\"en\"]\nrespondent = \"r.name\"\n\n\
         [[section]]\nid = \"r\"\ntitle = \"R\"\n\n\
         [[section.question]]\nid = \"name\"\ntext = \"Who\"\ntype = \"text\"\nrequired = true\n\n\
         [[section.question]]\nid = \"amount\"\ntext = \"Amount\"\ntype = \"number\"\n",
    )
    .unwrap();
    for (file, name, amount) in replies {
        std::fs::write(
            dir.join(file),
            format!("questionnaire = \"sums\"\nversion = \"1\"\n\n[r]\nname = \"{name}\"\namount = {amount}\n"),
        )
        .unwrap();
    }
    q.display().to_string()
}

/// A sum that needs more than 28 significant digits is said to, never shown rounded
/// (9999999999999999999999999999 + 0.5 + 0.25 is not 10000000000000000000000000000).
#[test]
fn a_sum_past_28_digits_is_said_not_rounded() {
    let dir = temp_dir("tabulate-long-sum");
    let q = amounts(
        &dir,
        &[
            ("a.toml", "A", "9999999999999999999999999999"),
            ("b.toml", "B", "0.5"),
            ("c.toml", "C", "0.25"),
        ],
    );
    let folder = dir.display().to_string();
    let json = canvass(&["tabulate", "-q", &q, &folder, "--format", "json"]);
    assert_eq!(json.status, 0, "{}", json.stderr);
    let tables: Value = serde_json::from_str(&json.stdout).unwrap();
    let amount = question(&tables, "r.amount");
    assert_eq!(amount["n"], 3);
    assert_eq!(amount["sum"], Value::Null, "{amount}");
    assert_eq!(amount["sum_exceeds_28_digits"], true);
    let human = canvass(&["tabulate", "-q", &q, &folder]);
    let sum = human
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("sum "));
    assert_eq!(
        sum.map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")),
        Some("sum more than 28 significant digits: not rounded, not shown".to_string()),
        "{}",
        human.stdout
    );
    // Exact sums are still shown.
    let dir = temp_dir("tabulate-exact-sum");
    let q = amounts(&dir, &[("a.toml", "A", "1.5"), ("b.toml", "B", "1.75")]);
    let json = canvass(&[
        "tabulate",
        "-q",
        &q,
        &dir.display().to_string(),
        "--format",
        "json",
    ]);
    let tables: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(question(&tables, "r.amount")["sum"], json!(3.25));
}

/// Over files, a respondent who sent two replies is counted once: its last, in the order
/// given (as `intake add` numbers versions), and the output says so.
#[test]
fn over_files_each_respondent_is_counted_once() {
    let dir = temp_dir("tabulate-twice");
    let q = amounts(
        &dir,
        &[
            ("a-1.toml", "A", "10"),
            ("a-2.toml", "A", "30"),
            ("b.toml", "B", "5"),
        ],
    );
    let run = canvass(&[
        "tabulate",
        "-q",
        &q,
        &dir.display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let tables: Value = serde_json::from_str(&run.stdout).unwrap();
    let amount = question(&tables, "r.amount");
    assert_eq!(amount["n"], 2, "{amount}");
    assert_eq!(amount["sum"], json!(35));
    assert!(
        run.stderr.contains(
            "note: 1 respondent sent more than one valid reply among the files; the last of each (in the order given) was counted"
        ),
        "{}",
        run.stderr
    );
}

/// A keyed table is tabulated key by key: each year's figures on their own, never added to
/// another year's, and the key column (the years) never summed.
#[test]
fn a_keyed_table_is_tabulated_year_by_year() {
    let dir = temp_dir("tabulate-keyed");
    for (file, text) in [
        (
            "aut.toml",
            "[r]\ncountry = \"AUT\"\n[[police.personnel]]\nyear = 2005\npersons = 100\n[[police.personnel]]\nyear = 2006\npersons = 110\n",
        ),
        (
            "fra.toml",
            "[r]\ncountry = \"FRA\"\n[[police.personnel]]\nyear = 2006\npersons = 200\n",
        ),
    ] {
        std::fs::write(
            dir.join(file),
            format!("questionnaire = \"cts\"\nversion = \"1\"\n{text}"),
        )
        .unwrap();
    }
    let folder = dir.display().to_string();
    let run = canvass(&[
        "tabulate",
        "-q",
        "tests/tabulate/keyed.toml",
        &folder,
        "--format",
        "json",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let tables: Value = serde_json::from_str(&run.stdout).unwrap();
    let table = question(&tables, "police.personnel");
    for column in table["columns"].as_array().unwrap() {
        assert_eq!(column.get("sum"), None, "{column}");
    }
    let by_key = &table["by_key"];
    assert_eq!(by_key["2005"][0]["column"], "persons");
    assert_eq!(by_key["2005"][0]["sum"], json!(100));
    assert_eq!(by_key["2006"][0]["sum"], json!(310));
    assert_eq!(by_key["2006"][0]["n"], json!(2));
    assert_eq!(by_key.as_object().unwrap().len(), 2);
    let csv = canvass(&[
        "tabulate",
        "-q",
        "tests/tabulate/keyed.toml",
        &folder,
        "--format",
        "csv",
    ]);
    assert!(
        csv.stdout
            .contains("police.personnel.persons[year=2006],,integer,sum,,sum,310\n"),
        "{}",
        csv.stdout
    );
    assert!(
        !csv.stdout.contains("police.personnel.year,,year,sum"),
        "{}",
        csv.stdout
    );
    assert!(!csv.stdout.contains(",sum,,sum,410"), "{}", csv.stdout);
}

/// A reviewer takes in replies with findings; the tables and the export then hold the same
/// answers: an answer to a question that does not apply (PHL's `unit_staff`, given although
/// it has no specialised unit) is in neither.
#[test]
fn tabulate_and_export_agree_on_replies_accepted_with_findings() {
    let (dir, db) = sample_collection("tabulate-export");
    for who in ["BRA", "CAN", "NZL", "PHL"] {
        let accept = canvass(&[
            "intake",
            "accept",
            who,
            "--version",
            "1",
            "--note",
            "taken in",
            "--db",
            &db,
        ]);
        assert_eq!(accept.status, 0, "{who}: {}", accept.stderr);
    }
    let run = canvass(&["tabulate", "--db", &db, "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let tables: Value = serde_json::from_str(&run.stdout).unwrap();
    let out = dir.join("export");
    let export = canvass(&["intake", "export", "--db", &db, "-o", out.to_str().unwrap()]);
    assert_eq!(export.status, 0, "{}", export.stderr);
    let text = std::fs::read_to_string(out.join("replies.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(tables["respondents"], rows.len());
    let mut compared = 0;
    for x in tables["questions"].as_array().unwrap() {
        let id = x["question"].as_str().unwrap();
        if x["type"] == "table" || x["type"] == "multi_choice" {
            continue;
        }
        let Some(c) = head.iter().position(|h| h == id) else {
            continue;
        };
        let given = rows.iter().filter(|r| !r[c].is_empty()).count();
        assert_eq!(x["answered"], given, "{id}: tabulate and export disagree");
        compared += 1;
    }
    assert!(compared > 30, "{compared} questions compared");
    let unit_staff = head
        .iter()
        .position(|h| h == "investigation.unit_staff")
        .unwrap();
    let phl = rows.iter().find(|r| r[0] == "PHL").unwrap();
    assert_eq!(
        phl[unit_staff], "",
        "PHL gave 12, to a question that does not apply"
    );
}

/// The page a report writer hands on: the questionnaire's title, the replies counted (per
/// region, as bars), contents, numbered sections, compact tables, a keyed table year by
/// year with its bars; nothing to run and nothing loaded, its one style allowed by hash.
#[test]
fn the_tabulate_page_is_a_report_to_hand_on() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let run = canvass(&[
        "tabulate",
        "-q",
        "un-cts-2025",
        "questionnaires/un-cts-2025/replies",
        "--format",
        "html",
        "--by",
        "region",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let page = run.stdout;
    for part in [
        "<h1>Survey of crime trends and the operations of criminal justice systems</h1>",
        "un-cts-2025 version 2025-1: 1 reply counted",
        "<nav><h2>Contents</h2>",
        "<a href=\"#s-police\">1. Police</a>",
        "<section id=\"s-police\"><h2>1. Police</h2>",
        "<h3>1.1 Persons brought into formal contact with the police</h3>",
        // The replies per region, as bars: CHL is in the Americas.
        ">Americas</text><rect class=\"bar\"",
        // Prosecution, year by year (CHL only: NOR has errors).
        "<h3><code>prosecution.persons</code></h3>",
        "<tr><td>2023</td><td class=\"n\">77100</td>",
        "<tr><td>2024</td><td class=\"n\">80200</td>",
        ">2024</text><rect class=\"bar\"",
    ] {
        assert!(page.contains(part), "{part}");
    }
    assert!(!page.contains("<script"));
    assert!(!page.contains(" src="));
    let outside: Vec<&str> = page
        .match_indices("http")
        .map(|(i, _)| &page[i..(i + 30).min(page.len())])
        .filter(|s| !s.starts_with("http-equiv") && !s.starts_with("http://www.w3.org/2000/svg"))
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
    let style = page
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .unwrap();
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style));
    assert!(page.contains(&format!(
        "content=\"default-src 'none'; style-src 'sha256-{hash}'\""
    )));
}
