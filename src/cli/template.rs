//! `canvass template`.

use std::path::Path;
use std::process::ExitCode;

use super::TemplateFormat;

pub fn run(
    name: &str,
    format: TemplateFormat,
    lang: Option<&str>,
    respondent: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode, String> {
    let questionnaire = super::files::load_questionnaire(&super::files::resolve(name))?;
    let lang = lang.unwrap_or(questionnaire.source_language()).to_string();
    super::files::available_in(&questionnaire, &lang)?;
    let bytes = match format {
        TemplateFormat::Toml => canvass::template::toml(&questionnaire, &lang).into_bytes(),
        TemplateFormat::Json => canvass::template::json(&questionnaire).into_bytes(),
        TemplateFormat::Xlsx => {
            if output.is_none() {
                return Err("a workbook is written to a file: give `-o FILE.xlsx`".into());
            }
            canvass::template::xlsx::xlsx(&questionnaire, &lang, respondent, None)?
        }
    };
    match output {
        // Whole or not at all: a template is never left half written.
        Some(path) => super::files::write_atomically(path, &bytes)?,
        None => super::files::write_stdout(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(ExitCode::SUCCESS)
}
