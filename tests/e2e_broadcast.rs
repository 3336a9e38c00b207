//! A broadcast to 2,000 people through the real binary and the fake Bot API: everyone gets
//! exactly one copy, no one-second window goes over the rate, nothing is sent during a flood
//! penalty, blocked users are counted, a kill in the middle loses nobody, and a person writing
//! meanwhile is answered ahead of the queue.

#[path = "support/announce.rs"]
mod announce;
#[path = "support/bot_process.rs"]
mod bot_process;
#[path = "support/seed.rs"]
mod seed;
use fake_bot_api as fake_api;

use std::{collections::HashMap, time::Duration};

use bot_process::BotEnv;
use fake_api::{FakeApi, Fault, SentMessage, TOKEN, UserSpec};

const RECIPIENTS: i64 = 2_000;
const FIRST: i64 = 100_000;
const RATE: usize = 100;
const OFFICER: i64 = 900;
const ASKER: i64 = 7;
const TEXT: &str = "Pelatihan kewirausahaan hari Sabtu di balai desa.";
/// A safety net for waiting on the bot, never a measure of its speed.
const WAIT: Duration = Duration::from_secs(60);

fn copies(sent: &[SentMessage]) -> Vec<&SentMessage> {
    sent.iter()
        .filter(|m| m.chat_id >= FIRST && m.text.as_deref() == Some(TEXT))
        .collect()
}

async fn seed(env: &BotEnv) {
    let pool = bot_process::database(&env.database_url()).await;
    seed::many_users(&pool, FIRST, FIRST + RECIPIENTS - 1).await;
    pool.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broadcast_reaches_everyone_once_at_the_rate_through_a_flood_penalty_and_a_kill() {
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("ADMIN_IDS", &OFFICER.to_string())
        .var("BROADCAST_RATE", &RATE.to_string());
    seed(&env).await;
    for id in FIRST..FIRST + RECIPIENTS {
        fake.add_user(UserSpec::new(id, "Warga").language("id"));
    }
    let blocked: Vec<i64> = (FIRST..FIRST + RECIPIENTS).step_by(100).collect();
    for id in &blocked {
        fake.block_user(*id);
    }
    fake.add_user(UserSpec::new(OFFICER, "Petugas").language("id"));
    fake.add_user(UserSpec::new(ASKER, "Ani").language("id"));

    let bot = env.start();
    announce::say(&fake, OFFICER, "/start", WAIT).await;
    announce::say(&fake, OFFICER, "/umumkan", WAIT).await;
    announce::say(&fake, OFFICER, TEXT, WAIT).await;
    announce::press(&fake, OFFICER, "Lewati", WAIT).await;
    announce::press(&fake, OFFICER, "Semua pengguna", WAIT).await;
    announce::press(&fake, OFFICER, "Sekarang", WAIT).await;
    fake.wait_for(WAIT, |s| {
        s.sent_to(OFFICER)
            .iter()
            .any(|m| m.buttons().iter().any(|b| b.text.contains("Kirim ke")))
    })
    .await
    .unwrap();
    let preview = fake.sent_to(OFFICER);
    assert!(
        preview.iter().any(|m| m.text.as_deref() == Some(TEXT)),
        "the preview shows the text as sent"
    );
    assert_eq!(copies(&fake.sent()).len(), 0, "nothing before confirming");
    announce::press(&fake, OFFICER, "Kirim ke", WAIT).await;

    // Flood control part-way through.
    fake.wait_for(WAIT, |s| copies_in(s) >= 300).await.unwrap();
    fake.fail_next(1, Fault::RetryAfter(1));

    // Someone writes during the broadcast and is answered ahead of the queue.
    fake.wait_for(WAIT, |s| copies_in(s) >= 600).await.unwrap();
    let before = copies_in_fake(&fake);
    announce::say(&fake, ASKER, "/menu", WAIT).await;
    let during = copies_in_fake(&fake) - before;
    assert!(
        during < RATE,
        "{during} broadcast copies went out before the answer: more than a second's worth"
    );

    // Killed on the spot, then started again.
    fake.wait_for(WAIT, |s| copies_in(s) >= 1_000)
        .await
        .unwrap();
    bot.kill();
    let killed_at = std::time::Instant::now();
    let first_run: Vec<SentMessage> = fake
        .sent()
        .into_iter()
        .filter(|m| m.at < killed_at)
        .collect();
    let bot = env.start();
    let reachable = RECIPIENTS as usize - blocked.len();
    fake.wait_for(WAIT, |s| distinct_recipients(s) >= reachable)
        .await
        .unwrap();
    announce::wait_for_report(&fake, OFFICER, WAIT).await;
    bot.stop().await;

    let all = fake.sent();
    let mut per_user: HashMap<i64, usize> = HashMap::new();
    for copy in copies(&all) {
        *per_user.entry(copy.chat_id).or_default() += 1;
    }
    assert_eq!(
        per_user.len(),
        reachable,
        "every reachable recipient got it"
    );
    let twice: Vec<_> = per_user.iter().filter(|(_, n)| **n > 1).collect();
    // Only copies on their way at the moment of the kill may go twice: at this rate the
    // sender lets small groups of RATE / 50 go together, so at most that many.
    let in_flight = (RATE / 50).max(1);
    assert!(
        twice.len() <= in_flight && twice.iter().all(|(_, n)| **n == 2),
        "duplicates: {twice:?}"
    );
    assert!(blocked.iter().all(|id| !per_user.contains_key(id)));

    let first: Vec<_> = copies(&first_run).iter().map(|m| m.at).collect();
    let second: Vec<_> = copies(&all)
        .into_iter()
        .filter(|m| m.at >= killed_at)
        .map(|m| m.at)
        .collect();
    assert!(
        announce::busiest_second(&first) <= RATE,
        "first run: {} in one second",
        announce::busiest_second(&first)
    );
    assert!(
        announce::busiest_second(&second) <= RATE,
        "after the restart: {} in one second",
        announce::busiest_second(&second)
    );
    // Requests already on their way when the 429 came cannot be called back: the copies sent
    // together with the refused one (a group of RATE / 50 at this rate). Nothing more.
    assert!(
        fake.calls_during_penalty().len() < in_flight,
        "sent during the penalty: {:?}",
        fake.calls_during_penalty().len()
    );

    let report = fake
        .sent_to(OFFICER)
        .into_iter()
        .filter_map(|m| m.text)
        .find(|t| t.contains("selesai"))
        .unwrap();
    assert!(
        report.contains(&format!("Memblokir bot: {}", blocked.len())),
        "{report}"
    );
    // Everyone who has started the bot: the recipients and the officer, in Indonesian digits.
    assert!(report.contains("Penerima: 2.001"), "{report}");
}

fn copies_in(state: &fake_api::FakeState) -> usize {
    state
        .sent()
        .iter()
        .filter(|m| m.chat_id >= FIRST && m.text.as_deref() == Some(TEXT))
        .count()
}

fn copies_in_fake(fake: &FakeApi) -> usize {
    fake.with_state(copies_in)
}

fn distinct_recipients(state: &fake_api::FakeState) -> usize {
    let mut seen: Vec<i64> = state
        .sent()
        .iter()
        .filter(|m| m.chat_id >= FIRST && m.text.as_deref() == Some(TEXT))
        .map(|m| m.chat_id)
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}
