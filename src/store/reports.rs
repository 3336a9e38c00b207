//! Reports still to make (`reports_due`): written with the update that asked for one, taken
//! in the transaction that queues its messages, so each is made and sent exactly once, also
//! across a stop.

use chrono::{DateTime, Utc};

use super::{Result, Tx};

/// Remembers a report to make; its id.
pub async fn add(tx: &mut Tx, payload: &str, now: DateTime<Utc>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO reports_due (payload, asked_at) VALUES (?1, ?2) RETURNING id",
    )
    .bind(payload)
    .bind(now.timestamp())
    .fetch_one(tx.conn().await?)
    .await?)
}

/// Takes report `id` off the list: `false` if it was taken already (made by another run).
pub async fn take(tx: &mut Tx, id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM reports_due WHERE id = ?1")
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Every report still to make, oldest first: `(id, payload)`.
pub async fn due(tx: &mut Tx) -> Result<Vec<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT id, payload FROM reports_due ORDER BY id")
            .fetch_all(tx.conn().await?)
            .await?,
    )
}
