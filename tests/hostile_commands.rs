//! Commands meeting bad questionnaires, closed or full outputs, and their own bugs: a
//! clear one-line error and exit 2, never a panic (exit 101), never a replaced input.

#[path = "support/cli.rs"]
mod cli;

use cli::{Run, canvass, temp_dir};

fn no_panic(run: &Run, what: &str) {
    assert_ne!(run.status, 101, "{what} panicked:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{what}:\n{}", run.stderr);
}

const ONE_QUESTION: &str = r#"id = "x"
version = "1"
title = "X"

[[section]]
id = "s"
title = "S"

[[section.question]]
id = "q"
text = "Q"
type = "choice"
options = ["a", "b"]
"#;

#[test]
fn an_empty_language_list_is_a_finding() {
    let dir = temp_dir("empty-languages");
    let path = dir.join("questionnaire.toml");
    std::fs::write(
        &path,
        ONE_QUESTION.replace("title = \"X\"", "title = \"X\"\nlanguages = []"),
    )
    .unwrap();
    let run = canvass(&["check", path.to_str().unwrap()]);
    no_panic(&run, "check");
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("`languages` is empty"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_constant_rule_is_refused_by_check_and_never_reaches_a_reply() {
    let dir = temp_dir("constant-rule");
    let path = dir.join("questionnaire.toml");
    std::fs::write(
        &path,
        format!("{ONE_QUESTION}\n[[rule]]\nid = \"r\"\ncheck = \"false\"\nmessage = \"never\"\n"),
    )
    .unwrap();
    let reply = dir.join("reply.toml");
    std::fs::write(
        &reply,
        "questionnaire = \"x\"\nversion = \"1\"\n[s]\nq = \"a\"\n",
    )
    .unwrap();
    let run = canvass(&["check", path.to_str().unwrap()]);
    no_panic(&run, "check");
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("constant-expression"), "{}", run.stderr);
    let run = canvass(&[
        "validate",
        "-q",
        path.to_str().unwrap(),
        reply.to_str().unwrap(),
    ]);
    no_panic(&run, "validate");
    assert_eq!(run.status, 2, "{}", run.stdout);
}

#[test]
fn a_full_disk_is_one_line_and_exit_2() {
    for args in [
        &["compile", "res-16-2"][..],
        &["schema"],
        &["template", "res-16-2"],
        &["compile", "res-16-2", "-o", "/dev/full"],
    ] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_canvass"));
        command.args(args);
        if args.len() < 4 {
            command.stdout(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            );
        }
        let output = command.output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn compile_refuses_to_write_over_its_own_questionnaire() {
    let dir = temp_dir("compile-onto-input");
    let path = dir.join("questionnaire.toml");
    std::fs::write(&path, ONE_QUESTION).unwrap();
    let run = canvass(&[
        "compile",
        path.to_str().unwrap(),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is the questionnaire itself"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ONE_QUESTION);
    // Through another spelling of the same path, too.
    let other = dir
        .join("..")
        .join(dir.file_name().unwrap())
        .join("questionnaire.toml");
    let run = canvass(&[
        "compile",
        path.to_str().unwrap(),
        "-o",
        other.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ONE_QUESTION);
}

#[test]
fn compile_writes_a_whole_file_with_the_usual_permissions() {
    let dir = temp_dir("compile-output");
    let target = dir.join("x.schema.json");
    std::fs::write(&target, "old").unwrap();
    let run = canvass(&["compile", "res-16-2", "-o", target.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(
        written,
        std::fs::read_to_string("schemas/res-16-2.schema.json").unwrap()
    );
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let fresh = dir.join("fresh.schema.json");
        let run = canvass(&["compile", "res-16-2", "-o", fresh.to_str().unwrap()]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

#[test]
fn commands_take_a_questionnaire_id_as_well_as_a_path() {
    for args in [
        &["check", "res-16-2"][..],
        &[
            "compile",
            "res-16-2",
            "--check",
            "-o",
            "schemas/res-16-2.schema.json",
        ],
        &["template", "res-16-2"],
    ] {
        let run = canvass(args);
        assert_eq!(run.status, 0, "{args:?}: {}", run.stderr);
    }
}

#[test]
fn a_questionnaire_that_never_ends_is_refused_at_the_size_limit() {
    let run = canvass(&["check", "/dev/zero"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("over the limit"), "{}", run.stderr);
    let run = canvass(&[
        "validate",
        "-q",
        "/dev/zero",
        "tests/validate/valid/reply.toml",
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("over the limit"), "{}", run.stderr);
}

#[test]
fn a_reply_that_makes_canvass_panic_is_named_and_the_batch_goes_on() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args([
            "validate",
            "questionnaires/res-16-2/replies",
            "--format",
            "json",
        ])
        .env("CANVASS_PANIC_ON", "bra.toml")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let replies = report["replies"].as_array().unwrap();
    assert_eq!(replies.len(), 7, "every reply is still reported");
    let failed: Vec<&serde_json::Value> = replies
        .iter()
        .filter(|r| r["findings"][0]["code"] == "internal-error")
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["file"].as_str().unwrap().ends_with("bra.toml"));
    assert_eq!(report["summary"]["internal_errors"], 1);
    assert!(
        replies
            .iter()
            .any(|r| r["file"].as_str().unwrap().ends_with("phl.toml")
                && r["findings"].as_array().unwrap().len() == 4)
    );
}

#[test]
fn a_language_the_questionnaire_lacks_is_exit_2_with_or_without_q() {
    for args in [
        &[
            "validate",
            "--lang",
            "xx",
            "questionnaires/res-16-2/replies",
        ][..],
        &[
            "validate",
            "-q",
            "res-16-2",
            "--lang",
            "xx",
            "questionnaires/res-16-2/replies",
        ],
        &["template", "res-16-2", "--lang", "xx"],
    ] {
        let run = canvass(args);
        assert_eq!(run.status, 2, "{args:?}");
        assert!(
            run.stderr
                .contains("is not available in `xx`; its languages are en, fr"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn template_comments_escape_hidden_characters_and_stay_comments() {
    let dir = temp_dir("template-tricks");
    let path = dir.join("questionnaire.toml");
    // Bidirectional marks pass `check` with a warning (Arabic text may need them).
    let questionnaire = ONE_QUESTION
        .replace(
            "text = \"Q\"",
            "text = \"Q \\u202eright\"\nhelp = \"\"\"first line\nsecond line \\u202e\"\"\"",
        )
        .replace(
            "options = [\"a\", \"b\"]",
            "options = [{ value = \"a\", label = \"A\\u200fB\" }, \"b\"]",
        );
    std::fs::write(&path, &questionnaire).unwrap();
    let run = canvass(&["template", path.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let hidden: Vec<char> = run
        .stdout
        .chars()
        .filter(|&c| {
            c != '\n'
                && (c.is_control()
                    || ('\u{200b}'..='\u{200f}').contains(&c)
                    || ('\u{202a}'..='\u{202e}').contains(&c))
        })
        .collect();
    assert_eq!(hidden, vec![], "{}", run.stdout);
    assert!(run.stdout.contains(r"Q \u{202e}right"), "{}", run.stdout);
    // Every line of a multi-line help is a comment: the template is still TOML.
    assert!(
        run.stdout.contains("#   second line \\u{202e}"),
        "{}",
        run.stdout
    );
    toml::from_str::<toml::Table>(&run.stdout).expect("the template is TOML");
    // A control character (a terminal escape, a bell, a line end inside a label) is refused
    // by `check`, so no template, page or table is ever written from it.
    for control in ["\\u001b[2J", "\\u0007", "\\r"] {
        let with = questionnaire.replace("right", control);
        std::fs::write(&path, &with).unwrap();
        let run = canvass(&["template", path.to_str().unwrap()]);
        assert_eq!(run.status, 2, "{control}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{control}: {}", run.stdout);
        assert!(
            run.stderr.contains("a control character") && !run.stderr.contains('\u{1b}'),
            "{control}: {}",
            run.stderr
        );
    }
}

#[test]
fn replies_that_pick_their_questionnaires_are_counted_per_questionnaire() {
    let dir = temp_dir("two-questionnaires");
    let here = std::env::current_dir().unwrap();
    for (id, from) in [
        ("res-16-2", "questionnaires/res-16-2/questionnaire.toml"),
        ("demo", "tests/validate/questionnaire.toml"),
    ] {
        std::fs::create_dir_all(dir.join("questionnaires").join(id)).unwrap();
        std::fs::copy(
            here.join(from),
            dir.join("questionnaires")
                .join(id)
                .join("questionnaire.toml"),
        )
        .unwrap();
    }
    std::fs::copy(
        here.join("questionnaires/res-16-2/replies/aut.toml"),
        dir.join("aut.toml"),
    )
    .unwrap();
    std::fs::copy(
        here.join("tests/validate/valid/reply.toml"),
        dir.join("demo.toml"),
    )
    .unwrap();
    let run = |format: &str| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
            .args(["validate", "aut.toml", "demo.toml", "--format", format])
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stdout).unwrap()
    };
    let human = run("human");
    assert!(
        human.contains("aut.toml (AUT): valid (res-16-2 version 2009-1)"),
        "{human}"
    );
    assert!(
        human.contains("demo.toml: valid (demo version 1)"),
        "{human}"
    );
    assert!(
        human.ends_with("by questionnaire: demo version 1: 1, res-16-2 version 2009-1: 1\n"),
        "{human}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(
        json["summary"]["questionnaires"],
        serde_json::json!([
            { "id": "demo", "version": "1", "replies": 1 },
            { "id": "res-16-2", "version": "2009-1", "replies": 1 },
        ])
    );
    assert_eq!(
        json["replies"][1]["questionnaire"],
        serde_json::json!({ "id": "demo", "version": "1" })
    );
}
