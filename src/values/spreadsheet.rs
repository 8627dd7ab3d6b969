//! The spreadsheet formula guard: text a spreadsheet program would take for a formula
//! (`=`, `+`, `-`, `@`, a tab or a carriage return first) is written as text, with a
//! leading `'`. Every CSV canvass writes (exports, tables) goes through this one rule.

/// `s` as a spreadsheet cell shows it, never run as a formula.
pub fn guard(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
