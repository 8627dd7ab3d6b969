//! A respondent's versions read from a collection, oldest first, each with its findings as
//! data and reviewers' explanations given to them: what `intake history`, `intake explain`
//! and the secretariat's pages of `canvass serve` show. It reads; it never writes.

use std::path::Path;

use crate::findings::Finding;
use crate::findings::visible::visible;
use crate::intake::store::{HistoryVersion, Store};

/// A respondent's versions, oldest first, with each one's findings as data (reviewers'
/// explanations given to them).
pub struct Sent {
    pub id: String,
    pub store: Store,
    pub versions: Vec<HistoryVersion>,
    pub findings: Vec<Vec<Finding>>,
}

/// What `respondent` sent: refused when it is no respondent id or sent nothing.
pub fn sent(db: &Path, respondent: &str, write: bool) -> Result<Sent, String> {
    let Some(id) = crate::intake::respondent_id(respondent) else {
        return Err(format!("{} is not a respondent id", visible(respondent)));
    };
    let store = Store::open(db, write)?;
    let versions = store.history(&id)?;
    if versions.is_empty() {
        return Err(format!("{} has sent no reply", visible(&id)));
    }
    let recorded = store.explanations(&id)?;
    let findings = versions
        .iter()
        .map(|v| {
            let mut f = stored_findings(db, &id, v.version, v.findings.as_deref())?;
            crate::intake::explain::apply(&mut f, &recorded, v.version);
            Ok(f)
        })
        .collect::<Result<_, String>>()?;
    Ok(Sent {
        id,
        store,
        versions,
        findings,
    })
}

/// A stored version's findings as data; refused when an older canvass kept them only as
/// words (`intake upgrade` gives them as data) or they do not read.
pub fn stored_findings(
    db: &Path,
    respondent: &str,
    version: i64,
    data: Option<&str>,
) -> Result<Vec<Finding>, String> {
    let who = visible(respondent);
    let Some(data) = data else {
        return Err(format!(
            "version {version} of {who} was stored by an older canvass, which kept its findings \
             only as words; run `canvass intake upgrade --db {}` once",
            visible(&db.display().to_string())
        ));
    };
    serde_json::from_str(data)
        .map_err(|e| format!("version {version} of {who}: its findings do not read: {e}"))
}

/// A version's state as `status` names it.
pub fn state(v: &HistoryVersion) -> &'static str {
    if v.accepted {
        "accepted"
    } else if v.stage == "draft" {
        "draft"
    } else {
        "invalid"
    }
}
