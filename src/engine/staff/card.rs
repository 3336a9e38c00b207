//! The contact card a staff member sets for themselves (a public name, an office phone or
//! WhatsApp, hours, an address), and «Petugas desa saya»: the cards people see of their own
//! village's officers, else their regency's coordinators, else the national hotlines. Never
//! anyone's own Telegram account.

use super::{StaffAction, StaffState, button, home_button};
use crate::domain::{Phone, staff::Area, text};
use crate::engine::{Arg, Keyboard, Msg, Result, State, fallback, menu, turn::Turn};
use crate::store::{
    profiles,
    staff::{self, Card, CardField},
};

/// What a staff member sends to clear a field.
const CLEAR: &str = "-";

fn max_chars(field: CardField) -> usize {
    match field {
        CardField::Name | CardField::Hours => 80,
        CardField::Phone => 40,
        CardField::Address => 160,
    }
}

fn value(v: &Option<String>) -> Arg {
    match v {
        Some(v) => Arg::Text(v.clone()),
        None => Arg::Msg(Box::new(Msg::new("staff-card-empty"))),
    }
}

/// A card as people read it.
pub(super) fn card_text(card: &Card) -> Msg {
    Msg::new("staff-card")
        .arg("name", value(&card.name))
        .arg("phone", value(&card.phone))
        .arg("hours", value(&card.hours))
        .arg("address", value(&card.address))
}

/// The sender's own card, a button per field.
pub(super) async fn show(turn: &mut Turn<'_>) -> Result<()> {
    turn.state = State::Idle;
    let Some(member) = turn.staff.clone() else {
        // An admin of ADMIN_IDS only: people are shown the hotlines, not a card of theirs.
        turn.show(
            vec![Msg::new("staff-card-configured-admin")],
            Keyboard::Inline(vec![vec![home_button()]]),
        );
        return Ok(());
    };
    let mut rows: Vec<Vec<crate::engine::Button>> = CardField::ALL
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|f| {
                    button(
                        Msg::new(format!("staff-card-edit-{}", f.code())),
                        StaffAction::EditCard(*f),
                    )
                })
                .collect()
        })
        .collect();
    rows.push(vec![home_button()]);
    turn.show(
        vec![
            Msg::new("staff-card-title"),
            card_text(&member.card),
            Msg::new("staff-card-who-sees"),
        ],
        Keyboard::Inline(rows),
    );
    Ok(())
}

pub(super) async fn edit(turn: &mut Turn<'_>, field: CardField) -> Result<()> {
    if turn.staff.is_none() {
        return show(turn).await;
    }
    turn.state = State::Staff(StaffState::EditingCard { field });
    turn.show(
        vec![
            Msg::new(format!("staff-card-ask-{}", field.code()))
                .arg("max", max_chars(field) as i64)
                .arg("clear", CLEAR),
        ],
        super::cancel_keyboard(),
    );
    Ok(())
}

/// A typed card field: checked, then saved (or cleared with `-`).
pub(super) async fn save(turn: &mut Turn<'_>, field: CardField, typed: &str) -> Result<()> {
    let Some(user_id) = turn.staff.as_ref().map(|s| s.user_id) else {
        turn.state = State::Idle;
        fallback::not_an_officer(turn);
        return Ok(());
    };
    let typed = text::one_line(typed);
    let value = if typed == CLEAR {
        None
    } else if typed.chars().count() > max_chars(field) || typed.chars().count() < 2 {
        turn.send(
            vec![Msg::new("staff-card-length").arg("max", max_chars(field) as i64)],
            super::cancel_keyboard(),
        );
        return Ok(());
    } else if field == CardField::Phone {
        match Phone::parse(&typed) {
            Ok(phone) => Some(phone.as_str().to_owned()),
            Err(_) => {
                turn.send(vec![Msg::new("staff-card-phone")], super::cancel_keyboard());
                return Ok(());
            }
        }
    } else {
        Some(typed)
    };
    staff::set_card(turn.tx, user_id, field, value.as_deref()).await?;
    turn.staff = staff::find(turn.tx, user_id).await?;
    turn.send(vec![Msg::new("staff-card-saved")], Keyboard::None);
    show(turn).await
}

/// «Petugas desa saya»: the cards of the person's village officers; else of their regency's
/// coordinators; else the national hotlines (always shown too).
pub(crate) async fn my_village_officer(turn: &mut Turn<'_>) -> Result<()> {
    turn.state = State::Idle;
    let profile = match turn.user_id() {
        Some(user_id) => profiles::find(turn.tx, user_id).await?,
        None => None,
    };
    let mut text = Vec::new();
    let mut rows = Vec::new();
    match profile.as_ref().and_then(|p| p.village_code) {
        None => {
            text.push(Msg::new(if profile.is_some() {
                "staff-mine-no-village"
            } else {
                "staff-mine-unregistered"
            }));
            if profile.is_some() {
                rows.push(vec![crate::engine::Button::action(
                    Msg::new("registration-village-update-choose"),
                    crate::engine::Action::Profile(crate::engine::profile::ProfileAction::Edit(
                        crate::engine::registration::Field::Village,
                    )),
                )]);
            } else {
                rows.push(vec![crate::engine::Button::action(
                    Msg::new("menu-button-profile"),
                    crate::engine::Action::Profile(crate::engine::profile::ProfileAction::Show),
                )]);
            }
        }
        Some(code) => {
            let village = super::area_name(turn, Area::Village(code)).await?;
            let officers = with_cards(staff::serving(turn.tx, Area::Village(code)).await?);
            if !officers.is_empty() {
                text.push(Msg::new("staff-mine-officers").arg("village", village));
                text.extend(officers.iter().map(|m| card_text(&m.card)));
            } else {
                let regency = code.regency();
                let coordinators =
                    with_cards(staff::serving(turn.tx, Area::Regency(regency)).await?);
                let name = super::area_name(turn, Area::Regency(regency)).await?;
                if !coordinators.is_empty() {
                    text.push(
                        Msg::new("staff-mine-coordinators")
                            .arg("village", village)
                            .arg("regency", name),
                    );
                    text.extend(coordinators.iter().map(|m| card_text(&m.card)));
                } else {
                    text.push(Msg::new("staff-mine-nobody").arg("village", village));
                }
            }
        }
    }
    text.push(Msg::new("staff-mine-national"));
    rows.push(vec![menu::menu_button()]);
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

/// Only members who have filled in a card can be shown to people.
fn with_cards(members: Vec<staff::Member>) -> Vec<staff::Member> {
    members.into_iter().filter(|m| !m.card.is_empty()).collect()
}
