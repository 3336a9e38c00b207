//! The real binary against the fake Bot API: greeting in both languages, command menus,
//! restarts, flood control, blocked users, odd messages and forged buttons.

#[path = "support/bot_process.rs"]
mod bot_process;
use fake_bot_api as fake_api;

use std::time::Duration;

use bot_process::BotEnv;
use fake_api::{FakeApi, Fault, TOKEN, UserSpec};

/// A safety net for waiting on the bot, never a measure of its speed.
const WAIT: Duration = Duration::from_secs(20);

struct World {
    fake: FakeApi,
    env: BotEnv,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path()).var("ADMIN_IDS", "900");
    World {
        fake,
        env,
        _dir: dir,
    }
}

fn last_text(fake: &FakeApi, chat: i64) -> String {
    fake.sent_to(chat)
        .last()
        .and_then(|m| m.text.clone())
        .unwrap_or_default()
}

async fn user_status(env: &BotEnv, user: i64) -> Option<String> {
    let pool = bot_process::database(&env.database_url()).await;
    let status = sqlx::query_scalar("SELECT status FROM users WHERE id = ?")
        .bind(user)
        .fetch_optional(&pool)
        .await
        .unwrap();
    pool.close().await;
    status
}

#[tokio::test]
async fn start_answers_in_the_users_telegram_language_and_both_menus_are_registered() {
    let w = world().await;
    w.fake.add_user(UserSpec::new(1001, "Alice").language("en"));
    w.fake.add_user(UserSpec::new(1002, "Budi").language("id"));
    let bot = w.env.start();
    w.fake.push_text(1001, "/start");
    w.fake.push_text(1002, "/start");
    w.fake.wait_until_sent_to(1001, 1, WAIT).await.unwrap();
    w.fake.wait_until_sent_to(1002, 1, WAIT).await.unwrap();
    assert!(
        last_text(&w.fake, 1001).starts_with("Welcome"),
        "{}",
        last_text(&w.fake, 1001)
    );
    assert!(last_text(&w.fake, 1002).starts_with("Selamat datang"));
    // The language choice comes as buttons.
    assert!(w.fake.button_data(1001, "English").is_some());

    w.fake
        .wait_for(WAIT, |s| s.calls_to("setMyCommands").len() >= 3)
        .await
        .unwrap();
    let menus = w.fake.commands();
    let menu = |lang: &str| {
        menus
            .iter()
            .find(|m| m.scope == "default" && m.language_code == lang)
            .cloned()
    };
    let id = menu("id").expect("Indonesian menu");
    let en = menu("en").expect("English menu");
    assert!(id.commands.iter().any(|(name, _)| name == "bahasa"));
    assert!(en.commands.iter().any(|(name, _)| name == "language"));
    assert!(
        !en.commands.iter().any(|(name, _)| name == "broadcast"),
        "officer commands stay private"
    );
    assert_eq!(bot.stop().await.code(), Some(0));
}

#[tokio::test]
async fn a_conversation_resumes_after_a_restart() {
    let w = world().await;
    w.fake.add_user(UserSpec::new(1001, "Siti").language("id"));
    let bot = w.env.start();
    w.fake.push_text(1001, "/daftar");
    w.fake.wait_until_sent_to(1001, 1, WAIT).await.unwrap();
    let agree = w.fake.button_data(1001, "Saya setuju").unwrap();
    let message_id = w.fake.sent_to(1001).last().unwrap().message_id;
    w.fake.push_callback(1001, message_id, &agree);
    w.fake
        .wait_for(WAIT, |s| s.sent_to(1001).len() >= 2)
        .await
        .unwrap();
    let role = w.fake.button_data(1001, "Purna PMI").unwrap();
    let message_id = w.fake.sent_to(1001).last().unwrap().message_id;
    w.fake.push_callback(1001, message_id, &role);
    w.fake
        .wait_for(WAIT, |s| s.sent_to(1001).len() >= 3)
        .await
        .unwrap();
    assert!(last_text(&w.fake, 1001).contains("nama lengkap"));
    assert_eq!(bot.stop().await.code(), Some(0));

    let sent_before = w.fake.sent_to(1001).len();
    let bot = w.env.start();
    w.fake.push_text(1001, "Siti Aminah");
    w.fake
        .wait_until_sent_to(1001, sent_before + 1, WAIT)
        .await
        .unwrap();
    let texts: Vec<String> = w
        .fake
        .sent_to(1001)
        .iter()
        .skip(sent_before)
        .filter_map(|m| m.text.clone())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("nomor HP")),
        "asked for the phone next: {texts:?}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn nothing_is_sent_during_a_flood_penalty_and_every_reply_still_arrives() {
    let w = world().await;
    let users: Vec<i64> = (2001..2011).collect();
    for user in &users {
        w.fake.add_user(UserSpec::new(*user, "U").language("id"));
    }
    let bot = w.env.start();
    // The first reply meets flood control; the others come in while the penalty runs. (Requests
    // already on their way when a 429 is given cannot be called back: that is why the others
    // are sent after it.)
    w.fake.fail_next(1, Fault::RetryAfter(2));
    w.fake.push_text(users[0], "/menu");
    w.fake
        .wait_for(WAIT, |s| {
            s.calls()
                .iter()
                .any(|c| c.outcome == fake_api::Outcome::Err(429))
        })
        .await
        .unwrap();
    for user in &users[1..] {
        w.fake.push_text(*user, "/menu");
    }
    w.fake
        .wait_for(WAIT, |s| users.iter().all(|u| s.sent_to(*u).len() == 1))
        .await
        .unwrap();
    assert!(
        w.fake.calls_during_penalty().is_empty(),
        "{:?}",
        w.fake.calls_during_penalty()
    );
    assert_eq!(
        w.fake
            .calls()
            .iter()
            .filter(|c| c.outcome == fake_api::Outcome::Err(429))
            .count(),
        1
    );
    bot.stop().await;
}

#[tokio::test]
async fn server_errors_and_dropped_connections_are_retried_until_the_reply_arrives() {
    let w = world().await;
    w.fake.add_user(UserSpec::new(1001, "A").language("id"));
    w.fake.add_user(UserSpec::new(1002, "B").language("id"));
    let bot = w.env.start();
    w.fake.fail_next(1, Fault::Drop);
    w.fake.push_text(1001, "/menu");
    w.fake.wait_until_sent_to(1001, 1, WAIT).await.unwrap();
    w.fake.fail_next(1, Fault::ServerError(502));
    w.fake.push_text(1002, "/menu");
    // teloxide waits 10 s on a 5xx before reporting it; then the sender retries.
    w.fake
        .wait_until_sent_to(1002, 1, Duration::from_secs(40))
        .await
        .unwrap();
    assert_eq!(w.fake.sent_to(1001).len(), 1, "exactly one copy");
    assert_eq!(w.fake.sent_to(1002).len(), 1, "exactly one copy");
    bot.stop().await;
}

#[tokio::test]
async fn a_user_who_blocked_the_bot_is_marked_blocked() {
    let w = world().await;
    w.fake.add_user(UserSpec::new(1001, "A").language("id"));
    w.fake.add_user(UserSpec::new(1002, "B").language("id"));
    let bot = w.env.start();
    // Blocked while their update was on its way: the reply gets a 403.
    w.fake.block_user(1001);
    w.fake.push_text(1001, "/start");
    w.fake
        .wait_for(WAIT, |s| {
            s.calls()
                .iter()
                .any(|c| c.chat_id() == Some(1001) && c.outcome == fake_api::Outcome::Err(403))
        })
        .await
        .unwrap();
    // Telegram's own notice of a block.
    w.fake.push_text(1002, "/start");
    w.fake.wait_until_sent_to(1002, 1, WAIT).await.unwrap();
    let notice = w.fake.push_my_chat_member(1002, true);
    w.fake.wait_until_confirmed(notice, WAIT).await.unwrap();
    bot.stop().await;
    assert_eq!(user_status(&w.env, 1001).await.as_deref(), Some("blocked"));
    assert_eq!(user_status(&w.env, 1002).await.as_deref(), Some("blocked"));
}

#[tokio::test]
async fn odd_messages_and_forged_buttons_get_a_hint_and_every_button_is_answered() {
    let w = world().await;
    let user = 1001;
    w.fake.add_user(UserSpec::new(user, "A").language("en"));
    let bot = w.env.start();
    w.fake.push_text(user, "/start");
    w.fake.wait_until_sent_to(user, 1, WAIT).await.unwrap();
    let message_id = w.fake.sent_to(user)[0].message_id;
    w.fake.push_sticker(user, "😀");
    w.fake.push_photo(user, b"jpeg", None);
    w.fake.push_voice(user, 3, b"ogg");
    w.fake.push_location(user, -6.2, 106.8);
    w.fake
        .push_document(user, "cv.pdf", "application/pdf", b"%PDF");
    w.fake.push_forwarded_text(user, "/start", "Someone");
    w.fake.push_contact(user, "+6281234567890", Some(user));
    w.fake.push_text(user, "hello?");
    let forged: Vec<String> = ["1:lang:xx", "garbage", "1:menu:extra", "💣"]
        .iter()
        .map(|data| w.fake.push_callback(user, message_id, data))
        .collect();
    // One answer for each of the 8 messages and each of the 4 presses.
    w.fake
        .wait_until_sent_to(user, 1 + 8 + 4, WAIT)
        .await
        .unwrap();
    w.fake
        .wait_for(WAIT, |s| {
            forged.iter().all(|q| s.callback_answer(q).is_some())
        })
        .await
        .unwrap();
    let answers = w.fake.sent_to(user);
    let hints: Vec<String> = answers
        .iter()
        .skip(1)
        .filter_map(|m| m.text.clone())
        .collect();
    for answer in answers.iter().skip(1) {
        let text = answer.text.clone().unwrap_or_default();
        assert!(!text.is_empty());
        // The menu itself, or the way to an officer with the way back to it.
        let buttons: Vec<String> = answer.buttons().into_iter().map(|b| b.text).collect();
        assert!(
            text.contains("Please choose what you need")
                || (buttons.iter().any(|b| b.contains("Send to an officer"))
                    && buttons.iter().any(|b| b.contains("Main menu"))),
            "every answer has a way on: {text} {buttons:?}"
        );
    }
    assert!(hints.iter().any(|h| h.contains("sticker")));
    assert!(
        hints
            .iter()
            .any(|h| h.contains("voice notes, but an officer can"))
    );
    assert!(hints.iter().any(|h| h.contains("forwarded message")));
    assert!(
        hints
            .iter()
            .filter(|h| h.contains("no longer works"))
            .count()
            >= 4
    );
    bot.stop().await;
}

#[tokio::test]
async fn in_a_group_the_bot_points_to_a_private_chat() {
    let w = world().await;
    w.fake.add_user(UserSpec::new(1001, "A").language("id"));
    w.fake.add_group(-1_000_000_000_555, "Warga Desa");
    let bot = w.env.start();
    w.fake
        .push_group_text(-1_000_000_000_555, 1001, "halo semua");
    w.fake
        .push_group_text(-1_000_000_000_555, 1001, "/start@desmigratif_test_bot");
    w.fake
        .wait_until_sent_to(-1_000_000_000_555, 1, WAIT)
        .await
        .unwrap();
    let sent = w.fake.sent_to(-1_000_000_000_555);
    assert_eq!(sent.len(), 1, "only the command is answered");
    assert!(sent[0].buttons().iter().any(|b| {
        b.url
            .as_deref()
            .is_some_and(|u| u.contains("t.me/desmigratif_test_bot"))
    }));
    bot.stop().await;
}
