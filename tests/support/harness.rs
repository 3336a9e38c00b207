//! Drives the real engine over a real SQLite file, with the production wiring and a clock the
//! test controls. Tests assert on replies (Fluent ids and actions), states and rows.

#![allow(dead_code)]

use std::{collections::BTreeSet, sync::Arc};

use chrono::{DateTime, TimeZone, Utc};
use desmigratif::{
    domain::Language,
    engine::{
        Action, Engine, Event, Handled, Input, ManualClock, Reply, ReplyKind, Settings, Target,
    },
    i18n::Locales,
    store,
};
use sqlx::SqlitePool;

include!("template.rs");

pub struct Harness {
    pub engine: Engine,
    /// The bot's database, as the engine has it.
    pub db: store::Database,
    /// A connection pool of the test's own on the same file, for looking at rows (and
    /// seeding them) the way an operator's `sqlite3` would.
    pub pool: SqlitePool,
    pub clock: ManualClock,
    pub locales: Arc<Locales>,
    _dir: tempfile::TempDir,
    pub db_path: std::path::PathBuf,
    next_update: i64,
    /// Staff hear of each new question at once (see `Harness::batched`).
    each_at_once: bool,
}

pub const ADMIN: i64 = 900;
pub const ADMIN_2: i64 = 901;

/// 2026-12-01 03:00 UTC (10:00 in Jakarta).
pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap()
}

impl Harness {
    pub async fn new() -> Harness {
        Harness::with_settings(|_| {}).await
    }

    pub async fn with_settings(adjust: impl FnOnce(&mut Settings)) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("test.db");
        let url = format!("sqlite://{}", db_path.display());
        prepared_database(&db_path);
        let db = store::open(&url).await.unwrap();
        let pool = SqlitePool::connect(&url).await.unwrap();
        let mut settings = Settings {
            admins: BTreeSet::from([ADMIN, ADMIN_2]),
            admin_chat_id: None,
            default_language: Language::Id,
            timezone: chrono_tz::Asia::Jakarta,
            bot_username: Some("desmigratif_test_bot".into()),
            broadcast_rate: 25,
            reminder_offsets: vec![chrono::TimeDelta::hours(24), chrono::TimeDelta::hours(2)],
            escalate_after: chrono::TimeDelta::hours(24),
            console_url: Some("https://konsol.example.org/".into()),
        };
        adjust(&mut settings);
        let group = settings.admin_chat_id;
        let clock = ManualClock::new(start_time());
        let engine = Engine::new(&db, settings, Arc::new(clock.clone()));
        let harness = Harness {
            engine,
            db,
            pool,
            clock,
            locales: Arc::new(Locales::load(chrono_tz::Asia::Jakarta).unwrap()),
            _dir: dir,
            db_path,
            next_update: 1,
            each_at_once: true,
        };
        // Most tests follow one question at a time, and so have the officers hear of each at
        // once; the tests of notices told together use `batched`.
        for chat in [ADMIN, ADMIN_2].into_iter().chain(group) {
            harness.notices_each_at_once(chat, true).await;
        }
        harness
    }

    /// As the bot is by default: officers hear of new questions at most every 15 minutes.
    pub async fn batched() -> Harness {
        let mut harness = Harness::new().await;
        harness.each_at_once = false;
        for admin in [ADMIN, ADMIN_2] {
            harness.notices_each_at_once(admin, false).await;
        }
        harness
    }

    /// Sets how `chat` hears of new questions, as its «🔔» button does.
    pub async fn notices_each_at_once(&self, chat: i64, each: bool) {
        self.engine
            .writer()
            .write(async |tx| store::officer_notices::set_each_at_once(tx, chat, each).await)
            .await
            .unwrap();
    }

    /// Handles an input with a fresh update id.
    pub async fn handle(&mut self, input: Input) -> Handled {
        let id = self.next_update;
        self.next_update += 1;
        let mut handled = self.engine.handle(input.with_update_id(id)).await.unwrap();
        // Reports (the figures) come after the commit, as the bot makes them in a task.
        for report in std::mem::take(&mut handled.deferred) {
            let replies = self.engine.run_deferred(report).await.unwrap();
            handled.replies.extend(replies);
        }
        assert_translated(&self.locales, &handled.replies);
        handled
    }

    /// A user types `text` (their Telegram app in `lang`).
    pub async fn say(&mut self, user: i64, text: &str) -> Vec<Reply> {
        self.handle(Input::text(user, text).with_language_code("id"))
            .await
            .replies
    }

    pub async fn say_in(&mut self, user: i64, lang: &str, text: &str) -> Vec<Reply> {
        self.handle(Input::text(user, text).with_language_code(lang))
            .await
            .replies
    }

    pub async fn event(&mut self, user: i64, event: Event) -> Vec<Reply> {
        let mut input = Input::text(user, "");
        input.event = event;
        self.handle(input).await.replies
    }

    /// Makes `user` staff of `area` straight in the store, as an accepted invitation leaves
    /// them (appointed by the first admin).
    pub async fn appoint(&self, user: i64, area: desmigratif::domain::staff::Area) {
        self.engine
            .writer()
            .write(async |tx| {
                desmigratif::store::staff::appoint(tx, user, area, ADMIN, start_time()).await
            })
            .await
            .unwrap();
        self.notices_each_at_once(user, self.each_at_once).await;
    }

    /// Types `typed` at a village question and presses the first village the search offers.
    pub async fn choose_village(&mut self, user: i64, typed: &str) -> Vec<Reply> {
        let shown = self.say(user, typed).await;
        let village = first_village(&shown)
            .unwrap_or_else(|| panic!("no village offered for {typed:?}: {:?}", ids(&shown)));
        self.press(user, &village).await
    }

    /// Presses the button with this action on message `message_id`.
    pub async fn press(&mut self, user: i64, action: &Action) -> Vec<Reply> {
        self.press_data(user, &action.encode()).await
    }

    pub async fn press_data(&mut self, user: i64, data: &str) -> Vec<Reply> {
        self.handle(Input::button(user, Some(77), data))
            .await
            .replies
    }

    /// Renders a reply's text in its language.
    pub fn text(&self, reply: &Reply) -> String {
        match desmigratif::sender::render(&self.locales, reply, None) {
            desmigratif::sender::Outgoing::Message { text, .. }
            | desmigratif::sender::Outgoing::Edit { text, .. } => text,
            desmigratif::sender::Outgoing::CallbackAnswer { text, .. } => text.unwrap_or_default(),
            desmigratif::sender::Outgoing::Document { caption, .. }
            | desmigratif::sender::Outgoing::Photo { caption, .. }
            | desmigratif::sender::Outgoing::PhotoUpload { caption, .. } => caption,
            desmigratif::sender::Outgoing::CommandMenu { .. }
            | desmigratif::sender::Outgoing::Copy { .. }
            | desmigratif::sender::Outgoing::Delete { .. } => String::new(),
        }
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.pool).await.unwrap()
    }
}

/// All Fluent ids of the replies' texts, in order.
pub fn ids(replies: &[Reply]) -> Vec<String> {
    replies
        .iter()
        .flat_map(|r| r.text_ids())
        .map(str::to_owned)
        .collect()
}

pub fn has_id(replies: &[Reply], id: &str) -> bool {
    ids(replies).iter().any(|i| i == id)
}

/// The replies to one chat.
pub fn to(replies: &[Reply], chat: i64) -> Vec<Reply> {
    replies
        .iter()
        .filter(|r| r.chat_id == chat)
        .cloned()
        .collect()
}

/// The first village a search's buttons offer (in registration, a staff screen or the
/// asker's village).
pub fn first_village(replies: &[Reply]) -> Option<Action> {
    use desmigratif::engine::{
        broadcast::BroadcastAction, pillars::PillarsAction, places::Pick, registration::RegAction,
        staff::StaffAction,
    };
    actions(replies).into_iter().find(|a| {
        matches!(
            a,
            Action::Registration(RegAction::Place(Pick::Village(_)))
                | Action::Staff(StaffAction::Place(Pick::Village(_)))
                | Action::Pillars(PillarsAction::Place(Pick::Village(_)))
                | Action::Broadcast(BroadcastAction::Place(Pick::Village(_)))
        )
    })
}

/// Every button action offered by the replies.
pub fn actions(replies: &[Reply]) -> Vec<Action> {
    replies
        .iter()
        .flat_map(|r| r.keyboard().rows().iter().flatten())
        .filter_map(|b| match &b.target {
            Target::Action(a) => Some(a.clone()),
            Target::Url(_) => None,
        })
        .collect()
}

/// The button labels' Fluent ids.
pub fn button_ids(replies: &[Reply]) -> Vec<String> {
    replies
        .iter()
        .flat_map(|r| r.keyboard().rows().iter().flatten())
        .map(|b| b.label.id.clone())
        .collect()
}

/// The one callback answer in the replies (every button press must have exactly one).
pub fn callback_answers(replies: &[Reply]) -> usize {
    replies
        .iter()
        .filter(|r| matches!(r.kind, ReplyKind::CallbackAnswer { .. }))
        .count()
}

pub fn languages(replies: &[Reply]) -> BTreeSet<Language> {
    replies.iter().map(|r| r.lang).collect()
}

/// Every message in the replies (texts, nested arguments, button labels) exists in both
/// languages, so no screen shows a bare message id.
pub fn assert_translated(locales: &Locales, replies: &[Reply]) {
    fn walk<'a>(msg: &'a desmigratif::engine::Msg, out: &mut Vec<&'a desmigratif::engine::Msg>) {
        out.push(msg);
        for (_, arg) in &msg.args {
            match arg {
                desmigratif::engine::Arg::Msg(inner) => walk(inner, out),
                desmigratif::engine::Arg::List(items) => items.iter().for_each(|m| walk(m, out)),
                _ => {}
            }
        }
    }
    let mut msgs = Vec::new();
    for reply in replies {
        match &reply.kind {
            ReplyKind::Message { text, .. } | ReplyKind::Edit { text, .. } => {
                text.iter().for_each(|m| walk(m, &mut msgs))
            }
            ReplyKind::CallbackAnswer { text: Some(m), .. } => walk(m, &mut msgs),
            ReplyKind::Document { caption, .. } => caption.iter().for_each(|m| walk(m, &mut msgs)),
            ReplyKind::Chart { caption, panels } => {
                caption.iter().for_each(|m| walk(m, &mut msgs));
                for panel in panels {
                    walk(&panel.title, &mut msgs);
                    panel
                        .bars
                        .iter()
                        .for_each(|(label, _)| walk(label, &mut msgs));
                }
            }
            _ => {}
        }
        for button in reply.keyboard().rows().iter().flatten() {
            walk(&button.label, &mut msgs);
        }
        if let desmigratif::engine::Keyboard::ShareContact { share } = reply.keyboard() {
            walk(share, &mut msgs);
        }
    }
    for msg in msgs {
        for lang in Language::ALL {
            assert!(
                locales.has(lang, &msg.id),
                "message {} missing in {}",
                msg.id,
                lang.code()
            );
        }
    }
}

/// Runs the real binary's subcommand `args` on `database`, offline, in `dir`.
pub fn command_line(
    database: &str,
    dir: &std::path::Path,
    args: &[&std::ffi::OsStr],
) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_desmigratif"))
        .args(args)
        .env("DATABASE_URL", database)
        .env_remove("TELOXIDE_TOKEN")
        .env("RUST_LOG", "warn")
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Runs `future` to its end on a runtime of its own (for property tests, whose cases are not
/// async).
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(future)
}
