//! «Is this agency licensed?» (`/agensi`, and a button on the migration pages): a person
//! types part of a company's name, or its licence number, and sees what the official list
//! of licensed placement companies (P3MI) says, with the list's date; a company not on it gets
//! a clear warning and the official ways to check and to report a broker. A job offer someone
//! sent the bot is checked from its text. Officers mark companies reported to them; admins
//! load the list (a CSV sent to the bot, or `desmigratif import-agencies FILE`).

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::action::{FeatureAction, parse_id};
use super::pillars::{self, Page};
use super::{Action, Button, Event, Keyboard, Msg, Result, State, menu, sheet, turn::Turn};
use crate::built::Built;
use crate::domain::agency::{self, AgencyStatus, Listed, Match, Problem, Registry};
use crate::store::{self, Tx};

/// Companies shown for one search.
pub const SHOWN: usize = 5;
/// The longest text taken as a name to look for.
const MAX_QUERY_CHARS: usize = 200;

/// The list as every turn shares it (see `built`), checked against the database's version of
/// the list and the marks before each use: a load or a mark by another process (the command
/// line), or by a turn that was rolled back, builds it again.
#[derive(Clone, Default)]
pub struct Agencies(Built<Registry>);

impl Agencies {
    /// The search as `tx` sees the list and the marks.
    pub async fn get(&self, tx: &mut Tx) -> store::Result<Arc<Registry>> {
        let version = store::agencies::version(tx).await?;
        if self.0.built().is_some_and(|built| built.version != version) {
            self.0.changed();
        }
        let built = self.0.get_or_build(tx, build).await?;
        // Built meanwhile from another view of the database: this turn builds its own.
        if built.version != version {
            return Ok(Arc::new(build(tx).await?));
        }
        Ok(built)
    }
}

async fn build(tx: &mut Tx) -> store::Result<Registry> {
    let loaded = store::agencies::load(tx).await?;
    Ok(Registry::new(
        loaded.listed,
        loaded.listed_on,
        loaded.reported,
        loaded.version,
    ))
}

/// What this feature's buttons do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyAction {
    /// «🏢 Cek izin perusahaan»: asks for a name.
    Ask,
    /// Check the companies named in the message kept to send to an officer (a job offer).
    CheckHeld,
    /// Staff: mark a company of the list as reported to the officers.
    Report(i64),
    /// Staff: take the mark off a company of the list.
    Unreport(i64),
    /// Staff: mark the name just searched for (on no list) as reported.
    ReportTyped,
    /// Staff: take the mark off the name just searched for.
    UnreportTyped,
}

impl FeatureAction for AgencyAction {
    const TAG: &'static str = "ag";

    fn fields(&self) -> Vec<String> {
        match self {
            AgencyAction::Ask => vec!["ask".into()],
            AgencyAction::CheckHeld => vec!["held".into()],
            AgencyAction::Report(id) => vec!["rep".into(), id.to_string()],
            AgencyAction::Unreport(id) => vec!["unrep".into(), id.to_string()],
            AgencyAction::ReportTyped => vec!["rept".into()],
            AgencyAction::UnreportTyped => vec!["unrept".into()],
        }
    }

    fn parse(fields: &[&str]) -> Option<AgencyAction> {
        Some(match fields {
            ["ask"] => AgencyAction::Ask,
            ["held"] => AgencyAction::CheckHeld,
            ["rep", id] => AgencyAction::Report(parse_id(id)?),
            ["unrep", id] => AgencyAction::Unreport(parse_id(id)?),
            ["rept"] => AgencyAction::ReportTyped,
            ["unrept"] => AgencyAction::UnreportTyped,
            _ => return None,
        })
    }
}

impl From<AgencyAction> for Action {
    fn from(action: AgencyAction) -> Action {
        Action::Agency(action)
    }
}

/// What the feature waits for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum AgencyState {
    /// The name (or licence number) to look for.
    Asking,
    /// The results for `query` are showing (an officer's mark buttons refer to it); anything
    /// typed now is taken as when idle.
    Shown { query: String },
}

/// «🏢 Cek izin perusahaan (P3MI)», for the migration pages and the results.
pub fn ask_button() -> Button {
    Button::action(Msg::new("agency-button-ask"), AgencyAction::Ask.into())
}

/// `/agensi` (`/agency`): with a name after it, the check; without, the question.
pub(crate) async fn command(turn: &mut Turn<'_>, args: &str) -> Result<()> {
    if args.trim().is_empty() {
        ask(turn, false);
        Ok(())
    } else {
        check(turn, args.trim()).await
    }
}

fn ask(turn: &mut Turn<'_>, replace: bool) {
    let keyboard = Keyboard::Inline(vec![vec![Button::action(
        Msg::new("button-cancel"),
        Action::Cancel,
    )]]);
    let text = vec![Msg::new("agency-ask")];
    if replace {
        turn.show(text, keyboard);
    } else {
        turn.send(text, keyboard);
    }
    turn.state = State::Agency(AgencyState::Asking);
}

pub(crate) async fn on_action(turn: &mut Turn<'_>, action: AgencyAction) -> Result<()> {
    match action {
        AgencyAction::Ask => {
            ask(turn, true);
            Ok(())
        }
        AgencyAction::CheckHeld => check_held(turn).await,
        AgencyAction::Report(id) | AgencyAction::Unreport(id) => {
            let registry = turn.agencies().await?;
            let Some(listed) = registry.get(id) else {
                turn.notice(Msg::new("agency-gone"), true);
                return Ok(());
            };
            let name = listed.agency.name.clone();
            mark(turn, &name, matches!(action, AgencyAction::Report(_))).await
        }
        AgencyAction::ReportTyped | AgencyAction::UnreportTyped => {
            let State::Agency(AgencyState::Shown { query }) = turn.state.clone() else {
                super::fallback::old_button(turn);
                return Ok(());
            };
            mark(turn, &query, action == AgencyAction::ReportTyped).await
        }
    }
}

pub(crate) async fn on_event(turn: &mut Turn<'_>, state: AgencyState, event: &Event) -> Result<()> {
    match (state, event) {
        // A reply to one of the bot's messages (an officer's answer) is not a company's name.
        (
            AgencyState::Asking,
            Event::Text {
                reply_to: Some(_), ..
            },
        ) => {
            turn.state = State::Idle;
            pillars::on_idle(turn, event).await
        }
        // A whole job offer pasted here: the companies it names, as from a message kept.
        (AgencyState::Asking, Event::Text { text, .. }) if looks_like_a_message(text) => {
            turn.state = State::Idle;
            check_text(turn, text).await
        }
        (AgencyState::Asking, Event::Text { text, .. }) => check(turn, text.trim()).await,
        (AgencyState::Asking, _) => {
            let keyboard = Keyboard::Inline(vec![vec![Button::action(
                Msg::new("button-cancel"),
                Action::Cancel,
            )]]);
            turn.send(vec![Msg::new("agency-ask-text")], keyboard);
            Ok(())
        }
        (AgencyState::Shown { .. }, _) => {
            turn.state = State::Idle;
            pillars::on_idle(turn, event).await
        }
    }
}

/// With results showing, text that names another company of the list is checked as well
/// (people type the next name straight away); `false` for anything else.
pub(crate) async fn another_name(turn: &mut Turn<'_>, event: &Event) -> Result<bool> {
    let Event::Text {
        text,
        forwarded: false,
        ..
    } = event
    else {
        return Ok(false);
    };
    let text = text.trim();
    if text.chars().count() > MAX_QUERY_CHARS || text.contains('?') {
        return Ok(false);
    }
    let registry = turn.agencies().await?;
    if registry.search(text, 1).total == 0 {
        return Ok(false);
    }
    check(turn, text).await?;
    Ok(true)
}

/// The results for a typed name or licence number.
async fn check(turn: &mut Turn<'_>, typed: &str) -> Result<()> {
    if typed.chars().count() > MAX_QUERY_CHARS {
        turn.send(
            vec![Msg::new("agency-too-long").arg("max", MAX_QUERY_CHARS as i64)],
            Keyboard::Inline(vec![vec![ask_button()], vec![menu::menu_button()]]),
        );
        turn.state = State::Idle;
        return Ok(());
    }
    let registry = turn.agencies().await?;
    let found = registry.search(typed, SHOWN);
    let digits = typed.chars().filter(char::is_ascii_digit).count();
    let too_short = agency::name_key(typed).chars().count() < agency::MIN_QUERY_CHARS && digits < 3;
    if too_short {
        let keyboard = Keyboard::Inline(vec![vec![Button::action(
            Msg::new("button-cancel"),
            Action::Cancel,
        )]]);
        turn.send(vec![Msg::new("agency-too-short")], keyboard);
        turn.state = State::Agency(AgencyState::Asking);
        return Ok(());
    }
    let staff = turn.role().is_some();
    let mut text = Vec::new();
    let mut rows: Vec<Vec<Button>> = Vec::new();
    if registry.is_empty() {
        text.push(Msg::new("agency-no-list"));
        text.push(how_to_check());
    } else if found.total == 0 {
        text.push(Msg::new("agency-not-found").arg("name", typed));
        if let Some(reported) = registry.reported(typed) {
            text.push(reported_msg(turn, reported.at));
        }
        // A longer name than a listed one ("… Internasional"): similar, not the same.
        let begins = registry.begun_by(typed);
        if !begins.is_empty() {
            text.push(Msg::new("agency-similar-listed"));
            for listed in begins {
                text.extend(entry_msgs(turn, &registry, listed));
            }
            text.push(Msg::new("agency-check-letters"));
        }
        text.push(how_to_check());
    } else {
        text.push(if found.only_similar() {
            Msg::new("agency-similar").arg("name", typed)
        } else if found.total > found.hits.len() {
            Msg::new("agency-found-many")
                .arg("shown", found.hits.len() as i64)
                .arg("count", found.total as i64)
        } else {
            Msg::new("agency-found").arg("count", found.total as i64)
        });
        for (listed, _) in &found.hits {
            text.extend(entry_msgs(turn, &registry, listed));
            if staff {
                rows.push(vec![mark_button(&registry, listed)]);
            }
        }
        if found.hits.iter().any(|(_, m)| *m == Match::Similar)
            || found
                .hits
                .iter()
                .all(|(_, m)| *m != Match::Exact && *m != Match::Licence)
        {
            text.push(Msg::new("agency-check-letters"));
        }
    }
    if let Some(date) = registry.listed_on {
        text.push(Msg::new("agency-list-date").arg("date", day(date)));
    }
    if staff && found.total == 0 && !registry.is_empty() {
        rows.push(vec![typed_mark_button(&registry, typed)]);
    }
    rows.push(vec![
        Button::action(Msg::new("agency-button-again"), AgencyAction::Ask.into()),
        Page::MigrationBrokers.button(),
    ]);
    rows.push(vec![pillars::ask_button(), menu::menu_button()]);
    turn.send(text, Keyboard::Inline(rows));
    turn.state = State::Agency(AgencyState::Shown {
        query: typed.to_owned(),
    });
    Ok(())
}

/// More than a name: a sentence or a pasted advert (many words, a line break, a question).
fn looks_like_a_message(text: &str) -> bool {
    text.trim().contains('\n') || text.contains('?') || text.split_whitespace().count() > 8
}

/// The companies named in the message kept for an officer (a forwarded job offer).
async fn check_held(turn: &mut Turn<'_>) -> Result<()> {
    let State::Pillars(pillars::PillarsState::FaqOffered { held }) = turn.state.clone() else {
        super::fallback::old_button(turn);
        return Ok(());
    };
    check_text(turn, &held.text).await
}

/// The companies a message names, each as the list has it or not on it.
async fn check_text(turn: &mut Turn<'_>, text: &str) -> Result<()> {
    let registry = turn.agencies().await?;
    let mentioned = registry.mentioned(text);
    let mut text = Vec::new();
    if registry.is_empty() {
        text.push(Msg::new("agency-no-list"));
        text.push(how_to_check());
    } else if mentioned.is_empty() {
        text.push(Msg::new("agency-none-in-message"));
    } else {
        text.push(Msg::new("agency-in-message"));
        for listed in &mentioned.found {
            text.extend(entry_msgs(turn, &registry, listed));
        }
        let mut similar = false;
        for (name, begins) in &mentioned.unlisted {
            text.push(Msg::new("agency-not-found").arg("name", name.as_str()));
            if let Some(reported) = registry.reported(name) {
                text.push(reported_msg(turn, reported.at));
            }
            // A listed company whose name the one written begins with: similar, not the same.
            if !begins.is_empty() {
                similar = true;
                text.push(Msg::new("agency-similar-listed"));
                for listed in begins {
                    text.extend(entry_msgs(turn, &registry, listed));
                }
            }
        }
        if !mentioned.found.is_empty() || similar {
            text.push(Msg::new("agency-check-letters"));
        }
        if !mentioned.unlisted.is_empty() {
            text.push(how_to_check());
        }
    }
    if let Some(date) = registry.listed_on {
        text.push(Msg::new("agency-list-date").arg("date", day(date)));
    }
    // A new message: the one with «send to an officer» stays, and so does the message kept.
    turn.send(
        text,
        Keyboard::Inline(vec![
            vec![ask_button(), Page::MigrationBrokers.button()],
            vec![menu::menu_button()],
        ]),
    );
    Ok(())
}

/// Whether a message someone sent might be a job offer or name a company, so that the bot
/// offers to check it.
pub(crate) fn worth_checking(text: &str) -> bool {
    const WORDS: [&str; 12] = [
        "pt",
        "lowongan",
        "loker",
        "p3mi",
        "pjtki",
        "agensi",
        "agency",
        "agen",
        "sponsor",
        "perusahaan",
        "rekrut",
        "recruitment",
    ];
    crate::domain::area::search_key(text)
        .split(' ')
        .any(|w| WORDS.contains(&w))
}

/// Staff: mark (or unmark) a company as reported, then the results again.
async fn mark(turn: &mut Turn<'_>, name: &str, reported: bool) -> Result<()> {
    let Some(user_id) = turn.user_id().filter(|_| turn.role().is_some()) else {
        super::fallback::not_an_officer(turn);
        return Ok(());
    };
    let registry = turn.agencies().await?;
    if !reported {
        // A mark is taken off by the officer who made it, or by an admin.
        let by = registry.reported(name).and_then(|r| r.by);
        if !turn.is_admin() && by.is_some_and(|by| by != user_id) {
            turn.notice(Msg::new("agency-unmark-not-yours"), true);
            return Ok(());
        }
    }
    let changed = if reported {
        store::agencies::mark_reported(turn.tx, name, user_id, turn.now).await?
    } else {
        store::agencies::unmark(turn.tx, name).await?
    };
    if changed {
        store::audit::record(
            turn.tx,
            user_id,
            if reported {
                "agency.report"
            } else {
                "agency.unreport"
            },
            name,
            turn.now,
        )
        .await?;
    }
    turn.notice(
        Msg::new(if reported {
            "agency-marked"
        } else {
            "agency-unmarked"
        }),
        false,
    );
    let query = match &turn.state {
        State::Agency(AgencyState::Shown { query }) => query.clone(),
        _ => name.to_owned(),
    };
    check(turn, &query).await
}

/// An admin's list of companies (see `engine::sheet::document`): all of it, or nothing and
/// every problem by line.
pub(crate) async fn import_file(turn: &mut Turn<'_>, csv: &[u8]) -> Result<()> {
    let keyboard = Keyboard::Inline(vec![vec![ask_button()], vec![menu::menu_button()]]);
    let Some(user_id) = turn.user_id().filter(|_| turn.is_admin()) else {
        turn.send(vec![Msg::new("agency-import-admins-only")], keyboard);
        return Ok(());
    };
    match load(
        turn.tx,
        csv,
        Some(user_id),
        turn.settings.timezone,
        turn.now,
    )
    .await?
    {
        Ok((count, newest)) => {
            turn.send(
                vec![
                    Msg::new("agency-import-done")
                        .arg("count", count as i64)
                        .arg("date", day(newest)),
                ],
                keyboard,
            );
        }
        Err(errors) => {
            let mut text = sheet::report("agency-import-failed", &errors, problem_msg);
            text.push(Msg::new("agency-import-columns"));
            turn.send(text, keyboard);
        }
    }
    Ok(())
}

/// Loads a list of companies (from the bot, `by` its admin, or from the command line): all of
/// it, replacing the list, with how many and the list's newest date; or every problem, and
/// nothing changes. A load from the bot is audited.
pub(crate) async fn load(
    tx: &mut Tx,
    csv: &[u8],
    by: Option<i64>,
    tz: chrono_tz::Tz,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Result<(usize, NaiveDate), Vec<agency::LineError>>> {
    let today = now.with_timezone(&tz).date_naive();
    let rows = match agency::parse(csv, today) {
        Ok(rows) => rows,
        Err(errors) => return Ok(Err(errors)),
    };
    let agencies: Vec<_> = rows.into_iter().map(|(_, agency)| agency).collect();
    let newest = agencies.iter().map(|a| a.listed_on).max().unwrap_or(today);
    store::agencies::replace(tx, &agencies, by, now).await?;
    if let Some(by) = by {
        let detail = format!("{} companies, list of {newest}", agencies.len());
        store::audit::record(tx, by, "agency.import", &detail, now).await?;
    }
    Ok(Ok((agencies.len(), newest)))
}

/// Whether a CSV is a list of companies (its header names a licence number).
pub(crate) fn is_agency_list(csv: &[u8]) -> bool {
    agency::is_agency_list(csv)
}

fn problem_msg(problem: &Problem) -> Msg {
    match problem {
        Problem::Sheet(problem) => sheet::problem(problem),
        Problem::NoRows => Msg::new("agency-import-no-rows"),
        Problem::Empty(column) => Msg::new("agency-import-empty").arg("column", *column),
        Problem::TooLong(column, max) => Msg::new("agency-import-too-long")
            .arg("column", *column)
            .arg("max", *max as i64),
        Problem::Status => Msg::new("agency-import-status"),
        Problem::Date => Msg::new("agency-import-date"),
        Problem::AmbiguousDate => Msg::new("agency-import-ambiguous-date"),
        Problem::FutureDate => Msg::new("agency-import-future-date"),
        Problem::Repeated(line) => Msg::new("agency-import-repeated").arg("line", *line as i64),
    }
}

/// One company as the list has it, then an officer's mark if there is one.
fn entry_msgs(turn: &Turn<'_>, registry: &Registry, listed: &Listed) -> Vec<Msg> {
    let agency = &listed.agency;
    let address = if agency.address.is_empty() {
        Msg::new("agency-no-address")
    } else {
        Msg::new("agency-address").arg("address", agency.address.as_str())
    };
    let mut entry = Msg::new(format!("agency-entry-{}", agency.status.code()))
        .arg("name", agency.name.as_str())
        .arg("licence", agency.licence_number.as_str())
        .arg("address", address);
    if agency.status != AgencyStatus::Active {
        entry = entry.arg("date", day(agency.listed_on));
    }
    let mut text = vec![entry];
    if let Some(reported) = registry.reported(&agency.name) {
        text.push(reported_msg(turn, reported.at));
    }
    text
}

fn reported_msg(turn: &Turn<'_>, at: i64) -> Msg {
    let date = chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&turn.settings.timezone).date_naive())
        .unwrap_or_default();
    Msg::new("agency-reported").arg("date", day(date))
}

/// A name short enough for a button.
fn on_button(name: &str) -> String {
    const MAX: usize = 28;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        format!(
            "{}…",
            name.chars().take(MAX - 1).collect::<String>().trim_end()
        )
    }
}

fn mark_button(registry: &Registry, listed: &Listed) -> Button {
    let name = listed.agency.name.as_str();
    if registry.reported(name).is_some() {
        Button::action(
            Msg::new("agency-button-unmark").arg("name", on_button(name)),
            AgencyAction::Unreport(listed.id).into(),
        )
    } else {
        Button::action(
            Msg::new("agency-button-mark").arg("name", on_button(name)),
            AgencyAction::Report(listed.id).into(),
        )
    }
}

fn typed_mark_button(registry: &Registry, typed: &str) -> Button {
    if registry.reported(typed).is_some() {
        Button::action(
            Msg::new("agency-button-unmark").arg("name", on_button(typed)),
            AgencyAction::UnreportTyped.into(),
        )
    } else {
        Button::action(
            Msg::new("agency-button-mark").arg("name", on_button(typed)),
            AgencyAction::ReportTyped.into(),
        )
    }
}

/// The official ways to check a company and to report a broker.
fn how_to_check() -> Msg {
    Msg::new("agency-how-to-check")
}

/// «30 November 2026».
pub(crate) fn day(date: NaiveDate) -> Msg {
    Msg::new("date-day")
        .arg("day", date.day().to_string())
        .arg("month", Msg::new(format!("date-month-{}", date.month())))
        // As text: a number would be written «2.026».
        .arg("year", date.year().to_string())
}
