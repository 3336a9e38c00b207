use std::time::Instant;

use serde_json::{Value, json};

use crate::{
    json::{remove_key, unix_now, without_reply},
    request::{
        Params, chat_id_param, message_id_param, p_bool, p_i64, p_json, p_str, value_as_i64,
    },
    server::ApiError,
    state::FakeState,
    types::{CallbackAnswer, SentKind, SentMessage},
};

use super::{
    bot_user_json,
    markup::{inline_part, reply_markup_param},
    text::{Formatted, caption_param, message_text_param},
};

const MAX_TEXT_CHARS: usize = 4096;
const MAX_CALLBACK_ANSWER_CHARS: usize = 200;

const NOT_MODIFIED: &str = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_INVALID: &str = "query is too old and response timeout expired or query ID is invalid";

/// The message to reply to, from `reply_parameters` or the legacy `reply_to_message_id`.
pub(crate) fn reply_target(
    st: &FakeState,
    chat_id: i64,
    p: &Params,
) -> Result<Option<Value>, ApiError> {
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

/// A new bot message skeleton in `chat_id`, replying to `reply_to` if given; allocates the
/// message id.
pub(crate) fn new_bot_message(
    st: &mut FakeState,
    chat_id: i64,
    chat: Value,
    reply_to: Option<Value>,
) -> (i32, Value) {
    let message_id = st.allocate_message_id(chat_id);
    let mut message = json!({"message_id": message_id, "from": bot_user_json(), "chat": chat, "date": unix_now()});
    if let Some(reply_to) = reply_to {
        message["reply_to_message"] = reply_to;
    }
    (message_id, message)
}

pub(crate) fn set_text_fields(
    message: &mut Value,
    text_key: &str,
    entities_key: &str,
    formatted: &Formatted,
) {
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

pub(crate) fn set_markup(message: &mut Value, markup: &Option<Value>) {
    match inline_part(markup) {
        Some(inline) => message["reply_markup"] = inline,
        None => remove_key(message, "reply_markup"),
    }
}

/// A message the bot sends (or an edit), as [`commit_outgoing`] records it.
pub(crate) struct Outgoing<'a> {
    pub(crate) method: &'a str,
    pub(crate) chat_id: i64,
    pub(crate) message_id: i32,
    pub(crate) kind: SentKind,
    /// The text or caption parameter as sent.
    pub(crate) source_text: Option<String>,
    pub(crate) reply_markup: Option<Value>,
    /// The message as Telegram stores it (after the edit, for edits).
    pub(crate) message: Value,
    pub(crate) at: Instant,
}

/// Stores the bot's message (new or edited), logs it as sent and returns it.
pub(crate) fn commit_outgoing(st: &mut FakeState, out: Outgoing<'_>) -> Value {
    st.store_message(out.chat_id, out.message_id, out.message.clone(), true);
    let text = out
        .message
        .get("text")
        .or_else(|| out.message.get("caption"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    st.record_sent(SentMessage {
        seq: 0,
        chat_id: out.chat_id,
        message_id: out.message_id,
        method: out.method.to_owned(),
        kind: out.kind,
        text,
        source_text: out.source_text,
        reply_markup: out.reply_markup,
        message: out.message.clone(),
        at: out.at,
    });
    out.message
}

pub(crate) fn send_message(
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
    let (message_id, mut message) = new_bot_message(st, chat_id, chat, reply_to);
    set_text_fields(&mut message, "text", "entities", &formatted);
    set_markup(&mut message, &markup);
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: SentKind::Text,
        source_text: p_str(p, "text"),
        reply_markup: markup,
        message,
        at,
    };
    Ok(commit_outgoing(st, out))
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

pub(crate) fn edit_message_text(
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
        source_text: p_str(p, "text"),
        reply_markup: markup,
        message,
        at,
    };
    Ok(commit_outgoing(st, out))
}

pub(crate) fn edit_message_reply_markup(
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
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: SentKind::EditReplyMarkup,
        source_text: None,
        reply_markup: markup,
        message,
        at,
    };
    Ok(commit_outgoing(st, out))
}

fn entities_of(message: &Value, key: &str) -> Vec<Value> {
    message
        .get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

pub(crate) fn delete_message(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
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

pub(crate) fn answer_callback_query(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
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

pub(crate) fn send_chat_action(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
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

// ---- copy / forward ----

/// What copyMessage and forwardMessage take over from the source message.
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

/// The two ends of a copyMessage or forwardMessage.
struct CopyRequest {
    chat_id: i64,
    chat: Value,
    from_chat_id: i64,
    from_message_id: i32,
    source: Value,
}

impl CopyRequest {
    /// Reads and checks `chat_id`, `from_chat_id` and `message_id`; `missing` is the error for a
    /// source message that does not exist.
    fn read(st: &FakeState, p: &Params, missing: &str) -> Result<Self, ApiError> {
        let chat_id = chat_id_param(p, "chat_id")?;
        let chat = st.known_chat(chat_id)?;
        let from_chat_id = chat_id_param(p, "from_chat_id")?;
        st.known_chat(from_chat_id)?;
        let from_message_id = message_id_param(p, "message_id")?;
        let source = st
            .message(from_chat_id, from_message_id)
            .cloned()
            .ok_or_else(|| ApiError::bad(missing))?;
        Ok(Self {
            chat_id,
            chat,
            from_chat_id,
            from_message_id,
            source,
        })
    }

    /// The new message in the target chat with the source's content, if the chat is reachable.
    fn new_message(&self, st: &mut FakeState) -> Result<(i32, Value), ApiError> {
        st.ensure_reachable(self.chat_id)?;
        let (message_id, mut message) = new_bot_message(st, self.chat_id, self.chat.clone(), None);
        for key in CONTENT_KEYS {
            if let Some(value) = self.source.get(*key) {
                message[*key] = value.clone();
            }
        }
        Ok((message_id, message))
    }
}

pub(crate) fn copy_message(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    at: Instant,
) -> Result<Value, ApiError> {
    let copy = CopyRequest::read(st, p, "message to copy not found")?;
    let caption = if p.contains_key("caption") {
        Some(caption_param(p)?)
    } else {
        None
    };
    let markup = reply_markup_param(p)?;
    let (message_id, mut message) = copy.new_message(st)?;
    if let Some(caption) = &caption
        && message.get("text").is_none()
    {
        set_text_fields(&mut message, "caption", "caption_entities", caption);
    }
    set_markup(&mut message, &markup);
    let out = Outgoing {
        method,
        chat_id: copy.chat_id,
        message_id,
        kind: SentKind::Copy {
            from_chat_id: copy.from_chat_id,
            from_message_id: copy.from_message_id,
        },
        source_text: p_str(p, "caption"),
        reply_markup: markup,
        message,
        at,
    };
    commit_outgoing(st, out);
    Ok(json!({ "message_id": message_id }))
}

pub(crate) fn forward_message(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    at: Instant,
) -> Result<Value, ApiError> {
    let copy = CopyRequest::read(st, p, "message to forward not found")?;
    let (message_id, mut message) = copy.new_message(st)?;
    let sender = copy
        .source
        .get("from")
        .cloned()
        .unwrap_or_else(bot_user_json);
    let date = copy.source.get("date").cloned().unwrap_or(json!(0));
    message["forward_origin"] = json!({"type": "user", "sender_user": sender, "date": date});
    let out = Outgoing {
        method,
        chat_id: copy.chat_id,
        message_id,
        kind: SentKind::Forward {
            from_chat_id: copy.from_chat_id,
            from_message_id: copy.from_message_id,
        },
        source_text: None,
        reply_markup: None,
        message,
        at,
    };
    Ok(commit_outgoing(st, out))
}
