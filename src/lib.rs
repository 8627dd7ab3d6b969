//! canvass: a survey questionnaire engine and reply validator.
//!
//! The pipeline, one module per stage: [`questionnaire`] (load TOML) → [`check`] (lint,
//! build the checked model) → [`compile`] (JSON Schema 2020-12) → [`reply`] (load a reply
//! with a source map) → [`validate`] (findings) → [`findings`] (human, JSON, HTML reports).
//! [`expr`] is the expression language the checker and the validator share. [`batch`]
//! judges many replies (files, folders, streams) in parallel and in order; [`intake`] keeps
//! them in a collection and [`tabulate`] counts their answers. The binary (`main.rs`)
//! parses arguments, prints, and decides exit codes.

pub mod batch;
pub mod check;
pub mod compile;
pub mod expr;
pub mod findings;
pub mod intake;
pub mod judge;
pub mod questionnaire;
pub mod reply;
pub mod source;
pub mod tabulate;
pub mod template;
pub mod validate;
pub mod values;
