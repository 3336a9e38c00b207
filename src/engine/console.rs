//! The engine's side of the web console: the one-time log-in link `/konsol` sends, and the
//! officers' actions taken in a browser.
//!
//! An action from the console runs as the bot's own button or answer would, for the same
//! person, in one unit of work: the same checks of role and area, the same rows, the same
//! audit lines, and the same messages to the person and to other officers through the outbox.
//! Only what the bot would have said back to the officer in their own chat is not sent: the
//! console shows it on the page instead. Their conversation in Telegram is left where it was.

use sha2::{Digest, Sha256};

use super::{
    Action, Button, EngineError, Input, Keyboard, Msg, Reply, ReplyKind, Result, turn::Turn,
};
use crate::store::{self, console, questions::EntryKind};

/// What an officer does in the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConsoleAct {
    /// What one of the bot's buttons does (take, close for a reason, hand back, pass up, a
    /// cooperative application's status…).
    Button(Action),
    /// An answer to a question's round (the one the page showed).
    Answer {
        question: i64,
        round: i64,
        text: String,
    },
    /// An addition to, or a correction of, a question's answer.
    Amend {
        question: i64,
        kind: EntryKind,
        text: String,
    },
    /// An invitation to join the staff for an area (a village's officer, a regency's
    /// coordinator, an admin of the whole country).
    Invite(crate::domain::staff::Area),
}

/// What became of a console action: what the bot would have told the officer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Acted {
    pub said: Vec<Msg>,
    /// An answer not sent because someone answered first: (question, the officer's words),
    /// to send as an addition or a correction instead.
    pub kept: Option<(i64, String)>,
}

/// The SHA-256 of a token, as stored.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// 256 random bits, as 64 hex digits.
pub fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| {
        EngineError::Store(store::StoreError::Corrupt(format!(
            "no randomness for a console token: {e}"
        )))
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// `/konsol`: a link that logs this staff member into the console once, within 10 minutes.
pub(crate) async fn login_link(turn: &mut Turn<'_>) -> Result<()> {
    let (Some(url), Some(user_id)) = (turn.settings.console_url.clone(), turn.user_id()) else {
        turn.send(vec![Msg::new("console-link-off")], Keyboard::None);
        return Ok(());
    };
    let token = new_token()?;
    if !console::add_link(turn.tx, &token_hash(&token), user_id, turn.now).await? {
        turn.send(
            vec![Msg::new("console-link-too-many").arg("count", console::LINKS_PER_HOUR)],
            Keyboard::None,
        );
        return Ok(());
    }
    let link = format!("{}login/{token}", url);
    // Telegram takes only public https addresses as buttons; the link is in the text too,
    // to be copied into a laptop's browser.
    let keyboard = match url.starts_with("https://") {
        true => Keyboard::Inline(vec![vec![Button::url(
            Msg::new("console-link-button"),
            link.clone(),
        )]]),
        false => Keyboard::None,
    };
    turn.send(
        vec![
            Msg::new("console-link")
                .arg("link", link)
                .arg("minutes", console::LINK_VALID_FOR.num_minutes()),
        ],
        keyboard,
    );
    Ok(())
}

/// An update that stands for the officer's action in the console: from them, in their own
/// chat, with a button's answer to catch the short notices the bot shows on a button.
pub(super) fn input_for(user_id: i64) -> Input {
    Input::button(user_id, None, "")
}

/// Runs the action in the turn.
pub(super) async fn act(turn: &mut Turn<'_>, act: ConsoleAct) -> Result<()> {
    match act {
        ConsoleAct::Button(action) => super::on_action(turn, action).await,
        ConsoleAct::Answer {
            question,
            round,
            text,
        } => super::pillars::console_answer(turn, question, round, &text).await,
        ConsoleAct::Amend {
            question,
            kind,
            text,
        } => super::pillars::console_amend(turn, question, kind, &text).await,
        ConsoleAct::Invite(area) => super::staff::console_invite(turn, area).await,
    }
}

/// The words an officer's answer left in the turn when someone else answered first.
pub(super) fn kept(state: &super::State) -> Option<(i64, String)> {
    match state {
        super::State::Pillars(super::pillars::PillarsState::AnswerDraft { question_id, text }) => {
            Some((*question_id, text.clone()))
        }
        _ => None,
    }
}

/// Splits a finished turn's replies: what would have gone to the officer's own chat (shown in
/// the console), and the rest (sent). When a button's short notice says what was done («Hak
/// sudah dicabut»), that is all that is kept: the screen the bot would show after it belongs
/// in the chat, not above a page of the console.
pub(super) fn split(replies: Vec<Reply>, officer_chat: i64) -> (Acted, Vec<Reply>) {
    let mut said: Vec<Msg> = Vec::new();
    let mut rest = Vec::new();
    let (own, others): (Vec<Reply>, Vec<Reply>) =
        replies.into_iter().partition(|r| r.chat_id == officer_chat);
    rest.extend(others);
    let noticed = own
        .iter()
        .any(|r| matches!(&r.kind, ReplyKind::CallbackAnswer { text: Some(_), .. }));
    for reply in own {
        if noticed && !matches!(reply.kind, ReplyKind::CallbackAnswer { .. }) {
            continue;
        }
        let text = match reply.kind {
            ReplyKind::CallbackAnswer { text, .. } => text.into_iter().collect(),
            ReplyKind::Message { text, .. }
            | ReplyKind::Edit { text, .. }
            | ReplyKind::Tagged { text, .. } => text,
            _ => Vec::new(),
        };
        for msg in text {
            if !said.contains(&msg) {
                said.push(msg);
            }
        }
    }
    (Acted { said, kept: None }, rest)
}
