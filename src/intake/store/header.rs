//! What can be told of a collection file before SQLite opens it, and what to say when SQLite
//! cannot: a file cut short, a file that is not SQLite, a folder the reader may not write to
//! are each said as what they are, never all as "not a canvass collection".
//!
//! Nothing here writes to the file.

use std::io::Read;
use std::path::Path;

/// The first bytes of every SQLite database.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuse, before SQLite sees it, a file that is not a canvass collection or is cut short.
pub(super) fn check(path: &Path, name: &str, len: u64) -> Result<(), String> {
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    let read = header.len();
    if read == 0 {
        return Err(format!(
            "{name} is empty: not a canvass collection; it was left as it was"
        ));
    }
    if !MAGIC.starts_with(&header[..read.min(16)]) {
        return Err(format!(
            "{name} is not a canvass collection; it was left as it was"
        ));
    }
    let cut = |have: u64, want: u64| {
        format!(
            "{name} is cut short: it holds {have} bytes of the {want} its own header counts (a copy or a transfer that did not finish?); it was left as it was — use a whole copy"
        )
    };
    if read < 100 {
        return Err(cut(len, 100));
    }
    if i32::from_be_bytes([header[68], header[69], header[70], header[71]]) != super::APPLICATION_ID
    {
        return Err(format!(
            "{name} is not a canvass collection; it was left as it was"
        ));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // The page count in the header is valid only when the two change counters agree. While
    // a write-ahead log is beside the file, a checkpoint may be copying pages into it: the
    // header then counts pages the file is still growing to hold, and SQLite (which knows
    // the log) is the judge.
    let counted = header[24..28] == header[92..96];
    let mut log = path.as_os_str().to_owned();
    log.push("-wal");
    let checkpointing = Path::new(&log).exists();
    if counted && !checkpointing && len < pages * page_size {
        return Err(cut(len, pages * page_size));
    }
    Ok(())
}

/// What to say when SQLite cannot open or read a file that looked like a collection.
pub(super) fn cannot_open(name: &str, e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
            format!(
                "cannot read {name}: to read a collection while others add to it, SQLite keeps \
                 two files beside it ({name}-wal and {name}-shm), and they cannot be made or \
                 opened there ({e}); ask for write access to its folder, or read a copy"
            )
        }
        Some(ErrorCode::DatabaseCorrupt) => {
            format!("{name} is damaged ({e}); it was left as it was — use a whole copy")
        }
        Some(ErrorCode::NotADatabase) => {
            format!("{name} is not a canvass collection; it was left as it was")
        }
        _ => format!("cannot open {name}: {e}"),
    }
}
