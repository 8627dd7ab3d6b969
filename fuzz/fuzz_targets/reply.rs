//! Replies, as TOML and as JSON, validated against the shipped questionnaire. Never a panic,
//! and never a reply accepted by canvass that the compiled schema refuses.
#![no_main]

use std::sync::OnceLock;

use canvass::reply::Format;
use canvass::source::SourceFile;
use canvass::validate::Validator;
use libfuzzer_sys::fuzz_target;

fn validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| {
        let text = include_str!("../../questionnaires/res-16-2/questionnaire.toml");
        let q = canvass::check::check(text).questionnaire.expect("the shipped questionnaire passes check");
        Validator::new(q).expect("it compiles")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = SourceFile::new("reply", text);
    for format in [Format::Json, Format::Toml] {
        let findings = validator().validate_as(&file, format, "en");
        for f in &findings {
            if let Some(span) = &f.span {
                assert!(span.start <= span.end && span.end <= text.len(), "span out of the file");
            }
        }
        if !findings.iter().any(|f| f.is_error())
            && let Ok(value) = canvass::reply::parse(text, format, &validator().limits)
        {
            assert!(validator().is_valid(&value), "accepted by canvass, refused by the schema");
        }
    }
});
