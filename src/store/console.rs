//! The web console's one-time log-in links and its sessions (migration 0019). Tokens are
//! made by the caller and only their SHA-256 is stored here.

use chrono::{DateTime, TimeDelta, Utc};
use sqlx::Row;

use super::{Result, Tx, unix};
use crate::domain::Language;

/// How long a log-in link can be used.
pub const LINK_VALID_FOR: TimeDelta = TimeDelta::minutes(10);

/// How long a session lasts without being used.
pub const SESSION_IDLE: TimeDelta = TimeDelta::hours(12);

/// How many links one person may ask for within [`LINKS_WITHIN`].
pub const LINKS_PER_HOUR: i64 = 5;
pub const LINKS_WITHIN: TimeDelta = TimeDelta::hours(1);

/// A session's last use is written down at most this often (not on every page).
const TOUCH_EVERY: i64 = 60;

/// Records a new link for `user_id`, unless they asked for [`LINKS_PER_HOUR`] within the
/// hour: then `false` and nothing is recorded.
pub async fn add_link(
    tx: &mut Tx,
    token_hash: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool> {
    let recent: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM console_links WHERE user_id = ? AND created_at > ?",
    )
    .bind(user_id)
    .bind(unix(now - LINKS_WITHIN))
    .fetch_one(tx.conn().await?)
    .await?;
    if recent >= LINKS_PER_HOUR {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO console_links (token_hash, user_id, created_at, expires_at)
         VALUES (?, ?, ?, ?)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(unix(now))
    .bind(unix(now + LINK_VALID_FOR))
    .execute(tx.conn().await?)
    .await?;
    // Links older than a day are of no use to anyone.
    sqlx::query("DELETE FROM console_links WHERE created_at < ?")
        .bind(unix(now - TimeDelta::days(1)))
        .execute(tx.conn().await?)
        .await?;
    Ok(true)
}

/// What became of a link opened in a browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkUse {
    /// Valid: it is used up now, for this user.
    Fresh { user_id: i64 },
    /// Used before, or too old, or never made.
    Spent,
}

/// Uses up a link (once: a second use finds it spent).
pub async fn use_link(tx: &mut Tx, token_hash: &str, now: DateTime<Utc>) -> Result<LinkUse> {
    let used: Option<i64> = sqlx::query_scalar(
        "UPDATE console_links SET used_at = ?1
         WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1
         RETURNING user_id",
    )
    .bind(unix(now))
    .bind(token_hash)
    .fetch_optional(tx.conn().await?)
    .await?;
    Ok(match used {
        Some(user_id) => LinkUse::Fresh { user_id },
        None => LinkUse::Spent,
    })
}

/// Is there a link with this token that can still be used? (The page before logging in.)
pub async fn link_usable(tx: &mut Tx, token_hash: &str, now: DateTime<Utc>) -> Result<bool> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT 1 FROM console_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
    )
    .bind(token_hash)
    .bind(unix(now))
    .fetch_optional(tx.conn().await?)
    .await?
    .is_some())
}

/// A browser's session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub user_id: i64,
    pub csrf: String,
    pub language: Language,
    pub browser: String,
    pub started_at: i64,
    pub last_seen: i64,
}

fn session_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Session> {
    Ok(Session {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        csrf: row.try_get("csrf")?,
        language: row.try_get("language")?,
        browser: row.try_get("browser")?,
        started_at: row.try_get("started_at")?,
        last_seen: row.try_get("last_seen")?,
    })
}

const SESSION_COLUMNS: &str = "id, user_id, csrf, language, browser, started_at, last_seen";

/// What a new session is made of (the tokens already made by the caller).
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub csrf: &'a str,
    pub language: Language,
    pub browser: &'a str,
}

pub async fn start_session(tx: &mut Tx, new: &NewSession<'_>, now: DateTime<Utc>) -> Result<i64> {
    // Sessions idle for longer than allowed are gone for good.
    sqlx::query("DELETE FROM console_sessions WHERE last_seen <= ?")
        .bind(unix(now - SESSION_IDLE))
        .execute(tx.conn().await?)
        .await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO console_sessions
             (token_hash, user_id, csrf, language, browser, started_at, last_seen)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(new.token_hash)
    .bind(new.user_id)
    .bind(new.csrf)
    .bind(new.language)
    .bind(new.browser)
    .bind(unix(now))
    .bind(unix(now))
    .fetch_one(tx.conn().await?)
    .await?)
}

/// The session a cookie's token stands for, if it was used within [`SESSION_IDLE`].
pub async fn session(tx: &mut Tx, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Session>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM console_sessions WHERE token_hash = ? AND last_seen > ?"
    );
    let row = sqlx::query(&sql)
        .bind(token_hash)
        .bind(unix(now - SESSION_IDLE))
        .fetch_optional(tx.conn().await?)
        .await?;
    row.as_ref().map(session_from_row).transpose()
}

/// Does the session's last use need writing down (once a minute is enough)?
pub fn needs_touch(session: &Session, now: DateTime<Utc>) -> bool {
    unix(now) - session.last_seen >= TOUCH_EVERY
}

pub async fn touch(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE console_sessions SET last_seen = ? WHERE id = ?")
        .bind(unix(now))
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

pub async fn set_language(tx: &mut Tx, id: i64, language: Language) -> Result<()> {
    sqlx::query("UPDATE console_sessions SET language = ? WHERE id = ?")
        .bind(language)
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// A person's sessions still in use, the latest used first.
pub async fn sessions_of(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> Result<Vec<Session>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM console_sessions WHERE user_id = ? AND last_seen > ?
         ORDER BY last_seen DESC, id DESC"
    );
    let rows = sqlx::query(&sql)
        .bind(user_id)
        .bind(unix(now - SESSION_IDLE))
        .fetch_all(tx.conn().await?)
        .await?;
    rows.iter().map(session_from_row).collect()
}

/// Ends one of `user_id`'s sessions; false if it was not theirs (or not there).
pub async fn end_session(tx: &mut Tx, user_id: i64, id: i64) -> Result<bool> {
    Ok(
        sqlx::query("DELETE FROM console_sessions WHERE id = ? AND user_id = ?")
            .bind(id)
            .bind(user_id)
            .execute(tx.conn().await?)
            .await?
            .rows_affected()
            > 0,
    )
}

/// Ends every session of `user_id` and the links not used yet (log out everywhere; a staff
/// member removed). Returns how many sessions ended.
pub async fn end_all(tx: &mut Tx, user_id: i64) -> Result<u64> {
    let ended = sqlx::query("DELETE FROM console_sessions WHERE user_id = ?")
        .bind(user_id)
        .execute(tx.conn().await?)
        .await?
        .rows_affected();
    // Spent, not deleted: they still count against the links an hour.
    sqlx::query("UPDATE console_links SET used_at = coalesce(used_at, 0) WHERE user_id = ?")
        .bind(user_id)
        .execute(tx.conn().await?)
        .await?;
    Ok(ended)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Database;

    async fn db_with_user(id: i64) -> Database {
        let db = crate::store::open("sqlite::memory:").await.unwrap();
        db.writer()
            .write(async |tx| {
                crate::store::users::touch(tx, id, Language::Id, Utc::now()).await?;
                Ok::<_, crate::store::StoreError>(())
            })
            .await
            .unwrap();
        db
    }

    #[tokio::test]
    async fn a_link_works_once_and_not_after_ten_minutes() {
        let db = db_with_user(7).await;
        let now = Utc::now();
        let used = db
            .writer()
            .write(async |tx| {
                assert!(add_link(tx, "a", 7, now).await?);
                assert!(add_link(tx, "b", 7, now).await?);
                let first = use_link(tx, "a", now + TimeDelta::minutes(9)).await?;
                let again = use_link(tx, "a", now + TimeDelta::minutes(9)).await?;
                let late = use_link(tx, "b", now + TimeDelta::minutes(10)).await?;
                let never = use_link(tx, "c", now).await?;
                Ok::<_, crate::store::StoreError>((first, again, late, never))
            })
            .await
            .unwrap();
        assert_eq!(used.0, LinkUse::Fresh { user_id: 7 });
        assert_eq!(
            (used.1, used.2, used.3),
            (LinkUse::Spent, LinkUse::Spent, LinkUse::Spent)
        );
    }

    #[tokio::test]
    async fn no_more_than_five_links_an_hour() {
        let db = db_with_user(7).await;
        let now = Utc::now();
        let made = db
            .writer()
            .write(async |tx| {
                let mut made = Vec::new();
                for n in 0..6 {
                    made.push(add_link(tx, &format!("t{n}"), 7, now).await?);
                }
                made.push(add_link(tx, "later", 7, now + TimeDelta::minutes(61)).await?);
                Ok::<_, crate::store::StoreError>(made)
            })
            .await
            .unwrap();
        assert_eq!(made, [true, true, true, true, true, false, true]);
    }

    #[tokio::test]
    async fn a_session_ends_after_twelve_idle_hours_and_with_log_out_everywhere() {
        let db = db_with_user(7).await;
        let now = Utc::now();
        let seen = db
            .writer()
            .write(async |tx| {
                let new = |hash: &'static str| NewSession {
                    token_hash: hash,
                    user_id: 7,
                    csrf: "c",
                    language: Language::En,
                    browser: "Chrome, Linux",
                };
                start_session(tx, &new("s1"), now).await?;
                start_session(tx, &new("s2"), now).await?;
                let fresh = session(tx, "s1", now + TimeDelta::hours(11))
                    .await?
                    .is_some();
                let idle = session(tx, "s1", now + TimeDelta::hours(12))
                    .await?
                    .is_some();
                let listed = sessions_of(tx, 7, now).await?.len();
                let ended = end_all(tx, 7).await?;
                let after = session(tx, "s2", now).await?.is_some();
                Ok::<_, crate::store::StoreError>((fresh, idle, listed, ended, after))
            })
            .await
            .unwrap();
        assert_eq!(seen, (true, false, 2, 2, false));
    }
}
