//! canvass: a survey questionnaire engine and reply validator.
//!
//! The pipeline, one module per stage: [`questionnaire`] (load TOML) → [`check`] (lint,
//! build the checked model) → [`compile`] (JSON Schema 2020-12) → [`reply`] (load a reply
//! with a source map) → [`validate`] (findings) → [`findings`] (human, JSON, HTML reports).
//! [`expr`] is the expression language the checker and the validator share. [`batch`]
//! judges many replies (files, folders, streams) in parallel and in order; [`intake`] keeps
//! them in a collection and [`tabulate`] counts their answers. The binary (`main.rs`)
//! parses arguments, prints, and decides exit codes.
//!
//! # The public API
//!
//! What a front end (a command line, a server, a workbook reader) calls is documented here and
//! nothing else: [`check_questionnaire`] turns questionnaire TOML into a [`Validator`] (or
//! every finding against it), and a [`Judge`] judges one reply at a time — its bytes, name and
//! format in; the questionnaire that judged it, its respondent and its [`Finding`]s out, each
//! at a [`Location`] (a file, a [`Place`] in it, the answer's JSON pointer).
//!
//! ```
//! let toml = std::fs::read_to_string("questionnaires/res-16-2/questionnaire.toml").unwrap();
//! let checked = canvass::check_questionnaire(&toml).expect("the shipped questionnaire checks");
//! let judge = canvass::Judge::new(canvass::Questionnaires::Fixed(&checked.validator));
//! let reply = std::fs::read("questionnaires/res-16-2/replies/bra.toml").unwrap();
//! let judgement = judge.judge("bra.toml", reply, None);
//! assert_eq!(judgement.respondent.as_deref(), Some("BRA"));
//! assert!(judgement.findings.iter().any(|f| f.code == canvass::Code::MissingAnswer));
//! ```
//!
//! The modules below are the stages themselves; they are public for canvass's own binary,
//! tests, benchmarks and fuzz targets, hidden from the documentation, and not an API: they
//! change without notice.
#![deny(missing_docs)]

#[doc(hidden)]
pub mod batch;
#[doc(hidden)]
pub mod check;
#[doc(hidden)]
pub mod compile;
#[doc(hidden)]
pub mod eval;
#[doc(hidden)]
pub mod expr;
pub mod findings;
#[doc(hidden)]
pub mod intake;
pub mod judge;
#[doc(hidden)]
pub mod questionnaire;
#[doc(hidden)]
pub mod reply;
#[doc(hidden)]
pub mod report;
#[doc(hidden)]
pub mod serve;
#[doc(hidden)]
pub mod source;
#[doc(hidden)]
pub mod tabulate;
#[doc(hidden)]
pub mod template;
#[doc(hidden)]
pub mod validate;
#[doc(hidden)]
pub mod values;

pub use findings::{
    Anchor, Code, ExplainedBy, Explanation, Finding, Location, Place, Related, Severity, Text,
    Worded,
};
pub use judge::JudgedBy;
pub use judge::{Judge, Judgement, Questionnaires};
pub use reply::{Format, Limits};
pub use source::{SourceFile, Span};
pub use validate::Validator;

/// A questionnaire that checked without an error: its validator, and the warnings `check`
/// gave it.
pub struct CheckedQuestionnaire {
    /// Judges replies to the questionnaire (give it to a [`Judge`]).
    pub validator: Validator,
    /// What `check` warns about (an author may leave them).
    pub warnings: Vec<Finding>,
}

/// Check questionnaire TOML like a compiler: the questionnaire ready to judge replies, or
/// every finding when one of them is an error (each at its span in `toml`).
pub fn check_questionnaire(toml: &str) -> Result<CheckedQuestionnaire, Vec<Finding>> {
    let checked = check::check(toml);
    let Some(questionnaire) = checked.questionnaire else {
        return Err(checked.findings);
    };
    match Validator::new(questionnaire) {
        Ok(validator) => Ok(CheckedQuestionnaire {
            validator,
            warnings: checked.findings,
        }),
        // A schema the jsonschema crate cannot build is canvass's fault, said as a finding
        // about the whole questionnaire rather than a panic.
        Err(why) => Err(vec![Finding::error(
            Code::InternalError,
            why,
            Anchor::Nowhere,
        )]),
    }
}
