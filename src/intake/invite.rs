//! The secret links respondents reply through: a random 256-bit token per link, shown once
//! (in the link) and kept only as its SHA-256, so neither the collection file nor a log can
//! give a link away. The server finds a respondent by hashing the token it is given.

use base64::Engine;

/// A new token and its SHA-256 (hex): the token goes in the link, the hash in the collection.
pub fn new_token() -> Result<(String, String), String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness to make a link: {e}"))?;
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = token_hash(&token);
    Ok((token, hash))
}

/// The SHA-256 (hex) a token is kept and looked up by.
pub fn token_hash(token: &str) -> String {
    super::sha256_hex(token.as_bytes())
}

/// Whether `token` has the shape of one canvass makes (43 URL-safe base64 characters): any
/// other is refused before the collection is asked.
pub fn plausible(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A respondent's link under `base` (`https://survey.example.org`).
pub fn link(base: &str, token: &str) -> String {
    format!("{}/r/{token}", base.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_plausible_and_kept_only_as_their_hash() {
        let (a, ha) = new_token().unwrap();
        let (b, hb) = new_token().unwrap();
        assert_ne!(a, b);
        assert!(plausible(&a) && plausible(&b), "{a} {b}");
        assert_eq!(ha, token_hash(&a));
        assert_eq!(ha.len(), 64);
        assert_ne!(ha, hb);
        assert!(!plausible("../../etc/passwd"));
        assert!(!plausible(&format!("{a}=")));
        assert_eq!(link("https://x.org/", &a), format!("https://x.org/r/{a}"));
    }
}
