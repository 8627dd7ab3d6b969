//! Text answers: patterns and e-mail addresses.

use regex::Regex;

/// Compile a questionnaire `pattern` so it must match the whole answer. Uses the regex
/// crate (finite automata, linear time) with a size limit, so a hostile pattern can
/// neither backtrack forever nor eat memory. The error is one line, for a finding.
pub fn compile_pattern(pattern: &str) -> Result<Regex, String> {
    regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
        .size_limit(1 << 20)
        .nest_limit(64)
        .build()
        .map_err(|e| match e {
            regex::Error::Syntax(text) => text
                .lines()
                .rev()
                .find_map(|l| l.strip_prefix("error: "))
                .unwrap_or("syntax error")
                .to_string(),
            regex::Error::CompiledTooBig(_) => "the pattern is too large".to_string(),
            other => other.to_string(),
        })
}

/// An e-mail address as the `email_address` crate reads RFC 5321/5322 (so `a@x..org` and
/// control characters are refused), of at most 254 characters (what a mail server takes),
/// with a domain name of at least two parts (no `user@localhost`, no `[127.0.0.1]`), and
/// without display text (`Name <a@b.org>` is not an address).
pub fn is_email(text: &str) -> bool {
    plain_email(text) || is_email_by_the_rules(text)
}

/// The addresses nearly every reply gives (`person@example.org`: ASCII letters, digits,
/// `.`, `_`, `+`, `-`), judged without the general parser, which copies the text. Only
/// ever says yes to an address the general rules accept (a property test holds it).
fn plain_email(text: &str) -> bool {
    // Read as bytes: every byte allowed here is ASCII, so the parts are split where the
    // text's `@` and `.` are, without searching it as characters.
    let bytes = text.as_bytes();
    let Some(at) = bytes.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&bytes[..at], &bytes[at + 1..]);
    let atom = |part: &[u8], extra: &[u8]| {
        !part.is_empty()
            && part
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || extra.contains(b))
    };
    let label = |label: &[u8]| {
        label.len() <= 63
            && atom(label, b"-")
            && label.first() != Some(&b'-')
            && label.last() != Some(&b'-')
    };
    bytes.len() <= 254
        && local.len() <= 64
        && local.split(|&b| b == b'.').all(|part| atom(part, b"_+-"))
        && domain.contains(&b'.')
        && domain.split(|&b| b == b'.').all(label)
}

/// [`is_email`] by the `email_address` crate's parser.
fn is_email_by_the_rules(text: &str) -> bool {
    let options = email_address::Options::default()
        .with_minimum_sub_domains(2)
        .without_domain_literal()
        .without_display_text();
    text.len() <= 254
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && email_address::EmailAddress::parse_with_options(text, options).is_ok()
}

/// The first control character in a text answer, if any. Line ends and tabs are how
/// people write several lines; every other control character (NUL, ESC, DEL, C1) is
/// something no form lets a respondent type.
pub fn control_character(text: &str) -> Option<char> {
    // Every answer of every valid reply comes through here: look at bytes first. A C0
    // control or DEL is one byte below 0x20 or 0x7F; a C1 control starts with 0xC2.
    let suspect =
        |b: &u8| (*b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || *b == 0x7f || *b == 0xc2;
    if !text.as_bytes().iter().any(suspect) {
        return None;
    }
    text.chars()
        .find(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_whole_answers() {
        let re = compile_pattern("[A-Z]{3}").unwrap();
        assert!(re.is_match("AUT"));
        assert!(!re.is_match("AUTX"));
        assert!(compile_pattern("(a").unwrap_err().contains("unclosed"));
        assert!(compile_pattern("(?=a)").is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// The shortcut only accepts what the rules accept.
        #[test]
        fn a_plain_address_is_an_address_by_the_rules(
            text in "[a-zA-Z0-9._+@é<> -]{0,3}[a-z.+_-]{0,6}@?[a-z0-9.-]{0,8}[.][a-z0-9-]{0,4}"
        ) {
            if plain_email(&text) {
                proptest::prop_assert!(is_email_by_the_rules(&text), "{}", text);
            }
        }
    }

    #[test]
    fn emails() {
        assert!(plain_email("focal.point@mfa.gov.at"));
        assert!(plain_email("person400+x_y@example-1.org"));
        for not_plain in [
            "a@localhost",
            "a..b@x.org",
            ".a@x.org",
            "a@-x.org",
            "é@x.org",
            "a@b@x.org",
        ] {
            assert!(!plain_email(not_plain), "{not_plain}");
        }
        assert!(is_email("focal.point@mfa.gov.at"));
        assert!(!is_email("focal.point@localhost"));
        assert!(!is_email("a b@x.org"));
        assert!(!is_email("a@x..org"));
        assert!(!is_email("a\u{1b}[2J@x.org"));
        assert!(!is_email("Name <a@x.org>"));
        assert!(!is_email(&format!("{}@x.org", "a".repeat(10 << 20))));
        assert!(is_email("o'brien+survey@example.co.uk"));
    }

    #[test]
    fn control_characters_but_line_ends_and_tabs() {
        assert_eq!(control_character("two\r\nlines\tand a tab"), None);
        assert_eq!(control_character("nul\0"), Some('\0'));
        assert_eq!(control_character("esc\u{1b}"), Some('\u{1b}'));
        assert_eq!(control_character("c1\u{85}"), Some('\u{85}'));
    }
}
