use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{Router, extract::DefaultBodyLimit};
use serde_json::Value;
use tokio::{net::TcpListener, sync::watch};

use crate::{
    conn::{ConnHandle, KillableListener},
    methods::{bot_user_json, markup::inline_buttons},
    server::{MAX_BODY_BYTES, handle_request},
    state::{ChatInfo, FakeState, Inner, Reachability, UserRecord},
    types::{Button, Call, CallbackAnswer, CommandSet, Fault, SentMessage, UserSpec, WaitError},
};

/// A running fake server. Cheap to clone; all clones share one state.
#[derive(Clone)]
pub struct FakeApi {
    pub(crate) inner: Arc<Inner>,
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
                members: Default::default(),
            },
        );
        self.inner.notify_change();
    }

    /// Adds a user to a group added with `add_group` (what `getChatMember` and
    /// `getChatMemberCount` see; no update is pushed: use `push_raw` for that).
    pub fn add_group_member(&self, chat_id: i64, user_id: i64) {
        if let Some(ChatInfo::Group { members, .. }) = self.inner.lock().chats.get_mut(&chat_id) {
            members.insert(user_id);
        }
        self.inner.notify_change();
    }

    /// Takes a user out of a group.
    pub fn remove_group_member(&self, chat_id: i64, user_id: i64) {
        if let Some(ChatInfo::Group { members, .. }) = self.inner.lock().chats.get_mut(&chat_id) {
            members.remove(&user_id);
        }
        self.inner.notify_change();
    }

    /// Sends to this user now fail with 403 `Forbidden: bot was blocked by the user`.
    pub fn block_user(&self, user_id: i64) {
        self.set_reachability(user_id, Some(Reachability::Blocked));
    }

    /// Sends to this user now fail with 403 `Forbidden: user is deactivated`.
    pub fn deactivate_user(&self, user_id: i64) {
        self.set_reachability(user_id, Some(Reachability::Deactivated));
    }

    /// Sends to this user succeed again.
    pub fn unblock_user(&self, user_id: i64) {
        self.set_reachability(user_id, None);
    }

    fn set_reachability(&self, user_id: i64, reachability: Option<Reachability>) {
        let mut st = self.inner.lock();
        match reachability {
            Some(reachability) => st.unreachable.insert(user_id, reachability),
            None => st.unreachable.remove(&user_id),
        };
        drop(st);
        self.inner.notify_change();
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

    /// The bytes of a file the bot uploaded (or a test pushed), by its `file_id`.
    pub fn file_bytes(&self, file_id: &str) -> Option<Vec<u8>> {
        self.with_state(|s| s.files.get(file_id).map(|f| f.bytes.as_ref().clone()))
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
}
