//! One update's worth of work: the user, their state and the replies gathered so far, all
//! inside the update's transaction.

use chrono::{DateTime, Utc};

use super::staffing::Staffing;
use super::{Event, Input, Keyboard, Msg, Reply, ReplyKind, Result, Settings, State};
use crate::areas::{Gazetteer, Places};
use crate::domain::{
    Language,
    staff::{Scope, StaffRole},
};
use crate::store::{
    Tx, conversations, conversations::StateWrite, outbox::Priority, staff::Member, users,
    users::User,
};

pub(crate) struct Turn<'a> {
    pub tx: &'a mut Tx,
    pub settings: &'a Settings,
    pub places: &'a Places,
    pub agencies: &'a super::agencies::Agencies,
    /// The staff member the sender is (beyond `ADMIN_IDS`), if any.
    pub staff: Option<Member>,
    pub now: DateTime<Utc>,
    pub chat_id: i64,
    /// The person who sent the update; in private chats always known.
    pub user: Option<User>,
    /// The language replies are written in.
    pub lang: Language,
    /// The user's state; saved when the turn finishes.
    pub state: State,
    /// The id of the user's message this update carries (see `Input::message_id`).
    pub message_id: Option<i32>,
    /// Where the message came from, if it was forwarded (see `Input::forwarded_from`).
    pub forwarded_from: Option<String>,
    loaded_state: State,
    callback: Option<Callback>,
    replies: Vec<Reply>,
    checkpoint: bool,
    recheck_group: bool,
    staff_changed: bool,
    places_changed: bool,
    deferred: Vec<super::Deferred>,
}

/// What a turn leaves behind once finished.
pub(crate) struct Finished {
    pub replies: Vec<Reply>,
    /// The user's conversation state, to write down with the replies.
    pub state: StateWrite,
    /// Personal data was erased: checkpoint the write-ahead log after the commit so no copy of
    /// it stays in the WAL file.
    pub checkpoint: bool,
    /// The officers' group's members changed: check them again after the commit.
    pub recheck_group: bool,
    /// Someone joined or left the staff: read who is staff again after the commit.
    pub staff_changed: bool,
    /// The programme's villages changed: build the village search again after the commit.
    pub places_changed: bool,
    /// Reports to make after the commit, on a reading connection (see `Engine::run_deferred`).
    pub deferred: Vec<super::Deferred>,
    /// The same, once remembered in the database (by the engine, in the update's transaction).
    pub due: Vec<super::Due>,
}

struct Callback {
    query_id: String,
    message_id: Option<i32>,
    notice: Option<(Msg, bool)>,
}

/// The language a person's Telegram app suggests, else the bot's default.
fn detected_language(input: &Input, settings: &Settings) -> Language {
    Language::from_telegram(
        input
            .sender
            .as_ref()
            .and_then(|s| s.language_code.as_deref()),
        settings.default_language,
    )
}

/// Who an update counts as contact from (someone writing to the bot in private), with the
/// language to greet them in if they are new. A (un)block notice is not the user writing.
pub(crate) fn contact(input: &Input, settings: &Settings) -> Option<(i64, Language)> {
    match (&input.sender, input.chat.private, &input.event) {
        (Some(_), true, Event::Membership { .. }) => None,
        (Some(sender), true, _) => Some((sender.id, detected_language(input, settings))),
        _ => None,
    }
}

/// What every turn shares with the engine: the deployment's settings and what is built from
/// the database once for all turns.
pub(crate) struct Shared<'a> {
    pub settings: &'a Settings,
    pub places: &'a Places,
    pub agencies: &'a super::agencies::Agencies,
    pub staffing: &'a Staffing,
}

impl<'a> Turn<'a> {
    /// `seen`: the [`contact`] as the update's first statements recorded them, if there is one.
    pub async fn begin(
        tx: &'a mut Tx,
        shared: Shared<'a>,
        input: &Input,
        now: DateTime<Utc>,
        seen: Option<users::Seen>,
    ) -> Result<Turn<'a>> {
        let Shared {
            settings,
            places,
            agencies,
            staffing,
        } = shared;
        let (user, state) = match (seen, &input.sender) {
            (Some(seen), _) => (Some(seen.user), parse_state(seen.state)),
            // Not contact (an (un)block notice): the user as they are, if known.
            (None, Some(sender)) if input.chat.private => match users::find(tx, sender.id).await? {
                Some(user) => {
                    let state = conversations::load(tx, user.id).await?;
                    (Some(user), parse_state(state))
                }
                None => (None, State::Idle),
            },
            _ => (None, State::Idle),
        };
        let callback = match &input.event {
            Event::Button {
                query_id,
                message_id,
                ..
            } => Some(Callback {
                query_id: query_id.clone(),
                message_id: *message_id,
                notice: None,
            }),
            _ => None,
        };
        let staff = match &user {
            Some(user) => staffing.member(tx, user.id).await?,
            None => None,
        };
        Ok(Turn {
            tx,
            settings,
            places,
            agencies,
            staff,
            now,
            chat_id: input.chat.id,
            lang: user
                .as_ref()
                .map_or_else(|| detected_language(input, settings), |u| u.language),
            user,
            loaded_state: state.clone(),
            state,
            message_id: input.message_id,
            forwarded_from: input.forwarded_from.clone(),
            callback,
            replies: Vec::new(),
            checkpoint: false,
            recheck_group: false,
            staff_changed: false,
            places_changed: false,
            deferred: Vec::new(),
        })
    }

    /// The village search (built from this turn's view of the database on first use).
    pub async fn places(&mut self) -> Result<std::sync::Arc<Gazetteer>> {
        Ok(self.places.get(self.tx).await?)
    }

    /// The licensed companies' search (built from this turn's view of the database on first
    /// use).
    pub async fn agencies(&mut self) -> Result<std::sync::Arc<crate::domain::agency::Registry>> {
        Ok(self.agencies.get(self.tx).await?)
    }

    pub fn user_id(&self) -> Option<i64> {
        self.user.as_ref().map(|u| u.id)
    }

    /// What the sender may see and act on as staff: nothing at all if they are not staff.
    pub fn scope(&self) -> Scope {
        self.role()
            .map_or(Scope::Villages(Default::default()), |(_, scope)| scope)
    }

    /// An admin: in `ADMIN_IDS`, or invited as one.
    pub fn is_admin(&self) -> bool {
        self.user_id().is_some_and(|id| self.settings.is_admin(id))
            || self
                .staff
                .as_ref()
                .is_some_and(|s| s.role == StaffRole::Admin)
    }

    /// The sender's role and what it lets them see; `None` for everyone who is not staff.
    pub fn role(&self) -> Option<(StaffRole, Scope)> {
        role_of(self.settings, self.user_id()?, self.staff.as_ref())
    }

    /// The programme's villages changed in this turn.
    pub fn places_changed_after_commit(&mut self) {
        self.places_changed = true;
    }

    /// A report to make after the commit, on its own reading connection.
    pub fn defer(&mut self, report: super::Deferred) {
        self.deferred.push(report);
    }

    /// Who is staff changed in this turn.
    pub fn staff_changed_after_commit(&mut self) {
        self.staff_changed = true;
    }

    /// Queues a new message to this chat.
    pub fn send(&mut self, text: Vec<Msg>, keyboard: Keyboard) {
        let reply = self.reply_here(ReplyKind::Message { text, keyboard });
        self.replies.push(reply);
    }

    /// Shows a screen: replaces the message whose button was pressed, or sends a new one.
    pub fn show(&mut self, text: Vec<Msg>, keyboard: Keyboard) {
        let editable = matches!(keyboard, Keyboard::Inline(_) | Keyboard::None);
        match self.callback.as_ref().and_then(|c| c.message_id) {
            Some(message_id) if editable => {
                let reply = self.reply_here(ReplyKind::Edit {
                    message_id,
                    text,
                    keyboard,
                });
                self.replies.push(reply);
            }
            _ => self.send(text, keyboard),
        }
    }

    /// A short notice on the pressed button (a toast, or an alert box).
    pub fn notice(&mut self, text: Msg, alert: bool) {
        if let Some(callback) = &mut self.callback {
            callback.notice = Some((text, alert));
        }
    }

    /// Queues a reply of any kind to this chat.
    pub fn push(&mut self, kind: ReplyKind) {
        let reply = self.reply_here(kind);
        self.replies.push(reply);
    }

    /// Queues a message to another chat (a notice to an officer, a seat freed up for someone
    /// waiting…). Such messages are bulk unless the caller says otherwise; set `subject` when
    /// the message quotes someone's personal data, so erasing them removes it.
    #[allow(
        dead_code,
        reason = "the first users are the trainings and question desk features"
    )]
    pub fn push_reply(&mut self, reply: Reply) {
        self.replies.push(reply);
    }

    /// Marks the last queued reply as quoting `user_id`'s personal data.
    pub fn mark_last_as_about(&mut self, user_id: i64) {
        if let Some(reply) = self.replies.last_mut() {
            reply.subject = Some(user_id);
        }
    }

    /// The user was erased: nothing more is stored for them in this turn.
    pub fn forget_user(&mut self) {
        self.user = None;
    }

    pub fn checkpoint_after_commit(&mut self) {
        self.checkpoint = true;
    }

    pub fn recheck_group_after_commit(&mut self) {
        self.recheck_group = true;
    }

    /// A reply of any kind to this chat, to adjust before `push_reply`.
    pub fn reply_to_self(&self, kind: ReplyKind) -> Reply {
        self.reply_here(kind)
    }

    fn reply_here(&self, kind: ReplyKind) -> Reply {
        Reply {
            chat_id: self.chat_id,
            lang: self.lang,
            priority: Priority::Interactive,
            subject: None,
            kind,
        }
    }

    pub async fn set_blocked(&mut self, blocked: bool) -> Result<()> {
        if let Some(user) = &self.user {
            users::set_blocked(self.tx, user.id, blocked).await?;
        }
        Ok(())
    }

    /// What to write of the state, and the replies, the button's answer first.
    pub fn finish(mut self) -> Result<Finished> {
        let state = match &self.user {
            Some(user) if self.state != self.loaded_state => {
                if self.state.is_idle() {
                    StateWrite::Clear { user_id: user.id }
                } else {
                    StateWrite::Save {
                        user_id: user.id,
                        state: serde_json::to_string(&self.state)?,
                    }
                }
            }
            _ => StateWrite::Keep,
        };
        if let Some(callback) = self.callback.take() {
            let (text, alert) = match callback.notice {
                Some((text, alert)) => (Some(text), alert),
                None => (None, false),
            };
            let answer = self.reply_here(ReplyKind::CallbackAnswer {
                query_id: callback.query_id,
                text,
                alert,
            });
            self.replies.insert(0, answer);
        }
        Ok(Finished {
            replies: self.replies,
            state,
            checkpoint: self.checkpoint,
            staff_changed: self.staff_changed,
            places_changed: self.places_changed,
            recheck_group: self.recheck_group,
            deferred: self.deferred,
            due: Vec::new(),
        })
    }
}

/// A person's role and what it lets them see: an admin of `ADMIN_IDS`, else as the staff
/// table has them; `None` for everyone who is not staff.
pub(crate) fn role_of(
    settings: &Settings,
    user_id: i64,
    staff: Option<&Member>,
) -> Option<(StaffRole, Scope)> {
    if settings.is_admin(user_id) {
        return Some((StaffRole::Admin, Scope::Country));
    }
    let staff = staff?;
    let scope = match staff.role {
        StaffRole::Admin => Scope::Country,
        _ => Scope::of(&staff.areas),
    };
    Some((staff.role, scope))
}

fn parse_state(json: Option<String>) -> State {
    let Some(json) = json else {
        return State::Idle;
    };
    serde_json::from_str(&json).unwrap_or_else(|error| {
        // A state written by an older release that this one no longer understands: start over
        // rather than trap the user.
        // Not the error's text: it can quote the state, which holds a draft's name or phone.
        tracing::warn!(kind = ?error.classify(), "conversation state not understood; starting over");
        State::Idle
    })
}
