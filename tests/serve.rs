//! `canvass serve` over loopback, as a respondent's browser and an attacker reach it: the
//! page at a live link in the language asked for, "Check" showing the findings at their
//! questions, "Submit" answered with a receipt only once the version is in the collection,
//! and what must be refused — an unknown or revoked link (404, nothing learned), a post
//! without the anti-forgery token (403), a body over the limit (413), too many requests
//! (429). The server stops on SIGTERM.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/server.rs"]
mod server;

use std::io::{BufRead, BufReader, Write};
use std::process::Command;

use cli::{canvass, temp_dir};
use server::{Server, serve, serve_args, serve_with};

/// A collection of res-16-2 with links for AUT and FRA (their paths on the server).
fn collection(dir: &std::path::Path) -> (String, String, String) {
    let db = dir.join("c.db").display().to_string();
    let init = canvass(&["intake", "init", "-q", "res-16-2", "--db", &db]);
    assert_eq!(init.status, 0, "{}", init.stderr);
    let invite = canvass(&[
        "intake",
        "invite",
        "AUT",
        "FRA",
        "--db",
        &db,
        "--base-url",
        "https://survey.example.org",
    ]);
    assert_eq!(invite.status, 0, "{}", invite.stderr);
    let links: Vec<String> = invite
        .stdout
        .lines()
        .skip(1)
        .map(|l| {
            l.split_once(',')
                .unwrap()
                .1
                .strip_prefix("https://survey.example.org")
                .unwrap()
                .to_string()
        })
        .collect();
    // Only each token's SHA-256 is kept: no file of the collection holds a token.
    for link in &links {
        let token = link.strip_prefix("/r/").unwrap().as_bytes();
        for file in [db.clone(), format!("{db}-wal")] {
            let bytes = std::fs::read(&file).unwrap_or_default();
            assert!(
                !bytes.windows(token.len()).any(|w| w == token),
                "{file} holds a token"
            );
        }
    }
    (db, links[0].clone(), links[1].clone())
}

/// A page and the anti-forgery cookie it set.
fn open(server: &Server, path: &str, lang: &str) -> (String, String) {
    let response = ureq::get(&format!("{}{path}", server.base))
        .set("Accept-Language", lang)
        .call()
        .unwrap();
    let csp = response
        .header("Content-Security-Policy")
        .unwrap()
        .to_string();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert_eq!(response.header("Referrer-Policy"), Some("no-referrer"));
    let cookie = response.header("Set-Cookie").unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let csrf = cookie.split(';').next().unwrap().to_string();
    (response.into_string().unwrap(), csrf)
}

/// A form posted with `cookie`: the status and the body.
fn post(server: &Server, path: &str, cookie: &str, form: &[(&str, &str)]) -> (u16, String) {
    match ureq::post(&format!("{}{path}", server.base))
        .set("Cookie", cookie)
        .send_form(form)
    {
        Ok(r) => (r.status(), r.into_string().unwrap()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap_or_default()),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_respondent_checks_then_submits_in_french_and_gets_a_receipt_once_stored() {
    let dir = temp_dir("serve-journey");
    let (db, aut, _) = collection(&dir);
    let server = serve(&db, "100");
    let (page, cookie) = open(&server, &aut, "fr-CH, fr;q=0.9, en;q=0.5");
    assert!(
        page.contains("<html lang=\"fr\" dir=\"ltr\">"),
        "{}",
        &page[..200]
    );
    assert!(page.contains("Vérifier"));
    let csrf = cookie.split_once('=').unwrap().1.to_string();
    // A partial reply, checked: findings at the top and at their questions, in French.
    let checked = post(
        &server,
        &aut,
        &cookie,
        &[
            ("csrf", &csrf),
            ("action", "check"),
            ("lang", "fr"),
            ("respondent.country", "FRA"),
            ("investigation.prosecuted", "61 700"),
        ],
    )
    .1;
    assert!(checked.contains("points à examiner"), "{}", &checked[..400]);
    assert!(
        checked.contains("<a href=\"#q-respondent.institution\">"),
        "a summary links to each question"
    );
    assert!(checked.contains(
        "<div class=\"question\" id=\"q-investigation.prosecuted\" data-name=\"investigation.prosecuted\">"
    ));
    // The link decides who replies: the form's country is not taken.
    assert!(
        checked.contains("value=\"AUT\""),
        "the respondent's answer is the link's"
    );
    assert!(!checked.contains("Reçu"), "a check stores nothing");
    let before = canvass(&["intake", "status", "--db", &db, "--format", "csv"]);
    assert!(
        before.stdout.lines().all(|l| !l.starts_with("AUT,")),
        "{}",
        before.stdout
    );
    // What a respondent types comes back escaped: no markup of theirs reaches the page.
    let hostile = post(
        &server,
        &aut,
        &cookie,
        &[
            ("csrf", &csrf),
            ("action", "check"),
            (
                "respondent.institution",
                "<script>alert(1)</script>\u{202e}",
            ),
            (
                "investigation.prosecuted",
                "\"><img src=x onerror=alert(1)>",
            ),
        ],
    )
    .1;
    assert!(
        !hostile.contains("<script>alert") && !hostile.contains("<img src=x"),
        "unescaped"
    );
    assert!(
        hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "escaped as text"
    );
    // Submitted: the receipt names the version the collection now holds.
    let submitted = post(
        &server,
        &aut,
        &cookie,
        &[
            ("csrf", &csrf),
            ("action", "submit"),
            ("lang", "fr"),
            ("respondent.institution", "Ministère fédéral de la Justice"),
        ],
    )
    .1;
    assert!(
        submitted.contains("Reçu : version 1 (final)"),
        "{}",
        &submitted[..600]
    );
    let status = canvass(&["intake", "status", "--db", &db, "--format", "csv"]);
    let line = status
        .stdout
        .lines()
        .find(|l| l.starts_with("AUT,"))
        .unwrap();
    assert!(line.starts_with("AUT,invalid,1,"), "{line}");
    let history = canvass(&["intake", "history", "AUT", "--db", &db]);
    assert!(
        history.stdout.contains("note: web form"),
        "{}",
        history.stdout
    );
}

#[test]
fn what_a_stranger_tries_is_refused_and_learns_nothing() {
    let dir = temp_dir("serve-refusals");
    let (db, aut, fra) = collection(&dir);
    let server = serve(&db, "100");
    let status = |path: &str| match ureq::get(&format!("{}{path}", server.base)).call() {
        Ok(r) => (r.status(), r.into_string().unwrap()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap()),
        Err(e) => panic!("{e}"),
    };
    // Unknown, malformed and revoked links, and any other page: the same 404.
    let revoked = canvass(&["intake", "invite", "FRA", "--revoke", "--db", &db]);
    assert_eq!(revoked.stdout, "revoked 1 link of FRA\n");
    let nothing = (404, "Not found\n".to_string());
    assert_eq!(status(&fra), nothing);
    assert_eq!(
        status("/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        nothing
    );
    assert_eq!(status("/r/..%2f..%2fetc%2fpasswd"), nothing);
    assert_eq!(status("/admin"), nothing);
    assert_eq!(status(&aut).0, 200);
    // A post without the anti-forgery token, or with another one, changes nothing.
    let (_, cookie) = open(&server, &aut, "en");
    for form in [
        vec![("action", "submit")],
        vec![
            ("action", "submit"),
            ("csrf", "x".repeat(43).leak() as &str),
        ],
    ] {
        assert_eq!(post(&server, &aut, &cookie, &form).0, 403);
    }
    let csv = canvass(&["intake", "status", "--db", &db, "--format", "csv"]);
    assert!(
        csv.stdout.lines().all(|l| !l.starts_with("AUT,")),
        "{}",
        csv.stdout
    );
    // A body over the reply size limit is refused on its length, before it is read.
    let csrf = cookie.split_once('=').unwrap().1.to_string();
    let head = format!(
        "POST {aut} HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\ncsrf={csrf}&",
        17 << 20
    );
    let mut stream =
        std::net::TcpStream::connect(server.base.strip_prefix("http://").unwrap()).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = BufReader::new(stream).read_line(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

#[test]
fn a_link_is_limited_in_requests_and_the_server_stops_on_sigterm() {
    let dir = temp_dir("serve-limits");
    let (db, aut, _) = collection(&dir);
    let mut server = serve(&db, "3");
    for _ in 0..3 {
        assert_eq!(
            ureq::get(&format!("{}{aut}", server.base))
                .call()
                .unwrap()
                .status(),
            200
        );
    }
    match ureq::get(&format!("{}{aut}", server.base)).call() {
        Err(ureq::Error::Status(429, r)) => assert_eq!(r.header("Retry-After"), Some("60")),
        other => panic!("{:?}", other.map(|r| r.status())),
    }
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
}

/// `kill -9` of the server during a stream of submissions: every version whose receipt was
/// shown is in the collection, which passes SQLite's integrity check.
#[test]
fn a_server_killed_during_submissions_loses_no_receipted_version() {
    const STREAM: usize = 2_000;
    let dir = temp_dir("serve-kill");
    let (db, aut, _) = collection(&dir);
    let mut server = serve(&db, "100000");
    let (_, cookie) = open(&server, &aut, "en");
    let csrf = cookie.split_once('=').unwrap().1.to_string();
    let base = server.base.clone();
    let (cookie2, aut2) = (cookie.clone(), aut.clone());
    let so_far = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = std::sync::Arc::clone(&so_far);
    let sender = std::thread::spawn(move || {
        let mut receipted = Vec::new();
        for i in 0..STREAM {
            let institution = format!("Ministry {i}");
            let form = [
                ("csrf", csrf.as_str()),
                ("action", "draft"),
                ("respondent.institution", institution.as_str()),
            ];
            let Ok(response) = ureq::post(&format!("{base}{aut2}"))
                .set("Cookie", &cookie2)
                .send_form(&form)
            else {
                break;
            };
            let Ok(page) = response.into_string() else {
                break;
            };
            let version: i64 = page
                .split("Received: version ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|v| v.parse().ok())
                .expect("a receipt");
            receipted.push(version);
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        receipted
    });
    // Let some submissions through (however fast the server is), then kill it mid-stream.
    let started = std::time::Instant::now();
    while so_far.load(std::sync::atomic::Ordering::SeqCst) < 100
        && started.elapsed() < std::time::Duration::from_secs(30)
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    let receipted = sender.join().unwrap();
    eprintln!("{} submissions receipted before the kill", receipted.len());
    assert!(
        !receipted.is_empty(),
        "no submission got through before the kill"
    );
    assert!(
        receipted.len() < STREAM,
        "the kill came after the stream ended"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let stored: Vec<i64> = conn
        .prepare("SELECT version FROM submission WHERE respondent = 'AUT' ORDER BY version")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for v in &receipted {
        assert!(
            stored.contains(v),
            "version {v} was receipted but is not stored"
        );
    }
}

/// A multipart upload of `file` (named `name`) with the anti-forgery token and `action`.
fn upload(
    server: &Server,
    path: &str,
    cookie: &str,
    name: &str,
    file: &[u8],
    action: &str,
) -> (u16, String) {
    let csrf = cookie.split_once('=').unwrap().1;
    let boundary = "canvass-test-boundary-7f3a";
    let mut body = Vec::new();
    for (field, value) in [("csrf", csrf), ("action", action), ("lang", "en")] {
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n").as_bytes());
    }
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
    body.extend(file);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    match ureq::post(&format!("{}{path}/upload", server.base))
        .set("Cookie", cookie)
        .set(
            "Content-Type",
            &format!("multipart/form-data; boundary={boundary}"),
        )
        .send_bytes(&body)
    {
        Ok(r) => (r.status(), r.into_string().unwrap()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap_or_default()),
        Err(e) => panic!("{e}"),
    }
}

/// A filled file instead of the form: the workbook downloaded, filled with the version
/// sent, comes back valid; a file naming another respondent is not stored under either.
#[test]
fn a_filled_file_is_uploaded_as_the_links_respondent_only() {
    let dir = temp_dir("serve-upload");
    let (db, aut, _) = collection(&dir);
    let server = serve(&db, "100");
    let (_, cookie) = open(&server, &aut, "en");
    let reply = std::fs::read("questionnaires/res-16-2/replies/aut.toml").unwrap();
    let (code, page) = upload(&server, &aut, &cookie, "aut.toml", &reply, "submit");
    assert_eq!(code, 200);
    assert!(
        page.contains("Received: version 1 (final)"),
        "{}",
        &page[..400]
    );
    assert!(
        page.contains("Nothing to correct"),
        "the sample reply is valid"
    );
    // The workbook, filled with that version, uploaded back as it is: valid, version 2.
    let book = ureq::get(&format!("{}{aut}/workbook.xlsx", server.base))
        .call()
        .unwrap();
    assert_eq!(
        book.header("Content-Disposition"),
        Some("attachment; filename=\"res-16-2.xlsx\"")
    );
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut book.into_reader(), &mut bytes).unwrap();
    assert!(bytes.starts_with(b"PK"));
    let (_, page) = upload(&server, &aut, &cookie, "res-16-2.xlsx", &bytes, "submit");
    assert!(
        page.contains("Received: version 2 (final)"),
        "{}",
        &page[..400]
    );
    // Another respondent's reply at AUT's link: said, and stored under no one.
    let fra = std::fs::read("questionnaires/res-16-2/replies/fra.json").unwrap();
    let (_, page) = upload(&server, &aut, &cookie, "fra.json", &fra, "submit");
    assert!(
        page.contains(
            "This file replies for FRA, not for the respondent of this link: it was not stored."
        ),
        "{}",
        &page[..600]
    );
    let status = canvass(&["intake", "status", "--db", &db, "--format", "csv"]);
    assert!(
        status.stdout.lines().all(|l| !l.starts_with("FRA,")),
        "{}",
        status.stdout
    );
    let aut_line = status
        .stdout
        .lines()
        .find(|l| l.starts_with("AUT,"))
        .unwrap();
    assert!(aut_line.starts_with("AUT,accepted,2,"), "{aut_line}");
    // Without the anti-forgery token, nothing is even read.
    let (code, _) = upload(
        &server,
        &aut,
        "canvass_csrf=wrong",
        "aut.toml",
        &reply,
        "submit",
    );
    assert_eq!(code, 403);
}

/// The secretariat signs in with the secret given at start (never on the command line) and
/// sees the status; a wrong secret, a sign-in without the anti-forgery token, or a server
/// started without a secret, show nothing.
#[test]
fn the_secretariat_signs_in_with_its_secret_and_sees_the_status() {
    let dir = temp_dir("serve-secretariat");
    let (db, _, _) = collection(&dir);
    let add = canvass(&[
        "intake",
        "add",
        "--db",
        &db,
        "questionnaires/res-16-2/replies/aut.toml",
    ]);
    assert_eq!(add.status, 0, "{}", add.stderr);
    let without = serve(&db, "100");
    match ureq::get(&format!("{}/secretariat", without.base)).call() {
        Err(ureq::Error::Status(404, _)) => {}
        other => panic!("{:?}", other.map(|r| r.status())),
    }
    drop(without);
    let secret = "correct horse battery staple";
    let server = serve_with(&db, "100", Some(secret));
    let (form, cookie) = open(&server, "/secretariat", "en");
    assert!(form.contains("type=\"password\""), "{form}");
    let csrf = cookie.split_once('=').unwrap().1.to_string();
    let sign_in = |fields: &[(&str, &str)]| {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        match agent
            .post(&format!("{}/secretariat", server.base))
            .set("Cookie", &cookie)
            .send_form(fields)
        {
            Ok(r) => (r.status(), r.header("Set-Cookie").unwrap_or("").to_string()),
            Err(ureq::Error::Status(code, _)) => (code, String::new()),
            Err(e) => panic!("{e}"),
        }
    };
    assert_eq!(sign_in(&[("csrf", &csrf), ("secret", "guess")]).0, 403);
    assert_eq!(sign_in(&[("secret", secret)]).0, 403);
    let (code, session) = sign_in(&[("csrf", &csrf), ("secret", secret)]);
    assert_eq!(code, 303);
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Strict"),
        "{session}"
    );
    let session = session.split(';').next().unwrap().to_string();
    let status = ureq::get(&format!("{}/secretariat?state=accepted", server.base))
        .set("Cookie", &format!("{cookie}; {session}"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    assert!(
        status.contains("res-16-2 version 2009-1: 1 of 1 respondents"),
        "{status}"
    );
    assert!(
        status.contains(
            "<td><a href=\"/secretariat/r/AUT\"><bdi>AUT</bdi></a></td><td>accepted</td>"
        ),
        "{status}"
    );
    // Signed out (no session), the same page is the sign-in form again.
    let (again, _) = open(&server, "/secretariat", "en");
    assert!(
        again.contains("Sign in") && !again.contains("respondents"),
        "{again}"
    );
}

/// Signed in as the secretariat: the cookies to send (anti-forgery token and session).
fn signed_in(server: &Server, secret: &str) -> String {
    let (_, cookie) = open(server, "/secretariat", "en");
    let csrf = cookie.split_once('=').unwrap().1.to_string();
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let response = agent
        .post(&format!("{}/secretariat", server.base))
        .set("Cookie", &cookie)
        .send_form(&[("csrf", &csrf), ("secret", secret)])
        .unwrap();
    assert_eq!(response.status(), 303);
    let session = response.header("Set-Cookie").unwrap();
    format!("{cookie}; {}", session.split(';').next().unwrap())
}

/// A page of the secretariat's: status, headers and body (no redirect followed).
fn secretariat_get(server: &Server, path: &str, cookies: &str) -> (u16, HeaderList, String) {
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let response = match agent
        .get(&format!("{}{path}", server.base))
        .set("Cookie", cookies)
        .call()
    {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{e}"),
    };
    let headers = response
        .headers_names()
        .into_iter()
        .map(|n| {
            let v = response.header(&n).unwrap_or("").to_string();
            (n, v)
        })
        .collect();
    (response.status(), headers, response.into_string().unwrap())
}

type HeaderList = Vec<(String, String)>;

fn header<'h>(headers: &'h HeaderList, name: &str) -> &'h str {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map_or("", |(_, v)| v.as_str())
}

/// Past the status: a respondent's versions with findings followed across them, accepting
/// one with a note (only with the anti-forgery token), the batch page and the tables under
/// their own strict policies, and the downloads; none of it without signing in.
#[test]
fn the_secretariat_reads_versions_accepts_one_and_downloads_the_tables() {
    let dir = temp_dir("serve-review");
    let (db, _, _) = collection(&dir);
    for reply in ["aut.toml", "bra.toml"] {
        let path = format!("questionnaires/res-16-2/replies/{reply}");
        let add = canvass(&["intake", "add", "--db", &db, &path]);
        assert!(add.status <= 1, "{}", add.stderr);
    }
    let secret = "s3cret for the review test";
    let server = serve_with(&db, "1000", Some(secret));
    // Not signed in: every page sends the browser to sign in, and shows nothing.
    for path in [
        "/secretariat/r/BRA",
        "/secretariat/batch",
        "/secretariat/tables",
        "/secretariat/replies.ndjson",
    ] {
        let (code, headers, body) = secretariat_get(&server, path, "");
        assert_eq!(
            (code, header(&headers, "Location")),
            (303, "/secretariat"),
            "{path}"
        );
        assert!(!body.contains("BRA"), "{path}: {body}");
    }
    let cookies = signed_in(&server, secret);

    let (code, _, page) = secretariat_get(&server, "/secretariat/r/BRA", &cookies);
    assert_eq!(code, 200);
    assert!(
        page.contains("Version 1 · invalid · final · 5 errors, 0 warnings"),
        "{page}"
    );
    assert!(page.contains("<code>exclusive-option</code>"), "{page}");
    assert!(page.contains("name=\"note\""), "an accept form: {page}");
    let (code, _, _) = secretariat_get(&server, "/secretariat/r/NOBODY", &cookies);
    assert_eq!(code, 404);

    accepting_needs_the_token_and_a_note(&server, &cookies, &db);

    // The batch page keeps its own policy: its inline style, its one script by hash.
    let (code, headers, batch) = secretariat_get(&server, "/secretariat/batch?lang=fr", &cookies);
    assert_eq!(code, 200);
    let csp = header(&headers, "Content-Security-Policy");
    assert!(
        csp.starts_with("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(batch.contains("<html lang=\"fr\" dir=\"ltr\">"), "{batch}");
    assert!(
        batch.contains("(<bdi>BRA</bdi>)") && batch.contains("(<bdi>AUT</bdi>)"),
        "{batch}"
    );

    let (_, headers, tables) = secretariat_get(&server, "/secretariat/tables", &cookies);
    assert!(header(&headers, "Content-Security-Policy").contains("style-src 'sha256-"));
    assert!(tables.contains("2 replies counted"), "{tables}");
    let (_, headers, csv) = secretariat_get(&server, "/secretariat/tables?format=csv", &cookies);
    assert_eq!(
        header(&headers, "Content-Disposition"),
        "attachment; filename=\"tables.csv\""
    );
    assert!(csv.lines().count() > 40, "{csv}");
    let (_, _, ndjson) = secretariat_get(&server, "/secretariat/replies.ndjson", &cookies);
    assert_eq!(ndjson.lines().count(), 2, "{ndjson}");
    for line in ndjson.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}

/// A version accepted from the respondent's page, as `intake accept` would: only with the
/// anti-forgery token and a note; then the status says so and the form is gone.
fn accepting_needs_the_token_and_a_note(server: &Server, cookies: &str, db: &str) {
    let csrf = cookies
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_string();
    // Accepting needs the token and a note, then holds.
    let accept = |form: &[(&str, &str)]| {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        match agent
            .post(&format!("{}/secretariat/r/BRA/accept", server.base))
            .set("Cookie", cookies)
            .send_form(form)
        {
            Ok(r) => (r.status(), r.header("Location").unwrap_or("").to_string()),
            Err(ureq::Error::Status(code, _)) => (code, String::new()),
            Err(e) => panic!("{e}"),
        }
    };
    let note = "figures confirmed by the ministry on the telephone";
    assert_eq!(accept(&[("version", "1"), ("note", note)]).0, 403);
    assert_eq!(
        accept(&[("csrf", &csrf), ("version", "1"), ("note", " ")]).0,
        400
    );
    assert_eq!(
        accept(&[("csrf", &csrf), ("version", "1"), ("note", note)]),
        (303, "/secretariat/r/BRA#v1".to_string())
    );
    let status = canvass(&["intake", "status", "--db", db, "--format", "csv"]);
    let bra = status
        .stdout
        .lines()
        .find(|l| l.starts_with("BRA,"))
        .unwrap();
    assert!(bra.contains("accepted") && bra.contains(note), "{bra}");
    let (_, _, page) = secretariat_get(server, "/secretariat/r/BRA", cookies);
    assert!(
        page.contains(&format!("Accepted: <bdi>{note}</bdi>")),
        "{page}"
    );
    assert!(!page.contains("name=\"note\""), "accepted: no form left");
}

/// A client that trickles its request, or sends nothing, is cut off once it has been
/// silent for the client timeout (here one second); the server goes on serving others.
#[test]
fn a_slow_client_is_cut_off_and_others_are_served() {
    use std::io::Read;
    let dir = temp_dir("serve-slow");
    let (db, aut, _) = collection(&dir);
    let server = serve_args(&db, "100", None, &["--client-timeout", "1"]);
    let address = server.base.strip_prefix("http://").unwrap().to_string();
    let closed_within = |stream: &mut std::net::TcpStream, seconds: u64| {
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(seconds)))
            .unwrap();
        let mut buf = [0u8; 64];
        // End of stream (or a reset): the server hung up; a timeout here: it did not.
        match stream.read(&mut buf) {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => !matches!(
                e.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ),
        }
    };
    let started = std::time::Instant::now();
    let mut silent = std::net::TcpStream::connect(&address).unwrap();
    let mut trickling = std::net::TcpStream::connect(&address).unwrap();
    trickling
        .write_all(format!("GET {aut} HTTP/1.1\r\nHost: x\r\n").as_bytes())
        .unwrap();
    assert!(
        closed_within(&mut silent, 5),
        "a silent connection stays open"
    );
    assert!(
        closed_within(&mut trickling, 5),
        "a half-sent request is waited for"
    );
    let waited = started.elapsed();
    assert!(waited.as_millis() >= 900, "cut off too soon: {waited:?}");
    // The others are served as before.
    let page = ureq::get(&format!("{}{aut}", server.base)).call().unwrap();
    assert_eq!(page.status(), 200);
}

/// Nothing a server writes holds a secret: after a sign-in, a link's page, a check, a
/// submission, an unknown link and SIGTERM, its standard output is the one line saying
/// where it listens and its standard error is empty — no token, no secret, no answer.
#[test]
fn no_secret_reaches_the_logs() {
    let dir = temp_dir("serve-logs");
    let (db, aut, _) = collection(&dir);
    let secret = "the secretariat's log test secret";
    let (out_path, err_path) = (dir.join("out.txt"), dir.join("err.txt"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(["serve", "--db", &db, "--listen", "127.0.0.1:0"])
        .env("CANVASS_SECRET", secret)
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let base = loop {
        let out = std::fs::read_to_string(&out_path).unwrap_or_default();
        if let Some(line) = out.lines().next().filter(|_| out.ends_with('\n')) {
            break line.strip_prefix("listening on ").unwrap().to_string();
        }
        assert!(started.elapsed().as_secs() < 20, "the server did not start");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let server = Server {
        child: Command::new("true").spawn().unwrap(),
        base: base.clone(),
    };
    let cookies = signed_in(&server, secret);
    let (_, cookie) = open(&server, &aut, "en");
    let csrf = cookie.split_once('=').unwrap().1.to_string();
    for action in ["check", "submit"] {
        let (code, _) = post(
            &server,
            &aut,
            &cookie,
            &[
                ("csrf", &csrf),
                ("action", action),
                ("respondent.institution", "Ministry"),
            ],
        );
        assert_eq!(code, 200);
    }
    assert!(
        ureq::get(&format!("{base}/r/{}", "x".repeat(43)))
            .call()
            .is_err()
    );
    let _ = secretariat_get(&server, "/secretariat", &cookies);
    assert!(
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    assert!(child.wait().unwrap().success());
    let out = std::fs::read_to_string(&out_path).unwrap();
    let err = std::fs::read_to_string(&err_path).unwrap();
    assert_eq!(out, format!("listening on {base}\n"));
    assert_eq!(err, "");
    let token = aut.strip_prefix("/r/").unwrap();
    let session = cookies.rsplit_once('=').unwrap().1;
    for secret_thing in [secret, token, session, csrf.as_str()] {
        assert!(!out.contains(secret_thing) && !err.contains(secret_thing));
    }
}
