//! A reply's fingerprint: its true size and SHA-256, computed as its bytes stream past, so a
//! reply too large to keep is still told from any other by what was received, not by what
//! was kept. Nothing here reads a file or decides what is kept.

use sha2::{Digest, Sha256};

/// The size and SHA-256 of a reply as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, in lower-case hex.
    pub sha256: String,
}

impl Fingerprint {
    /// The fingerprint of bytes held whole.
    pub fn of(bytes: &[u8]) -> Self {
        let mut streaming = Streaming::default();
        streaming.update(bytes);
        streaming.finish()
    }
}

/// A fingerprint taken piece by piece, in flat memory.
#[derive(Default)]
pub struct Streaming {
    hasher: Sha256,
    size: u64,
}

impl Streaming {
    /// The next piece of the reply.
    pub fn update(&mut self, piece: &[u8]) {
        self.hasher.update(piece);
        self.size += piece.len() as u64;
    }

    /// The whole reply has passed.
    pub fn finish(self) -> Fingerprint {
        let digest = self.hasher.finalize();
        let mut sha256 = String::with_capacity(64);
        for b in digest {
            sha256.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            sha256.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
        }
        Fingerprint {
            size: self.size,
            sha256,
        }
    }

    /// Read the rest of `reader` into the fingerprint, a buffer at a time.
    pub fn read_rest(&mut self, reader: &mut impl std::io::Read) -> std::io::Result<()> {
        std::io::copy(reader, self).map(drop)
    }
}

/// Bytes written to a fingerprint are taken into it (so `std::io::copy` can feed it).
impl std::io::Write for Streaming {
    fn write(&mut self, piece: &[u8]) -> std::io::Result<usize> {
        self.update(piece);
        Ok(piece.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_in_pieces_is_the_fingerprint_of_the_whole() {
        let whole = Fingerprint::of(b"hello world");
        assert_eq!(
            whole.sha256,
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
        assert_eq!(whole.size, 11);
        let mut pieces = Streaming::default();
        pieces.update(b"hello");
        pieces
            .read_rest(&mut std::io::Cursor::new(b" world"))
            .unwrap();
        assert_eq!(pieces.finish(), whole);
    }
}
