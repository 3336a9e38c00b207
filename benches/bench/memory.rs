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
    /// While an admin's /statistik over everyone is counted: how long until the figures
    /// came, and the p95 of everyone else's replies meanwhile.
    stats_time: Duration,
    others_p95: Duration,
    others_answered: usize,
    /// The same while the registrations file of everyone is made and sent.
    export_time: Duration,
    export_p95: Duration,
    export_bytes: usize,
    /// Peak RSS up to the figures, and over the whole run (the file included).
    stats_rss: f64,
    final_rss: f64,
}

/// The 95th percentile (the slowest of the fastest 95 in 100).
fn p95(samples: &[Duration]) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    match sorted.len() {
        0 => Duration::ZERO,
        n => sorted[(n * 95 / 100).min(n - 1)],
    }
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

    // The figures over every user, counted while the others keep writing.
    let asked = Instant::now();
    fake.push_text(OFFICER, "/statistik");
    let figures = async {
        fake.wait_for(Duration::from_secs(120), |s| {
            s.sent_to(OFFICER).iter().any(|m| {
                m.text
                    .as_deref()
                    .is_some_and(|t| t.contains("Seluruh Indonesia"))
            })
        })
        .await
        .expect("the figures come");
        Instant::now()
    };
    let (_, figures_at) = tokio::join!(driver.run_for(busy.min(Duration::from_secs(8))), figures);
    let stats_time = figures_at.saturating_duration_since(asked);
    let (_, during) = driver
        .timings()
        .window(asked, figures_at.max(asked + Duration::from_millis(500)));

    let stats_rss = peak_rss_mib(bot.pid());

    // The registrations file of everyone, made and sent while the others keep writing.
    let before = fake.sent_to(OFFICER).len();
    fake.push_text(OFFICER, "/ekspor");
    let is_menu = |m: &crate::fake_api::SentMessage| {
        m.text
            .as_deref()
            .is_some_and(|t| t.contains("Data mana yang ingin diunduh"))
    };
    fake.wait_for(Duration::from_secs(60), |s| {
        s.sent_to(OFFICER).iter().skip(before).any(is_menu)
    })
    .await
    .expect("the export menu");
    let menu = fake
        .sent_to(OFFICER)
        .into_iter()
        .skip(before)
        .find(is_menu)
        .expect("the export menu");
    let data = menu
        .buttons()
        .into_iter()
        .find(|b| b.text.contains("Warga terdaftar"))
        .and_then(|b| b.callback_data)
        .expect("the registrations button");
    let pressed = Instant::now();
    fake.push_callback(OFFICER, menu.message_id, &data);
    let file = async {
        fake.wait_for(Duration::from_secs(600), |s| {
            s.sent_to(OFFICER)
                .iter()
                .any(|m| m.method == "sendDocument")
        })
        .await
        .expect("the file comes");
        Instant::now()
    };
    let (_, file_at) = tokio::join!(driver.run_for(busy.min(Duration::from_secs(8))), file);
    let export_time = file_at.saturating_duration_since(pressed);
    let (_, during_export) = driver
        .timings()
        .window(pressed, file_at.max(pressed + Duration::from_millis(500)));
    let export_bytes = fake
        .sent_to(OFFICER)
        .into_iter()
        .find(|m| m.method == "sendDocument")
        .and_then(|m| m.message["document"]["file_id"].as_str().map(str::to_owned))
        .and_then(|id| fake.file_bytes(&id))
        .map_or(0, |bytes| bytes.len());
    let final_rss = peak_rss_mib(bot.pid());
    bot.kill();
    Footprint {
        start_to_poll: first_poll.saturating_duration_since(spawned),
        idle_rss,
        peak_rss,
        queue_time,
        stats_time,
        others_p95: p95(&during),
        others_answered: during.len(),
        export_time,
        export_p95: p95(&during_export),
        export_bytes,
        stats_rss,
        final_rss,
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
        let mut others = Figure::millis(
            &format!("stats: others' replies p95 while /statistik counts {label} users"),
            f.others_p95,
        );
        let mut export_others = Figure::millis(
            &format!(
                "export: others' replies p95 while the registrations of {label} users are made and sent"
            ),
            f.export_p95,
        );
        if users == 1_000_000 {
            peak = peak.target(Target::Below(50.0));
            start = start.target(Target::Below(300.0));
            others = others.target(Target::Below(100.0));
            export_others = export_others.target(Target::Below(100.0));
        }
        figures.push(Figure::millis(
            &format!("export: registrations file of {label} users -> sent"),
            f.export_time,
        ));
        figures.push(export_others);
        figures.push(Figure::new(
            &format!("export: the file sent, {label} users"),
            f.export_bytes as f64 / 1_048_576.0,
            "MiB",
        ));
        figures.push(Figure::millis(
            &format!("stats: /statistik -> figures, {label} users"),
            f.stats_time,
        ));
        figures.push(others);
        figures.push(Figure::new(
            &format!("stats: others' replies while it counted, {label} users"),
            f.others_answered as f64,
            "",
        ));
        figures.push(Figure::new(
            &format!("memory: peak RSS, {label} users, after start"),
            f.idle_rss,
            "MiB",
        ));
        figures.push(peak);
        figures.push(Figure::new(
            &format!("memory: peak RSS, {label} users, with the figures made"),
            f.stats_rss,
            "MiB",
        ));
        figures.push(Figure::new(
            &format!("memory: peak RSS, {label} users, with the figures and the file made"),
            f.final_rss,
            "MiB",
        ));
        figures.push(start);
        figures.push(Figure::millis(
            &format!("broadcast: confirm -> first copy, {label} recipients"),
            f.queue_time,
        ));
    }
    figures
}
