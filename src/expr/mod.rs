//! The expression language of `when`, `check` and `compute`: a small, typed, CEL-like
//! language, as text and as trees. [`parser`] turns text into a [`syntax`] tree with spans
//! relative to the expression string; [`ast`] is the tree once names are resolved (every
//! name a [`ast::QuestionRef`]). It knows nothing of questionnaires: resolving names and
//! types against one is the checker's (`check::typeck`), evaluating over a reply is
//! `eval`'s, and mapping an expression's offsets into the TOML file is the checker's too.

pub mod ast;
pub mod parser;
pub mod syntax;
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
