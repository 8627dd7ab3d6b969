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

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
/// Deliberately simple: the aim is to catch typing slips, not to parse RFC 5322.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
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

    #[test]
    fn emails() {
        assert!(is_email("focal.point@mfa.gov.at"));
        assert!(!is_email("focal.point@localhost"));
        assert!(!is_email("a b@x.org"));
    }
}
