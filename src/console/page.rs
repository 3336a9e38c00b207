//! What every page shares: the words in the officer's language, the frame around a page
//! (navigation, language, log out), the error pages and the security headers.

use axum::{
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use maud::{DOCTYPE, Markup, html};

use super::Console;
use super::auth::Staff;
use crate::domain::Language;
use crate::engine::Msg;

/// No script at all, styles and images from here only, and no page of ours inside another's
/// frame.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        // A log-in link's token must not travel on to another site.
        (header::REFERRER_POLICY, "no-referrer"),
        // Pages hold personal data: not to be kept by the browser or a proxy.
        (header::CACHE_CONTROL, "no-store"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("console.css"),
    )
        .into_response()
}

/// The words of one language.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub console: &'a Console,
    pub lang: Language,
}

impl Words<'_> {
    pub fn t(&self, id: &str) -> String {
        self.console.locales.message(self.lang, &Msg::new(id))
    }

    pub fn msg(&self, msg: &Msg) -> String {
        self.console.locales.message(self.lang, msg)
    }

    pub fn time(&self, unix: i64) -> String {
        self.console.locales.time(self.lang, unix)
    }
}

impl Console {
    pub fn words(&self, lang: Language) -> Words<'_> {
        Words {
            console: self,
            lang,
        }
    }

    pub fn default_language(&self) -> Language {
        self.engine.settings().default_language
    }
}

/// The sections of the console, in the navigation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Questions,
    People,
    Trainings,
    Applications,
    Broadcasts,
    Officers,
    Exports,
    Audit,
    Sessions,
}

impl Section {
    const ALL: [Section; 10] = [
        Section::Overview,
        Section::Questions,
        Section::People,
        Section::Trainings,
        Section::Applications,
        Section::Broadcasts,
        Section::Officers,
        Section::Exports,
        Section::Audit,
        Section::Sessions,
    ];

    /// Whether the navigation shows it to `role` (the audit log is for admins, the staff for
    /// admins and coordinators).
    fn for_role(self, role: crate::domain::staff::StaffRole) -> bool {
        use crate::domain::staff::StaffRole;
        match self {
            Section::Audit => role == StaffRole::Admin,
            Section::Officers => role != StaffRole::Officer,
            _ => true,
        }
    }

    fn path(self) -> &'static str {
        match self {
            Section::Overview => "/",
            Section::Questions => "/questions",
            Section::People => "/people",
            Section::Trainings => "/trainings",
            Section::Applications => "/applications",
            Section::Broadcasts => "/broadcasts",
            Section::Officers => "/officers",
            Section::Audit => "/audit",
            Section::Exports => "/exports",
            Section::Sessions => "/sessions",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Section::Overview => "console-nav-overview",
            Section::Questions => "console-nav-questions",
            Section::People => "console-nav-people",
            Section::Trainings => "console-nav-trainings",
            Section::Applications => "console-nav-applications",
            Section::Broadcasts => "console-nav-broadcasts",
            Section::Officers => "console-nav-officers",
            Section::Audit => "console-nav-audit",
            Section::Exports => "console-nav-exports",
            Section::Sessions => "console-nav-sessions",
        }
    }
}

/// The hidden field every form carries.
pub fn csrf(staff: &Staff) -> Markup {
    html! { input type="hidden" name="csrf" value=(staff.session.csrf); }
}

/// The page asked for (`?page=`), from 1; anything else is the first.
pub fn number(page: Option<&str>) -> u32 {
    page.and_then(|p| p.parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, 100_000)
}

/// ◀ page n of m ▶, when there is more than one page.
pub fn pager(w: Words<'_>, page: u32, pages: u32, link: impl Fn(u32) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pages aria-label=(w.t("console-pages")) {
                @if page > 1 { a href=(link(page - 1)) rel="prev" { "◀ " (w.t("console-page-previous")) } }
                span { (w.msg(&Msg::new("console-page-of").arg("page", i64::from(page)).arg("pages", i64::from(pages)))) }
                @if page < pages { a href=(link(page + 1)) rel="next" { (w.t("console-page-next")) " ▶" } }
            }
        }
    }
}

/// The programme's time zone as people name it («WIB»), else as configured («Asia/Jakarta»).
pub fn zone_name(console: &Console) -> String {
    let tz = console.engine.settings().timezone;
    let now = console.engine.clock().now().with_timezone(&tz);
    let short = now.format("%Z").to_string();
    match short.chars().all(|c| c.is_ascii_alphabetic()) {
        true => short,
        false => tz.name().to_owned(),
    }
}

/// A table of a list: its column headings (message ids) and its rows, scrolling sideways on a
/// narrow screen.
pub fn table(w: Words<'_>, columns: &[&str], rows: Markup) -> Markup {
    html! {
        div.scroll { table.list {
            thead { tr { @for column in columns { th scope="col" { (w.t(column)) } } } }
            tbody { (rows) }
        } }
    }
}

/// One of the bot's buttons as a form that runs it (`POST /act`), then goes back to `back`.
pub fn button_form(
    staff: &Staff,
    back: &str,
    label: &str,
    action: &crate::engine::Action,
) -> Markup {
    html! {
        form.act method="post" action="/act" {
            (csrf(staff))
            input type="hidden" name="back" value=(back);
            input type="hidden" name="action" value=(action.encode());
            button type="submit" { (label) }
        }
    }
}

/// A page for a logged-in staff member: the navigation, the notes of what was just done, the
/// title and `body`.
pub fn frame(
    console: &Console,
    staff: &Staff,
    section: Section,
    title: &str,
    flash: &[String],
    body: Markup,
) -> Response {
    frame_with(console, staff, section, title, flash, body, None)
}

/// A [`frame`] that reloads itself every `refresh` seconds (a page that follows something
/// under way, with no script).
pub fn frame_with(
    console: &Console,
    staff: &Staff,
    section: Section,
    title: &str,
    flash: &[String],
    body: Markup,
    refresh: Option<u32>,
) -> Response {
    let w = console.words(staff.lang);
    let other = match staff.lang {
        Language::Id => Language::En,
        Language::En => Language::Id,
    };
    let role = staff.role.message_id();
    let markup = html! {
        (DOCTYPE)
        html lang=(staff.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                @if let Some(seconds) = refresh {
                    meta http-equiv="refresh" content=(seconds);
                }
                title { (title) " · " (w.t("console-name")) }
                link rel="stylesheet" href="/static/console.css";
            }
            body {
                a.skip href="#main" { (w.t("console-skip")) }
                header.top {
                    span.brand { (w.t("console-name")) }
                    nav aria-label=(w.t("console-nav")) {
                        ul {
                            @for s in Section::ALL.into_iter().filter(|s| s.for_role(staff.role)) {
                                li {
                                    @if s == section {
                                        a href=(s.path()) aria-current="page" { (w.t(s.label())) }
                                    } @else {
                                        a href=(s.path()) { (w.t(s.label())) }
                                    }
                                }
                            }
                        }
                    }
                    div.who {
                        span { (w.t(&role)) }
                        form method="post" action="/language" {
                            (csrf(staff))
                            input type="hidden" name="lang" value=(other.code());
                            input type="hidden" name="back" value=(staff.path);
                            button type="submit" lang=(other.code()) {
                                (console.words(other).t("console-language-switch"))
                            }
                        }
                        form method="post" action="/logout" {
                            (csrf(staff))
                            button type="submit" { (w.t("console-log-out")) }
                        }
                    }
                }
                main #main {
                    @for note in flash {
                        p.flash role="status" { (note) }
                    }
                    h1 { (title) }
                    (body)
                }
            }
        }
    };
    markup.into_response()
}

/// A page for someone not logged in (log in, a spent link, an error).
pub fn bare(
    console: &Console,
    lang: Language,
    status: StatusCode,
    title: &str,
    body: Markup,
) -> Response {
    let w = console.words(lang);
    let markup = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (w.t("console-name")) }
                link rel="stylesheet" href="/static/console.css";
            }
            body.bare {
                main #main {
                    p.brand { (w.t("console-name")) }
                    h1 { (title) }
                    (body)
                }
            }
        }
    };
    (status, markup).into_response()
}

/// A page that says one thing: the title `id`, the text `id-body`, the way home.
pub fn notice(console: &Console, lang: Language, status: StatusCode, id: &str) -> Response {
    let w = console.words(lang);
    bare(
        console,
        lang,
        status,
        &w.t(id),
        html! {
            p { (w.t(&format!("{id}-body"))) }
            p { a href="/" { (w.t("console-back-home")) } }
        },
    )
}

/// Nothing here, or nothing of this officer's: the same page for both.
pub fn not_found(console: &Console, lang: Language) -> Response {
    notice(console, lang, StatusCode::NOT_FOUND, "console-not-found")
}

pub async fn not_found_anywhere(
    axum::extract::State(console): axum::extract::State<std::sync::Arc<Console>>,
) -> Response {
    not_found(&console, console.default_language())
}

/// The database failed: said kindly, logged for the operator.
pub fn failure(console: &Console, lang: Language, error: &dyn std::fmt::Display) -> Response {
    tracing::error!(%error, "a console page failed");
    notice(
        console,
        lang,
        StatusCode::INTERNAL_SERVER_ERROR,
        "console-failure",
    )
}

/// A form without the session's token: refused, nothing done.
pub fn forged(console: &Console, lang: Language) -> Response {
    notice(console, lang, StatusCode::FORBIDDEN, "console-forged")
}

/// A form's fields, or (when one is missing or malformed) a kind page and nothing done,
/// rather than the framework's raw message.
pub struct Fields<T>(pub T);

impl<T: serde::de::DeserializeOwned> axum::extract::FromRequest<std::sync::Arc<Console>>
    for Fields<T>
{
    type Rejection = Response;

    async fn from_request(
        request: Request,
        console: &std::sync::Arc<Console>,
    ) -> Result<Fields<T>, Response> {
        match axum::extract::Form::<T>::from_request(request, console).await {
            Ok(axum::extract::Form(fields)) => Ok(Fields(fields)),
            Err(_) => Err(notice(
                console,
                console.default_language(),
                StatusCode::BAD_REQUEST,
                "console-bad-form",
            )),
        }
    }
}

/// A form posted as fields (`application/x-www-form-urlencoded`) or with files
/// (`multipart/form-data`): its fields in order, and its files that are not empty as (field,
/// bytes). Anything unreadable or too big gets a kind page and nothing is done.
pub struct Posted {
    pub fields: Vec<(String, String)>,
    pub files: Vec<(String, Vec<u8>)>,
}

impl axum::extract::FromRequest<std::sync::Arc<Console>> for Posted {
    type Rejection = Response;

    async fn from_request(
        request: Request,
        console: &std::sync::Arc<Console>,
    ) -> Result<Posted, Response> {
        let bad = |status| {
            notice(
                console,
                console.default_language(),
                status,
                "console-bad-form",
            )
        };
        let multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            let Fields(fields) =
                Fields::<Vec<(String, String)>>::from_request(request, console).await?;
            return Ok(Posted {
                fields,
                files: Vec::new(),
            });
        }
        let mut form = axum::extract::Multipart::from_request(request, console)
            .await
            .map_err(|_| bad(StatusCode::BAD_REQUEST))?;
        let mut posted = Posted {
            fields: Vec::new(),
            files: Vec::new(),
        };
        loop {
            match form.next_field().await {
                Ok(Some(field)) => {
                    let name = field.name().unwrap_or_default().to_owned();
                    let is_file = field.file_name().is_some();
                    let bytes = field.bytes().await.map_err(|_| {
                        notice(
                            console,
                            console.default_language(),
                            StatusCode::PAYLOAD_TOO_LARGE,
                            "console-file-too-big",
                        )
                    })?;
                    if is_file {
                        if !bytes.is_empty() {
                            posted.files.push((name, bytes.to_vec()));
                        }
                    } else {
                        let text = String::from_utf8(bytes.to_vec())
                            .map_err(|_| bad(StatusCode::BAD_REQUEST))?;
                        posted.fields.push((name, text));
                    }
                }
                Ok(None) => return Ok(posted),
                Err(_) => return Err(bad(StatusCode::BAD_REQUEST)),
            }
        }
    }
}

/// 303 to `to`.
pub fn see_other(to: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(
            header::LOCATION,
            HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")),
        )],
    )
        .into_response()
}

/// A path of ours to go back to after a form (`/questions/12`), else the overview: never
/// another site.
pub fn back_to(path: Option<&str>) -> String {
    match path {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && p.chars().all(|c| c.is_ascii_graphic()) =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_goes_back_only_to_a_page_of_ours() {
        assert_eq!(
            back_to(Some("/questions/3?filter=open")),
            "/questions/3?filter=open"
        );
        for away in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "x",
            "/a b",
        ] {
            assert_eq!(back_to(Some(away)), "/", "{away}");
        }
        assert_eq!(back_to(None), "/");
    }
}
