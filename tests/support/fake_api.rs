//! A fake Telegram Bot API server for integration tests and benchmarks.
//!
//! Include it with `#[path = "support/fake_api.rs"] mod fake_api;`. It only uses external
//! crates (axum, tokio, serde_json, chrono, futures), never the bot's own code.
//!
//! # What it emulates
//!
//! The HTTP surface that teloxide 0.17 / teloxide-core 0.13 talks to, behaving like the real Bot
//! API (see `shared/TELEGRAM.md` and the sources of tdlib/telegram-bot-api):
//!
//! * `POST {url}/bot{TOKEN}/{method}` with JSON, multipart (uploads), urlencoded bodies or query
//!   strings; method names are case-insensitive like the real server. A token that does not look
//!   like `digits:chars` answers 401 `Unauthorized`; an unknown method 404
//!   `Not Found: method not found`.
//! * `GET {url}/file/bot{TOKEN}/{file_path}` serves the bytes of uploaded and pushed files.
//! * Success is `200 {"ok":true,"result":...}`; errors use HTTP status = `error_code` and
//!   `{"ok":false,"error_code":N,"description":"..."}` with the real description strings, plus
//!   `"parameters":{"retry_after":N}` and a `Retry-After` header for 429.
//! * Methods: getMe, getWebhookInfo, setWebhook, deleteWebhook, getUpdates, sendMessage,
//!   editMessageText, editMessageReplyMarkup, deleteMessage, answerCallbackQuery, setMyCommands,
//!   getMyCommands, deleteMyCommands, sendDocument, sendPhoto, sendChatAction, getFile,
//!   copyMessage, forwardMessage.
//! * Real long polling: `offset` confirms (drops) everything below it, a negative offset keeps
//!   only the last `-offset` updates, `limit` is clamped to 1..=100, `timeout` to 0..=50 s and
//!   the request is held until an update is queued or the timeout passes. `allowed_updates` is a
//!   persistent subscription like in Telegram (default: everything except `chat_member`,
//!   `message_reaction`, `message_reaction_count`); updates outside it are dropped when they
//!   would be delivered. A second concurrent getUpdates terminates the *earlier* one with 409
//!   `Conflict: terminated by other getUpdates request; ...` (as the real server does); the
//!   newer request carries on. getUpdates while a webhook is set answers 409 too.
//! * Text validation like Telegram: MarkdownV2, Markdown (v1) and HTML are parsed with ports of
//!   tdlib's parsers (same error texts, e.g. `can't parse entities: Character '.' is reserved and
//!   must be escaped with the preceding '\'`), the result is trimmed, must be non-empty and at
//!   most 4096 characters (captions 1024). Telegram (tdlib `utf8_length`) counts Unicode code
//!   points here, not UTF-16 units; entity offsets in results are UTF-16 units. A bare `&` is
//!   accepted in HTML (tdlib keeps it literally), a bare `<` is not.
//! * Inline keyboards: `callback_data` must be 1..=64 bytes (`BUTTON_DATA_INVALID`), buttons
//!   need an action, more than 100 buttons is `reply markup is too long` (the exact server
//!   threshold is not public; 100 is an approximation). Only inline keyboards are echoed back in
//!   the returned `Message` (like Telegram); the request's markup is kept in [`SentMessage`].
//! * Users and chats are registered by the test; anything else is `chat not found`. Blocked and
//!   deactivated users answer 403 on sends and edits. Message ids increase per chat, shared by
//!   incoming (pushed) and outgoing messages as in a private chat.
//! * Fault injection for sending methods (`send*`, `edit*`, `answerCallbackQuery`, `copy*`,
//!   `forward*`, `delete*`): [`Fault`] queues via [`FakeApi::fail_next`] and a flood window via
//!   [`FakeApi::flood_for`]. Flood control applies to sending methods only (Telegram's flood
//!   limits are about sending); getUpdates faults are queued separately with
//!   [`FakeApi::fail_next_get_updates`]. After a 429 with `retry_after = N` at time `T`, any
//!   sending call arriving before `T + N` is answered 429 again (the penalty is for the whole
//!   bot) and, if it reached the server after that 429 was given (not merely while its own body
//!   was still arriving), recorded as a violation ([`FakeApi::calls_during_penalty`]).
//!
//! # What it deliberately does not do
//!
//! * No webhook delivery: setWebhook only stores the configuration (tests of the webhook
//!   listener post updates to the bot themselves). Secret tokens are stored, not validated.
//! * All tokens are the same bot: [`BOT_ID`] / [`BOT_USERNAME`]. Use [`TOKEN`] (or any
//!   `123:...` token) so the token's numeric prefix matches the id in `getMe`.
//! * No real rate limits beyond the injected ones, no update expiry (Telegram keeps updates about
//!   24 h, callback queries about 150 s), no inline mode, no channels, no `@username` chat ids,
//!   no text_mention entities (`tg://user?id=` links are dropped like unresolvable links), no
//!   automatic url/mention entities in the bot's own messages (only `bot_command` entities in
//!   pushed user texts). Link normalisation is simplified (a scheme-less link gets `http://`).
//! * The order in which independent validations fire (e.g. `chat not found` vs. `message is too
//!   long`) follows the Bot API's structure (local parsing first, then chat, then server-side
//!   checks) but is not guaranteed to match Telegram in every combination.
//! * Descriptions for malformed requests that teloxide never produces (missing parameters,
//!   broken JSON) are plausible rather than verified strings.
#![allow(dead_code)]

use std::{
    collections::{BTreeMap, HashMap, VecDeque},
    fmt, io,
    net::SocketAddr,
    pin::Pin,
    sync::{
        Arc, Mutex, MutexGuard,
        atomic::{AtomicBool, Ordering},
    },
    task::{Context, Poll},
    time::{Duration, Instant},
};

use axum::{
    Json, Router,
    extract::{
        ConnectInfo, DefaultBodyLimit, FromRequest, Multipart, Request, State,
        connect_info::Connected,
    },
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    serve::{IncomingStream, Listener},
};
use serde_json::{Map, Value, json};
use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    net::{TcpListener, TcpStream},
    sync::watch,
};

/// A token whose numeric prefix matches [`BOT_ID`].
pub const TOKEN: &str = "123:TEST-fake-token";
/// The bot's user id in `getMe` and in every message the fake creates.
pub const BOT_ID: i64 = 123;
pub const BOT_USERNAME: &str = "desmigratif_test_bot";
pub const BOT_FIRST_NAME: &str = "Desmigratif Test";
/// The `update_id` of the first queued update (change with [`FakeApi::set_next_update_id`]).
pub const FIRST_UPDATE_ID: i64 = 10_000;

const MAX_TEXT_CHARS: usize = 4096;
const MAX_CAPTION_CHARS: usize = 1024;
const MAX_CALLBACK_ANSWER_CHARS: usize = 200;
const MAX_CALLBACK_DATA_BYTES: usize = 64;
const MAX_INLINE_BUTTONS: usize = 100;
const MAX_COMMANDS: usize = 100;
const MAX_BODY_BYTES: usize = 60 * 1024 * 1024;

const NOT_MODIFIED: &str = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_INVALID: &str = "query is too old and response timeout expired or query ID is invalid";
const CONFLICT_POLL: &str = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const CONFLICT_WEBHOOK: &str = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

// ------------------------------------------------------------------------------------------
// Public types
// ------------------------------------------------------------------------------------------

/// A user to register with [`FakeApi::add_user`]; registering creates the private chat.
#[derive(Clone, Debug, Default)]
pub struct UserSpec<'a> {
    pub id: i64,
    pub first_name: &'a str,
    pub last_name: Option<&'a str>,
    pub username: Option<&'a str>,
    pub language_code: Option<&'a str>,
    pub is_premium: bool,
}

impl<'a> UserSpec<'a> {
    pub fn new(id: i64, first_name: &'a str) -> Self {
        Self {
            id,
            first_name,
            ..Self::default()
        }
    }
    pub fn language(mut self, code: &'a str) -> Self {
        self.language_code = Some(code);
        self
    }
    pub fn username(mut self, username: &'a str) -> Self {
        self.username = Some(username);
        self
    }
    pub fn last_name(mut self, last_name: &'a str) -> Self {
        self.last_name = Some(last_name);
        self
    }
}

/// An injected failure for the next sending call (or getUpdates call, see
/// [`FakeApi::fail_next_get_updates`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// 429 `Too Many Requests: retry after N` with `parameters.retry_after` and `Retry-After`.
    RetryAfter(u32),
    /// The given 5xx status with a JSON body such as
    /// `{"ok":false,"error_code":502,"description":"Bad Gateway"}`.
    ServerError(u16),
    /// Close the connection without answering.
    Drop,
    /// Answer normally, but only after this delay.
    Delay(Duration),
}

/// How the fake answered a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The HTTP status / `error_code` of the error answer.
    Err(u16),
    /// The connection was closed without an answer ([`Fault::Drop`]).
    Dropped,
}

/// One recorded API call. Calls are recorded when answered (a long poll when it returns), with
/// `at` set to the arrival time.
#[derive(Clone, Debug)]
pub struct Call {
    /// The canonical method name (e.g. `sendMessage`, whatever the case teloxide used); unknown
    /// methods as sent.
    pub method: String,
    /// Parameters as a JSON object; uploaded files appear as
    /// `{"file_name":..,"size":..,"content_type":..}` under their field name.
    pub params: Value,
    /// When the request arrived.
    pub at: Instant,
    pub outcome: Outcome,
    /// The error description, if the answer was an error.
    pub description: Option<String>,
    /// `true` if this sending call arrived after a 429 was given and before its penalty ended.
    pub during_penalty: bool,
}

impl Call {
    pub fn is_ok(&self) -> bool {
        self.outcome == Outcome::Ok
    }
    /// `chat_id` as a number, if present.
    pub fn chat_id(&self) -> Option<i64> {
        self.params.get("chat_id").and_then(value_as_i64)
    }
    /// A parameter rendered as a string (numbers and booleans too).
    pub fn param_str(&self, name: &str) -> Option<String> {
        self.params.get(name).and_then(value_as_string)
    }
    /// `true` if the method name matches, ignoring case.
    pub fn is(&self, method: &str) -> bool {
        self.method.eq_ignore_ascii_case(method)
    }
}

/// What a recorded outgoing message was.
#[derive(Clone, Debug, PartialEq)]
pub enum SentKind {
    Text,
    Document {
        file_name: Option<String>,
        mime_type: String,
        size: usize,
    },
    Photo {
        size: usize,
    },
    Copy {
        from_chat_id: i64,
        from_message_id: i32,
    },
    Forward {
        from_chat_id: i64,
        from_message_id: i32,
    },
    EditText,
    EditReplyMarkup,
}

/// A message the bot successfully sent or edited (edits are separate entries).
#[derive(Clone, Debug)]
pub struct SentMessage {
    /// Global order of all sends and edits.
    pub seq: u64,
    pub chat_id: i64,
    pub message_id: i32,
    pub method: String,
    pub kind: SentKind,
    /// The text (or caption) as Telegram stores it: markup parsed away, trimmed.
    pub text: Option<String>,
    /// The text (or caption) exactly as the bot sent it.
    pub source_text: Option<String>,
    pub parse_mode: Option<String>,
    /// The `reply_markup` of the request (any kind of keyboard), `None` if absent.
    pub reply_markup: Option<Value>,
    /// The `Message` JSON returned to the bot (after this edit, for edits).
    pub message: Value,
    pub at: Instant,
}

impl SentMessage {
    pub fn is_edit(&self) -> bool {
        matches!(self.kind, SentKind::EditText | SentKind::EditReplyMarkup)
    }
    /// Inline keyboard buttons of the request's markup, row by row flattened.
    pub fn buttons(&self) -> Vec<Button> {
        self.reply_markup
            .as_ref()
            .map(inline_buttons)
            .unwrap_or_default()
    }
}

/// An inline keyboard button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Button {
    pub text: String,
    pub callback_data: Option<String>,
    pub url: Option<String>,
}

/// How the bot answered a callback query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallbackAnswer {
    pub text: Option<String>,
    pub show_alert: bool,
    pub url: Option<String>,
}

/// Commands stored by setMyCommands for one (scope, language_code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandSet {
    /// `default`, `all_private_chats`, `all_group_chats`, `all_chat_administrators`,
    /// `chat:<id>`, `chat_administrators:<id>` or `chat_member:<chat>:<user>`.
    pub scope: String,
    /// `""` for the fallback list.
    pub language_code: String,
    /// `(command, description)` pairs, trimmed and without a leading `/`.
    pub commands: Vec<(String, String)>,
}

/// A wait helper ran out of time; `context` summarises the recent calls.
#[derive(Clone, Debug)]
pub struct WaitError {
    pub waited: Duration,
    pub context: String,
}

impl fmt::Display for WaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "condition not met after {:?}; {}",
            self.waited, self.context
        )
    }
}

impl std::error::Error for WaitError {}

// ------------------------------------------------------------------------------------------
// State
// ------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct UserRecord {
    id: i64,
    first_name: String,
    last_name: Option<String>,
    username: Option<String>,
    language_code: Option<String>,
    is_premium: bool,
}

impl UserRecord {
    fn json(&self) -> Value {
        let mut user = json!({"id": self.id, "is_bot": false, "first_name": self.first_name});
        insert_opt(&mut user, "last_name", &self.last_name);
        insert_opt(&mut user, "username", &self.username);
        insert_opt(&mut user, "language_code", &self.language_code);
        if self.is_premium {
            user["is_premium"] = json!(true);
        }
        user
    }

    fn private_chat_json(&self) -> Value {
        let mut chat = json!({"id": self.id, "type": "private", "first_name": self.first_name});
        insert_opt(&mut chat, "last_name", &self.last_name);
        insert_opt(&mut chat, "username", &self.username);
        chat
    }
}

#[derive(Clone, Debug)]
enum ChatInfo {
    Private(i64),
    Group { title: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reachability {
    Blocked,
    Deactivated,
}

#[derive(Clone, Debug)]
struct StoredMessage {
    json: Value,
    from_bot: bool,
}

#[derive(Debug, Default)]
struct ChatLog {
    last_message_id: i32,
    messages: HashMap<i32, StoredMessage>,
    sent: Vec<SentMessage>,
}

#[derive(Clone, Debug)]
struct QueuedUpdate {
    id: i64,
    kind: String,
    json: Value,
}

#[derive(Clone, Debug)]
struct FileRecord {
    file_id: String,
    file_unique_id: String,
    file_path: String,
    bytes: Arc<Vec<u8>>,
}

#[derive(Clone, Debug, Default)]
struct CallbackRecord {
    answer: Option<CallbackAnswer>,
}

#[derive(Clone, Debug)]
struct WebhookConfig {
    url: String,
    secret_token: Option<String>,
    max_connections: u32,
}

/// Everything the fake knows. Read it inside [`FakeApi::wait_for`] / [`FakeApi::with_state`].
#[derive(Debug)]
pub struct FakeState {
    users: HashMap<i64, UserRecord>,
    chats: HashMap<i64, ChatInfo>,
    unreachable: HashMap<i64, Reachability>,
    logs: HashMap<i64, ChatLog>,
    next_seq: u64,
    updates: VecDeque<QueuedUpdate>,
    next_update_id: i64,
    update_messages: HashMap<i64, (i64, i32)>,
    delivered_up_to: Option<i64>,
    confirmed_below: i64,
    allowed_updates: Option<Vec<String>>,
    poll_generation: u64,
    waiting_pollers: usize,
    webhook: Option<WebhookConfig>,
    callbacks: HashMap<String, CallbackRecord>,
    next_callback: u64,
    files: HashMap<String, FileRecord>,
    file_paths: HashMap<String, String>,
    next_file: u64,
    commands: BTreeMap<(String, String), Vec<(String, String)>>,
    calls: Vec<Call>,
    faults: VecDeque<Fault>,
    get_updates_faults: VecDeque<Fault>,
    flood_until: Option<Instant>,
    flood_retry_after: u32,
    penalty_until: Option<Instant>,
    /// When the running penalty's 429 was given: a request that reached the server before
    /// that moment (its body still arriving) was on the wire already and breaks nothing.
    penalty_given: Option<Instant>,
}

impl FakeState {
    fn new() -> Self {
        Self {
            users: HashMap::new(),
            chats: HashMap::new(),
            unreachable: HashMap::new(),
            logs: HashMap::new(),
            next_seq: 0,
            updates: VecDeque::new(),
            next_update_id: FIRST_UPDATE_ID,
            update_messages: HashMap::new(),
            delivered_up_to: None,
            confirmed_below: 0,
            allowed_updates: None,
            poll_generation: 0,
            waiting_pollers: 0,
            webhook: None,
            callbacks: HashMap::new(),
            next_callback: 0,
            files: HashMap::new(),
            file_paths: HashMap::new(),
            next_file: 0,
            commands: BTreeMap::new(),
            calls: Vec::new(),
            faults: VecDeque::new(),
            get_updates_faults: VecDeque::new(),
            flood_until: None,
            flood_retry_after: 0,
            penalty_until: None,
            penalty_given: None,
        }
    }

    /// Every call so far, in arrival-completion order.
    pub fn calls(&self) -> &[Call] {
        &self.calls
    }

    /// Calls of one method (case-insensitive).
    pub fn calls_to(&self, method: &str) -> Vec<&Call> {
        self.calls.iter().filter(|c| c.is(method)).collect()
    }

    /// Successful sends and edits in one chat, oldest first.
    pub fn sent_to(&self, chat_id: i64) -> &[SentMessage] {
        self.logs
            .get(&chat_id)
            .map(|log| log.sent.as_slice())
            .unwrap_or(&[])
    }

    /// Successful sends and edits in all chats, in global order.
    pub fn sent(&self) -> Vec<&SentMessage> {
        let mut all: Vec<&SentMessage> = self.logs.values().flat_map(|l| l.sent.iter()).collect();
        all.sort_by_key(|m| m.seq);
        all
    }

    /// Number of successful sends and edits in all chats.
    pub fn sent_count(&self) -> usize {
        self.logs.values().map(|l| l.sent.len()).sum()
    }

    /// The current JSON of a message (incoming or outgoing, after edits), unless deleted.
    pub fn message(&self, chat_id: i64, message_id: i32) -> Option<&Value> {
        self.logs
            .get(&chat_id)?
            .messages
            .get(&message_id)
            .map(|m| &m.json)
    }

    /// The newest message the bot sent to a chat that is not deleted, in its current state.
    pub fn last_bot_message(&self, chat_id: i64) -> Option<&Value> {
        let log = self.logs.get(&chat_id)?;
        log.messages
            .iter()
            .filter(|(_, m)| m.from_bot)
            .max_by_key(|(id, _)| **id)
            .map(|(_, m)| &m.json)
    }

    /// Updates queued and not yet confirmed by an offset.
    pub fn pending_updates(&self) -> usize {
        self.updates.len()
    }

    /// The highest update_id handed out by getUpdates so far.
    pub fn delivered_up_to(&self) -> Option<i64> {
        self.delivered_up_to
    }

    /// `true` once a getUpdates offset confirmed this update.
    pub fn is_confirmed(&self, update_id: i64) -> bool {
        self.confirmed_below > update_id
    }

    /// getUpdates requests currently held open (long polling).
    pub fn waiting_pollers(&self) -> usize {
        self.waiting_pollers
    }

    pub fn callback_answer(&self, callback_query_id: &str) -> Option<&CallbackAnswer> {
        self.callbacks.get(callback_query_id)?.answer.as_ref()
    }

    /// Sending calls that arrived while a 429 penalty was running.
    pub fn calls_during_penalty(&self) -> Vec<&Call> {
        self.calls.iter().filter(|c| c.during_penalty).collect()
    }

    /// Injected faults not used yet.
    pub fn pending_faults(&self) -> usize {
        self.faults.len() + self.get_updates_faults.len()
    }

    // ---- internal helpers ----

    fn chat_json(&self, chat_id: i64) -> Option<Value> {
        match self.chats.get(&chat_id)? {
            ChatInfo::Private(user_id) => {
                self.users.get(user_id).map(UserRecord::private_chat_json)
            }
            ChatInfo::Group { title } => {
                let kind = if chat_id <= -1_000_000_000_000 {
                    "supergroup"
                } else {
                    "group"
                };
                Some(json!({"id": chat_id, "type": kind, "title": title}))
            }
        }
    }

    fn user_json(&self, user_id: i64) -> Option<Value> {
        self.users.get(&user_id).map(UserRecord::json)
    }

    fn known_chat(&self, chat_id: i64) -> Result<Value, ApiError> {
        self.chat_json(chat_id)
            .ok_or_else(|| ApiError::bad("chat not found"))
    }

    fn ensure_reachable(&self, chat_id: i64) -> Result<(), ApiError> {
        match self.unreachable.get(&chat_id) {
            Some(Reachability::Blocked) => {
                Err(ApiError::new(403, "Forbidden: bot was blocked by the user"))
            }
            Some(Reachability::Deactivated) => {
                Err(ApiError::new(403, "Forbidden: user is deactivated"))
            }
            None => Ok(()),
        }
    }

    fn allocate_message_id(&mut self, chat_id: i64) -> i32 {
        let log = self.logs.entry(chat_id).or_default();
        log.last_message_id += 1;
        log.last_message_id
    }

    fn stored(&self, chat_id: i64, message_id: i32) -> Option<&StoredMessage> {
        self.logs.get(&chat_id)?.messages.get(&message_id)
    }

    fn store_message(&mut self, chat_id: i64, message_id: i32, json: Value, from_bot: bool) {
        let log = self.logs.entry(chat_id).or_default();
        log.messages
            .insert(message_id, StoredMessage { json, from_bot });
    }

    fn record_sent(&mut self, mut sent: SentMessage) {
        self.next_seq += 1;
        sent.seq = self.next_seq;
        self.logs.entry(sent.chat_id).or_default().sent.push(sent);
    }

    fn enqueue(&mut self, kind: &str, mut body: Value) -> i64 {
        let id = self.next_update_id;
        self.next_update_id += 1;
        body["update_id"] = json!(id);
        self.updates.push_back(QueuedUpdate {
            id,
            kind: kind.to_owned(),
            json: body,
        });
        id
    }

    fn new_file(&mut self, prefix: &str, dir: &str, ext: &str, bytes: Arc<Vec<u8>>) -> FileRecord {
        self.next_file += 1;
        let n = self.next_file;
        let record = FileRecord {
            file_id: format!("{prefix}AAQCAgADfake{n:06}"),
            file_unique_id: format!("AgAD{n:06}"),
            file_path: format!("{dir}/file_{n}.{ext}"),
            bytes,
        };
        self.files.insert(record.file_id.clone(), record.clone());
        self.file_paths
            .insert(record.file_path.clone(), record.file_id.clone());
        record
    }

    fn confirm(&mut self, offset: i64) {
        if offset > 0 {
            while self.updates.front().is_some_and(|u| u.id < offset) {
                self.updates.pop_front();
            }
            self.confirmed_below = self.confirmed_below.max(offset);
        } else if offset < 0 {
            let keep = offset.unsigned_abs() as usize;
            while self.updates.len() > keep {
                if let Some(dropped) = self.updates.pop_front() {
                    self.confirmed_below = self.confirmed_below.max(dropped.id + 1);
                }
            }
        }
    }

    fn is_allowed(&self, kind: &str) -> bool {
        match &self.allowed_updates {
            Some(list) => list.iter().any(|k| k == kind),
            None => !matches!(
                kind,
                "chat_member" | "message_reaction" | "message_reaction_count"
            ),
        }
    }

    /// Drops queued updates outside the subscription, then returns up to `limit` updates.
    fn take_batch(&mut self, limit: usize) -> Vec<Value> {
        let allowed: Vec<bool> = self
            .updates
            .iter()
            .map(|u| self.is_allowed(&u.kind))
            .collect();
        let mut index = 0;
        self.updates.retain(|_| {
            index += 1;
            allowed[index - 1]
        });
        let batch: Vec<Value> = self
            .updates
            .iter()
            .take(limit)
            .map(|u| u.json.clone())
            .collect();
        if let Some(last) = batch.len().checked_sub(1).and_then(|i| self.updates.get(i)) {
            self.delivered_up_to = Some(self.delivered_up_to.map_or(last.id, |d| d.max(last.id)));
        }
        batch
    }

    fn summary(&self) -> String {
        let recent: Vec<String> = self
            .calls
            .iter()
            .rev()
            .take(8)
            .map(|c| {
                format!(
                    "{} {:?} {}",
                    c.method,
                    c.outcome,
                    c.description.clone().unwrap_or_default()
                )
            })
            .collect();
        format!(
            "{} calls, {} sent, {} pending updates; most recent calls first: {:?}",
            self.calls.len(),
            self.sent_count(),
            self.updates.len(),
            recent
        )
    }
}

// ------------------------------------------------------------------------------------------
// The handle
// ------------------------------------------------------------------------------------------

struct Inner {
    state: Mutex<FakeState>,
    /// Bumped on every state change; drives the wait helpers.
    changes: watch::Sender<u64>,
    /// Bumped when updates are queued or a new poller arrives; wakes long polls.
    updates: watch::Sender<u64>,
    addr: SocketAddr,
    server: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, FakeState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn notify_change(&self) {
        self.changes.send_modify(|v| *v = v.wrapping_add(1));
    }

    fn wake_pollers(&self) {
        self.updates.send_modify(|v| *v = v.wrapping_add(1));
        self.notify_change();
    }

    fn record(&self, call: Call) {
        self.lock().calls.push(call);
        self.notify_change();
    }
}

/// A running fake server. Cheap to clone; all clones share one state.
#[derive(Clone)]
pub struct FakeApi {
    inner: Arc<Inner>,
}

impl FakeApi {
    /// Starts the server on `127.0.0.1:0` in the current tokio runtime.
    pub async fn start() -> FakeApi {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local_addr");
        let inner = Arc::new(Inner {
            state: Mutex::new(FakeState::new()),
            changes: watch::channel(0).0,
            updates: watch::channel(0).0,
            addr,
            server: Mutex::new(None),
        });
        let app = Router::new()
            .fallback(handle_request)
            .with_state(inner.clone())
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
        let service = app.into_make_service_with_connect_info::<ConnHandle>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(KillableListener(listener), service).await;
        });
        *inner.server.lock().unwrap_or_else(|p| p.into_inner()) = Some(task);
        FakeApi { inner }
    }

    /// Base URL for `TELOXIDE_API_URL` / `Bot::set_api_url`, e.g. `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.inner.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// Stops accepting connections (the server also stops with the tokio runtime).
    pub fn shutdown(&self) {
        if let Some(task) = self
            .inner
            .server
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        {
            task.abort();
        }
    }

    /// Reads the state under the lock. Do not block inside `f`.
    pub fn with_state<R>(&self, f: impl FnOnce(&FakeState) -> R) -> R {
        f(&self.inner.lock())
    }

    /// The bot's `User` JSON.
    pub fn bot_user(&self) -> Value {
        bot_user_json()
    }

    // ---- users, chats, blocking ----

    /// Registers a user and their private chat with the bot.
    pub fn add_user(&self, spec: UserSpec<'_>) {
        let record = UserRecord {
            id: spec.id,
            first_name: spec.first_name.to_owned(),
            last_name: spec.last_name.map(str::to_owned),
            username: spec.username.map(str::to_owned),
            language_code: spec.language_code.map(str::to_owned),
            is_premium: spec.is_premium,
        };
        let mut st = self.inner.lock();
        st.users.insert(spec.id, record);
        st.chats.insert(spec.id, ChatInfo::Private(spec.id));
        drop(st);
        self.inner.notify_change();
    }

    /// Registers a group the bot is a member of; ids at or below `-1_000_000_000_000` are
    /// supergroups, other (negative) ids basic groups.
    pub fn add_group(&self, chat_id: i64, title: &str) {
        self.inner.lock().chats.insert(
            chat_id,
            ChatInfo::Group {
                title: title.to_owned(),
            },
        );
        self.inner.notify_change();
    }

    /// Sends to this user now fail with 403 `Forbidden: bot was blocked by the user`.
    pub fn block_user(&self, user_id: i64) {
        self.inner
            .lock()
            .unreachable
            .insert(user_id, Reachability::Blocked);
        self.inner.notify_change();
    }

    /// Sends to this user now fail with 403 `Forbidden: user is deactivated`.
    pub fn deactivate_user(&self, user_id: i64) {
        self.inner
            .lock()
            .unreachable
            .insert(user_id, Reachability::Deactivated);
        self.inner.notify_change();
    }

    pub fn unblock_user(&self, user_id: i64) {
        self.inner.lock().unreachable.remove(&user_id);
        self.inner.notify_change();
    }

    // ---- queuing updates ----

    /// Starts update ids at `id` for the next pushed update.
    pub fn set_next_update_id(&self, id: i64) {
        self.inner.lock().next_update_id = id;
    }

    /// The message id of a pushed message update.
    pub fn message_id_of_update(&self, update_id: i64) -> Option<i32> {
        self.inner
            .lock()
            .update_messages
            .get(&update_id)
            .map(|(_, m)| *m)
    }

    /// A text from a user in their private chat. Commands get `bot_command` entities.
    pub fn push_text(&self, user_id: i64, text: &str) -> i64 {
        self.push_message(user_id, user_id, text_content(text))
    }

    /// A text from a user in a registered group.
    pub fn push_group_text(&self, group_id: i64, user_id: i64, text: &str) -> i64 {
        self.push_message(group_id, user_id, text_content(text))
    }

    /// A reply in the user's private chat to message `reply_to_message_id` (which must exist).
    pub fn push_reply(&self, user_id: i64, reply_to_message_id: i32, text: &str) -> i64 {
        self.push_group_reply(user_id, user_id, reply_to_message_id, text)
    }

    /// A reply in any registered chat (private: `chat_id == user_id`).
    pub fn push_group_reply(
        &self,
        chat_id: i64,
        user_id: i64,
        reply_to_message_id: i32,
        text: &str,
    ) -> i64 {
        let target = self
            .with_state(|s| s.message(chat_id, reply_to_message_id).cloned())
            .unwrap_or_else(|| {
                panic!("push_reply: message {reply_to_message_id} not found in chat {chat_id}")
            });
        let mut content = text_content(text);
        content.insert("reply_to_message".into(), without_reply(target));
        self.push_message(chat_id, user_id, content)
    }

    /// A text forwarded by the user from someone who hides their account.
    pub fn push_forwarded_text(&self, user_id: i64, text: &str, original_sender_name: &str) -> i64 {
        let mut content = text_content(text);
        content.insert(
            "forward_origin".into(),
            json!({"type": "hidden_user", "sender_user_name": original_sender_name, "date": unix_now() - 3600}),
        );
        self.push_message(user_id, user_id, content)
    }

    /// A shared contact; `contact_user_id` is `Some(user_id)` when users share their own number.
    pub fn push_contact(&self, user_id: i64, phone: &str, contact_user_id: Option<i64>) -> i64 {
        let first_name = contact_user_id
            .and_then(|id| self.with_state(|s| s.users.get(&id).map(|u| u.first_name.clone())))
            .unwrap_or_else(|| "Contact".to_owned());
        let mut contact = json!({"phone_number": phone, "first_name": first_name});
        if let Some(id) = contact_user_id {
            contact["user_id"] = json!(id);
        }
        self.push_message(user_id, user_id, object([("contact", contact)]))
    }

    pub fn push_location(&self, user_id: i64, latitude: f64, longitude: f64) -> i64 {
        let location = json!({"latitude": latitude, "longitude": longitude});
        self.push_message(user_id, user_id, object([("location", location)]))
    }

    pub fn push_sticker(&self, user_id: i64, emoji: &str) -> i64 {
        let file = self.new_file(
            "CAAC",
            "stickers",
            "webp",
            b"RIFF\x00\x00\x00\x00WEBPVP8 ".to_vec(),
        );
        let sticker = json!({
            "file_id": file.file_id, "file_unique_id": file.file_unique_id, "file_size": file.bytes.len(),
            "type": "regular", "width": 512, "height": 512, "is_animated": false, "is_video": false,
            "emoji": emoji,
        });
        self.push_message(user_id, user_id, object([("sticker", sticker)]))
    }

    /// A photo (two sizes backed by the same bytes) with an optional caption.
    pub fn push_photo(&self, user_id: i64, bytes: &[u8], caption: Option<&str>) -> i64 {
        let sizes = self.with_state_mut(|st| photo_sizes(st, Arc::new(bytes.to_vec())));
        let mut content = object([("photo", sizes)]);
        if let Some(caption) = caption {
            content.insert("caption".into(), json!(caption));
        }
        self.push_message(user_id, user_id, content)
    }

    pub fn push_voice(&self, user_id: i64, duration_secs: u32, bytes: &[u8]) -> i64 {
        let file = self.new_file("AwAC", "voice", "oga", bytes.to_vec());
        let voice = json!({
            "file_id": file.file_id, "file_unique_id": file.file_unique_id, "file_size": bytes.len(),
            "duration": duration_secs, "mime_type": "audio/ogg",
        });
        self.push_message(user_id, user_id, object([("voice", voice)]))
    }

    /// A document; the bytes are served by getFile + download.
    pub fn push_document(
        &self,
        user_id: i64,
        file_name: &str,
        mime_type: &str,
        bytes: &[u8],
    ) -> i64 {
        let ext = extension(file_name).unwrap_or("bin").to_owned();
        let file = self.new_file("BQAC", "documents", &ext, bytes.to_vec());
        let document = json!({
            "file_id": file.file_id, "file_unique_id": file.file_unique_id, "file_size": bytes.len(),
            "file_name": file_name, "mime_type": mime_type,
        });
        self.push_message(user_id, user_id, object([("document", document)]))
    }

    /// A callback query from a button under message `message_id` in the user's private chat.
    /// The query carries the message as the fake stores it (after edits); a deleted or unknown
    /// message becomes an inaccessible message (`date: 0`) as in Telegram. Returns the query id.
    pub fn push_callback(&self, user_id: i64, message_id: i32, data: &str) -> String {
        self.push_group_callback(user_id, user_id, message_id, data)
    }

    /// A callback query in any registered chat (private: `chat_id == user_id`).
    pub fn push_group_callback(
        &self,
        chat_id: i64,
        user_id: i64,
        message_id: i32,
        data: &str,
    ) -> String {
        let mut st = self.inner.lock();
        let from = st
            .user_json(user_id)
            .unwrap_or_else(|| panic!("push_callback: user {user_id} not registered"));
        let chat = st
            .chat_json(chat_id)
            .unwrap_or_else(|| panic!("push_callback: chat {chat_id} not registered"));
        let message = match st.message(chat_id, message_id) {
            Some(m) => m.clone(),
            None => json!({"chat": chat, "message_id": message_id, "date": 0}),
        };
        st.next_callback += 1;
        let id = format!("{}", 4_200_000_000_000_000_000u64 + st.next_callback);
        st.callbacks.insert(id.clone(), CallbackRecord::default());
        let query = json!({
            "id": id, "from": from, "message": message, "chat_instance": format!("{}", chat_id.unsigned_abs() * 7 + 1),
            "data": data,
        });
        st.enqueue("callback_query", json!({"callback_query": query}));
        drop(st);
        self.inner.wake_pollers();
        id
    }

    /// The `my_chat_member` update Telegram sends when a user blocks (`kicked`) or unblocks
    /// (`member`) the bot. Does not change the block state: see [`FakeApi::block_user`].
    pub fn push_my_chat_member(&self, user_id: i64, blocked: bool) -> i64 {
        let mut st = self.inner.lock();
        let from = st
            .user_json(user_id)
            .unwrap_or_else(|| panic!("push_my_chat_member: user {user_id} not registered"));
        let chat = st
            .chat_json(user_id)
            .unwrap_or_else(|| panic!("push_my_chat_member: chat {user_id} not registered"));
        let member = json!({"user": bot_user_json(), "status": "member"});
        let kicked = json!({"user": bot_user_json(), "status": "kicked", "until_date": 0});
        let (old, new) = if blocked {
            (member, kicked)
        } else {
            (kicked, member)
        };
        let body = json!({"my_chat_member": {
            "chat": chat, "from": from, "date": unix_now(), "old_chat_member": old, "new_chat_member": new,
        }});
        let id = st.enqueue("my_chat_member", body);
        drop(st);
        self.inner.wake_pollers();
        id
    }

    /// Queues any update JSON; `update_id` is assigned by the fake. Message-like updates are
    /// not stored as chat messages.
    pub fn push_raw(&self, update: Value) -> i64 {
        let kind = update
            .as_object()
            .and_then(|o| o.keys().find(|k| k.as_str() != "update_id").cloned())
            .unwrap_or_default();
        let id = self.inner.lock().enqueue(&kind, update);
        self.inner.wake_pollers();
        id
    }

    // ---- faults ----

    /// The next `n` sending calls fail with `fault`.
    pub fn fail_next(&self, n: usize, fault: Fault) {
        self.inner
            .lock()
            .faults
            .extend(std::iter::repeat_n(fault, n));
    }

    /// The next `n` getUpdates calls fail with `fault`.
    pub fn fail_next_get_updates(&self, n: usize, fault: Fault) {
        self.inner
            .lock()
            .get_updates_faults
            .extend(std::iter::repeat_n(fault, n));
    }

    /// For `duration`, every sending call gets 429 with `retry_after_secs`; each such answer
    /// starts a penalty like a real flood wait.
    pub fn flood_for(&self, duration: Duration, retry_after_secs: u32) {
        let mut st = self.inner.lock();
        st.flood_until = Some(Instant::now() + duration);
        st.flood_retry_after = retry_after_secs;
    }

    /// Ends any flood window and running penalty (recorded violations stay).
    pub fn clear_flood(&self) {
        let mut st = self.inner.lock();
        st.flood_until = None;
        st.penalty_until = None;
        st.penalty_given = None;
    }

    // ---- inspection ----

    pub fn calls(&self) -> Vec<Call> {
        self.with_state(|s| s.calls.clone())
    }

    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.with_state(|s| s.calls_to(method).into_iter().cloned().collect())
    }

    pub fn sent_to(&self, chat_id: i64) -> Vec<SentMessage> {
        self.with_state(|s| s.sent_to(chat_id).to_vec())
    }

    pub fn sent(&self) -> Vec<SentMessage> {
        self.with_state(|s| s.sent().into_iter().cloned().collect())
    }

    pub fn message(&self, chat_id: i64, message_id: i32) -> Option<Value> {
        self.with_state(|s| s.message(chat_id, message_id).cloned())
    }

    pub fn last_bot_message(&self, chat_id: i64) -> Option<Value> {
        self.with_state(|s| s.last_bot_message(chat_id).cloned())
    }

    /// Inline buttons of the newest (not deleted) bot message in the chat, current state.
    pub fn buttons(&self, chat_id: i64) -> Vec<Button> {
        self.with_state(|s| {
            s.last_bot_message(chat_id)
                .and_then(|m| m.get("reply_markup"))
                .map(inline_buttons)
                .unwrap_or_default()
        })
    }

    /// `callback_data` of the button labelled `label` in the newest bot message of the chat:
    /// an exact label match first, else the first label containing `label`.
    pub fn button_data(&self, chat_id: i64, label: &str) -> Option<String> {
        let buttons = self.buttons(chat_id);
        let exact = buttons.iter().find(|b| b.text == label);
        exact
            .or_else(|| buttons.iter().find(|b| b.text.contains(label)))
            .and_then(|b| b.callback_data.clone())
    }

    pub fn callback_answer(&self, callback_query_id: &str) -> Option<CallbackAnswer> {
        self.with_state(|s| s.callback_answer(callback_query_id).cloned())
    }

    /// What setMyCommands stored, per (scope, language_code).
    pub fn commands(&self) -> Vec<CommandSet> {
        self.with_state(|s| {
            s.commands
                .iter()
                .map(|((scope, lang), cmds)| CommandSet {
                    scope: scope.clone(),
                    language_code: lang.clone(),
                    commands: cmds.clone(),
                })
                .collect()
        })
    }

    pub fn webhook_url(&self) -> Option<String> {
        self.with_state(|s| s.webhook.as_ref().map(|w| w.url.clone()))
    }

    pub fn webhook_secret(&self) -> Option<String> {
        self.with_state(|s| s.webhook.as_ref().and_then(|w| w.secret_token.clone()))
    }

    pub fn pending_updates(&self) -> usize {
        self.with_state(FakeState::pending_updates)
    }

    pub fn calls_during_penalty(&self) -> Vec<Call> {
        self.with_state(|s| s.calls_during_penalty().into_iter().cloned().collect())
    }

    // ---- waiting ----

    /// Waits until `pred` holds, re-checking on every recorded call or state change. The
    /// timeout is a safety net only; returns [`WaitError`] when it passes.
    pub async fn wait_for(
        &self,
        timeout: Duration,
        pred: impl Fn(&FakeState) -> bool,
    ) -> Result<(), WaitError> {
        let started = Instant::now();
        let deadline = tokio::time::Instant::now() + timeout;
        let mut changes = self.inner.changes.subscribe();
        loop {
            changes.borrow_and_update();
            if self.with_state(&pred) {
                return Ok(());
            }
            match tokio::time::timeout_at(deadline, changes.changed()).await {
                Ok(Ok(())) => continue,
                _ => {
                    return if self.with_state(&pred) {
                        Ok(())
                    } else {
                        Err(WaitError {
                            waited: started.elapsed(),
                            context: self.with_state(FakeState::summary),
                        })
                    };
                }
            }
        }
    }

    /// Waits until at least `count` sends/edits reached the chat; returns all of them.
    pub async fn wait_until_sent_to(
        &self,
        chat_id: i64,
        count: usize,
        timeout: Duration,
    ) -> Result<Vec<SentMessage>, WaitError> {
        self.wait_for(timeout, |s| s.sent_to(chat_id).len() >= count)
            .await?;
        Ok(self.sent_to(chat_id))
    }

    /// Waits until at least `count` calls of `method` were answered; returns them.
    pub async fn wait_for_calls(
        &self,
        method: &str,
        count: usize,
        timeout: Duration,
    ) -> Result<Vec<Call>, WaitError> {
        self.wait_for(timeout, |s| {
            s.calls.iter().filter(|c| c.is(method)).count() >= count
        })
        .await?;
        Ok(self.calls_to(method))
    }

    /// Waits until a getUpdates offset confirmed `update_id`.
    pub async fn wait_until_confirmed(
        &self,
        update_id: i64,
        timeout: Duration,
    ) -> Result<(), WaitError> {
        self.wait_for(timeout, |s| s.is_confirmed(update_id)).await
    }

    // ---- internal ----

    fn with_state_mut<R>(&self, f: impl FnOnce(&mut FakeState) -> R) -> R {
        let result = f(&mut self.inner.lock());
        self.inner.notify_change();
        result
    }

    fn new_file(&self, prefix: &str, dir: &str, ext: &str, bytes: Vec<u8>) -> FileRecord {
        self.with_state_mut(|st| st.new_file(prefix, dir, ext, Arc::new(bytes)))
    }

    fn push_message(&self, chat_id: i64, user_id: i64, content: Map<String, Value>) -> i64 {
        let mut st = self.inner.lock();
        let from = st
            .user_json(user_id)
            .unwrap_or_else(|| panic!("user {user_id} not registered: call add_user first"));
        let chat = st
            .chat_json(chat_id)
            .unwrap_or_else(|| panic!("chat {chat_id} not registered"));
        let message_id = st.allocate_message_id(chat_id);
        let mut message =
            json!({"message_id": message_id, "from": from, "chat": chat, "date": unix_now()});
        if let Some(object) = message.as_object_mut() {
            object.extend(content);
        }
        st.store_message(chat_id, message_id, message.clone(), false);
        let id = st.enqueue("message", json!({ "message": message }));
        st.update_messages.insert(id, (chat_id, message_id));
        drop(st);
        self.inner.wake_pollers();
        id
    }
}

// ------------------------------------------------------------------------------------------
// Connections that a handler can kill ([`Fault::Drop`])
// ------------------------------------------------------------------------------------------

struct KillableListener(TcpListener);

struct KillableStream {
    stream: TcpStream,
    killed: ConnHandle,
}

/// Per-connection handle, available to handlers as `ConnectInfo<ConnHandle>`.
#[derive(Clone, Debug, Default)]
struct ConnHandle(Arc<AtomicBool>);

impl ConnHandle {
    fn kill(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    fn is_killed(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl Listener for KillableListener {
    type Io = KillableStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.0.accept().await {
                Ok((stream, addr)) => {
                    let _ = stream.set_nodelay(true);
                    return (
                        KillableStream {
                            stream,
                            killed: ConnHandle::default(),
                        },
                        addr,
                    );
                }
                // e.g. too many open files: back off briefly, like axum's own listener
                Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

impl Connected<IncomingStream<'_, KillableListener>> for ConnHandle {
    fn connect_info(stream: IncomingStream<'_, KillableListener>) -> Self {
        stream.io().killed.clone()
    }
}

impl AsyncRead for KillableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.killed.is_killed() {
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for KillableStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.killed.is_killed() {
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "fault: drop",
            )));
        }
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

// ------------------------------------------------------------------------------------------
// HTTP layer
// ------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
struct ApiError {
    code: u16,
    description: String,
    retry_after: Option<u32>,
}

impl ApiError {
    fn new(code: u16, description: impl Into<String>) -> Self {
        Self {
            code,
            description: description.into(),
            retry_after: None,
        }
    }
    fn bad(description: &str) -> Self {
        Self::new(400, format!("Bad Request: {description}"))
    }
    fn retry_after(secs: u32) -> Self {
        Self {
            code: 429,
            description: format!("Too Many Requests: retry after {secs}"),
            retry_after: Some(secs),
        }
    }
    fn server(status: u16) -> Self {
        let reason = match status {
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Server Error",
        };
        Self::new(status, reason)
    }
}

type Params = Map<String, Value>;

/// A multipart part. Text parts are kept too (they also land in the parameters) because an
/// upload without a file name is indistinguishable from a text part.
struct Upload {
    field: String,
    is_file: bool,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
}

enum Route {
    Method(String),
    File(String),
    Unauthorized,
    NotFound,
}

fn classify(raw_path: &str) -> Route {
    // teloxide percent-encodes the `/` inside file paths (`documents%2Ffile_1.pdf`)
    let decoded = percent_decode(raw_path.as_bytes(), false);
    let path = decoded.trim_start_matches('/');
    if let Some(rest) = path.strip_prefix("file/") {
        return match rest.split_once('/') {
            Some((bot_token, file_path))
                if valid_bot_segment(bot_token) && !file_path.is_empty() =>
            {
                Route::File(file_path.to_owned())
            }
            Some((bot_token, _)) if bot_token.starts_with("bot") => Route::Unauthorized,
            _ => Route::NotFound,
        };
    }
    match path.split_once('/') {
        Some((bot_token, method)) if bot_token.starts_with("bot") => {
            if !valid_bot_segment(bot_token) {
                Route::Unauthorized
            } else if method.is_empty() || method.contains('/') {
                Route::NotFound
            } else {
                Route::Method(method.to_owned())
            }
        }
        _ => Route::NotFound,
    }
}

/// `bot<digits>:<chars>`.
fn valid_bot_segment(segment: &str) -> bool {
    let Some(token) = segment.strip_prefix("bot") else {
        return false;
    };
    let Some((id, secret)) = token.split_once(':') else {
        return false;
    };
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && !secret.is_empty()
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

async fn handle_request(
    State(inner): State<Arc<Inner>>,
    ConnectInfo(conn): ConnectInfo<ConnHandle>,
    req: Request,
) -> Response {
    let at = Instant::now();
    match classify(req.uri().path()) {
        Route::Method(method) => handle_method(inner, conn, method, req, at).await,
        Route::File(file_path) => serve_file(&inner, &file_path),
        Route::Unauthorized => error_response(&ApiError::new(401, "Unauthorized")),
        Route::NotFound => error_response(&ApiError::new(404, "Not Found")),
    }
}

fn serve_file(inner: &Inner, file_path: &str) -> Response {
    let st = inner.lock();
    let bytes = st
        .file_paths
        .get(file_path)
        .and_then(|id| st.files.get(id))
        .map(|f| f.bytes.clone());
    drop(st);
    match bytes {
        Some(bytes) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/octet-stream")],
            bytes.as_ref().clone(),
        )
            .into_response(),
        None => error_response(&ApiError::new(404, "Not Found")),
    }
}

fn ok_response(result: Value) -> Response {
    (StatusCode::OK, Json(json!({"ok": true, "result": result}))).into_response()
}

fn error_response(err: &ApiError) -> Response {
    let mut body = json!({"ok": false, "error_code": err.code, "description": err.description});
    if let Some(secs) = err.retry_after {
        body["parameters"] = json!({ "retry_after": secs });
    }
    let status = StatusCode::from_u16(err.code).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = (status, Json(body)).into_response();
    if let Some(secs) = err.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

enum Gate {
    Pass,
    Reject { err: ApiError, violation: bool },
    Fault(Fault),
}

/// Penalty, flood window and injected faults, in that order, for one sending call.
fn gate_sending(st: &mut FakeState, at: Instant) -> Gate {
    if let Some(until) = st.penalty_until
        && at < until
    {
        let remaining = until.duration_since(at).as_secs_f64().ceil().max(1.0) as u32;
        return Gate::Reject {
            err: ApiError::retry_after(remaining),
            violation: st.penalty_given.is_none_or(|given| at >= given),
        };
    }
    if let Some(until) = st.flood_until
        && at < until
    {
        let secs = st.flood_retry_after;
        start_penalty(st, at, secs);
        return Gate::Reject {
            err: ApiError::retry_after(secs),
            violation: false,
        };
    }
    match st.faults.pop_front() {
        Some(Fault::RetryAfter(secs)) => {
            start_penalty(st, at, secs);
            Gate::Reject {
                err: ApiError::retry_after(secs),
                violation: false,
            }
        }
        Some(fault) => Gate::Fault(fault),
        None => Gate::Pass,
    }
}

fn start_penalty(st: &mut FakeState, at: Instant, secs: u32) {
    st.penalty_until = Some(at + Duration::from_secs(secs.into()));
    st.penalty_given = Some(Instant::now());
}

fn is_sending_method(lower: &str) -> bool {
    [
        "send",
        "edit",
        "answercallbackquery",
        "copy",
        "forward",
        "delete",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix))
        && !matches!(lower, "deletewebhook" | "deletemycommands")
}

/// Canonical names; requests match them case-insensitively (teloxide sends `SendMessage`).
const KNOWN_METHODS: &[&str] = &[
    "getMe",
    "getWebhookInfo",
    "setWebhook",
    "deleteWebhook",
    "getUpdates",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "deleteMessage",
    "answerCallbackQuery",
    "setMyCommands",
    "getMyCommands",
    "deleteMyCommands",
    "sendDocument",
    "sendPhoto",
    "sendChatAction",
    "getFile",
    "copyMessage",
    "forwardMessage",
];

async fn handle_method(
    inner: Arc<Inner>,
    conn: ConnHandle,
    method: String,
    req: Request,
    at: Instant,
) -> Response {
    let lower = method.to_ascii_lowercase();
    let canonical = KNOWN_METHODS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(&method))
        .copied();
    let method = canonical.map_or(method, str::to_owned);
    let (params, uploads) = match read_params(req).await {
        Ok(parsed) => parsed,
        Err(err) => return finish(&inner, &method, Params::new(), at, Err(err), false),
    };
    let recorded = params_for_record(&params, &uploads);
    if canonical.is_none() {
        let err = ApiError::new(404, "Not Found: method not found");
        return finish(&inner, &method, recorded, at, Err(err), false);
    }
    if lower == "getupdates" {
        return get_updates(&inner, &conn, &method, &params, recorded, at).await;
    }
    if is_sending_method(&lower) {
        let gate = gate_sending(&mut inner.lock(), at);
        match gate {
            Gate::Pass => {}
            Gate::Reject { err, violation } => {
                return finish(&inner, &method, recorded, at, Err(err), violation);
            }
            Gate::Fault(fault) => {
                if let Some(response) =
                    apply_fault(&inner, &conn, &method, &recorded, at, fault).await
                {
                    return response;
                }
            }
        }
    }
    let result = {
        let mut st = inner.lock();
        dispatch(&mut st, &lower, &method, &params, uploads, at)
    };
    if lower == "setwebhook" {
        inner.wake_pollers(); // terminates running long polls
    }
    finish(&inner, &method, recorded, at, result, false)
}

/// Answers a non-429 fault; `None` means "carry on normally" (after a delay).
async fn apply_fault(
    inner: &Inner,
    conn: &ConnHandle,
    method: &str,
    recorded: &Params,
    at: Instant,
    fault: Fault,
) -> Option<Response> {
    match fault {
        Fault::Delay(delay) => {
            tokio::time::sleep(delay).await;
            None
        }
        Fault::ServerError(status) => Some(finish(
            inner,
            method,
            recorded.clone(),
            at,
            Err(ApiError::server(status)),
            false,
        )),
        Fault::RetryAfter(secs) => Some(finish(
            inner,
            method,
            recorded.clone(),
            at,
            Err(ApiError::retry_after(secs)),
            false,
        )),
        Fault::Drop => {
            conn.kill();
            inner.record(Call {
                method: method.to_owned(),
                params: Value::Object(recorded.clone()),
                at,
                outcome: Outcome::Dropped,
                description: None,
                during_penalty: false,
            });
            Some(StatusCode::OK.into_response())
        }
    }
}

/// Records the call and builds the HTTP answer.
fn finish(
    inner: &Inner,
    method: &str,
    params: Params,
    at: Instant,
    result: Result<Value, ApiError>,
    violation: bool,
) -> Response {
    let (outcome, description) = match &result {
        Ok(_) => (Outcome::Ok, None),
        Err(err) => (Outcome::Err(err.code), Some(err.description.clone())),
    };
    inner.record(Call {
        method: method.to_owned(),
        params: Value::Object(params),
        at,
        outcome,
        description,
        during_penalty: violation,
    });
    match result {
        Ok(value) => ok_response(value),
        Err(err) => error_response(&err),
    }
}

async fn read_params(req: Request) -> Result<(Params, Vec<Upload>), ApiError> {
    let mut params = req
        .uri()
        .query()
        .map(|q| parse_urlencoded(q.as_bytes()))
        .unwrap_or_default();
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut uploads = Vec::new();
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(req, &())
            .await
            .map_err(|_| ApiError::bad("can't parse multipart/form-data request"))?;
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|_| ApiError::bad("can't parse multipart/form-data request"))?
        {
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let part_type = field.content_type().map(str::to_owned);
            let data = field
                .bytes()
                .await
                .map_err(|_| ApiError::bad("can't read multipart field"))?;
            let is_file = file_name.is_some();
            if !is_file {
                params.insert(
                    name.clone(),
                    text_field_value(&String::from_utf8_lossy(&data)),
                );
            }
            uploads.push(Upload {
                field: name,
                is_file,
                file_name: file_name.filter(|n| !n.is_empty()),
                content_type: part_type,
                data: data.to_vec(),
            });
        }
        return Ok((params, uploads));
    }
    let body = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
        .await
        .map_err(|_| ApiError::new(413, "Request Entity Too Large"))?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok((params, uploads));
    }
    if content_type.starts_with("application/x-www-form-urlencoded") {
        params.extend(parse_urlencoded(&body));
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(map)) => params.extend(map),
            _ => return Err(ApiError::bad("can't parse JSON encoded request")),
        }
    }
    Ok((params, uploads))
}

/// Multipart and urlencoded values are strings; JSON-looking ones (keyboards, commands) are
/// parsed so that handlers can treat them like JSON bodies.
fn text_field_value(text: &str) -> Value {
    let trimmed = text.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(value) = serde_json::from_str::<Value>(text)
    {
        return value;
    }
    Value::String(text.to_owned())
}

fn parse_urlencoded(input: &[u8]) -> Params {
    let mut params = Params::new();
    for pair in input.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (key, value) = match pair.iter().position(|b| *b == b'=') {
            Some(eq) => (&pair[..eq], &pair[eq + 1..]),
            None => (pair, &b""[..]),
        };
        params.insert(
            percent_decode(key, true),
            text_field_value(&percent_decode(value, true)),
        );
    }
    params
}

/// `%XX` decoding; `plus_is_space` for form bodies and query strings.
fn percent_decode(input: &[u8], plus_is_space: bool) -> String {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < input.len() => {
                let hex = std::str::from_utf8(&input[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn params_for_record(params: &Params, uploads: &[Upload]) -> Params {
    let mut recorded = params.clone();
    for upload in uploads {
        let info = json!({"file_name": upload.file_name, "size": upload.data.len(), "content_type": upload.content_type});
        let reference = format!("attach://{}", upload.field);
        let attached_as = recorded
            .iter()
            .find(|(_, v)| v.as_str() == Some(reference.as_str()))
            .map(|(k, _)| k.clone());
        match attached_as {
            Some(key) => {
                recorded.remove(&upload.field);
                recorded.insert(key, info);
            }
            None if upload.is_file => {
                recorded.insert(upload.field.clone(), info);
            }
            None => {}
        }
    }
    recorded
}

// ------------------------------------------------------------------------------------------
// Parameter access
// ------------------------------------------------------------------------------------------

fn value_as_i64(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn value_as_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn p_str(p: &Params, key: &str) -> Option<String> {
    p.get(key).and_then(value_as_string)
}

fn p_i64(p: &Params, key: &str) -> Option<i64> {
    p.get(key).and_then(value_as_i64)
}

fn p_bool(p: &Params, key: &str) -> bool {
    match p.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true" || s == "1",
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    }
}

/// A JSON parameter that may also arrive as a JSON-encoded string.
fn p_json(p: &Params, key: &str) -> Option<Value> {
    match p.get(key)? {
        Value::String(s) => serde_json::from_str(s).ok(),
        Value::Null => None,
        other => Some(other.clone()),
    }
}

fn chat_id_param(p: &Params, key: &str) -> Result<i64, ApiError> {
    match p.get(key) {
        None | Some(Value::Null) => Err(ApiError::bad(&format!("{key} is empty"))),
        Some(Value::String(s)) if s.is_empty() => Err(ApiError::bad(&format!("{key} is empty"))),
        // `@channelusername` and garbage are unknown chats here
        Some(value) => value_as_i64(value).ok_or_else(|| ApiError::bad("chat not found")),
    }
}

fn message_id_param(p: &Params, key: &str) -> Result<i32, ApiError> {
    p_i64(p, key)
        .and_then(|id| i32::try_from(id).ok())
        .ok_or_else(|| ApiError::bad("message identifier is not specified"))
}

// ------------------------------------------------------------------------------------------
// Method implementations (all synchronous, under the state lock, except getUpdates)
// ------------------------------------------------------------------------------------------

fn dispatch(
    st: &mut FakeState,
    lower: &str,
    method: &str,
    p: &Params,
    uploads: Vec<Upload>,
    at: Instant,
) -> Result<Value, ApiError> {
    match lower {
        "getme" => Ok(get_me()),
        "getwebhookinfo" => Ok(get_webhook_info(st)),
        "setwebhook" => set_webhook(st, p),
        "deletewebhook" => delete_webhook(st, p),
        "sendmessage" => send_message(st, method, p, at),
        "editmessagetext" => edit_message_text(st, method, p, at),
        "editmessagereplymarkup" => edit_message_reply_markup(st, method, p, at),
        "deletemessage" => delete_message(st, p),
        "answercallbackquery" => answer_callback_query(st, p),
        "setmycommands" => set_my_commands(st, p),
        "getmycommands" => get_my_commands(st, p),
        "deletemycommands" => delete_my_commands(st, p),
        "senddocument" => send_file(st, method, p, &uploads, at, FileKind::Document),
        "sendphoto" => send_file(st, method, p, &uploads, at, FileKind::Photo),
        "sendchataction" => send_chat_action(st, p),
        "getfile" => get_file(st, p),
        "copymessage" => copy_message(st, method, p, at),
        "forwardmessage" => forward_message(st, method, p, at),
        _ => Err(ApiError::new(404, "Not Found: method not found")),
    }
}

fn bot_user_json() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": BOT_FIRST_NAME, "username": BOT_USERNAME})
}

fn get_me() -> Value {
    let mut me = bot_user_json();
    for (key, value) in [
        ("can_join_groups", true),
        ("can_read_all_group_messages", false),
        ("supports_inline_queries", false),
        ("can_connect_to_business", false),
        ("has_main_web_app", false),
    ] {
        me[key] = json!(value);
    }
    me
}

fn get_webhook_info(st: &FakeState) -> Value {
    let mut info = json!({
        "url": st.webhook.as_ref().map(|w| w.url.clone()).unwrap_or_default(),
        "has_custom_certificate": false,
        "pending_update_count": st.updates.len(),
    });
    if let Some(webhook) = &st.webhook {
        info["max_connections"] = json!(webhook.max_connections);
    }
    if let Some(allowed) = &st.allowed_updates {
        info["allowed_updates"] = json!(allowed);
    }
    info
}

fn set_webhook(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let url = p_str(p, "url").unwrap_or_default();
    if url.is_empty() {
        return delete_webhook(st, p);
    }
    if !url.to_ascii_lowercase().starts_with("https://") {
        return Err(ApiError::bad(
            "bad webhook: An HTTPS URL must be provided for webhook",
        ));
    }
    if p_bool(p, "drop_pending_updates") {
        st.updates.clear();
    }
    if let Some(allowed) = allowed_updates_param(p) {
        st.allowed_updates = allowed;
    }
    let max_connections = p_i64(p, "max_connections").unwrap_or(40).clamp(1, 100) as u32;
    st.webhook = Some(WebhookConfig {
        url,
        secret_token: p_str(p, "secret_token"),
        max_connections,
    });
    st.poll_generation += 1; // a webhook ends long polling
    Ok(json!(true))
}

fn delete_webhook(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    if p_bool(p, "drop_pending_updates") {
        st.updates.clear();
    }
    st.webhook = None;
    Ok(json!(true))
}

/// `Some(None)` resets to the default subscription (empty list), `None` = parameter absent.
fn allowed_updates_param(p: &Params) -> Option<Option<Vec<String>>> {
    let list = p_json(p, "allowed_updates")?;
    let kinds: Vec<String> = list
        .as_array()?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    Some(if kinds.is_empty() { None } else { Some(kinds) })
}

/// Text or caption after entity parsing.
struct Formatted {
    text: String,
    entities: Vec<Value>,
}

fn format_param(
    p: &Params,
    text_key: &str,
    mode_key: &str,
    entities_key: &str,
) -> Result<Formatted, ApiError> {
    let raw = p_str(p, text_key).unwrap_or_default();
    let mode = p_str(p, mode_key).filter(|m| !m.is_empty());
    let (text, entities) = match mode.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None => (raw, explicit_entities(p, entities_key)),
        Some("markdownv2") => parse_markdown_v2(&raw).map_err(parse_error)?,
        Some("markdown") => parse_markdown_v1(&raw).map_err(parse_error)?,
        Some("html") => parse_html(&raw).map_err(parse_error)?,
        Some(_) => return Err(ApiError::bad("unsupported parse_mode")),
    };
    let (text, entities) = trim_formatted(text, entities);
    Ok(Formatted {
        text,
        entities: entities.iter().map(Entity::to_json).collect(),
    })
}

fn parse_error(message: String) -> ApiError {
    ApiError::bad(&format!("can't parse entities: {message}"))
}

fn explicit_entities(p: &Params, key: &str) -> Vec<Entity> {
    let Some(Value::Array(items)) = p_json(p, key) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|e| {
            Some(Entity {
                kind: known_entity_kind(e.get("type")?.as_str()?)?,
                offset: e.get("offset")?.as_i64()? as i32,
                length: e.get("length")?.as_i64()? as i32,
                arg: e
                    .get("url")
                    .or_else(|| e.get("language"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            })
        })
        .collect()
}

fn known_entity_kind(kind: &str) -> Option<&'static str> {
    [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "pre",
        "text_link",
        "custom_emoji",
        "blockquote",
        "expandable_blockquote",
    ]
    .into_iter()
    .find(|k| *k == kind)
}

fn message_text_param(p: &Params) -> Result<Formatted, ApiError> {
    if p_str(p, "text").unwrap_or_default().is_empty() {
        return Err(ApiError::bad("message text is empty"));
    }
    let formatted = format_param(p, "text", "parse_mode", "entities")?;
    if formatted.text.is_empty() {
        return Err(ApiError::bad("message text is empty"));
    }
    Ok(formatted)
}

fn caption_param(p: &Params) -> Result<Formatted, ApiError> {
    let formatted = format_param(p, "caption", "parse_mode", "caption_entities")?;
    if formatted.text.chars().count() > MAX_CAPTION_CHARS {
        return Err(ApiError::bad("message caption is too long"));
    }
    Ok(formatted)
}

/// Validates `reply_markup`; returns it as sent (any keyboard kind).
fn reply_markup_param(p: &Params) -> Result<Option<Value>, ApiError> {
    let Some(raw) = p.get("reply_markup") else {
        return Ok(None);
    };
    let markup = match raw {
        Value::Null => return Ok(None),
        Value::String(s) => serde_json::from_str::<Value>(s)
            .map_err(|_| ApiError::bad("can't parse reply keyboard markup JSON object"))?,
        other => other.clone(),
    };
    let Some(object) = markup.as_object() else {
        return Err(ApiError::bad("object expected as reply markup"));
    };
    if let Some(keyboard) = object.get("inline_keyboard") {
        validate_inline_keyboard(keyboard)?;
    } else if let Some(keyboard) = object.get("keyboard") {
        validate_reply_keyboard(keyboard)?;
    } else if !object.contains_key("remove_keyboard") && !object.contains_key("force_reply") {
        return Err(ApiError::bad("object expected as reply markup"));
    }
    Ok(Some(markup))
}

fn validate_inline_keyboard(keyboard: &Value) -> Result<(), ApiError> {
    let rows_error = || {
        ApiError::bad(
            "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays",
        )
    };
    let rows = keyboard.as_array().ok_or_else(rows_error)?;
    let mut count = 0;
    for row in rows {
        for button in row.as_array().ok_or_else(rows_error)? {
            count += 1;
            validate_inline_button(button)?;
        }
    }
    if count > MAX_INLINE_BUTTONS {
        return Err(ApiError::bad("reply markup is too long"));
    }
    Ok(())
}

fn validate_inline_button(button: &Value) -> Result<(), ApiError> {
    let Some(object) = button.as_object() else {
        return Err(ApiError::bad(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object",
        ));
    };
    if !object.get("text").is_some_and(Value::is_string) {
        return Err(ApiError::bad(
            "can't parse inline keyboard button: Field \"text\" must be of type String",
        ));
    }
    if let Some(data) = object.get("callback_data") {
        let len = data.as_str().map_or(0, str::len);
        if len == 0 || len > MAX_CALLBACK_DATA_BYTES {
            return Err(ApiError::bad("BUTTON_DATA_INVALID"));
        }
        return Ok(());
    }
    let actions = [
        "url",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "callback_game",
        "pay",
        "web_app",
        "copy_text",
    ];
    if actions.iter().any(|a| object.contains_key(*a)) {
        if object
            .get("url")
            .is_some_and(|u| u.as_str().is_none_or(str::is_empty))
        {
            return Err(ApiError::bad("BUTTON_URL_INVALID"));
        }
        return Ok(());
    }
    Err(ApiError::bad(
        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    ))
}

fn validate_reply_keyboard(keyboard: &Value) -> Result<(), ApiError> {
    let rows_error = || {
        ApiError::bad("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays")
    };
    for row in keyboard.as_array().ok_or_else(rows_error)? {
        for button in row.as_array().ok_or_else(rows_error)? {
            let ok = button.is_string() || button.get("text").is_some_and(Value::is_string);
            if !ok {
                return Err(ApiError::bad(
                    "can't parse keyboard button: KeyboardButton must be a String or an Object",
                ));
            }
        }
    }
    Ok(())
}

fn inline_part(markup: &Option<Value>) -> Option<Value> {
    markup
        .as_ref()
        .and_then(|m| m.get("inline_keyboard"))
        .map(|keyboard| json!({ "inline_keyboard": keyboard }))
}

fn inline_buttons(markup: &Value) -> Vec<Button> {
    let Some(rows) = markup.get("inline_keyboard").and_then(Value::as_array) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(Value::as_array)
        .flatten()
        .map(|b| Button {
            text: b
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            callback_data: b
                .get("callback_data")
                .and_then(Value::as_str)
                .map(str::to_owned),
            url: b.get("url").and_then(Value::as_str).map(str::to_owned),
        })
        .collect()
}

/// The message to reply to, from `reply_parameters` or the legacy `reply_to_message_id`.
fn reply_target(st: &FakeState, chat_id: i64, p: &Params) -> Result<Option<Value>, ApiError> {
    let (message_id, allow_without) = match p_json(p, "reply_parameters") {
        Some(params) => (
            params.get("message_id").and_then(value_as_i64),
            params
                .get("allow_sending_without_reply")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        ),
        None => (
            p_i64(p, "reply_to_message_id"),
            p_bool(p, "allow_sending_without_reply"),
        ),
    };
    let Some(message_id) = message_id else {
        return Ok(None);
    };
    let found = i32::try_from(message_id)
        .ok()
        .and_then(|id| st.message(chat_id, id));
    match found {
        Some(message) => Ok(Some(without_reply(message.clone()))),
        None if allow_without => Ok(None),
        None => Err(ApiError::bad("message to be replied not found")),
    }
}

/// A new bot message skeleton in `chat_id`; allocates the message id.
fn new_bot_message(st: &mut FakeState, chat_id: i64, chat: Value) -> (i32, Value) {
    let message_id = st.allocate_message_id(chat_id);
    let message = json!({"message_id": message_id, "from": bot_user_json(), "chat": chat, "date": unix_now()});
    (message_id, message)
}

fn set_text_fields(message: &mut Value, text_key: &str, entities_key: &str, formatted: &Formatted) {
    if formatted.text.is_empty() {
        remove_key(message, text_key);
    } else {
        message[text_key] = json!(formatted.text);
    }
    if formatted.entities.is_empty() {
        remove_key(message, entities_key);
    } else {
        message[entities_key] = json!(formatted.entities);
    }
}

fn set_markup(message: &mut Value, markup: &Option<Value>) {
    match inline_part(markup) {
        Some(inline) => message["reply_markup"] = inline,
        None => remove_key(message, "reply_markup"),
    }
}

struct Outgoing<'a> {
    method: &'a str,
    chat_id: i64,
    message_id: i32,
    kind: SentKind,
    text: Option<String>,
    source_text: Option<String>,
    p: &'a Params,
    reply_markup: Option<Value>,
    message: Value,
    at: Instant,
}

/// Stores a new bot message and logs it as sent.
fn commit_outgoing(st: &mut FakeState, out: Outgoing<'_>, store: bool) {
    if store {
        st.store_message(out.chat_id, out.message_id, out.message.clone(), true);
    }
    st.record_sent(SentMessage {
        seq: 0,
        chat_id: out.chat_id,
        message_id: out.message_id,
        method: out.method.to_owned(),
        kind: out.kind,
        text: out.text,
        source_text: out.source_text,
        parse_mode: p_str(out.p, "parse_mode").filter(|m| !m.is_empty()),
        reply_markup: out.reply_markup,
        message: out.message,
        at: out.at,
    });
}

fn send_message(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    at: Instant,
) -> Result<Value, ApiError> {
    let formatted = message_text_param(p)?;
    let chat_id = chat_id_param(p, "chat_id")?;
    let chat = st.known_chat(chat_id)?;
    if formatted.text.chars().count() > MAX_TEXT_CHARS {
        return Err(ApiError::bad("message is too long"));
    }
    let markup = reply_markup_param(p)?;
    let reply_to = reply_target(st, chat_id, p)?;
    st.ensure_reachable(chat_id)?;
    let (message_id, mut message) = new_bot_message(st, chat_id, chat);
    set_text_fields(&mut message, "text", "entities", &formatted);
    set_markup(&mut message, &markup);
    if let Some(reply_to) = reply_to {
        message["reply_to_message"] = reply_to;
    }
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: SentKind::Text,
        text: Some(formatted.text),
        source_text: p_str(p, "text"),
        p,
        reply_markup: markup,
        message: message.clone(),
        at,
    };
    commit_outgoing(st, out, true);
    Ok(message)
}

/// Looks up a bot message for editing.
fn editable_message(st: &FakeState, chat_id: i64, message_id: i32) -> Result<Value, ApiError> {
    let stored = st
        .stored(chat_id, message_id)
        .ok_or_else(|| ApiError::bad("message to edit not found"))?;
    if !stored.from_bot {
        return Err(ApiError::bad("message can't be edited"));
    }
    Ok(stored.json.clone())
}

fn edit_target(st: &FakeState, p: &Params) -> Result<(i64, i32, Value), ApiError> {
    if p.contains_key("inline_message_id") && !p.contains_key("chat_id") {
        return Err(ApiError::bad("MESSAGE_ID_INVALID"));
    }
    let chat_id = chat_id_param(p, "chat_id")?;
    st.known_chat(chat_id)?;
    let message_id = message_id_param(p, "message_id")?;
    let current = editable_message(st, chat_id, message_id)?;
    Ok((chat_id, message_id, current))
}

fn edit_message_text(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    at: Instant,
) -> Result<Value, ApiError> {
    let formatted = message_text_param(p)?;
    let (chat_id, message_id, current) = edit_target(st, p)?;
    if current.get("text").is_none() {
        return Err(ApiError::bad("there is no text in the message to edit"));
    }
    if formatted.text.chars().count() > MAX_TEXT_CHARS {
        return Err(ApiError::bad("MESSAGE_TOO_LONG"));
    }
    let markup = reply_markup_param(p)?;
    let unchanged = current.get("text") == Some(&json!(formatted.text))
        && entities_of(&current, "entities") == formatted.entities
        && current.get("reply_markup") == inline_part(&markup).as_ref();
    if unchanged {
        return Err(ApiError::bad(NOT_MODIFIED));
    }
    st.ensure_reachable(chat_id)?;
    let mut message = current;
    set_text_fields(&mut message, "text", "entities", &formatted);
    set_markup(&mut message, &markup);
    message["edit_date"] = json!(unix_now());
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: SentKind::EditText,
        text: Some(formatted.text),
        source_text: p_str(p, "text"),
        p,
        reply_markup: markup,
        message: message.clone(),
        at,
    };
    commit_outgoing(st, out, true);
    Ok(message)
}

fn edit_message_reply_markup(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    at: Instant,
) -> Result<Value, ApiError> {
    let (chat_id, message_id, current) = edit_target(st, p)?;
    let markup = reply_markup_param(p)?;
    if current.get("reply_markup") == inline_part(&markup).as_ref() {
        return Err(ApiError::bad(NOT_MODIFIED));
    }
    st.ensure_reachable(chat_id)?;
    let mut message = current;
    set_markup(&mut message, &markup);
    message["edit_date"] = json!(unix_now());
    let text = message
        .get("text")
        .or_else(|| message.get("caption"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: SentKind::EditReplyMarkup,
        text,
        source_text: None,
        p,
        reply_markup: markup,
        message: message.clone(),
        at,
    };
    commit_outgoing(st, out, true);
    Ok(message)
}

fn entities_of(message: &Value, key: &str) -> Vec<Value> {
    message
        .get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn delete_message(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let chat_id = chat_id_param(p, "chat_id")?;
    st.known_chat(chat_id)?;
    let message_id = message_id_param(p, "message_id")?;
    let removed = st
        .logs
        .get_mut(&chat_id)
        .and_then(|log| log.messages.remove(&message_id));
    match removed {
        Some(_) => Ok(json!(true)),
        None => Err(ApiError::bad("message to delete not found")),
    }
}

fn answer_callback_query(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let id = p_str(p, "callback_query_id").unwrap_or_default();
    let record = st
        .callbacks
        .get_mut(&id)
        .filter(|r| r.answer.is_none())
        .ok_or_else(|| ApiError::bad(QUERY_INVALID))?;
    let text = p_str(p, "text").filter(|t| !t.is_empty());
    if text
        .as_deref()
        .is_some_and(|t| t.chars().count() > MAX_CALLBACK_ANSWER_CHARS)
    {
        return Err(ApiError::bad("MESSAGE_TOO_LONG"));
    }
    record.answer = Some(CallbackAnswer {
        text,
        show_alert: p_bool(p, "show_alert"),
        url: p_str(p, "url"),
    });
    Ok(json!(true))
}

fn send_chat_action(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let chat_id = chat_id_param(p, "chat_id")?;
    st.known_chat(chat_id)?;
    let action = p_str(p, "action").unwrap_or_default();
    let known = [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ];
    if !known.contains(&action.as_str()) {
        return Err(ApiError::bad("wrong parameter action in request"));
    }
    st.ensure_reachable(chat_id)?;
    Ok(json!(true))
}

// ---- commands ----

fn scope_key(st: &FakeState, p: &Params) -> Result<String, ApiError> {
    let Some(scope) = p_json(p, "scope") else {
        return Ok("default".to_owned());
    };
    let kind = scope
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let chat = |st: &FakeState| -> Result<i64, ApiError> {
        let id = scope
            .get("chat_id")
            .and_then(value_as_i64)
            .ok_or_else(|| ApiError::bad("chat not found"))?;
        st.known_chat(id)?;
        Ok(id)
    };
    match kind {
        "default" | "all_private_chats" | "all_group_chats" | "all_chat_administrators" => {
            Ok(kind.to_owned())
        }
        "chat" | "chat_administrators" => Ok(format!("{kind}:{}", chat(st)?)),
        "chat_member" => {
            let user = scope
                .get("user_id")
                .and_then(value_as_i64)
                .ok_or_else(|| ApiError::bad("user not found"))?;
            Ok(format!("chat_member:{}:{user}", chat(st)?))
        }
        _ => Err(ApiError::bad("unsupported bot command scope type")),
    }
}

fn language_param(p: &Params) -> Result<String, ApiError> {
    let code = p_str(p, "language_code").unwrap_or_default();
    let valid =
        code.is_empty() || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()));
    if valid {
        Ok(code)
    } else {
        Err(ApiError::bad("invalid language code specified"))
    }
}

fn set_my_commands(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let Some(Value::Array(items)) = p_json(p, "commands") else {
        return Err(ApiError::bad("parameter \"commands\" is required"));
    };
    let scope = scope_key(st, p)?;
    let language = language_param(p)?;
    let mut commands = Vec::with_capacity(items.len());
    for item in &items {
        commands.push(clean_command(item)?);
    }
    if commands.len() > MAX_COMMANDS {
        return Err(ApiError::bad("BOT_COMMANDS_TOO_MUCH"));
    }
    let valid_name = |c: &str| {
        c.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    if commands.iter().any(|(name, _)| !valid_name(name)) {
        return Err(ApiError::bad("BOT_COMMAND_INVALID"));
    }
    if commands.is_empty() {
        st.commands.remove(&(scope, language));
    } else {
        st.commands.insert((scope, language), commands);
    }
    Ok(json!(true))
}

/// tdlib's local checks: trim, strip one leading '/', lengths in characters.
fn clean_command(item: &Value) -> Result<(String, String), ApiError> {
    let command = item
        .get("command")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim();
    let command = command.strip_prefix('/').unwrap_or(command);
    if command.is_empty() {
        return Err(ApiError::bad("command must be non-empty"));
    }
    if command.chars().count() > 32 {
        return Err(ApiError::bad("command length must not exceed 32"));
    }
    let description = item
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim();
    if description.is_empty() {
        return Err(ApiError::bad("command description must be non-empty"));
    }
    if description.chars().count() > 256 {
        return Err(ApiError::bad(
            "command description length must not exceed 256",
        ));
    }
    Ok((command.to_owned(), description.to_owned()))
}

fn get_my_commands(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let key = (scope_key(st, p)?, language_param(p)?);
    let commands = st.commands.get(&key).cloned().unwrap_or_default();
    Ok(Value::Array(
        commands
            .into_iter()
            .map(|(command, description)| json!({"command": command, "description": description}))
            .collect(),
    ))
}

fn delete_my_commands(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let key = (scope_key(st, p)?, language_param(p)?);
    st.commands.remove(&key);
    Ok(json!(true))
}

// ---- files ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Document,
    Photo,
}

impl FileKind {
    fn field(self) -> &'static str {
        match self {
            FileKind::Document => "document",
            FileKind::Photo => "photo",
        }
    }
}

/// The file bytes and name of an upload, file id or URL parameter.
struct InputFile {
    bytes: Arc<Vec<u8>>,
    file_name: Option<String>,
    content_type: Option<String>,
    existing: Option<FileRecord>,
}

fn input_file(
    st: &FakeState,
    p: &Params,
    uploads: &[Upload],
    field: &str,
) -> Result<InputFile, ApiError> {
    let missing = || ApiError::bad(&format!("there is no {field} in the request"));
    let from_upload = |upload: &Upload| InputFile {
        bytes: Arc::new(upload.data.clone()),
        file_name: upload.file_name.clone(),
        content_type: upload.content_type.clone(),
        existing: None,
    };
    let Some(value) =
        p_str(p, field).filter(|_| !uploads.iter().any(|u| u.field == field && u.is_file))
    else {
        return uploads
            .iter()
            .find(|u| u.field == field)
            .map(from_upload)
            .ok_or_else(missing);
    };
    if let Some(name) = value.strip_prefix("attach://") {
        return uploads
            .iter()
            .find(|u| u.field == name)
            .map(from_upload)
            .ok_or_else(missing);
    }
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let name = value
            .rsplit('/')
            .next()
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        return Ok(InputFile {
            bytes: Arc::new(Vec::new()),
            file_name: name,
            content_type: None,
            existing: None,
        });
    }
    match st.files.get(&value) {
        Some(record) => Ok(InputFile {
            bytes: record.bytes.clone(),
            file_name: None,
            content_type: None,
            existing: Some(record.clone()),
        }),
        None => Err(ApiError::bad("wrong file identifier/HTTP URL specified")),
    }
}

fn send_file(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    uploads: &[Upload],
    at: Instant,
    kind: FileKind,
) -> Result<Value, ApiError> {
    let caption = caption_param(p)?;
    let chat_id = chat_id_param(p, "chat_id")?;
    let chat = st.known_chat(chat_id)?;
    let input = input_file(st, p, uploads, kind.field())?;
    let markup = reply_markup_param(p)?;
    let reply_to = reply_target(st, chat_id, p)?;
    st.ensure_reachable(chat_id)?;
    let size = input.bytes.len();
    let (media, sent_kind) = match kind {
        FileKind::Document => {
            let (document, mime_type) = document_json(st, &input);
            let file_name = document
                .get("file_name")
                .and_then(Value::as_str)
                .map(str::to_owned);
            (
                document,
                SentKind::Document {
                    file_name,
                    mime_type,
                    size,
                },
            )
        }
        FileKind::Photo => (
            photo_sizes(st, input.bytes.clone()),
            SentKind::Photo { size },
        ),
    };
    let (message_id, mut message) = new_bot_message(st, chat_id, chat);
    message[kind.field()] = media;
    set_text_fields(&mut message, "caption", "caption_entities", &caption);
    set_markup(&mut message, &markup);
    if let Some(reply_to) = reply_to {
        message["reply_to_message"] = reply_to;
    }
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: sent_kind,
        text: Some(caption.text).filter(|t| !t.is_empty()),
        source_text: p_str(p, "caption"),
        p,
        reply_markup: markup,
        message: message.clone(),
        at,
    };
    commit_outgoing(st, out, true);
    Ok(message)
}

fn document_json(st: &mut FakeState, input: &InputFile) -> (Value, String) {
    let mime_type = input
        .file_name
        .as_deref()
        .and_then(extension)
        .and_then(mime_for_extension)
        .map(str::to_owned)
        .or_else(|| {
            input
                .content_type
                .clone()
                .filter(|c| c != "application/octet-stream")
        })
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    let record = match &input.existing {
        Some(record) => record.clone(),
        None => {
            let ext = input
                .file_name
                .as_deref()
                .and_then(extension)
                .unwrap_or("bin")
                .to_owned();
            st.new_file("BQAC", "documents", &ext, input.bytes.clone())
        }
    };
    let mut document = json!({
        "file_id": record.file_id, "file_unique_id": record.file_unique_id,
        "file_size": input.bytes.len(), "mime_type": mime_type,
    });
    if let Some(name) = &input.file_name {
        document["file_name"] = json!(name);
    }
    (document, mime_type)
}

/// Two `PhotoSize`s (thumbnail and full size) backed by the same bytes.
fn photo_sizes(st: &mut FakeState, bytes: Arc<Vec<u8>>) -> Value {
    let small = st.new_file("AgAC", "photos", "jpg", bytes.clone());
    let large = st.new_file("AgAC", "photos", "jpg", bytes.clone());
    json!([
        {"file_id": small.file_id, "file_unique_id": small.file_unique_id, "file_size": bytes.len(), "width": 90, "height": 90},
        {"file_id": large.file_id, "file_unique_id": large.file_unique_id, "file_size": bytes.len(), "width": 800, "height": 800},
    ])
}

fn get_file(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let file_id = p_str(p, "file_id").unwrap_or_default();
    let record = st
        .files
        .get(&file_id)
        .ok_or_else(|| ApiError::bad("invalid file_id"))?;
    Ok(json!({
        "file_id": record.file_id, "file_unique_id": record.file_unique_id,
        "file_size": record.bytes.len(), "file_path": record.file_path,
    }))
}

fn extension(file_name: &str) -> Option<&str> {
    file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|e| !e.is_empty())
}

fn mime_for_extension(ext: &str) -> Option<&'static str> {
    Some(match ext.to_ascii_lowercase().as_str() {
        "pdf" => "application/pdf",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "zip" => "application/zip",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "doc" => "application/msword",
        _ => return None,
    })
}

// ---- copy / forward ----

const CONTENT_KEYS: &[&str] = &[
    "text",
    "entities",
    "document",
    "photo",
    "sticker",
    "voice",
    "location",
    "contact",
    "caption",
    "caption_entities",
];

fn source_message(
    st: &FakeState,
    p: &Params,
    missing: &str,
) -> Result<(i64, i32, Value), ApiError> {
    let from_chat_id = chat_id_param(p, "from_chat_id")?;
    st.known_chat(from_chat_id)?;
    let message_id = message_id_param(p, "message_id")?;
    let source = st
        .message(from_chat_id, message_id)
        .cloned()
        .ok_or_else(|| ApiError::bad(missing))?;
    Ok((from_chat_id, message_id, source))
}

fn copy_content(from: &Value, to: &mut Value) {
    for key in CONTENT_KEYS {
        if let Some(value) = from.get(*key) {
            to[*key] = value.clone();
        }
    }
}

fn copy_message(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    at: Instant,
) -> Result<Value, ApiError> {
    let chat_id = chat_id_param(p, "chat_id")?;
    let chat = st.known_chat(chat_id)?;
    let (from_chat_id, from_message_id, source) =
        source_message(st, p, "message to copy not found")?;
    let caption = if p.contains_key("caption") {
        Some(caption_param(p)?)
    } else {
        None
    };
    let markup = reply_markup_param(p)?;
    st.ensure_reachable(chat_id)?;
    let (message_id, mut message) = new_bot_message(st, chat_id, chat);
    copy_content(&source, &mut message);
    if let Some(caption) = &caption
        && message.get("text").is_none()
    {
        set_text_fields(&mut message, "caption", "caption_entities", caption);
    }
    set_markup(&mut message, &markup);
    let text = message
        .get("text")
        .or_else(|| message.get("caption"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: SentKind::Copy {
            from_chat_id,
            from_message_id,
        },
        text,
        source_text: p_str(p, "caption"),
        p,
        reply_markup: markup,
        message,
        at,
    };
    commit_outgoing(st, out, true);
    Ok(json!({ "message_id": message_id }))
}

fn forward_message(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    at: Instant,
) -> Result<Value, ApiError> {
    let chat_id = chat_id_param(p, "chat_id")?;
    let chat = st.known_chat(chat_id)?;
    let (from_chat_id, from_message_id, source) =
        source_message(st, p, "message to forward not found")?;
    st.ensure_reachable(chat_id)?;
    let (message_id, mut message) = new_bot_message(st, chat_id, chat);
    copy_content(&source, &mut message);
    let sender = source.get("from").cloned().unwrap_or_else(bot_user_json);
    message["forward_origin"] = json!({"type": "user", "sender_user": sender, "date": source.get("date").cloned().unwrap_or(json!(0))});
    let text = message
        .get("text")
        .or_else(|| message.get("caption"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: SentKind::Forward {
            from_chat_id,
            from_message_id,
        },
        text,
        source_text: None,
        p,
        reply_markup: None,
        message: message.clone(),
        at,
    };
    commit_outgoing(st, out, true);
    Ok(message)
}

// ---- getUpdates ----

async fn get_updates(
    inner: &Arc<Inner>,
    conn: &ConnHandle,
    method: &str,
    p: &Params,
    recorded: Params,
    at: Instant,
) -> Response {
    let fault = inner.lock().get_updates_faults.pop_front();
    if let Some(fault) = fault
        && let Some(response) = apply_fault(inner, conn, method, &recorded, at, fault).await
    {
        return response;
    }
    let result = long_poll(inner, p).await;
    finish(inner, method, recorded, at, result, false)
}

/// Decrements the waiting-poller count even if the request future is dropped.
struct WaitingGuard<'a>(&'a Inner);

impl Drop for WaitingGuard<'_> {
    fn drop(&mut self) {
        let mut st = self.0.lock();
        st.waiting_pollers = st.waiting_pollers.saturating_sub(1);
        drop(st);
        self.0.notify_change();
    }
}

async fn long_poll(inner: &Inner, p: &Params) -> Result<Value, ApiError> {
    let offset = p_i64(p, "offset").unwrap_or(0);
    let limit = p_i64(p, "limit").unwrap_or(100).clamp(1, 100) as usize;
    let timeout = p_i64(p, "timeout").unwrap_or(0).clamp(0, 50) as u64;
    let generation = {
        let mut st = inner.lock();
        if st.webhook.is_some() {
            return Err(ApiError::new(409, CONFLICT_WEBHOOK));
        }
        if let Some(allowed) = allowed_updates_param(p) {
            st.allowed_updates = allowed;
        }
        st.confirm(offset);
        st.poll_generation += 1;
        st.waiting_pollers += 1;
        st.poll_generation
    };
    let _waiting = WaitingGuard(inner);
    // Wakes (and so terminates) any earlier poller.
    inner.wake_pollers();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
    let mut wakeups = inner.updates.subscribe();
    loop {
        wakeups.borrow_and_update();
        {
            let mut st = inner.lock();
            if st.poll_generation != generation {
                return Err(ApiError::new(
                    409,
                    if st.webhook.is_some() {
                        CONFLICT_WEBHOOK
                    } else {
                        CONFLICT_POLL
                    },
                ));
            }
            let batch = st.take_batch(limit);
            if !batch.is_empty() || tokio::time::Instant::now() >= deadline {
                return Ok(Value::Array(batch));
            }
        }
        tokio::select! {
            _ = wakeups.changed() => {}
            _ = tokio::time::sleep_until(deadline) => {}
        }
    }
}

// ------------------------------------------------------------------------------------------
// Incoming message content helpers
// ------------------------------------------------------------------------------------------

fn text_content(text: &str) -> Map<String, Value> {
    let mut content = object([("text", json!(text))]);
    let commands = bot_command_entities(text);
    if !commands.is_empty() {
        content.insert("entities".into(), Value::Array(commands));
    }
    content
}

fn object<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// Telegram does not nest replies: `reply_to_message` has no `reply_to_message` itself.
fn without_reply(mut message: Value) -> Value {
    remove_key(&mut message, "reply_to_message");
    message
}

fn remove_key(value: &mut Value, key: &str) {
    if let Some(object) = value.as_object_mut() {
        object.remove(key);
    }
}

fn insert_opt(value: &mut Value, key: &str, field: &Option<String>) {
    if let Some(field) = field {
        value[key] = json!(field);
    }
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn utf16_len(s: &str) -> i32 {
    s.encode_utf16().count() as i32
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Port of tdlib's `match_bot_commands`:
/// `(?<!\b|[\/<>])\/([a-zA-Z0-9_]{1,64})(?:@([a-zA-Z0-9_]{3,32}))?(?!\B|[\/<>])`.
fn bot_command_entities(text: &str) -> Vec<Value> {
    let bytes = text.as_bytes();
    let mut entities = Vec::new();
    let mut pos = 0;
    while let Some(found) = text[pos..].find('/') {
        let start = pos + found;
        pos = start + 1;
        let prev = text[..start].chars().next_back();
        if prev.is_some_and(|c| is_word_char(c) || matches!(c, '/' | '<' | '>')) {
            continue;
        }
        let name_len = bytes[start + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if name_len == 0 || name_len > 64 {
            continue;
        }
        let mut end = start + 1 + name_len;
        if bytes.get(end) == Some(&b'@') {
            let mention_len = bytes[end + 1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
            if !(3..=32).contains(&mention_len) {
                continue;
            }
            end += 1 + mention_len;
        }
        let next = text[end..].chars().next();
        if next.is_some_and(|c| is_word_char(c) || matches!(c, '/' | '<' | '>')) {
            continue;
        }
        entities.push(json!({
            "type": "bot_command", "offset": utf16_len(&text[..start]), "length": utf16_len(&text[start..end]),
        }));
        pos = end;
    }
    entities
}

// ------------------------------------------------------------------------------------------
// Formatting: ports of tdlib's parse_markdown_v2, parse_markdown and parse_html
// ------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
struct Entity {
    kind: &'static str,
    offset: i32,
    length: i32,
    arg: Option<String>,
}

impl Entity {
    fn new(kind: &'static str, offset: i32, length: i32, arg: Option<String>) -> Self {
        Self {
            kind,
            offset,
            length,
            arg: arg.filter(|a| !a.is_empty()),
        }
    }

    fn to_json(&self) -> Value {
        let mut entity = json!({"type": self.kind, "offset": self.offset, "length": self.length});
        if let Some(arg) = &self.arg {
            let key = match self.kind {
                "text_link" => "url",
                "pre" => "language",
                "custom_emoji" => "custom_emoji_id",
                _ => return entity,
            };
            entity[key] = json!(arg);
        }
        entity
    }
}

/// Byte at `i`, or 0 past the end (tdlib relies on the terminating NUL).
fn at(t: &[u8], i: usize) -> u8 {
    t.get(i).copied().unwrap_or(0)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | 0 | 0x0b | 0x0c)
}

/// UTF-16 units contributed by a UTF-8 byte (0 for continuation bytes).
fn utf16_units(c: u8) -> i32 {
    if c & 0xC0 == 0x80 {
        0
    } else if c >= 0xF0 {
        2
    } else {
        1
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn sort_entities(entities: &mut [Entity]) {
    entities.sort_by(|a, b| a.offset.cmp(&b.offset).then(b.length.cmp(&a.length)));
}

/// Simplified `LinkManager::get_checked_link`: `None` drops the entity.
fn checked_link(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.chars().any(char::is_whitespace) {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("tg://user?id=") || lower.starts_with("tg:user?id=") {
        return None; // text_mention: not emulated
    }
    if let Some(pos) = lower.find("://") {
        return matches!(&lower[..pos], "http" | "https" | "tg" | "ton").then(|| url.to_owned());
    }
    if lower.starts_with("tg:") {
        return Some(url.to_owned());
    }
    url.contains('.').then(|| format!("http://{url}"))
}

/// Trims the text like Telegram and moves entities accordingly.
fn trim_formatted(text: String, entities: Vec<Entity>) -> (String, Vec<Entity>) {
    let trimmed_start = text.trim_start();
    let leading = utf16_len(&text[..text.len() - trimmed_start.len()]);
    let trimmed = trimmed_start.trim_end().to_owned();
    let total = utf16_len(&trimmed);
    let mut kept: Vec<Entity> = entities
        .into_iter()
        .filter_map(|mut e| {
            let start = (e.offset - leading).max(0);
            let end = (e.offset + e.length - leading).min(total);
            (end > start).then(|| {
                e.offset = start;
                e.length = end - start;
                e
            })
        })
        .collect();
    sort_entities(&mut kept);
    (trimmed, kept)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Md {
    Bold,
    Italic,
    Underline,
    Strikethrough,
    Spoiler,
    Code,
    Pre,
    PreCode,
    TextUrl,
    CustomEmoji,
    BlockQuote,
    ExpandableBlockQuote,
}

impl Md {
    /// tdlib's name, used in error messages.
    fn name(self) -> &'static str {
        match self {
            Md::Bold => "Bold",
            Md::Italic => "Italic",
            Md::Underline => "Underline",
            Md::Strikethrough => "Strikethrough",
            Md::Spoiler => "Spoiler",
            Md::Code => "Code",
            Md::Pre => "Pre",
            Md::PreCode => "PreCode",
            Md::TextUrl => "TextUrl",
            Md::CustomEmoji => "CustomEmoji",
            Md::BlockQuote => "BlockQuote",
            Md::ExpandableBlockQuote => "ExpandableBlockQuote",
        }
    }

    /// Bot API entity type.
    fn entity_type(self) -> &'static str {
        match self {
            Md::Bold => "bold",
            Md::Italic => "italic",
            Md::Underline => "underline",
            Md::Strikethrough => "strikethrough",
            Md::Spoiler => "spoiler",
            Md::Code => "code",
            Md::Pre | Md::PreCode => "pre",
            Md::TextUrl => "text_link",
            Md::CustomEmoji => "custom_emoji",
            Md::BlockQuote => "blockquote",
            Md::ExpandableBlockQuote => "expandable_blockquote",
        }
    }
}

struct OpenMd {
    kind: Md,
    arg: String,
    utf16: i32,
    byte_offset: usize,
    begin_pos: usize,
}

fn reserved_error(c: u8) -> String {
    format!(
        "Character '{}' is reserved and must be escaped with the preceding '\\'",
        c as char
    )
}

fn cant_find_end(open: &OpenMd) -> String {
    format!(
        "Can't find end of {} entity at byte offset {}",
        open.kind.name(),
        open.byte_offset
    )
}

/// Reads a `(...)` URL starting at `i` (which points at `(`); returns the URL and the index of
/// the closing `)`, honouring `\` escapes.
fn read_md_url(t: &[u8], mut i: usize) -> (Vec<u8>, usize, usize) {
    i += 1;
    let begin = i;
    let mut url = Vec::new();
    while i < t.len() && t[i] != b')' {
        if t[i] == b'\\' && at(t, i + 1) > 0 && at(t, i + 1) <= 126 {
            url.push(t[i + 1]);
            i += 2;
            continue;
        }
        url.push(t[i]);
        i += 1;
    }
    (url, begin, i)
}

fn custom_emoji_id(url: &str) -> Result<String, String> {
    let lower = url.to_ascii_lowercase();
    if !lower.starts_with("tg:") {
        return Err("Custom emoji URL must have scheme tg".to_owned());
    }
    let query = lower
        .split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(""))
        .unwrap_or("");
    let id = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("id="))
        .ok_or_else(|| "Custom emoji URL must have an emoji identifier".to_owned())?;
    match id.parse::<i64>() {
        Ok(n) if n != 0 && !id.starts_with('0') => Ok(id.to_owned()),
        _ => Err("Invalid custom emoji identifier specified".to_owned()),
    }
}

/// Port of tdlib `parse_markdown_v2` (MessageEntity.cpp).
fn parse_markdown_v2(input: &str) -> Result<(String, Vec<Entity>), String> {
    let t = input.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(t.len());
    let mut entities = Vec::new();
    let mut utf16 = 0i32;
    let mut stack: Vec<OpenMd> = Vec::new();
    let mut have_blockquote = false;
    let mut can_start_blockquote = true;
    let mut i = 0usize;
    while i < t.len() {
        let c = t[i];
        if c == b'\\' && at(t, i + 1) > 0 && at(t, i + 1) <= 126 {
            i += 1;
            utf16 += 1;
            out.push(t[i]);
            if t[i] != b'\r' {
                can_start_blockquote = t[i] == b'\n';
            }
            i += 1;
            continue;
        }
        let in_code = matches!(
            stack.last().map(|o| o.kind),
            Some(Md::Code | Md::Pre | Md::PreCode)
        );
        let reserved: &[u8] = if in_code {
            b"`"
        } else {
            b"_*[]()~`>#+-=|{}.!\n"
        };
        if !reserved.contains(&c) {
            let units = utf16_units(c);
            if units > 0 {
                utf16 += units;
                if c != b'\r' {
                    can_start_blockquote = false;
                }
            }
            out.push(c);
            i += 1;
            continue;
        }
        let is_end = match stack.last() {
            None => false,
            Some(_) if have_blockquote && c == b'\n' && (i + 1 == t.len() || t[i + 1] != b'>') => {
                true
            }
            Some(top) => match top.kind {
                Md::Bold => c == b'*',
                Md::Italic => c == b'_' && at(t, i + 1) != b'_',
                Md::Code => c == b'`',
                Md::Pre | Md::PreCode => c == b'`' && at(t, i + 1) == b'`' && at(t, i + 2) == b'`',
                Md::TextUrl | Md::CustomEmoji => c == b']',
                Md::Underline => c == b'_' && at(t, i + 1) == b'_',
                Md::Strikethrough => c == b'~',
                Md::Spoiler => c == b'|' && at(t, i + 1) == b'|',
                Md::BlockQuote | Md::ExpandableBlockQuote => false,
            },
        };
        if !is_end {
            let byte_offset = i;
            let mut arg = String::new();
            let kind = match c {
                b'_' if at(t, i + 1) == b'_' => {
                    i += 1;
                    Some(Md::Underline)
                }
                b'_' => Some(Md::Italic),
                b'*' => Some(Md::Bold),
                b'~' => Some(Md::Strikethrough),
                b'|' if at(t, i + 1) == b'|' => {
                    i += 1;
                    Some(Md::Spoiler)
                }
                b'[' => Some(Md::TextUrl),
                b'`' if at(t, i + 1) == b'`' && at(t, i + 2) == b'`' => {
                    i += 3;
                    let mut kind = Md::Pre;
                    let mut language_end = i;
                    while !is_space(at(t, language_end)) && at(t, language_end) != b'`' {
                        language_end += 1;
                    }
                    if i != language_end && language_end < t.len() && at(t, language_end) != b'`' {
                        kind = Md::PreCode;
                        arg = lossy(&t[i..language_end]);
                        i = language_end;
                    }
                    if at(t, i) == b'\n' || at(t, i) == b'\r' {
                        if (at(t, i + 1) == b'\n' || at(t, i + 1) == b'\r')
                            && at(t, i) != at(t, i + 1)
                        {
                            i += 2;
                        } else {
                            i += 1;
                        }
                    }
                    i -= 1;
                    Some(kind)
                }
                b'`' => Some(Md::Code),
                b'!' if at(t, i + 1) == b'[' => {
                    i += 1;
                    Some(Md::CustomEmoji)
                }
                b'\n' => {
                    utf16 += 1;
                    out.push(b'\n');
                    can_start_blockquote = true;
                    None
                }
                b'>' if can_start_blockquote => {
                    if have_blockquote {
                        None
                    } else {
                        have_blockquote = true;
                        Some(Md::BlockQuote)
                    }
                }
                _ => return Err(reserved_error(c)),
            };
            if let Some(kind) = kind {
                stack.push(OpenMd {
                    kind,
                    arg,
                    utf16,
                    byte_offset,
                    begin_pos: out.len(),
                });
            }
            i += 1;
            continue;
        }

        // end of an entity
        let mut kind = stack.last().map(|o| o.kind).unwrap_or(Md::Bold);
        if c == b'\n' && kind != Md::BlockQuote {
            let top = stack.last().ok_or_else(|| reserved_error(c))?;
            let spoiler_at_line_end = kind == Md::Spoiler
                && (top.byte_offset + 2 == i
                    || (top.byte_offset + 3 == i && out.last() == Some(&b'\r')));
            if !spoiler_at_line_end {
                return Err(cant_find_end(top));
            }
            stack.pop();
            let quote = stack.last().ok_or_else(|| reserved_error(c))?;
            if quote.kind != Md::BlockQuote {
                return Err(cant_find_end(quote));
            }
            kind = Md::ExpandableBlockQuote;
        }
        let Some(top) = stack.last() else {
            return Err(reserved_error(c));
        };
        let (top_utf16, top_begin) = (top.utf16, top.begin_pos);
        let mut arg = top.arg.clone();
        let mut skip = utf16 == top_utf16;
        match kind {
            Md::Bold | Md::Italic | Md::Code | Md::Strikethrough => {}
            Md::Underline | Md::Spoiler => i += 1,
            Md::Pre | Md::PreCode => i += 2,
            Md::TextUrl => {
                let url = if at(t, i + 1) != b'(' {
                    lossy(&out[top_begin..])
                } else {
                    let (url, begin, end) = read_md_url(t, i + 1);
                    i = end;
                    if at(t, i) != b')' {
                        return Err(format!("Can't find end of a URL at byte offset {begin}"));
                    }
                    lossy(&url)
                };
                match checked_link(&url) {
                    Some(url) => arg = url,
                    None => skip = true,
                }
            }
            Md::CustomEmoji => {
                if at(t, i + 1) != b'(' {
                    return Err("Custom emoji entity must contain a tg://emoji URL".to_owned());
                }
                let (url, begin, end) = read_md_url(t, i + 1);
                i = end;
                if at(t, i) != b')' {
                    return Err(format!(
                        "Can't find end of a custom emoji URL at byte offset {begin}"
                    ));
                }
                arg = custom_emoji_id(&lossy(&url))?;
            }
            Md::BlockQuote | Md::ExpandableBlockQuote => {
                have_blockquote = false;
                out.push(t[i]);
                can_start_blockquote = true;
                utf16 += 1;
                skip = false;
            }
        }
        if !skip {
            entities.push(Entity::new(
                kind.entity_type(),
                top_utf16,
                utf16 - top_utf16,
                Some(arg),
            ));
        }
        stack.pop();
        i += 1;
    }
    if have_blockquote {
        let mut kind = Md::BlockQuote;
        if stack
            .last()
            .is_some_and(|o| o.kind == Md::Spoiler && o.byte_offset + 2 == t.len())
        {
            stack.pop();
            kind = Md::ExpandableBlockQuote;
        }
        if stack.last().is_some_and(|o| o.kind == Md::BlockQuote)
            && let Some(quote) = stack.pop()
            && utf16 != quote.utf16
        {
            entities.push(Entity::new(
                kind.entity_type(),
                quote.utf16,
                utf16 - quote.utf16,
                None,
            ));
        }
    }
    if let Some(open) = stack.last() {
        return Err(cant_find_end(open));
    }
    sort_entities(&mut entities);
    Ok((lossy(&out), entities))
}

/// Port of tdlib `parse_markdown` (legacy "Markdown" parse mode).
fn parse_markdown_v1(input: &str) -> Result<(String, Vec<Entity>), String> {
    let t = input.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(t.len());
    let mut entities = Vec::new();
    let mut utf16 = 0i32;
    let mut i = 0usize;
    while i < t.len() {
        let c = t[i];
        if c == b'\\' && matches!(at(t, i + 1), b'_' | b'*' | b'`' | b'[') {
            i += 1;
            out.push(t[i]);
            utf16 += 1;
            i += 1;
            continue;
        }
        if !matches!(c, b'_' | b'*' | b'`' | b'[') {
            utf16 += utf16_units(c);
            out.push(c);
            i += 1;
            continue;
        }
        let begin_pos = i;
        let end_character = if c == b'[' { b']' } else { c };
        let mut is_pre = false;
        let mut language = String::new();
        i += 1;
        if c == b'`' && at(t, i) == b'`' && at(t, i + 1) == b'`' {
            i += 2;
            is_pre = true;
            let mut language_end = i;
            while !is_space(at(t, language_end)) && at(t, language_end) != b'`' {
                language_end += 1;
            }
            if i != language_end && language_end < t.len() && at(t, language_end) != b'`' {
                language = lossy(&t[i..language_end]);
                i = language_end;
            }
            if at(t, i) == b'\n' || at(t, i) == b'\r' {
                if (at(t, i + 1) == b'\n' || at(t, i + 1) == b'\r') && at(t, i) != at(t, i + 1) {
                    i += 2;
                } else {
                    i += 1;
                }
            }
        }
        let entity_offset = utf16;
        while i < t.len()
            && (t[i] != end_character
                || (is_pre && !(at(t, i + 1) == b'`' && at(t, i + 2) == b'`')))
        {
            utf16 += utf16_units(t[i]);
            out.push(t[i]);
            i += 1;
        }
        if i >= t.len() {
            return Err(format!(
                "Can't find end of the entity starting at byte offset {begin_pos}"
            ));
        }
        if entity_offset != utf16 {
            let length = utf16 - entity_offset;
            match c {
                b'_' => entities.push(Entity::new("italic", entity_offset, length, None)),
                b'*' => entities.push(Entity::new("bold", entity_offset, length, None)),
                b'[' => {
                    let url = if at(t, i + 1) != b'(' {
                        lossy(&t[begin_pos + 1..i])
                    } else {
                        i += 2;
                        let start = i;
                        while i < t.len() && t[i] != b')' {
                            i += 1;
                        }
                        lossy(&t[start..i])
                    };
                    if let Some(url) = checked_link(&url) {
                        entities.push(Entity::new("text_link", entity_offset, length, Some(url)));
                    }
                }
                b'`' if is_pre => {
                    entities.push(Entity::new("pre", entity_offset, length, Some(language)))
                }
                _ => entities.push(Entity::new("code", entity_offset, length, None)),
            }
        }
        if is_pre {
            i += 2;
        }
        i += 1;
    }
    Ok((lossy(&out), entities))
}

/// Port of tdlib `decode_html_entity`; on success advances `pos` past the entity.
fn decode_html_entity(t: &[u8], pos: &mut usize) -> u32 {
    let p = *pos;
    if at(t, p) != b'&' {
        return 0;
    }
    let mut end = p + 1;
    let mut code: u32 = 0;
    if at(t, p + 1) == b'#' {
        end += 1;
        if at(t, p + 2) == b'x' {
            end += 1;
            while at(t, end).is_ascii_hexdigit() {
                let digit = (at(t, end) as char).to_digit(16).unwrap_or(0);
                code = code.wrapping_mul(16).wrapping_add(digit);
                end += 1;
            }
        } else {
            while at(t, end).is_ascii_digit() {
                code = code
                    .wrapping_mul(10)
                    .wrapping_add(u32::from(at(t, end) - b'0'));
                end += 1;
            }
        }
        if code == 0 || code >= 0x10ffff || end - p >= 10 {
            return 0;
        }
    } else {
        while at(t, end).is_ascii_alphabetic() {
            end += 1;
        }
        code = match &t[p + 1..end] {
            b"lt" => '<' as u32,
            b"gt" => '>' as u32,
            b"amp" => '&' as u32,
            b"quot" => '"' as u32,
            _ => return 0,
        };
    }
    *pos = if at(t, end) == b';' { end + 1 } else { end };
    code
}

const HTML_TAGS: &[&str] = &[
    "a",
    "b",
    "strong",
    "i",
    "em",
    "s",
    "strike",
    "del",
    "u",
    "ins",
    "tg-spoiler",
    "tg-emoji",
    "span",
    "pre",
    "code",
    "blockquote",
];

struct OpenTag {
    name: String,
    arg: String,
    utf16: i32,
    begin: usize,
}

fn push_char(out: &mut Vec<u8>, code: u32) -> Result<i32, String> {
    let ch = char::from_u32(code).ok_or_else(|| {
        "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"
            .to_owned()
    })?;
    let mut buf = [0u8; 4];
    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    Ok(ch.len_utf16() as i32)
}

/// Port of tdlib `parse_html`.
fn parse_html(input: &str) -> Result<(String, Vec<Entity>), String> {
    let t = input.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(t.len());
    let mut entities: Vec<Entity> = Vec::new();
    let mut utf16 = 0i32;
    let mut stack: Vec<OpenTag> = Vec::new();
    let mut i = 0usize;
    while i < t.len() {
        let c = t[i];
        if c == b'&' {
            let mut p = i;
            let code = decode_html_entity(t, &mut p);
            if code != 0 {
                utf16 += push_char(&mut out, code)?;
                i = p;
                continue;
            }
        }
        if c != b'<' {
            utf16 += utf16_units(c);
            out.push(c);
            i += 1;
            continue;
        }
        let begin_pos = i;
        i += 1;
        if at(t, i) != b'/' {
            let (tag, arg) = parse_html_start_tag(t, &mut i, begin_pos)?;
            stack.push(OpenTag {
                name: tag,
                arg,
                utf16,
                begin: out.len(),
            });
        } else {
            let Some(top) = stack.last() else {
                return Err(format!("Unexpected end tag at byte offset {begin_pos}"));
            };
            while !is_space(at(t, i)) && at(t, i) != b'>' {
                i += 1;
            }
            let end_tag = lossy(&t[begin_pos + 2..i.min(t.len())]).to_ascii_lowercase();
            while is_space(at(t, i)) && at(t, i) != 0 {
                i += 1;
            }
            if at(t, i) != b'>' {
                return Err(format!("Unclosed end tag at byte offset {begin_pos}"));
            }
            if !end_tag.is_empty() && end_tag != top.name {
                return Err(format!(
                    "Unmatched end tag at byte offset {begin_pos}, expected \"</{}>\", found \"</{end_tag}>\"",
                    top.name
                ));
            }
            if utf16 > top.utf16 {
                close_html_entity(top, utf16, &out, &mut entities)?;
            }
            stack.pop();
        }
        i += 1;
    }
    if let Some(top) = stack.last() {
        return Err(format!(
            "Can't find end tag corresponding to start tag \"{}\"",
            top.name
        ));
    }
    for entity in &mut entities {
        if entity.kind == "code" {
            entity.arg = None;
        }
    }
    sort_entities(&mut entities);
    Ok((lossy(&out), entities))
}

/// Parses `<tag attr=...>` with `i` just after `<`; leaves `i` at the closing `>`.
fn parse_html_start_tag(
    t: &[u8],
    i: &mut usize,
    begin_pos: usize,
) -> Result<(String, String), String> {
    while !is_space(at(t, *i)) && at(t, *i) != b'>' {
        *i += 1;
    }
    if at(t, *i) == 0 {
        return Err(format!("Unclosed start tag at byte offset {begin_pos}"));
    }
    let tag = lossy(&t[begin_pos + 1..*i]).to_ascii_lowercase();
    if !HTML_TAGS.contains(&tag.as_str()) {
        return Err(format!(
            "Unsupported start tag \"{tag}\" at byte offset {begin_pos}"
        ));
    }
    let mut arg = String::new();
    while at(t, *i) != b'>' {
        while at(t, *i) != 0 && is_space(at(t, *i)) {
            *i += 1;
        }
        if at(t, *i) == b'>' {
            break;
        }
        let attribute_begin = *i;
        while !is_space(at(t, *i)) && !matches!(at(t, *i), b'=' | b'>' | b'/' | b'"' | b'\'') {
            *i += 1;
        }
        let attribute = lossy(&t[attribute_begin..*i]);
        if attribute.is_empty() {
            return Err(format!(
                "Empty attribute name in the tag \"{tag}\" at byte offset {begin_pos}"
            ));
        }
        while at(t, *i) != 0 && is_space(at(t, *i)) {
            *i += 1;
        }
        if at(t, *i) != b'=' {
            if at(t, *i) == 0 {
                return Err(format!(
                    "Unclosed start tag \"{tag}\" at byte offset {begin_pos}"
                ));
            }
            if tag == "blockquote" && attribute == "expandable" {
                arg = "1".to_owned();
            }
            continue;
        }
        *i += 1;
        while at(t, *i) != 0 && is_space(at(t, *i)) {
            *i += 1;
        }
        if at(t, *i) == 0 {
            return Err(format!(
                "Unclosed start tag \"{tag}\" at byte offset {begin_pos}"
            ));
        }
        let value = if at(t, *i) != b'\'' && at(t, *i) != b'"' {
            let token_begin = *i;
            while at(t, *i).is_ascii_alphanumeric() || at(t, *i) == b'.' || at(t, *i) == b'-' {
                *i += 1;
            }
            if !is_space(at(t, *i)) && at(t, *i) != b'>' {
                return Err(format!(
                    "Unexpected end of name token at byte offset {token_begin}"
                ));
            }
            lossy(&t[token_begin..*i]).to_ascii_lowercase()
        } else {
            let quote = at(t, *i);
            *i += 1;
            let mut value = Vec::new();
            while at(t, *i) != quote && at(t, *i) != 0 {
                if at(t, *i) == b'&' {
                    let mut p = *i;
                    let code = decode_html_entity(t, &mut p);
                    if code != 0 {
                        push_char(&mut value, code)?;
                        *i = p;
                        continue;
                    }
                }
                value.push(at(t, *i));
                *i += 1;
            }
            if at(t, *i) == quote {
                *i += 1;
            }
            lossy(&value)
        };
        if at(t, *i) == 0 {
            return Err(format!("Unclosed start tag at byte offset {begin_pos}"));
        }
        match (tag.as_str(), attribute.as_str()) {
            ("a", "href") | ("tg-emoji", "emoji-id") => arg = value,
            ("code", "class") if value.starts_with("language-") => arg = value[9..].to_owned(),
            ("span", "class") if value.starts_with("tg-") => arg = value[3..].to_owned(),
            ("blockquote", "expandable") => arg = "1".to_owned(),
            _ => {}
        }
    }
    if tag == "span" && arg != "spoiler" {
        return Err(format!(
            "Tag \"span\" must have class \"tg-spoiler\" at byte offset {begin_pos}"
        ));
    }
    Ok((tag, arg))
}

fn close_html_entity(
    top: &OpenTag,
    utf16: i32,
    out: &[u8],
    entities: &mut Vec<Entity>,
) -> Result<(), String> {
    let offset = top.utf16;
    let length = utf16 - offset;
    let simple = match top.name.as_str() {
        "i" | "em" => Some("italic"),
        "b" | "strong" => Some("bold"),
        "s" | "strike" | "del" => Some("strikethrough"),
        "u" | "ins" => Some("underline"),
        "tg-spoiler" | "span" => Some("spoiler"),
        _ => None,
    };
    if let Some(kind) = simple {
        entities.push(Entity::new(kind, offset, length, None));
        return Ok(());
    }
    let same_span = |e: &Entity| e.offset == offset && e.length == length;
    match top.name.as_str() {
        "tg-emoji" => match top.arg.parse::<i64>() {
            Ok(id) if id != 0 => entities.push(Entity::new(
                "custom_emoji",
                offset,
                length,
                Some(top.arg.clone()),
            )),
            _ => return Err("Invalid custom emoji identifier specified".to_owned()),
        },
        "a" => {
            let url = if top.arg.is_empty() {
                lossy(&out[top.begin..])
            } else {
                top.arg.clone()
            };
            if let Some(url) = checked_link(&url) {
                entities.push(Entity::new("text_link", offset, length, Some(url)));
            }
        }
        "pre" => match entities.last_mut() {
            // <pre><code class="language-x">: the code entity carries the language
            Some(last) if last.kind == "code" && same_span(last) && last.arg.is_some() => {
                last.kind = "pre"
            }
            _ => entities.push(Entity::new("pre", offset, length, None)),
        },
        "code" => match entities.last_mut() {
            Some(last) if last.kind == "pre" && same_span(last) && !top.arg.is_empty() => {
                last.arg = Some(top.arg.clone());
            }
            _ => entities.push(Entity::new("code", offset, length, Some(top.arg.clone()))),
        },
        "blockquote" => {
            let kind = if top.arg.is_empty() {
                "blockquote"
            } else {
                "expandable_blockquote"
            };
            entities.push(Entity::new(kind, offset, length, None));
        }
        _ => {}
    }
    Ok(())
}
