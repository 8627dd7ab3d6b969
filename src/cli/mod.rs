//! Commands and their arguments. Exit status: 0 all good, 1 some reply invalid (or a
//! compiled schema stale), 2 the command could not do its job.

mod check;
mod compile;
mod explain;
mod files;
mod history;
mod intake;
mod invite;
mod progress;
mod serve;
mod tabulate;
mod template;
mod unidentified;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use canvass::expr::parser::Limits;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "canvass",
    version,
    about = "Survey questionnaires: check, compile, and validate replies"
)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
    /// Deepest nesting allowed in a `when` or `check` expression.
    #[arg(long, global = true, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=512))]
    max_expression_depth: u64,
    /// Most words and symbols allowed in one expression.
    #[arg(long, global = true, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=4096))]
    max_expression_length: u64,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a questionnaire for authoring mistakes (exit 2 on errors).
    Check {
        /// A questionnaire file, or the id of one under `questionnaires/`.
        questionnaire: String,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
        /// `human` (on standard error), `json` or `sarif` (SARIF 2.1.0; on standard output).
        #[arg(long, value_enum, default_value_t = check::CheckFormat::Human)]
        format: check::CheckFormat,
    },
    /// Compile a questionnaire into a JSON Schema 2020-12.
    Compile {
        /// A questionnaire file, or the id of one under `questionnaires/`.
        questionnaire: String,
        /// Write the schema here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Do not write: exit 1 if FILE (or -o) differs from the compiled schema.
        #[arg(long)]
        check: bool,
    },
    /// Print the JSON Schema of the questionnaire language itself (for editors).
    Schema,
    /// Write a blank reply: TOML with every question as a comment, JSON, or a workbook
    /// (`--format xlsx -o FILE`) a respondent fills in a spreadsheet program.
    Template {
        /// A questionnaire file, or the id of one under `questionnaires/`.
        questionnaire: String,
        #[arg(long, value_enum, default_value_t = TemplateFormat::Toml)]
        format: TemplateFormat,
        #[arg(long)]
        lang: Option<String>,
        /// The respondent the workbook is for, shown on its cover (`xlsx`).
        #[arg(long)]
        respondent: Option<String>,
        /// The file to write (required for `xlsx`; default standard output).
        #[arg(short, long)]
        output: Option<std::path::PathBuf>,
        /// A collection whose latest accepted reply of `--respondent` is written into the
        /// workbook's cells, to be checked and corrected (`xlsx`).
        #[arg(long, value_name = "COLLECTION")]
        prefill: Option<std::path::PathBuf>,
    },
    /// Validate replies (files, folders, `.ndjson` streams, or `-` for standard input).
    Validate(validate::ValidateArgs),
    /// A collection of replies: take them in, keep every version, know who is missing.
    #[command(subcommand)]
    Intake(intake::IntakeCommand),
    /// Count the answers: the tables a report on the replies is written from.
    Tabulate(tabulate::TabulateArgs),
    /// Respondents fill, check and submit their reply on a page, at their `intake invite`
    /// link.
    Serve(serve::ServeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    Toml,
    Json,
    Xlsx,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    files::set_expression_limits(Limits {
        depth: usize::try_from(args.max_expression_depth).unwrap_or(usize::MAX),
        length: usize::try_from(args.max_expression_length).unwrap_or(usize::MAX),
    });
    let judges_replies = match &args.command {
        Command::Validate(_) | Command::Tabulate(_) | Command::Serve(_) => true,
        Command::Intake(command) => command.judges_replies(),
        _ => false,
    };
    if judges_replies {
        // A command that judges replies builds a validator: its first step starts now, on
        // the other core, while the questionnaire is read. The others (a status, a letter)
        // would only pay for it.
        canvass::validate::warm_up();
    }
    match args.command {
        Command::Check {
            questionnaire,
            deny_warnings,
            format,
        } => check::run(&files::resolve(&questionnaire), deny_warnings, format),
        Command::Compile {
            questionnaire,
            output,
            check,
        } => compile::run(&questionnaire, output.as_deref(), check),
        Command::Schema => {
            files::write_stdout(&canvass::questionnaire::language_schema())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Template {
            questionnaire,
            format,
            lang,
            respondent,
            output,
            prefill,
        } => template::run(
            &questionnaire,
            format,
            lang.as_deref(),
            (respondent.as_deref(), prefill.as_deref()),
            output.as_deref(),
        ),
        Command::Validate(args) => validate::run(&args),
        Command::Intake(command) => intake::run(command),
        Command::Tabulate(args) => tabulate::run(&args),
        Command::Serve(args) => serve::run(&args),
    }
}

/// Whether to colour the human report: only on a terminal, and never under `NO_COLOR`.
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    no_color_unset() && std::io::stderr().is_terminal()
}

/// The same, for a report written to standard output.
pub fn use_color_stdout() -> bool {
    use std::io::IsTerminal;
    no_color_unset() && std::io::stdout().is_terminal()
}

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
