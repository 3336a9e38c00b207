//! Announcements from the console: write one in both languages, choose who gets it with the
//! number of people beside each choice, see it as recipients will with the exact count, send
//! it now or at a time, and follow it (pause, resume, stop) to its final report; and the list
//! of past ones. The bot's rules apply: its checks, its audit line, its paced delivery.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use chrono::TimeZone;
use maud::{Markup, html};
use serde::Deserialize;

use super::Console;
use super::auth::Staff;
use super::page::{self, Section, Words};
use crate::areas::Gazetteer;
use crate::domain::{
    Destination, Interest, Language, Role,
    area::{DistrictCode, RegencyCode, VillageCode},
    audience::{Filter, Place},
    staff::{Scope, StaffRole},
};
use crate::engine::{
    Action, Msg,
    broadcast::{self, BroadcastAction, Written},
};
use crate::store::{
    self,
    audiences::Breakdown,
    broadcasts::{Broadcast, BroadcastStatus, Counts},
    trainings::Training,
};

const PER_PAGE: i64 = 25;

/// How long an area's numbers beside the choices are shown before they are counted again.
const FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(60);

/// How often a page of an announcement being sent reloads itself (no script: a `<meta>`).
const RELOAD_EVERY: u32 = 3;

/// The compose form as typed, to check, to show again and to carry through the preview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Draft {
    texts: BTreeMap<Language, String>,
    roles: Vec<Role>,
    languages: Vec<Language>,
    interests: Vec<Interest>,
    countries: Vec<Destination>,
    place: Option<Place>,
    training: Option<i64>,
    later: bool,
    /// As the browser's date and time field sends it (`2026-12-20T09:00`).
    send_at: String,
    /// The photo chosen, by the token it is held under (see [`HeldPhoto`]).
    photo: Option<String>,
    /// «Hapus foto» ticked.
    drop_photo: bool,
}

/// A photo chosen for an announcement, held between the form, the preview and «Kirim».
pub struct HeldPhoto {
    session: i64,
    bytes: Arc<Vec<u8>>,
    at: std::time::Instant,
}

/// Photos held at most, and for how long: a photo is up to 5 MB.
const PHOTOS_HELD: usize = 40;
const PHOTO_HELD_FOR: std::time::Duration = std::time::Duration::from_secs(3 * 3600);

/// Holds `bytes` for this session; returns its token.
fn hold_photo(console: &Console, session: i64, bytes: Vec<u8>) -> Option<String> {
    let token = crate::engine::console::new_token().ok()?;
    let mut photos = console.photos.lock().ok()?;
    photos.retain(|_, held| held.at.elapsed() < PHOTO_HELD_FOR);
    while photos.len() >= PHOTOS_HELD {
        let oldest = photos
            .iter()
            .min_by_key(|(_, held)| held.at)
            .map(|(token, _)| token.clone())?;
        photos.remove(&oldest);
    }
    let held = HeldPhoto {
        session,
        bytes: Arc::new(bytes),
        at: std::time::Instant::now(),
    };
    photos.insert(token.clone(), held);
    Some(token)
}

/// The photo held under `token` for this session.
fn held_photo(console: &Console, session: i64, token: &str) -> Option<Arc<Vec<u8>>> {
    let photos = console.photos.lock().ok()?;
    photos
        .get(token)
        .filter(|held| held.session == session && held.at.elapsed() < PHOTO_HELD_FOR)
        .map(|held| held.bytes.clone())
}

/// `GET /broadcasts/photo/{token}`: a photo held for this session's announcement (else 404).
pub async fn photo(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(token): Path<String>,
) -> Response {
    let Some(bytes) = held_photo(&console, staff.session.id, &token) else {
        return page::not_found(&console, staff.lang);
    };
    let kind = if bytes.starts_with(b"\x89PNG") {
        "image/png"
    } else {
        "image/jpeg"
    };
    (
        [(axum::http::header::CONTENT_TYPE, kind)],
        bytes.as_ref().clone(),
    )
        .into_response()
}

/// A place as a form's value: `r3301`, `d330101`, `v3301012001`.
fn place_value(place: Place) -> String {
    match place {
        Place::Regency(code) => format!("r{}", code.compact()),
        Place::District(code) => format!("d{}", code.compact()),
        Place::Village(code) => format!("v{}", code.compact()),
    }
}

fn parse_place(value: &str) -> Option<Place> {
    let (kind, code) = value.split_at_checked(1)?;
    Some(match kind {
        "r" => Place::Regency(RegencyCode::parse(code)?),
        "d" => Place::District(DistrictCode::parse(code)?),
        "v" => Place::Village(VillageCode::parse(code)?),
        _ => return None,
    })
}

/// Adds `value` once.
fn add<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

impl Draft {
    /// The form's fields; `None` when a value is not one the form offers (a forged form).
    fn parse(fields: &[(String, String)]) -> Option<Draft> {
        let mut draft = Draft::default();
        for (name, value) in fields {
            match name.as_str() {
                "text_id" | "text_en" => {
                    let language = if name == "text_id" {
                        Language::Id
                    } else {
                        Language::En
                    };
                    // Browsers send a textarea's lines with CR LF.
                    draft.texts.insert(language, value.replace("\r\n", "\n"));
                }
                "role" => add(&mut draft.roles, Role::parse(value)?),
                "lang" => add(&mut draft.languages, Language::parse(value)?),
                "interest" => add(&mut draft.interests, Interest::parse(value)?),
                "country" => add(&mut draft.countries, Destination::parse(value)?),
                "place" if value.is_empty() => draft.place = None,
                "place" => draft.place = Some(parse_place(value)?),
                "training" if value.is_empty() => draft.training = None,
                "training" => draft.training = Some(crate::engine::action::parse_id(value)?),
                "when" => draft.later = value == "later",
                "photo_kept"
                    if value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()) =>
                {
                    draft.photo = Some(value.clone())
                }
                "photo_kept" => return None,
                "photo_drop" => draft.drop_photo = true,
                "send_at" => draft.send_at = value.trim().to_owned(),
                _ => {}
            }
        }
        Some(draft)
    }

    /// What the engine checks; `Err` when the time cannot be read.
    fn written(&self, timezone: chrono_tz::Tz) -> Result<Written, Msg> {
        // A time typed means later, even with «Segera» left chosen (the preview says when).
        let later = self.later || !self.send_at.trim().is_empty();
        let send_at = match later {
            false => None,
            true => Some(local_time(&self.send_at, timezone)?),
        };
        Ok(Written {
            texts: self
                .texts
                .iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(l, t)| (*l, t.trim().to_owned()))
                .collect(),
            filter: Filter {
                places: self.place.into_iter().collect(),
                roles: self.roles.clone(),
                interests: self.interests.clone(),
                countries: self.countries.clone(),
                languages: self.languages.clone(),
                training: self.training,
                ..Filter::default()
            },
            send_at,
            photo: None,
        })
    }

    /// The draft as hidden fields, for the preview's buttons.
    fn hidden(&self) -> Markup {
        html! {
            @for (language, text) in &self.texts {
                input type="hidden" name={"text_" (language.code())} value=(text);
            }
            @for r in &self.roles { input type="hidden" name="role" value=(r.code()); }
            @for l in &self.languages { input type="hidden" name="lang" value=(l.code()); }
            @for i in &self.interests { input type="hidden" name="interest" value=(i.code()); }
            @for c in &self.countries { input type="hidden" name="country" value=(c.code()); }
            @if let Some(place) = self.place { input type="hidden" name="place" value=(place_value(place)); }
            @if let Some(id) = self.training { input type="hidden" name="training" value=(id); }
            input type="hidden" name="when" value=(if self.later { "later" } else { "now" });
            input type="hidden" name="send_at" value=(self.send_at);
            @if let Some(token) = &self.photo { input type="hidden" name="photo_kept" value=(token); }
        }
    }
}

/// A date and time in the programme's time zone, as a browser's `datetime-local` field sends
/// it (`2026-12-20T09:00`) or as people type it where a browser has no such field
/// (`20/12/2026 09.00`; see `domain::when`). A date that could be either of two days is asked
/// again.
fn local_time(typed: &str, timezone: chrono_tz::Tz) -> Result<i64, Msg> {
    use crate::domain::when::{Read, read};
    let local = match read(typed, None) {
        Read::At(local) => local,
        Read::Either(..) => return Err(Msg::new("training-invalid-ambiguous")),
        Read::NoTime => return Err(Msg::new("training-invalid-no-time")),
        Read::Unreadable => return Err(Msg::new("console-broadcast-time-format")),
    };
    timezone
        .from_local_datetime(&local)
        .earliest()
        .map(|at| at.timestamp())
        .ok_or_else(|| Msg::new("training-invalid-no-such-time"))
}

/// The numbers beside the choices for the officer's area, counted at most once a minute.
async fn breakdown_of(console: &Console, scope: &Scope) -> store::Result<(i64, Breakdown)> {
    let key = format!("{scope:?}");
    if let Ok(cache) = console.audiences.lock()
        && let Some((counted, at, breakdown)) = cache.get(&key)
        && counted.elapsed() < FRESH_FOR
    {
        return Ok((*at, breakdown.clone()));
    }
    let scope = scope.clone();
    let breakdown = console
        .engine
        .reader()
        .read(async |tx| store::audiences::breakdown(tx, &scope).await)
        .await?;
    let at = console.engine.clock().now().timestamp();
    if let Ok(mut cache) = console.audiences.lock() {
        cache.insert(key, (std::time::Instant::now(), at, breakdown.clone()));
    }
    Ok((at, breakdown))
}

/// A place of the breakdown, named.
fn place_of(scope: &Scope, code: i64) -> Option<Place> {
    Some(match scope {
        Scope::Country => Place::Regency(RegencyCode::from_number(code)?),
        Scope::Regencies(_) => Place::District(DistrictCode::from_number(code)?),
        Scope::Villages(_) => Place::Village(VillageCode::from_number(code)?),
    })
}

fn place_label(w: Words<'_>, gazetteer: &Gazetteer, place: Place) -> String {
    match place {
        Place::Regency(code) => gazetteer
            .regency_name(code)
            .map_or_else(|| code.to_string(), str::to_owned),
        Place::District(code) => {
            let regency = gazetteer.regency_name(code.regency()).unwrap_or_default();
            match gazetteer.district_name(code) {
                Some(name) => w.msg(
                    &Msg::new("console-broadcast-district")
                        .arg("district", name)
                        .arg("regency", regency),
                ),
                None => code.to_string(),
            }
        }
        Place::Village(code) => gazetteer.village(code).map_or_else(
            || code.to_string(),
            |hit| w.msg(&crate::engine::places::label(&hit)),
        ),
    }
}

/// Who may open announcement `b`: admins any, other staff their own (as in the bot).
fn may_see(staff: &Staff, b: &Broadcast) -> bool {
    staff.role == StaffRole::Admin || b.officer_id == staff.user_id
}

#[derive(Deserialize)]
pub struct Listed {
    page: Option<String>,
}

/// `GET /broadcasts`: the officer's announcements (an admin's: everyone's), newest first.
pub async fn list(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Query(query): Query<Listed>,
) -> Response {
    let page_no = page::number(query.page.as_deref());
    let officer = (staff.role != StaffRole::Admin).then_some(staff.user_id);
    let offset = i64::from(page_no - 1) * PER_PAGE;
    let places = console.engine.places();
    let read = console
        .engine
        .reader()
        .read(async |tx| -> store::Result<_> {
            let (rows, total) = store::broadcasts::page(tx, officer, PER_PAGE, offset).await?;
            Ok((rows, total, places.get(tx).await?))
        })
        .await;
    let (rows, total, gazetteer) = match read {
        Ok(read) => read,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let pages = crate::engine::pillars::pages_of(total, PER_PAGE);
    if page_no > pages {
        return page::see_other(&format!("/broadcasts?page={pages}"));
    }
    let w = console.words(staff.lang);
    let body = html! {
        p { a.button.primary href="/broadcasts/new" { (w.t("console-broadcast-new")) } }
        @if rows.is_empty() {
            p.empty { (w.t("console-broadcasts-none")) }
        } @else {
            (page::table(w, &["console-col-number", "console-col-announcement", "console-col-audience", "console-col-send-at", "console-col-status", "console-col-delivered"], html! { @for b in &rows {
                    tr {
                        td { a href={"/broadcasts/" (b.id)} { "#" (b.id) } }
                        td { (start_of(&first_text(b, staff.lang))) }
                        td { (audience_label(w, &gazetteer, b, staff.user_id)) }
                        td { (w.time(b.send_at)) }
                        td { (w.t(&b.status.message_id())) }
                        td { @if matches!(b.status, BroadcastStatus::Done | BroadcastStatus::Cancelled) {
                            (b.delivered) " / " (b.recipients)
                        } @else if b.recipients > 0 { "… / " (b.recipients) } @else { "—" } }
                    }
                } }))
        }
        (page::pager(w, page_no, pages, |p| format!("/broadcasts?page={p}")))
    };
    let flash = console.take_flash(staff.session.id);
    page::frame(
        &console,
        &staff,
        Section::Broadcasts,
        &w.t("console-broadcasts-title"),
        &flash,
        body,
    )
}

/// The words in `lang`, else in the other language.
fn first_text(b: &Broadcast, lang: Language) -> String {
    store::broadcasts::Announcement {
        text_id: b.text_id.clone(),
        text_en: b.text_en.clone(),
        photo_file_id: None,
        draft: false,
        photo_upload: None,
        join_training_id: None,
    }
    .text_in(lang)
}

/// The first 80 characters, for a list.
fn start_of(text: &str) -> String {
    let mut chars = text.chars();
    let start: String = chars.by_ref().take(80).collect();
    match chars.next() {
        Some(_) => format!("{start}…"),
        None => start,
    }
}

fn audience_label(w: Words<'_>, gazetteer: &Gazetteer, b: &Broadcast, viewer: i64) -> String {
    match serde_json::from_str(&b.audience) {
        Ok(audience) if b.officer_id == viewer => w.msg(&broadcast::named(gazetteer, &audience)),
        Ok(audience) => w.msg(&broadcast::named_for_others(gazetteer, &audience)),
        Err(_) => "—".to_owned(),
    }
}

/// `GET /broadcasts/new`: an empty form.
pub async fn new(State(console): State<Arc<Console>>, staff: Staff) -> Response {
    compose_page(&console, &staff, &Draft::default(), None).await
}

/// The compose form, with what was typed and (when it was refused) why.
async fn compose_page(
    console: &Console,
    staff: &Staff,
    draft: &Draft,
    problem: Option<Msg>,
) -> Response {
    let (counted_at, counts) = match breakdown_of(console, &staff.scope).await {
        Ok(found) => found,
        Err(e) => return page::failure(console, staff.lang, &e),
    };
    let now = console.engine.clock().now();
    let seen = store::trainings::Seen::Staff(staff.scope.clone());
    let places = console.engine.places();
    let read = console
        .engine
        .reader()
        .read(
            async |tx| -> store::Result<(Vec<Training>, Arc<Gazetteer>)> {
                let trainings = store::trainings::upcoming(tx, now, &seen, true, 100, 0).await?;
                Ok((trainings, places.get(tx).await?))
            },
        )
        .await;
    let (trainings, gazetteer) = match read {
        Ok(read) => read,
        Err(e) => return page::failure(console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let timezone = console.engine.settings().timezone;
    let tomorrow = (now + chrono::Duration::days(1)).with_timezone(&timezone);
    let example = format!("{}T09:00", tomorrow.format("%Y-%m-%d"));
    let text_of = |l: Language| draft.texts.get(&l).cloned().unwrap_or_default();
    let checkbox = |name: &str, code: &str, on: bool, label: String, count: i64| {
        html! {
            label.choice {
                input type="checkbox" name=(name) value=(code) checked[on];
                " " (label) " " span.count { "(" (w.msg(&Msg::new("console-number").arg("n", count))) ")" }
            }
        }
    };
    let status = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let body = html! {
        @if let Some(problem) = &problem {
            p.problem role="alert" { (w.msg(problem)) }
        }
        form.compose method="post" action="/broadcasts/new" enctype="multipart/form-data" {
            (page::csrf(staff))
            fieldset {
                legend { (w.t("console-broadcast-words")) }
                @if let Some(token) = &draft.photo {
                    figure.bubble {
                        img src={"/broadcasts/photo/" (token)} alt=(w.t("console-broadcast-photo-chosen")) width="240";
                        figcaption { (w.t("console-broadcast-photo-chosen")) }
                    }
                    input type="hidden" name="photo_kept" value=(token);
                    label.choice { input type="checkbox" name="photo_drop" value="1"; " " (w.t("console-broadcast-photo-drop")) }
                }
                label for="photo" { (w.t("console-broadcast-photo")) }
                input #photo type="file" name="photo" accept="image/jpeg,image/png";
                p.hint { (w.t("console-broadcast-photo-hint")) }
                label for="text_id" { (w.t("language-name-id")) }
                textarea #text_id name="text_id" rows="6" maxlength=(broadcast::MAX_TEXT) { (text_of(Language::Id)) }
                label for="text_en" { (w.t("language-name-en")) }
                textarea #text_en name="text_en" rows="6" maxlength=(broadcast::MAX_TEXT) { (text_of(Language::En)) }
                p.hint { (w.t("console-broadcast-words-hint")) }
            }
            fieldset {
                legend { (w.t("console-broadcast-audience")) }
                p { (w.msg(&Msg::new("console-broadcast-registered").arg("count", counts.total).arg("time", crate::engine::Arg::Time(counted_at)))) }
                p.hint { (w.t("console-broadcast-audience-hint")) }
                fieldset.choices {
                    legend { (w.t("console-broadcast-roles")) }
                    @for (role, n) in &counts.roles {
                        (checkbox("role", role.code(), draft.roles.contains(role), w.t(&format!("broadcast-audience-{}", role.code())), *n))
                    }
                }
                fieldset.choices {
                    legend { (w.t("console-broadcast-languages")) }
                    @for (language, n) in &counts.languages {
                        (checkbox("lang", language.code(), draft.languages.contains(language), w.t(&format!("language-name-{}", language.code())), *n))
                    }
                }
                fieldset.choices {
                    legend { (w.t("console-broadcast-interests")) }
                    @for (interest, n) in &counts.interests {
                        (checkbox("interest", interest.code(), draft.interests.contains(interest), w.t(&interest.message_id()), *n))
                    }
                }
                fieldset.choices {
                    legend { (w.t("console-broadcast-countries")) }
                    @for (country, n) in &counts.countries {
                        (checkbox("country", country.code(), draft.countries.contains(country), w.t(&country.message_id()), *n))
                    }
                }
                label for="place" { (w.t("console-broadcast-place")) }
                select #place name="place" {
                    option value="" { (w.t("console-broadcast-place-all")) }
                    @for (code, n) in &counts.places {
                        @if let Some(place) = place_of(&staff.scope, *code) {
                            option value=(place_value(place)) selected[draft.place == Some(place)] {
                                (place_label(w, &gazetteer, place)) " (" (w.msg(&Msg::new("console-number").arg("n", *n))) ")"
                            }
                        }
                    }
                }
                label for="training" { (w.t("console-broadcast-training")) }
                select #training name="training" {
                    option value="" { (w.t("console-broadcast-training-any")) }
                    @for t in &trainings {
                        option value=(t.id) selected[draft.training == Some(t.id)] {
                            (t.details.title(staff.lang)) " · " (w.time(t.details.starts_at)) " (" (t.booked) ")"
                        }
                    }
                }
            }
            fieldset {
                legend { (w.t("console-broadcast-when")) }
                label.choice { input type="radio" name="when" value="now" checked[!draft.later]; " " (w.t("console-broadcast-now")) }
                label.choice { input type="radio" name="when" value="later" checked[draft.later]; " " (w.t("console-broadcast-later")) }
                label for="send_at" { (w.msg(&Msg::new("console-broadcast-time").arg("zone", page::zone_name(console)))) }
                input #send_at type="datetime-local" name="send_at" value=(draft.send_at) placeholder=(example);
            }
            button.primary #preview type="submit" name="go" value="preview" { (w.t("console-broadcast-preview")) }
        }
        p { a href="/broadcasts" { "← " (w.t("console-back-broadcasts")) } }
    };
    let flash = console.take_flash(staff.session.id);
    let mut response = page::frame(
        console,
        staff,
        Section::Broadcasts,
        &w.t("console-broadcast-new-title"),
        &flash,
        body,
    );
    *response.status_mut() = status;
    response
}

/// `POST /broadcasts/new`: `go=preview` checks the form and shows the announcement as
/// recipients will see it, with the exact count; `go=edit` goes back to the form; `go=send`
/// sends (or schedules) it.
pub async fn compose(
    State(console): State<Arc<Console>>,
    staff: Staff,
    posted: page::Posted,
) -> Response {
    let fields = posted.fields;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    if !staff.form_is_ours(field("csrf").unwrap_or_default()) {
        return page::forged(&console, staff.lang);
    }
    let Some(mut draft) = Draft::parse(&fields) else {
        return page::notice(
            &console,
            staff.lang,
            StatusCode::BAD_REQUEST,
            "console-bad-form",
        );
    };
    // A photo chosen now replaces the one held; «Hapus foto» drops it.
    if let Some((_, bytes)) = posted.files.into_iter().find(|(name, _)| name == "photo") {
        if let Some(problem) = broadcast::photo_problem(&bytes) {
            return compose_page(&console, &staff, &draft, Some(problem)).await;
        }
        draft.photo = hold_photo(&console, staff.session.id, bytes);
    }
    if draft.drop_photo {
        draft.photo = None;
        draft.drop_photo = false;
    }
    let photo = match &draft.photo {
        Some(token) => match held_photo(&console, staff.session.id, token) {
            Some(bytes) => Some(bytes),
            None => {
                // Held in memory only: gone after a restart, or another session's token.
                draft.photo = None;
                let problem = Msg::new("broadcast-photo-again");
                return compose_page(&console, &staff, &draft, Some(problem)).await;
            }
        },
        None => None,
    };
    let go = field("go").unwrap_or("preview");
    if go == "edit" {
        return compose_page(&console, &staff, &draft, None).await;
    }
    let mut written = match draft.written(console.engine.settings().timezone) {
        Ok(written) => written,
        Err(problem) => return compose_page(&console, &staff, &draft, Some(problem)).await,
    };
    written.photo = photo;
    if go == "send" {
        let Some(once) = field("once").filter(|t| t.len() == 64).map(str::to_owned) else {
            return page::notice(
                &console,
                staff.lang,
                StatusCode::BAD_REQUEST,
                "console-bad-form",
            );
        };
        // Claimed before it is sent, so two presses at once send one announcement.
        let earlier = console.sent.lock().ok().and_then(|mut sent| {
            if sent.len() > 10_000 {
                sent.clear();
            }
            match sent.get(&once) {
                Some(id) => Some(*id),
                None => {
                    sent.insert(once.clone(), 0);
                    None
                }
            }
        });
        match earlier {
            Some(0) => return page::see_other("/broadcasts"),
            Some(id) => return page::see_other(&format!("/broadcasts/{id}")),
            None => {}
        }
        let sent = console
            .engine
            .console_broadcast(staff.user_id, written.clone())
            .await;
        if let Ok(mut claimed) = console.sent.lock() {
            match &sent {
                Ok(Ok(id)) => claimed.insert(once, *id),
                // Not sent: the same preview may be sent once it is put right.
                _ => claimed.remove(&once),
            };
        }
        return match sent {
            Ok(Ok(id)) => {
                let w = console.words(staff.lang);
                let said = match written.send_at {
                    Some(at) => Msg::new("broadcast-scheduled")
                        .arg("id", id)
                        .arg("time", crate::engine::Arg::Time(at)),
                    None => Msg::new("console-broadcast-started").arg("id", id),
                };
                console.add_flash(staff.session.id, vec![w.msg(&said)]);
                page::see_other(&format!("/broadcasts/{id}"))
            }
            Ok(Err(problem)) => compose_page(&console, &staff, &draft, Some(problem)).await,
            Err(e) => page::failure(&console, staff.lang, &e),
        };
    }
    let settled = match console
        .engine
        .console_audience(&staff.scope, &written)
        .await
    {
        Ok(Ok(settled)) => settled,
        Ok(Err(problem)) => return compose_page(&console, &staff, &draft, Some(problem)).await,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let once = match crate::engine::console::new_token() {
        Ok(token) => token,
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let when = match written.send_at {
        Some(at) => Msg::new("broadcast-when-at").arg("time", crate::engine::Arg::Time(at)),
        None => Msg::new("broadcast-when-now"),
    };
    let send_label = match written.send_at {
        Some(_) => Msg::new("console-broadcast-schedule").arg("count", settled.count),
        None => Msg::new("broadcast-button-send").arg("count", settled.count),
    };
    let body = html! {
        p { (w.msg(&Msg::new("broadcast-preview-intro")
            .arg("audience", settled.named.clone())
            .arg("count", settled.count)
            .arg("when", when))) }
        @if let Some(token) = &draft.photo {
            figure.bubble {
                img src={"/broadcasts/photo/" (token)} alt=(w.t("console-broadcast-photo-chosen")) width="320";
            }
        }
        (bubbles(w, &written.texts))
        form.actions method="post" action="/broadcasts/new" {
            (page::csrf(&staff))
            (draft.hidden())
            input type="hidden" name="once" value=(once);
            button.primary #send type="submit" name="go" value="send" { (w.msg(&send_label)) }
            button type="submit" name="go" value="edit" { (w.t("console-broadcast-edit")) }
        }
        p { a href="/broadcasts" { (w.t("console-broadcast-drop")) } }
    };
    page::frame(
        &console,
        &staff,
        Section::Broadcasts,
        &w.t("console-broadcast-preview-title"),
        &[],
        body,
    )
}

/// The announcement as each language's recipients get it.
fn bubbles(w: Words<'_>, texts: &BTreeMap<Language, String>) -> Markup {
    html! {
        @for (language, text) in texts {
            figure.bubble lang=(language.code()) {
                figcaption { (w.t(&format!("language-name-{}", language.code()))) }
                p.pre { (text) }
            }
        }
        @if texts.len() == 1 {
            p.hint { (w.t("console-broadcast-one-language")) }
        }
    }
}

#[derive(Deserialize)]
pub struct Shown {
    /// `ask`: the page asks to confirm stopping (and does not reload meanwhile).
    stop: Option<String>,
}

/// `GET /broadcasts/{id}`: where an announcement stands, reloading itself while it is sent.
pub async fn show(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
    Query(shown): Query<Shown>,
) -> Response {
    let asking = shown.stop.as_deref() == Some("ask");
    let Some(id) = crate::engine::action::parse_id(&id) else {
        return page::not_found(&console, staff.lang);
    };
    let places = console.engine.places();
    let read = console
        .engine
        .reader()
        .read(async |tx| -> store::Result<_> {
            let Some(b) = store::broadcasts::find(tx, id).await? else {
                return Ok(None);
            };
            let counts = store::broadcasts::counts(tx, id).await?;
            let photo = store::broadcasts::has_photo(tx, id).await?;
            Ok(Some((b, counts, photo, places.get(tx).await?)))
        })
        .await;
    let (b, counts, with_photo, gazetteer) = match read {
        Ok(Some(found))
            if may_see(&staff, &found.0) && found.0.status != BroadcastStatus::Draft =>
        {
            found
        }
        Ok(_) => return page::not_found(&console, staff.lang),
        Err(e) => return page::failure(&console, staff.lang, &e),
    };
    let w = console.words(staff.lang);
    let back = format!("/broadcasts/{id}");
    let act = |label: &str, action: BroadcastAction| {
        page::button_form(&staff, &back, &w.t(label), &Action::Broadcast(action))
    };
    let total = b.recipients.max(counts.done() + counts.pending);
    let finished = matches!(b.status, BroadcastStatus::Done | BroadcastStatus::Cancelled);
    let done = if finished && counts.done() == 0 {
        // Counted when it ended (the copies may be cleaned away since).
        b.delivered + b.blocked + b.failed
    } else {
        counts.done()
    };
    let percent = match total {
        0 => 100,
        total => done * 100 / total,
    };
    let texts: BTreeMap<Language, String> =
        [(Language::Id, &b.text_id), (Language::En, &b.text_en)]
            .into_iter()
            .filter_map(|(l, t)| Some((l, t.clone()?)))
            .collect();
    let shown = |n: i64, final_n: i64| {
        if finished && counts.done() == 0 {
            final_n
        } else {
            n
        }
    };
    let body = html! {
        section.card {
            p { (w.t("console-col-audience")) ": " (audience_label(w, &gazetteer, &b, staff.user_id)) }
            p { (w.t("console-col-send-at")) ": " (w.time(b.send_at)) }
            p { (w.t("console-col-status")) ": " strong { (w.t(&b.status.message_id())) } }
        }
        @if b.status != BroadcastStatus::Scheduled {
            section aria-label=(w.t("console-broadcast-progress")) {
                progress max=(total.max(1)) value=(if total == 0 { 1 } else { done }) { (percent) " %" }
                p.big { (percent) " %" }
                (figures(w, total, done, Counts {
                    delivered: shown(counts.delivered, b.delivered),
                    blocked: shown(counts.blocked, b.blocked),
                    failed: shown(counts.failed, b.failed),
                    ..counts
                }))
            }
        }
        @if asking && matches!(b.status, BroadcastStatus::Sending | BroadcastStatus::Paused | BroadcastStatus::Scheduled) {
            section.actions role="alert" {
                p { (w.t("console-broadcast-stop-warning")) }
                (act("console-broadcast-stop-confirm", BroadcastAction::Stop(id)))
                a.button href=(back) { (w.t("console-broadcast-stop-no")) }
            }
        } @else {
            @match b.status {
                BroadcastStatus::Sending => section.actions {
                    (act("broadcast-button-pause", BroadcastAction::Pause(id)))
                    a.button #stop href={(back) "?stop=ask"} { (w.t("broadcast-button-stop")) }
                },
                BroadcastStatus::Paused => section.actions {
                    p { (w.t("broadcast-progress-paused")) }
                    (act("broadcast-button-resume", BroadcastAction::Resume(id)))
                    a.button #stop href={(back) "?stop=ask"} { (w.t("broadcast-button-stop")) }
                },
                BroadcastStatus::Scheduled => section.actions {
                    p { (w.msg(&Msg::new("console-broadcast-waiting").arg("time", crate::engine::Arg::Time(b.send_at)))) }
                    a.button #stop href={(back) "?stop=ask"} { (w.t("console-broadcast-cancel")) }
                },
                _ => {},
            }
        }
        h2 { (w.t("console-broadcast-words")) }
        @if with_photo { p { (w.t("console-broadcast-with-photo")) } }
        (bubbles(w, &texts))
        p { a href="/broadcasts" { "← " (w.t("console-back-broadcasts")) } }
    };
    // Only while copies go out or are about to (a page left open on one scheduled for next
    // week would keep the session alive), and not while asking to stop.
    let now = console.engine.clock().now().timestamp();
    let under_way = match b.status {
        BroadcastStatus::Sending => true,
        // «Segera»: it starts within seconds.
        BroadcastStatus::Scheduled => b.send_at <= now + 60,
        _ => false,
    };
    let refresh = (under_way && !asking).then_some(RELOAD_EVERY);
    let flash = console.take_flash(staff.session.id);
    let title = w.msg(&Msg::new("console-broadcast-title").arg("id", id));
    page::frame_with(
        &console,
        &staff,
        Section::Broadcasts,
        &title,
        &flash,
        body,
        refresh,
    )
    .into_response()
}

fn figures(w: Words<'_>, total: i64, done: i64, counts: Counts) -> Markup {
    html! {
        dl.counts {
            dt { (w.t("console-broadcast-recipients")) } dd { (total) }
            dt { (w.t("console-broadcast-done")) } dd { (done) }
            dt { (w.t("console-broadcast-delivered")) } dd { (counts.delivered) }
            dt { (w.t("console-broadcast-blocked")) } dd { (counts.blocked) }
            dt { (w.t("console-broadcast-failed")) } dd { (counts.failed) }
            @if counts.cancelled > 0 {
                dt { (w.t("console-broadcast-unsent")) } dd { (counts.cancelled) }
            }
        }
    }
}
