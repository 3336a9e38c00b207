//! What officers did: who broadcast, exported or changed what, and when.

use chrono::{DateTime, Utc};

use super::{Conn, Result, unix};

pub async fn record(
    conn: &mut Conn,
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
        .execute(conn)
        .await?;
    Ok(())
}

/// (officer, action, detail, at), newest first.
pub async fn recent(conn: &mut Conn, limit: i64) -> Result<Vec<(i64, String, String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT officer_id, action, detail, at FROM audit_log ORDER BY id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(conn)
    .await?)
}
