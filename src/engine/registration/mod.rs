//! Registration: consent first, then the questions for the person's role, a summary with an
//! edit button per answer, and save. The same questions edit one field of a saved profile.

mod draft;
mod screens;

/// A registered person's profile as the bot shows it, one answer a line (the console's
/// people pages show the same card).
pub fn profile_card(profile: &crate::domain::Profile) -> super::Msg {
    screens::card(&draft::Draft::from_profile(profile))
}

use serde::{Deserialize, Serialize};

pub use draft::{Draft, Field};
pub(crate) use screens::card;

use super::{
    Action, Event, Keyboard, Msg, Result, State,
    action::FeatureAction,
    fallback,
    places::{self, Pick},
    profile,
    turn::Turn,
};
use crate::domain::{
    Country, Destination, Interest, NameError, PersonName, Phone, PhoneError, PlaceError,
    PlaceName, Relation, Role, Sector, YearsAbroad, YearsError,
};
use crate::store::profiles;

/// The consent text users agree to; recorded with the time they agreed. Change it whenever
/// `registration-consent` changes in meaning.
pub const CONSENT_VERSION: &str = "2026-11-28";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "at", content = "field")]
pub enum Step {
    Consent,
    Ask(Field),
    /// Typing the name of a country not among the buttons.
    CountryOther,
    /// The village was not among the search's buttons: typing the regency's name, then
    /// choosing its district and village.
    VillageByRegency,
    Summary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A first registration: ends with the summary and Save.
    New,
    /// Changing a saved profile: each answer is saved at once.
    Profile,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub step: Step,
    pub mode: Mode,
    pub draft: Draft,
    /// Interests ticked so far on the interests question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choosing: Option<Vec<Interest>>,
}

/// The registration's buttons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegAction {
    Agree,
    Decline,
    Role(Role),
    Country(Destination),
    CountryOther,
    CountryUndecided,
    Sector(Sector),
    Relation(Relation),
    WorkerAbroad(bool),
    Interest(Interest),
    InterestsDone,
    /// Take the village from the poster link.
    UseHint,
    /// A step of choosing the village from the list.
    Place(Pick),
    Back,
    Edit(Field),
    Save,
}

impl FeatureAction for RegAction {
    const TAG: &'static str = "reg";

    fn fields(&self) -> Vec<String> {
        let pair = |a: &str, b: &str| vec![a.to_owned(), b.to_owned()];
        match self {
            RegAction::Agree => vec!["ok".into()],
            RegAction::Decline => vec!["no".into()],
            RegAction::Role(r) => pair("role", r.code()),
            RegAction::Country(d) => pair("c", d.code()),
            RegAction::CountryOther => pair("c", "other"),
            RegAction::CountryUndecided => pair("c", "undecided"),
            RegAction::Sector(s) => pair("sector", s.code()),
            RegAction::Relation(r) => pair("rel", r.code()),
            RegAction::WorkerAbroad(abroad) => pair("abroad", if *abroad { "1" } else { "0" }),
            RegAction::Interest(i) => pair("int", i.code()),
            RegAction::InterestsDone => pair("int", "done"),
            RegAction::UseHint => vec!["hint".into()],
            RegAction::Place(pick) => {
                let mut fields = vec!["p".to_owned()];
                fields.extend(pick.fields());
                fields
            }
            RegAction::Back => vec!["back".into()],
            RegAction::Edit(f) => pair("edit", f.code()),
            RegAction::Save => vec!["save".into()],
        }
    }

    fn parse(fields: &[&str]) -> Option<RegAction> {
        Some(match fields {
            ["ok"] => RegAction::Agree,
            ["no"] => RegAction::Decline,
            ["role", r] => RegAction::Role(Role::parse(r)?),
            ["c", "other"] => RegAction::CountryOther,
            ["c", "undecided"] => RegAction::CountryUndecided,
            ["c", d] => RegAction::Country(Destination::parse(d)?),
            ["sector", s] => RegAction::Sector(Sector::parse(s)?),
            ["rel", r] => RegAction::Relation(Relation::parse(r)?),
            ["abroad", "1"] => RegAction::WorkerAbroad(true),
            ["abroad", "0"] => RegAction::WorkerAbroad(false),
            ["int", "done"] => RegAction::InterestsDone,
            ["int", i] => RegAction::Interest(Interest::parse(i)?),
            ["hint"] => RegAction::UseHint,
            ["p", pick @ ..] => RegAction::Place(Pick::parse(pick)?),
            ["back"] => RegAction::Back,
            ["edit", f] => RegAction::Edit(Field::parse(f)?),
            ["save"] => RegAction::Save,
            _ => return None,
        })
    }
}

/// /register (/daftar): the consent screen, or straight to the questions if the user already
/// agreed to this consent text; a registered user sees their profile instead.
pub(crate) async fn start(turn: &mut Turn<'_>) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    if profiles::is_registered(turn.tx, user_id).await? {
        return profile::show(turn).await;
    }
    // Halfway through: carry on where the person was, with every answer kept.
    if let State::Registration(registration) = &turn.state
        && registration.mode == Mode::New
    {
        let registration = (**registration).clone();
        screens::ask(turn, &registration, Some(Msg::new("registration-continue")));
        return Ok(());
    }
    let village_offer = match &turn.state {
        State::Arrived { village } => Some(village.clone()),
        State::Registration(r) => r.draft.village_offer.clone(),
        _ => None,
    };
    let agreed = profiles::consents(turn.tx, user_id)
        .await?
        .iter()
        .any(|(v, _)| v == CONSENT_VERSION);
    let mut registration = Registration {
        step: Step::Consent,
        mode: Mode::New,
        draft: Draft {
            village_offer,
            ..Draft::default()
        },
        choosing: None,
    };
    if agreed {
        registration.step = Step::Ask(Field::Role);
    }
    screens::ask(turn, &registration, None);
    turn.state = State::Registration(Box::new(registration));
    Ok(())
}

/// Changes one field of a saved profile with the registration's own question.
pub(crate) async fn edit_profile_field(turn: &mut Turn<'_>, field: Field) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let Some(saved) = profiles::find(turn.tx, user_id).await? else {
        return start(turn).await;
    };
    // The regency is no longer asked on its own: it comes with the village.
    let field = if field == Field::District {
        Field::Village
    } else {
        field
    };
    let registration = Registration {
        step: Step::Ask(field),
        mode: Mode::Profile,
        draft: Draft::from_profile(&saved),
        choosing: None,
    };
    enter(turn, registration, None);
    Ok(())
}

/// A registration button.
pub(crate) async fn on_action(turn: &mut Turn<'_>, action: RegAction) -> Result<()> {
    let State::Registration(registration) = turn.state.clone() else {
        fallback::old_button(turn);
        return Ok(());
    };
    let mut r = *registration;
    match (r.step, action) {
        (Step::Consent, RegAction::Agree) => {
            if let Some(user_id) = turn.user_id() {
                profiles::record_consent(turn.tx, user_id, CONSENT_VERSION, turn.now).await?;
            }
            advance(turn, r).await?;
        }
        (Step::Consent, RegAction::Decline) => {
            turn.state = State::Idle;
            let keyboard = super::menu::main_menu(turn);
            turn.show(
                vec![Msg::new("registration-declined"), Msg::new("menu-title")],
                keyboard,
            );
        }
        (Step::Ask(Field::Role), RegAction::Role(role)) => {
            r.draft.set_role(role);
            advance(turn, r).await?;
        }
        (Step::Ask(Field::Country), RegAction::Country(d)) => {
            r.draft.country = Some(Country::Listed(d));
            advance(turn, r).await?;
        }
        (Step::Ask(Field::Country), RegAction::CountryOther) => {
            r.step = Step::CountryOther;
            enter(turn, r, None);
        }
        (Step::Ask(Field::Country), RegAction::CountryUndecided)
            if r.draft.role == Some(Role::Prospective) =>
        {
            r.draft.country = Some(Country::Undecided);
            advance(turn, r).await?;
        }
        (Step::Ask(Field::Sector), RegAction::Sector(s)) => {
            r.draft.sector = Some(s);
            advance(turn, r).await?;
        }
        (Step::Ask(Field::Relation), RegAction::Relation(rel)) => {
            r.draft.relation = Some(rel);
            advance(turn, r).await?;
        }
        (Step::Ask(Field::WorkerWhere), RegAction::WorkerAbroad(abroad)) => {
            r.draft.worker_abroad = Some(abroad);
            advance(turn, r).await?;
        }
        (Step::Ask(Field::Interests), RegAction::Interest(interest)) => {
            let chosen = r
                .choosing
                .get_or_insert_with(|| r.draft.interests.clone().unwrap_or_default());
            if let Some(i) = chosen.iter().position(|c| *c == interest) {
                chosen.remove(i);
            } else {
                chosen.push(interest);
                chosen.sort();
            }
            enter(turn, r, None);
        }
        (Step::Ask(Field::Interests), RegAction::InterestsDone) => {
            let chosen = r
                .choosing
                .take()
                .or_else(|| r.draft.interests.clone())
                .unwrap_or_default();
            r.draft.interests = Some(chosen);
            advance(turn, r).await?;
        }
        (Step::Ask(Field::Village), RegAction::UseHint) if r.draft.village_offer.is_some() => {
            if let Some(offer) = r.draft.village_offer.clone() {
                r.draft.set_village(&offer);
            }
            advance(turn, r).await?;
        }
        (
            Step::Ask(Field::Village | Field::District) | Step::VillageByRegency,
            RegAction::Place(pick),
        ) => {
            on_pick(turn, r, pick).await?;
        }
        (Step::Summary, RegAction::Edit(field))
            if Field::sequence(r.draft.role).contains(&field) =>
        {
            r.step = Step::Ask(field);
            enter(turn, r, None);
        }
        (Step::Summary, RegAction::Save) => save(turn, r).await?,
        (_, RegAction::Back) => back(turn, r).await?,
        // A button from an earlier question: say so and ask the current one again.
        _ => {
            turn.notice(Msg::new("button-expired"), false);
            enter(turn, r, None);
        }
    }
    Ok(())
}

/// A typed answer, a shared contact, or anything else sent during registration.
pub(crate) async fn on_event(
    turn: &mut Turn<'_>,
    registration: Registration,
    event: &Event,
) -> Result<()> {
    let mut r = registration;
    let text = match event {
        Event::Text {
            text,
            forwarded: false,
            ..
        } => Some(text.as_str()),
        _ => None,
    };
    let problem = match (r.step, text, event) {
        (Step::Ask(Field::Name), Some(text), _) => match PersonName::parse(text) {
            Ok(name) => {
                r.draft.name = Some(name.as_str().to_owned());
                return advance(turn, r).await;
            }
            Err(e) => name_problem(e),
        },
        (Step::Ask(Field::Phone), _, Event::Contact { phone, user_id }) => {
            if *user_id != turn.user_id() {
                Msg::new("registration-phone-not-yours")
            } else {
                match Phone::parse(phone) {
                    Ok(phone) => return phone_saved(turn, r, phone).await,
                    Err(e) => phone_problem(e),
                }
            }
        }
        (Step::Ask(Field::Phone), Some(text), _) => match Phone::parse(text) {
            Ok(phone) => return phone_saved(turn, r, phone).await,
            Err(e) => phone_problem(e),
        },
        (Step::Ask(Field::Village | Field::District), Some(text), _) => {
            r.step = Step::Ask(Field::Village);
            let screen = places::search(turn, text, pick_action).await?;
            return show_places(turn, r, screen);
        }
        (Step::VillageByRegency, Some(text), _) => {
            let screen = places::regencies(turn, text, pick_action).await?;
            return show_places(turn, r, screen);
        }
        (Step::CountryOther, Some(text), _) => match PlaceName::parse(text) {
            Ok(place) => {
                r.draft.country = Some(Country::typed(place));
                return advance(turn, r).await;
            }
            Err(e) => place_problem(e),
        },
        (Step::Ask(Field::YearsAbroad), Some(text), _) => match YearsAbroad::parse(text) {
            Ok(years) => {
                r.draft.years_abroad = Some(years.get());
                return advance(turn, r).await;
            }
            Err(e) => years_problem(e),
        },
        // Questions answered with buttons, the consent and the summary.
        (_, Some(_), _) => Msg::new("registration-use-buttons"),
        (
            Step::Ask(
                Field::Name | Field::Phone | Field::Village | Field::District | Field::YearsAbroad,
            )
            | Step::CountryOther
            | Step::VillageByRegency,
            None,
            _,
        ) => Msg::new("registration-type-answer"),
        (_, None, _) => Msg::new("registration-use-buttons"),
    };
    enter(turn, r, Some(problem));
    Ok(())
}

fn name_problem(error: NameError) -> Msg {
    match error {
        NameError::TooShort => Msg::new("registration-name-too-short"),
        NameError::TooLong => {
            Msg::new("registration-name-too-long").arg("max", PersonName::MAX_CHARS as i64)
        }
        NameError::Digits => Msg::new("registration-name-digits"),
        NameError::NotLetters => Msg::new("registration-name-letters"),
    }
}

fn phone_problem(error: PhoneError) -> Msg {
    Msg::new(match error {
        PhoneError::NotANumber => "registration-phone-invalid",
        PhoneError::TooShort => "registration-phone-too-short",
        PhoneError::TooLong => "registration-phone-too-long",
    })
}

fn place_problem(error: PlaceError) -> Msg {
    match error {
        PlaceError::TooShort => Msg::new("registration-place-too-short"),
        PlaceError::TooLong => {
            Msg::new("registration-place-too-long").arg("max", PlaceName::MAX_CHARS as i64)
        }
        PlaceError::BadCharacters => Msg::new("registration-place-characters"),
    }
}

fn years_problem(error: YearsError) -> Msg {
    match error {
        YearsError::NotANumber => Msg::new("registration-years-not-a-number"),
        YearsError::Negative => Msg::new("registration-years-negative"),
        YearsError::TooMany => {
            Msg::new("registration-years-too-many").arg("max", i64::from(YearsAbroad::MAX))
        }
    }
}

/// The number is kept; the keyboard that shared it is taken away.
async fn phone_saved(turn: &mut Turn<'_>, mut r: Registration, phone: Phone) -> Result<()> {
    turn.send(
        vec![Msg::new("registration-phone-saved").arg("phone", phone.as_str())],
        Keyboard::Remove,
    );
    r.draft.phone = Some(phone.as_str().to_owned());
    advance(turn, r).await
}

fn pick_action(pick: Pick) -> Action {
    Action::Registration(RegAction::Place(pick))
}

/// A step of choosing the village from the list.
async fn on_pick(turn: &mut Turn<'_>, mut r: Registration, pick: Pick) -> Result<()> {
    match places::follow(turn, pick, pick_action).await? {
        places::Next::Chosen(village) => {
            r.draft.set_village(&village);
            advance(turn, r).await
        }
        places::Next::Screen { screen, by_regency } => {
            r.step = match by_regency {
                true => Step::VillageByRegency,
                false => Step::Ask(Field::Village),
            };
            show_places(turn, r, screen)
        }
        // A village, regency or district not (or no longer) listed: an old or forged button.
        places::Next::Gone => {
            turn.notice(Msg::new("button-expired"), false);
            enter(turn, r, None);
            Ok(())
        }
    }
}

/// A screen of the village choice, with the registration's way out; the registration stays
/// the user's state.
fn show_places(turn: &mut Turn<'_>, r: Registration, screen: places::Screen) -> Result<()> {
    let (text, keyboard) = screen.keyboard(screens::way_out());
    turn.show(text, keyboard);
    turn.state = State::Registration(Box::new(r));
    Ok(())
}

/// Shows the step and keeps the registration as the user's state.
fn enter(turn: &mut Turn<'_>, registration: Registration, problem: Option<Msg>) {
    screens::ask(turn, &registration, problem);
    turn.state = State::Registration(Box::new(registration));
}

/// On to the next unanswered question; with all answered, the summary (or, when changing a
/// saved profile, save at once).
async fn advance(turn: &mut Turn<'_>, mut r: Registration) -> Result<()> {
    r.choosing = None;
    match r.draft.first_missing() {
        Some(field) => {
            r.step = Step::Ask(field);
            enter(turn, r, None);
            Ok(())
        }
        None if r.mode == Mode::Profile => save(turn, r).await,
        None => {
            r.step = Step::Summary;
            enter(turn, r, None);
            Ok(())
        }
    }
}

async fn back(turn: &mut Turn<'_>, mut r: Registration) -> Result<()> {
    if r.mode == Mode::Profile {
        turn.state = State::Idle;
        return profile::show(turn).await;
    }
    r.choosing = None;
    let sequence = Field::sequence(r.draft.role);
    let complete = r.draft.first_missing().is_none();
    r.step = match r.step {
        Step::Consent => {
            turn.state = State::Idle;
            return super::menu::show_menu(turn).await;
        }
        Step::CountryOther => Step::Ask(Field::Country),
        Step::VillageByRegency => Step::Ask(Field::Village),
        Step::Ask(_) if complete => Step::Summary,
        Step::Ask(field) => match sequence.iter().position(|f| *f == field) {
            Some(0) | None => Step::Consent,
            Some(i) => Step::Ask(sequence[i - 1]),
        },
        Step::Summary => Step::Ask(Field::Interests),
    };
    enter(turn, r, None);
    Ok(())
}

async fn save(turn: &mut Turn<'_>, r: Registration) -> Result<()> {
    let Some(user_id) = turn.user_id() else {
        return Ok(());
    };
    let registered_at = match profiles::find(turn.tx, user_id).await? {
        Some(existing) => existing.registered_at,
        None => turn.now.timestamp(),
    };
    let Some(saved) = r.draft.to_profile(user_id, registered_at) else {
        // Cannot happen with a complete draft; ask what is missing rather than fail.
        let step = r.draft.first_missing().map_or(Step::Summary, Step::Ask);
        enter(
            turn,
            Registration {
                step,
                mode: Mode::New,
                ..r
            },
            None,
        );
        return Ok(());
    };
    profiles::save(turn.tx, &saved, turn.now).await?;
    turn.state = State::Idle;
    match r.mode {
        Mode::Profile => profile::show_updated(turn).await,
        Mode::New => {
            screens::done(turn);
            // Back to the training they wanted to join before registering, if any.
            super::trainings::after_registration(turn).await
        }
    }
}
