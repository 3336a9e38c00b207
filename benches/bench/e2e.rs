//! End to end: the release binary, long polling the fake Bot API on 127.0.0.1, with thousands
//! of virtual users following the realistic mix over a database of 100,000 registered users.
//! Measured from an update being served by `getUpdates` to its first reply reaching the fake.

use std::time::{Duration, Instant};

use crate::bot_process::BotEnv;
use crate::driver::{Driver, p50_p99};
use crate::engine::{cpu_time, cpu_time_of, scratch_dir};
use crate::fake_api::{FakeApi, TOKEN};
use crate::figures::{Figure, Target};
use crate::seed;
use crate::workload::Users;

const SEEDED: i64 = 100_000;
/// Enough people that the bot, not the people, sets the pace.
const VIRTUAL_USERS: usize = 4_000;
const THINK: (Duration, Duration) = (Duration::from_millis(500), Duration::from_millis(1_500));

pub fn seconds(name: &str, default: u64) -> Duration {
    Duration::from_secs(
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default),
    )
}

/// Waits until the bot holds a `getUpdates` open.
pub async fn polling(fake: &FakeApi) {
    fake.wait_for(Duration::from_secs(60), |s| s.waiting_pollers() > 0)
        .await
        .expect("the bot starts polling");
}

pub async fn run() -> Vec<Figure> {
    let warm_up = seconds("BENCH_E2E_WARMUP_SECS", 4);
    let measured = seconds("BENCH_E2E_SECS", 12);
    let dir = scratch_dir("e2e");
    seed::database(dir.path(), SEEDED).await;
    let fake = FakeApi::start().await;
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("ADMIN_IDS", "900")
        .on_cpu(crate::cpus::bot_cpu());
    let bot = env.start();
    polling(&fake).await;

    let mut driver = Driver::new(
        fake.clone(),
        Users::new(3, SEEDED),
        VIRTUAL_USERS,
        THINK,
        1_000_000,
    );
    let started = Instant::now();
    let pid = bot.pid().to_string();
    driver.run_for(warm_up).await;
    let (bot_cpu, own_cpu) = (cpu_time_of(&pid), cpu_time());
    driver.run_for(measured).await;
    let bot_cpu = cpu_time_of(&pid).saturating_sub(bot_cpu);
    let own_cpu = cpu_time().saturating_sub(own_cpu);
    driver.run_for(Duration::from_secs(2)).await;
    let timings = driver.timings();
    let (from, to) = (started + warm_up, started + warm_up + measured);
    let (rate, latencies) = timings.window(from, to);
    let (p50, p99) = p50_p99(&latencies);
    let (push50, push99) = p50_p99(&timings.reply_times_pushed_within(from, to));
    bot.stop().await;
    vec![
        Figure::new(
            "e2e: updates per second (release binary, fake API)",
            rate,
            "/s",
        )
        .target(Target::AtLeast(1_800.0)),
        Figure::millis("e2e: p50 served by getUpdates -> reply", p50),
        Figure::millis("e2e: p99 served by getUpdates -> reply", p99),
        Figure::millis(
            "e2e: p50 pushed -> reply (incl. waiting to be polled)",
            push50,
        ),
        Figure::millis(
            "e2e: p99 pushed -> reply (incl. waiting to be polled)",
            push99,
        ),
        Figure::new(
            "e2e: updates answered in the window",
            latencies.len() as f64,
            "",
        ),
        Figure::millis(
            "e2e: bot CPU time per update (all its threads)",
            bot_cpu / latencies.len().max(1) as u32,
        ),
        Figure::new(
            "e2e: CPU used in the window: bot, in cores",
            bot_cpu.as_secs_f64() / measured.as_secs_f64(),
            "cores",
        ),
        Figure::new(
            "e2e: CPU used in the window: fake API and virtual users, in cores",
            own_cpu.as_secs_f64() / measured.as_secs_f64(),
            "cores",
        ),
        Figure::new(
            "e2e: updates never answered (cut off at the end)",
            timings.unanswered as f64,
            "",
        ),
    ]
}
