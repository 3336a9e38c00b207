//! What reaches the engine: one update, already stripped of Telegram's types by the transport
//! (or made up by the terminal simulator).

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Telegram's update id; `None` where there is none (the simulator).
    pub update_id: Option<i64>,
    pub chat: Chat,
    /// Who sent it; `None` for updates without a person (channel posts).
    pub sender: Option<Sender>,
    pub event: Event,
    /// The id of the message this update carries, in its chat (to copy it on, e.g. a photo
    /// sent with a question); `None` for button presses and where there is none.
    pub message_id: Option<i32>,
    /// A message forwarded from elsewhere: where it came from (a person's name, a group's or
    /// channel's title), as Telegram names it.
    pub forwarded_from: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chat {
    pub id: i64,
    /// A one-to-one chat with the bot (as opposed to a group or channel).
    pub private: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sender {
    pub id: i64,
    /// What the user's Telegram app reports, e.g. `en-GB`.
    pub language_code: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaKind {
    Photo,
    Voice,
    Audio,
    Video,
    VideoNote,
    Sticker,
    Animation,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Text, including commands (`/start desa-x`).
    Text {
        text: String,
        /// Forwarded from elsewhere: never taken as the user's own command.
        forwarded: bool,
        /// The bot's message this one replies to, if any.
        reply_to: Option<i32>,
    },
    /// A press on an inline button.
    Button {
        query_id: String,
        /// The message that carried the button (absent for very old messages).
        message_id: Option<i32>,
        data: String,
    },
    /// A shared contact card.
    Contact {
        phone: String,
        user_id: Option<i64>,
    },
    /// A file.
    Document {
        file_id: String,
        file_name: Option<String>,
        mime_type: Option<String>,
        size: u64,
        /// The file itself, where the transport fetched it (an officer's trainings CSV);
        /// otherwise `None`.
        content: Option<Vec<u8>>,
    },
    Media {
        kind: MediaKind,
        file_id: String,
        caption: Option<String>,
    },
    Location,
    /// Anything else a chat can carry (polls, dice, games, service messages).
    Other,
    /// The user blocked (`true`) or unblocked the bot.
    Membership {
        blocked: bool,
    },
    /// Someone joined or left a group (the bot included), or was promoted or restricted.
    GroupMembers,
}

impl Input {
    /// A text message in a private chat (tests and the simulator).
    pub fn text(user_id: i64, text: &str) -> Input {
        Input {
            update_id: None,
            chat: Chat {
                id: user_id,
                private: true,
            },
            sender: Some(Sender {
                id: user_id,
                language_code: None,
            }),
            event: Event::Text {
                text: text.to_owned(),
                forwarded: false,
                reply_to: None,
            },
            message_id: None,
            forwarded_from: None,
        }
    }

    /// A button press in a private chat (tests and the simulator).
    pub fn button(user_id: i64, message_id: Option<i32>, data: &str) -> Input {
        Input {
            update_id: None,
            chat: Chat {
                id: user_id,
                private: true,
            },
            sender: Some(Sender {
                id: user_id,
                language_code: None,
            }),
            event: Event::Button {
                query_id: format!("q{user_id}-{}", message_id.unwrap_or_default()),
                message_id,
                data: data.to_owned(),
            },
            message_id: None,
            forwarded_from: None,
        }
    }

    /// Forwarded from `origin` (tests and the simulator).
    pub fn forwarded_from(mut self, origin: &str) -> Input {
        self.forwarded_from = Some(origin.to_owned());
        if let Event::Text { forwarded, .. } = &mut self.event {
            *forwarded = true;
        }
        self
    }

    pub fn with_update_id(mut self, update_id: i64) -> Input {
        self.update_id = Some(update_id);
        self
    }

    pub fn with_language_code(mut self, code: &str) -> Input {
        if let Some(sender) = &mut self.sender {
            sender.language_code = Some(code.to_owned());
        }
        self
    }
}
