//! Reading a questionnaire file: TOML text in, spanned [`QuestionnaireDef`] out, with a
//! finding for a syntax error, a setting of the wrong type, or an unknown setting.
//!
//! Loading never judges meaning (duplicate ids, bad ranges, expressions): that is `check`.

use toml::de::DeTable;

use super::def::QuestionnaireDef;
use super::settings;
use crate::findings::{Anchor, Code, Finding};

/// The outcome of loading: the definition if the TOML had the right shape, and findings.
pub struct Loaded {
    pub def: Option<QuestionnaireDef>,
    pub findings: Vec<Finding>,
}

/// Parse questionnaire TOML. Unknown settings, and settings of the wrong type or value,
/// are each reported, all in one run.
pub fn load(text: &str) -> Loaded {
    let mut findings = Vec::new();
    let tree = match DeTable::parse(text) {
        Ok(tree) => tree,
        Err(error) => {
            findings.push(Finding::toml_syntax(&error, text.len()));
            return Loaded {
                def: None,
                findings,
            };
        }
    };
    for unknown in settings::unknown_settings(tree.get_ref()) {
        let mut finding = Finding::error(
            Code::UnknownSetting,
            format!("unknown {} setting `{}`", unknown.context, unknown.key),
            Anchor::Span(unknown.span),
        )
        .with_label("not a setting of the questionnaire language");
        if let Some(suggestion) = unknown.suggestion {
            finding = finding.with_help(format!("did you mean `{suggestion}`?"));
        }
        findings.push(finding);
    }
    let (def, shape) = read_def(text);
    findings.extend(shape);
    Loaded { def, findings }
}

/// Most settings of the wrong type or value reported in one run.
const MOST_SHAPE_FINDINGS: usize = 50;

/// The definition, or a finding for every setting of the wrong type or value. serde stops
/// at the first; to report the others in the same run, the faulty value is replaced by a
/// stand-in of the expected kind (in a copy of the text, with the shift of every edit
/// recorded so that spans stay those of the file) and reading starts again.
fn read_def(text: &str) -> (Option<QuestionnaireDef>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut copy = text.to_string();
    // (offset in the copy after the edit, bytes added by it)
    let mut edits: Vec<(usize, isize)> = Vec::new();
    let original = |at: usize, edits: &[(usize, isize)]| -> usize {
        let shift: isize = edits.iter().filter(|(e, _)| *e <= at).map(|(_, d)| d).sum();
        at.saturating_add_signed(-shift).min(text.len())
    };
    let mut last_start = None;
    while findings.len() < MOST_SHAPE_FINDINGS {
        let error = match toml::from_str::<QuestionnaireDef>(&copy) {
            Ok(def) => return (findings.is_empty().then_some(def), findings),
            Err(error) => error,
        };
        let span = error.span().unwrap_or(0..0);
        // The same place again: the stand-in did not help; stop rather than repeat.
        if last_start == Some(span.start) {
            break;
        }
        last_start = Some(span.start);
        let file_span = original(span.start, &edits)..original(span.end, &edits);
        let (message, help) = plain_serde_message(error.message());
        let message = match setting_before(&copy, span.start) {
            Some(key) => format!("`{key}` {message}"),
            None => message,
        };
        let mut finding = Finding::error(Code::InvalidSetting, message, Anchor::Span(file_span))
            .with_label("here");
        if let Some(help) = help {
            finding = finding.with_help(help);
        }
        findings.push(finding);
        let Some(stand_in) = stand_in(error.message()) else {
            break;
        };
        if span.is_empty() || span.end > copy.len() {
            break;
        }
        copy.replace_range(span.clone(), &stand_in);
        // A stand-in that breaks the TOML (a whole table replaced) would only add noise.
        if DeTable::parse(&copy).is_err() {
            break;
        }
        #[allow(clippy::cast_possible_wrap)] // spans of a file read within its size limit
        edits.push((
            span.start + stand_in.len(),
            stand_in.len() as isize - span.len() as isize,
        ));
    }
    (None, findings)
}

/// A value of the kind serde expected, to read on past a faulty one; `None` when the
/// message does not say.
fn stand_in(message: &str) -> Option<String> {
    if let Some(rest) = message.split("expected one of ").nth(1) {
        let first = rest.split('`').nth(1)?;
        return Some(format!("\"{first}\""));
    }
    let expected = message.split(", expected ").nth(1).unwrap_or(message);
    let kind = if expected.contains("untagged enum TextDef")
        || expected.contains("untagged enum OptionDef")
        || expected.starts_with("a string")
    {
        "\"\""
    } else if expected.starts_with("a boolean") {
        "false"
    } else if expected.starts_with("i64")
        || expected.starts_with("u64")
        || expected.contains("integer")
    {
        "0"
    } else if expected.starts_with("a sequence") {
        "[]"
    } else if expected.starts_with("a map") {
        "{}"
    } else {
        return None;
    };
    Some(kind.to_string())
}

/// The key of a `key = value` line whose value starts at `offset`, to name the setting in
/// a type error (serde's message names only the types).
fn setting_before(text: &str, offset: usize) -> Option<&str> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..offset]
        .trim_end()
        .strip_suffix('=')?
        .trim_end();
    let key = before
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .next()?;
    (!key.is_empty()).then_some(key)
}

/// serde's message in the author's words (it names Rust types), and a help line where one
/// helps: the closest value for a misspelt one, canvass's name for an `XLSForm` type.
fn plain_serde_message(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    if message.contains("untagged enum TextDef") {
        let text = "expected a text: a string, or a table of translations keyed by language";
        (text.to_string(), None)
    } else if message.contains("untagged enum OptionDef") {
        let text = "expected an option: a string, or a table with `value` (and `label`, `specify`, `exclusive`)";
        (text.to_string(), None)
    } else if let Some((given, allowed)) = message
        .strip_prefix("unknown variant `")
        .and_then(|rest| rest.split_once("`, expected one of "))
    {
        let names: Vec<&str> = allowed.split(", ").map(|n| n.trim_matches('`')).collect();
        let help = xlsform_type(given)
            .map(|t| format!("XLSForm's `{given}` is canvass's `{t}`"))
            .or_else(|| settings::closest(given, &names).map(|n| format!("did you mean `{n}`?")));
        let text = format!("must be one of {allowed}, not `{given}`");
        (text, help)
    } else if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        let text = format!(
            "must be {}, not {}",
            plain_kind(expected),
            plain_kind(found)
        );
        (text, None)
    } else {
        (message.to_string(), None)
    }
}

/// canvass's question type for an `XLSForm` one, where the names differ.
fn xlsform_type(name: &str) -> Option<&'static str> {
    let first = name.split_whitespace().next().unwrap_or(name);
    Some(match first {
        "select_one" => "choice",
        "select_multiple" => "multi_choice",
        "decimal" => "number",
        "begin_repeat" | "begin repeat" | "repeat" => "table",
        "string" => "text",
        "boolean" | "acknowledge" => "yes_no",
        _ => return None,
    })
}

/// serde's names for kinds of value, in the author's words.
fn plain_kind(kind: &str) -> String {
    match kind {
        "a boolean" => "true or false".to_string(),
        "i64" | "u64" | "an integer" => "a whole number".to_string(),
        "a string" => "text".to_string(),
        "a sequence" => "a list `[...]`".to_string(),
        "a map" => "a table".to_string(),
        _ => match kind.split_once(' ') {
            Some(("string", text)) => format!("the text {text}"),
            Some(("integer", n)) => format!("the number {}", n.trim_matches('`')),
            Some(("floating", n)) => format!(
                "the number {}",
                n.trim_start_matches("point ").trim_matches('`')
            ),
            Some(("boolean", b)) => b.trim_matches('`').to_string(),
            _ => kind.to_string(),
        },
    }
}
