//! `canvass compile`.

use std::path::Path;
use std::process::ExitCode;

use canvass::compile::{compile, to_pretty_string};

pub fn run(path: &Path, output: Option<&Path>, check: bool) -> Result<ExitCode, String> {
    let questionnaire = super::files::load_questionnaire(path)?;
    let text = to_pretty_string(&compile(&questionnaire));
    if check {
        let target = output.map_or_else(
            || Path::new("schemas").join(format!("{}.schema.json", questionnaire.id)),
            Path::to_path_buf,
        );
        let on_disk = std::fs::read_to_string(&target).unwrap_or_default();
        if on_disk == text {
            eprintln!("{} is up to date", target.display());
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "{} is out of date: run `canvass compile {} -o {}`",
            target.display(),
            path.display(),
            target.display()
        );
        return Ok(ExitCode::from(1));
    }
    match output {
        Some(target) => std::fs::write(target, text)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
