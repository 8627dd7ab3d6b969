//! `canvass check`: the questionnaire's findings, for a person (human, on standard error)
//! or for tools (JSON, on standard output); the verdict is the exit status either way.

use std::path::Path;
use std::process::ExitCode;

use canvass::findings::count;
use canvass::report::human::{Style, render};
use canvass::report::json::{Spans, finding};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
}

pub fn run(path: &Path, deny_warnings: bool, format: CheckFormat) -> Result<ExitCode, String> {
    let (file, checked) = super::files::check_file(path)?;
    let (errors, warnings) = count(&checked.findings);
    match format {
        CheckFormat::Sarif => {
            let uri = uri_reference(&file.name);
            let log = canvass::report::sarif::log(&checked.findings, &file, &uri);
            let mut text = serde_json::to_string_pretty(&log)
                .map_err(|e| format!("cannot write the report: {e}"))?;
            text.push('\n');
            super::files::write_stdout(&text)?;
        }
        CheckFormat::Human => {
            let style = Style {
                color: super::use_color(),
                width: 100,
                lang: "en",
            };
            let report = format!(
                "{}{}: {errors} error{}, {warnings} warning{}\n",
                render(&checked.findings, &file, style),
                canvass::findings::visible::visible(&file.name),
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            );
            // `eprint!` panics when standard error is closed; the verdict is the exit status.
            let _ = std::io::Write::write_all(&mut std::io::stderr(), report.as_bytes());
        }
        CheckFormat::Json => {
            let spans = Spans::new(&file);
            let document = serde_json::json!({
                "file": file.name,
                "valid": errors == 0,
                "errors": errors,
                "warnings": warnings,
                "findings": checked.findings.iter().map(|f| finding(f, &spans, "en")).collect::<Vec<_>>(),
            });
            let mut text = serde_json::to_string_pretty(&document)
                .map_err(|e| format!("cannot write the report: {e}"))?;
            text.push('\n');
            super::files::write_stdout(&text)?;
        }
    }
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// A file path as a relative URI reference: `/` kept, every byte but the unreserved ones
/// percent-encoded (a space, `#`, `%`, non-ASCII letters).
fn uri_reference(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}
