//! Reports in Spanish: a questionnaire written in Spanish gets its findings, labels, helps
//! and summary in Spanish (`--lang es`); the values quoted from the reply and the ids stay as
//! written. The human report is an insta snapshot.

#[path = "support/cli.rs"]
mod cli;

use cli::canvass;

#[test]
fn a_spanish_questionnaire_gets_a_spanish_report() {
    let run = canvass(&[
        "validate",
        "--lang",
        "es",
        "-q",
        "tests/spanish/questionnaire.toml",
        "tests/spanish/reply.toml",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    // No sentence of canvass's own in English.
    for english in [
        "expected",
        "is required",
        "has no answer",
        "applies only",
        "replies checked",
    ] {
        assert!(
            !run.stdout.contains(english),
            "English `{english}` in:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout
            .contains("no es una de las opciones; ¿quería decir \"pozo\"?")
    );
    assert!(run.stdout.contains("1 respuesta comprobada"));
    insta::assert_snapshot!("spanish_report", run.stdout);
}
