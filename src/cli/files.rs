//! Reading questionnaires from disk, and finding one by id under `questionnaires/`.

use std::path::{Path, PathBuf};

use canvass::check::{Checked, check_with};
use canvass::expr::parser::Limits;
use canvass::findings::human::{Style, render};
use canvass::questionnaire::model::Questionnaire;
use canvass::source::SourceFile;

/// Largest questionnaire file read: far above any real one, small enough to be safe.
const MAX_QUESTIONNAIRE_BYTES: u64 = 64 << 20;

pub fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    let metadata =
        std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if metadata.len() > limit {
        return Err(format!(
            "{} is {} bytes, over the limit of {limit}",
            path.display(),
            metadata.len()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not valid UTF-8 (byte {} is not part of a UTF-8 character)",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

static EXPRESSION_LIMITS: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();

/// The expression limits given on the command line, for every questionnaire this run loads.
pub fn set_expression_limits(limits: Limits) {
    let _ = EXPRESSION_LIMITS.set(limits);
}

/// Load and check a questionnaire file, returning the source and the check result.
pub fn check_file(path: &Path) -> Result<(SourceFile, Checked), String> {
    let text = read_text(path, MAX_QUESTIONNAIRE_BYTES)?;
    let checked = check_with(&text, EXPRESSION_LIMITS.get().copied().unwrap_or_default());
    Ok((SourceFile::new(path.display().to_string(), text), checked))
}

/// A questionnaire that passes `check`, or an error with its rendered findings.
pub fn load_questionnaire(path: &Path) -> Result<Questionnaire, String> {
    let (file, checked) = check_file(path)?;
    if let Some(q) = checked.questionnaire {
        Ok(q)
    } else {
        let errors: Vec<_> = checked
            .findings
            .into_iter()
            .filter(canvass::findings::Finding::is_error)
            .collect();
        Err(format!(
            "questionnaire {} has errors; run `canvass check` on it\n{}",
            path.display(),
            render(
                &errors,
                &file,
                Style {
                    color: super::use_color(),
                    width: 100
                }
            )
        ))
    }
}

/// `res-16-2` → `questionnaires/res-16-2/questionnaire.toml`; a path is taken as it is.
pub fn resolve(name: &str) -> PathBuf {
    let path = PathBuf::from(name);
    if path.exists()
        || name.contains('/')
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return path;
    }
    questionnaire_path(name)
}

/// Where the questionnaire with this id lives: `questionnaires/<id>/questionnaire.toml`.
pub fn questionnaire_path(id: &str) -> PathBuf {
    Path::new("questionnaires")
        .join(id)
        .join("questionnaire.toml")
}
