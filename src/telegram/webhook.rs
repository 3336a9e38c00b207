//! Webhook mode: Telegram posts each update to `WEBHOOK_URL` (through a TLS reverse proxy) and
//! this small axum server, listening on `WEBHOOK_LISTEN` (this machine only by default), hands
//! it to the engine. The server has timeouts and a cap on connections (`http_server`): nobody
//! can hold it up without the secret.
//!
//! teloxide's own webhook listener answers 200 before the update is handled; this one answers
//! only after `Engine::handle` has committed it, so an update the bot never recorded is sent
//! again by Telegram:
//!
//! - 200: recorded (or a kind the bot does not act on, or a duplicate).
//! - 401: no or wrong `X-Telegram-Bot-Api-Secret-Token`; nothing is read or handled.
//! - 400: not an update at all; 404: another path; 408: the body came too slowly; 413: too
//!   large.
//! - 500: the database failed; Telegram retries later.
//! - 503: the bot is stopping; Telegram retries later.

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use axum::{
    Router,
    extract::{Request, State},
    http::StatusCode,
};
use teloxide::{Bot, payloads::SetWebhookSetters, prelude::Requester, types::Update};
use tokio::{
    net::TcpListener,
    sync::{mpsc, oneshot},
    task::JoinHandle,
};
use tokio_util::sync::CancellationToken;

use super::{files, update::to_input};
use crate::config::{Config, WebhookSecret};
use crate::engine::{Engine, Input};
use crate::http_server;

/// How long an update's body may take to arrive once its headers have.
const BODY_WITHIN: Duration = Duration::from_secs(10);

/// The header Telegram puts the secret token in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// A bound port, the address to register and the secret to require.
pub struct Webhook {
    listener: TcpListener,
    url: url::Url,
    secret: WebhookSecret,
}

impl Webhook {
    /// Binds `WEBHOOK_LISTEN` (a reverse proxy, or Docker's port mapping, forwards to it) and
    /// takes `WEBHOOK_SECRET`, or makes up a secret for this run. Binding comes first so that
    /// a port in use stops start-up before Telegram is told about the webhook.
    pub async fn bind(config: &Config) -> anyhow::Result<Webhook> {
        let url = config.require_webhook_url()?.clone();
        let secret = match &config.webhook_secret {
            Some(secret) => secret.clone(),
            None => WebhookSecret::generate().context("cannot generate a webhook secret")?,
        };
        let address = config.webhook_listen;
        let listener = TcpListener::bind(address)
            .await
            .with_context(|| format!("WEBHOOK_LISTEN: cannot listen on {address}"))?;
        Ok(Webhook {
            listener,
            url,
            secret,
        })
    }

    /// Registers the webhook with Telegram and serves until `stop` is cancelled; requests in
    /// progress are finished first (for up to `SHUTDOWN_GRACE`).
    ///
    /// Updates are handled one at a time, in the order they arrive, by a single worker fed
    /// through a channel; each request waits on a oneshot for its update's outcome. One worker
    /// (rather than handling inside each request) keeps the order and the one-writer-at-a-time
    /// shape of polling mode. The webhook is registered with `max_connections = 1`, so Telegram
    /// makes at most one delivery at a time and the next update comes after the previous one
    /// was answered, in update order as with `getUpdates`. A failure is not retried here as
    /// polling does: answering 500 hands the retry to Telegram, which keeps the update
    /// meanwhile.
    pub async fn serve(
        self,
        bot: Bot,
        engine: Engine,
        stop: CancellationToken,
    ) -> anyhow::Result<()> {
        let Webhook {
            listener,
            url,
            secret,
        } = self;
        bot.set_webhook(url.clone())
            .secret_token(secret.expose())
            .max_connections(1)
            .allowed_updates(super::ALLOWED_UPDATES)
            .await
            .context("setWebhook failed (is WEBHOOK_URL a public https address?)")?;
        let listening = listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_default();
        let limits = http_server::Limits::for_the_internet();
        tracing::info!(%url, %listening, max_connections = limits.max_connections, "webhook registered; waiting for updates");

        let (router, worker) = start(url.path(), secret, engine, bot);
        // A connection that never finishes must not hold up the stop for ever. An update cut
        // off here was not answered 200: its transaction rolls back and Telegram sends it
        // again.
        let finished =
            http_server::serve(listener, router, limits, stop.clone(), SHUTDOWN_GRACE).await;
        if finished {
            // The server, and with it every sender of the channel, is gone: the worker
            // finishes what was queued and ends.
            worker.await.context("webhook worker")?;
        } else {
            worker.abort();
            tracing::warn!("webhook requests still open at shutdown; dropped");
        }
        tracing::info!("webhook stopped");
        Ok(())
    }
}

/// How long requests in progress may take to finish once the bot is stopping: short, so that
/// the whole stop fits in the few seconds `docker stop` and systemd give.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(1500);

type Outcome = Result<(), ()>;
type Queue = mpsc::Sender<(Input, oneshot::Sender<Outcome>)>;

#[derive(Clone)]
struct Shared {
    path: Arc<str>,
    secret: Arc<WebhookSecret>,
    updates: Queue,
}

/// The server's routes and the worker behind them. Every path goes to one handler, which
/// compares the path itself: a path from `WEBHOOK_URL` never has to be valid route syntax.
fn start(path: &str, secret: WebhookSecret, engine: Engine, bot: Bot) -> (Router, JoinHandle<()>) {
    let (updates, queue) = mpsc::channel(16);
    let worker = tokio::spawn(handle_in_order(engine, bot, queue));
    let router = Router::new().fallback(receive).with_state(Shared {
        path: path.into(),
        secret: Arc::new(secret),
        updates,
    });
    (router, worker)
}

async fn receive(State(shared): State<Shared>, request: Request) -> StatusCode {
    if request.uri().path() != &*shared.path {
        return StatusCode::NOT_FOUND;
    }
    let given = request.headers().get(SECRET_HEADER).map(|v| v.as_bytes());
    if !given.is_some_and(|given| same_secret(given, shared.secret.expose().as_bytes())) {
        return StatusCode::UNAUTHORIZED;
    }
    // Only a request with the secret is read further.
    let body = match http_server::read_body(request, BODY_WITHIN).await {
        Ok(body) => body,
        Err(status) => return status,
    };
    // Kinds teloxide does not know parse as `UpdateKind::Error`; only a body that is not an
    // update at all fails here.
    let Ok(update) = serde_json::from_slice::<Update>(&body) else {
        tracing::warn!("webhook request is not a Telegram update");
        return StatusCode::BAD_REQUEST;
    };
    let Some(input) = to_input(&update) else {
        return StatusCode::OK;
    };
    let (done, outcome) = oneshot::channel();
    if shared.updates.send((input, done)).await.is_err() {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    match outcome.await {
        Ok(Ok(())) => StatusCode::OK,
        Ok(Err(())) => StatusCode::INTERNAL_SERVER_ERROR,
        Err(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

/// The single worker: one update at a time, committed before its request is answered.
async fn handle_in_order(
    engine: Engine,
    bot: Bot,
    mut queue: mpsc::Receiver<(Input, oneshot::Sender<Outcome>)>,
) {
    while let Some((input, done)) = queue.recv().await {
        let input = files::fetch_officers_csv(&bot, &engine, input).await;
        let outcome = match engine.handle(input).await {
            Ok(handled) => {
                super::polling::run_deferred(&engine, handled.deferred);
                Ok(())
            }
            Err(error) => {
                tracing::error!(%error, "could not record an update; Telegram will send it again");
                Err(())
            }
        };
        // The request may be gone (Telegram gave up waiting); the update is recorded anyway
        // and its re-delivery will be skipped as a duplicate.
        let _ = done.send(outcome);
    }
}

/// Compares in time independent of where the first difference is.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::engine::{Settings, SystemClock};

    const SECRET: &str = "right_Secret-1";

    /// Serves the webhook on a free local port over a fresh database; `broken` closes the
    /// database first. Returns the address to post to.
    async fn serve(broken: bool) -> (String, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bot.db").display());
        let db = crate::store::open(&url).await.unwrap();
        if broken {
            db.close().await;
        }
        let config = Config::from_lookup(|_| None).unwrap();
        let engine = Engine::new(&db, Settings::from_config(&config), Arc::new(SystemClock));
        // No update here is an officer's file: the Bot API is never called.
        let bot = Bot::new("1:unused");
        let (router, _worker) = start("/hook", WebhookSecret::parse(SECRET).unwrap(), engine, bot);
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await });
        (address, dir)
    }

    fn update(id: i64) -> serde_json::Value {
        let user = json!({"id": 5, "is_bot": false, "first_name": "A", "language_code": "id"});
        json!({"update_id": id, "message": {
            "message_id": 1, "date": 0, "from": user,
            "chat": {"id": 5, "type": "private", "first_name": "A"}, "text": "/start",
        }})
    }

    async fn post(address: &str, body: &serde_json::Value) -> u16 {
        reqwest::Client::new()
            .post(address)
            .header(SECRET_HEADER, SECRET)
            .json(body)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    #[tokio::test]
    async fn an_update_is_answered_200_once_recorded() {
        let (address, _dir) = serve(false).await;
        assert_eq!(post(&address, &update(7)).await, 200);
        assert_eq!(
            post(&address, &json!({"update_id": 8, "poll": {}})).await,
            200
        );
        assert_eq!(post(&address, &json!({"not": "an update"})).await, 400);
    }

    #[tokio::test]
    async fn a_database_failure_is_answered_500_so_telegram_sends_it_again() {
        let (address, _dir) = serve(true).await;
        assert_eq!(post(&address, &update(7)).await, 500);
    }

    #[test]
    fn only_the_exact_secret_matches() {
        assert!(same_secret(b"abc_-1", b"abc_-1"));
        assert!(!same_secret(b"abc_-2", b"abc_-1"));
        assert!(!same_secret(b"abc", b"abc_-1"));
        assert!(!same_secret(b"", b"abc_-1"));
    }
}
