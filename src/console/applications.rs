//! Cooperative membership applications within the area: the bot's filters, and the bot's
//! buttons that set where each stands (the person is told, as from the bot).

use std::sync::Arc;

use axum::{
    extract::{Query, State},
    response::Response,
};
use maud::html;
use serde::Deserialize;

use super::Console;
use super::auth::Staff;
use super::page::{self, Section};
use crate::engine::{Msg, Target};
use crate::store::cooperative::{self, ApplicationFilter};

const PER_PAGE: i64 = 25;

#[derive(Deserialize)]
pub struct Filter {
    filter: Option<String>,
    page: Option<String>,
}

/// `GET /applications?filter=open&page=1`.
pub async fn list(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Query(query): Query<Filter>,
) -> Response {
    let filter = query
        .filter
        .as_deref()
        .and_then(ApplicationFilter::parse)
        .unwrap_or(ApplicationFilter::Open);
    let page_no = page::number(query.page.as_deref());
    let scope = staff.scope.clone();
    let offset = i64::from(page_no - 1) * PER_PAGE;
    let (rows, total) = match console
        .engine
        .reader()
        .read(async |tx| cooperative::page(tx, &scope, filter, offset, PER_PAGE).await)
        .await
    {
        Ok(read) => read,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let link = |f: ApplicationFilter, p: u32| format!("/applications?filter={}&page={p}", f.code());
    let back = link(filter, page_no);
    let pages = crate::engine::pillars::pages_of(total, PER_PAGE);
    if page_no > pages {
        return page::see_other(&link(filter, pages));
    }
    let body = html! {
        nav.filters aria-label=(w.t("console-applications-filters")) {
            ul { @for f in ApplicationFilter::ALL {
                li {
                    @if *f == filter {
                        a href=(link(*f, 1)) aria-current="page" { (w.t(&format!("applications-button-{}", f.code()))) }
                    } @else {
                        a href=(link(*f, 1)) { (w.t(&format!("applications-button-{}", f.code()))) }
                    }
                }
            } }
        }
        p { (w.msg(&Msg::new("console-applications-count").arg("count", total))) }
        @if rows.is_empty() {
            p.empty { (w.t("console-applications-none")) }
        } @else {
            (page::table(w, &["console-col-number", "console-col-name", "console-col-phone", "console-col-village", "console-col-status", "console-col-applied", "console-col-actions"], html! { @for a in &rows {
                    tr {
                        td { (a.id) }
                        td { (a.name) }
                        td { (crate::domain::phone::dialled(&a.phone)) }
                        td { (a.village.as_deref().unwrap_or("—")) }
                        td { (w.t(&a.status.message_id())) }
                        td { (w.time(a.applied_at)) }
                        td.row-actions {
                            @for button in crate::engine::pillars::application_buttons(a) {
                                @if let Target::Action(action) = &button.target {
                                    (page::button_form(&staff, &back, &w.msg(&button.label), action))
                                }
                            }
                        }
                    }
                } }))
        }
        (page::pager(w, page_no, pages, |p| link(filter, p)))
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(
        &console,
        &staff,
        Section::Applications,
        &w.t("console-applications-title"),
        &flash,
        body,
    )
}
