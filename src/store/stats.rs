//! Figures for officers: who uses the bot, who registered, and when.

use super::{Result, Tx};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Users {
    pub total: i64,
    pub blocked: i64,
    pub indonesian: i64,
    pub english: i64,
}

pub async fn users(tx: &mut Tx) -> Result<Users> {
    let (total, blocked, indonesian, english): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT count(*), coalesce(sum(status = 'blocked'), 0), coalesce(sum(language = 'id'), 0),
                coalesce(sum(language = 'en'), 0)
         FROM users",
    )
    .fetch_one(tx.conn().await?)
    .await?;
    Ok(Users {
        total,
        blocked,
        indonesian,
        english,
    })
}

/// (role code, count) of registered people.
pub async fn by_role(tx: &mut Tx) -> Result<Vec<(String, i64)>> {
    Ok(
        sqlx::query_as("SELECT role, count(*) FROM profiles GROUP BY role ORDER BY role")
            .fetch_all(tx.conn().await?)
            .await?,
    )
}

/// The villages with the most registered people, as "village, regency": by code, and for
/// people still without one by what they typed (any letter case).
pub async fn top_villages(tx: &mut Tx, limit: i64) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT min(village) || ', ' || min(district), count(*) AS n FROM profiles
         GROUP BY coalesce(village_code, lower(village) || ',' || lower(district))
         ORDER BY n DESC, 1 LIMIT ?",
    )
    .bind(limit)
    .fetch_all(tx.conn().await?)
    .await?)
}

/// Registrations in each of `weeks` weeks starting at `start` (Unix seconds), oldest first.
pub async fn registrations_per_week(tx: &mut Tx, start: i64, weeks: i64) -> Result<Vec<i64>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT (registered_at - ?1) / 604800 AS week, count(*) FROM profiles
         WHERE registered_at >= ?1 GROUP BY week",
    )
    .bind(start)
    .fetch_all(tx.conn().await?)
    .await?;
    let mut counts = vec![0; usize::try_from(weeks).unwrap_or(0)];
    for (week, n) in rows {
        if let Some(slot) = usize::try_from(week).ok().and_then(|w| counts.get_mut(w)) {
            *slot = n;
        }
    }
    Ok(counts)
}

pub async fn registrations_since(tx: &mut Tx, since: i64) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM profiles WHERE registered_at >= ?")
            .bind(since)
            .fetch_one(tx.conn().await?)
            .await?,
    )
}
