//! The questionnaire language: the TOML an author writes ([`def`]), how it is read
//! ([`load`]), and the checked model every later stage works from ([`model`]).
//!
//! Loading keeps a span for every definition so the checker can point into the TOML; it
//! does not judge the questionnaire (that is `check`'s job), it only reads it.

pub mod def;
pub mod load;
pub mod model;
pub mod settings;
