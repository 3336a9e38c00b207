//! Welcome, the main menu, help, the language switch and leaving a step.

use super::registration::Field;
use super::{
    Action, Button, Keyboard, Msg, ReplyKind, Result, State, profile::ProfileAction, trainings,
    turn::Turn,
};
use crate::domain::{Language, StartPayload, area::VillageCode};
use crate::store::{profiles, users};

pub(crate) fn menu_button() -> Button {
    Button::action(Msg::new("button-menu"), Action::Menu)
}

/// The main menu as buttons; every screen leads back here.
pub(crate) fn main_menu(turn: &Turn<'_>) -> Keyboard {
    Keyboard::Inline(main_menu_rows(turn))
}

fn main_menu_rows(turn: &Turn<'_>) -> Vec<Vec<Button>> {
    let mut rows = vec![
        vec![Button::action(
            Msg::new("menu-button-emergency"),
            super::pillars::PillarsAction::Emergency.into(),
        )],
        vec![
            trainings::menu_button(),
            Button::action(
                Msg::new("menu-button-profile"),
                Action::Profile(ProfileAction::Show),
            ),
        ],
    ];
    rows.extend(super::pillars::menu_rows(turn));
    rows.push(vec![
        Button::action(
            Msg::new("question-button-mine"),
            super::pillars::PillarsAction::MyQuestions.into(),
        ),
        Button::action(
            Msg::new("menu-button-my-officer"),
            Action::Staff(super::staff::StaffAction::MyOfficer),
        ),
    ]);
    rows.push(vec![
        Button::action(Msg::new("menu-button-language"), Action::LanguageMenu),
        Button::action(Msg::new("menu-button-help"), Action::Help),
    ]);
    rows
}

fn language_buttons() -> Keyboard {
    Keyboard::Inline(vec![vec![
        Button::action(
            Msg::new("language-button-id"),
            Action::SetLanguage(Language::Id),
        ),
        Button::action(
            Msg::new("language-button-en"),
            Action::SetLanguage(Language::En),
        ),
    ]])
}

/// `/start [payload]`: on first contact a welcome with the language choice; later the menu.
pub(crate) async fn start(turn: &mut Turn<'_>, args: &str) -> Result<()> {
    let mut training = None;
    let mut invitation = None;
    match StartPayload::parse(args) {
        StartPayload::Invitation(token) => invitation = Some(token),
        StartPayload::Village(code) => remember_village(turn, &code).await?,
        StartPayload::Training(id) => training = Some(id),
        StartPayload::Unknown => tracing::debug!("start payload not recognised; greeting normally"),
        StartPayload::None => {}
    }
    let language_chosen = turn.user.as_ref().is_some_and(|u| u.language_chosen);
    if !language_chosen {
        // The language choice first, and the menu right under it for those who are happy
        // with the language they are greeted in.
        let mut rows = language_buttons().rows().to_vec();
        rows.extend(main_menu(turn).rows().iter().cloned());
        turn.send(
            vec![Msg::new("welcome-first"), Msg::new("welcome-choose")],
            Keyboard::Inline(rows),
        );
        if let Some(id) = training {
            trainings::open(turn, id).await?;
        }
        if let Some(token) = invitation {
            super::staff::start_link(turn, &token).await?;
        }
        return Ok(());
    }
    if let Some(token) = invitation {
        return super::staff::start_link(turn, &token).await;
    }
    if let Some(id) = training {
        return trainings::open(turn, id).await;
    }
    let keyboard = main_menu(turn);
    turn.send(
        vec![Msg::new("welcome-back"), Msg::new("menu-title")],
        keyboard,
    );
    ask_for_village_once(turn).await
}

/// A poster's village link (`desa-3212162004`, or an old `desa-kenanga_indramayu` that names
/// one village only): offered as the village when the user registers.
async fn remember_village(turn: &mut Turn<'_>, code: &str) -> Result<()> {
    let places = turn.places().await?;
    let village = match VillageCode::parse(code) {
        Some(code) => places.village(code),
        None => places.village_by_slug(code).and_then(|c| places.village(c)),
    };
    let Some(village) = village else {
        tracing::debug!("poster link names no village of the list; greeting normally");
        return Ok(());
    };
    match &mut turn.state {
        State::Registration(registration) => registration.draft.village_offer = Some(village),
        state if state.is_idle() || matches!(state, State::Arrived { .. }) => {
            *state = State::Arrived { village }
        }
        // In the middle of something else: that carries on.
        _ => {}
    }
    Ok(())
}

pub(crate) async fn show_menu(turn: &mut Turn<'_>) -> Result<()> {
    // The menu leaves a question the bot asked about a question, an application or an
    // emergency: what is typed next is taken afresh, not as the answer to that.
    if matches!(turn.state, State::Pillars(_) | State::Agency(_)) {
        turn.state = State::Idle;
    }
    // A registration left halfway: said, with the way to carry on (what is typed next still
    // answers its question).
    if matches!(&turn.state, State::Registration(r) if r.mode == super::registration::Mode::New) {
        let mut rows = main_menu_rows(turn);
        rows.insert(
            0,
            vec![Button::action(
                Msg::new("profile-button-continue"),
                Action::Profile(ProfileAction::Show),
            )],
        );
        turn.show(
            vec![
                Msg::new("menu-registration-unfinished"),
                Msg::new("menu-title"),
            ],
            Keyboard::Inline(rows),
        );
        return Ok(());
    }
    let keyboard = main_menu(turn);
    turn.show(vec![Msg::new("menu-title")], keyboard);
    ask_for_village_once(turn).await
}

/// Someone who registered before villages were a list, and whose typed village matched no
/// village of it, is asked once (the next time they open the menu) to choose it.
async fn ask_for_village_once(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    if !profiles::ask_for_village_once(turn.tx, user_id, turn.now).await? {
        return Ok(());
    }
    let Some(profile) = profiles::find(turn.tx, user_id).await? else {
        return Ok(());
    };
    turn.send(
        vec![
            Msg::new("registration-village-update")
                .arg("village", profile.village.as_str())
                .arg("district", profile.district.as_str()),
        ],
        Keyboard::Inline(vec![
            vec![Button::action(
                Msg::new("registration-village-update-choose"),
                Action::Profile(ProfileAction::Edit(Field::Village)),
            )],
            vec![Button::action(
                Msg::new("registration-village-update-later"),
                Action::Menu,
            )],
        ]),
    );
    Ok(())
}

pub(crate) async fn help(turn: &mut Turn<'_>) -> Result<()> {
    let mut text = vec![Msg::new("help-text")];
    if let Some((role, _)) = turn.role() {
        // What this role can do, as the invitation said, then the commands.
        text = vec![
            super::staff::can_msg(turn, role),
            Msg::new("help-officer"),
            Msg::new("help-text-short"),
        ];
    }
    turn.show(text, Keyboard::Inline(vec![vec![menu_button()]]));
    Ok(())
}

pub(crate) async fn language_menu(turn: &mut Turn<'_>) -> Result<()> {
    turn.show(vec![Msg::new("language-choose")], language_buttons());
    Ok(())
}

/// Switches the language for good: replies, the menu, and this chat's command menu.
pub(crate) async fn set_language(turn: &mut Turn<'_>, language: Language) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    users::set_language(turn.tx, user_id, language).await?;
    turn.lang = language;
    let keyboard = main_menu(turn);
    turn.show(
        vec![Msg::new("language-set"), Msg::new("menu-title")],
        keyboard,
    );
    let menu = command_menu_of(turn);
    turn.push(ReplyKind::command_menu(menu));
    Ok(())
}

/// The command menu the sender should have.
pub(crate) fn command_menu_of(turn: &Turn<'_>) -> super::command::Menu {
    use super::command::Menu;
    match turn.role() {
        _ if turn.is_admin() => Menu::Admin,
        Some(_) => Menu::Staff,
        None => Menu::Everyone,
    }
}

/// `/cancel`: leave whatever step the user is in.
pub(crate) async fn cancel(turn: &mut Turn<'_>) -> Result<()> {
    let id = match turn.state {
        State::Idle | State::Arrived { .. } => "cancel-nothing",
        _ => "cancel-done",
    };
    super::broadcast::discard(turn).await?;
    if turn.state.shows_reply_keyboard() {
        turn.send(vec![Msg::new(id)], Keyboard::Remove);
        turn.state = State::Idle;
        let keyboard = main_menu(turn);
        turn.send(vec![Msg::new("menu-title")], keyboard);
        return Ok(());
    }
    turn.state = State::Idle;
    let keyboard = main_menu(turn);
    turn.show(vec![Msg::new(id), Msg::new("menu-title")], keyboard);
    Ok(())
}
