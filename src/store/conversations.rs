//! Where each user's conversation stands, as the engine's state serialised to JSON.

use chrono::{DateTime, Utc};

use super::{Conn, Result, unix};

pub async fn load(conn: &mut Conn, user_id: i64) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT state FROM conversations WHERE user_id = ?")
            .bind(user_id)
            .fetch_optional(conn)
            .await?,
    )
}

pub async fn save(conn: &mut Conn, user_id: i64, state: &str, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO conversations (user_id, state, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(state)
    .bind(unix(now))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn clear(conn: &mut Conn, user_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM conversations WHERE user_id = ?")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}
