//! "Did you mean": the known name a misspelt one most likely stands for.

/// The known name closest to `name`, if it is close enough to be a likely misspelling.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    // No real name is this long: a hostile one is not compared with every known name.
    if name.len() > 256 {
        return None;
    }
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}
