//! Where the bot's messages about a person went (officers' chats, the officers' group), so
//! that erasing the person reaches them too. Ids only.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, unix};

/// One message about a person in someone else's chat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Copy {
    pub chat_id: i64,
    pub message_id: i32,
    /// A copy of the person's own photo or voice note (it cannot be edited, only deleted).
    pub media: bool,
}

/// Remembers a delivered message about `subject` (an edit of one already known changes
/// nothing).
pub async fn remember(tx: &mut Tx, subject: i64, copy: Copy, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO notice_copies (chat_id, message_id, subject_user_id, media, sent_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(copy.chat_id)
    .bind(copy.message_id)
    .bind(subject)
    .bind(copy.media)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// Every message about `subject`, forgotten as they are handed over (for erasure).
pub async fn take(tx: &mut Tx, subject: i64) -> Result<Vec<Copy>> {
    let rows = sqlx::query(
        "DELETE FROM notice_copies WHERE subject_user_id = ? RETURNING chat_id, message_id, media",
    )
    .bind(subject)
    .fetch_all(tx.conn().await?)
    .await?;
    let mut copies = rows
        .iter()
        .map(|row| {
            Ok(Copy {
                chat_id: row.try_get("chat_id")?,
                message_id: row.try_get("message_id")?,
                media: row.try_get("media")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    copies.sort_by_key(|c| (c.chat_id, c.message_id));
    Ok(copies)
}
