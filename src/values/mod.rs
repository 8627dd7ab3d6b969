//! Value rules that several stages share: calendar dates, country codes, text checks,
//! "did you mean", exact numbers, what a reply's value offers to be read ([`view`]) and the
//! spreadsheet formula guard. A leaf: it imports no stage (nothing from `check`, `expr`, `validate`, …),
//! so the checker, the evaluator, the full walk and the fast path all call the same rule, and
//! none of them has to reach into another stage for it.

pub mod country;
pub mod dates;
mod near;
pub mod number;
pub mod precision;
pub mod spreadsheet;
pub mod text;
pub mod view;
pub mod workbook;

pub use near::closest;
