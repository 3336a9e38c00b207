//! Texts officers keep up to date from the bot, such as the cooperative's contacts and office
//! hours: they change more often than releases, so they live here rather than in the code.

use chrono::{DateTime, Utc};

use super::{Result, Tx, unix};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficerText {
    /// Where to find the cooperative: people, phone numbers, office hours, next meeting.
    CooperativeContacts,
}

impl OfficerText {
    fn key(self) -> &'static str {
        match self {
            OfficerText::CooperativeContacts => "cooperative_contacts",
        }
    }
}

/// The text and when it was last changed (Unix seconds).
pub async fn get(tx: &mut Tx, text: OfficerText) -> Result<Option<(String, i64)>> {
    Ok(
        sqlx::query_as("SELECT value, updated_at FROM officer_texts WHERE key = ?")
            .bind(text.key())
            .fetch_optional(tx.conn().await?)
            .await?,
    )
}

pub async fn set(tx: &mut Tx, text: OfficerText, value: &str, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO officer_texts (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(text.key())
    .bind(value)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

pub async fn clear(tx: &mut Tx, text: OfficerText) -> Result<()> {
    sqlx::query("DELETE FROM officer_texts WHERE key = ?")
        .bind(text.key())
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}
