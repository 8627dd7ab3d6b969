//! The six UN languages: Arabic, Chinese and Russian word every finding as English, French
//! and Spanish do, and Arabic pages are right to left with every value isolated, so a
//! number or an id reads in its own direction inside an Arabic sentence.

#[path = "support/cli.rs"]
mod cli;

use cli::{canvass, temp_dir};

const SAMPLES: &str = "questionnaires/res-16-2/replies/";

/// res-16-2 as a questionnaire that also declares Chinese and Russian (its texts not yet
/// translated into them: they fall back to English, canvass's own words do not).
fn in_six_languages(dir: &std::path::Path) -> String {
    let text = std::fs::read_to_string("questionnaires/res-16-2/questionnaire.toml").unwrap();
    let text = text.replacen(
        "languages = [\"en\", \"fr\", \"ar\"]",
        "languages = [\"en\", \"fr\", \"ar\", \"zh\", \"ru\"]",
        1,
    );
    assert!(text.contains("\"zh\", \"ru\""));
    let path = dir.join("questionnaire.toml");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// Whether `text` holds a letter of the script `lang` is written in.
fn in_script(lang: &str, text: &str) -> bool {
    text.chars().any(|c| match lang {
        "ar" => ('\u{0600}'..='\u{06ff}').contains(&c),
        "zh" => ('\u{4e00}'..='\u{9fff}').contains(&c),
        "ru" => ('\u{0400}'..='\u{04ff}').contains(&c),
        _ => unreachable!(),
    })
}

#[test]
fn every_finding_is_worded_in_arabic_chinese_and_russian() {
    let dir = temp_dir("six-languages");
    let q = in_six_languages(dir.as_ref());
    for lang in ["ar", "zh", "ru"] {
        let run = canvass(&[
            "validate", "-q", &q, "--lang", lang, "--format", "json", SAMPLES,
        ]);
        assert_eq!(run.status, 1, "{}", run.stderr);
        let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let mut checked = 0;
        for reply in report["replies"].as_array().unwrap() {
            for f in reply["findings"].as_array().unwrap() {
                // A rule's message is the questionnaire's (in Arabic here, in English for
                // Chinese and Russian, which res-16-2 does not declare); its help is ours.
                let ours = if f["rule"].is_string() && lang != "ar" {
                    &f["help"]
                } else {
                    &f["message"]
                };
                let text = ours.as_str().unwrap();
                assert!(in_script(lang, text), "{lang}: {text}");
                if let Some(help) = f["help"].as_str() {
                    assert!(in_script(lang, help), "{lang} help: {help}");
                }
                checked += 1;
            }
        }
        assert!(checked > 20, "{lang}: only {checked} findings");
        // The summary at the end too.
        let human = canvass(&["validate", "-q", &q, "--lang", lang, SAMPLES]);
        let summary = human.stdout.lines().last().unwrap_or_default();
        assert!(in_script(lang, summary), "{lang}: {summary}");
    }
}

#[test]
fn one_reply_in_arabic_chinese_and_russian() {
    let dir = temp_dir("six-languages");
    let q = in_six_languages(dir.as_ref());
    for lang in ["ar", "zh", "ru"] {
        let run = canvass(&[
            "validate",
            "-q",
            &q,
            "--lang",
            lang,
            "questionnaires/res-16-2/replies/bra.toml",
        ]);
        assert_eq!(run.status, 1, "{}", run.stderr);
        insta::assert_snapshot!(format!("bra_in_{lang}"), run.stdout);
    }
}

#[test]
fn the_arabic_page_is_right_to_left_with_values_isolated() {
    let run = canvass(&[
        "validate",
        "--lang",
        "ar",
        "--format",
        "html",
        "questionnaires/res-16-2/replies/bra.toml",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let page = &run.stdout;
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    // "21 years is above the maximum of 18 years": both numbers isolated.
    assert!(
        page.contains("<p><bdi>21</bdi> سنة أكبر من الحد الأقصى <bdi>18</bdi> سنة</p>"),
        "{page}"
    );
    // The reply's file and respondent in the heading.
    assert!(
        page.contains("<h2><bdi>questionnaires/res-16-2/replies/bra.toml</bdi> (<bdi>BRA</bdi>)"),
        "{page}"
    );
    assert!(!page.contains(['\u{2068}', '\u{2069}']), "no mark left raw");
    assert_eq!(
        page.matches("<bdi>").count(),
        page.matches("</bdi>").count()
    );
    // The English page is as it was: no isolation inside sentences.
    let english = canvass(&[
        "validate",
        "--format",
        "html",
        "questionnaires/res-16-2/replies/bra.toml",
    ]);
    assert!(english.stdout.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        english
            .stdout
            .contains("<p>21 years is above the maximum of 18 years</p>")
    );
}

#[test]
fn isolation_marks_in_a_reply_are_shown_not_obeyed() {
    let dir = temp_dir("six-languages");
    let reply = dir.as_ref().join("hostile.toml");
    let text = std::fs::read_to_string("questionnaires/res-16-2/replies/aut.toml")
        .unwrap()
        .replacen(
            "email = \"",
            "email = \"\u{2069}</bdi><b>\u{2068}x\u{2069}\u{2069}",
            1,
        );
    std::fs::write(&reply, text).unwrap();
    let path = reply.to_str().unwrap();
    let run = canvass(&["validate", "--lang", "ar", "--format", "html", path]);
    let page = &run.stdout;
    assert!(
        page.contains("\\u{2069}&lt;/bdi&gt;&lt;b&gt;\\u{2068}x\\u{2069}\\u{2069}"),
        "{page}"
    );
    assert!(!page.contains("<b>"), "{page}");
    assert_eq!(
        page.matches("<bdi>").count(),
        page.matches("</bdi>").count()
    );
}

/// An Arabic workbook's sheets read right to left, as the spreadsheet program shows them.
#[test]
fn an_arabic_workbook_reads_right_to_left() {
    let dir = temp_dir("six-languages-xlsx");
    let book = dir.as_ref().join("ar.xlsx");
    let path = book.to_str().unwrap();
    let made = canvass(&[
        "template", "res-16-2", "--format", "xlsx", "--lang", "ar", "-o", path,
    ]);
    assert_eq!(made.status, 0, "{}", made.stderr);
    let english = dir.as_ref().join("en.xlsx");
    let made = canvass(&[
        "template",
        "res-16-2",
        "--format",
        "xlsx",
        "-o",
        english.to_str().unwrap(),
    ]);
    assert_eq!(made.status, 0, "{}", made.stderr);
    // openpyxl, as the workbook tests read what respondents' programs see.
    let read = |file: &str| {
        let out = std::process::Command::new("/usr/bin/python3")
            .args([
                "-c",
                "import openpyxl,sys\nb=openpyxl.load_workbook(sys.argv[1])\nprint(sorted({bool(s.sheet_view.rightToLeft) for s in b.worksheets if s.sheet_state == 'visible'}))",
                file,
            ])
            .output()
            .expect("python3 with openpyxl (.ci/test installs it)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    assert_eq!(read(path), "[True]", "every visible sheet right to left");
    assert_eq!(read(english.to_str().unwrap()), "[False]");
}
