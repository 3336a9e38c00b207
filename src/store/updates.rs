//! Telegram update ids already handled, so a re-delivered update has no second effect.

use chrono::{DateTime, Utc};

use sqlx::Row;

use super::{
    Conn, Result,
    batch::Batch,
    unix,
    users::{self, Seen},
};
use crate::domain::Language;

/// Records the update as handled. Returns `false` when it already was.
pub async fn mark_processed(conn: &mut Conn, update_id: i64, now: DateTime<Utc>) -> Result<bool> {
    let fresh = sqlx::query(&mark_processed_sql("?1", "?2"))
        .bind(update_id)
        .bind(unix(now))
        .fetch_optional(conn)
        .await?;
    Ok(fresh.is_some())
}

/// The statement of [`mark_processed`]: it gives a row (`fresh`) only when the id is new.
fn mark_processed_sql(update_id: &str, now: &str) -> String {
    format!(
        "INSERT INTO processed_updates (update_id, processed_at) VALUES ({update_id}, {now})
         ON CONFLICT (update_id) DO NOTHING RETURNING 1 AS fresh;\n"
    )
}

/// How an update's transaction began.
#[derive(Debug)]
pub enum Begun {
    /// The update was handled before: roll back.
    Again,
    /// A new update, with the person it counts as contact from, when it does.
    Fresh(Option<Seen>),
}

/// Begins an update's write transaction, records the update as handled and, when `contact`
/// names someone, records that they were seen ([`users::touch`]): one round trip to SQLite's
/// thread. The transaction is open either way (roll it back, or end it with
/// [`Batch::commit`](super::batch::Batch::commit)).
pub async fn begin(
    conn: &mut Conn,
    update_id: Option<i64>,
    contact: Option<(i64, Language)>,
    now: DateTime<Utc>,
) -> Result<Begun> {
    let mut batch = Batch::new();
    batch.sql("BEGIN IMMEDIATE;\n");
    let now = batch.param(unix(now));
    if let Some(update_id) = update_id {
        let sql = mark_processed_sql(&batch.param(update_id), &now);
        batch.sql(&sql);
    }
    if let Some((id, language)) = contact {
        let sql = users::touch_sql(&batch.param(id), &batch.param(language.code()), &now);
        batch.sql(&sql);
    }
    let rows = batch.fetch_all(conn).await?;
    let fresh = update_id.is_none() || rows.iter().any(|row| row.try_column("fresh").is_ok());
    if !fresh {
        return Ok(Begun::Again);
    }
    let seen = rows
        .iter()
        .find(|row| row.try_column("fresh").is_err())
        .map(Seen::from_row)
        .transpose()?;
    Ok(Begun::Fresh(seen))
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
