//! `desmigratif`: runs the bot (long polling or webhook), or one of its tools.

use std::{path::PathBuf, process::ExitCode};

use anyhow::Context;
use clap::{Parser, Subcommand};
use desmigratif::{
    app::App,
    config::{Config, ConfigError},
    sim,
};

#[derive(Parser)]
#[command(
    name = "desmigratif",
    version,
    about = "Telegram bot for the Desa Migran Produktif programme"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Mode>,
}

#[derive(Subcommand)]
enum Mode {
    /// Run the bot as a webhook server on PORT for WEBHOOK_URL (behind an https proxy).
    Webhook,
    /// Write a consistent copy of the database to FILE, also while the bot runs.
    Backup {
        /// Where the copy goes; an existing file is never overwritten.
        file: std::path::PathBuf,
    },
    /// Check the configuration, the database and the texts, without changing anything.
    Check {
        /// Also check a locales folder on disk (with id/ and en/ inside) against the bot's.
        #[arg(long, value_name = "DIR")]
        locales: Option<std::path::PathBuf>,
    },
    /// Talk to the bot in this terminal, offline, on the configured database.
    Chat {
        /// The language the simulated Telegram app reports (e.g. id, en, de).
        #[arg(long)]
        lang: Option<String>,
        /// The simulated Telegram user id; use different ids to play several users.
        #[arg(long, default_value_t = 1)]
        user: i64,
        /// The phone number a "share my number" button shares.
        #[arg(long, default_value = "+6281234567890")]
        phone: String,
    },
    /// Import trainings from a CSV file (title_id,title_en,category,starts_at,location,
    /// capacity,description_id,description_en; starts_at as YYYY-MM-DD HH:MM in TIMEZONE).
    /// All rows or none: problems are listed by line number.
    ImportTrainings {
        /// The CSV file, UTF-8, as a spreadsheet exports it.
        file: PathBuf,
    },
    /// Load a newer release of Indonesia's villages: a folder with provinces.csv,
    /// regencies.csv, districts.csv and villages.csv (or .csv.gz) in the layout of the npm
    /// package idn-area-data. All of it or nothing; no one loses their village (a village no
    /// longer listed is kept for those who chose it, and no longer offered).
    ImportAreas {
        /// The folder, e.g. node_modules/idn-area-data/data.
        dir: PathBuf,
    },
    /// Mark the Desmigratif programme's villages from a CSV file whose first column holds
    /// their Kemendagri codes (32.12.16.2004 or 3212162004); a header line and other columns
    /// are ignored. All of it or nothing; villages already marked stay marked.
    ImportProgramme { file: PathBuf },
    /// Load the official list of licensed placement companies (P3MI) from a CSV file
    /// (name,licence_number,address,status,listed_on): it replaces the list the bot has.
    ImportAgencies { file: PathBuf },
}

/// A line on standard output. Unlike `println!`, a line that cannot be written (a full disk
/// under a redirected output) is dropped rather than a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// A line on standard error, dropped when it cannot be written (see `say!`).
macro_rules! say_err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Exit status 2: a setting is missing or wrong (also clap's status for a bad command line).
/// Starting again without a change cannot help; systemd is told not to (see
/// deploy/desmigratif.service). Status 1 is any other failure, which a restart may cure.
const BAD_CONFIGURATION: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    desmigratif::http_server::raise_open_files_limit();
    if let Some(Mode::Check { locales }) = &cli.command {
        // Before the configuration is read: reporting a bad one is the point.
        return desmigratif::check::main(locales.as_deref());
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            say_err!("desmigratif: {error}");
            return ExitCode::from(BAD_CONFIGURATION);
        }
    };
    let runtime = match desmigratif::cpu::runtime() {
        Ok(runtime) => runtime,
        Err(error) => {
            say_err!("desmigratif: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            say_err!("desmigratif: {error:#}");
            if error.downcast_ref::<ConfigError>().is_some() {
                ExitCode::from(BAD_CONFIGURATION)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command {
        None => {
            config.require_token()?;
            App::open_for_bot(config).await?.run_polling().await
        }
        Some(Mode::Webhook) => {
            config.require_token()?;
            config.require_webhook_url()?;
            App::open_for_bot(config).await?.run_webhook().await
        }
        Some(Mode::Backup { file }) => {
            let backup = desmigratif::store::backup::write(&config.database_url, &file).await?;
            say!("{backup}");
            Ok(())
        }
        Some(Mode::Check { .. }) => unreachable!("checked before the configuration is read"),
        Some(Mode::Chat { lang, user, phone }) => {
            let app = App::open(config).await?;
            let engine = app.engine(None);
            // The console too, so that /konsol's link works offline; when a running bot
            // already serves it on this database, its console is the same.
            let stop = tokio_util::sync::CancellationToken::new();
            let _stop_console = stop.clone().drop_guard();
            match desmigratif::console::bind(&app.config).await {
                Ok(Some(listener)) => {
                    let (config, engine, locales) =
                        (app.config.clone(), engine.clone(), app.locales.clone());
                    tokio::spawn(async move {
                        desmigratif::console::serve(
                            listener,
                            config.console_url.clone(),
                            engine,
                            locales,
                            stop,
                        )
                        .await
                    });
                }
                Ok(None) => {}
                Err(error) => eprintln!("The console is not served here: {error:#}"),
            }
            let options = sim::SimOptions {
                user_id: user,
                language_code: lang,
                phone,
            };
            sim::run(engine, app.locales.clone(), options).await
        }
        Some(Mode::ImportAreas { dir }) => {
            let release = desmigratif::areas::release::Release::from_dir(&dir)
                .map_err(|e| anyhow::anyhow!("nothing imported from {}:\n{e}", dir.display()))?;
            let app = App::open(config).await?;
            let name = format!("{} ({})", dir.display(), release.villages.len());
            let report = app.engine(None).import_areas(&release, &name).await?;
            say!("{report}");
            Ok(())
        }
        Some(Mode::ImportProgramme { file }) => {
            let csv =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let app = App::open(config).await?;
            match app.engine(None).import_programme(&csv).await? {
                Ok((marked, listed)) => {
                    say!(
                        "{listed} programme villages in {}: {marked} newly marked.",
                        file.display()
                    );
                    Ok(())
                }
                Err(problems) => {
                    for problem in &problems {
                        match problem.line {
                            0 => say_err!(
                                "{}: {} is not a village of the list",
                                file.display(),
                                problem.cell
                            ),
                            _ => say_err!("{}: {problem}", file.display()),
                        }
                    }
                    anyhow::bail!(
                        "nothing marked: {} problems in {}",
                        problems.len(),
                        file.display()
                    )
                }
            }
        }
        Some(Mode::ImportAgencies { file }) => {
            let csv =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let app = App::open(config).await?;
            match app.engine(None).import_agencies(&csv).await? {
                Ok((count, listed_on)) => {
                    say!(
                        "Loaded {count} licensed placement companies (list of {listed_on}) from {}.",
                        file.display()
                    );
                    Ok(())
                }
                Err(problems) => Err(refused(&file, &problems, "loaded")),
            }
        }
        Some(Mode::ImportTrainings { file }) => {
            let csv =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let app = App::open(config).await?;
            match app.engine(None).import_trainings(&csv).await? {
                Ok(ids) => {
                    say!("Imported {} trainings from {}.", ids.len(), file.display());
                    Ok(())
                }
                Err(problems) => Err(refused(&file, &problems, "imported")),
            }
        }
    }
}

/// A file taken whole or not at all, refused: each problem on a line of its own, then why
/// nothing was `done` ("imported", "loaded").
fn refused(
    file: &std::path::Path,
    problems: &[impl std::fmt::Display],
    done: &str,
) -> anyhow::Error {
    for problem in problems {
        say_err!("{}: {problem}", file.display());
    }
    let count = match problems.len() {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    anyhow::anyhow!("nothing {done}: {count} in {}", file.display())
}

/// Logs go to standard error, at the level `RUST_LOG` sets (default `info`), as text or, with
/// `LOG_FORMAT=json`, one JSON object per line. Colours only on a terminal (never in a file or
/// journald), and not with `NO_COLOR` set. The HTTP client's own logs stay at `warn`: at
/// debug level they would show request URLs, which hold the token. `.env` is read first so its
/// `RUST_LOG` and `LOG_FORMAT` count; a bad `LOG_FORMAT` is reported by the configuration.
fn init_logging() {
    use desmigratif::config::{LogFormat, load_dotenv};
    use tracing_subscriber::EnvFilter;
    let _ = load_dotenv();
    let requested = std::env::var("RUST_LOG").unwrap_or_else(|_| "info".into());
    let filter = EnvFilter::try_new(format!(
        "{requested},reqwest=warn,hyper=warn,hyper_util=warn"
    ))
    .unwrap_or_else(|_| EnvFilter::new("info"));
    let format = std::env::var("LOG_FORMAT")
        .ok()
        .and_then(|v| LogFormat::parse(&v))
        .unwrap_or_default();
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colour)
        // A log line that cannot be written (standard error on a full disk) is dropped: the
        // subscriber would otherwise report the failure with `eprintln!`, which panics.
        .log_internal_errors(false)
        .with_writer(|| Unfailing(std::io::stderr()));
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().flatten_event(true).init(),
    }
}

/// A writer whose failures are dropped: logging never stops the bot.
struct Unfailing<W>(W);

impl<W: std::io::Write> std::io::Write for Unfailing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}
