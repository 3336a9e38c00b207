//! /petugas (/officers): the programme's staff, managed in the bot. An admin manages everyone
//! and the programme's villages; a coordinator invites and removes the village officers of
//! their regencies; every staff member keeps their own contact card, which people see under
//! «Petugas desa saya». Every change goes to the audit log.

mod card;
mod invitations;
mod people;

use serde::{Deserialize, Serialize};

pub(crate) use invitations::start_link;
pub(crate) use people::{removable, visible};

use super::{
    Action, Button, Event, Keyboard, Msg, Result, State,
    action::FeatureAction,
    action::parse_id,
    fallback, menu,
    places::{Next, Pick},
    turn::Turn,
};
use crate::domain::{
    area::VillageCode,
    staff::{Area, StaffRole},
};
use crate::store::staff::CardField;

/// The staff screens' buttons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffAction {
    Home,
    /// Everyone the viewer may see, by area.
    List,
    Member(i64),
    Remove(i64),
    RemoveConfirmed(i64),
    Invite,
    InviteAs(StaffRole),
    /// A step of choosing the village (or regency) to invite for, or to mark.
    Place(Pick),
    Invitations,
    CancelInvitation(i64),
    /// The invited person takes the invitation (its token, from their link).
    Accept(String),
    Decline,
    Programme,
    MarkVillage,
    Unmark(VillageCode),
    Card,
    EditCard(CardField),
    /// Shown to everyone: the officers of one's village.
    MyOfficer,
}

/// What a staff screen waits for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum StaffState {
    /// The village (an officer's) or regency (a coordinator's) of an invitation.
    Inviting {
        role: StaffRole,
        /// After «by regency»: what is typed names a regency.
        #[serde(default)]
        by_regency: bool,
    },
    /// A village to mark as the programme's (or a file of their codes).
    Marking {
        #[serde(default)]
        by_regency: bool,
    },
    EditingCard {
        field: CardField,
    },
}

/// An invitation token in a link: 32 hexadecimal digits.
pub(crate) fn is_token(text: &str) -> bool {
    text.len() == 32
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl FeatureAction for StaffAction {
    const TAG: &'static str = "staff";

    fn fields(&self) -> Vec<String> {
        let one = |a: &str| vec![a.to_owned()];
        let two = |a: &str, b: String| vec![a.to_owned(), b];
        match self {
            StaffAction::Home => one("home"),
            StaffAction::List => one("list"),
            StaffAction::Member(id) => two("m", id.to_string()),
            StaffAction::Remove(id) => two("rm", id.to_string()),
            StaffAction::RemoveConfirmed(id) => vec!["rm".into(), id.to_string(), "yes".into()],
            StaffAction::Invite => one("inv"),
            StaffAction::InviteAs(role) => two("inv", role.code().into()),
            StaffAction::Place(pick) => {
                let mut fields = one("p");
                fields.extend(pick.fields());
                fields
            }
            StaffAction::Invitations => one("open"),
            StaffAction::CancelInvitation(id) => two("open", id.to_string()),
            StaffAction::Accept(token) => two("ok", token.clone()),
            StaffAction::Decline => one("no"),
            StaffAction::Programme => one("prog"),
            StaffAction::MarkVillage => two("prog", "add".into()),
            StaffAction::Unmark(code) => two("prog", code.compact()),
            StaffAction::Card => one("card"),
            StaffAction::EditCard(field) => two("card", field.code().into()),
            StaffAction::MyOfficer => one("mine"),
        }
    }

    fn parse(fields: &[&str]) -> Option<StaffAction> {
        Some(match fields {
            ["home"] => StaffAction::Home,
            ["list"] => StaffAction::List,
            ["m", id] => StaffAction::Member(parse_id(id)?),
            ["rm", id] => StaffAction::Remove(parse_id(id)?),
            ["rm", id, "yes"] => StaffAction::RemoveConfirmed(parse_id(id)?),
            ["inv"] => StaffAction::Invite,
            ["inv", role] => StaffAction::InviteAs(StaffRole::parse(role)?),
            ["p", pick @ ..] => StaffAction::Place(Pick::parse(pick)?),
            ["open"] => StaffAction::Invitations,
            ["open", id] => StaffAction::CancelInvitation(parse_id(id)?),
            ["ok", token] if is_token(token) => StaffAction::Accept((*token).to_owned()),
            ["no"] => StaffAction::Decline,
            ["prog"] => StaffAction::Programme,
            ["prog", "add"] => StaffAction::MarkVillage,
            ["prog", code] if code.bytes().all(|b| b.is_ascii_digit()) => {
                StaffAction::Unmark(VillageCode::parse(code)?)
            }
            ["card"] => StaffAction::Card,
            ["card", field] => StaffAction::EditCard(CardField::parse(field)?),
            ["mine"] => StaffAction::MyOfficer,
            _ => return None,
        })
    }
}

impl From<StaffAction> for Action {
    fn from(action: StaffAction) -> Action {
        Action::Staff(action)
    }
}

fn button(label: Msg, action: StaffAction) -> Button {
    Button::action(label, action.into())
}

fn home_button() -> Button {
    button(Msg::new("staff-button-home"), StaffAction::Home)
}

/// /petugas: what the sender may do, as buttons.
/// What a role can do, as an invitation, /petugas and /bantuan say it.
pub(crate) fn can_msg(turn: &Turn<'_>, role: StaffRole) -> Msg {
    Msg::new(format!("staff-can-{}", role.code()))
        .arg("hours", turn.settings.escalate_after.num_hours().max(1))
}

pub(crate) async fn home(turn: &mut Turn<'_>) -> Result<()> {
    let Some((role, _)) = turn.role() else {
        fallback::not_an_officer(turn);
        return Ok(());
    };
    turn.state = State::Idle;
    let areas = own_areas(turn).await?;
    let mut rows = Vec::new();
    if role != StaffRole::Officer {
        rows.push(vec![
            button(Msg::new("staff-button-list"), StaffAction::List),
            button(Msg::new("staff-button-invite"), StaffAction::Invite),
        ]);
        rows.push(vec![button(
            Msg::new("staff-button-invitations"),
            StaffAction::Invitations,
        )]);
    }
    if role == StaffRole::Admin {
        rows.push(vec![button(
            Msg::new("staff-button-programme"),
            StaffAction::Programme,
        )]);
    }
    if turn.staff.is_some() {
        rows.push(vec![button(
            Msg::new("staff-button-card"),
            StaffAction::Card,
        )]);
    }
    rows.push(vec![menu::menu_button()]);
    turn.show(
        vec![
            Msg::new("staff-home")
                .arg("role", Msg::new(role.message_id()))
                .arg("areas", areas),
            can_msg(turn, role),
        ],
        Keyboard::Inline(rows),
    );
    Ok(())
}

/// An invitation made in the console, for `area` (its kind says the role): as the bot's
/// «Undang», within what the sender may appoint.
pub(crate) async fn console_invite(turn: &mut Turn<'_>, area: Area) -> Result<()> {
    match turn.role() {
        Some((role, scope)) if role != StaffRole::Officer => {
            invitations::create(turn, role, &scope, area).await
        }
        _ => {
            fallback::not_an_officer(turn);
            Ok(())
        }
    }
}

/// The sender's own areas, named.
async fn own_areas(turn: &mut Turn<'_>) -> Result<super::Arg> {
    let areas = match &turn.staff {
        Some(staff) if staff.role != StaffRole::Admin => staff.areas.clone(),
        _ => vec![Area::Country],
    };
    let mut names = Vec::new();
    for area in areas {
        names.push(area_name(turn, area).await?);
    }
    Ok(super::Arg::List(names))
}

/// An area as people read it: «Kenanga — Sindang, Indramayu», «Indramayu», «seluruh Indonesia».
async fn area_name(turn: &mut Turn<'_>, area: Area) -> Result<Msg> {
    super::places::area_name(turn, area).await
}

pub(crate) async fn on_action(turn: &mut Turn<'_>, action: StaffAction) -> Result<()> {
    match action {
        // Anyone: the invitation a link brought, and the officers of one's village.
        StaffAction::Accept(token) => return invitations::accept(turn, &token).await,
        StaffAction::Decline => return invitations::decline(turn).await,
        StaffAction::MyOfficer => return card::my_village_officer(turn).await,
        _ => {}
    }
    let Some((role, scope)) = turn.role() else {
        fallback::not_an_officer(turn);
        return Ok(());
    };
    match action {
        StaffAction::Home => home(turn).await,
        StaffAction::Card => card::show(turn).await,
        StaffAction::EditCard(field) => card::edit(turn, field).await,
        _ if role == StaffRole::Officer => {
            fallback::not_an_officer(turn);
            Ok(())
        }
        StaffAction::List => people::list(turn, &scope).await,
        StaffAction::Member(id) => people::member(turn, &scope, id).await,
        StaffAction::Remove(id) => people::ask_to_remove(turn, &scope, id).await,
        StaffAction::RemoveConfirmed(id) => people::remove(turn, &scope, id).await,
        StaffAction::Invite => invitations::choose_role(turn, role).await,
        StaffAction::InviteAs(invited) => invitations::ask_area(turn, role, invited).await,
        StaffAction::Place(pick) => on_pick(turn, role, &scope, pick).await,
        StaffAction::Invitations => invitations::list(turn, &scope).await,
        StaffAction::CancelInvitation(id) => invitations::cancel(turn, &scope, id).await,
        _ if role != StaffRole::Admin => {
            fallback::not_an_officer(turn);
            Ok(())
        }
        StaffAction::Programme => people::programme(turn).await,
        StaffAction::MarkVillage => people::ask_programme_village(turn).await,
        StaffAction::Unmark(code) => people::set_programme(turn, code, false).await,
        StaffAction::Accept(_) | StaffAction::Decline | StaffAction::MyOfficer => Ok(()),
    }
}

/// A village or regency chosen, for an invitation or the programme's villages.
async fn on_pick(
    turn: &mut Turn<'_>,
    role: StaffRole,
    scope: &crate::domain::staff::Scope,
    pick: Pick,
) -> Result<()> {
    let wrap = |p| StaffAction::Place(p).into();
    let state = match turn.state.clone() {
        State::Staff(state @ (StaffState::Inviting { .. } | StaffState::Marking { .. })) => state,
        _ => return expired(turn),
    };
    // A coordinator's invitation is for a regency, chosen from the regencies' list.
    if let StaffState::Inviting {
        role: StaffRole::Coordinator,
        ..
    } = state
    {
        return match pick {
            Pick::Regency(code) if turn.places().await?.regency_name(code).is_some() => {
                invitations::create(turn, role, scope, Area::Regency(code)).await
            }
            _ => expired(turn),
        };
    }
    if matches!(state, StaffState::Marking { .. }) && role != StaffRole::Admin {
        return expired(turn);
    }
    match super::places::follow(turn, pick, wrap).await? {
        Next::Chosen(hit) => match state {
            StaffState::Marking { .. } => people::set_programme(turn, hit.code, true).await,
            _ => invitations::create(turn, role, scope, Area::Village(hit.code)).await,
        },
        Next::Screen { screen, by_regency } => {
            turn.state = State::Staff(match state {
                StaffState::Inviting { role, .. } => StaffState::Inviting { role, by_regency },
                _ => StaffState::Marking { by_regency },
            });
            let (text, keyboard) = screen.keyboard(vec![home_button()]);
            turn.show(text, keyboard);
            Ok(())
        }
        Next::Gone => expired(turn),
    }
}

fn expired(turn: &mut Turn<'_>) -> Result<()> {
    fallback::old_button(turn);
    Ok(())
}

/// Text while a staff screen waits for something typed.
pub(crate) async fn on_event(turn: &mut Turn<'_>, state: StaffState, event: &Event) -> Result<()> {
    let Some((role, scope)) = turn.role() else {
        turn.state = State::Idle;
        fallback::not_an_officer(turn);
        return Ok(());
    };
    let text = match event {
        Event::Text {
            text,
            forwarded: false,
            ..
        } => text.as_str(),
        Event::Document { .. } if matches!(state, StaffState::Marking { .. }) => {
            if role != StaffRole::Admin {
                turn.state = State::Idle;
                fallback::not_an_officer(turn);
                return Ok(());
            }
            return people::programme_file(turn, event).await;
        }
        _ => {
            turn.send(vec![Msg::new("staff-type-it")], cancel_keyboard());
            return Ok(());
        }
    };
    let wrap = |p| StaffAction::Place(p).into();
    let screen = match state {
        StaffState::EditingCard { field } => return card::save(turn, field, text).await,
        StaffState::Inviting {
            role: StaffRole::Coordinator,
            ..
        }
        | StaffState::Inviting {
            by_regency: true, ..
        } => super::places::regencies(turn, text, wrap).await?,
        StaffState::Inviting { .. } => {
            super::places::search_where(turn, text, wrap, |code| scope.covers_village(code)).await?
        }
        StaffState::Marking { by_regency } if role == StaffRole::Admin => {
            super::places::typed(turn, text, by_regency, wrap).await?
        }
        StaffState::Marking { .. } => {
            turn.state = State::Idle;
            fallback::not_an_officer(turn);
            return Ok(());
        }
    };
    let (text, keyboard) = screen.keyboard(vec![home_button()]);
    turn.send(text, keyboard);
    Ok(())
}

fn cancel_keyboard() -> Keyboard {
    Keyboard::Inline(vec![vec![
        home_button(),
        Button::action(Msg::new("button-cancel"), Action::Cancel),
    ]])
}

/// Marks the villages of a file of codes as the programme's: every code must be a village of
/// the list, or nothing is marked. Returns how many were newly marked, or the lines that are
/// not (unknown codes by their line).
pub(crate) async fn mark_programme_file(
    tx: &mut crate::store::Tx,
    csv: &[u8],
) -> Result<Result<(u64, usize), Vec<crate::domain::area::CodeLineError>>> {
    let codes = match crate::domain::area::village_codes_csv(csv) {
        Ok(codes) => codes,
        Err(errors) => return Ok(Err(errors)),
    };
    let missing = crate::store::areas::not_listed(tx, &codes).await?;
    if !missing.is_empty() {
        // Their lines: the n-th code read is on some line; name the codes, which say it all.
        return Ok(Err(missing
            .into_iter()
            .map(|code| crate::domain::area::CodeLineError {
                line: 0,
                cell: code.to_string(),
            })
            .collect()));
    }
    let marked = crate::store::areas::set_programme(tx, &codes, true).await?;
    Ok(Ok((marked, codes.len())))
}
