//! One reply as a batch hands it on: the file (its text kept only when findings need it),
//! the questionnaire that judged it, its respondent, its findings as data, and the counts.
//! The printers (`crate::report`) word it; this module only holds it.

use crate::findings::{Code, Finding, count};
use crate::judge::JudgedBy;
use crate::source::SourceFile;

/// The outcome for one reply.
#[derive(Debug, Clone)]
pub struct ReplyReport {
    pub file: SourceFile,
    /// The questionnaire the reply was validated against, if one was found.
    pub questionnaire: Option<JudgedBy>,
    /// Who sent it: the answer the questionnaire's `respondent` names, as written.
    pub respondent: Option<String>,
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
    /// Why the file could not be read at all (then `findings` is empty).
    pub unreadable: Option<String>,
    /// Whether canvass failed on this reply (an `internal-error` finding).
    pub internal_error: bool,
    /// The language canvass's own words about it are in (headings, labels).
    pub lang: &'static str,
    /// The language its findings are worded in: the one asked for, or the questionnaire's.
    pub findings_lang: String,
}

impl ReplyReport {
    pub fn new(file: SourceFile, findings: Vec<Finding>) -> Self {
        let (errors, warnings) = count(&findings);
        let internal_error = findings.iter().any(|f| f.code == Code::InternalError);
        Self {
            file,
            internal_error,
            questionnaire: None,
            respondent: None,
            findings,
            errors,
            warnings,
            unreadable: None,
            lang: "en",
            findings_lang: "en".to_string(),
        }
    }

    pub fn unreadable(name: &str, why: &str) -> Self {
        let mut report = Self::new(SourceFile::new(name, String::new()), Vec::new());
        report.unreadable = Some(why.to_string());
        report
    }

    pub fn valid(&self) -> bool {
        self.unreadable.is_none() && self.errors == 0
    }
}
