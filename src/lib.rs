//! canvass: a survey questionnaire engine and reply validator.
//!
//! The pipeline, one module per stage: [`questionnaire`] (load TOML) → [`check`] (lint,
//! build the checked model) → [`compile`] (JSON Schema 2020-12) → [`reply`] (load a reply
//! with a source map) → [`validate`] (findings) → [`findings`] (human, JSON, HTML reports).
//! [`expr`] is the expression language the checker and the validator share. Only the
//! binary (`main.rs`) reads files, writes output and decides exit codes.

pub mod check;
pub mod compile;
pub mod expr;
pub mod findings;
pub mod questionnaire;
pub mod reply;
pub mod source;
pub mod template;
pub mod validate;
