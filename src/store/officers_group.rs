//! Whether the officers' group may see personal data: only while the bot's last check found
//! every member an officer, and no change of members came since (see `telegram::group_guard`).

use chrono::{DateTime, Utc};

use super::{Result, Tx};

/// The group gets personal data.
pub async fn is_trusted(tx: &mut Tx, chat_id: i64) -> Result<bool> {
    let trusted: Option<bool> = sqlx::query_scalar(
        "SELECT trusted AND checked_at >= distrusted_at FROM officers_group WHERE chat_id = ?",
    )
    .bind(chat_id)
    .fetch_optional(tx.conn().await?)
    .await?;
    Ok(trusted.unwrap_or(false))
}

/// Writes down a check begun at `begun`: ignored if a change of members was seen since.
pub async fn record(
    tx: &mut Tx,
    chat_id: i64,
    trusted: bool,
    members: i64,
    begun: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO officers_group (chat_id, trusted, members, checked_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (chat_id) DO UPDATE SET
             trusted = excluded.trusted, members = excluded.members, checked_at = excluded.checked_at
         WHERE excluded.checked_at >= officers_group.distrusted_at",
    )
    .bind(chat_id)
    .bind(trusted)
    .bind(members)
    .bind(begun.timestamp_millis())
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// The group's members changed: no personal data until it is checked again.
pub async fn distrust(tx: &mut Tx, chat_id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO officers_group (chat_id, trusted, checked_at, distrusted_at) VALUES (?1, 0, 0, ?2)
         ON CONFLICT (chat_id) DO UPDATE SET trusted = 0, distrusted_at = excluded.distrusted_at",
    )
    .bind(chat_id)
    .bind(now.timestamp_millis())
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}
