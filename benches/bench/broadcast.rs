//! Broadcast pacing: an officer sends an announcement to 100,000 registered users at
//! `BROADCAST_RATE=1000` while people keep writing to the bot. Measured over the first
//! `BENCH_BROADCAST_SECS` (60) seconds of delivery; the rest of the broadcast is not waited for.

use std::time::{Duration, Instant};

use crate::announce::{self, busiest_second};
use crate::bot_process::BotEnv;
use crate::driver::Driver;
use crate::e2e::{polling, seconds};
use crate::engine::scratch_dir;
use crate::fake_api::{FakeApi, TOKEN, UserSpec};
use crate::figures::{Figure, Target, percentile};
use crate::seed;
use crate::workload::Users;

const SEEDED: i64 = 100_000;
pub const RATE: u32 = 1_000;
/// Clear of the seeded users (ids from 1) and of the new ones (`workload::FIRST_NEW_USER`).
pub const OFFICER: i64 = 90_000_000;
pub const TEXT: &str = "Pelatihan kewirausahaan hari Sabtu di balai desa.";
/// People writing during the broadcast: about twenty updates a second.
const INTERACTIVE_USERS: usize = 40;
const WAIT: Duration = Duration::from_secs(120);

/// The officer writes the announcement for everyone and confirms it; returns when the bot
/// has been told to send.
pub async fn send_announcement(fake: &FakeApi) -> Instant {
    fake.add_user(UserSpec::new(OFFICER, "Petugas").language("id"));
    announce::to_everyone(fake, OFFICER, TEXT, WAIT).await
}

/// Waits for the first copy (the lowest user id gets it first).
pub async fn first_copy(fake: &FakeApi) {
    fake.wait_for(WAIT, |s| {
        s.sent_to(seed::FIRST_SEEDED)
            .iter()
            .any(|m| m.text.as_deref() == Some(TEXT))
    })
    .await
    .expect("the broadcast starts");
}

pub async fn run() -> Vec<Figure> {
    let measured = seconds("BENCH_BROADCAST_SECS", 60);
    let dir = scratch_dir("broadcast");
    seed::database(dir.path(), SEEDED).await;
    let fake = FakeApi::start().await;
    for id in seed::FIRST_SEEDED..seed::FIRST_SEEDED + SEEDED {
        fake.add_user(UserSpec::new(id, "Warga").language("id"));
    }
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .on_cpu(crate::cpus::bot_cpu())
        .var("ADMIN_IDS", &OFFICER.to_string())
        .var("BROADCAST_RATE", &RATE.to_string());
    let bot = env.start();
    polling(&fake).await;
    send_announcement(&fake).await;
    first_copy(&fake).await;

    let started = Instant::now();
    let mut driver = Driver::new(
        fake.clone(),
        Users::new(5, SEEDED),
        INTERACTIVE_USERS,
        (Duration::from_secs(1), Duration::from_secs(3)),
        5_000_000,
    )
    .ignoring(TEXT);
    driver.run_for(measured).await;
    let ended = started + measured;
    bot.kill();

    let mut copies: Vec<Instant> = fake.with_state(|s| {
        s.sent()
            .iter()
            .filter(|m| m.chat_id != OFFICER && m.text.as_deref() == Some(TEXT))
            .map(|m| m.at)
            .collect()
    });
    copies.sort_unstable();
    let first = copies.first().copied().unwrap_or(started);
    let window_end = first + measured;
    let in_window = copies.iter().filter(|t| **t < window_end).count();
    let achieved = in_window as f64 / measured.as_secs_f64();
    let replies = driver.timings().reply_times_pushed_within(started, ended);
    vec![
        Figure::new(
            "broadcast: achieved rate / BROADCAST_RATE (1000/s)",
            achieved / f64::from(RATE),
            "",
        )
        .target(Target::AtLeast(0.95)),
        Figure::new("broadcast: copies sent in the window", in_window as f64, ""),
        Figure::new(
            "broadcast: busiest one-second window",
            busiest_second(&copies) as f64,
            "msgs",
        )
        .target(Target::AtMost(f64::from(RATE))),
        Figure::millis(
            "broadcast: interactive p95 pushed -> reply, during it",
            percentile(&replies, 95.0),
        )
        .target(Target::Below(1_000.0)),
        Figure::millis(
            "broadcast: interactive p50 pushed -> reply, during it",
            percentile(&replies, 50.0),
        ),
        Figure::new(
            "broadcast: interactive updates answered",
            replies.len() as f64,
            "",
        ),
        Figure::new("broadcast: measured over", measured.as_secs_f64(), "s"),
    ]
}
