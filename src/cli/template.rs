//! `canvass template`.

use std::path::Path;
use std::process::ExitCode;

use super::TemplateFormat;

pub fn run(
    name: &str,
    format: TemplateFormat,
    lang: Option<&str>,
    (respondent, prefill): (Option<&str>, Option<&Path>),
    output: Option<&Path>,
) -> Result<ExitCode, String> {
    if prefill.is_some() && (format != TemplateFormat::Xlsx || respondent.is_none()) {
        return Err("`--prefill` writes a respondent's reply into a workbook: give `--format xlsx` and `--respondent ID`".into());
    }
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
            let reply = match (prefill, respondent) {
                (Some(db), Some(who)) => Some(latest_accepted(db, who, &questionnaire)?),
                _ => None,
            };
            canvass::template::xlsx::xlsx(&questionnaire, &lang, respondent, reply.as_ref())?
        }
    };
    match output {
        // Whole or not at all: a template is never left half written.
        Some(path) => super::files::write_atomically(path, &bytes)?,
        None => super::files::write_stdout(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The latest accepted reply of `who` in the collection `db`, as a reply value.
fn latest_accepted(
    db: &Path,
    who: &str,
    q: &canvass::questionnaire::model::Questionnaire,
) -> Result<serde_json::Value, String> {
    use canvass::intake::service::Collection as _;
    let store = canvass::intake::service::SqliteCollection::new(
        canvass::intake::store::Store::open(db, false)?,
    );
    let mut found = None;
    store.replies(canvass::intake::store::Which::LatestAccepted, &mut |r| {
        if r.respondent == who {
            found = Some(canvass::intake::export::reply_value(&r, q)?);
        }
        Ok(())
    })?;
    found.ok_or_else(|| {
        format!(
            "{} has no accepted reply in {} to prefill the workbook with",
            canvass::findings::visible::visible(who),
            canvass::findings::visible::visible(&db.display().to_string())
        )
    })
}
