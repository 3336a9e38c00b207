//! Applying to join the Koperasi Desmigratif. A registered person sends their profile's name,
//! phone and village; anyone else agrees first, then gives a name and phone number. The
//! officers get a notice with buttons to record where the application stands, and the person
//! is told each change and can look it up.

use super::asker_village::{self, AfterVillage};
use super::{PillarsAction, PillarsState, cancel_keyboard, number, officers, pages::Page, routing};
use crate::areas::Hit;
use crate::domain::area::VillageCode;
use crate::domain::{MembershipStatus, NameError, PersonName, Phone, PhoneError};
use crate::engine::{
    Arg, Button, Event, Keyboard, Msg, Reply, ReplyKind, Result, Settings, State, menu, turn::Turn,
};
use crate::store::cooperative::{self as store, Application, ApplicationFilter};
use crate::store::{Tx, profiles, users};

/// Recorded in `consents` when someone not registered agrees to give their details.
pub const CONSENT_VERSION: &str = "cooperative-1";

/// The statuses officers set with the buttons on a notice.
const OFFICER_STATUSES: [MembershipStatus; 3] = [
    MembershipStatus::Contacted,
    MembershipStatus::Member,
    MembershipStatus::Declined,
];

fn status_name(status: MembershipStatus) -> Msg {
    Msg::new(status.message_id())
}

fn cooperative_button() -> Button {
    Button::action(
        Msg::new("button-back"),
        PillarsAction::Page(Page::Cooperative).into(),
    )
}

/// "I want to join", or "My application" once there is one.
pub(crate) async fn membership_button(turn: &mut Turn<'_>) -> Result<Button> {
    let applied = match turn.user_id() {
        Some(user_id) => store::of_user(turn.tx, user_id).await?.is_some(),
        None => false,
    };
    let label = if applied {
        "coop-button-my-application"
    } else {
        "coop-button-join"
    };
    Ok(Button::action(
        Msg::new(label),
        PillarsAction::Membership.into(),
    ))
}

/// The user's application, or applying when there is none.
pub(crate) async fn membership(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    match store::of_user(turn.tx, user_id).await? {
        Some(application) => {
            show_application(turn, &application);
            Ok(())
        }
        None => apply(turn).await,
    }
}

/// Starts an application: a registered person confirms their profile's details; anyone else
/// is asked for consent first. Someone with an application under way sees it instead.
pub(crate) async fn apply(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    if let Some(application) = store::of_user(turn.tx, user_id).await?
        && application.status != MembershipStatus::Declined
    {
        show_application(turn, &application);
        return Ok(());
    }
    let back = vec![Button::action(
        Msg::new("button-cancel"),
        PillarsAction::Page(Page::Cooperative).into(),
    )];
    match profiles::find(turn.tx, user_id).await? {
        Some(profile) => {
            let confirm = Msg::new("coop-confirm-profile")
                .arg("name", profile.name.as_str())
                .arg("phone", profile.phone.as_str())
                .arg("village", profile.village.as_str());
            let send = Button::action(
                Msg::new("coop-button-send"),
                PillarsAction::ApplySend.into(),
            );
            turn.show(vec![confirm], Keyboard::Inline(vec![vec![send], back]));
        }
        None => {
            let agree = Button::action(
                Msg::new("coop-button-agree"),
                PillarsAction::ApplyConsent.into(),
            );
            turn.show(
                vec![Msg::new("coop-consent")],
                Keyboard::Inline(vec![vec![agree], back]),
            );
        }
    }
    Ok(())
}

/// Consent given: ask for the name.
pub(crate) async fn consent(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    profiles::record_consent(turn.tx, user_id, CONSENT_VERSION, turn.now).await?;
    asker_village::ask(turn, AfterVillage::Member).await
}

/// The village chosen (or skipped): ask for the name.
pub(crate) async fn with_village(turn: &mut Turn<'_>, village: Option<Hit>) -> Result<()> {
    turn.state = State::Pillars(PillarsState::AwaitingMemberName {
        village: village.map(|hit| hit.code),
    });
    turn.show(vec![Msg::new("coop-ask-name")], cancel_keyboard());
    Ok(())
}

/// A registered person sends the application with their profile's details.
pub(crate) async fn send(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let Some(profile) = profiles::find(turn.tx, user_id).await? else {
        // The profile went (erased meanwhile): start over the other way.
        return apply(turn).await;
    };
    if let Some(application) = store::of_user(turn.tx, user_id).await?
        && application.status != MembershipStatus::Declined
    {
        show_application(turn, &application);
        return Ok(());
    }
    let level = routing::first_level(turn.tx, profile.village_code).await?;
    let from = store::Origin {
        village: Some(profile.village.as_str()),
        village_code: profile.village_code,
        level,
    };
    let application = store::apply(
        turn.tx,
        user_id,
        &profile.name,
        &profile.phone,
        from,
        turn.now,
    )
    .await?;
    notify_officers(turn, &application).await?;
    show_application(turn, &application);
    Ok(())
}

fn name_hint(error: NameError) -> &'static str {
    match error {
        NameError::TooShort => "coop-name-too-short",
        NameError::TooLong => "coop-name-too-long",
        NameError::Digits => "coop-name-digits",
        NameError::NotLetters => "coop-name-not-letters",
    }
}

fn phone_hint(error: PhoneError) -> &'static str {
    match error {
        PhoneError::NotANumber => "coop-phone-not-a-number",
        PhoneError::TooShort => "coop-phone-too-short",
        PhoneError::TooLong => "coop-phone-too-long",
    }
}

fn phone_keyboard() -> Keyboard {
    Keyboard::ShareContact {
        share: Msg::new("coop-button-share-phone"),
    }
}

pub(crate) async fn on_name(
    turn: &mut Turn<'_>,
    village: Option<VillageCode>,
    event: &Event,
) -> Result<()> {
    let hint = match event {
        Event::Text { text, .. } => match PersonName::parse(text) {
            Ok(name) => {
                turn.state = State::Pillars(PillarsState::AwaitingMemberPhone {
                    name: name.as_str().to_owned(),
                    village,
                });
                turn.send(vec![Msg::new("coop-ask-phone")], phone_keyboard());
                return Ok(());
            }
            Err(error) => name_hint(error),
        },
        _ => "coop-name-text-only",
    };
    turn.send(
        vec![Msg::new(hint), Msg::new("coop-ask-name")],
        cancel_keyboard(),
    );
    Ok(())
}

pub(crate) async fn on_phone(
    turn: &mut Turn<'_>,
    name: &str,
    village: Option<VillageCode>,
    event: &Event,
) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let typed = match event {
        Event::Text { text, .. } => Phone::parse(text).map_err(phone_hint),
        Event::Contact {
            phone,
            user_id: Some(owner),
        } if *owner == user_id => Phone::parse(phone).map_err(phone_hint),
        Event::Contact { .. } => Err("coop-phone-not-yours"),
        _ => Err("coop-phone-text-only"),
    };
    let phone = match typed {
        Ok(phone) => phone,
        Err(hint) => {
            turn.send(
                vec![Msg::new(hint), Msg::new("coop-ask-phone")],
                phone_keyboard(),
            );
            return Ok(());
        }
    };
    let Ok(name) = PersonName::parse(name) else {
        // A name that was valid when typed no longer is (rules changed): ask again.
        turn.state = State::Pillars(PillarsState::AwaitingMemberName { village });
        turn.send(vec![Msg::new("coop-ask-name")], cancel_keyboard());
        return Ok(());
    };
    let hit = match village {
        Some(code) => crate::engine::places::chosen(turn, code).await?,
        None => None,
    };
    let level = routing::first_level(turn.tx, hit.as_ref().map(|h| h.code)).await?;
    let from = store::Origin {
        village: hit.as_ref().map(|h| h.village.as_str()),
        village_code: hit.as_ref().map(|h| h.code),
        level,
    };
    let application = store::apply(turn.tx, user_id, &name, &phone, from, turn.now).await?;
    notify_officers(turn, &application).await?;
    turn.state = State::Idle;
    turn.send(vec![Msg::new("coop-applied")], Keyboard::Remove);
    show_application(turn, &application);
    Ok(())
}

/// Where the user's application stands.
fn show_application(turn: &mut Turn<'_>, application: &Application) {
    let text = vec![
        Msg::new("coop-application")
            .arg("number", number(application.id))
            .arg("status", status_name(application.status))
            .arg("applied", Arg::Time(application.applied_at))
            .arg("name", application.name.as_str())
            .arg("phone", application.phone.as_str()),
        Msg::new(format!("coop-application-{}", application.status.code())),
    ];
    let mut rows = Vec::new();
    if application.status == MembershipStatus::Declined {
        rows.push(vec![Button::action(
            Msg::new("coop-button-apply-again"),
            PillarsAction::Apply.into(),
        )]);
    }
    rows.push(vec![cooperative_button(), menu::menu_button()]);
    turn.show(text, Keyboard::Inline(rows));
}

/// The officers' view of an application, with the buttons that set its status.
fn officer_view(application: &Application, escalated: Option<i64>) -> (Vec<Msg>, Keyboard) {
    let village = match &application.village {
        Some(village) => Arg::Text(village.clone()),
        None => Arg::Msg(Box::new(Msg::new("coop-village-unknown"))),
    };
    let mut text = Vec::new();
    if let Some(hours) = escalated {
        text.push(
            Msg::new("coop-notice-escalated")
                .arg("number", number(application.id))
                .arg("hours", hours),
        );
    }
    text.push(
        Msg::new("coop-notice")
            .arg("number", number(application.id))
            .arg("name", application.name.as_str())
            .arg("phone", application.phone.as_str())
            .arg("village", village)
            .arg("status", status_name(application.status)),
    );
    (text, Keyboard::Inline(vec![status_buttons(application)]))
}

/// The buttons that set where an application stands (the console shows them as forms).
pub(crate) fn status_buttons(application: &Application) -> Vec<Button> {
    OFFICER_STATUSES
        .into_iter()
        .map(|status| {
            let label = Msg::new(format!("coop-button-set-{}", status.code()));
            Button::action(
                label,
                PillarsAction::SetMembership(application.id, status).into(),
            )
        })
        .collect()
}

/// Notices of an application to the level answering for it (or to whoever took it).
async fn notices(
    tx: &mut Tx,
    settings: &Settings,
    application: &Application,
    escalated: Option<i64>,
) -> Result<Vec<Reply>> {
    let targets = match application.taken_by {
        Some(taker) => routing::taker(tx, settings, taker)
            .await?
            .into_iter()
            .collect(),
        None => Vec::new(),
    };
    let targets = match targets.is_empty() {
        true => routing::targets(tx, settings, application.village_code, application.level).await?,
        false => targets,
    };
    let (text, keyboard) = officer_view(application, escalated);
    let mut replies = Vec::new();
    for target in targets {
        let kind = if target.personal {
            ReplyKind::Message {
                text: text.clone(),
                keyboard: keyboard.clone(),
            }
        } else {
            ReplyKind::Message {
                text: vec![Msg::new("coop-notice-group").arg("number", number(application.id))],
                keyboard: officers::open_privately(settings),
            }
        };
        replies.push(officers::notice(
            target.chat_id,
            target.lang,
            application.user_id,
            kind,
        ));
    }
    Ok(replies)
}

async fn notify_officers(turn: &mut Turn<'_>, application: &Application) -> Result<()> {
    for reply in notices(turn.tx, turn.settings, application, None).await? {
        turn.push_reply(reply);
    }
    Ok(())
}

/// Applications nobody took within `ESCALATE_AFTER` of reaching their level go up, and the
/// next level is told (as questions do).
pub(crate) async fn escalate(
    tx: &mut Tx,
    settings: &Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Reply>> {
    let before = (now - settings.escalate_after).timestamp();
    let hours = settings.escalate_after.num_hours().max(1);
    let mut replies = Vec::new();
    for application in store::to_escalate(tx, before).await? {
        let Some(up) = application.level.up() else {
            continue;
        };
        let level = routing::level_from(tx, application.village_code, up).await?;
        store::set_level(tx, application.id, level, now).await?;
        let escalated = Application {
            level,
            level_since: now.timestamp(),
            ..application
        };
        replies.extend(notices(tx, settings, &escalated, Some(hours)).await?);
        tracing::info!(
            application = escalated.id,
            level = level.code(),
            "cooperative application passed up"
        );
    }
    Ok(replies)
}

/// Applications on a page of `/aplikasi`.
const PAGE: i64 = 10;

/// `/aplikasi` (`/applications`): the applications of the staff member's area, ten a page,
/// with ◀️ ▶️ and filters by status; a number opens one with its status buttons.
pub(crate) async fn applications(
    turn: &mut Turn<'_>,
    filter: ApplicationFilter,
    page: u32,
) -> Result<()> {
    let Some((_, scope)) = turn.role() else {
        return Ok(());
    };
    let page = page.max(1);
    let (mut listed, mut total) =
        store::page(turn.tx, &scope, filter, i64::from(page - 1) * PAGE, PAGE).await?;
    let pages = super::pages_of(total, PAGE);
    let page = if listed.is_empty() && page > 1 {
        (listed, total) =
            store::page(turn.tx, &scope, filter, i64::from(pages - 1) * PAGE, PAGE).await?;
        pages
    } else {
        page
    };
    let items = listed
        .iter()
        .map(|a| {
            Button::action(
                Msg::new("applications-button-number").arg("number", number(a.id)),
                PillarsAction::OpenApplication(a.id).into(),
            )
        })
        .collect();
    let filters = ApplicationFilter::ALL
        .iter()
        .filter(|f| **f != filter)
        .map(|f| {
            Button::action(
                Msg::new(format!("applications-button-{}", f.code())),
                PillarsAction::Applications(*f, 1).into(),
            )
        })
        .collect();
    let mut rows = super::paged_rows(
        items,
        page,
        pages,
        |page| PillarsAction::Applications(filter, page),
        filters,
    );
    rows.push(vec![menu::menu_button()]);
    let mut text = vec![
        Msg::new(format!("applications-title-{}", filter.code()))
            .arg("count", total)
            .arg("page", i64::from(page))
            .arg("pages", i64::from(pages)),
    ];
    if listed.is_empty() {
        text.push(Msg::new("applications-empty"));
    }
    // No names in the list: a number opens the details (as the questions' inbox).
    for a in &listed {
        let village = match &a.village {
            Some(village) => Arg::Text(village.clone()),
            None => Arg::Msg(Box::new(Msg::new("coop-village-unknown"))),
        };
        text.push(
            Msg::new("applications-line")
                .arg("number", number(a.id))
                .arg("village", village)
                .arg("status", status_name(a.status))
                .arg("applied", Arg::Time(a.applied_at)),
        );
    }
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

/// One application from `/aplikasi`, with the buttons that set its status.
pub(crate) async fn open_application(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let Some(application) = store::find(turn.tx, id)
        .await?
        .filter(|a| routing::may_act(turn, a.village_code))
    else {
        turn.notice(Msg::new("coop-application-gone"), true);
        return Ok(());
    };
    if let Some(by) = turn.user_id() {
        let detail = format!("application {id}");
        crate::store::audit::record(turn.tx, by, "application.open", &detail, turn.now).await?;
    }
    let (text, keyboard) = officer_view(&application, None);
    turn.send(text, keyboard);
    turn.mark_last_as_about(application.user_id);
    Ok(())
}

/// An officer sets where an application stands: the notice shows it, and the person is told.
pub(crate) async fn set_status(
    turn: &mut Turn<'_>,
    id: i64,
    status: MembershipStatus,
) -> Result<()> {
    // Another area's application is refused like one that is not there.
    let Some(current) = store::find(turn.tx, id)
        .await?
        .filter(|a| routing::may_act(turn, a.village_code))
    else {
        turn.notice(Msg::new("coop-application-gone"), true);
        return Ok(());
    };
    if let Some(by) = turn.user_id()
        && current.taken_by.is_none()
        && store::take(turn.tx, id, by).await?
    {
        tell_taken(turn, &current).await?;
    }
    let unchanged = current.status == status;
    let application = if unchanged {
        current
    } else {
        match store::set_status(turn.tx, id, status, turn.now).await? {
            Some(application) => application,
            None => return Ok(()),
        }
    };
    if !unchanged && let Some(by) = turn.user_id() {
        let detail = format!("application {id}: {}", status.code());
        crate::store::audit::record(turn.tx, by, "application.status", &detail, turn.now).await?;
    }
    let notice = if unchanged {
        "coop-status-unchanged"
    } else {
        "coop-status-set"
    };
    turn.notice(Msg::new(notice).arg("status", status_name(status)), false);
    let (text, keyboard) = officer_view(&application, None);
    turn.show(text, keyboard);
    turn.mark_last_as_about(application.user_id);
    if unchanged {
        return Ok(());
    }
    let lang =
        users::language_of(turn.tx, application.user_id, turn.settings.default_language).await?;
    let to_user = ReplyKind::Message {
        text: vec![
            Msg::new("coop-status-changed")
                .arg("number", number(id))
                .arg("status", status_name(status)),
            Msg::new(format!("coop-application-{}", status.code())),
        ],
        keyboard: Keyboard::Inline(vec![vec![
            Button::action(
                Msg::new("coop-button-my-application"),
                PillarsAction::Membership.into(),
            ),
            menu::menu_button(),
        ]]),
    };
    turn.push_reply(officers::notice(
        application.user_id,
        lang,
        application.user_id,
        to_user,
    ));
    Ok(())
}

/// The others told of an application hear who took it (the first to set its status).
async fn tell_taken(turn: &mut Turn<'_>, application: &Application) -> Result<()> {
    let said = Msg::new("coop-taken-by").arg("number", number(application.id));
    routing::tell_taken(turn, application.village_code, application.level, said).await
}
