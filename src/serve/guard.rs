//! What stands between the server and a hostile client: the response headers every page
//! gets (a strict Content-Security-Policy, no caching, no referrer — a link holds a secret),
//! the anti-forgery token (a random value in an `HttpOnly`, `SameSite=Strict` cookie, which every
//! form must repeat, compared in constant time), and a limit on requests per link and per
//! address. None of it logs anything.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use subtle::ConstantTimeEq;

/// The anti-forgery cookie's name.
const CSRF: &str = "canvass_csrf";

/// How long a request may take, slow client included, before it is answered 408.
const DEADLINE: Duration = Duration::from_secs(30);

/// Every response's headers, a deadline on every request, and a body said to be over the
/// reply size limit refused before a byte of it is read (one that says nothing is cut off
/// at the limit as it is read).
pub async fn headers(request: Request, next: Next) -> Response {
    let too_long = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > crate::reply::Limits::default().max_bytes as u64);
    let mut response = if too_long {
        (StatusCode::PAYLOAD_TOO_LARGE, "Too large.\n").into_response()
    } else {
        match tokio::time::timeout(DEADLINE, next.run(request)).await {
            Ok(response) => response,
            Err(_) => (StatusCode::REQUEST_TIMEOUT, "Too slow.\n").into_response(),
        }
    };
    let h = response.headers_mut();
    let set = |h: &mut HeaderMap, name, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    // A page that brings its own policy (the batch page, the tables: the same policy as
    // their `<meta>`, as strict) keeps it; every other response gets this one.
    if !h.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(policy) = HeaderValue::from_str(policy())
    {
        h.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::CACHE_CONTROL, "no-store");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    response
}

/// The policy of every page but those that bring their own: nothing from elsewhere, the
/// style sheet from the server, the page's one script by its hash.
fn policy() -> &'static str {
    static POLICY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    POLICY.get_or_init(|| {
        format!(
            "default-src 'none'; script-src {}; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            super::conditions::script_source()
        )
    })
}

/// A page, with the anti-forgery cookie when it is new.
pub fn html(markup: maud::Markup, cookie: Option<String>) -> Response {
    let mut response = (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response();
    if let Some(cookie) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// The anti-forgery token: the browser's, or a new one with the cookie that sets it.
pub fn csrf_cookie(headers: &HeaderMap, https: bool) -> (String, Option<String>) {
    if let Some(token) = cookie(headers, CSRF).filter(|t| t.len() == 43) {
        return (token, None);
    }
    let mut bytes = [0u8; 32];
    // Without randomness there is no token; every post is then refused, never let through.
    let token = getrandom::fill(&mut bytes)
        .map(|()| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
        .unwrap_or_default();
    let secure = if https { "; Secure" } else { "" };
    let set = format!("{CSRF}={token}; Path=/; HttpOnly; SameSite=Strict{secure}");
    (token, Some(set))
}

/// Whether a posted form repeats its cookie's anti-forgery token (constant-time compare).
pub fn csrf_ok(headers: &HeaderMap, fields: &[(String, String)]) -> bool {
    let Some(expected) = cookie(headers, CSRF).filter(|t| t.len() == 43) else {
        return false;
    };
    let given = super::field(fields, "csrf");
    given.len() == expected.len() && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
}

/// A cookie's value.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Requests per minute, per link and per address (a fixed window each).
pub struct Limiter {
    per_minute: u32,
    seen: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Limiter {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Count one request of `token` from `ip`; false when either is over its limit.
    pub fn allow(&self, token: &str, ip: IpAddr) -> bool {
        let Ok(mut seen) = self.seen.lock() else {
            return false;
        };
        let now = Instant::now();
        // Old windows go, so the map is as large as the last minute's clients.
        if seen.len() > 10_000 {
            seen.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_mins(1));
        }
        // A token is counted by its hash: the map never holds a secret.
        let keys = [
            format!("t:{}", crate::intake::invite::token_hash(token)),
            format!("a:{ip}"),
        ];
        let mut allowed = true;
        for key in keys {
            let entry = seen.entry(key).or_insert((now, 0));
            if now.duration_since(entry.0) >= Duration::from_mins(1) {
                *entry = (now, 0);
            }
            entry.1 += 1;
            allowed &= entry.1 <= self.per_minute;
        }
        allowed
    }
}

/// A post without its page's anti-forgery token: refused, nothing read or stored.
pub fn expired() -> Response {
    (
        StatusCode::FORBIDDEN,
        "The form has expired: open the page again.\n",
    )
        .into_response()
}

/// Over the limit.
pub fn too_many() -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, "60")],
        "Too many requests: wait a minute.\n",
    )
        .into_response()
}
