//! A fake Telegram Bot API server for integration tests and benchmarks.
//!
//! A member of the bot's cargo workspace and a dev-dependency of the bot: tests and the
//! benchmark say `use fake_bot_api as fake_api;` (so shared support files can name
//! `crate::fake_api::FakeApi`). It only uses external crates (axum, tokio, serde_json), never the
//! bot's own code. Its self-test is `tests/selftest.rs` (`cargo test -p fake-bot-api`).
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
//! * Text validation like Telegram, for plain text: the text is trimmed, must be non-empty and
//!   at most 4096 characters (captions 1024). Telegram (tdlib `utf8_length`) counts Unicode code
//!   points here, not UTF-16 units. Explicit `entities` / `caption_entities` of the usual kinds
//!   are kept (moved by the trimming, unknown kinds dropped); entity offsets are UTF-16 units.
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
//! * No parse modes: the bot sends plain text, so MarkdownV2, Markdown and HTML are not
//!   emulated. Any request that carries a `parse_mode` is answered 400 `Bad Request: the fake
//!   Bot API does not support parse modes ...`, so a bot change that starts using one fails
//!   loudly instead of passing unchecked.
//! * No webhook delivery: setWebhook only stores the configuration (tests of the webhook
//!   listener post updates to the bot themselves). Secret tokens are stored, not validated.
//! * All tokens are the same bot: [`BOT_ID`] / [`BOT_USERNAME`]. Use [`TOKEN`] (or any
//!   `123:...` token) so the token's numeric prefix matches the id in `getMe`.
//! * No real rate limits beyond the injected ones, no update expiry (Telegram keeps updates about
//!   24 h, callback queries about 150 s), no inline mode, no channels, no `@username` chat ids,
//!   no checks of explicit entities (bounds, URLs) beyond their kind, no automatic url/mention
//!   entities in the bot's own messages (only `bot_command` entities in pushed user texts).
//! * The order in which independent validations fire (e.g. `chat not found` vs. `message is too
//!   long`) follows the Bot API's structure (local checks first, then chat, then server-side
//!   checks) but is not guaranteed to match Telegram in every combination.
//! * Descriptions for malformed requests that teloxide never produces (missing parameters,
//!   broken JSON) are plausible rather than verified strings.

/// Connections a handler can close without answering ([`Fault::Drop`]).
mod conn;
/// Penalties, flood windows and injected faults in front of the sending methods.
mod faults;
/// The [`FakeApi`] handle: starting the server, users and chats, faults, inspection, waiting.
mod handle;
/// Small helpers for building Bot API JSON.
mod json;
/// The Bot API methods, synchronous under the state lock (getUpdates is in `polling`).
mod methods;
/// getUpdates: long polling, offsets, conflicts between pollers.
mod polling;
/// Queuing updates as users would cause them: texts, replies, contacts, files, button presses.
mod push;
/// Reading a request's parameters (JSON, multipart, urlencoded, query string) and typed access.
mod request;
/// Routing, method dispatch and the HTTP answers (success, errors, 429).
mod server;
/// Everything the fake knows ([`FakeState`]) and what the server shares with the handle.
mod state;
/// Public records: injected faults, recorded calls and sent messages, buttons, users to add.
mod types;

pub use handle::FakeApi;
pub use state::FakeState;
pub use types::{
    Button, Call, CallbackAnswer, CommandSet, Fault, Outcome, SentKind, SentMessage, UserSpec,
    WaitError,
};

/// A token whose numeric prefix matches [`BOT_ID`].
pub const TOKEN: &str = "123:TEST-fake-token";
/// The bot's user id in `getMe` and in every message the fake creates.
pub const BOT_ID: i64 = 123;
pub const BOT_USERNAME: &str = "desmigratif_test_bot";
pub const BOT_FIRST_NAME: &str = "Desmigratif Test";
/// The `update_id` of the first queued update (change with [`FakeApi::set_next_update_id`]).
pub const FIRST_UPDATE_ID: i64 = 10_000;
