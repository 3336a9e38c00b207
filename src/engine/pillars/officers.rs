//! Where notices for officers go, and what the bot does in the officers' group.

use super::questions;
use crate::domain::Language;
use crate::engine::command::Parsed;
use crate::engine::{
    Action, Command, Event, Input, Keyboard, Msg, Reply, ReplyKind, Result, fallback, turn::Turn,
};
use crate::store::{officers_group, outbox::Priority, users};

/// One place a notice for officers goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub chat_id: i64,
    pub lang: Language,
    /// May see personal data: an officer's own chat, or an officers' group whose every member
    /// the bot found to be an officer. Anywhere else gets a notice without it.
    pub personal: bool,
}

/// Where notices for the admins go, each in its reader's language: the officers' group
/// (`ADMIN_CHAT_ID`) when every member is an officer; else each officer's private chat, and
/// a group that is not checked (or has other members) gets a notice without personal data.
pub(crate) async fn admin_targets(
    tx: &mut crate::store::Tx,
    settings: &crate::engine::Settings,
) -> Result<Vec<Target>> {
    let default = settings.default_language;
    let mut targets = Vec::new();
    if let Some(chat_id) = settings.admin_chat_id {
        let personal = officers_group::is_trusted(tx, chat_id).await?;
        targets.push(Target {
            chat_id,
            lang: default,
            personal,
        });
        if personal {
            return Ok(targets);
        }
    }
    for &officer in &settings.admins {
        targets.push(Target {
            chat_id: officer,
            lang: users::language_of(tx, officer, default).await?,
            personal: true,
        });
    }
    Ok(targets)
}

/// A button to the bot's private chat, where the details are (when the bot's name is known).
pub(crate) fn open_privately(settings: &crate::engine::Settings) -> Keyboard {
    match &settings.bot_username {
        Some(username) => Keyboard::Inline(vec![vec![crate::engine::Button::url(
            Msg::new("officers-group-open-bot"),
            format!("https://t.me/{username}"),
        )]]),
        None => Keyboard::None,
    }
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

/// A message to a staff chat that quotes nobody's words or data (who took a question, how
/// many new ones wait), as interactive traffic like `notice`.
pub(crate) fn tell(chat_id: i64, lang: Language, text: Vec<Msg>, keyboard: Keyboard) -> Reply {
    Reply {
        chat_id,
        lang,
        priority: Priority::Interactive,
        subject: None,
        kind: ReplyKind::Message { text, keyboard },
    }
}

pub(crate) fn in_officers_group(turn: &Turn<'_>) -> bool {
    turn.settings.admin_chat_id == Some(turn.chat_id)
}

/// The officers' group: officers answer by replying to a question's notice, or use `/answer`
/// and `/inbox`, and press the buttons on notices. Everyone must be an officer (`ADMIN_IDS`),
/// checked on every message and press. Anything else gets what any group gets.
///
/// While the group is not known to hold officers only, nothing here shows personal data:
/// `/inbox` and the buttons point to the private chat; answering by reply or `/answer` works
/// (its confirmation names nobody). A change of members distrusts the group at once.
pub(crate) async fn in_group(turn: &mut Turn<'_>, input: &Input) -> Result<()> {
    if let Event::GroupMembers = input.event {
        officers_group::distrust(turn.tx, turn.chat_id, turn.now).await?;
        turn.recheck_group_after_commit();
        return Ok(());
    }
    let Some(sender) = &input.sender else {
        return Ok(());
    };
    let trusted = officers_group::is_trusted(turn.tx, turn.chat_id).await?;
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
                command: Command::Inbox,
                ..
            }) if officer && !trusted => {
                let keyboard = open_privately(turn.settings);
                turn.send(vec![Msg::new("officers-group-not-private")], keyboard);
            }
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
                if !officer {
                    turn.notice(Msg::new("officer-only"), true);
                } else if !trusted {
                    turn.notice(Msg::new("officers-group-not-private"), true);
                } else {
                    return super::on_action(turn, action).await;
                }
            }
            _ => fallback::group(turn, input),
        },
        _ => {}
    }
    Ok(())
}
