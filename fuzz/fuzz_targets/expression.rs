//! The expression parser and type checker, against a small questionnaire of every type.
#![no_main]

use std::sync::OnceLock;

use canvass::check::typeck;
use canvass::expr::parser;
use canvass::questionnaire::model::Questionnaire;
use libfuzzer_sys::fuzz_target;

fn questionnaire() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| {
        let text = include_str!("../../tests/validate/questionnaire.toml");
        canvass::check::check(text).questionnaire.expect("the fixture passes check")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(node) = parser::parse(text) else {
        return;
    };
    let names = typeck::Names::new(questionnaire());
    for section in [Some(0), None] {
        let scope = typeck::Scope { questionnaire: questionnaire(), names: &names, section, row: None };
        if let Ok(ast) = typeck::check_condition(&node, scope) {
            let reply = serde_json::json!({ "main": { "law": "yes", "cases": 3, "offences": ["sale"] } });
            let answers = canvass::eval::Answers::of(questionnaire(), &reply);
            let _ = canvass::eval::truth(&ast, questionnaire(), &answers);
        }
    }
});
