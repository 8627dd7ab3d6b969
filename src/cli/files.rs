//! Reading questionnaires from disk, and finding one by id under `questionnaires/`.

use std::path::{Path, PathBuf};

use canvass::check::{Checked, check_with};
use canvass::expr::parser::Limits;
use canvass::findings::visible::visible;
use canvass::questionnaire::model::Questionnaire;
use canvass::report::human::{Style, render};
use canvass::source::SourceFile;

/// Largest questionnaire file read: far above any real one, small enough to be safe.
const MAX_QUESTIONNAIRE_BYTES: u64 = 64 << 20;

/// Read a whole text file of at most `limit` bytes. The limit is applied while reading, not
/// from the size the file claims: `/dev/urandom` or a FIFO claims none and never ends.
pub fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    let name = visible(&path.display().to_string()).into_owned();
    String::from_utf8(read_bytes(path, limit)?).map_err(|e| {
        format!(
            "{name} is not valid UTF-8 (byte {} is not part of a UTF-8 character)",
            e.utf8_error().valid_up_to()
        )
    })
}

/// A file's bytes, at most `limit`.
fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let name = visible(&path.display().to_string()).into_owned();
    let cannot = |e: std::io::Error| format!("cannot read {name}: {e}");
    let file = std::fs::File::open(path).map_err(cannot)?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(format!("{name} is a folder, not a file"));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(format!("{name} is over the limit of {limit} bytes"));
    }
    Ok(bytes)
}

/// Write to standard output; a closed pipe or a full disk is an error to report in one
/// line, not a panic (`print!` panics on both).
pub fn write_stdout(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// Write a file whole or not at all: into a temporary file in the same folder, flushed to
/// disk, then renamed over the target. A failure (a full disk) leaves the old file as it
/// was, and a reader never sees half a file.
pub fn write_atomically(path: &Path, text: impl AsRef<[u8]>) -> Result<(), String> {
    use std::io::Write;
    let text = text.as_ref();
    let name = visible(&path.display().to_string()).into_owned();
    let cannot = |e: std::io::Error| format!("cannot write {name}: {e}");
    // A device or a pipe (`-o /dev/stdout`) is written to, never replaced by a file.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(cannot)?;
        return out
            .write_all(text)
            .and_then(|()| out.flush())
            .map_err(cannot);
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".canvass-")
        .tempfile_in(folder)
        .map_err(cannot)?;
    // The temporary file is private (0600); the file it becomes keeps the old file's
    // permissions, or gets the usual ones for a new file.
    let permissions = match std::fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(cannot)?;
    }
    temp.write_all(text).map_err(cannot)?;
    temp.as_file().sync_all().map_err(cannot)?;
    temp.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // the same signature as elsewhere
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere a new file keeps what the temporary file was given.
#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Whether two paths name the same existing file (through links and `..` alike).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

static EXPRESSION_LIMITS: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();

/// The expression limits given on the command line, for every questionnaire this run loads.
pub fn set_expression_limits(limits: Limits) {
    let _ = EXPRESSION_LIMITS.set(limits);
}

/// Load and check a questionnaire file, returning the source and the check result.
pub fn check_file(path: &Path) -> Result<(SourceFile, Checked), String> {
    let name = path.display().to_string();
    let text = match String::from_utf8(read_bytes(path, MAX_QUESTIONNAIRE_BYTES)?) {
        Ok(text) => text,
        // Not text: one `syntax` finding at the first bad byte, reported in every format
        // (a SARIF consumer gets a log saying so, not an empty output).
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bad = e.as_bytes()[at];
            let finding = canvass::findings::Finding::error(
                canvass::findings::Code::Syntax,
                format!(
                    "the file is not valid UTF-8: byte 0x{bad:02X} at offset {at} is not part of a UTF-8 character"
                ),
                canvass::findings::Anchor::Span(at..at + 1),
            )
            .with_label("not UTF-8")
            .with_help("save the questionnaire as UTF-8 (a UTF-16 or Latin-1 file must be converted)");
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let checked = Checked {
                questionnaire: None,
                findings: vec![finding],
            };
            return Ok((SourceFile::new(name, text), checked));
        }
    };
    let checked = check_with(&text, EXPRESSION_LIMITS.get().copied().unwrap_or_default());
    Ok((SourceFile::new(name, text), checked))
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
            visible(&path.display().to_string()),
            render(
                &errors,
                &file,
                Style {
                    color: super::use_color(),
                    width: 100,
                    lang: "en",
                }
            )
        ))
    }
}

/// Whether the questionnaire is written in `lang`; the error names the languages it has.
pub fn available_in(q: &Questionnaire, lang: &str) -> Result<(), String> {
    if q.languages.iter().any(|l| l == lang) {
        return Ok(());
    }
    Err(format!(
        "questionnaire `{}` is not available in `{}`; its languages are {}",
        q.id,
        visible(lang),
        q.languages.join(", ")
    ))
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
