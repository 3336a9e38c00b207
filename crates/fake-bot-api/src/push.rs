use std::sync::Arc;

use serde_json::{Map, Value, json};

use crate::{
    FakeApi,
    json::{unix_now, without_reply},
    methods::{
        bot_user_json,
        files::{extension, photo_sizes},
        text::utf16_len,
    },
    state::{CallbackRecord, FakeState, FileRecord},
};

impl FakeApi {
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
        let (from, chat) = sender_and_chat(&st, user_id, chat_id, "push_callback");
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
        let (from, chat) = sender_and_chat(&st, user_id, user_id, "push_my_chat_member");
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

    /// Changes the state and wakes the wait helpers.
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
        let (from, chat) = sender_and_chat(&st, user_id, chat_id, "push");
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

/// The `from` user and the `chat` of an update; panics (naming `what`) if either is unknown.
fn sender_and_chat(st: &FakeState, user_id: i64, chat_id: i64, what: &str) -> (Value, Value) {
    let from = st
        .user_json(user_id)
        .unwrap_or_else(|| panic!("{what}: user {user_id} not registered: call add_user first"));
    let chat = st
        .chat_json(chat_id)
        .unwrap_or_else(|| panic!("{what}: chat {chat_id} not registered"));
    (from, chat)
}

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
