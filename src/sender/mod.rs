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
use tokio::{sync::Notify, task::JoinSet, time::Instant};
use tokio_util::sync::CancellationToken;

pub use outgoing::{Body, Content, Outgoing, RenderedButton, RenderedKeyboard, render};
pub use pacing::{BulkPacer, ChatPacer};

use crate::engine::{Reply, ReplyKind};
use crate::i18n::Locales;
use crate::store::{self, StoreError, outbox, outbox::Priority, users};

/// A message Telegram accepted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    /// The id of the message sent or edited, where there is one.
    pub message_id: Option<i32>,
    /// The file id Telegram gave a photo uploaded with it (the largest size).
    pub photo_file_id: Option<String>,
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

/// How long, at a stop, requests already under way may still take before they are given up
/// (their messages stay queued and go out after the next start).
pub const STOP_GRACE: Duration = Duration::from_millis(700);

/// Longest pause between two tries while the database fails (a commit by the engine ends a
/// pause early: the database takes writes again).
const LONGEST_DATABASE_PAUSE: Duration = Duration::from_secs(10);

/// Marks an outbox row sent, and records what the Telegram message stands for where the
/// engine asked (so a reply to it can be recognised), in the same transaction.
async fn mark_delivered(
    tx: &mut store::Tx,
    id: i64,
    reply: &Reply,
    delivered: &Delivered,
    now: chrono::DateTime<Utc>,
) -> Result<(), StoreError> {
    outbox::mark_sent(tx, id, delivered.message_id, now).await?;
    // The first copy of an announcement with a photo from the console uploaded it: every
    // copy after it sends Telegram's file id instead.
    if let (ReplyKind::Broadcast { broadcast_id }, Some(file_id)) =
        (&reply.kind, &delivered.photo_file_id)
    {
        store::broadcasts::photo_uploaded(tx, *broadcast_id, file_id).await?;
    }
    if let (Some(tag), Some(message_id)) = (reply.tag(), delivered.message_id) {
        outbox::remember(tx, reply.chat_id, message_id, tag).await?;
    }
    if let (Some(subject), Some(copy)) = (reply.subject, copy_about_someone(reply, delivered)) {
        store::notice_copies::remember(tx, subject, copy, now).await?;
    }
    Ok(())
}

/// A delivered message about a person in someone else's chat (an officer's notice), which
/// erasing the person must reach.
fn copy_about_someone(reply: &Reply, delivered: &Delivered) -> Option<store::notice_copies::Copy> {
    let subject = reply.subject?;
    let message_id = delivered.message_id?;
    if subject == reply.chat_id || matches!(reply.kind, ReplyKind::Redact { .. }) {
        return None;
    }
    Some(store::notice_copies::Copy {
        chat_id: reply.chat_id,
        message_id,
        media: matches!(reply.kind, ReplyKind::Copy { .. }),
    })
}

/// How many outbox rows of each priority one look at the queue considers.
const BATCH: i64 = 128;

/// An export's file, made now from the database as it is (the file is deleted once the
/// returned message is dropped), or a word that it could not be made.
async fn export(files: &store::export::Files, locales: &Arc<Locales>, reply: &Reply) -> Outgoing {
    let content = match &reply.kind {
        ReplyKind::Export {
            table,
            scope,
            file_name,
        } => {
            let request = store::export::Request {
                table: *table,
                scope: scope.clone(),
                tz: locales.timezone(),
                file_name: file_name.clone(),
            };
            let words = Arc::new(crate::i18n::FileWords {
                locales: locales.clone(),
                lang: reply.lang,
            });
            match files.make(request, words).await {
                Ok(made) => Some(Content::File(made)),
                Err(error) => {
                    tracing::error!(%error, "export failed");
                    None
                }
            }
        }
        _ => None,
    };
    outgoing::render(locales, reply, content)
}

fn earliest(current: Option<Instant>, at: Instant) -> Option<Instant> {
    Some(current.map_or(at, |c| c.min(at)))
}

pub struct Sender<T> {
    /// Announcements' words by id, looked up once (`None`: no such announcement).
    broadcasts: std::sync::Mutex<
        std::collections::HashMap<i64, Arc<Option<store::broadcasts::Announcement>>>,
    >,
    /// Shared with the engine: the one way to write.
    writer: store::Writer,
    /// For announcements' words and the flood-control wait.
    reader: store::Reader,
    /// Where exports are made (off this loop, see `store::export::Files`).
    files: store::export::Files,
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
    /// Chats with a request under way or an outcome not yet written down: their next message
    /// waits.
    chats: HashSet<i64>,
    tasks: JoinSet<Attempt>,
    paused_until: Option<Instant>,
    chat_pacer: ChatPacer,
    bulk_pacer: BulkPacer,
    /// Plain deliveries not yet written down: their rows are still pending in the table, so
    /// they are written down before the table is next read (in the same round trip).
    unrecorded: Vec<(i64, Option<i32>)>,
    /// Other outcomes (a failure, a retry, a delivery to remember) not yet written down; kept
    /// until the database takes them.
    unwritten: Vec<Attempt>,
    /// While the database fails: when to try again, and the pause after that.
    database_pause: Option<(Instant, Duration)>,
}

impl<T: Transport> Sender<T> {
    pub fn new(
        writer: store::Writer,
        reader: store::Reader,
        files: store::export::Files,
        transport: Arc<T>,
        locales: Arc<Locales>,
        pacing: Pacing,
        wake: Arc<Notify>,
    ) -> Self {
        Sender {
            broadcasts: Default::default(),
            writer,
            reader,
            files,
            transport,
            locales,
            pacing,
            wake,
        }
    }

    /// Delivers until `stop` is cancelled, then waits a little for the requests under way.
    /// A database error never ends it: it is logged, and the same work is tried again after
    /// a growing pause, so that everything waiting goes out once the fault clears.
    pub async fn run(self, stop: CancellationToken) {
        let mut flight = Flight {
            chats: HashSet::new(),
            tasks: JoinSet::new(),
            paused_until: None,
            chat_pacer: ChatPacer::new(self.pacing.chat_burst),
            bulk_pacer: BulkPacer::new(self.pacing.bulk_per_second),
            unrecorded: Vec::new(),
            unwritten: Vec::new(),
            database_pause: None,
        };
        flight.paused_until = self.flood_wait_left().await;
        let mut housekeeping = tokio::time::interval(Duration::from_secs(3600));
        loop {
            // What came back is noted before anything else goes out: a 429 that has arrived
            // must pause the very next dispatch.
            while let Some(done) = flight.tasks.try_join_next() {
                self.note(&mut flight, done);
            }
            let next = match flight.database_pause {
                Some((until, _)) if until > Instant::now() => Some(until),
                _ => {
                    let outcome = match self.write_down_outcomes(&mut flight).await {
                        Ok(()) => self.dispatch(&mut flight).await,
                        Err(error) => Err(error),
                    };
                    match outcome {
                        Ok(next) => {
                            flight.database_pause = None;
                            next
                        }
                        Err(error) => Some(database_failed(&mut flight, &error)),
                    }
                }
            };
            let sleep = tokio::time::sleep_until(
                next.unwrap_or_else(|| Instant::now() + Duration::from_secs(60)),
            );
            tokio::select! {
                biased;
                _ = stop.cancelled() => break,
                Some(done) = flight.tasks.join_next() => self.note(&mut flight, done),
                // Something was just committed: the database takes writes again.
                _ = self.wake.notified() => flight.database_pause = None,
                _ = sleep => {}
                _ = housekeeping.tick() => self.housekeeping(&mut flight),
            }
        }
        self.stop(flight).await;
    }

    /// Gives the requests under way a moment ([`STOP_GRACE`]), then writes down what came
    /// back. A request still running then is dropped: its message stays queued.
    async fn stop(&self, mut flight: Flight) {
        let deadline = Instant::now() + STOP_GRACE;
        while !flight.tasks.is_empty() {
            match tokio::time::timeout_at(deadline, flight.tasks.join_next()).await {
                Ok(Some(done)) => self.note(&mut flight, done),
                Ok(None) => break,
                Err(_) => {
                    tracing::info!(
                        requests = flight.tasks.len(),
                        "stopping: requests still under way are given up; their messages go out after the next start"
                    );
                    flight.tasks.abort_all();
                    break;
                }
            }
        }
        if let Err(error) = self.write_down(&mut flight).await {
            tracing::warn!(%error, "stopping: could not write down the last deliveries; they may be sent again after the next start");
        }
    }

    /// Writes down what the sender knows and the table does not yet: plain deliveries and
    /// other outcomes, in one unit of work.
    async fn write_down(&self, flight: &mut Flight) -> Result<(), StoreError> {
        if flight.unrecorded.is_empty() && flight.unwritten.is_empty() {
            return Ok(());
        }
        self.write_down_now(flight).await
    }

    /// What the sender loop writes before it looks at the table: other outcomes at once
    /// (with the plain deliveries); plain deliveries alone wait to go with the next read of
    /// the table, in the same round trip (see `dispatch`).
    async fn write_down_outcomes(&self, flight: &mut Flight) -> Result<(), StoreError> {
        if flight.unwritten.is_empty() {
            return Ok(());
        }
        self.write_down_now(flight).await
    }

    async fn write_down_now(&self, flight: &mut Flight) -> Result<(), StoreError> {
        let (sent, others) = (&flight.unrecorded, &flight.unwritten);
        self.writer
            .write(async |tx| {
                let now = Utc::now();
                outbox::mark_all_sent(tx, sent, now).await?;
                for attempt in others {
                    self.write_outcome(tx, attempt, now).await?;
                }
                Ok::<_, StoreError>(())
            })
            .await?;
        flight.unrecorded.clear();
        for attempt in flight.unwritten.drain(..) {
            flight.chats.remove(&attempt.chat_id);
        }
        Ok(())
    }

    /// A flood-control wait that an earlier run was told of and that has not passed: the
    /// penalty is Telegram's, for the bot, and outlives a restart.
    async fn flood_wait_left(&self) -> Option<Instant> {
        let until_ms = match self.reader.read(outbox::flood_wait_until_ms).await {
            Ok(until_ms) => until_ms,
            Err(error) => {
                tracing::warn!(%error, "could not read an earlier flood-control wait");
                None
            }
        };
        let left_ms = until_ms.map_or(0, |ms| ms - Utc::now().timestamp_millis());
        (left_ms > 0)
            .then(|| Instant::now() + Duration::from_millis(u64::try_from(left_ms).unwrap_or(0)))
    }

    /// Delivers every pending message (of one chat, or all) right now, ignoring pacing, and
    /// returns the replies delivered. For the simulator and tests.
    pub async fn drain(&self, chat_id: Option<i64>) -> Result<Vec<(Reply, Delivered)>, StoreError> {
        let mut delivered = Vec::new();
        loop {
            let rows = self
                .writer
                .write(async |tx| outbox::pending(tx, BATCH, None, chat_id).await)
                .await?;
            if rows.is_empty() {
                return Ok(delivered);
            }
            for row in rows {
                let Some(reply) = self.decode(&row).await? else {
                    continue;
                };
                let outgoing = self.outgoing(&reply).await;
                let result = self.transport.deliver(&outgoing).await;
                let now = Utc::now();
                self.writer
                    .write(async |tx| match &result {
                        Ok(done) => mark_delivered(tx, row.id, &reply, done, now).await,
                        Err(error) => {
                            outbox::mark_failed(tx, row.id, &error.to_string(), now).await
                        }
                    })
                    .await?;
                if let Ok(done) = result {
                    delivered.push((reply, done));
                }
            }
        }
    }

    /// The words and buttons to send. An export is made now, from the database as it is; an
    /// announcement's copies carry only its id, and its words (in the recipient's language,
    /// else the other) are looked up once and kept.
    async fn outgoing(&self, reply: &Reply) -> Outgoing {
        let content = match &reply.kind {
            ReplyKind::Export { .. } => {
                return export(&self.files, &self.locales, reply).await;
            }
            ReplyKind::Broadcast { broadcast_id } => self
                .announcement(*broadcast_id)
                .await
                .map(Content::Announcement),
            _ => None,
        };
        outgoing::render(&self.locales, reply, content)
    }

    async fn announcement(&self, id: i64) -> Option<store::broadcasts::Announcement> {
        let cached = self
            .broadcasts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned();
        if let Some(cached) = cached {
            return cached.as_ref().clone();
        }
        let found = match self
            .reader
            .read(async |tx| store::broadcasts::announcement(tx, id).await)
            .await
        {
            Ok(found) => found,
            Err(error) => {
                tracing::error!(%error, broadcast = id, "announcement could not be read");
                return None;
            }
        };
        // A draft's words may still change (its preview); a sent one's never do. A photo
        // Telegram does not have yet is read again until a copy brings back its file id.
        if found
            .as_ref()
            .is_none_or(|a| !a.draft && a.photo_upload.is_none())
        {
            self.broadcasts
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(id, Arc::new(found.clone()));
        }
        found
    }

    async fn decode(&self, row: &outbox::Pending) -> Result<Option<Reply>, StoreError> {
        match serde_json::from_str::<Reply>(&row.payload) {
            Ok(reply) => Ok(Some(reply)),
            Err(error) => {
                // Not the error's text: it can quote the message, and so names or phone numbers.
                tracing::error!(id = row.id, kind = ?error.classify(), "outbox row cannot be read; dropping it");
                self.writer
                    .write(async |tx| {
                        outbox::mark_failed(tx, row.id, "unreadable payload", Utc::now()).await
                    })
                    .await?;
                Ok(None)
            }
        }
    }

    /// Starts every message that may go now; returns when to look again.
    async fn dispatch(&self, flight: &mut Flight) -> Result<Option<Instant>, StoreError> {
        let now = Instant::now();
        if let Some(until) = flight.paused_until {
            if until > now {
                self.write_down(flight).await?;
                return Ok(Some(until));
            }
            flight.paused_until = None;
        }
        if flight.tasks.len() >= self.pacing.max_in_flight {
            self.write_down(flight).await?;
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
            .write(async |tx| {
                outbox::mark_sent_then_pending(tx, unrecorded, Utc::now(), limit).await
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
            // An export takes seconds over a million people: it is made in its delivery's
            // task, so that this loop goes on with everyone else's messages meanwhile.
            let outgoing = match reply.kind {
                ReplyKind::Export { .. } => None,
                _ => Some(self.outgoing(&reply).await),
            };
            self.start(flight, &row, reply, outgoing, bulk_seq);
        }
        Ok(next)
    }

    fn start(
        &self,
        flight: &mut Flight,
        row: &outbox::Pending,
        reply: Reply,
        outgoing: Option<Outgoing>,
        bulk_seq: Option<u64>,
    ) {
        flight.chats.insert(row.chat_id);
        let transport = self.transport.clone();
        let (files, locales) = (self.files.clone(), self.locales.clone());
        let (id, chat_id, attempts) = (row.id, row.chat_id, row.attempts);
        flight.tasks.spawn(async move {
            let outgoing = match outgoing {
                Some(outgoing) => outgoing,
                None => export(&files, &locales, &reply).await,
            };
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

    /// Takes in a finished attempt: what it means for pacing at once, and its outcome to be
    /// written down (plain deliveries with the next read of the table, see `dispatch`).
    fn note(&self, flight: &mut Flight, done: Result<Attempt, tokio::task::JoinError>) {
        let attempt = match done {
            Ok(attempt) => attempt,
            Err(error) => {
                if !error.is_cancelled() {
                    // A transport that panicked: the row stays pending and is tried again.
                    tracing::error!(%error, "delivery task failed");
                }
                flight.chats.clear();
                flight
                    .chats
                    .extend(flight.unwritten.iter().map(|a| a.chat_id));
                return;
            }
        };
        if let Some(seq) = attempt.bulk_seq {
            flight.bulk_pacer.answered(seq, attempt.answered_at);
        }
        let chat_id = attempt.chat_id;
        match &attempt.result {
            Ok(delivered)
                if attempt.reply.tag().is_none()
                    && delivered.photo_file_id.is_none()
                    && copy_about_someone(&attempt.reply, delivered).is_none() =>
            {
                flight.chats.remove(&chat_id);
                flight.unrecorded.push((attempt.id, delivered.message_id));
                return;
            }
            Ok(_) => {}
            Err(DeliveryError::RetryAfter(wait)) => {
                tracing::warn!(?wait, "Telegram flood control: pausing every send");
                let until = Instant::now() + *wait;
                flight.paused_until = Some(flight.paused_until.map_or(until, |p| p.max(until)));
            }
            // A person who blocked the bot is their choice; a group is the officers' (the only
            // group the bot writes to unasked), and someone must fix it.
            Err(DeliveryError::Unreachable(reason)) if chat_id < 0 => {
                tracing::warn!(
                    chat_id,
                    %reason,
                    "a group cannot be reached and its messages are dropped: if it is ADMIN_CHAT_ID, add the bot to the group again (or set ADMIN_CHAT_ID to the group's new id if it moved); questions stay in /inbox"
                );
            }
            Err(DeliveryError::Unreachable(reason)) => {
                tracing::info!(chat_id, %reason, "chat unreachable; its messages are dropped");
            }
            Err(DeliveryError::EditTargetGone) => {}
            Err(DeliveryError::Rejected(reason)) => {
                tracing::error!(chat_id, %reason, "Telegram rejected a message");
            }
            Err(DeliveryError::Transient(reason)) => {
                let attempts = attempt.attempts + 1;
                if attempts >= self.pacing.max_attempts {
                    tracing::error!(chat_id, %reason, attempts, "giving up on a message");
                } else {
                    let wait = self.pacing.backoff(attempts - 1);
                    tracing::warn!(chat_id, %reason, ?wait, "delivery failed; retrying");
                }
            }
        }
        // The chat waits until this outcome is written down.
        flight.unwritten.push(attempt);
    }

    /// Writes down one attempt's outcome (not a plain delivery): the same each time it is
    /// tried, so a unit of work that failed can simply be tried again.
    async fn write_outcome(
        &self,
        tx: &mut store::Tx,
        attempt: &Attempt,
        now: chrono::DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let Attempt {
            id,
            chat_id,
            reply,
            attempts,
            result,
            answered_at,
            ..
        } = attempt;
        let (id, chat_id) = (*id, *chat_id);
        match result {
            Ok(delivered) => mark_delivered(tx, id, reply, delivered, now).await?,
            Err(DeliveryError::RetryAfter(wait)) => {
                let answered_ago = answered_at.elapsed();
                let left = wait.saturating_sub(answered_ago);
                let not_before = now.timestamp_millis()
                    + i64::try_from(left.as_millis()).unwrap_or(i64::MAX / 2);
                outbox::retry_later(tx, id, not_before, false, outbox::FLOOD_CONTROL).await?;
            }
            Err(DeliveryError::Unreachable(reason)) => {
                let reason = format!("{}: {reason}", store::broadcasts::BLOCKED);
                outbox::mark_failed(tx, id, &reason, now).await?;
                outbox::fail_pending_for_chat(tx, chat_id, &reason, now).await?;
                users::set_blocked(tx, chat_id, true).await?;
            }
            Err(DeliveryError::EditTargetGone) => {
                let ReplyKind::Edit { text, keyboard, .. } = &reply.kind else {
                    outbox::mark_failed(tx, id, "edit target gone", now).await?;
                    return Ok(());
                };
                let as_new = Reply {
                    kind: ReplyKind::Message {
                        text: text.clone(),
                        keyboard: keyboard.clone(),
                    },
                    ..reply.clone()
                };
                match serde_json::to_string(&as_new) {
                    Ok(payload) => outbox::replace_payload(tx, id, &payload).await?,
                    Err(_) => outbox::mark_failed(tx, id, "edit target gone", now).await?,
                }
            }
            Err(DeliveryError::Rejected(reason)) => {
                outbox::mark_failed(tx, id, reason, now).await?;
            }
            Err(DeliveryError::Transient(reason)) => {
                let attempts = attempts + 1;
                if attempts >= self.pacing.max_attempts {
                    outbox::mark_failed(tx, id, reason, now).await?;
                } else {
                    let wait = self.pacing.backoff(attempts - 1);
                    let not_before =
                        now.timestamp_millis() + i64::try_from(wait.as_millis()).unwrap_or(0);
                    outbox::retry_later(tx, id, not_before, true, reason).await?;
                }
            }
        }
        Ok(())
    }

    fn housekeeping(&self, flight: &mut Flight) {
        flight.chat_pacer.forget_idle();
        self.broadcasts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

/// Notes a database failure: logged, and the next try after a pause that doubles each time
/// (up to [`LONGEST_DATABASE_PAUSE`]). Returns when to try again.
fn database_failed(flight: &mut Flight, error: &StoreError) -> Instant {
    let pause = flight
        .database_pause
        .map_or(Duration::from_millis(100), |(_, pause)| {
            (pause * 2).min(LONGEST_DATABASE_PAUSE)
        });
    tracing::warn!(
        %error,
        ?pause,
        waiting = flight.unrecorded.len() + flight.unwritten.len(),
        "sender: the database failed; the messages waiting stay queued and it tries again"
    );
    let until = Instant::now() + pause;
    flight.database_pause = Some((until, pause));
    until
}
