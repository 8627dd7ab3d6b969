//! The questionnaire language: the TOML an author writes ([`def`]), how it is read
//! ([`load`]), and the checked model every later stage works from ([`model`]).
//!
//! Loading keeps a span for every definition so the checker can point into the TOML; it
//! does not judge the questionnaire (that is `check`'s job), it only reads it.

pub mod def;
pub mod load;
pub mod model;
pub mod settings;

/// A reply's top-level key holding the explanations it gives, rule id to text.
pub const EXPLANATIONS: &str = "explanations";

/// A reply's top-level keys that are not sections: which questionnaire it answers, and the
/// explanations it gives.
pub const REPLY_KEYS: &[&str] = &["questionnaire", "version", EXPLANATIONS];

/// Names no section may take: a reply's own keys, and `previous` (the previous cycle's
/// answers in expressions).
pub const RESERVED_SECTION_IDS: &[&str] = &["questionnaire", "version", EXPLANATIONS, "previous"];

/// Whether `id` is a valid questionnaire id: `[a-z0-9-]+`.
pub fn is_questionnaire_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The JSON Schema of the questionnaire language (draft-07, which editors such as taplo
/// understand), generated from the [`def`] types.
pub fn language_schema() -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<def::QuestionnaireDef>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}
