//! The HTML report in a real browser (Debian's Chromium over WebDriver): the index counts,
//! each filter and what stays visible, no console error, no request leaving the page.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/server.rs"]
mod server;
#[path = "support/webdriver.rs"]
mod webdriver;

use cli::{canvass, temp_dir};
use serde_json::json;

const VISIBLE_FINDINGS: &str =
    "return [...document.querySelectorAll('.finding')].filter(e => e.offsetParent !== null).length";
const VISIBLE_REPLIES: &str = "return [...document.querySelectorAll('main > section')].filter(e => e.offsetParent !== null).length";

#[test]
fn the_batch_page_works_in_a_real_browser() {
    let dir = temp_dir("browser");
    let page = dir.join("report.html");
    let run = canvass(&[
        "validate",
        "questionnaires/res-16-2/replies",
        "--format",
        "html",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    std::fs::write(&page, &run.stdout).unwrap();
    let json = canvass(&[
        "validate",
        "questionnaires/res-16-2/replies",
        "--format",
        "json",
    ]);
    let document: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let findings: Vec<&serde_json::Value> = document["replies"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap())
        .collect();
    let count =
        |pred: &dyn Fn(&serde_json::Value) -> bool| findings.iter().filter(|f| pred(f)).count();

    let profile = dir.join("profile");
    std::fs::create_dir(&profile).unwrap();
    let browser = webdriver::Browser::start(&profile);
    browser.open(&format!("file://{}", page.display()));

    index_and_layout(&browser);

    // With the script, the filters show; every finding is visible to begin with.
    assert_eq!(
        browser.run("return document.getElementById('filters').hidden"),
        json!(false)
    );
    assert_eq!(browser.run(VISIBLE_FINDINGS), json!(findings.len()));

    browser.choose("select[name=severity]", "warning");
    let warnings = count(&|f| f["severity"] == "warning");
    assert_eq!(browser.run(VISIBLE_FINDINGS), json!(warnings));
    let with_warnings = document["replies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["warnings"].as_u64().unwrap() > 0)
        .count();
    assert_eq!(with_warnings, 3, "CAN and FRA (a rule not checked), PHL");
    assert_eq!(
        browser.run(VISIBLE_REPLIES),
        json!(with_warnings),
        "only the replies with a warning"
    );
    browser.choose("select[name=severity]", "");

    browser.choose("select[name=code]", "missing-answer");
    assert_eq!(
        browser.run(VISIBLE_FINDINGS),
        json!(count(&|f| f["code"] == "missing-answer"))
    );
    browser.choose("select[name=code]", "");

    browser.choose("select[name=question]", "legislation.laws");
    assert_eq!(
        browser.run(VISIBLE_FINDINGS),
        json!(count(&|f| f["question"] == "legislation.laws"))
    );
    let shown = browser.run("return document.getElementById('f-shown').textContent");
    assert_eq!(
        shown,
        json!(count(&|f| f["question"] == "legislation.laws").to_string())
    );
    browser.choose("select[name=question]", "");
    assert_eq!(browser.run(VISIBLE_FINDINGS), json!(findings.len()));

    // Nothing was fetched, and the console is clean (a script the policy refused, or a
    // request it blocked, would be logged there).
    assert_eq!(
        browser.run("return performance.getEntriesByType('resource').length"),
        json!(0)
    );
    let console = browser.console();
    assert!(
        console.iter().all(|m| m["level"] != "SEVERE"),
        "{console:?}"
    );

    let png = browser.screenshot_png();
    assert!(png.starts_with(b"\x89PNG"));
    if let Ok(path) = std::env::var("CANVASS_SCREENSHOT") {
        std::fs::write(path, png).unwrap();
    }
}

/// The index: one row per reply, with its status; the summary above it, and the parts
/// of the page in their order.
fn index_and_layout(browser: &webdriver::Browser) {
    let rows = browser.run("return [...document.querySelectorAll('#index tr')].slice(1).map(r => [...r.cells].map(c => c.textContent))");
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 7);
    let valid = rows.iter().filter(|r| r[3] == "valid").count();
    assert_eq!(valid, 2, "{rows:?}");
    assert_eq!(
        rows[1],
        json!([
            "questionnaires/res-16-2/replies/bra.toml",
            "BRA",
            "res-16-2 version 2009-1",
            "invalid",
            "5",
            "0"
        ])
    );
    let header = browser.run("return document.querySelector('header').textContent");
    assert!(
        header
            .as_str()
            .unwrap()
            .contains("7 replies checked: 2 valid, 5 invalid"),
        "{header}"
    );
    let order = browser.run("return ['header', '#index', '#questions', '#filters', 'main'].map(s => document.querySelector(s).getBoundingClientRect().top)");
    let tops: Vec<f64> = order
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!(
        tops.windows(2).all(|w| w[0] < w[1]),
        "summary, index, questions, filters, then the replies: {tops:?}"
    );
}

#[test]
fn without_the_script_everything_is_shown() {
    let run = canvass(&[
        "validate",
        "questionnaires/res-16-2/replies",
        "--format",
        "html",
    ]);
    let page = run.stdout;
    // The filters are hidden until the script shows them; no finding or reply is hidden
    // in the markup.
    assert!(page.contains("<form id=\"filters\" hidden>"));
    assert!(
        !page.contains("<div class=\"finding error\" hidden") && !page.contains("<section hidden")
    );
    assert_eq!(page.matches("<section id=\"r").count(), 7);
}

/// The page of a small batch, as a reviewer's browser gets it (read in the snapshot).
#[test]
fn the_page_of_a_small_batch() {
    let run = canvass(&[
        "validate",
        "questionnaires/res-16-2/replies/aut.toml",
        "questionnaires/res-16-2/replies/phl.toml",
        "--format",
        "html",
    ]);
    assert_eq!(run.status, 1);
    insta::assert_snapshot!(run.stdout);
}

/// A respondent in French, in a real browser, at the link `intake invite` gave: the page
/// comes filled with the reply already sent; the respondent blanks the institution, checks,
/// sees the finding at question 0.2 and in the summary, fixes it, checks again, submits, and
/// gets a receipt for version 2. Nothing on the page breaks the policy (no console error).
#[test]
fn a_respondent_fills_checks_fixes_and_submits_in_french_in_a_real_browser() {
    let dir = temp_dir("browser-serve");
    let (db, path) = invited_collection(&dir);
    let server = server::serve(&db, "120");
    let base = server.base.clone();
    let browser = webdriver::Browser::start(&dir.join("profile"));
    browser.open(&format!("{base}{path}?lang=fr"));
    assert_eq!(
        browser.run("return document.documentElement.lang"),
        json!("fr")
    );
    assert_eq!(
        browser.run("return document.getElementById('respondent.institution').value"),
        json!("Federal Ministry of Justice"),
        "filled with the reply already sent"
    );
    // Part of the form changed: the institution blanked, then checked.
    browser.type_into("#respondent\\.institution", "");
    browser.click("#answers button[value=check]");
    let summary = settled(
        &browser,
        "let s = document.querySelector('.summary'); return s ? s.innerText : ''",
        "Un point à examiner",
    );
    assert!(summary.contains("Un point à examiner"), "{summary}");
    let at_question = browser.run(
        "return document.getElementById('q-respondent.institution').querySelector('p.error').innerText",
    );
    assert_eq!(
        at_question,
        json!("la question 0.2 est obligatoire mais n'a pas de réponse")
    );
    let screenshot = browser.screenshot_png();
    assert!(screenshot.starts_with(b"\x89PNG"));
    // Kept for a person to look at when asked (`CANVASS_SCREENSHOTS=DIR`).
    if let Some(keep) = std::env::var_os("CANVASS_SCREENSHOTS") {
        std::fs::write(
            std::path::Path::new(&keep).join("serve-findings-fr.png"),
            &screenshot,
        )
        .unwrap();
    }
    // Fixed, checked again: nothing to correct. Submitted: a receipt for version 2.
    browser.type_into(
        "#respondent\\.institution",
        "Ministère fédéral de la Justice",
    );
    browser.click("#answers button[value=check]");
    let clean = settled(
        &browser,
        "return document.querySelector('.summary').innerText",
        "Rien à corriger",
    );
    assert!(clean.contains("Rien à corriger"), "{clean}");
    browser.click("#answers button[value=submit]");
    let receipt = settled(
        &browser,
        "let r = document.querySelector('.receipt'); return r ? r.innerText : ''",
        "Reçu",
    );
    assert!(receipt.starts_with("Reçu : version 2 (final)"), "{receipt}");
    let errors: Vec<serde_json::Value> = browser
        .console()
        .into_iter()
        .filter(|e| e["level"] == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let status = canvass(&["intake", "status", "--db", &db, "--format", "csv"]);
    let aut = status
        .stdout
        .lines()
        .find(|l| l.starts_with("AUT,"))
        .unwrap();
    assert!(aut.starts_with("AUT,accepted,2,"), "{aut}");
}

/// The same respondent in Arabic: the page is right to left, question numbers read in
/// their own direction; the page's script hides a question whose condition does not hold
/// until it does; a form sent without its anti-forgery token stores nothing; the
/// secretariat signs in and sees the reply; once the link is revoked, it shows nothing.
#[test]
fn an_arabic_page_is_right_to_left_and_what_must_be_refused_is_refused_in_a_real_browser() {
    let dir = temp_dir("browser-arabic");
    let (db, path) = invited_collection(&dir);
    let secret = "a secret for the browser test";
    let server = server::serve_with(&db, "120", Some(secret));
    let base = server.base.clone();
    let browser = webdriver::Browser::start(&dir.join("profile"));
    browser.open(&format!("{base}{path}?lang=ar"));
    assert_eq!(
        browser.run("return [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]"),
        json!(["ar", "rtl", "rtl"])
    );
    let label = browser
        .run("return document.querySelector('label[for=\"legislation.crc_party\"]').innerText");
    assert_eq!(label, json!("1 هل بلدكم طرف في اتفاقية حقوق الطفل؟"));
    assert_eq!(
        browser.run(
            "return document.querySelector('label[for=\"legislation.crc_party\"] bdi').innerText"
        ),
        json!("1"),
        "the number isolated"
    );
    if let Some(keep) = std::env::var_os("CANVASS_SCREENSHOTS") {
        std::fs::write(
            std::path::Path::new(&keep).join("serve-page-ar.png"),
            browser.screenshot_png(),
        )
        .unwrap();
    }
    // AUT needs no assistance: "in which areas?" is hidden until it does.
    let areas_hidden = "return document.getElementById('q-assistance.assistance_areas').hidden";
    assert_eq!(browser.run(areas_hidden), json!(true));
    browser.choose("select[name=\"assistance.needs_assistance\"]", "true");
    assert_eq!(browser.run(areas_hidden), json!(false));
    browser.choose("select[name=\"assistance.needs_assistance\"]", "false");
    assert_eq!(browser.run(areas_hidden), json!(true));

    // A form without its anti-forgery token: refused, nothing stored.
    browser.run("document.querySelector('#answers input[name=csrf]').remove(); return 0");
    browser.click("#answers button[value=draft]");
    let refused = settled(&browser, "return document.body.innerText", "expired");
    assert!(refused.contains("The form has expired"), "{refused}");
    let status = canvass(&["intake", "status", "--db", &db, "--format", "csv"]);
    assert!(
        status
            .stdout
            .lines()
            .any(|l| l.starts_with("AUT,accepted,1,")),
        "{}",
        status.stdout
    );

    // The secretariat signs in and sees AUT's reply.
    browser.open(&format!("{base}/secretariat"));
    browser.type_into("input[name=secret]", secret);
    browser.click("button[type=submit]");
    let table = settled(
        &browser,
        "let t = document.querySelector('table'); return t ? t.innerText : ''",
        "AUT",
    );
    assert!(table.contains("AUT\taccepted\t1"), "{table}");

    // Revoked, the link shows nothing.
    let revoke = canvass(&["intake", "invite", "--revoke", "AUT", "--db", &db]);
    assert_eq!(revoke.status, 0, "{}", revoke.stderr);
    browser.open(&format!("{base}{path}?lang=ar"));
    assert_eq!(
        browser.run("return document.body.innerText.trim()"),
        json!("Not found")
    );
}

/// What `script` gives once it holds `expected`, or what it gives after 5 s: a click that
/// submits a form may return before the next page is there.
fn settled(browser: &webdriver::Browser, script: &str, expected: &str) -> String {
    let started = std::time::Instant::now();
    loop {
        let now = browser.run(script).as_str().unwrap_or_default().to_string();
        if now.contains(expected) || started.elapsed() > std::time::Duration::from_secs(5) {
            return now;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// A res-16-2 collection holding AUT's sample reply, and AUT's link (its path).
fn invited_collection(dir: &std::path::Path) -> (String, String) {
    let db = dir.join("c.db").display().to_string();
    assert_eq!(
        canvass(&["intake", "init", "-q", "res-16-2", "--db", &db]).status,
        0
    );
    let add = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "questionnaires/res-16-2/replies/aut.toml",
    ]);
    assert_eq!(add.status, 0, "{}", add.stdout);
    let invite = canvass(&["intake", "invite", "AUT", "--db", &db]);
    let link = invite
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .split_once(',')
        .unwrap()
        .1
        .to_string();
    let path = link
        .strip_prefix("http://127.0.0.1:8080")
        .unwrap()
        .to_string();
    (db, path)
}
