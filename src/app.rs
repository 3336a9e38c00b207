//! Wiring: configuration, database, locales, engine, sender and transport (long polling or
//! webhook), and the background tasks, none of which may stop silently.

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use chrono::Utc;
use teloxide::Bot;
use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::engine::{Engine, Settings, SystemClock};
use crate::i18n::Locales;
use crate::sender::{Pacing, Sender};
use crate::store::{self, Database, lock::InstanceLock};
use crate::telegram;

/// What every mode shares: the configuration, the database and the messages.
pub struct App {
    pub config: Config,
    pub db: Database,
    pub locales: Arc<Locales>,
    /// Held by a running bot: one bot per database.
    _lock: Option<InstanceLock>,
}

/// How long a stop waits for the replies to the last updates to go out.
const FLUSH_WITHIN: Duration = Duration::from_secs(1);

/// How long a clean stop tries to fold the write-ahead log into the database file.
const CHECKPOINT_WITHIN: Duration = Duration::from_millis(500);

impl App {
    /// Opens the database for a tool (`chat`, `import-trainings`): these work beside a running
    /// bot.
    pub async fn open(config: Config) -> anyhow::Result<App> {
        App::open_with(config, None).await
    }

    /// Opens the database for the bot itself, refusing to start when another bot runs on it.
    pub async fn open_for_bot(config: Config) -> anyhow::Result<App> {
        let lock = match store::database_file(&config.database_url)? {
            Some(file) => Some(store::lock::take(&file)?),
            None => None,
        };
        App::open_with(config, lock).await
    }

    async fn open_with(config: Config, lock: Option<InstanceLock>) -> anyhow::Result<App> {
        let locales = Arc::new(Locales::load(config.timezone).context("locales")?);
        let db = store::open(&config.database_url)
            .await
            .with_context(|| format!("DATABASE_URL: cannot open {}", config.database_url))?;
        Ok(App {
            config,
            db,
            locales,
            _lock: lock,
        })
    }

    pub fn engine(&self, bot_username: Option<String>) -> Engine {
        let settings = Settings {
            bot_username,
            ..Settings::from_config(&self.config)
        };
        Engine::new(&self.db, settings, Arc::new(SystemClock))
    }

    /// Runs the bot by long polling until SIGINT or SIGTERM.
    pub async fn run_polling(self) -> anyhow::Result<()> {
        self.run_telegram(|bot, engine, stop| async move {
            telegram::polling::run(bot, engine, stop).await;
            Ok(())
        })
        .await
    }

    /// Runs the bot as a webhook server on `PORT` for `WEBHOOK_URL` until SIGINT or SIGTERM.
    pub async fn run_webhook(self) -> anyhow::Result<()> {
        let webhook = telegram::webhook::Webhook::bind(&self.config).await?;
        self.run_telegram(|bot, engine, stop| webhook.serve(bot, engine, stop))
            .await
    }

    /// What both Telegram modes share: `getMe`, the command menus, the sender, the background
    /// tasks, the signal handling and the stop, around `receive`, which takes in updates until
    /// `stop`.
    async fn run_telegram<R, F>(self, receive: R) -> anyhow::Result<()>
    where
        R: FnOnce(Bot, Engine, CancellationToken) -> F,
        F: Future<Output = anyhow::Result<()>>,
    {
        let bot = telegram::bot(&self.config)?;
        let console_port = crate::console::bind(&self.config).await?;
        let stop = CancellationToken::new();
        tokio::spawn(stop_on_signal(stop.clone()));
        let Some(me) = telegram::identify(&bot, &self.config, &stop).await? else {
            // Stopped while Telegram could not be reached: nothing was taken in.
            self.db.close().await;
            return Ok(());
        };
        tracing::info!(username = %me.username(), "connected to Telegram");
        let engine = self.engine(me.user.username.clone());
        tokio::spawn(prepare_places(engine.clone()));
        // Reports asked for before a stop: made now.
        telegram::polling::run_reports_left(&engine).await;

        let menus = {
            let (bot, locales, config) = (bot.clone(), self.locales.clone(), self.config.clone());
            tokio::spawn(async move { telegram::commands::register(&bot, &locales, &config).await })
        };
        let sender_stop = CancellationToken::new();
        let sender = Sender::new(
            engine.writer(),
            engine.reader(),
            engine.files(),
            Arc::new(telegram::transport::TelegramTransport::new(bot.clone())),
            self.locales.clone(),
            Pacing::new(self.config.broadcast_rate),
            engine.outbox_ready(),
        );
        let sender = tokio::spawn(sender.run(sender_stop.clone()));
        let ticker = tokio::spawn(tick_every_second(engine.clone()));
        let guard = self.config.admin_chat_id.map(|group| {
            tokio::spawn(telegram::group_guard::watch(
                bot.clone(),
                engine.writer(),
                group,
                self.config.admin_ids.clone(),
                engine.group_changed(),
                stop.clone(),
            ))
        });
        let maintenance = tokio::spawn(prune_every_hour(engine.writer()));
        let console = console_port.map(|listener| {
            let (config, engine, locales, stop) = (
                self.config.clone(),
                engine.clone(),
                self.locales.clone(),
                stop.clone(),
            );
            tokio::spawn(async move {
                crate::console::serve(listener, config.console_url.clone(), engine, locales, stop)
                    .await
            })
        });
        let watchdog = tokio::spawn(give_up_when_unwritable(
            engine.writer().health(),
            self.config.database_give_up_after,
            stop.clone(),
        ));

        let later_check = self.db.later_check().map(|check| {
            let stop = stop.clone();
            tokio::spawn(async move {
                match check.run().await {
                    Ok(Some(damage)) => {
                        tracing::error!("{damage}");
                        stop.cancel();
                        Some(damage)
                    }
                    Ok(None) => {
                        tracing::info!("the database file was checked: no damage");
                        None
                    }
                    Err(error) => {
                        tracing::warn!(%error, "the database file could not be checked for damage");
                        None
                    }
                }
            })
        });

        let received = receive(bot, engine.clone(), stop.clone()).await;
        stop.cancel();

        // Give the replies to the last updates a moment to go out; whatever is left stays in
        // the outbox for the next start.
        flush_interactive(&engine, FLUSH_WITHIN).await;
        sender_stop.cancel();
        menus.abort();
        ticker.abort();
        if let Some(guard) = guard {
            guard.abort();
        }
        maintenance.abort();
        if let Some(console) = console {
            let _ = console.await;
        }
        let _ = ticker.await;
        let _ = maintenance.await;
        if let Err(error) = sender.await {
            tracing::error!(%error, "sender task failed");
        }
        let gave_up = if watchdog.is_finished() {
            watchdog.await.ok().flatten()
        } else {
            watchdog.abort();
            None
        };
        // A clean stop leaves a complete database file, with nothing in its log.
        if !self
            .db
            .checkpointer()
            .truncate_within(CHECKPOINT_WITHIN)
            .await
        {
            tracing::info!(
                "the database log could not be emptied at stop (a reader holds it); SQLite folds it in at the next start"
            );
        }
        let damage = match later_check {
            Some(check) if check.is_finished() => check.await.ok().flatten(),
            Some(check) => {
                check.abort();
                None
            }
            None => None,
        };
        self.db.close().await;
        if let Some(damage) = damage {
            anyhow::bail!("DATABASE_URL: {damage}");
        }
        if let Some(outage) = gave_up {
            anyhow::bail!(
                "the database refused every write for {}s (see the warnings above): exiting so that systemd or Docker starts the bot again",
                outage.as_secs()
            );
        }
        received?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Time-driven work (scheduled broadcasts, progress, reminders), once a second; while the
/// database fails, after a pause that grows to ten seconds.
async fn tick_every_second(engine: Engine) {
    let mut pause = Duration::from_secs(1);
    loop {
        tokio::time::sleep(pause).await;
        match engine.tick().await {
            Ok(_) => pause = Duration::from_secs(1),
            Err(error) => {
                pause = (pause * 2).min(Duration::from_secs(10));
                tracing::warn!(%error, ?pause, "scheduled broadcasts and reminders could not run; trying again");
            }
        }
    }
}

/// Forgets delivered messages after two days and handled update ids after a week, once an
/// hour (a failure is tried again the next hour).
async fn prune_every_hour(writer: store::Writer) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        let now = Utc::now();
        let pruned = writer
            .write(async |tx| {
                store::outbox::prune(tx, now - chrono::Duration::days(2)).await?;
                store::updates::prune(tx, now - chrono::Duration::days(7)).await
            })
            .await;
        if let Err(error) = pruned {
            tracing::warn!(%error, "pruning old messages and update ids failed; trying again in an hour");
        }
    }
}

/// Stops the bot when the database has refused every write for `limit`: a fault that does
/// not clear by itself (a disk that stays full) is better met by a restart and an operator's
/// eye than by a bot that takes in nothing. Returns how long the outage lasted.
async fn give_up_when_unwritable(
    health: Arc<store::Health>,
    limit: Duration,
    stop: CancellationToken,
) -> Option<Duration> {
    let mut every_second = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            _ = stop.cancelled() => return None,
            _ = every_second.tick() => {}
        }
        if let Some(outage) = health.failing_for()
            && outage >= limit
        {
            tracing::error!(
                seconds = outage.as_secs(),
                "the database refuses every write (DATABASE_GIVE_UP_AFTER has passed): stopping"
            );
            stop.cancel();
            return Some(outage);
        }
    }
}

async fn flush_interactive(engine: &Engine, within: Duration) {
    let deadline = tokio::time::Instant::now() + within;
    while tokio::time::Instant::now() < deadline {
        let waiting = engine
            .reader()
            .read(store::outbox::interactive_pending)
            .await
            .unwrap_or(0);
        if waiting == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Cancels `stop` on Ctrl-C (SIGINT) or SIGTERM.
pub async fn stop_on_signal(stop: CancellationToken) {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {}
        _ = terminate => {}
        _ = stop.cancelled() => return,
    }
    tracing::info!("stopping: finishing the update in hand");
    stop.cancel();
}

/// The village search, built beside the first updates rather than in the first that needs it.
pub async fn prepare_places(engine: Engine) {
    let started = std::time::Instant::now();
    match engine.prepare_places().await {
        Ok(villages) => tracing::info!(
            villages,
            took_ms = started.elapsed().as_millis() as u64,
            "village search ready"
        ),
        Err(error) => {
            tracing::warn!(%error, "village search not built yet: the first search builds it")
        }
    }
}
