//! Validation of replies (filled in by the validate stage).
pub mod country;
pub mod dates;
pub mod text;
