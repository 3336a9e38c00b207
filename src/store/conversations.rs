//! Where each user's conversation stands, as the engine's state serialised to JSON.

use chrono::{DateTime, Utc};

use super::{Result, Tx, unix};

pub async fn load(tx: &mut Tx, user_id: i64) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT state FROM conversations WHERE user_id = ?")
            .bind(user_id)
            .fetch_optional(tx.conn().await?)
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

/// Writes the state down with the unit of work's `COMMIT`.
pub fn write_at_commit(tx: &mut Tx, write: StateWrite, now: DateTime<Utc>) {
    let batch = tx.at_commit();
    match write {
        StateWrite::Keep => {}
        StateWrite::Save { user_id, state } => {
            let sql = format!(
                "INSERT INTO conversations (user_id, state, updated_at) VALUES ({}, {}, {})
                 ON CONFLICT (user_id) DO UPDATE SET state = excluded.state,
                 updated_at = excluded.updated_at;\n",
                batch.param(user_id),
                batch.param(state),
                batch.param(unix(now)),
            );
            batch.sql(&sql);
        }
        StateWrite::Clear { user_id } => {
            let sql = format!(
                "DELETE FROM conversations WHERE user_id = {};\n",
                batch.param(user_id)
            );
            batch.sql(&sql);
        }
    }
}

/// The column giving the conversation state of the user whose id is `user_id` (an SQL
/// expression), for reading it with the user's own row.
pub(super) fn state_of(user_id: &str) -> String {
    format!("(SELECT state FROM conversations WHERE user_id = {user_id})")
}
