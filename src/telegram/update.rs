//! Telegram updates to engine inputs.

use teloxide::types::{Message, Update, UpdateKind};

use crate::engine::{Chat, Event, Input, MediaKind, Sender};

/// The engine's view of an update, or `None` for kinds the bot does not act on (edits of old
/// messages, inline queries, polls, reactions…).
pub fn to_input(update: &Update) -> Option<Input> {
    let update_id = Some(i64::from(update.id.0));
    match &update.kind {
        UpdateKind::Message(message) => Some(Input {
            update_id,
            ..message_input(message)
        }),
        UpdateKind::CallbackQuery(query) => {
            let message = query.message.as_ref();
            let chat = match message {
                Some(m) => Chat {
                    id: m.chat().id.0,
                    private: m.chat().is_private(),
                },
                None => Chat {
                    id: user_id(query.from.id.0),
                    private: true,
                },
            };
            Some(Input {
                update_id,
                chat,
                sender: Some(Sender {
                    id: user_id(query.from.id.0),
                    language_code: query.from.language_code.clone(),
                }),
                event: Event::Button {
                    query_id: query.id.0.clone(),
                    message_id: message.map(|m| m.id().0),
                    data: query.data.clone().unwrap_or_default(),
                },
                message_id: None,
                forwarded_from: None,
            })
        }
        UpdateKind::MyChatMember(change) if change.chat.is_private() => Some(Input {
            update_id,
            chat: Chat {
                id: change.chat.id.0,
                private: true,
            },
            sender: Some(Sender {
                id: user_id(change.from.id.0),
                language_code: change.from.language_code.clone(),
            }),
            event: Event::Membership {
                blocked: change.new_chat_member.kind.is_banned()
                    || change.new_chat_member.kind.is_left(),
            },
            message_id: None,
            forwarded_from: None,
        }),
        // In a group: who may read what the bot writes there has changed.
        UpdateKind::MyChatMember(change) | UpdateKind::ChatMember(change) => Some(Input {
            update_id,
            chat: Chat {
                id: change.chat.id.0,
                private: false,
            },
            sender: Some(Sender {
                id: user_id(change.from.id.0),
                language_code: change.from.language_code.clone(),
            }),
            event: Event::GroupMembers,
            message_id: None,
            forwarded_from: None,
        }),
        _ => None,
    }
}

fn user_id(id: u64) -> i64 {
    i64::try_from(id).unwrap_or(i64::MAX)
}

fn message_input(message: &Message) -> Input {
    let sender = message.from.as_ref().map(|u| Sender {
        id: user_id(u.id.0),
        language_code: u.language_code.clone(),
    });
    Input {
        update_id: None,
        chat: Chat {
            id: message.chat.id.0,
            private: message.chat.is_private(),
        },
        sender,
        event: message_event(message),
        message_id: Some(message.id.0),
        forwarded_from: message.forward_origin().map(origin_name),
    }
}

/// Where a forwarded message came from, as Telegram shows it: a person's name (or the name a
/// person who hides their account gave), a group's or channel's title.
fn origin_name(origin: &teloxide::types::MessageOrigin) -> String {
    use teloxide::types::MessageOrigin;
    match origin {
        MessageOrigin::User { sender_user, .. } => sender_user.full_name(),
        MessageOrigin::HiddenUser {
            sender_user_name, ..
        } => sender_user_name.clone(),
        MessageOrigin::Chat { sender_chat, .. } => {
            sender_chat.title().unwrap_or_default().to_owned()
        }
        MessageOrigin::Channel { chat, .. } => chat.title().unwrap_or_default().to_owned(),
    }
}

fn message_event(m: &Message) -> Event {
    if m.new_chat_members().is_some() || m.left_chat_member().is_some() {
        return Event::GroupMembers;
    }
    let media = |kind, file_id: &str| Event::Media {
        kind,
        file_id: file_id.to_owned(),
        caption: m.caption().map(str::to_owned),
    };
    if let Some(text) = m.text() {
        return Event::Text {
            text: text.to_owned(),
            forwarded: m.forward_origin().is_some(),
            reply_to: m.reply_to_message().map(|r| r.id.0),
        };
    }
    if let Some(contact) = m.contact() {
        return Event::Contact {
            phone: contact.phone_number.clone(),
            user_id: contact.user_id.map(|id| user_id(id.0)),
        };
    }
    if let Some(a) = m.animation() {
        return media(MediaKind::Animation, &a.file.id.0);
    }
    if let Some(d) = m.document() {
        return Event::Document {
            file_id: d.file.id.0.clone(),
            file_name: d.file_name.clone(),
            mime_type: d.mime_type.as_ref().map(|t| t.to_string()),
            size: u64::from(d.file.size),
            content: None,
        };
    }
    if let Some(photo) = m
        .photo()
        .and_then(|sizes| sizes.iter().max_by_key(|p| p.width * p.height))
    {
        return media(MediaKind::Photo, &photo.file.id.0);
    }
    if let Some(s) = m.sticker() {
        return media(MediaKind::Sticker, &s.file.id.0);
    }
    if let Some(v) = m.voice() {
        return media(MediaKind::Voice, &v.file.id.0);
    }
    if let Some(a) = m.audio() {
        return media(MediaKind::Audio, &a.file.id.0);
    }
    if let Some(v) = m.video() {
        return media(MediaKind::Video, &v.file.id.0);
    }
    if let Some(v) = m.video_note() {
        return media(MediaKind::VideoNote, &v.file.id.0);
    }
    if m.location().is_some() || m.venue().is_some() {
        return Event::Location;
    }
    Event::Other
}
