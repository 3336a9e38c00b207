//! The questions inbox: the bot's filters and pages, a question with everything said on it,
//! and what may be done with it (the bot's own buttons, as forms).

use std::sync::Arc;

use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use maud::{Markup, html};
use serde::Deserialize;

use super::Console;
use super::auth::Staff;
use super::page::{self, Section, Words};
use crate::domain::area::VillageCode;
use crate::engine::console::ConsoleAct;
use crate::engine::pillars::PillarsAction;
use crate::engine::{Action, Target};
use crate::store::questions::{self, Author, CloseReason, Entry, EntryKind, InboxFilter, Question};

/// Questions on one page of the inbox.
const PER_PAGE: i64 = 25;

#[derive(Deserialize)]
pub struct InboxQuery {
    filter: Option<String>,
    page: Option<String>,
}

/// A village's name from the list, or its code.
fn village_name(places: &crate::areas::Gazetteer, code: Option<VillageCode>) -> String {
    match code {
        Some(code) => match places.village(code) {
            Some(hit) => format!("{} — {}, {}", hit.village, hit.district, hit.regency),
            None => code.to_string(),
        },
        None => String::new(),
    }
}

/// How long ago, in minutes, hours or days.
fn waited(w: Words<'_>, seconds: i64) -> String {
    let minutes = (seconds / 60).max(0);
    let msg = match minutes {
        0 => crate::engine::Msg::new("console-ago-now"),
        1..60 => crate::engine::Msg::new("console-ago-minutes").arg("n", minutes),
        60..2880 => crate::engine::Msg::new("console-ago-hours").arg("n", minutes / 60),
        _ => crate::engine::Msg::new("console-ago-days").arg("n", minutes / 1440),
    };
    w.msg(&msg)
}

fn preview(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(140) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// `GET /questions?filter=open&page=1`.
pub async fn inbox(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Query(query): Query<InboxQuery>,
) -> Response {
    let filter = query
        .filter
        .as_deref()
        .and_then(InboxFilter::parse)
        .unwrap_or(InboxFilter::Open);
    let page_no = page::number(query.page.as_deref());
    let offset = i64::from(page_no - 1) * PER_PAGE;
    let (scope, reader) = (staff.scope.clone(), staff.user_id);
    let places = console.engine.places();
    let read = console
        .engine
        .reader()
        .read(async |tx| {
            let gazetteer = places.get(tx).await?;
            let page = questions::inbox_page(tx, &scope, filter, reader, offset, PER_PAGE).await?;
            Ok::<_, crate::store::StoreError>((gazetteer, page))
        })
        .await;
    let (gazetteer, (rows, total)) = match read {
        Ok(read) => read,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let now = console.engine.clock().now().timestamp();
    let pages = crate::engine::pillars::pages_of(total, PER_PAGE);
    let link = |f: InboxFilter, p: u32| format!("/questions?filter={}&page={p}", f.code());
    // Past the end (the list got shorter): the last page, as the bot does.
    if page_no > pages {
        return page::see_other(&link(filter, pages));
    }
    let body = html! {
        nav.filters aria-label=(w.t("console-questions-filters")) {
            ul {
                @for f in InboxFilter::ALL {
                    li {
                        @if *f == filter {
                            a href=(link(*f, 1)) aria-current="page" { (w.t(&format!("console-filter-{}", f.code()))) }
                        } @else {
                            a href=(link(*f, 1)) { (w.t(&format!("console-filter-{}", f.code()))) }
                        }
                    }
                }
            }
        }
        p { (w.msg(&crate::engine::Msg::new("console-questions-count").arg("count", total))) }
        @if rows.is_empty() {
            p.empty { (w.t(&format!("inbox-empty-{}", filter.code()))) }
        } @else {
            (page::table(w, &["console-col-number", "console-col-status", "console-col-village", "console-col-waited", "console-col-latest"], html! {
                    @for open in &rows {
                        @let q = &open.question;
                        tr.urgent[q.urgent_place.is_some()] {
                            td { a href={"/questions/" (q.id)} {
                                @if q.urgent_place.is_some() { "🆘 " }
                                (w.msg(&crate::engine::Msg::new("console-question-number").arg("number", q.id.to_string())))
                            } }
                            td { (w.msg(&crate::engine::pillars::question_standing(q)))
                                @if q.taken_by == Some(staff.user_id) { " " (w.t("console-question-yours")) } }
                            td { (village_name(&gazetteer, q.village_code)) }
                            td { (waited(w, now - q.opened_at)) }
                            td { (preview(&open.latest.text)) }
                        }
                    }
                }))
        }
        (page::pager(w, page_no, pages, |p| link(filter, p)))
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(
        &console,
        &staff,
        Section::Questions,
        &w.t("console-questions-title"),
        &flash,
        body,
    )
}

fn entry_label(entry: &Entry) -> &'static str {
    match (entry.author, entry.kind) {
        (Author::User, _) => "console-entry-asker",
        (Author::Officer, EntryKind::Said) => "console-entry-officer",
        (Author::Officer, EntryKind::Addition) => "console-entry-addition",
        (Author::Officer, EntryKind::Correction) => "console-entry-correction",
    }
}

/// One of the bot's buttons as a form: an answer or an amendment as a text box, a close as a
/// choice of reasons, everything else as a button.
fn action_form(
    w: Words<'_>,
    staff: &Staff,
    question: &Question,
    (label, action): (&str, &Action),
    draft: Option<&str>,
) -> Markup {
    let back = format!("/questions/{}", question.id);
    match action {
        Action::Pillars(PillarsAction::AnswerPrompt(id)) => html! {
            form.answer method="post" action={"/questions/" (id) "/answer"} {
                (page::csrf(staff))
                input type="hidden" name="round" value=(question.round);
                label for="answer-text" { (w.t("console-answer-label")) }
                textarea #answer-text name="text" rows="6" maxlength="3000" required {}
                button.primary type="submit" #send-answer { (label) }
            }
        },
        Action::Pillars(PillarsAction::Amend(id, kind)) => {
            let field = format!("amend-{}", kind.code());
            html! {
                details.amend open[draft.is_some()] {
                    summary { (label) }
                    form method="post" action={"/questions/" (id) "/amend"} {
                        (page::csrf(staff))
                        input type="hidden" name="kind" value=(kind.code());
                        label for=(field) { (label) }
                        textarea id=(field) name="text" rows="4" maxlength="3000" required { (draft.unwrap_or("")) }
                        button type="submit" { (w.t("console-send")) }
                    }
                }
            }
        }
        Action::Pillars(PillarsAction::Close(id)) => html! {
            form.close method="post" action="/act" {
                (page::csrf(staff))
                input type="hidden" name="back" value=(back);
                label for="close-reason" { (label) }
                select #close-reason name="action" {
                    @for reason in CloseReason::ALL.iter().filter(|r| **r != CloseReason::Resolved) {
                        option value=(Action::Pillars(PillarsAction::CloseAs(*id, *reason)).encode()) {
                            (w.t(&format!("question-button-close-{}", reason.code())))
                        }
                    }
                }
                button type="submit" { (w.t("console-close")) }
            }
        },
        other => page::button_form(staff, &back, label, other),
    }
}

/// `GET /questions/{id}`: the question, who asked, everything said on it, what may be done.
pub async fn show(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
) -> Response {
    let Some(id) = crate::engine::action::parse_id(&id) else {
        return page::not_found(&console, staff.lang);
    };
    let found = match console
        .engine
        .console_question(staff.user_id, &staff.scope, id)
        .await
    {
        Ok(Some(found)) => found,
        Ok(None) => return page::not_found(&console, staff.lang),
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let village = match console.gazetteer().await {
        Ok(gazetteer) => village_name(&gazetteer, found.question.village_code),
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let q = &found.question;
    let draft = console.take_draft(staff.session.id, q.id);
    let title =
        w.msg(&crate::engine::Msg::new("console-question-number").arg("number", q.id.to_string()));
    let body = html! {
        section.card aria-label=(w.t("console-question-about")) {
            @if q.urgent_place.is_some() { p.urgent-mark { "🆘 " (w.t("console-question-urgent")) } }
            @if let Some(place) = &found.urgent_where { p { (w.msg(place)) } }
            p.pre { (w.msg(&found.who)) }
            @if !village.is_empty() { p { (w.t("console-col-village")) ": " (village) } }
            p { strong { (w.msg(&found.status)) } }
            @if !found.earlier.is_empty() {
                p { (w.t("console-question-earlier")) " "
                    @for (n, (other, standing)) in found.earlier.iter().enumerate() {
                        @if n > 0 { ", " }
                        a href={"/questions/" (other)} { "No. " (other) } " (" (w.msg(standing)) ")"
                    }
                }
            }
        }
        ol.thread {
            @for entry in &found.entries {
                li.entry.(if entry.author == Author::User { "from-asker" } else { "from-officer" }) {
                    p.meta {
                        strong { (w.t(entry_label(entry))) }
                        " · " (w.time(entry.created_at))
                        @if let Some(media) = &entry.media { " · " (w.t(&format!("question-media-{media}"))) }
                        @if let Some(origin) = &entry.forwarded_from {
                            " · " (w.msg(&crate::engine::Msg::new("console-entry-forwarded").arg("origin", origin.as_str())))
                        }
                    }
                    p.pre { (entry.text) }
                }
            }
        }
        @if found.buttons.is_empty() {
            p { (w.t("console-question-nothing-to-do")) }
        } @else {
            section.actions aria-label=(w.t("console-question-actions")) {
                @for button in &found.buttons {
                    @if let Target::Action(action) = &button.target {
                        (action_form(w, &staff, q, (&w.msg(&button.label), action), draft.as_deref()))
                    }
                }
            }
        }
        p { a href="/questions" { "← " (w.t("console-back-inbox")) } }
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(&console, &staff, Section::Questions, &title, &flash, body)
}

#[derive(Deserialize)]
pub struct Act {
    csrf: String,
    action: String,
    back: Option<String>,
}

/// The bot's buttons the console offers as forms; anything else sent here does nothing.
fn offered(action: &Action) -> bool {
    matches!(
        action,
        Action::Pillars(
            PillarsAction::Take(_)
                | PillarsAction::CloseAs(..)
                | PillarsAction::HandBack(_)
                | PillarsAction::PassUp(_)
                | PillarsAction::SetMembership(..)
        ) | Action::Staff(
            crate::engine::staff::StaffAction::RemoveConfirmed(_)
                | crate::engine::staff::StaffAction::CancelInvitation(_)
        ) | Action::Broadcast(
            crate::engine::broadcast::BroadcastAction::Pause(_)
                | crate::engine::broadcast::BroadcastAction::Resume(_)
                | crate::engine::broadcast::BroadcastAction::Stop(_)
        ) | Action::Training(
            crate::engine::trainings::TrainingAction::Close(_)
                | crate::engine::trainings::TrainingAction::Reopen(_)
                | crate::engine::trainings::TrainingAction::CancelConfirmed(_)
        )
    )
}

/// Runs an action and keeps what the bot would have said, for the next page.
async fn run(console: &Console, staff: &Staff, act: ConsoleAct, back: &str) -> Response {
    match console.engine.console_act(staff.user_id, act).await {
        Ok(acted) => {
            let w = console.words(staff.lang);
            console.add_flash(
                staff.session.id,
                acted.said.iter().map(|m| w.msg(m)).collect(),
            );
            if let Some(kept) = acted.kept {
                console.keep_draft(staff.session.id, kept);
            }
            page::see_other(back)
        }
        Err(e) => page::failure(console, staff.lang, &e),
    }
}

/// `POST /act`: one of the bot's buttons pressed in the console (checked like a button's
/// data from Telegram: untrusted, and the engine checks role and area again).
pub async fn act(
    State(console): State<Arc<Console>>,
    staff: Staff,
    page::Fields(form): page::Fields<Act>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    let Ok(action) = Action::parse(&form.action) else {
        return page::not_found(&console, staff.lang);
    };
    if !offered(&action) {
        return page::not_found(&console, staff.lang);
    }
    let back = page::back_to(form.back.as_deref());
    run(&console, &staff, ConsoleAct::Button(action), &back).await
}

#[derive(Deserialize)]
pub struct Answer {
    csrf: String,
    round: i64,
    text: String,
}

/// `POST /questions/{id}/answer`.
pub async fn answer(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
    page::Fields(form): page::Fields<Answer>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    let Some(id) = crate::engine::action::parse_id(&id) else {
        return page::not_found(&console, staff.lang);
    };
    let act = ConsoleAct::Answer {
        question: id,
        round: form.round,
        text: form.text,
    };
    run(&console, &staff, act, &format!("/questions/{id}")).await
}

#[derive(Deserialize)]
pub struct Amend {
    csrf: String,
    kind: String,
    text: String,
}

/// `POST /questions/{id}/amend`: an addition or a correction.
pub async fn amend(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
    page::Fields(form): page::Fields<Amend>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    let (Some(id), Some(kind)) = (
        crate::engine::action::parse_id(&id),
        EntryKind::parse(&form.kind).filter(|k| *k != EntryKind::Said),
    ) else {
        return page::not_found(&console, staff.lang);
    };
    let act = ConsoleAct::Amend {
        question: id,
        kind,
        text: form.text,
    };
    run(&console, &staff, act, &format!("/questions/{id}")).await
}
