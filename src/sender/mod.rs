//! The one sender task: it takes messages from the outbox and hands them to a transport
//! (Telegram, or the terminal), and is the only place that knows Telegram's limits.
//!
//! Pacing (DESIGN.md): interactive replies go out at once, with no global cap, but at most a
//! short burst and then about one a second per chat; bulk traffic at most `BROADCAST_RATE` in
//! any one-second window, and only while no interactive reply is waiting; a 429 pauses every
//! send for its `retry_after`; a 403 ends delivery to that chat; 5xx and network errors are
//! retried with backoff. Each chat's messages go out in order, one at a time.

mod outgoing;
mod pacing;

use std::{collections::HashSet, future::Future, sync::Arc, time::Duration};

use chrono::Utc;
use sqlx::{Connection, SqlitePool};
use tokio::{sync::Notify, task::JoinSet, time::Instant};
use tokio_util::sync::CancellationToken;

pub use outgoing::{Outgoing, RenderedButton, RenderedKeyboard};
pub use pacing::{BulkPacer, ChatPacer};

use crate::engine::{Reply, ReplyKind};
use crate::i18n::Locales;
use crate::store::{self, StoreError, outbox, outbox::Priority, users};

/// A message Telegram accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    /// The id of the message sent or edited, where there is one.
    pub message_id: Option<i32>,
}

/// Why a message was not delivered, by what the sender should do about it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// Flood control: nothing may be sent for this long.
    #[error("flood control, retry after {0:?}")]
    RetryAfter(Duration),
    /// The chat cannot be reached any more (blocked, deactivated, unknown chat).
    #[error("chat unreachable: {0}")]
    Unreachable(String),
    /// An edit's message is gone or can no longer be edited: send it as a new message.
    #[error("message to edit is gone")]
    EditTargetGone,
    /// Telegram refused the message itself; sending it again will not help.
    #[error("rejected: {0}")]
    Rejected(String),
    /// Server or network trouble; try again later.
    #[error("transient: {0}")]
    Transient(String),
}

/// Something that can deliver a rendered message: the Telegram Bot API, or a terminal.
pub trait Transport: Send + Sync + 'static {
    fn deliver(
        &self,
        message: &Outgoing,
    ) -> impl Future<Output = Result<Delivered, DeliveryError>> + Send;
}

#[derive(Clone, Debug)]
pub struct Pacing {
    /// Bulk messages per second (`BROADCAST_RATE`).
    pub bulk_per_second: u32,
    /// Messages a chat may receive at once before the per-chat rate applies.
    pub chat_burst: u32,
    /// Requests under way at once.
    pub max_in_flight: usize,
    /// Tries for a message failing with server or network errors before it is given up.
    pub max_attempts: i64,
    /// First retry delay after a server or network error; doubles each time.
    pub first_backoff: Duration,
    /// Longest retry delay.
    pub max_backoff: Duration,
}

impl Pacing {
    pub fn new(bulk_per_second: u32) -> Pacing {
        Pacing {
            bulk_per_second,
            chat_burst: 4,
            max_in_flight: 32,
            max_attempts: 12,
            first_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(300),
        }
    }

    fn backoff(&self, attempts: i64) -> Duration {
        let factor = 2u32.saturating_pow(u32::try_from(attempts.clamp(0, 20)).unwrap_or(20));
        self.first_backoff
            .saturating_mul(factor)
            .min(self.max_backoff)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SenderError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for SenderError {
    fn from(e: sqlx::Error) -> Self {
        SenderError::Store(StoreError::Sql(e))
    }
}

/// Marks an outbox row sent, and records what the Telegram message stands for where the
/// engine asked (so a reply to it can be recognised), in the same transaction.
async fn mark_delivered(
    conn: &mut store::Conn,
    id: i64,
    reply: &Reply,
    delivered: Delivered,
    now: chrono::DateTime<Utc>,
) -> Result<(), SenderError> {
    outbox::mark_sent(conn, id, delivered.message_id, now).await?;
    if let (Some(tag), Some(message_id)) = (reply.tag(), delivered.message_id) {
        outbox::remember(conn, reply.chat_id, message_id, tag).await?;
    }
    Ok(())
}

/// How many outbox rows of each priority one look at the queue considers.
const BATCH: i64 = 128;

fn earliest(current: Option<Instant>, at: Instant) -> Option<Instant> {
    Some(current.map_or(at, |c| c.min(at)))
}

pub struct Sender<T> {
    /// Announcements' texts by id, looked up once (`None`: no such announcement).
    broadcasts:
        std::sync::Mutex<std::collections::HashMap<i64, Arc<Option<store::broadcasts::Broadcast>>>>,
    pool: SqlitePool,
    /// Shared with the engine (see [`store::Writer`]).
    writer: store::Writer,
    transport: Arc<T>,
    locales: Arc<Locales>,
    pacing: Pacing,
    wake: Arc<Notify>,
}

/// A finished delivery attempt.
struct Attempt {
    id: i64,
    chat_id: i64,
    reply: Reply,
    attempts: i64,
    result: Result<Delivered, DeliveryError>,
    /// The bulk pacer's number for it, if it was bulk.
    bulk_seq: Option<u64>,
    /// When the answer came back.
    answered_at: Instant,
}

/// What the sender loop keeps between looks at the queue.
struct Flight {
    chats: HashSet<i64>,
    tasks: JoinSet<Attempt>,
    paused_until: Option<Instant>,
    chat_pacer: ChatPacer,
    bulk_pacer: BulkPacer,
    /// Plain deliveries not yet written down: their rows are still pending in the table, so
    /// they are written down before the table is next read (in the same round trip).
    unrecorded: Vec<(i64, Option<i32>)>,
}

impl<T: Transport> Sender<T> {
    pub fn new(
        pool: SqlitePool,
        writer: store::Writer,
        transport: Arc<T>,
        locales: Arc<Locales>,
        pacing: Pacing,
        wake: Arc<Notify>,
    ) -> Self {
        Sender {
            broadcasts: Default::default(),
            pool,
            writer,
            transport,
            locales,
            pacing,
            wake,
        }
    }

    /// Delivers until `stop` is cancelled, then waits for the requests under way.
    pub async fn run(self, stop: CancellationToken) -> Result<(), SenderError> {
        let mut flight = Flight {
            chats: HashSet::new(),
            tasks: JoinSet::new(),
            paused_until: None,
            chat_pacer: ChatPacer::new(self.pacing.chat_burst),
            bulk_pacer: BulkPacer::new(self.pacing.bulk_per_second),
            unrecorded: Vec::new(),
        };
        flight.paused_until = self.flood_wait_left().await?;
        let mut housekeeping = tokio::time::interval(Duration::from_secs(3600));
        loop {
            // What came back is written down before anything else goes out: a 429 that has
            // arrived must pause the very next dispatch.
            let mut finished = Vec::new();
            while let Some(done) = flight.tasks.try_join_next() {
                finished.push(done);
            }
            if !finished.is_empty() {
                self.record(&mut flight, finished).await?;
            }
            let next = self.dispatch(&mut flight).await?;
            let sleep = tokio::time::sleep_until(
                next.unwrap_or_else(|| Instant::now() + Duration::from_secs(60)),
            );
            tokio::select! {
                biased;
                _ = stop.cancelled() => break,
                Some(done) = flight.tasks.join_next() => {
                    let mut finished = vec![done];
                    while let Some(done) = flight.tasks.try_join_next() {
                        finished.push(done);
                    }
                    self.record(&mut flight, finished).await?;
                }
                _ = self.wake.notified() => {}
                _ = sleep => {}
                _ = housekeeping.tick() => self.housekeeping(&mut flight).await?,
            }
        }
        while let Some(done) = flight.tasks.join_next().await {
            self.record(&mut flight, vec![done]).await?;
        }
        self.write_down_unrecorded(&mut flight).await
    }

    /// Writes down the plain deliveries that wait for the next read of the table.
    async fn write_down_unrecorded(&self, flight: &mut Flight) -> Result<(), SenderError> {
        if flight.unrecorded.is_empty() {
            return Ok(());
        }
        let unrecorded = &flight.unrecorded;
        self.writer
            .write(async |conn| outbox::mark_all_sent(conn, unrecorded, Utc::now()).await)
            .await?;
        flight.unrecorded.clear();
        Ok(())
    }

    /// A flood-control wait that an earlier run was told of and that has not passed: the
    /// penalty is Telegram's, for the bot, and outlives a restart.
    async fn flood_wait_left(&self) -> Result<Option<Instant>, SenderError> {
        let mut conn = self.pool.acquire().await?;
        let until_ms = outbox::flood_wait_until_ms(&mut conn).await?;
        let left_ms = until_ms.map_or(0, |ms| ms - Utc::now().timestamp_millis());
        Ok((left_ms > 0)
            .then(|| Instant::now() + Duration::from_millis(u64::try_from(left_ms).unwrap_or(0))))
    }

    /// Delivers every pending message (of one chat, or all) right now, ignoring pacing, and
    /// returns the replies delivered. For the simulator and tests.
    pub async fn drain(
        &self,
        chat_id: Option<i64>,
    ) -> Result<Vec<(Reply, Delivered)>, SenderError> {
        let mut delivered = Vec::new();
        loop {
            let rows =
                outbox::pending(&mut *self.pool.acquire().await?, BATCH, None, chat_id).await?;
            if rows.is_empty() {
                return Ok(delivered);
            }
            for row in rows {
                let Some(reply) = self.decode(&row).await? else {
                    continue;
                };
                let outgoing = self.outgoing(&reply).await?;
                let result = self.transport.deliver(&outgoing).await;
                let mut conn = self.pool.acquire().await?;
                match result {
                    Ok(done) => {
                        mark_delivered(&mut conn, row.id, &reply, done, Utc::now()).await?;
                        delivered.push((reply, done));
                    }
                    Err(error) => {
                        outbox::mark_failed(&mut conn, row.id, &error.to_string(), Utc::now())
                            .await?;
                    }
                }
            }
        }
    }

    /// The words and buttons to send. An announcement's copies carry only its id: its text
    /// (in the recipient's language, else the other) is looked up once and kept.
    async fn outgoing(&self, reply: &Reply) -> Result<Outgoing, SenderError> {
        if let ReplyKind::Export { table, file_name } = &reply.kind {
            let mut conn = self.pool.acquire().await?;
            return Ok(
                match crate::export::csv(&mut conn, *table, self.locales.timezone()).await {
                    Ok(content) => Outgoing::Document {
                        chat_id: reply.chat_id,
                        file_name: file_name.clone(),
                        content,
                        caption: String::new(),
                    },
                    Err(error) => {
                        tracing::error!(%error, "export failed");
                        self.locales.render(reply)
                    }
                },
            );
        }
        let ReplyKind::Broadcast { broadcast_id } = reply.kind else {
            return Ok(self.locales.render(reply));
        };
        let cached = self
            .broadcasts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&broadcast_id)
            .cloned();
        let content = match cached {
            Some(content) => content,
            None => {
                let mut conn = self.pool.acquire().await?;
                let found = store::broadcasts::find(&mut conn, broadcast_id).await?;
                let content = Arc::new(found);
                // A draft's text may still change (its preview); a sent one's never does.
                if content
                    .as_ref()
                    .as_ref()
                    .is_none_or(|b| b.status != "draft")
                {
                    self.broadcasts
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(broadcast_id, content.clone());
                }
                content
            }
        };
        let Some(broadcast) = content.as_ref() else {
            return Ok(self.locales.render(reply));
        };
        let (first, second) = match reply.lang {
            crate::domain::Language::Id => (&broadcast.text_id, &broadcast.text_en),
            crate::domain::Language::En => (&broadcast.text_en, &broadcast.text_id),
        };
        let text = first.clone().or_else(|| second.clone()).unwrap_or_default();
        Ok(match &broadcast.photo_file_id {
            Some(file_id) => Outgoing::Photo {
                chat_id: reply.chat_id,
                file_id: file_id.clone(),
                caption: text,
            },
            None => Outgoing::Message {
                chat_id: reply.chat_id,
                text,
                keyboard: RenderedKeyboard::None,
            },
        })
    }

    async fn decode(&self, row: &outbox::Pending) -> Result<Option<Reply>, SenderError> {
        match serde_json::from_str::<Reply>(&row.payload) {
            Ok(reply) => Ok(Some(reply)),
            Err(error) => {
                // Not the error's text: it can quote the message, and so names or phone numbers.
                tracing::error!(id = row.id, kind = ?error.classify(), "outbox row cannot be read; dropping it");
                let mut conn = self.pool.acquire().await?;
                outbox::mark_failed(&mut conn, row.id, "unreadable payload", Utc::now()).await?;
                Ok(None)
            }
        }
    }

    /// Starts every message that may go now; returns when to look again.
    async fn dispatch(&self, flight: &mut Flight) -> Result<Option<Instant>, SenderError> {
        let now = Instant::now();
        if let Some(until) = flight.paused_until {
            if until > now {
                self.write_down_unrecorded(flight).await?;
                return Ok(Some(until));
            }
            flight.paused_until = None;
        }
        if flight.tasks.len() >= self.pacing.max_in_flight {
            self.write_down_unrecorded(flight).await?;
            return Ok(None);
        }
        // This runs each time a request comes back, so it reads only what can go: the rows
        // under way (still pending in the table) come first, then, as a chat rarely has more
        // than a reply or two queued, twice the free places is plenty.
        let under_way = flight.tasks.len();
        let free = self.pacing.max_in_flight - under_way;
        let limit = i64::try_from(under_way + 2 * free + 8).map_or(BATCH, |l| l.min(BATCH));
        // Interactive messages first, then bulk ones, in one look, after writing down what
        // was delivered since the last.
        let unrecorded = &flight.unrecorded;
        let rows = self
            .writer
            .write(async |conn| {
                outbox::mark_sent_then_pending(conn, unrecorded, Utc::now(), limit).await
            })
            .await?;
        flight.unrecorded.clear();
        let now_ms = Utc::now().timestamp_millis();
        let mut next: Option<Instant> = None;
        let mut chats_seen = HashSet::new();
        for row in rows {
            // Each chat's messages in order: only its oldest pending one may go.
            if !chats_seen.insert(row.chat_id) || flight.chats.contains(&row.chat_id) {
                continue;
            }
            if row.not_before_ms > now_ms {
                let wait =
                    Duration::from_millis(u64::try_from(row.not_before_ms - now_ms).unwrap_or(0));
                next = earliest(next, Instant::now() + wait);
                continue;
            }
            if flight.tasks.len() >= self.pacing.max_in_flight {
                // Bulk rows come after interactive ones, so a full flight holds bulk back.
                break;
            }
            if row.priority == Priority::Bulk
                && let Err(at) = flight.bulk_pacer.ready(Instant::now())
            {
                next = earliest(next, at);
                break;
            }
            let Some(reply) = self.decode(&row).await? else {
                continue;
            };
            let paced = !matches!(
                reply.kind,
                ReplyKind::CallbackAnswer { .. } | ReplyKind::CommandMenu { .. }
            );
            if paced && let Err(at) = flight.chat_pacer.check(row.chat_id) {
                next = earliest(next, at);
                continue;
            }
            let bulk_seq =
                (row.priority == Priority::Bulk).then(|| flight.bulk_pacer.record(Instant::now()));
            let outgoing = self.outgoing(&reply).await?;
            self.start(flight, &row, reply, outgoing, bulk_seq);
        }
        Ok(next)
    }

    fn start(
        &self,
        flight: &mut Flight,
        row: &outbox::Pending,
        reply: Reply,
        outgoing: Outgoing,
        bulk_seq: Option<u64>,
    ) {
        flight.chats.insert(row.chat_id);
        let transport = self.transport.clone();
        let (id, chat_id, attempts) = (row.id, row.chat_id, row.attempts);
        flight.tasks.spawn(async move {
            let result = transport.deliver(&outgoing).await;
            Attempt {
                id,
                chat_id,
                reply,
                attempts,
                result,
                bulk_seq,
                answered_at: Instant::now(),
            }
        });
    }

    /// Writes down what became of finished attempts: plain deliveries with the next read of
    /// the table (see `dispatch`), anything else at once, in one transaction with them.
    async fn record(
        &self,
        flight: &mut Flight,
        finished: Vec<Result<Attempt, tokio::task::JoinError>>,
    ) -> Result<(), SenderError> {
        let mut others = Vec::new();
        for done in finished {
            let attempt = match done {
                Ok(attempt) => attempt,
                Err(error) => {
                    // A transport that panicked: the row stays pending and is tried again.
                    tracing::error!(%error, "delivery task failed");
                    flight.chats.clear();
                    continue;
                }
            };
            flight.chats.remove(&attempt.chat_id);
            if let Some(seq) = attempt.bulk_seq {
                flight.bulk_pacer.answered(seq, attempt.answered_at);
            }
            match &attempt.result {
                Ok(delivered) if attempt.reply.tag().is_none() => {
                    flight.unrecorded.push((attempt.id, delivered.message_id));
                }
                _ => others.push(attempt),
            }
        }
        if others.is_empty() {
            return Ok(());
        }
        let sent = std::mem::take(&mut flight.unrecorded);
        self.writer
            .write(async |conn| {
                let now = Utc::now();
                let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
                outbox::mark_all_sent(&mut tx, &sent, now).await?;
                for attempt in others {
                    self.record_one(&mut tx, flight, attempt, now).await?;
                }
                tx.commit().await?;
                Ok(())
            })
            .await
    }

    async fn record_one(
        &self,
        conn: &mut store::Conn,
        flight: &mut Flight,
        attempt: Attempt,
        now: chrono::DateTime<Utc>,
    ) -> Result<(), SenderError> {
        let Attempt {
            id,
            chat_id,
            reply,
            attempts,
            result,
            ..
        } = attempt;
        match result {
            Ok(delivered) => mark_delivered(conn, id, &reply, delivered, now).await?,
            Err(DeliveryError::RetryAfter(wait)) => {
                tracing::warn!(?wait, "Telegram flood control: pausing every send");
                let until = Instant::now() + wait;
                flight.paused_until = Some(flight.paused_until.map_or(until, |p| p.max(until)));
                let not_before = now.timestamp_millis()
                    + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 2);
                outbox::retry_later(conn, id, not_before, false, outbox::FLOOD_CONTROL).await?;
            }
            Err(DeliveryError::Unreachable(reason)) => {
                tracing::info!(chat_id, %reason, "chat unreachable; its messages are dropped");
                let reason = format!("{}: {reason}", store::broadcasts::BLOCKED);
                outbox::mark_failed(conn, id, &reason, now).await?;
                outbox::fail_pending_for_chat(conn, chat_id, &reason, now).await?;
                users::set_blocked(conn, chat_id, true).await?;
            }
            Err(DeliveryError::EditTargetGone) => {
                let ReplyKind::Edit { text, keyboard, .. } = reply.kind else {
                    outbox::mark_failed(conn, id, "edit target gone", now).await?;
                    return Ok(());
                };
                let as_new = Reply {
                    kind: ReplyKind::Message { text, keyboard },
                    ..reply
                };
                match serde_json::to_string(&as_new) {
                    Ok(payload) => outbox::replace_payload(conn, id, &payload).await?,
                    Err(_) => outbox::mark_failed(conn, id, "edit target gone", now).await?,
                }
            }
            Err(DeliveryError::Rejected(reason)) => {
                tracing::error!(chat_id, %reason, "Telegram rejected a message");
                outbox::mark_failed(conn, id, &reason, now).await?;
            }
            Err(DeliveryError::Transient(reason)) => {
                let attempts = attempts + 1;
                if attempts >= self.pacing.max_attempts {
                    tracing::error!(chat_id, %reason, attempts, "giving up on a message");
                    outbox::mark_failed(conn, id, &reason, now).await?;
                } else {
                    let wait = self.pacing.backoff(attempts - 1);
                    tracing::warn!(chat_id, %reason, ?wait, "delivery failed; retrying");
                    let not_before =
                        now.timestamp_millis() + i64::try_from(wait.as_millis()).unwrap_or(0);
                    outbox::retry_later(conn, id, not_before, true, &reason).await?;
                }
            }
        }
        Ok(())
    }

    async fn housekeeping(&self, flight: &mut Flight) -> Result<(), SenderError> {
        flight.chat_pacer.forget_idle();
        self.broadcasts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        let mut conn = self.pool.acquire().await?;
        let week_ago = Utc::now() - chrono::Duration::days(7);
        outbox::prune(&mut conn, Utc::now() - chrono::Duration::days(2)).await?;
        store::updates::prune(&mut conn, week_ago).await?;
        Ok(())
    }
}
