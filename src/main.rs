//! `desmigratif`: runs the bot (long polling), or one of its tools.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use desmigratif::{app::App, config::Config, sim};

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("desmigratif: {error}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("desmigratif: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("desmigratif: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command {
        None => {
            config.require_token()?;
            App::open(config).await?.run_polling().await
        }
        Some(Mode::Chat { lang, user, phone }) => {
            let app = App::open(config).await?;
            let engine = app.engine(None);
            let options = sim::SimOptions {
                user_id: user,
                language_code: lang,
                phone,
            };
            sim::run(engine, app.locales.clone(), options).await
        }
    }
}

/// Logs go to standard error, at the level `RUST_LOG` sets (default `info`). The HTTP client's
/// own logs stay at `warn`: at debug level they would show request URLs, which hold the token.
fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let requested = std::env::var("RUST_LOG").unwrap_or_else(|_| "info".into());
    let filter = EnvFilter::try_new(format!(
        "{requested},reqwest=warn,hyper=warn,hyper_util=warn"
    ))
    .unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
