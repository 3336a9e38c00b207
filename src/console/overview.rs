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
            Ok(Figures {
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
