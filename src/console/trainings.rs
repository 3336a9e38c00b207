//! Trainings the officer runs (within their area): upcoming and past, and a training's page
//! with its participants and waitlist and the bot's own tools as forms (close, reopen,
//! cancel, with everyone signed up told as from the bot).

use std::sync::Arc;

use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use maud::html;
use serde::Deserialize;

use super::Console;
use super::auth::Staff;
use super::page::{self, Section};
use crate::domain::TrainingStatus;
use crate::engine::{Action, Msg, trainings::TrainingAction};
use crate::store::{self, trainings::Training};

const PER_PAGE: usize = 25;

#[derive(Deserialize)]
pub struct Listed {
    when: Option<String>,
    page: Option<String>,
}

/// "12 of 20 seats taken, 3 waiting".
fn seats(training: &Training) -> Msg {
    Msg::new("console-trainings-seats")
        .arg("booked", training.booked)
        .arg("capacity", i64::from(training.details.capacity.get()))
        .arg("waiting", training.waiting)
}

/// `GET /trainings?when=upcoming|past&page=1`.
pub async fn list(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Query(query): Query<Listed>,
) -> Response {
    let past = query.when.as_deref() == Some("past");
    let page_no = page::number(query.page.as_deref());
    let now = console.engine.clock().now().timestamp();
    let scope = staff.scope.clone();
    let all = match console.engine.reader().read(store::trainings::all).await {
        Ok(all) => all,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let mut ours: Vec<Training> = all
        .into_iter()
        .filter(|t| scope.covers(t.area) && (t.details.starts_at <= now) == past)
        .collect();
    if past {
        ours.reverse();
    }
    let total = i64::try_from(ours.len()).unwrap_or(i64::MAX);
    let pages = crate::engine::pillars::pages_of(total, PER_PAGE as i64);
    let when = if past { "past" } else { "upcoming" };
    let link = |p: u32| format!("/trainings?when={when}&page={p}");
    if page_no > pages {
        return page::see_other(&link(pages));
    }
    let shown = ours
        .iter()
        .skip((page_no as usize - 1) * PER_PAGE)
        .take(PER_PAGE);
    let w = console.words(staff.lang);
    let body = html! {
        p { a.button.primary #new-training href="/trainings/new" { (w.t("console-trainings-new")) } }
        nav.filters aria-label=(w.t("console-trainings-when")) {
            ul {
                @for (code, label) in [("upcoming", "console-trainings-upcoming"), ("past", "console-trainings-past")] {
                    li {
                        @if code == when {
                            a href={"/trainings?when=" (code)} aria-current="page" { (w.t(label)) }
                        } @else {
                            a href={"/trainings?when=" (code)} { (w.t(label)) }
                        }
                    }
                }
            }
        }
        @if total == 0 {
            p.empty { (w.t("console-trainings-none")) }
        } @else {
            (page::table(w, &["console-col-number", "console-col-training", "console-col-starts", "console-col-status", "console-col-seats"], html! { @for t in shown {
                    tr {
                        td { (t.id) }
                        td { a href={"/trainings/" (t.id)} { (t.details.title(staff.lang)) } }
                        td { (w.time(t.details.starts_at)) }
                        td { (w.t(&t.status.message_id())) }
                        td { (w.msg(&seats(t))) }
                    }
                } }))
        }
        (page::pager(w, page_no, pages, link))
        (super::training_form::import_form(w, &staff))
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(
        &console,
        &staff,
        Section::Trainings,
        &w.t("console-trainings-title"),
        &flash,
        body,
    )
}

/// `GET /trainings/{id}`: one of the officer's trainings (else 404).
pub async fn show(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
) -> Response {
    let Some(id) = crate::engine::action::parse_id(&id) else {
        return page::not_found(&console, staff.lang);
    };
    let scope = staff.scope.clone();
    let read = console
        .engine
        .reader()
        .read(async |tx| -> store::Result<_> {
            let Some(training) = store::trainings::find(tx, id)
                .await?
                .filter(|t| scope.covers(t.area))
            else {
                return Ok(None);
            };
            let people = store::signups::participants(tx, Some(id), &scope).await?;
            Ok(Some((training, people)))
        })
        .await;
    let (training, people) = match read {
        Ok(Some(found)) => found,
        Ok(None) => return page::not_found(&console, staff.lang),
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let back = format!("/trainings/{id}");
    let now = console.engine.clock().now().timestamp();
    let takes_place =
        training.status != TrainingStatus::Cancelled && training.details.starts_at > now;
    let act = |label: &str, action: TrainingAction| {
        page::button_form(&staff, &back, &w.t(label), &Action::Training(action))
    };
    let body = html! {
        section.card {
            p { (w.time(training.details.starts_at)) " · " (training.details.location.as_str()) }
            p { (w.t(&training.details.category.message_id())) " · " (w.t(&training.status.message_id())) }
            p { (w.msg(&seats(&training))) }
            p.pre { (training.details.description(staff.lang)) }
        }
        @if takes_place {
            section.actions aria-label=(w.t("console-question-actions")) {
                a.button href={"/trainings/" (id) "/edit"} { (w.t("console-trainings-edit")) }
                @match training.status {
                    TrainingStatus::Closed => (act("training-button-reopen", TrainingAction::Reopen(id))),
                    _ => (act("training-button-close", TrainingAction::Close(id))),
                }
                details.amend {
                    summary { (w.t("training-button-cancel-training")) }
                    p { (w.t("console-trainings-cancel-warning")) }
                    (act("console-trainings-cancel-confirm", TrainingAction::CancelConfirmed(id)))
                }
            }
        }
        h2 { (w.t("console-trainings-participants")) }
        @if people.is_empty() {
            p.empty { (w.t("console-person-none")) }
        } @else {
            (page::table(w, &["console-col-name", "console-col-phone", "console-col-village", "console-col-status"], html! { @for p in &people {
                    tr {
                        td { (p.name.as_deref().unwrap_or("—")) }
                        td { (p.phone.as_deref().map(crate::domain::phone::dialled).unwrap_or_default()) }
                        td { (p.village.as_deref().unwrap_or("—")) }
                        td { (w.t(&p.status.message_id()))
                             @if let Some(n) = p.position { " (" (n) ")" } }
                    }
                } }))
        }
        p { a href="/trainings" { "← " (w.t("console-back-trainings")) } }
    };
    let title = training.details.title(staff.lang).to_owned();
    let flash = console.take_flash(staff.session.id);
    page::frame(&console, &staff, Section::Trainings, &title, &flash, body)
}
