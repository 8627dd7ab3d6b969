//! The settings each kind of table in a questionnaire may hold, and the walk that finds
//! the ones it may not.
//!
//! serde ignores unknown fields silently, and `deny_unknown_fields` stops at the first;
//! an author wants every misspelt setting at once, each with a "did you mean". So the
//! loader walks the spanned TOML tree itself against these lists. A test keeps the lists
//! equal to the fields of the `def` types.

use toml::de::{DeTable, DeValue};

use crate::source::Span;
pub use crate::values::closest;

pub const ROOT: &[&str] = &[
    "id",
    "version",
    "title",
    "languages",
    "respondent",
    "options",
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
    "pattern_message",
    "format",
    "min",
    "max",
    "unit",
    "columns",
    "min_rows",
    "max_rows",
    "key",
    "rows",
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
    if let Some(DeValue::Table(lists)) = root.get("options").map(toml::Spanned::get_ref) {
        for list in lists.values() {
            if let DeValue::Array(items) = list.get_ref() {
                check_options(items.iter().map(toml::Spanned::get_ref), &mut found);
            }
        }
    }
    found
}

fn check_question(table: &DeTable<'_>, context: &'static str, found: &mut Vec<UnknownSetting>) {
    check_table(table, QUESTION, context, found);
    check_options(array_values(table, "options").into_iter(), found);
    for column in array(table, "columns") {
        check_question(column, "column", found);
    }
}

fn check_options<'t, 'i: 't>(
    options: impl Iterator<Item = &'t DeValue<'i>>,
    found: &mut Vec<UnknownSetting>,
) {
    for option in options {
        if let DeValue::Table(option) = option {
            check_table(option, OPTION, "option", found);
        }
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
