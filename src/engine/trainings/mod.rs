//! Trainings: the catalogue, sign-ups with a waitlist, reminders, and the officers' tools
//! (writing, importing, changing, closing and cancelling trainings, participant lists).
//!
//! Seats are taken by SQL that checks capacity itself (`store::signups`), inside the update's
//! `BEGIN IMMEDIATE` transaction, so no seat is sold twice however many people press at once.
//! Whenever a seat frees up, the people waiting longest get it and are told.

mod action;
mod browse;
mod import;
mod officer;
mod reminders;
mod state;

pub use action::TrainingAction;
pub use state::{Draft, Field, TrainingState};

pub(crate) use import::{console_import, import_csv};
pub use officer::check_form;
pub(crate) use officer::console_save;
pub(crate) use reminders::due_reminders;

use super::{Action, Button, Event, Keyboard, Msg, Reply, ReplyKind, Result, fallback, turn::Turn};
use crate::domain::{
    FieldError, Language,
    staff::{Area, Scope},
};
use crate::store::{
    Tx,
    outbox::Priority,
    signups,
    trainings::{Seen, Training},
    unix, users,
};

/// Whose list of trainings the sender sees: their area's as staff, else their village's.
pub(super) async fn seen_by(turn: &mut Turn<'_>) -> Result<Seen> {
    if let Some((_, scope)) = turn.role() {
        return Ok(Seen::Staff(scope));
    }
    let village = match turn.user_id() {
        Some(user_id) => crate::store::profiles::find(turn.tx, user_id)
            .await?
            .and_then(|p| p.village_code),
        None => None,
    };
    Ok(Seen::Person(village))
}

/// May the sender change this training (edit, close, cancel, see who signed up)? Staff whose
/// area covers the training's: a national one is the admins'.
pub(super) fn may_manage(turn: &Turn<'_>, training: &Training) -> bool {
    turn.role()
        .is_some_and(|(_, scope)| scope.covers(training.area))
}

/// The areas the sender may make trainings for: the country for an admin, else each of
/// their regencies or villages.
pub(super) fn own_areas(turn: &Turn<'_>) -> Vec<Area> {
    turn.role()
        .map_or_else(Vec::new, |(_, scope)| areas_of(&scope))
}

/// The areas of staff over `scope` that a training can be for.
pub fn areas_of(scope: &Scope) -> Vec<Area> {
    match scope {
        Scope::Country => vec![Area::Country],
        Scope::Regencies(regencies) => regencies.iter().copied().map(Area::Regency).collect(),
        Scope::Villages(villages) => villages.iter().copied().map(Area::Village).collect(),
    }
}

/// The main menu's way in.
pub(crate) fn menu_button() -> Button {
    button(
        Msg::new("menu-button-trainings"),
        TrainingAction::List { page: 1 },
    )
}

/// `/trainings`: the upcoming trainings.
pub(crate) async fn list(turn: &mut Turn<'_>) -> Result<()> {
    browse::list(turn, 1).await
}

/// `/newtraining`: officers write a training step by step.
pub(crate) async fn new_training(turn: &mut Turn<'_>) -> Result<()> {
    officer::start_draft(turn).await
}

/// Opens one training (`/start training-<id>` from a poster's QR code).
pub(crate) async fn open(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    browse::open(turn, training_id).await
}

pub(crate) async fn on_action(turn: &mut Turn<'_>, action: TrainingAction) -> Result<()> {
    use TrainingAction as A;
    match action {
        A::List { page } => browse::list(turn, page).await,
        A::Open(id) => browse::open(turn, id).await,
        A::Join(id) => browse::join(turn, id).await,
        A::Mine => browse::mine(turn).await,
        A::Leave(id) => browse::ask_leave(turn, id).await,
        A::LeaveConfirmed(id) => browse::leave(turn, id).await,
        officers_only => {
            if turn.role().is_none() {
                fallback::not_an_officer(turn);
                return Ok(());
            }
            officer::on_action(turn, officers_only).await
        }
    }
}

/// Text and files while an officer works on a training.
pub(crate) async fn on_event(
    turn: &mut Turn<'_>,
    state: TrainingState,
    event: &Event,
) -> Result<()> {
    if turn.role().is_none() {
        // No longer staff (rights ended, ADMIN_IDS changed): nothing to carry on with.
        turn.state = super::State::Idle;
        return fallback::hint(turn, event).await;
    }
    officer::on_event(turn, state, event).await
}

/// An officer's trainings CSV (the file's checks are `engine::sheet::document`'s).
pub(crate) async fn import_file(turn: &mut Turn<'_>, csv: &[u8]) -> Result<()> {
    import::import_file(turn, csv).await
}

/// For registration, when it is done: if the user had tried to sign up for a training before
/// registering, shows them that training again so they can finish signing up.
pub(crate) async fn after_registration(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let Some(training_id) = signups::take_wish(turn.tx, user_id).await? else {
        return Ok(());
    };
    browse::show_again(turn, training_id).await
}

/// For erasure, BEFORE the user row is deleted: gives up the user's seats, so the people
/// waiting get them, and forgets their wish.
/// Returns the lists of participants shown in organisers' chats that named the person, as
/// (chat, message), to be replaced.
pub(crate) async fn on_erase(turn: &mut Turn<'_>, user_id: i64) -> Result<Vec<(i64, i32)>> {
    let trainings = signups::remove_all(turn.tx, user_id).await?;
    for training_id in &trainings {
        fill_free_seats(turn, *training_id).await?;
    }
    signups::take_wish(turn.tx, user_id).await?;
    Ok(signups::take_lists(turn.tx, &trainings).await?)
}

/// For /mydata: the user's sign-ups (and the training they wanted before registering).
pub(crate) async fn export(tx: &mut Tx, user_id: i64) -> Result<serde_json::Value> {
    let time = |unix: i64| {
        chrono::DateTime::<chrono::Utc>::from_timestamp(unix, 0).map(|t| t.to_rfc3339())
    };
    let sign_ups: Vec<serde_json::Value> = signups::of_user(tx, user_id, None)
        .await?
        .into_iter()
        .map(|s| {
            serde_json::json!({
                "training_id": s.training.id,
                "title_id": s.training.details.title_id.as_str(),
                "title_en": s.training.details.title_en.as_str(),
                "starts_at": time(s.training.details.starts_at),
                "location": s.training.details.location.as_str(),
                "training_status": s.training.status.code(),
                "status": s.status.code(),
                "signed_up_at": time(s.signed_up_at),
                "booked_at": s.booked_at.and_then(time),
            })
        })
        .collect();
    let wish = signups::wished(tx, user_id).await?.map(
        |(training_id, wished_at)| serde_json::json!({ "training_id": training_id, "wished_at": time(wished_at) }),
    );
    Ok(serde_json::json!({ "sign_ups": sign_ups, "wanted_before_registering": wish }))
}

fn button(label: Msg, action: TrainingAction) -> Button {
    Button::action(label, Action::Training(action))
}

fn list_button() -> Button {
    button(
        Msg::new("training-button-list"),
        TrainingAction::List { page: 1 },
    )
}

fn mine_button() -> Button {
    button(Msg::new("training-button-mine"), TrainingAction::Mine)
}

/// A message about a training with its title (in `lang`), time and place.
fn about(id: &str, training: &Training, lang: Language) -> Msg {
    Msg::new(id)
        .arg("title", training.details.title(lang))
        .arg("time", super::Arg::Time(training.details.starts_at))
        .arg("place", training.details.location.as_str())
}

/// A message to someone who did not just write (a freed seat, a reminder, a change).
fn notice_to(user_id: i64, lang: Language, text: Vec<Msg>, keyboard: Keyboard) -> Reply {
    Reply {
        chat_id: user_id,
        lang,
        priority: Priority::Bulk,
        subject: None,
        kind: ReplyKind::Message { text, keyboard },
    }
}

/// Gives a training's free seats to the people waiting longest, and tells them.
async fn fill_free_seats(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(training) = crate::store::trainings::find(turn.tx, training_id).await? else {
        return Ok(());
    };
    let takes_place = training.status != crate::domain::TrainingStatus::Cancelled
        && training.details.starts_at > unix(turn.now);
    if !takes_place {
        return Ok(());
    }
    for user_id in signups::promote(turn.tx, training_id, turn.now).await? {
        let lang = users::language_of(turn.tx, user_id, turn.settings.default_language).await?;
        let keyboard = Keyboard::Inline(vec![
            vec![button(
                Msg::new("training-button-details"),
                TrainingAction::Open(training_id),
            )],
            vec![mine_button()],
        ]);
        turn.push_reply(notice_to(
            user_id,
            lang,
            vec![about("training-promoted", &training, lang)],
            keyboard,
        ));
    }
    Ok(())
}

/// A typed date that could be either of two days, asked back with both readings in words and
/// the first written the way that cannot be misread («10 Desember 2026 09.00»).
pub(crate) fn ambiguous(typed: &str) -> Msg {
    use crate::domain::when::{Read, read};
    let Read::Either(first, second) = read(typed, None) else {
        return Msg::new("training-invalid-ambiguous");
    };
    let spelled = |at: chrono::NaiveDateTime| super::agencies::day(at.date());
    Msg::new("training-invalid-ambiguous-which")
        .arg("typed", typed.trim())
        .arg("first", spelled(first))
        .arg("second", spelled(second))
        .arg(
            "example",
            Msg::new("training-example-at")
                .arg("date", spelled(first))
                .arg("clock", first.format("%H.%M").to_string()),
        )
}

/// What is wrong with a typed value, in words.
fn invalid(error: FieldError) -> Msg {
    match error {
        FieldError::Empty => Msg::new("training-invalid-empty"),
        FieldError::TooShort(min) => Msg::new("training-invalid-too-short").arg("min", min as i64),
        FieldError::TooLong(max) => Msg::new("training-invalid-too-long").arg("max", max as i64),
        FieldError::UnknownCategory => Msg::new("training-invalid-category"),
        FieldError::TimeFormat => Msg::new("training-invalid-time-format"),
        FieldError::NoTime => Msg::new("training-invalid-no-time"),
        FieldError::Ambiguous => Msg::new("training-invalid-ambiguous"),
        FieldError::NoSuchTime => Msg::new("training-invalid-no-such-time"),
        FieldError::InThePast => Msg::new("training-invalid-past"),
        FieldError::NotANumber => Msg::new("training-invalid-not-a-number"),
        FieldError::CapacityRange => Msg::new("training-invalid-capacity-range"),
    }
}
