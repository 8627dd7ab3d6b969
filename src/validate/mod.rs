//! Validation of replies: a parsed reply and a checked questionnaire in, findings out.
//!
//! Two judges that must agree. The compiled JSON Schema, run by the jsonschema crate, says
//! whether a reply is acceptable for everything standard keywords express; canvass's own
//! walk over the questionnaire ([`walk`]) finds each fault and says it in plain words,
//! and adds what a schema cannot say (rules, table keys, date ranges, conditions that do
//! not translate). A reply is valid only when both accept it. If the schema refuses a
//! reply the walk found nothing wrong with, that is a canvass bug, and the schema's own
//! error is still reported: a reply is never silently accepted.
//!
//! Valid replies take the fast path: no spans, no messages. Spans come from the reply's
//! source map, built only for a reply with findings.

pub mod country;
pub mod dates;
mod describe;
mod rules;
pub mod text;
mod value;
mod walk;

use serde_json::Value;

use crate::compile::compile;
use crate::findings::{Anchor, Code, Finding};
use crate::questionnaire::model::Questionnaire;
use crate::reply::{self, Format, Limits};
use crate::source::SourceFile;

/// Most findings reported for one reply.
pub const MAX_FINDINGS: usize = 200;

/// A questionnaire ready to validate replies: the model and its compiled schema.
pub struct Validator {
    pub questionnaire: Questionnaire,
    schema: jsonschema::Validator,
    pub limits: Limits,
}

impl Validator {
    /// Build from a checked questionnaire (compiling its schema once).
    pub fn new(questionnaire: Questionnaire) -> Result<Self, String> {
        let schema = compile(&questionnaire);
        Self::with_schema(questionnaire, &schema)
    }

    /// Build from a compiled schema alone (`validate --schema`).
    pub fn from_schema(schema: &Value) -> Result<Self, String> {
        let questionnaire = crate::compile::from_schema(schema)?;
        Self::with_schema(questionnaire, schema)
    }

    fn with_schema(questionnaire: Questionnaire, schema: &Value) -> Result<Self, String> {
        let schema = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .with_pattern_options(jsonschema::PatternOptions::regex())
            .build(schema)
            .map_err(|e| format!("the compiled schema is not usable: {e}"))?;
        Ok(Self {
            questionnaire,
            schema,
            limits: Limits::default(),
        })
    }

    /// Validate one reply, its format told by its name or first character; findings carry
    /// resolved spans into `file`.
    pub fn validate(&self, file: &SourceFile, lang: &str) -> Vec<Finding> {
        self.validate_as(file, Format::detect(&file.name, &file.text), lang)
    }

    /// Validate one reply written in `format`.
    pub fn validate_as(&self, file: &SourceFile, format: Format, lang: &str) -> Vec<Finding> {
        match reply::parse(&file.text, format, &self.limits) {
            Ok(value) => self.validate_parsed(file, format, &value, lang),
            Err(findings) => findings,
        }
    }

    /// Validate a reply already parsed from `file` (by [`reply::parse`]); findings carry
    /// resolved spans into `file`.
    pub fn validate_parsed(
        &self,
        file: &SourceFile,
        format: Format,
        value: &Value,
        lang: &str,
    ) -> Vec<Finding> {
        let mut findings = self.validate_value(value, lang);
        if !findings.is_empty() {
            let text = reply::blank_bom(&file.text);
            let map = reply::SourceMap::parse(&text, format);
            for finding in &mut findings {
                if finding.span.is_none() {
                    finding.span = map.resolve(&finding.anchor);
                }
                for related in &mut finding.related {
                    if related.span.is_none() {
                        related.span = map.resolve(&related.anchor);
                    }
                }
            }
        }
        findings
    }

    /// Validate a parsed reply: findings with pointers, spans not yet resolved.
    pub fn validate_value(&self, reply: &Value, lang: &str) -> Vec<Finding> {
        let mut findings = walk::walk(self, reply, lang);
        if findings.len() > MAX_FINDINGS {
            // A hostile reply (a table of 10,000 broken rows) must not bury the report.
            let more = findings.len() - MAX_FINDINGS;
            findings.truncate(MAX_FINDINGS);
            if let Some(last) = findings.last_mut() {
                last.message.push_str(&format!(
                    " (and {more} more findings in this reply, not shown)"
                ));
            }
        }
        if findings.iter().any(Finding::is_error) || self.schema.is_valid(reply) {
            return findings;
        }
        // The schema refuses what the walk accepted: report the schema's words.
        for error in self.schema.iter_errors(reply).take(10) {
            let pointer = error.instance_path().to_string();
            let mut finding = Finding::error(
                Code::InvalidType,
                format!("the compiled schema refuses this answer: {error}"),
                Anchor::Value(pointer.clone()),
            )
            .with_help("canvass could not explain this in its own words; please report it");
            finding.pointer = Some(pointer);
            findings.push(finding);
        }
        findings
    }

    /// Whether the reply is valid, for callers that need no findings.
    pub fn is_valid(&self, reply: &Value) -> bool {
        !walk::walk(self, reply, self.questionnaire.source_language())
            .iter()
            .any(Finding::is_error)
            && self.schema.is_valid(reply)
    }
}
