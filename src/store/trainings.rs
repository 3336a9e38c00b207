//! Trainings and the reminders sent for them. Sign-ups are in `signups`.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, StoreError, Tx, unix};
use crate::domain::{
    Capacity, TrainingDetails, TrainingStatus,
    area::VillageCode,
    staff::{Area, Scope},
};

/// A training as stored, with how many seats are taken and how many people wait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Training {
    pub id: i64,
    pub details: TrainingDetails,
    /// Whom it is for: the country, a regency or a village.
    pub area: Area,
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
     t.description_id, t.description_en, t.status, t.area, \
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
        area: Area::from_stored(row.try_get("area")?)
            .ok_or_else(|| StoreError::Corrupt("training area".into()))?,
        status: row.try_get("status")?,
        booked: row.try_get("booked")?,
        waiting: row.try_get("waiting")?,
    })
}

/// A new training for `area`; returns its id.
pub async fn insert(
    tx: &mut Tx,
    details: &TrainingDetails,
    area: Area,
    now: DateTime<Utc>,
) -> Result<i64> {
    let id = save(tx, None, details, now).await?;
    sqlx::query("UPDATE trainings SET area = ? WHERE id = ?")
        .bind(area.to_db())
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
    Ok(id)
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

/// Whose list of trainings: a person's (from their village, if known) or a staff member's.
#[derive(Clone, Debug)]
pub enum Seen {
    /// Their village's and regency's trainings first, then the national ones (only those
    /// when the village is not known).
    Person(Option<VillageCode>),
    /// The national ones and those of the staff member's area (for an officer, also their
    /// villages' regencies').
    Staff(Scope),
}

impl Seen {
    pub fn is_staff(&self) -> bool {
        matches!(self, Seen::Staff(_))
    }

    /// SQL over `t` (fixed pieces), its parameters, and the order it adds before the start.
    fn sql(&self) -> (String, Vec<i64>, String) {
        let list = |n: usize| vec!["?"; n].join(", ");
        match self {
            // (A constant would be read as a column's number.)
            Seen::Person(None) => ("t.area = 0".into(), Vec::new(), "t.starts_at".into()),
            Seen::Person(Some(village)) => (
                "t.area IN (0, ?, ?)".into(),
                vec![village.get(), village.regency().get()],
                format!(
                    "CASE t.area WHEN {} THEN 0 WHEN {} THEN 1 ELSE 2 END",
                    village.get(),
                    village.regency().get()
                ),
            ),
            Seen::Staff(Scope::Country) => ("1".into(), Vec::new(), "t.starts_at".into()),
            Seen::Staff(Scope::Regencies(regencies)) => {
                let codes: Vec<i64> = regencies.iter().map(|r| r.get()).collect();
                (
                    format!(
                        "(t.area = 0 OR t.area IN ({0}) OR t.area / 1000000 IN ({0}))",
                        list(codes.len())
                    ),
                    [codes.clone(), codes].concat(),
                    "t.starts_at".into(),
                )
            }
            Seen::Staff(Scope::Villages(villages)) => {
                let mut codes: Vec<i64> = villages.iter().map(|v| v.get()).collect();
                let regencies: std::collections::BTreeSet<i64> =
                    villages.iter().map(|v| v.regency().get()).collect();
                codes.extend(regencies);
                (
                    format!("(t.area = 0 OR t.area IN ({}))", list(codes.len())),
                    codes,
                    "t.starts_at".into(),
                )
            }
        }
    }
}

/// Trainings that have not started that `seen` lists, soonest first (a person's own area's
/// first): open ones, and closed ones too if asked.
pub async fn upcoming(
    tx: &mut Tx,
    now: DateTime<Utc>,
    seen: &Seen,
    with_closed: bool,
    limit: i64,
    offset: i64,
) -> Result<Vec<Training>> {
    let (area, params, order) = seen.sql();
    let sql = format!(
        "SELECT {COLUMNS} FROM trainings t
         WHERE t.starts_at > ? AND (t.status = 'open' OR (? AND t.status = 'closed')) AND {area}
         ORDER BY {order}, t.starts_at, t.id LIMIT ? OFFSET ?"
    );
    let query = sqlx::query(&sql).bind(unix(now)).bind(with_closed);
    params
        .iter()
        .fold(query, |q, p| q.bind(*p))
        .bind(limit)
        .bind(offset)
        .fetch_all(tx.conn().await?)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

pub async fn count_upcoming(
    tx: &mut Tx,
    now: DateTime<Utc>,
    seen: &Seen,
    with_closed: bool,
) -> Result<i64> {
    let (area, params, _) = seen.sql();
    let sql = format!(
        "SELECT count(*) FROM trainings t
         WHERE t.starts_at > ? AND (t.status = 'open' OR (? AND t.status = 'closed')) AND {area}"
    );
    let query = sqlx::query_scalar(&sql).bind(unix(now)).bind(with_closed);
    Ok(params
        .iter()
        .fold(query, |q, p| q.bind(*p))
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
