use std::{
    collections::{BTreeMap, HashMap, VecDeque},
    net::SocketAddr,
    sync::{Arc, Mutex, MutexGuard},
    time::Instant,
};

use serde_json::{Value, json};
use tokio::sync::watch;

use crate::{
    FIRST_UPDATE_ID,
    json::insert_opt,
    server::ApiError,
    types::{Call, CallbackAnswer, Fault, SentMessage},
};

// ---- records ----

#[derive(Clone, Debug)]
pub(crate) struct UserRecord {
    pub(crate) id: i64,
    pub(crate) first_name: String,
    pub(crate) last_name: Option<String>,
    pub(crate) username: Option<String>,
    pub(crate) language_code: Option<String>,
    pub(crate) is_premium: bool,
}

impl UserRecord {
    pub(crate) fn json(&self) -> Value {
        let mut user = json!({"id": self.id, "is_bot": false, "first_name": self.first_name});
        insert_opt(&mut user, "last_name", &self.last_name);
        insert_opt(&mut user, "username", &self.username);
        insert_opt(&mut user, "language_code", &self.language_code);
        if self.is_premium {
            user["is_premium"] = json!(true);
        }
        user
    }

    pub(crate) fn private_chat_json(&self) -> Value {
        let mut chat = json!({"id": self.id, "type": "private", "first_name": self.first_name});
        insert_opt(&mut chat, "last_name", &self.last_name);
        insert_opt(&mut chat, "username", &self.username);
        chat
    }
}

#[derive(Clone, Debug)]
pub(crate) enum ChatInfo {
    Private(i64),
    /// A group and its members other than the bot (user ids).
    Group {
        title: String,
        members: std::collections::BTreeSet<i64>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reachability {
    Blocked,
    Deactivated,
}

#[derive(Clone, Debug)]
pub(crate) struct StoredMessage {
    pub(crate) json: Value,
    pub(crate) from_bot: bool,
}

#[derive(Debug, Default)]
pub(crate) struct ChatLog {
    pub(crate) last_message_id: i32,
    pub(crate) messages: HashMap<i32, StoredMessage>,
    pub(crate) sent: Vec<SentMessage>,
}

#[derive(Clone, Debug)]
pub(crate) struct QueuedUpdate {
    pub(crate) id: i64,
    pub(crate) kind: String,
    pub(crate) json: Value,
}

#[derive(Clone, Debug)]
pub(crate) struct FileRecord {
    pub(crate) file_id: String,
    pub(crate) file_unique_id: String,
    pub(crate) file_path: String,
    pub(crate) bytes: Arc<Vec<u8>>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct CallbackRecord {
    pub(crate) answer: Option<CallbackAnswer>,
}

#[derive(Clone, Debug)]
pub(crate) struct WebhookConfig {
    pub(crate) url: String,
    pub(crate) secret_token: Option<String>,
    pub(crate) max_connections: u32,
}

/// Everything the fake knows. Read it inside [`FakeApi::wait_for`](crate::FakeApi::wait_for) / [`FakeApi::with_state`](crate::FakeApi::with_state).
#[derive(Debug)]
pub struct FakeState {
    pub(crate) users: HashMap<i64, UserRecord>,
    pub(crate) chats: HashMap<i64, ChatInfo>,
    pub(crate) unreachable: HashMap<i64, Reachability>,
    pub(crate) logs: HashMap<i64, ChatLog>,
    pub(crate) next_seq: u64,
    pub(crate) updates: VecDeque<QueuedUpdate>,
    pub(crate) next_update_id: i64,
    pub(crate) update_messages: HashMap<i64, (i64, i32)>,
    pub(crate) delivered_up_to: Option<i64>,
    pub(crate) confirmed_below: i64,
    pub(crate) allowed_updates: Option<Vec<String>>,
    pub(crate) poll_generation: u64,
    pub(crate) waiting_pollers: usize,
    pub(crate) webhook: Option<WebhookConfig>,
    pub(crate) callbacks: HashMap<String, CallbackRecord>,
    pub(crate) next_callback: u64,
    pub(crate) files: HashMap<String, FileRecord>,
    pub(crate) file_paths: HashMap<String, String>,
    pub(crate) next_file: u64,
    pub(crate) commands: BTreeMap<(String, String), Vec<(String, String)>>,
    pub(crate) calls: Vec<Call>,
    pub(crate) faults: VecDeque<Fault>,
    pub(crate) get_updates_faults: VecDeque<Fault>,
    pub(crate) flood_until: Option<Instant>,
    pub(crate) flood_retry_after: u32,
    pub(crate) penalty_until: Option<Instant>,
    /// When the running penalty's 429 was given: a request that reached the server before
    /// that moment (its body still arriving) was on the wire already and breaks nothing.
    pub(crate) penalty_given: Option<Instant>,
}

impl FakeState {
    pub(crate) fn new() -> Self {
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

    // ---- for the server and the handle ----

    pub(crate) fn chat_json(&self, chat_id: i64) -> Option<Value> {
        match self.chats.get(&chat_id)? {
            ChatInfo::Private(user_id) => {
                self.users.get(user_id).map(UserRecord::private_chat_json)
            }
            ChatInfo::Group { title, .. } => {
                let kind = if chat_id <= -1_000_000_000_000 {
                    "supergroup"
                } else {
                    "group"
                };
                Some(json!({"id": chat_id, "type": kind, "title": title}))
            }
        }
    }

    pub(crate) fn user_json(&self, user_id: i64) -> Option<Value> {
        self.users.get(&user_id).map(UserRecord::json)
    }

    pub(crate) fn known_chat(&self, chat_id: i64) -> Result<Value, ApiError> {
        self.chat_json(chat_id)
            .ok_or_else(|| ApiError::bad("chat not found"))
    }

    pub(crate) fn ensure_reachable(&self, chat_id: i64) -> Result<(), ApiError> {
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

    pub(crate) fn allocate_message_id(&mut self, chat_id: i64) -> i32 {
        let log = self.logs.entry(chat_id).or_default();
        log.last_message_id += 1;
        log.last_message_id
    }

    pub(crate) fn stored(&self, chat_id: i64, message_id: i32) -> Option<&StoredMessage> {
        self.logs.get(&chat_id)?.messages.get(&message_id)
    }

    pub(crate) fn store_message(
        &mut self,
        chat_id: i64,
        message_id: i32,
        json: Value,
        from_bot: bool,
    ) {
        let log = self.logs.entry(chat_id).or_default();
        log.messages
            .insert(message_id, StoredMessage { json, from_bot });
    }

    pub(crate) fn record_sent(&mut self, mut sent: SentMessage) {
        self.next_seq += 1;
        sent.seq = self.next_seq;
        self.logs.entry(sent.chat_id).or_default().sent.push(sent);
    }

    pub(crate) fn enqueue(&mut self, kind: &str, mut body: Value) -> i64 {
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

    pub(crate) fn new_file(
        &mut self,
        prefix: &str,
        dir: &str,
        ext: &str,
        bytes: Arc<Vec<u8>>,
    ) -> FileRecord {
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

    pub(crate) fn confirm(&mut self, offset: i64) {
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

    pub(crate) fn is_allowed(&self, kind: &str) -> bool {
        match &self.allowed_updates {
            Some(list) => list.iter().any(|k| k == kind),
            None => !matches!(
                kind,
                "chat_member" | "message_reaction" | "message_reaction_count"
            ),
        }
    }

    /// Drops queued updates outside the subscription, then returns up to `limit` updates.
    pub(crate) fn take_batch(&mut self, limit: usize) -> Vec<Value> {
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

    pub(crate) fn summary(&self) -> String {
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

/// What the server tasks and every [`crate::FakeApi`] clone share.
pub(crate) struct Inner {
    pub(crate) state: Mutex<FakeState>,
    /// Bumped on every state change; drives the wait helpers.
    pub(crate) changes: watch::Sender<u64>,
    /// Bumped when updates are queued or a new poller arrives; wakes long polls.
    pub(crate) updates: watch::Sender<u64>,
    pub(crate) addr: SocketAddr,
    pub(crate) server: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl Inner {
    pub(crate) fn lock(&self) -> MutexGuard<'_, FakeState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn notify_change(&self) {
        self.changes.send_modify(|v| *v = v.wrapping_add(1));
    }

    pub(crate) fn wake_pollers(&self) {
        self.updates.send_modify(|v| *v = v.wrapping_add(1));
        self.notify_change();
    }

    pub(crate) fn record(&self, call: Call) {
        self.lock().calls.push(call);
        self.notify_change();
    }
}
