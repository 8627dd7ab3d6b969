//! `canvass serve`: the respondents' pages over a collection (`canvass::serve`). Arguments
//! and the one line it prints (where it listens) live here.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The collection respondents reply to.
    #[arg(long, default_value = "canvass.db")]
    db: PathBuf,
    /// Where to listen: keep it on loopback behind a reverse proxy that gives TLS.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// Where respondents reach the server (`https://…` behind a proxy: cookies are then
    /// sent only over https).
    #[arg(long)]
    base_url: Option<String>,
    /// How many requests one link, and one address, may make a minute.
    #[arg(long, default_value_t = 120)]
    per_minute: u32,
    /// A file holding the secretariat's secret (its first line). Without it, the secret is
    /// read from the environment variable `CANVASS_SECRET`; without either, there are no
    /// secretariat pages. Never on the command line, where other users can read it.
    #[arg(long)]
    secret_file: Option<PathBuf>,
    /// Seconds a connection may send nothing while the server waits for it (slow or idle
    /// clients are cut off; a browser simply reconnects). Keep it above 30, a request's
    /// own deadline.
    #[arg(long, default_value_t = canvass::serve::CLIENT_TIMEOUT.as_secs())]
    client_timeout: u64,
}

/// The secretariat's secret: the file's first line, or `CANVASS_SECRET`; refused when
/// shorter than 16 characters.
fn secret(file: Option<&std::path::Path>) -> Result<Option<String>, String> {
    let secret = match file {
        Some(path) => Some(
            super::files::read_text(path, 4096)?
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        ),
        None => std::env::var("CANVASS_SECRET").ok(),
    };
    match secret {
        Some(s) if s.chars().count() < 16 => {
            Err("the secretariat's secret must have at least 16 characters".into())
        }
        other => Ok(other),
    }
}

pub fn run(args: &ServeArgs) -> Result<ExitCode, String> {
    let config = canvass::serve::Config {
        db: args.db.clone(),
        listen: args.listen.clone(),
        https: args
            .base_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://")),
        per_minute: args.per_minute.max(1),
        secret: secret(args.secret_file.as_deref())?,
        client_timeout: std::time::Duration::from_secs(args.client_timeout.max(1)),
    };
    canvass::serve::run(&config, |addr| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{addr}");
        let _ = out.flush();
    })?;
    Ok(ExitCode::SUCCESS)
}
