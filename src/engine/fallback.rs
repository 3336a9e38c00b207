//! Answers for input that no feature expects: every update gets a short, kind hint and the
//! menu, never silence.

use super::{
    Button, Event, Input, Keyboard, MediaKind, Msg, Reply, ReplyKind, Result, menu, turn::Turn,
};
use crate::domain::Language;
use crate::store::outbox::Priority;

/// The fluent id of the hint for something the bot did not expect.
fn hint_id(event: &Event) -> &'static str {
    match event {
        Event::Text {
            forwarded: true, ..
        } => "hint-forwarded",
        Event::Text { .. } => "hint-text",
        Event::Contact { .. } => "hint-contact",
        Event::Document { .. } => "hint-document",
        Event::Media {
            kind: MediaKind::Sticker | MediaKind::Animation,
            ..
        } => "hint-sticker",
        Event::Media {
            kind: MediaKind::Voice | MediaKind::Audio | MediaKind::VideoNote,
            ..
        } => "hint-voice",
        Event::Media { .. } => "hint-media",
        Event::Location => "hint-location",
        Event::Button { .. } | Event::Other | Event::Membership { .. } | Event::GroupMembers => {
            "hint-other"
        }
    }
}

pub(crate) async fn hint(turn: &mut Turn<'_>, event: &Event) -> Result<()> {
    let keyboard = menu::main_menu(turn);
    turn.send(
        vec![Msg::new(hint_id(event)), Msg::new("menu-title")],
        keyboard,
    );
    Ok(())
}

pub(crate) async fn unknown_command(turn: &mut Turn<'_>) -> Result<()> {
    let keyboard = menu::main_menu(turn);
    turn.send(
        vec![Msg::new("hint-command-unknown"), Msg::new("menu-title")],
        keyboard,
    );
    Ok(())
}

/// A button the bot no longer knows (an old message, another release) or never made (forged).
pub(crate) fn old_button(turn: &mut Turn<'_>) {
    turn.notice(Msg::new("button-expired"), false);
    let keyboard = menu::main_menu(turn);
    turn.send(
        vec![Msg::new("button-expired"), Msg::new("menu-title")],
        keyboard,
    );
}

pub(crate) fn not_an_officer(turn: &mut Turn<'_>) {
    turn.notice(Msg::new("officer-only"), true);
    let keyboard = menu::main_menu(turn);
    turn.send(vec![Msg::new("officer-only")], keyboard);
}

/// In a group the bot only answers commands meant for it, pointing to a private chat; the
/// group's conversation is not the bot's business.
pub(crate) fn group(turn: &mut Turn<'_>, input: &Input) {
    use super::command::{Command, Parsed};
    let addressed = match &input.event {
        Event::Text {
            text,
            forwarded: false,
            ..
        } => matches!(
            Command::parse(text, turn.settings.bot_username.as_deref()),
            Some(Parsed::Known { .. } | Parsed::Unknown)
        ),
        Event::Button { .. } => {
            turn.notice(Msg::new("group-private-only"), true);
            false
        }
        _ => false,
    };
    if !addressed {
        return;
    }
    let keyboard = match &turn.settings.bot_username {
        Some(username) => Keyboard::Inline(vec![vec![Button::url(
            Msg::new("group-button-open"),
            format!("https://t.me/{username}?start=group"),
        )]]),
        None => Keyboard::None,
    };
    turn.send(vec![Msg::new("group-private-only")], keyboard);
}

/// What to say when handling an update failed: sorry, please try again.
pub(crate) fn apology(input: &Input, lang: Language) -> Vec<Reply> {
    let reply = |kind| Reply {
        chat_id: input.chat.id,
        lang,
        priority: Priority::Interactive,
        subject: None,
        kind,
    };
    let mut replies = Vec::new();
    if let Event::Button { query_id, .. } = &input.event {
        replies.push(reply(ReplyKind::CallbackAnswer {
            query_id: query_id.clone(),
            text: Some(Msg::new("error-generic")),
            alert: false,
        }));
    }
    if input.chat.private && !matches!(input.event, Event::Membership { .. }) {
        replies.push(reply(ReplyKind::Message {
            text: vec![Msg::new("error-generic")],
            keyboard: Keyboard::Inline(vec![vec![menu::menu_button()]]),
        }));
    }
    replies
}
