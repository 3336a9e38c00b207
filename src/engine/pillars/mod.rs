//! The four pillars of Desmigratif (migration services, productive business, community
//! parenting and the cooperative) as short information pages; applying to join the
//! cooperative; the FAQ, also offered for free text; and the question desk, where officers
//! answer families' questions. None of it needs registration.

mod asker_village;
mod contacts;
mod cooperative;
mod desk;
mod distress;
pub mod emergency;
pub mod emergency_fix;
mod faq;
mod held;
mod matching;
mod officers;
mod pages;
mod questions;
mod routing;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::domain::area::VillageCode;
use crate::engine::places::Pick;
use asker_village::AfterVillage;

pub use faq::{FaqEntry, FaqTopic};

/// Does `text` hold words of someone in trouble? (see `distress`; public for the benchmark)
pub fn sounds_urgent(text: &str) -> bool {
    distress::sounds_urgent(text)
}
pub(crate) use cooperative::CONSENT_VERSION as COOPERATIVE_CONSENT_VERSION;
pub(crate) use cooperative::status_buttons as application_buttons;
pub use pages::Page;
pub(crate) use questions::for_console as console_question;
pub use questions::{ConsoleQuestion, standing as question_standing};
pub(crate) use routing::covers;

/// Questions and cooperative applications nobody took in time go up a level; urgent cases
/// nobody took are told again; officers hear of the new questions held for them.
pub(crate) async fn escalate(
    tx: &mut Tx,
    settings: &super::Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<super::Reply>> {
    let mut replies = questions::escalate(tx, settings, now).await?;
    replies.extend(questions::remind_urgent(tx, settings, now).await?);
    replies.extend(cooperative::escalate(tx, settings, now).await?);
    replies.extend(desk::notices_due(tx, settings, now).await?);
    Ok(replies)
}

use super::action::{FeatureAction, parse_id};
use super::{
    Action, Arg, Button, Command, Event, Input, Keyboard, Msg, Result, State, fallback, turn::Turn,
};
use crate::domain::MembershipStatus;
use crate::store::emergency_fixes::Field as EmergencyField;
use crate::store::questions::{CloseReason, EntryKind as QuestionEntry};
use crate::store::{self, Tx};

use crate::domain::profile::choice;

/// What this feature's buttons do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PillarsAction {
    /// Show an information page.
    Page(Page),
    FaqTopics,
    FaqTopic(FaqTopic),
    FaqEntry(FaqEntry),
    /// Start writing a question to the officers.
    Ask,
    /// Send the message the user just sent (no step expected it) to the officers.
    AskTyped,
    /// Add the message the user just sent to their open question.
    AddHeld(i64),
    /// «🆘 Darurat»: where is the person in trouble?
    Emergency,
    /// «🆘» under a message that sounds like trouble: the emergency path with that message.
    EmergencyHeld,
    /// Where the person in trouble is: the contacts there, then the message.
    EmergencyPlace(emergency::Place),
    /// A place's emergency contacts, and nothing asked after (back from correcting them).
    EmergencyContacts(emergency::Place),
    /// Admins: the entries of a place's emergency contacts, to correct one.
    EmergencyFix(emergency::Place),
    /// Admins: one entry (by its place in the file), with a button per field.
    EmergencyFixEntry(emergency::Place, u8),
    /// Admins: the field of the entry to correct (asks for the value and its source).
    EmergencyFixField(emergency::Place, u8, EmergencyField),
    /// Admins: the file's values of the entry again.
    EmergencyFixReset(emergency::Place, u8),
    MyQuestions,
    /// One of the user's own questions, with what was said on it.
    Question(i64),
    /// Add to one of the user's own questions.
    FollowUp(i64),
    /// Officers: the open questions.
    Inbox,
    /// Officers: a page of the inbox with a filter.
    InboxView(crate::store::questions::InboxFilter, u32),
    /// Officers: a question again, to reply to.
    OpenQuestion(i64),
    /// Staff: «I'll take it» — the question is theirs to answer.
    Take(i64),
    /// Staff: «✍️ Answer» — asks for the answer's text.
    AnswerPrompt(i64),
    /// Staff: add to or correct the answer (asks for the words).
    Amend(i64, QuestionEntry),
    /// Staff: send the words kept when someone answered first, as an addition or correction.
    SendDraft(i64, QuestionEntry),
    /// Staff: «🗂️ Close» — asks why.
    Close(i64),
    /// Staff: close the question for this reason.
    CloseAs(i64, CloseReason),
    /// Staff: give back a question one took.
    HandBack(i64),
    /// Staff: pass the question to the next level up.
    PassUp(i64),
    /// The person: «✅ Resolved» on their own question.
    Resolve(i64),
    /// Staff: hear of each new question at once (true) or together every 15 minutes.
    Notices(bool),
    /// The user's cooperative application, or applying when there is none.
    Membership,
    /// Start (again) an application to join the cooperative.
    Apply,
    /// The user agrees to give their name and phone number for the application.
    ApplyConsent,
    /// A registered user sends the application with their profile's details.
    ApplySend,
    /// Staff: a page of `/aplikasi`.
    Applications(crate::store::cooperative::ApplicationFilter, u32),
    /// Staff: one application, with its status buttons.
    OpenApplication(i64),
    /// Officers: set where an application stands.
    SetMembership(i64, MembershipStatus),
    /// Officers: change the cooperative's contacts and office hours.
    EditContacts,
    /// A step of choosing the asker's village (see `asker_village`).
    Place(Pick),
    /// «Skip» the asker's village: the question or application goes to the admins.
    SkipVillage,
}

impl From<PillarsAction> for Action {
    fn from(action: PillarsAction) -> Action {
        Action::Pillars(action)
    }
}

impl PillarsAction {
    /// Only officers may press these; checked on every press.
    pub fn officer_only(&self) -> bool {
        matches!(
            self,
            PillarsAction::EditContacts
                | PillarsAction::EmergencyFix(_)
                | PillarsAction::EmergencyFixEntry(..)
                | PillarsAction::EmergencyFixField(..)
                | PillarsAction::EmergencyFixReset(..)
        )
    }

    /// Any staff member may press these (within their area, checked by each).
    pub fn staff_only(&self) -> bool {
        matches!(
            self,
            PillarsAction::Inbox
                | PillarsAction::InboxView(..)
                | PillarsAction::OpenQuestion(_)
                | PillarsAction::Take(_)
                | PillarsAction::AnswerPrompt(_)
                | PillarsAction::Amend(..)
                | PillarsAction::SendDraft(..)
                | PillarsAction::Close(_)
                | PillarsAction::CloseAs(..)
                | PillarsAction::HandBack(_)
                | PillarsAction::PassUp(_)
                | PillarsAction::Notices(_)
                | PillarsAction::SetMembership(..)
                | PillarsAction::Applications(..)
                | PillarsAction::OpenApplication(_)
        )
    }

    /// The buttons that work in the officers' group (the rest need a private chat).
    fn for_officers_chat(&self) -> bool {
        matches!(
            self,
            PillarsAction::Inbox
                | PillarsAction::InboxView(..)
                | PillarsAction::OpenQuestion(_)
                | PillarsAction::Take(_)
                | PillarsAction::Notices(_)
                | PillarsAction::SetMembership(..)
        )
    }
}

impl FeatureAction for PillarsAction {
    const TAG: &'static str = "p";

    fn fields(&self) -> Vec<String> {
        use PillarsAction as A;
        let fields: Vec<&str> = match self {
            A::Page(page) => vec!["pg", page.code()],
            A::FaqTopics => vec!["faq"],
            A::FaqTopic(topic) => vec!["faqt", topic.code()],
            A::FaqEntry(entry) => vec!["faqe", entry.code()],
            A::Ask => vec!["ask"],
            A::AskTyped => vec!["askt"],
            A::AddHeld(id) => return vec!["addh".into(), id.to_string()],
            A::Emergency => vec!["sos"],
            A::EmergencyHeld => vec!["sosh"],
            A::EmergencyPlace(place) => vec!["sosp", place.code()],
            A::EmergencyContacts(place) => vec!["sosc", place.code()],
            A::EmergencyFix(place) => vec!["sosf", place.code()],
            A::EmergencyFixEntry(place, i) => {
                return vec!["sose".into(), place.code().into(), i.to_string()];
            }
            A::EmergencyFixField(place, i, field) => {
                return vec![
                    "sosv".into(),
                    place.code().into(),
                    i.to_string(),
                    field.code().into(),
                ];
            }
            A::EmergencyFixReset(place, i) => {
                return vec!["sosr".into(), place.code().into(), i.to_string()];
            }
            A::MyQuestions => vec!["myq"],
            A::Question(id) => return vec!["q".into(), id.to_string()],
            A::FollowUp(id) => return vec!["fu".into(), id.to_string()],
            A::Inbox => vec!["inbox"],
            A::InboxView(filter, page) => {
                return vec!["ibx".into(), filter.code().into(), page.to_string()];
            }
            A::OpenQuestion(id) => return vec!["oq".into(), id.to_string()],
            A::Take(id) => return vec!["take".into(), id.to_string()],
            A::AnswerPrompt(id) => return vec!["ans".into(), id.to_string()],
            A::Amend(id, kind) => return vec!["amd".into(), id.to_string(), kind.code().into()],
            A::SendDraft(id, kind) => {
                return vec!["drf".into(), id.to_string(), kind.code().into()];
            }
            A::Close(id) => return vec!["cl".into(), id.to_string()],
            A::CloseAs(id, reason) => {
                return vec!["cla".into(), id.to_string(), reason.code().into()];
            }
            A::HandBack(id) => return vec!["hb".into(), id.to_string()],
            A::PassUp(id) => return vec!["up".into(), id.to_string()],
            A::Resolve(id) => return vec!["done".into(), id.to_string()],
            A::Notices(each) => vec!["ntf", if *each { "1" } else { "0" }],
            A::Membership => vec!["coop"],
            A::Apply => vec!["apply"],
            A::ApplyConsent => vec!["consent"],
            A::ApplySend => vec!["send"],
            A::SetMembership(id, status) => {
                return vec!["ms".into(), id.to_string(), status.code().into()];
            }
            A::EditContacts => vec!["contacts"],
            A::Applications(filter, page) => {
                return vec!["apps".into(), filter.code().into(), page.to_string()];
            }
            A::OpenApplication(id) => return vec!["app".into(), id.to_string()],
            A::Place(pick) => return [vec!["pl".to_owned()], pick.fields()].concat(),
            A::SkipVillage => vec!["skipv"],
        };
        fields.into_iter().map(str::to_owned).collect()
    }

    fn parse(fields: &[&str]) -> Option<PillarsAction> {
        use PillarsAction as A;
        Some(match fields {
            ["pg", code] => A::Page(Page::parse(code)?),
            ["faq"] => A::FaqTopics,
            ["faqt", code] => A::FaqTopic(FaqTopic::parse(code)?),
            ["faqe", code] => A::FaqEntry(FaqEntry::parse(code)?),
            ["ask"] => A::Ask,
            ["askt"] => A::AskTyped,
            ["addh", id] => A::AddHeld(parse_id(id)?),
            ["sos"] => A::Emergency,
            ["sosh"] => A::EmergencyHeld,
            ["sosp", code] => A::EmergencyPlace(emergency::Place::parse(code)?),
            ["sosc", code] => A::EmergencyContacts(emergency::Place::parse(code)?),
            ["sosf", code] => A::EmergencyFix(emergency::Place::parse(code)?),
            ["sose", code, i] => A::EmergencyFixEntry(emergency::Place::parse(code)?, index(i)?),
            ["sosv", code, i, field] => A::EmergencyFixField(
                emergency::Place::parse(code)?,
                index(i)?,
                EmergencyField::parse(field)?,
            ),
            ["sosr", code, i] => A::EmergencyFixReset(emergency::Place::parse(code)?, index(i)?),
            ["myq"] => A::MyQuestions,
            ["q", id] => A::Question(parse_id(id)?),
            ["fu", id] => A::FollowUp(parse_id(id)?),
            ["inbox"] => A::Inbox,
            ["ibx", filter, page] => A::InboxView(
                crate::store::questions::InboxFilter::parse(filter)?,
                page.parse()
                    .ok()
                    .filter(|p: &u32| (1..=100_000).contains(p))?,
            ),
            ["oq", id] => A::OpenQuestion(parse_id(id)?),
            ["take", id] => A::Take(parse_id(id)?),
            ["ans", id] => A::AnswerPrompt(parse_id(id)?),
            ["amd", id, kind] => A::Amend(parse_id(id)?, amendment(kind)?),
            ["drf", id, kind] => A::SendDraft(parse_id(id)?, amendment(kind)?),
            ["cl", id] => A::Close(parse_id(id)?),
            ["cla", id, reason] => A::CloseAs(
                parse_id(id)?,
                CloseReason::parse(reason).filter(|r| *r != CloseReason::Resolved)?,
            ),
            ["hb", id] => A::HandBack(parse_id(id)?),
            ["up", id] => A::PassUp(parse_id(id)?),
            ["done", id] => A::Resolve(parse_id(id)?),
            ["ntf", "1"] => A::Notices(true),
            ["ntf", "0"] => A::Notices(false),
            ["coop"] => A::Membership,
            ["apply"] => A::Apply,
            ["consent"] => A::ApplyConsent,
            ["send"] => A::ApplySend,
            ["ms", id, status] => A::SetMembership(parse_id(id)?, MembershipStatus::parse(status)?),
            ["contacts"] => A::EditContacts,
            ["apps", filter, page] => A::Applications(
                crate::store::cooperative::ApplicationFilter::parse(filter)?,
                page.parse()
                    .ok()
                    .filter(|p: &u32| (1..=100_000).contains(p))?,
            ),
            ["app", id] => A::OpenApplication(parse_id(id)?),
            ["pl", pick @ ..] => A::Place(Pick::parse(pick)?),
            ["skipv"] => A::SkipVillage,
            _ => return None,
        })
    }
}

/// An entry's place in its file: a small number written plainly.
fn index(field: &str) -> Option<u8> {
    match field {
        "0" => Some(0),
        _ if field.starts_with('0') || field.starts_with('+') => None,
        _ => field.parse().ok(),
    }
}

/// An addition or a correction (what an officer's later words on an answer are).
fn amendment(code: &str) -> Option<QuestionEntry> {
    QuestionEntry::parse(code).filter(|kind| *kind != QuestionEntry::Said)
}

/// One of each kind of button, for the round-trip test of callback data.
#[cfg(test)]
pub(crate) fn every_action() -> Vec<PillarsAction> {
    use PillarsAction as A;
    let mut actions: Vec<A> = Page::ALL.iter().map(|p| A::Page(*p)).collect();
    actions.extend(FaqTopic::ALL.iter().map(|t| A::FaqTopic(*t)));
    actions.extend(FaqEntry::ALL.iter().map(|e| A::FaqEntry(*e)));
    actions.extend(emergency::Place::ALL.iter().map(|p| A::EmergencyPlace(*p)));
    actions.extend(emergency::Place::ALL.iter().map(|p| A::EmergencyFix(*p)));
    actions.extend(
        emergency::Place::ALL
            .iter()
            .map(|p| A::EmergencyContacts(*p)),
    );
    actions.extend(
        EmergencyField::ALL
            .iter()
            .map(|f| A::EmergencyFixField(emergency::Place::HongKong, u8::MAX, *f)),
    );
    actions.extend([
        A::EmergencyFixEntry(emergency::Place::SaudiArabia, 0),
        A::EmergencyFixEntry(emergency::Place::Indonesia, 12),
        A::EmergencyFixReset(emergency::Place::Malaysia, 3),
    ]);
    actions.extend(
        MembershipStatus::ALL
            .iter()
            .map(|s| A::SetMembership(i64::MAX, *s)),
    );
    actions.extend([
        A::FaqTopics,
        A::Ask,
        A::AskTyped,
        A::AddHeld(i64::MAX),
        A::Emergency,
        A::EmergencyHeld,
        A::MyQuestions,
        A::Question(1),
        A::FollowUp(i64::MAX),
        A::Inbox,
        A::InboxView(crate::store::questions::InboxFilter::Mine, 3),
        A::OpenQuestion(42),
        A::Take(i64::MAX),
        A::AnswerPrompt(i64::MAX),
        A::Amend(7, QuestionEntry::Addition),
        A::Amend(i64::MAX, QuestionEntry::Correction),
        A::SendDraft(i64::MAX, QuestionEntry::Correction),
        A::Close(i64::MAX),
        A::CloseAs(i64::MAX, CloseReason::Elsewhere),
        A::CloseAs(3, CloseReason::Duplicate),
        A::CloseAs(3, CloseReason::Spam),
        A::HandBack(i64::MAX),
        A::PassUp(i64::MAX),
        A::Resolve(i64::MAX),
        A::Notices(true),
        A::Notices(false),
        A::Membership,
        A::Apply,
        A::ApplyConsent,
        A::ApplySend,
        A::EditContacts,
        A::Applications(crate::store::cooperative::ApplicationFilter::Contacted, 2),
        A::OpenApplication(i64::MAX),
        A::Place(Pick::District(
            crate::domain::area::DistrictCode::parse("32.12.16").unwrap(),
            2,
        )),
        A::SkipVillage,
    ]);
    actions
}

/// What the bot waits for in this feature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "pillars", rename_all = "snake_case")]
pub enum PillarsState {
    /// The question for the officers (text, or a photo or voice note), from `village` when
    /// the asker chose one (else the profile's, or none).
    AwaitingQuestion {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        village: Option<VillageCode>,
    },
    /// The asker's village, before a question or application (see `asker_village`).
    AskingVillage {
        then: AfterVillage,
        #[serde(default)]
        by_regency: bool,
    },
    /// More on one of the user's questions.
    AwaitingFollowUp { question_id: i64 },
    /// «🆘 Darurat»: where the person in trouble is; with the message already sent, if it
    /// was one that sounded like trouble.
    EmergencyWhere {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        held: Option<held::Held>,
    },
    /// The message of an urgent case, from someone in trouble at `place`.
    AwaitingEmergency { place: emergency::Place },
    /// A message no step expected (see `held`): «send to an officer» sends it as it is.
    FaqOffered {
        #[serde(flatten)]
        held: held::Held,
    },
    /// Cooperative application of someone not registered, after consent and their village
    /// (if they chose one).
    AwaitingMemberName {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        village: Option<VillageCode>,
    },
    AwaitingMemberPhone {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        village: Option<VillageCode>,
    },
    /// An officer's new text for the cooperative's contacts.
    AwaitingContacts,
    /// Staff: the answer to round `round` of a question, after «✍️ Answer».
    AwaitingAnswer { question_id: i64, round: i64 },
    /// Staff: an addition to or correction of a question's answer.
    AwaitingAmend {
        question_id: i64,
        kind: QuestionEntry,
    },
    /// Admins: the new value (and its source) of an emergency contact's field.
    AwaitingEmergencyFix {
        place: emergency::Place,
        index: u8,
        field: EmergencyField,
    },
    /// Staff: someone answered first; these words are kept to send as an addition or a
    /// correction. Anything else the officer sends is taken as usual.
    AnswerDraft { question_id: i64, text: String },
}

/// A number people read and type (a question's, an application's): no thousands separator.
/// Pages of `per_page` for `total` items (at least one, empty).
pub(crate) fn pages_of(total: i64, per_page: i64) -> u32 {
    u32::try_from(((total + per_page - 1) / per_page).max(1)).unwrap_or(u32::MAX)
}

/// The buttons of a page of a list: its items five a row, ◀️ ▶️ to the pages around it
/// (`to_page`), then the other filters two a row.
pub(crate) fn paged_rows(
    items: Vec<Button>,
    page: u32,
    pages: u32,
    to_page: impl Fn(u32) -> PillarsAction,
    filters: Vec<Button>,
) -> Vec<Vec<Button>> {
    let mut rows: Vec<Vec<Button>> = items.chunks(5).map(<[Button]>::to_vec).collect();
    let mut nav = Vec::new();
    if page > 1 {
        nav.push(Button::action(
            Msg::new("inbox-button-previous"),
            to_page(page - 1).into(),
        ));
    }
    if page < pages {
        nav.push(Button::action(
            Msg::new("inbox-button-next"),
            to_page(page + 1).into(),
        ));
    }
    if !nav.is_empty() {
        rows.push(nav);
    }
    rows.extend(filters.chunks(2).map(<[Button]>::to_vec));
    rows
}

pub(crate) fn number(id: i64) -> Arg {
    Arg::Text(id.to_string())
}

/// The Cancel button under a question the bot asks.
fn cancel_keyboard() -> Keyboard {
    Keyboard::Inline(vec![vec![Button::action(
        Msg::new("button-cancel"),
        Action::Cancel,
    )]])
}

/// «💬 Tanya petugas».
pub(crate) fn ask_button() -> Button {
    Button::action(Msg::new("menu-button-ask"), PillarsAction::Ask.into())
}

/// The main menu's rows for this feature.
pub(crate) fn menu_rows(turn: &Turn<'_>) -> Vec<Vec<Button>> {
    let [migration, business, parenting, cooperative] = Page::PILLARS.map(Page::button);
    let mut rows = vec![
        vec![migration, business],
        vec![parenting, cooperative],
        vec![
            Button::action(Msg::new("menu-button-faq"), PillarsAction::FaqTopics.into()),
            ask_button(),
        ],
    ];
    if turn.role().is_some() {
        // The staff's tools, as their commands do them.
        use crate::engine::action::Tool;
        let tool = |tool: Tool| Button::action(Msg::new(tool.message_id()), Action::Tool(tool));
        rows.push(vec![
            Button::action(Msg::new("menu-button-inbox"), PillarsAction::Inbox.into()),
            tool(Tool::Broadcast),
        ]);
        rows.push(vec![tool(Tool::NewTraining), tool(Tool::Stats)]);
        rows.push(vec![tool(Tool::Export), tool(Tool::Officers)]);
        if turn.settings.console_url.is_some() {
            rows.push(vec![tool(Tool::Console)]);
        }
    }
    rows
}

pub(crate) async fn on_command(turn: &mut Turn<'_>, command: Command, args: &str) -> Result<()> {
    match command {
        Command::Migration => pages::show(turn, Page::Migration).await,
        Command::Business => pages::show(turn, Page::Business).await,
        Command::Parenting => pages::show(turn, Page::Parenting).await,
        Command::Cooperative => pages::show(turn, Page::Cooperative).await,
        Command::Faq => faq::topics(turn).await,
        Command::Ask => questions::start(turn).await,
        Command::Inbox => questions::inbox(turn).await,
        Command::Answer => questions::answer_command(turn, args).await,
        Command::Emergency => emergency::start(turn, None).await,
        Command::Applications => {
            cooperative::applications(turn, crate::store::cooperative::ApplicationFilter::Open, 1)
                .await
        }
        // Not this feature's: the engine routes only the commands above here.
        _ => Ok(()),
    }
}

pub(crate) async fn on_action(turn: &mut Turn<'_>, action: PillarsAction) -> Result<()> {
    if (action.officer_only() && !turn.is_admin()) || (action.staff_only() && turn.role().is_none())
    {
        fallback::not_an_officer(turn);
        return Ok(());
    }
    use PillarsAction as A;
    match action {
        A::Page(page) => pages::show(turn, page).await,
        A::FaqTopics => faq::topics(turn).await,
        A::FaqTopic(topic) => faq::topic(turn, topic).await,
        A::FaqEntry(entry) => faq::entry(turn, entry).await,
        A::Ask => questions::start(turn).await,
        A::AskTyped => questions::ask_typed(turn).await,
        A::AddHeld(id) => held::add(turn, id).await,
        A::Emergency => emergency::start(turn, None).await,
        A::EmergencyHeld => emergency::from_held(turn).await,
        A::EmergencyPlace(place) => emergency::on_place(turn, place).await,
        A::EmergencyContacts(place) => emergency::contacts_only(turn, place).await,
        A::EmergencyFix(place) => emergency_fix::choose(turn, place).await,
        A::EmergencyFixEntry(place, i) => emergency_fix::show_entry(turn, place, i).await,
        A::EmergencyFixField(place, i, field) => {
            emergency_fix::ask_value(turn, place, i, field).await
        }
        A::EmergencyFixReset(place, i) => emergency_fix::reset(turn, place, i).await,
        A::MyQuestions => questions::mine(turn).await,
        A::Question(id) => questions::view(turn, id).await,
        A::FollowUp(id) => questions::follow_up(turn, id).await,
        A::Inbox => questions::inbox(turn).await,
        A::InboxView(filter, page) => questions::inbox_view(turn, filter, page).await,
        A::OpenQuestion(id) => questions::open(turn, id).await,
        A::Take(id) => questions::take(turn, id).await,
        A::AnswerPrompt(id) => desk::answer_prompt(turn, id).await,
        A::Amend(id, kind) => desk::amend_prompt(turn, id, kind).await,
        A::SendDraft(id, kind) => desk::send_draft(turn, id, kind).await,
        A::Close(id) => desk::close(turn, id).await,
        A::CloseAs(id, reason) => desk::close_as(turn, id, reason).await,
        A::HandBack(id) => desk::hand_back(turn, id).await,
        A::PassUp(id) => desk::pass_up(turn, id).await,
        A::Resolve(id) => desk::resolve(turn, id).await,
        A::Notices(each) => desk::set_notices(turn, each).await,
        A::Membership => cooperative::membership(turn).await,
        A::Apply => cooperative::apply(turn).await,
        A::ApplyConsent => cooperative::consent(turn).await,
        A::ApplySend => cooperative::send(turn).await,
        A::SetMembership(id, status) => cooperative::set_status(turn, id, status).await,
        A::EditContacts => contacts::edit(turn).await,
        A::Applications(filter, page) => cooperative::applications(turn, filter, page).await,
        A::OpenApplication(id) => cooperative::open_application(turn, id).await,
        A::Place(pick) => asker_village::on_pick(turn, pick).await,
        A::SkipVillage => asker_village::skip(turn).await,
    }
}

/// An answer typed in the web console to round `round` of question `id` (see
/// `engine::console`): as `/jawab` would answer it.
pub(crate) async fn console_answer(
    turn: &mut Turn<'_>,
    id: i64,
    round: i64,
    text: &str,
) -> Result<()> {
    if !typed_by_staff(turn, text) {
        return Ok(());
    }
    questions::answer(turn, id, Some(round), text).await
}

/// Staff wrote something: else the hint, and nothing done.
fn typed_by_staff(turn: &mut Turn<'_>, text: &str) -> bool {
    if turn.role().is_none() {
        fallback::not_an_officer(turn);
        return false;
    }
    if text.trim().is_empty() {
        turn.send(vec![Msg::new("console-answer-empty")], Keyboard::None);
        return false;
    }
    true
}

/// An addition or correction typed in the web console, as «➕» / «✏️» take it.
pub(crate) async fn console_amend(
    turn: &mut Turn<'_>,
    id: i64,
    kind: crate::store::questions::EntryKind,
    text: &str,
) -> Result<()> {
    if !typed_by_staff(turn, text) {
        return Ok(());
    }
    desk::amend(turn, id, kind, text.trim()).await
}

/// Free text and files outside any step: a reply to a question's message goes to that
/// question; everything else finds its way to an officer (see `held`).
pub(crate) async fn on_idle(turn: &mut Turn<'_>, event: &Event) -> Result<()> {
    if matches!(turn.state, State::Pillars(PillarsState::FaqOffered { .. })) {
        turn.state = State::Idle;
    }
    if let Event::Text {
        text,
        forwarded: false,
        reply_to: Some(message_id),
    } = event
        && questions::on_reply(turn, *message_id, text).await?
    {
        return Ok(());
    }
    held::offer(turn, event).await
}

/// The next input of a step of this feature.
pub(crate) async fn on_step(turn: &mut Turn<'_>, step: PillarsState, event: &Event) -> Result<()> {
    match step {
        PillarsState::AwaitingQuestion { village } => {
            questions::on_question(turn, village, event).await
        }
        PillarsState::AskingVillage { then, by_regency } => {
            asker_village::on_event(turn, then, by_regency, event).await
        }
        PillarsState::AwaitingFollowUp { question_id } => {
            questions::on_follow_up(turn, question_id, event).await
        }
        PillarsState::FaqOffered { .. } => on_idle(turn, event).await,
        PillarsState::AwaitingMemberName { village } => {
            cooperative::on_name(turn, village, event).await
        }
        PillarsState::AwaitingMemberPhone { name, village } => {
            cooperative::on_phone(turn, &name, village, event).await
        }
        PillarsState::AwaitingContacts => contacts::on_text(turn, event).await,
        // Rights may have ended since the step began: staff steps check them again.
        PillarsState::AwaitingAnswer { .. }
        | PillarsState::AwaitingAmend { .. }
        | PillarsState::AnswerDraft { .. }
            if turn.role().is_none() =>
        {
            turn.state = State::Idle;
            on_idle(turn, event).await
        }
        PillarsState::AwaitingEmergencyFix {
            place,
            index,
            field,
        } => emergency_fix::on_value(turn, place, index, field, event).await,
        PillarsState::AwaitingAnswer { question_id, round } => {
            desk::on_answer(turn, question_id, round, event).await
        }
        PillarsState::AwaitingAmend { question_id, kind } => {
            desk::on_amend(turn, question_id, kind, event).await
        }
        PillarsState::AnswerDraft { .. } => {
            turn.state = State::Idle;
            on_idle(turn, event).await
        }
        PillarsState::EmergencyWhere { held } => {
            emergency::typed_while_asking(turn, held, event).await
        }
        PillarsState::AwaitingEmergency { place } => {
            emergency::on_message(turn, place, event).await
        }
    }
}

/// Updates in the officers' group (`ADMIN_CHAT_ID`); see `officers::in_group`.
pub(crate) async fn in_officers_group(turn: &mut Turn<'_>, input: &Input) -> Result<()> {
    officers::in_group(turn, input).await
}

/// Everything this feature keeps about a user, for `/mydata`: their questions with what was
/// said on them (officers appear only as "officer"), and their cooperative application.
pub(crate) async fn export(tx: &mut Tx, user_id: i64) -> Result<serde_json::Value> {
    let time = |unix: i64| chrono::DateTime::from_timestamp(unix, 0).map(|t| t.to_rfc3339());
    let mut questions = Vec::new();
    for question in store::questions::of_user(tx, user_id, i64::MAX).await? {
        let entries = store::questions::entries(tx, question.id).await?;
        let messages: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                json!({
                    "from": match (e.author, e.kind) {
                        (store::questions::Author::User, _) => "you",
                        (_, QuestionEntry::Addition) => "officer (addition)",
                        (_, QuestionEntry::Correction) => "officer (correction)",
                        (store::questions::Author::Officer, _) => "officer",
                    },
                    "at": time(e.created_at),
                    "text": e.text,
                    "file": e.media,
                    "forwarded_from": e.forwarded_from,
                })
            })
            .collect();
        questions.push(json!({
            "number": question.id,
            "status": question.status.code(),
            "closed_because": question.closed_reason.map(|r| r.code()),
            "asked_at": time(question.asked_at),
            "urgent": question.urgent_place.is_some(),
            "where": question.urgent_place,
            "messages": messages,
        }));
    }
    let application = store::cooperative::of_user(tx, user_id).await?.map(|a| {
        json!({
            "number": a.id,
            "name": a.name,
            "phone": a.phone,
            "village": a.village,
            "status": a.status.code(),
            "applied_at": time(a.applied_at),
            "updated_at": time(a.updated_at),
        })
    });
    Ok(json!({ "questions": questions, "cooperative_application": application }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_survives_a_restart_as_json() {
        let kenanga = VillageCode::parse("32.12.16.2004");
        let steps = [
            PillarsState::AwaitingQuestion { village: None },
            PillarsState::AwaitingQuestion { village: kenanga },
            PillarsState::AskingVillage {
                then: AfterVillage::Question { held: None },
                by_regency: false,
            },
            PillarsState::AskingVillage {
                then: AfterVillage::Member,
                by_regency: true,
            },
            PillarsState::AwaitingFollowUp { question_id: 7 },
            PillarsState::FaqOffered {
                held: held::Held {
                    text: "dokumen apa?".into(),
                    ..Default::default()
                },
            },
            PillarsState::AskingVillage {
                then: AfterVillage::Question {
                    held: Some(held::Held {
                        text: "lowongan ini asli?".into(),
                        media: Some("photo".into()),
                        message_id: Some(3),
                        forwarded_from: Some("PT Maju".into()),
                    }),
                },
                by_regency: false,
            },
            PillarsState::AwaitingMemberName { village: None },
            PillarsState::AwaitingMemberName { village: kenanga },
            PillarsState::AwaitingMemberPhone {
                name: "Siti Aminah".into(),
                village: kenanga,
            },
            PillarsState::AwaitingContacts,
            PillarsState::EmergencyWhere { held: None },
            PillarsState::EmergencyWhere {
                held: Some(held::Held {
                    text: "gaji belum dibayar".into(),
                    ..Default::default()
                }),
            },
            PillarsState::AwaitingEmergency {
                place: emergency::Place::ALL[1],
            },
            PillarsState::AwaitingAnswer {
                question_id: 9,
                round: 2,
            },
            PillarsState::AwaitingAmend {
                question_id: 9,
                kind: QuestionEntry::Correction,
            },
            PillarsState::AwaitingEmergencyFix {
                place: emergency::Place::Taiwan,
                index: 1,
                field: EmergencyField::Whatsapp,
            },
            PillarsState::AnswerDraft {
                question_id: 9,
                text: "Silakan datang ke kantor desa.".into(),
            },
        ];
        for step in steps {
            let state = State::Pillars(step);
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(
                serde_json::from_str::<State>(&json).unwrap(),
                state,
                "{json}"
            );
        }
        // Written before a question carried its village: still read.
        let old = r#"{"state":"pillars","pillars":"awaiting_question"}"#;
        assert_eq!(
            serde_json::from_str::<State>(old).unwrap(),
            State::Pillars(PillarsState::AwaitingQuestion { village: None })
        );
    }

    #[tokio::test]
    async fn the_export_holds_questions_answers_and_the_application_but_no_officer() {
        use crate::domain::{Language, PersonName, Phone};
        use crate::store::questions::Said;
        let db = store::open("sqlite::memory:").await.unwrap();
        db.writer()
            .write(async |tx| {
                let now = chrono::Utc::now();
                store::users::touch(tx, 5, Language::Id, now).await.unwrap();
                let said = Said {
                    text: "Dokumen apa saja?",
                    media: None,
                    message_id: None,
                    forwarded_from: None,
                };
                let question = store::questions::create(
                    tx,
                    5,
                    &said,
                    now,
                    None,
                    crate::domain::staff::Level::Country,
                )
                .await
                .unwrap();
                store::questions::answer(tx, question.id, 1, "Paspor dan visa kerja.", now)
                    .await
                    .unwrap();
                let (name, phone) = (
                    PersonName::parse("Siti Aminah").unwrap(),
                    Phone::parse("0812 3456 7890").unwrap(),
                );
                store::cooperative::apply(
                    tx,
                    5,
                    &name,
                    &phone,
                    store::cooperative::Origin {
                        village: None,
                        village_code: None,
                        level: crate::domain::staff::Level::Country,
                    },
                    now,
                )
                .await
                .unwrap();

                let data = export(tx, 5).await.unwrap();
                let messages = &data["questions"][0]["messages"];
                assert_eq!(messages[0]["from"], "you");
                assert_eq!(messages[1]["from"], "officer");
                assert_eq!(messages[1]["text"], "Paspor dan visa kerja.");
                assert_eq!(data["questions"][0]["status"], "answered");
                assert_eq!(data["questions"][0]["urgent"], false);
                assert!(
                    messages[0].get("forwarded_from").is_some(),
                    "all that is kept is shown"
                );
                assert_eq!(data["cooperative_application"]["phone"], "+6281234567890");
                assert_eq!(data["cooperative_application"]["status"], "applied");

                let nobody = export(tx, 6).await.unwrap();
                assert_eq!(
                    nobody,
                    json!({ "questions": [], "cooperative_application": null })
                );
                Ok::<_, store::StoreError>(())
            })
            .await
            .unwrap();
    }

    #[test]
    fn forged_fields_do_not_parse() {
        for fields in [
            &["pg", "nope"][..],
            &["q", "0"],
            &["q", "-1"],
            &["q", "01"],
            &["q", "x"],
            &["ms", "1", "boss"],
            &["ms", "1"],
            &["faqe", ""],
            &["ask", "1"],
            &[],
        ] {
            assert_eq!(PillarsAction::parse(fields), None, "{fields:?}");
        }
    }
}
