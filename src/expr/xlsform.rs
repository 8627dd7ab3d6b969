//! Hints for authors who write `XLSForm` expressions (the form language of ODK and the
//! tools built on it): its spellings are errors here, and the error says what canvass writes
//! instead (a lone `=` is the parser's own message). Only hints; it never changes what an
//! expression means.

/// A hint for the first `XLSForm` spelling found in an expression that failed, if any.
pub fn hint(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .collect();
    let has_word = |w: &str| words.contains(&w);
    if let Some(start) = text.find("${") {
        // Name the question: `${age}` is written `age`.
        let name = text[start + 2..].split('}').next().filter(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        });
        return Some(match name {
            Some(name) => format!(
                "XLSForm's `${{{name}}}` is written `{name}` (or `section.{name}` for a question of another section)"
            ),
            None => {
                "XLSForm's `${q}` is written `q` (or `section.q` for a question of another section)"
                    .to_string()
            }
        });
    }
    let hint = if text.contains("count-selected(") {
        "XLSForm's `count-selected(m)` is written `size(m)`"
    } else if text.contains("selected(") {
        "XLSForm's `selected(m, 'x')` is written `'x' in m`"
    } else if has_word("and") || has_word("or") {
        "XLSForm's `and` and `or` are written `&&` and `||`"
    } else if text.contains("not(") {
        "XLSForm's `not(a)` is written `!a`"
    } else {
        return None;
    };
    Some(hint.to_string())
}

#[cfg(test)]
mod tests {
    use super::hint;

    #[test]
    fn xlsform_spellings_get_canvass_spellings() {
        let said = |t: &str| hint(t).unwrap_or_default();
        assert_eq!(
            said("${age} > 18"),
            "XLSForm's `${age}` is written `age` (or `section.age` for a question of another section)"
        );
        assert!(said("selected(${offences}, 'other')").contains("is written `offences`"));
        assert!(said("${} > 1").contains("`q`"));
        assert!(said("selected(offences, 'other')").contains("'x' in m"));
        assert!(said("count-selected(offences) > 1").contains("size(m)"));
        assert!(said("age > 18 and law == 'yes'").contains("&&"));
        assert!(said("not(law == 'yes')").contains("!a"));
        assert_eq!(hint("law == 'yes' && age >= 18"), None);
        // A lone `=` is already explained by the parser's own message.
        assert_eq!(hint("law = 'yes'"), None);
    }
}
