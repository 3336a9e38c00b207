//! The same CSV files as the bot's /ekspor, downloaded: the people of the officer's area only,
//! each download in the audit log.

use std::sync::Arc;

use axum::{
    body::Body,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use maud::html;
use serde::Deserialize;

use super::Console;
use super::auth::Staff;
use super::page::{self, Section};
use crate::store::{self, export::Made, export::Table};

/// `GET /exports`: the files, a button each.
pub async fn list(State(console): State<Arc<Console>>, staff: Staff) -> Response {
    let w = console.words(staff.lang);
    let body = html! {
        p { (w.t("export-choose")) }
        p { (w.t("console-exports-area")) }
        ul.exports { @for table in Table::ALL {
            li {
                form method="post" action={"/exports/" (table.code())} {
                    (page::csrf(&staff))
                    button type="submit" { (w.t(&format!("export-button-{}", table.code()))) }
                }
            }
        } }
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(
        &console,
        &staff,
        Section::Exports,
        &w.t("console-exports-title"),
        &flash,
        body,
    )
}

#[derive(Deserialize)]
pub struct Download {
    csrf: String,
}

/// `POST /exports/{table}`: the file, made as the bot makes it (on a thread of its own, as
/// idle work, reading on its own connection), sent as a download.
pub async fn download(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(code): Path<String>,
    page::Fields(form): page::Fields<Download>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    let Some(table) = Table::parse(&code) else {
        return page::not_found(&console, staff.lang);
    };
    let engine = &console.engine;
    let now = engine.clock().now();
    let tz = console.locales.timezone();
    let (by, scope) = (staff.user_id, staff.scope.clone());
    let detail = format!(
        "csv file, console, {}",
        crate::engine::officer::scope_detail(&scope)
    );
    if let Err(e) = engine
        .writer()
        .write(async |tx| {
            store::audit::record(tx, by, &format!("export.{}", table.code()), &detail, now).await
        })
        .await
    {
        return page::failure(&console, staff.lang, &e);
    }
    let date = now.with_timezone(&tz).format("%Y-%m-%d");
    let request = store::export::Request {
        table,
        scope,
        tz,
        file_name: format!("desmigratif-{}-{date}.csv", table.code()),
    };
    let words = Arc::new(crate::i18n::FileWords {
        locales: console.locales.clone(),
        lang: staff.lang,
    });
    let (name, path) = match engine.files().make(request, words).await {
        Ok(Made::File { name, path, .. }) => (name, path),
        Ok(Made::TooBig) => {
            return page::notice(
                &console,
                staff.lang,
                StatusCode::INSUFFICIENT_STORAGE,
                "console-export-too-big",
            );
        }
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    // Opened, then its name removed: the file goes when the download is done.
    let file = match tokio::fs::File::open(&path).await {
        Ok(file) => file,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    drop(path);
    let kind = match name.ends_with(".zip") {
        true => "application/zip",
        false => "text/csv; charset=utf-8",
    };
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        Body::from_stream(tokio_util::io::ReaderStream::new(file)),
    )
        .into_response()
}
