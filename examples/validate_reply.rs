//! Validate one reply through canvass's public API alone, as a front end would:
//!
//! ```sh
//! cargo run --example validate_reply -- questionnaires/res-16-2/questionnaire.toml \
//!     questionnaires/res-16-2/replies/bra.toml fr
//! ```
//!
//! Prints who replied, then each finding as `code question place message`, worded in the
//! language given last (the questionnaire's own without it): findings are data, worded only
//! here. Exits 1 when the reply is invalid, 2 when the questionnaire does not check or a
//! file cannot be read.

use std::process::ExitCode;

use canvass::{Judge, Place, Questionnaires, check_questionnaire};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (questionnaire, reply, lang) = match args.as_slice() {
        [q, r] => (q, r, None),
        [q, r, lang] => (q, r, Some(lang.as_str())),
        _ => {
            eprintln!("usage: validate_reply QUESTIONNAIRE.toml REPLY [LANG]");
            return ExitCode::from(2);
        }
    };
    let (Ok(toml), Ok(bytes)) = (std::fs::read_to_string(questionnaire), std::fs::read(reply))
    else {
        eprintln!("cannot read {} or {}", shown(questionnaire), shown(reply));
        return ExitCode::from(2);
    };
    let checked = match check_questionnaire(&toml) {
        Ok(checked) => checked,
        Err(findings) => {
            for f in findings {
                let message = f.message.word("en");
                eprintln!(
                    "{}: {} {}",
                    shown(questionnaire),
                    f.code.as_str(),
                    shown(&message)
                );
            }
            return ExitCode::from(2);
        }
    };
    let judge = Judge::new(Questionnaires::Fixed(&checked.validator));
    let judgement = judge.judge(reply.as_str(), bytes, None);
    let lang = lang.unwrap_or(&judgement.lang);
    let who = judgement.respondent.as_deref().unwrap_or("unidentified");
    println!("{}: from {}", shown(reply), shown(who));
    for f in &judgement.findings {
        let place = match &f.at.place {
            Place::Span(span) => {
                let text = &judgement.file.text;
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!("{line}:{column}")
            }
            Place::Cell { sheet, cell } => format!("{sheet}!{cell}"),
            Place::Whole => "-".to_string(),
        };
        let question = f.question.as_deref().unwrap_or("-");
        println!(
            "  {} {} {} {}",
            f.code.as_str(),
            shown(question),
            shown(&place),
            shown(&f.message.word(lang))
        );
    }
    if judgement.findings.iter().any(canvass::Finding::is_error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Text from a reply is hostile: control characters are written escaped, never raw.
fn shown(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}
