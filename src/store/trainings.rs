//! Trainings and the reminders sent for them. Sign-ups are in `signups`.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, StoreError, Tx, unix};
use crate::domain::{Capacity, TrainingDetails, TrainingStatus};

/// A training as stored, with how many seats are taken and how many people wait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Training {
    pub id: i64,
    pub details: TrainingDetails,
    pub status: TrainingStatus,
    pub booked: i64,
    pub waiting: i64,
}

impl Training {
    pub fn seats_left(&self) -> i64 {
        (i64::from(self.details.capacity.get()) - self.booked).max(0)
    }

    /// Open, and not started yet.
    pub fn takes_sign_ups(&self, now: DateTime<Utc>) -> bool {
        self.status == TrainingStatus::Open && self.details.starts_at > unix(now)
    }
}

/// The columns `from_row` reads, for queries over `trainings t`.
pub(super) const COLUMNS: &str = "t.id, t.title_id, t.title_en, t.category, t.starts_at, t.location, t.capacity, \
     t.description_id, t.description_en, t.status, \
     (SELECT count(*) FROM training_signups b WHERE b.training_id = t.id AND b.status = 'booked') AS booked, \
     (SELECT count(*) FROM training_signups w WHERE w.training_id = t.id AND w.status = 'waiting') AS waiting";

pub(super) fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Training> {
    let capacity: i64 = row.try_get("capacity")?;
    Ok(Training {
        id: row.try_get("id")?,
        details: TrainingDetails {
            title_id: row.try_get("title_id")?,
            title_en: row.try_get("title_en")?,
            category: row.try_get("category")?,
            starts_at: row.try_get("starts_at")?,
            location: row.try_get("location")?,
            capacity: u32::try_from(capacity)
                .ok()
                .and_then(Capacity::new)
                .ok_or_else(|| StoreError::Corrupt("training capacity".into()))?,
            description_id: row.try_get("description_id")?,
            description_en: row.try_get("description_en")?,
        },
        status: row.try_get("status")?,
        booked: row.try_get("booked")?,
        waiting: row.try_get("waiting")?,
    })
}

pub async fn insert(tx: &mut Tx, details: &TrainingDetails, now: DateTime<Utc>) -> Result<i64> {
    save(tx, None, details, now).await
}

/// Replaces what an officer decided about a training. A new start time forgets the reminders
/// already sent for the old one.
pub async fn update(
    tx: &mut Tx,
    id: i64,
    details: &TrainingDetails,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM training_reminders WHERE training_id = ?1
         AND (SELECT starts_at FROM trainings WHERE id = ?1) <> ?2",
    )
    .bind(id)
    .bind(details.starts_at)
    .execute(tx.conn().await?)
    .await?;
    save(tx, Some(id), details, now).await?;
    Ok(())
}

/// Writes a new training (`id` None) or over an existing one; returns its id.
async fn save(
    tx: &mut Tx,
    id: Option<i64>,
    details: &TrainingDetails,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO trainings (id, title_id, title_en, category, starts_at, location, capacity,
                                description_id, description_en, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
         ON CONFLICT (id) DO UPDATE SET
             title_id = excluded.title_id, title_en = excluded.title_en, category = excluded.category,
             starts_at = excluded.starts_at, location = excluded.location, capacity = excluded.capacity,
             description_id = excluded.description_id, description_en = excluded.description_en,
             updated_at = excluded.updated_at
         RETURNING id",
    )
    .bind(id)
    .bind(&details.title_id)
    .bind(&details.title_en)
    .bind(details.category)
    .bind(details.starts_at)
    .bind(&details.location)
    .bind(i64::from(details.capacity.get()))
    .bind(&details.description_id)
    .bind(&details.description_en)
    .bind(unix(now))
    .fetch_one(tx.conn().await?)
    .await?)
}

pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    status: TrainingStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE trainings SET status = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(id)
        .bind(status)
        .bind(unix(now))
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

pub async fn find(tx: &mut Tx, id: i64) -> Result<Option<Training>> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM trainings t WHERE t.id = ?"))
        .bind(id)
        .fetch_optional(tx.conn().await?)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// Every training, soonest first (for the officers' export).
pub async fn all(tx: &mut Tx) -> Result<Vec<Training>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM trainings t ORDER BY t.starts_at, t.id"
    ))
    .fetch_all(tx.conn().await?)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// The id of a training with this Indonesian title (in any case) starting then, if any.
pub async fn find_same(tx: &mut Tx, title_id: &str, starts_at: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM trainings WHERE lower(title_id) = lower(?1) AND starts_at = ?2 AND status <> 'cancelled'",
    )
    .bind(title_id)
    .bind(starts_at)
    .fetch_optional(tx.conn().await?)
    .await?)
}

/// Trainings that have not started, soonest first: open ones, and closed ones too if asked.
pub async fn upcoming(
    tx: &mut Tx,
    now: DateTime<Utc>,
    with_closed: bool,
    limit: i64,
    offset: i64,
) -> Result<Vec<Training>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM trainings t
         WHERE t.starts_at > ?1 AND (t.status = 'open' OR (?2 AND t.status = 'closed'))
         ORDER BY t.starts_at, t.id LIMIT ?3 OFFSET ?4"
    ))
    .bind(unix(now))
    .bind(with_closed)
    .bind(limit)
    .bind(offset)
    .fetch_all(tx.conn().await?)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

pub async fn count_upcoming(tx: &mut Tx, now: DateTime<Utc>, with_closed: bool) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM trainings t
         WHERE t.starts_at > ?1 AND (t.status = 'open' OR (?2 AND t.status = 'closed'))",
    )
    .bind(unix(now))
    .bind(with_closed)
    .fetch_one(tx.conn().await?)
    .await?)
}

/// Trainings that take place (open or closed) and start after `from` but no later than `to`.
pub async fn starting_between(
    tx: &mut Tx,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Training>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM trainings t
         WHERE t.starts_at > ?1 AND t.starts_at <= ?2 AND t.status IN ('open', 'closed')
         ORDER BY t.starts_at, t.id"
    ))
    .bind(unix(from))
    .bind(unix(to))
    .fetch_all(tx.conn().await?)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// What became of one reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReminderOutcome {
    Sent,
    /// Its time passed while the bot was down, by too much to send it late.
    Skipped,
}

/// The reminders (seconds before the start) already dealt with for a training.
pub async fn reminders_done(tx: &mut Tx, training_id: i64) -> Result<Vec<i64>> {
    Ok(
        sqlx::query_scalar("SELECT offset_seconds FROM training_reminders WHERE training_id = ?")
            .bind(training_id)
            .fetch_all(tx.conn().await?)
            .await?,
    )
}

/// Records a reminder as dealt with. Returns `false` if it already was (nothing recorded).
pub async fn record_reminder(
    tx: &mut Tx,
    training_id: i64,
    offset_seconds: i64,
    outcome: ReminderOutcome,
    recipients: usize,
    now: DateTime<Utc>,
) -> Result<bool> {
    let outcome = match outcome {
        ReminderOutcome::Sent => "sent",
        ReminderOutcome::Skipped => "skipped",
    };
    let done = sqlx::query(
        "INSERT INTO training_reminders (training_id, offset_seconds, outcome, recipients, done_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(training_id)
    .bind(offset_seconds)
    .bind(outcome)
    .bind(i64::try_from(recipients).unwrap_or(i64::MAX))
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    Ok(done.rows_affected() == 1)
}
