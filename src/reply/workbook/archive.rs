//! The archive a workbook is, looked at before anything in it is unpacked: a zip bomb, a
//! workbook with macros, a shared-strings table that declares more strings than it could
//! hold — each is refused here, from the archive's directory and a few bytes, so that the
//! reader (calamine) only ever unpacks a bounded amount.
//!
//! The zip reader refuses to unpack an entry past the size its directory declares, so the
//! declared sizes bound what reading can cost. This module reads; it words nothing.

use std::io::{Cursor, Read};

use super::Unreadable;
use crate::reply::Limits;

/// Most entries an `.xlsx` archive may hold (a template has about twenty).
const MOST_ENTRIES: usize = 10_000;

/// How many bytes unpacked a workbook may be: four times the reply size limit (64 MiB by
/// default), far above any questionnaire's workbook and below what memory can take.
pub(super) fn unpacked_limit(limits: &Limits) -> u64 {
    u64::try_from(limits.max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_mul(4)
}

/// Refuse an archive that is not a zip, holds macros, or would unpack to more than the
/// limit.
pub(super) fn check(bytes: &[u8], limits: &Limits) -> Result<(), Unreadable> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Unreadable::NotAWorkbook(e.to_string()))?;
    if zip.len() > MOST_ENTRIES {
        return Err(Unreadable::NotAWorkbook(format!(
            "the archive holds {} parts, more than the {MOST_ENTRIES} a workbook may",
            zip.len()
        )));
    }
    let limit = unpacked_limit(limits);
    let mut unpacked: u64 = 0;
    let mut strings = None;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| Unreadable::NotAWorkbook(e.to_string()))?;
        let raw_name = entry
            .name()
            .map_err(|e| Unreadable::NotAWorkbook(e.to_string()))?
            .into_owned();
        let name = raw_name.to_ascii_lowercase();
        if name.ends_with("vbaproject.bin") || name.contains("macrosheets/") {
            return Err(Unreadable::Macros);
        }
        if entry.encrypted() {
            return Err(Unreadable::NotAWorkbook(
                "a part of the archive is encrypted".into(),
            ));
        }
        unpacked = unpacked.saturating_add(entry.size());
        if name.ends_with("sharedstrings.xml") {
            strings = Some((raw_name.clone(), entry.size()));
        }
    }
    if unpacked > limit {
        return Err(Unreadable::TooLarge { unpacked, limit });
    }
    if let Some((name, size)) = strings {
        // calamine holds every shared string in memory: they may take no more than a reply.
        let most = u64::try_from(limits.max_bytes).unwrap_or(u64::MAX);
        if size > most {
            return Err(Unreadable::NotAWorkbook(format!(
                "its shared strings take {size} bytes unpacked, more than the {most} a reply may"
            )));
        }
        check_strings(&mut zip, &name, size)?;
    }
    Ok(())
}

/// The shared-strings table makes room for the number of strings it declares before it reads
/// them: a declaration of more than its bytes could hold (each string takes at least
/// `<si></si>`) is refused.
fn check_strings(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    size: u64,
) -> Result<(), Unreadable> {
    let mut head = Vec::with_capacity(4096);
    zip.by_name(name)
        .map_err(|e| Unreadable::NotAWorkbook(e.to_string()))?
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| Unreadable::NotAWorkbook(e.to_string()))?;
    let head = String::from_utf8_lossy(&head);
    let attr = "uniqueCount=\"";
    let declared = head.find(attr).map(|at| {
        let at = at + attr.len();
        let digits: String = head[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse::<u64>().unwrap_or(u64::MAX)
    });
    match declared {
        Some(n) if n > size / 9 + 1 => Err(Unreadable::NotAWorkbook(format!(
            "its shared strings declare {n} strings in {size} bytes"
        ))),
        _ => Ok(()),
    }
}
