//! The web console at the programme's size: 1,000,000 registered people, 100,000 questions,
//! 2,000 trainings. Each page is asked for again and again by an admin (the whole country: the
//! most rows any page reads), its time measured from the request to the last byte over
//! loopback; then the bot's replies to others are timed while a coordinator pages through
//! people and questions without pause.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use desmigratif::{
    engine::{Engine, ManualClock},
    i18n::Locales,
    store,
};

use crate::figures::{Figure, Target, percentile, target_dir};
use crate::seed;
use crate::workload::{Step, input};

const PEOPLE: i64 = 1_000_000;
const QUESTIONS: i64 = 100_000;
const TRAININGS: i64 = 2_000;
const ADMIN: i64 = 900;
const COORDINATOR: i64 = 901;

fn rounds() -> usize {
    std::env::var("BENCH_CONSOLE_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40)
}

/// Questions from the seeded people (one in ten open), each with what was asked; and more
/// trainings.
async fn seed_work(pool: &sqlx::SqlitePool) {
    seed::questions(pool, QUESTIONS, PEOPLE, 7919, 1_764_550_800).await;
    sqlx::query(
        "WITH RECURSIVE seq(x) AS (SELECT 100 UNION ALL SELECT x + 1 FROM seq WHERE x < ?1)
         INSERT INTO trainings (id, title_id, title_en, category, starts_at, location, capacity,
             description_id, description_en, created_at, updated_at)
         SELECT x, 'Pelatihan ' || x, 'Training ' || x, 'business', 1764550800 + x * 3600,
             'Balai desa', 30, 'Belajar usaha bersama.', 'Learning business together.',
             1764550800, 1764550800
         FROM seq",
    )
    .bind(99 + TRAININGS)
    .execute(pool)
    .await
    .expect("seed trainings");
    // Staff: an admin (also in ADMIN_IDS) and the regency's coordinator.
    for user in [ADMIN, COORDINATOR] {
        sqlx::query(
            "INSERT OR IGNORE INTO users (id, language, first_seen, last_seen)
             VALUES (?, 'id', 1764550800, 1764550800)",
        )
        .bind(user)
        .execute(pool)
        .await
        .expect("seed staff");
    }
}

/// A browser logged in as `user` (a link made in the store, spent through the page).
async fn logged_in(engine: &Engine, base: &str, user: i64) -> (reqwest::Client, String) {
    let token = desmigratif::engine::console::new_token().unwrap();
    let hash = desmigratif::engine::console::token_hash(&token);
    let now = engine.clock().now();
    engine
        .writer()
        .write(async |tx| store::console::add_link(tx, &hash, user, now).await)
        .await
        .expect("a link");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let landed = client
        .post(format!("{base}/login"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("log in");
    let cookie = landed.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    (client, cookie)
}

async fn timed_get(client: &reqwest::Client, url: &str, cookie: &str) -> Duration {
    let t = Instant::now();
    let response = client
        .get(url)
        .header("cookie", cookie)
        .send()
        .await
        .expect("a page");
    let status = response.status();
    let body = response.bytes().await.expect("the page's body");
    let took = t.elapsed();
    assert!(status.is_success(), "{url}: {status}");
    assert!(body.len() > 500, "{url}: a whole page");
    took
}

pub async fn run() -> Vec<Figure> {
    let dir = tempfile::tempdir_in(target_dir()).expect("bench dir");
    let url = seed::database(dir.path(), PEOPLE).await;
    let pool = sqlx::SqlitePool::connect(&url).await.expect("open");
    seed_work(&pool).await;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await
        .expect("checkpoint");
    pool.close().await;

    let db = store::open(&url).await.expect("open database");
    let mut settings = crate::engine::settings();
    settings.console_url = Some("http://127.0.0.1/".into());
    let clock = ManualClock::new(chrono::Utc::now());
    let engine = Engine::new(&db, settings, Arc::new(clock));
    engine.prepare_places().await.expect("village search");
    engine
        .writer()
        .write(async |tx| {
            use desmigratif::domain::{area::RegencyCode, staff::Area};
            let regency = Area::Regency(RegencyCode::parse("32.12").unwrap());
            store::staff::appoint(tx, COORDINATOR, regency, ADMIN, chrono::Utc::now()).await
        })
        .await
        .expect("a coordinator");

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let stop = tokio_util::sync::CancellationToken::new();
    let locales = Arc::new(Locales::load(chrono_tz::Asia::Jakarta).unwrap());
    tokio::spawn(desmigratif::console::serve(
        listener,
        url::Url::parse(&base).unwrap(),
        engine.clone(),
        locales,
        stop.clone(),
    ));
    let (client, cookie) = logged_in(&engine, &base, ADMIN).await;

    let pages = [
        ("overview", "/".to_owned()),
        ("questions, open, first page", "/questions".to_owned()),
        (
            "questions, answered, page 2,000",
            "/questions?filter=answered&page=2000".to_owned(),
        ),
        ("a question", "/questions/5000".to_owned()),
        ("people, by name", "/people?q=Warga%20Ab".to_owned()),
        ("people, by phone", "/people?q=%2B6281200012345".to_owned()),
        (
            "people, page 40 of a name (the last: a search counts up to 1,000)",
            "/people?q=Warga&page=40".to_owned(),
        ),
        ("a person", "/people/12345".to_owned()),
        ("applications", "/applications".to_owned()),
        ("audit log", "/audit".to_owned()),
        ("exports", "/exports".to_owned()),
        ("sessions", "/sessions".to_owned()),
        ("announcements", "/broadcasts".to_owned()),
        ("write an announcement", "/broadcasts/new".to_owned()),
    ];
    let rounds = rounds();
    let mut figures = Vec::new();
    for (name, path) in &pages {
        let page_url = format!("{base}{path}");
        // Once to warm the caches, as a page someone just opened (the overview's figures are
        // counted then, and kept for a minute).
        let first = timed_get(&client, &page_url, &cookie).await;
        if *name == "overview" {
            figures.push(Figure::millis(
                "console: overview, first view (the figures counted afresh), 1M people",
                first,
            ));
        }
        if *name == "write an announcement" {
            figures.push(Figure::millis(
                "console: write an announcement, first view (the choices counted afresh), 1M people",
                first,
            ));
        }
        let mut took = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            took.push(timed_get(&client, &page_url, &cookie).await);
        }
        figures.push(
            Figure::millis(
                &format!("console: {name}, 1M people, p95"),
                percentile(&took, 95.0),
            )
            .target(Target::Below(100.0)),
        );
    }

    // An announcement's preview counts its exact audience each time.
    let csrf = {
        let body = client
            .get(format!("{base}/broadcasts/new"))
            .header("cookie", &cookie)
            .send()
            .await
            .expect("the form")
            .text()
            .await
            .expect("the form's body");
        let marker = "name=\"csrf\" value=\"";
        let at = body.find(marker).expect("a form") + marker.len();
        body[at..at + body[at..].find('"').expect("the token's end")].to_owned()
    };
    for (name, part) in [
        ("to everyone", None),
        ("to those who use English", Some(("lang", "en"))),
    ] {
        let mut form = vec![
            ("csrf", csrf.as_str()),
            ("text_id", "Rapat warga hari Minggu."),
            ("when", "now"),
            ("go", "preview"),
        ];
        form.extend(part);
        let mut took = Vec::with_capacity(rounds);
        for _ in 0..=rounds {
            let t = Instant::now();
            let response = client
                .post(format!("{base}/broadcasts/new"))
                .header("cookie", &cookie)
                .form(&form)
                .send()
                .await
                .expect("a preview");
            let status = response.status();
            let body = response.text().await.expect("the preview's body");
            took.push(t.elapsed());
            assert!(
                status.is_success() && body.contains("value=\"send\""),
                "{status}: {body}"
            );
        }
        took.remove(0);
        figures.push(
            Figure::millis(
                &format!("console: an announcement's preview {name}, 1M people, p95"),
                percentile(&took, 95.0),
            )
            .target(Target::Below(100.0)),
        );
    }

    // The bot's replies to others while a coordinator pages through people and questions.
    let (coordinator, coordinator_cookie) = logged_in(&engine, &base, COORDINATOR).await;
    let paging = {
        let base = base.clone();
        tokio::spawn(async move {
            let mut page = 1;
            loop {
                for path in [
                    format!("/people?q=Warga&page={page}"),
                    format!("/questions?filter=answered&page={page}"),
                ] {
                    timed_get(&coordinator, &format!("{base}{path}"), &coordinator_cookie).await;
                }
                // A name search shows up to 1,000 people: 40 pages.
                page = page % 40 + 1;
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut replies = Vec::new();
    for i in 0..(rounds * 10) {
        let user = 1 + (i as i64 * 104_729) % PEOPLE;
        let step = Step::Text("/menu".into());
        let t = Instant::now();
        engine
            .handle(input(user, "id", &step, 50_000_000 + i as i64))
            .await
            .expect("handled");
        replies.push(t.elapsed());
    }
    // A page that failed would have ended the paging (and measured the bot alone).
    assert!(!paging.is_finished(), "the coordinator's paging stopped");
    paging.abort();
    figures.push(
        Figure::millis(
            "console: the bot's replies while a coordinator pages, p95",
            percentile(&replies, 95.0),
        )
        .target(Target::Below(100.0)),
    );
    stop.cancel();
    drop(engine);
    db.close().await;
    figures
}
