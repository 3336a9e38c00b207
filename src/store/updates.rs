//! Telegram update ids already handled, so a re-delivered update has no second effect.

use chrono::{DateTime, Utc};

use sqlx::Row;

use super::{
    Result, Tx,
    batch::Batch,
    unix,
    users::{self, Seen},
};
use crate::domain::Language;

/// Records the update as handled. Returns `false` when it already was.
pub async fn mark_processed(tx: &mut Tx, update_id: i64, now: DateTime<Utc>) -> Result<bool> {
    let fresh = sqlx::query(&mark_processed_sql("?1", "?2"))
        .bind(update_id)
        .bind(unix(now))
        .fetch_optional(tx.conn().await?)
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

/// An update's first statements, which begin its unit of work: records the update as handled
/// and, when `contact` names someone, records that they were seen ([`users::touch`]), in one
/// round trip to SQLite's thread. [`Begun::Again`]: end the unit of work with an error, so
/// that it is rolled back.
pub async fn begin(
    tx: &mut Tx,
    update_id: Option<i64>,
    contact: Option<(i64, Language)>,
    now: DateTime<Utc>,
) -> Result<Begun> {
    let mut batch = Batch::new();
    let now = batch.param(unix(now));
    if let Some(update_id) = update_id {
        let sql = mark_processed_sql(&batch.param(update_id), &now);
        batch.sql(&sql);
    }
    if let Some((id, language)) = contact {
        let sql = users::touch_sql(&batch.param(id), &batch.param(language), &now);
        batch.sql(&sql);
    }
    let rows = tx.run(batch).await?;
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
pub async fn prune(tx: &mut Tx, before: DateTime<Utc>) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM processed_updates WHERE processed_at < ?")
            .bind(unix(before))
            .execute(tx.conn().await?)
            .await?
            .rows_affected(),
    )
}
