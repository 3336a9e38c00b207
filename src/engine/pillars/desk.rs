//! What staff do with a question besides replying to its notice: answer it from a button,
//! add to or correct an answer, close it (answered elsewhere, a duplicate, spam), hand it back
//! or pass it up a level; and what the person does with their own: mark it resolved. A
//! question is waiting, taken, answered or closed (see `questions::standing`); whatever is said
//! on it after it was closed opens it again.
//!
//! Also here: how often officers hear of new questions. Urgent cases and messages on a question
//! someone has are told at once; other new questions at most once every quarter of an hour per
//! chat («3 new messages — open the inbox»), unless the officer chose to hear of each at once.

use chrono::TimeDelta;

use super::questions::{self, MAX_CHARS, in_area, inbox_button, own, standing};
use super::{PillarsAction, PillarsState, cancel_keyboard, number, routing};
use crate::domain::{Language, staff::Level};
use crate::engine::{
    Button, Event, Keyboard, Msg, Reply, ReplyKind, Result, State, menu, turn::Turn,
};
use crate::store::officer_notices;
use crate::store::questions::{self as store, CloseReason, EntryKind, Question, Status};

/// Other new questions reach an officer's chat at most once in this long.
pub(crate) const QUIET: TimeDelta = TimeDelta::minutes(15);

/// The reasons an officer may close a question for (the person's own is «resolved»).
const OFFICER_REASONS: [CloseReason; 3] = [
    CloseReason::Elsewhere,
    CloseReason::Duplicate,
    CloseReason::Spam,
];

fn action(label: Msg, action: PillarsAction) -> Button {
    Button::action(label, action.into())
}

/// The buttons for what `reader` (in their own chat) may do with `question` now.
pub(super) fn buttons(question: &Question, reader: i64) -> Vec<Vec<Button>> {
    let id = question.id;
    let mut rows = Vec::new();
    match question.status {
        Status::Open => {
            match question.taken_by {
                None => rows.push(vec![action(
                    Msg::new("question-button-take").arg("number", number(id)),
                    PillarsAction::Take(id),
                )]),
                Some(taker) if taker == reader => rows.push(vec![action(
                    Msg::new("question-button-hand-back"),
                    PillarsAction::HandBack(id),
                )]),
                Some(_) => {}
            }
            rows.push(vec![
                action(
                    Msg::new("question-button-answer"),
                    PillarsAction::AnswerPrompt(id),
                ),
                action(Msg::new("question-button-close"), PillarsAction::Close(id)),
            ]);
            if question.level != Level::Country {
                rows.push(vec![action(
                    Msg::new("question-button-pass-up"),
                    PillarsAction::PassUp(id),
                )]);
            }
        }
        Status::Answered => {
            rows.push(amend_buttons(id, PillarsAction::Amend));
            rows.push(vec![action(
                Msg::new("question-button-close"),
                PillarsAction::Close(id),
            )]);
        }
        Status::Closed => {}
    }
    rows
}

/// «➕ Add to the answer» and «✏️ Correct the answer», as `to` makes them.
fn amend_buttons(id: i64, to: fn(i64, EntryKind) -> PillarsAction) -> Vec<Button> {
    vec![
        action(
            Msg::new("question-button-addition"),
            to(id, EntryKind::Addition),
        ),
        action(
            Msg::new("question-button-correction"),
            to(id, EntryKind::Correction),
        ),
    ]
}

/// Where a question stands, for staff (`reader`): waiting at its level, taken by whom, answered,
/// or closed and why.
pub(super) async fn status_line(
    tx: &mut crate::store::Tx,
    question: &Question,
    reader: Option<i64>,
) -> Result<Msg> {
    let level = Msg::new(question.level.message_id());
    Ok(
        match (question.status, question.taken_by, question.closed_reason) {
            (Status::Open, None, _) => Msg::new("question-standing-waiting").arg("level", level),
            (Status::Open, Some(taker), _) if Some(taker) == reader => {
                Msg::new("question-standing-taken-you")
            }
            (Status::Open, Some(taker), _) => {
                let taker = match crate::store::staff::find(tx, taker)
                    .await?
                    .and_then(|member| member.card.name)
                {
                    Some(name) => Msg::new("question-taker-named").arg("name", name),
                    None => Msg::new("question-taker-someone"),
                };
                Msg::new("question-standing-taken").arg("taker", taker)
            }
            (Status::Closed, _, Some(reason)) => {
                Msg::new("question-standing-closed").arg("reason", Msg::new(reason.message_id()))
            }
            _ => standing(question),
        },
    )
}

/// A question staff may act on from their own chat, else `None` with the reason told.
async fn workable(turn: &mut Turn<'_>, id: i64) -> Result<Option<Question>> {
    let question = in_area(turn, id).await?;
    if question.is_none() {
        gone(turn, id);
    }
    Ok(question)
}

fn gone(turn: &mut Turn<'_>, id: i64) {
    turn.state = State::Idle;
    let gone = Msg::new("question-answer-gone").arg("number", number(id));
    turn.notice(gone.clone(), true);
    turn.send(vec![gone], Keyboard::Inline(vec![vec![inbox_button()]]));
}

/// What was done, told to the officer with the way back to the inbox.
fn done(turn: &mut Turn<'_>, said: Msg) {
    turn.state = State::Idle;
    turn.notice(said.clone(), false);
    turn.send(vec![said], Keyboard::Inline(vec![vec![inbox_button()]]));
}

/// «✍️ Answer»: asks for the answer's text.
pub(crate) async fn answer_prompt(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let Some(question) = workable(turn, id).await? else {
        return Ok(());
    };
    if question.status != Status::Open {
        return answered_first(turn, &question, "").await;
    }
    turn.state = State::Pillars(PillarsState::AwaitingAnswer {
        question_id: id,
        round: question.round,
    });
    turn.send(
        vec![Msg::new("question-answer-prompt").arg("number", number(id))],
        cancel_keyboard(),
    );
    Ok(())
}

/// The text of a step that asks for an officer's words, or the hint and the question again.
fn typed<'a>(turn: &mut Turn<'_>, event: &'a Event, prompt: Msg) -> Option<&'a str> {
    match event {
        Event::Text { text, .. } if !text.trim().is_empty() => Some(text.trim()),
        _ => {
            turn.send(
                vec![Msg::new("question-answer-text-only"), prompt],
                cancel_keyboard(),
            );
            None
        }
    }
}

/// The answer typed after «✍️ Answer».
pub(crate) async fn on_answer(
    turn: &mut Turn<'_>,
    id: i64,
    round: i64,
    event: &Event,
) -> Result<()> {
    let prompt = Msg::new("question-answer-prompt").arg("number", number(id));
    let Some(text) = typed(turn, event, prompt) else {
        return Ok(());
    };
    turn.state = State::Idle;
    questions::answer(turn, id, Some(round), text).await
}

/// Someone answered first (or the question is no longer open): in an officer's own chat their
/// words are kept, to send as an addition or a correction with one tap.
pub(super) async fn answered_first(
    turn: &mut Turn<'_>,
    question: &Question,
    text: &str,
) -> Result<()> {
    let id = question.id;
    let already = Msg::new("question-answer-already").arg("number", number(id));
    if turn.chat_id < 0 || question.status == Status::Closed {
        turn.state = State::Idle;
        let closed = question.status == Status::Closed;
        let said = match closed {
            true => Msg::new("question-answer-closed").arg("number", number(id)),
            false => already,
        };
        turn.send(vec![said], Keyboard::Inline(vec![vec![inbox_button()]]));
        return Ok(());
    }
    let mut rows = Vec::new();
    let text_msg = if text.is_empty() {
        turn.state = State::Idle;
        rows.push(amend_buttons(id, PillarsAction::Amend));
        Msg::new("question-answer-already-amend")
    } else {
        turn.state = State::Pillars(PillarsState::AnswerDraft {
            question_id: id,
            text: text.to_owned(),
        });
        rows.push(amend_buttons(id, PillarsAction::SendDraft));
        Msg::new("question-answer-already-kept")
    };
    rows.push(vec![
        action(
            Msg::new("question-button-see").arg("number", number(id)),
            PillarsAction::OpenQuestion(id),
        ),
        inbox_button(),
    ]);
    turn.send(vec![already, text_msg], Keyboard::Inline(rows));
    Ok(())
}

/// «➕ Add to the answer» / «✏️ Correct the answer»: asks for the words.
pub(crate) async fn amend_prompt(turn: &mut Turn<'_>, id: i64, kind: EntryKind) -> Result<()> {
    if kind == EntryKind::Said {
        return questions::open(turn, id).await;
    }
    if workable(turn, id).await?.is_none() {
        return Ok(());
    }
    turn.state = State::Pillars(PillarsState::AwaitingAmend {
        question_id: id,
        kind,
    });
    turn.send(vec![amend_prompt_text(id, kind)], cancel_keyboard());
    Ok(())
}

fn amend_prompt_text(id: i64, kind: EntryKind) -> Msg {
    Msg::new(format!("question-{}-prompt", kind.code())).arg("number", number(id))
}

/// The words typed after «➕ Add» or «✏️ Correct».
pub(crate) async fn on_amend(
    turn: &mut Turn<'_>,
    id: i64,
    kind: EntryKind,
    event: &Event,
) -> Result<()> {
    let Some(text) = typed(turn, event, amend_prompt_text(id, kind)) else {
        return Ok(());
    };
    amend(turn, id, kind, text).await
}

/// An officer's words kept when someone answered first, sent as an addition or correction.
pub(crate) async fn send_draft(turn: &mut Turn<'_>, id: i64, kind: EntryKind) -> Result<()> {
    match turn.state.clone() {
        State::Pillars(PillarsState::AnswerDraft { question_id, text }) if question_id == id => {
            amend(turn, id, kind, &text).await
        }
        // An old button: the words are no longer kept; ask for them.
        _ => amend_prompt(turn, id, kind).await,
    }
}

/// Adds to or corrects the answer of question `id`; the person gets it headed «Tambahan…» or
/// «Koreksi dari petugas».
pub(super) async fn amend(turn: &mut Turn<'_>, id: i64, kind: EntryKind, text: &str) -> Result<()> {
    if kind == EntryKind::Said {
        return Ok(());
    }
    turn.state = State::Idle;
    if text.chars().count() > MAX_CHARS {
        turn.state = State::Pillars(PillarsState::AwaitingAmend {
            question_id: id,
            kind,
        });
        let too_long = Msg::new("question-answer-too-long").arg("max", MAX_CHARS as i64);
        turn.send(
            vec![too_long, amend_prompt_text(id, kind)],
            cancel_keyboard(),
        );
        return Ok(());
    }
    if workable(turn, id).await?.is_none() {
        return Ok(());
    }
    let Some(question) = store::amend(turn.tx, id, kind, text, turn.now).await? else {
        turn.send(
            vec![Msg::new("question-amend-nothing").arg("number", number(id))],
            Keyboard::Inline(vec![vec![
                action(
                    Msg::new("question-button-answer"),
                    PillarsAction::AnswerPrompt(id),
                ),
                inbox_button(),
            ]]),
        );
        return Ok(());
    };
    let audited = match kind {
        EntryKind::Correction => "question.correct",
        _ => "question.add",
    };
    questions::audit(turn, audited, id).await?;
    let heading = format!("question-{}-for-you", kind.code());
    questions::to_asker(turn, &question, &heading, text, question.round).await?;
    done(
        turn,
        Msg::new(format!("question-{}-sent", kind.code())).arg("number", number(id)),
    );
    Ok(())
}

/// «🗂️ Close»: why?
pub(crate) async fn close(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let Some(question) = workable(turn, id).await? else {
        return Ok(());
    };
    if question.status == Status::Closed {
        done(
            turn,
            Msg::new("question-closed-already").arg("number", number(id)),
        );
        return Ok(());
    }
    let mut rows: Vec<Vec<Button>> = OFFICER_REASONS
        .iter()
        .map(|reason| {
            vec![action(
                Msg::new(format!("question-button-close-{}", reason.code())),
                PillarsAction::CloseAs(id, *reason),
            )]
        })
        .collect();
    rows.push(vec![action(
        Msg::new("button-cancel"),
        PillarsAction::OpenQuestion(id),
    )]);
    turn.send(
        vec![Msg::new("question-close-why").arg("number", number(id))],
        Keyboard::Inline(rows),
    );
    Ok(())
}

/// Closes a question for `reason`. The person is told, except of spam.
pub(crate) async fn close_as(turn: &mut Turn<'_>, id: i64, reason: CloseReason) -> Result<()> {
    if reason == CloseReason::Resolved || workable(turn, id).await?.is_none() {
        return Ok(());
    }
    let Some(question) = store::close(turn.tx, id, reason, turn.now).await? else {
        done(
            turn,
            Msg::new("question-closed-already").arg("number", number(id)),
        );
        return Ok(());
    };
    questions::audit(turn, "question.close", id).await?;
    if reason != CloseReason::Spam {
        let lang = crate::store::users::language_of(
            turn.tx,
            question.user_id,
            turn.settings.default_language,
        )
        .await?;
        turn.push_reply(super::officers::notice(
            question.user_id,
            lang,
            question.user_id,
            ReplyKind::Message {
                text: vec![
                    Msg::new(format!("question-closed-for-you-{}", reason.code()))
                        .arg("number", number(id)),
                ],
                keyboard: Keyboard::Inline(vec![
                    questions::follow_up_row(&question),
                    vec![menu::menu_button()],
                ]),
            },
        ));
    }
    let said = Msg::new("question-closed-done")
        .arg("number", number(id))
        .arg("reason", Msg::new(reason.message_id()));
    done(turn, said);
    Ok(())
}

/// «↩️ Hand back»: the question its taker had waits at its level again, and its officers are
/// told.
pub(crate) async fn hand_back(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let (Some(by), Some(question)) = (turn.user_id(), workable(turn, id).await?) else {
        return Ok(());
    };
    if !store::hand_back(turn.tx, id, by, turn.now).await? {
        done(
            turn,
            Msg::new("question-not-yours").arg("number", number(id)),
        );
        return Ok(());
    }
    questions::audit(turn, "question.hand_back", id).await?;
    let waiting = Question {
        taken_by: None,
        level_since: turn.now.timestamp(),
        ..question
    };
    tell_level(turn, &waiting, "question-notice-handed-back").await?;
    done(
        turn,
        Msg::new("question-handed-back").arg("number", number(id)),
    );
    Ok(())
}

/// «⏫ Pass up»: the question goes to the next level with someone on it, for anyone there to
/// take, and they are told at once.
pub(crate) async fn pass_up(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let Some(question) = workable(turn, id).await? else {
        return Ok(());
    };
    let Some(up) = question
        .level
        .up()
        .filter(|_| question.status == Status::Open)
    else {
        done(
            turn,
            Msg::new("question-pass-up-not").arg("number", number(id)),
        );
        return Ok(());
    };
    let level = routing::level_from(turn.tx, question.village_code, up).await?;
    if !store::pass_up(turn.tx, id, level, turn.now).await? {
        done(
            turn,
            Msg::new("question-pass-up-not").arg("number", number(id)),
        );
        return Ok(());
    }
    questions::audit(turn, "question.pass_up", id).await?;
    let passed = Question {
        level,
        level_since: turn.now.timestamp(),
        taken_by: None,
        ..question
    };
    tell_level(turn, &passed, "question-notice-passed-up").await?;
    let said = Msg::new("question-passed-up")
        .arg("number", number(id))
        .arg("level", Msg::new(level.message_id()));
    done(turn, said);
    Ok(())
}

/// Tells the staff now answering for `question` (all but the sender) that it waits for them.
async fn tell_level(turn: &mut Turn<'_>, question: &Question, heading: &str) -> Result<()> {
    let Some(latest) = questions::latest_said(turn.tx, question).await? else {
        return Ok(());
    };
    let who = questions::who_asked_in(turn.tx, question.user_id).await?;
    let heading = Msg::new(heading.to_owned())
        .arg("number", number(question.id))
        .arg("who", who);
    let me = turn.user_id();
    for target in questions::question_targets(turn.tx, turn.settings, question).await? {
        if Some(target.chat_id) != me {
            let notice = questions::waiting_notice(question, &latest, heading.clone(), &target);
            turn.push_reply(notice);
        }
    }
    Ok(())
}

/// The person's «✅ Resolved»: their question is closed, and whoever had it is told.
pub(crate) async fn resolve(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    if own(turn, id).await?.is_none() {
        return questions::not_found(turn).await;
    }
    let Some(question) = store::close(turn.tx, id, CloseReason::Resolved, turn.now).await? else {
        return questions::view(turn, id).await;
    };
    if let Some(taker) = question.taken_by
        && let Some(target) = routing::taker(turn.tx, turn.settings, taker).await?
    {
        let said = Msg::new("question-resolved-by-asker").arg("number", number(id));
        let told = super::officers::tell(target.chat_id, target.lang, vec![said], Keyboard::None);
        turn.push_reply(told);
    }
    turn.state = State::Idle;
    turn.show(
        vec![Msg::new("question-resolved").arg("number", number(id))],
        Keyboard::Inline(vec![
            vec![questions::my_questions_button()],
            vec![menu::menu_button()],
        ]),
    );
    Ok(())
}

/// The button that changes how the officer in `chat_id` hears of new questions.
pub(super) async fn notices_button(tx: &mut crate::store::Tx, chat_id: i64) -> Result<Button> {
    let each = officer_notices::each_at_once(tx, chat_id).await?;
    let (label, to) = match each {
        true => ("inbox-button-notices-together", false),
        false => ("inbox-button-notices-each", true),
    };
    Ok(action(Msg::new(label), PillarsAction::Notices(to)))
}

/// The officer (or the officers' group) chooses to hear of each new question at once, or
/// together.
pub(crate) async fn set_notices(turn: &mut Turn<'_>, each: bool) -> Result<()> {
    officer_notices::set_each_at_once(turn.tx, turn.chat_id, each).await?;
    let said = match each {
        true => "inbox-notices-each",
        false => "inbox-notices-together",
    };
    turn.notice(Msg::new(said), true);
    questions::inbox(turn).await
}

/// «📥 `count` new messages wait in the inbox», for a chat told of them together.
pub(super) fn together(chat_id: i64, lang: Language, count: i64) -> Reply {
    let text = vec![Msg::new("question-notice-together").arg("count", count)];
    let keyboard = Keyboard::Inline(vec![vec![inbox_button()]]);
    super::officers::tell(chat_id, lang, text, keyboard)
}

/// The chats whose quiet spell is over with new messages held: each told how many.
pub(crate) async fn notices_due(
    tx: &mut crate::store::Tx,
    settings: &crate::engine::Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Reply>> {
    let mut replies = Vec::new();
    for (chat_id, count) in officer_notices::due(tx, now, QUIET).await? {
        let lang = if chat_id < 0 {
            settings.default_language
        } else if settings.is_admin(chat_id)
            || crate::store::staff::find(tx, chat_id).await?.is_some()
        {
            crate::store::users::language_of(tx, chat_id, settings.default_language).await?
        } else {
            // No longer staff: nothing to tell.
            continue;
        };
        replies.push(together(chat_id, lang, count));
    }
    Ok(replies)
}
