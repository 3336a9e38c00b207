//! The outbox: messages written in the same transaction as the change that caused them, and
//! delivered later by the one sender task.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Result, Tx, batch::Batch, unix};

/// Interactive replies go before bulk traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// A reply to a user's own update.
    Interactive = 0,
    /// Broadcasts, reminders, notices to users who did not just write.
    Bulk = 1,
}

/// What a delivered message stands for, so that a reply to it can be recognised later (an
/// officer answering a question by replying to its notice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageTag {
    /// A question (its `round`: the follow-up it was sent for).
    Question { id: i64, round: i64 },
    /// A training's participants, shown in an organiser's chat (see `participant_lists`).
    Participants { training_id: i64 },
}

#[derive(Clone, Debug)]
pub struct NewMessage {
    pub chat_id: i64,
    /// Whose personal data the message may quote; erasing that user deletes the row.
    pub subject_user_id: Option<i64>,
    pub priority: Priority,
    pub payload: String,
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
pub async fn enqueue(tx: &mut Tx, message: &NewMessage, now: DateTime<Utc>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO outbox (chat_id, subject_user_id, priority, payload, created_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(message.chat_id)
    .bind(message.subject_user_id)
    .bind(message.priority)
    .bind(&message.payload)
    .bind(unix(now))
    .fetch_one(tx.conn().await?)
    .await?)
}

/// Queues several messages, in order (an update's replies): written with the unit of work's
/// `COMMIT`, one statement per hundred messages.
pub async fn enqueue_all(tx: &mut Tx, messages: Vec<NewMessage>, now: DateTime<Utc>) -> Result<()> {
    let mut messages = messages.into_iter().peekable();
    while messages.peek().is_some() {
        let batch = tx.at_commit();
        batch.sql(
            "INSERT INTO outbox (chat_id, subject_user_id, priority, payload, created_at) VALUES ",
        );
        for (i, message) in messages.by_ref().take(100).enumerate() {
            let row = format!(
                "{}({}, {}, {}, {}, {})",
                if i == 0 { "" } else { ", " },
                batch.param(message.chat_id),
                batch.param(message.subject_user_id),
                batch.param(message.priority),
                batch.param(message.payload),
                batch.param(unix(now)),
            );
            batch.sql(&row);
        }
        batch.sql(";\n");
        tx.send_at_commit_if_large().await?;
    }
    Ok(())
}

/// The oldest pending messages, interactive ones first. Messages waiting for a retry are
/// included (with their `not_before_ms`) so that the sender keeps each chat's order.
pub async fn pending(
    tx: &mut Tx,
    limit: i64,
    priority: Option<Priority>,
    chat_id: Option<i64>,
) -> Result<Vec<Pending>> {
    let mut batch = Batch::new();
    pending_in(&mut batch, limit, priority, chat_id);
    read_pending(&tx.run(batch).await?)
}

/// Writes `sent` down ([`mark_all_sent`]), reads what is [`pending`] and ends the unit of work,
/// in one round trip: what the sender does each time requests come back.
pub async fn mark_sent_then_pending(
    tx: &mut Tx,
    sent: &[(i64, Option<i32>)],
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Pending>> {
    if sent.len() > MARKED_PER_STATEMENT {
        mark_all_sent(tx, sent, now).await?;
        return pending(tx, limit, None, None).await;
    }
    let mut batch = Batch::new();
    mark_sent_in(&mut batch, sent, now);
    pending_in(&mut batch, limit, None, None);
    read_pending(&tx.run_and_commit(batch).await?)
}

fn pending_in(batch: &mut Batch<'_>, limit: i64, priority: Option<Priority>, chat_id: Option<i64>) {
    let (priority, chat_id) = (batch.param(priority), batch.param(chat_id));
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
                priority: row.try_get("priority")?,
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
    tx: &mut Tx,
    id: i64,
    telegram_message_id: Option<i32>,
    now: DateTime<Utc>,
) -> Result<()> {
    mark_all_sent(tx, &[(id, telegram_message_id)], now).await
}

/// How many deliveries [`mark_all_sent`] writes down with one statement.
pub const MARKED_PER_STATEMENT: usize = 200;

/// Several deliveries at once, with one statement per [`MARKED_PER_STATEMENT`] (the sender
/// writes down a batch of finished requests together).
pub async fn mark_all_sent(
    tx: &mut Tx,
    sent: &[(i64, Option<i32>)],
    now: DateTime<Utc>,
) -> Result<()> {
    for chunk in sent.chunks(MARKED_PER_STATEMENT) {
        let mut batch = Batch::new();
        mark_sent_in(&mut batch, chunk, now);
        tx.run(batch).await?;
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
pub async fn remember(tx: &mut Tx, chat_id: i64, message_id: i32, tag: &MessageTag) -> Result<()> {
    match *tag {
        MessageTag::Question { id, round } => {
            super::questions::remember_message(tx, chat_id, message_id, id, round).await
        }
        MessageTag::Participants { training_id } => {
            super::signups::remember_list(tx, chat_id, message_id, training_id).await
        }
    }
}

/// Given up for good (the user blocked the bot, or Telegram refused the message itself).
pub async fn mark_failed(tx: &mut Tx, id: i64, error: &str, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET status = 'failed', payload = '{}', sent_at = ?2, error = ?3,
         attempts = attempts + 1 WHERE id = ?1",
    )
    .bind(id)
    .bind(unix(now))
    .bind(error)
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// Try again no earlier than `not_before_ms` (Unix milliseconds). `counts` says whether this
/// attempt counts towards the retry limit (a flood-wait does not: the message was not at fault).
pub async fn retry_later(
    tx: &mut Tx,
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
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// Replaces what a pending message will send (an edit whose message is gone becomes a new
/// message).
pub async fn replace_payload(tx: &mut Tx, id: i64, payload: &str) -> Result<()> {
    sqlx::query("UPDATE outbox SET payload = ?2 WHERE id = ?1")
        .bind(id)
        .bind(payload)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// Every message still waiting for a chat that can no longer be reached.
pub async fn fail_pending_for_chat(
    tx: &mut Tx,
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
    .execute(tx.conn().await?)
    .await?
    .rows_affected())
}

/// Forgets delivered and failed messages older than `before`.
pub async fn prune(tx: &mut Tx, before: DateTime<Utc>) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM outbox WHERE status <> 'pending' AND sent_at < ?")
            .bind(unix(before))
            .execute(tx.conn().await?)
            .await?
            .rows_affected(),
    )
}

/// Until when (Unix milliseconds) Telegram's last flood-control answer asked the bot to wait,
/// as recorded on the message it refused; `None` if no message is waiting for that.
pub async fn flood_wait_until_ms(tx: &mut Tx) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT max(not_before_ms) FROM outbox WHERE status = 'pending' AND error = ?",
    )
    .bind(FLOOD_CONTROL)
    .fetch_one(tx.conn().await?)
    .await?)
}

/// The error recorded on a message that met flood control.
pub const FLOOD_CONTROL: &str = "flood control";

/// Replies to people waiting to go out (not broadcasts): what a stop gives a moment to leave.
pub async fn interactive_pending(tx: &mut Tx) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE status = 'pending' AND priority = ?")
            .bind(Priority::Interactive)
            .fetch_one(tx.conn().await?)
            .await?,
    )
}

pub async fn pending_count(tx: &mut Tx) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE status = 'pending'")
            .fetch_one(tx.conn().await?)
            .await?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn several_deliveries_are_written_down_at_once_each_with_its_message() {
        let db = crate::store::open("sqlite::memory:").await.unwrap();
        let now = Utc::now();
        let rows = db
            .writer()
            .write(async |tx| {
                let mut ids = Vec::new();
                for chat_id in [11, 12, 13] {
                    let message = NewMessage {
                        chat_id,
                        subject_user_id: None,
                        priority: Priority::Interactive,
                        payload: "{\"secret\":\"Siti 0812\"}".into(),
                    };
                    ids.push(enqueue(tx, &message, now).await?);
                }
                mark_all_sent(tx, &[(ids[0], Some(501)), (ids[2], None)], now).await?;
                let rows: Vec<(i64, String, String, Option<i64>, i64)> = sqlx::query_as(
                    "SELECT id, status, payload, telegram_message_id, attempts FROM outbox ORDER BY id",
                )
                .fetch_all(tx.conn().await?)
                .await?;
                Ok::<_, super::super::StoreError>((ids, rows))
            })
            .await
            .unwrap();
        let (ids, rows) = rows;
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
