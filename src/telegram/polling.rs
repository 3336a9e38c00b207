//! Long polling, confirming to Telegram only what the bot has committed.
//!
//! `getUpdates` with `offset = N` tells Telegram to forget every update below `N`. teloxide's
//! own listener moves its offset past a whole batch as soon as it arrives and confirms it at
//! shutdown, also the updates of the batch it never handed out; here the offset moves past an
//! update only once the engine has committed it. An update that could not be handled (the
//! database failing) stops the loop where it is: the next `getUpdates`, of this process or
//! the next, gets it again, and the engine skips what it had already done.

use std::time::Duration;

use teloxide::{Bot, payloads::GetUpdatesSetters, prelude::Requester, requests::Request};
use tokio_util::sync::CancellationToken;

use super::{files, update::to_input};
use crate::engine::{Engine, Input};

/// How long Telegram may hold a `getUpdates` open.
const POLL_TIMEOUT_SECONDS: u32 = 10;

/// How long the confirmation at a stop may take.
const CONFIRM_WITHIN: Duration = Duration::from_secs(1);

/// Polls until `stop` is cancelled; the update in hand is finished first.
pub async fn run(bot: Bot, engine: Engine, stop: CancellationToken) {
    delete_webhook_if_set(&bot).await;
    tracing::info!("polling for updates");
    // The first update not yet committed; `None` until one has been.
    let mut offset: Option<i32> = None;
    let mut failures = 0u32;
    'polling: while !stop.is_cancelled() {
        let mut request = bot
            .get_updates()
            .timeout(POLL_TIMEOUT_SECONDS)
            .allowed_updates(super::ALLOWED_UPDATES);
        if let Some(offset) = offset {
            request = request.offset(offset);
        }
        // A stop drops a request under way: what it would have brought is not confirmed.
        let updates = tokio::select! {
            _ = stop.cancelled() => break,
            updates = request.send() => updates,
        };
        let updates = match updates {
            Ok(updates) => {
                failures = 0;
                updates
            }
            Err(error) => {
                failures = failures.saturating_add(1);
                let pause = retry_pause(&error, failures);
                // teloxide strips URLs (and so the token) from these errors.
                tracing::warn!(%error, ?pause, "getUpdates failed; trying again");
                tokio::select! {
                    _ = stop.cancelled() => break,
                    _ = tokio::time::sleep(pause) => {}
                }
                continue;
            }
        };
        for update in updates {
            let next = update.id.as_offset();
            if let Some(input) = to_input(&update) {
                let input = files::fetch_officers_csv(&bot, &engine, input).await;
                if !handle_durably(&engine, input, &stop).await {
                    // Stopping with this update unhandled: it stays unconfirmed.
                    break 'polling;
                }
            }
            offset = Some(next);
            if stop.is_cancelled() {
                break 'polling;
            }
        }
    }
    if let Some(offset) = offset {
        confirm(&bot, offset).await;
    }
    tracing::info!("polling stopped");
}

/// Tells Telegram that everything below `offset` is handled, so that the next start does not
/// get it again (which would be harmless, only slower). Bounded: a stop must not wait on a
/// Telegram that does not answer.
async fn confirm(bot: &Bot, offset: i32) {
    let request = bot.get_updates().offset(offset).limit(1).timeout(0);
    match tokio::time::timeout(CONFIRM_WITHIN, request.send()).await {
        Ok(Ok(_)) => {}
        Ok(Err(error)) => {
            tracing::info!(%error, "could not confirm the last updates; Telegram sends them again and they are skipped")
        }
        Err(_) => tracing::info!(
            "Telegram did not answer the confirmation of the last updates; they come again and are skipped"
        ),
    }
}

/// Telegram's own wait after a 429; else a pause growing from one second to a minute.
fn retry_pause(error: &teloxide::RequestError, failures: u32) -> Duration {
    if let teloxide::RequestError::RetryAfter(seconds) = error {
        return seconds.duration();
    }
    let exponent = failures.saturating_sub(1).min(6);
    Duration::from_secs(1u64 << exponent).min(Duration::from_secs(60))
}

/// Polling while a webhook is set gets 409 from Telegram: remove one left by webhook mode.
async fn delete_webhook_if_set(bot: &Bot) {
    match bot.get_webhook_info().await {
        Ok(info) if info.url.is_some() => {
            if let Err(error) = bot.delete_webhook().await {
                tracing::warn!(%error, "could not remove the webhook; polling will fail until it is gone");
            }
        }
        Ok(_) => {}
        Err(error) => tracing::warn!(%error, "getWebhookInfo failed"),
    }
}

/// Handles one update, retrying while the database is unavailable: moving on would let
/// Telegram forget an update the bot never handled. Returns `false` when the bot stopped
/// before the update could be handled.
pub async fn handle_durably(engine: &Engine, input: Input, stop: &CancellationToken) -> bool {
    let mut wait = Duration::from_millis(100);
    loop {
        match engine.handle(input.clone()).await {
            Ok(handled) => {
                run_deferred(engine, handled.deferred);
                return true;
            }
            Err(error) => {
                tracing::warn!(%error, ?wait, "could not handle an update; it stays unconfirmed and is tried again");
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = stop.cancelled() => return false,
                }
                wait = (wait * 2).min(Duration::from_secs(30));
            }
        }
    }
}

/// Reports an update asked for (or left from before a stop), each in a task of its own:
/// they read on their own connection while the next updates are handled. One that fails (the
/// database at fault) is tried again after a growing pause; it stays remembered until made.
pub fn run_deferred(engine: &Engine, deferred: Vec<crate::engine::Due>) {
    for due in deferred {
        let engine = engine.clone();
        tokio::spawn(async move {
            let mut wait = Duration::from_secs(1);
            for _ in 0..8 {
                match engine.run_deferred(due.clone()).await {
                    Ok(_) => return,
                    Err(error) => {
                        tracing::error!(%error, ?wait, "a report could not be made; trying again");
                        tokio::time::sleep(wait).await;
                        wait = (wait * 2).min(Duration::from_secs(60));
                    }
                }
            }
            tracing::error!(
                id = due.id,
                "a report could not be made; it is tried again at the next start"
            );
        });
    }
}

/// Makes the reports that were asked for before the bot stopped.
pub async fn run_reports_left(engine: &Engine) {
    match engine.reports_due().await {
        Ok(due) => run_deferred(engine, due),
        Err(error) => tracing::error!(%error, "the reports left to make could not be read"),
    }
}
