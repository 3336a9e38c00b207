//! Engine throughput: updates through `engine::handle`, one after the other as the poller
//! hands them over, on the production database settings (WAL, synchronous=NORMAL, one
//! transaction per update) over a file with 100,000 registered users.

use std::{collections::BTreeSet, sync::Arc, time::Instant};

use desmigratif::{
    domain::Language,
    engine::{Engine, ReplyKind, Settings, SystemClock},
    store,
};
use rand::{Rng, SeedableRng, rngs::StdRng};

use crate::figures::{Figure, Target, percentile, target_dir};
use crate::seed;
use crate::workload::{Script, Users, input};

pub const SEEDED: i64 = 100_000;
/// Scripts under way at once: a user's next step comes after many other people's.
const ACTIVE: usize = 1_000;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn settings() -> Settings {
    Settings {
        admins: BTreeSet::from([900]),
        admin_chat_id: None,
        default_language: Language::Id,
        timezone: chrono_tz::Asia::Jakarta,
        bot_username: Some("desmigratif_test_bot".into()),
        broadcast_rate: 25,
        reminder_offsets: vec![chrono::TimeDelta::hours(24), chrono::TimeDelta::hours(2)],
        escalate_after: chrono::TimeDelta::hours(24),
        console_url: None,
    }
}

pub fn scratch_dir(name: &str) -> tempfile::TempDir {
    // On the project's disk rather than /tmp, which may be memory.
    let parent = target_dir().join("bench");
    std::fs::create_dir_all(&parent).expect("target/bench");
    tempfile::Builder::new()
        .prefix(name)
        .tempdir_in(parent)
        .expect("scratch directory")
}

pub async fn run() -> Vec<Figure> {
    let warm_up = env_number("BENCH_ENGINE_WARMUP", 2_000);
    let measured = env_number("BENCH_ENGINE_UPDATES", 30_000);
    let dir = scratch_dir("engine");
    let url = seed::database(dir.path(), SEEDED).await;
    let db = store::open(&url).await.expect("open");
    let engine = Engine::new(&db, settings(), Arc::new(SystemClock));
    // The benchmark's own look at the rows, as an operator's `sqlite3` would.
    let pool = sqlx::SqlitePool::connect(&url).await.expect("open");

    let mut users = Users::new(7, SEEDED);
    let mut rng = StdRng::seed_from_u64(11);
    let mut active: Vec<(Script, usize)> = (0..ACTIVE).map(|_| (users.script(), 0)).collect();
    let mut latencies = Vec::with_capacity(measured);
    let mut unexpected = 0usize;
    let mut mismatches: std::collections::BTreeMap<String, usize> = Default::default();
    // BENCH_BREAKDOWN=1: where the time goes, by kind and step of the scripts.
    let breakdown = std::env::var_os("BENCH_BREAKDOWN").is_some();
    let mut by_step: std::collections::BTreeMap<String, Vec<std::time::Duration>> =
        Default::default();
    let mut started = Instant::now();
    let mut cpu_at_start = cpu_time();
    for n in 0..warm_up + measured {
        if n == warm_up {
            started = Instant::now();
            cpu_at_start = cpu_time();
        }
        let slot = rng.random_range(0..active.len());
        let (script, position) = &mut active[slot];
        let (step, expected) = &script.steps[*position];
        let input = input(script.user, script.lang, step, 1 + n as i64);
        let t = Instant::now();
        let handled = engine.handle(input).await.expect("handled");
        let took = t.elapsed();
        if n >= warm_up {
            latencies.push(took);
            if breakdown {
                by_step
                    .entry(format!("{:?} step {} {step:?}", script.kind, *position))
                    .or_default()
                    .push(took);
            }
        }
        let messages = handled
            .replies
            .iter()
            .filter(|r| {
                // Notices to others (a seat freed for someone waiting) are not the answer.
                r.chat_id == script.user && !matches!(r.kind, ReplyKind::CallbackAnswer { .. })
            })
            .count();
        if messages != *expected {
            unexpected += 1;
            *mismatches
                .entry(format!(
                    "{:?} step {} got {messages}, expected {expected}",
                    script.kind, *position
                ))
                .or_default() += 1;
        }
        *position += 1;
        if *position == script.steps.len() {
            active[slot] = (users.script(), 0);
        }
    }
    let elapsed = started.elapsed();
    let cpu = cpu_time().saturating_sub(cpu_at_start);
    let mut steps: Vec<_> = by_step.iter().collect();
    steps.sort_by_key(|(_, t)| std::cmp::Reverse(t.iter().sum::<std::time::Duration>()));
    for (what, times) in steps {
        let total: std::time::Duration = times.iter().sum();
        eprintln!(
            "  {what:<70} n={:<6} mean={:>8.3} ms p99={:>8.3} ms",
            times.len(),
            total.as_secs_f64() * 1000.0 / times.len() as f64,
            percentile(times, 99.0).as_secs_f64() * 1000.0
        );
    }
    for (what, n) in &mismatches {
        eprintln!("  note: {what} ({n} times)");
    }
    let rate = measured as f64 / elapsed.as_secs_f64();
    let registered: i64 = sqlx::query_scalar("SELECT count(*) FROM profiles")
        .fetch_one(&pool)
        .await
        .unwrap_or(0);
    let signups: i64 = sqlx::query_scalar("SELECT count(*) FROM training_signups")
        .fetch_one(&pool)
        .await
        .unwrap_or(0);
    let over_capacity: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM trainings t
         WHERE (SELECT count(*) FROM training_signups s
                WHERE s.training_id = t.id AND s.status = 'booked') > t.capacity",
    )
    .fetch_one(&pool)
    .await
    .expect("count trainings over capacity");
    let waiting: i64 =
        sqlx::query_scalar("SELECT count(*) FROM training_signups WHERE status = 'waiting'")
            .fetch_one(&pool)
            .await
            .unwrap_or(0);
    let search = village_search(&engine, 2 + (warm_up + measured) as i64).await;
    let inbox = inbox_pages(&engine, &pool, 10_000_000).await;
    let distress = distress_checks();
    // The engine keeps its connection until it goes; closing waits for every connection.
    drop(engine);
    pool.close().await;
    vec![
        Figure::new(
            "engine: updates per second (100k users, durable)",
            rate,
            "/s",
        )
        .target(Target::AtLeast(5_000.0)),
        Figure::millis("engine: p50 per update", percentile(&latencies, 50.0)),
        Figure::millis("engine: p99 per update", percentile(&latencies, 99.0))
            .target(Target::Below(5.0)),
        Figure::millis("engine: p99.9 per update", percentile(&latencies, 99.9)),
        Figure::millis("engine: max per update", percentile(&latencies, 100.0)),
        Figure::millis(
            "engine: CPU time per update (this process, all threads)",
            cpu / measured as u32,
        ),
        Figure::new("engine: updates measured", measured as f64, ""),
        Figure::new(
            "engine: registrations completed during the run",
            (registered - SEEDED) as f64,
            "",
        ),
        Figure::new(
            "engine: training sign-ups held at the end (seats and waitlist)",
            signups as f64,
            "",
        ),
        Figure::new("engine: of them on a waitlist", waiting as f64, ""),
        Figure::new(
            "engine: trainings with more seats taken than they have",
            over_capacity as f64,
            "",
        )
        .target(Target::AtMost(0.0)),
        Figure::millis(
            "engine: village search over 83,762 villages, p50 per update",
            percentile(&search, 50.0),
        ),
        Figure::millis(
            "engine: village search over 83,762 villages, p99 per update",
            percentile(&search, 99.0),
        )
        .target(Target::Below(5.0)),
        Figure::millis(
            "engine: inbox's first page, 100,000 questions (10,000 open), p99 per update",
            percentile(&inbox, 99.0),
        )
        .target(Target::Below(20.0)),
        Figure::millis(
            "engine: distress words looked for in a text message, p99",
            percentile(&distress, 99.0),
        )
        .target(Target::Below(0.1)),
        Figure::new(
            "engine: replies not as the script expects",
            unexpected as f64,
            "",
        )
        .target(Target::AtMost(0.0)),
    ]
}

/// A person at the village question types what people type, again and again: each update's
/// time, from the update to its committed reply (the search included).
async fn village_search(engine: &Engine, first_update: i64) -> Vec<std::time::Duration> {
    use crate::workload::{Step, VILLAGE_QUERIES};
    use desmigratif::engine::{Action, registration::RegAction};
    let user = 50_000_000;
    let reg = |a| Step::Press(Action::Registration(a).encode());
    let to_the_question = [
        Step::Text("/daftar".into()),
        reg(RegAction::Agree),
        reg(RegAction::Role(desmigratif::domain::Role::Returnee)),
        Step::Text("Siti Aminah".into()),
        Step::Text("0812-3456-7890".into()),
    ];
    let mut update = first_update;
    for step in &to_the_question {
        engine
            .handle(input(user, "id", step, update))
            .await
            .expect("handled");
        update += 1;
    }
    let rounds = env_number("BENCH_SEARCHES", 3_000);
    let mut took = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let step = Step::Text(VILLAGE_QUERIES[i % VILLAGE_QUERIES.len()].into());
        let t = Instant::now();
        engine
            .handle(input(user, "id", &step, update))
            .await
            .expect("handled");
        took.push(t.elapsed());
        update += 1;
    }
    took
}

/// An admin opens the inbox again and again over 100,000 questions from the seeded people,
/// 10,000 of them open (one in ten, two in a hundred of those urgent): each update's time.
async fn inbox_pages(
    engine: &Engine,
    pool: &sqlx::SqlitePool,
    first_update: i64,
) -> Vec<std::time::Duration> {
    seed::questions(pool, 100_000, SEEDED, 1, 0).await;
    let rounds = env_number("BENCH_INBOX_PAGES", 1_000);
    let mut took = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let step = crate::workload::Step::Text("/pertanyaan".into());
        let t = Instant::now();
        let handled = engine
            .handle(input(900, "id", &step, first_update + i as i64))
            .await
            .expect("handled");
        took.push(t.elapsed());
        assert!(
            handled
                .replies
                .iter()
                .any(|r| r.text_ids().contains(&"question-inbox-line")),
            "the inbox's page is what was timed"
        );
    }
    took
}

/// The distress words looked for in what people type (the benchmark's messages): each time.
fn distress_checks() -> Vec<std::time::Duration> {
    let messages = [
        "Dokumen apa saja yang harus disiapkan untuk kerja di Taiwan?",
        "Suami saya di Malaysia belum digaji tiga bulan. Harus lapor ke mana?",
        "kapan pelatihan menjahit dimulai, saya mau ikut bersama tetangga saya",
        "my salary has not been paid for four months and the agent does not answer",
        "Assalamualaikum pak, anak saya sakit di rumah, bojoku ora oleh mulih karo majikane",
        "berapa simpanan wajib koperasi dan bagaimana cara bergabung dengan koperasi desa?",
    ];
    let rounds = env_number("BENCH_DISTRESS_CHECKS", 60_000);
    let mut took = Vec::with_capacity(rounds);
    let mut found = 0usize;
    for i in 0..rounds {
        let text = messages[i % messages.len()];
        let t = Instant::now();
        found += usize::from(desmigratif::engine::pillars::sounds_urgent(
            std::hint::black_box(text),
        ));
        took.push(t.elapsed());
    }
    assert!(found > 0);
    took
}

/// CPU time used by this process so far (user and system, all threads).
pub fn cpu_time() -> std::time::Duration {
    cpu_time_of("self")
}

/// CPU time used by a process so far (`pid` a number, or `self`).
pub fn cpu_time_of(pid: &str) -> std::time::Duration {
    let ticks = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            // The fields after the command name, which is in parentheses.
            let rest = s.rsplit_once(')')?.1.to_owned();
            let fields: Vec<u64> = rest
                .split_whitespace()
                .skip(11)
                .take(2)
                .filter_map(|f| f.parse().ok())
                .collect();
            Some(fields.iter().sum::<u64>())
        })
        .unwrap_or(0);
    // Linux reports clock ticks of 1/100 s.
    std::time::Duration::from_millis(ticks * 10)
}
