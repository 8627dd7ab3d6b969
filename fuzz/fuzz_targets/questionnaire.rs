//! Questionnaire TOML: load, check, compile, and read the schema back. Never a panic; a
//! questionnaire that passes `check` compiles, and its schema rebuilds the same schema.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = canvass::check::check(text);
    if let Some(q) = checked.questionnaire {
        let schema = canvass::compile::compile(&q);
        let rebuilt = canvass::compile::from_schema(&schema).expect("a compiled schema reads back");
        assert_eq!(canvass::compile::compile(&rebuilt), schema);
        let _ = canvass::template::toml(&q, "en");
    }
});
