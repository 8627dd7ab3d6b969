//! `canvass compile`.

use std::path::Path;
use std::process::ExitCode;

use canvass::compile::{compile, to_pretty_string};

pub fn run(name: &str, output: Option<&Path>, check: bool) -> Result<ExitCode, String> {
    let path = &super::files::resolve(name);
    if let Some(target) = output
        && !check
        && super::files::same_file(path, target)
    {
        return Err(format!(
            "-o {} is the questionnaire itself: writing the schema there would replace it",
            target.display()
        ));
    }
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
        Some(target) => super::files::write_atomically(target, &text)?,
        None => super::files::write_stdout(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}
