//! The outbox: messages written in the same transaction as the change that caused them, and
//! delivered later by the one sender task.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Conn, Result, batch::Batch, unix};

/// Interactive replies go before bulk traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// A reply to a user's own update.
    Interactive = 0,
    /// Broadcasts, reminders, notices to users who did not just write.
    Bulk = 1,
}

impl Priority {
    fn from_db(value: i64) -> Priority {
        if value == 0 {
            Priority::Interactive
        } else {
            Priority::Bulk
        }
    }
}

/// What a delivered message stands for, so that a reply to it can be recognised later (an
/// officer answering a question by replying to its notice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageTag {
    /// A question (its `round`: the follow-up it was sent for).
    Question { id: i64, round: i64 },
}

#[derive(Clone, Debug)]
pub struct NewMessage<'a> {
    pub chat_id: i64,
    /// Whose personal data the message may quote; erasing that user deletes the row.
    pub subject_user_id: Option<i64>,
    pub priority: Priority,
    pub payload: &'a str,
}

#[derive(Clone, Debug)]
pub struct Pending {
    pub id: i64,
    pub chat_id: i64,
    pub priority: Priority,
    pub payload: String,
    pub attempts: i64,
    pub not_before_ms: i64,
}

/// Queues a message; returns its outbox id.
pub async fn enqueue(conn: &mut Conn, message: &NewMessage<'_>, now: DateTime<Utc>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO outbox (chat_id, subject_user_id, priority, payload, created_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(message.chat_id)
    .bind(message.subject_user_id)
    .bind(message.priority as i64)
    .bind(message.payload)
    .bind(unix(now))
    .fetch_one(conn)
    .await?)
}

/// Queues several messages, in order, with one statement (an update's replies).
pub async fn enqueue_all(
    conn: &mut Conn,
    messages: &[NewMessage<'_>],
    now: DateTime<Utc>,
) -> Result<()> {
    let mut batch = Batch::new();
    enqueue_in(conn, &mut batch, messages, now).await?;
    batch.send(conn).await
}

/// Adds the statements queuing `messages`, in order, to `batch`: one per hundred messages.
pub async fn enqueue_in<'q>(
    conn: &mut Conn,
    batch: &mut Batch<'q>,
    messages: &[NewMessage<'q>],
    now: DateTime<Utc>,
) -> Result<()> {
    for chunk in messages.chunks(100) {
        batch.sql(
            "INSERT INTO outbox (chat_id, subject_user_id, priority, payload, created_at) VALUES ",
        );
        for (i, message) in chunk.iter().enumerate() {
            let row = format!(
                "{}({}, {}, {}, {}, {})",
                if i == 0 { "" } else { ", " },
                batch.param(message.chat_id),
                batch.param(message.subject_user_id),
                batch.param(message.priority as i64),
                batch.param(message.payload),
                batch.param(unix(now)),
            );
            batch.sql(&row);
        }
        batch.sql(";\n");
        batch.send_if_large(conn).await?;
    }
    Ok(())
}

/// The oldest pending messages, interactive ones first. Messages waiting for a retry are
/// included (with their `not_before_ms`) so that the sender keeps each chat's order.
pub async fn pending(
    conn: &mut Conn,
    limit: i64,
    priority: Option<Priority>,
    chat_id: Option<i64>,
) -> Result<Vec<Pending>> {
    let mut batch = Batch::new();
    pending_in(&mut batch, limit, priority, chat_id);
    read_pending(&batch.fetch_all(conn).await?)
}

/// Writes `sent` down ([`mark_all_sent`]) and then reads what is [`pending`], in one round
/// trip: what the sender does each time requests come back.
pub async fn mark_sent_then_pending(
    conn: &mut Conn,
    sent: &[(i64, Option<i32>)],
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Pending>> {
    if sent.len() > MARKED_PER_STATEMENT {
        mark_all_sent(conn, sent, now).await?;
        return pending(conn, limit, None, None).await;
    }
    let mut batch = Batch::new();
    mark_sent_in(&mut batch, sent, now);
    pending_in(&mut batch, limit, None, None);
    read_pending(&batch.fetch_all(conn).await?)
}

fn pending_in(batch: &mut Batch<'_>, limit: i64, priority: Option<Priority>, chat_id: Option<i64>) {
    let (priority, chat_id) = (
        batch.param(priority.map(|p| p as i64)),
        batch.param(chat_id),
    );
    let sql = format!(
        "SELECT id, chat_id, priority, payload, attempts, not_before_ms FROM outbox
         WHERE status = 'pending' AND ({priority} IS NULL OR priority = {priority})
           AND ({chat_id} IS NULL OR chat_id = {chat_id})
           AND (broadcast_id IS NULL OR broadcast_id NOT IN (SELECT id FROM broadcasts WHERE status = 'paused'))
         ORDER BY priority, id LIMIT {};\n",
        batch.param(limit)
    );
    batch.sql(&sql);
}

fn read_pending(rows: &[sqlx::sqlite::SqliteRow]) -> Result<Vec<Pending>> {
    rows.iter()
        .map(|row| {
            Ok(Pending {
                id: row.try_get("id")?,
                chat_id: row.try_get("chat_id")?,
                priority: Priority::from_db(row.try_get("priority")?),
                payload: row.try_get("payload")?,
                attempts: row.try_get("attempts")?,
                not_before_ms: row.try_get("not_before_ms")?,
            })
        })
        .collect()
}

/// Delivered. The text is not kept: only what later steps need (which Telegram message it
/// became).
pub async fn mark_sent(
    conn: &mut Conn,
    id: i64,
    telegram_message_id: Option<i32>,
    now: DateTime<Utc>,
) -> Result<()> {
    mark_all_sent(conn, &[(id, telegram_message_id)], now).await
}

/// How many deliveries [`mark_all_sent`] writes down with one statement.
pub const MARKED_PER_STATEMENT: usize = 200;

/// Several deliveries at once, with one statement per [`MARKED_PER_STATEMENT`] (the sender
/// writes down a batch of finished requests together).
pub async fn mark_all_sent(
    conn: &mut Conn,
    sent: &[(i64, Option<i32>)],
    now: DateTime<Utc>,
) -> Result<()> {
    for chunk in sent.chunks(MARKED_PER_STATEMENT) {
        let mut batch = Batch::new();
        mark_sent_in(&mut batch, chunk, now);
        batch.send(conn).await?;
    }
    Ok(())
}

/// The statement of [`mark_all_sent`] for at most [`MARKED_PER_STATEMENT`] deliveries.
fn mark_sent_in(batch: &mut Batch<'_>, sent: &[(i64, Option<i32>)], now: DateTime<Utc>) {
    if sent.is_empty() {
        return;
    }
    let now = batch.param(unix(now));
    let rows: Vec<String> = sent
        .iter()
        .map(|(id, message_id)| format!("({}, {})", batch.param(*id), batch.param(*message_id)))
        .collect();
    let sql = format!(
        "UPDATE outbox SET status = 'sent', payload = '{{}}', sent_at = {now},
         telegram_message_id = delivered.column2, attempts = attempts + 1, error = NULL
         FROM (VALUES {}) AS delivered WHERE outbox.id = delivered.column1;\n",
        rows.join(", ")
    );
    batch.sql(&sql);
}

/// Records that Telegram message `message_id` in `chat_id` stands for `tag`. Kept apart from
/// the outbox row, which is emptied on delivery and pruned after a few days.
pub async fn remember(
    conn: &mut Conn,
    chat_id: i64,
    message_id: i32,
    tag: &MessageTag,
) -> Result<()> {
    match *tag {
        MessageTag::Question { id, round } => {
            super::questions::remember_message(conn, chat_id, message_id, id, round).await
        }
    }
}

/// Given up for good (the user blocked the bot, or Telegram refused the message itself).
pub async fn mark_failed(conn: &mut Conn, id: i64, error: &str, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET status = 'failed', payload = '{}', sent_at = ?2, error = ?3,
         attempts = attempts + 1 WHERE id = ?1",
    )
    .bind(id)
    .bind(unix(now))
    .bind(error)
    .execute(conn)
    .await?;
    Ok(())
}

/// Try again no earlier than `not_before_ms` (Unix milliseconds). `counts` says whether this
/// attempt counts towards the retry limit (a flood-wait does not: the message was not at fault).
pub async fn retry_later(
    conn: &mut Conn,
    id: i64,
    not_before_ms: i64,
    counts: bool,
    error: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET not_before_ms = ?2, attempts = attempts + ?3, error = ?4 WHERE id = ?1",
    )
    .bind(id)
    .bind(not_before_ms)
    .bind(i64::from(counts))
    .bind(error)
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces what a pending message will send (an edit whose message is gone becomes a new
/// message).
pub async fn replace_payload(conn: &mut Conn, id: i64, payload: &str) -> Result<()> {
    sqlx::query("UPDATE outbox SET payload = ?2 WHERE id = ?1")
        .bind(id)
        .bind(payload)
        .execute(conn)
        .await?;
    Ok(())
}

/// Every message still waiting for a chat that can no longer be reached.
pub async fn fail_pending_for_chat(
    conn: &mut Conn,
    chat_id: i64,
    error: &str,
    now: DateTime<Utc>,
) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE outbox SET status = 'failed', payload = '{}', sent_at = ?2, error = ?3
         WHERE chat_id = ?1 AND status = 'pending'",
    )
    .bind(chat_id)
    .bind(unix(now))
    .bind(error)
    .execute(conn)
    .await?
    .rows_affected())
}

/// Forgets delivered and failed messages older than `before`.
pub async fn prune(conn: &mut Conn, before: DateTime<Utc>) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM outbox WHERE status <> 'pending' AND sent_at < ?")
            .bind(unix(before))
            .execute(conn)
            .await?
            .rows_affected(),
    )
}

/// Until when (Unix milliseconds) Telegram's last flood-control answer asked the bot to wait,
/// as recorded on the message it refused; `None` if no message is waiting for that.
pub async fn flood_wait_until_ms(conn: &mut Conn) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT max(not_before_ms) FROM outbox WHERE status = 'pending' AND error = ?",
    )
    .bind(FLOOD_CONTROL)
    .fetch_one(conn)
    .await?)
}

/// The error recorded on a message that met flood control.
pub const FLOOD_CONTROL: &str = "flood control";

pub async fn pending_count(conn: &mut Conn) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE status = 'pending'")
            .fetch_one(conn)
            .await?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn several_deliveries_are_written_down_at_once_each_with_its_message() {
        let pool = crate::store::open("sqlite::memory:").await.unwrap();
        let mut conn = pool.acquire().await.unwrap();
        let now = Utc::now();
        let mut ids = Vec::new();
        for chat_id in [11, 12, 13] {
            let message = NewMessage {
                chat_id,
                subject_user_id: None,
                priority: Priority::Interactive,
                payload: "{\"secret\":\"Siti 0812\"}",
            };
            ids.push(enqueue(&mut conn, &message, now).await.unwrap());
        }
        mark_all_sent(&mut conn, &[(ids[0], Some(501)), (ids[2], None)], now)
            .await
            .unwrap();
        let rows: Vec<(i64, String, String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT id, status, payload, telegram_message_id, attempts FROM outbox ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        assert_eq!(
            rows,
            vec![
                (ids[0], "sent".into(), "{}".into(), Some(501), 1),
                (
                    ids[1],
                    "pending".into(),
                    "{\"secret\":\"Siti 0812\"}".into(),
                    None,
                    0
                ),
                (ids[2], "sent".into(), "{}".into(), None, 1),
            ]
        );
    }
}
