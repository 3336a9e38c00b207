//! Footprint: the running bot's peak resident memory (`VmHWM`) with 100,000 and 1,000,000
//! registered users, and the time from starting the process to its first `getUpdates`.
//!
//! Each run starts the release binary on a freshly seeded database, then for
//! `BENCH_MEMORY_SECS` (10) seconds serves 1,000 virtual users following the realistic mix
//! while an announcement to every user is queued and delivered at 1000/s: queuing a copy per
//! user is the one step whose work grows with the number of users.

use std::time::{Duration, Instant};

use crate::bot_process::BotEnv;
use crate::broadcast::{OFFICER, RATE, TEXT, first_copy, send_announcement};
use crate::driver::Driver;
use crate::e2e::{polling, seconds};
use crate::engine::scratch_dir;
use crate::fake_api::{FakeApi, TOKEN, UserSpec};
use crate::figures::{Figure, Target};
use crate::seed;
use crate::workload::Users;

fn peak_rss_mib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

struct Footprint {
    start_to_poll: Duration,
    idle_rss: f64,
    peak_rss: f64,
    queue_time: Duration,
}

async fn measure(users: i64, busy: Duration) -> Footprint {
    let dir = scratch_dir("memory");
    seed::database(dir.path(), users).await;
    let fake = FakeApi::start().await;
    for id in seed::FIRST_SEEDED..seed::FIRST_SEEDED + users {
        fake.add_user(UserSpec::new(id, "Warga").language("id"));
    }
    fake.add_user(UserSpec::new(OFFICER, "Petugas").language("id"));
    // Waiting for the bot, so that its first getUpdates returns (and is recorded) at once.
    fake.push_text(OFFICER, "/menu");
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .on_cpu(crate::cpus::bot_cpu())
        .var("ADMIN_IDS", &OFFICER.to_string())
        .var("BROADCAST_RATE", &RATE.to_string());
    let spawned = Instant::now();
    let bot = env.start();
    let first_poll = fake
        .wait_for_calls("getUpdates", 1, Duration::from_secs(60))
        .await
        .expect("the bot polls")[0]
        .at;
    fake.wait_until_sent_to(OFFICER, 1, Duration::from_secs(60))
        .await
        .expect("the first update is answered");
    polling(&fake).await;
    let idle_rss = peak_rss_mib(bot.pid());

    let confirmed = send_announcement(&fake).await;
    first_copy(&fake).await;
    let queue_time = confirmed.elapsed();
    let mut driver = Driver::new(
        fake.clone(),
        Users::new(9, users),
        1_000,
        (Duration::from_millis(500), Duration::from_millis(1_500)),
        10_000_000,
    )
    .ignoring(TEXT);
    driver.run_for(busy).await;
    let peak_rss = peak_rss_mib(bot.pid());
    bot.kill();
    Footprint {
        start_to_poll: first_poll.saturating_duration_since(spawned),
        idle_rss,
        peak_rss,
        queue_time,
    }
}

pub async fn run() -> Vec<Figure> {
    let busy = seconds("BENCH_MEMORY_SECS", 10);
    let mut figures = Vec::new();
    for (users, label) in [(100_000, "100k"), (1_000_000, "1M")] {
        let f = measure(users, busy).await;
        let mut peak = Figure::new(
            &format!("memory: peak RSS, {label} users, busy"),
            f.peak_rss,
            "MiB",
        );
        let mut start = Figure::millis(
            &format!("startup: start -> first getUpdates, {label} users"),
            f.start_to_poll,
        );
        if users == 1_000_000 {
            peak = peak.target(Target::Below(50.0));
            start = start.target(Target::Below(300.0));
        }
        figures.push(Figure::new(
            &format!("memory: peak RSS, {label} users, after start"),
            f.idle_rss,
            "MiB",
        ));
        figures.push(peak);
        figures.push(start);
        figures.push(Figure::millis(
            &format!("broadcast: confirm -> first copy, {label} recipients"),
            f.queue_time,
        ));
    }
    figures
}
