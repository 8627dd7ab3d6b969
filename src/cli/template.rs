//! `canvass template`.

use std::process::ExitCode;

use super::TemplateFormat;

pub fn run(name: &str, format: TemplateFormat, lang: Option<&str>) -> Result<ExitCode, String> {
    let questionnaire = super::files::load_questionnaire(&super::files::resolve(name))?;
    let lang = lang.unwrap_or(questionnaire.source_language()).to_string();
    super::files::available_in(&questionnaire, &lang)?;
    match format {
        TemplateFormat::Toml => {
            super::files::write_stdout(&canvass::template::toml(&questionnaire, &lang))?;
        }
        TemplateFormat::Json => {
            super::files::write_stdout(&canvass::template::json(&questionnaire))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
