//! Chaos against the real binary and the fake Bot API: server errors, dropped connections,
//! slow answers, flood-control storms and SIGKILL at random moments, during a registration
//! storm and during a broadcast. After every kill, whatever a user saw answered is in the
//! database; at the end everyone is registered (or reached) once, and a reply went twice only
//! if it was on its way at a kill.
//!
//! The moments are drawn from a seeded RNG; the seed is printed (`CHAOS_SEED=<n>` repeats a
//! run). teloxide sleeps 10 s on any 5xx before reporting it, so there are few of those.

#[path = "support/announce.rs"]
mod announce;
#[path = "support/bot_process.rs"]
mod bot_process;
#[path = "support/seed.rs"]
mod seed;
use fake_bot_api as fake_api;

use std::{
    collections::HashMap,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use bot_process::{BotEnv, BotProcess};
use desmigratif::{
    domain::{Destination, Interest, Role, Sector, area::VillageCode},
    engine::{
        Action, State,
        places::Pick,
        registration::{Field, RegAction, Step},
    },
};
use fake_api::{FakeApi, FakeState, Fault, SentMessage, TOKEN, UserSpec};
use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};

/// A safety net for waiting on the bot (5xx answers cost teloxide 10 s each), never a measure.
const WAIT: Duration = Duration::from_secs(120);
const OFFICER: i64 = 900;

fn chaos_seed() -> u64 {
    let seed = std::env::var("CHAOS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("chaos seed: {seed} (CHAOS_SEED={seed} repeats this run)");
    seed
}

// ---- what users saw --------------------------------------------------------------------

/// The same message delivered again: same method, text and buttons (and, for an edit, the
/// same message). Registration never asks the same thing twice in a row, so only a resend
/// looks like this.
fn same(a: &SentMessage, b: &SentMessage) -> bool {
    a.method == b.method
        && a.text == b.text
        && a.reply_markup == b.reply_markup
        && (!a.is_edit() || a.message_id == b.message_id)
}

/// (distinct messages, repeats) in one chat.
fn distinct_and_repeats(sent: &[SentMessage]) -> (usize, usize) {
    let repeats = sent.windows(2).filter(|w| same(&w[0], &w[1])).count();
    (sent.len() - repeats, repeats)
}

fn distinct_in(state: &FakeState, chat: i64) -> usize {
    distinct_and_repeats(state.sent_to(chat)).0
}

// ---- registration ----------------------------------------------------------------------

enum Input {
    Text(&'static str),
    Press(RegAction),
}

/// A returnee's registration, with the messages each step is answered with.
fn registration(english: bool) -> Vec<(Input, usize)> {
    use Input::*;
    vec![
        (Text(if english { "/register" } else { "/daftar" }), 1),
        (Press(RegAction::Agree), 1),
        (Press(RegAction::Role(Role::Returnee)), 1),
        // The phone question is two messages (its keyboard, and Back and Cancel).
        (Text("Siti Aminah"), 2),
        // The number is confirmed, then the village is asked.
        (Text("0812-3456-7890"), 2),
        // The village is searched for, then chosen from the buttons.
        (Text("Kenanga Indramayu"), 1),
        (
            Press(RegAction::Place(Pick::Village(
                VillageCode::parse("32.12.16.2004").unwrap(),
            ))),
            1,
        ),
        (Press(RegAction::Country(Destination::Taiwan)), 1),
        (Text("4"), 1),
        (Press(RegAction::Sector(Sector::Care)), 1),
        (Press(RegAction::Interest(Interest::Entrepreneurship)), 1),
        (Press(RegAction::InterestsDone), 1),
        (Press(RegAction::Save), 1),
    ]
}

const STEPS: usize = 13;

/// How many steps of `registration` the stored data shows as taken.
fn progress(state: &State, registered: bool) -> usize {
    if registered {
        return STEPS;
    }
    let State::Registration(r) = state else {
        return 0;
    };
    match r.step {
        Step::Consent => 1,
        Step::Ask(Field::Role) => 2,
        Step::Ask(Field::Name) => 3,
        Step::Ask(Field::Phone) => 4,
        // A search stores nothing: asking the village and showing what a search found are
        // the same state.
        Step::Ask(Field::Village | Field::District) | Step::VillageByRegency => 6,
        Step::Ask(Field::Country) | Step::CountryOther => 7,
        Step::Ask(Field::YearsAbroad) => 8,
        Step::Ask(Field::Sector) => 9,
        Step::Ask(Field::Interests) => {
            if r.choosing.as_ref().is_some_and(|c| !c.is_empty()) {
                11
            } else {
                10
            }
        }
        Step::Summary => 12,
        Step::Ask(other) => panic!("a returnee is never asked {other:?}"),
    }
}

/// Registers `user` step by step, each step once the previous one's answer arrived; `acked`
/// counts the steps answered.
async fn register(fake: FakeApi, user: i64, acked: Arc<AtomicUsize>) {
    for (i, (input, expect)) in registration(user % 2 == 0).into_iter().enumerate() {
        let before = fake.with_state(|s| distinct_in(s, user));
        match input {
            Input::Text(text) => {
                fake.push_text(user, text);
            }
            Input::Press(action) => {
                let message = fake
                    .last_bot_message(user)
                    .and_then(|m| m["message_id"].as_i64())
                    .expect("a message with the buttons") as i32;
                fake.push_callback(user, message, &Action::Registration(action).encode());
            }
        }
        fake.wait_for(WAIT, |s| distinct_in(s, user) >= before + expect)
            .await
            .unwrap_or_else(|e| panic!("user {user}, step {i}: {e}"));
        acked.store(i + 1, Ordering::SeqCst);
    }
}

/// Everyone in `users` registers at once; returns how far each has seen answers, and the
/// tasks.
fn storm(
    fake: &FakeApi,
    users: &[i64],
) -> (
    HashMap<i64, Arc<AtomicUsize>>,
    Vec<tokio::task::JoinHandle<()>>,
) {
    let acked: HashMap<i64, Arc<AtomicUsize>> = users
        .iter()
        .map(|u| (*u, Arc::new(AtomicUsize::new(0))))
        .collect();
    let tasks = users
        .iter()
        .map(|u| tokio::spawn(register(fake.clone(), *u, acked[u].clone())))
        .collect();
    (acked, tasks)
}

/// With the bot dead: every step a user saw answered is stored.
async fn assert_answered_steps_are_kept(env: &BotEnv, acked: &HashMap<i64, usize>) {
    let pool = bot_process::database(&env.database_url()).await;
    for (user, seen) in acked {
        let json: Option<String> =
            sqlx::query_scalar("SELECT state FROM conversations WHERE user_id = ?")
                .bind(user)
                .fetch_optional(&pool)
                .await
                .unwrap();
        let state: State = json
            .map(|j| serde_json::from_str(&j).expect("the stored state parses"))
            .unwrap_or_default();
        let registered: i64 = sqlx::query_scalar("SELECT count(*) FROM profiles WHERE user_id = ?")
            .bind(user)
            .fetch_one(&pool)
            .await
            .unwrap();
        let kept = progress(&state, registered == 1);
        assert!(
            kept >= *seen,
            "user {user} saw {seen} steps answered but only {kept} are stored"
        );
    }
    pool.close().await;
}

/// The kinds of trouble Telegram's servers and the network make (5xx apart: see the top).
#[derive(Clone, Copy, Debug)]
enum Trouble {
    DroppedSends,
    SlowSends,
    FloodStorm,
    DroppedPoll,
    SlowPoll,
}

const TROUBLES: [Trouble; 5] = [
    Trouble::DroppedSends,
    Trouble::SlowSends,
    Trouble::FloodStorm,
    Trouble::DroppedPoll,
    Trouble::SlowPoll,
];

fn inject(fake: &FakeApi, rng: &mut StdRng, trouble: Trouble) {
    eprintln!("  trouble: {trouble:?}");
    match trouble {
        Trouble::DroppedSends => fake.fail_next(rng.random_range(1..4), Fault::Drop),
        Trouble::SlowSends => fake.fail_next(
            rng.random_range(1..4),
            Fault::Delay(Duration::from_millis(rng.random_range(300..1500))),
        ),
        Trouble::FloodStorm => {
            fake.flood_for(Duration::from_millis(rng.random_range(300..1500)), 1)
        }
        Trouble::DroppedPoll => fake.fail_next_get_updates(1, Fault::Drop),
        Trouble::SlowPoll => fake.fail_next_get_updates(
            1,
            Fault::Delay(Duration::from_millis(rng.random_range(200..1000))),
        ),
    }
}

fn snapshot(acked: &HashMap<i64, Arc<AtomicUsize>>) -> HashMap<i64, usize> {
    acked
        .iter()
        .map(|(u, a)| (*u, a.load(Ordering::SeqCst)))
        .collect()
}

/// Kills the bot `kills` times at random moments (with a random fault before each), checking
/// the database while it is down, and starts it again.
async fn kill_and_restart(
    env: &BotEnv,
    fake: &FakeApi,
    mut bot: BotProcess,
    rng: &mut StdRng,
    kills: usize,
    acked: &HashMap<i64, Arc<AtomicUsize>>,
) -> (BotProcess, Vec<Instant>) {
    // A short burst of server errors first (each holds its request 10 s in teloxide), then
    // every other kind of trouble in a random order, a few before each kill.
    fake.fail_next(2, Fault::ServerError(if rng.random() { 502 } else { 503 }));
    let mut troubles = TROUBLES.to_vec();
    troubles.shuffle(rng);
    let mut troubles = troubles.into_iter().cycle();
    let mut killed_at = Vec::new();
    for _ in 0..kills {
        for _ in 0..3 {
            let trouble = troubles.next().expect("endless");
            inject(fake, rng, trouble);
            tokio::time::sleep(Duration::from_millis(rng.random_range(100..1_000))).await;
        }
        let seen = snapshot(acked);
        bot.kill();
        killed_at.push(Instant::now());
        assert_answered_steps_are_kept(env, &seen).await;
        bot = env.start();
    }
    (bot, killed_at)
}

/// Requests already on their way when a 429 was given cannot be called back: only a request
/// that left well after the 429 reached the bot breaks the penalty. Nor can a 429 answered to
/// a process killed before it could write the wait down: its successor learns of the penalty
/// from its own first 429.
fn assert_nothing_sent_during_a_penalty(fake: &FakeApi, killed_at: &[Instant]) {
    let grace = Duration::from_millis(250);
    let calls = fake.calls();
    let penalties: Vec<Instant> = calls
        .iter()
        .filter(|c| c.outcome == fake_api::Outcome::Err(429) && !c.during_penalty)
        .map(|c| c.at)
        .collect();
    let late: Vec<&fake_api::Call> = calls
        .iter()
        .filter(|c| c.during_penalty)
        .filter(|c| {
            let Some(penalty) = penalties.iter().filter(|p| **p <= c.at).max() else {
                return true;
            };
            let in_flight = c.at.duration_since(*penalty) <= grace;
            let told_the_killed = killed_at
                .iter()
                .any(|k| *penalty <= *k && *k <= c.at && k.duration_since(*penalty) <= grace);
            !in_flight && !told_the_killed
        })
        .collect();
    assert!(late.is_empty(), "sent during a flood penalty: {late:?}");
}

fn assert_repeats_at_most(fake: &FakeApi, chats: impl Iterator<Item = i64>, kills: usize) -> usize {
    let mut total = 0;
    for chat in chats {
        let (_, repeats) = distinct_and_repeats(&fake.sent_to(chat));
        assert!(
            repeats <= kills,
            "chat {chat} got {repeats} repeated messages with {kills} kills"
        );
        total += repeats;
    }
    total
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_registration_storm_survives_faults_and_kills_without_losing_or_repeating_replies() {
    let mut rng = StdRng::seed_from_u64(chaos_seed());
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path());
    let users: Vec<i64> = (3_001..3_041).collect();
    for user in &users {
        let lang = if user % 2 == 0 { "en" } else { "id" };
        fake.add_user(UserSpec::new(*user, "Warga").language(lang));
    }
    let bot = env.start();
    let (acked, storm) = storm(&fake, &users);

    let kills = 3;
    let (bot, killed_at) = kill_and_restart(&env, &fake, bot, &mut rng, kills, &acked).await;
    for user in storm {
        user.await.unwrap();
    }
    fake.clear_flood();
    bot.stop().await;

    let everyone: HashMap<i64, usize> = users.iter().map(|u| (*u, STEPS)).collect();
    assert_answered_steps_are_kept(&env, &everyone).await;
    let pool = bot_process::database(&env.database_url()).await;
    let profiles: i64 = sqlx::query_scalar("SELECT count(*) FROM profiles")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(profiles, users.len() as i64, "one profile per user");
    pool.close().await;
    let repeats = assert_repeats_at_most(&fake, users.iter().copied(), kills);
    eprintln!("{repeats} replies went twice over {kills} kills");
    assert_nothing_sent_during_a_penalty(&fake, &killed_at);
}

// ---- broadcast -------------------------------------------------------------------------

const RECIPIENTS: i64 = 1_500;
const FIRST_RECIPIENT: i64 = 100_000;
const RATE: usize = 200;
const TEXT: &str = "Rapat koperasi hari Kamis di balai desa.";

fn copies(state: &FakeState) -> Vec<(i64, Instant)> {
    state
        .sent()
        .iter()
        .filter(|m| m.chat_id >= FIRST_RECIPIENT && m.text.as_deref() == Some(TEXT))
        .map(|m| (m.chat_id, m.at))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broadcast_reaches_everyone_once_through_faults_and_kills_while_people_register() {
    let mut rng = StdRng::seed_from_u64(chaos_seed());
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("ADMIN_IDS", &OFFICER.to_string())
        .var("BROADCAST_RATE", &RATE.to_string());
    {
        let pool = bot_process::database(&env.database_url()).await;
        seed::many_users(&pool, FIRST_RECIPIENT, FIRST_RECIPIENT + RECIPIENTS - 1).await;
        pool.close().await;
    }
    for id in FIRST_RECIPIENT..FIRST_RECIPIENT + RECIPIENTS {
        fake.add_user(UserSpec::new(id, "Warga").language("id"));
    }
    let blocked: Vec<i64> = (FIRST_RECIPIENT..FIRST_RECIPIENT + RECIPIENTS)
        .step_by(97)
        .collect();
    for id in &blocked {
        fake.block_user(*id);
    }
    fake.add_user(UserSpec::new(OFFICER, "Petugas").language("id"));
    let registering: Vec<i64> = (5_001..5_009).collect();
    for user in &registering {
        fake.add_user(UserSpec::new(*user, "Warga").language("id"));
    }

    let bot = env.start();
    announce::to_everyone(&fake, OFFICER, TEXT, WAIT).await;
    fake.wait_for(WAIT, |s| !copies(s).is_empty())
        .await
        .unwrap();

    // People register while the copies go out, and the chaos begins.
    let (acked, storm) = storm(&fake, &registering);
    let kills = 2;
    let (bot, killed_at) = kill_and_restart(&env, &fake, bot, &mut rng, kills, &acked).await;
    for user in storm {
        user.await.unwrap();
    }
    fake.clear_flood();
    let reachable = (RECIPIENTS as usize) - blocked.len();
    fake.wait_for(WAIT, |s| {
        let mut chats: Vec<i64> = copies(s).into_iter().map(|(c, _)| c).collect();
        chats.sort_unstable();
        chats.dedup();
        chats.len() >= reachable
    })
    .await
    .unwrap();
    announce::wait_for_report(&fake, OFFICER, WAIT).await;
    bot.stop().await;

    let all = fake.with_state(copies);
    let mut per_chat: HashMap<i64, usize> = HashMap::new();
    for (chat, _) in &all {
        *per_chat.entry(*chat).or_default() += 1;
    }
    assert_eq!(
        per_chat.len(),
        reachable,
        "every reachable recipient got it"
    );
    assert!(blocked.iter().all(|b| !per_chat.contains_key(b)));
    let repeated: Vec<_> = per_chat.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        repeated.iter().all(|(_, n)| **n <= 1 + kills),
        "copies beyond one per kill: {repeated:?}"
    );
    eprintln!(
        "{} copies went twice over {kills} kills ({} chats)",
        repeated.iter().map(|(_, n)| **n - 1).sum::<usize>(),
        repeated.len()
    );
    // Each run of the bot keeps to the rate.
    let mut bounds = vec![None];
    bounds.extend(killed_at.iter().copied().map(Some));
    bounds.push(None);
    for run in bounds.windows(2) {
        let mut times: Vec<Instant> = all
            .iter()
            .map(|(_, t)| *t)
            .filter(|t| run[0].is_none_or(|from| *t >= from) && run[1].is_none_or(|to| *t < to))
            .collect();
        times.sort_unstable();
        assert!(
            announce::busiest_second(&times) <= RATE,
            "{} copies in one second",
            announce::busiest_second(&times)
        );
    }
    assert_nothing_sent_during_a_penalty(&fake, &killed_at);
    let everyone: HashMap<i64, usize> = registering.iter().map(|u| (*u, STEPS)).collect();
    assert_answered_steps_are_kept(&env, &everyone).await;
    assert_repeats_at_most(&fake, registering.iter().copied(), kills);
}
