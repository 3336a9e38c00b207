//! The web console over HTTP, against the real engine: logging in with the bot's one-time
//! link, sessions, the security headers and CSRF tokens, the questions inbox and its actions
//! reaching the person through the outbox, escaping of what people wrote, and an officer who
//! finds nothing of another area's.

#[path = "support/console.rs"]
mod console;
#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use desmigratif::{
    domain::{
        area::{RegencyCode, VillageCode},
        staff::Area,
    },
    engine::{Action, pillars::PillarsAction},
    store,
};
use harness::*;

use console::{Client, ConsoleServer};

const OFFICER: i64 = 5;
const COORDINATOR: i64 = 7;
const OTHER_OFFICER: i64 = 8;
const RESIDENT: i64 = 10;
/// A village of Wonosobo (Kuripan, 33.07.10.2004).
const WONOSOBO_VILLAGE: i64 = 3_307_102_004;
const WONOSOBO_RESIDENT: i64 = 11;

async fn staffed(h: &mut Harness) {
    for (user, area) in [
        (
            OFFICER,
            Area::Village(VillageCode::parse("32.12.16.2004").unwrap()),
        ),
        (
            COORDINATOR,
            Area::Regency(RegencyCode::parse("32.12").unwrap()),
        ),
        (
            OTHER_OFFICER,
            Area::Village(VillageCode::from_number(WONOSOBO_VILLAGE).unwrap()),
        ),
    ] {
        h.appoint(user, area).await;
    }
    // Said after all are appointed: the engine reads who is staff at its first update.
    for user in [OFFICER, COORDINATOR, OTHER_OFFICER] {
        h.say(user, "/start").await;
    }
    seed::registered(&h.pool, RESIDENT, "id", &seed::Profile::default()).await;
    seed::registered(
        &h.pool,
        WONOSOBO_RESIDENT,
        "id",
        &seed::Profile {
            village: "Kuripan",
            district: "Watumalang",
            village_code: Some(WONOSOBO_VILLAGE),
            ..seed::Profile::default()
        },
    )
    .await;
}

/// Asks a question as `user` (registered, so their village is known); returns its id.
async fn ask(h: &mut Harness, user: i64, text: &str) -> i64 {
    h.say(user, "/tanya").await;
    h.say(user, text).await;
    h.count(&format!(
        "SELECT max(id) FROM questions WHERE user_id = {user}"
    ))
    .await
}

/// A console, and `user` logged into it with a link from /konsol.
async fn logged_in(h: &mut Harness, user: i64) -> (ConsoleServer, Client) {
    let server = console::start(h.engine.clone()).await;
    let mut client = Client::new(&server);
    let link = console::link_path(&h.say(user, "/konsol").await);
    let landed = client.log_in(&link).await;
    assert_eq!(landed.status, 303, "{}", landed.body);
    assert_eq!(landed.location.as_deref(), Some("/"));
    (server, client)
}

async fn queued(h: &Harness, chat: i64, id: &str) -> i64 {
    h.count(&format!(
        "SELECT count(*) FROM outbox WHERE chat_id = {chat} AND payload LIKE '%\"{id}\"%'"
    ))
    .await
}

#[tokio::test]
async fn a_login_link_works_once_and_the_session_cookie_is_strict_and_http_only() {
    let mut h = Harness::new().await;
    let server = console::start(h.engine.clone()).await;
    let replies = h.say(ADMIN, "/konsol").await;
    assert!(has_id(&replies, "console-link"), "{:?}", ids(&replies));
    let link = console::link_path(&replies);

    let mut browser = Client::new(&server);
    // Opening the link spends nothing (a link preview or a scanner may open it first).
    assert_eq!(browser.get(&link).await.status, 200);
    let landed = browser.log_in(&link).await;
    assert_eq!(landed.status, 303);
    let cookie = landed.headers["set-cookie"].to_str().unwrap().to_owned();
    for part in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    // No expiry of its own: the server ends the session after 12 idle hours.
    assert!(
        !cookie.contains("Max-Age") && !cookie.contains("Expires"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http on this machine: {cookie}"
    );
    assert_eq!(browser.get("/").await.status, 200);

    // The same link in another browser: spent.
    let mut other = Client::new(&server);
    assert_eq!(other.get(&link).await.status, 410);
    assert_eq!(other.log_in_raw(&link).await.status, 410);
    assert_eq!(other.get("/").await.location.as_deref(), Some("/login"));
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'console.log_in'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_link_older_than_ten_minutes_does_not_log_in_and_five_an_hour_is_the_most() {
    let mut h = Harness::new().await;
    let server = console::start(h.engine.clone()).await;
    let link = console::link_path(&h.say(ADMIN, "/konsol").await);
    h.clock.advance(chrono::Duration::minutes(10));
    let mut browser = Client::new(&server);
    assert_eq!(browser.log_in_raw(&link).await.status, 410);
    assert!(browser.cookie.is_none());
    for _ in 0..4 {
        assert!(has_id(&h.say(ADMIN, "/console").await, "console-link"));
    }
    let refused = h.say(ADMIN, "/konsol").await;
    assert!(
        has_id(&refused, "console-link-too-many"),
        "{:?}",
        ids(&refused)
    );
}

#[tokio::test]
async fn people_who_are_not_staff_get_no_link() {
    let mut h = Harness::new().await;
    let replies = h.say(RESIDENT, "/konsol").await;
    assert!(has_id(&replies, "officer-only"), "{:?}", ids(&replies));
    assert_eq!(h.count("SELECT count(*) FROM console_links").await, 0);
}

#[tokio::test]
async fn every_page_carries_the_security_headers() {
    let mut h = Harness::new().await;
    let (_server, mut browser) = logged_in(&mut h, ADMIN).await;
    for path in ["/", "/questions", "/sessions", "/login", "/nowhere"] {
        let page = browser.get(path).await;
        let csp = page.headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(page.headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(page.headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(page.headers["cache-control"], "no-store", "{path}");
        assert!(!page.body.contains("<script"), "{path}");
    }
}

#[tokio::test]
async fn an_answer_from_the_console_reaches_the_person_as_from_the_bot() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let id = ask(
        &mut h,
        RESIDENT,
        "Gaji suami saya di Malaysia belum dibayar 3 bulan",
    )
    .await;
    let (_server, mut browser) = logged_in(&mut h, OFFICER).await;

    let inbox = browser.get("/questions").await;
    assert_eq!(inbox.status, 200);
    assert!(
        inbox.body.contains(&format!("/questions/{id}")),
        "{}",
        inbox.body
    );
    assert!(inbox.body.contains("Gaji suami saya"));

    let page = browser.get(&format!("/questions/{id}")).await;
    assert_eq!(page.status, 200);
    let csrf = page.csrf();
    // Take it, with the bot's own button.
    let take = Action::Pillars(PillarsAction::Take(id)).encode();
    let back = format!("/questions/{id}");
    let taken = browser
        .post(
            "/act",
            &[("csrf", &csrf), ("action", &take), ("back", &back)],
        )
        .await;
    assert_eq!(taken.status, 303);
    let taker: Option<i64> = sqlx::query_scalar("SELECT taken_by FROM questions WHERE id = ?")
        .bind(id)
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert_eq!(taker, Some(OFFICER));
    // What the bot would have said is on the next page instead.
    let after = browser.get(&back).await;
    assert!(after.body.contains("class=\"flash\""), "{}", after.body);

    let answered = browser
        .post(
            &format!("/questions/{id}/answer"),
            &[
                ("csrf", &csrf),
                ("round", "1"),
                ("text", "Kami hubungi KBRI Kuala Lumpur hari ini."),
            ],
        )
        .await;
    assert_eq!(answered.status, 303);
    assert_eq!(queued(&h, RESIDENT, "question-answer-for-you").await, 1);
    let status: String = sqlx::query_scalar("SELECT status FROM questions WHERE id = ?")
        .bind(id)
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert_eq!(status, "answered");
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'question.answer'")
            .await,
        1
    );
    // Nothing went to the officer's own chat: the console showed it.
    assert_eq!(queued(&h, OFFICER, "question-answer-sent").await, 0);
    let shown = browser.get(&back).await;
    assert!(shown.body.contains("Kami hubungi KBRI Kuala Lumpur"));

    // A correction, as «✏️» in the bot.
    let corrected = browser
        .post(
            &format!("/questions/{id}/amend"),
            &[
                ("csrf", &csrf),
                ("kind", "correction"),
                ("text", "Maaf, KJRI Johor Bahru."),
            ],
        )
        .await;
    assert_eq!(corrected.status, 303);
    assert_eq!(queued(&h, RESIDENT, "question-correction-for-you").await, 1);
}

#[tokio::test]
async fn a_form_without_the_sessions_token_does_nothing() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let id = ask(&mut h, RESIDENT, "Gaji suami saya belum dibayar").await;
    assert!(id > 0);
    let (_server, mut browser) = logged_in(&mut h, OFFICER).await;
    let path = format!("/questions/{id}/answer");
    for csrf in ["", "0000", &"a".repeat(64)] {
        let forged = browser
            .post(
                &path,
                &[("csrf", csrf), ("round", "1"), ("text", "Jawaban")],
            )
            .await;
        assert_eq!(forged.status, 403, "{csrf:?}");
    }
    // A form with a field missing: a kind page, not the framework's message.
    let incomplete = browser.post(&path, &[("text", "Jawaban")]).await;
    assert_eq!(incomplete.status, 400);
    assert!(incomplete.body.contains("<h1>"), "{}", incomplete.body);
    assert_eq!(queued(&h, RESIDENT, "question-answer-for-you").await, 0);
    // A forged button: nothing either.
    let csrf = browser.get("/questions").await.csrf();
    let forged = browser
        .post("/act", &[("csrf", &csrf), ("action", "zz:1")])
        .await;
    assert_eq!(forged.status, 404);
    let menu = Action::Menu.encode();
    let not_offered = browser
        .post("/act", &[("csrf", &csrf), ("action", &menu)])
        .await;
    assert_eq!(not_offered.status, 404);
}

#[tokio::test]
async fn an_officer_finds_nothing_of_another_villages_and_a_coordinator_sees_their_regency() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let ours = ask(&mut h, RESIDENT, "Pertanyaan dari Kenanga").await;
    let theirs = ask(&mut h, WONOSOBO_RESIDENT, "Pertanyaan dari Kuripan").await;
    let (server, mut officer) = logged_in(&mut h, OTHER_OFFICER).await;

    assert_eq!(
        officer.get(&format!("/questions/{theirs}")).await.status,
        200
    );
    let refused = officer.get(&format!("/questions/{ours}")).await;
    assert_eq!(refused.status, 404);
    assert!(!refused.body.contains("Kenanga"));
    let nowhere = officer.get("/questions/999999").await;
    assert_eq!(nowhere.status, 404);
    assert_eq!(nowhere.body, refused.body, "the same page for both");
    let inbox = officer.get("/questions").await;
    assert!(!inbox.body.contains("Pertanyaan dari Kenanga"));
    // A page past the end: the last one.
    let far = officer.get("/questions?filter=open&page=9999").await;
    assert_eq!(
        far.location.as_deref(),
        Some("/questions?filter=open&page=1")
    );
    assert!(inbox.body.contains("Pertanyaan dari Kuripan"));

    // Every action on the other village's question finds nothing: the engine checks again.
    let csrf = inbox.csrf();
    for action in [
        PillarsAction::Take(ours),
        PillarsAction::HandBack(ours),
        PillarsAction::PassUp(ours),
        PillarsAction::CloseAs(ours, store::questions::CloseReason::Spam),
    ] {
        let data = Action::Pillars(action.clone()).encode();
        officer
            .post("/act", &[("csrf", &csrf), ("action", &data)])
            .await;
    }
    officer
        .post(
            &format!("/questions/{ours}/answer"),
            &[
                ("csrf", &csrf),
                ("round", "1"),
                ("text", "Bukan wilayah saya"),
            ],
        )
        .await;
    officer
        .post(
            &format!("/questions/{ours}/amend"),
            &[("csrf", &csrf), ("kind", "addition"), ("text", "Tambahan")],
        )
        .await;
    let row: (String, Option<i64>) =
        sqlx::query_as("SELECT status, taken_by FROM questions WHERE id = ?")
            .bind(ours)
            .fetch_one(&h.pool)
            .await
            .unwrap();
    assert_eq!(row, ("open".to_owned(), None));
    assert_eq!(queued(&h, RESIDENT, "question-answer-for-you").await, 0);

    // The regency's coordinator sees Kenanga's question, not Kuripan's.
    let mut coordinator = Client::new(&server);
    let link = console::link_path(&h.say(COORDINATOR, "/konsol").await);
    coordinator.log_in(&link).await;
    assert_eq!(
        coordinator.get(&format!("/questions/{ours}")).await.status,
        200
    );
    assert_eq!(
        coordinator
            .get(&format!("/questions/{theirs}"))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn what_people_wrote_is_shown_as_text_never_as_markup() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    // A name with markup is refused at registration (letters and .'’-, only), so what
    // people write in questions carries it here.
    assert!(desmigratif::domain::PersonName::parse("<script>alert(1)</script>").is_err());
    seed::registered(&h.pool, 12, "id", &seed::Profile::default()).await;
    let id = ask(
        &mut h,
        12,
        "<script>alert(1)</script><img src=x onerror=alert(2)> gaji suami saya belum dibayar",
    )
    .await;
    let (_server, mut browser) = logged_in(&mut h, OFFICER).await;
    for path in ["/questions".to_owned(), format!("/questions/{id}")] {
        let page = browser.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(
            !page.body.contains("<script>alert"),
            "{path}: {}",
            page.body
        );
        assert!(!page.body.contains("<img src=x"), "{path}");
        assert!(
            page.body.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{path}: {}",
            page.body
        );
    }
    let page = browser.get(&format!("/questions/{id}")).await;
    assert!(
        page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn log_out_everywhere_ends_every_session_and_removing_an_officer_ends_theirs() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (server, mut laptop) = logged_in(&mut h, OFFICER).await;
    let mut phone = Client::new(&server);
    let link = console::link_path(&h.say(OFFICER, "/konsol").await);
    phone.log_in(&link).await;
    let sessions = laptop.get("/sessions").await;
    assert_eq!(
        sessions.body.matches("/end\"").count(),
        2,
        "{}",
        sessions.body
    );
    let csrf = sessions.csrf();
    assert_eq!(
        laptop
            .post("/sessions/end-all", &[("csrf", &csrf)])
            .await
            .status,
        303
    );
    assert_eq!(phone.get("/").await.location.as_deref(), Some("/login"));
    assert_eq!(laptop.get("/").await.location.as_deref(), Some("/login"));

    // Logged in again; then an admin removes them from the staff.
    let link = console::link_path(&h.say(OFFICER, "/konsol").await);
    let mut again = Client::new(&server);
    again.log_in(&link).await;
    assert_eq!(again.get("/").await.status, 200);
    h.engine
        .writer()
        .write(async |tx| store::staff::remove(tx, OFFICER).await)
        .await
        .unwrap();
    assert_eq!(
        again.get("/questions").await.location.as_deref(),
        Some("/login")
    );
    assert_eq!(h.count("SELECT count(*) FROM console_sessions").await, 0);
}

#[tokio::test]
async fn pages_come_in_the_officers_bot_language_and_switch() {
    let mut h = Harness::new().await;
    h.say_in(ADMIN, "en", "/start").await;
    h.press(
        ADMIN,
        &Action::SetLanguage(desmigratif::domain::Language::En),
    )
    .await;
    let (_server, mut browser) = logged_in(&mut h, ADMIN).await;
    let home = browser.get("/").await;
    assert!(home.body.contains("<html lang=\"en\">"), "{}", home.body);
    assert!(home.body.contains("Your area at a glance"));
    let csrf = home.csrf();
    let switched = browser
        .post(
            "/language",
            &[("csrf", &csrf), ("lang", "id"), ("back", "/questions")],
        )
        .await;
    assert_eq!(switched.location.as_deref(), Some("/questions"));
    let inbox = browser.get("/questions").await;
    assert!(inbox.body.contains("<html lang=\"id\">"));
    assert!(inbox.body.contains("Pertanyaan"));
}

#[tokio::test]
async fn people_are_found_by_name_or_phone_within_the_area_only() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (server, mut officer) = logged_in(&mut h, OFFICER).await;
    let default = seed::Profile::default();

    let by_name = officer
        .get(&format!("/people?q={}", &default.name[..3]))
        .await;
    assert_eq!(by_name.status, 200);
    assert!(
        by_name.body.contains(&format!("/people/{RESIDENT}")),
        "{}",
        by_name.body
    );
    assert!(
        !by_name
            .body
            .contains(&format!("/people/{WONOSOBO_RESIDENT}"))
    );
    // Nothing typed: everyone in the area, by name.
    let everyone = officer.get("/people").await;
    assert!(everyone.body.contains(&format!("/people/{RESIDENT}")));
    assert!(
        !everyone
            .body
            .contains(&format!("/people/{WONOSOBO_RESIDENT}"))
    );
    let by_phone = officer
        .get(&format!(
            "/people?q={}",
            url::form_urlencoded::byte_serialize(default.phone.as_bytes()).collect::<String>()
        ))
        .await;
    assert!(
        by_phone.body.contains(&format!("/people/{RESIDENT}")),
        "{}",
        by_phone.body
    );
    // What is typed is text, not a pattern.
    let wildcard = officer.get("/people?q=%25%25").await;
    assert!(!wildcard.body.contains("/people/1"), "{}", wildcard.body);

    let person = officer.get(&format!("/people/{RESIDENT}")).await;
    assert_eq!(person.status, 200);
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'person.open'")
            .await,
        1
    );
    assert_eq!(
        officer
            .get(&format!("/people/{WONOSOBO_RESIDENT}"))
            .await
            .status,
        404
    );
    assert_eq!(officer.get("/people/424242").await.status, 404);
    assert_eq!(officer.get("/people/x'--").await.status, 404);

    // An admin finds both.
    let mut admin = Client::new(&server);
    admin
        .log_in(&console::link_path(&h.say(ADMIN, "/konsol").await))
        .await;
    let both = admin
        .get(&format!("/people?q={}", &default.name[..3]))
        .await;
    assert!(both.body.contains(&format!("/people/{RESIDENT}")));
    assert!(both.body.contains(&format!("/people/{WONOSOBO_RESIDENT}")));
}

#[tokio::test]
async fn a_cooperative_application_is_moved_on_from_the_console_and_the_person_told() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let membership = Action::Pillars(PillarsAction::Membership);
    let send = Action::Pillars(PillarsAction::ApplySend);
    h.press(RESIDENT, &membership).await;
    assert!(has_id(&h.press(RESIDENT, &send).await, "coop-application"));
    let id = h
        .count("SELECT max(id) FROM cooperative_applications")
        .await;

    // Not the Wonosobo officer's: not listed, and a forged button changes nothing.
    let (server, mut other) = logged_in(&mut h, OTHER_OFFICER).await;
    let theirs = other.get("/applications").await;
    assert!(!theirs.body.contains("Siti Aminah"), "{}", theirs.body);
    let contacted = Action::Pillars(PillarsAction::SetMembership(
        id,
        desmigratif::domain::MembershipStatus::Contacted,
    ))
    .encode();
    other
        .post("/act", &[("csrf", &theirs.csrf()), ("action", &contacted)])
        .await;
    assert_eq!(queued(&h, RESIDENT, "coop-status-changed").await, 0);

    let mut officer = Client::new(&server);
    officer
        .log_in(&console::link_path(&h.say(OFFICER, "/konsol").await))
        .await;
    let listed = officer.get("/applications").await;
    assert!(listed.body.contains("Siti Aminah"), "{}", listed.body);
    assert!(listed.body.contains(&contacted), "the bot's own button");
    let moved = officer
        .post(
            "/act",
            &[
                ("csrf", &listed.csrf()),
                ("action", &contacted),
                ("back", "/applications?filter=open&page=1"),
            ],
        )
        .await;
    assert_eq!(
        moved.location.as_deref(),
        Some("/applications?filter=open&page=1")
    );
    let status: String =
        sqlx::query_scalar("SELECT status FROM cooperative_applications WHERE id = ?")
            .bind(id)
            .fetch_one(&h.pool)
            .await
            .unwrap();
    assert_eq!(status, "contacted");
    assert_eq!(queued(&h, RESIDENT, "coop-status-changed").await, 1);
}

#[tokio::test]
async fn the_audit_log_is_for_admins_only() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (server, mut officer) = logged_in(&mut h, OFFICER).await;
    let home = officer.get("/").await;
    assert!(!home.body.contains("href=\"/audit\""));
    assert_eq!(officer.get("/audit").await.status, 404);
    let mut admin = Client::new(&server);
    admin
        .log_in(&console::link_path(&h.say(ADMIN, "/konsol").await))
        .await;
    let log = admin.get("/audit").await;
    assert_eq!(log.status, 200);
    assert!(log.body.contains("console.log_in"), "{}", log.body);
    assert!(admin.get("/").await.body.contains("href=\"/audit\""));
}

#[tokio::test]
async fn an_export_downloads_the_areas_people_only_and_is_audited() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (_server, mut officer) = logged_in(&mut h, OFFICER).await;
    let page = officer.get("/exports").await;
    assert_eq!(page.status, 200);
    let csrf = page.csrf();
    assert_eq!(
        officer
            .post("/exports/registrations", &[("csrf", "x")])
            .await
            .status,
        403
    );
    assert_eq!(
        officer
            .post("/exports/nothing", &[("csrf", &csrf)])
            .await
            .status,
        404
    );
    let file = officer
        .post("/exports/registrations", &[("csrf", &csrf)])
        .await;
    assert_eq!(file.status, 200);
    let disposition = file.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.contains("desmigratif-registrations-"),
        "{disposition}"
    );
    assert!(file.body.contains("Kenanga"), "{}", file.body);
    assert!(
        !file.body.contains("Kuripan"),
        "another village's people: {}",
        file.body
    );
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'export.registrations'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_log_in_from_another_site_is_refused_and_failed_links_are_limited_not_real_ones() {
    let mut h = Harness::new().await;
    let server = console::start(h.engine.clone()).await;
    let link = console::link_path(&h.say(ADMIN, "/konsol").await);
    let token = link.trim_start_matches("/login/");
    let refused = reqwest::Client::new()
        .post(format!("{}/login", server.base))
        .header("sec-fetch-site", "cross-site")
        .form(&[("token", token)])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    // Someone tries links: after a burst they are told to wait…
    let mut prober = Client::new(&server);
    let mut statuses = Vec::new();
    for n in 0..12 {
        statuses.push(prober.get(&format!("/login/{:064x}", n)).await.status);
    }
    assert_eq!(statuses[0], 410);
    assert_eq!(*statuses.last().unwrap(), 429, "{statuses:?}");
    // …while the officer's real link still works.
    let mut officer = Client::new(&server);
    assert_eq!(officer.log_in(&link).await.status, 303);
}

#[tokio::test]
async fn an_answer_that_came_second_is_kept_to_send_as_an_addition() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let id = ask(&mut h, RESIDENT, "Gaji suami saya belum dibayar").await;
    let (_server, mut browser) = logged_in(&mut h, OFFICER).await;
    let page = browser.get(&format!("/questions/{id}")).await;
    // Meanwhile the coordinator answers in Telegram.
    h.say(
        COORDINATOR,
        &format!("/jawab {id} Sudah kami teruskan ke BP3MI."),
    )
    .await;
    browser
        .post(
            &format!("/questions/{id}/answer"),
            &[
                ("csrf", &page.csrf()),
                ("round", "1"),
                ("text", "Simpan slip gaji suami Anda."),
            ],
        )
        .await;
    assert_eq!(queued(&h, RESIDENT, "question-answer-for-you").await, 1);
    let again = browser.get(&format!("/questions/{id}")).await;
    assert!(again.body.contains("class=\"flash\""));
    assert!(
        again
            .body
            .contains(">Simpan slip gaji suami Anda.</textarea>"),
        "the words are offered again: {}",
        again.body
    );
}

#[tokio::test]
async fn a_training_is_closed_and_cancelled_from_the_console_and_the_signed_up_are_told() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let starts = (start_time() + chrono::Duration::days(14)).timestamp();
    // For the whole country: an admin's to run, not a village officer's.
    seed::training(&h.pool, 1, "Pelatihan menjahit", starts, 20).await;
    let join = Action::Training(desmigratif::engine::trainings::TrainingAction::Join(1));
    h.press(RESIDENT, &join).await;
    let (server, mut officer) = logged_in(&mut h, OFFICER).await;
    assert!(
        !officer
            .get("/trainings")
            .await
            .body
            .contains("Pelatihan menjahit")
    );
    assert_eq!(officer.get("/trainings/1").await.status, 404);

    let mut admin = Client::new(&server);
    admin
        .log_in(&console::link_path(&h.say(ADMIN, "/konsol").await))
        .await;
    let list = admin.get("/trainings").await;
    assert!(list.body.contains("Pelatihan menjahit"), "{}", list.body);
    let page = admin.get("/trainings/1").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Siti Aminah"),
        "the participant: {}",
        page.body
    );
    let csrf = page.csrf();
    let close = Action::Training(desmigratif::engine::trainings::TrainingAction::Close(1)).encode();
    admin
        .post(
            "/act",
            &[
                ("csrf", &csrf),
                ("action", &close),
                ("back", "/trainings/1"),
            ],
        )
        .await;
    let status = || async {
        sqlx::query_scalar::<_, String>("SELECT status FROM trainings WHERE id = 1")
            .fetch_one(&h.pool)
            .await
            .unwrap()
    };
    assert_eq!(status().await, "closed");
    let cancel =
        Action::Training(desmigratif::engine::trainings::TrainingAction::CancelConfirmed(1))
            .encode();
    // The village officer cannot, with a forged form either.
    let csrf_officer = officer.get("/trainings").await.csrf();
    officer
        .post("/act", &[("csrf", &csrf_officer), ("action", &cancel)])
        .await;
    assert_eq!(status().await, "closed");
    admin
        .post(
            "/act",
            &[
                ("csrf", &csrf),
                ("action", &cancel),
                ("back", "/trainings/1"),
            ],
        )
        .await;
    assert_eq!(status().await, "cancelled");
    assert!(
        h.count(&format!(
            "SELECT count(*) FROM outbox WHERE chat_id = {RESIDENT} AND payload LIKE '%cancel%'"
        ))
        .await
            > 0,
        "the person signed up is told"
    );
}

/// The value of a page's hidden field `name`.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {body}"))
        + marker.len();
    body[at..at + body[at..].find('"').unwrap()].to_owned()
}

/// The copies of announcement `id` queued so far: who gets one.
async fn copies(h: &Harness, id: i64) -> Vec<i64> {
    sqlx::query_scalar("SELECT chat_id FROM outbox WHERE broadcast_id = ? ORDER BY chat_id")
        .bind(id)
        .fetch_all(&h.pool)
        .await
        .unwrap()
}

async fn broadcast_status(h: &Harness, id: i64) -> String {
    sqlx::query_scalar("SELECT status FROM broadcasts WHERE id = ?")
        .bind(id)
        .fetch_one(&h.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_announcement_from_the_console_reaches_the_coordinators_regency_and_is_followed_to_the_end()
 {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    const ENGLISH_RESIDENT: i64 = 12;
    seed::registered(
        &h.pool,
        ENGLISH_RESIDENT,
        "en",
        &seed::Profile {
            name: "Dewi Lestari",
            phone: "+6281234567891",
            ..seed::Profile::default()
        },
    )
    .await;
    let (server, mut coordinator) = logged_in(&mut h, COORDINATOR).await;
    let form = coordinator.get("/broadcasts/new").await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(
        form.body.contains("Terdaftar di wilayah Anda: 2 orang"),
        "the regency's registered people (not Wonosobo's): {}",
        form.body
    );
    let csrf = form.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("text_id", "Rapat warga <b>Minggu</b> jam 9."),
        ("text_en", "Village meeting on Sunday at 9."),
        ("role", "returnee"),
        ("when", "now"),
        ("send_at", ""),
    ];
    let preview = coordinator
        .post(
            "/broadcasts/new",
            &[&fields[..], &[("go", "preview")]].concat(),
        )
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(preview.body.contains("2 orang"), "{}", preview.body);
    assert!(
        preview
            .body
            .contains("Rapat warga &lt;b&gt;Minggu&lt;/b&gt;"),
        "the words as recipients will see them, escaped: {}",
        preview.body
    );
    assert!(
        preview.body.contains("Kirim ke 2 orang"),
        "{}",
        preview.body
    );
    assert!(
        copies(&h, 1).await.is_empty(),
        "nothing sent from a preview"
    );

    let once = hidden(&preview.body, "once");
    let send = [&fields[..], &[("go", "send"), ("once", once.as_str())]].concat();
    let sent = coordinator.post("/broadcasts/new", &send).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(sent.location.as_deref(), Some("/broadcasts/1"));
    // Pressed again (or sent again from the browser's history): nothing more is sent.
    let again = coordinator.post("/broadcasts/new", &send).await;
    assert_eq!(again.location.as_deref(), Some("/broadcasts/1"));
    assert_eq!(h.count("SELECT count(*) FROM broadcasts").await, 1);
    h.engine.tick().await.unwrap();
    assert_eq!(copies(&h, 1).await, [RESIDENT, ENGLISH_RESIDENT]);
    let stored: (Option<String>, String) =
        sqlx::query_as("SELECT text_en, audience FROM broadcasts WHERE id = 1")
            .fetch_one(&h.pool)
            .await
            .unwrap();
    assert_eq!(stored.0.as_deref(), Some("Village meeting on Sunday at 9."));
    assert!(
        stored.1.contains("3212"),
        "within the regency: {}",
        stored.1
    );
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'broadcast.send'")
            .await,
        1
    );

    let progress = coordinator.get("/broadcasts/1").await;
    assert_eq!(progress.status, 200);
    assert!(
        progress.body.contains("Sedang dikirim"),
        "{}",
        progress.body
    );
    assert!(
        progress.body.contains("http-equiv=\"refresh\""),
        "it follows itself"
    );
    assert!(coordinator.get("/broadcasts").await.body.contains("#1"));

    // Another officer's announcement is not there for a village officer, nor its buttons.
    let mut officer = Client::new(&server);
    officer
        .log_in(&console::link_path(&h.say(OFFICER, "/konsol").await))
        .await;
    assert_eq!(officer.get("/broadcasts/1").await.status, 404);
    assert!(!officer.get("/broadcasts").await.body.contains("#1"));
    let officer_csrf = officer.get("/broadcasts").await.csrf();
    let stop = Action::Broadcast(desmigratif::engine::broadcast::BroadcastAction::Stop(1)).encode();
    officer
        .post("/act", &[("csrf", &officer_csrf), ("action", &stop)])
        .await;
    assert_eq!(broadcast_status(&h, 1).await, "sending");

    // Paused and resumed by its writer.
    let pause =
        Action::Broadcast(desmigratif::engine::broadcast::BroadcastAction::Pause(1)).encode();
    let resume =
        Action::Broadcast(desmigratif::engine::broadcast::BroadcastAction::Resume(1)).encode();
    coordinator
        .post(
            "/act",
            &[
                ("csrf", &csrf),
                ("action", &pause),
                ("back", "/broadcasts/1"),
            ],
        )
        .await;
    assert_eq!(broadcast_status(&h, 1).await, "paused");
    let paused = coordinator.get("/broadcasts/1").await;
    assert!(paused.body.contains("Pengiriman dijeda"), "{}", paused.body);
    assert!(paused.body.contains("Lanjutkan"), "{}", paused.body);
    coordinator
        .post("/act", &[("csrf", &csrf), ("action", &resume)])
        .await;
    assert_eq!(broadcast_status(&h, 1).await, "sending");

    // Delivered: the page shows the end.
    sqlx::query("UPDATE outbox SET status = 'sent' WHERE broadcast_id = 1")
        .execute(&h.pool)
        .await
        .unwrap();
    h.engine.tick().await.unwrap();
    assert_eq!(broadcast_status(&h, 1).await, "done");
    let done = coordinator.get("/broadcasts/1").await;
    assert!(done.body.contains("100 %"), "{}", done.body);
    assert!(done.body.contains("Selesai"), "{}", done.body);
    assert!(!done.body.contains("http-equiv=\"refresh\""));
}

#[tokio::test]
async fn an_announcement_outside_the_area_or_malformed_is_refused_with_a_reason() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let starts = (start_time() + chrono::Duration::days(14)).timestamp();
    seed::training(&h.pool, 1, "Pelatihan menjahit", starts, 20).await;
    seed::training_area(&h.pool, 1, WONOSOBO_VILLAGE).await;
    let (_server, mut officer) = logged_in(&mut h, OFFICER).await;
    let csrf = officer.get("/broadcasts/new").await.csrf();
    let base = |extra: &[(&'static str, &'static str)]| -> Vec<(&str, String)> {
        let mut fields = vec![
            ("csrf", csrf.clone()),
            ("text_id", "Rapat warga.".to_owned()),
            ("go", "preview".to_owned()),
        ];
        fields.extend(extra.iter().map(|(n, v)| (*n, (*v).to_owned())));
        fields
    };
    let post = async |client: &mut Client, fields: Vec<(&str, String)>| {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
        client.post("/broadcasts/new", &fields).await
    };
    for (extra, said) in [
        (&[("place", "r3307")][..], "di luar wilayah Anda"),
        (&[("training", "1")][..], "tidak ada di wilayah Anda"),
        (
            &[("when", "later"), ("send_at", "2020-01-01T09:00")][..],
            "sudah lewat",
        ),
        (
            &[("when", "later"), ("send_at", "besok pagi")][..],
            "belum terbaca",
        ),
        (
            &[("country", "tw"), ("role", "family")][..],
            "Belum ada orang",
        ),
    ] {
        let page = post(&mut officer, base(extra)).await;
        assert_eq!(page.status, 422, "{extra:?}: {}", page.body);
        assert!(page.body.contains(said), "{extra:?}: {}", page.body);
        assert!(
            page.body.contains("Rapat warga."),
            "what was typed is kept: {}",
            page.body
        );
    }
    let empty = post(
        &mut officer,
        vec![
            ("csrf", csrf.clone()),
            ("text_id", "  ".into()),
            ("go", "preview".into()),
        ],
    )
    .await;
    assert!(empty.body.contains("tidak boleh kosong"), "{}", empty.body);
    let forged = post(&mut officer, base(&[("role", "boss")])).await;
    assert_eq!(forged.status, 400);
    let no_token = post(
        &mut officer,
        vec![("csrf", "x".into()), ("text_id", "Rapat".into())],
    )
    .await;
    assert_eq!(no_token.status, 403);
    assert_eq!(h.count("SELECT count(*) FROM broadcasts").await, 0);

    // Scheduled for tomorrow 09:00 in Jakarta: waits, and says when.
    let tomorrow = (start_time() + chrono::Duration::days(1))
        .with_timezone(&chrono_tz::Asia::Jakarta)
        .format("%Y-%m-%dT09:00")
        .to_string();
    let mut fields = vec![
        ("csrf", csrf.clone()),
        ("text_id", "Rapat warga.".to_owned()),
        ("go", "preview".to_owned()),
        ("when", "later".to_owned()),
        ("send_at", tomorrow),
    ];
    let preview = post(&mut officer, fields.clone()).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    // Sending needs the preview's one-time token.
    fields[2].1 = "send".to_owned();
    assert_eq!(post(&mut officer, fields.clone()).await.status, 400);
    fields.push(("once", hidden(&preview.body, "once")));
    let sent = post(&mut officer, fields).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(broadcast_status(&h, 1).await, "scheduled");
    h.engine.tick().await.unwrap();
    assert!(copies(&h, 1).await.is_empty(), "not before its time");
    let waiting = officer.get("/broadcasts/1").await;
    assert!(
        waiting.body.contains("akan dikirim pada") && waiting.body.contains("09.00"),
        "{}",
        waiting.body
    );
    assert!(
        !waiting.body.contains("http-equiv"),
        "a scheduled page does not reload"
    );
    // Cancelled before its time, after a confirmation.
    let asking = officer.get("/broadcasts/1?stop=ask").await;
    assert!(
        asking.body.contains("Ya, hentikan pengiriman"),
        "{}",
        asking.body
    );
    let stop = Action::Broadcast(desmigratif::engine::broadcast::BroadcastAction::Stop(1)).encode();
    officer
        .post("/act", &[("csrf", &csrf), ("action", &stop)])
        .await;
    assert_eq!(broadcast_status(&h, 1).await, "cancelled");
    h.clock.advance(chrono::Duration::days(2));
    h.engine.tick().await.unwrap();
    assert!(copies(&h, 1).await.is_empty(), "never sent");
}

async fn is_staff(h: &Harness, user: i64) -> bool {
    h.count(&format!(
        "SELECT count(*) FROM staff_areas WHERE user_id = {user}"
    ))
    .await
        > 0
}

#[tokio::test]
async fn a_coordinator_invites_and_removes_the_officers_of_their_regency_only() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (server, mut coordinator) = logged_in(&mut h, COORDINATOR).await;
    let mut officer = Client::new(&server);
    officer
        .log_in(&console::link_path(&h.say(OFFICER, "/konsol").await))
        .await;

    // A village officer has no staff page, and cannot invite with a forged form.
    assert_eq!(officer.get("/officers").await.status, 404);
    assert!(!officer.get("/").await.body.contains("href=\"/officers\""));
    let officer_csrf = officer.get("/").await.csrf();
    let forged = officer
        .post(
            "/officers/invite",
            &[
                ("csrf", &officer_csrf),
                ("role", "officer"),
                ("place", "32.12.16.2004"),
            ],
        )
        .await;
    assert_eq!(forged.status, 404);

    let list = coordinator.get("/officers").await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(
        list.body.contains(&format!("nomor akun {OFFICER}")),
        "Kenanga's officer: {}",
        list.body
    );
    assert!(
        !list.body.contains(&format!("nomor akun {OTHER_OFFICER}")),
        "not Wonosobo's: {}",
        list.body
    );
    let csrf = list.csrf();

    // An invitation for a village of the regency, by its code.
    let made = coordinator
        .post(
            "/officers/invite",
            &[
                ("csrf", &csrf),
                ("role", "officer"),
                ("place", "32.12.16.2004"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let after = coordinator.get("/officers").await;
    assert!(
        after
            .body
            .contains("t.me/desmigratif_test_bot?start=petugas-"),
        "the link to pass on: {}",
        after.body
    );
    assert_eq!(
        h.count("SELECT count(*) FROM staff_invitations WHERE revoked_at IS NULL")
            .await,
        1
    );
    // Not for Wonosobo's village, typed or forged.
    let typed = coordinator
        .post(
            "/officers/invite",
            &[
                ("csrf", &csrf),
                ("role", "officer"),
                ("place", "33.07.10.2004"),
            ],
        )
        .await;
    assert_eq!(typed.status, 422);
    assert!(typed.body.contains("Tidak ada tempat"), "{}", typed.body);
    let forged = coordinator
        .post(
            "/officers/invite",
            &[
                ("csrf", &csrf),
                ("role", "officer"),
                ("area", "v3307102004"),
            ],
        )
        .await;
    assert_eq!(forged.status, 422);
    assert!(
        forged.body.contains("di luar wilayah Anda"),
        "{}",
        forged.body
    );
    let as_admin = coordinator
        .post("/officers/invite", &[("csrf", &csrf), ("role", "admin")])
        .await;
    assert_eq!(as_admin.status, 400);
    assert_eq!(h.count("SELECT count(*) FROM staff_invitations").await, 1);

    // The open invitation is cancelled from the page.
    let cancel =
        Action::Staff(desmigratif::engine::staff::StaffAction::CancelInvitation(1)).encode();
    coordinator
        .post(
            "/act",
            &[("csrf", &csrf), ("action", &cancel), ("back", "/officers")],
        )
        .await;
    let cancelled = coordinator.get("/officers").await;
    assert!(
        cancelled.body.contains("Undangan no. 1 sudah ditarik"),
        "{}",
        cancelled.body
    );
    assert_eq!(
        h.count("SELECT count(*) FROM staff_invitations WHERE revoked_at IS NULL")
            .await,
        0
    );

    // Wonosobo's officer cannot be removed by this coordinator, Kenanga's can; their
    // console session ends at once and the bot tells them.
    let remove_other = Action::Staff(desmigratif::engine::staff::StaffAction::RemoveConfirmed(
        OTHER_OFFICER,
    ))
    .encode();
    coordinator
        .post("/act", &[("csrf", &csrf), ("action", &remove_other)])
        .await;
    assert!(is_staff(&h, OTHER_OFFICER).await);
    let remove = Action::Staff(desmigratif::engine::staff::StaffAction::RemoveConfirmed(
        OFFICER,
    ))
    .encode();
    coordinator
        .post(
            "/act",
            &[("csrf", &csrf), ("action", &remove), ("back", "/officers")],
        )
        .await;
    assert!(!is_staff(&h, OFFICER).await);
    let removed = coordinator.get("/officers").await;
    assert!(
        removed.body.contains("Hak sudah dicabut"),
        "{}",
        removed.body
    );
    assert!(
        !removed.body.contains("Wilayah: "),
        "the bot's screen after it is not shown: {}",
        removed.body
    );
    assert_eq!(queued(&h, OFFICER, "staff-removed-notice").await, 1);
    assert_eq!(officer.get("/").await.status, 303, "logged out");

    // An admin sees everyone.
    let mut admin = Client::new(&server);
    admin
        .log_in(&console::link_path(&h.say(ADMIN, "/konsol").await))
        .await;
    let everyone = admin.get("/officers").await;
    assert!(
        everyone
            .body
            .contains(&format!("nomor akun {OTHER_OFFICER}"))
    );
    // A village code that does not exist is not an area to invite for.
    let admin_csrf = everyone.csrf();
    let nowhere = admin
        .post(
            "/officers/invite",
            &[
                ("csrf", &admin_csrf),
                ("role", "officer"),
                ("area", "v9999999999"),
            ],
        )
        .await;
    assert_eq!(nowhere.status, 400);
    // The admin invites a coordinator for the coordinator's own regency: the coordinator
    // neither sees that invitation nor can cancel it.
    let made = admin
        .post(
            "/officers/invite",
            &[
                ("csrf", &admin_csrf),
                ("role", "coordinator"),
                ("area", "r3212"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let invitation = h.count("SELECT max(id) FROM staff_invitations").await;
    assert!(
        !coordinator
            .get("/officers")
            .await
            .body
            .contains(&format!("no. {invitation}"))
    );
    let cancel = Action::Staff(desmigratif::engine::staff::StaffAction::CancelInvitation(
        invitation,
    ))
    .encode();
    coordinator
        .post("/act", &[("csrf", &csrf), ("action", &cancel)])
        .await;
    assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM staff_invitations WHERE id = {invitation} AND revoked_at IS NULL"
        ))
        .await,
        1
    );
}

/// A new training's form, filled in; `change` replaces some of the parts.
fn training_fields(csrf: &str, change: &[(&'static str, &'static str)]) -> Vec<(String, String)> {
    let starts = (start_time() + chrono::Duration::days(10))
        .with_timezone(&chrono_tz::Asia::Jakarta)
        .format("%Y-%m-%dT09:00")
        .to_string();
    let mut fields: Vec<(String, String)> = [
        ("csrf", csrf.to_owned()),
        ("title_id", "Pelatihan membuat kue".to_owned()),
        ("title_en", "Cake making".to_owned()),
        ("category", "business".to_owned()),
        ("starts_at", starts),
        ("location", "Balai Desa Kenanga".to_owned()),
        ("capacity", "20".to_owned()),
        (
            "description_id",
            "Belajar membuat kue untuk dijual.".to_owned(),
        ),
        ("description_en", "Learn to make cakes to sell.".to_owned()),
    ]
    .into_iter()
    .map(|(n, v)| (n.to_owned(), v))
    .collect();
    for (name, value) in change {
        for field in fields.iter_mut().filter(|(n, _)| n == name) {
            field.1 = (*value).to_owned();
        }
    }
    fields
}

async fn post_owned(client: &mut Client, path: &str, fields: &[(String, String)]) -> console::Page {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    client.post(path, &fields).await
}

#[tokio::test]
async fn a_village_officer_writes_and_changes_a_training_in_the_console_and_the_signed_up_are_told()
{
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (server, mut officer) = logged_in(&mut h, OFFICER).await;
    let form = officer.get("/trainings/new").await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains("type=\"datetime-local\""));
    let csrf = form.csrf();

    // Each wrong part is said beside it, and what was typed stays.
    let wrong = post_owned(
        &mut officer,
        "/trainings/new",
        &training_fields(
            &csrf,
            &[
                ("title_id", "ab"),
                ("starts_at", "2020-01-01T09:00"),
                ("capacity", "0"),
            ],
        ),
    )
    .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    for said in ["Terlalu pendek", "sudah lewat", "1 sampai 10.000"] {
        assert!(wrong.body.contains(said), "{said}: {}", wrong.body);
    }
    assert!(
        wrong.body.contains("Balai Desa Kenanga"),
        "kept: {}",
        wrong.body
    );
    assert_eq!(h.count("SELECT count(*) FROM trainings").await, 0);

    let saved = post_owned(&mut officer, "/trainings/new", &training_fields(&csrf, &[])).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let id = h.count("SELECT max(id) FROM trainings").await;
    assert_eq!(saved.location, Some(format!("/trainings/{id}")));
    assert_eq!(
        h.count(&format!("SELECT area FROM trainings WHERE id = {id}"))
            .await,
        3_212_162_004,
        "for the officer's village"
    );
    let starts = h
        .count(&format!("SELECT starts_at FROM trainings WHERE id = {id}"))
        .await;
    let local = chrono::DateTime::from_timestamp(starts, 0)
        .unwrap()
        .with_timezone(&chrono_tz::Asia::Jakarta);
    assert_eq!(local.format("%H:%M").to_string(), "09:00", "in TIMEZONE");
    let page = officer.get(&format!("/trainings/{id}")).await;
    assert!(page.body.contains("Pelatihan disimpan"), "{}", page.body);

    // Someone signs up; the place changes; they are told.
    let join = Action::Training(desmigratif::engine::trainings::TrainingAction::Join(id));
    h.press(RESIDENT, &join).await;
    let edit = officer.get(&format!("/trainings/{id}/edit")).await;
    assert_eq!(edit.status, 200);
    assert!(edit.body.contains("Pelatihan membuat kue"), "prefilled");
    let changed = post_owned(
        &mut officer,
        &format!("/trainings/{id}/edit"),
        &training_fields(&csrf, &[("location", "Aula Kecamatan Sindang")]),
    )
    .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    assert_eq!(queued(&h, RESIDENT, "training-changed-notice").await, 1);
    let after = officer.get(&format!("/trainings/{id}")).await;
    assert!(
        after.body.contains("1 peserta diberi tahu"),
        "{}",
        after.body
    );
    assert!(after.body.contains("Aula Kecamatan Sindang"));

    // Wonosobo's officer finds nothing to change, typed or forged.
    let mut other = Client::new(&server);
    other
        .log_in(&console::link_path(&h.say(OTHER_OFFICER, "/konsol").await))
        .await;
    assert_eq!(
        other.get(&format!("/trainings/{id}/edit")).await.status,
        404
    );
    let other_csrf = other.get("/").await.csrf();
    let forged = post_owned(
        &mut other,
        &format!("/trainings/{id}/edit"),
        &training_fields(&other_csrf, &[("location", "Di tempat lain")]),
    )
    .await;
    assert_eq!(forged.status, 404);
    assert!(
        officer
            .get(&format!("/trainings/{id}"))
            .await
            .body
            .contains("Aula Kecamatan")
    );
}

#[tokio::test]
async fn a_season_of_trainings_is_uploaded_all_or_nothing_with_the_problems_by_line() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (_server, mut coordinator) = logged_in(&mut h, COORDINATOR).await;
    let csrf = coordinator.get("/trainings").await.csrf();
    let header = "\u{FEFF}title_id,title_en,category,starts_at,location,capacity,description_id,description_en\r\n";
    let good = "Pelatihan Kewirausahaan,Entrepreneurship Training,business,2036-01-10 09:00,Balai Desa,25,Belajar menyusun rencana usaha.,Learn to write a business plan.\r\n";
    let bad = "Literasi Keuangan,Financial Literacy,finance,kapan-kapan,Aula Desa,30,Mengatur kiriman uang.,Managing remittances.\r\n";
    let refused = coordinator
        .upload(
            "/trainings/import",
            &csrf,
            "musim.csv",
            format!("{header}{good}{bad}").as_bytes(),
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("Baris 3"), "{}", refused.body);
    assert_eq!(
        h.count("SELECT count(*) FROM trainings").await,
        0,
        "nothing saved"
    );
    let forged = coordinator
        .upload("/trainings/import", "x", "musim.csv", header.as_bytes())
        .await;
    assert_eq!(forged.status, 403);

    let fixed = bad.replace("kapan-kapan", "2036-01-17 13:30");
    let imported = coordinator
        .upload(
            "/trainings/import",
            &csrf,
            "musim.csv",
            format!("{header}{good}{fixed}").as_bytes(),
        )
        .await;
    assert_eq!(imported.status, 303, "{}", imported.body);
    assert_eq!(h.count("SELECT count(*) FROM trainings").await, 2);
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE area = 3212")
            .await,
        2,
        "for the coordinator's regency"
    );
    let list = coordinator.get("/trainings").await;
    assert!(list.body.contains("2 pelatihan diimpor"), "{}", list.body);
    assert!(list.body.contains("Literasi Keuangan"));
}

#[tokio::test]
async fn the_overview_shows_the_coordinators_villages_overdue_questions_first_answers_and_seats() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let starts = (start_time() + chrono::Duration::days(14)).timestamp();
    seed::training(&h.pool, 1, "Pelatihan menjahit", starts, 20).await;
    seed::training_area(&h.pool, 1, 3212).await;
    let join = Action::Training(desmigratif::engine::trainings::TrainingAction::Join(1));
    h.press(RESIDENT, &join).await;
    // One question waits since three days ago; another was answered two hours after it came.
    let waiting = ask(&mut h, RESIDENT, "Kapan pelatihan berikutnya?").await;
    let answered = ask(&mut h, RESIDENT, "Suami saya belum digaji.").await;
    let now = start_time().timestamp();
    sqlx::query("UPDATE questions SET asked_at = ?2, opened_at = ?2 WHERE id = ?1")
        .bind(waiting)
        .bind(now - 3 * 86_400)
        .execute(&h.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE questions SET asked_at = ?2, opened_at = ?2 WHERE id = ?1")
        .bind(answered)
        .bind(now - 2 * 3_600)
        .execute(&h.pool)
        .await
        .unwrap();
    let (_server, mut coordinator) = logged_in(&mut h, COORDINATOR).await;
    // Not from the overview: its figures are counted at its first view and kept a minute.
    let csrf = coordinator.get("/sessions").await.csrf();
    let sent = coordinator
        .post(
            &format!("/questions/{answered}/answer"),
            &[
                ("csrf", &csrf),
                ("round", "1"),
                ("text", "Kami bantu hubungi KBRI."),
            ],
        )
        .await;
    assert_eq!(sent.status, 303);

    let overview = coordinator.get("/").await;
    assert_eq!(overview.status, 200);
    let body = &overview.body;
    assert!(body.contains("Per desa"), "{body}");
    assert!(
        body.contains("Kenanga"),
        "the coordinator's village, named: {body}"
    );
    assert!(!body.contains("Kuripan"), "not Wonosobo's: {body}");
    assert!(
        body.contains("pertanyaan menunggu lebih dari"),
        "overdue: {body}"
    );
    assert!(
        body.contains("2 jam"),
        "the first answer came after 2 hours: {body}"
    );
    assert!(body.contains("1 / 20"), "seats taken of offered: {body}");
}

#[tokio::test]
async fn people_are_found_by_village_within_the_area_only() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (_server, mut coordinator) = logged_in(&mut h, COORDINATOR).await;
    let by_code = coordinator.get("/people?village=32.12.16.2004").await;
    assert_eq!(by_code.status, 200);
    assert!(by_code.body.contains("Siti Aminah"), "{}", by_code.body);
    assert!(
        by_code.body.contains("Warga terdaftar desa Kenanga"),
        "{}",
        by_code.body
    );
    let with_name = coordinator.get("/people?q=Dew&village=3212162004").await;
    assert!(
        !with_name.body.contains("Siti Aminah"),
        "the name narrows it"
    );
    let typed = coordinator.get("/people?village=kenanga").await;
    assert!(
        typed.body.contains("Siti Aminah") || typed.body.contains("Pilih satu"),
        "one village, or the choice of them: {}",
        typed.body
    );
    // Wonosobo's village is not the coordinator's: by code or by name.
    for outside in ["33.07.10.2004", "kuripan%20watumalang"] {
        let page = coordinator.get(&format!("/people?village={outside}")).await;
        assert!(!page.body.contains("Kuripan —"), "{outside}: {}", page.body);
        assert!(
            page.body.contains("Tidak ada tempat"),
            "{outside}: {}",
            page.body
        );
    }
}

#[tokio::test]
async fn an_announcement_with_a_photo_is_previewed_sent_and_its_photo_kept_until_telegram_has_it() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let (server, mut coordinator) = logged_in(&mut h, COORDINATOR).await;
    let csrf = coordinator.get("/broadcasts/new").await.csrf();
    let png = desmigratif::qr::png("https://desmigratif.example/pelatihan").unwrap();
    let fields = [
        ("csrf", csrf.as_str()),
        ("text_id", "Poster pelatihan menjahit."),
        ("when", "now"),
        ("go", "preview"),
    ];
    // Not a photo: refused, kindly.
    let text_file = coordinator
        .post_multipart(
            "/broadcasts/new",
            &fields,
            &[("photo", "poster.txt", b"not a picture")],
        )
        .await;
    assert_eq!(text_file.status, 422);
    assert!(
        text_file.body.contains("bukan foto JPG atau PNG"),
        "{}",
        text_file.body
    );
    // A caption longer than Telegram's 1,024 characters is refused with a photo.
    let long = "a".repeat(1_100);
    let too_long = coordinator
        .post_multipart(
            "/broadcasts/new",
            &[("csrf", &csrf), ("text_id", &long), ("go", "preview")],
            &[("photo", "poster.png", &png)],
        )
        .await;
    assert!(
        too_long.body.contains("paling banyak 1.024"),
        "{}",
        too_long.body
    );

    let preview = coordinator
        .post_multipart("/broadcasts/new", &fields, &[("photo", "poster.png", &png)])
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    let token = hidden(&preview.body, "photo_kept");
    let (status, kind, bytes) = coordinator
        .get_bytes(&format!("/broadcasts/photo/{token}"))
        .await;
    assert_eq!((status, kind.as_deref()), (200, Some("image/png")));
    assert_eq!(bytes, png, "the preview shows the photo chosen");
    // Another officer's session does not see it.
    let mut other = Client::new(&server);
    other
        .log_in(&console::link_path(&h.say(OFFICER, "/konsol").await))
        .await;
    assert_eq!(
        other
            .get_bytes(&format!("/broadcasts/photo/{token}"))
            .await
            .0,
        404
    );

    let once = hidden(&preview.body, "once");
    let sent = coordinator
        .post(
            "/broadcasts/new",
            &[
                ("csrf", &csrf),
                ("text_id", "Poster pelatihan menjahit."),
                ("when", "now"),
                ("photo_kept", &token),
                ("once", &once),
                ("go", "send"),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let stored: (Option<Vec<u8>>, Option<String>) =
        sqlx::query_as("SELECT photo_upload, photo_file_id FROM broadcasts WHERE id = 1")
            .fetch_one(&h.pool)
            .await
            .unwrap();
    assert_eq!(
        stored.0.as_deref(),
        Some(&png[..]),
        "kept until Telegram has it"
    );
    assert_eq!(stored.1, None);
    h.engine.tick().await.unwrap();
    assert_eq!(copies(&h, 1).await, [RESIDENT]);
}

/// Words a page shows that are a message's id, not its text (a message missing in a
/// language is shown by its id).
fn untranslated(body: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    const PREFIXES: [&str; 9] = [
        "console-",
        "broadcast-",
        "training-",
        "staff-",
        "stats-",
        "place-",
        "role-",
        "language-",
        "question-",
    ];
    text.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|word| {
            PREFIXES.iter().any(|p| word.starts_with(p))
                && word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        })
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn every_page_is_whole_in_both_languages_for_each_role() {
    assert_eq!(
        untranslated("<p>Kursi: console-col-seats (3)</p><input id=\"training-title_id\">"),
        ["console-col-seats"],
        "the check finds a message shown by its id"
    );
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let question = ask(
        &mut h,
        RESIDENT,
        "Suami saya belum digaji <b>tiga</b> bulan.",
    )
    .await;
    let starts = (start_time() + chrono::Duration::days(14)).timestamp();
    seed::training(&h.pool, 1, "Pelatihan menjahit", starts, 20).await;
    seed::training_area(&h.pool, 1, 3_212_162_004).await;
    h.press(
        RESIDENT,
        &Action::Training(desmigratif::engine::trainings::TrainingAction::Join(1)),
    )
    .await;
    let server = console::start(h.engine.clone()).await;
    for (user, role_pages) in [
        (ADMIN, vec!["/officers", "/audit", "/broadcasts/1"]),
        (COORDINATOR, vec!["/officers"]),
        (OFFICER, vec![]),
    ] {
        let mut client = Client::new(&server);
        client
            .log_in(&console::link_path(&h.say(user, "/konsol").await))
            .await;
        if user == ADMIN {
            // One announcement of the admin's, to open its page.
            let csrf = client.get("/").await.csrf();
            let preview = client
                .post(
                    "/broadcasts/new",
                    &[
                        ("csrf", &csrf),
                        ("text_id", "Rapat warga."),
                        ("go", "preview"),
                    ],
                )
                .await;
            let once = hidden(&preview.body, "once");
            client
                .post(
                    "/broadcasts/new",
                    &[
                        ("csrf", &csrf),
                        ("text_id", "Rapat warga."),
                        ("once", &once),
                        ("go", "send"),
                    ],
                )
                .await;
        }
        let mut pages: Vec<String> = [
            "/",
            "/questions",
            "/people",
            "/people?village=kenanga",
            "/trainings",
            "/trainings?when=past",
            "/trainings/new",
            "/trainings/1",
            "/trainings/1/edit",
            "/applications",
            "/broadcasts",
            "/broadcasts/new",
            "/exports",
            "/sessions",
        ]
        .iter()
        .map(|p| (*p).to_owned())
        .collect();
        pages.push(format!("/questions/{question}"));
        pages.push(format!("/people/{RESIDENT}"));
        pages.extend(role_pages.iter().map(|p| (*p).to_owned()));
        for lang in ["id", "en"] {
            let csrf = client.get("/sessions").await.csrf();
            client
                .post(
                    "/language",
                    &[("csrf", &csrf), ("lang", lang), ("back", "/")],
                )
                .await;
            for path in &pages {
                let page = client.get(path).await;
                assert_eq!(page.status, 200, "{user} {lang} {path}: {}", page.body);
                assert!(
                    page.body.contains(&format!("<html lang=\"{lang}\">")),
                    "{user} {lang} {path}"
                );
                let missing = untranslated(&page.body);
                assert!(missing.is_empty(), "{user} {lang} {path}: {missing:?}");
            }
        }
        // A village officer has neither the staff pages nor the audit log.
        if user == OFFICER {
            for path in ["/officers", "/audit"] {
                assert_eq!(client.get(path).await.status, 404, "{path}");
            }
        }
    }
}
