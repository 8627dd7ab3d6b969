//! Replies as files at a respondent's link: the workbook (filled with the latest version)
//! and a TOML template to download, and a filled file (TOML, JSON or a workbook) to upload
//! instead of the form — judged and kept exactly as `intake add` would, but only as the
//! link's respondent: a file that names another is not stored.

use std::sync::Arc;

use axum::extract::{ConnectInfo, Multipart, Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use super::{
    App, Kept, Sent, blocking, field, guard, keep, language, latest_answers, live, page, slow,
};
use crate::findings::words::{Args, phrase_in};

/// The workbook to fill offline, with the respondent's latest version written in.
pub(super) async fn workbook(
    State(app): State<Arc<App>>,
    ConnectInfo(slow::Peer(peer)): ConnectInfo<slow::Peer>,
    Path(token): Path<String>,
) -> Response {
    if !app.limiter.allow(&token, peer.ip()) {
        return guard::too_many();
    }
    let work = {
        let app = Arc::clone(&app);
        move || -> Result<Option<Vec<u8>>, String> {
            let Some((_, who)) = live(&app, &token)? else {
                return Ok(None);
            };
            let q = app.validator.questionnaire();
            let answers = latest_answers(&app, &who)?;
            let lang = q.source_language().to_string();
            crate::template::xlsx::xlsx(q, &lang, Some(&who), answers.as_ref()).map(Some)
        }
    };
    match blocking(work).await {
        Ok(bytes) => attachment(
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &format!("{}.xlsx", app.validator.questionnaire().id),
        ),
        Err(response) => response,
    }
}

/// A blank TOML reply with every question as a comment, in the page's language.
pub(super) async fn toml_template(
    State(app): State<Arc<App>>,
    ConnectInfo(slow::Peer(peer)): ConnectInfo<slow::Peer>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !app.limiter.allow(&token, peer.ip()) {
        return guard::too_many();
    }
    let found = {
        let app = Arc::clone(&app);
        move || live(&app, &token).map(|l| l.map(|_| ()))
    };
    if let Err(response) = blocking(found).await {
        return response;
    }
    let q = app.validator.questionnaire();
    let lang = language(q, None, &headers);
    let text = crate::template::toml(q, &lang);
    attachment(
        text.into_bytes(),
        "application/toml; charset=utf-8",
        &format!("{}.toml", q.id),
    )
}

/// A file to save, under a name made only of the questionnaire's id (`[a-z0-9-]`).
fn attachment(bytes: Vec<u8>, kind: &'static str, name: &str) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// A filled file, uploaded: checked, or kept as the next version.
pub(super) async fn upload(
    State(app): State<Arc<App>>,
    ConnectInfo(slow::Peer(peer)): ConnectInfo<slow::Peer>,
    Path(token): Path<String>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    if !app.limiter.allow(&token, peer.ip()) {
        return guard::too_many();
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            let file_name = field.file_name().unwrap_or("reply").to_string();
            let Ok(bytes) = field.bytes().await else {
                return (axum::http::StatusCode::PAYLOAD_TOO_LARGE, "Too large.\n").into_response();
            };
            file = Some((file_name, bytes.to_vec()));
        } else if let Ok(text) = field.text().await {
            fields.push((name, text));
        }
    }
    if !guard::csrf_ok(&headers, &fields) {
        return guard::expired();
    }
    let action = field(&fields, "action").to_string();
    let asked_lang = field(&fields, "lang").to_string();
    let Some((file_name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return (axum::http::StatusCode::BAD_REQUEST, "No file was sent.\n").into_response();
    };
    let work = {
        let app = Arc::clone(&app);
        let token = token.clone();
        move || -> Result<Option<(Kept, Option<serde_json::Value>)>, String> {
            let Some((store, who)) = live(&app, &token)? else {
                return Ok(None);
            };
            let q = app.validator.questionnaire();
            let format = crate::reply::Format::is_workbook(&file_name, &bytes)
                .then_some(crate::reply::Format::Xlsx);
            let limits = crate::reply::Limits::default();
            let shown_format = format.unwrap_or_else(|| {
                crate::reply::Format::detect(&file_name, &String::from_utf8_lossy(&bytes))
            });
            let answers = crate::reply::value_of(&bytes, shown_format, q, &limits);
            let sent = Sent {
                name: &file_name,
                bytes,
                format,
                note: "web upload",
                names_respondent: true,
            };
            keep(&app, store, &who, sent, &action).map(|kept| Some((kept, answers)))
        }
    };
    let (kept, answers) = match blocking(work).await {
        Ok(done) => done,
        Err(response) => return response,
    };
    let q = app.validator.questionnaire();
    let lang = language(q, Some(&asked_lang), &headers);
    let (csrf, cookie) = guard::csrf_cookie(&headers, app.https);
    let notice = kept.other.as_ref().map(|other| {
        phrase_in(
            &lang,
            "serve-other-respondent",
            &Args::new().text(
                "named",
                crate::findings::visible::visible(if other.is_empty() { "?" } else { other })
                    .into_owned(),
            ),
        )
    });
    let receipt = kept
        .receipt
        .as_ref()
        .map(|r| super::receipt_words(r, &lang));
    let markup = page::page(
        q,
        &page::Shown {
            lang: &lang,
            token: &token,
            csrf: &csrf,
            answers: answers.as_ref(),
            findings: Some(&kept.findings),
            receipt: receipt.as_deref(),
            notice: notice.as_deref(),
            blank_rows: 1,
        },
    );
    guard::html(markup, cookie)
}
