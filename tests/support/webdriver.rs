//! A small WebDriver client for the browser test: Debian's `chromedriver` driving headless
//! `chromium`, spoken to over HTTP with `ureq` (blocking; no async runtime for one test).

#![allow(dead_code)]

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Browser {
    driver: Child,
    base: String,
    session: String,
}

/// Chromium's flags for a closed machine: no background connections, no sandbox (CI runs
/// as root), a fresh profile.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,2000",
];

impl Browser {
    /// Start chromedriver and open a session; `profile` is an empty folder for Chromium.
    pub fn start(profile: &std::path::Path) -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (.ci/run installs Debian's chromium-driver)");
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while ureq::get(&format!("{base}/status")).call().is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| (*a).to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args },
            "goog:loggingPrefs": { "browser": "ALL" }
        }}});
        let mut browser = Browser {
            driver,
            base,
            session: String::new(),
        };
        let created = browser.call("POST", "/session", &capabilities);
        browser.session = created["sessionId"]
            .as_str()
            .expect("a session")
            .to_string();
        browser
    }

    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let url = format!("{}{path}", self.base);
        let response = match method {
            "GET" => ureq::get(&url).call(),
            "DELETE" => ureq::delete(&url).call(),
            _ => ureq::post(&url).send_json(body.clone()),
        };
        let response = match response {
            Ok(r) => r,
            Err(ureq::Error::Status(code, r)) => panic!(
                "WebDriver {method} {path}: {code} {}",
                r.into_string().unwrap_or_default()
            ),
            Err(e) => panic!("WebDriver {method} {path}: {e}"),
        };
        let value: Value = response.into_json().expect("WebDriver answers JSON");
        value.get("value").cloned().unwrap_or(Value::Null)
    }

    fn session_call(&self, method: &str, path: &str, body: &Value) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    pub fn open(&self, url: &str) {
        self.session_call("POST", "/url", &json!({ "url": url }));
    }

    /// Run a script in the page and return its value.
    pub fn run(&self, script: &str) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            &json!({ "script": script, "args": [] }),
        )
    }

    /// The WebDriver id of the element `css` selects; `missing` says what was looked for.
    fn element(&self, css: &str, missing: &str) -> String {
        let element = self.session_call(
            "POST",
            "/element",
            &json!({ "using": "css selector", "value": css }),
        );
        element
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no {missing}"))
            .to_string()
    }

    /// Choose an option of a `<select>` (by CSS selector) the way a user does: a click on
    /// the option.
    pub fn choose(&self, select: &str, value: &str) {
        let css = format!("{select} option[value=\"{value}\"]");
        let id = self.element(&css, &format!("option {value} in {select}"));
        self.session_call("POST", &format!("/element/{id}/click"), &json!({}));
    }

    /// Click an element (by CSS selector), as a user does: a button submits its form.
    pub fn click(&self, css: &str) {
        let id = self.element(css, &format!("element {css}"));
        self.session_call("POST", &format!("/element/{id}/click"), &json!({}));
    }

    /// Type `text` into an input (by CSS selector), after clearing it.
    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css, &format!("element {css}"));
        self.session_call("POST", &format!("/element/{id}/clear"), &json!({}));
        if !text.is_empty() {
            self.session_call(
                "POST",
                &format!("/element/{id}/value"),
                &json!({ "text": text }),
            );
        }
    }

    /// What the page wrote to the console (and errors the browser logged for it).
    pub fn console(&self) -> Vec<Value> {
        self.session_call("POST", "/se/log", &json!({ "type": "browser" }))
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn screenshot_png(&self) -> Vec<u8> {
        use base64::Engine as _;
        let data = self.session_call("GET", "/screenshot", &Value::Null);
        base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap())
            .unwrap()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = ureq::delete(&format!("{}/session/{}", self.base, self.session)).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
