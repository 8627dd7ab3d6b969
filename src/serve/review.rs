//! The secretariat's pages past the status, each behind the same sign-in: a respondent's
//! versions with their findings followed from one to the next and a form to accept one
//! with a note; the batch page of every latest version (the page `validate --format html`
//! writes); the tables `tabulate` writes; and the downloads `intake export` and
//! `tabulate --format csv` give. They read through the same library calls as the command
//! line, and accept through the same transaction; none of them writes anything else.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::{App, guard};
use crate::findings::Finding;
use crate::intake::history::{Mark, follow};
use crate::intake::service::{Collection, SqliteCollection};
use crate::intake::store::{Acceptance, Store, Which};
use crate::intake::versions::{sent, state};

/// The sign-in page for a browser not signed in; 404 where the server has no secretariat.
fn refused(app: &App, headers: &HeaderMap) -> Option<Response> {
    match &app.secretariat {
        None => Some(super::nothing_here()),
        Some(s) if s.signed_in(headers) => None,
        Some(_) => {
            Some((StatusCode::SEE_OTHER, [(header::LOCATION, "/secretariat")]).into_response())
        }
    }
}

/// The link to a respondent's page (its id percent-encoded: ids may be any letters).
pub(super) fn respondent_link(id: &str) -> String {
    format!(
        "/secretariat/r/{}",
        utf8_percent_encode(id, NON_ALPHANUMERIC)
    )
}

/// The language a secretariat's page is worded in: `?lang=` when canvass speaks it, else
/// the questionnaire's own.
fn lang_of(app: &App, query: &HashMap<String, String>) -> String {
    let speaks = |l: &&String| {
        crate::findings::words::LANGUAGES
            .iter()
            .any(|(w, _)| w == *l)
    };
    query.get("lang").filter(speaks).map_or_else(
        || app.validator.questionnaire().source_language().to_string(),
        Clone::clone,
    )
}

/// One respondent: every version, its receipt, stage and notes, its findings marked new,
/// open, fixed or explained, and a form to accept a version not yet accepted.
pub(super) async fn respondent(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(who): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refused) = refused(&app, &headers) {
        return refused;
    }
    let (csrf, cookie) = guard::csrf_cookie(&headers, app.https);
    let db = app.db.clone();
    let lang = lang_of(&app, &query);
    let work = move || -> Result<Option<Markup>, String> {
        let Some(id) = crate::intake::respondent_id(&who) else {
            return Ok(None);
        };
        // A respondent with nothing sent has no page: `sent` says so, which is a 404 here.
        let Ok(s) = sent(&db, &id, false) else {
            return Ok(None);
        };
        let followed = follow(&s.findings);
        Ok(Some(versions_page(
            &s.id,
            &s.versions,
            &followed,
            &lang,
            &csrf,
        )))
    };
    match super::blocking(work).await {
        Ok(body) => guard::html(body, cookie),
        Err(response) => response,
    }
}

fn versions_page(
    id: &str,
    versions: &[crate::intake::store::HistoryVersion],
    followed: &[Vec<(Mark, Finding)>],
    lang: &str,
    csrf: &str,
) -> Markup {
    let latest = versions.last().map_or(0, |v| v.version);
    let body = html! {
        p { a href="/secretariat" { "← all respondents" } }
        @for (v, marked) in versions.iter().zip(followed).rev() {
            section.version id={ "v" (v.version) } {
                h2 {
                    "Version " (v.version) " · " (state(v)) " · " (v.stage) " · "
                    (v.errors) " errors, " (v.warnings) " warnings"
                }
                p.meta {
                    "received " (v.received_at) " · file " bdi { (v.file) }
                    " · SHA-256 " code { (v.sha256) }
                }
                @if let Some(note) = &v.note { p { "Note: " bdi { (note) } } }
                @if let Some(note) = &v.accepted_note { p { "Accepted: " bdi { (note) } } }
                @if marked.is_empty() { p { "No findings." } }
                ul {
                    @for (mark, f) in marked {
                        li class={ (mark.as_str()) " " (f.standing()) } {
                            strong { (mark.as_str()) } " " (f.standing()) " "
                            code { (f.code.as_str()) } " "
                            @if let Some(q) = &f.question { code { (q) } " " }
                            @if let Some(rule) = &f.rule { "[" code { (rule) } "] " }
                            "— " (super::page::worded(f, lang))
                            @if let (Some(e), true) = (&f.explained, *mark != Mark::Fixed) {
                                br; "explained by the " (e.by.as_str()) ": " bdi { (e.note) }
                            }
                        }
                    }
                }
                @if !v.accepted && v.stage == "final" && v.version == latest {
                    form method="post" action={ (respondent_link(id)) "/accept" } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="version" value=(v.version);
                        label { "Accept version " (v.version) " with the note " input type="text" name="note" required; }
                        " " button type="submit" { "Accept" }
                    }
                }
            }
        }
    };
    super::secretariat::page(&format!("{id}: {} versions", versions.len()), &body)
}

/// Accept a version with a note (the anti-forgery token required), as `intake accept` does;
/// back to the respondent's page when done.
pub(super) async fn accept(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(who): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    if let Some(refused) = refused(&app, &headers) {
        return refused;
    }
    if !guard::csrf_ok(&headers, &fields) {
        return guard::expired();
    }
    let note = super::field(&fields, "note").trim().to_string();
    let Ok(version) = super::field(&fields, "version").parse::<i64>() else {
        return (StatusCode::BAD_REQUEST, "Which version?\n").into_response();
    };
    if note.is_empty() {
        return (
            StatusCode::BAD_REQUEST,
            "A version is accepted with a note saying why.\n",
        )
            .into_response();
    }
    let work = move || -> Result<Option<(String, Acceptance)>, String> {
        let Some(id) = crate::intake::respondent_id(&who) else {
            return Ok(None);
        };
        // Through the server's one writing connection, in turn with submissions.
        let done = app
            .writer
            .accept(&id, version, false, &note, &crate::intake::now())
            .map_err(|e| e.to_string())?;
        Ok(Some((id, done)))
    };
    match super::blocking(work).await {
        Ok((id, Acceptance::Accepted | Acceptance::Already)) => (
            StatusCode::SEE_OTHER,
            [(
                header::LOCATION,
                format!("{}#v{version}", respondent_link(&id)),
            )],
        )
            .into_response(),
        Ok((_, Acceptance::NoReply | Acceptance::NoSuchVersion { .. })) => super::nothing_here(),
        Ok((_, Acceptance::NotLatest { latest })) => (
            StatusCode::CONFLICT,
            format!("Version {latest} has arrived since: nothing was accepted. Read it first.\n"),
        )
            .into_response(),
        Err(response) => response,
    }
}

/// Every respondent's latest version on one page, as `validate --format html` lays out a
/// batch: the page's own policy allows its inline style and, by hash, its filter script.
pub(super) async fn batch(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refused) = refused(&app, &headers) {
        return refused;
    }
    let db = app.db.clone();
    let lang = lang_of(&app, &query);
    let work = move || -> Result<Option<Vec<u8>>, String> { batch_page(&db, &lang).map(Some) };
    match super::blocking(work).await {
        Ok(page) => with_policy(
            page,
            "text/html; charset=utf-8",
            &crate::report::html::policy(),
        ),
        Err(response) => response,
    }
}

fn batch_page(db: &std::path::Path, lang: &str) -> Result<Vec<u8>, String> {
    use crate::report::{document::Summary, html};
    let store = Store::open(db, false)?;
    let pinned = store.pinned()?;
    let (mut page, head) = html::Page::start(lang);
    let mut out = head.into_bytes();
    let mut summary = Summary::default();
    let io = |e: std::io::Error| e.to_string();
    // One connection, and for each respondent its latest version alone: its bytes and its
    // findings as data, with the reviewers' explanations given to them.
    for latest in store.latest()? {
        let id = latest.respondent;
        let Some(stored) = store.version_of(&id, Some(latest.version))? else {
            continue;
        };
        let mut findings = crate::intake::versions::stored_findings(
            db,
            &id,
            stored.version,
            stored.findings.as_deref(),
        )?;
        crate::intake::explain::apply(&mut findings, &store.explanations(&id)?, stored.version);
        let name = format!(
            "{} (version {}, {})",
            stored.file, stored.version, stored.stage
        );
        let file = crate::judge::source_of(
            name,
            &stored.bytes,
            crate::reply::Format::named(&stored.format),
            &findings,
        );
        let mut report = crate::batch::ReplyReport::new(file, findings);
        report.respondent = Some(id.clone());
        report.questionnaire = Some(crate::judge::JudgedBy {
            id: pinned.id.clone(),
            version: pinned.version.clone(),
        });
        report.lang = crate::findings::words::canonical(lang);
        report.findings_lang = lang.to_string();
        summary.add(&report);
        let rendered = html::section(&report);
        page.reply(&mut out, &rendered.body, &rendered.entry)
            .map_err(io)?;
    }
    page.end(&mut out, Some(&pinned.id), &summary).map_err(io)?;
    Ok(out)
}

/// The tables over the accepted replies, as `tabulate --db … --format html` writes them,
/// or `?format=csv` as a download.
pub(super) async fn tables(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refused) = refused(&app, &headers) {
        return refused;
    }
    let lang = lang_of(&app, &query);
    let csv = query.get("format").is_some_and(|f| f == "csv");
    let work = move || -> Result<Option<(String, String)>, String> {
        // The server's validator holds the collection's questionnaire already.
        let q = app.validator.questionnaire();
        let store = SqliteCollection::new(Store::open(&app.db, false)?);
        let mut counter = crate::tabulate::Counter::new(q, None);
        counter.add_accepted(&store)?;
        let tables = counter.finish();
        let lang = if q.languages.contains(&lang) {
            lang
        } else {
            q.source_language().to_string()
        };
        Ok(Some(if csv {
            (
                crate::tabulate::render::csv(&tables, q, &lang)?,
                String::new(),
            )
        } else {
            (
                crate::tabulate::page::html(&tables, q, &lang),
                crate::tabulate::page::policy(),
            )
        }))
    };
    match super::blocking(work).await {
        Ok((text, _)) if csv => {
            download(text.into_bytes(), "text/csv; charset=utf-8", "tables.csv")
        }
        Ok((text, policy)) => with_policy(text.into_bytes(), "text/html; charset=utf-8", &policy),
        Err(response) => response,
    }
}

/// The accepted replies as NDJSON (`?all=1`: every respondent's latest version), as
/// `intake export --format ndjson` writes them.
pub(super) async fn export(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refused) = refused(&app, &headers) {
        return refused;
    }
    let which = if query.contains_key("all") {
        Which::Latest
    } else {
        Which::LatestAccepted
    };
    let work = move || -> Result<Option<Vec<u8>>, String> {
        let mut out = Vec::new();
        let store = SqliteCollection::new(Store::open(&app.db, false)?);
        crate::intake::export::ndjson(&store, app.validator.questionnaire(), which, &mut out)?;
        Ok(Some(out))
    };
    match super::blocking(work).await {
        Ok(bytes) => download(bytes, "application/x-ndjson", "replies.ndjson"),
        Err(response) => response,
    }
}

/// A page that brings its own Content-Security-Policy (the guard keeps it): the same
/// policy its `<meta>` states, so header and page agree.
fn with_policy(body: Vec<u8>, content_type: &'static str, policy: &str) -> Response {
    let mut response = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    let policy = format!("{policy}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

fn download(body: Vec<u8>, content_type: &'static str, name: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
