//! Long polling: each update is handled (committed) before the next is asked for, so Telegram
//! only ever confirms updates the bot has durably handled; anything not handled when the
//! process dies is delivered again and the engine skips what it has already done.

use std::time::Duration;

use futures::StreamExt;
use teloxide::{
    Bot,
    net::Download,
    prelude::Requester,
    types::FileId,
    update_listeners::{AsUpdateStream, Polling, UpdateListener},
};
use tokio_util::sync::CancellationToken;

use super::update::to_input;
use crate::domain::training_csv;
use crate::engine::{Engine, Event, Input};

/// Polls until `stop` is cancelled; the update in hand is finished first.
pub async fn run(bot: Bot, engine: Engine, stop: CancellationToken) {
    let mut listener = Polling::builder(bot.clone())
        .timeout(Duration::from_secs(10))
        .delete_webhook()
        .await
        .build();
    let stop_token = listener.stop_token();
    let watcher = {
        let stop = stop.clone();
        tokio::spawn(async move {
            stop.cancelled().await;
            stop_token.stop();
        })
    };
    let stream = listener.as_stream();
    futures::pin_mut!(stream);
    tracing::info!("polling for updates");
    while let Some(item) = stream.next().await {
        match item {
            Ok(update) => {
                if let Some(input) = to_input(&update) {
                    let input = fetch_officers_csv(&bot, &engine, input).await;
                    handle_durably(&engine, input, &stop).await;
                }
            }
            // teloxide strips URLs (and so the token) from these errors.
            Err(error) => {
                tracing::warn!(%error, "getUpdates failed; teloxide retries with backoff")
            }
        }
    }
    watcher.abort();
    tracing::info!("polling stopped");
}

/// Handles one update, retrying while the database is unavailable: moving on would let
/// Telegram forget an update the bot never handled.
pub async fn handle_durably(engine: &Engine, input: Input, stop: &CancellationToken) {
    let mut wait = Duration::from_millis(100);
    loop {
        match engine.handle(input.clone()).await {
            Ok(_) => return,
            Err(error) => {
                tracing::error!(%error, ?wait, "could not handle an update; retrying");
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = stop.cancelled() => return,
                }
                wait = (wait * 2).min(Duration::from_secs(30));
            }
        }
    }
}

/// The engine does no I/O, so a trainings CSV an officer sends is fetched here first (at most
/// `training_csv::MAX_BYTES`). If the download fails the engine gets the file without content
/// and tells the officer to try again.
async fn fetch_officers_csv(bot: &Bot, engine: &Engine, mut input: Input) -> Input {
    let officer = input.chat.private
        && input
            .sender
            .as_ref()
            .is_some_and(|s| engine.settings().is_admin(s.id));
    if let Event::Document {
        file_id,
        file_name,
        mime_type,
        size,
        content,
    } = &mut input.event
    {
        let wanted = officer
            && *size <= training_csv::MAX_BYTES
            && training_csv::looks_like_csv(file_name.as_deref(), mime_type.as_deref());
        if wanted {
            match download(bot, file_id).await {
                Ok(bytes) => *content = Some(bytes),
                // teloxide hides the token in these errors.
                Err(error) => tracing::warn!(%error, "could not download an officer's CSV"),
            }
        }
    }
    input
}

async fn download(bot: &Bot, file_id: &str) -> anyhow::Result<Vec<u8>> {
    let file = bot.get_file(FileId(file_id.to_owned())).await?;
    anyhow::ensure!(
        u64::from(file.meta.size) <= training_csv::MAX_BYTES,
        "file larger than 1 MiB"
    );
    let mut bytes = Vec::new();
    bot.download_file(&file.path, &mut bytes).await?;
    Ok(bytes)
}
