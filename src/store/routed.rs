//! What questions and cooperative applications share: each is routed to a level (the
//! village's officers, the regency's coordinators, the admins) since a moment, and may be
//! taken by one staff member (see `engine::pillars::routing`).

use chrono::{DateTime, Utc};

use super::{Result, Tx, unix};
use crate::domain::staff::Level;

/// A table of routed work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Routed {
    Questions,
    Applications,
}

impl Routed {
    fn table(self) -> &'static str {
        match self {
            Routed::Questions => "questions",
            Routed::Applications => "cooperative_applications",
        }
    }

    /// Still waiting for someone to act (and so going up when nobody does).
    fn waiting(self) -> &'static str {
        match self {
            Routed::Questions => "status = 'open'",
            Routed::Applications => "status = 'applied'",
        }
    }

    /// Not settled yet: given back when its taker's rights end.
    fn unsettled(self) -> &'static str {
        match self {
            Routed::Questions => "status = 'open'",
            Routed::Applications => "status IN ('applied', 'contacted')",
        }
    }

    /// The rows (`columns`) nobody took that waited at their level below the admins since
    /// `before` (Unix seconds) or longer, the oldest first, a hundred at a time.
    pub(super) async fn to_escalate(
        self,
        tx: &mut Tx,
        columns: &str,
        before: i64,
    ) -> Result<Vec<sqlx::sqlite::SqliteRow>> {
        let (table, waiting) = (self.table(), self.waiting());
        Ok(sqlx::query(&format!(
            "SELECT {columns} FROM {table}
             WHERE {waiting} AND taken_by IS NULL AND level <> 'country' AND level_since <= ?
             ORDER BY level_since, id LIMIT 100"
        ))
        .bind(before)
        .fetch_all(tx.conn().await?)
        .await?)
    }

    pub(super) async fn set_level(
        self,
        tx: &mut Tx,
        id: i64,
        level: Level,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let table = self.table();
        sqlx::query(&format!(
            "UPDATE {table} SET level = ?, level_since = ? WHERE id = ?"
        ))
        .bind(level)
        .bind(unix(now))
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
        Ok(())
    }

    /// `by` takes it, if nobody has and it is not settled; true if they now have it.
    pub(super) async fn take(self, tx: &mut Tx, id: i64, by: i64) -> Result<bool> {
        let (table, unsettled) = (self.table(), self.unsettled());
        Ok(sqlx::query(&format!(
            "UPDATE {table} SET taken_by = ?2 WHERE id = ?1 AND {unsettled} AND taken_by IS NULL"
        ))
        .bind(id)
        .bind(by)
        .execute(tx.conn().await?)
        .await?
        .rows_affected()
            == 1)
    }

    /// Gives back what `user_id` had taken and not settled: it goes to its level again, and
    /// may go up from now.
    pub(super) async fn give_back(
        self,
        tx: &mut Tx,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let (table, unsettled) = (self.table(), self.unsettled());
        Ok(sqlx::query(&format!(
            "UPDATE {table} SET taken_by = NULL, level_since = ? WHERE taken_by = ? AND {unsettled}"
        ))
        .bind(unix(now))
        .bind(user_id)
        .execute(tx.conn().await?)
        .await?
        .rows_affected())
    }
}
