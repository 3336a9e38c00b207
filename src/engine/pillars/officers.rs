//! Where notices for officers go, and what the bot does in the officers' group.

use super::questions;
use crate::domain::Language;
use crate::engine::command::Parsed;
use crate::engine::{
    Action, Command, Event, Input, Keyboard, Msg, Reply, ReplyKind, Result, fallback, turn::Turn,
};
use crate::store::{outbox::Priority, users};

/// Where notices for officers go, each in its reader's language: the officers' group
/// (`ADMIN_CHAT_ID`) when there is one, else each officer's private chat.
pub(crate) async fn targets(turn: &mut Turn<'_>) -> Result<Vec<(i64, Language)>> {
    let default = turn.settings.default_language;
    if let Some(chat_id) = turn.settings.admin_chat_id {
        return Ok(vec![(chat_id, default)]);
    }
    let mut targets = Vec::new();
    for &officer in &turn.settings.admins {
        targets.push((
            officer,
            users::language_of(turn.tx, officer, default).await?,
        ));
    }
    Ok(targets)
}

/// A message to someone who did not just write (an officer, or a user getting an answer), that
/// quotes `subject`'s words or data: erasing them removes it.
///
/// These go out as interactive traffic: they are one side of a conversation with a person
/// waiting on the other, and must not queue behind a broadcast to thousands.
pub(crate) fn notice(chat_id: i64, lang: Language, subject: i64, kind: ReplyKind) -> Reply {
    Reply {
        chat_id,
        lang,
        priority: Priority::Interactive,
        subject: Some(subject),
        kind,
    }
}

pub(crate) fn in_officers_group(turn: &Turn<'_>) -> bool {
    turn.settings.admin_chat_id == Some(turn.chat_id)
}

/// The officers' group: officers answer by replying to a question's notice, or use `/answer`
/// and `/inbox`, and press the buttons on notices. Everyone must be an officer (`ADMIN_IDS`),
/// checked on every message and press. Anything else gets what any group gets.
pub(crate) async fn in_group(turn: &mut Turn<'_>, input: &Input) -> Result<()> {
    let Some(sender) = &input.sender else {
        return Ok(());
    };
    let officer = turn.settings.is_admin(sender.id);
    if officer {
        // Officers act as themselves here: their language, and `turn.is_admin()`.
        let user = users::touch(turn.tx, sender.id, turn.lang, turn.now)
            .await?
            .user;
        turn.lang = user.language;
        turn.user = Some(user);
    }
    match &input.event {
        Event::Text {
            text,
            forwarded: false,
            reply_to,
        } => match Command::parse(text, turn.settings.bot_username.as_deref()) {
            Some(Parsed::Known {
                command: command @ (Command::Inbox | Command::Answer),
                args,
            }) => {
                if officer {
                    return super::on_command(turn, command, &args).await;
                }
                turn.send(vec![Msg::new("officer-only")], Keyboard::None);
            }
            Some(_) => fallback::group(turn, input),
            None => {
                if let Some(message_id) = reply_to
                    && officer
                {
                    questions::on_reply(turn, *message_id, text).await?;
                }
            }
        },
        Event::Button { data, .. } => match Action::parse(data) {
            Ok(Action::Pillars(action)) if action.for_officers_chat() => {
                if officer {
                    return super::on_action(turn, action).await;
                }
                turn.notice(Msg::new("officer-only"), true);
            }
            _ => fallback::group(turn, input),
        },
        _ => {}
    }
    Ok(())
}
