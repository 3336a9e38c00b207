//! People who have written to the bot.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, unix};
use crate::domain::Language;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub language: Language,
    /// The user picked the language themselves (rather than it being guessed).
    pub language_chosen: bool,
    pub blocked: bool,
    pub first_seen: i64,
}

impl User {
    fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<User> {
        let status: String = row.try_get("status")?;
        Ok(User {
            id: row.try_get("id")?,
            language: row.try_get("language")?,
            language_chosen: row.try_get("language_chosen")?,
            blocked: status == "blocked",
            first_seen: row.try_get("first_seen")?,
        })
    }
}

/// A user as an update finds them: who they are and their conversation state (read in the
/// same statement, as every update needs it).
#[derive(Clone, Debug)]
pub struct Seen {
    pub user: User,
    pub state: Option<String>,
}

/// Records that the user was seen now, creating them with `language` on first contact.
/// A user who writes is reachable again, so a `blocked` mark is lifted.
///
/// Runs on every update (with the update's first statements, see `updates::begin`): one
/// round trip, which also reads the conversation state.
pub async fn touch(tx: &mut Tx, id: i64, language: Language, now: DateTime<Utc>) -> Result<Seen> {
    let row = sqlx::query(&touch_sql("?1", "?2", "?3"))
        .bind(id)
        .bind(language)
        .bind(unix(now))
        .fetch_one(tx.conn().await?)
        .await?;
    Seen::from_row(&row)
}

/// The statements of [`touch`], with their parameters' names. `last_seen` is kept to the
/// minute: a conversation is a burst of messages, and writing the user's row on each one would
/// add a page to every update's commit.
pub(super) fn touch_sql(id: &str, language: &str, now: &str) -> String {
    let state = super::conversations::state_of("users.id");
    format!(
        "INSERT INTO users (id, language, first_seen, last_seen) VALUES ({id}, {language}, {now}, {now})
         ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, status = 'active'
         WHERE users.last_seen < excluded.last_seen - 60 OR users.status <> 'active';
         SELECT id, language, language_chosen, status, first_seen,
                {state} AS state
         FROM users WHERE id = {id};"
    )
}

impl Seen {
    pub(super) fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Seen> {
        Ok(Seen {
            user: User::from_row(row)?,
            state: row.try_get("state")?,
        })
    }
}

pub async fn find(tx: &mut Tx, id: i64) -> Result<Option<User>> {
    let conn = tx.conn().await?;
    sqlx::query("SELECT id, language, language_chosen, status, first_seen FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .as_ref()
        .map(User::from_row)
        .transpose()
}

/// The language to write to a user in (the default for someone never seen).
pub async fn language_of(tx: &mut Tx, id: i64, default: Language) -> Result<Language> {
    let language: Option<Language> = sqlx::query_scalar("SELECT language FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(tx.conn().await?)
        .await?;
    Ok(language.unwrap_or(default))
}

pub async fn set_language(tx: &mut Tx, id: i64, language: Language) -> Result<()> {
    sqlx::query("UPDATE users SET language = ?2, language_chosen = 1 WHERE id = ?1")
        .bind(id)
        .bind(language)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// Marks whether the user has blocked the bot (Telegram said 403, or a `my_chat_member`
/// update). A user the bot has never seen is not created.
pub async fn set_blocked(tx: &mut Tx, id: i64, blocked: bool) -> Result<()> {
    sqlx::query("UPDATE users SET status = ?2 WHERE id = ?1")
        .bind(id)
        .bind(if blocked { "blocked" } else { "active" })
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// Erases the user and, through the foreign keys, everything stored about them; then every
/// queued or delivered message to them or quoting them. Run inside the erasing transaction;
/// features whose rows need more than a cascade (freeing a training seat) act before this.
pub async fn erase(tx: &mut Tx, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM outbox WHERE chat_id = ?1 OR subject_user_id = ?1")
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
    sqlx::query("DELETE FROM officer_notices WHERE chat_id = ?")
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
    sqlx::query("DELETE FROM users WHERE id = ?")
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn last_seen_and_status(tx: &mut Tx, id: i64) -> (i64, String) {
        sqlx::query_as("SELECT last_seen, status FROM users WHERE id = ?")
            .bind(id)
            .fetch_one(tx.conn().await.unwrap())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn touch_creates_keeps_last_seen_to_the_minute_and_lifts_a_block() {
        let db = crate::store::open("sqlite::memory:").await.unwrap();
        db.writer()
            .write(async |tx| {
                let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
                let at = |seconds| t0 + chrono::TimeDelta::seconds(seconds);

                let seen = touch(tx, 7, Language::En, t0).await.unwrap();
                assert_eq!((seen.user.id, seen.user.language), (7, Language::En));
                assert_eq!(seen.state, None);
                let first = last_seen_and_status(tx, 7).await;
                assert_eq!(first, (unix(t0), "active".into()));

                // A second message within the minute does not write the row again…
                touch(tx, 7, Language::Id, at(59)).await.unwrap();
                assert_eq!(last_seen_and_status(tx, 7).await, first);
                // …one after it does; the language found on first contact stays.
                let later = touch(tx, 7, Language::Id, at(61)).await.unwrap();
                assert_eq!(later.user.language, Language::En);
                assert_eq!(last_seen_and_status(tx, 7).await.0, unix(at(61)));

                // A user marked blocked who writes is reachable again at once.
                set_blocked(tx, 7, true).await.unwrap();
                let back = touch(tx, 7, Language::En, at(62)).await.unwrap();
                assert!(!back.user.blocked);
                assert_eq!(
                    last_seen_and_status(tx, 7).await,
                    (unix(at(62)), "active".into())
                );
                Ok::<_, crate::store::StoreError>(())
            })
            .await
            .unwrap();
    }
}
