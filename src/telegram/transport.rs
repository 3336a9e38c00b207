//! Rendered replies to Bot API calls, and Bot API errors to what the sender should do.

use serde::{Deserialize, Serialize};
use teloxide::{
    ApiError, Bot, RequestError,
    payloads::{
        AnswerCallbackQuerySetters, EditMessageText, EditMessageTextSetters, SendDocumentSetters,
        SendMessage, SendMessageSetters, SendPhotoSetters, SetMyCommandsSetters,
    },
    prelude::Requester,
    requests::{JsonRequest, Payload},
    types::{
        BotCommand, BotCommandScope, ButtonRequest, CallbackQueryId, ChatId, InlineKeyboardButton,
        InlineKeyboardMarkup, InputFile, KeyboardButton, KeyboardMarkup, KeyboardRemove, MessageId,
        Recipient, ReplyMarkup,
    },
};

use crate::sender::{
    Body, Delivered, DeliveryError, Outgoing, RenderedButton, RenderedKeyboard, Transport,
};

/// Bot API calls whose answer is read only as far as the bot needs it. teloxide reads every
/// sent or edited message into a whole `Message`; in the end-to-end benchmark that was a
/// twelfth of the bot's time, for the one number the bot keeps (the message's id).
#[derive(Serialize)]
#[serde(transparent)]
struct IdOnly<P>(P);

#[derive(Deserialize)]
struct SentId {
    message_id: i32,
}

impl<P: Payload> Payload for IdOnly<P> {
    type Output = SentId;
    const NAME: &'static str = P::NAME;
}

/// A call whose answer, once known to be a success, is not read at all.
#[derive(Serialize)]
#[serde(transparent)]
struct Unread<P>(P);

impl<P: Payload> Payload for Unread<P> {
    type Output = serde::de::IgnoredAny;
    const NAME: &'static str = P::NAME;
}

pub struct TelegramTransport {
    bot: Bot,
}

impl TelegramTransport {
    pub fn new(bot: Bot) -> TelegramTransport {
        TelegramTransport { bot }
    }
}

impl Transport for TelegramTransport {
    async fn deliver(&self, message: &Outgoing) -> Result<Delivered, DeliveryError> {
        let bot = &self.bot;
        let sent = |m: teloxide::types::Message| Delivered {
            message_id: Some(m.id.0),
            photo_file_id: None,
        };
        match message {
            Outgoing::Message {
                chat_id,
                text,
                keyboard,
            } => {
                let mut payload = SendMessage::new(ChatId(*chat_id), text);
                if let Some(markup) = reply_markup(keyboard) {
                    payload = payload.reply_markup(markup);
                }
                JsonRequest::new(bot.clone(), IdOnly(payload))
                    .await
                    .map(|sent| Delivered {
                        message_id: Some(sent.message_id),
                        photo_file_id: None,
                    })
                    .map_err(classify)
            }
            Outgoing::Edit {
                chat_id,
                message_id,
                text,
                keyboard,
            } => {
                let mut payload =
                    EditMessageText::new(ChatId(*chat_id), MessageId(*message_id), text);
                if let Some(markup) = inline_markup(keyboard) {
                    payload = payload.reply_markup(markup);
                }
                // The edited message keeps its id: nothing of the answer is needed.
                match JsonRequest::new(bot.clone(), Unread(payload)).await {
                    Ok(_) => Ok(Delivered {
                        message_id: Some(*message_id),
                        photo_file_id: None,
                    }),
                    // The screen already shows exactly this: nothing to do.
                    Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(Delivered {
                        message_id: Some(*message_id),
                        photo_file_id: None,
                    }),
                    Err(e) => Err(classify(e)),
                }
            }
            Outgoing::CallbackAnswer {
                query_id,
                text,
                alert,
            } => {
                let mut request = bot.answer_callback_query(CallbackQueryId(query_id.clone()));
                if let Some(text) = text {
                    request = request.text(truncate(text, 200)).show_alert(*alert);
                }
                request
                    .await
                    .map(|_| Delivered::default())
                    .map_err(classify)
            }
            Outgoing::PhotoUpload {
                chat_id,
                png,
                caption,
                keyboard,
            } => {
                let photo = InputFile::memory(png.clone()).file_name("chart.png");
                let mut request = bot.send_photo(ChatId(*chat_id), photo);
                if !caption.is_empty() {
                    request = request.caption(truncate(caption, 1024));
                }
                if let Some(markup) = reply_markup(keyboard) {
                    request = request.reply_markup(markup);
                }
                // The file id of the largest size, to send the same photo again without
                // uploading it (an announcement's next copies).
                request
                    .await
                    .map(|m| Delivered {
                        message_id: Some(m.id.0),
                        photo_file_id: m
                            .photo()
                            .and_then(|sizes| sizes.last())
                            .map(|size| size.file.id.0.clone()),
                    })
                    .map_err(classify)
            }
            Outgoing::Photo {
                chat_id,
                file_id,
                caption,
                keyboard,
            } => {
                let photo = InputFile::file_id(teloxide::types::FileId(file_id.clone()));
                let mut request = bot.send_photo(ChatId(*chat_id), photo);
                if !caption.is_empty() {
                    request = request.caption(truncate(caption, 1024));
                }
                if let Some(markup) = reply_markup(keyboard) {
                    request = request.reply_markup(markup);
                }
                request.await.map(sent).map_err(classify)
            }
            Outgoing::Document {
                chat_id,
                file_name,
                content,
                caption,
            } => {
                let file = match content {
                    Body::Bytes(bytes) => InputFile::memory(bytes.clone()),
                    // Read from the disk as it is sent (an export over a million people).
                    Body::File(path) => InputFile::file(path.to_path_buf()),
                }
                .file_name(file_name.clone());
                let mut request = bot.send_document(ChatId(*chat_id), file);
                if !caption.is_empty() {
                    request = request.caption(truncate(caption, 1024));
                }
                request.await.map(sent).map_err(classify)
            }
            Outgoing::Copy {
                chat_id,
                from_chat_id,
                message_id,
            } => bot
                .copy_message(
                    ChatId(*chat_id),
                    ChatId(*from_chat_id),
                    MessageId(*message_id),
                )
                .await
                .map(|copy| Delivered {
                    message_id: Some(copy.0),
                    photo_file_id: None,
                })
                .map_err(classify),
            Outgoing::Delete {
                chat_id,
                message_id,
            } => bot
                .delete_message(ChatId(*chat_id), MessageId(*message_id))
                .await
                .map(|_| Delivered::default())
                .map_err(|error| match error {
                    // Gone already, or older than Telegram lets a bot delete (48 hours).
                    RequestError::Api(
                        ApiError::MessageToDeleteNotFound | ApiError::MessageCantBeDeleted,
                    ) => DeliveryError::EditTargetGone,
                    other => classify(other),
                }),
            Outgoing::CommandMenu {
                chat_id, commands, ..
            } => bot
                .set_my_commands(
                    commands
                        .iter()
                        .map(|(name, description)| BotCommand::new(name, description)),
                )
                .scope(BotCommandScope::Chat {
                    chat_id: Recipient::Id(ChatId(*chat_id)),
                })
                .await
                .map(|_| Delivered::default())
                .map_err(classify),
        }
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

fn inline_markup(keyboard: &RenderedKeyboard) -> Option<InlineKeyboardMarkup> {
    let RenderedKeyboard::Inline(rows) = keyboard else {
        return None;
    };
    Some(InlineKeyboardMarkup::new(rows.iter().map(|row| {
        row.iter().filter_map(|button| match button {
            RenderedButton::Callback { label, data } => {
                Some(InlineKeyboardButton::callback(label, data))
            }
            RenderedButton::Url { label, url } => url
                .parse()
                .ok()
                .map(|url| InlineKeyboardButton::url(label, url)),
        })
    })))
}

fn reply_markup(keyboard: &RenderedKeyboard) -> Option<ReplyMarkup> {
    match keyboard {
        RenderedKeyboard::None => None,
        RenderedKeyboard::Inline(_) => inline_markup(keyboard).map(ReplyMarkup::InlineKeyboard),
        RenderedKeyboard::ShareContact { label } => Some(ReplyMarkup::Keyboard(
            KeyboardMarkup::new([[KeyboardButton::new(label).request(ButtonRequest::Contact)]])
                .resize_keyboard()
                .one_time_keyboard(),
        )),
        RenderedKeyboard::Remove => Some(ReplyMarkup::KeyboardRemove(KeyboardRemove::new())),
    }
}

/// Sorts a Bot API error by what to do about it. teloxide matches descriptions exactly, and
/// some real ones arrive as `ApiError::Unknown`, so the description's prefix decides those.
pub fn classify(error: RequestError) -> DeliveryError {
    use ApiError as A;
    match error {
        RequestError::RetryAfter(seconds) => DeliveryError::RetryAfter(seconds.duration()),
        RequestError::Api(
            A::BotBlocked
            | A::UserDeactivated
            | A::BotKicked
            | A::BotKickedFromSupergroup
            | A::BotKickedFromChannel
            | A::ChatNotFound
            | A::UserNotFound
            | A::CantInitiateConversation
            | A::CantTalkWithBots
            | A::GroupDeactivated,
        ) => DeliveryError::Unreachable(error_text(&error)),
        RequestError::MigrateToChatId(id) => {
            DeliveryError::Unreachable(format!("the group became a supergroup with id {id}"))
        }
        RequestError::Api(
            A::MessageToEditNotFound | A::MessageCantBeEdited | A::MessageIdInvalid,
        ) => DeliveryError::EditTargetGone,
        RequestError::Api(A::Unknown(ref description)) => {
            if description.starts_with("Forbidden") {
                DeliveryError::Unreachable(description.clone())
            } else if description.starts_with("Bad Request") || description.starts_with("Not Found")
            {
                DeliveryError::Rejected(description.clone())
            } else {
                // "Bad Gateway", "Internal Server Error", "Unauthorized" during a token
                // hiccup…: the server's trouble, not the message's.
                DeliveryError::Transient(description.clone())
            }
        }
        RequestError::Api(_) => DeliveryError::Rejected(error_text(&error)),
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => {
            DeliveryError::Transient(error_text(&error))
        }
    }
}

/// The error's text, short. teloxide strips the URL (and so the token) from network errors.
fn error_text(error: &RequestError) -> String {
    let text = error.to_string();
    text.chars().take(300).collect()
}
