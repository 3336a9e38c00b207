//! What the engine says: data, not text. A `Msg` is a Fluent message id with its arguments; the
//! i18n layer turns it into words in the recipient's language, and the transport into a
//! Telegram call (or a terminal print).

use serde::{Deserialize, Serialize};

use super::action::Action;
use crate::domain::Language;
use crate::store::outbox::{MessageTag, Priority};

/// One Fluent message and its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Msg {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

impl Msg {
    pub fn new(id: impl Into<String>) -> Msg {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Msg {
        self.args.push((name.to_owned(), value.into()));
        self
    }
}

/// A value placed into a message; numbers and times are formatted for the reader's language
/// and time zone when the message is rendered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A moment, as Unix seconds.
    Time(i64),
    /// Another message, rendered in the same language (e.g. the name of a role).
    Msg(Box<Msg>),
    /// Several messages, rendered and joined with commas (e.g. a list of interests).
    List(Vec<Msg>),
    /// Several messages, one to a line (a table's rows).
    Lines(Vec<Msg>),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Text(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Text(value)
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Arg {
        Arg::Number(value)
    }
}

impl From<Msg> for Arg {
    fn from(value: Msg) -> Arg {
        Arg::Msg(Box::new(value))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Button {
    pub label: Msg,
    pub target: Target,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Action(Action),
    Url(String),
}

impl Button {
    pub fn action(label: Msg, action: Action) -> Button {
        Button {
            label,
            target: Target::Action(action),
        }
    }

    pub fn url(label: Msg, url: impl Into<String>) -> Button {
        Button {
            label,
            target: Target::Url(url.into()),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Keyboard {
    #[default]
    None,
    /// Buttons under the message, row by row.
    Inline(Vec<Vec<Button>>),
    /// A keyboard in place of the user's own, with one button that shares their phone number.
    ShareContact { share: Msg },
    /// Takes away a keyboard shown in place of the user's own.
    Remove,
}

impl Keyboard {
    pub fn rows(&self) -> &[Vec<Button>] {
        match self {
            Keyboard::Inline(rows) => rows,
            _ => &[],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyKind {
    /// A new message: paragraphs, each a Fluent message.
    Message { text: Vec<Msg>, keyboard: Keyboard },
    /// Replace the text and buttons of a message the bot sent earlier (menu navigation).
    Edit {
        message_id: i32,
        text: Vec<Msg>,
        keyboard: Keyboard,
    },
    /// Stop the button's spinner, optionally with a short notice.
    CallbackAnswer {
        query_id: String,
        text: Option<Msg>,
        alert: bool,
    },
    /// A text file (JSON, CSV).
    Document {
        file_name: String,
        content: String,
        caption: Vec<Msg>,
    },
    /// A CSV file made from the database when it is sent.
    Export {
        table: crate::store::export::Table,
        file_name: String,
        /// Whose rows: the staff member's area (files asked for before areas: everyone's,
        /// as only admins could then ask).
        #[serde(default)]
        scope: crate::domain::staff::Scope,
    },
    /// A bar chart, drawn when sent: panels of labelled numbers.
    Chart {
        caption: Vec<Msg>,
        panels: Vec<ChartPanel>,
    },
    /// A QR code of `link` as an image to print (an invitation), with a caption.
    QrCode { link: String, caption: Vec<Msg> },
    /// An officer's announcement, in the reply's language (or the other when it has only one).
    Broadcast { broadcast_id: i64 },
    /// Show this chat the command menu in the reply's language: the admins' for `officer`
    /// (as it was named when only admins were staff), else the staff's for `staff`, else
    /// everyone's.
    CommandMenu {
        officer: bool,
        #[serde(default)]
        staff: bool,
    },
    /// A new message the engine wants to recognise later, when someone replies to it: once
    /// delivered, its Telegram id is recorded under `tag`.
    Tagged {
        text: Vec<Msg>,
        keyboard: Keyboard,
        tag: MessageTag,
    },
    /// A copy of a message from another chat (a user's photo or voice note passed on to the
    /// officers), without the "forwarded from" header; recorded under `tag` like `Tagged`.
    Copy {
        from_chat_id: i64,
        message_id: i32,
        tag: Option<MessageTag>,
    },
    /// An earlier message about a person who has since been erased: its text becomes
    /// "[erased at the person's request]", or, for a copy of their photo or voice note
    /// (`media`), it is deleted. Best effort: one Telegram no longer lets the bot change stays.
    Redact { message_id: i32, media: bool },
}

impl ReplyKind {
    /// The command menu for someone of this standing.
    pub fn command_menu(menu: super::command::Menu) -> ReplyKind {
        use super::command::Menu;
        ReplyKind::CommandMenu {
            officer: menu == Menu::Admin,
            staff: menu != Menu::Everyone,
        }
    }
}

/// One panel of a chart: a title and labelled bars.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartPanel {
    pub title: Msg,
    pub bars: Vec<(Msg, i64)>,
}

/// One thing to send to one chat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub chat_id: i64,
    pub lang: Language,
    pub priority: Priority,
    /// Whose personal data this reply quotes, so erasure can find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<i64>,
    pub kind: ReplyKind,
}

impl Reply {
    /// The message ids in this reply, in order (for tests and the simulator).
    pub fn text_ids(&self) -> Vec<&str> {
        match &self.kind {
            ReplyKind::Message { text, .. }
            | ReplyKind::Edit { text, .. }
            | ReplyKind::Tagged { text, .. } => text.iter().map(|m| m.id.as_str()).collect(),
            ReplyKind::CallbackAnswer { text, .. } => text.iter().map(|m| m.id.as_str()).collect(),
            ReplyKind::Document { caption, .. }
            | ReplyKind::Chart { caption, .. }
            | ReplyKind::QrCode { caption, .. } => caption.iter().map(|m| m.id.as_str()).collect(),
            ReplyKind::Redact { media: false, .. } => vec!["privacy-erased-notice"],
            ReplyKind::CommandMenu { .. }
            | ReplyKind::Broadcast { .. }
            | ReplyKind::Export { .. }
            | ReplyKind::Copy { .. }
            | ReplyKind::Redact { media: true, .. } => Vec::new(),
        }
    }

    pub fn keyboard(&self) -> &Keyboard {
        match &self.kind {
            ReplyKind::Message { keyboard, .. }
            | ReplyKind::Edit { keyboard, .. }
            | ReplyKind::Tagged { keyboard, .. } => keyboard,
            _ => &Keyboard::None,
        }
    }

    /// What the delivered message stands for, if the engine asked to recognise it.
    pub fn tag(&self) -> Option<&MessageTag> {
        match &self.kind {
            ReplyKind::Tagged { tag, .. } => Some(tag),
            ReplyKind::Copy { tag, .. } => tag.as_ref(),
            _ => None,
        }
    }
}
