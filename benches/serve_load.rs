//! A bounded load test of `canvass serve` over loopback: 50 simulated respondents, each at
//! its own link, checking and submitting the 44-question questionnaire (res-16-2, Austria's
//! full reply as a filled form) — 2,000 requests in all, three checks for each submission.
//! Prints the throughput and the p50 / p99 latency of checks and of submissions; any
//! request that fails is counted and makes the run fail. `cargo bench --bench serve_load`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const RESPONDENTS: usize = 50;
const REQUESTS: usize = 2_000;

fn canvass(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(args)
        .output()
        .expect("canvass runs");
    assert!(
        out.status.code().unwrap_or(2) <= 1,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A reply as the form fields a browser would post.
fn fields(reply: &Value) -> Vec<(String, String)> {
    fn text(v: &Value) -> String {
        match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
    let mut out = Vec::new();
    for (section, answers) in reply.as_object().unwrap() {
        let Some(answers) = answers.as_object() else {
            continue;
        };
        for (id, value) in answers {
            let name = format!("{section}.{id}");
            match value {
                Value::Array(items) if items.iter().all(Value::is_object) => {
                    for (i, row) in items.iter().enumerate() {
                        for (column, cell) in row.as_object().unwrap() {
                            out.push((format!("{name}.{i}.{column}"), text(cell)));
                        }
                    }
                }
                Value::Array(items) => out.extend(items.iter().map(|v| (name.clone(), text(v)))),
                other => out.push((name, text(other))),
            }
        }
    }
    out
}

/// The `percent`th percentile of sorted latencies (nearest rank).
fn percentile(sorted: &[Duration], percent: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(sorted.len() - 1) * percent / 100]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("load.db").display().to_string();
    canvass(&[
        "intake",
        "init",
        "-q",
        "res-16-2",
        "--db",
        &db,
        "--expect",
        "un-member-states",
    ]);
    let links: Vec<String> = canvass(&["intake", "invite", "--db", &db])
        .lines()
        .skip(1)
        .take(RESPONDENTS)
        .map(|l| {
            l.split_once(',')
                .unwrap()
                .1
                .strip_prefix("http://127.0.0.1:8080")
                .unwrap()
                .to_string()
        })
        .collect();
    let mut server = Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args([
            "serve",
            "--db",
            &db,
            "--listen",
            "127.0.0.1:0",
            "--per-minute",
            "1000000",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut said)
        .unwrap();
    let base = said
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_string();
    let text = std::fs::read_to_string("questionnaires/res-16-2/replies/aut.toml").unwrap();
    let reply: Value = toml::from_str::<toml::Value>(&text)
        .map(|t| serde_json::to_value(t).unwrap())
        .unwrap();
    let form = fields(&reply);
    let started = Instant::now();
    let (mut checks, mut submits, failed) = load(&base, links, &form);
    let elapsed = started.elapsed();
    let _ = server.kill();
    let _ = server.wait();
    report(elapsed, &mut checks, &mut submits, failed);
}

/// Latencies of checks and submissions, each respondent on its own thread; and how many
/// requests failed.
fn load(
    base: &str,
    links: Vec<String>,
    form: &[(String, String)],
) -> (Vec<Duration>, Vec<Duration>, usize) {
    let per_respondent = REQUESTS / RESPONDENTS;
    let workers: Vec<_> = links
        .into_iter()
        .map(|link| {
            let (base, form) = (base.to_string(), form.to_vec());
            std::thread::spawn(move || {
                let url = format!("{base}{link}");
                let page = ureq::get(&url).call().expect("the page");
                let cookie = page
                    .header("Set-Cookie")
                    .unwrap()
                    .split(';')
                    .next()
                    .unwrap()
                    .to_string();
                let csrf = cookie.split_once('=').unwrap().1.to_string();
                let (mut checks, mut submits, mut failed) = (Vec::new(), Vec::new(), 0usize);
                // The page itself was one request.
                for i in 1..per_respondent {
                    let action = if i % 4 == 0 { "submit" } else { "check" };
                    let mut posted: Vec<(&str, &str)> =
                        form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                    posted.push(("csrf", &csrf));
                    posted.push(("action", action));
                    let t = Instant::now();
                    match ureq::post(&url).set("Cookie", &cookie).send_form(&posted) {
                        Ok(r) if r.status() == 200 => {
                            let _ = r.into_string();
                            if action == "check" {
                                checks.push(t.elapsed());
                            } else {
                                submits.push(t.elapsed());
                            }
                        }
                        Ok(r) => {
                            eprintln!("{action}: {}", r.status());
                            failed += 1;
                        }
                        Err(ureq::Error::Status(code, r)) => {
                            eprintln!(
                                "{action}: {code} {}",
                                r.into_string().unwrap_or_default().trim()
                            );
                            failed += 1;
                        }
                        Err(e) => {
                            eprintln!("{action}: {e}");
                            failed += 1;
                        }
                    }
                }
                (checks, submits, failed)
            })
        })
        .collect();
    let (mut checks, mut submits, mut failed) = (Vec::new(), Vec::new(), 0);
    for w in workers {
        let (c, s, f) = w.join().unwrap();
        checks.extend(c);
        submits.extend(s);
        failed += f;
    }
    (checks, submits, failed)
}

/// Throughput and latencies, printed.
#[allow(clippy::cast_precision_loss)] // a count of requests, far below 2^52
fn report(elapsed: Duration, checks: &mut [Duration], submits: &mut [Duration], failed: usize) {
    checks.sort();
    submits.sort();
    let requests = RESPONDENTS + checks.len() + submits.len();
    println!(
        "serve_load: {RESPONDENTS} respondents, {requests} requests in {:.2} s ({:.0} requests/s), {failed} failed",
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64()
    );
    for (what, times) in [("check", &*checks), ("submit", &*submits)] {
        println!(
            "  {what:<6} n={:<5} p50 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms",
            times.len(),
            percentile(times, 50).as_secs_f64() * 1e3,
            percentile(times, 99).as_secs_f64() * 1e3,
            times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        );
    }
    assert_eq!(failed, 0, "requests failed");
}
