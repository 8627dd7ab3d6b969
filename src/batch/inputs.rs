//! Finding the replies of a batch: files, folders (recursively, sorted), `.ndjson` streams
//! and standard input, handed on in batches in the order they were given.
//!
//! Nothing here reads a reply file (the worker that validates it does); streams are read
//! line by line, each line at most the reply size limit, so memory stays flat.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::budget::{Budget, Ticket};
use super::fingerprint::{Fingerprint, Streaming};

/// A reply to validate, before it is read.
pub enum Input {
    /// A file, read by the worker that validates it.
    File(PathBuf),
    /// A line of a `.ndjson` stream (or of standard input): JSON whatever it looks like.
    Line { name: String, bytes: Vec<u8> },
    /// A path that could not be read at all (exit 2).
    Unreadable { name: String, why: String },
    /// A folder entry that is not read: a link out of the folder, a FIFO, a device.
    /// `why` is the id of the words that say why.
    Skipped { name: String, why: &'static str },
    /// A line of a stream longer than the size limit: not kept, but fingerprinted when the
    /// batch keeps bytes (the collection tells one such reply from another by it).
    TooLarge {
        name: String,
        fingerprint: Option<Fingerprint>,
    },
}

/// An input with its share of the batch's byte budget, when the batch keeps bytes.
pub struct Job {
    pub input: Input,
    pub ticket: Option<Ticket>,
}

impl Input {
    /// The bytes a worker will hold for it: a file's size (up to one byte over the limit,
    /// as far as it is read), a line's length.
    fn weight(&self, max: usize) -> u64 {
        match self {
            Input::File(path) => std::fs::metadata(path)
                .map_or(0, |m| m.len())
                .min(max as u64 + 1),
            Input::Line { bytes, .. } => bytes.len() as u64,
            _ => 0,
        }
    }

    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Line { name, .. }
            | Input::Unreadable { name, .. }
            | Input::Skipped { name, .. }
            | Input::TooLarge { name, .. } => name.clone(),
        }
    }
}

/// Replies found, handed to the workers in batches: one message per reply would cost
/// more in locks and wake-ups than validating it.
pub struct Batches {
    queue: mpsc::SyncSender<(usize, Vec<Job>)>,
    batch: Vec<Job>,
    seq: usize,
    /// `--follow-links`.
    follow_links: bool,
    /// Folders entered through links, so a loop of links is entered once.
    visited: Vec<PathBuf>,
    /// The longest line of a stream that is read (`--max-reply-bytes`).
    max_line_bytes: usize,
    /// The workers are gone (the report's reader closed it): stop reading.
    closed: bool,
    /// Read a stream's over-limit line to its end for its fingerprint (the collection keeps
    /// it); otherwise it is said at once, and skipped.
    fingerprint_over_limit: bool,
    /// The bound on bytes held at once, when the batch keeps them.
    budget: Option<Budget>,
}

impl Batches {
    const SIZE: usize = 64;

    pub fn new(
        queue: mpsc::SyncSender<(usize, Vec<Job>)>,
        follow_links: bool,
        max_line_bytes: usize,
        budget: Option<Budget>,
    ) -> Self {
        Self {
            queue,
            batch: Vec::new(),
            seq: 0,
            follow_links,
            visited: Vec::new(),
            max_line_bytes,
            closed: false,
            // Only a batch that keeps bytes has use for an over-limit reply's fingerprint.
            fingerprint_over_limit: budget.is_some(),
            budget,
        }
    }

    fn push(&mut self, input: Input) {
        let ticket = self.budget.clone().map(|budget| {
            let weight = input.weight(self.max_line_bytes);
            budget.try_take(weight).unwrap_or_else(|| {
                // Hand on what is gathered before waiting: it holds budget too, and only
                // its being judged and let go can free some.
                self.flush();
                budget.take(weight)
            })
        });
        self.batch.push(Job { input, ticket });
        if self.batch.len() == Self::SIZE {
            self.flush();
        }
    }

    /// Hand over what is gathered (a stream does this after every line).
    pub fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let batch = std::mem::take(&mut self.batch);
        let len = batch.len();
        // A closed queue means the writer stopped: nothing more to do.
        if self.queue.send((self.seq, batch)).is_err() {
            self.closed = true;
        }
        self.seq += len;
    }
}

/// Bytes read from a stream at a time.
const STREAM_BUFFER: usize = 1 << 16;

/// Collect replies from a path: a file, a folder (recursively, sorted), `-`, or `.ndjson`.
pub fn gather(path: &Path, inputs: &mut Batches) {
    if path == Path::new("-") {
        let stdin = std::io::BufReader::with_capacity(STREAM_BUFFER, std::io::stdin().lock());
        read_lines("-", stdin, inputs, true);
        return;
    }
    let name = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            inputs.push(Input::Unreadable {
                name,
                why: e.to_string(),
            });
            return;
        }
    };
    if metadata.is_dir() {
        gather_folder(path, name, inputs);
        return;
    }
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ndjson"))
    {
        match std::fs::File::open(path) {
            Ok(file) => read_lines(
                &name,
                std::io::BufReader::with_capacity(STREAM_BUFFER, file),
                inputs,
                false,
            ),
            Err(e) => inputs.push(Input::Unreadable {
                name,
                why: e.to_string(),
            }),
        }
        return;
    }
    inputs.push(Input::File(path.to_path_buf()));
}
/// A name's key in the order people number names: runs of digits compare as numbers (`2`
/// before `10`, `007` beside `7`), the rest byte by byte; names that tie so (`7` and `007`)
/// fall back to their bytes, so the order is total. Keys compare as bytes, so a folder of
/// 10,000 replies is sorted with one key made per name rather than the order worked out
/// again in every comparison (the tests hold the keys to that order, written out).
///
/// The key is the name with each digit run written as `0`, its length without leading
/// zeros (four bytes, most significant first), and those digits; then a zero byte, which no
/// name holds, and the name's own bytes. A digit run's `0` stands where its first digit
/// stood, so against any other byte it compares as a digit does.
fn natural_key(name: &std::ffi::OsStr) -> Vec<u8> {
    let bytes = name.as_encoded_bytes();
    let mut key = Vec::with_capacity(2 * bytes.len() + 8);
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            key.push(bytes[at]);
            at += 1;
            continue;
        }
        let end = bytes[at..]
            .iter()
            .position(|c| !c.is_ascii_digit())
            .map_or(bytes.len(), |n| at + n);
        let zeros = bytes[at..end].iter().take_while(|c| **c == b'0').count();
        let digits = &bytes[at + zeros.min(end - at - 1)..end];
        key.push(b'0');
        key.extend_from_slice(
            &u32::try_from(digits.len())
                .unwrap_or(u32::MAX)
                .to_be_bytes(),
        );
        key.extend_from_slice(digits);
        at = end;
    }
    key.push(0);
    key.extend_from_slice(bytes);
    key
}

/// The replies in a folder, sorted by name (numbers as numbers), recursively. The file type comes with the
/// directory entry, so listing 10,000 replies costs no `stat` each. Only regular files
/// are read: a FIFO would hang the run and a device never ends, so both are skipped with
/// a finding, and so is a symbolic link that leads out of the folder (a reply folder
/// holding a link to a key file must not put that file in a report), unless
/// `--follow-links`. Links to folders are followed only with `--follow-links`, each
/// folder once, so a loop cannot hang the run.
fn gather_folder(path: &Path, name: String, inputs: &mut Batches) {
    let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    gather_entries(path, name, &root, inputs);
}

fn gather_entries(path: &Path, name: String, root: &Path, inputs: &mut Batches) {
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            inputs.push(Input::Unreadable {
                name,
                why: e.to_string(),
            });
            return;
        }
    };
    let mut entries: Vec<(std::ffi::OsString, PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name(), e.path(), e.file_type().ok()))
        .collect();
    // The way people number files: `aut-2.toml` before `aut-10.toml` (the order versions of
    // one respondent are stored in). The entries share their folder, so their names alone
    // decide.
    entries.sort_by_cached_key(|entry| natural_key(&entry.0));
    for (file_name, entry, file_type) in entries {
        let Some(file_type) = file_type else { continue };
        // Judged by the entry's own name: the same as its path's last part, without
        // taking the path apart again for each of 10,000 replies.
        let is_reply = has_reply_extension(Path::new(&file_name));
        if file_type.is_dir() {
            let name = entry.display().to_string();
            gather_entries(&entry, name, root, inputs);
        } else if file_type.is_symlink() {
            gather_link(entry, is_reply, root, inputs);
        } else if !file_type.is_file() {
            if is_reply {
                skip(&entry, "skipped-not-a-file", inputs);
            }
        } else if is_reply {
            take_file(entry, inputs);
        }
    }
}

/// A symbolic link in a reply folder.
fn gather_link(entry: PathBuf, is_reply: bool, root: &Path, inputs: &mut Batches) {
    let resolved = std::fs::canonicalize(&entry).and_then(|t| Ok((t, std::fs::metadata(&entry)?)));
    let (target, metadata) = match resolved {
        Ok(resolved) => resolved,
        // A link to nothing, or a loop of links: a reply that cannot be read.
        Err(e) => {
            if is_reply {
                inputs.push(Input::Unreadable {
                    name: entry.display().to_string(),
                    why: e.to_string(),
                });
            }
            return;
        }
    };
    let inside = target.starts_with(root);
    if metadata.is_dir() {
        if inputs.follow_links && !inputs.visited.contains(&target) {
            inputs.visited.push(target);
            let name = entry.display().to_string();
            gather_entries(&entry, name, root, inputs);
        }
        return;
    }
    if !is_reply {
        return;
    }
    if !inside && !inputs.follow_links {
        skip(&entry, "skipped-link-out", inputs);
    } else if !metadata.is_file() {
        skip(&entry, "skipped-link-not-a-file", inputs);
    } else {
        take_file(entry, inputs);
    }
}

fn has_reply_extension(path: &Path) -> bool {
    let extension = path.extension().unwrap_or_default();
    // `~$chl.xlsx` is the lock file Excel keeps beside a workbook it has open, not a reply.
    let lock = path
        .file_name()
        .is_some_and(|n| n.as_encoded_bytes().starts_with(b"~$"));
    ["toml", "json", "ndjson", "xlsx", "xlsm"]
        .iter()
        .any(|e| extension.eq_ignore_ascii_case(e))
        && !lock
}

fn take_file(entry: PathBuf, inputs: &mut Batches) {
    if entry
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ndjson"))
    {
        gather(&entry, inputs);
    } else {
        inputs.push(Input::File(entry));
    }
}

/// `why` is the id of the words that say why the entry is skipped.
fn skip(entry: &Path, why: &'static str, inputs: &mut Batches) {
    inputs.push(Input::Skipped {
        name: entry.display().to_string(),
        why,
    });
}

/// The replies of a stream, one JSON reply per line. A line is read up to the size limit
/// and no further: a longer one is reported as too large as soon as it passes the limit,
/// and the rest of it is skipped up to the next line end, so an endless line
/// (`cat /dev/zero`) runs in flat memory. Reading stops when the report's reader is gone.
fn read_lines<R: std::io::Read>(
    name: &str,
    mut reader: std::io::BufReader<R>,
    inputs: &mut Batches,
    stream: bool,
) {
    let max = inputs.max_line_bytes;
    let mut number = 0;
    let mut line = Vec::new();
    loop {
        if inputs.closed {
            return;
        }
        line.clear();
        let read = read_line_within(&mut reader, max, &mut line, || inputs.closed);
        let (over, to_skip) = match read {
            Ok(LineEnd::Eof) => break,
            Ok(LineEnd::Read) => (false, false),
            Ok(LineEnd::OverLimit) => (true, true),
            Ok(LineEnd::OverLimitEnded) => (true, false),
            Err(e) => {
                let name = format!("{name}:{}", number + 1);
                inputs.push(Input::Unreadable {
                    name,
                    why: e.to_string(),
                });
                break;
            }
        };
        number += 1;
        let name = format!("{name}:{number}");
        if over {
            if inputs.fingerprint_over_limit {
                // Its fingerprint needs its end: the line end itself is not part of it.
                let mut fingerprint = Streaming::default();
                let ended = line.last() == Some(&b'\n');
                fingerprint.update(line.strip_suffix(b"\n").unwrap_or(&line));
                let skipped = if to_skip && !ended {
                    skip_line(
                        &mut reader,
                        || inputs.closed,
                        |piece| {
                            fingerprint.update(piece);
                        },
                    )
                } else {
                    Ok(())
                };
                inputs.push(Input::TooLarge {
                    name,
                    fingerprint: Some(fingerprint.finish()),
                });
                inputs.flush();
                if skipped.is_err() {
                    break;
                }
                continue;
            }
            inputs.push(Input::TooLarge {
                name,
                fingerprint: None,
            });
            // Said at once: the rest of the line may take long to arrive, or never end.
            inputs.flush();
            if to_skip && skip_line(&mut reader, || inputs.closed, |_| {}).is_err() {
                break;
            }
            continue;
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        inputs.push(Input::Line {
            name,
            bytes: std::mem::take(&mut line),
        });
        // Standard input may be a pipe that waits for this line's answer: hand over what
        // is gathered whenever the next line is not already here. A file, or a pipe that
        // is ahead of us, still goes in batches.
        if stream && reader.buffer().is_empty() {
            inputs.flush();
        }
    }
}

enum LineEnd {
    Read,
    /// The line is longer than the limit, and the rest of it is still to be skipped.
    OverLimit,
    /// The line is longer than the limit, and it was read to its end.
    OverLimitEnded,
    /// The end of the stream, or the report's reader is gone.
    Eof,
}

/// The reader's buffer, refilled when empty; a read interrupted by a signal is tried again.
/// (After a read that succeeded, the second `fill_buf` hands back what it buffered; at
/// the end of the stream it asks once more and gets nothing again.)
fn fill(reader: &mut impl BufRead) -> std::io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    reader.fill_buf()
}

/// Read one line into `line` (its end included), if it is at most `max` bytes long.
fn read_line_within(
    reader: &mut impl BufRead,
    max: usize,
    line: &mut Vec<u8>,
    closed: impl Fn() -> bool,
) -> std::io::Result<LineEnd> {
    loop {
        let buffer = fill(reader)?;
        if buffer.is_empty() {
            return Ok(if line.is_empty() {
                LineEnd::Eof
            } else {
                LineEnd::Read
            });
        }
        let newline = memchr::memchr(b'\n', buffer);
        let take = newline.map_or(buffer.len(), |at| at + 1);
        // The line end itself does not count against the limit.
        if line.len() + newline.unwrap_or(buffer.len()) > max {
            // Kept for the line's fingerprint: at most one buffer over the limit.
            line.extend_from_slice(&buffer[..take]);
            reader.consume(take);
            return Ok(if newline.is_some() {
                LineEnd::OverLimitEnded
            } else {
                LineEnd::OverLimit
            });
        }
        line.extend_from_slice(&buffer[..take]);
        reader.consume(take);
        if newline.is_some() {
            return Ok(LineEnd::Read);
        }
        if closed() {
            return Ok(LineEnd::Eof);
        }
    }
}

/// Skip the rest of a line, keeping nothing of it; `seen` is shown each piece skipped
/// (the line end excluded).
fn skip_line(
    reader: &mut impl BufRead,
    closed: impl Fn() -> bool,
    mut seen: impl FnMut(&[u8]),
) -> std::io::Result<()> {
    loop {
        let buffer = fill(reader)?;
        if buffer.is_empty() {
            return Ok(());
        }
        if let Some(at) = memchr::memchr(b'\n', buffer) {
            seen(&buffer[..at]);
            reader.consume(at + 1);
            return Ok(());
        }
        seen(buffer);
        let all = buffer.len();
        reader.consume(all);
        if closed() {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::natural_key;

    /// The order of names as canvass sorts them.
    fn natural(a: &std::ffi::OsStr, b: &std::ffi::OsStr) -> std::cmp::Ordering {
        natural_key(a).cmp(&natural_key(b))
    }

    /// The order written out as a comparison: what the shared start of two names says is
    /// nothing; where they part, two digit runs compare as numbers, anything else as bytes;
    /// a name that ends first comes first, and a tie falls back to the bytes.
    fn compared(a: &std::ffi::OsStr, b: &std::ffi::OsStr) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let (x, y) = (a.as_encoded_bytes(), b.as_encoded_bytes());
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            if x[i].is_ascii_digit() && y[j].is_ascii_digit() {
                let run = |s: &[u8], from: usize| {
                    let end = s[from..]
                        .iter()
                        .position(|c| !c.is_ascii_digit())
                        .map_or(s.len(), |n| from + n);
                    let zeros = s[from..end].iter().take_while(|c| **c == b'0').count();
                    (from + zeros.min(end - from - 1), end)
                };
                let ((xs, xe), (ys, ye)) = (run(x, i), run(y, j));
                let (xd, yd) = (&x[xs..xe], &y[ys..ye]);
                let order = xd.len().cmp(&yd.len()).then_with(|| xd.cmp(yd));
                if order != Ordering::Equal {
                    return order;
                }
                (i, j) = (xe, ye);
            } else {
                match x[i].cmp(&y[j]) {
                    Ordering::Equal => (i, j) = (i + 1, j + 1),
                    order => return order,
                }
            }
        }
        (x.len() - i).cmp(&(y.len() - j)).then_with(|| x.cmp(y))
    }

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<&std::ffi::OsStr> = names.iter().map(std::ffi::OsStr::new).collect();
        names.sort_by(|a, b| natural(a, b));
        names
            .iter()
            .map(|n| n.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn files_come_in_the_order_people_number_them() {
        assert_eq!(
            sorted(&[
                "aut-10.toml",
                "aut-2.toml",
                "aut-1.toml",
                "aut.toml",
                "bra-1.toml"
            ]),
            [
                "aut-1.toml",
                "aut-2.toml",
                "aut-10.toml",
                "aut.toml",
                "bra-1.toml"
            ]
        );
        // Zero-padded numbers keep their order; a tie on value falls back to the bytes.
        assert_eq!(
            sorted(&["r-010.json", "r-009.json", "r-10.json", "r-9.json"]),
            ["r-009.json", "r-9.json", "r-010.json", "r-10.json"]
        );
        // Digits longer than any integer type still compare.
        assert_eq!(
            sorted(&["v99999999999999999999999", "v100000000000000000000000"]),
            ["v99999999999999999999999", "v100000000000000000000000"]
        );
        assert_eq!(sorted(&["b", "a1", "a"]), ["a", "a1", "b"]);
        // Names that part inside a number compare the whole number.
        assert_eq!(sorted(&["r-19", "r-2"]), ["r-2", "r-19"]);
        assert_eq!(sorted(&["r-0010", "r-009"]), ["r-009", "r-0010"]);
        assert_eq!(sorted(&["a1b", "a12"]), ["a1b", "a12"]);
    }

    /// The order by segments, written the slow way: split each name into runs of digits
    /// and of other bytes, compare run by run (digit runs by value), then by the bytes.
    fn by_segments(a: &str, b: &str) -> std::cmp::Ordering {
        fn segments(s: &str) -> Vec<(bool, String)> {
            let mut out: Vec<(bool, String)> = Vec::new();
            for c in s.chars() {
                let digit = c.is_ascii_digit();
                match out.last_mut() {
                    Some((d, run)) if *d && digit => run.push(c),
                    _ => out.push((digit, c.to_string())),
                }
            }
            out
        }
        let value = |run: &str| {
            let run = run.trim_start_matches('0');
            (run.len(), run.to_owned())
        };
        let (x, y) = (segments(a), segments(b));
        for ((xd, xr), (yd, yr)) in x.iter().zip(&y) {
            let order = if *xd && *yd {
                value(xr).cmp(&value(yr))
            } else {
                xr.as_bytes().cmp(yr.as_bytes())
            };
            if order.is_ne() {
                return order;
            }
        }
        let rest =
            |s: &[(bool, String)], n: usize| s[n..].iter().map(|(_, r)| r.len()).sum::<usize>();
        let n = x.len().min(y.len());
        rest(&x, n).cmp(&rest(&y, n)).then_with(|| a.cmp(b))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn the_order_is_the_order_by_segments(a in "[ab0-2]{0,8}", b in "[ab0-2]{0,8}") {
            let order = natural(std::ffi::OsStr::new(&a), std::ffi::OsStr::new(&b));
            proptest::prop_assert_eq!(order, by_segments(&a, &b), "{} vs {}", a, b);
            proptest::prop_assert_eq!(order.reverse(), natural(std::ffi::OsStr::new(&b), std::ffi::OsStr::new(&a)));
        }

        /// The keys sort as the comparison written out does, with bytes below, between and
        /// above the digits, long digit runs and leading zeros.
        #[test]
        fn the_keys_sort_as_the_comparison_does(
            a in "[ -/0-9:a\u{e9}]{0,10}|[0-9]{20,30}x",
            b in "[ -/0-9:a\u{e9}]{0,10}|[0-9]{20,30}x",
        ) {
            let (a, b) = (std::ffi::OsStr::new(&a), std::ffi::OsStr::new(&b));
            proptest::prop_assert_eq!(natural(a, b), compared(a, b), "{:?} vs {:?}", a, b);
        }
    }
}
