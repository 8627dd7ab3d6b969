//! `intake explain RESPONDENT RULE --note TEXT`: a reviewer records why the answers a rule
//! questions are right (a warning, or a rule that asks for an explanation). The version is
//! not touched; the explanation holds from it on. When it explains the version's last error
//! (a final reply), the version is accepted with it, in the same transaction.

use std::path::Path;
use std::process::ExitCode;

use canvass::findings::visible::visible;
use canvass::intake::explain::{Refusal, can_explain};
use canvass::intake::store::Explained;

use canvass::intake::versions::{Sent, sent};

pub fn explain(
    db: &Path,
    respondent: &str,
    rule: &str,
    version: Option<i64>,
    note: &str,
) -> Result<ExitCode, String> {
    let Sent {
        id,
        store,
        versions,
        findings,
    } = sent(db, respondent, true)?;
    let who = visible(&id).into_owned();
    let latest = versions.last().map_or(0, |v| v.version);
    let version = version.unwrap_or(latest);
    let Some(at) = versions.iter().position(|v| v.version == version) else {
        return Err(format!(
            "{who} has no version {version}; its latest is version {latest}"
        ));
    };
    if version != latest {
        return Err(format!(
            "{who} has sent version {latest} since version {version}; an explanation is \
             recorded on the latest version, and holds from it on"
        ));
    }
    if note.trim().is_empty() {
        return Err("--note is empty: say why the answers are right".into());
    }
    let rule_shown = visible(rule).into_owned();
    let last_error = match can_explain(&findings[at], rule) {
        Ok(last) => last,
        Err(Refusal::NoSuchFinding { explainable }) => {
            let these = if explainable.is_empty() {
                "it has no finding that can be explained".to_string()
            } else {
                format!(
                    "the rules it has findings of that can be explained are {}",
                    visible(&explainable.join(", "))
                )
            };
            return Err(format!(
                "version {version} of {who} has no finding of rule `{rule_shown}`; {these}"
            ));
        }
        Err(Refusal::AnError) => {
            return Err(format!(
                "rule `{rule_shown}` is an error: it cannot be explained away. Ask {who} to \
                 correct the answers, or accept the version as it is with \
                 `canvass intake accept {who} --version {version} --note …`"
            ));
        }
    };
    let v = &versions[at];
    let accept = last_error && v.stage == "final" && !v.accepted;
    let explained = Explained {
        rule: rule.to_string(),
        version,
        note: note.to_string(),
        explained_at: canvass::intake::now(),
    };
    let acceptance = format!("explained by a reviewer: {note}");
    store.explain(&id, &explained, accept.then_some(acceptance.as_str()))?;
    println!(
        "explained rule `{rule_shown}` for {who} from version {version} on: {}",
        visible(note)
    );
    if accept {
        println!("accepted {who} version {version}: its last error is explained");
    }
    Ok(ExitCode::SUCCESS)
}
