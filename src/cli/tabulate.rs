//! `canvass tabulate`: counts over a collection's accepted replies, or over the valid ones
//! among reply files, written in the chosen format.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use canvass::batch::{self, Batch, Questionnaires};
use canvass::intake::members;
use canvass::intake::service::SqliteCollection;
use canvass::intake::store::Store;
use canvass::reply::Limits;
use canvass::tabulate::{Counter, render};
use canvass::validate::Validator;

#[derive(Debug, Args)]
pub struct TabulateArgs {
    /// A collection: the latest accepted version of each respondent is counted.
    #[arg(
        long,
        conflicts_with = "questionnaire",
        required_unless_present = "questionnaire"
    )]
    db: Option<PathBuf>,
    /// The questionnaire of the reply files given (a file, or an id under `questionnaires/`).
    #[arg(short = 'q', long, requires = "paths")]
    questionnaire: Option<String>,
    /// Reply files, folders, `.ndjson` streams or `-`: the valid ones are counted.
    paths: Vec<PathBuf>,
    /// Split every count by the UN M49 region of the respondent's country.
    #[arg(long, value_enum)]
    by: Option<By>,
    #[arg(long, value_enum, default_value_t = TableFormat::Human)]
    format: TableFormat,
    /// Language of question texts, options and headings.
    #[arg(long)]
    lang: Option<String>,
    /// Each question beside the previous cycle the collection keeps (`intake init
    /// --previous`): its respondents' last accepted replies there.
    #[arg(long, requires = "db", conflicts_with = "by")]
    previous: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Region,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Human,
    Md,
    Csv,
    Json,
    Html,
}

pub fn run(args: &TabulateArgs) -> Result<ExitCode, String> {
    if args.db.is_some() && !args.paths.is_empty() {
        return Err("give either --db or -q with reply files, not both".into());
    }
    let (validator, store) = match (&args.db, &args.questionnaire) {
        (Some(db), _) => {
            let store = SqliteCollection::new(Store::open(db, false)?);
            (canvass::intake::upgrade::validator(&store)?, Some(store))
        }
        (None, Some(name)) => {
            let q = super::files::load_questionnaire(&super::files::resolve(name))?;
            (Validator::new(q)?, None)
        }
        (None, None) => return Err("give --db FILE, or -q QUESTIONNAIRE and reply files".into()),
    };
    let q = validator.questionnaire();
    let lang = match &args.lang {
        Some(lang) => {
            super::files::available_in(q, lang)?;
            lang.clone()
        }
        None => q.source_language().to_string(),
    };
    let regions = args.by.map(|By::Region| members::REGIONS);
    let mut counter = Counter::new(q, regions);
    match &store {
        Some(store) => counter.add_accepted(store)?,
        None => count_files(&validator, &args.paths, &mut counter)?,
    }
    let mut tables = counter.finish();
    if args.previous {
        let Some(store) = &store else {
            return Err("--previous needs --db".into());
        };
        tables = tables.beside(&previous_tables(store, q, args.db.as_deref())?);
    }
    let text = match args.format {
        TableFormat::Human => render::human(&tables, q, &lang),
        TableFormat::Md => render::markdown(&tables, q, &lang),
        TableFormat::Csv => render::csv(&tables, q, &lang)?,
        TableFormat::Json => {
            let mut text = serde_json::to_string_pretty(&render::json(&tables, q, &lang))
                .map_err(|e| e.to_string())?;
            text.push('\n');
            text
        }
        TableFormat::Html => canvass::tabulate::page::html(&tables, q, &lang),
    };
    super::files::write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The previous cycle's tables: its replies kept in the collection, counted against the
/// collection's questionnaire.
fn previous_tables(
    store: &SqliteCollection,
    q: &canvass::questionnaire::model::Questionnaire,
    db: Option<&std::path::Path>,
) -> Result<canvass::tabulate::Tables, String> {
    let earlier = store.all_previous()?;
    if earlier.is_empty() {
        return Err(format!(
            "{} keeps no previous cycle; make the collection with `canvass intake init \
             --previous OLD_COLLECTION`",
            canvass::findings::visible::visible(
                &db.map_or_else(String::new, |d| d.display().to_string())
            )
        ));
    }
    let mut counter = Counter::new(q, None);
    for p in earlier {
        let reply: serde_json::Value = serde_json::from_str(&p.reply)
            .map_err(|e| format!("the previous cycle of {} does not read: {e}", p.respondent))?;
        counter.add(&reply, None);
    }
    Ok(counter.finish())
}

/// Count the valid replies among the files, the last one of each respondent (in the order
/// given, as `intake add` numbers versions); say on standard error how many were left out and
/// how many respondents sent more than one.
fn count_files(v: &Validator, paths: &[PathBuf], counter: &mut Counter<'_>) -> Result<(), String> {
    /// Each respondent's last valid reply waits for the end of the batch (one value per
    /// respondent, not per reply); a reply that names no respondent is counted at once.
    struct Count<'c, 'q> {
        counter: &'c mut Counter<'q>,
        last: std::collections::HashMap<String, serde_json::Value>,
        replaced: std::collections::HashSet<String>,
        left_out: usize,
        replies: usize,
    }
    impl batch::Sink<Option<(serde_json::Value, Option<String>)>> for Count<'_, '_> {
        type Error = std::convert::Infallible;

        fn take(
            &mut self,
            item: Option<(serde_json::Value, Option<String>)>,
        ) -> Result<(), Self::Error> {
            self.replies += 1;
            match item {
                Some((value, Some(respondent))) => {
                    if self.last.insert(respondent.clone(), value).is_some() {
                        self.replaced.insert(respondent);
                    }
                }
                Some((value, None)) => self.counter.add(&value, Some("unknown")),
                None => self.left_out += 1,
            }
            Ok(())
        }
    }
    let limits = Limits::default();
    let batch = Batch {
        paths,
        questionnaires: Questionnaires::Fixed(v),
        lang: None,
        limits,
        follow_links: false,
        keep_bytes: true,
        previous: None,
    };
    let mut count = Count {
        counter,
        last: std::collections::HashMap::new(),
        replaced: std::collections::HashSet::new(),
        left_out: 0,
        replies: 0,
    };
    batch::run(
        &batch,
        |j| {
            if !j.report.valid() {
                return None;
            }
            let value = canvass::reply::value_of(&j.bytes?, j.format, v.questionnaire(), &limits)?;
            let respondent = j
                .report
                .respondent
                .as_deref()
                .and_then(canvass::intake::respondent_id);
            Some((value, respondent))
        },
        &mut count,
    )
    .unwrap_or_else(|never| match never {});
    for (respondent, value) in &count.last {
        let region = members::region(respondent).or(Some("unknown"));
        count.counter.add(value, region);
    }
    if !count.replaced.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "note: {} sent more than one valid reply among the files; the last of each (in the order given) was counted",
            if count.replaced.len() == 1 {
                "1 respondent".to_string()
            } else {
                format!("{} respondents", count.replaced.len())
            }
        );
    }
    if count.replies == 0 {
        return Err("no replies found (looked for .toml, .json, .ndjson and .xlsx files)".into());
    }
    if count.left_out > 0 {
        let _ = writeln!(
            std::io::stderr(),
            "note: {} of {} replies were not counted: they have errors (see `canvass validate`)",
            count.left_out,
            count.replies
        );
    }
    Ok(())
}
