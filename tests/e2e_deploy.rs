//! Running it for real: webhook mode, backups taken while the bot writes, and `check`, each
//! through the real binary.

#[path = "support/bot_process.rs"]
mod bot_process;
use fake_bot_api as fake_api;

use std::{
    path::{Path, PathBuf},
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicI64, Ordering},
    },
    time::Duration,
};

use bot_process::{BotEnv, free_port};
use fake_api::{FakeApi, TOKEN, UserSpec};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A safety net for waiting on the bot, never a measure of its speed.
const WAIT: Duration = Duration::from_secs(20);
const WEBHOOK_URL: &str = "https://bot.example.org/telegram/updates";
const WEBHOOK_PATH: &str = "/telegram/updates";
const SECRET_HEADER: &str = "X-Telegram-Bot-Api-Secret-Token";

/// Queues a text in the fake (which does not deliver it: a webhook is set) and returns the
/// update id and the update's JSON as Telegram would post it.
fn text_update(fake: &FakeApi, user: i64, text: &str) -> (i64, Value) {
    let update_id = fake.push_text(user, text);
    let message_id = fake.message_id_of_update(update_id).unwrap();
    let message = fake.message(user, message_id).unwrap();
    (
        update_id,
        json!({"update_id": update_id, "message": message}),
    )
}

async fn post(port: u16, path: &str, update: &Value, secret: Option<&str>) -> StatusCode {
    let mut request = reqwest::Client::new()
        .post(format!("http://127.0.0.1:{port}{path}"))
        .json(update);
    if let Some(secret) = secret {
        request = request.header(SECRET_HEADER, secret);
    }
    request
        .send()
        .await
        .expect("the webhook server answers")
        .status()
}

async fn processed_updates(db: &Path) -> Vec<i64> {
    let mut conn = bot_process::read_only(db).await;
    sqlx::query_scalar("SELECT update_id FROM processed_updates ORDER BY update_id")
        .fetch_all(&mut conn)
        .await
        .unwrap()
}

async fn count(db: &Path, sql: &str) -> i64 {
    let mut conn = bot_process::read_only(db).await;
    sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
}

/// The fake Bot API with one user, and the bot started in webhook mode on a free port (with
/// `WEBHOOK_SECRET` when given), once it has registered its webhook.
/// Destructure it keeping `_dir`: dropping it deletes the bot's database.
struct Webhook {
    fake: FakeApi,
    env: BotEnv,
    bot: bot_process::BotProcess,
    port: u16,
    _dir: tempfile::TempDir,
}

async fn webhook_mode(user: UserSpec<'_>, secret: Option<&str>) -> Webhook {
    let fake = FakeApi::start().await;
    fake.add_user(user);
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("PORT", &port.to_string())
        .var("WEBHOOK_URL", WEBHOOK_URL);
    if let Some(secret) = secret {
        env = env.var("WEBHOOK_SECRET", secret);
    }
    let bot = env.start_with(&["webhook"]);
    fake.wait_for(WAIT, |s| s.calls_to("setWebhook").iter().any(|c| c.is_ok()))
        .await
        .unwrap();
    Webhook {
        fake,
        env,
        bot,
        port,
        _dir: dir,
    }
}

#[tokio::test]
async fn webhook_mode_handles_an_update_with_the_right_secret_and_refuses_the_others() {
    let secret = "s3cret_-Token";
    let Webhook {
        fake,
        env,
        bot,
        port,
        _dir,
    } = webhook_mode(UserSpec::new(1001, "Alice").language("en"), Some(secret)).await;
    assert_eq!(fake.webhook_url().as_deref(), Some(WEBHOOK_URL));
    assert_eq!(fake.webhook_secret().as_deref(), Some(secret));

    let (wrong_id, wrong) = text_update(&fake, 1001, "/start");
    assert_eq!(
        post(port, WEBHOOK_PATH, &wrong, Some("s3cret_-Tokem")).await,
        StatusCode::UNAUTHORIZED
    );
    let (missing_id, missing) = text_update(&fake, 1001, "/help");
    assert_eq!(
        post(port, WEBHOOK_PATH, &missing, None).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(port, "/elsewhere", &missing, Some(secret)).await,
        StatusCode::NOT_FOUND
    );

    let (id, update) = text_update(&fake, 1001, "/menu");
    assert_eq!(
        post(port, WEBHOOK_PATH, &update, Some(secret)).await,
        StatusCode::OK
    );
    // 200 comes only once the update is committed.
    assert_eq!(processed_updates(&env.db_path).await, [id]);
    // Telegram sending it again changes nothing.
    assert_eq!(
        post(port, WEBHOOK_PATH, &update, Some(secret)).await,
        StatusCode::OK
    );

    fake.wait_until_sent_to(1001, 1, WAIT).await.unwrap();
    assert_eq!(bot.stop().await.code(), Some(0));
    let processed = processed_updates(&env.db_path).await;
    assert_eq!(
        processed,
        [id],
        "the refused updates {wrong_id} and {missing_id} were not handled"
    );
    let queued = count(
        &env.db_path,
        "SELECT count(*) FROM outbox WHERE chat_id = 1001",
    )
    .await;
    assert_eq!(
        fake.sent_to(1001).len() as i64,
        queued,
        "only the accepted update's replies were sent"
    );
    assert_eq!(
        fake.calls_to("getUpdates").len(),
        0,
        "no polling in webhook mode"
    );
}

#[tokio::test]
async fn without_webhook_secret_a_random_secret_is_registered_and_required() {
    let Webhook {
        fake,
        bot,
        port,
        _dir,
        ..
    } = webhook_mode(UserSpec::new(1001, "Budi").language("id"), None).await;
    let secret = fake
        .webhook_secret()
        .expect("a secret is always registered");
    assert!((1..=256).contains(&secret.len()));
    assert!(
        secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
        "{secret}"
    );

    let (_, update) = text_update(&fake, 1001, "/start");
    assert_eq!(
        post(port, WEBHOOK_PATH, &update, Some("")).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(port, WEBHOOK_PATH, &update, Some(&secret)).await,
        StatusCode::OK
    );
    fake.wait_until_sent_to(1001, 1, WAIT).await.unwrap();
    assert!(
        fake.sent_to(1001)[0]
            .text
            .as_deref()
            .unwrap_or_default()
            .starts_with("Selamat datang")
    );
    assert_eq!(bot.stop().await.code(), Some(0));
}

#[tokio::test]
async fn webhook_mode_without_webhook_url_stops_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new("http://127.0.0.1:9/", TOKEN, dir.path());
    let output = run(&env, &["webhook"]).await;
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("WEBHOOK_URL: missing"), "{stderr}");
}

/// A database with the bot's schema, and an environment pointing at it (the Bot API is not
/// contacted by the tools).
async fn installed(dir: &Path) -> BotEnv {
    let env = BotEnv::new("http://127.0.0.1:9/", TOKEN, dir);
    bot_process::database(&env.database_url())
        .await
        .close()
        .await;
    env
}

async fn run(env: &BotEnv, args: &[&str]) -> std::process::Output {
    env.run_beside(args).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backups_taken_while_rows_are_written_hold_every_row_committed_before_them() {
    let dir = tempfile::tempdir().unwrap();
    let env = installed(dir.path()).await;
    let pool = bot_process::database(&env.database_url()).await;
    let committed = Arc::new(AtomicI64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (pool, committed, stop) = (pool.clone(), committed.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                sqlx::query(
                    "INSERT INTO processed_updates (update_id, processed_at) VALUES (?, 0)",
                )
                .bind(n)
                .execute(&pool)
                .await
                .unwrap();
                committed.store(n, Ordering::SeqCst);
                tokio::task::yield_now().await;
            }
        })
    };

    let mut seen = 0;
    for round in 0..4 {
        // Rows keep arriving between the backups (and, mostly, during them).
        while committed.load(Ordering::SeqCst) <= seen {
            tokio::task::yield_now().await;
        }
        let before = committed.load(Ordering::SeqCst);
        let file = dir.path().join(format!("backup-{round}.db"));
        let output = run(&env, &["backup", file.to_str().unwrap()]).await;
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("integrity ok"));

        let mut copy = bot_process::read_only(&file).await;
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut copy)
            .await
            .unwrap();
        assert_eq!(integrity, "ok");
        let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut copy)
            .await
            .unwrap();
        assert_eq!(journal, "delete", "a single self-contained file");
        let held: i64 =
            sqlx::query_scalar("SELECT count(*) FROM processed_updates WHERE update_id <= ?")
                .bind(before)
                .fetch_one(&mut copy)
                .await
                .unwrap();
        assert_eq!(
            held, before,
            "backup {round} holds every row committed before it started"
        );
        seen = before;
    }
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_backup_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let env = installed(dir.path()).await;
    let file = dir.path().join("yesterday.db");
    std::fs::write(&file, b"keep me").unwrap();
    let output = run(&env, &["backup", file.to_str().unwrap()]).await;
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The repository's locales folder, copied.
fn locales_copy(dir: &Path) -> PathBuf {
    let target = dir.join("locales");
    for lang in ["id", "en"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        std::fs::create_dir_all(target.join(lang)).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), target.join(lang).join(entry.file_name())).unwrap();
        }
    }
    target
}

#[tokio::test]
async fn check_says_all_good_on_a_sound_installation() {
    let dir = tempfile::tempdir().unwrap();
    let env = installed(dir.path()).await.var("ADMIN_IDS", "900");
    let locales = locales_copy(dir.path());
    let output = run(&env, &["check", "--locales", locales.to_str().unwrap()]).await;
    assert!(output.status.success(), "{}", stdout(&output));
    assert_eq!(stdout(&output).lines().last(), Some("all good"));
}

#[tokio::test]
async fn check_names_a_bad_timezone_in_one_line_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let env = installed(dir.path()).await.var("TIMEZONE", "Mars/Olympus");
    let output = run(&env, &["check"]).await;
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    let lines: Vec<&str> = report.lines().filter(|l| l.contains("TIMEZONE")).collect();
    assert_eq!(lines.len(), 1, "{report}");
    assert!(
        lines[0].starts_with("TIMEZONE: ") && lines[0].contains("Mars/Olympus"),
        "{report}"
    );
    assert_eq!(report.lines().last(), Some("1 problem found"), "{report}");
}

#[tokio::test]
async fn check_catches_a_message_missing_from_a_translation() {
    let dir = tempfile::tempdir().unwrap();
    let env = installed(dir.path()).await;
    let locales = locales_copy(dir.path());
    let main = locales.join("en").join("main.ftl");
    let text = std::fs::read_to_string(&main).unwrap();
    let without: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("menu-title = "))
        .collect();
    assert_eq!(
        without.len() + 1,
        text.lines().count(),
        "menu-title is one line of en/main.ftl"
    );
    std::fs::write(&main, without.join("\n")).unwrap();

    let output = run(&env, &["check", "--locales", locales.to_str().unwrap()]).await;
    assert_eq!(output.status.code(), Some(1));
    let expected = format!("{}: missing message \"menu-title\"", main.display());
    assert!(
        stdout(&output).lines().any(|l| l == expected),
        "{}",
        stdout(&output)
    );
}
