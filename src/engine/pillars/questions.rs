//! The question desk. A user asks (text, or a photo or voice note that is passed on); the
//! question gets a number and goes to the officers, with who asked where the profile says so.
//! An officer answers by replying to the notice (in the officers' group or a private chat) or
//! with `/answer ID text`; the user gets the answer from "the Desmigratif officer", never from
//! a named person, and can follow up on the same question. Each round of a question is
//! answered once: the next officer to try is told it already was.

use super::asker_village::{self, AfterVillage};
use super::held::Held;
use super::{PillarsAction, PillarsState, ask_button, cancel_keyboard, number, officers, routing};
use crate::areas::Hit;
use crate::domain::{area::VillageCode, text};
use crate::engine::action::parse_id;
use crate::engine::{
    Arg, Button, Event, Keyboard, MediaKind, Msg, Reply, ReplyKind, Result, State, menu, turn::Turn,
};
use crate::store::outbox::{MessageTag, Priority};
use crate::store::questions::{
    self as store, Author, Entry, EntryKind, InboxFilter, Question, Said, Status,
};
use crate::store::{profiles, users};

/// The longest question or answer: with the notice around it, well within Telegram's 4096.
pub(crate) const MAX_CHARS: usize = 3000;
/// An urgent case nobody took is told again this often.
const URGENT_AGAIN: chrono::TimeDelta = chrono::TimeDelta::hours(2);
/// How many open questions `/inbox` lists.
/// Questions on a page of the inbox.
const INBOX_PAGE: i64 = 10;
const PREVIEW_CHARS: usize = 60;
/// How much of a question's history one screen shows (characters of text, and messages).
const THREAD_CHARS: usize = 2500;
const THREAD_ENTRIES: usize = 12;

pub(super) fn tag(question: &Question) -> MessageTag {
    MessageTag::Question {
        id: question.id,
        round: question.round,
    }
}

pub(super) fn my_questions_button() -> Button {
    Button::action(
        Msg::new("question-button-mine"),
        PillarsAction::MyQuestions.into(),
    )
}

pub(super) fn inbox_button() -> Button {
    Button::action(Msg::new("menu-button-inbox"), PillarsAction::Inbox.into())
}

/// Where a question stands, in a word: waiting, taken, answered, resolved by the person, or
/// closed by an officer.
pub fn standing(question: &Question) -> Msg {
    use crate::store::questions::CloseReason;
    Msg::new(
        match (question.status, question.taken_by, question.closed_reason) {
            (Status::Open, None, _) => "question-status-waiting",
            (Status::Open, Some(_), _) => "question-status-taken",
            (Status::Answered, _, _) => "question-status-answered",
            (Status::Closed, _, Some(CloseReason::Resolved)) => "question-status-resolved",
            (Status::Closed, _, _) => "question-status-closed",
        },
    )
}

/// The kinds of file a question may carry.
pub(crate) fn media_code(kind: MediaKind) -> Option<&'static str> {
    match kind {
        MediaKind::Photo => Some("photo"),
        MediaKind::Voice => Some("voice"),
        MediaKind::Audio => Some("audio"),
        MediaKind::Video => Some("video"),
        MediaKind::VideoNote => Some("video_note"),
        MediaKind::Sticker | MediaKind::Animation => None,
    }
}

/// "[photo] " before a caption, in the reader's language, and "[forwarded from …] " before
/// a forward; nothing for the person's own plain text.
pub(super) fn media_label(media: Option<&str>, forwarded_from: Option<&str>) -> Arg {
    let media = match media {
        Some(code) => Arg::Msg(Box::new(Msg::new(format!("question-media-{code}")))),
        None => Arg::Text(String::new()),
    };
    let forwarded = match forwarded_from.map(text::one_line) {
        Some(origin) if origin.is_empty() => {
            Arg::Msg(Box::new(Msg::new("question-forwarded-unnamed")))
        }
        Some(origin) => Arg::Msg(Box::new(
            Msg::new("question-forwarded").arg("origin", origin),
        )),
        None => Arg::Text(String::new()),
    };
    Arg::Msg(Box::new(
        Msg::new("question-labels")
            .arg("forwarded", forwarded)
            .arg("media", media),
    ))
}

fn preview(text: &str, max_chars: usize) -> String {
    let text = text::one_line(text);
    if text.chars().count() <= max_chars {
        return text;
    }
    let mut cut: String = text.chars().take(max_chars - 1).collect();
    cut.push('…');
    cut
}

enum Heard<'a> {
    Said(Said<'a>),
    TooLong,
    /// Stickers, locations, contacts…: not something to pass on as a question.
    Unusable,
}

/// What the person sent, as a question takes it: `message_id` and `forwarded_from` are the
/// update's (see `Input`).
fn heard<'a>(
    message_id: Option<i32>,
    forwarded_from: Option<&'a str>,
    event: &'a Event,
) -> Heard<'a> {
    match event {
        Event::Text { text, .. } if text.chars().count() > MAX_CHARS => Heard::TooLong,
        Event::Text { text, .. } => Heard::Said(Said {
            text: text.trim(),
            media: None,
            message_id: None,
            forwarded_from,
        }),
        Event::Media { kind, caption, .. } => match media_code(*kind) {
            Some(code) => Heard::Said(Said {
                text: caption.as_deref().unwrap_or_default().trim(),
                media: Some(code),
                message_id,
                forwarded_from,
            }),
            None => Heard::Unusable,
        },
        Event::Document { .. } => Heard::Said(Said {
            text: "",
            media: Some("document"),
            message_id,
            forwarded_from,
        }),
        _ => Heard::Unusable,
    }
}

/// `/ask`: asks for the question.
/// Someone whose village the bot does not know is asked for it first (see `asker_village`).
pub(crate) async fn start(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    // Come by a village's poster link: that village.
    if let State::Arrived { village } = &turn.state {
        let code = village.code;
        prompt(turn, Some(code));
        return Ok(());
    }
    if asker_village::of_profile(turn, user_id).await?.is_none() {
        return asker_village::ask(turn, AfterVillage::Question { held: None }).await;
    }
    prompt(turn, None);
    Ok(())
}

fn prompt(turn: &mut Turn<'_>, village: Option<VillageCode>) {
    turn.state = State::Pillars(PillarsState::AwaitingQuestion { village });
    turn.show(vec![Msg::new("question-ask-prompt")], cancel_keyboard());
}

/// The asker's village chosen (or skipped): the question they typed goes, or is asked for.
pub(crate) async fn with_village(
    turn: &mut Turn<'_>,
    held: Option<Held>,
    village: Option<Hit>,
) -> Result<()> {
    let (Some(user_id), Some(held)) = (turn.user_id(), held) else {
        prompt(turn, village.map(|hit| hit.code));
        return Ok(());
    };
    submit(turn, user_id, &held.said(), village.map(|hit| hit.code)).await
}

/// The question written out where the village was asked (see `asker_village`).
pub(crate) async fn typed_instead(turn: &mut Turn<'_>, event: &Event) -> Result<()> {
    on_question(turn, None, event).await
}

pub(crate) async fn on_question(
    turn: &mut Turn<'_>,
    village: Option<VillageCode>,
    event: &Event,
) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let forwarded = turn.forwarded_from.clone();
    match heard(turn.message_id, forwarded.as_deref(), event) {
        Heard::Said(said) => submit(turn, user_id, &said, village).await,
        Heard::TooLong => {
            let too_long = Msg::new("question-too-long").arg("max", MAX_CHARS as i64);
            turn.send(
                vec![too_long, Msg::new("question-ask-prompt")],
                cancel_keyboard(),
            );
            Ok(())
        }
        Heard::Unusable => {
            turn.send(
                vec![
                    Msg::new("question-kind-hint"),
                    Msg::new("question-ask-prompt"),
                ],
                cancel_keyboard(),
            );
            Ok(())
        }
    }
}

/// «📨 Send to an officer» under a message no step expected (see `held`): sends that very
/// message, or asks for one when it is no longer kept.
pub(crate) async fn ask_typed(turn: &mut Turn<'_>) -> Result<()> {
    let (Some(user_id), State::Pillars(PillarsState::FaqOffered { held })) =
        (turn.user_id(), turn.state.clone())
    else {
        return start(turn).await;
    };
    if asker_village::of_profile(turn, user_id).await?.is_none() {
        let then = AfterVillage::Question { held: Some(held) };
        return asker_village::ask(turn, then).await;
    }
    submit(turn, user_id, &held.said(), None).await
}

/// A kept message added to the person's own question `id` (see `held`).
pub(crate) async fn add_held(turn: &mut Turn<'_>, id: i64, held: &Held) -> Result<()> {
    if own(turn, id).await?.is_none() {
        return not_found(turn).await;
    }
    add_follow_up(turn, id, &held.said()).await
}

/// Records the question, from the profile's village or else the one `chosen` for it.
async fn submit(
    turn: &mut Turn<'_>,
    user_id: i64,
    said: &Said<'_>,
    chosen: Option<VillageCode>,
) -> Result<()> {
    let village = asker_village::of_profile(turn, user_id).await?.or(chosen);
    let level = routing::first_level(turn.tx, village).await?;
    let question = store::create(turn.tx, user_id, said, turn.now, village, level).await?;
    notify_officers(turn, &question, "question-notice-new", said).await?;
    turn.state = State::Idle;
    turn.push(ReplyKind::Tagged {
        text: vec![Msg::new("question-received").arg("number", number(question.id))],
        keyboard: Keyboard::Inline(vec![vec![my_questions_button()], vec![menu::menu_button()]]),
        tag: tag(&question),
    });
    Ok(())
}

/// Who asked, as the officers see it: name, role and village from the profile, where there is one.
async fn who_asked(turn: &mut Turn<'_>, user_id: i64) -> Result<Msg> {
    who_asked_in(turn.tx, user_id).await
}

pub(super) async fn who_asked_in(tx: &mut crate::store::Tx, user_id: i64) -> Result<Msg> {
    // The language they read (the answer should be in it), when it is not Indonesian.
    let lang = match users::language_of(tx, user_id, crate::domain::Language::Id).await? {
        crate::domain::Language::En => Arg::Msg(Box::new(Msg::new("question-who-english"))),
        crate::domain::Language::Id => Arg::Text(String::new()),
    };
    Ok(match profiles::find(tx, user_id).await? {
        Some(profile) => Msg::new("question-who-registered")
            .arg("name", profile.name.as_str())
            .arg("role", Msg::new(profile.role.message_id()))
            .arg("village", profile.village.as_str())
            .arg("phone", profile.phone.dialled())
            .arg("lang", lang),
        None => Msg::new("question-who-unregistered").arg("lang", lang),
    })
}

/// Sends the officers a notice of what the asker said (and a copy of their file), which they
/// answer by replying to.
async fn notify_officers(
    turn: &mut Turn<'_>,
    question: &Question,
    heading: &str,
    said: &Said<'_>,
) -> Result<()> {
    let who = who_asked(turn, question.user_id).await?;
    let text = vec![
        Msg::new(heading.to_owned())
            .arg("number", number(question.id))
            .arg("who", who),
        Msg::new("question-quote")
            .arg("media", media_label(said.media, said.forwarded_from))
            .arg("text", text::quoted(said.text)),
        Msg::new("question-notice-how").arg("number", number(question.id)),
    ];
    let mut text = text;
    if let Some(place) = urgent_where(question) {
        text.insert(1, place);
    }
    let group_notice = match question.urgent_place {
        Some(_) => "question-notice-group-urgent",
        None => "question-notice-group",
    };
    let targets = question_targets(turn.tx, turn.settings, question).await?;
    if targets.is_empty() {
        tracing::warn!(
            question = question.id,
            "no officers configured (ADMIN_IDS, ADMIN_CHAT_ID); the question waits in /inbox"
        );
    }
    // Urgent cases, and messages on a question someone has, are told at once; other news
    // at most once a quarter of an hour (see `desk::QUIET`).
    let batched = question.urgent_place.is_none() && question.taken_by.is_none();
    for target in targets {
        if batched {
            use crate::store::officer_notices::{self, Notice};
            match officer_notices::arrive(turn.tx, target.chat_id, turn.now, super::desk::QUIET)
                .await?
            {
                Notice::Now => {}
                Notice::Held => continue,
                Notice::Together(count) => {
                    turn.push_reply(super::desk::together(target.chat_id, target.lang, count));
                    continue;
                }
            }
        }
        let notify = |kind| officers::notice(target.chat_id, target.lang, question.user_id, kind);
        // A group with members who are not officers gets the number, nothing of the person
        // (replying to it still answers).
        let (text, keyboard) = if target.personal {
            (text.clone(), notice_keyboard(question, target.chat_id))
        } else {
            (
                vec![Msg::new(group_notice).arg("number", number(question.id))],
                officers::open_privately(turn.settings),
            )
        };
        turn.push_reply(notify(ReplyKind::Tagged {
            text,
            keyboard,
            tag: tag(question),
        }));
        if let (true, Some(_), Some(message_id)) = (target.personal, said.media, said.message_id) {
            turn.push_reply(notify(ReplyKind::Copy {
                from_chat_id: question.user_id,
                message_id,
                tag: Some(tag(question)),
            }));
        }
    }
    Ok(())
}

/// Where a question's notices go: to whoever took it, else to the level answering for it.
pub(super) async fn question_targets(
    tx: &mut crate::store::Tx,
    settings: &crate::engine::Settings,
    question: &Question,
) -> Result<Vec<officers::Target>> {
    if let Some(taker) = question.taken_by
        && let Some(target) = routing::taker(tx, settings, taker).await?
    {
        return Ok(vec![target]);
    }
    if question.urgent_place.is_some() {
        return routing::urgent_targets(tx, settings, question.village_code, question.level).await;
    }
    routing::targets(tx, settings, question.village_code, question.level).await
}

/// «🆘 » before an urgent case's number; nothing for others.
fn urgent_mark(question: &Question) -> Arg {
    match question.urgent_place {
        Some(_) => Arg::Msg(Box::new(Msg::new("question-urgent-mark"))),
        None => Arg::Text(String::new()),
    }
}

/// Where the person of an urgent case is, for the officers.
pub(super) fn urgent_where(question: &Question) -> Option<Msg> {
    let place = question.urgent_place.as_deref()?;
    let name = match super::emergency::Place::parse(place) {
        Some(place) => Msg::new(place.message_id()),
        None => Msg::new("emergency-place-other"),
    };
    Some(Msg::new("question-urgent-where").arg("place", name))
}

/// An urgent case (see `emergency`): recorded as a question marked 🆘 from the person's
/// village (no village step: nothing may hold it up), told at once to that level and the one
/// above, and again every two hours until someone takes it.
pub(crate) async fn submit_urgent(
    turn: &mut Turn<'_>,
    held: &Held,
    place: super::emergency::Place,
) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let village = asker_village::of_profile(turn, user_id).await?;
    let level = routing::first_level(turn.tx, village).await?;
    let said = held.said();
    let question = store::create(turn.tx, user_id, &said, turn.now, village, level).await?;
    store::mark_urgent(turn.tx, question.id, place.code(), turn.now).await?;
    let question = Question {
        urgent_place: Some(place.code().to_owned()),
        ..question
    };
    notify_officers(turn, &question, "question-notice-urgent", &said).await?;
    turn.state = State::Idle;
    turn.push(ReplyKind::Tagged {
        text: vec![Msg::new("emergency-received").arg("number", number(question.id))],
        keyboard: Keyboard::Inline(vec![vec![my_questions_button()], vec![menu::menu_button()]]),
        tag: tag(&question),
    });
    Ok(())
}

/// Urgent cases nobody took in two hours: everyone told again (see `submit_urgent`).
pub(crate) async fn remind_urgent(
    tx: &mut crate::store::Tx,
    settings: &crate::engine::Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Reply>> {
    let before = (now - URGENT_AGAIN).timestamp();
    let mut replies = Vec::new();
    for question in store::urgent_to_tell(tx, before).await? {
        store::told_urgent(tx, question.id, now).await?;
        let Some(latest) = latest_said(tx, &question).await? else {
            continue;
        };
        let who = who_asked_in(tx, question.user_id).await?;
        let waited = (now.timestamp() - question.opened_at).max(0) / 3600;
        let heading = Msg::new("question-notice-urgent-again")
            .arg("number", number(question.id))
            .arg("who", who)
            .arg("hours", waited);
        for target in question_targets(tx, settings, &question).await? {
            replies.push(waiting_notice(&question, &latest, heading.clone(), &target));
        }
    }
    Ok(replies)
}

/// The person's other questions an officer sees beside one, at most.
const EARLIER: i64 = 5;

/// What a staff member did with question `id`, in the audit log (ids only, no one's words).
pub(super) async fn audit(turn: &mut Turn<'_>, action: &str, id: i64) -> Result<()> {
    if let Some(by) = turn.user_id() {
        crate::store::audit::record(turn.tx, by, action, &format!("question {id}"), turn.now)
            .await?;
    }
    Ok(())
}

/// What the asker said last in the question's current round.
pub(super) async fn latest_said(
    tx: &mut crate::store::Tx,
    question: &Question,
) -> Result<Option<Entry>> {
    Ok(store::entries(tx, question.id)
        .await?
        .into_iter()
        .rev()
        .find(|e| e.author == Author::User && e.round == question.round))
}

/// The notice about question `question`, waiting, for `target`: `heading`, where the person
/// in trouble is (an urgent case), their latest message and how to answer; a group that may
/// hold others than officers gets the number only.
pub(super) fn waiting_notice(
    question: &Question,
    latest: &Entry,
    heading: Msg,
    target: &officers::Target,
) -> Reply {
    let text = if target.personal {
        let mut text = vec![heading];
        text.extend(urgent_where(question));
        text.push(
            Msg::new("question-quote")
                .arg(
                    "media",
                    media_label(latest.media.as_deref(), latest.forwarded_from.as_deref()),
                )
                .arg("text", text::quoted(&latest.text)),
        );
        text.push(Msg::new("question-notice-how").arg("number", number(question.id)));
        text
    } else {
        let group = match question.urgent_place {
            Some(_) => "question-notice-group-urgent",
            None => "question-notice-group",
        };
        vec![Msg::new(group).arg("number", number(question.id))]
    };
    officers::notice(
        target.chat_id,
        target.lang,
        question.user_id,
        ReplyKind::Tagged {
            text,
            keyboard: notice_keyboard(question, target.chat_id),
            tag: tag(question),
        },
    )
}

/// The buttons under a notice in a staff member's own chat (see `desk::buttons`); none in a
/// group.
fn notice_keyboard(question: &Question, chat_id: i64) -> Keyboard {
    if chat_id < 0 {
        return Keyboard::None;
    }
    Keyboard::Inline(super::desk::buttons(question, chat_id))
}

/// A question the sender may act on as staff: one of their area's, else nothing (like a
/// question that is not there).
pub(super) async fn in_area(turn: &mut Turn<'_>, id: i64) -> Result<Option<Question>> {
    Ok(store::find(turn.tx, id)
        .await?
        .filter(|q| routing::may_act(turn, q.village_code)))
}

/// «✋ I'll take it»: the question is the sender's to answer; it goes up no further, and the
/// others who were told of it hear who took it.
pub(crate) async fn take(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let (Some(by), Some(question)) = (turn.user_id(), in_area(turn, id).await?) else {
        turn.notice(
            Msg::new("question-answer-gone").arg("number", number(id)),
            true,
        );
        return Ok(());
    };
    if !store::take(turn.tx, id, by).await? {
        turn.notice(
            Msg::new("question-taken-already").arg("number", number(id)),
            true,
        );
        return Ok(());
    }
    audit(turn, "question.take", id).await?;
    routing::tell_taken(
        turn,
        question.village_code,
        question.level,
        Msg::new("question-taken-by").arg("number", number(id)),
    )
    .await?;
    // At the top there is no level to go up to.
    let taken = match question.level {
        crate::domain::staff::Level::Country => "question-taken-you-top",
        _ => "question-taken-you",
    };
    let taken = Msg::new(taken).arg("number", number(id));
    turn.notice(taken.clone(), false);
    let mut rows = super::desk::buttons(
        &Question {
            taken_by: Some(by),
            ..question
        },
        by,
    );
    rows.push(vec![inbox_button()]);
    turn.send(vec![taken], Keyboard::Inline(rows));
    Ok(())
}

/// Questions nobody took within `ESCALATE_AFTER` of reaching their level go up one (or more,
/// past levels without anyone), and the next level is told.
pub(crate) async fn escalate(
    tx: &mut crate::store::Tx,
    settings: &crate::engine::Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Reply>> {
    let before = (now - settings.escalate_after).timestamp();
    let mut replies = Vec::new();
    for question in store::to_escalate(tx, before).await? {
        let Some(up) = question.level.up() else {
            continue;
        };
        let level = routing::level_from(tx, question.village_code, up).await?;
        store::set_level(tx, question.id, level, now).await?;
        let escalated = Question {
            level,
            level_since: now.timestamp(),
            ..question.clone()
        };
        let Some(latest) = latest_said(tx, &question).await? else {
            continue;
        };
        let who = who_asked_in(tx, question.user_id).await?;
        let hours = settings.escalate_after.num_hours().max(1);
        let heading = Msg::new("question-notice-escalated")
            .arg("number", number(question.id))
            .arg("who", who)
            .arg("hours", hours);
        for target in routing::targets(tx, settings, question.village_code, level).await? {
            replies.push(waiting_notice(
                &escalated,
                &latest,
                heading.clone(),
                &target,
            ));
        }
        tracing::info!(
            question = question.id,
            level = level.code(),
            "question passed up"
        );
    }
    Ok(replies)
}

/// The user's question, if it is theirs: nobody reaches anybody else's.
pub(super) async fn own(turn: &mut Turn<'_>, id: i64) -> Result<Option<Question>> {
    let Some(user_id) = turn.user_id() else {
        return Ok(None);
    };
    Ok(store::find(turn.tx, id)
        .await?
        .filter(|q| q.user_id == user_id))
}

/// A question that is not there, or not the user's: the same answer either way.
pub(super) async fn not_found(turn: &mut Turn<'_>) -> Result<()> {
    turn.state = State::Idle;
    turn.notice(Msg::new("question-not-found"), false);
    mine(turn).await
}

/// "My questions": the user's questions, newest first.
pub(crate) async fn mine(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let questions = store::of_user(turn.tx, user_id, 10).await?;
    let mut rows: Vec<Vec<Button>> = questions
        .iter()
        .map(|q| {
            let label = Msg::new("question-button-view")
                .arg("urgent", urgent_mark(q))
                .arg("number", number(q.id))
                .arg("status", standing(q));
            vec![Button::action(label, PillarsAction::Question(q.id).into())]
        })
        .collect();
    rows.push(vec![ask_button()]);
    rows.push(vec![menu::menu_button()]);
    let title = if questions.is_empty() {
        "question-mine-none"
    } else {
        "question-mine-title"
    };
    turn.show(vec![Msg::new(title)], Keyboard::Inline(rows));
    Ok(())
}

/// One of the user's questions with what was said on it.
pub(crate) async fn view(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let Some(question) = own(turn, id).await? else {
        return not_found(turn).await;
    };
    let entries = store::entries(turn.tx, id).await?;
    let mut text = vec![
        Msg::new("question-view-title")
            .arg("number", number(id))
            .arg("status", standing(&question)),
    ];
    text.extend(thread(&entries, false));
    let mut rows = vec![follow_up_row(&question)];
    rows.push(vec![
        Button::action(Msg::new("button-back"), PillarsAction::MyQuestions.into()),
        menu::menu_button(),
    ]);
    let keyboard = Keyboard::Inline(rows);
    turn.show(text, keyboard);
    Ok(())
}

/// «✍️ Follow up», and «✅ Resolved» while the question is not closed.
pub(super) fn follow_up_row(question: &Question) -> Vec<Button> {
    let mut row = vec![Button::action(
        Msg::new("question-button-follow-up"),
        PillarsAction::FollowUp(question.id).into(),
    )];
    if question.status != Status::Closed {
        row.push(Button::action(
            Msg::new("question-button-resolved"),
            PillarsAction::Resolve(question.id).into(),
        ));
    }
    row
}

/// The latest of what was said, oldest first, within what one message can hold.
fn thread(entries: &[Entry], for_officers: bool) -> Vec<Msg> {
    let mut shown: Vec<&Entry> = Vec::new();
    let mut chars = 0;
    for entry in entries.iter().rev() {
        let length = entry.text.chars().count();
        if !shown.is_empty() && (chars + length > THREAD_CHARS || shown.len() >= THREAD_ENTRIES) {
            break;
        }
        chars += length;
        shown.push(entry);
    }
    let mut text = Vec::new();
    if shown.len() < entries.len() {
        text.push(Msg::new("question-thread-earlier"));
    }
    for entry in shown.into_iter().rev() {
        let id = match (entry.author, entry.kind, for_officers) {
            (Author::User, _, false) => "question-thread-you",
            (Author::User, _, true) => "question-thread-asker",
            (Author::Officer, EntryKind::Said, _) => "question-thread-officer",
            (Author::Officer, EntryKind::Addition, _) => "question-thread-addition",
            (Author::Officer, EntryKind::Correction, _) => "question-thread-correction",
        };
        text.push(
            Msg::new(id)
                .arg("time", Arg::Time(entry.created_at))
                .arg(
                    "media",
                    media_label(entry.media.as_deref(), entry.forwarded_from.as_deref()),
                )
                .arg(
                    "text",
                    match entry.author {
                        // The asker's words behind a bar in an officer's view, where nothing
                        // they wrote may pass for a line of the bot's.
                        Author::User if for_officers => text::quoted(&entry.text),
                        _ => text::tidy(&entry.text).into_owned(),
                    },
                ),
        );
    }
    text
}

/// "Follow up": asks for more on one of the user's questions.
pub(crate) async fn follow_up(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    if own(turn, id).await?.is_none() {
        return not_found(turn).await;
    }
    turn.state = State::Pillars(PillarsState::AwaitingFollowUp { question_id: id });
    turn.show(
        vec![Msg::new("question-follow-up-prompt").arg("number", number(id))],
        cancel_keyboard(),
    );
    Ok(())
}

pub(crate) async fn on_follow_up(turn: &mut Turn<'_>, id: i64, event: &Event) -> Result<()> {
    if own(turn, id).await?.is_none() {
        return not_found(turn).await;
    }
    let prompt = Msg::new("question-follow-up-prompt").arg("number", number(id));
    let forwarded = turn.forwarded_from.clone();
    match heard(turn.message_id, forwarded.as_deref(), event) {
        Heard::Said(said) => add_follow_up(turn, id, &said).await,
        Heard::TooLong => {
            turn.send(
                vec![
                    Msg::new("question-too-long").arg("max", MAX_CHARS as i64),
                    prompt,
                ],
                cancel_keyboard(),
            );
            Ok(())
        }
        Heard::Unusable => {
            turn.send(
                vec![Msg::new("question-kind-hint"), prompt],
                cancel_keyboard(),
            );
            Ok(())
        }
    }
}

async fn add_follow_up(turn: &mut Turn<'_>, id: i64, said: &Said<'_>) -> Result<()> {
    let was_closed = store::find(turn.tx, id)
        .await?
        .is_some_and(|q| q.status == Status::Closed);
    let Some(question) = store::follow_up(turn.tx, id, said, turn.now).await? else {
        return not_found(turn).await;
    };
    // The officers see that a closed question came back.
    let heading = match was_closed {
        true => "question-notice-reopened",
        false => "question-notice-more",
    };
    notify_officers(turn, &question, heading, said).await?;
    turn.state = State::Idle;
    turn.push(ReplyKind::Tagged {
        text: vec![Msg::new("question-follow-up-received").arg("number", number(id))],
        keyboard: Keyboard::Inline(vec![vec![my_questions_button()], vec![menu::menu_button()]]),
        tag: tag(&question),
    });
    Ok(())
}

/// Text sent as a reply to one of the bot's messages. A reply to a question's message is an
/// officer's answer, or (in the asker's own chat) a follow-up. Returns `false` when the
/// message replied to stands for no question this person may act on.
pub(crate) async fn on_reply(turn: &mut Turn<'_>, reply_to: i32, text: &str) -> Result<bool> {
    let Some((id, round)) = store::by_message(turn.tx, turn.chat_id, reply_to).await? else {
        return Ok(false);
    };
    let question = store::find(turn.tx, id).await?;
    let Some(user_id) = turn.user_id() else {
        return Ok(false);
    };
    match question {
        Some(q) if q.user_id == user_id && turn.chat_id == user_id => {
            if text.chars().count() > MAX_CHARS {
                let too_long = Msg::new("question-too-long").arg("max", MAX_CHARS as i64);
                turn.send(vec![too_long], Keyboard::None);
                return Ok(true);
            }
            add_follow_up(
                turn,
                id,
                &Said {
                    text: text.trim(),
                    media: None,
                    message_id: None,
                    forwarded_from: None,
                },
            )
            .await?;
            Ok(true)
        }
        _ if turn.role().is_some() => {
            answer(turn, id, Some(round), text).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// `/answer ID text`.
pub(crate) async fn answer_command(turn: &mut Turn<'_>, args: &str) -> Result<()> {
    let (first, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    match parse_id(first.trim_start_matches('#')) {
        Some(id) if !rest.trim().is_empty() => answer(turn, id, None, rest).await,
        _ => {
            turn.send(vec![Msg::new("question-answer-usage")], Keyboard::None);
            Ok(())
        }
    }
}

/// An officer's answer to a question's round (`None`: the round now open). The user receives
/// it from "the Desmigratif officer"; the officer is told it went, or that someone answered
/// first (in their own chat, with their words kept to send as an addition or correction).
pub(super) async fn answer(
    turn: &mut Turn<'_>,
    id: i64,
    round: Option<i64>,
    text: &str,
) -> Result<()> {
    let text = text.trim();
    if text.chars().count() > MAX_CHARS {
        turn.send(
            vec![Msg::new("question-answer-too-long").arg("max", MAX_CHARS as i64)],
            Keyboard::None,
        );
        return Ok(());
    }
    let Some(question) = in_area(turn, id).await? else {
        turn.send(
            vec![Msg::new("question-answer-gone").arg("number", number(id))],
            Keyboard::None,
        );
        return Ok(());
    };
    let round = round.unwrap_or(question.round);
    let keyboard = Keyboard::Inline(vec![vec![inbox_button()]]);
    if !store::answer(turn.tx, id, round, text, turn.now).await? {
        return super::desk::answered_first(turn, &question, text).await;
    }
    audit(turn, "question.answer", id).await?;
    let question = Question {
        status: Status::Answered,
        ..question
    };
    to_asker(turn, &question, "question-answer-for-you", text, round).await?;
    turn.send(
        vec![Msg::new("question-answer-sent").arg("number", number(id))],
        keyboard,
    );
    Ok(())
}

/// An officer's words on `question` to the person who asked (an answer, an addition or a
/// correction, as `heading` says), as from "the Desmigratif officer", with the buttons to
/// follow up or mark it resolved.
pub(super) async fn to_asker(
    turn: &mut Turn<'_>,
    question: &Question,
    heading: &str,
    text: &str,
    round: i64,
) -> Result<()> {
    let lang =
        users::language_of(turn.tx, question.user_id, turn.settings.default_language).await?;
    let to_user = ReplyKind::Tagged {
        text: vec![
            Msg::new(heading.to_owned()).arg("number", number(question.id)),
            Msg::new("question-quote")
                .arg("media", media_label(None, None))
                .arg("text", text),
        ],
        keyboard: Keyboard::Inline(vec![
            follow_up_row(question),
            vec![my_questions_button(), menu::menu_button()],
        ]),
        tag: MessageTag::Question {
            id: question.id,
            round,
        },
    };
    turn.push_reply(officers::notice(
        question.user_id,
        lang,
        question.user_id,
        to_user,
    ));
    Ok(())
}

/// `/inbox`: the first page of the open questions.
pub(crate) async fn inbox(turn: &mut Turn<'_>) -> Result<()> {
    inbox_view(turn, InboxFilter::Open, 1).await
}

/// A page of the inbox: ten questions of `filter` (urgent cases first, then the longest
/// waiting), each with its village and how long it waited, a button each to open it, ◀️ ▶️
/// between pages, and the filters.
pub(crate) async fn inbox_view(turn: &mut Turn<'_>, filter: InboxFilter, page: u32) -> Result<()> {
    let (Some((_, scope)), Some(reader)) = (turn.role(), turn.user_id()) else {
        return Ok(());
    };
    let page = page.max(1);
    let offset = i64::from(page - 1) * INBOX_PAGE;
    let (mut listed, mut total) =
        store::inbox_page(turn.tx, &scope, filter, reader, offset, INBOX_PAGE).await?;
    let pages = super::pages_of(total, INBOX_PAGE);
    let page = if listed.is_empty() && page > 1 {
        // An old button of a page that is no longer there: the last one.
        (listed, total) = store::inbox_page(
            turn.tx,
            &scope,
            filter,
            reader,
            i64::from(pages - 1) * INBOX_PAGE,
            INBOX_PAGE,
        )
        .await?;
        pages
    } else {
        page
    };
    let items = listed
        .iter()
        .map(|o| {
            let label = Msg::new("question-button-open")
                .arg("urgent", urgent_mark(&o.question))
                .arg("number", number(o.question.id));
            Button::action(label, PillarsAction::OpenQuestion(o.question.id).into())
        })
        .collect();
    let filters = InboxFilter::ALL
        .iter()
        .filter(|f| **f != filter)
        .map(|f| {
            Button::action(
                Msg::new(format!("inbox-button-{}", f.code())),
                PillarsAction::InboxView(*f, 1).into(),
            )
        })
        .collect();
    let mut rows = super::paged_rows(
        items,
        page,
        pages,
        |page| PillarsAction::InboxView(filter, page),
        filters,
    );
    // How this chat hears of new questions (an officer's own, or the officers' group).
    rows.push(vec![
        super::desk::notices_button(turn.tx, turn.chat_id).await?,
    ]);
    if !officers::in_officers_group(turn) {
        rows.push(vec![menu::menu_button()]);
    }
    let heading = Msg::new(format!("inbox-title-{}", filter.code()))
        .arg("count", total)
        .arg("page", i64::from(page))
        .arg("pages", i64::from(pages));
    if listed.is_empty() {
        turn.show(
            vec![heading, Msg::new(format!("inbox-empty-{}", filter.code()))],
            Keyboard::Inline(rows),
        );
        return Ok(());
    }
    // No names here: the list is not tied to one person's data (see `open` for the details).
    let mut text = vec![heading];
    for o in &listed {
        let village = match o.question.village_code {
            Some(code) => super::super::places::chosen(turn, code)
                .await?
                .map(|hit| Arg::Text(hit.village.to_string())),
            None => None,
        }
        .unwrap_or_else(|| Arg::Msg(Box::new(Msg::new("inbox-no-village"))));
        let waited = waited_since(turn.now.timestamp() - o.question.opened_at);
        let taken = match o.question.taken_by {
            Some(_) => Arg::Msg(Box::new(Msg::new("question-inbox-taken"))),
            None => Arg::Text(String::new()),
        };
        text.push(
            Msg::new("question-inbox-line")
                .arg("urgent", urgent_mark(&o.question))
                .arg("taken", taken)
                .arg("number", number(o.question.id))
                .arg("village", village)
                .arg("waited", waited)
                .arg(
                    "media",
                    media_label(
                        o.latest.media.as_deref(),
                        o.latest.forwarded_from.as_deref(),
                    ),
                )
                .arg("text", preview(&o.latest.text, PREVIEW_CHARS)),
        );
    }
    text.push(Msg::new("question-inbox-how"));
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

/// How long something has waited, as a person says it: minutes, hours, or days.
fn waited_since(seconds: i64) -> Msg {
    let minutes = seconds.max(0) / 60;
    match minutes {
        0..60 => Msg::new("inbox-waited-minutes").arg("n", minutes),
        60..2880 => Msg::new("inbox-waited-hours").arg("n", minutes / 60),
        _ => Msg::new("inbox-waited-days").arg("n", minutes / 1440),
    }
}

/// An officer sees a question again, as a new message they can reply to.
pub(crate) async fn open(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let Some(question) = in_area(turn, id).await? else {
        turn.notice(
            Msg::new("question-answer-gone").arg("number", number(id)),
            true,
        );
        return Ok(());
    };
    let entries = store::entries(turn.tx, id).await?;
    let who = who_asked(turn, question.user_id).await?;
    audit(turn, "question.open", id).await?;
    let mut text = vec![
        Msg::new("question-notice-open")
            .arg("urgent", urgent_mark(&question))
            .arg("number", number(id))
            .arg("who", who)
            .arg(
                "status",
                super::desk::status_line(turn.tx, &question, turn.user_id()).await?,
            ),
    ];
    text.extend(urgent_where(&question));
    // The person's other questions in this area: their numbers and where they stand.
    let earlier: Vec<Msg> = store::of_user(turn.tx, question.user_id, EARLIER + 1)
        .await?
        .into_iter()
        .filter(|q| q.id != id && routing::may_act(turn, q.village_code))
        .take(EARLIER as usize)
        .map(|q| {
            Msg::new("question-earlier-item")
                .arg("number", number(q.id))
                .arg("status", standing(&q))
        })
        .collect();
    if !earlier.is_empty() {
        text.push(Msg::new("question-earlier").arg("list", Arg::List(earlier)));
    }
    text.extend(thread(&entries, true));
    // How to answer, while there is something to answer (the buttons do the rest).
    if question.status == Status::Open {
        text.push(Msg::new("question-notice-how").arg("number", number(id)));
    }
    let (chat_id, lang) = (turn.chat_id, turn.lang);
    // What may be done with it, in the staff member's own chat (a group replies to answer).
    let keyboard = match chat_id > 0 {
        true => {
            let mut rows = super::desk::buttons(&question, chat_id);
            rows.push(vec![inbox_button()]);
            Keyboard::Inline(rows)
        }
        false => Keyboard::None,
    };
    let mut replies = vec![ReplyKind::Tagged {
        text,
        keyboard,
        tag: tag(&question),
    }];
    replies.extend(
        entries
            .iter()
            .filter(|e| e.round == question.round && e.media.is_some())
            .filter_map(|e| e.message_id)
            .map(|message_id| ReplyKind::Copy {
                from_chat_id: question.user_id,
                message_id,
                tag: Some(tag(&question)),
            }),
    );
    for kind in replies {
        let subject = Some(question.user_id);
        turn.push_reply(Reply {
            chat_id,
            lang,
            priority: Priority::Interactive,
            subject,
            kind,
        });
    }
    Ok(())
}

/// A question as the web console shows it to a staff member (see `engine::console`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleQuestion {
    pub question: Question,
    /// Who asked: name, role, village and phone from their profile, where there is one.
    pub who: Msg,
    /// Where it stands, as the bot says it to this reader.
    pub status: Msg,
    /// An urgent case's place.
    pub urgent_where: Option<Msg>,
    /// Everything said on it, oldest first.
    pub entries: Vec<Entry>,
    /// What the reader may do with it now: the bot's own buttons.
    pub buttons: Vec<Button>,
    /// The asker's other questions within the reader's area: (number, where each stands).
    pub earlier: Vec<(i64, Msg)>,
}

/// Question `id` for `reader`, whose area is `scope`; `None` when it is not within it (as
/// if it were not there).
pub(crate) async fn for_console(
    tx: &mut crate::store::Tx,
    reader: i64,
    scope: &crate::domain::staff::Scope,
    id: i64,
) -> Result<Option<ConsoleQuestion>> {
    let Some(question) = store::find(tx, id)
        .await?
        .filter(|q| routing::covers(scope, q.village_code))
    else {
        return Ok(None);
    };
    let entries = store::entries(tx, id).await?;
    let who = who_asked_in(tx, question.user_id).await?;
    let status = super::desk::status_line(tx, &question, Some(reader)).await?;
    let earlier = store::of_user(tx, question.user_id, EARLIER + 1)
        .await?
        .into_iter()
        .filter(|q| q.id != id && routing::covers(scope, q.village_code))
        .take(EARLIER as usize)
        .map(|q| (q.id, standing(&q)))
        .collect();
    Ok(Some(ConsoleQuestion {
        urgent_where: urgent_where(&question),
        buttons: super::desk::buttons(&question, reader)
            .into_iter()
            .flatten()
            .collect(),
        question,
        who,
        status,
        entries,
        earlier,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_are_short_and_on_one_line() {
        assert_eq!(
            preview("Halo\n\nbagaimana  caranya?", 60),
            "Halo bagaimana caranya?"
        );
        assert_eq!(preview(&"a".repeat(100), 10), format!("{}…", "a".repeat(9)));
        assert_eq!(preview("", 10), "");
    }

    #[test]
    fn a_thread_shows_the_latest_within_its_limits() {
        let entry = |text: &str| Entry {
            round: 1,
            author: Author::User,
            kind: EntryKind::Said,
            text: text.into(),
            media: None,
            message_id: None,
            forwarded_from: None,
            created_at: 0,
        };
        let short: Vec<Entry> = (0..3).map(|_| entry("ok")).collect();
        assert_eq!(thread(&short, false).len(), 3);
        let long: Vec<Entry> = (0..3).map(|_| entry(&"x".repeat(2000))).collect();
        let shown = thread(&long, true);
        assert_eq!(shown[0].id, "question-thread-earlier");
        assert_eq!(
            shown.len(),
            2,
            "the newest always shows, older ones while they fit"
        );
        let many: Vec<Entry> = (0..40).map(|_| entry("ok")).collect();
        assert_eq!(thread(&many, false).len(), THREAD_ENTRIES + 1);
    }
}
