//! Where each user's conversation stands, as the engine's state serialised to JSON.

use chrono::{DateTime, Utc};

use super::{Conn, Result, batch::Batch, unix};

pub async fn load(conn: &mut Conn, user_id: i64) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT state FROM conversations WHERE user_id = ?")
            .bind(user_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// What an update does to its user's conversation state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StateWrite {
    Keep,
    Save { user_id: i64, state: String },
    Clear { user_id: i64 },
}

/// Adds the statement that writes the state down to `batch`.
pub fn write_in<'q>(batch: &mut Batch<'q>, write: &'q StateWrite, now: DateTime<Utc>) {
    match write {
        StateWrite::Keep => {}
        StateWrite::Save { user_id, state } => {
            let sql = format!(
                "INSERT INTO conversations (user_id, state, updated_at) VALUES ({}, {}, {})
                 ON CONFLICT (user_id) DO UPDATE SET state = excluded.state,
                 updated_at = excluded.updated_at;\n",
                batch.param(*user_id),
                batch.param(state.as_str()),
                batch.param(unix(now)),
            );
            batch.sql(&sql);
        }
        StateWrite::Clear { user_id } => {
            let sql = format!(
                "DELETE FROM conversations WHERE user_id = {};\n",
                batch.param(*user_id)
            );
            batch.sql(&sql);
        }
    }
}
