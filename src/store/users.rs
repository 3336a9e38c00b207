//! People who have written to the bot.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Conn, Result, StoreError, unix};
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
        let language: String = row.try_get("language")?;
        let status: String = row.try_get("status")?;
        Ok(User {
            id: row.try_get("id")?,
            language: Language::parse(&language)
                .ok_or_else(|| StoreError::Corrupt(format!("user language {language:?}")))?,
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
/// statement, which also reads the conversation state.
pub async fn touch(
    conn: &mut Conn,
    id: i64,
    language: Language,
    now: DateTime<Utc>,
) -> Result<Seen> {
    let row = sqlx::query(&touch_sql("?1", "?2", "?3"))
        .bind(id)
        .bind(language.code())
        .bind(unix(now))
        .fetch_one(conn)
        .await?;
    Seen::from_row(&row)
}

/// The statement of [`touch`], with its parameters' names.
pub(super) fn touch_sql(id: &str, language: &str, now: &str) -> String {
    format!(
        "INSERT INTO users (id, language, first_seen, last_seen) VALUES ({id}, {language}, {now}, {now})
         ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, status = 'active'
         RETURNING id, language, language_chosen, status, first_seen,
                   (SELECT state FROM conversations WHERE user_id = users.id) AS state;"
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

pub async fn find(conn: &mut Conn, id: i64) -> Result<Option<User>> {
    sqlx::query("SELECT id, language, language_chosen, status, first_seen FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .as_ref()
        .map(User::from_row)
        .transpose()
}

/// The language to write to a user in (the default for someone never seen).
pub async fn language_of(conn: &mut Conn, id: i64, default: Language) -> Result<Language> {
    let code: Option<String> = sqlx::query_scalar("SELECT language FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(code.as_deref().and_then(Language::parse).unwrap_or(default))
}

pub async fn set_language(conn: &mut Conn, id: i64, language: Language) -> Result<()> {
    sqlx::query("UPDATE users SET language = ?2, language_chosen = 1 WHERE id = ?1")
        .bind(id)
        .bind(language.code())
        .execute(conn)
        .await?;
    Ok(())
}

/// Marks whether the user has blocked the bot (Telegram said 403, or a `my_chat_member`
/// update). A user the bot has never seen is not created.
pub async fn set_blocked(conn: &mut Conn, id: i64, blocked: bool) -> Result<()> {
    sqlx::query("UPDATE users SET status = ?2 WHERE id = ?1")
        .bind(id)
        .bind(if blocked { "blocked" } else { "active" })
        .execute(conn)
        .await?;
    Ok(())
}

/// Erases the user and, through the foreign keys, everything stored about them; then every
/// queued or delivered message to them or quoting them. Run inside the erasing transaction;
/// features whose rows need more than a cascade (freeing a training seat) act before this.
pub async fn erase(conn: &mut Conn, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM outbox WHERE chat_id = ?1 OR subject_user_id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM users WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
