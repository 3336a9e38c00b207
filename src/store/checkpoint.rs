//! Folding the write-ahead log into the database file, off everyone's path.
//!
//! After an erasure the log still holds copies of the erased rows until it is checkpointed
//! and truncated. A `TRUNCATE` checkpoint must wait for every reader (a backup, a `sqlite3`
//! shell) to leave the log, and done on the writer's connection it held up every reply
//! meanwhile. Here it runs on a connection of its own that never waits: each try copies what
//! it can and gives up at once where a reader or the writer is in the way, and the tries go on
//! in the background, a little further apart each time, until the log is empty.

use std::{path::PathBuf, sync::Arc, time::Duration};

use sqlx::{ConnectOptions, SqliteConnection, sqlite::SqliteConnectOptions};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use super::Result;

/// Asks for the log to be emptied; a background task does it.
#[derive(Clone)]
pub struct Checkpointer {
    file: Option<PathBuf>,
    wanted: Arc<Notify>,
}

/// Longest pause between two tries.
const MOST_PATIENT: Duration = Duration::from_secs(5);

impl Checkpointer {
    pub(super) fn new(file: Option<PathBuf>) -> Checkpointer {
        Checkpointer {
            file,
            wanted: Arc::new(Notify::new()),
        }
    }

    /// The log holds erased data: empty it as soon as readers allow.
    pub fn request(&self) {
        self.wanted.notify_one();
    }

    /// Serves requests until `stop`.
    pub(super) async fn run(self, stop: CancellationToken) {
        if self.file.is_none() {
            return;
        }
        loop {
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = self.wanted.notified() => {}
            }
            let mut pause = Duration::from_millis(50);
            loop {
                match self.try_truncate().await {
                    Ok(true) => break,
                    Ok(false) => tracing::debug!(?pause, "checkpoint held up by a reader"),
                    Err(error) => tracing::warn!(%error, ?pause, "checkpoint failed; trying again"),
                }
                tokio::select! {
                    _ = stop.cancelled() => return,
                    _ = tokio::time::sleep(pause) => {}
                }
                pause = (pause * 2).min(MOST_PATIENT);
            }
        }
    }

    /// One try: copies what it can into the file and empties the log if nothing is in the way.
    /// Returns whether the log is now empty.
    pub async fn try_truncate(&self) -> Result<bool> {
        let Some(file) = &self.file else {
            return Ok(true);
        };
        let mut conn = never_waiting(file).await?;
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&mut conn)
            .await?;
        Ok(busy == 0)
    }

    /// Tries until the log is empty or `within` has passed (a clean stop).
    pub async fn truncate_within(&self, within: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            match self.try_truncate().await {
                Ok(true) => return true,
                Ok(false) => {}
                Err(error) => tracing::warn!(%error, "checkpoint at stop failed"),
            }
            if tokio::time::Instant::now() + Duration::from_millis(50) > deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// A connection that gives up at once when the database is locked (no busy handler).
async fn never_waiting(file: &std::path::Path) -> Result<SqliteConnection> {
    Ok(SqliteConnectOptions::new()
        .filename(file)
        .busy_timeout(Duration::ZERO)
        .connect()
        .await?)
}
