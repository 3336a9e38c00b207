//! What everybody sees: the list of upcoming trainings, one training, signing up, the
//! waitlist, "my trainings" and giving a seat up.

use super::{TrainingAction, about, button, fill_free_seats, list_button, mine_button};
use crate::domain::TrainingStatus;
use crate::engine::{Keyboard, Msg, Result, menu, turn::Turn};
use crate::store::{
    profiles,
    signups::{self, SignUpStatus},
    trainings::{self, Training},
    unix,
};

/// Trainings on one page of the list.
const PAGE_SIZE: i64 = 6;

pub(super) async fn list(turn: &mut Turn<'_>, page: u32) -> Result<()> {
    let seen = super::seen_by(turn).await?;
    let officer = seen.is_staff();
    let total = trainings::count_upcoming(turn.tx, turn.now, &seen, officer).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    // An old button may point past the end of a list that has since shrunk.
    let page = i64::from(page).clamp(1, pages);
    let first = (page - 1) * PAGE_SIZE;
    let items = trainings::upcoming(turn.tx, turn.now, &seen, officer, PAGE_SIZE, first).await?;
    let lang = turn.lang;
    let mut text = Vec::new();
    let mut rows = Vec::new();
    if items.is_empty() {
        text.push(Msg::new("training-list-empty"));
    } else {
        text.push(
            Msg::new("training-list-title")
                .arg("page", page)
                .arg("pages", pages),
        );
        for (number, training) in (first + 1..).zip(&items) {
            let seats = if training.status == TrainingStatus::Closed {
                Msg::new("training-list-closed")
            } else if training.seats_left() > 0 && training.waiting == 0 {
                Msg::new("training-list-seats").arg("left", training.seats_left())
            } else {
                Msg::new("training-list-full")
            };
            text.push(
                about("training-list-item", training, lang)
                    .arg("number", number)
                    .arg("seats", seats),
            );
            let label = Msg::new("training-button-open")
                .arg("number", number)
                .arg("title", training.details.title(lang));
            rows.push(vec![button(label, TrainingAction::Open(training.id))]);
        }
        text.push(Msg::new("training-list-pick"));
    }
    let mut paging = Vec::new();
    if page > 1 {
        let previous = u32::try_from(page - 1).unwrap_or(1);
        paging.push(button(
            Msg::new("training-button-previous"),
            TrainingAction::List { page: previous },
        ));
    }
    if page < pages {
        let next = u32::try_from(page + 1).unwrap_or(u32::MAX);
        paging.push(button(
            Msg::new("training-button-next"),
            TrainingAction::List { page: next },
        ));
    }
    if !paging.is_empty() {
        rows.push(paging);
    }
    if officer {
        rows.push(vec![button(
            Msg::new("training-button-new"),
            TrainingAction::New,
        )]);
    }
    rows.push(vec![mine_button(), menu::menu_button()]);
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

pub(super) async fn open(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(training) = trainings::find(turn.tx, training_id).await? else {
        return not_found(turn);
    };
    let (text, keyboard) = screen(turn, &training).await?;
    turn.show(text, keyboard);
    Ok(())
}

/// The training as a new message, after a step elsewhere (registration) led away from it.
pub(super) async fn show_again(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(training) = trainings::find(turn.tx, training_id).await? else {
        return Ok(());
    };
    let (mut text, keyboard) = screen(turn, &training).await?;
    text.insert(0, Msg::new("training-after-registration"));
    turn.send(text, keyboard);
    Ok(())
}

pub(super) fn not_found(turn: &mut Turn<'_>) -> Result<()> {
    turn.notice(Msg::new("training-not-found"), false);
    turn.show(
        vec![Msg::new("training-not-found")],
        Keyboard::Inline(vec![vec![list_button(), menu::menu_button()]]),
    );
    Ok(())
}

/// A training's details, the reader's place in it, and what they can do about it.
pub(super) async fn screen(
    turn: &mut Turn<'_>,
    training: &Training,
) -> Result<(Vec<Msg>, Keyboard)> {
    let lang = turn.lang;
    let id = training.id;
    let started = training.details.starts_at <= unix(turn.now);
    let mut text = describe(training, lang);
    match training.status {
        TrainingStatus::Cancelled => text.push(Msg::new("training-note-cancelled")),
        _ if started => text.push(Msg::new("training-note-started")),
        TrainingStatus::Closed => text.push(Msg::new("training-note-closed")),
        TrainingStatus::Open => {}
    }
    let mut rows = Vec::new();
    let mine = match turn.user_id() {
        Some(user_id) => signups::status(turn.tx, id, user_id).await?,
        None => None,
    };
    let takes_place = training.status != TrainingStatus::Cancelled && !started;
    match mine {
        Some(SignUpStatus::Booked) => {
            text.push(Msg::new("training-you-booked"));
            if takes_place {
                rows.push(vec![button(
                    Msg::new("training-button-leave-seat"),
                    TrainingAction::Leave(id),
                )]);
            }
        }
        Some(SignUpStatus::Waiting) => {
            let position = waiting_position(turn, id).await?;
            text.push(Msg::new("training-you-waiting").arg("position", position));
            if takes_place {
                rows.push(vec![button(
                    Msg::new("training-button-leave-waitlist"),
                    TrainingAction::Leave(id),
                )]);
            }
        }
        None if training.takes_sign_ups(turn.now) => {
            let label = if training.seats_left() > 0 && training.waiting == 0 {
                "training-button-sign-up"
            } else {
                "training-button-waitlist"
            };
            rows.push(vec![button(Msg::new(label), TrainingAction::Join(id))]);
        }
        None => {}
    }
    if super::may_manage(turn, training) {
        let area = crate::engine::places::area_name(turn, training.area).await?;
        super::officer::add_tools(turn, training, area, &mut text, &mut rows);
    }
    rows.push(vec![list_button(), menu::menu_button()]);
    Ok((text, Keyboard::Inline(rows)))
}

/// What a training is: title, category, time and place, seats, description.
pub(super) fn describe(training: &Training, lang: crate::domain::Language) -> Vec<Msg> {
    let details = &training.details;
    let capacity = i64::from(details.capacity.get());
    let seats = if training.seats_left() > 0 && training.waiting == 0 {
        Msg::new("training-seats-left")
            .arg("left", training.seats_left())
            .arg("capacity", capacity)
    } else {
        Msg::new("training-seats-full")
            .arg("capacity", capacity)
            .arg("waiting", training.waiting)
    };
    vec![
        about("training-detail", training, lang)
            .arg("category", Msg::new(details.category.message_id())),
        seats,
        Msg::new("training-description").arg("text", details.description(lang)),
    ]
}

async fn waiting_position(turn: &mut Turn<'_>, training_id: i64) -> Result<i64> {
    let Some(user_id) = turn.user_id() else {
        return Ok(0);
    };
    Ok(signups::waiting_position(turn.tx, training_id, user_id)
        .await?
        .unwrap_or(0))
}

/// "Sign up": a seat if one is free, else the waitlist. Registration comes first.
pub(super) async fn join(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let Some(training) = trainings::find(turn.tx, training_id).await? else {
        return not_found(turn);
    };
    if signups::status(turn.tx, training_id, user_id)
        .await?
        .is_some()
    {
        turn.notice(Msg::new("training-already-signed-up"), false);
        return open(turn, training_id).await;
    }
    if !training.takes_sign_ups(turn.now) {
        turn.notice(Msg::new("training-not-open"), true);
        return open(turn, training_id).await;
    }
    if !profiles::is_registered(turn.tx, user_id).await? {
        signups::wish(turn.tx, user_id, training_id, turn.now).await?;
        let text = vec![
            Msg::new("training-register-first").arg("title", training.details.title(turn.lang)),
        ];
        // One tap to register (the training is shown again once registered).
        turn.show(
            text,
            Keyboard::Inline(vec![
                vec![crate::engine::profile::register_button()],
                vec![list_button(), menu::menu_button()],
            ]),
        );
        return Ok(());
    }
    let lang = turn.lang;
    match signups::sign_up(turn.tx, training_id, user_id, turn.now).await? {
        Some(SignUpStatus::Booked) => {
            let keyboard = Keyboard::Inline(vec![
                vec![mine_button()],
                vec![list_button(), menu::menu_button()],
            ]);
            turn.show(vec![about("training-signed-up", &training, lang)], keyboard);
        }
        Some(SignUpStatus::Waiting) => {
            let position = waiting_position(turn, training_id).await?;
            let text =
                vec![about("training-waitlisted", &training, lang).arg("position", position)];
            let keyboard = Keyboard::Inline(vec![
                vec![button(
                    Msg::new("training-button-leave-waitlist"),
                    TrainingAction::Leave(training_id),
                )],
                vec![mine_button(), menu::menu_button()],
            ]);
            turn.show(text, keyboard);
        }
        // Checked above, inside this same transaction; kept for safety.
        None => {
            turn.notice(Msg::new("training-not-open"), true);
            return open(turn, training_id).await;
        }
    }
    Ok(())
}

/// "My trainings": upcoming seats and waitlist places, each with a way to give it up.
pub(super) async fn mine(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let lang = turn.lang;
    let signed_up: Vec<_> = signups::of_user(turn.tx, user_id, Some(turn.now))
        .await?
        .into_iter()
        .filter(|s| s.training.status != TrainingStatus::Cancelled)
        .collect();
    let mut text = Vec::new();
    let mut rows = Vec::new();
    if signed_up.is_empty() {
        text.push(Msg::new("training-mine-empty"));
    } else {
        text.push(Msg::new("training-mine-title"));
        for s in &signed_up {
            let status = match (s.status, s.position) {
                (SignUpStatus::Waiting, Some(position)) => {
                    Msg::new("training-mine-waiting").arg("position", position)
                }
                _ => Msg::new("training-mine-booked"),
            };
            text.push(about("training-mine-item", &s.training, lang).arg("status", status));
            rows.push(vec![
                button(
                    Msg::new("training-button-title").arg("title", s.training.details.title(lang)),
                    TrainingAction::Open(s.training.id),
                ),
                button(
                    Msg::new("training-button-leave"),
                    TrainingAction::Leave(s.training.id),
                ),
            ]);
        }
    }
    rows.push(vec![list_button(), menu::menu_button()]);
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

/// Giving up a seat lets someone else in: ask first.
pub(super) async fn ask_leave(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let Some(training) = trainings::find(turn.tx, training_id).await? else {
        return not_found(turn);
    };
    let question = match signups::status(turn.tx, training_id, user_id).await? {
        Some(SignUpStatus::Booked) => "training-leave-seat-confirm",
        Some(SignUpStatus::Waiting) => "training-leave-waitlist-confirm",
        None => {
            turn.notice(Msg::new("training-not-signed-up"), false);
            return open(turn, training_id).await;
        }
    };
    let keyboard = Keyboard::Inline(vec![
        vec![button(
            Msg::new("training-button-leave-yes"),
            TrainingAction::LeaveConfirmed(training_id),
        )],
        vec![button(
            Msg::new("training-button-keep"),
            TrainingAction::Open(training_id),
        )],
    ]);
    turn.show(vec![about(question, &training, turn.lang)], keyboard);
    Ok(())
}

pub(super) async fn leave(turn: &mut Turn<'_>, training_id: i64) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let Some(training) = trainings::find(turn.tx, training_id).await? else {
        return not_found(turn);
    };
    let done = match signups::remove(turn.tx, training_id, user_id).await? {
        Some(SignUpStatus::Booked) => {
            fill_free_seats(turn, training_id).await?;
            "training-left-seat"
        }
        Some(SignUpStatus::Waiting) => "training-left-waitlist",
        None => {
            turn.notice(Msg::new("training-not-signed-up"), false);
            return open(turn, training_id).await;
        }
    };
    let keyboard = Keyboard::Inline(vec![
        vec![mine_button()],
        vec![list_button(), menu::menu_button()],
    ]);
    turn.show(vec![about(done, &training, turn.lang)], keyboard);
    Ok(())
}
