//! Value rules that several stages share: calendar dates, country codes, text checks and
//! "did you mean". A leaf: it imports no stage (nothing from `check`, `expr`, `validate`, …),
//! so the checker, the evaluator, the full walk and the fast path all call the same rule, and
//! none of them has to reach into another stage for it.

pub mod country;
pub mod dates;
mod near;
pub mod text;

pub use near::closest;
