//! The officers' side: writing a training step by step, changing, closing and cancelling one
//! (everyone signed up is told), and the participant list as a file.

use chrono::{DateTime, Utc};

use super::browse::{describe, not_found, open, screen};
use super::state::{Draft, Field, TrainingState};
use super::{TrainingAction, about, button, fill_free_seats, invalid, list_button, notice_to};
use crate::domain::training::format_start;
use crate::domain::training_csv::COLUMNS;
use crate::domain::{Category, Language, TrainingDetails, TrainingStatus};
use crate::engine::{
    Action, Arg, Button, Event, Keyboard, Msg, ReplyKind, Result, State, fallback, turn::Turn,
};
use crate::store::export::Table;
use crate::store::{
    audit, signups,
    trainings::{self, Training},
    unix,
};

pub(super) async fn on_action(turn: &mut Turn<'_>, action: TrainingAction) -> Result<()> {
    use TrainingAction as A;
    // Another area's training (a forged button, or rights that ended) is like one not there.
    let about = match action {
        A::Edit(id)
        | A::EditField(id, _)
        | A::EditCategory(id, _)
        | A::Close(id)
        | A::Reopen(id)
        | A::Cancel(id)
        | A::CancelConfirmed(id)
        | A::Participants(id)
        | A::People(id, _) => Some(id),
        _ => None,
    };
    if let Some(id) = about
        && !manages(turn, id).await?
    {
        turn.state = State::Idle;
        return not_found(turn);
    }
    match action {
        A::New => start_draft(turn).await,
        A::DraftCategory(category) => draft_category(turn, category).await,
        A::DraftSkipEnglish(field) => skip_english(turn, field).await,
        A::DraftChange(field) => change_draft(turn, field).await,
        A::DraftPreview => back_to_preview(turn).await,
        A::SaveDraft => save_draft(turn, None).await,
        A::SaveDraftFor(area) => save_draft(turn, Some(area)).await,
        A::Template => {
            template(turn);
            Ok(())
        }
        A::Edit(id) => edit_menu(turn, id).await,
        A::EditField(id, field) => edit_field(turn, id, field).await,
        A::EditCategory(id, category) => edit_category(turn, id, category).await,
        A::Close(id) => set_open(turn, id, false).await,
        A::Reopen(id) => set_open(turn, id, true).await,
        A::Cancel(id) => ask_cancel(turn, id).await,
        A::CancelConfirmed(id) => cancel(turn, id).await,
        A::Participants(id) => participants(turn, id).await,
        A::People(id, page) => people(turn, id, page).await,
        // Everybody's buttons are handled before officers' ones.
        A::List { .. } | A::Open(_) | A::Join(_) | A::Mine | A::Leave(_) | A::LeaveConfirmed(_) => {
            Ok(())
        }
    }
}

pub(super) async fn on_event(
    turn: &mut Turn<'_>,
    state: TrainingState,
    event: &Event,
) -> Result<()> {
    match state {
        TrainingState::Drafting { draft, awaiting } => {
            draft_input(turn, draft, awaiting, event).await
        }
        TrainingState::Previewing { details } => {
            let mut text = preview(turn, &details).await?;
            text.insert(0, Msg::new("training-preview-waiting"));
            let keyboard = preview_keyboard(turn).await?;
            turn.show(text, keyboard);
            Ok(())
        }
        TrainingState::Editing {
            training_id,
            awaiting,
        } => {
            if !manages(turn, training_id).await? {
                turn.state = State::Idle;
                return not_found(turn);
            }
            edit_input(turn, training_id, awaiting, event).await
        }
    }
}

/// Is training `id` there and the sender's to manage?
async fn manages(turn: &mut Turn<'_>, id: i64) -> Result<bool> {
    Ok(trainings::find(turn.tx, id)
        .await?
        .is_some_and(|t| super::may_manage(turn, &t)))
}

/// The officer's part of a training's screen: the poster link, the numbers and the tools.
pub(super) fn add_tools(
    turn: &Turn<'_>,
    training: &Training,
    area: Msg,
    text: &mut Vec<Msg>,
    rows: &mut Vec<Vec<Button>>,
) {
    let id = training.id;
    text.push(
        Msg::new("training-officer-summary")
            .arg("status", Msg::new(training.status.message_id()))
            .arg("booked", training.booked)
            .arg("capacity", i64::from(training.details.capacity.get()))
            .arg("waiting", training.waiting),
    );
    text.push(Msg::new("training-officer-area").arg("area", area));
    if let Some(bot) = &turn.settings.bot_username {
        text.push(
            Msg::new("training-officer-link")
                .arg("link", format!("https://t.me/{bot}?start=training-{id}")),
        );
    }
    let participants = vec![
        button(
            Msg::new("training-button-people"),
            TrainingAction::People(id, 0),
        ),
        button(
            Msg::new("training-button-participants"),
            TrainingAction::Participants(id),
        ),
    ];
    if training.status == TrainingStatus::Cancelled {
        rows.push(participants);
        return;
    }
    rows.push(participants);
    rows.push(vec![button(
        Msg::new("training-button-edit"),
        TrainingAction::Edit(id),
    )]);
    let open_or_close = match training.status {
        TrainingStatus::Closed => button(
            Msg::new("training-button-reopen"),
            TrainingAction::Reopen(id),
        ),
        _ => button(Msg::new("training-button-close"), TrainingAction::Close(id)),
    };
    rows.push(vec![
        open_or_close,
        button(
            Msg::new("training-button-cancel-training"),
            TrainingAction::Cancel(id),
        ),
    ]);
}

fn working_on(turn: &mut Turn<'_>, state: TrainingState) {
    turn.state = State::Training(Box::new(state));
}

/// What the officer is doing with a training, if anything.
fn current(turn: &Turn<'_>) -> Option<TrainingState> {
    match &turn.state {
        State::Training(state) => Some(state.as_ref().clone()),
        _ => None,
    }
}

fn cancel_button() -> Button {
    Button::action(Msg::new("button-cancel"), Action::Cancel)
}

/// The question for one part of a training.
fn question(turn: &Turn<'_>, field: Field) -> Msg {
    match field {
        Field::TitleId => Msg::new("training-ask-title-id"),
        Field::TitleEn => Msg::new("training-ask-title-en"),
        Field::Category => Msg::new("training-ask-category"),
        Field::StartsAt => {
            let tz = turn.settings.timezone;
            let next_week = (turn.now + chrono::Duration::days(7)).with_timezone(&tz);
            Msg::new("training-ask-starts-at")
                .arg("example", format!("{} 09.00", next_week.format("%d/%m/%Y")))
                .arg("zone", next_week.format("%Z").to_string())
        }
        Field::Location => Msg::new("training-ask-location"),
        Field::Capacity => Msg::new("training-ask-capacity"),
        Field::DescriptionId => Msg::new("training-ask-description-id"),
        Field::DescriptionEn => Msg::new("training-ask-description-en"),
    }
}

fn field_name(field: Field) -> Msg {
    match field {
        Field::TitleId => Msg::new("training-field-title-id"),
        Field::TitleEn => Msg::new("training-field-title-en"),
        Field::Category => Msg::new("training-field-category"),
        Field::StartsAt => Msg::new("training-field-starts-at"),
        Field::Location => Msg::new("training-field-location"),
        Field::Capacity => Msg::new("training-field-capacity"),
        Field::DescriptionId => Msg::new("training-field-description-id"),
        Field::DescriptionEn => Msg::new("training-field-description-en"),
    }
}

/// The categories as buttons, two to a row.
fn category_rows(action: impl Fn(Category) -> TrainingAction) -> Vec<Vec<Button>> {
    Category::ALL
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|c| button(Msg::new(c.message_id()), action(*c)))
                .collect()
        })
        .collect()
}

fn draft_keyboard(field: Field) -> Keyboard {
    let mut rows = draft_rows(field);
    rows.push(vec![cancel_button()]);
    Keyboard::Inline(rows)
}

/// The buttons a part of a new training is asked with, if any (the way out aside).
fn draft_rows(field: Field) -> Vec<Vec<Button>> {
    match field {
        Field::Category => category_rows(TrainingAction::DraftCategory),
        // English is optional: without it, everyone reads the Indonesian.
        Field::TitleEn | Field::DescriptionEn => vec![vec![button(
            Msg::new("training-button-skip-english"),
            TrainingAction::DraftSkipEnglish(field),
        )]],
        _ => Vec::new(),
    }
}

/// What was typed, if it was text (forwarded text too: a description may come from elsewhere).
fn typed(event: &Event) -> Option<&str> {
    match event {
        Event::Text { text, .. } => Some(text),
        _ => None,
    }
}

pub(super) async fn start_draft(turn: &mut Turn<'_>) -> Result<()> {
    working_on(
        turn,
        TrainingState::Drafting {
            draft: Draft::default(),
            awaiting: Field::TitleId,
        },
    );
    let text = vec![
        Msg::new("training-new-intro"),
        question(turn, Field::TitleId),
    ];
    let keyboard = Keyboard::Inline(vec![
        vec![button(
            Msg::new("training-button-template"),
            TrainingAction::Template,
        )],
        vec![cancel_button()],
    ]);
    turn.show(text, keyboard);
    Ok(())
}

/// The same question again, after what was wrong with the answer.
fn ask_again(turn: &mut Turn<'_>, problem: Msg, field: Field) {
    let text = vec![problem, question(turn, field)];
    turn.show(text, draft_keyboard(field));
}

async fn draft_input(
    turn: &mut Turn<'_>,
    mut draft: Draft,
    awaiting: Field,
    event: &Event,
) -> Result<()> {
    let Some(text) = typed(event) else {
        ask_again(turn, Msg::new("training-invalid-not-text"), awaiting);
        return Ok(());
    };
    match draft.set(awaiting, text, turn.settings.timezone, turn.now) {
        Ok(()) => next_step(turn, draft).await?,
        Err(crate::domain::FieldError::Ambiguous) => {
            ask_again(turn, super::ambiguous(text), awaiting)
        }
        Err(error) => ask_again(turn, invalid(error), awaiting),
    }
    Ok(())
}

async fn draft_category(turn: &mut Turn<'_>, category: Category) -> Result<()> {
    let Some(TrainingState::Drafting {
        mut draft,
        awaiting: Field::Category,
    }) = current(turn)
    else {
        fallback::old_button(turn);
        return Ok(());
    };
    draft.category = Some(category);
    next_step(turn, draft).await
}

/// «Indonesian only» for the English title or description being asked for.
async fn skip_english(turn: &mut Turn<'_>, field: Field) -> Result<()> {
    let Some(TrainingState::Drafting {
        mut draft,
        awaiting,
    }) = current(turn)
    else {
        fallback::old_button(turn);
        return Ok(());
    };
    if awaiting != field || !draft.same_as_indonesian(field) {
        fallback::old_button(turn);
        return Ok(());
    }
    next_step(turn, draft).await
}

/// «✏️» on the preview: that part is asked again, then the preview comes back.
async fn change_draft(turn: &mut Turn<'_>, field: Field) -> Result<()> {
    let Some(TrainingState::Previewing { details }) = current(turn) else {
        fallback::old_button(turn);
        return Ok(());
    };
    let current = current_value(&details, field, turn.settings.timezone);
    let draft = Draft::from(details);
    working_on(
        turn,
        TrainingState::Drafting {
            draft,
            awaiting: field,
        },
    );
    // Back to the preview, or «✖️ Batal» for the whole training (as everywhere).
    let mut rows = draft_rows(field);
    rows.push(vec![button(
        Msg::new("training-button-back-to-preview"),
        TrainingAction::DraftPreview,
    )]);
    rows.push(vec![cancel_button()]);
    turn.show(
        vec![
            question(turn, field),
            Msg::new("training-edit-current").arg("value", current),
        ],
        Keyboard::Inline(rows),
    );
    Ok(())
}

/// «⬅️ Kembali ke pratinjau» while changing a part: the training as it was.
async fn back_to_preview(turn: &mut Turn<'_>) -> Result<()> {
    match current(turn) {
        Some(TrainingState::Drafting { draft, .. }) if draft.complete().is_some() => {
            next_step(turn, draft).await
        }
        _ => {
            fallback::old_button(turn);
            Ok(())
        }
    }
}

/// Asks for the next part, or shows the whole training for a last look.
async fn next_step(turn: &mut Turn<'_>, draft: Draft) -> Result<()> {
    match (draft.missing(), draft.complete()) {
        (None, Some(details)) => {
            let mut text = vec![Msg::new("training-preview")];
            text.extend(preview(turn, &details).await?);
            working_on(turn, TrainingState::Previewing { details });
            let keyboard = preview_keyboard(turn).await?;
            turn.show(text, keyboard);
        }
        (next, _) => {
            let next = next.unwrap_or(Field::TitleId);
            let text = vec![question(turn, next)];
            working_on(
                turn,
                TrainingState::Drafting {
                    draft,
                    awaiting: next,
                },
            );
            turn.show(text, draft_keyboard(next));
        }
    }
    Ok(())
}

/// Both languages, and whom it is for, for the officer to check.
async fn preview(turn: &mut Turn<'_>, details: &TrainingDetails) -> Result<Vec<Msg>> {
    let areas = super::own_areas(turn);
    // English the same as the Indonesian: there is none, and everyone reads the Indonesian.
    let english = |en: &str, id: &str| -> Arg {
        if en == id {
            Arg::Msg(Box::new(Msg::new("training-same-as-indonesian")))
        } else {
            Arg::Text(en.to_owned())
        }
    };
    let mut text = vec![
        Msg::new("training-preview-details")
            .arg("title_id", details.title_id.as_str())
            .arg(
                "title_en",
                english(details.title_en.as_str(), details.title_id.as_str()),
            )
            .arg("category", Msg::new(details.category.message_id()))
            .arg("time", Arg::Time(details.starts_at))
            .arg("place", details.location.as_str())
            .arg("capacity", i64::from(details.capacity.get())),
        Msg::new("training-preview-description-id").arg("text", details.description_id.as_str()),
        Msg::new("training-preview-description-en").arg(
            "text",
            english(
                details.description_en.as_str(),
                details.description_id.as_str(),
            ),
        ),
    ];
    match areas.as_slice() {
        [one] => {
            let area = super::super::places::area_name(turn, *one).await?;
            text.push(Msg::new("training-preview-area").arg("area", area));
        }
        _ => text.push(Msg::new("training-preview-choose-area")),
    }
    Ok(text)
}

/// A button for each part of a training, two to a row.
fn field_rows(button: impl Fn(Field) -> Button) -> Vec<Vec<Button>> {
    Field::ALL
        .chunks(2)
        .map(|pair| pair.iter().map(|field| button(*field)).collect())
        .collect()
}

/// «Save», or for staff of several areas «Save for …» for each.
async fn preview_keyboard(turn: &mut Turn<'_>) -> Result<Keyboard> {
    let areas = super::own_areas(turn);
    // ✏️ for each part, to change it before saving.
    let mut rows = field_rows(|field| {
        button(
            Msg::new("training-button-change-field").arg("field", field_name(field)),
            TrainingAction::DraftChange(field),
        )
    });
    if areas.len() == 1 {
        rows.push(vec![button(
            Msg::new("training-button-save"),
            TrainingAction::SaveDraft,
        )]);
    } else {
        for area in areas {
            let name = super::super::places::area_name(turn, area).await?;
            rows.push(vec![button(
                Msg::new("training-button-save-for").arg("area", name),
                TrainingAction::SaveDraftFor(area.to_db()),
            )]);
        }
    }
    rows.push(vec![cancel_button()]);
    Ok(Keyboard::Inline(rows))
}

async fn save_draft(turn: &mut Turn<'_>, chosen: Option<i64>) -> Result<()> {
    let Some(TrainingState::Previewing { details }) = current(turn) else {
        fallback::old_button(turn);
        return Ok(());
    };
    // One of the sender's own areas: the one they have, or the one they chose of theirs.
    let areas = super::own_areas(turn);
    let area = match (chosen, areas.as_slice()) {
        (None, [one]) => *one,
        (Some(code), _) => match areas.iter().find(|a| a.to_db() == code) {
            Some(area) => *area,
            None => {
                fallback::old_button(turn);
                return Ok(());
            }
        },
        (None, _) => {
            fallback::old_button(turn);
            return Ok(());
        }
    };
    if details.starts_at <= unix(turn.now) {
        // The officer took their time and the start went by: ask for it again.
        let mut draft = Draft::from(details);
        draft.starts_at = None;
        working_on(
            turn,
            TrainingState::Drafting {
                draft,
                awaiting: Field::StartsAt,
            },
        );
        ask_again(
            turn,
            invalid(crate::domain::FieldError::InThePast),
            Field::StartsAt,
        );
        return Ok(());
    }
    let id = trainings::insert(turn.tx, &details, area, turn.now).await?;
    turn.state = State::Idle;
    show_with(turn, id, Msg::new("training-saved")).await
}

/// The training's screen with a line on top saying what just happened.
async fn show_with(turn: &mut Turn<'_>, training_id: i64, done: Msg) -> Result<()> {
    let Some(training) = trainings::find(turn.tx, training_id).await? else {
        return not_found(turn);
    };
    let (mut text, keyboard) = screen(turn, &training).await?;
    text.insert(0, done);
    turn.show(text, keyboard);
    Ok(())
}

/// A training that can still be changed; otherwise the officer is shown why not.
async fn changeable(turn: &mut Turn<'_>, training_id: i64) -> Result<Option<Training>> {
    match trainings::find(turn.tx, training_id).await? {
        None => {
            turn.state = State::Idle;
            not_found(turn)?;
            Ok(None)
        }
        Some(training) if training.status == TrainingStatus::Cancelled => {
            turn.state = State::Idle;
            turn.notice(Msg::new("training-cancelled-unchangeable"), true);
            open(turn, training_id).await?;
            Ok(None)
        }
        Some(training) => Ok(Some(training)),
    }
}

async fn edit_menu(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(training) = changeable(turn, training_id).await? else {
        return Ok(());
    };
    let mut rows = field_rows(|field| {
        button(
            field_name(field),
            TrainingAction::EditField(training_id, field),
        )
    });
    rows.push(vec![button(
        Msg::new("button-back"),
        TrainingAction::Open(training_id),
    )]);
    turn.show(
        vec![about("training-edit-choose", &training, turn.lang)],
        Keyboard::Inline(rows),
    );
    Ok(())
}

/// What a part of a training is now, as the officer would type it.
fn current_value(details: &TrainingDetails, field: Field, tz: chrono_tz::Tz) -> String {
    match field {
        Field::TitleId => details.title_id.as_str().to_owned(),
        Field::TitleEn => details.title_en.as_str().to_owned(),
        Field::Category => details.category.code().to_owned(),
        Field::StartsAt => format_start(details.starts_at, tz),
        Field::Location => details.location.as_str().to_owned(),
        Field::Capacity => details.capacity.get().to_string(),
        Field::DescriptionId => details.description_id.as_str().to_owned(),
        Field::DescriptionEn => details.description_en.as_str().to_owned(),
    }
}

fn ask_edit(turn: &mut Turn<'_>, problem: Option<Msg>, training: &Training, field: Field) {
    let current = current_value(&training.details, field, turn.settings.timezone);
    let mut text: Vec<Msg> = problem.into_iter().collect();
    text.push(question(turn, field));
    text.push(Msg::new("training-edit-current").arg("value", current));
    let keyboard = Keyboard::Inline(vec![vec![
        button(Msg::new("button-back"), TrainingAction::Edit(training.id)),
        cancel_button(),
    ]]);
    turn.show(text, keyboard);
}

async fn edit_field(turn: &mut Turn<'_>, training_id: i64, field: Field) -> Result<()> {
    let Some(training) = changeable(turn, training_id).await? else {
        return Ok(());
    };
    if field == Field::Category {
        let mut rows =
            category_rows(|category| TrainingAction::EditCategory(training_id, category));
        rows.push(vec![button(
            Msg::new("button-back"),
            TrainingAction::Edit(training_id),
        )]);
        turn.show(vec![question(turn, field)], Keyboard::Inline(rows));
        return Ok(());
    }
    working_on(
        turn,
        TrainingState::Editing {
            training_id,
            awaiting: field,
        },
    );
    ask_edit(turn, None, &training, field);
    Ok(())
}

async fn edit_input(
    turn: &mut Turn<'_>,
    training_id: i64,
    field: Field,
    event: &Event,
) -> Result<()> {
    let Some(training) = changeable(turn, training_id).await? else {
        return Ok(());
    };
    let Some(text) = typed(event) else {
        ask_edit(
            turn,
            Some(Msg::new("training-invalid-not-text")),
            &training,
            field,
        );
        return Ok(());
    };
    let mut draft = Draft::from(training.details.clone());
    if let Err(error) = draft.set(field, text, turn.settings.timezone, turn.now) {
        let problem = match error {
            crate::domain::FieldError::Ambiguous => super::ambiguous(text),
            error => invalid(error),
        };
        ask_edit(turn, Some(problem), &training, field);
        return Ok(());
    }
    let Some(details) = draft.complete() else {
        return Ok(());
    };
    if i64::from(details.capacity.get()) < training.booked {
        let problem =
            Msg::new("training-invalid-capacity-below-booked").arg("booked", training.booked);
        ask_edit(turn, Some(problem), &training, field);
        return Ok(());
    }
    turn.state = State::Idle;
    save_edit(turn, training, details).await
}

async fn edit_category(turn: &mut Turn<'_>, training_id: i64, category: Category) -> Result<()> {
    let Some(training) = changeable(turn, training_id).await? else {
        return Ok(());
    };
    let details = TrainingDetails {
        category,
        ..training.details.clone()
    };
    save_edit(turn, training, details).await
}

/// Saves a change and tells everyone signed up what the training looks like now.
async fn save_edit(turn: &mut Turn<'_>, before: Training, details: TrainingDetails) -> Result<()> {
    let id = before.id;
    if details == before.details {
        return show_with(turn, id, Msg::new("training-edit-unchanged")).await;
    }
    trainings::update(turn.tx, id, &details, turn.now).await?;
    if details.capacity > before.details.capacity {
        fill_free_seats(turn, id).await?;
    }
    let Some(after) = trainings::find(turn.tx, id).await? else {
        return not_found(turn);
    };
    let details = button(
        Msg::new("training-button-details"),
        TrainingAction::Open(id),
    );
    let told = tell_everyone_signed_up(turn, id, vec![vec![details]], |lang| {
        let mut text = vec![Msg::new("training-changed-notice")];
        text.extend(describe(&after, lang));
        text
    })
    .await?;
    show_with(
        turn,
        id,
        Msg::new("training-edit-saved").arg("people", told),
    )
    .await
}

async fn set_open(turn: &mut Turn<'_>, training_id: i64, open_it: bool) -> Result<()> {
    let Some(_) = changeable(turn, training_id).await? else {
        return Ok(());
    };
    let (status, done) = if open_it {
        (TrainingStatus::Open, "training-reopened")
    } else {
        (TrainingStatus::Closed, "training-closed")
    };
    trainings::set_status(turn.tx, training_id, status, turn.now).await?;
    turn.notice(Msg::new(done), false);
    show_with(turn, training_id, Msg::new(done)).await
}

async fn ask_cancel(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(training) = changeable(turn, training_id).await? else {
        return Ok(());
    };
    let people = training.booked + training.waiting;
    let keyboard = Keyboard::Inline(vec![
        vec![button(
            Msg::new("training-button-cancel-yes"),
            TrainingAction::CancelConfirmed(training_id),
        )],
        vec![button(
            Msg::new("training-button-keep-training"),
            TrainingAction::Open(training_id),
        )],
    ]);
    turn.show(
        vec![about("training-cancel-confirm", &training, turn.lang).arg("people", people)],
        keyboard,
    );
    Ok(())
}

async fn cancel(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(training) = changeable(turn, training_id).await? else {
        return Ok(());
    };
    trainings::set_status(turn.tx, training_id, TrainingStatus::Cancelled, turn.now).await?;
    let told = tell_everyone_signed_up(turn, training_id, vec![vec![list_button()]], |lang| {
        vec![about("training-cancelled-notice", &training, lang)]
    })
    .await?;
    show_with(
        turn,
        training_id,
        Msg::new("training-cancelled-done").arg("people", told),
    )
    .await
}

/// Tells everyone with a seat or on the waitlist, each in their language; returns how many.
async fn tell_everyone_signed_up(
    turn: &mut Turn<'_>,
    training_id: i64,
    buttons: Vec<Vec<Button>>,
    text: impl Fn(Language) -> Vec<Msg>,
) -> Result<i64> {
    let people = signups::recipients(turn.tx, training_id, false).await?;
    for (user_id, lang) in &people {
        let keyboard = Keyboard::Inline(buttons.clone());
        turn.push_reply(notice_to(*user_id, *lang, text(*lang), keyboard));
    }
    Ok(people.len() as i64)
}

/// The participant list as a spreadsheet: seats first, then the waitlist in its order. Like
/// /export, the file is made when it is sent (so no copy of people's data waits in the
/// outbox) and the officer's look at it is recorded.
async fn participants(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let (Some(officer), Some(training)) =
        (turn.user_id(), trainings::find(turn.tx, training_id).await?)
    else {
        return not_found(turn);
    };
    let detail = format!("training {training_id}");
    audit::record(turn.tx, officer, "export.participants", &detail, turn.now).await?;
    let text = vec![
        about("training-participants-caption", &training, turn.lang)
            .arg("booked", training.booked)
            .arg("waiting", training.waiting),
    ];
    let back = button(
        Msg::new("training-button-details"),
        TrainingAction::Open(training_id),
    );
    turn.send(text, Keyboard::Inline(vec![vec![back]]));
    let date = turn
        .now
        .with_timezone(&turn.settings.timezone)
        .format("%Y-%m-%d");
    // Everyone who signed up, from wherever they come: the training is the sender's to run
    // (checked in `on_action`), and its organiser needs to reach every participant.
    turn.push(ReplyKind::Export {
        table: Table::Participants(training_id),
        file_name: format!("training-{training_id}-participants-{date}.csv"),
        scope: crate::domain::staff::Scope::Country,
    });
    Ok(())
}

/// People on one page of the participants shown in the chat.
const PEOPLE_PAGE: usize = 20;

/// The participants in the chat, twenty to a page: those with a seat, then the queue in its
/// order, each with the name, phone number and village (what the file holds, to call them).
/// Page 0 opens the list as a message of its own, recorded so that erasing any participant
/// replaces it; its pages are turned in place.
async fn people(turn: &mut Turn<'_>, training_id: i64, page: u32) -> Result<()> {
    let fresh = page == 0;
    let page = page.max(1);
    let (Some(officer), Some(training)) =
        (turn.user_id(), trainings::find(turn.tx, training_id).await?)
    else {
        return not_found(turn);
    };
    // Everyone who signed up, as in the file (the training is the sender's to run).
    let all = signups::participants(
        turn.tx,
        Some(training_id),
        &crate::domain::staff::Scope::Country,
    )
    .await?;
    let pages = all.len().div_ceil(PEOPLE_PAGE).max(1);
    let page = (page as usize).clamp(1, pages);
    let detail = format!("training {training_id}, page {page}");
    audit::record(turn.tx, officer, "training.participants", &detail, turn.now).await?;
    let unknown = || Msg::new("training-people-unknown");
    let lines: Vec<Msg> = all
        .iter()
        .enumerate()
        .skip((page - 1) * PEOPLE_PAGE)
        .take(PEOPLE_PAGE)
        .map(|(i, p)| {
            let line = match p.position {
                Some(position) => Msg::new("training-people-waiting").arg("position", position),
                None => Msg::new("training-people-booked").arg("number", (i + 1) as i64),
            };
            line.arg(
                "name",
                p.name
                    .clone()
                    .map_or_else(|| Arg::Msg(Box::new(unknown())), Arg::Text),
            )
            .arg(
                "phone",
                p.phone
                    .clone()
                    .map_or_else(|| Arg::Msg(Box::new(unknown())), Arg::Text),
            )
            .arg(
                "village",
                p.village
                    .clone()
                    .map_or_else(|| Arg::Msg(Box::new(unknown())), Arg::Text),
            )
        })
        .collect();
    let mut text = vec![
        about("training-participants-caption", &training, turn.lang)
            .arg("booked", training.booked)
            .arg("waiting", training.waiting),
    ];
    if lines.is_empty() {
        text.push(Msg::new("training-people-none"));
    } else {
        text.push(Msg::new("training-people-page").arg("lines", Arg::Lines(lines)));
        if pages > 1 {
            text.push(
                Msg::new("training-people-pages")
                    .arg("page", page as i64)
                    .arg("pages", pages as i64),
            );
        }
    }
    let mut rows = Vec::new();
    let mut turn_pages = Vec::new();
    if page > 1 {
        turn_pages.push(button(
            Msg::new("training-button-previous"),
            TrainingAction::People(training_id, page as u32 - 1),
        ));
    }
    if page < pages {
        turn_pages.push(button(
            Msg::new("training-button-next"),
            TrainingAction::People(training_id, page as u32 + 1),
        ));
    }
    if !turn_pages.is_empty() {
        rows.push(turn_pages);
    }
    rows.push(vec![
        button(
            Msg::new("training-button-participants"),
            TrainingAction::Participants(training_id),
        ),
        button(
            Msg::new("training-button-details"),
            TrainingAction::Open(training_id),
        ),
    ]);
    let keyboard = Keyboard::Inline(rows);
    if fresh {
        turn.push(ReplyKind::Tagged {
            text,
            keyboard,
            tag: crate::store::outbox::MessageTag::Participants { training_id },
        });
    } else {
        turn.show(text, keyboard);
    }
    Ok(())
}

/// An empty trainings spreadsheet with two example rows, to fill in and send back.
fn template(turn: &mut Turn<'_>) {
    let tz = turn.settings.timezone;
    let at = |days: i64, time: &str| {
        let day: DateTime<Utc> = turn.now + chrono::Duration::days(days);
        format!("{} {time}", day.with_timezone(&tz).format("%Y-%m-%d"))
    };
    let rows = vec![
        COLUMNS.map(String::from),
        [
            "Pelatihan Kewirausahaan",
            "Entrepreneurship Training",
            "business",
            &at(14, "09:00"),
            "Balai Desa",
            "25",
            "Belajar menyusun rencana usaha dan menghitung modal.",
            "Learn to write a business plan and work out the capital you need.",
        ]
        .map(String::from),
        [
            "Literasi Keuangan Keluarga",
            "Family Financial Literacy",
            "finance",
            &at(21, "13:30"),
            "Aula Kantor Desa",
            "30",
            "Mengatur kiriman uang dan menabung untuk masa depan.",
            "Managing remittances and saving for the future.",
        ]
        .map(String::from),
    ];
    turn.push(ReplyKind::Document {
        file_name: "trainings-template.csv".into(),
        content: spreadsheet(&rows),
        caption: vec![Msg::new("training-template-caption")],
    });
}

/// CSV with a byte-order mark, so that spreadsheet programs read it as UTF-8.
fn spreadsheet<const N: usize>(rows: &[[String; N]]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

/// A training written in the console, each part as typed: checked as the bot checks each
/// step. `Err` lists what is wrong with which part.
pub fn check_form(
    typed: &[(Field, String)],
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> std::result::Result<TrainingDetails, Vec<(Field, Msg)>> {
    let mut draft = Draft::default();
    let mut problems = Vec::new();
    for (field, text) in typed {
        // English left empty: the Indonesian is shown to everyone (set after the loop).
        if matches!(field, Field::TitleEn | Field::DescriptionEn) && text.trim().is_empty() {
            continue;
        }
        if let Err(error) = draft.set(*field, text, tz, now) {
            problems.push((*field, invalid(error)));
        }
    }
    for field in [Field::TitleEn, Field::DescriptionEn] {
        let empty = typed
            .iter()
            .all(|(f, text)| *f != field || text.trim().is_empty());
        if empty {
            draft.same_as_indonesian(field);
        }
    }
    if problems.is_empty()
        && let Some(field) = draft.missing()
    {
        problems.push((field, invalid(crate::domain::FieldError::Empty)));
    }
    match draft.complete() {
        Some(details) if problems.is_empty() => Ok(details),
        _ => Err(problems),
    }
}

/// A new training (`id` none), for one of the sender's areas (`area`, as stored, when they
/// have several), or a change to one of theirs, from the console: saved as the bot saves it,
/// and for a change everyone signed up is told. `Err` says why it was not saved.
pub(crate) async fn console_save(
    turn: &mut Turn<'_>,
    id: Option<i64>,
    details: TrainingDetails,
    area: Option<i64>,
) -> Result<std::result::Result<i64, Msg>> {
    if turn.role().is_none() {
        return Ok(Err(Msg::new("officer-only")));
    }
    if details.starts_at <= unix(turn.now) {
        return Ok(Err(invalid(crate::domain::FieldError::InThePast)));
    }
    let Some(id) = id else {
        let areas = super::own_areas(turn);
        let area = match (area, areas.as_slice()) {
            (None, [one]) => *one,
            (Some(code), _) => match areas.iter().find(|a| a.to_db() == code) {
                Some(area) => *area,
                None => return Ok(Err(Msg::new("staff-outside-area"))),
            },
            (None, _) => return Ok(Err(Msg::new("console-training-which-area"))),
        };
        return Ok(Ok(
            trainings::insert(turn.tx, &details, area, turn.now).await?
        ));
    };
    if !manages(turn, id).await? {
        return Ok(Err(Msg::new("console-not-found-body")));
    }
    match changeable(turn, id).await? {
        Some(before) => {
            save_edit(turn, before, details).await?;
            Ok(Ok(id))
        }
        None => Ok(Err(Msg::new("training-cancelled-unchangeable"))),
    }
}
