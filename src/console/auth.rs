//! Logging in with the bot's one-time link, the session behind each request, and one's
//! sessions (log out here, or everywhere).

use std::sync::Arc;

use axum::{
    extract::{FromRequestParts, Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts},
    response::Response,
};
use maud::html;
use serde::Deserialize;

use super::Console;
use super::page::{self, Section};
use crate::domain::{Language, staff::Scope, staff::StaffRole};
use crate::engine::console::{new_token, token_hash};
use crate::store::{self, console, console::Session};

const COOKIE: &str = "dm_console";

/// A logged-in staff member, as the bot knows them at this moment: a session whose person is
/// no longer staff is ended, and a changed area applies from the next page on.
pub struct Staff {
    pub user_id: i64,
    pub role: StaffRole,
    pub scope: Scope,
    pub session: Session,
    pub lang: Language,
    /// The page asked for (path and query), to come back to after switching language.
    pub path: String,
}

impl Staff {
    /// The form's token is the session's (compared in constant time).
    pub fn form_is_ours(&self, token: &str) -> bool {
        let (a, b) = (self.session.csrf.as_bytes(), token.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
    }
}

/// The value of cookie `name`, if the request has it.
fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

impl Console {
    /// The session's cookie. It has no expiry of its own: the server ends a session after 12
    /// hours without use (and the browser forgets the cookie when it closes); `clear` removes
    /// it.
    fn session_cookie(&self, token: &str, clear: bool) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        let expiry = if clear { "; Max-Age=0" } else { "" };
        HeaderValue::from_str(&format!(
            "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{expiry}{secure}"
        ))
        .expect("hex digits make a valid header")
    }
}

fn to_login(console: &Console) -> Response {
    let mut response = page::see_other("/login");
    response
        .headers_mut()
        .insert(header::SET_COOKIE, console.session_cookie("", true));
    response
}

impl FromRequestParts<Arc<Console>> for Staff {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        console: &Arc<Console>,
    ) -> Result<Staff, Response> {
        let lang = console.default_language();
        let Some(token) = cookie(&parts.headers, COOKIE).filter(|t| !t.is_empty()) else {
            return Err(page::see_other("/login"));
        };
        let hash = token_hash(token);
        let engine = &console.engine;
        let now = engine.clock().now();
        let session = engine
            .reader()
            .read(async |tx| console::session(tx, &hash, now).await)
            .await
            .map_err(|e| page::failure(console, lang, &e))?;
        let Some(session) = session else {
            return Err(to_login(console));
        };
        let role = engine
            .staff_role(session.user_id)
            .await
            .map_err(|e| page::failure(console, lang, &e))?;
        let Some((role, scope)) = role else {
            // No longer staff: their sessions end now.
            let user_id = session.user_id;
            engine
                .writer()
                .write(async |tx| console::end_all(tx, user_id).await)
                .await
                .map_err(|e| page::failure(console, lang, &e))?;
            return Err(to_login(console));
        };
        if console::needs_touch(&session, now) {
            let id = session.id;
            engine
                .writer()
                .write(async |tx| console::touch(tx, id, now).await)
                .await
                .map_err(|e| page::failure(console, lang, &e))?;
        }
        Ok(Staff {
            user_id: session.user_id,
            role,
            scope,
            lang: session.language,
            session,
            path: parts
                .uri
                .path_and_query()
                .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned()),
        })
    }
}

/// `GET /login`: how to log in.
pub async fn login_help(State(console): State<Arc<Console>>) -> Response {
    let lang = console.default_language();
    let w = console.words(lang);
    let other = console.words(match lang {
        Language::Id => Language::En,
        Language::En => Language::Id,
    });
    page::bare(
        &console,
        lang,
        StatusCode::OK,
        &w.t("console-login-title"),
        html! {
            p { (w.t("console-login-how")) }
            p lang=(other.lang.code()) { (other.t("console-login-how")) }
        },
    )
}

fn too_many(console: &Console, lang: Language) -> Response {
    page::notice(
        console,
        lang,
        StatusCode::TOO_MANY_REQUESTS,
        "console-login-busy",
    )
}

fn spent(console: &Console, lang: Language) -> Response {
    page::notice(console, lang, StatusCode::GONE, "console-login-spent")
}

/// A link's token as typed: 64 hex digits, else not one of ours.
fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `GET /login/{token}`: the page with the button that logs in (the link itself spends
/// nothing).
pub async fn login_page(
    State(console): State<Arc<Console>>,
    Path(token): Path<String>,
) -> Response {
    let lang = console.default_language();
    let now = console.engine.clock().now();
    let hash = token_hash(&token);
    let usable = match well_formed(&token) {
        true => match console
            .engine
            .reader()
            .read(async |tx| console::link_usable(tx, &hash, now).await)
            .await
        {
            Ok(usable) => usable,
            Err(e) => return page::failure(&console, lang, &e),
        },
        false => false,
    };
    if !usable {
        return refused(&console, lang);
    }
    let w = console.words(lang);
    page::bare(
        &console,
        lang,
        StatusCode::OK,
        &w.t("console-login-title"),
        html! {
            p { (w.t("console-login-confirm")) }
            form method="post" action="/login" {
                input type="hidden" name="token" value=(token);
                button.primary type="submit" #log-in { (w.t("console-login-button")) }
            }
        },
    )
}

/// A link that does not work. Only failures count against the limit, so that someone
/// trying links cannot keep out the officers who have a real one.
fn refused(console: &Console, lang: Language) -> Response {
    match console.logins.check() {
        Ok(()) => spent(console, lang),
        Err(_) => too_many(console, lang),
    }
}

#[derive(Deserialize)]
pub struct LogIn {
    token: String,
}

/// A short description of the browser, to tell one's sessions apart ("Chrome, Android"); the
/// rest of what the browser says of itself is not kept.
fn browser(headers: &HeaderMap) -> String {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let name = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(mark, _)| agent.contains(mark))
    .map_or("?", |(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(mark, _)| agent.contains(mark))
    .map_or("?", |(_, name)| name);
    format!("{name}, {system}")
}

/// `POST /login`: spends the link and starts a session in the officer's bot language.
pub async fn log_in(
    State(console): State<Arc<Console>>,
    headers: HeaderMap,
    page::Fields(form): page::Fields<LogIn>,
) -> Response {
    let lang = console.default_language();
    // A log-in sent from another site's page (to log this browser into someone else's
    // account): refused.
    let cross_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| site == "cross-site");
    if cross_site {
        return page::forged(&console, lang);
    }
    if !well_formed(&form.token) {
        return refused(&console, lang);
    }
    let (session_token, csrf) = match (new_token(), new_token()) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return page::failure(&console, lang, &e),
    };
    let engine = &console.engine;
    let now = engine.clock().now();
    let link = token_hash(&form.token);
    let session_hash = token_hash(&session_token);
    let browser = browser(&headers);
    let default = lang;
    let started = engine
        .writer()
        .write(async |tx| -> store::Result<bool> {
            let console::LinkUse::Fresh { user_id } = console::use_link(tx, &link, now).await?
            else {
                return Ok(false);
            };
            let language = store::users::language_of(tx, user_id, default).await?;
            let new = console::NewSession {
                token_hash: &session_hash,
                user_id,
                csrf: &csrf,
                language,
                browser: &browser,
            };
            console::start_session(tx, &new, now).await?;
            store::audit::record(tx, user_id, "console.log_in", &browser, now).await?;
            Ok(true)
        })
        .await;
    match started {
        Ok(true) => {
            let mut response = page::see_other("/");
            response.headers_mut().insert(
                header::SET_COOKIE,
                console.session_cookie(&session_token, false),
            );
            response
        }
        Ok(false) => refused(&console, lang),
        Err(e) => page::failure(&console, lang, &e),
    }
}

#[derive(Deserialize)]
pub struct Plain {
    csrf: String,
}

/// `POST /logout`: ends this session.
pub async fn log_out(
    State(console): State<Arc<Console>>,
    staff: Staff,
    page::Fields(form): page::Fields<Plain>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    let (user_id, id) = (staff.user_id, staff.session.id);
    match console
        .engine
        .writer()
        .write(async |tx| console::end_session(tx, user_id, id).await)
        .await
    {
        Ok(_) => to_login(&console),
        Err(e) => page::failure(&console, staff.lang, &e),
    }
}

#[derive(Deserialize)]
pub struct SetLanguage {
    csrf: String,
    lang: String,
    back: Option<String>,
}

/// `POST /language`: the console's pages in the other language (the bot's is not changed).
pub async fn set_language(
    State(console): State<Arc<Console>>,
    staff: Staff,
    page::Fields(form): page::Fields<SetLanguage>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    let Some(lang) = Language::parse(&form.lang) else {
        return page::see_other("/");
    };
    let id = staff.session.id;
    if let Err(e) = console
        .engine
        .writer()
        .write(async |tx| console::set_language(tx, id, lang).await)
        .await
    {
        return page::failure(&console, staff.lang, &e);
    }
    page::see_other(&page::back_to(form.back.as_deref()))
}

/// `GET /sessions`: where one is logged in, with «log out» for each and everywhere.
pub async fn sessions(State(console): State<Arc<Console>>, staff: Staff) -> Response {
    let now = console.engine.clock().now();
    let user_id = staff.user_id;
    let list = match console
        .engine
        .reader()
        .read(async |tx| console::sessions_of(tx, user_id, now).await)
        .await
    {
        Ok(list) => list,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let flash = console.take_flash(staff.session.id);
    let body = html! {
        p { (w.t("console-sessions-intro")) }
        table {
            thead { tr {
                th scope="col" { (w.t("console-sessions-browser")) }
                th scope="col" { (w.t("console-sessions-started")) }
                th scope="col" { (w.t("console-sessions-last")) }
                th scope="col" { span.hidden { (w.t("console-sessions-actions")) } }
            } }
            tbody {
                @for s in &list {
                    tr {
                        td { (s.browser)
                            @if s.id == staff.session.id { " " strong { (w.t("console-sessions-this")) } } }
                        td { (w.time(s.started_at)) }
                        td { (w.time(s.last_seen)) }
                        td {
                            form method="post" action={"/sessions/" (s.id) "/end"} {
                                (page::csrf(&staff))
                                button type="submit" { (w.t("console-sessions-end")) }
                            }
                        }
                    }
                }
            }
        }
        form method="post" action="/sessions/end-all" {
            (page::csrf(&staff))
            button.danger type="submit" #end-all { (w.t("console-sessions-end-all")) }
        }
    };
    page::frame(
        &console,
        &staff,
        Section::Sessions,
        &w.t("console-sessions-title"),
        &flash,
        body,
    )
}

/// `POST /sessions/{id}/end`: one of one's own sessions ends (another's: nothing, 404).
pub async fn end_one(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
    page::Fields(form): page::Fields<Plain>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    let Some(id) = crate::engine::action::parse_id(&id) else {
        return page::not_found(&console, staff.lang);
    };
    let user_id = staff.user_id;
    match console
        .engine
        .writer()
        .write(async |tx| console::end_session(tx, user_id, id).await)
        .await
    {
        Ok(true) if id == staff.session.id => to_login(&console),
        Ok(true) => {
            let w = console.words(staff.lang);
            console.add_flash(staff.session.id, vec![w.t("console-sessions-ended")]);
            page::see_other("/sessions")
        }
        Ok(false) => page::not_found(&console, staff.lang),
        Err(e) => page::failure(&console, staff.lang, &e),
    }
}

/// `POST /sessions/end-all`: logged out everywhere, this browser too, and links not used yet
/// are spent.
pub async fn end_all(
    State(console): State<Arc<Console>>,
    staff: Staff,
    page::Fields(form): page::Fields<Plain>,
) -> Response {
    if !staff.form_is_ours(&form.csrf) {
        return page::forged(&console, staff.lang);
    }
    let user_id = staff.user_id;
    let now = console.engine.clock().now();
    match console
        .engine
        .writer()
        .write(async |tx| {
            let ended = console::end_all(tx, user_id).await?;
            store::audit::record(
                tx,
                user_id,
                "console.log_out_everywhere",
                &ended.to_string(),
                now,
            )
            .await
        })
        .await
    {
        Ok(()) => to_login(&console),
        Err(e) => page::failure(&console, staff.lang, &e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; dm_console=abc; b=2"),
        );
        assert_eq!(cookie(&headers, COOKIE), Some("abc"));
        assert_eq!(cookie(&HeaderMap::new(), COOKIE), None);
    }

    #[test]
    fn browsers_are_named_briefly() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::USER_AGENT,
            HeaderValue::from_static(
                "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
            ),
        );
        assert_eq!(browser(&headers), "Chrome, Android");
        assert_eq!(browser(&HeaderMap::new()), "?, ?");
    }

    #[test]
    fn only_64_hex_digits_are_a_link() {
        assert!(well_formed(&"a".repeat(64)));
        assert!(!well_formed(&"a".repeat(63)));
        assert!(!well_formed(&format!("{}<", "a".repeat(63))));
    }
}
