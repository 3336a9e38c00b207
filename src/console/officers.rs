//! The staff, for admins and coordinators: who serves where (within the viewer's area), with
//! their rights removed as the bot's «Cabut hak» does; invitations not taken yet, cancelled
//! as in the bot; and a new invitation for a village, a regency or the whole country, whose
//! one-time link the page shows to pass on. Village officers get 404, as in the bot.

use std::sync::Arc;

use axum::{extract::State, http::StatusCode, response::Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::Console;
use super::auth::Staff;
use super::page::{self, Section, Words};
use crate::areas::Gazetteer;
use crate::domain::{
    area::{RegencyCode, VillageCode},
    staff::{Area, Scope, StaffRole, may_appoint},
};
use crate::engine::{Action, Msg, console::ConsoleAct, staff::StaffAction};
use crate::store::{self, staff::Invitation, staff::Member};

/// Villages or regencies offered for what was typed.
const HITS: usize = 10;

fn area_label(w: Words<'_>, gazetteer: &Gazetteer, area: Area) -> String {
    w.msg(&crate::engine::places::name_of(gazetteer, area))
}

fn member_name(w: Words<'_>, member: &Member) -> String {
    match &member.card.name {
        Some(name) => name.clone(),
        None => w.msg(&Msg::new("staff-member-unnamed").arg("id", member.user_id)),
    }
}

/// `GET /officers`.
pub async fn list(State(console): State<Arc<Console>>, staff: Staff) -> Response {
    if staff.role == StaffRole::Officer {
        return page::not_found(&console, staff.lang);
    }
    officers_page(&console, &staff, None).await
}

async fn officers_page(console: &Console, staff: &Staff, problem: Option<Msg>) -> Response {
    let now = console.engine.clock().now();
    let places = console.engine.places();
    let read = console
        .engine
        .reader()
        .read(async |tx| -> store::Result<_> {
            let members = store::staff::all(tx).await?;
            let invitations = store::staff::open_invitations(tx, now).await?;
            Ok((members, invitations, places.get(tx).await?))
        })
        .await;
    let (members, invitations, gazetteer) = match read {
        Ok(read) => read,
        Err(e) => return page::failure(console, staff.lang, &e),
    };
    let scope = &staff.scope;
    let mut members: Vec<Member> = members
        .into_iter()
        .filter(|m| *scope == Scope::Country || !crate::engine::staff::visible(scope, m).is_empty())
        .collect();
    members.sort_by_key(|m| (m.role, m.areas.first().copied()));
    // Those the viewer could have made (and so may cancel), as in the bot.
    let invitations: Vec<Invitation> = invitations
        .into_iter()
        .filter(|i| may_appoint(staff.role, scope, i.area))
        .collect();
    let w = console.words(staff.lang);
    let back = "/officers";
    let body = html! {
        @if let Some(problem) = &problem {
            p.problem role="alert" { (w.msg(problem)) }
        }
        (invite_form(w, staff))
        h2 { (w.msg(&Msg::new("console-officers-count").arg("count", members.len() as i64))) }
        @if members.is_empty() {
            p.empty { (w.t("console-officers-none")) }
        } @else {
            (page::table(w, &["console-col-name", "console-col-staff-role", "console-col-area", "console-col-since", "console-col-phone", "console-col-staff-actions"], html! {
                @for m in &members {
                    tr {
                        td { (member_name(w, m)) }
                        td { (w.t(&m.role.message_id())) }
                        td { @for (i, area) in crate::engine::staff::visible(scope, m).into_iter().enumerate() {
                            @if i > 0 { "; " }
                            (area_label(w, &gazetteer, area))
                        } }
                        td { (w.time(m.since)) }
                        td { (m.card.phone.as_deref().unwrap_or("—")) }
                        td.row-actions {
                            @if crate::engine::staff::removable(staff.role, scope, Some(staff.user_id), m) {
                                details.amend {
                                    summary { (w.t("staff-button-remove")) }
                                    p { (w.msg(&Msg::new("console-officers-remove-warning").arg("name", member_name(w, m)))) }
                                    (page::button_form(staff, back, &w.t("staff-button-remove-confirm"), &Action::Staff(StaffAction::RemoveConfirmed(m.user_id))))
                                }
                            }
                        }
                    }
                }
            }))
        }
        h2 { (w.t("console-officers-invitations")) }
        @if invitations.is_empty() {
            p.empty { (w.t("staff-invitations-none")) }
        } @else {
            (page::table(w, &["console-col-number", "console-col-staff-role", "console-col-area", "console-col-until", "console-col-staff-actions"], html! {
                @for i in &invitations {
                    tr {
                        td { (i.id) }
                        td { (w.t(&i.area.role().message_id())) }
                        td { (area_label(w, &gazetteer, i.area)) }
                        td { (w.time(i.expires_at)) }
                        td.row-actions {
                            (page::button_form(staff, back, &w.msg(&Msg::new("staff-button-cancel-invitation").arg("number", i.id)), &Action::Staff(StaffAction::CancelInvitation(i.id))))
                        }
                    }
                }
            }))
        }
    };
    let flash = console.take_flash(staff.session.id);
    let mut response = page::frame(
        console,
        staff,
        Section::Officers,
        &w.t("console-officers-title"),
        &flash,
        body,
    );
    if problem.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// The roles `role` may invite, in the order offered.
fn invitable(role: StaffRole) -> Vec<StaffRole> {
    match role {
        StaffRole::Admin => vec![StaffRole::Officer, StaffRole::Coordinator, StaffRole::Admin],
        StaffRole::Coordinator => vec![StaffRole::Officer],
        StaffRole::Officer => vec![],
    }
}

fn invite_form(w: Words<'_>, staff: &Staff) -> Markup {
    html! {
        form.compose method="post" action="/officers/invite" {
            (page::csrf(staff))
            fieldset {
                legend { (w.t("console-officers-invite")) }
                label for="invite-role" { (w.t("console-officers-invite-role")) }
                select #invite-role name="role" {
                    @for role in invitable(staff.role) {
                        option value=(role.code()) { (w.t(&role.message_id())) }
                    }
                }
                @let (label, hint) = match staff.role {
                    StaffRole::Admin => ("console-officers-invite-place", "console-officers-invite-hint"),
                    _ => ("console-officers-invite-village", "console-officers-invite-hint-village"),
                };
                label for="invite-place" { (w.t(label)) }
                input #invite-place type="text" name="place" autocomplete="off";
                p.hint { (w.t(hint)) }
                button.primary #invite type="submit" { (w.t("console-officers-invite-button")) }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct Invite {
    csrf: String,
    role: String,
    #[serde(default)]
    place: String,
    /// A village (`v…`) or regency (`r…`) chosen from the places offered for what was typed.
    area: Option<String>,
}

/// `POST /officers/invite`: an invitation for the area chosen (or, when what was typed names
/// more than one place, the choice of them).
pub async fn invite(
    State(console): State<Arc<Console>>,
    staff: Staff,
    page::Fields(form): page::Fields<Invite>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    if staff.role == StaffRole::Officer {
        return page::not_found(&console, staff.lang);
    }
    let Some(role) = StaffRole::parse(&form.role).filter(|r| invitable(staff.role).contains(r))
    else {
        return page::notice(
            &console,
            staff.lang,
            StatusCode::BAD_REQUEST,
            "console-bad-form",
        );
    };
    let gazetteer = match console.gazetteer().await {
        Ok(g) => g,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let listed = |area: Area| match area {
        Area::Village(code) => gazetteer.village(code).is_some(),
        Area::Regency(code) => gazetteer.regency_name(code).is_some(),
        Area::Country => true,
    };
    let chosen = match form.area.as_deref() {
        Some(value) => match chosen_area(value) {
            Some(area) if area.role() == role && listed(area) => Some(area),
            _ => {
                return page::notice(
                    &console,
                    staff.lang,
                    StatusCode::BAD_REQUEST,
                    "console-bad-form",
                );
            }
        },
        None if role == StaffRole::Admin => Some(Area::Country),
        None => None,
    };
    let area = match chosen {
        Some(area) => area,
        None => {
            let hits = matches(&gazetteer, &staff, role, &form.place);
            match hits.as_slice() {
                [] => {
                    let problem =
                        Msg::new("console-officers-no-place").arg("typed", form.place.trim());
                    return officers_page(&console, &staff, Some(problem)).await;
                }
                [one] => *one,
                many => return choose_page(&console, &staff, role, &gazetteer, many),
            }
        }
    };
    if !may_appoint(staff.role, &staff.scope, area) {
        return officers_page(&console, &staff, Some(Msg::new("staff-outside-area"))).await;
    }
    match console
        .engine
        .console_act(staff.user_id, ConsoleAct::Invite(area))
        .await
    {
        Ok(acted) => {
            let w = console.words(staff.lang);
            console.add_flash(
                staff.session.id,
                acted.said.iter().map(|m| w.msg(m)).collect(),
            );
            page::see_other("/officers")
        }
        Err(e) => page::failure(&console, staff.lang, &e),
    }
}

fn chosen_area(value: &str) -> Option<Area> {
    let (kind, code) = value.split_at_checked(1)?;
    match kind {
        "v" => Some(Area::Village(VillageCode::parse(code)?)),
        "r" => Some(Area::Regency(RegencyCode::parse(code)?)),
        _ => None,
    }
}

fn area_value(area: Area) -> String {
    match area {
        Area::Village(code) => format!("v{}", code.compact()),
        Area::Regency(code) => format!("r{}", code.compact()),
        Area::Country => String::new(),
    }
}

/// The places within the viewer's area that what was typed names: a village (or its code) for
/// an officer, a regency for a coordinator.
fn matches(gazetteer: &Gazetteer, staff: &Staff, role: StaffRole, typed: &str) -> Vec<Area> {
    let scope = &staff.scope;
    match role {
        StaffRole::Officer => {
            if let Some(code) = VillageCode::parse(typed) {
                return match gazetteer.village(code) {
                    Some(_) if scope.covers_village(code) => vec![Area::Village(code)],
                    _ => vec![],
                };
            }
            gazetteer
                .search_where(typed, HITS, |code| scope.covers_village(code))
                .hits
                .into_iter()
                .map(|hit| Area::Village(hit.code))
                .collect()
        }
        StaffRole::Coordinator => gazetteer
            .regencies(typed, HITS)
            .into_iter()
            .filter(|(code, _)| scope.covers_regency(*code))
            .map(|(code, _)| Area::Regency(code))
            .collect(),
        StaffRole::Admin => vec![Area::Country],
    }
}

/// More than one place matches: each is a button that invites for it.
fn choose_page(
    console: &Console,
    staff: &Staff,
    role: StaffRole,
    gazetteer: &Gazetteer,
    areas: &[Area],
) -> Response {
    let w = console.words(staff.lang);
    let body = html! {
        p { (w.t("console-officers-which")) }
        ul.choices {
            @for area in areas {
                li {
                    form method="post" action="/officers/invite" {
                        (page::csrf(staff))
                        input type="hidden" name="role" value=(role.code());
                        input type="hidden" name="area" value=(area_value(*area));
                        button type="submit" { (area_label(w, gazetteer, *area)) }
                    }
                }
            }
        }
        p { a href="/officers" { "← " (w.t("console-back-officers")) } }
    };
    page::frame(
        console,
        staff,
        Section::Officers,
        &w.t("console-officers-invite"),
        &[],
        body,
    )
}
