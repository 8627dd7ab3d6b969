//! Replies, as TOML and as JSON, validated against the shipped questionnaire and the
//! fast-path test questionnaire. Never a panic, never a reply accepted by canvass that the
//! compiled schema refuses, the fast path (on a parsed reply and on the compact reading of
//! its text) exactly as strict as the full walk, and the walk over the compact reading
//! finding what the walk over the parse finds.
#![no_main]

use std::sync::OnceLock;

use canvass::reply::Format;
use canvass::source::SourceFile;
use canvass::validate::Validator;
use libfuzzer_sys::fuzz_target;

fn validators() -> &'static [Validator; 2] {
    static V: OnceLock<[Validator; 2]> = OnceLock::new();
    V.get_or_init(|| {
        let load = |text: &str| {
            let q = canvass::check::check(text).questionnaire.expect("the questionnaire passes check");
            Validator::new(q).expect("it compiles")
        };
        [
            load(include_str!("../../questionnaires/res-16-2/questionnaire.toml")),
            load(include_str!("../../tests/fast_path/questionnaire.toml")),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = SourceFile::new("reply", text);
    for validator in validators() {
        for format in [Format::Json, Format::Toml] {
            let findings = validator.validate_as(&file, format);
            for f in &findings {
                if let Some(span) = f.at.span() {
                    assert!(span.start <= span.end && span.end <= text.len(), "span out of the file");
                }
            }
            // A key given twice reads in full (with its finding), never compactly.
            let parsed = canvass::reply::parse(text, format, validator.limits())
                .map_err(drop)
                .and_then(|(value, read)| if read.is_empty() { Ok(value) } else { Err(()) });
            // The compact reading (the command line's fast path) reads exactly the same.
            let compact = canvass::reply::compact::read(text, format, validator.limits(), |json| {
                (json.to_value(), validator.schema_accepts_compact(json), validator.is_clean_compact(json))
            });
            if format == Format::Json {
                assert_eq!(
                    compact.as_ref().map(|c| &c.0),
                    parsed.as_ref().ok(),
                    "the compact reading disagrees with the full parse"
                );
            }
            let Ok(value) = parsed else {
                continue;
            };
            let schema = validator.schema_accepts(&value);
            if !findings.iter().any(|f| f.is_error()) {
                assert!(schema, "accepted by canvass, refused by the schema");
            }
            let full = schema && validator.walk(&value).is_empty();
            assert_eq!(validator.is_clean(&value), full, "the fast path disagrees with the walk");
            if let Some((_, schema_compact, clean_compact)) = compact {
                assert_eq!(schema_compact, schema, "the schema judges the compact reading otherwise");
                assert_eq!(clean_compact, full, "the compact fast path disagrees with the walk");
                // The walk over the compact tree finds what the walk over the parse finds.
                assert_eq!(
                    findings,
                    validator.validate_parsed(&file, format, &value, None),
                    "the walk over the compact reading finds otherwise"
                );
            }
        }
    }
});
