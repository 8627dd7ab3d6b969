//! What keeps a collection usable across canvass versions: its questionnaire is re-checked
//! from the TOML it pinned (never rebuilt from compiled schema bytes, which a newer compiler
//! would write differently), and versions stored before findings were data get their
//! findings as data by judging their bytes again.
//!
//! The verdict a version was receipted with (valid, counts, the words in `report`) is never
//! changed: the findings added here explain it, in any language, and nothing else.

use super::service::Collection;
use super::store::{Pinned, Store};
use super::{Stage, at_stage, findings_json};
use crate::batch::ReplyReport;
use crate::judge::{Judge, Questionnaires};
use crate::questionnaire::model::Questionnaire;
use crate::reply::Format;
use crate::source::SourceFile;
use crate::validate::Validator;

/// The collection's questionnaire, checked again from its TOML by this canvass.
pub fn validator(store: &dyn Collection) -> Result<Validator, String> {
    validator_of(&store.pinned()?)
}

/// A pinned questionnaire as a validator, checked again from its TOML by this canvass.
pub fn validator_of(pinned: &Pinned) -> Result<Validator, String> {
    Validator::new(questionnaire_of(pinned)?)
}

/// A pinned questionnaire, checked again from its TOML by this canvass: the one place a
/// collection's questionnaire is rebuilt.
pub fn questionnaire_of(pinned: &Pinned) -> Result<Questionnaire, String> {
    let checked = crate::check::check(&pinned.toml);
    let Some(questionnaire) = checked.questionnaire else {
        let errors = checked.findings.iter().filter(|f| f.is_error()).count();
        return Err(format!(
            "the collection's questionnaire ({} version {}) no longer checks with this canvass \
             ({errors} errors); nothing was changed. Run `canvass check` on its TOML \
             (`canvass intake export`-ed collections keep their replies readable)",
            pinned.id, pinned.version
        ));
    };
    Ok(questionnaire)
}

/// Whether a finding is of a kind canvass gained after it began to keep findings as data:
/// a version stored before then was receipted by a canvass that could not give it, so it is
/// no part of that version's verdict (a rule not checked because it reads a code was, then,
/// passed).
fn added_since_findings_were_data(finding: &crate::findings::Finding) -> bool {
    const ADDED: &[&str] = &["rule-not-checked", "rule-not-checked-in-row"];
    matches!(&finding.message, crate::findings::words::Text::Message { id, .. } if ADDED.contains(&id.as_ref()))
}

/// Give every version whose findings are kept only as words its findings as data, judged
/// again from its bytes at its stage, in one transaction. Returns how many were given.
pub fn findings_as_data(store: &Store, v: &Validator) -> Result<usize, String> {
    let pending = store.without_findings()?;
    if pending.is_empty() {
        return Ok(0);
    }
    let judge = Judge::new(Questionnaires::Fixed(v));
    store.transaction(|| {
        for version in &pending {
            let id = version.id;
            let format = Format::named(&version.format);
            let stage = Stage::named(&version.stage);
            let judgement = judge.judge(format!("#{id}"), version.bytes.clone(), Some(format));
            let report = ReplyReport::new(SourceFile::new("", ""), judgement.findings);
            let mut findings = at_stage(report, stage).findings;
            findings.retain(|f| !added_since_findings_were_data(f));
            store.set_findings(id, &findings_json(&findings))?;
        }
        Ok(pending.len())
    })
}
