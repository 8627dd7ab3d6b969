//! The compact tree read straight from the bytes, for the text most replies are: strings
//! without escapes, numbers, `true`, `false`, `null`, arrays and objects within the depth
//! limit. One pass, no visitor calls, nothing allocated but the arena's slices.
//!
//! It reads only what it is sure of, and gives up on anything else: a backslash escape,
//! a control character, any fault. The reading through `serde_json` ([`super::Reader`])
//! then decides, so this never refuses a text on its own, and what it accepts it must
//! read exactly as `serde_json` does (the property tests in `super` hold it to that).

use bumpalo::Bump;

use super::{Compact, Json, Member, Number, has_duplicate};
use crate::reply::view::ReplyValue;

/// Read `text` as one JSON value, or `None` to leave it to `serde_json`.
pub(super) fn scan<'a>(text: &'a str, arena: &'a Bump, max_depth: usize) -> Option<Compact<'a>> {
    let mut items = Vec::with_capacity(64);
    let mut members = Vec::with_capacity(64);
    let mut scan = Scan {
        text,
        at: 0,
        arena,
        items: &mut items,
        members: &mut members,
        may_misjudge: false,
        max_depth,
    };
    scan.skip_space();
    let root = scan.value(0)?;
    scan.skip_space();
    (scan.at == text.len()).then_some(Compact {
        root,
        may_misjudge: scan.may_misjudge,
    })
}

/// What a byte is to the loops that skip white space and read strings, as flags.
const SPACE: u8 = 1;
/// A quote, a backslash or a control character: a string's end, or what the scan leaves.
const STOP: u8 = 2;

const KIND: [u8; 256] = {
    let mut kind = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        kind[b] = STOP;
        b += 1;
    }
    kind[b'"' as usize] = STOP;
    kind[b'\\' as usize] = STOP;
    kind[b' ' as usize] = SPACE;
    kind[b'\n' as usize] |= SPACE;
    kind[b'\r' as usize] |= SPACE;
    kind[b'\t' as usize] |= SPACE;
    kind
};

struct Scan<'s, 'a> {
    text: &'a str,
    /// The next byte to read.
    at: usize,
    arena: &'a Bump,
    /// Children of the containers still open, copied into the arena as each closes.
    items: &'s mut Vec<Json<'a>>,
    members: &'s mut Vec<Member<'a>>,
    may_misjudge: bool,
    max_depth: usize,
}

impl<'a> Scan<'_, 'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// JSON's four white-space bytes, and nothing else. (The loops here keep the text and
    /// the position in locals: through `&mut self` they would be loaded again per byte.)
    fn skip_space(&mut self) {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        while at < bytes.len() && KIND[usize::from(bytes[at])] & SPACE != 0 {
            at += 1;
        }
        self.at = at;
    }

    /// Step over `byte`, which must come next.
    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn value(&mut self, depth: usize) -> Option<Json<'a>> {
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(Json::String),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'n' => self.word("null", Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn word(&mut self, word: &str, value: Json<'a>) -> Option<Json<'a>> {
        self.text[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            value
        })
    }

    /// A string without escapes, borrowed from the text (its quotes are ASCII, so the
    /// slice between them is whole characters).
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let start = self.at;
        let bytes = self.text.as_bytes();
        let mut end = start;
        while end < bytes.len() && KIND[usize::from(bytes[end])] & STOP == 0 {
            end += 1;
        }
        // The closing quote, or a backslash, a control character or the end: given up.
        if bytes.get(end) != Some(&b'"') {
            return None;
        }
        self.at = end + 1;
        self.text.get(start..end)
    }

    /// A number as `serde_json` reads it with arbitrary precision: an integer that fits
    /// 64 bits as one; anything else as its text, where an exponent is written `e`, with
    /// its sign (`1E5` is `1e+5`).
    fn number(&mut self) -> Option<Json<'a>> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |from: usize| {
            from + bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let negative = bytes[start] == b'-';
        let mut at = start + usize::from(negative);
        match bytes.get(at)? {
            // One leading zero only.
            b'0' if bytes.get(at + 1).is_some_and(u8::is_ascii_digit) => return None,
            b'0' => at += 1,
            b'1'..=b'9' => at = digits(at),
            _ => return None,
        }
        let mut integer = true;
        if bytes.get(at) == Some(&b'.') {
            let end = digits(at + 1);
            if end == at + 1 {
                return None;
            }
            (at, integer) = (end, false);
        }
        let mut exponent = None;
        if let Some(b'e' | b'E') = bytes.get(at) {
            let signed = matches!(bytes.get(at + 1), Some(b'+' | b'-'));
            let from = at + 1 + usize::from(signed);
            let end = digits(from);
            if end == from {
                return None;
            }
            exponent = Some((at, signed));
            at = end;
        }
        self.at = at;
        let text = &self.text[start..at];
        let number = match exponent {
            Some((e, signed)) => {
                let sign = if signed { "" } else { "+" };
                let written = format!("{}e{sign}{}", &self.text[start..e], &self.text[e + 1..at]);
                Number::Text(self.arena.alloc_str(&written))
            }
            None if !integer => Number::Text(text),
            None if negative => match text.parse::<i64>() {
                Ok(n) if text != "-0" => Number::NegInt(n),
                _ => Number::Text(text),
            },
            None => text
                .parse::<u64>()
                .map_or(Number::Text(text), Number::PosInt),
        };
        let json = Json::Number(number);
        if !ReplyValue::judged_by_f64(&json) {
            self.may_misjudge = true;
        }
        Some(json)
    }

    fn array(&mut self, depth: usize) -> Option<Json<'a>> {
        if depth >= self.max_depth {
            return None;
        }
        self.expect(b'[')?;
        let base = self.items.len();
        self.skip_space();
        if self.peek()? == b']' {
            self.at += 1;
        } else {
            loop {
                let item = self.value(depth + 1)?;
                self.items.push(item);
                self.skip_space();
                match self.peek()? {
                    b',' => self.at += 1,
                    b']' => break self.at += 1,
                    _ => return None,
                }
                self.skip_space();
            }
        }
        let items = self.arena.alloc_slice_copy(&self.items[base..]);
        self.items.truncate(base);
        Some(Json::Array(items))
    }

    fn object(&mut self, depth: usize) -> Option<Json<'a>> {
        if depth >= self.max_depth {
            return None;
        }
        self.expect(b'{')?;
        let base = self.members.len();
        self.skip_space();
        if self.peek()? == b'}' {
            self.at += 1;
        } else {
            loop {
                let key = self.string()?;
                self.skip_space();
                self.expect(b':')?;
                self.skip_space();
                let value = self.value(depth + 1)?;
                self.members.push(Member { key, value });
                self.skip_space();
                match self.peek()? {
                    b',' => self.at += 1,
                    b'}' => break self.at += 1,
                    _ => return None,
                }
                self.skip_space();
            }
        }
        if has_duplicate(&self.members[base..]) {
            return None;
        }
        let members = self.arena.alloc_slice_copy(&self.members[base..]);
        self.members.truncate(base);
        Some(Json::Object(members))
    }
}
