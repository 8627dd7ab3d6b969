//! `canvass serve`: respondents fill, check and submit their reply on a page, at the secret
//! link `intake invite` gave them. The page is the questionnaire as a form (`form.rs`,
//! `page.rs`); "Check" judges it with the same judge, and words its findings with the same
//! words, as the command line; "Save draft" and "Submit" go through the intake service, so
//! a receipt is shown only once its version is committed.
//!
//! What a server must not do, it does not: a link is found by the SHA-256 of its token (an
//! unknown or revoked one is a plain 404), every form carries an anti-forgery token compared
//! in constant time with its cookie (HttpOnly, SameSite=Strict, Secure behind https),
//! bodies are limited to the reply size limit, requests are limited per link and per
//! address and given a deadline, every page has a strict Content-Security-Policy and loads
//! nothing from elsewhere, and nothing is logged but the address it listens on.

mod conditions;
mod files;
mod form;
mod guard;
mod page;
mod readers;
mod review;
mod secretariat;
mod slow;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde_json::Value;

use crate::findings::Finding;
use crate::findings::words::{Args, phrase_in};
use crate::intake::service::{Intake, SqliteCollection};
use crate::intake::store::{Store, Stored};
use crate::intake::{Stage, invite};
use crate::reply::{Format, Limits};
use crate::validate::Validator;

/// How `canvass serve` runs.
pub struct Config {
    pub db: PathBuf,
    /// Where to listen (`127.0.0.1:8080`; port 0 for any free one).
    pub listen: String,
    /// Whether pages are reached over https (behind a proxy): cookies are then `Secure`.
    pub https: bool,
    /// How many requests a link, and an address, may make a minute.
    pub per_minute: u32,
    /// The secretariat's secret (from the environment or a file); without it, no
    /// secretariat pages.
    pub secret: Option<String>,
    /// How long a connection may send nothing while the server waits to read
    /// ([`CLIENT_TIMEOUT`] by default).
    pub client_timeout: std::time::Duration,
}

/// How long a connection may send nothing, unless the command line says otherwise.
pub const CLIENT_TIMEOUT: std::time::Duration = slow::IDLE;

struct App {
    db: PathBuf,
    readers: readers::Readers,
    /// Checks judged and rendered at once: a few per core, the rest wait their turn (all
    /// at once, each would take as long as all of them).
    checks: tokio::sync::Semaphore,
    /// The one connection versions are stored (and accepted) through, kept open for the
    /// server's life: one at a time, each transaction holding it to its commit. SQLite
    /// lets one writer in at a time anyway, and a connection that finds the lock taken
    /// sleeps in growing steps (up to 100 ms) before it looks again, instead of waiting its
    /// turn.
    writer: SqliteCollection,
    validator: Validator,
    https: bool,
    limiter: guard::Limiter,
    secretariat: Option<secretariat::Secretariat>,
}

/// Serve until SIGTERM or Ctrl-C; requests in flight are finished first. `ready` is told
/// the address once it listens.
pub fn run(config: &Config, ready: impl FnOnce(SocketAddr)) -> Result<(), String> {
    let store = Store::open(&config.db, true)?;
    let validator = crate::intake::upgrade::validator_of(&store.pinned()?)?;
    let app = Arc::new(App {
        db: config.db.clone(),
        readers: readers::Readers::new(config.db.clone())?,
        checks: tokio::sync::Semaphore::new(
            2 * std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
        ),
        writer: SqliteCollection::new(store),
        validator,
        https: config.https,
        limiter: guard::Limiter::new(config.per_minute),
        secretariat: config.secret.as_deref().map(secretariat::Secretariat::new),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&config.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        ready(addr);
        let limit = Limits::default().max_bytes;
        let router = Router::new()
            .route("/assets/canvass.css", get(style))
            // Browsers ask for it on their own: nothing to show, and no error either.
            .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
            .route("/r/{token}", get(show).post(post))
            .route(
                "/secretariat",
                get(secretariat::status).post(secretariat::sign_in),
            )
            .route("/secretariat/r/{respondent}", get(review::respondent))
            .route(
                "/secretariat/r/{respondent}/accept",
                axum::routing::post(review::accept),
            )
            .route("/secretariat/batch", get(review::batch))
            .route("/secretariat/tables", get(review::tables))
            .route("/secretariat/replies.ndjson", get(review::export))
            .route("/r/{token}/upload", axum::routing::post(files::upload))
            .route("/r/{token}/workbook.xlsx", get(files::workbook))
            .route("/r/{token}/reply.toml", get(files::toml_template))
            .fallback(not_found)
            .layer(DefaultBodyLimit::max(limit))
            .layer(axum::middleware::from_fn(guard::headers))
            .with_state(app);
        let listener = slow::TimedListener {
            listener,
            idle: config.client_timeout,
        };
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<slow::Peer>(),
        )
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| format!("the server stopped: {e}"))
    })
}

/// SIGTERM or Ctrl-C.
async fn shutdown() {
    let term = async {
        #[cfg(unix)]
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
            return;
        }
        std::future::pending::<()>().await;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        () = term => {},
    }
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        page::STYLE,
    )
        .into_response()
}

/// The same answer for every unknown page, link or revoked link: nothing is learned.
async fn not_found() -> Response {
    nothing_here()
}

/// [`not_found`] where no await is wanted.
fn nothing_here() -> Response {
    (StatusCode::NOT_FOUND, "Not found\n").into_response()
}

/// Run blocking work (SQLite, judging) off the async threads: its value, or the response
/// that says why there is none — 404 when `work` finds no live link (`None`), 503 when the
/// collection failed.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<Option<T>, String> + Send + 'static,
) -> Result<T, Response> {
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(Some(done))) => Ok(done),
        Ok(Ok(None)) => Err(nothing_here()),
        Ok(Err(e)) => Err(unavailable(&e)),
        Err(e) => Err(unavailable(&e.to_string())),
    }
}

/// The first value a posted form gives for `name` ("" when none).
fn field<'f>(fields: &'f [(String, String)], name: &str) -> &'f str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The language to speak: the one asked for in the page, else the first of the
/// questionnaire's that the browser asks for, else the questionnaire's own.
fn language(
    q: &crate::questionnaire::model::Questionnaire,
    asked: Option<&str>,
    headers: &HeaderMap,
) -> String {
    if let Some(l) = asked.filter(|l| q.languages.iter().any(|x| x == l)) {
        return l.to_string();
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut wanted: Vec<(f32, String)> = accept
        .split(',')
        .filter_map(|part| {
            let mut bits = part.trim().split(';');
            let tag = bits.next()?.trim().to_ascii_lowercase();
            let weight = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .and_then(|w| w.parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((weight, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, tag) in wanted {
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(l) = q
            .languages
            .iter()
            .find(|l| l.as_str() == primary || **l == tag)
        {
            return l.clone();
        }
    }
    q.source_language().to_string()
}

async fn show(
    State(app): State<Arc<App>>,
    ConnectInfo(slow::Peer(peer)): ConnectInfo<slow::Peer>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if !app.limiter.allow(&token, peer.ip()) {
        return guard::too_many();
    }
    let work = {
        let app = Arc::clone(&app);
        let token = token.clone();
        move || -> Result<Option<Option<Value>>, String> {
            let Some((_, who)) = live(&app, &token)? else {
                return Ok(None);
            };
            latest_answers(&app, &who).map(Some)
        }
    };
    let answers = match blocking(work).await {
        Ok(answers) => answers,
        Err(response) => return response,
    };
    let q = app.validator.questionnaire();
    let lang = language(q, query.get("lang").map(String::as_str), &headers);
    let (csrf, cookie) = guard::csrf_cookie(&headers, app.https);
    let markup = page::page(
        q,
        &page::Shown {
            lang: &lang,
            token: &token,
            csrf: &csrf,
            answers: answers.as_ref(),
            findings: None,
            receipt: None,
            notice: None,
            blank_rows: 1,
        },
    );
    guard::html(markup, cookie)
}

/// The respondent's latest version, as answers to fill the form with.
fn latest_answers(app: &App, who: &str) -> Result<Option<Value>, String> {
    let store = app.readers.get()?;
    let Some(stored) = store.version_of(who, None)? else {
        return Ok(None);
    };
    let format = Format::named(&stored.format);
    let limits = Limits::admitting(stored.bytes.len());
    Ok(crate::reply::value_of(
        &stored.bytes,
        format,
        app.validator.questionnaire(),
        &limits,
    ))
}

async fn post(
    State(app): State<Arc<App>>,
    ConnectInfo(slow::Peer(peer)): ConnectInfo<slow::Peer>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    if !app.limiter.allow(&token, peer.ip()) {
        return guard::too_many();
    }
    if !guard::csrf_ok(&headers, &fields) {
        return guard::expired();
    }
    let action = field(&fields, "action").to_string();
    // A submission waits mostly for its disk, not for a core: only checks take turns.
    let _turn = match action.as_str() {
        "draft" | "submit" => None,
        _ => app.checks.acquire().await.ok(),
    };
    let q = app.validator.questionnaire();
    let lang = language(q, Some(field(&fields, "lang")), &headers);
    let (csrf, cookie) = guard::csrf_cookie(&headers, app.https);
    let rows: usize = field(&fields, "rows").parse().unwrap_or(1).clamp(1, 50);
    // Judged, stored and the page rendered off the async threads, which stay free to take
    // requests in.
    let work = {
        let app = Arc::clone(&app);
        move || -> Result<Option<maud::Markup>, String> {
            let Some(outcome) = take_in(&app, &token, &fields, &action)? else {
                return Ok(None);
            };
            let receipt = outcome.receipt.as_ref().map(|r| receipt_words(r, &lang));
            Ok(Some(page::page(
                app.validator.questionnaire(),
                &page::Shown {
                    lang: &lang,
                    token: &token,
                    csrf: &csrf,
                    answers: Some(&outcome.answers),
                    findings: (action != "rows").then_some(outcome.findings.as_slice()),
                    receipt: receipt.as_deref(),
                    notice: None,
                    blank_rows: if action == "rows" { rows + 1 } else { rows },
                },
            )))
        }
    };
    match blocking(work).await {
        Ok(markup) => guard::html(markup, cookie),
        Err(response) => response,
    }
}

/// A receipt as the page says it.
fn receipt_words(r: &Receipt, lang: &str) -> String {
    phrase_in(
        lang,
        "serve-receipt",
        &Args::new()
            .text("version", r.version.to_string())
            .text("time", r.received_at.clone())
            .text("sha256", r.sha256.clone())
            .text("stage", r.stage.clone()),
    )
}

/// What a posted form came to.
struct Outcome {
    answers: Value,
    findings: Vec<Finding>,
    receipt: Option<Receipt>,
}

/// A version stored, as the page shows it.
struct Receipt {
    version: i64,
    received_at: String,
    sha256: String,
    stage: String,
}

/// Judge the form's reply; with `draft` or `submit`, store it as the respondent's next
/// version (committed before its receipt is shown). `None` when the link is not a live one.
fn take_in(
    app: &App,
    token: &str,
    fields: &[(String, String)],
    action: &str,
) -> Result<Option<Outcome>, String> {
    let Some((store, who)) = live(app, token)? else {
        return Ok(None);
    };
    let answers = form::reply(app.validator.questionnaire(), fields, &who);
    let bytes = serde_json::to_vec_pretty(&answers).map_err(|e| e.to_string())?;
    let sent = Sent {
        name: "web-form.json",
        bytes,
        format: Some(Format::Json),
        note: "web form",
        names_respondent: false,
    };
    keep(app, store, &who, sent, action).map(|kept| {
        Some(Outcome {
            answers,
            findings: kept.findings,
            receipt: kept.receipt,
        })
    })
}

/// The collection, read-only, and the respondent of a live link (`None` for any other).
fn live<'a>(app: &'a App, token: &str) -> Result<Option<(readers::Reader<'a>, String)>, String> {
    if !invite::plausible(token) {
        return Ok(None);
    }
    let store = app.readers.get()?;
    Ok(store
        .invited(&invite::token_hash(token))?
        .map(|who| (store, who)))
}

/// A reply as it reached the server.
struct Sent<'a> {
    name: &'a str,
    bytes: Vec<u8>,
    format: Option<Format>,
    note: &'a str,
    /// An uploaded file says itself whom it is from: it must be the link's respondent.
    names_respondent: bool,
}

/// What keeping a reply came to.
struct Kept {
    findings: Vec<Finding>,
    receipt: Option<Receipt>,
    /// The respondent an uploaded file names instead of the link's: it was not stored.
    other: Option<String>,
}

/// Judge a reply of `who` (the previous cycle and reviewers' explanations given); with
/// `draft` or `submit`, store it as the next version through the intake service, which
/// commits before the receipt exists. A check only reads the collection; a version is
/// written through the server's one writing connection, in turn.
fn keep(
    app: &App,
    store: readers::Reader<'_>,
    who: &str,
    sent: Sent<'_>,
    action: &str,
) -> Result<Kept, String> {
    let v = &app.validator;
    let q = v.questionnaire();
    let previous = store
        .previous(who)?
        .and_then(|p| serde_json::from_str::<Value>(&p.reply).ok())
        .map(|reply| Arc::new(crate::eval::Previous::of(q, &reply)));
    let lookup = move |_: &str| previous.clone();
    let judge = crate::judge::Judge::new(crate::judge::Questionnaires::Fixed(v)).previous(&lookup);
    let judgement = judge.judge(sent.name, sent.bytes, sent.format);
    let recorded = store.explanations(who)?;
    let mut findings = judgement.findings.clone();
    crate::intake::explain::apply(&mut findings, &recorded, i64::MAX);
    let named = judgement
        .respondent
        .as_deref()
        .and_then(crate::intake::respondent_id);
    if sent.names_respondent && named.as_deref() != Some(who) {
        // Never stored under another respondent, nor as this one's.
        return Ok(Kept {
            findings,
            receipt: None,
            other: Some(named.unwrap_or_default()),
        });
    }
    let stage = match action {
        "draft" => Stage::Draft,
        "submit" => Stage::Final,
        _ => {
            return Ok(Kept {
                findings,
                receipt: None,
                other: None,
            });
        }
    };
    drop(store);
    let explained = HashMap::from([(who.to_string(), recorded)]);
    let received = crate::intake::receive(crate::batch::judged(judgement), stage, q, &explained);
    let sha256 = received.sha256.clone();
    let mut intake = Intake::new(&app.writer, stage, Some(sent.note.into()));
    let mut receipts = intake.take(received).map_err(|e| e.to_string())?;
    receipts.extend(intake.commit().map_err(|e| e.to_string())?);
    let receipt = receipts.first().and_then(|r| match r.stored {
        Some(Stored::Added(Some(version)) | Stored::Unchanged(Some(version))) => Some(Receipt {
            version,
            received_at: r.received_at.clone(),
            sha256: sha256.clone(),
            stage: stage.as_str().to_string(),
        }),
        _ => None,
    });
    if receipt.is_none() {
        return Err("the reply was not stored".into());
    }
    Ok(Kept {
        findings,
        receipt,
        other: None,
    })
}

/// The collection failed: said on standard error for the operator (what SQLite said, never
/// a link or an answer), and to the client only that it should try again.
fn unavailable(why: &str) -> Response {
    eprintln!("canvass serve: {}", crate::findings::visible::visible(why));
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "The collection could not be used; try again later.\n",
    )
        .into_response()
}
