//! Questions people ask the officers, what was said on each, and the Telegram messages that
//! stand for them.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, routed::Routed, unix, within};
use crate::domain::{
    area::VillageCode,
    staff::{Level, Scope},
};

crate::domain::profile::choice!(
    /// Open (waiting, or taken by someone: see `Question::taken_by`), answered, or closed.
    Status, "question-status" {
        Open => "open",
        Answered => "answered",
        Closed => "closed",
    }
);

crate::domain::profile::choice!(
    /// Why a question was closed: the person marked it resolved, or an officer closed it.
    CloseReason, "question-closed" {
        Resolved => "resolved",
        Elsewhere => "elsewhere",
        Duplicate => "duplicate",
        Spam => "spam",
    }
);

crate::domain::profile::choice!(
    /// What an entry is: what someone said (the question, a follow-up, the answer), or an
    /// officer's later addition to or correction of the answer.
    EntryKind, "question-entry" {
        Said => "said",
        Addition => "addition",
        Correction => "correction",
    }
);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: i64,
    pub user_id: i64,
    pub status: Status,
    /// 1 for the first question; one more for each follow-up after an answer.
    pub round: i64,
    pub asked_at: i64,
    /// When the current round started.
    pub opened_at: i64,
    /// The asker's village when they asked (registered, or chosen for the question).
    pub village_code: Option<VillageCode>,
    /// Who answers for it now, and since when.
    pub level: Level,
    pub level_since: i64,
    /// The staff member who took it, if anyone has.
    pub taken_by: Option<i64>,
    /// An urgent case: where the person in trouble is (`engine::pillars::emergency::Place`).
    pub urgent_place: Option<String>,
    /// Why it was closed, when it is.
    pub closed_reason: Option<CloseReason>,
}

crate::domain::profile::choice!(
    /// Who said it: the person who asked, or an officer.
    Author, "question-author" {
        User => "user",
        Officer => "officer",
    }
);
super::columns::code_column!(Status, Author, CloseReason, EntryKind);

/// One message on a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub round: i64,
    pub author: Author,
    pub kind: EntryKind,
    /// The text, or a file's caption (may be empty).
    pub text: String,
    /// What kind of file the user sent (`photo`, `voice`…), if any.
    pub media: Option<String>,
    /// The user's message with the file, in their chat.
    pub message_id: Option<i32>,
    /// Forwarded from elsewhere: where from.
    pub forwarded_from: Option<String>,
    pub created_at: i64,
}

/// What the user wrote: text, or a file with its caption.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said<'a> {
    pub text: &'a str,
    pub media: Option<&'a str>,
    pub message_id: Option<i32>,
    /// Forwarded from elsewhere: where from, as Telegram names it.
    pub forwarded_from: Option<&'a str>,
}

/// An open question as the officers' inbox lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Open {
    pub question: Question,
    /// The asker's latest message.
    pub latest: Entry,
}

const COLUMNS: &str =
    "id, user_id, status, round, asked_at, opened_at, village_code, level, level_since, taken_by,
     urgent_place, closed_reason";

fn question_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Question> {
    Ok(Question {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        status: row.try_get("status")?,
        round: row.try_get("round")?,
        asked_at: row.try_get("asked_at")?,
        opened_at: row.try_get("opened_at")?,
        village_code: row
            .try_get::<Option<i64>, _>("village_code")?
            .and_then(VillageCode::from_number),
        level: row.try_get("level")?,
        level_since: row.try_get("level_since")?,
        taken_by: row.try_get("taken_by")?,
        urgent_place: row.try_get("urgent_place")?,
        closed_reason: row.try_get("closed_reason")?,
    })
}

/// Records a new question from `village` (if known), for `level` to answer.
pub async fn create(
    tx: &mut Tx,
    user_id: i64,
    said: &Said<'_>,
    now: DateTime<Utc>,
    village: Option<VillageCode>,
    level: Level,
) -> Result<Question> {
    let row = sqlx::query(&format!(
        "INSERT INTO questions (user_id, asked_at, opened_at, village_code, level, level_since)
         VALUES (?1, ?2, ?2, ?3, ?4, ?2) RETURNING {COLUMNS}"
    ))
    .bind(user_id)
    .bind(unix(now))
    .bind(village.map(VillageCode::get))
    .bind(level)
    .fetch_one(tx.conn().await?)
    .await?;
    let question = question_from_row(&row)?;
    let by = (Author::User, EntryKind::Said);
    add_entry(tx, question.id, question.round, by, said, now).await?;
    Ok(question)
}

async fn add_entry(
    tx: &mut Tx,
    question_id: i64,
    round: i64,
    (author, kind): (Author, EntryKind),
    said: &Said<'_>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO question_entries (question_id, round, author, kind, text, media, message_id,
                                       forwarded_from, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(question_id)
    .bind(round)
    .bind(author)
    .bind(kind)
    // Stored as a person would read it (see `domain::text`): every later view is safe.
    .bind(crate::domain::text::tidy(said.text).as_ref())
    .bind(said.media)
    .bind(said.message_id)
    .bind(
        said.forwarded_from
            .map(crate::domain::text::tidy)
            .as_deref(),
    )
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

pub async fn find(tx: &mut Tx, id: i64) -> Result<Option<Question>> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM questions WHERE id = ?"))
        .bind(id)
        .fetch_optional(tx.conn().await?)
        .await?
        .as_ref()
        .map(question_from_row)
        .transpose()
}

/// The asker adds to their question. An answered or closed question opens again with the next
/// round; an open one keeps its round. Returns the question as it now stands.
pub async fn follow_up(
    tx: &mut Tx,
    id: i64,
    said: &Said<'_>,
    now: DateTime<Utc>,
) -> Result<Option<Question>> {
    let reopened = sqlx::query(&format!(
        "UPDATE questions SET status = 'open', round = round + 1, opened_at = ?2, answered_at = NULL,
             level_since = ?2, closed_reason = NULL, closed_at = NULL
         WHERE id = ?1 AND status IN ('answered', 'closed') RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(unix(now))
    .fetch_optional(tx.conn().await?)
    .await?;
    let question = match reopened {
        Some(row) => question_from_row(&row)?,
        None => match find(tx, id).await? {
            Some(question) => question,
            None => return Ok(None),
        },
    };
    let by = (Author::User, EntryKind::Said);
    add_entry(tx, id, question.round, by, said, now).await?;
    Ok(Some(question))
}

/// Records an officer's answer to round `round`, if that round is still open. Returns
/// `false` when it was already answered (by someone else, or the question moved on).
pub async fn answer(
    tx: &mut Tx,
    id: i64,
    round: i64,
    text: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    // An answered round goes up no further; a follow-up opens the next at the same level.
    let answered = sqlx::query(
        "UPDATE questions SET status = 'answered', answered_at = ?3
         WHERE id = ?1 AND round = ?2 AND status = 'open'",
    )
    .bind(id)
    .bind(round)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?
    .rows_affected()
        == 1;
    if answered {
        let said = Said {
            text,
            media: None,
            message_id: None,
            forwarded_from: None,
        };
        add_entry(
            tx,
            id,
            round,
            (Author::Officer, EntryKind::Said),
            &said,
            now,
        )
        .await?;
    }
    Ok(answered)
}

/// An officer's addition to or correction of the answer, on the question's current round.
/// Returns the question, or `None` when it has no answer yet to add to.
pub async fn amend(
    tx: &mut Tx,
    id: i64,
    kind: EntryKind,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Option<Question>> {
    let answered: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM question_entries WHERE question_id = ? AND author = 'officer' LIMIT 1",
    )
    .bind(id)
    .fetch_optional(tx.conn().await?)
    .await?;
    let question = match (answered, find(tx, id).await?) {
        (Some(_), Some(question)) => question,
        _ => return Ok(None),
    };
    let said = Said {
        text,
        media: None,
        message_id: None,
        forwarded_from: None,
    };
    add_entry(tx, id, question.round, (Author::Officer, kind), &said, now).await?;
    Ok(Some(question))
}

/// Closes question `id` (open or answered) for `reason`; `None` if it was closed already or
/// is not there.
pub async fn close(
    tx: &mut Tx,
    id: i64,
    reason: CloseReason,
    now: DateTime<Utc>,
) -> Result<Option<Question>> {
    sqlx::query(&format!(
        "UPDATE questions SET status = 'closed', closed_reason = ?2, closed_at = ?3
         WHERE id = ?1 AND status IN ('open', 'answered') RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(reason)
    .bind(unix(now))
    .fetch_optional(tx.conn().await?)
    .await?
    .as_ref()
    .map(question_from_row)
    .transpose()
}

/// `by` gives back the open question they took: it waits at its level again, and may go up
/// from now. False if it was not theirs (any more).
pub async fn hand_back(tx: &mut Tx, id: i64, by: i64, now: DateTime<Utc>) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE questions SET taken_by = NULL, level_since = ?3
         WHERE id = ?1 AND taken_by = ?2 AND status = 'open'",
    )
    .bind(id)
    .bind(by)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?
    .rows_affected()
        == 1)
}

/// Passes the open question `id` to `level`, for anyone there to take. False if it is no
/// longer open.
pub async fn pass_up(tx: &mut Tx, id: i64, level: Level, now: DateTime<Utc>) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE questions SET level = ?2, level_since = ?3, taken_by = NULL
         WHERE id = ?1 AND status = 'open'",
    )
    .bind(id)
    .bind(level)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?
    .rows_affected()
        == 1)
}

/// Makes question `id` an urgent case from someone at `place`, told now.
pub async fn mark_urgent(tx: &mut Tx, id: i64, place: &str, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE questions SET urgent_place = ?2, notified_at = ?3 WHERE id = ?1")
        .bind(id)
        .bind(place)
        .bind(unix(now))
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// Urgent cases nobody has taken whose officers were last told at or before `before`.
pub async fn urgent_to_tell(tx: &mut Tx, before: i64) -> Result<Vec<Question>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM questions
         WHERE urgent_place IS NOT NULL AND status = 'open' AND taken_by IS NULL
           AND notified_at <= ?1
         ORDER BY id"
    ))
    .bind(before)
    .fetch_all(tx.conn().await?)
    .await?;
    rows.iter().map(question_from_row).collect()
}

/// The officers of urgent case `id` were told again now.
pub async fn told_urgent(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE questions SET notified_at = ?2 WHERE id = ?1")
        .bind(id)
        .bind(unix(now))
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

crate::domain::profile::choice!(
    /// Which questions a page of the inbox lists.
    InboxFilter, "inbox-filter" {
        Open => "open",
        Urgent => "urgent",
        Waiting => "waiting",
        Mine => "mine",
        Answered => "answered",
        Closed => "closed",
    }
);

impl InboxFilter {
    /// The filter as SQL over `questions q`, for the staff member `reader`.
    fn condition(self, reader: i64) -> String {
        match self {
            InboxFilter::Open => "q.status = 'open'".into(),
            InboxFilter::Urgent => "q.status = 'open' AND q.urgent_place IS NOT NULL".into(),
            InboxFilter::Waiting => "q.status = 'open' AND q.taken_by IS NULL".into(),
            // An integer, never text: nothing to escape.
            InboxFilter::Mine => format!("q.status = 'open' AND q.taken_by = {reader}"),
            InboxFilter::Answered => "q.status = 'answered'".into(),
            InboxFilter::Closed => "q.status = 'closed'".into(),
        }
    }

    fn order(self) -> &'static str {
        match self {
            InboxFilter::Answered => "q.answered_at DESC, q.id DESC",
            InboxFilter::Closed => "q.closed_at DESC, q.id DESC",
            // As the index `questions_inbox` has it (migration 0016).
            _ => "(q.urgent_place IS NULL), q.opened_at, q.id",
        }
    }
}

/// A page of the inbox: the questions of `filter` within `scope`, with the asker's latest
/// message, from `offset`; and how many there are in all. The page's questions are chosen
/// first and only they are joined to what was said, so a page far back skips index entries,
/// not joined rows.
pub async fn inbox_page(
    tx: &mut Tx,
    scope: &Scope,
    filter: InboxFilter,
    reader: i64,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Open>, i64)> {
    let (area, params) = within(scope, "q.village_code");
    let condition = filter.condition(reader);
    let sql = format!(
        "SELECT q.id, q.user_id, q.status, q.round, q.asked_at, q.opened_at, q.village_code,
                q.level, q.level_since, q.taken_by, q.urgent_place, q.closed_reason,
                e.round AS entry_round, e.author, e.kind, e.text, e.media, e.message_id, e.forwarded_from,
                e.created_at
         FROM (SELECT q.id AS listed FROM questions q WHERE {condition} AND {area}
               ORDER BY {order} LIMIT ? OFFSET ?) page
         JOIN questions q ON q.id = page.listed
         JOIN question_entries e ON e.id = (
             SELECT max(id) FROM question_entries WHERE question_id = q.id AND author = 'user')
         ORDER BY {order}",
        order = filter.order()
    );
    let mut query = sqlx::query(&sql);
    for p in &params {
        query = query.bind(*p);
    }
    let rows = query
        .bind(limit)
        .bind(offset)
        .fetch_all(tx.conn().await?)
        .await?;
    let page = rows
        .iter()
        .map(|row| {
            Ok(Open {
                question: question_from_row(row)?,
                latest: entry_from_row(row, "entry_round")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let count_sql = format!("SELECT count(*) FROM questions q WHERE {condition} AND {area}");
    let total = super::count_of(tx, &count_sql, &params).await?;
    Ok((page, total))
}

pub async fn open_count(tx: &mut Tx, scope: &Scope) -> Result<i64> {
    let (area, params) = within(scope, "village_code");
    let sql = format!("SELECT count(*) FROM questions WHERE status = 'open' AND {area}");
    let mut query = sqlx::query_scalar(&sql);
    for p in params {
        query = query.bind(p);
    }
    Ok(query.fetch_one(tx.conn().await?).await?)
}

/// Open questions nobody took that have waited at their level since `before` (Unix seconds)
/// or longer, the oldest first.
pub async fn to_escalate(tx: &mut Tx, before: i64) -> Result<Vec<Question>> {
    let rows = Routed::Questions.to_escalate(tx, COLUMNS, before).await?;
    rows.iter().map(question_from_row).collect()
}

pub async fn set_level(tx: &mut Tx, id: i64, level: Level, now: DateTime<Utc>) -> Result<()> {
    Routed::Questions.set_level(tx, id, level, now).await
}

/// `by` takes the question, if nobody has; true if they now have it.
pub async fn take(tx: &mut Tx, id: i64, by: i64) -> Result<bool> {
    Routed::Questions.take(tx, id, by).await
}

/// Gives back what `user_id` had taken (their rights ended): it goes to its level again.
pub async fn give_back(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> Result<u64> {
    Routed::Questions.give_back(tx, user_id, now).await
}

fn entry_from_row(row: &sqlx::sqlite::SqliteRow, round_column: &str) -> Result<Entry> {
    Ok(Entry {
        round: row.try_get(round_column)?,
        author: row.try_get("author")?,
        kind: row.try_get("kind")?,
        text: row.try_get("text")?,
        media: row.try_get("media")?,
        message_id: row.try_get("message_id")?,
        forwarded_from: row.try_get("forwarded_from")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Everything said on a question, oldest first.
pub async fn entries(tx: &mut Tx, question_id: i64) -> Result<Vec<Entry>> {
    let rows = sqlx::query(
        "SELECT round, author, kind, text, media, message_id, forwarded_from, created_at
         FROM question_entries
         WHERE question_id = ? ORDER BY id",
    )
    .bind(question_id)
    .fetch_all(tx.conn().await?)
    .await?;
    rows.iter()
        .map(|row| entry_from_row(row, "round"))
        .collect()
}

/// A user's questions, the newest first.
pub async fn of_user(tx: &mut Tx, user_id: i64, limit: i64) -> Result<Vec<Question>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM questions WHERE user_id = ? ORDER BY id DESC LIMIT ?"
    ))
    .bind(user_id)
    .bind(limit)
    .fetch_all(tx.conn().await?)
    .await?;
    rows.iter().map(question_from_row).collect()
}

/// Records that a delivered Telegram message stands for a question's round. A question erased
/// meanwhile is skipped rather than failing the delivery's bookkeeping.
pub async fn remember_message(
    tx: &mut Tx,
    chat_id: i64,
    message_id: i32,
    question_id: i64,
    round: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO question_messages (chat_id, message_id, question_id, round)
         SELECT ?1, ?2, id, ?4 FROM questions WHERE id = ?3
         ON CONFLICT (chat_id, message_id) DO UPDATE SET question_id = excluded.question_id, round = excluded.round",
    )
    .bind(chat_id)
    .bind(message_id)
    .bind(question_id)
    .bind(round)
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// The question (and round) a Telegram message in a chat stands for.
pub async fn by_message(tx: &mut Tx, chat_id: i64, message_id: i32) -> Result<Option<(i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT question_id, round FROM question_messages WHERE chat_id = ? AND message_id = ?",
    )
    .bind(chat_id)
    .bind(message_id)
    .fetch_optional(tx.conn().await?)
    .await?)
}
