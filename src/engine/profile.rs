//! /profile (/profil): the saved registration, one button per answer to change it, and the
//! way to one's data and its erasure.

use serde::{Deserialize, Serialize};

use super::{
    Action, Button, Keyboard, Msg, Result, State,
    action::FeatureAction,
    menu, privacy,
    registration::{self, Draft, Field},
    turn::Turn,
};
use crate::store::profiles;

/// The profile screen's buttons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileAction {
    /// The profile, or registration for someone not registered.
    Show,
    Edit(Field),
    MyData,
    Delete,
    DeleteConfirmed,
}

impl FeatureAction for ProfileAction {
    const TAG: &'static str = "me";

    fn fields(&self) -> Vec<String> {
        match self {
            ProfileAction::Show => vec!["show".into()],
            ProfileAction::Edit(f) => vec!["edit".into(), f.code().into()],
            ProfileAction::MyData => vec!["data".into()],
            ProfileAction::Delete => vec!["del".into()],
            ProfileAction::DeleteConfirmed => vec!["del".into(), "yes".into()],
        }
    }

    fn parse(fields: &[&str]) -> Option<ProfileAction> {
        Some(match fields {
            ["show"] => ProfileAction::Show,
            ["edit", f] => ProfileAction::Edit(Field::parse(f)?),
            ["data"] => ProfileAction::MyData,
            ["del"] => ProfileAction::Delete,
            ["del", "yes"] => ProfileAction::DeleteConfirmed,
            _ => return None,
        })
    }
}

pub(crate) async fn on_action(turn: &mut Turn<'_>, action: ProfileAction) -> Result<()> {
    match action {
        ProfileAction::Show => show_or_register(turn).await,
        ProfileAction::Edit(field) => registration::edit_profile_field(turn, field).await,
        ProfileAction::MyData => privacy::my_data(turn).await,
        ProfileAction::Delete => privacy::ask_to_delete(turn).await,
        ProfileAction::DeleteConfirmed => privacy::delete(turn).await,
    }
}

/// «📝 Daftar sekarang»: registration, for someone not registered yet.
pub(crate) fn register_button() -> Button {
    Button::action(
        Msg::new("profile-button-register"),
        Action::Profile(ProfileAction::Show),
    )
}

/// The menu's profile button: the profile, or registration for someone not registered yet.
pub(crate) async fn show_or_register(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    if profiles::is_registered(turn.tx, user_id).await? {
        show(turn).await
    } else {
        registration::start(turn).await
    }
}

pub(crate) async fn show(turn: &mut Turn<'_>) -> Result<()> {
    show_with(turn, "profile-title").await
}

pub(crate) async fn show_updated(turn: &mut Turn<'_>) -> Result<()> {
    show_with(turn, "profile-updated").await
}

async fn show_with(turn: &mut Turn<'_>, heading: &str) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let Some(saved) = profiles::find(turn.tx, user_id).await? else {
        // Halfway through a registration: the answers so far are kept, to carry on with.
        let unfinished = matches!(
            &turn.state,
            State::Registration(r) if r.mode == registration::Mode::New
        );
        let (text, button) = if unfinished {
            (
                "profile-registration-unfinished",
                Button::action(
                    Msg::new("profile-button-continue"),
                    Action::Profile(ProfileAction::Show),
                ),
            )
        } else {
            ("profile-not-registered", register_button())
        };
        let keyboard = Keyboard::Inline(vec![vec![button], vec![menu::menu_button()]]);
        turn.show(vec![Msg::new(text)], keyboard);
        return Ok(());
    };
    let draft = Draft::from_profile(&saved);
    let edits: Vec<Button> = Field::sequence(Some(saved.role))
        .into_iter()
        .map(|f| {
            Button::action(
                Msg::new(format!("registration-edit-{}", f.code())),
                Action::Profile(ProfileAction::Edit(f)),
            )
        })
        .collect();
    let mut rows: Vec<Vec<Button>> = edits.chunks(2).map(<[Button]>::to_vec).collect();
    rows.push(vec![
        Button::action(
            Msg::new("profile-button-my-data"),
            Action::Profile(ProfileAction::MyData),
        ),
        Button::action(
            Msg::new("profile-button-delete"),
            Action::Profile(ProfileAction::Delete),
        ),
    ]);
    rows.push(vec![menu::menu_button()]);
    turn.show(
        vec![Msg::new(heading), registration::card(&draft)],
        Keyboard::Inline(rows),
    );
    Ok(())
}
