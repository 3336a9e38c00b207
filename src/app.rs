//! Wiring: configuration, database, locales, engine, sender and transport (long polling or
//! webhook).

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use sqlx::SqlitePool;
use teloxide::{Bot, prelude::Requester};
use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::engine::{Engine, Settings, SystemClock};
use crate::i18n::Locales;
use crate::sender::{Pacing, Sender};
use crate::store;
use crate::telegram;

/// What every mode shares: the configuration, the database and the messages.
pub struct App {
    pub config: Config,
    pub pool: SqlitePool,
    pub locales: Arc<Locales>,
}

impl App {
    pub async fn open(config: Config) -> anyhow::Result<App> {
        let locales = Arc::new(Locales::load(config.timezone).context("locales")?);
        let pool = store::open(&config.database_url)
            .await
            .with_context(|| format!("DATABASE_URL: cannot open {}", config.database_url))?;
        Ok(App {
            config,
            pool,
            locales,
        })
    }

    pub fn engine(&self, bot_username: Option<String>) -> Engine {
        let settings = Settings {
            bot_username,
            ..Settings::from_config(&self.config)
        };
        Engine::new(self.pool.clone(), settings, Arc::new(SystemClock))
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

    /// What both Telegram modes share: `getMe`, the command menus, the sender, the signal
    /// handling and the shutdown flush, around `receive`, which takes in updates until `stop`.
    async fn run_telegram<R, F>(self, receive: R) -> anyhow::Result<()>
    where
        R: FnOnce(Bot, Engine, CancellationToken) -> F,
        F: Future<Output = anyhow::Result<()>>,
    {
        let bot = telegram::bot(&self.config)?;
        let me = bot
            .get_me()
            .await
            .context("getMe failed (is TELOXIDE_TOKEN right?)")?;
        tracing::info!(username = %me.username(), "connected to Telegram");
        let engine = self.engine(me.user.username.clone());

        let stop = CancellationToken::new();
        let menus = {
            let (bot, locales, config) = (bot.clone(), self.locales.clone(), self.config.clone());
            tokio::spawn(async move { telegram::commands::register(&bot, &locales, &config).await })
        };
        let sender_stop = CancellationToken::new();
        let sender = Sender::new(
            self.pool.clone(),
            engine.writer(),
            Arc::new(telegram::transport::TelegramTransport::new(bot.clone())),
            self.locales.clone(),
            Pacing::new(self.config.broadcast_rate),
            engine.outbox_ready(),
        );
        let sender = tokio::spawn(sender.run(sender_stop.clone()));
        let ticker = tokio::spawn(tick_every_second(engine.clone()));
        tokio::spawn(stop_on_signal(stop.clone()));

        let received = receive(bot, engine, stop).await;

        // Give the replies to the last updates a moment to go out; whatever is left stays in
        // the outbox for the next start.
        flush_interactive(&self.pool, Duration::from_secs(3)).await;
        sender_stop.cancel();
        menus.abort();
        ticker.abort();
        // Its engine keeps a connection, and closing the pool waits for every connection.
        let _ = ticker.await;
        sender.await.context("sender task")?.context("sender")?;
        self.pool.close().await;
        received?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Time-driven work (scheduled broadcasts, progress), once a second.
async fn tick_every_second(engine: Engine) {
    let mut interval = tokio::time::interval(Duration::from_secs(1));
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        if let Err(error) = engine.tick().await {
            tracing::error!(%error, "scheduled work failed; trying again in a second");
        }
    }
}

async fn flush_interactive(pool: &SqlitePool, within: Duration) {
    let deadline = tokio::time::Instant::now() + within;
    while tokio::time::Instant::now() < deadline {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE status = 'pending' AND priority = 0",
        )
        .fetch_one(pool)
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
    }
    tracing::info!("stopping: finishing the update in hand");
    stop.cancel();
}
