//! Invitations: a one-time link `https://t.me/<bot>?start=petugas-<token>`, valid 7 days, for
//! one role in one area, shown with a QR code to print. The token is 128 random bits; only its
//! SHA-256 is stored, so the database cannot be used to accept an invitation.

use chrono::TimeDelta;
use sha2::{Digest, Sha256};

use super::{StaffAction, StaffState, area_name, button, home_button};
use crate::domain::staff::{Area, Scope, StaffRole, may_appoint};
use crate::engine::{Arg, Keyboard, Msg, ReplyKind, Result, State, fallback, menu, turn::Turn};
use crate::store::{audit, staff};

/// How long an invitation can be taken.
pub const VALID_FOR: TimeDelta = TimeDelta::days(7);

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn new_token() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        crate::engine::EngineError::Store(crate::store::StoreError::Corrupt(format!(
            "no randomness for an invitation: {e}"
        )))
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The roles the sender may invite.
pub(super) async fn choose_role(turn: &mut Turn<'_>, role: StaffRole) -> Result<()> {
    if role == StaffRole::Coordinator {
        return ask_area(turn, role, StaffRole::Officer).await;
    }
    let rows = StaffRole::ALL
        .iter()
        .rev()
        .map(|r| {
            vec![button(
                Msg::new(format!("staff-invite-as-{}", r.code())),
                StaffAction::InviteAs(*r),
            )]
        })
        .chain([vec![home_button()]])
        .collect();
    turn.show(
        vec![Msg::new("staff-invite-choose-role")],
        Keyboard::Inline(rows),
    );
    Ok(())
}

/// Asks the area of the invitation: a village for an officer, a regency for a coordinator;
/// an admin's is the whole country.
pub(super) async fn ask_area(
    turn: &mut Turn<'_>,
    role: StaffRole,
    invited: StaffRole,
) -> Result<()> {
    let scope = match turn.role() {
        Some((_, scope)) => scope,
        None => return Ok(()),
    };
    if role != StaffRole::Admin && invited != StaffRole::Officer {
        fallback::not_an_officer(turn);
        return Ok(());
    }
    if invited == StaffRole::Admin {
        return create(turn, role, &scope, Area::Country).await;
    }
    turn.state = State::Staff(StaffState::Inviting {
        role: invited,
        by_regency: false,
    });
    let ask = match invited {
        StaffRole::Coordinator => "staff-invite-ask-regency",
        _ => "staff-invite-ask-village",
    };
    turn.show(vec![Msg::new(ask)], super::cancel_keyboard());
    Ok(())
}

/// Makes the invitation and shows its link and QR code.
pub(super) async fn create(
    turn: &mut Turn<'_>,
    role: StaffRole,
    scope: &Scope,
    area: Area,
) -> Result<()> {
    let Some(by) = turn.user_id() else {
        return Ok(());
    };
    if !may_appoint(role, scope, area) {
        turn.state = State::Idle;
        turn.notice(Msg::new("staff-outside-area"), true);
        turn.send(
            vec![Msg::new("staff-outside-area")],
            Keyboard::Inline(vec![vec![home_button()]]),
        );
        return Ok(());
    }
    let token = new_token()?;
    let expires = turn.now + VALID_FOR;
    let id = staff::invite(turn.tx, &token_hash(&token), area, by, turn.now, expires).await?;
    audit::record(
        turn.tx,
        by,
        "staff_invite",
        &format!("invitation {id}: {} {}", area.role().code(), area.to_db()),
        turn.now,
    )
    .await?;
    turn.state = State::Idle;
    let link = match &turn.settings.bot_username {
        Some(bot) => format!("https://t.me/{bot}?start=petugas-{token}"),
        // Offline (the simulator): the command the link would send.
        None => format!("/start petugas-{token}"),
    };
    let name = area_name(turn, area).await?;
    let text = vec![
        Msg::new("staff-invited")
            .arg("number", id)
            .arg("role", Msg::new(area.role().message_id()))
            .arg("area", name)
            .arg("link", link.as_str())
            .arg("expires", Arg::Time(expires.timestamp())),
    ];
    turn.send(text.clone(), Keyboard::None);
    turn.push(ReplyKind::QrCode {
        link,
        caption: vec![Msg::new("staff-invited-qr").arg("number", id)],
    });
    turn.send(
        vec![Msg::new("staff-invited-next")],
        Keyboard::Inline(vec![
            vec![button(
                Msg::new("staff-button-invitations"),
                StaffAction::Invitations,
            )],
            vec![home_button()],
        ]),
    );
    Ok(())
}

/// Invitations not taken yet that the sender could have made (a coordinator's: village
/// officers of their regencies), each with a button to cancel it.
pub(super) async fn list(turn: &mut Turn<'_>, scope: &Scope) -> Result<()> {
    let Some((role, _)) = turn.role() else {
        return Ok(());
    };
    let open: Vec<staff::Invitation> = staff::open_invitations(turn.tx, turn.now)
        .await?
        .into_iter()
        .filter(|i| may_appoint(role, scope, i.area))
        .take(30)
        .collect();
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    for invitation in &open {
        lines.push(
            Msg::new("staff-invitation-line")
                .arg("number", invitation.id)
                .arg("role", Msg::new(invitation.area.role().message_id()))
                .arg("area", area_name(turn, invitation.area).await?)
                .arg("expires", Arg::Time(invitation.expires_at)),
        );
        rows.push(vec![button(
            Msg::new("staff-button-cancel-invitation").arg("number", invitation.id),
            StaffAction::CancelInvitation(invitation.id),
        )]);
    }
    rows.push(vec![home_button()]);
    let text = if lines.is_empty() {
        vec![Msg::new("staff-invitations-none")]
    } else {
        let mut text = vec![Msg::new("staff-invitations-title")];
        text.extend(lines);
        text
    };
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

pub(super) async fn cancel(turn: &mut Turn<'_>, scope: &Scope, id: i64) -> Result<()> {
    let (Some(by), Some((role, _))) = (turn.user_id(), turn.role()) else {
        return Ok(());
    };
    match staff::invitation_by_id(turn.tx, id).await? {
        // Only what the sender could have made: a coordinator cannot undo an admin's
        // invitation of a coordinator for their own regency.
        Some(invitation) if may_appoint(role, scope, invitation.area) => {
            if staff::revoke_invitation(turn.tx, id, turn.now).await? {
                audit::record(
                    turn.tx,
                    by,
                    "staff_invitation_cancel",
                    &format!("invitation {id}"),
                    turn.now,
                )
                .await?;
                turn.notice(
                    Msg::new("staff-invitation-cancelled").arg("number", id),
                    false,
                );
            }
            list(turn, scope).await
        }
        // Another area's, or none: like a forged button.
        _ => {
            fallback::old_button(turn);
            Ok(())
        }
    }
}

/// `/start petugas-<token>`: what the invitation offers, exactly, with Accept and Decline.
pub(crate) async fn start_link(turn: &mut Turn<'_>, token: &str) -> Result<()> {
    let Some(invitation) = open_invitation(turn, token).await? else {
        return Ok(());
    };
    let role = invitation.area.role();
    let area = area_name(turn, invitation.area).await?;
    turn.send(
        vec![
            Msg::new("staff-invitation-offer")
                .arg("role", Msg::new(role.message_id()))
                .arg("area", area)
                .arg("expires", Arg::Time(invitation.expires_at)),
            super::can_msg(turn, role),
            Msg::new("staff-invitation-offer-ask"),
        ],
        Keyboard::Inline(vec![
            vec![button(
                Msg::new("staff-button-accept"),
                StaffAction::Accept(token.to_owned()),
            )],
            vec![button(
                Msg::new("staff-button-decline"),
                StaffAction::Decline,
            )],
        ]),
    );
    Ok(())
}

/// The invitation a token names, if it can still be taken; else says why not.
async fn open_invitation(turn: &mut Turn<'_>, token: &str) -> Result<Option<staff::Invitation>> {
    let found = staff::invitation_by_token(turn.tx, &token_hash(token)).await?;
    let why_not = match &found {
        None => "staff-invitation-unknown",
        Some(i) if i.revoked => "staff-invitation-revoked",
        Some(i) if i.accepted_by.is_some() => "staff-invitation-used",
        Some(i) if !i.is_open(turn.now) => "staff-invitation-expired",
        Some(_) => return Ok(found),
    };
    let keyboard = menu::main_menu(turn);
    turn.send(vec![Msg::new(why_not)], keyboard);
    Ok(None)
}

pub(super) async fn accept(turn: &mut Turn<'_>, token: &str) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let Some(invitation) = open_invitation(turn, token).await? else {
        return Ok(());
    };
    if !staff::accept(turn.tx, invitation.id, user_id, turn.now).await? {
        fallback::old_button(turn);
        return Ok(());
    }
    staff::appoint(
        turn.tx,
        user_id,
        invitation.area,
        invitation.created_by,
        turn.now,
    )
    .await?;
    audit::record(
        turn.tx,
        user_id,
        "staff_join",
        &format!(
            "invitation {}: {} {}",
            invitation.id,
            invitation.area.role().code(),
            invitation.area.to_db()
        ),
        turn.now,
    )
    .await?;
    turn.staff_changed_after_commit();
    turn.staff = staff::find(turn.tx, user_id).await?;
    // The staff's commands next to the text box.
    let menu = crate::engine::menu::command_menu_of(turn);
    turn.push(crate::engine::ReplyKind::command_menu(menu));
    let area = area_name(turn, invitation.area).await?;
    let inviter_lang = crate::store::users::language_of(
        turn.tx,
        invitation.created_by,
        turn.settings.default_language,
    )
    .await?;
    turn.push_reply(crate::engine::Reply {
        chat_id: invitation.created_by,
        lang: inviter_lang,
        priority: crate::store::outbox::Priority::Interactive,
        subject: None,
        kind: ReplyKind::Message {
            text: vec![
                Msg::new("staff-invitation-taken")
                    .arg("number", invitation.id)
                    .arg("role", Msg::new(invitation.area.role().message_id()))
                    .arg("area", area.clone()),
            ],
            keyboard: Keyboard::None,
        },
    });
    turn.send(
        vec![
            Msg::new("staff-welcome")
                .arg("role", Msg::new(invitation.area.role().message_id()))
                .arg("area", area),
            Msg::new("staff-welcome-card"),
        ],
        Keyboard::Inline(vec![
            vec![button(Msg::new("staff-button-card"), StaffAction::Card)],
            vec![home_button()],
        ]),
    );
    Ok(())
}

pub(super) async fn decline(turn: &mut Turn<'_>) -> Result<()> {
    let keyboard = menu::main_menu(turn);
    turn.show(vec![Msg::new("staff-invitation-declined")], keyboard);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_new_each_time_and_only_their_hash_is_kept() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert!(super::super::is_token(&a));
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
