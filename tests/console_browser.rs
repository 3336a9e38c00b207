//! The web console in a real browser: headless Chromium driven over WebDriver (chromedriver)
//! against the real binary and the fake Bot API. An officer logs in with the link the bot
//! sent, answers a question, and the answer reaches the person in Telegram; what the person
//! wrote shows as text and runs nothing; a village officer is refused another area's question.
//! Screenshots of the pages are saved in `target/screenshots/` (the README shows copies).
//!
//! `.ci/run` installs Debian's `chromium` and `chromium-driver` when they are missing. Without
//! them these tests fail: they do not skip.

#[path = "support/bot_process.rs"]
mod bot_process;
use fake_bot_api as fake_api;

use std::{path::PathBuf, process::Stdio, time::Duration};

use bot_process::{BotEnv, free_port};
use fake_api::{FakeApi, TOKEN, UserSpec};
use fantoccini::{Client, ClientBuilder, Locator};

const ADMIN: i64 = 900;
const VILLAGE_OFFICER: i64 = 905;
const FAMILY: i64 = 3001;
/// Kuripan, Watumalang, Wonosobo: not where the family's question comes from.
const WONOSOBO_VILLAGE: &str = "33.07.10.2004";
/// A safety net for waiting on the bot or the browser, never a measure of speed.
const WAIT: Duration = Duration::from_secs(30);

/// chromedriver on a port of its own, stopped when dropped.
struct Driver {
    child: std::process::Child,
    port: u16,
    profiles: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn program(variable: &str, candidates: &[&str]) -> PathBuf {
    if let Ok(path) = std::env::var(variable) {
        return PathBuf::from(path);
    }
    candidates
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .unwrap_or_else(|| {
            panic!(
                "{} not found (set {variable}); .ci/run installs Debian's chromium and chromium-driver",
                candidates[0]
            )
        })
}

async fn driver() -> Driver {
    let path = program(
        "CHROMEDRIVER",
        &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"],
    );
    let port = free_port();
    let child = std::process::Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver {
        child,
        port,
        profiles: tempfile::tempdir().unwrap(),
    };
    // Ready once it answers its status.
    let status = format!("http://127.0.0.1:{port}/status");
    let deadline = tokio::time::Instant::now() + WAIT;
    while reqwest::get(&status).await.is_err() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "chromedriver did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    driver
}

/// A new headless browser (its own empty profile: no cookies) at `width`×`height`.
async fn browser(driver: &Driver, name: &str, width: u32, height: u32) -> Client {
    let chromium = program(
        "CHROMIUM",
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
    );
    let profile = driver.profiles.path().join(name);
    let args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        format!("--user-data-dir={}", profile.display()),
        format!("--window-size={width},{height}"),
    ];
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        serde_json::json!({ "binary": chromium, "args": args }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("Chromium starts under chromedriver")
}

async fn screenshot(client: &Client, name: &str) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = client.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// The newest text the bot sent to `chat` that contains `needle`.
async fn text_with(fake: &FakeApi, chat: i64, needle: &str) -> String {
    fake.wait_for(WAIT, |s| {
        s.sent_to(chat)
            .iter()
            .any(|m| m.text.as_deref().is_some_and(|t| t.contains(needle)))
    })
    .await
    .unwrap_or_else(|e| panic!("no message with {needle:?} to {chat}: {e:?}"));
    fake.sent_to(chat)
        .into_iter()
        .rev()
        .find_map(|m| m.text.filter(|t| t.contains(needle)))
        .unwrap()
}

/// The link in the bot's answer to /konsol.
async fn login_link(fake: &FakeApi, chat: i64, lang_command: &str) -> String {
    let before = fake.sent_to(chat).len();
    fake.push_text(chat, lang_command);
    fake.wait_for(WAIT, |s| {
        s.sent_to(chat)
            .iter()
            .skip(before)
            .any(|m| m.text.as_deref().is_some_and(|t| t.contains("/login/")))
    })
    .await
    .expect("the bot sends a log-in link");
    let text = fake
        .sent_to(chat)
        .into_iter()
        .skip(before)
        .find_map(|m| m.text.filter(|t| t.contains("/login/")))
        .unwrap();
    text.split_whitespace()
        .find(|w| w.contains("/login/"))
        .unwrap()
        .to_owned()
}

/// The page's text; `None` while the page is being replaced (after a click the old body can
/// go stale between finding it and reading it).
async fn body_text(client: &Client) -> Option<String> {
    client
        .find(Locator::Css("body"))
        .await
        .ok()?
        .text()
        .await
        .ok()
}

/// Waits until the page's text contains `needle` (a page loads after a click).
async fn wait_for_page(client: &Client, needle: &str) -> String {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let text = body_text(client).await.unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no {needle:?} on the page: {text}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Clicks the element with `id`.
async fn click(client: &Client, id: &str) {
    client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("no #{id}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Writes an announcement to Kenanga's families at the laptop, with a photo from `photo`.
async fn write_to_families(
    client: &Client,
    base: &str,
    text: &str,
    photo: Option<&std::path::Path>,
) {
    client
        .goto(&format!("{base}/broadcasts/new"))
        .await
        .unwrap();
    wait_for_page(client, "Tulis pengumuman").await;
    if let Some(photo) = photo {
        client
            .find(Locator::Id("photo"))
            .await
            .unwrap()
            .send_keys(&photo.display().to_string())
            .await
            .unwrap();
    }
    client
        .find(Locator::Id("text_id"))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
    client
        .find(Locator::Css("input[name=role][value=family]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Opens a log-in link and presses «Masuk»: the overview follows.
async fn log_in(client: &Client, link: &str) {
    client.goto(link).await.unwrap();
    click(client, "log-in").await;
    wait_for_page(client, "Ringkasan").await;
}

/// A staff member appointed in the database before the bot starts, as an accepted
/// invitation leaves them.
async fn appoint(env: &BotEnv, user: i64, village: &str) {
    use desmigratif::{
        domain::{area::VillageCode, staff::Area},
        store,
    };
    let db = store::open(&env.database_url()).await.unwrap();
    let area = Area::Village(VillageCode::parse(village).unwrap());
    db.writer()
        .write(async |tx| {
            store::users::touch(
                tx,
                user,
                desmigratif::domain::Language::Id,
                chrono::Utc::now(),
            )
            .await?;
            store::staff::appoint(tx, user, area, ADMIN, chrono::Utc::now()).await?;
            people_of_kenanga(tx).await
        })
        .await
        .unwrap();
    db.close().await;
    // Registered over the weeks, not all today (the store dates a profile when it is saved).
    let pool = bot_process::database(&env.database_url()).await;
    sqlx::query(
        "UPDATE profiles SET registered_at = registered_at - (user_id - 10000) * 190000
         WHERE user_id >= 10000",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
}

/// Forty people of Kenanga who registered over the last twelve weeks, for the overview's
/// figures and charts.
async fn people_of_kenanga(tx: &mut desmigratif::store::Tx) -> desmigratif::store::Result<()> {
    use desmigratif::domain::{PersonName, Phone, PlaceName, Profile, Role, area::VillageCode};
    let now = chrono::Utc::now();
    let names = [
        "Siti Aminah",
        "Dewi Lestari",
        "Agus Salim",
        "Rina Wati",
        "Budi Santoso",
    ];
    for n in 0..40i64 {
        let user_id = 10_000 + n;
        desmigratif::store::users::touch(tx, user_id, desmigratif::domain::Language::Id, now)
            .await?;
        let profile = Profile {
            user_id,
            role: [Role::Returnee, Role::Family, Role::Prospective][(n % 3) as usize],
            name: PersonName::parse(names[(n % 5) as usize]).unwrap(),
            phone: Phone::parse("0812-3456-7890").unwrap(),
            village: PlaceName::parse("Kenanga").unwrap(),
            district: PlaceName::parse("Indramayu").unwrap(),
            village_code: VillageCode::parse("32.12.16.2004"),
            country: None,
            years_abroad: None,
            sector: None,
            relation: None,
            worker_abroad: None,
            interests: vec![],
            registered_at: now.timestamp(),
        };
        desmigratif::store::profiles::save(tx, &profile, now).await?;
    }
    Ok(())
}

#[tokio::test]
async fn an_officer_answers_in_the_browser_and_the_person_gets_it_in_telegram() {
    let driver = driver().await;
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    fake.add_user(UserSpec::new(FAMILY, "Sari").language("id"));
    fake.add_user(UserSpec::new(ADMIN, "Bambang").language("id"));
    fake.add_user(UserSpec::new(VILLAGE_OFFICER, "Wulan").language("id"));
    for n in 0..40 {
        fake.add_user(UserSpec::new(10_000 + n, "Warga").language("id"));
    }
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("ADMIN_IDS", &ADMIN.to_string())
        .var("CONSOLE_LISTEN", &format!("127.0.0.1:{port}"))
        .var("CONSOLE_URL", &base);
    appoint(&env, VILLAGE_OFFICER, WONOSOBO_VILLAGE).await;
    let bot = env.start();
    bot.wait_for_log("console ready", WAIT).await;

    // A wife whose husband is unpaid abroad asks; she is not registered, and what she wrote
    // happens to look like markup.
    fake.push_text(FAMILY, "/tanya");
    text_with(&fake, FAMILY, "Anda dari desa mana").await;
    fake.push_text(
        FAMILY,
        "Suami saya di Malaysia belum digaji 3 bulan <script>alert(1)</script>",
    );
    text_with(&fake, FAMILY, "sudah kami terima").await;

    // The officer asks the bot for a link and opens it at a laptop.
    let link = login_link(&fake, ADMIN, "/konsol").await;
    assert!(link.starts_with(&base), "{link}");
    let laptop = browser(&driver, "laptop", 1366, 768).await;
    log_in(&laptop, &link).await;
    wait_for_page(&laptop, "Ringkasan wilayah Anda").await;
    screenshot(&laptop, "overview").await;

    laptop.goto(&format!("{base}/questions")).await.unwrap();
    let inbox = wait_for_page(&laptop, "belum digaji").await;
    assert!(
        inbox.contains("<script>alert(1)</script>"),
        "shown as text: {inbox}"
    );
    screenshot(&laptop, "questions").await;
    laptop
        .find(Locator::Css("table.list a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let question = wait_for_page(&laptop, "Penanya").await;
    assert!(question.contains("<script>alert(1)</script>"), "{question}");
    // Nothing she wrote ran: no alert is open.
    assert!(laptop.get_alert_text().await.is_err());
    let path = laptop.current_url().await.unwrap().path().to_owned();
    screenshot(&laptop, "question").await;

    let answer = "Kami sudah menghubungi KBRI Kuala Lumpur. Simpan slip gaji dan kontrak kerja.";
    laptop
        .find(Locator::Id("answer-text"))
        .await
        .unwrap()
        .send_keys(answer)
        .await
        .unwrap();
    click(&laptop, "send-answer").await;
    wait_for_page(&laptop, "sudah dikirim").await;
    let received = text_with(&fake, FAMILY, "Simpan slip gaji").await;
    assert!(received.contains("Petugas Desmigratif"), "{received}");
    screenshot(&laptop, "question-answered").await;

    // The same page on a phone.
    let phone = browser(&driver, "phone", 390, 844).await;
    log_in(&phone, &login_link(&fake, ADMIN, "/konsol").await).await;
    phone.goto(&format!("{base}{path}")).await.unwrap();
    wait_for_page(&phone, "Penanya").await;
    screenshot(&phone, "question-phone").await;

    // An announcement to the families of the area, followed to the end in the browser.
    let announcement = "Pelatihan menjahit gratis hari Sabtu jam 9 di balai desa Kenanga.";
    write_to_families(&laptop, &base, announcement, None).await;
    screenshot(&laptop, "broadcast-compose").await;
    click(&laptop, "preview").await;
    // Kenanga's families: every third of the forty.
    let preview = wait_for_page(&laptop, "Pratinjau pengumuman").await;
    assert!(preview.contains("13 orang"), "{preview}");
    assert!(preview.contains(announcement), "{preview}");
    screenshot(&laptop, "broadcast-preview").await;
    click(&laptop, "send").await;
    // The page follows the delivery by itself (it reloads while sending).
    let done = wait_for_page(&laptop, "100 %").await;
    wait_for_page(&laptop, "Selesai").await;
    assert!(done.contains("13"), "{done}");
    screenshot(&laptop, "broadcast-done").await;
    text_with(&fake, 10_001, "menjahit gratis").await;
    assert!(
        fake.sent_to(10_000).iter().all(|m| !m
            .text
            .as_deref()
            .unwrap_or_default()
            .contains("menjahit")),
        "a returnee is not in the audience"
    );

    // An announcement with a photo: the first copy uploads it, the others send Telegram's
    // file id.
    let poster = dir.path().join("poster.png");
    std::fs::write(
        &poster,
        desmigratif::qr::png("https://desmigratif.example/pelatihan").unwrap(),
    )
    .unwrap();
    write_to_families(
        &laptop,
        &base,
        "Poster pelatihan menjahit. Daftar di bot.",
        Some(&poster),
    )
    .await;
    click(&laptop, "preview").await;
    wait_for_page(&laptop, "Pratinjau pengumuman").await;
    screenshot(&laptop, "broadcast-photo-preview").await;
    click(&laptop, "send").await;
    wait_for_page(&laptop, "100 %").await;
    wait_for_page(&laptop, "Selesai").await;
    fake.wait_for(WAIT, |s| {
        s.sent_to(10_001)
            .iter()
            .any(|m| matches!(m.kind, fake_api::SentKind::Photo { .. }))
    })
    .await
    .expect("a family gets the photo");
    let pool = bot_process::database(&env.database_url()).await;
    let (upload, file_id): (Option<Vec<u8>>, Option<String>) =
        sqlx::query_as("SELECT photo_upload, photo_file_id FROM broadcasts WHERE id = 2")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert!(
        upload.is_none(),
        "the bytes are dropped once Telegram has the photo"
    );
    assert!(file_id.is_some(), "the next copies send the file id");

    // A training written at the laptop, its date and time in the browser's own field.
    laptop.goto(&format!("{base}/trainings/new")).await.unwrap();
    wait_for_page(&laptop, "Buat pelatihan").await;
    for (id, typed) in [
        ("training-title_id", "Pelatihan menjahit"),
        ("training-title_en", "Sewing training"),
        (
            "training-description_id",
            "Belajar menjahit pakaian untuk dijual.",
        ),
        ("training-description_en", "Learn to sew clothes to sell."),
        ("training-location", "Balai Desa Kenanga"),
        ("training-capacity", "25"),
    ] {
        laptop
            .find(Locator::Id(id))
            .await
            .unwrap()
            .send_keys(typed)
            .await
            .unwrap();
    }
    // A date and time field is typed in the browser's own order; WebDriver sets its value.
    laptop
        .execute(
            "document.getElementById('training-starts_at').value = arguments[0];",
            vec![serde_json::json!("2036-01-10T09:00")],
        )
        .await
        .unwrap();
    screenshot(&laptop, "training-new").await;
    click(&laptop, "save-training").await;
    let saved = wait_for_page(&laptop, "Pelatihan disimpan").await;
    assert!(saved.contains("Pelatihan menjahit"), "{saved}");
    assert!(saved.contains("10 Januari 2036 pukul 09.00"), "{saved}");
    screenshot(&laptop, "training").await;
    laptop.goto(&format!("{base}/officers")).await.unwrap();
    wait_for_page(&laptop, "Undang petugas").await;
    screenshot(&laptop, "officers").await;

    // The used link does not log anyone else in.
    let stranger = browser(&driver, "stranger", 1366, 768).await;
    stranger.goto(&link).await.unwrap();
    wait_for_page(&stranger, "Tautan tidak berlaku").await;

    // A village officer of Wonosobo is refused the question (it is not from their area).
    log_in(
        &stranger,
        &login_link(&fake, VILLAGE_OFFICER, "/konsol").await,
    )
    .await;
    stranger.goto(&format!("{base}{path}")).await.unwrap();
    let refused = wait_for_page(&stranger, "Tidak ditemukan").await;
    assert!(!refused.contains("belum digaji"));

    for client in [laptop, phone, stranger] {
        client.close().await.unwrap();
    }
    bot.stop().await;
}
