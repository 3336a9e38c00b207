//! Reminders to everyone with a seat, `REMINDER_OFFSETS` before a training (24 and 2 hours by
//! default). Each reminder of each training is recorded when it is queued, in the same
//! transaction, so it goes out once, also across restarts. A reminder whose moment passed
//! while the bot was down is still sent within a quarter of its lead time (up to 6 hours late
//! for a day's notice, 30 minutes for two hours'); later than that it is skipped, and so is
//! any reminder overtaken by a nearer one.

use chrono::{DateTime, TimeDelta, Utc};

use super::{TrainingAction, about, button, mine_button, notice_to};
use crate::engine::{Keyboard, Msg, Reply, Result, Settings};
use crate::store::{Tx, signups, trainings, trainings::ReminderOutcome};

/// How late a reminder may still go out: a quarter of how long before the start it is meant.
fn window(offset: TimeDelta) -> TimeDelta {
    offset / 4
}

/// The reminders due now, as replies to queue; records each as dealt with.
pub(crate) async fn due_reminders(
    tx: &mut Tx,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<Vec<Reply>> {
    let Some(longest) = settings.reminder_offsets.iter().max().copied() else {
        return Ok(Vec::new());
    };
    let mut replies = Vec::new();
    for training in trainings::starting_between(tx, now, now + longest).await? {
        let start = DateTime::<Utc>::from_timestamp(training.details.starts_at, 0).unwrap_or(now);
        let done = trainings::reminders_done(tx, training.id).await?;
        let mut due: Vec<TimeDelta> = settings
            .reminder_offsets
            .iter()
            .copied()
            .filter(|offset| start - *offset <= now && !done.contains(&offset.num_seconds()))
            .collect();
        // The nearest to the start is the one to send; longer ones are overtaken by it.
        due.sort();
        let Some((&nearest, overtaken)) = due.split_first() else {
            continue;
        };
        for offset in overtaken {
            trainings::record_reminder(
                tx,
                training.id,
                offset.num_seconds(),
                ReminderOutcome::Skipped,
                0,
                now,
            )
            .await?;
        }
        if now - (start - nearest) > window(nearest) {
            trainings::record_reminder(
                tx,
                training.id,
                nearest.num_seconds(),
                ReminderOutcome::Skipped,
                0,
                now,
            )
            .await?;
            continue;
        }
        let people = signups::recipients(tx, training.id, true).await?;
        let recorded = trainings::record_reminder(
            tx,
            training.id,
            nearest.num_seconds(),
            ReminderOutcome::Sent,
            people.len(),
            now,
        )
        .await?;
        if !recorded {
            continue;
        }
        for (user_id, lang) in people {
            let keyboard = Keyboard::Inline(vec![
                vec![button(
                    Msg::new("training-button-details"),
                    TrainingAction::Open(training.id),
                )],
                vec![mine_button()],
            ]);
            replies.push(notice_to(
                user_id,
                lang,
                vec![about("training-reminder", &training, lang)],
                keyboard,
            ));
        }
    }
    Ok(replies)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminder_may_be_a_quarter_of_its_lead_late() {
        assert_eq!(window(TimeDelta::hours(24)), TimeDelta::hours(6));
        assert_eq!(window(TimeDelta::hours(2)), TimeDelta::minutes(30));
    }
}
