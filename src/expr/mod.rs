//! The expression language of `when` and `check`: a small, typed, CEL-like language.
//!
//! Three steps, each its own file: [`parser`] turns text into a [`syntax`] tree with spans
//! relative to the expression string; [`typeck`] resolves names against a questionnaire
//! and checks types, giving an [`ast::Ast`] that can only refer to real questions;
//! [`eval`] evaluates an `Ast` over a reply in three-valued logic; [`asked`] says, with it,
//! whether a question or a cell is asked. Mapping an expression's
//! offsets into the TOML file is the checker's business, not this module's.

pub mod asked;
pub mod ast;
pub mod eval;
pub mod parser;
pub mod syntax;
pub mod typeck;
pub mod xlsform;

/// An error in an expression, with its byte range inside the expression string.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub kind: ExprErrorKind,
    pub message: String,
    pub span: std::ops::Range<usize>,
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprErrorKind {
    Syntax,
    UnknownReference,
    UnknownLiteral,
    TypeMismatch,
}
