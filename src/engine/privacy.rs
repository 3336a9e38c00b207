//! /mydata (/dataku) shows and exports everything stored about the user; /delete (/hapus)
//! erases it, for real: rows are deleted with `secure_delete` on (SQLite overwrites them with
//! zeros) and the write-ahead log is checkpointed and truncated afterwards.

use serde_json::json;

use super::{
    Action, Button, Keyboard, Msg, Reply, ReplyKind, Result, State, menu, profile::ProfileAction,
    registration, trainings, turn::Turn,
};
use crate::store::{self, conversations, outbox::Priority, profiles, users};

/// Questions (the newest) and trainings (the soonest) listed on /dataku's screen.
const SHOWN: usize = 10;

pub(crate) async fn my_data(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user) = turn.user.clone() else {
        return Ok(());
    };
    let saved = profiles::find(turn.tx, user.id).await?;
    let consents = profiles::consents(turn.tx, user.id).await?;
    let state = conversations::load(turn.tx, user.id).await?;
    let asked = super::pillars::export(turn.tx, user.id).await?;
    let sign_ups = trainings::export(turn.tx, user.id).await?;

    let mut text = vec![
        Msg::new("mydata-intro")
            .arg("id", user.id.to_string())
            .arg(
                "language",
                Msg::new(format!("language-name-{}", user.language.code())),
            )
            .arg("since", crate::engine::Arg::Time(user.first_seen)),
    ];
    match &saved {
        Some(profile) => text.push(registration::card(&registration::Draft::from_profile(
            profile,
        ))),
        None => text.push(Msg::new("mydata-no-profile")),
    }
    // Everything else the file holds, in words: what each consent was for, the questions, the
    // trainings, the cooperative application, a step left halfway.
    for (version, given_at) in &consents {
        let id = if version == super::pillars::COOPERATIVE_CONSENT_VERSION {
            "mydata-consent-cooperative"
        } else {
            "mydata-consent-registration"
        };
        text.push(Msg::new(id).arg("at", crate::engine::Arg::Time(*given_at)));
    }
    // The newest few of each (the message has room for so much); the file has them all.
    let more = |count: usize| {
        (count > SHOWN).then(|| Msg::new("mydata-more").arg("count", (count - SHOWN) as i64))
    };
    let questions = store::questions::of_user(turn.tx, user.id, i64::MAX).await?;
    if !questions.is_empty() {
        let lines = questions
            .iter()
            .take(SHOWN)
            .map(|q| {
                Msg::new("mydata-question")
                    .arg("number", super::pillars::number(q.id))
                    .arg("at", crate::engine::Arg::Time(q.asked_at))
                    .arg("status", super::pillars::question_standing(q))
            })
            .collect();
        text.push(
            Msg::new("mydata-questions")
                .arg("count", questions.len() as i64)
                .arg("lines", crate::engine::Arg::Lines(lines)),
        );
        text.extend(more(questions.len()));
    }
    let mine = store::signups::of_user(turn.tx, user.id, None).await?;
    if !mine.is_empty() {
        let lines = mine
            .iter()
            .take(SHOWN)
            .map(|s| {
                Msg::new("mydata-training")
                    .arg("title", s.training.details.title(turn.lang))
                    .arg(
                        "time",
                        crate::engine::Arg::Time(s.training.details.starts_at),
                    )
                    .arg(
                        "status",
                        Msg::new(format!("training-signup-{}", s.status.code())),
                    )
            })
            .collect();
        text.push(Msg::new("mydata-trainings").arg("lines", crate::engine::Arg::Lines(lines)));
        text.extend(more(mine.len()));
    }
    if let Some(application) = store::cooperative::of_user(turn.tx, user.id).await? {
        text.push(
            Msg::new("mydata-application")
                .arg("number", super::pillars::number(application.id))
                .arg("status", Msg::new(application.status.message_id())),
        );
    }
    if !turn.state.is_idle() && !matches!(turn.state, State::Arrived { .. }) {
        text.push(Msg::new("mydata-step-in-progress"));
    }
    text.push(Msg::new("mydata-file"));

    let export = json!({
        "telegram_user_id": user.id,
        "language": user.language.code(),
        "first_seen": user.first_seen,
        "blocked": user.blocked,
        "profile": saved.as_ref().map(|p| json!({
            "role": p.role.code(),
            "full_name": p.name.as_str(),
            "phone": p.phone.as_str(),
            "village": p.village.as_str(),
            "district": p.district.as_str(),
            "country": p.country.as_ref().map(crate::domain::Country::to_db),
            "years_abroad": p.years_abroad.map(|y| y.get()),
            "sector": p.sector.map(|s| s.code()),
            "relation": p.relation.map(|r| r.code()),
            "worker_abroad": p.worker_abroad,
            "interests": p.interests.iter().map(|i| i.code()).collect::<Vec<_>>(),
            "registered_at": p.registered_at,
        })),
        "consents": consents.iter().map(|(version, at)| json!({ "version": version, "given_at": at })).collect::<Vec<_>>(),
        "questions": asked["questions"],
        "cooperative_application": asked["cooperative_application"],
        "trainings": sign_ups,
        "conversation_in_progress": state.and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok()),
    });
    let keyboard = Keyboard::Inline(vec![
        vec![Button::action(
            Msg::new("profile-button-delete"),
            Action::Profile(ProfileAction::Delete),
        )],
        vec![menu::menu_button()],
    ]);
    turn.show(text, keyboard);
    let content = serde_json::to_string_pretty(&export)?;
    turn.push(ReplyKind::Document {
        file_name: format!("desmigratif-data-{}.json", user.id),
        content,
        caption: vec![Msg::new("mydata-caption")],
    });
    // The file quotes the user's data: erasing them must find it in the outbox.
    turn.mark_last_as_about(user.id);
    Ok(())
}

pub(crate) async fn ask_to_delete(turn: &mut Turn<'_>) -> Result<()> {
    let keyboard = Keyboard::Inline(vec![
        vec![Button::action(
            Msg::new("privacy-delete-yes"),
            Action::Profile(ProfileAction::DeleteConfirmed),
        )],
        vec![Button::action(Msg::new("privacy-delete-no"), Action::Menu)],
    ]);
    turn.show(vec![Msg::new("privacy-delete-confirm")], keyboard);
    Ok(())
}

/// Erases the user: profile, consents, sign-ups, questions, conversation, and every queued or
/// sent message to or about them. What stays is nothing but this last reply.
pub(crate) async fn delete(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    // Seats are given to the people waiting before the cascade deletes the sign-ups.
    let lists = trainings::on_erase(turn, user_id).await?;
    // What officers were sent about the person is replaced in their chats (after the erasure
    // below has dropped whatever was still waiting to be sent): notices, and lists of the
    // participants of a training the person was in.
    let mut copies = store::notice_copies::take(turn.tx, user_id).await?;
    copies.extend(
        lists
            .into_iter()
            .map(|(chat_id, message_id)| store::notice_copies::Copy {
                chat_id,
                message_id,
                media: false,
            }),
    );
    for copy in &copies {
        let lang =
            users::language_of(turn.tx, copy.chat_id, turn.settings.default_language).await?;
        turn.push_reply(Reply {
            chat_id: copy.chat_id,
            lang,
            priority: Priority::Interactive,
            subject: None,
            kind: ReplyKind::Redact {
                message_id: copy.message_id,
                media: copy.media,
            },
        });
    }
    if !copies.is_empty() {
        tracing::info!(
            messages = copies.len(),
            "a person's data was erased; their notices in officers' chats are being replaced"
        );
    }
    users::erase(turn.tx, user_id).await?;
    turn.forget_user();
    turn.state = State::Idle;
    turn.checkpoint_after_commit();
    turn.show(
        vec![Msg::new("privacy-deleted")],
        Keyboard::Inline(vec![vec![menu::menu_button()]]),
    );
    Ok(())
}
