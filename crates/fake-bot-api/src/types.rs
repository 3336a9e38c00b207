use std::{
    fmt,
    time::{Duration, Instant},
};

use serde_json::Value;

use crate::{methods::markup::inline_buttons, request::value_as_i64, request::value_as_string};

/// A user to register with [`FakeApi::add_user`](crate::FakeApi::add_user); registering creates the private chat.
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
/// [`FakeApi::fail_next_get_updates`](crate::FakeApi::fail_next_get_updates)).
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
    /// The text (or caption) as Telegram stores it: trimmed.
    pub text: Option<String>,
    /// The text (or caption) exactly as the bot sent it.
    pub source_text: Option<String>,
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
