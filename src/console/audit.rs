//! The audit log, for admins: who did what, and when.

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
use crate::domain::staff::StaffRole;
use crate::store;

const PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub struct Paged {
    page: Option<String>,
}

/// `GET /audit?page=1`: admins only (anyone else: 404, as for a page that is not there).
pub async fn list(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Query(query): Query<Paged>,
) -> Response {
    if staff.role != StaffRole::Admin {
        return page::not_found(&console, staff.lang);
    }
    let page_no = page::number(query.page.as_deref());
    let offset = i64::from(page_no - 1) * PER_PAGE;
    let (rows, total) = match console
        .engine
        .reader()
        .read(async |tx| store::audit::page(tx, offset, PER_PAGE).await)
        .await
    {
        Ok(read) => read,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let pages = crate::engine::pillars::pages_of(total, PER_PAGE);
    if page_no > pages {
        return page::see_other(&format!("/audit?page={pages}"));
    }
    let body = html! {
        p { (w.t("console-audit-intro")) }
        (page::table(w, &["console-col-when", "console-col-officer", "console-col-action", "console-col-detail"], html! { @for (officer, action, detail, at) in &rows {
                tr {
                    td { (w.time(*at)) }
                    td { (officer) }
                    td { code { (action) } }
                    td { (detail) }
                }
            } }))
        (page::pager(w, page_no, pages, |p| format!("/audit?page={p}")))
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(
        &console,
        &staff,
        Section::Audit,
        &w.t("console-audit-title"),
        &flash,
        body,
    )
}
