//! The settings each kind of table in a questionnaire may hold, and the walk that finds
//! the ones it may not.
//!
//! serde ignores unknown fields silently, and `deny_unknown_fields` stops at the first;
//! an author wants every misspelt setting at once, each with a "did you mean". So the
//! loader walks the spanned TOML tree itself against these lists. A test keeps the lists
//! equal to the fields of the `def` types.

use toml::de::{DeTable, DeValue};

use crate::source::Span;

pub const ROOT: &[&str] = &[
    "id",
    "version",
    "title",
    "languages",
    "respondent",
    "codes",
    "section",
    "rule",
];
pub const SECTION: &[&str] = &["id", "number", "title", "when", "question"];
pub const QUESTION: &[&str] = &[
    "id",
    "number",
    "text",
    "help",
    "type",
    "required",
    "when",
    "compute",
    "codes",
    "options",
    "min_choices",
    "max_choices",
    "min_length",
    "max_length",
    "pattern",
    "format",
    "min",
    "max",
    "unit",
    "columns",
    "min_rows",
    "max_rows",
    "key",
];
pub const OPTION: &[&str] = &["value", "label", "specify", "exclusive"];
pub const RULE: &[&str] = &["id", "each", "when", "check", "severity", "message"];

/// A key found where the questionnaire language has no such setting.
#[derive(Debug, Clone)]
pub struct UnknownSetting {
    pub key: String,
    pub span: Span,
    /// Where it was found, in words: "question", "section", …
    pub context: &'static str,
    pub suggestion: Option<&'static str>,
}

/// Every unknown key in the questionnaire tree.
pub fn unknown_settings(root: &DeTable<'_>) -> Vec<UnknownSetting> {
    let mut found = Vec::new();
    check_table(root, ROOT, "questionnaire", &mut found);
    {
        for section in array(root, "section") {
            check_table(section, SECTION, "section", &mut found);
            for question in array(section, "question") {
                check_question(question, "question", &mut found);
            }
        }
    }
    for rule in array(root, "rule") {
        check_table(rule, RULE, "rule", &mut found);
    }
    found
}

fn check_question(table: &DeTable<'_>, context: &'static str, found: &mut Vec<UnknownSetting>) {
    check_table(table, QUESTION, context, found);
    for option in array_values(table, "options") {
        if let DeValue::Table(option) = option {
            check_table(option, OPTION, "option", found);
        }
    }
    for column in array(table, "columns") {
        check_question(column, "column", found);
    }
}

fn check_table(
    table: &DeTable<'_>,
    known: &'static [&'static str],
    context: &'static str,
    found: &mut Vec<UnknownSetting>,
) {
    for key in table.keys() {
        let name: &str = key.get_ref();
        if !known.contains(&name) {
            found.push(UnknownSetting {
                key: name.to_string(),
                span: key.span(),
                context,
                suggestion: closest(name, known),
            });
        }
    }
}

/// The known name closest to `name`, if it is close enough to be a likely misspelling.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    // No real name is this long: a hostile one is not compared with every known name.
    if name.len() > 256 {
        return None;
    }
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn array<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Vec<&'t DeTable<'i>> {
    array_values(table, key)
        .into_iter()
        .filter_map(|v| match v {
            DeValue::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn array_values<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Vec<&'t DeValue<'i>> {
    match table.get(key).map(toml::Spanned::get_ref) {
        Some(DeValue::Array(items)) => items.iter().map(toml::Spanned::get_ref).collect(),
        _ => Vec::new(),
    }
}
