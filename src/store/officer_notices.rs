//! How often a staff chat hears of new questions: at most once every quiet spell (15 minutes),
//! the rest counted and told together, unless the officer chose to hear of each at once.

use chrono::{DateTime, TimeDelta, Utc};

use super::{Result, Tx, unix};

/// What to do with the notice of one new message for a chat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Send it as it is.
    Now,
    /// Tell the chat instead that `n` new messages wait (this one among them).
    Together(i64),
    /// Hold it: counted, and told with the others when the quiet spell is over.
    Held,
}

/// A new message for `chat_id` at `now`: whether to tell it now, told together with the ones
/// held since the last notice, or held.
pub async fn arrive(
    tx: &mut Tx,
    chat_id: i64,
    now: DateTime<Utc>,
    quiet: TimeDelta,
) -> Result<Notice> {
    let (each_at_once, last_at, held): (bool, Option<i64>, i64) = sqlx::query_as(
        "INSERT INTO officer_notices (chat_id) VALUES (?) ON CONFLICT (chat_id) DO UPDATE
             SET chat_id = excluded.chat_id
         RETURNING each_at_once, last_at, held",
    )
    .bind(chat_id)
    .fetch_one(tx.conn().await?)
    .await?;
    let quiet_over = last_at.is_none_or(|at| at <= unix(now - quiet));
    let notice = match (each_at_once, quiet_over, held) {
        (true, _, _) | (false, true, 0) => Notice::Now,
        (false, true, held) => Notice::Together(held + 1),
        (false, false, _) => Notice::Held,
    };
    let (last_at, held) = match notice {
        Notice::Now | Notice::Together(_) => (Some(unix(now)), 0),
        Notice::Held => (last_at, held + 1),
    };
    sqlx::query("UPDATE officer_notices SET last_at = ?2, held = ?3 WHERE chat_id = ?1")
        .bind(chat_id)
        .bind(last_at)
        .bind(held)
        .execute(tx.conn().await?)
        .await?;
    Ok(notice)
}

/// The chats with messages held whose quiet spell is over at `now`, and how many each has;
/// each is counted as told now.
pub async fn due(tx: &mut Tx, now: DateTime<Utc>, quiet: TimeDelta) -> Result<Vec<(i64, i64)>> {
    // Read first (RETURNING gives the new count, 0), then counted as told in one statement
    // over the same rows, within the same unit of work.
    let due: Vec<(i64, i64)> =
        sqlx::query_as("SELECT chat_id, held FROM officer_notices WHERE held > 0 AND last_at <= ?")
            .bind(unix(now - quiet))
            .fetch_all(tx.conn().await?)
            .await?;
    sqlx::query(
        "UPDATE officer_notices SET last_at = ?2, held = 0 WHERE held > 0 AND last_at <= ?1",
    )
    .bind(unix(now - quiet))
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    Ok(due)
}

/// Whether the officer in `chat_id` hears of each new message at once.
pub async fn each_at_once(tx: &mut Tx, chat_id: i64) -> Result<bool> {
    let each: Option<bool> =
        sqlx::query_scalar("SELECT each_at_once FROM officer_notices WHERE chat_id = ?")
            .bind(chat_id)
            .fetch_optional(tx.conn().await?)
            .await?;
    Ok(each.unwrap_or(false))
}

/// The officer in `chat_id` chooses to hear of each new message at once, or together.
pub async fn set_each_at_once(tx: &mut Tx, chat_id: i64, each: bool) -> Result<()> {
    sqlx::query(
        "INSERT INTO officer_notices (chat_id, each_at_once) VALUES (?1, ?2)
         ON CONFLICT (chat_id) DO UPDATE SET each_at_once = excluded.each_at_once",
    )
    .bind(chat_id)
    .bind(each)
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn one_notice_per_quiet_spell_and_the_rest_told_together() {
        let db = crate::store::open("sqlite::memory:").await.unwrap();
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let at = |minutes| t0 + TimeDelta::minutes(minutes);
        let quiet = TimeDelta::minutes(15);
        db.writer()
            .write(async |tx| {
                assert_eq!(arrive(tx, 7, at(0), quiet).await?, Notice::Now);
                assert_eq!(arrive(tx, 7, at(1), quiet).await?, Notice::Held);
                assert_eq!(arrive(tx, 7, at(2), quiet).await?, Notice::Held);
                assert_eq!(arrive(tx, 8, at(2), quiet).await?, Notice::Now, "per chat");
                assert!(due(tx, at(14), quiet).await?.is_empty(), "still quiet");
                assert_eq!(due(tx, at(15), quiet).await?, vec![(7, 2)]);
                assert!(due(tx, at(16), quiet).await?.is_empty(), "told once");
                assert_eq!(arrive(tx, 7, at(20), quiet).await?, Notice::Held);
                // The tick missed it (a stop): the next message tells all together.
                assert_eq!(arrive(tx, 7, at(40), quiet).await?, Notice::Together(2));
                set_each_at_once(tx, 7, true).await?;
                assert!(each_at_once(tx, 7).await?);
                assert_eq!(arrive(tx, 7, at(41), quiet).await?, Notice::Now);
                assert_eq!(arrive(tx, 7, at(41), quiet).await?, Notice::Now);
                assert!(!each_at_once(tx, 9).await?, "together unless chosen");
                Ok::<_, crate::store::StoreError>(())
            })
            .await
            .unwrap();
    }
}
