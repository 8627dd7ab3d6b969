//! SARIF 2.1.0, for code-scanning tools: a questionnaire's findings as one run of the
//! `canvass` tool, one rule per finding code (with the help the findings give), one result
//! per finding with its region in the TOML (line and column from 1, columns in characters,
//! and the byte range).

use serde_json::{Value, json};

use super::json::Spans;
use crate::findings::Finding;
use crate::source::SourceFile;

/// The SARIF log of one file's findings. `uri` is the file as a relative URI reference.
pub fn log(findings: &[Finding], file: &SourceFile, uri: &str) -> Value {
    let spans = Spans::new(file);
    let mut rules: Vec<(&'static str, Option<String>)> = Vec::new();
    for f in findings {
        match rules.iter_mut().find(|(code, _)| *code == f.code.as_str()) {
            Some(rule) => {
                if rule.1.is_none() {
                    rule.1 = f.help.as_ref().map(|h| h.word("en"));
                }
            }
            None => rules.push((f.code.as_str(), f.help.as_ref().map(|h| h.word("en")))),
        }
    }
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let index = rules
                .iter()
                .position(|(code, _)| *code == f.code.as_str())
                .unwrap_or(0);
            let mut result = json!({
                "ruleId": f.code.as_str(),
                "ruleIndex": index,
                "level": if f.is_error() { "error" } else { "warning" },
                // `check`'s findings are for authors, in English.
                "message": { "text": f.message.word("en") },
            });
            if let Some(span) = f.at.span() {
                let start = spans.span(span);
                let end_offset = span.end.max(span.start);
                let end = spans.span(&(end_offset..end_offset));
                result["locations"] = json!([{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": start.line,
                            "startColumn": start.column,
                            "endLine": end.line,
                            "endColumn": end.column,
                            "byteOffset": span.start,
                            "byteLength": span.end.saturating_sub(span.start),
                        }
                    }
                }]);
            }
            if let Some(help) = &f.help {
                let (message, help) = (f.message.word("en"), help.word("en"));
                result["message"]["markdown"] = json!(format!("{message}\n\n{help}"));
            }
            result
        })
        .collect();
    let rules: Vec<Value> = rules
        .iter()
        .map(|(code, help)| {
            let mut rule = json!({
                "id": code,
                "name": code,
                "shortDescription": { "text": code },
            });
            if let Some(help) = help {
                rule["help"] = json!({ "text": help });
            }
            rule
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "canvass",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}
