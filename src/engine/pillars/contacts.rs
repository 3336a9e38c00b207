//! The cooperative's contacts and office hours: a text officers keep up to date from the bot
//! (an officer-only button on the contacts page), since they change more often than releases.

use super::{
    PillarsAction, PillarsState, cancel_keyboard,
    pages::{self, Page},
};
use crate::engine::{Arg, Button, Event, Keyboard, Msg, Result, State, fallback, turn::Turn};
use crate::store::officer_texts::{self, OfficerText};

/// Long enough for names, numbers, hours and the next meeting; short enough for one page.
const MAX_CHARS: usize = 1000;
/// What an officer sends to clear the text.
const CLEAR: &str = "-";

/// The text as the contacts page shows it.
pub(crate) async fn current(turn: &mut Turn<'_>) -> Result<Vec<Msg>> {
    Ok(
        match officer_texts::get(turn.tx, OfficerText::CooperativeContacts).await? {
            Some((text, updated_at)) => vec![
                Msg::new("coop-contacts-current")
                    .arg("contacts", text)
                    .arg("updated", Arg::Time(updated_at)),
            ],
            None => vec![Msg::new("coop-contacts-none")],
        },
    )
}

pub(crate) fn edit_button() -> Button {
    Button::action(
        Msg::new("coop-button-edit-contacts"),
        PillarsAction::EditContacts.into(),
    )
}

fn prompt(turn: &mut Turn<'_>, first: Option<Msg>) {
    let mut text: Vec<Msg> = first.into_iter().collect();
    text.push(
        Msg::new("coop-contacts-prompt")
            .arg("max", MAX_CHARS as i64)
            .arg("clear", CLEAR),
    );
    turn.send(text, cancel_keyboard());
}

/// An officer starts editing.
pub(crate) async fn edit(turn: &mut Turn<'_>) -> Result<()> {
    turn.state = State::Pillars(PillarsState::AwaitingContacts);
    prompt(turn, None);
    Ok(())
}

pub(crate) async fn on_text(turn: &mut Turn<'_>, event: &Event) -> Result<()> {
    if !turn.is_admin() {
        // No longer an officer since starting: nothing is changed.
        turn.state = State::Idle;
        fallback::not_an_officer(turn);
        return Ok(());
    }
    let text = match event {
        Event::Text {
            text,
            forwarded: false,
            ..
        } => text.trim(),
        _ => {
            prompt(turn, Some(Msg::new("coop-contacts-text-only")));
            return Ok(());
        }
    };
    if text.chars().count() > MAX_CHARS {
        prompt(
            turn,
            Some(Msg::new("coop-contacts-too-long").arg("max", MAX_CHARS as i64)),
        );
        return Ok(());
    }
    if text == CLEAR {
        officer_texts::clear(turn.tx, OfficerText::CooperativeContacts).await?;
    } else {
        officer_texts::set(turn.tx, OfficerText::CooperativeContacts, text, turn.now).await?;
    }
    turn.state = State::Idle;
    turn.send(vec![Msg::new("coop-contacts-saved")], Keyboard::None);
    pages::show(turn, Page::CooperativeContacts).await
}
