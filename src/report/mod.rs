//! The printers: findings and judged replies worded in the language asked for, as the
//! human report (miette), JSON and NDJSON, the HTML page, SARIF, and text tables. They sit
//! above every stage and decide nothing about a reply: what they print is what the stages
//! found, worded here and only here (through `findings::words`), each text from a reply
//! escaped first (`findings::visible`).

pub mod document;
mod excerpt;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
mod sheet;
pub mod table;
