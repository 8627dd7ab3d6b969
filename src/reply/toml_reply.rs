//! TOML replies, through toml's spanned parser. Duplicate keys are TOML syntax errors. A
//! TOML date becomes its `YYYY-MM-DD` text; numbers keep their text (judged exactly later);
//! NaN, infinities and hexadecimal, octal or binary integers beyond 64 bits have no JSON
//! form and are reported rather than guessed.

use serde_json::{Map, Value};
use toml::de::{DeTable, DeValue};

use crate::findings::words::{self, Args};
use crate::findings::{Anchor, Code, Finding, Severity};
use crate::source::Span;

/// Values with no JSON form: where, and the id of the words that say why.
type Faults = Vec<(Span, &'static str)>;

pub fn parse(text: &str) -> Result<Value, Vec<Finding>> {
    let tree = DeTable::parse(text).map_err(|e| vec![Finding::toml_syntax(&e, text.len())])?;
    let mut faults = Vec::new();
    let value = table(tree.get_ref(), &mut faults);
    if faults.is_empty() {
        return Ok(value);
    }
    Err(faults
        .into_iter()
        .map(|(span, id)| {
            let said = words::say(id, &Args::new());
            Finding::said(Code::InvalidType, Severity::Error, said, Anchor::Span(span))
        })
        .collect())
}

fn table(t: &DeTable<'_>, findings: &mut Faults) -> Value {
    let mut map = Map::with_capacity(t.len());
    for (key, value) in t {
        map.insert(
            key.get_ref().to_string(),
            convert(value.get_ref(), value.span(), findings),
        );
    }
    Value::Object(map)
}

fn convert(value: &DeValue<'_>, span: Span, findings: &mut Faults) -> Value {
    match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            if let Ok(n) = i64::from_str_radix(&digits, i.radix()) {
                Value::from(n)
            } else if let Ok(n) = u64::from_str_radix(&digits, i.radix()) {
                Value::from(n)
            } else if let Some(n) = (i.radix() == 10)
                .then(|| crate::values::number::from_text(digits.trim_start_matches('+')))
                .flatten()
            {
                // Beyond 64 bits, kept as written (judged exactly, or refused, later).
                Value::Number(n)
            } else {
                findings.push((span, "number-too-large"));
                Value::Null
            }
        }
        DeValue::Float(f) => {
            // Kept as written; `nan` and `inf` are no JSON numbers, so they do not read.
            let text = f.as_str().replace('_', "");
            if let Some(n) = crate::values::number::from_text(text.trim_start_matches('+')) {
                Value::Number(n)
            } else {
                findings.push((span, "number-not-finite"));
                Value::Null
            }
        }
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| convert(item.get_ref(), item.span(), findings))
                .collect(),
        ),
        DeValue::Table(t) => table(t, findings),
    }
}
