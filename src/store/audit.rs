//! What officers did: who broadcast, exported or changed what, and when.

use chrono::{DateTime, Utc};

use super::{Result, Tx, unix};

pub async fn record(
    tx: &mut Tx,
    officer_id: i64,
    action: &str,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("INSERT INTO audit_log (officer_id, action, detail, at) VALUES (?, ?, ?, ?)")
        .bind(officer_id)
        .bind(action)
        .bind(detail)
        .bind(unix(now))
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// (officer, action, detail, at), newest first.
pub async fn recent(tx: &mut Tx, limit: i64) -> Result<Vec<(i64, String, String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT officer_id, action, detail, at FROM audit_log ORDER BY id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(tx.conn().await?)
    .await?)
}

/// A page of the log, newest first: (officer, action, detail, at), and how many lines in all.
pub async fn page(
    tx: &mut Tx,
    offset: i64,
    limit: i64,
) -> Result<(Vec<(i64, String, String, i64)>, i64)> {
    let rows = sqlx::query_as(
        "SELECT officer_id, action, detail, at FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?",
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(tx.conn().await?)
    .await?;
    let total = sqlx::query_scalar("SELECT count(*) FROM audit_log")
        .fetch_one(tx.conn().await?)
        .await?;
    Ok((rows, total))
}
