//! The secretariat's side of `canvass serve`, behind a secret given at start (from the
//! environment or a file, never the command line): a sign-in form, then the status of the
//! collection with its filters. The secret is kept only as its SHA-256 and compared in
//! constant time; a signed-in browser holds a random session token in an `HttpOnly`,
//! `SameSite=Strict` cookie, known only to this process.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use maud::{DOCTYPE, Markup, html};
use subtle::ConstantTimeEq;

use super::{App, guard, slow};

/// The session cookie's name.
const SESSION: &str = "canvass_session";

/// The secret's hash and the sessions signed in with it.
pub struct Secretariat {
    secret_sha256: Vec<u8>,
    sessions: Mutex<Vec<String>>,
}

impl Secretariat {
    /// From the secret itself (which is not kept).
    pub fn new(secret: &str) -> Self {
        Self {
            secret_sha256: hash(secret),
            sessions: Mutex::new(Vec::new()),
        }
    }

    pub(super) fn signed_in(&self, headers: &HeaderMap) -> bool {
        let Some(token) = guard::cookie(headers, SESSION) else {
            return false;
        };
        self.sessions.lock().is_ok_and(|sessions| {
            sessions
                .iter()
                .any(|s| s.len() == token.len() && bool::from(s.as_bytes().ct_eq(token.as_bytes())))
        })
    }
}

fn hash(text: &str) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).to_vec()
}

pub(super) fn page(title: &str, body: &Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) }
                link rel="stylesheet" href="/assets/canvass.css";
            }
            body { h1 { (title) } (body) }
        }
    }
}

/// The sign-in form (with an anti-forgery token), or the status when signed in.
pub(super) async fn status(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(secretariat) = &app.secretariat else {
        return super::not_found().await;
    };
    let (csrf, cookie) = guard::csrf_cookie(&headers, app.https);
    if !secretariat.signed_in(&headers) {
        let form = html! {
            form method="post" action="/secretariat" {
                input type="hidden" name="csrf" value=(csrf);
                label { "Secret " input type="password" name="secret" autocomplete="current-password"; }
                " " button type="submit" { "Sign in" }
            }
        };
        return guard::html(page("Secretariat", &form), cookie);
    }
    let wanted: Vec<String> = query
        .get("state")
        .map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let db = app.db.clone();
    let work = move || -> Result<Option<crate::intake::Status>, String> {
        let store = crate::intake::service::SqliteCollection::new(
            crate::intake::store::Store::open(&db, false)?,
        );
        crate::intake::status(&store)
            .map(Some)
            .map_err(|e| e.to_string())
    };
    let status = match super::blocking(work).await {
        Ok(status) => status,
        Err(response) => return response,
    };
    let t = status.totals;
    let shown: Vec<&crate::intake::StatusLine> = status
        .respondents
        .iter()
        .filter(|l| wanted.is_empty() || wanted.iter().any(|w| w == l.state))
        .collect();
    let opt = |v: Option<i64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
    let body = html! {
        p {
            (t.accepted) " accepted, " (t.invalid) " invalid, " (t.draft) " draft, "
            (t.missing) " missing; " (status.unidentified) " unidentified submissions"
        }
        nav {
            a href="/secretariat" { "all" } " · "
            @for s in ["accepted", "invalid", "draft", "missing"] {
                a href={ "/secretariat?state=" (s) } { (s) } " "
            }
        }
        nav {
            a href="/secretariat/batch" { "every latest version, with its findings" } " · "
            a href="/secretariat/tables" { "tables of the accepted replies" } " · downloads: "
            a href="/secretariat/tables?format=csv" download { "tables (CSV)" } ", "
            a href="/secretariat/replies.ndjson" download { "accepted replies (NDJSON)" } ", "
            a href="/secretariat/replies.ndjson?all=1" download { "every latest version (NDJSON)" }
        }
        table {
            thead { tr { th { "respondent" } th { "state" } th { "version" } th { "received at" }
                th { "errors" } th { "warnings" } th { "open" } th { "note" } } }
            tbody {
                @for l in &shown {
                    tr {
                        td {
                            @if l.version.is_some() {
                                a href=(super::review::respondent_link(&l.respondent)) { bdi { (l.respondent) } }
                            } @else { bdi { (l.respondent) } }
                        }
                        td { (l.state) } td { (opt(l.version)) }
                        td { (l.received_at.clone().unwrap_or_default()) }
                        td { (opt(l.errors)) } td { (opt(l.warnings)) } td { (opt(l.open)) }
                        td { bdi { (l.accepted_note.as_deref().or(l.note.as_deref()).unwrap_or("")) } }
                    }
                }
            }
        }
    };
    let title = format!(
        "{} version {}: {} of {} respondents",
        status.questionnaire.id,
        status.questionnaire.version,
        shown.len(),
        status.respondents.len()
    );
    guard::html(page(&title, &body), cookie)
}

/// Sign in: the secret compared (as SHA-256, in constant time); a session cookie set.
pub(super) async fn sign_in(
    State(app): State<Arc<App>>,
    ConnectInfo(slow::Peer(peer)): ConnectInfo<slow::Peer>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Some(secretariat) = &app.secretariat else {
        return super::not_found().await;
    };
    // Guessing is limited like any link: by address.
    if !app.limiter.allow("secretariat", peer.ip()) {
        return guard::too_many();
    }
    if !guard::csrf_ok(&headers, &fields) {
        return guard::expired();
    }
    let given = super::field(&fields, "secret");
    if !bool::from(hash(given).ct_eq(&secretariat.secret_sha256)) {
        return (StatusCode::FORBIDDEN, "Wrong secret.\n").into_response();
    }
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        return super::unavailable("no randomness for a session");
    }
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    if let Ok(mut sessions) = secretariat.sessions.lock() {
        sessions.push(token.clone());
    }
    let secure = if app.https { "; Secure" } else { "" };
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, "/secretariat".to_string()),
            (
                header::SET_COOKIE,
                format!("{SESSION}={token}; Path=/secretariat; HttpOnly; SameSite=Strict{secure}"),
            ),
        ],
    )
        .into_response()
}
