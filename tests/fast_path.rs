//! The fast path must be exact: a reply is "clean" (schema accepts it, and canvass's own
//! remaining checks find nothing) exactly when the full walk finds nothing and the schema
//! accepts it. Checked on replies mixed from good, blank, coded, edge and broken answers
//! to a questionnaire made of what the schema cannot say (`tests/fast_path/`), on every
//! fixture and sample reply, and on replies generated for the shipped questionnaire —
//! each both as a parsed `Value` and as JSON text read compactly (the command line's path).

#[path = "support/replies.rs"]
mod replies;

use std::path::Path;

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use canvass::check::check;
use canvass::reply::{Format, Limits, compact};
use canvass::validate::Validator;

fn validator(path: &str) -> Validator {
    let text = std::fs::read_to_string(path).unwrap();
    Validator::new(check(&text).questionnaire.unwrap()).unwrap()
}

fn fast() -> &'static Validator {
    static V: std::sync::OnceLock<Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        let v = validator("tests/fast_path/questionnaire.toml");
        // Low enough that a table of four rows, which the schema accepts, is over it.
        let limits = canvass::reply::Limits {
            max_rows: 3,
            ..*v.limits()
        };
        v.with_limits(limits)
    })
}

/// The fast verdict against the two full judges, with the reply in the message.
fn assert_exact(v: &Validator, reply: &Value) {
    let walk = v.walk(reply);
    let full = v.schema_accepts(reply) && walk.is_empty();
    // A reply with a number an `f64` may misjudge is never called clean by the fast path:
    // the walk judges it (exactly), whatever the schema said.
    let misjudged = canvass::values::precision::f64_may_misjudge(reply);
    assert_eq!(
        v.is_clean(reply),
        full && !misjudged,
        "fast path disagrees (schema accepts: {}, walk: {:?}) on\n{reply:#}",
        v.schema_accepts(reply),
        walk.iter()
            .map(|f| (f.code.as_str(), f.at.pointer.clone()))
            .collect::<Vec<_>>()
    );
    assert_eq!(v.validate_value(reply).is_empty(), full);
    // The fast path proper reads the text compactly: the same verdicts, the same value.
    for text in [
        serde_json::to_string(reply).unwrap(),
        serde_json::to_string_pretty(reply).unwrap(),
    ] {
        let read = compact::read(&text, Format::Json, v.limits(), |json| {
            (
                json.to_value(),
                v.schema_accepts_compact(json),
                v.is_clean_compact(json),
                // Told while reading: the same as a walk over the reply finds.
                json.may_misjudge,
            )
        });
        assert_eq!(
            read,
            Some((
                reply.clone(),
                v.schema_accepts(reply),
                full && !misjudged,
                misjudged,
            )),
            "the compact reading disagrees on\n{text}"
        );
        let file = canvass::source::SourceFile::new("reply.json", text.clone());
        assert_eq!(
            v.validate_as(&file, Format::Json),
            v.validate_parsed(&file, Format::Json, reply, None),
            "the compact reading gives other findings on\n{text}"
        );
    }
}

/// A number as written (`serde_json` keeps its text).
fn exact(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// Answers to each question of `tests/fast_path/questionnaire.toml`: good ones (which
/// may still break a condition or a rule together) and bad or edge ones. `None` leaves
/// the key out.
struct Candidates {
    section: &'static str,
    id: &'static str,
    good: Vec<Option<Value>>,
    bad: Vec<Option<Value>>,
}

#[allow(clippy::too_many_lines)] // a table of answers
fn candidates() -> Vec<Candidates> {
    let rows = |n: usize| {
        Value::Array(
            (0..n)
                .map(|i| json!({ "title": format!("Law {i}") }))
                .collect(),
        )
    };
    let c = |section, id, good: Vec<Value>, bad: Vec<Value>, optional: bool| {
        let mut good: Vec<Option<Value>> = good.into_iter().map(Some).collect();
        let mut bad: Vec<Option<Value>> = bad.into_iter().map(Some).collect();
        if optional {
            good.push(None);
        } else {
            bad.push(None);
        }
        Candidates {
            section,
            id,
            good,
            bad,
        }
    };
    vec![
        c(
            "a",
            "cases",
            vec![
                json!(0),
                json!(5),
                json!(11),
                json!(1000),
                json!(5.0),
                json!("dont_know"),
            ],
            vec![
                json!(null),
                json!(1001),
                json!(-1),
                json!(3.5),
                json!("x"),
                // Numbers an `f64` may misjudge: the reading must say so, and the walk
                // judge them exactly.
                exact("1000.0000000000000001"),
                exact("9007199254740993"),
                exact("1e3"),
            ],
            false,
        ),
        c(
            "a",
            "prosecuted",
            vec![json!(0), json!(3), json!(2.0)],
            vec![json!(20), json!("dont_know")],
            true,
        ),
        c(
            "a",
            "ratio",
            vec![json!(1), json!(2.5), json!(3)],
            vec![json!(150), json!("3")],
            true,
        ),
        c(
            "a",
            "email",
            vec![json!(""), json!("a@b.org")],
            vec![
                json!("a@localhost"),
                json!("a b@c.org"),
                json!("@x.org"),
                json!("a@@b.org"),
                json!("a@b.org."),
                json!("a@.org"),
                json!(5),
            ],
            true,
        ),
        c(
            "a",
            "since",
            vec![
                json!("2005-05-05"),
                json!("2000-01-01"),
                json!("2030-12-31"),
                json!("2024-02-29"),
            ],
            vec![
                json!("1999-12-31"),
                json!("2031-01-01"),
                json!("2023-02-29"),
                json!("2015-1-1"),
                json!(2015),
            ],
            true,
        ),
        c(
            "a",
            "kind",
            vec![json!("x"), json!("other"), json!("dont_know")],
            vec![json!("z"), json!(["x"])],
            true,
        ),
        c(
            "a",
            "kind_specify",
            vec![json!("something")],
            vec![json!(""), json!(5), json!(null)],
            true,
        ),
        c(
            "a",
            "tags",
            vec![
                json!([]),
                json!(["p"]),
                json!(["p", "q"]),
                json!(["none"]),
                json!(["other"]),
            ],
            vec![
                json!(["none", "p"]),
                json!(["p", "p"]),
                json!(["s"]),
                json!("p"),
            ],
            true,
        ),
        c(
            "a",
            "tags_specify",
            vec![json!("described")],
            vec![json!("")],
            true,
        ),
        c(
            "a",
            "flag",
            vec![json!(true), json!(false), json!(null)],
            vec![json!("yes")],
            true,
        ),
        c("a", "detail", vec![json!("many")], vec![json!("")], true),
        c("a", "why", vec![], vec![json!("because")], true),
        c("a", "recent", vec![json!(true), json!(false)], vec![], true),
        c("a", "many_tags", vec![json!("so many")], vec![], true),
        c("a", "no_flag", vec![json!("none")], vec![], true),
        c(
            "a",
            "laws",
            vec![
                json!([]),
                rows(1),
                rows(4),
                json!([{ "title": "A" }, { "title": "B", "in_force": "1995-01-01" }]),
                json!([{ "title": "A", "contact": "x@y.org", "year": 2000 }]),
            ],
            vec![
                rows(5),
                json!([{ "title": "A" }, { "title": "A" }]),
                json!([{ "title": "1" }, { "title": "1", "year": 2000 }]),
                json!([{ "title": "A", "in_force": "1980-01-01" }]),
                json!([{ "title": "A", "in_force": "2023-02-30" }]),
                json!([{ "title": "A", "contact": "x@localhost" }]),
                json!([{ "title": "" }]),
                json!([{}]),
                json!([{ "title": "A", "extra": 1 }]),
                json!(["A"]),
            ],
            true,
        ),
        c("a", "extra", vec![], vec![json!(1)], true),
        c("b", "n", vec![json!(1)], vec![json!("1")], true),
        c(
            "b",
            "m",
            vec![json!(1), json!(null)],
            vec![json!("1")],
            true,
        ),
    ]
}

/// A reply built by one roll per question (about one answer in sixteen bad), with the odd
/// wrong version, missing section `b` or section `b` that is not a table. Every other
/// reply is then made consistent: follow-up answers that do not apply are removed and
/// those that are missing are given, so that many replies are clean.
fn mixed_reply(rolls: &[u8]) -> Value {
    let mut reply = rolled_reply(rolls);
    if rolls[3].is_multiple_of(2) {
        for _ in 0..3 {
            for finding in fast().walk(&reply) {
                let Some(pointer) = finding.at.pointer else {
                    continue;
                };
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                let Some(Value::Object(answers)) = reply.pointer_mut(parent) else {
                    continue;
                };
                match finding.code.as_str() {
                    "not-applicable" | "unexpected-specify" => drop(answers.remove(key)),
                    "missing-answer" | "missing-specify" => {
                        let value = if key == "m" || key == "n" {
                            json!(7)
                        } else if key == "recent" {
                            json!(true)
                        } else {
                            json!("given")
                        };
                        answers.insert(key.to_string(), value);
                    }
                    _ => {}
                }
            }
        }
    }
    reply
}

fn rolled_reply(rolls: &[u8]) -> Value {
    let mut root = Map::new();
    root.insert("questionnaire".into(), json!("fast"));
    root.insert(
        "version".into(),
        json!(if rolls[0] == 0 { "2" } else { "1" }),
    );
    for (i, c) in candidates().into_iter().enumerate() {
        let roll = usize::from(rolls[(i + 1) % rolls.len()]);
        let pool = if roll < 240 || c.bad.is_empty() {
            &c.good
        } else {
            &c.bad
        };
        let entry = root
            .entry(c.section)
            .or_insert_with(|| Value::Object(Map::new()));
        if let (Some(value), Value::Object(answers)) = (&pool[roll % pool.len()], entry) {
            answers.insert(c.id.to_string(), value.clone());
        }
    }
    if rolls[1].is_multiple_of(7) {
        root.remove("b");
    }
    if rolls[2].is_multiple_of(11) {
        root.insert("b".into(), json!("not a table"));
    }
    Value::Object(root)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn fast_path_is_exact_on_mixed_replies(rolls in prop::collection::vec(any::<u8>(), 24)) {
        assert_exact(fast(), &mixed_reply(&rolls));
    }

    #[test]
    fn fast_path_is_exact_on_generated_replies_of_the_shipped_questionnaire(
        rolls in prop::collection::vec(any::<u32>(), 64..256)
    ) {
        let v = shipped();
        assert_exact(v, &replies::generate(v.questionnaire(), &rolls));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Rows whose columns are asked only in some rows (random cells, so each column `when`
    /// both holds and fails, carried by the schema or not), ages computed from birth
    /// dates, rules on each row.
    #[test]
    fn fast_path_is_exact_on_generated_replies_of_the_household_survey(
        rolls in prop::collection::vec(any::<u32>(), 64..256)
    ) {
        let v = household();
        let reply = replies::generate(v.questionnaire(), &rolls);
        assert_exact(v, &reply);
        assert_exact(v, &made_consistent(v, reply));
    }
}

/// A generated household reply with its dates, size and relations made plausible, then its
/// cells asked or left out as each row's conditions say: most such replies are clean.
fn made_consistent(v: &Validator, mut reply: Value) -> Value {
    reply["visit"]["household_id"] = json!("AB-12345");
    reply["visit"]["interview_date"] = json!("2026-04-02");
    reply["visit"]["campaign_start"] = json!("2026-03-01");
    reply["visit"]["campaign_end"] = json!("2026-03-20");
    let births = ["1980-05-05", "2019-02-02", "2023-07-01", "1990-01-01"];
    if let Some(rows) = reply["household"]["members"].as_array_mut() {
        for (r, row) in rows.iter_mut().enumerate() {
            row["line"] = json!(r + 1);
            row["relation"] = json!(if r == 0 { "head" } else { "child" });
            row["birth_date"] = json!(births[r % births.len()]);
        }
        let n = rows.len();
        reply["household"]["size"] = json!(n);
    }
    for _ in 0..3 {
        for finding in v.walk(&reply) {
            let Some(pointer) = finding.at.pointer else {
                continue;
            };
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            let Some(Value::Object(cells)) = reply.pointer_mut(parent) else {
                continue;
            };
            match (finding.code.as_str(), key) {
                ("not-applicable", _) => drop(cells.remove(key)),
                ("missing-answer", "in_school") => drop(cells.insert(key.into(), json!(true))),
                ("missing-answer", "grade") => drop(cells.insert(key.into(), json!(3))),
                ("missing-answer", "vaccinated") => drop(cells.insert(key.into(), json!("card"))),
                _ => {}
            }
        }
    }
    reply
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Tables per year with rows given in advance, rules reading another table's row by key
    /// and the year before, totals over breakdowns, and codes that leave a rule not checked.
    #[test]
    fn fast_path_is_exact_on_generated_crime_trends_replies(
        rolls in prop::collection::vec(any::<u32>(), 64..256)
    ) {
        let v = crime_trends();
        let reply = replies::generate(v.questionnaire(), &rolls);
        assert_exact(v, &reply);
        assert_exact(v, &cts_reply(&rolls));
    }
}

fn crime_trends() -> &'static Validator {
    static V: std::sync::OnceLock<Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| validator("questionnaires/un-cts-2025/questionnaire.toml"))
}

/// A figure: mostly `base`, now and then one off or "not available".
fn figure(roll: &mut dyn FnMut(u32) -> u32, base: u32) -> Value {
    match roll(24) {
        0 => json!("not_available"),
        1 => json!(base + 1),
        _ => json!(base),
    }
}

/// A crime-trends reply with the years the tables ask for (now and then one left out or
/// one more), figures that mostly add up, and now and then "not available".
fn cts_reply(rolls: &[u32]) -> Value {
    let mut next = rolls.iter().copied().cycle();
    let mut roll = |n: u32| next.next().unwrap_or(0) % n;

    let years: Vec<u32> = match roll(8) {
        0 => vec![2023],
        1 => vec![2023, 2024, 2025],
        _ => vec![2023, 2024],
    };
    let table = |roll: &mut dyn FnMut(u32) -> u32, scale: u32, by_sex: bool| {
        let rows: Vec<Value> = years
            .iter()
            .map(|y| {
                let male = scale * (1 + roll(4));
                let female = scale * (1 + roll(2));
                let mut row = json!({ "year": y, "total": figure(roll, male + female) });
                if by_sex {
                    row["male"] = json!(male);
                    row["female"] = json!(female);
                }
                row
            })
            .collect();
        json!(rows)
    };
    let suspects = table(&mut roll, 1000, true);
    let prosecuted = table(&mut roll, 300, true);
    let convicted = table(&mut roll, 100, false);
    let personnel: Vec<Value> = years
        .iter()
        .map(|y| json!({ "year": y, "persons": 17000 }))
        .collect();
    json!({
        "questionnaire": "un-cts-2025",
        "version": "2025-1",
        "respondent": { "country": "NOR", "agency": "Statistics Norway" },
        "police": { "suspects": suspects, "personnel": personnel },
        "prosecution": { "persons": prosecuted },
        "courts": { "convicted": convicted }
    })
}

#[test]
fn generated_crime_trends_replies_reach_both_verdicts() {
    let v = crime_trends();
    let (mut clean, mut not) = (0, 0);
    for seed in 0..300u32 {
        let rolls: Vec<u32> = (0..64)
            .map(|i| seed.wrapping_mul(2_654_435_761).rotate_left(i % 32) ^ i)
            .collect();
        if v.walk(&cts_reply(&rolls)).is_empty() {
            clean += 1;
        } else {
            not += 1;
        }
    }
    assert!(clean > 20 && not > 20, "clean {clean}, not clean {not}");
}

fn household() -> &'static Validator {
    static V: std::sync::OnceLock<Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| validator("questionnaires/household-2026/questionnaire.toml"))
}

#[test]
fn generated_household_replies_reach_both_verdicts() {
    // The property test above sees each generated reply as generated (rarely clean: its
    // cells are random) and made consistent (mostly clean); both verdicts must occur, or
    // it would test one side of the fast path only.
    let v = household();
    let (mut clean, mut not) = (0, 0);
    for seed in 0..200u32 {
        let rolls: Vec<u32> = (0..128)
            .map(|i| seed.wrapping_mul(2_654_435_761).rotate_left(i % 32) ^ i)
            .collect();
        let raw = replies::generate(v.questionnaire(), &rolls);
        for reply in [raw.clone(), made_consistent(v, raw)] {
            if v.walk(&reply).is_empty() {
                clean += 1;
            } else {
                not += 1;
            }
        }
    }
    assert!(clean > 50 && not > 50, "clean {clean}, not clean {not}");
}

fn shipped() -> &'static Validator {
    static V: std::sync::OnceLock<Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| validator("questionnaires/res-16-2/questionnaire.toml"))
}

#[test]
fn mixed_replies_reach_both_verdicts_and_every_residual_check() {
    // The property above means little if the mix never makes the fast path say "clean",
    // or never makes the schema accept what canvass's own checks refuse.
    let v = fast();
    let mut clean = 0;
    let mut caught = std::collections::BTreeSet::new();
    let mut state = 0x9e37_79b9_u32;
    for _ in 0..20_000 {
        let rolls: Vec<u8> = (0..24)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state.to_le_bytes()[0]
            })
            .collect();
        let reply = mixed_reply(&rolls);
        if v.is_clean(&reply) {
            clean += 1;
        } else if v.schema_accepts(&reply) {
            for f in v.walk(&reply) {
                caught.insert(f.code.as_str().to_string());
            }
        }
    }
    assert!(clean > 100, "only {clean} clean replies in 20,000");
    let caught: Vec<&str> = caught.iter().map(String::as_str).collect();
    // Not `invalid-format`: the schema's `email` and `date` formats refuse every malformed
    // answer first (its `email` is canvass's own test).
    for code in [
        "missing-answer",
        "not-applicable",
        "out-of-range",
        "duplicate-row",
        "rule",
    ] {
        assert!(
            caught.contains(&code),
            "{code} never caught past the schema: {caught:?}"
        );
    }
}

#[test]
fn fast_path_is_exact_on_every_fixture_and_sample_reply() {
    let mut replies = 0;
    for (questionnaire, folder) in [
        ("tests/validate/questionnaire.toml", "tests/validate"),
        (
            "questionnaires/res-16-2/questionnaire.toml",
            "questionnaires/res-16-2/replies",
        ),
        ("tests/validate/questionnaire.toml", "tests/hostile/replies"),
        (
            "tests/fast_path/questionnaire.toml",
            "tests/fast_path/replies",
        ),
        // Rows: column conditions (carried by the schema or not), computed values, rules on
        // each row.
        ("tests/validate/roster.toml", "tests/validate"),
        (
            "questionnaires/household-2026/questionnaire.toml",
            "questionnaires/household-2026/replies",
        ),
    ] {
        let v = validator(questionnaire);
        for path in files(Path::new(folder)) {
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let format = Format::detect(&path.display().to_string(), &text);
            if let Ok((reply, _)) = canvass::reply::parse(&text, format, &Limits::default()) {
                assert_exact(&v, &reply);
                replies += 1;
            }
        }
    }
    assert!(replies > 40, "only {replies} replies parsed");
}

/// Each fixture folder with its own questionnaire (a code in a condition, `if` and
/// `default`, "please specify" in a column, sums, `&&`, keys): its reply, fast and full.
#[test]
fn fast_path_is_exact_on_fixtures_with_their_own_questionnaire() {
    let mut replies = 0;
    let folders = std::fs::read_dir("tests/validate")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|f| f.join("questionnaire.toml").exists());
    for folder in folders {
        let v = validator(&folder.join("questionnaire.toml").display().to_string());
        for path in &files(&folder) {
            let text = std::fs::read_to_string(path).unwrap();
            let format = Format::detect(&path.display().to_string(), &text);
            if let Ok((reply, _)) = canvass::reply::parse(&text, format, &Limits::default()) {
                assert_exact(&v, &reply);
                replies += 1;
            }
        }
    }
    assert!(replies >= 8, "only {replies} replies of such folders");
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("json" | "toml")
        ) && !path.ends_with("questionnaire.toml")
        {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_schema_that_is_not_what_canvass_compiles_is_refused() {
    let text = std::fs::read_to_string("schemas/res-16-2.schema.json").unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    assert!(Validator::from_schema(&schema).is_ok());
    schema["properties"]["legislation"]["properties"]["crc_year"]["anyOf"][1]["minimum"] =
        json!(1800);
    let error = Validator::from_schema(&schema).err().unwrap();
    assert!(
        error.contains("`/properties/legislation/properties/crc_year/anyOf/1/minimum`"),
        "{error}"
    );
    assert!(error.contains("canvass compile"), "{error}");
}
