//! Telegram update ids already handled, so a re-delivered update has no second effect.

use chrono::{DateTime, Utc};

use super::{Conn, Result, unix};

/// Records the update as handled. Returns `false` when it already was.
pub async fn mark_processed(conn: &mut Conn, update_id: i64, now: DateTime<Utc>) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO processed_updates (update_id, processed_at) VALUES (?, ?)
         ON CONFLICT (update_id) DO NOTHING",
    )
    .bind(update_id)
    .bind(unix(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Begins an update's write transaction and records the update as handled, in one round trip
/// to SQLite. Returns `false` when the update was handled before; the transaction is open
/// either way (roll it back, or end it with [`Batch::commit`](super::batch::Batch::commit)).
pub async fn begin(conn: &mut Conn, update_id: Option<i64>, now: DateTime<Utc>) -> Result<bool> {
    let Some(update_id) = update_id else {
        sqlx::query("BEGIN IMMEDIATE").execute(conn).await?;
        return Ok(true);
    };
    // RETURNING gives a row only when the insert happened.
    let fresh = sqlx::query(
        "BEGIN IMMEDIATE;
         INSERT INTO processed_updates (update_id, processed_at) VALUES (?1, ?2)
         ON CONFLICT (update_id) DO NOTHING RETURNING update_id",
    )
    .bind(update_id)
    .bind(unix(now))
    .fetch_optional(conn)
    .await?;
    Ok(fresh.is_some())
}

/// Forgets ids older than `before`. Telegram keeps undelivered updates for about a day, so a
/// week of ids covers every re-delivery.
pub async fn prune(conn: &mut Conn, before: DateTime<Utc>) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM processed_updates WHERE processed_at < ?")
            .bind(unix(before))
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
