//! Starting broadcasts when their time comes, live progress for the officer (one message edited
//! in place), pause, resume, stop, and the final report. Runs from `Engine::tick`.

use chrono::{DateTime, Utc};

use super::{Audience, BroadcastAction, button};
use crate::engine::{
    Keyboard, Msg, Reply, ReplyKind, Result, Settings, enqueue_one, fallback, turn::Turn,
};
use crate::store::{
    Tx, broadcasts,
    broadcasts::{Broadcast, BroadcastStatus, Counts},
    outbox::Priority,
    users,
};

/// How often the progress message is refreshed, in seconds.
const PROGRESS_EVERY: i64 = 5;
const BAR_WIDTH: i64 = 10;

/// Starts due broadcasts and refreshes progress; returns how many messages it queued.
pub(crate) async fn tick(tx: &mut Tx, settings: &Settings, now: DateTime<Utc>) -> Result<usize> {
    let mut queued = 0;
    for broadcast in broadcasts::due(tx, now).await? {
        // Counted, so that the sender is woken for the copies.
        queued += start(tx, &broadcast, now).await?;
    }
    for broadcast in broadcasts::running(tx).await? {
        let counts = broadcasts::counts(tx, broadcast.id).await?;
        if broadcast.status == BroadcastStatus::Sending && counts.pending == 0 {
            broadcasts::finish(tx, broadcast.id, BroadcastStatus::Done, counts, now).await?;
            queued += show(tx, settings, &broadcast, counts, Screen::Report, now).await?;
        } else if broadcast
            .progress_shown_at
            .is_none_or(|at| now.timestamp() - at >= PROGRESS_EVERY)
        {
            queued += show(tx, settings, &broadcast, counts, Screen::Progress, now).await?;
        }
    }
    Ok(queued)
}

/// Queues a copy for each recipient of the audience as it is now; returns how many.
async fn start(tx: &mut Tx, broadcast: &Broadcast, now: DateTime<Utc>) -> Result<usize> {
    match serde_json::from_str::<Audience>(&broadcast.audience) {
        Ok(audience) => {
            let recipients = broadcasts::start_delivery(tx, broadcast.id, &audience, now).await?;
            tracing::info!(broadcast = broadcast.id, recipients, "broadcast started");
            Ok(usize::try_from(recipients).unwrap_or(usize::MAX))
        }
        Err(error) => {
            // Not the error's text: it can quote the audience (a village).
            tracing::error!(broadcast = broadcast.id, kind = ?error.classify(), "broadcast audience unreadable; cancelled");
            broadcasts::finish(
                tx,
                broadcast.id,
                BroadcastStatus::Cancelled,
                Counts::default(),
                now,
            )
            .await?;
            Ok(0)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Screen {
    Progress,
    Report,
}

/// The progress (or final report) text and its buttons.
fn screen(
    broadcast: &Broadcast,
    status: BroadcastStatus,
    counts: Counts,
    rate: u32,
    which: Screen,
) -> (Vec<Msg>, Keyboard) {
    let total = broadcast.recipients.max(counts.done() + counts.pending);
    if which == Screen::Report
        || matches!(status, BroadcastStatus::Done | BroadcastStatus::Cancelled)
    {
        let id = if status == BroadcastStatus::Cancelled {
            "broadcast-report-cancelled"
        } else {
            "broadcast-report"
        };
        let text = Msg::new(id)
            .arg("id", broadcast.id)
            .arg("total", total)
            .arg("delivered", counts.delivered)
            .arg("blocked", counts.blocked)
            .arg("failed", counts.failed)
            .arg("unsent", counts.pending + counts.cancelled);
        return (vec![text], Keyboard::None);
    }
    let done = counts.done();
    let percent = if total == 0 { 100 } else { done * 100 / total };
    let filled = if total == 0 {
        BAR_WIDTH
    } else {
        done * BAR_WIDTH / total
    };
    let bar = format!(
        "{}{}",
        "▓".repeat(filled as usize),
        "░".repeat((BAR_WIDTH - filled) as usize)
    );
    let left = counts.pending / i64::from(rate.max(1));
    let mut text = vec![
        Msg::new("broadcast-progress")
            .arg("id", broadcast.id)
            .arg("bar", bar)
            .arg("percent", percent)
            .arg("done", done)
            .arg("total", total)
            .arg("delivered", counts.delivered)
            .arg("blocked", counts.blocked)
            .arg("failed", counts.failed)
            .arg("minutes", left / 60)
            .arg("seconds", left % 60),
    ];
    let paused = status == BroadcastStatus::Paused;
    if paused {
        text.push(Msg::new("broadcast-progress-paused"));
    }
    let toggle = if paused {
        button(
            Msg::new("broadcast-button-resume"),
            BroadcastAction::Resume(broadcast.id),
        )
    } else {
        button(
            Msg::new("broadcast-button-pause"),
            BroadcastAction::Pause(broadcast.id),
        )
    };
    (
        text,
        Keyboard::Inline(vec![vec![
            toggle,
            button(
                Msg::new("broadcast-button-stop"),
                BroadcastAction::Stop(broadcast.id),
            ),
        ]]),
    )
}

/// Queues the progress or report for the officer: the first time as a new message, then as
/// edits of it once Telegram has it.
async fn show(
    tx: &mut Tx,
    settings: &Settings,
    broadcast: &Broadcast,
    counts: Counts,
    which: Screen,
    now: DateTime<Utc>,
) -> Result<usize> {
    let Some(chat_id) = broadcast.progress_chat_id else {
        return Ok(0);
    };
    let status = if which == Screen::Report {
        BroadcastStatus::Done
    } else {
        broadcast.status
    };
    let (text, keyboard) = screen(broadcast, status, counts, settings.broadcast_rate, which);
    let lang = users::language_of(tx, chat_id, settings.default_language).await?;
    let kind = match broadcast.progress_outbox_id {
        None => ReplyKind::Message { text, keyboard },
        Some(outbox_id) => match broadcasts::delivered_message_id(tx, outbox_id).await? {
            Some(message_id) => ReplyKind::Edit {
                message_id,
                text,
                keyboard,
            },
            // The first progress message is still on its way; the report must not be lost.
            None if which == Screen::Report => ReplyKind::Message { text, keyboard },
            None => return Ok(0),
        },
    };
    let first = matches!(kind, ReplyKind::Message { .. }) && broadcast.progress_outbox_id.is_none();
    let reply = Reply {
        chat_id,
        lang,
        priority: Priority::Interactive,
        subject: None,
        kind,
    };
    let outbox_id = enqueue_one(tx, &reply, now).await?;
    if first {
        broadcasts::set_progress_message(tx, broadcast.id, chat_id, outbox_id).await?;
    }
    broadcasts::progress_shown(tx, broadcast.id, now).await?;
    Ok(1)
}

async fn running(turn: &mut Turn<'_>, id: i64) -> Result<Option<Broadcast>> {
    // Admins control any announcement; other staff their own only (another's is like one
    // that is not there).
    let found = broadcasts::find(turn.tx, id)
        .await?
        .filter(|b| turn.is_admin() || turn.user_id() == Some(b.officer_id));
    if found
        .as_ref()
        .is_none_or(|b| !matches!(b.status, BroadcastStatus::Sending | BroadcastStatus::Paused))
    {
        turn.notice(Msg::new("broadcast-not-running"), true);
        if let Some(broadcast) = found {
            let counts = broadcasts::counts(turn.tx, id).await?;
            let (text, keyboard) = screen(
                &broadcast,
                broadcast.status,
                counts,
                turn.settings.broadcast_rate,
                Screen::Report,
            );
            turn.show(text, keyboard);
        } else {
            fallback::old_button(turn);
        }
        return Ok(None);
    }
    Ok(found)
}

async fn refresh(
    turn: &mut Turn<'_>,
    broadcast: &Broadcast,
    status: BroadcastStatus,
) -> Result<()> {
    let counts = broadcasts::counts(turn.tx, broadcast.id).await?;
    let (text, keyboard) = screen(
        broadcast,
        status,
        counts,
        turn.settings.broadcast_rate,
        Screen::Progress,
    );
    turn.show(text, keyboard);
    broadcasts::progress_shown(turn.tx, broadcast.id, turn.now).await?;
    Ok(())
}

pub(crate) async fn pause(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    switch(turn, id, BroadcastStatus::Paused, "broadcast-paused").await
}

pub(crate) async fn resume(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    switch(turn, id, BroadcastStatus::Sending, "broadcast-resumed").await
}

/// Pauses or resumes a running broadcast and shows where it stands.
async fn switch(turn: &mut Turn<'_>, id: i64, status: BroadcastStatus, notice: &str) -> Result<()> {
    let Some(broadcast) = running(turn, id).await? else {
        return Ok(());
    };
    broadcasts::set_status(turn.tx, id, status).await?;
    turn.notice(Msg::new(notice), false);
    refresh(turn, &broadcast, status).await
}

/// Stops a broadcast for good: the copies not sent yet are dropped and the report shown. One
/// scheduled for later (the console offers this) is cancelled before any copy is made.
pub(crate) async fn stop(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let scheduled = broadcasts::find(turn.tx, id).await?.filter(|b| {
        b.status == BroadcastStatus::Scheduled
            && (turn.is_admin() || turn.user_id() == Some(b.officer_id))
    });
    if let Some(broadcast) = scheduled {
        broadcasts::finish(
            turn.tx,
            id,
            BroadcastStatus::Cancelled,
            Counts::default(),
            turn.now,
        )
        .await?;
        if let Some(officer) = turn.user_id() {
            crate::store::audit::record(
                turn.tx,
                officer,
                "broadcast.stop",
                &format!("broadcast {id} (before its time)"),
                turn.now,
            )
            .await?;
        }
        let (text, keyboard) = screen(
            &broadcast,
            BroadcastStatus::Cancelled,
            Counts::default(),
            turn.settings.broadcast_rate,
            Screen::Report,
        );
        turn.show(text, keyboard);
        return Ok(());
    }
    let Some(broadcast) = running(turn, id).await? else {
        return Ok(());
    };
    broadcasts::drop_pending(turn.tx, id, turn.now).await?;
    let counts = broadcasts::counts(turn.tx, id).await?;
    broadcasts::finish(turn.tx, id, BroadcastStatus::Cancelled, counts, turn.now).await?;
    if let Some(officer) = turn.user_id() {
        crate::store::audit::record(
            turn.tx,
            officer,
            "broadcast.stop",
            &format!("broadcast {id}"),
            turn.now,
        )
        .await?;
    }
    let (text, keyboard) = screen(
        &broadcast,
        BroadcastStatus::Cancelled,
        counts,
        turn.settings.broadcast_rate,
        Screen::Report,
    );
    turn.show(text, keyboard);
    Ok(())
}
