//! Officers' announcements and their delivery counts.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, unix};

crate::domain::profile::choice!(
    /// Where an announcement stands: being written, waiting for its time, going out, paused
    /// by the officer, stopped, or all sent.
    BroadcastStatus, "broadcast-status" {
        Draft => "draft",
        Scheduled => "scheduled",
        Sending => "sending",
        Paused => "paused",
        Cancelled => "cancelled",
        Done => "done",
    }
);
super::columns::code_column!(BroadcastStatus);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broadcast {
    pub id: i64,
    pub officer_id: i64,
    pub text_id: Option<String>,
    pub text_en: Option<String>,
    pub photo_file_id: Option<String>,
    /// `engine::broadcast::Audience` as JSON.
    pub audience: String,
    pub status: BroadcastStatus,
    pub send_at: i64,
    pub recipients: i64,
    pub progress_chat_id: Option<i64>,
    pub progress_outbox_id: Option<i64>,
    pub progress_shown_at: Option<i64>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
    /// The final counts, once finished.
    pub delivered: i64,
    pub blocked: i64,
    pub failed: i64,
    /// The training its «✍️ Ikut pelatihan ini» button signs up for, if it has one.
    pub join_training_id: Option<i64>,
}

/// Where a broadcast's copies stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pending: i64,
    pub delivered: i64,
    pub blocked: i64,
    pub failed: i64,
    /// Dropped when an officer stopped the broadcast.
    pub cancelled: i64,
}

impl Counts {
    /// Copies whose fate is settled.
    pub fn done(&self) -> i64 {
        self.delivered + self.blocked + self.failed + self.cancelled
    }
}

/// The error text outbox rows get when their chat cannot be reached.
pub const BLOCKED: &str = "blocked";

const COLUMNS: &str = "id, officer_id, text_id, text_en, photo_file_id, audience, status, send_at, recipients, \
                       progress_chat_id, progress_outbox_id, progress_shown_at, created_at, finished_at, \
                       delivered, blocked, failed, join_training_id";

fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Broadcast> {
    Ok(Broadcast {
        id: row.try_get("id")?,
        officer_id: row.try_get("officer_id")?,
        text_id: row.try_get("text_id")?,
        text_en: row.try_get("text_en")?,
        photo_file_id: row.try_get("photo_file_id")?,
        audience: row.try_get("audience")?,
        status: row.try_get("status")?,
        send_at: row.try_get("send_at")?,
        recipients: row.try_get("recipients")?,
        progress_chat_id: row.try_get("progress_chat_id")?,
        progress_outbox_id: row.try_get("progress_outbox_id")?,
        progress_shown_at: row.try_get("progress_shown_at")?,
        created_at: row.try_get("created_at")?,
        finished_at: row.try_get("finished_at")?,
        delivered: row.try_get("delivered")?,
        blocked: row.try_get("blocked")?,
        failed: row.try_get("failed")?,
        join_training_id: row.try_get("join_training_id")?,
    })
}

pub struct NewBroadcast<'a> {
    pub officer_id: i64,
    pub text_id: Option<&'a str>,
    pub text_en: Option<&'a str>,
    pub photo_file_id: Option<&'a str>,
    pub audience: &'a str,
    pub send_at: i64,
    /// The training a «✍️ Ikut pelatihan ini» button under it signs up for.
    pub join_training_id: Option<i64>,
}

pub async fn create(tx: &mut Tx, new: &NewBroadcast<'_>, now: DateTime<Utc>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO broadcasts (officer_id, text_id, text_en, photo_file_id, audience, status, send_at, created_at, join_training_id)
         VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?) RETURNING id",
    )
    .bind(new.officer_id)
    .bind(new.text_id)
    .bind(new.text_en)
    .bind(new.photo_file_id)
    .bind(new.audience)
    .bind(new.send_at)
    .bind(unix(now))
    .bind(new.join_training_id)
    .fetch_one(tx.conn().await?)
    .await?)
}

/// What each recipient of an announcement gets: its words in both languages, and its photo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    pub text_id: Option<String>,
    pub text_en: Option<String>,
    pub photo_file_id: Option<String>,
    /// Still a draft: its words may change (its preview goes out before it is sent).
    pub draft: bool,
    /// A photo uploaded in the console that Telegram does not have yet (no file id).
    pub photo_upload: Option<std::sync::Arc<Vec<u8>>>,
    /// The training its «✍️ Ikut pelatihan ini» button signs up for.
    pub join_training_id: Option<i64>,
}

impl Announcement {
    /// The words in `lang`, else in the other language.
    pub fn text_in(&self, lang: crate::domain::Language) -> String {
        let (first, second) = match lang {
            crate::domain::Language::Id => (&self.text_id, &self.text_en),
            crate::domain::Language::En => (&self.text_en, &self.text_id),
        };
        first.clone().or_else(|| second.clone()).unwrap_or_default()
    }
}

/// The words of announcement `id`, for the sender; `None` when there is no such announcement.
pub async fn announcement(tx: &mut Tx, id: i64) -> Result<Option<Announcement>> {
    let Some(b) = find(tx, id).await? else {
        return Ok(None);
    };
    let photo_upload = match b.photo_file_id {
        Some(_) => None,
        None => sqlx::query_scalar::<_, Option<Vec<u8>>>(
            "SELECT photo_upload FROM broadcasts WHERE id = ?",
        )
        .bind(id)
        .fetch_one(tx.conn().await?)
        .await?
        .map(std::sync::Arc::new),
    };
    Ok(Some(Announcement {
        draft: b.status == BroadcastStatus::Draft,
        text_id: b.text_id,
        text_en: b.text_en,
        photo_file_id: b.photo_file_id,
        photo_upload,
        join_training_id: b.join_training_id,
    }))
}

/// Whether announcement `id` carries a photo (Telegram's, or one uploaded and not sent yet).
pub async fn has_photo(tx: &mut Tx, id: i64) -> Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT photo_file_id IS NOT NULL OR photo_upload IS NOT NULL FROM broadcasts WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(tx.conn().await?)
    .await?
    .unwrap_or(false))
}

/// Keeps a photo uploaded in the console with its announcement, until Telegram has it.
pub async fn set_photo_upload(tx: &mut Tx, id: i64, bytes: &[u8]) -> Result<()> {
    sqlx::query("UPDATE broadcasts SET photo_upload = ?2 WHERE id = ?1")
        .bind(id)
        .bind(bytes)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// Telegram has the uploaded photo as `file_id`: every copy from now on sends that, and the
/// bytes are dropped. Returns whether this was the first copy to say so.
pub async fn photo_uploaded(tx: &mut Tx, id: i64, file_id: &str) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE broadcasts SET photo_file_id = ?2, photo_upload = NULL
         WHERE id = ?1 AND photo_file_id IS NULL",
    )
    .bind(id)
    .bind(file_id)
    .execute(tx.conn().await?)
    .await?
    .rows_affected()
        > 0)
}

pub async fn find(tx: &mut Tx, id: i64) -> Result<Option<Broadcast>> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM broadcasts WHERE id = ?"))
        .bind(id)
        .fetch_optional(tx.conn().await?)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// Scheduled broadcasts whose time has come.
pub async fn due(tx: &mut Tx, now: DateTime<Utc>) -> Result<Vec<Broadcast>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM broadcasts WHERE status = 'scheduled' AND send_at <= ? ORDER BY send_at, id"
    ))
    .bind(unix(now))
    .fetch_all(tx.conn().await?)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// Broadcasts being delivered (or paused part-way).
pub async fn running(tx: &mut Tx) -> Result<Vec<Broadcast>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM broadcasts WHERE status IN ('sending', 'paused') ORDER BY id"
    ))
    .fetch_all(tx.conn().await?)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// Queues one bulk copy for each recipient (the `SELECT` gives their user ids and languages),
/// in one statement, and starts the delivery. Returns the number of recipients.
pub async fn start_delivery(
    tx: &mut Tx,
    id: i64,
    audience: &crate::domain::Audience,
    now: DateTime<Utc>,
) -> Result<i64> {
    let (recipients_sql, binds) = super::audiences::recipients_sql(audience);
    // The payload is an `engine::Reply` of kind `broadcast`: the text is looked up when it is
    // sent, so a hundred thousand copies do not hold a hundred thousand texts.
    // Plain `?` parameters only, bound in the order they appear: sqlx numbers unnamed
    // parameters by position even after numbered ones.
    let sql = format!(
        "INSERT INTO outbox (chat_id, priority, payload, created_at, broadcast_id)
         SELECT r.id, 1,
                json_object('chat_id', r.id, 'lang', r.language, 'priority', 'bulk',
                            'kind', json_object('broadcast', json_object('broadcast_id', ?))),
                ?, ?
         FROM ({recipients_sql}) AS r ORDER BY r.id"
    );
    let query = sqlx::query(&sql).bind(id).bind(unix(now)).bind(id);
    let query = binds.iter().fold(query, |query, value| value.bind(query));
    let recipients =
        i64::try_from(query.execute(tx.conn().await?).await?.rows_affected()).unwrap_or(i64::MAX);
    sqlx::query("UPDATE broadcasts SET status = 'sending', recipients = ?2 WHERE id = ?1")
        .bind(id)
        .bind(recipients)
        .execute(tx.conn().await?)
        .await?;
    Ok(recipients)
}

pub async fn counts(tx: &mut Tx, id: i64) -> Result<Counts> {
    // Runs every second while a broadcast is under way, in a write transaction: pending and
    // sent are counted from the index alone, and only the few failed rows are read for why.
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT status, '', count(*) FROM outbox
         WHERE broadcast_id = ?1 AND status IN ('pending', 'sent') GROUP BY 1
         UNION ALL
         SELECT status,
                CASE WHEN error LIKE 'blocked%' THEN 'blocked' WHEN error = 'cancelled' THEN 'cancelled' ELSE '' END,
                count(*)
         FROM outbox WHERE broadcast_id = ?1 AND status = 'failed' GROUP BY 1, 2",
    )
    .bind(id)
    .fetch_all(tx.conn().await?)
    .await?;
    let mut counts = Counts::default();
    for (status, why, n) in rows {
        match (status.as_str(), why.as_str()) {
            ("pending", _) => counts.pending += n,
            ("sent", _) => counts.delivered += n,
            (_, "blocked") => counts.blocked += n,
            (_, "cancelled") => counts.cancelled += n,
            _ => counts.failed += n,
        }
    }
    Ok(counts)
}

pub async fn set_status(tx: &mut Tx, id: i64, status: BroadcastStatus) -> Result<()> {
    sqlx::query("UPDATE broadcasts SET status = ?2 WHERE id = ?1")
        .bind(id)
        .bind(status)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// Drops every copy not sent yet (a cancelled broadcast).
pub async fn drop_pending(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE outbox SET status = 'failed', payload = '{}', error = 'cancelled', sent_at = ?2
         WHERE broadcast_id = ?1 AND status = 'pending'",
    )
    .bind(id)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?
    .rows_affected())
}

pub async fn set_progress_message(
    tx: &mut Tx,
    id: i64,
    chat_id: i64,
    outbox_id: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE broadcasts SET progress_chat_id = ?2, progress_outbox_id = ?3 WHERE id = ?1",
    )
    .bind(id)
    .bind(chat_id)
    .bind(outbox_id)
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

pub async fn progress_shown(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE broadcasts SET progress_shown_at = ?2 WHERE id = ?1")
        .bind(id)
        .bind(unix(now))
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// Ends the broadcast with its final counts.
pub async fn finish(
    tx: &mut Tx,
    id: i64,
    status: BroadcastStatus,
    counts: Counts,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE broadcasts SET status = ?2, delivered = ?3, blocked = ?4, failed = ?5, finished_at = ?6 WHERE id = ?1",
    )
    .bind(id)
    .bind(status)
    .bind(counts.delivered)
    .bind(counts.blocked)
    .bind(counts.failed)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// The Telegram message an outbox row became, once delivered.
pub async fn delivered_message_id(tx: &mut Tx, outbox_id: i64) -> Result<Option<i32>> {
    Ok(sqlx::query_scalar::<_, Option<i32>>(
        "SELECT telegram_message_id FROM outbox WHERE id = ? AND status = 'sent'",
    )
    .bind(outbox_id)
    .fetch_optional(tx.conn().await?)
    .await?
    .flatten())
}

/// Replaces a draft's text, photo, audience and time.
pub async fn update_draft(tx: &mut Tx, id: i64, new: &NewBroadcast<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE broadcasts SET text_id = ?2, text_en = ?3, photo_file_id = ?4, audience = ?5, send_at = ?6,
             join_training_id = ?7
         WHERE id = ?1 AND status = 'draft'",
    )
    .bind(id)
    .bind(new.text_id)
    .bind(new.text_en)
    .bind(new.photo_file_id)
    .bind(new.audience)
    .bind(new.send_at)
    .bind(new.join_training_id)
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

pub async fn delete_draft(tx: &mut Tx, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM broadcasts WHERE id = ? AND status = 'draft'")
        .bind(id)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

pub async fn set_progress_chat(tx: &mut Tx, id: i64, chat_id: i64) -> Result<()> {
    sqlx::query("UPDATE broadcasts SET progress_chat_id = ?2 WHERE id = ?1")
        .bind(id)
        .bind(chat_id)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// A page of announcements past and running, newest first (drafts left out), of one officer
/// or (`None`) of everyone; and how many there are in all.
pub async fn page(
    tx: &mut Tx,
    officer: Option<i64>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Broadcast>, i64)> {
    let mine = "status <> 'draft' AND (?1 IS NULL OR officer_id = ?1)";
    let total: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM broadcasts WHERE {mine}"))
        .bind(officer)
        .fetch_one(tx.conn().await?)
        .await?;
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM broadcasts WHERE {mine} ORDER BY id DESC LIMIT ?2 OFFSET ?3"
    ))
    .bind(officer)
    .bind(limit)
    .bind(offset)
    .fetch_all(tx.conn().await?)
    .await?;
    Ok((rows.iter().map(from_row).collect::<Result<_>>()?, total))
}
