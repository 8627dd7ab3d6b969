//! Validation of replies: a parsed reply and a checked questionnaire in, findings out.
//!
//! Two judges that must agree. The compiled JSON Schema, run by the jsonschema crate, says
//! whether a reply is acceptable for everything standard keywords express; canvass's own
//! walk over the questionnaire (`walk.rs`) finds each fault and says it in plain words,
//! and adds what a schema cannot say (rules, table keys, date ranges, conditions that do
//! not translate). A reply is valid only when both accept it. If the schema refuses a
//! reply the walk found nothing wrong with, that is a canvass bug, and the schema's own
//! error is still reported: a reply is never silently accepted.
//!
//! Valid replies take the fast path: the schema first, then only what it cannot say
//! (`residual.rs`); no walk, no spans, no messages. A JSON reply is read compactly for it
//! (`reply::compact`, judged through `representation.rs`). Spans come from the reply's
//! source map, built only for a reply with findings.

mod describe;
mod explanations;
mod own;
mod representation;
mod residual;
mod rules;
mod value;
mod walk;

use std::sync::OnceLock;

use serde_json::Value;

use crate::compile::compile;
use crate::eval::Previous;
use crate::findings::words::{self, Args};
use crate::findings::{Anchor, Code, Finding, Location, Severity};
use crate::questionnaire::model::Questionnaire;
use crate::reply::{self, Format, Limits};
use crate::source::SourceFile;

/// Most findings reported for one reply.
pub const MAX_FINDINGS: usize = 200;

/// A questionnaire ready to validate replies: the model and its compiled schema.
pub struct Validator {
    questionnaire: Questionnaire,
    /// The compiled schema, reading compact replies (the fast path).
    compact_schema: jsonschema::Validator<representation::Compact>,
    /// The same schema reading `serde_json::Value`s (TOML replies, JSON the compact reading
    /// leaves to `serde_json`, the schema's own errors), built when first asked for: a run of
    /// plain JSON replies never needs it, and building it was a serial part of every start.
    schema: OnceLock<Result<jsonschema::Validator, String>>,
    /// What `schema` is built from.
    schema_json: Value,
    residual: residual::Residual,
    limits: Limits,
    /// Whether a rule reads the previous cycle (`previous.section.question`).
    reads_previous: bool,
}

impl Validator {
    /// Build from a checked questionnaire (compiling its schema once).
    pub fn new(questionnaire: Questionnaire) -> Result<Self, String> {
        let schema = compile(&questionnaire);
        let compact_schema = schema_options().build(&schema).map_err(unusable)?;
        Ok(Self::with_schema(questionnaire, schema, compact_schema))
    }

    /// Build from a compiled schema alone (`validate --schema`). The schema must be exactly
    /// what canvass compiles from the questionnaire it carries: valid replies are judged by
    /// the schema's keywords, their findings by the questionnaire, and the two must agree.
    pub fn from_schema(schema: &Value) -> Result<Self, String> {
        // Two independent halves of every `validate --schema` start, on two cores: the
        // schema's judge is built while the questionnaire is read back from the schema and
        // compiled again to compare.
        std::thread::scope(|scope| {
            let judge = scope.spawn(|| schema_options().build(schema).map_err(unusable));
            let read_back = read_back(schema);
            // Joined before any error returns: a scope whose thread panicked unjoined panics.
            let judge = judge
                .join()
                .map_err(|_| "the compiled schema could not be built".to_string());
            let (questionnaire, schema) = read_back?;
            let compact_schema = judge??;
            Ok(Self::with_schema(questionnaire, schema, compact_schema))
        })
    }

    /// The checked questionnaire this validator judges by.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.questionnaire
    }

    /// Whether a rule reads the respondent's previous cycle: only then does a judge look
    /// it up.
    pub fn reads_previous(&self) -> bool {
        self.reads_previous
    }

    /// The limits replies are judged within.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The same validator, judging within `limits`.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The validator of `questionnaire`, whose compiled schema is `schema`, judged on the
    /// fast path by `compact_schema` (built from it).
    fn with_schema(
        mut questionnaire: Questionnaire,
        schema: Value,
        compact_schema: jsonschema::Validator<representation::Compact>,
    ) -> Self {
        questionnaire.settle();
        let reads_previous = questionnaire.rules.iter().any(|r| {
            r.check.ast().reads_previous()
                || r.when.as_ref().is_some_and(|w| w.ast().reads_previous())
        });
        Self {
            reads_previous,
            residual: residual::Residual::plan(&questionnaire),
            questionnaire,
            compact_schema,
            schema: OnceLock::new(),
            schema_json: schema,
            limits: Limits::default(),
        }
    }

    /// Validate a JSON reply read compactly from `file` (by [`reply::compact::read`]):
    /// the same findings as [`Validator::validate_parsed`] gives for it.
    pub fn validate_compact(
        &self,
        file: &SourceFile,
        reply: &reply::compact::Compact<'_>,
        previous: Option<&Previous>,
    ) -> Vec<Finding> {
        let schema_accepts = self.compact_schema.is_valid(&reply.root);
        if schema_accepts && self.compact_residual_clean(reply, previous) {
            return Vec::new();
        }
        // Something to report, or numbers the schema may have rounded: the walk judges,
        // over the same tree (the property tests hold its findings equal to those of the
        // walk over a full parse).
        let findings = self.explain(&reply.root, schema_accepts, previous, || {
            self.schema_errors(&reply.to_value())
        });
        if findings.is_empty() {
            return findings;
        }
        let text = reply::blank_bom(&file.text);
        let map = reply::SourceMap::of_tree(&text, &file.text, &reply.root);
        place_by(findings, file, &map)
    }

    /// Validate a reply already parsed from `file` (by [`reply::parse`]); findings carry
    /// resolved spans into `file`.
    pub fn validate_parsed(
        &self,
        file: &SourceFile,
        format: Format,
        value: &Value,
        previous: Option<&Previous>,
    ) -> Vec<Finding> {
        place(self.validate_with(value, previous), file, format)
    }

    /// Validate a parsed reply: findings with pointers, spans not yet resolved.
    ///
    /// The fast path first: a reply the schema accepts and that has nothing left to check
    /// (`residual.rs`) has no findings, and costs no walk. Any other reply gets the full
    /// walk, which finds and explains each fault.
    pub fn validate_value(&self, reply: &Value) -> Vec<Finding> {
        self.validate_with(reply, None)
    }

    /// [`Validator::validate_value`], rules reading the respondent's `previous` cycle.
    pub fn validate_with(&self, reply: &Value, previous: Option<&Previous>) -> Vec<Finding> {
        let schema_accepts = self.schema_accepts(reply);
        if schema_accepts && self.residual_clean(reply, previous) {
            return Vec::new();
        }
        self.explain(reply, schema_accepts, previous, || {
            self.schema_errors(reply)
        })
    }

    /// The findings of a reply that has something to report, given the schema's verdict
    /// and, should the walk find no error where the schema refused, the schema's errors.
    fn explain<'v, V: reply::view::ReplyValue<'v>>(
        &'v self,
        reply: V,
        schema_accepts: bool,
        previous: Option<&'v Previous>,
        schema_errors: impl FnOnce() -> Vec<Finding>,
    ) -> Vec<Finding> {
        let (mut findings, capped) = walk::walk(self, reply, previous);
        if findings.len() > MAX_FINDINGS {
            // A hostile reply (a table of 10,000 broken rows) must not bury the report.
            let more = findings.len() - MAX_FINDINGS;
            findings.truncate(MAX_FINDINGS);
            if let Some(last) = findings.last_mut() {
                let args = Args::new()
                    .text("message", std::mem::take(&mut last.message))
                    .count("more", more);
                // The walk stopped looking: the count is a floor.
                let id = if capped {
                    "more-findings-at-least"
                } else {
                    "more-findings"
                };
                last.message = words::phrase(id, &args);
            }
        }
        if schema_accepts || findings.iter().any(Finding::is_error) {
            return findings;
        }
        // The schema refuses what the walk accepted: report the schema's words.
        findings.extend(schema_errors());
        findings
    }

    /// The compiled schema's own errors about a reply (the first ten), each as a finding:
    /// what is reported when the schema refuses a reply the walk found nothing wrong with.
    fn schema_errors(&self, reply: &Value) -> Vec<Finding> {
        let schema = match self.schema() {
            Ok(schema) => schema,
            // Never the case for a schema the compact judge was built from; should it be,
            // the reply is refused, and the report says why.
            Err(why) => return vec![Finding::internal_error().with_help(why.clone())],
        };
        let mut findings = Vec::new();
        for error in schema.iter_errors(reply).take(10) {
            let pointer = error.instance_path().to_string();
            let said = words::say(
                "schema-refuses",
                &Args::new().text("error", error.to_string()),
            );
            let finding = Finding::said(
                Code::InvalidType,
                Severity::Error,
                said,
                Location::answer(pointer.clone(), Anchor::Value(pointer)),
            );
            findings.push(finding);
        }
        findings
    }

    /// Whether the reply is valid (warnings allowed), for callers that need no findings.
    pub fn is_valid(&self, reply: &Value) -> bool {
        self.schema_accepts(reply)
            && (self.residual_clean(reply, None) || !self.walk(reply).iter().any(Finding::is_error))
    }

    /// Whether the reply has nothing at all to report, by the fast path alone. Exactly when
    /// the schema accepts it and the walk finds nothing (the property tests check this).
    pub fn is_clean(&self, reply: &Value) -> bool {
        self.schema_accepts(reply) && self.residual_clean(reply, None)
    }

    /// The compiled schema's verdict alone.
    pub fn schema_accepts(&self, reply: &Value) -> bool {
        self.schema().is_ok_and(|schema| schema.is_valid(reply))
    }

    /// The schema reading `serde_json::Value`s, built at first use.
    fn schema(&self) -> Result<&jsonschema::Validator, &String> {
        self.schema
            .get_or_init(|| schema_options().build(&self.schema_json).map_err(unusable))
            .as_ref()
    }

    /// [`Validator::is_clean`] for a compactly read reply; the same verdict.
    pub fn is_clean_compact(&self, reply: &reply::compact::Compact<'_>) -> bool {
        self.schema_accepts_compact(reply) && self.compact_residual_clean(reply, None)
    }

    /// The compiled schema's verdict on a compact reply (the same as on the reply read
    /// into a `Value`).
    pub fn schema_accepts_compact(&self, reply: &reply::compact::Json<'_>) -> bool {
        self.compact_schema.is_valid(reply)
    }

    /// canvass's own walk alone: every fault it finds, without the schema's verdict.
    pub fn walk(&self, reply: &Value) -> Vec<Finding> {
        walk::walk(self, reply, None).0
    }

    /// What is left to check once the schema accepted a reply: what no schema says, and
    /// numbers the schema may have rounded (judged exactly by the walk).
    fn residual_clean<'v>(
        &self,
        reply: impl reply::view::ReplyValue<'v>,
        previous: Option<&'v Previous>,
    ) -> bool {
        self.residual
            .clean(&self.questionnaire, reply, previous, &self.limits)
            && !crate::values::precision::f64_may_misjudge(reply)
    }

    /// [`Validator::residual_clean`] for a compact reply: the reading told whether some
    /// number may be misjudged, so no walk looks again.
    fn compact_residual_clean<'v>(
        &self,
        reply: &'v reply::compact::Compact<'v>,
        previous: Option<&'v Previous>,
    ) -> bool {
        !reply.may_misjudge
            && self
                .residual
                .clean(&self.questionnaire, &reply.root, previous, &self.limits)
    }
}

/// The key that names a row of a keyed table (`2024` of `[year=2024]`), when the row gives
/// one: the walk's rule, for front ends that name rows themselves.
pub fn row_key(
    table: &crate::questionnaire::model::Question,
    row: Option<&Value>,
) -> Option<String> {
    walk::row_key(table, row)
}

/// Place findings in the reply: their file, and their spans in its text. Only a reply with
/// findings pays for its source map.
fn place(findings: Vec<Finding>, file: &SourceFile, format: Format) -> Vec<Finding> {
    if findings.is_empty() {
        return findings;
    }
    let text = reply::blank_bom(&file.text);
    place_by(findings, file, &reply::SourceMap::parse(&text, format))
}

/// Give each finding (and each answer beside it) its place in `file`, by `map`.
fn place_by(
    mut findings: Vec<Finding>,
    file: &SourceFile,
    map: &reply::SourceMap<'_>,
) -> Vec<Finding> {
    let name: std::sync::Arc<str> = file.name.as_str().into();
    for finding in &mut findings {
        map.locate(&mut finding.at);
        finding.at.file = Some(name.clone());
        for related in &mut finding.related {
            map.locate(&mut related.at);
            related.at.file = Some(name.clone());
        }
    }
    findings
}

/// Begin building, on a thread of its own, what every validator's build waits for first:
/// jsonschema's judge of schemas (the 2020-12 meta-schema), which it checks each compiled
/// schema against before using it. It is built once per process, and took a quarter of the
/// instructions of a one-reply run; begun before the questionnaire or schema is read, it is
/// ready, or nearly, when the validator needs it (`benches/README.md`, sixth pass).
pub fn warm_up() {
    // Detached: a run that ends first (an error, nothing to judge) loses nothing by it.
    std::thread::spawn(|| {
        let _ = jsonschema::draft202012::meta::validator();
    });
}

/// How canvass runs a compiled schema, whatever representation the reply is read into.
fn schema_options<'i, F: jsonschema::json::Json>()
-> jsonschema::ValidationOptions<'i, std::sync::Arc<dyn jsonschema::Retrieve>, F> {
    jsonschema::options_for::<F>()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        // The schema says `format: email`; canvass's judges agree on what that means
        // (and canvass's test is cheaper than a full RFC 5321 parse).
        .with_format("email", crate::values::text::is_email)
        .with_pattern_options(jsonschema::PatternOptions::regex())
}

#[allow(clippy::needless_pass_by_value)] // the shape `map_err` hands it
fn unusable(error: jsonschema::ValidationError<'_>) -> String {
    format!("the compiled schema is not usable: {error}")
}

/// The questionnaire a compiled schema carries, and the schema to keep for it: what canvass
/// compiles from that questionnaire, which must be the schema given (`Validator::from_schema`).
fn read_back(schema: &Value) -> Result<(Questionnaire, Value), String> {
    let questionnaire = crate::compile::from_schema(schema)?;
    let expected = compile(&questionnaire);
    // Equal as values (the common case, and cheap); only a schema that differs is searched
    // for where.
    if schema == &expected {
        return Ok((questionnaire, expected));
    }
    if let Some(pointer) = first_difference(schema, &expected, &mut String::new()) {
        return Err(format!(
            "the schema differs from what canvass compiles from the questionnaire it \
             carries (first at `{pointer}`): it was edited, or compiled by another version \
             of canvass; compile it again with `canvass compile`"
        ));
    }
    // Unequal where no pointer tells: the schema as given, as before.
    Ok((questionnaire, schema.clone()))
}

/// The JSON pointer of the first place where two schemas differ.
fn first_difference(given: &Value, expected: &Value, at: &mut String) -> Option<String> {
    match (given, expected) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                let len = at.len();
                at.push('/');
                at.push_str(&reply::escape_pointer(key));
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => {
                        if let Some(found) = first_difference(x, y, at) {
                            return Some(found);
                        }
                    }
                    _ => return Some(at.clone()),
                }
                at.truncate(len);
            }
            None
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, pair) in a.iter().zip(b).enumerate() {
                let len = at.len();
                at.push_str(&format!("/{i}"));
                if let Some(found) = first_difference(pair.0, pair.1, at) {
                    return Some(found);
                }
                at.truncate(len);
            }
            (a.len() != b.len()).then(|| format!("{at}/{}", a.len().min(b.len())))
        }
        _ => (given != expected).then(|| at.clone()),
    }
}
