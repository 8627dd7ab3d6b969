//! `intake invite [RESPONDENT...]`: a secret link per respondent (the expected ones, or
//! those named), printed as CSV (`respondent,link`) for a mail merge; `--revoke` revokes
//! every link of the respondents named. Only each token's SHA-256 is kept.

use std::path::Path;
use std::process::ExitCode;

use canvass::findings::visible::visible;
use canvass::intake::invite::{link, new_token};
use canvass::intake::store::Store;

pub fn invite(
    db: &Path,
    named: &[String],
    base_url: &str,
    revoke: bool,
) -> Result<ExitCode, String> {
    let store = Store::open(db, true)?;
    let mut respondents = Vec::new();
    for name in named {
        let Some(id) = canvass::intake::respondent_id(name) else {
            return Err(format!("{} is not a respondent id", visible(name)));
        };
        respondents.push(id);
    }
    let now = canvass::intake::now();
    if revoke {
        if respondents.is_empty() {
            return Err("--revoke needs the respondents whose links to revoke".into());
        }
        for id in &respondents {
            let n = store.revoke(id, &now)?;
            println!(
                "revoked {n} link{} of {}",
                if n == 1 { "" } else { "s" },
                visible(id)
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if respondents.is_empty() {
        respondents = store.expected()?.into_iter().map(|(id, _)| id).collect();
        if respondents.is_empty() {
            return Err(
                "the collection expects no one: name the respondents to invite, or make it with --expect"
                    .into(),
            );
        }
    }
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        return Err(format!(
            "--base-url must start with https:// (or http:// for a test): {}",
            visible(base_url)
        ));
    }
    let mut out = canvass::values::spreadsheet::Csv::new(std::io::stdout().lock());
    let err = |e: csv::Error| format!("cannot write the links: {e}");
    out.row(["respondent", "link"]).map_err(err)?;
    for id in &respondents {
        let (token, hash) = new_token()?;
        // Kept before it is printed: a link shown is a link that works.
        store.invite(id, &hash, &now)?;
        out.row([id.as_str(), &link(base_url, &token)])
            .map_err(err)?;
    }
    out.flush()
        .map_err(|e| format!("cannot write the links: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
