//! "Which village are you from?" before the question or the cooperative application of someone
//! whose village the bot does not know (not registered, or registered before villages were a
//! list): one search, so that it reaches that village's officers; or «Skip», and it goes to
//! the admins. The village is kept with that question or application only.

use serde::{Deserialize, Serialize};

use super::{PillarsAction, PillarsState, cooperative, held::Held, questions};
use crate::areas::Hit;
use crate::domain::area::VillageCode;
use crate::engine::{
    Action, Button, Event, Keyboard, Msg, Result, State, fallback,
    places::{self, Next, Pick},
    turn::Turn,
};
use crate::store::{cooperative as applications, profiles};

/// Words from which what is typed for a village, naming none, is a question instead.
const SENTENCE_WORDS: usize = 4;

/// What the village is asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "for", rename_all = "snake_case")]
pub enum AfterVillage {
    /// A question: the message already sent (see `held`), or none yet.
    Question {
        #[serde(flatten)]
        held: Option<Held>,
    },
    /// The application of someone not registered (their name and phone come next).
    Member,
}

/// The village on the person's profile, if it is one of the list's.
pub(crate) async fn of_profile(turn: &mut Turn<'_>, user_id: i64) -> Result<Option<VillageCode>> {
    Ok(profiles::find(turn.tx, user_id)
        .await?
        .and_then(|p| p.village_code))
}

fn wrap(pick: Pick) -> Action {
    PillarsAction::Place(pick).into()
}

fn way_out() -> Vec<Button> {
    vec![
        Button::action(
            Msg::new("asker-village-skip"),
            PillarsAction::SkipVillage.into(),
        ),
        Button::action(Msg::new("button-cancel"), Action::Cancel),
    ]
}

/// Asks for the village, offering the one chosen last time first.
pub(crate) async fn ask(turn: &mut Turn<'_>, then: AfterVillage) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let mut rows = Vec::new();
    if let Some(code) = applications::last_village(turn.tx, user_id).await?
        && let Some(hit) = places::chosen(turn, code).await?
    {
        rows.push(vec![Button::action(
            places::label(&hit),
            wrap(Pick::Village(code)),
        )]);
    }
    rows.push(way_out());
    turn.state = State::Pillars(PillarsState::AskingVillage {
        then,
        by_regency: false,
    });
    turn.show(vec![Msg::new("asker-village-ask")], Keyboard::Inline(rows));
    Ok(())
}

/// What was typed while the village is asked.
pub(crate) async fn on_event(
    turn: &mut Turn<'_>,
    then: AfterVillage,
    by_regency: bool,
    event: &Event,
) -> Result<()> {
    let Event::Text {
        text,
        forwarded: false,
        ..
    } = event
    else {
        turn.send(
            vec![Msg::new("asker-village-type-it")],
            Keyboard::Inline(vec![way_out()]),
        );
        return Ok(());
    };
    // Someone who writes out their trouble here rather than a village's name is heard: a
    // sentence (few villages have more than three words) that names no village is taken as
    // the question itself, from no village known.
    if let AfterVillage::Question { held: None } = &then
        && !by_regency
        && text.split_whitespace().count() >= SENTENCE_WORDS
        && turn
            .places()
            .await?
            .search_where(text, 1, |_| true)
            .hits
            .is_empty()
    {
        return questions::typed_instead(turn, event).await;
    }
    let screen = places::typed(turn, text, by_regency, wrap).await?;
    turn.state = State::Pillars(PillarsState::AskingVillage { then, by_regency });
    let (text, keyboard) = screen.keyboard(way_out());
    turn.send(text, keyboard);
    Ok(())
}

/// A button of the choice.
pub(crate) async fn on_pick(turn: &mut Turn<'_>, pick: Pick) -> Result<()> {
    let State::Pillars(PillarsState::AskingVillage { then, .. }) = turn.state.clone() else {
        fallback::old_button(turn);
        return Ok(());
    };
    match places::follow(turn, pick, wrap).await? {
        Next::Chosen(hit) => go_on(turn, then, Some(hit)).await,
        Next::Screen { screen, by_regency } => {
            turn.state = State::Pillars(PillarsState::AskingVillage { then, by_regency });
            let (text, keyboard) = screen.keyboard(way_out());
            turn.show(text, keyboard);
            Ok(())
        }
        Next::Gone => {
            fallback::old_button(turn);
            Ok(())
        }
    }
}

/// «Skip»: the work goes to the admins.
pub(crate) async fn skip(turn: &mut Turn<'_>) -> Result<()> {
    let State::Pillars(PillarsState::AskingVillage { then, .. }) = turn.state.clone() else {
        fallback::old_button(turn);
        return Ok(());
    };
    go_on(turn, then, None).await
}

async fn go_on(turn: &mut Turn<'_>, then: AfterVillage, village: Option<Hit>) -> Result<()> {
    match then {
        AfterVillage::Question { held } => questions::with_village(turn, held, village).await,
        AfterVillage::Member => cooperative::with_village(turn, village).await,
    }
}
