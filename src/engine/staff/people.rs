//! The staff list by area, one member's page, removing someone's rights, and the programme's
//! villages.

use super::{StaffAction, StaffState, area_name, button, home_button};
use crate::domain::{
    area::VillageCode,
    staff::{Area, Scope, may_appoint},
};
use crate::engine::{Keyboard, Msg, Result, State, fallback, turn::Turn};
use crate::store::{areas, audit, staff};

/// People on one screen at most.
const SHOWN: usize = 40;

/// The areas of `member` the viewer may see.
pub(crate) fn visible(scope: &Scope, member: &staff::Member) -> Vec<Area> {
    member
        .areas
        .iter()
        .copied()
        .filter(|a| scope.covers(*a))
        .collect()
}

/// A member's name as the staff list shows it: their card's name, else their number.
fn name(member: &staff::Member) -> Msg {
    match &member.card.name {
        Some(name) => Msg::new("staff-member-name").arg("name", name.as_str()),
        None => Msg::new("staff-member-unnamed").arg("id", member.user_id),
    }
}

/// Everyone the viewer may see: an admin everyone, a coordinator the officers of their
/// regencies. The admins of `ADMIN_IDS` are listed for admins, as they cannot be removed here.
pub(super) async fn list(turn: &mut Turn<'_>, scope: &Scope) -> Result<()> {
    let mut members: Vec<staff::Member> = staff::all(turn.tx)
        .await?
        .into_iter()
        .filter(|m| !visible(scope, m).is_empty() || (*scope == Scope::Country))
        .collect();
    members.sort_by_key(|m| (m.role, m.areas.first().copied()));
    let total = members.len();
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    for member in members.iter().take(SHOWN) {
        let mut areas = Vec::new();
        for area in visible(scope, member) {
            areas.push(area_name(turn, area).await?);
        }
        lines.push(
            Msg::new("staff-list-line")
                .arg("role", Msg::new(member.role.message_id()))
                .arg("name", name(member))
                .arg("areas", crate::engine::Arg::List(areas)),
        );
        rows.push(vec![button(
            name(member),
            StaffAction::Member(member.user_id),
        )]);
    }
    let mut text = vec![Msg::new("staff-list-title").arg("count", total as i64)];
    if *scope == Scope::Country {
        text.push(
            Msg::new("staff-list-configured").arg("count", turn.settings.admins.len() as i64),
        );
    }
    text.extend(lines);
    if total > SHOWN {
        text.push(Msg::new("staff-list-more").arg("count", (total - SHOWN) as i64));
    }
    rows.push(vec![
        button(Msg::new("staff-button-invite"), StaffAction::Invite),
        home_button(),
    ]);
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

/// A member the viewer may see, else nothing (another area's: like a forged button).
async fn visible_member(
    turn: &mut Turn<'_>,
    scope: &Scope,
    user_id: i64,
) -> Result<Option<staff::Member>> {
    let member = staff::find(turn.tx, user_id).await?;
    match member {
        Some(m) if *scope == Scope::Country || !visible(scope, &m).is_empty() => Ok(Some(m)),
        _ => {
            fallback::old_button(turn);
            Ok(None)
        }
    }
}

/// May the viewer remove `member` (or their areas within the viewer's)?
fn may_remove(turn: &Turn<'_>, scope: &Scope, member: &staff::Member) -> bool {
    let Some((role, _)) = turn.role() else {
        return false;
    };
    removable(role, scope, turn.user_id(), member)
}

/// May staff member `viewer` (of `role` over `scope`) remove `member`: not themselves, and
/// only someone with an area they could have appointed.
pub(crate) fn removable(
    role: crate::domain::staff::StaffRole,
    scope: &Scope,
    viewer: Option<i64>,
    member: &staff::Member,
) -> bool {
    viewer != Some(member.user_id)
        && visible(scope, member)
            .into_iter()
            .any(|area| may_appoint(role, scope, area))
}

pub(super) async fn member(turn: &mut Turn<'_>, scope: &Scope, user_id: i64) -> Result<()> {
    let Some(member) = visible_member(turn, scope, user_id).await? else {
        return Ok(());
    };
    let mut areas = Vec::new();
    for area in visible(scope, &member) {
        areas.push(area_name(turn, area).await?);
    }
    let card = super::card::card_text(&member.card);
    let mut rows = Vec::new();
    if may_remove(turn, scope, &member) {
        rows.push(vec![button(
            Msg::new("staff-button-remove"),
            StaffAction::Remove(user_id),
        )]);
    }
    rows.push(vec![
        button(Msg::new("staff-button-list"), StaffAction::List),
        home_button(),
    ]);
    turn.show(
        vec![
            Msg::new("staff-member")
                .arg("role", Msg::new(member.role.message_id()))
                .arg("name", name(&member))
                .arg("areas", crate::engine::Arg::List(areas))
                .arg("since", crate::engine::Arg::Time(member.since)),
            card,
        ],
        Keyboard::Inline(rows),
    );
    Ok(())
}

pub(super) async fn ask_to_remove(turn: &mut Turn<'_>, scope: &Scope, user_id: i64) -> Result<()> {
    let Some(member) = visible_member(turn, scope, user_id).await? else {
        return Ok(());
    };
    if !may_remove(turn, scope, &member) {
        fallback::old_button(turn);
        return Ok(());
    }
    turn.show(
        vec![Msg::new("staff-remove-ask").arg("name", name(&member))],
        Keyboard::Inline(vec![
            vec![button(
                Msg::new("staff-button-remove-confirm"),
                StaffAction::RemoveConfirmed(user_id),
            )],
            vec![button(
                Msg::new("button-back"),
                StaffAction::Member(user_id),
            )],
        ]),
    );
    Ok(())
}

/// Ends the rights at once: an admin removes the member, a coordinator the areas of theirs.
pub(super) async fn remove(turn: &mut Turn<'_>, scope: &Scope, user_id: i64) -> Result<()> {
    let Some(by) = turn.user_id() else {
        return Ok(());
    };
    let Some(member) = visible_member(turn, scope, user_id).await? else {
        return Ok(());
    };
    if !may_remove(turn, scope, &member) {
        fallback::old_button(turn);
        return Ok(());
    }
    let areas: Vec<Area> = match scope {
        Scope::Country => member.areas.clone(),
        _ => visible(scope, &member),
    };
    for area in &areas {
        staff::remove_area(turn.tx, user_id, *area).await?;
    }
    if *scope == Scope::Country {
        staff::remove(turn.tx, user_id).await?;
    }
    // What they had taken and not answered goes back to its level, and may go up from now.
    crate::store::questions::give_back(turn.tx, user_id, turn.now).await?;
    crate::store::cooperative::give_back(turn.tx, user_id, turn.now).await?;
    audit::record(
        turn.tx,
        by,
        "staff_remove",
        &format!(
            "{user_id}: {}",
            areas
                .iter()
                .map(|a| a.to_db().to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
        turn.now,
    )
    .await?;
    turn.staff_changed_after_commit();
    let lang =
        crate::store::users::language_of(turn.tx, user_id, turn.settings.default_language).await?;
    turn.push_reply(crate::engine::Reply {
        chat_id: user_id,
        lang,
        priority: crate::store::outbox::Priority::Interactive,
        subject: None,
        kind: crate::engine::ReplyKind::Message {
            text: vec![Msg::new("staff-removed-notice")],
            keyboard: Keyboard::None,
        },
    });
    // Their command menu loses the staff's commands (still an admin's if in ADMIN_IDS, or
    // staff's if they keep another area).
    let remaining = staff::find(turn.tx, user_id).await?;
    let menu = match (turn.settings.is_admin(user_id), remaining) {
        (true, _) => crate::engine::command::Menu::Admin,
        (false, Some(_)) => crate::engine::command::Menu::Staff,
        (false, None) => crate::engine::command::Menu::Everyone,
    };
    turn.push_reply(crate::engine::Reply {
        chat_id: user_id,
        lang,
        priority: crate::store::outbox::Priority::Interactive,
        subject: None,
        kind: crate::engine::ReplyKind::command_menu(menu),
    });
    turn.notice(Msg::new("staff-removed"), false);
    list(turn, scope).await
}

/// The programme's villages (admins): how many, the first of them with a button to unmark
/// each, and a button to mark one.
pub(super) async fn programme(turn: &mut Turn<'_>) -> Result<()> {
    turn.state = State::Idle;
    let count = areas::programme_count(turn.tx).await?;
    let codes = areas::programme_villages(turn.tx, 30).await?;
    let places = turn.places().await?;
    let mut rows = Vec::new();
    for code in codes {
        let label = match places.village(code) {
            Some(hit) => crate::engine::places::label(&hit),
            None => Msg::new("place-area-code").arg("code", code.to_string()),
        };
        rows.push(vec![button(
            Msg::new("staff-button-unmark").arg("village", label),
            StaffAction::Unmark(code),
        )]);
    }
    rows.push(vec![button(
        Msg::new("staff-button-mark"),
        StaffAction::MarkVillage,
    )]);
    rows.push(vec![home_button()]);
    turn.show(
        vec![Msg::new("staff-programme").arg("count", count)],
        Keyboard::Inline(rows),
    );
    Ok(())
}

pub(super) async fn ask_programme_village(turn: &mut Turn<'_>) -> Result<()> {
    turn.state = State::Staff(StaffState::Marking { by_regency: false });
    turn.show(
        vec![Msg::new("staff-programme-ask")],
        super::cancel_keyboard(),
    );
    Ok(())
}

/// An admin's file of village codes, sent on the programme's screen.
pub(super) async fn programme_file(
    turn: &mut Turn<'_>,
    event: &crate::engine::Event,
) -> Result<()> {
    let (Some(by), crate::engine::Event::Document { content, .. }) = (turn.user_id(), event) else {
        return Ok(());
    };
    let back = Keyboard::Inline(vec![vec![button(
        Msg::new("staff-button-programme"),
        StaffAction::Programme,
    )]]);
    let Some(csv) = content else {
        turn.send(vec![Msg::new("staff-programme-file-unread")], back);
        return Ok(());
    };
    match super::mark_programme_file(turn.tx, csv).await? {
        Ok((marked, listed)) => {
            audit::record(
                turn.tx,
                by,
                "programme_add",
                &format!("file: {listed} codes, {marked} newly marked"),
                turn.now,
            )
            .await?;
            turn.places_changed_after_commit();
            turn.state = State::Idle;
            turn.send(
                vec![
                    Msg::new("staff-programme-file-done")
                        .arg("listed", listed as i64)
                        .arg("marked", marked as i64),
                ],
                back,
            );
        }
        Err(errors) => {
            let lines = errors
                .iter()
                .take(10)
                .map(|e| match e.line {
                    0 => Msg::new("staff-programme-file-unknown").arg("code", e.cell.as_str()),
                    line => Msg::new("staff-programme-file-line")
                        .arg("line", line as i64)
                        .arg("cell", e.cell.as_str()),
                })
                .collect();
            turn.send(
                vec![
                    Msg::new("staff-programme-file-problems")
                        .arg("count", errors.len() as i64)
                        .arg("list", crate::engine::Arg::Lines(lines)),
                ],
                back,
            );
        }
    }
    Ok(())
}

pub(super) async fn set_programme(turn: &mut Turn<'_>, code: VillageCode, on: bool) -> Result<()> {
    let Some(by) = turn.user_id() else {
        return Ok(());
    };
    if turn.places().await?.village(code).is_none() && on {
        fallback::old_button(turn);
        return Ok(());
    }
    if areas::set_programme(turn.tx, &[code], on).await? > 0 {
        audit::record(
            turn.tx,
            by,
            if on {
                "programme_add"
            } else {
                "programme_remove"
            },
            &code.to_string(),
            turn.now,
        )
        .await?;
        turn.places_changed_after_commit();
    }
    programme(turn).await
}
