//! Reports in French: `validate --lang fr` words every finding, label, help, heading and
//! summary in French (the values quoted from the reply and the questionnaire's ids stay as
//! written), in the human report, the JSON report and the HTML page.

#[path = "support/cli.rs"]
mod cli;

use cli::canvass;

const SAMPLES: &str = "questionnaires/res-16-2/replies/";

/// English words canvass's own sentences use and French ones do not.
const ENGLISH: [&str; 25] = [
    "the", "is", "not", "expected", "answer", "but", "has", "required", "must", "allowed", "given",
    "which", "should", "than", "only", "when", "applies", "checked", "valid", "invalid", "errors",
    "warnings", "cannot", "with", "combined",
];

/// The words of `text` outside what it quotes (reply values, ids, expressions).
fn own_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut quote: Option<char> = None;
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '`' | '\'') && word.is_empty() => quote = Some(c),
            None if c.is_alphabetic() || c == '\'' => word.push(c),
            None => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    words
}

fn assert_french(what: &str, text: &str) {
    let english: Vec<String> = own_words(text)
        .into_iter()
        .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        .collect();
    assert!(
        english.is_empty(),
        "{what} has English words {english:?}: {text}"
    );
}

#[test]
fn the_json_report_in_french_has_not_one_english_sentence() {
    let run = canvass(&["validate", "--lang", "fr", "--format", "json", SAMPLES]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut checked = 0;
    for reply in report["replies"].as_array().unwrap() {
        for finding in reply["findings"].as_array().unwrap() {
            for field in ["message", "help", "text"] {
                if let Some(text) = finding[field].as_str() {
                    assert_french(field, text);
                    checked += 1;
                }
            }
            for related in finding["related"].as_array().into_iter().flatten() {
                assert_french("related", related["message"].as_str().unwrap());
            }
        }
    }
    assert!(checked > 40, "only {checked} texts checked");
}

#[test]
fn the_human_report_in_french_has_not_one_english_sentence() {
    let run = canvass(&["validate", "--lang", "fr", SAMPLES]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    // Lines of the reply itself (numbered, or under a span) are the respondent's words.
    let own = run.stdout.lines().filter(|line| {
        let t = line.trim_start();
        !(t.starts_with(|c: char| c.is_ascii_digit()) || t.starts_with('·') || t.starts_with('╭'))
    });
    for line in own {
        // The code and question id that head each finding are identifiers.
        let line = line.split_once(' ').map_or(
            line,
            |(first, rest)| {
                if first.contains('-') { rest } else { line }
            },
        );
        assert_french("a line of the human report", line);
    }
    assert!(
        run.stdout.contains(
            "7 réponses vérifiées : 2 valides, 5 non valides (34 erreurs, 3 avertissements)"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn the_page_in_french_says_its_language() {
    let run = canvass(&["validate", "--lang", "fr", "--format", "html", SAMPLES]);
    assert!(run.stdout.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(run.stdout.contains("<title>rapport canvass</title>"));
    assert!(run.stdout.contains("non valide"));
    let english = canvass(&["validate", "--format", "html", SAMPLES]);
    assert!(english.stdout.contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn french_findings_of_one_reply() {
    let run = canvass(&[
        "validate",
        "--lang",
        "fr",
        "questionnaires/res-16-2/replies/bra.toml",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

/// Findings made before any questionnaire is known (a reply over the size limit, a folder
/// entry that is not a file, a line of a stream over the limit) are in French too.
#[test]
fn findings_about_reading_are_in_french() {
    let dir = cli::temp_dir("french-reading");
    std::fs::write(dir.join("big.json"), " ".repeat(300)).unwrap();
    let fifo = dir.join("fifo.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let run = canvass(&[
        "validate",
        "-q",
        "res-16-2",
        "--lang",
        "fr",
        "--max-reply-bytes",
        "100",
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let messages: Vec<&str> = report["replies"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap())
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    for message in messages {
        assert_french("a finding about reading", message);
    }
}
