//! A reply rendered into words: what a transport sends.

use crate::domain::Language;

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
        content: Vec<u8>,
        caption: String,
    },
    /// A picture made here (PNG), with a caption.
    PhotoUpload {
        chat_id: i64,
        png: Vec<u8>,
        caption: String,
    },
    /// A photo Telegram already has (by its file id), with a caption.
    Photo {
        chat_id: i64,
        file_id: String,
        caption: String,
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
}
