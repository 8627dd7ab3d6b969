//! `canvass check`.

use std::path::Path;
use std::process::ExitCode;

use canvass::findings::count;
use canvass::findings::human::{Style, render};

pub fn run(path: &Path, deny_warnings: bool) -> Result<ExitCode, String> {
    let (file, checked) = super::files::check_file(path)?;
    let style = Style {
        color: super::use_color(),
        width: 100,
        lang: "en",
    };
    let (errors, warnings) = count(&checked.findings);
    let report = format!(
        "{}{}: {errors} error{}, {warnings} warning{}\n",
        render(&checked.findings, &file, style),
        canvass::findings::visible::visible(&file.name),
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    // `eprint!` panics when standard error is closed; the verdict is the exit status.
    let _ = std::io::Write::write_all(&mut std::io::stderr(), report.as_bytes());
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
