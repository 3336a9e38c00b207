//! People within the officer's area: a search by name, village or phone, and a person's page
//! with their profile, sign-ups, questions and cooperative application. No bulk download
//! here: the exports are for that.

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
use crate::domain::{Phone, Profile};
use crate::engine::Msg;
use crate::store::{self, profiles::Search};

const PER_PAGE: i64 = 25;

#[derive(Deserialize)]
pub struct Find {
    q: Option<String>,
    /// A village: typed (part of its name) or its code.
    village: Option<String>,
    page: Option<String>,
}

/// The village typed for a search, within the area: the one it names, or the villages it
/// could be (to choose from), or none.
enum Village {
    Any,
    One(crate::areas::Hit),
    Choose(Vec<crate::areas::Hit>),
    NotFound,
}

fn village_of(
    gazetteer: &crate::areas::Gazetteer,
    scope: &crate::domain::staff::Scope,
    typed: &str,
) -> Village {
    if typed.is_empty() {
        return Village::Any;
    }
    if let Some(code) = crate::domain::area::VillageCode::parse(typed) {
        return match gazetteer.village(code) {
            Some(hit) if scope.covers_village(code) => Village::One(hit),
            _ => Village::NotFound,
        };
    }
    let mut found = gazetteer
        .search_where(typed, 10, |code| scope.covers_village(code))
        .hits;
    match found.len() {
        0 => Village::NotFound,
        1 => Village::One(found.remove(0)),
        _ => Village::Choose(found),
    }
}

/// `GET /people?q=…`.
pub async fn search(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Query(find): Query<Find>,
) -> Response {
    let typed = find.q.unwrap_or_default();
    let typed = typed.trim();
    let village_typed = find.village.unwrap_or_default();
    let village_typed = village_typed.trim();
    let page_no = page::number(find.page.as_deref());
    let w = console.words(staff.lang);
    let scope = staff.scope.clone();
    let gazetteer = match console.gazetteer().await {
        Ok(g) => g,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let village = village_of(&gazetteer, &scope, village_typed);
    let phone = Phone::parse(typed).ok();
    let name = (!typed.is_empty()).then_some(typed);
    let search = match (&village, &phone) {
        // A whole phone number names one person, wherever they live.
        (_, Some(phone)) => Search::Phone(phone.as_str()),
        (Village::One(hit), _) => Search::Village(hit.code.get(), name),
        (_, None) if typed.is_empty() => Search::All,
        (_, None) => Search::Name(typed),
    };
    let offset = i64::from(page_no - 1) * PER_PAGE;
    let (people, total) = match &village {
        Village::Choose(_) | Village::NotFound => (Vec::new(), 0),
        _ => match console
            .engine
            .reader()
            .read(async |tx| store::profiles::search(tx, &scope, &search, offset, PER_PAGE).await)
            .await
        {
            Ok(results) => results,
            Err(e) => return page::failure(&console, staff.lang, &e),
        },
    };
    let encode =
        |text: &str| url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>();
    // More than are counted: a search needs more letters, not more pages.
    let pages = crate::engine::pillars::pages_of(total.min(store::profiles::COUNTED), PER_PAGE);
    let link = |p: u32| {
        format!(
            "/people?q={}&village={}&page={p}",
            encode(typed),
            encode(village_typed)
        )
    };
    if page_no > pages {
        return page::see_other(&link(pages));
    }
    let body = html! {
        form.search method="get" action="/people" role="search" {
            label for="q" { (w.t("console-people-search-label")) }
            input #q type="search" name="q" value=(typed) autocomplete="off";
            label for="village" { (w.t("console-people-village-label")) }
            input #village type="search" name="village" value=(village_typed) autocomplete="off";
            button type="submit" { (w.t("console-people-search")) }
        }
        @match &village {
            Village::Choose(hits) => {
                p { (w.t("console-people-which-village")) }
                ul { @for hit in hits {
                    li { a href={"/people?q=" (encode(typed)) "&village=" (hit.code.compact())} {
                        (w.msg(&crate::engine::places::label(hit)))
                    } }
                } }
            },
            Village::NotFound => p.problem role="alert" {
                (w.msg(&Msg::new("console-officers-no-place").arg("typed", village_typed)))
            },
            Village::One(hit) => p { (w.msg(&Msg::new("console-people-in-village").arg("village", crate::engine::places::label(hit)))) },
            Village::Any => {},
        }
        @if matches!(village, Village::Choose(_) | Village::NotFound) {
        } @else if total > store::profiles::COUNTED {
            p { (w.msg(&Msg::new("console-people-many").arg("count", store::profiles::COUNTED))) }
        } @else {
            p { (w.msg(&Msg::new("console-people-count").arg("count", total))) }
        }
        @if !people.is_empty() {
            (page::table(w, &["console-col-name", "console-col-role", "console-col-village", "console-col-phone", "console-col-registered"], html! {
                    @for person in &people {
                        tr {
                            td { a href={"/people/" (person.user_id)} { (person.name.as_str()) } }
                            td { (w.t(&person.role.message_id())) }
                            td { (person.village.as_str()) ", " (person.district.as_str()) }
                            td { (person.phone.dialled()) }
                            td { (w.time(person.registered_at)) }
                        }
                    }
                }))
        }
        (page::pager(w, page_no, pages, link))
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(
        &console,
        &staff,
        Section::People,
        &w.t("console-people-title"),
        &flash,
        body,
    )
}

/// A person as their page shows them.
struct Person {
    profile: Profile,
    signups: Vec<store::signups::MySignUp>,
    questions: Vec<store::questions::Question>,
    application: Option<store::cooperative::Application>,
}

/// `GET /people/{id}`: someone registered within the area (else 404).
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
        .read(async |tx| -> store::Result<Option<Person>> {
            let Some(profile) = store::profiles::find(tx, id).await? else {
                return Ok(None);
            };
            if !crate::engine::pillars::covers(&scope, profile.village_code) {
                return Ok(None);
            }
            let questions = store::questions::of_user(tx, id, 50)
                .await?
                .into_iter()
                .filter(|q| crate::engine::pillars::covers(&scope, q.village_code))
                .collect();
            Ok(Some(Person {
                signups: store::signups::of_user(tx, id, None).await?,
                application: store::cooperative::of_user(tx, id)
                    .await?
                    .filter(|a| crate::engine::pillars::covers(&scope, a.village_code)),
                questions,
                profile,
            }))
        })
        .await;
    let person = match read {
        Ok(Some(person)) => person,
        Ok(None) => return page::not_found(&console, staff.lang),
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    // Who looked at whose personal data, as for a question.
    let (by, now) = (staff.user_id, console.engine.clock().now());
    if let Err(e) = console
        .engine
        .writer()
        .write(async |tx| {
            store::audit::record(tx, by, "person.open", &format!("user {id} (console)"), now).await
        })
        .await
    {
        return page::failure(&console, staff.lang, &e);
    }
    let w = console.words(staff.lang);
    let card = crate::engine::registration::profile_card(&person.profile);
    let body = html! {
        section.card aria-label=(w.t("console-person-profile")) {
            p.pre { (w.msg(&card)) }
            p { (w.t("console-col-registered")) ": " (w.time(person.profile.registered_at)) }
        }
        h2 { (w.t("console-person-signups")) }
        @if person.signups.is_empty() {
            p.empty { (w.t("console-person-none")) }
        } @else {
            ul { @for s in &person.signups {
                li { (s.training.details.title(staff.lang)) " · " (w.time(s.training.details.starts_at))
                     " · " (w.t(&s.status.message_id())) }
            } }
        }
        h2 { (w.t("console-person-questions")) }
        @if person.questions.is_empty() {
            p.empty { (w.t("console-person-none")) }
        } @else {
            ul { @for q in &person.questions {
                li { a href={"/questions/" (q.id)} {
                        (w.msg(&Msg::new("console-question-number").arg("number", q.id.to_string())))
                    }
                    " · " (w.msg(&crate::engine::pillars::question_standing(q))) " · " (w.time(q.asked_at)) }
            } }
        }
        h2 { (w.t("console-person-application")) }
        @match &person.application {
            None => p.empty { (w.t("console-person-none")) },
            Some(a) => p { (w.t(&a.status.message_id())) " · " (w.time(a.applied_at)) },
        }
        p { a href="/people" { "← " (w.t("console-back-people")) } }
    };
    let title = person.profile.name.as_str().to_owned();
    let flash = console.take_flash(staff.session.id);
    page::frame(&console, &staff, Section::People, &title, &flash, body)
}
