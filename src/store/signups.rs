//! Who signed up for which training: a seat, or a place on the waitlist. Seats are taken by
//! single SQL statements that check capacity themselves, so no seat is sold twice whatever
//! the transactions around them do.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, trainings, unix};
use crate::domain::Language;

crate::domain::profile::choice!(
    /// A seat, or a place on the waitlist.
    SignUpStatus, "training-signup" {
        Booked => "booked",
        Waiting => "waiting",
    }
);
super::columns::code_column!(SignUpStatus);

/// Signs the user up: a seat if one is free and nobody is waiting for it, else a place on the
/// waitlist. `None` if the training does not take sign-ups (not open, started, unknown) or the
/// user is already signed up.
pub async fn sign_up(
    tx: &mut Tx,
    training_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<SignUpStatus>> {
    let status: Option<SignUpStatus> = sqlx::query_scalar(
        "INSERT INTO training_signups (training_id, user_id, status, signed_up_at, booked_at)
         SELECT id, ?2, CASE WHEN free THEN 'booked' ELSE 'waiting' END, ?3, CASE WHEN free THEN ?3 END
         FROM (SELECT t.id,
                      t.capacity > (SELECT count(*) FROM training_signups s
                                    WHERE s.training_id = t.id AND s.status = 'booked')
                      AND NOT EXISTS (SELECT 1 FROM training_signups s
                                      WHERE s.training_id = t.id AND s.status = 'waiting') AS free
               FROM trainings t
               WHERE t.id = ?1 AND t.status = 'open' AND t.starts_at > ?3)
         WHERE true
         ON CONFLICT (training_id, user_id) DO NOTHING
         RETURNING status",
    )
    .bind(training_id)
    .bind(user_id)
    .bind(unix(now))
    .fetch_optional(tx.conn().await?)
    .await?;
    Ok(status)
}

pub async fn status(tx: &mut Tx, training_id: i64, user_id: i64) -> Result<Option<SignUpStatus>> {
    let status: Option<SignUpStatus> = sqlx::query_scalar(
        "SELECT status FROM training_signups WHERE training_id = ? AND user_id = ?",
    )
    .bind(training_id)
    .bind(user_id)
    .fetch_optional(tx.conn().await?)
    .await?;
    Ok(status)
}

/// The user's place on the waitlist, from 1; `None` if they are not waiting.
pub async fn waiting_position(tx: &mut Tx, training_id: i64, user_id: i64) -> Result<Option<i64>> {
    let position: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM training_signups
         WHERE training_id = ?1 AND status = 'waiting'
           AND id <= (SELECT id FROM training_signups WHERE training_id = ?1 AND user_id = ?2 AND status = 'waiting')",
    )
    .bind(training_id)
    .bind(user_id)
    .fetch_one(tx.conn().await?)
    .await?;
    Ok((position > 0).then_some(position))
}

/// Takes the user off the training; returns what they had.
pub async fn remove(tx: &mut Tx, training_id: i64, user_id: i64) -> Result<Option<SignUpStatus>> {
    let status: Option<SignUpStatus> = sqlx::query_scalar(
        "DELETE FROM training_signups WHERE training_id = ? AND user_id = ? RETURNING status",
    )
    .bind(training_id)
    .bind(user_id)
    .fetch_optional(tx.conn().await?)
    .await?;
    Ok(status)
}

/// Takes the user off every training; returns the trainings where they had a seat.
pub async fn remove_all(tx: &mut Tx, user_id: i64) -> Result<Vec<i64>> {
    let removed: Vec<(i64, String)> = sqlx::query_as(
        "DELETE FROM training_signups WHERE user_id = ? RETURNING training_id, status",
    )
    .bind(user_id)
    .fetch_all(tx.conn().await?)
    .await?;
    Ok(removed
        .into_iter()
        .filter(|(_, status)| status == "booked")
        .map(|(training_id, _)| training_id)
        .collect())
}

/// Gives the free seats to the people waiting longest; returns who got one.
pub async fn promote(tx: &mut Tx, training_id: i64, now: DateTime<Utc>) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "UPDATE training_signups SET status = 'booked', booked_at = ?2
         WHERE id IN (
             SELECT id FROM training_signups WHERE training_id = ?1 AND status = 'waiting' ORDER BY id
             LIMIT max(0, (SELECT capacity FROM trainings WHERE id = ?1)
                          - (SELECT count(*) FROM training_signups WHERE training_id = ?1 AND status = 'booked')))
         RETURNING user_id",
    )
    .bind(training_id)
    .bind(unix(now))
    .fetch_all(tx.conn().await?)
    .await?)
}

/// A training someone signed up for, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MySignUp {
    pub training: trainings::Training,
    pub status: SignUpStatus,
    pub signed_up_at: i64,
    pub booked_at: Option<i64>,
    /// The place on the waitlist, from 1, when waiting.
    pub position: Option<i64>,
}

/// The user's sign-ups, soonest first; with `after`, only trainings starting after it.
pub async fn of_user(
    tx: &mut Tx,
    user_id: i64,
    after: Option<DateTime<Utc>>,
) -> Result<Vec<MySignUp>> {
    let columns = trainings::COLUMNS;
    sqlx::query(&format!(
        "SELECT {columns}, s.status AS signup_status, s.signed_up_at, s.booked_at,
                CASE WHEN s.status = 'waiting' THEN
                    (SELECT count(*) FROM training_signups q
                     WHERE q.training_id = s.training_id AND q.status = 'waiting' AND q.id <= s.id)
                END AS position
         FROM training_signups s JOIN trainings t ON t.id = s.training_id
         WHERE s.user_id = ?1 AND (?2 IS NULL OR t.starts_at > ?2)
         ORDER BY t.starts_at, t.id"
    ))
    .bind(user_id)
    .bind(after.map(unix))
    .fetch_all(tx.conn().await?)
    .await?
    .iter()
    .map(|row| {
        Ok(MySignUp {
            training: trainings::from_row(row)?,
            status: row.try_get("signup_status")?,
            signed_up_at: row.try_get("signed_up_at")?,
            booked_at: row.try_get("booked_at")?,
            position: row.try_get("position")?,
        })
    })
    .collect()
}

/// The people to tell about a training (those with a seat, or everyone signed up), who have
/// not blocked the bot, in sign-up order, with the language to write to them in.
pub async fn recipients(
    tx: &mut Tx,
    training_id: i64,
    booked_only: bool,
) -> Result<Vec<(i64, Language)>> {
    Ok(sqlx::query_as(
        "SELECT s.user_id, u.language FROM training_signups s JOIN users u ON u.id = s.user_id
         WHERE s.training_id = ?1 AND (NOT ?2 OR s.status = 'booked') AND u.status = 'active'
         ORDER BY s.id",
    )
    .bind(training_id)
    .bind(booked_only)
    .fetch_all(tx.conn().await?)
    .await?)
}

/// One line of a participant list, for officers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    pub training_id: i64,
    /// The training's title in Indonesian and in English.
    pub training_title: (String, String),
    pub starts_at: i64,
    pub status: SignUpStatus,
    /// The place on the waitlist, from 1, when waiting.
    pub position: Option<i64>,
    pub signed_up_at: i64,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub village: Option<String>,
    pub district: Option<String>,
    pub role: Option<String>,
}

/// Everyone signed up for one training, or for every training (soonest first): seats
/// first, then the waitlist in its order.
/// Who signed up (for one training, or all), among the people of `scope`.
pub async fn participants(
    tx: &mut Tx,
    training_id: Option<i64>,
    scope: &crate::domain::staff::Scope,
) -> Result<Vec<Participant>> {
    let (area, params) = super::within(scope, "p.village_code");
    let sql = format!(
        "SELECT s.training_id, t.title_id, t.title_en, t.starts_at, s.status, s.signed_up_at,
                CASE WHEN s.status = 'waiting' THEN
                    (SELECT count(*) FROM training_signups q
                     WHERE q.training_id = s.training_id AND q.status = 'waiting' AND q.id <= s.id)
                END AS position,
                p.full_name, p.phone, p.village, p.district, p.role
         FROM training_signups s
         JOIN trainings t ON t.id = s.training_id
         LEFT JOIN profiles p ON p.user_id = s.user_id
         WHERE (?1 IS NULL OR s.training_id = ?1) AND {area}
         ORDER BY t.starts_at, t.id, s.status = 'waiting', s.id"
    );
    params
        .iter()
        .fold(sqlx::query(&sql).bind(training_id), |q, p| q.bind(*p))
        .fetch_all(tx.conn().await?)
        .await?
        .iter()
        .map(|row| {
            Ok(Participant {
                training_id: row.try_get("training_id")?,
                training_title: (row.try_get("title_id")?, row.try_get("title_en")?),
                starts_at: row.try_get("starts_at")?,
                status: row.try_get("status")?,
                position: row.try_get("position")?,
                signed_up_at: row.try_get("signed_up_at")?,
                name: row.try_get("full_name")?,
                phone: row.try_get("phone")?,
                village: row.try_get("village")?,
                district: row.try_get("district")?,
                role: row.try_get("role")?,
            })
        })
        .collect()
}

/// Remembers the training an unregistered user wanted (replacing an earlier wish).
pub async fn wish(tx: &mut Tx, user_id: i64, training_id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO training_wishes (user_id, training_id, wished_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id) DO UPDATE SET training_id = excluded.training_id, wished_at = excluded.wished_at",
    )
    .bind(user_id)
    .bind(training_id)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// The training the user wanted, forgetting the wish.
pub async fn take_wish(tx: &mut Tx, user_id: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("DELETE FROM training_wishes WHERE user_id = ? RETURNING training_id")
            .bind(user_id)
            .fetch_optional(tx.conn().await?)
            .await?,
    )
}

/// The training the user wanted, if any (for their data export).
pub async fn wished(tx: &mut Tx, user_id: i64) -> Result<Option<(i64, i64)>> {
    Ok(
        sqlx::query_as("SELECT training_id, wished_at FROM training_wishes WHERE user_id = ?")
            .bind(user_id)
            .fetch_optional(tx.conn().await?)
            .await?,
    )
}

/// A list of training `training_id`'s participants was delivered as message `message_id` in
/// `chat_id`.
pub async fn remember_list(
    tx: &mut Tx,
    chat_id: i64,
    message_id: i32,
    training_id: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT OR REPLACE INTO participant_lists (chat_id, message_id, training_id, sent_at)
         VALUES (?, ?, ?, unixepoch())",
    )
    .bind(chat_id)
    .bind(message_id)
    .bind(training_id)
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// The messages listing the participants of these trainings, forgotten: erasing one of them
/// replaces the messages.
pub async fn take_lists(tx: &mut Tx, training_ids: &[i64]) -> Result<Vec<(i64, i32)>> {
    let mut messages = Vec::new();
    for training_id in training_ids {
        let rows: Vec<(i64, i32)> = sqlx::query_as(
            "DELETE FROM participant_lists WHERE training_id = ? RETURNING chat_id, message_id",
        )
        .bind(training_id)
        .fetch_all(tx.conn().await?)
        .await?;
        messages.extend(rows);
    }
    messages.sort_unstable();
    messages.dedup();
    Ok(messages)
}
