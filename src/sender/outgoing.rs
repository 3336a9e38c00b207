//! A reply rendered into words: what a transport sends. The words come from `i18n`, which
//! knows nothing of delivery.

use crate::domain::Language;
use crate::engine::{Keyboard, Msg, Reply, ReplyKind, Target};
use crate::i18n::Locales;
use crate::store::export::Made;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderedButton {
    Callback { label: String, data: String },
    Url { label: String, url: String },
}

impl RenderedButton {
    pub fn label(&self) -> &str {
        match self {
            RenderedButton::Callback { label, .. } | RenderedButton::Url { label, .. } => label,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderedKeyboard {
    None,
    Inline(Vec<Vec<RenderedButton>>),
    ShareContact { label: String },
    Remove,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outgoing {
    Message {
        chat_id: i64,
        text: String,
        keyboard: RenderedKeyboard,
    },
    Edit {
        chat_id: i64,
        message_id: i32,
        text: String,
        keyboard: RenderedKeyboard,
    },
    CallbackAnswer {
        query_id: String,
        text: Option<String>,
        alert: bool,
    },
    Document {
        chat_id: i64,
        file_name: String,
        content: Body,
        caption: String,
    },
    /// A picture made here (PNG), with a caption.
    PhotoUpload {
        chat_id: i64,
        png: Vec<u8>,
        caption: String,
        keyboard: RenderedKeyboard,
    },
    /// A photo Telegram already has (by its file id), with a caption.
    Photo {
        chat_id: i64,
        file_id: String,
        caption: String,
        keyboard: RenderedKeyboard,
    },
    CommandMenu {
        chat_id: i64,
        language: Language,
        commands: Vec<(String, String)>,
    },
    /// A copy of message `message_id` of chat `from_chat_id`.
    Copy {
        chat_id: i64,
        from_chat_id: i64,
        message_id: i32,
    },
    /// Deletes one of the bot's messages.
    Delete { chat_id: i64, message_id: i32 },
}

/// A document's bytes: in memory, or a file on disk (an export) sent from there and deleted
/// once the last copy of this is dropped.
#[derive(Clone, Debug)]
pub enum Body {
    Bytes(Vec<u8>),
    File(std::sync::Arc<tempfile::TempPath>),
}

impl Body {
    /// All of it, read into memory (for the simulator and tests).
    pub fn bytes(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Body::Bytes(bytes) => Ok(bytes.clone()),
            Body::File(path) => std::fs::read(&**path),
        }
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        match (self, other) {
            (Body::Bytes(a), Body::Bytes(b)) => a == b,
            (Body::File(a), Body::File(b)) => {
                let (a, b): (&std::path::Path, &std::path::Path) = (a, b);
                a == b
            }
            _ => false,
        }
    }
}

impl Eq for Body {}

/// What the database gives for a reply that carries only a reference to it.
#[derive(Debug)]
pub enum Content {
    /// An export's file.
    File(crate::store::export::Made),
    /// An announcement's words (and photo).
    Announcement(crate::store::broadcasts::Announcement),
}

/// A one-line message instead of what could not be made.
fn notice(locales: &Locales, reply: &Reply, id: &str) -> Outgoing {
    Outgoing::Message {
        chat_id: reply.chat_id,
        text: locales.message(reply.lang, &Msg::new(id)),
        keyboard: RenderedKeyboard::None,
    }
}

fn render_keyboard(locales: &Locales, lang: Language, keyboard: &Keyboard) -> RenderedKeyboard {
    match keyboard {
        Keyboard::None => RenderedKeyboard::None,
        Keyboard::Remove => RenderedKeyboard::Remove,
        Keyboard::ShareContact { share } => RenderedKeyboard::ShareContact {
            label: locales.message(lang, share),
        },
        Keyboard::Inline(rows) => RenderedKeyboard::Inline(
            rows.iter()
                .map(|row| {
                    row.iter()
                        .map(|button| {
                            let label = locales.message(lang, &button.label);
                            match &button.target {
                                Target::Action(action) => RenderedButton::Callback {
                                    label,
                                    data: action.encode(),
                                },
                                Target::Url(url) => RenderedButton::Url {
                                    label,
                                    url: url.clone(),
                                },
                            }
                        })
                        .collect()
                })
                .collect(),
        ),
    }
}

/// Turns an engine reply into what a transport sends. `content` is what the database gave
/// for a reply that carries only a reference to it (an export's file, an announcement's
/// words); `None` there says it could not be had.
pub fn render(locales: &Locales, reply: &Reply, content: Option<Content>) -> Outgoing {
    let lang = reply.lang;
    let chat_id = reply.chat_id;
    match &reply.kind {
        ReplyKind::Message { text, keyboard } | ReplyKind::Tagged { text, keyboard, .. } => {
            Outgoing::Message {
                chat_id,
                text: locales.paragraphs(lang, text),
                keyboard: render_keyboard(locales, lang, keyboard),
            }
        }
        ReplyKind::Redact {
            message_id,
            media: true,
        } => Outgoing::Delete {
            chat_id,
            message_id: *message_id,
        },
        ReplyKind::Redact {
            message_id,
            media: false,
        } => Outgoing::Edit {
            chat_id,
            message_id: *message_id,
            text: locales.message(lang, &Msg::new("privacy-erased-notice")),
            keyboard: RenderedKeyboard::None,
        },
        ReplyKind::Edit {
            message_id,
            text,
            keyboard,
        } => Outgoing::Edit {
            chat_id,
            message_id: *message_id,
            text: locales.paragraphs(lang, text),
            keyboard: render_keyboard(locales, lang, keyboard),
        },
        ReplyKind::CallbackAnswer {
            query_id,
            text,
            alert,
        } => Outgoing::CallbackAnswer {
            query_id: query_id.clone(),
            text: text.as_ref().map(|m| locales.message(lang, m)),
            alert: *alert,
        },
        ReplyKind::Document {
            file_name,
            content,
            caption,
        } => Outgoing::Document {
            chat_id,
            file_name: file_name.clone(),
            content: Body::Bytes(content.clone().into_bytes()),
            caption: locales.paragraphs(lang, caption),
        },
        ReplyKind::QrCode { link, caption } => {
            let caption = locales.paragraphs(lang, caption);
            match crate::qr::png(link) {
                Ok(png) => Outgoing::PhotoUpload {
                    chat_id,
                    png,
                    caption,
                    keyboard: RenderedKeyboard::None,
                },
                Err(error) => {
                    tracing::error!(%error, "QR code could not be drawn; sending its caption");
                    Outgoing::Message {
                        chat_id,
                        text: caption,
                        keyboard: RenderedKeyboard::None,
                    }
                }
            }
        }
        ReplyKind::Chart { caption, panels } => {
            let panels: Vec<crate::chart::Panel> = panels
                .iter()
                .map(|p| crate::chart::Panel {
                    title: locales.message(lang, &p.title),
                    bars: p
                        .bars
                        .iter()
                        .map(|(label, n)| (locales.message(lang, label), *n))
                        .collect(),
                })
                .collect();
            let caption = locales.paragraphs(lang, caption);
            match crate::chart::draw(&panels) {
                Ok(png) => Outgoing::PhotoUpload {
                    chat_id,
                    png,
                    caption,
                    keyboard: RenderedKeyboard::None,
                },
                Err(error) => {
                    tracing::error!(%error, "chart could not be drawn; sending its caption");
                    Outgoing::Message {
                        chat_id,
                        text: caption,
                        keyboard: RenderedKeyboard::None,
                    }
                }
            }
        }
        ReplyKind::Export { .. } => match content {
            Some(Content::File(Made::File { name, path, zipped })) => Outgoing::Document {
                chat_id,
                file_name: name,
                content: Body::File(std::sync::Arc::new(path)),
                caption: match zipped {
                    true => locales.message(lang, &Msg::new("export-zipped")),
                    false => String::new(),
                },
            },
            Some(Content::File(Made::TooBig)) => notice(locales, reply, "export-too-big"),
            _ => notice(locales, reply, "export-failed"),
        },
        ReplyKind::Broadcast { .. } => match content {
            Some(Content::Announcement(announcement)) => {
                let text = announcement.text_in(lang);
                // «✍️ Ikut pelatihan ini»: signs the recipient up, as the training's own
                // button does.
                let keyboard = match announcement.join_training_id {
                    Some(id) => render_keyboard(
                        locales,
                        lang,
                        &Keyboard::Inline(vec![vec![crate::engine::Button::action(
                            Msg::new("broadcast-join-training"),
                            crate::engine::Action::Training(
                                crate::engine::trainings::TrainingAction::Join(id),
                            ),
                        )]]),
                    ),
                    None => RenderedKeyboard::None,
                };
                match (announcement.photo_file_id, announcement.photo_upload) {
                    (Some(file_id), _) => Outgoing::Photo {
                        chat_id,
                        file_id,
                        caption: text,
                        keyboard,
                    },
                    // Uploaded in the console: sent as a file until Telegram has it.
                    (None, Some(bytes)) => Outgoing::PhotoUpload {
                        chat_id,
                        png: bytes.as_ref().clone(),
                        caption: text,
                        keyboard,
                    },
                    (None, None) => Outgoing::Message {
                        chat_id,
                        text,
                        keyboard,
                    },
                }
            }
            _ => notice(locales, reply, "broadcast-unavailable"),
        },
        ReplyKind::CommandMenu { officer, staff } => {
            use crate::engine::command::Menu;
            let menu = match (officer, staff) {
                (true, _) => Menu::Admin,
                (false, true) => Menu::Staff,
                (false, false) => Menu::Everyone,
            };
            Outgoing::CommandMenu {
                chat_id,
                language: lang,
                commands: locales.command_menu(lang, menu),
            }
        }
        ReplyKind::Copy {
            from_chat_id,
            message_id,
            ..
        } => Outgoing::Copy {
            chat_id,
            from_chat_id: *from_chat_id,
            message_id: *message_id,
        },
    }
}
