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

/// Parse questionnaire TOML. Unknown settings are reported all at once; a value of the
/// wrong type stops loading (serde cannot go on past it) with its span.
pub fn load(text: &str) -> Loaded {
    let mut findings = Vec::new();
    let tree = match DeTable::parse(text) {
        Ok(tree) => tree,
        Err(error) => {
            findings.push(Finding::toml_syntax(&error, text.len(), "en"));
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
    let def = match toml::from_str::<QuestionnaireDef>(text) {
        Ok(def) => Some(def),
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            let message = plain_serde_message(error.message());
            let message = match setting_before(text, span.start) {
                Some(key) => format!("`{key}` {message}"),
                None => message,
            };
            findings.push(
                Finding::error(Code::InvalidSetting, message, Anchor::Span(span))
                    .with_label("here"),
            );
            None
        }
    };
    Loaded { def, findings }
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

/// serde's untagged-enum message names Rust types; say what the author should write.
fn plain_serde_message(message: &str) -> String {
    let message = message.trim();
    if message.contains("untagged enum TextDef") {
        "expected a text: a string, or a table of translations keyed by language".to_string()
    } else if message.contains("untagged enum OptionDef") {
        "expected an option: a string, or a table with `value` (and `label`, `specify`, `exclusive`)"
            .to_string()
    } else if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        format!(
            "must be {}, not {}",
            plain_kind(expected),
            plain_kind(found)
        )
    } else {
        message.to_string()
    }
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
