//! The conversation core. It knows the domain, the store and `Reply`; it knows nothing of
//! Telegram, HTTP or terminals, so the bot, the simulator and the tests all drive the same code.
//!
//! Each update is handled in one SQLite transaction: the update id is recorded (a re-delivered
//! update has no second effect), the user's state is loaded, the feature's step runs, and the
//! new state, the domain rows and the replies (into the outbox) are committed together.

pub mod action;
pub mod agencies;
pub mod clock;
pub mod command;
pub mod console;
pub mod input;
pub mod pillars;
pub mod reply;
pub mod state;

pub mod broadcast;
mod fallback;
mod menu;
pub mod officer;
pub mod places;
mod privacy;
pub mod profile;
pub mod registration;
pub(crate) mod sheet;
pub mod staff;
mod staffing;
pub mod trainings;
mod turn;

use std::{collections::BTreeSet, sync::Arc};

use chrono_tz::Tz;
use tokio::sync::Notify;

pub use action::Action;
pub use clock::{Clock, ManualClock, SystemClock};
pub use command::Command;
pub use input::{Chat, Event, Input, MediaKind, Sender};
pub use reply::{Arg, Button, ChartPanel, Keyboard, Msg, Reply, ReplyKind, Target};
pub use state::State;

use crate::areas::Places;
use crate::domain::Language;
use crate::store::{self, StoreError, conversations, outbox, updates};
use turn::Turn;

/// What the engine needs to know about this deployment.
#[derive(Clone, Debug)]
pub struct Settings {
    pub admins: BTreeSet<i64>,
    pub admin_chat_id: Option<i64>,
    pub default_language: Language,
    pub timezone: Tz,
    /// The bot's @username (from `getMe`), for links to a private chat; `None` offline.
    pub bot_username: Option<String>,
    /// Bulk messages per second, for the time a broadcast has left.
    pub broadcast_rate: u32,
    /// How long before a training its participants are reminded, longest first.
    pub reminder_offsets: Vec<chrono::TimeDelta>,
    /// How long work waits at one level before it goes up (`ESCALATE_AFTER`).
    pub escalate_after: chrono::TimeDelta,
    /// The console's address with a trailing `/` (`CONSOLE_URL`), for log-in links; `None`
    /// when the console is off.
    pub console_url: Option<String>,
}

impl Settings {
    pub fn from_config(config: &crate::config::Config) -> Settings {
        Settings {
            admins: config.admin_ids.clone(),
            admin_chat_id: config.admin_chat_id,
            default_language: config.default_language,
            timezone: config.timezone,
            bot_username: None,
            broadcast_rate: config.broadcast_rate,
            reminder_offsets: config.reminder_offsets.clone(),
            escalate_after: config.escalate_after,
            console_url: config
                .console_listen
                .map(|_| config.console_url.as_str().to_owned()),
        }
    }

    pub fn is_admin(&self, user_id: i64) -> bool {
        self.admins.contains(&user_id)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("reply could not be encoded: {0}")]
    Encode(#[from] serde_json::Error),
    /// The update was handled before: its unit of work is rolled back (not a failure).
    #[error("update already handled")]
    AlreadyHandled,
    /// A trainings file with problems: its unit of work is rolled back.
    #[error("trainings file not imported")]
    NotImported(Vec<crate::domain::training_csv::LineError>),
}

impl store::Failure for EngineError {
    fn is_database_fault(&self) -> bool {
        matches!(self, EngineError::Store(error) if error.is_database_fault())
    }
}

pub type Result<T, E = EngineError> = std::result::Result<T, E>;

/// What became of one update.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Handled {
    /// The replies queued in the outbox, in order.
    pub replies: Vec<Reply>,
    /// The update id was handled before; nothing was done.
    pub duplicate: bool,
    /// Reports the update asked for, to make with `Engine::run_deferred` (the bot does it in
    /// a task of its own, so that reading a million rows holds up nobody).
    pub deferred: Vec<Due>,
}

/// A report remembered in the database until it is made (`store::reports`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub id: i64,
    pub report: Deferred,
}

/// Work an update leaves for after its commit: reading much, writing only the replies.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deferred {
    /// A staff member's /statistik over their area.
    Stats {
        chat_id: i64,
        lang: crate::domain::Language,
        scope: crate::domain::staff::Scope,
    },
}

#[derive(Clone)]
pub struct Engine {
    /// The one way to write (shared with the sender).
    writer: store::Writer,
    reader: store::Reader,
    /// Reads that count over everyone, as idle work (`store::Database::reports`).
    reports: store::Reader,
    files: store::export::Files,
    checkpointer: store::checkpoint::Checkpointer,
    settings: Arc<Settings>,
    clock: Arc<dyn Clock>,
    outbox_ready: Arc<Notify>,
    group_changed: Arc<Notify>,
    places: Places,
    agencies: agencies::Agencies,
    staffing: staffing::Staffing,
}

impl Engine {
    pub fn new(db: &store::Database, settings: Settings, clock: Arc<dyn Clock>) -> Engine {
        Engine {
            writer: db.writer(),
            reader: db.reader(),
            reports: db.reports(),
            files: db.files(),
            checkpointer: db.checkpointer(),
            settings: Arc::new(settings),
            clock,
            outbox_ready: Arc::new(Notify::new()),
            group_changed: Arc::new(Notify::new()),
            places: Places::default(),
            agencies: agencies::Agencies::default(),
            staffing: staffing::Staffing::default(),
        }
    }

    /// Builds the village search now, on a read connection, rather than in the first update
    /// that needs it.
    pub async fn prepare_places(&self) -> Result<usize> {
        let places = self.places.clone();
        let built = self.reader.read(async |tx| places.get(tx).await).await?;
        Ok(built.village_count())
    }

    /// The one way to write, for the sender.
    pub fn writer(&self) -> store::Writer {
        self.writer.clone()
    }

    /// Read-only units of work, for the sender's files and the simulator.
    pub fn reader(&self) -> store::Reader {
        self.reader.clone()
    }

    /// Where the sender makes the files officers ask for.
    pub fn files(&self) -> store::export::Files {
        self.files.clone()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Is `user_id` an admin of `ADMIN_IDS` or on the staff (for fetching the files they send
    /// before the update is handled)? Read on its own connection when not known yet.
    pub async fn is_staff(&self, user_id: i64) -> bool {
        if self.settings.is_admin(user_id) {
            return true;
        }
        if let Some(known) = self.staffing.known(user_id) {
            return known;
        }
        self.reader
            .read(async |tx| store::staff::find(tx, user_id).await)
            .await
            .is_ok_and(|found| found.is_some())
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// A staff member's role and what it lets them see, as the bot has it now; `None` for
    /// anyone who is not staff (any more). Read on its own connection.
    pub async fn staff_role(
        &self,
        user_id: i64,
    ) -> Result<Option<(crate::domain::staff::StaffRole, crate::domain::staff::Scope)>> {
        let staffing = &self.staffing;
        let member = self
            .reader
            .read(async |tx| staffing.member(tx, user_id).await)
            .await?;
        Ok(turn::role_of(&self.settings, user_id, member.as_ref()))
    }

    /// An officer's action in the web console, run as the bot's button or answer would be in
    /// one unit of work; what the bot would have said to them comes back instead of being sent.
    pub async fn console_act(
        &self,
        user_id: i64,
        act: console::ConsoleAct,
    ) -> Result<console::Acted> {
        let ((), acted) = self
            .console_turn(user_id, async |turn: &mut Turn<'_>| {
                console::act(turn, act).await
            })
            .await?;
        Ok(acted)
    }

    /// An announcement written in the console: checked as the bot checks its steps, then
    /// scheduled (for now or later) in one unit of work. `Err` holds why it was refused.
    pub async fn console_broadcast(
        &self,
        user_id: i64,
        written: broadcast::Written,
    ) -> Result<std::result::Result<i64, Msg>> {
        let (made, _) = self
            .console_turn(user_id, async |turn: &mut Turn<'_>| {
                broadcast::console_send(turn, &written).await
            })
            .await?;
        Ok(made)
    }

    /// A training written in the console: new (`id` none, for `area` of the sender's when
    /// they have several) or changed; saved in one unit of work as the bot saves it. With
    /// its id comes what the bot would have said about it.
    pub async fn console_training(
        &self,
        user_id: i64,
        id: Option<i64>,
        details: crate::domain::TrainingDetails,
        area: Option<i64>,
    ) -> Result<std::result::Result<(i64, Option<Msg>), Msg>> {
        let (saved, acted) = self
            .console_turn(user_id, async |turn: &mut Turn<'_>| {
                trainings::console_save(turn, id, details, area).await
            })
            .await?;
        // What the bot would have said first («Perubahan disimpan. 3 peserta diberi tahu.»).
        Ok(saved.map(|id| (id, acted.said.into_iter().next())))
    }

    /// A trainings CSV uploaded in the console: all saved (how many), or none and every
    /// problem with its line.
    pub async fn console_import(
        &self,
        user_id: i64,
        csv: &[u8],
    ) -> Result<std::result::Result<usize, Vec<Msg>>> {
        let (imported, _) = self
            .console_turn(user_id, async |turn: &mut Turn<'_>| {
                trainings::console_import(turn, csv).await
            })
            .await?;
        Ok(imported)
    }

    /// What an announcement written in the console would reach, read on its own connection:
    /// the audience and its count, or why it cannot be sent.
    pub async fn console_audience(
        &self,
        scope: &crate::domain::staff::Scope,
        written: &broadcast::Written,
    ) -> Result<std::result::Result<broadcast::Settled, Msg>> {
        let now = self.clock.now().timestamp();
        let places = &self.places;
        self.reader
            .read(async |tx| broadcast::settle(tx, places, scope, written, now).await)
            .await
    }

    /// Runs `run` as a turn of staff member `user_id` (an update that stands for their action
    /// in the console) in one unit of work: its rows, audit lines and messages to others are
    /// committed together. What the turn would have said in their own chat comes back in
    /// `Acted`, and their conversation in Telegram is left as it was.
    async fn console_turn<T>(
        &self,
        user_id: i64,
        run: impl AsyncFnOnce(&mut Turn<'_>) -> Result<T>,
    ) -> Result<(T, console::Acted)> {
        let now = self.clock.now();
        let input = console::input_for(user_id);
        let mut work = self.writer.begin().await?;
        let done = async {
            let tx = work.tx();
            let (value, finished, kept) = {
                let mut turn = Turn::begin(tx, self.shared(), &input, now, None).await?;
                let value = run(&mut turn).await?;
                let kept = console::kept(&turn.state);
                (value, turn.finish()?, kept)
            };
            let (mut acted, rest) = console::split(finished.replies, user_id);
            acted.kept = kept;
            enqueue(tx, &rest, now).await?;
            Ok::<_, EngineError>((value, acted, !rest.is_empty(), finished.staff_changed))
        }
        .await;
        let (value, acted, queued, staff_changed) = work.end(done).await?;
        if staff_changed {
            self.staffing.changed();
        }
        if queued {
            self.outbox_ready.notify_one();
        }
        Ok((value, acted))
    }

    /// What each turn shares with the engine.
    fn shared(&self) -> turn::Shared<'_> {
        turn::Shared {
            settings: &self.settings,
            places: &self.places,
            agencies: &self.agencies,
            staffing: &self.staffing,
        }
    }

    /// The village list, for naming places (built on first use).
    pub fn places(&self) -> Places {
        self.places.clone()
    }

    /// Question `id` as the console shows it to staff member `user_id` within `scope`, read on
    /// its own connection; `None` outside their area. Opening it is audited, as in the bot.
    pub async fn console_question(
        &self,
        user_id: i64,
        scope: &crate::domain::staff::Scope,
        id: i64,
    ) -> Result<Option<pillars::ConsoleQuestion>> {
        let found = self
            .reader
            .read(async |tx| pillars::console_question(tx, user_id, scope, id).await)
            .await?;
        if found.is_some() {
            let now = self.clock.now();
            self.writer
                .write(async |tx| {
                    store::audit::record(
                        tx,
                        user_id,
                        "question.open",
                        &format!("question {id} (console)"),
                        now,
                    )
                    .await
                })
                .await?;
        }
        Ok(found)
    }

    /// Woken whenever new messages were committed to the outbox.
    pub fn outbox_ready(&self) -> Arc<Notify> {
        self.outbox_ready.clone()
    }

    /// Woken when the officers' group's members changed (for `telegram::group_guard`).
    pub fn group_changed(&self) -> Arc<Notify> {
        self.group_changed.clone()
    }

    /// Handles one update: exactly once per update id, all or nothing.
    pub async fn handle(&self, input: Input) -> Result<Handled> {
        match self.handle_in_transaction(&input).await {
            Ok(handled) => Ok(handled),
            Err(error) => {
                // The transaction was rolled back; tell the user rather than leave them
                // without an answer, and record the update so it is not retried forever.
                tracing::error!(%error, "update failed; apologising to the user");
                self.apologise(&input).await?;
                Ok(Handled::default())
            }
        }
    }

    async fn handle_in_transaction(&self, input: &Input) -> Result<Handled> {
        let mut work = self.writer.begin().await?;
        let handled = self.handle_on(work.tx(), input).await;
        let handled = work.end(handled).await;
        if handled.as_ref().is_ok_and(|h| h.staff_changed) || handled.is_err() {
            // Read after the commit; and after a failure, nothing it may have read stays.
            self.staffing.changed();
        }
        if handled.as_ref().is_ok_and(|h| h.places_changed) || handled.is_err() {
            self.places.changed();
        }
        let handled = match handled {
            Err(EngineError::AlreadyHandled) => {
                return Ok(Handled {
                    replies: Vec::new(),
                    duplicate: true,
                    deferred: Vec::new(),
                });
            }
            other => other?,
        };
        if handled.checkpoint {
            self.checkpointer.request();
        }
        if handled.recheck_group {
            self.group_changed.notify_one();
        }
        if !handled.replies.is_empty() {
            self.outbox_ready.notify_one();
        }
        Ok(Handled {
            replies: handled.replies,
            duplicate: false,
            deferred: handled.due,
        })
    }

    /// The reports asked for and not made yet (a stop came in between): the bot makes them
    /// when it starts.
    pub async fn reports_due(&self) -> Result<Vec<Due>> {
        let rows = self.reader.read(store::reports::due).await?;
        let mut due = Vec::with_capacity(rows.len());
        for (id, payload) in rows {
            match serde_json::from_str(&payload) {
                Ok(report) => due.push(Due { id, report }),
                Err(error) => {
                    tracing::error!(id, kind = ?error.classify(), "a report to make cannot be read; dropping it");
                    self.writer
                        .write(async |tx| store::reports::take(tx, id).await)
                        .await?;
                }
            }
        }
        Ok(due)
    }

    /// Makes a report an update asked for: read on a reports connection (the single writer
    /// stays free for everyone else's replies), then its replies queued in one short write
    /// that also takes it off the list of reports due (exactly once: a report already made
    /// sends nothing). Returns the replies queued.
    pub async fn run_deferred(&self, due: Due) -> Result<Vec<Reply>> {
        let now = self.clock.now();
        let replies = match due.report {
            Deferred::Stats {
                chat_id,
                lang,
                scope,
            } => {
                let places = &self.places;
                let settings = &self.settings;
                self.reports
                    .read(async |tx| -> Result<Vec<Reply>> {
                        let gazetteer = places.get(tx).await?;
                        let report = officer::Report {
                            settings,
                            places: &gazetteer,
                            now,
                            lang,
                            chat_id,
                        };
                        officer::stats_report(tx, &report, &scope).await
                    })
                    .await?
            }
        };
        let queued = self
            .writer
            .write(async |tx| -> Result<bool> {
                if !store::reports::take(tx, due.id).await? {
                    return Ok(false);
                }
                enqueue(tx, &replies, now).await?;
                Ok(true)
            })
            .await?;
        if !queued {
            return Ok(Vec::new());
        }
        self.outbox_ready.notify_one();
        Ok(replies)
    }

    /// The update's unit of work: begun together with recording the update as handled and
    /// its sender as seen, and committed together with the state and the replies (two round
    /// trips to SQLite's thread, and those the turn itself needs).
    async fn handle_on(&self, tx: &mut store::Tx, input: &Input) -> Result<turn::Finished> {
        let now = self.clock.now();
        let contact = turn::contact(input, &self.settings);
        let seen = match updates::begin(tx, input.update_id, contact, now).await? {
            updates::Begun::Fresh(seen) => seen,
            // Rolled back: nothing of it stays.
            updates::Begun::Again => return Err(EngineError::AlreadyHandled),
        };
        let mut finished = {
            let mut turn = Turn::begin(tx, self.shared(), input, now, seen).await?;
            route(&mut turn, input).await?;
            turn.finish()?
        };
        let state = std::mem::replace(&mut finished.state, conversations::StateWrite::Keep);
        conversations::write_at_commit(tx, state, now);
        enqueue(tx, &finished.replies, now).await?;
        for report in std::mem::take(&mut finished.deferred) {
            let payload = serde_json::to_string(&report)?;
            let id = store::reports::add(tx, &payload, now).await?;
            finished.due.push(Due { id, report });
        }
        Ok(finished)
    }

    /// Time-driven work, in one transaction by the engine's clock: starts broadcasts whose
    /// time has come and refreshes their progress, and queues the training reminders due.
    /// Called every second or so by the running bot; returns how many messages it queued.
    pub async fn tick(&self) -> Result<usize> {
        let now = self.clock.now();
        let queued = self
            .writer
            .write(async |tx| self.tick_on(tx, now).await)
            .await?;
        if queued > 0 {
            self.outbox_ready.notify_one();
        }
        Ok(queued)
    }

    async fn tick_on(
        &self,
        tx: &mut store::Tx,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<usize> {
        let broadcast = broadcast::delivery::tick(tx, &self.settings, now).await?;
        let mut due = trainings::due_reminders(tx, &self.settings, now).await?;
        due.extend(pillars::escalate(tx, &self.settings, now).await?);
        enqueue(tx, &due, now).await?;
        Ok(broadcast + due.len())
    }

    /// Loads a newer release of the village list (`desmigratif import-areas`).
    pub async fn import_areas(
        &self,
        release: &crate::areas::release::Release,
        name: &str,
    ) -> Result<store::areas::LoadReport> {
        let now = self.clock.now();
        let report = self
            .writer
            .write(async |tx| store::areas::load(tx, release, name, now).await)
            .await?;
        self.places.changed();
        Ok(report)
    }

    /// Marks the villages of a file of codes as the programme's (`desmigratif
    /// import-programme`): all or none; how many were newly marked, and how many the file has.
    pub async fn import_programme(
        &self,
        csv: &[u8],
    ) -> Result<Result<(u64, usize), Vec<crate::domain::area::CodeLineError>>> {
        let marked = self
            .writer
            .write(async |tx| staff::mark_programme_file(tx, csv).await)
            .await?;
        self.places.changed();
        Ok(marked)
    }

    /// Loads the official list of licensed placement companies (`desmigratif
    /// import-agencies`): all of it (how many, and the list's newest date), or nothing and
    /// every problem with it.
    pub async fn import_agencies(
        &self,
        csv: &[u8],
    ) -> Result<Result<(usize, chrono::NaiveDate), Vec<crate::domain::agency::LineError>>> {
        let now = self.clock.now();
        let tz = self.settings.timezone;
        self.writer
            .write(async |tx| agencies::load(tx, csv, None, tz, now).await)
            .await
    }

    /// The licensed companies' search, for the benchmark and the console (built on first use).
    pub async fn agency_registry(&self) -> Result<Arc<crate::domain::agency::Registry>> {
        let agencies = self.agencies.clone();
        Ok(self.reader.read(async |tx| agencies.get(tx).await).await?)
    }

    /// Imports a trainings CSV (`desmigratif import-trainings`): all of it and the new ids,
    /// or nothing and every problem with it.
    pub async fn import_trainings(
        &self,
        csv: &[u8],
    ) -> Result<Result<Vec<i64>, Vec<crate::domain::training_csv::LineError>>> {
        let imported = self
            .writer
            .write(async |tx| {
                match trainings::import_csv(
                    tx,
                    csv,
                    crate::domain::staff::Area::Country,
                    self.settings.timezone,
                    self.clock.now(),
                )
                .await?
                {
                    Ok(ids) => Ok(ids),
                    // Rolled back: none of the file goes in.
                    Err(problems) => Err(EngineError::NotImported(problems)),
                }
            })
            .await;
        match imported {
            Ok(ids) => Ok(Ok(ids)),
            Err(EngineError::NotImported(problems)) => Ok(Err(problems)),
            Err(error) => Err(error),
        }
    }

    async fn apologise(&self, input: &Input) -> Result<()> {
        let now = self.clock.now();
        let mut work = self.writer.begin().await?;
        let apologised = self.apologise_on(work.tx(), input, now).await;
        work.end(apologised).await?;
        self.outbox_ready.notify_one();
        Ok(())
    }

    async fn apologise_on(
        &self,
        tx: &mut store::Tx,
        input: &Input,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        if let Some(update_id) = input.update_id {
            updates::mark_processed(tx, update_id, now).await?;
        }
        let lang = match &input.sender {
            Some(sender) => store::users::find(tx, sender.id)
                .await?
                .map(|u| u.language)
                .unwrap_or_else(|| {
                    Language::from_telegram(
                        sender.language_code.as_deref(),
                        self.settings.default_language,
                    )
                }),
            None => self.settings.default_language,
        };
        let replies = fallback::apology(input, lang);
        enqueue(tx, &replies, now).await
    }
}

/// Queues an update's replies, in order, to be written with its commit (one statement: each
/// statement is a round trip to SQLite's thread, and this runs on every update).
async fn enqueue(
    tx: &mut store::Tx,
    replies: &[Reply],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let messages = replies
        .iter()
        .map(new_message)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(outbox::enqueue_all(tx, messages, now).await?)
}

/// A reply as the outbox stores it.
fn new_message(reply: &Reply) -> Result<outbox::NewMessage, serde_json::Error> {
    Ok(outbox::NewMessage {
        chat_id: reply.chat_id,
        subject_user_id: reply.subject,
        priority: reply.priority,
        payload: serde_json::to_string(reply)?,
    })
}

/// Queues one reply in the outbox; returns its outbox id.
pub(crate) async fn enqueue_one(
    tx: &mut store::Tx,
    reply: &Reply,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64> {
    Ok(outbox::enqueue(tx, &new_message(reply)?, now).await?)
}

/// Sends each update to the feature that handles it.
async fn route(turn: &mut Turn<'_>, input: &Input) -> Result<()> {
    if !input.chat.private {
        if turn.settings.admin_chat_id == Some(input.chat.id) {
            return pillars::in_officers_group(turn, input).await;
        }
        fallback::group(turn, input);
        return Ok(());
    }
    match &input.event {
        Event::Membership { blocked } => turn.set_blocked(*blocked).await,
        Event::Text {
            text,
            forwarded: false,
            ..
        } if text.trim_start().starts_with('/') => on_command(turn, text).await,
        Event::Button { data, .. } => match Action::parse(data) {
            Ok(action) => on_action(turn, action).await,
            Err(_) => {
                fallback::old_button(turn);
                Ok(())
            }
        },
        event => on_event(turn, event).await,
    }
}

async fn on_command(turn: &mut Turn<'_>, text: &str) -> Result<()> {
    use command::Parsed;
    match Command::parse(text, turn.settings.bot_username.as_deref()) {
        Some(Parsed::Known { command, args }) => run_command(turn, command, &args).await,
        Some(Parsed::Unknown) | Some(Parsed::ForAnotherBot) | None => {
            fallback::unknown_command(turn).await
        }
    }
}

/// A command, typed or from a staff tool's button in the menu.
async fn run_command(turn: &mut Turn<'_>, command: Command, args: &str) -> Result<()> {
    if (command.admin_only() && !turn.is_admin()) || (command.staff_only() && turn.role().is_none())
    {
        fallback::not_an_officer(turn);
        return Ok(());
    }
    match command {
        Command::Start => menu::start(turn, args).await,
        Command::Menu => menu::show_menu(turn).await,
        Command::Help => menu::help(turn).await,
        Command::Language => menu::language_menu(turn).await,
        Command::Cancel => menu::cancel(turn).await,
        Command::Register => registration::start(turn).await,
        Command::Profile => profile::show(turn).await,
        Command::MyData => privacy::my_data(turn).await,
        Command::Delete => privacy::ask_to_delete(turn).await,
        Command::Broadcast => broadcast::start(turn).await,
        Command::Stats => officer::stats(turn).await,
        Command::Export => officer::export_menu(turn).await,
        Command::Migration
        | Command::Business
        | Command::Parenting
        | Command::Cooperative
        | Command::Faq
        | Command::Ask
        | Command::Inbox
        | Command::Answer
        | Command::Emergency
        | Command::Applications => pillars::on_command(turn, command, args).await,
        Command::Trainings => trainings::list(turn).await,
        Command::NewTraining => trainings::new_training(turn).await,
        Command::Officers => staff::home(turn).await,
        Command::Console => console::login_link(turn).await,
        Command::Agency => agencies::command(turn, args).await,
    }
}

async fn on_action(turn: &mut Turn<'_>, action: Action) -> Result<()> {
    match action {
        Action::Menu => menu::show_menu(turn).await,
        Action::Help => menu::help(turn).await,
        Action::LanguageMenu => menu::language_menu(turn).await,
        Action::SetLanguage(language) => menu::set_language(turn, language).await,
        Action::Cancel => menu::cancel(turn).await,
        Action::Registration(action) => registration::on_action(turn, action).await,
        Action::Profile(action) => profile::on_action(turn, action).await,
        Action::Broadcast(action) => broadcast::on_action(turn, action).await,
        Action::Export(action) => officer::on_export(turn, action).await,
        Action::Pillars(action) => pillars::on_action(turn, action).await,
        Action::Training(action) => trainings::on_action(turn, action).await,
        Action::Staff(action) => staff::on_action(turn, action).await,
        Action::Agency(action) => agencies::on_action(turn, action).await,
        Action::Tool(tool) => run_command(turn, tool.command(), "").await,
    }
}

/// Text, files and everything else that is not a command or a button.
async fn on_event(turn: &mut Turn<'_>, event: &Event) -> Result<()> {
    // Results of a licence check showing: another company's name is checked too; anything
    // else is as when idle.
    if matches!(
        turn.state,
        State::Agency(agencies::AgencyState::Shown { .. })
    ) {
        turn.state = State::Idle;
        if agencies::another_name(turn, event).await? {
            return Ok(());
        }
    }
    match turn.state.clone() {
        State::Idle | State::Arrived { .. } => match event {
            Event::Document { .. } if turn.role().is_some() => sheet::document(turn, event).await,
            _ => pillars::on_idle(turn, event).await,
        },
        State::Pillars(step) => pillars::on_step(turn, step, event).await,
        State::Registration(registration) => {
            registration::on_event(turn, *registration, event).await
        }
        State::Broadcast(composer) => broadcast::on_event(turn, *composer, event).await,
        State::Training(state) => trainings::on_event(turn, *state, event).await,
        State::Staff(state) => staff::on_event(turn, state, event).await,
        State::Agency(state) => agencies::on_event(turn, state, event).await,
    }
}
