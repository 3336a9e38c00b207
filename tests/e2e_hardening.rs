//! Safe to put on the internet, and plain to operate: the webhook under a flood of half-sent
//! requests, start-up when Telegram cannot be reached or refuses the token, exit statuses,
//! logs fit for a file, an officers' group that cannot be reached, and `check` on a new
//! installation. Each through the real binary.

#[path = "support/bot_process.rs"]
mod bot_process;
use fake_bot_api as fake_api;

use std::time::{Duration, Instant};

use bot_process::{BotEnv, BotProcess, free_port};
use fake_api::{FakeApi, TOKEN, UserSpec};
use serde_json::json;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};

/// A safety net for waiting on the bot, never a measure of its speed.
const WAIT: Duration = Duration::from_secs(20);
const WEBHOOK_URL: &str = "https://bot.example.org/telegram/updates";
const WEBHOOK_PATH: &str = "/telegram/updates";
const SECRET: &str = "s3cret_-Token";

async fn wait_for_log(bot: &BotProcess, what: &str) {
    bot.wait_for_log(what, WAIT).await
}

async fn run(env: &BotEnv, args: &[&str]) -> std::process::Output {
    env.run_beside(args).await
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

// ---- webhook ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_half_sent_requests_do_not_hold_up_a_real_update() {
    let fake = FakeApi::start().await;
    fake.add_user(UserSpec::new(1001, "Siti").language("id"));
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    // 128 open files, as on the server where a flood stopped the old webhook accepting.
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("PORT", &port.to_string())
        .var("WEBHOOK_URL", WEBHOOK_URL)
        .var("WEBHOOK_SECRET", SECRET)
        .max_open_files(128);
    let bot = env.start_with(&["webhook"]);
    fake.wait_for(WAIT, |s| s.calls_to("setWebhook").iter().any(|c| c.is_ok()))
        .await
        .unwrap();
    wait_for_log(&bot, "listening=127.0.0.1").await;

    // 200 connections that start a request and never finish its headers.
    let mut flood = Vec::new();
    for _ in 0..200 {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        stream
            .write_all(b"POST /telegram/updates HTTP/1.1\r\nHost: bot.example.org\r\nX-Telegram")
            .await
            .unwrap();
        flood.push(stream);
    }

    let update_id = fake.push_text(1001, "/start");
    let message_id = fake.message_id_of_update(update_id).unwrap();
    let update =
        json!({"update_id": update_id, "message": fake.message(1001, message_id).unwrap()});
    let started = Instant::now();
    let status = reqwest::Client::new()
        .post(format!("http://127.0.0.1:{port}{WEBHOOK_PATH}"))
        .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
        .json(&update)
        .timeout(WAIT)
        .send()
        .await
        .expect("the webhook still answers")
        .status();
    let took = started.elapsed();
    assert_eq!(status, 200);
    assert!(
        took < Duration::from_secs(1),
        "a real update waited {took:?} behind the flood"
    );
    fake.wait_until_sent_to(1001, 1, WAIT).await.unwrap();

    // The flood's oldest connections were closed to make room.
    let mut closed = 0;
    for stream in &mut flood {
        let mut byte = [0u8; 1];
        if let Ok(Ok(0)) =
            tokio::time::timeout(Duration::from_millis(1), stream.read(&mut byte)).await
        {
            closed += 1;
        }
    }
    assert!(closed > 0, "the server never closed a half-sent request");
    drop(flood);
    assert_eq!(bot.stop().await.code(), Some(0));
}

#[tokio::test]
async fn a_request_whose_headers_never_end_is_closed_by_the_server() {
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("PORT", &port.to_string())
        .var("WEBHOOK_URL", WEBHOOK_URL);
    let bot = env.start_with(&["webhook"]);
    fake.wait_for(WAIT, |s| s.calls_to("setWebhook").iter().any(|c| c.is_ok()))
        .await
        .unwrap();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    stream
        .write_all(b"POST /telegram/updates HTTP/1.1\r\n")
        .await
        .unwrap();
    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut rest)).await;
    assert!(
        matches!(read, Ok(Ok(_))),
        "the server keeps a half-sent request open: {read:?}"
    );
    assert_eq!(bot.stop().await.code(), Some(0));
}

#[tokio::test]
async fn webhook_mode_listens_on_this_machine_only_unless_told() {
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("WEBHOOK_LISTEN", &format!("0.0.0.0:{port}"))
        .var("WEBHOOK_URL", WEBHOOK_URL);
    let bot = env.start_with(&["webhook"]);
    wait_for_log(&bot, &format!("listening=0.0.0.0:{port}")).await;
    assert_eq!(bot.stop().await.code(), Some(0));

    let env = BotEnv::new(&fake.url(), TOKEN, dir.path()).var("WEBHOOK_URL", WEBHOOK_URL);
    let bot = env.start_with(&["webhook"]);
    wait_for_log(&bot, "listening=127.0.0.1:8443").await;
    assert_eq!(bot.stop().await.code(), Some(0));
}

// ---- start-up ----

/// Forwards every connection on `listener` to `to`, byte for byte.
async fn forward(listener: TcpListener, to: std::net::SocketAddr) {
    loop {
        let Ok((mut inbound, _)) = listener.accept().await else {
            return;
        };
        tokio::spawn(async move {
            if let Ok(mut outbound) = TcpStream::connect(to).await {
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            }
        });
    }
}

#[tokio::test]
async fn a_bot_api_that_cannot_be_reached_is_tried_again_and_named() {
    let fake = FakeApi::start().await;
    fake.add_user(UserSpec::new(1001, "Siti").language("id"));
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens here yet: "connection refused".
    let port = free_port();
    let env = BotEnv::new(&format!("http://127.0.0.1:{port}"), TOKEN, dir.path());
    let mut bot = env.start();
    wait_for_log(&bot, "cannot reach the Telegram Bot API").await;
    let log = bot.log();
    assert!(log.contains("TELOXIDE_API_URL"), "{log}");
    assert!(
        !log.contains("TELOXIDE_TOKEN"),
        "not blamed on the token: {log}"
    );
    assert!(
        bot.wait_exit(Duration::from_millis(300)).await.is_none(),
        "it keeps trying"
    );
    // Logs to a file carry no terminal colour codes.
    assert!(!log.contains('\u{1b}'), "{log:?}");

    // The Bot API comes up: the bot connects by itself and serves.
    let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let to: std::net::SocketAddr = fake
        .url()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    tokio::spawn(forward(listener, to));
    wait_for_log(&bot, "connected to Telegram").await;
    fake.push_text(1001, "/start");
    fake.wait_until_sent_to(1001, 1, WAIT).await.unwrap();
    assert_eq!(bot.stop().await.code(), Some(0));
}

#[tokio::test]
async fn a_stop_while_telegram_cannot_be_reached_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new(
        &format!("http://127.0.0.1:{}", free_port()),
        TOKEN,
        dir.path(),
    );
    let bot = env.start();
    wait_for_log(&bot, "cannot reach the Telegram Bot API").await;
    assert_eq!(bot.stop().await.code(), Some(0));
}

#[tokio::test]
async fn a_token_telegram_refuses_stops_start_up_with_status_2() {
    // A Bot API that knows no token, as Telegram answers a revoked one.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let refuse = axum::Router::new().fallback(async || {
        (
            axum::http::StatusCode::UNAUTHORIZED,
            axum::Json(json!({"ok": false, "error_code": 401, "description": "Unauthorized"})),
        )
    });
    tokio::spawn(async move { axum::serve(listener, refuse).await });
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new(&format!("http://{address}"), TOKEN, dir.path());
    let output = run(&env, &[]).await;
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let said = stderr(&output);
    let last = said.trim().lines().last().unwrap_or_default();
    assert!(
        last.starts_with("desmigratif: TELOXIDE_TOKEN:") && last.contains("@BotFather"),
        "{said}"
    );
}

#[tokio::test]
async fn every_configuration_mistake_exits_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new("http://127.0.0.1:9/", TOKEN, dir.path());
    let cases: [(BotEnv, &[&str], &str); 4] = [
        (env.clone().var("TIMEZONE", "Mars/Olympus"), &[], "TIMEZONE"),
        (env.clone().var("TELOXIDE_TOKEN", ""), &[], "TELOXIDE_TOKEN"),
        (env.clone(), &["webhook"], "WEBHOOK_URL"),
        (
            env.clone().var("ADMIN_CHAT_ID", "12345"),
            &[],
            "ADMIN_CHAT_ID",
        ),
    ];
    for (env, args, variable) in cases {
        let output = run(&env, args).await;
        let said = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{variable}: {said}");
        assert_eq!(said.trim().lines().count(), 1, "{said}");
        assert!(said.contains(&format!("{variable}: ")), "{said}");
    }
}

// ---- the officers' group ----

const GROUP: i64 = -1_001_234_567_890;

/// The texts the bot sent to a chat so far.
fn texts_to(fake: &FakeApi, chat: i64) -> Vec<String> {
    fake.sent_to(chat)
        .into_iter()
        .filter_map(|m| m.text)
        .collect()
}

#[tokio::test]
async fn the_officers_group_gets_personal_data_only_while_every_member_is_an_officer() {
    let fake = FakeApi::start().await;
    for (id, name) in [(1001, "Siti"), (900, "Petugas"), (77, "Tetangga")] {
        fake.add_user(UserSpec::new(id, name).language("id"));
    }
    fake.add_group(GROUP, "Petugas Desmigratif Kenanga");
    fake.add_group_member(GROUP, 900);
    // A neighbour who is not an officer is in the group too.
    fake.add_group_member(GROUP, 77);
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("ADMIN_IDS", "900")
        .var("ADMIN_CHAT_ID", &GROUP.to_string());
    // The group and the officer hear of each question at once, as they chose (by default new
    // ones are told together, at most every 15 minutes).
    let db = bot_process::database(&env.database_url()).await;
    for chat in [GROUP, 900] {
        sqlx::query("INSERT INTO officer_notices (chat_id, each_at_once) VALUES (?, 1)")
            .bind(chat)
            .execute(&db)
            .await
            .unwrap();
    }
    db.close().await;
    let bot = env.start();
    wait_for_log(&bot, "has members who are not in ADMIN_IDS").await;
    fake.push_text(1001, "/tanya");
    fake.push_text(1001, "Gaji suami saya belum dibayar");
    fake.wait_until_sent_to(GROUP, 1, WAIT).await.unwrap();
    fake.wait_until_sent_to(900, 1, WAIT).await.unwrap();
    let group = texts_to(&fake, GROUP).join("\n");
    assert!(group.contains("no. 1"), "{group}");
    assert!(
        !group.contains("Gaji") && !group.contains("Siti"),
        "{group}"
    );
    let private = texts_to(&fake, 900).join("\n");
    assert!(
        private.contains("Gaji suami saya belum dibayar"),
        "{private}"
    );
    // Telegram is asked by name for the join and leave updates of the group.
    let polled = fake.calls_to("getUpdates");
    assert!(
        polled
            .iter()
            .all(|c| c.params.to_string().contains("\"chat_member\"")),
        "{polled:?}"
    );

    // The neighbour leaves; the bot sees it, checks again and trusts the group.
    fake.remove_group_member(GROUP, 77);
    let neighbour = json!({"id": 77, "is_bot": false, "first_name": "Tetangga"});
    fake.push_raw(json!({"message": {
        "message_id": 500, "date": 0, "from": neighbour, "left_chat_member": neighbour,
        "chat": {"id": GROUP, "type": "supergroup", "title": "Petugas Desmigratif Kenanga"},
    }}));
    wait_for_log(&bot, "every member of the officers' group is an officer").await;
    fake.push_text(1001, "/tanya");
    fake.push_text(1001, "Paspornya juga ditahan majikan");
    fake.wait_until_sent_to(GROUP, 2, WAIT).await.unwrap();
    let group = texts_to(&fake, GROUP).join("\n");
    assert!(group.contains("Paspornya juga ditahan majikan"), "{group}");
    assert_eq!(bot.stop().await.code(), Some(0));
}

// ---- operations ----

#[tokio::test]
async fn an_officers_group_that_cannot_be_reached_is_a_warning_that_says_what_to_do() {
    let fake = FakeApi::start().await;
    fake.add_user(UserSpec::new(1001, "Siti").language("id"));
    let dir = tempfile::tempdir().unwrap();
    // A group the bot is not in (removed from it, or a wrong id).
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("ADMIN_IDS", "900")
        .var("ADMIN_CHAT_ID", "-1001234567890");
    let bot = env.start();
    for text in ["/tanya", "Gaji suami saya belum dibayar"] {
        fake.push_text(1001, text);
    }
    fake.wait_until_sent_to(1001, 2, WAIT).await.unwrap();
    wait_for_log(&bot, "cannot be reached and its messages are dropped").await;
    let log = bot.log();
    let line = log
        .lines()
        .find(|l| l.contains("cannot be reached and its messages are dropped"))
        .unwrap_or_default();
    assert!(line.contains("ADMIN_CHAT_ID"), "{line}");
    assert!(line.contains("WARN"), "{line}");
    assert!(line.contains("add the bot to the group"), "{line}");
    assert_eq!(bot.stop().await.code(), Some(0));
}

#[tokio::test]
async fn check_on_a_new_installation_finds_nothing_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let env =
        BotEnv::new_installation("http://127.0.0.1:9/", TOKEN, dir.path()).var("ADMIN_IDS", "900");
    let output = run(&env, &["check"]).await;
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{report}");
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("note: DATABASE_URL: no database yet")),
        "{report}"
    );
    assert_eq!(report.lines().last(), Some("all good"));
    assert!(!dir.path().join("bot.db").exists(), "check changes nothing");

    // A folder that is not there is a problem: the bot could not create its database.
    let env = env.var("DATABASE_URL", "sqlite:///nowhere/at/all/bot.db");
    let output = run(&env, &["check"]).await;
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("does not exist"), "{report}");
}
