//! The overview: the officer's area in figures and charts.

use std::sync::Arc;

use axum::{extract::State, response::Response};
use chrono::TimeDelta;
use maud::html;

use super::Console;
use super::auth::Staff;
use super::page::{self, Section};
use super::svg;
use crate::engine::Msg;
use crate::store::{self, questions::InboxFilter};

/// Weeks in the registrations chart.
const WEEKS: i64 = 12;
/// Villages or regencies in the table by area (the exports have them all).
const AREA_ROWS: usize = 30;

/// The figures of one area, as counted at `at` (Unix seconds).
#[derive(Clone)]
pub struct Figures {
    at: i64,
    people: i64,
    this_week: i64,
    open: i64,
    waiting: i64,
    urgent: i64,
    weeks: Vec<i64>,
    roles: Vec<(String, i64)>,
    /// Open questions waiting longer than `ESCALATE_AFTER`.
    overdue: i64,
    /// From a question to its first answer, the middle of the last 90 days' (seconds).
    median: Option<i64>,
    /// Seats taken and offered in the area's trainings to come.
    seats: (i64, i64),
    /// By regency or village (none for one village), and each one's name.
    by: Option<store::stats::By>,
    areas: Vec<(String, store::stats::AreaRow)>,
}

/// How long the figures of an area are shown before they are counted again: counting a
/// million people takes a good part of a second, and a minute changes little.
const FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(60);

/// The area's figures, counted on a read connection at most once a minute.
async fn figures_of(
    console: &Console,
    staff: &Staff,
    now: chrono::DateTime<chrono::Utc>,
) -> store::Result<Figures> {
    let key = format!("{:?}", staff.scope);
    if let Ok(cache) = console.overview.lock()
        && let Some((counted, figures)) = cache.get(&key)
        && counted.elapsed() < FRESH_FOR
    {
        return Ok(figures.clone());
    }
    let start = (now - TimeDelta::weeks(WEEKS)).timestamp();
    let week_ago = (now - TimeDelta::weeks(1)).timestamp();
    let (scope, reader) = (staff.scope.clone(), staff.user_id);
    let overdue_before = (now - console.engine.settings().escalate_after).timestamp();
    let since = (now - TimeDelta::days(crate::engine::officer::MEDIAN_DAYS)).timestamp();
    let by = crate::engine::officer::grouped_by(&scope);
    let places = console.engine.places();
    let w = console.words(staff.lang);
    let figures = console
        .engine
        .reader()
        .read(async |tx| -> store::Result<Figures> {
            let count = async |tx: &mut store::Tx, filter| -> store::Result<i64> {
                Ok(
                    store::questions::inbox_page(tx, &scope, filter, reader, 0, 0)
                        .await?
                        .1,
                )
            };
            let (overdue, median) =
                store::stats::questions_overdue_and_median(tx, &scope, overdue_before, since)
                    .await?;
            let seats = store::trainings::all(tx)
                .await?
                .into_iter()
                .filter(|t| {
                    scope.covers(t.area)
                        && t.details.starts_at > now.timestamp()
                        && t.status != crate::domain::TrainingStatus::Cancelled
                })
                .fold((0, 0), |(booked, offered), t| {
                    (
                        booked + t.booked,
                        offered + i64::from(t.details.capacity.get()),
                    )
                });
            let areas = match by {
                Some(by) => {
                    let gazetteer = places.get(tx).await?;
                    store::stats::by_area(tx, &scope, by, overdue_before, since)
                        .await?
                        .into_iter()
                        .take(AREA_ROWS)
                        .map(|row| {
                            let name = w.msg(&crate::engine::officer::area_label(
                                &gazetteer, by, row.code,
                            ));
                            (name, row)
                        })
                        .collect()
                }
                None => Vec::new(),
            };
            Ok(Figures {
                overdue,
                median,
                seats,
                by,
                areas,
                at: now.timestamp(),
                people: store::stats::users(tx, &scope).await?.total,
                this_week: store::stats::registrations_since(tx, &scope, week_ago).await?,
                open: count(tx, InboxFilter::Open).await?,
                waiting: count(tx, InboxFilter::Waiting).await?,
                urgent: count(tx, InboxFilter::Urgent).await?,
                weeks: store::stats::registrations_per_week(tx, &scope, start, WEEKS).await?,
                roles: store::stats::by_role(tx, &scope).await?,
            })
        })
        .await?;
    if let Ok(mut cache) = console.overview.lock() {
        cache.insert(key, (std::time::Instant::now(), figures.clone()));
    }
    Ok(figures)
}

/// `GET /`.
pub async fn show(State(console): State<Arc<Console>>, staff: Staff) -> Response {
    let now = console.engine.clock().now();
    let figures = match figures_of(&console, &staff, now).await {
        Ok(figures) => figures,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let start = figures.at - TimeDelta::weeks(WEEKS).num_seconds();
    let hours = console.engine.settings().escalate_after.num_hours().max(1);
    let w = console.words(staff.lang);
    let weeks: Vec<(String, i64)> = figures
        .weeks
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let monday = start + i64::try_from(i).unwrap_or(0) * 604_800;
            let day = chrono::DateTime::from_timestamp(monday, 0)
                .map(|t| {
                    t.with_timezone(&console.locales.timezone())
                        .format("%d/%m")
                        .to_string()
                })
                .unwrap_or_default();
            (day, *n)
        })
        .collect();
    let roles: Vec<(String, i64)> = figures
        .roles
        .iter()
        .map(|(code, n)| (w.t(&format!("role-{code}")), *n))
        .collect();
    let figure = |id: &str, value: i64, link: Option<&str>| {
        html! {
            div.figure {
                span.value { (w.msg(&Msg::new("console-number").arg("n", value))) }
                @match link {
                    Some(link) => a href=(link) { (w.t(id)) },
                    None => span { (w.t(id)) },
                }
            }
        }
    };
    let body = html! {
        p.as-of { (w.msg(&Msg::new("console-overview-as-of").arg("time", crate::engine::Arg::Time(figures.at)))) }
        section.figures aria-label=(w.t("console-overview-figures")) {
            @match staff.scope {
                crate::domain::staff::Scope::Country => (figure("console-overview-users", figures.people, None)),
                _ => (figure("console-overview-people", figures.people, None)),
            }
            (figure("console-overview-this-week", figures.this_week, None))
            (figure("console-overview-open", figures.open, Some("/questions?filter=open")))
            (figure("console-overview-waiting", figures.waiting, Some("/questions?filter=waiting")))
            (figure("console-overview-urgent", figures.urgent, Some("/questions?filter=urgent")))
            div.figure {
                span.value { (figures.overdue) }
                span { (w.msg(&Msg::new("console-overview-overdue").arg("hours", hours))) }
            }
            div.figure {
                span.value { @match figures.median {
                    Some(seconds) => (w.msg(&crate::engine::officer::waited(seconds))),
                    None => "—",
                } }
                span { (w.msg(&Msg::new("console-overview-median").arg("days", crate::engine::officer::MEDIAN_DAYS))) }
            }
            div.figure {
                span.value { (w.msg(&Msg::new("console-overview-seats-value").arg("booked", figures.seats.0).arg("offered", figures.seats.1))) }
                a href="/trainings" { (w.t("console-overview-seats")) }
            }
        }
        section {
            h2 { (w.t("console-overview-weeks")) }
            (svg::bars(&w.t("console-overview-weeks"), &weeks))
        }
        section {
            h2 { (w.t("console-overview-roles")) }
            @if roles.is_empty() {
                p.empty { (w.t("console-overview-no-one")) }
            } @else {
                (svg::bars(&w.t("console-overview-roles"), &roles))
            }
        }
        @if let Some(by) = figures.by {
            @let heading = match by {
                store::stats::By::Regency => "console-overview-by-regency",
                store::stats::By::Village => "console-overview-by-village",
            };
            section {
                h2 { (w.t(heading)) }
                @if figures.areas.is_empty() {
                    p.empty { (w.t("console-overview-no-one")) }
                } @else {
                    (svg::bars(&w.t(heading), &figures.areas.iter().take(10).map(|(name, row)| (name.clone(), row.registered)).collect::<Vec<_>>()))
                    (page::table(w, &["console-col-area", "console-col-registered-count", "console-col-seats-taken", "console-col-open", "console-col-overdue", "console-col-median"], html! {
                        @for (name, row) in &figures.areas {
                            tr {
                                td { (name) }
                                td { (row.registered) }
                                td { (row.seats) }
                                td { (row.open_questions) }
                                td { (row.overdue) }
                                td { @match row.median_first_answer {
                                    Some(seconds) => (w.msg(&crate::engine::officer::waited(seconds))),
                                    None => "—",
                                } }
                            }
                        }
                    }))
                }
            }
        }
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(
        &console,
        &staff,
        Section::Overview,
        &w.t("console-overview-title"),
        &flash,
        body,
    )
}
