//! /broadcast (/umumkan): officers write an announcement (text, or a photo with a caption),
//! optionally a second version in the other language, choose who gets it and when, see it
//! exactly as recipients will, and confirm. Delivery and live progress are in `delivery`.

mod audience;
pub(crate) mod delivery;

use std::collections::BTreeMap;

use chrono::TimeZone;
use serde::{Deserialize, Serialize};

pub use audience::Audience;

use super::places::{self, Next, Pick};
use super::{
    Action, Arg, Button, Event, Keyboard, MediaKind, Msg, ReplyKind, Result, State,
    action::{FeatureAction, parse_id},
    fallback, menu,
    turn::Turn,
};
use crate::areas::{Gazetteer, Places};
use crate::domain::{
    Destination, Interest, Language, Role,
    area::{DistrictCode, RegencyCode},
    audience::{Filter, Place, toggle},
    staff::Scope,
};
use crate::store::{self, Tx, audit, broadcasts};

/// Telegram's limits: a message's text, a photo's caption.
pub const MAX_TEXT: usize = 4096;
pub const MAX_CAPTION: usize = 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComposeStep {
    Text,
    OfferOther,
    OtherText,
    Audience,
    Village,
    Training,
    /// Building an audience of several parts.
    Combine,
    /// Choosing the training a «✍️ Ikut pelatihan ini» button under it signs up for.
    JoinTraining,
    /// Adding a village, district or regency to it.
    CombinePlace,
    When,
    WhenTyped,
    Preview,
}

/// An announcement being written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Composer {
    pub step: ComposeStep,
    /// The officer's own language: the first version is written in it.
    pub first: Language,
    pub texts: BTreeMap<Language, String>,
    pub photo: Option<String>,
    pub audience: Option<Audience>,
    /// Unix seconds; `None` for "now".
    pub send_at: Option<i64>,
    /// The draft row behind the preview.
    pub draft_id: Option<i64>,
    /// The audience being put together from parts («Gabungkan»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter>,
    /// Choosing a place after «by regency»: what is typed names a regency.
    #[serde(default)]
    pub by_regency: bool,
    /// The training a «✍️ Ikut pelatihan ini» button under it signs up for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_training: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BroadcastAction {
    AddOther,
    SkipOther,
    Audience(AudienceChoice),
    Now,
    Later,
    Send,
    EditText,
    Pause(i64),
    Resume(i64),
    Stop(i64),
    /// Everyone booked on this training.
    Training(i64),
    /// From the preview: choose a training for a «✍️ Ikut pelatihan ini» button.
    AddJoinButton,
    /// The training the button signs up for.
    JoinButton(i64),
    /// No button after all.
    RemoveJoinButton,
    /// From choosing a village or a training back to the audiences.
    Back,
    /// Put an audience together from parts.
    Combine,
    /// Add or take out one value of a part.
    Toggle(Part),
    /// Add a village, district or regency.
    AddPlace,
    /// A step of choosing a village (see `places`).
    Place(Pick),
    /// The whole regency or district shown.
    WholeRegency(RegencyCode),
    WholeDistrict(DistrictCode),
    ClearPlaces,
    /// The parts are chosen: on to when.
    CombineDone,
}

/// One value of a part of an audience.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Role(Role),
    Language(Language),
    Interest(Interest),
    Country(Destination),
}

impl Part {
    fn fields(self) -> [String; 2] {
        let (kind, code) = match self {
            Part::Role(r) => ("r", r.code()),
            Part::Language(l) => ("l", l.code()),
            Part::Interest(i) => ("i", i.code()),
            Part::Country(c) => ("c", c.code()),
        };
        [kind.to_owned(), code.to_owned()]
    }

    fn parse(kind: &str, code: &str) -> Option<Part> {
        Some(match kind {
            "r" => Part::Role(Role::parse(code)?),
            "l" => Part::Language(Language::parse(code)?),
            "i" => Part::Interest(Interest::parse(code)?),
            "c" => Part::Country(Destination::parse(code)?),
            _ => return None,
        })
    }

    /// Every value, in the order the builder shows them.
    fn all() -> Vec<Part> {
        let mut all: Vec<Part> = Role::ALL.iter().map(|r| Part::Role(*r)).collect();
        all.extend(Language::ALL.iter().map(|l| Part::Language(*l)));
        all.extend(Interest::ALL.iter().map(|i| Part::Interest(*i)));
        all.extend(Destination::ALL.iter().map(|c| Part::Country(*c)));
        all
    }

    fn name(self) -> Msg {
        match self {
            Part::Role(r) => Msg::new(format!("broadcast-audience-{}", r.code())),
            // On a button, as the language picker names it.
            Part::Language(l) => Msg::new(format!("language-name-{}", l.code())),
            Part::Interest(i) => Msg::new(i.message_id()),
            Part::Country(c) => Msg::new(c.message_id()),
        }
    }

    fn toggle(self, filter: &mut Filter) {
        match self {
            Part::Role(r) => toggle(&mut filter.roles, r),
            Part::Language(l) => toggle(&mut filter.languages, l),
            Part::Interest(i) => toggle(&mut filter.interests, i),
            Part::Country(c) => toggle(&mut filter.countries, c),
        }
    }

    fn chosen(self, filter: &Filter) -> bool {
        match self {
            Part::Role(r) => filter.roles.contains(&r),
            Part::Language(l) => filter.languages.contains(&l),
            Part::Interest(i) => filter.interests.contains(&i),
            Part::Country(c) => filter.countries.contains(&c),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AudienceChoice {
    Everyone,
    Role(Role),
    Village,
    Training,
    Language(Language),
}

impl FeatureAction for BroadcastAction {
    const TAG: &'static str = "bc";

    fn fields(&self) -> Vec<String> {
        let one = |a: &str| vec![a.to_owned()];
        let two = |a: &str, b: String| vec![a.to_owned(), b];
        match self {
            BroadcastAction::AddOther => one("add"),
            BroadcastAction::SkipOther => one("skip"),
            BroadcastAction::Audience(AudienceChoice::Everyone) => two("to", "all".into()),
            BroadcastAction::Audience(AudienceChoice::Role(r)) => two("to", r.code().into()),
            BroadcastAction::Audience(AudienceChoice::Village) => two("to", "village".into()),
            BroadcastAction::Audience(AudienceChoice::Training) => two("to", "training".into()),
            BroadcastAction::Training(id) => two("training", id.to_string()),
            BroadcastAction::AddJoinButton => one("addjb"),
            BroadcastAction::JoinButton(id) => two("jb", id.to_string()),
            BroadcastAction::RemoveJoinButton => one("rmjb"),
            BroadcastAction::Back => one("back"),
            BroadcastAction::Audience(AudienceChoice::Language(l)) => {
                two("to", format!("lang-{}", l.code()))
            }
            BroadcastAction::Now => one("now"),
            BroadcastAction::Later => one("later"),
            BroadcastAction::Send => one("send"),
            BroadcastAction::EditText => one("edit"),
            BroadcastAction::Pause(id) => two("pause", id.to_string()),
            BroadcastAction::Resume(id) => two("resume", id.to_string()),
            BroadcastAction::Stop(id) => two("stop", id.to_string()),
            BroadcastAction::Combine => one("mix"),
            BroadcastAction::Toggle(part) => {
                [vec!["tg".to_owned()], part.fields().to_vec()].concat()
            }
            BroadcastAction::AddPlace => one("addpl"),
            BroadcastAction::Place(pick) => [vec!["pl".to_owned()], pick.fields()].concat(),
            BroadcastAction::WholeRegency(code) => two("wr", code.compact()),
            BroadcastAction::WholeDistrict(code) => two("wd", code.compact()),
            BroadcastAction::ClearPlaces => one("clrpl"),
            BroadcastAction::CombineDone => one("mixok"),
        }
    }

    fn parse(fields: &[&str]) -> Option<BroadcastAction> {
        Some(match fields {
            ["add"] => BroadcastAction::AddOther,
            ["skip"] => BroadcastAction::SkipOther,
            ["to", "all"] => BroadcastAction::Audience(AudienceChoice::Everyone),
            ["to", "village"] => BroadcastAction::Audience(AudienceChoice::Village),
            ["to", "training"] => BroadcastAction::Audience(AudienceChoice::Training),
            ["training", id] => BroadcastAction::Training(parse_id(id)?),
            ["addjb"] => BroadcastAction::AddJoinButton,
            ["jb", id] => BroadcastAction::JoinButton(parse_id(id)?),
            ["rmjb"] => BroadcastAction::RemoveJoinButton,
            ["back"] => BroadcastAction::Back,
            ["to", lang] if lang.starts_with("lang-") => {
                BroadcastAction::Audience(AudienceChoice::Language(Language::parse(&lang[5..])?))
            }
            ["to", role] => BroadcastAction::Audience(AudienceChoice::Role(Role::parse(role)?)),
            ["now"] => BroadcastAction::Now,
            ["later"] => BroadcastAction::Later,
            ["send"] => BroadcastAction::Send,
            ["edit"] => BroadcastAction::EditText,
            ["pause", id] => BroadcastAction::Pause(parse_id(id)?),
            ["resume", id] => BroadcastAction::Resume(parse_id(id)?),
            ["stop", id] => BroadcastAction::Stop(parse_id(id)?),
            ["mix"] => BroadcastAction::Combine,
            ["tg", kind, code] => BroadcastAction::Toggle(Part::parse(kind, code)?),
            ["addpl"] => BroadcastAction::AddPlace,
            ["pl", pick @ ..] => BroadcastAction::Place(Pick::parse(pick)?),
            ["wr", code] => BroadcastAction::WholeRegency(RegencyCode::parse(code)?),
            ["wd", code] => BroadcastAction::WholeDistrict(DistrictCode::parse(code)?),
            ["clrpl"] => BroadcastAction::ClearPlaces,
            ["mixok"] => BroadcastAction::CombineDone,
            _ => return None,
        })
    }
}

fn button(label: Msg, action: BroadcastAction) -> Button {
    Button::action(label, Action::Broadcast(action))
}

fn cancel_row() -> Vec<Button> {
    vec![Button::action(Msg::new("button-cancel"), Action::Cancel)]
}

/// A language as a sentence names it («versi bahasa Inggris»), not as the language picker
/// does («English»).
fn language_name(language: Language) -> Msg {
    Msg::new(format!("language-in-text-{}", language.code()))
}

/// /broadcast: asks for the text.
pub(crate) async fn start(turn: &mut Turn<'_>) -> Result<()> {
    let composer = Composer {
        step: ComposeStep::Text,
        first: turn.lang,
        texts: BTreeMap::new(),
        photo: None,
        audience: None,
        send_at: None,
        draft_id: None,
        filter: None,
        by_regency: false,
        join_training: None,
    };
    enter(turn, composer, None).await
}

/// Shows the composer's current step and keeps it as the officer's state.
async fn enter(turn: &mut Turn<'_>, composer: Composer, problem: Option<Msg>) -> Result<()> {
    let mut text: Vec<Msg> = problem.into_iter().collect();
    let keyboard = match composer.step {
        ComposeStep::Text => {
            text.push(
                Msg::new("broadcast-ask-text").arg("language", language_name(composer.first)),
            );
            Keyboard::Inline(vec![cancel_row()])
        }
        ComposeStep::OfferOther => {
            let other = composer.first.other();
            text.push(Msg::new("broadcast-offer-other").arg("language", language_name(other)));
            Keyboard::Inline(vec![
                vec![button(
                    Msg::new("broadcast-button-add-other").arg("language", language_name(other)),
                    BroadcastAction::AddOther,
                )],
                vec![button(
                    Msg::new("broadcast-button-skip-other"),
                    BroadcastAction::SkipOther,
                )],
                cancel_row(),
            ])
        }
        ComposeStep::OtherText => {
            text.push(
                Msg::new("broadcast-ask-other-text")
                    .arg("language", language_name(composer.first.other())),
            );
            Keyboard::Inline(vec![cancel_row()])
        }
        ComposeStep::Audience => {
            text.push(Msg::new("broadcast-ask-audience"));
            audience_keyboard(turn).await?
        }
        ComposeStep::Village | ComposeStep::CombinePlace => {
            text.push(Msg::new("broadcast-ask-village"));
            Keyboard::Inline(vec![
                vec![button(
                    Msg::new("place-button-by-regency"),
                    BroadcastAction::Place(Pick::ByRegency),
                )],
                vec![button(Msg::new("button-back"), BroadcastAction::Back)],
                cancel_row(),
            ])
        }
        ComposeStep::Combine => {
            let filter = composer
                .filter
                .clone()
                .unwrap_or_else(|| Filter::within(turn.scope()));
            let (summary, keyboard) = builder(turn, &filter).await?;
            text.extend(summary);
            keyboard
        }
        ComposeStep::Training | ComposeStep::JoinTraining => {
            let joining = composer.step == ComposeStep::JoinTraining;
            let trainings = join_choices(turn, !joining).await?;
            if trainings.is_empty() {
                text.push(Msg::new("broadcast-no-trainings"));
            } else if joining {
                text.push(Msg::new("broadcast-ask-join-training"));
            } else {
                text.push(Msg::new("broadcast-ask-training"));
            }
            let mut rows: Vec<Vec<Button>> = trainings
                .iter()
                .map(|t| {
                    let title = match composer.first {
                        Language::Id => t.details.title_id.as_str(),
                        Language::En => t.details.title_en.as_str(),
                    };
                    let label = Msg::new("broadcast-training-button")
                        .arg("title", title)
                        .arg("time", Arg::Time(t.details.starts_at))
                        .arg("booked", t.booked);
                    let action = if joining {
                        BroadcastAction::JoinButton(t.id)
                    } else {
                        BroadcastAction::Training(t.id)
                    };
                    vec![button(label, action)]
                })
                .collect();
            rows.push(vec![button(Msg::new("button-back"), BroadcastAction::Back)]);
            rows.push(cancel_row());
            Keyboard::Inline(rows)
        }
        ComposeStep::When => {
            text.push(Msg::new("broadcast-ask-when"));
            Keyboard::Inline(vec![
                vec![
                    button(Msg::new("broadcast-button-now"), BroadcastAction::Now),
                    button(Msg::new("broadcast-button-later"), BroadcastAction::Later),
                ],
                cancel_row(),
            ])
        }
        ComposeStep::WhenTyped => {
            text.push(Msg::new("broadcast-ask-time").arg("example", example_time(turn)));
            Keyboard::Inline(vec![cancel_row()])
        }
        ComposeStep::Preview => return preview(turn, composer).await,
    };
    turn.show(text, keyboard);
    turn.state = State::Broadcast(Box::new(composer));
    Ok(())
}

fn example_time(turn: &Turn<'_>) -> String {
    let tomorrow = (turn.now + chrono::Duration::days(1)).with_timezone(&turn.settings.timezone);
    format!("{} 09.00", tomorrow.format("%d/%m/%Y"))
}

/// What a quick choice means for this sender: as it always did for an admin, and within
/// their own area for anyone else.
fn preset(turn: &Turn<'_>, choice: AudienceChoice) -> Option<Audience> {
    let scope = turn.scope();
    if scope == Scope::Country {
        return match choice {
            AudienceChoice::Everyone => Some(Audience::Everyone),
            AudienceChoice::Role(r) => Some(Audience::Role(r)),
            AudienceChoice::Language(l) => Some(Audience::Language(l)),
            AudienceChoice::Village | AudienceChoice::Training => None,
        };
    }
    let mut filter = Filter::within(scope);
    match choice {
        AudienceChoice::Everyone => {}
        AudienceChoice::Role(r) => filter.roles.push(r),
        AudienceChoice::Language(l) => filter.languages.push(l),
        AudienceChoice::Village | AudienceChoice::Training => return None,
    }
    Some(Audience::Filter(filter))
}

async fn audience_keyboard(turn: &mut Turn<'_>) -> Result<Keyboard> {
    let choices = [
        AudienceChoice::Everyone,
        AudienceChoice::Role(Role::Returnee),
        AudienceChoice::Role(Role::Family),
        AudienceChoice::Role(Role::Prospective),
        AudienceChoice::Language(Language::Id),
        AudienceChoice::Language(Language::En),
    ];
    let mut rows = Vec::new();
    for choice in choices {
        let Some(audience) = preset(turn, choice) else {
            continue;
        };
        let count = store::audiences::count(turn.tx, &audience).await?;
        let label = Msg::new("broadcast-audience-button")
            .arg("audience", describe(turn, &audience).await?)
            .arg("count", count);
        rows.push(vec![button(label, BroadcastAction::Audience(choice))]);
    }
    rows.push(vec![button(
        Msg::new("broadcast-audience-village"),
        BroadcastAction::Audience(AudienceChoice::Village),
    )]);
    rows.push(vec![button(
        Msg::new("broadcast-audience-training"),
        BroadcastAction::Audience(AudienceChoice::Training),
    )]);
    rows.push(vec![button(
        Msg::new("broadcast-audience-combine"),
        BroadcastAction::Combine,
    )]);
    rows.push(cancel_row());
    Ok(Keyboard::Inline(rows))
}

/// The audience named for its buttons and the preview.
async fn describe(turn: &mut Turn<'_>, audience: &Audience) -> Result<Msg> {
    let gazetteer = turn.places().await?;
    Ok(named(&gazetteer, audience))
}

/// The audience named, with its places as the gazetteer names them, for its sender.
pub fn named(gazetteer: &Gazetteer, audience: &Audience) -> Msg {
    named_as(gazetteer, audience, "broadcast-filter-within")
}

/// The audience named for someone other than its sender (an admin's list of everyone's):
/// «di wilayah pengirim», not «di wilayah Anda».
pub fn named_for_others(gazetteer: &Gazetteer, audience: &Audience) -> Msg {
    named_as(gazetteer, audience, "broadcast-filter-within-sender")
}

fn named_as(gazetteer: &Gazetteer, audience: &Audience, within: &str) -> Msg {
    let Audience::Filter(filter) = audience else {
        return audience::describe(audience);
    };
    let mut parts = Vec::new();
    if filter.within != Scope::Country {
        parts.push(Msg::new(within));
    }
    for place in &filter.places {
        parts.push(place_name(gazetteer, *place));
    }
    for part in Part::all() {
        if part.chosen(filter) {
            parts.push(part.name());
        }
    }
    if let Some(id) = filter.training {
        parts.push(Msg::new("broadcast-audience-training-named").arg("number", id));
    }
    if parts.is_empty() || (parts.len() == 1 && filter.within != Scope::Country) {
        parts.insert(0, Msg::new("broadcast-filter-everyone"));
    }
    Msg::new("broadcast-filter").arg("parts", Arg::List(parts))
}

fn place_name(gazetteer: &Gazetteer, place: Place) -> Msg {
    match place {
        Place::Village(code) => match gazetteer.village(code) {
            Some(hit) => places::label(&hit),
            None => Msg::new("place-area-code").arg("code", code.to_string()),
        },
        Place::District(code) => match gazetteer.district_name(code) {
            Some(name) => Msg::new("broadcast-filter-district").arg("district", name),
            None => Msg::new("place-area-code").arg("code", code.to_string()),
        },
        Place::Regency(code) => match gazetteer.regency_name(code) {
            Some(name) => Msg::new("place-area-regency").arg("regency", name),
            None => Msg::new("place-area-code").arg("code", code.to_string()),
        },
    }
}

/// The builder: what is chosen so far and how many it reaches, and a button for each value
/// with the number of people pressing it would give.
async fn builder(turn: &mut Turn<'_>, filter: &Filter) -> Result<(Vec<Msg>, Keyboard)> {
    let total = store::audiences::count(turn.tx, &Audience::Filter(filter.clone())).await?;
    let text = vec![
        Msg::new("broadcast-combine-intro"),
        Msg::new("broadcast-combine-now")
            .arg(
                "audience",
                describe(turn, &Audience::Filter(filter.clone())).await?,
            )
            .arg("count", total),
    ];
    let mut rows: Vec<Vec<Button>> = Vec::new();
    let mut row: Vec<Button> = Vec::new();
    let mut kind = None;
    for part in Part::all() {
        let this_kind = std::mem::discriminant(&part);
        if kind.is_some_and(|k| k != this_kind) || row.len() == 2 {
            rows.push(std::mem::take(&mut row));
        }
        kind = Some(this_kind);
        let mut pressed = filter.clone();
        part.toggle(&mut pressed);
        let count = store::audiences::count(turn.tx, &Audience::Filter(pressed)).await?;
        let label = Msg::new(match part.chosen(filter) {
            true => "broadcast-combine-on",
            false => "broadcast-combine-off",
        })
        .arg("name", part.name())
        .arg("count", count);
        row.push(button(label, BroadcastAction::Toggle(part)));
    }
    rows.push(row);
    let mut places_row = vec![button(
        Msg::new("broadcast-combine-add-place"),
        BroadcastAction::AddPlace,
    )];
    if !filter.places.is_empty() {
        places_row.push(button(
            Msg::new("broadcast-combine-clear-places"),
            BroadcastAction::ClearPlaces,
        ));
    }
    rows.push(places_row);
    rows.push(vec![button(
        Msg::new("broadcast-combine-done").arg("count", total),
        BroadcastAction::CombineDone,
    )]);
    rows.push(vec![
        button(Msg::new("button-back"), BroadcastAction::Back),
        Button::action(Msg::new("button-cancel"), Action::Cancel),
    ]);
    Ok((text, Keyboard::Inline(rows)))
}

/// A place the sender may choose: within their area.
fn may_choose(scope: &Scope, place: Place) -> bool {
    match place {
        Place::Village(code) => scope.covers_village(code),
        Place::District(code) => scope.covers_regency(code.regency()),
        Place::Regency(code) => scope.covers_regency(code),
    }
}

/// A place chosen: the audience of the village step, or one more place of the builder.
async fn chose_place(turn: &mut Turn<'_>, mut c: Composer, place: Place) -> Result<()> {
    let scope = turn.scope();
    if !may_choose(&scope, place) {
        fallback::old_button(turn);
        return Ok(());
    }
    c.by_regency = false;
    if c.step == ComposeStep::CombinePlace {
        let filter = c.filter.get_or_insert_with(|| Filter::within(scope));
        if !filter.places.contains(&place) {
            filter.places.push(place);
        }
        c.step = ComposeStep::Combine;
    } else {
        let mut filter = Filter::within(scope);
        filter.places.push(place);
        c.audience = Some(Audience::Filter(filter));
        c.step = ComposeStep::When;
    }
    enter(turn, c, None).await
}

/// A step of the village choice (a pressed [`Pick`]).
async fn on_pick(turn: &mut Turn<'_>, mut c: Composer, pick: Pick) -> Result<()> {
    let wrap = |p| Action::Broadcast(BroadcastAction::Place(p));
    match places::follow(turn, pick, wrap).await? {
        Next::Chosen(hit) => chose_place(turn, c, Place::Village(hit.code)).await,
        Next::Screen { screen, by_regency } => {
            c.by_regency = by_regency;
            let scope = turn.scope();
            let mut way_out = Vec::new();
            match pick {
                Pick::Regency(code) if scope.covers_regency(code) => way_out.push(button(
                    Msg::new("broadcast-whole-regency"),
                    BroadcastAction::WholeRegency(code),
                )),
                Pick::District(code, _) if scope.covers_regency(code.regency()) => {
                    way_out.push(button(
                        Msg::new("broadcast-whole-district"),
                        BroadcastAction::WholeDistrict(code),
                    ))
                }
                _ => {}
            }
            way_out.push(button(Msg::new("button-back"), BroadcastAction::Back));
            let (text, keyboard) = screen.keyboard(way_out);
            turn.show(text, keyboard);
            turn.state = State::Broadcast(Box::new(c));
            Ok(())
        }
        Next::Gone => {
            fallback::old_button(turn);
            Ok(())
        }
    }
}

/// The trainings of the sender's area to come, for an audience (`all`: closed ones too), or
/// for a «✍️ Ikut pelatihan ini» button (only those taking sign-ups).
async fn join_choices(
    turn: &mut Turn<'_>,
    all: bool,
) -> Result<Vec<crate::store::trainings::Training>> {
    let seen = crate::store::trainings::Seen::Staff(turn.scope());
    let trainings =
        crate::store::trainings::upcoming(turn.tx, turn.now, &seen, true, 20, 0).await?;
    Ok(if all {
        trainings
    } else {
        trainings
            .into_iter()
            .filter(|t| t.takes_sign_ups(turn.now))
            .collect()
    })
}

/// Saves the draft and shows it exactly as recipients will see it, with the count and the
/// confirm button. Nothing is sent before the officer confirms.
async fn preview(turn: &mut Turn<'_>, mut composer: Composer) -> Result<()> {
    let Some(officer) = turn.user_id() else {
        return Ok(());
    };
    let Some(audience) = composer.audience.clone() else {
        composer.step = ComposeStep::Audience;
        return Box::pin(enter(turn, composer, None)).await;
    };
    let audience_json = serde_json::to_string(&audience)?;
    let new = broadcasts::NewBroadcast {
        officer_id: officer,
        text_id: composer.texts.get(&Language::Id).map(String::as_str),
        text_en: composer.texts.get(&Language::En).map(String::as_str),
        photo_file_id: composer.photo.as_deref(),
        audience: &audience_json,
        send_at: composer.send_at.unwrap_or(turn.now.timestamp()),
        join_training_id: composer.join_training,
    };
    let id = match composer.draft_id {
        Some(id) => {
            broadcasts::update_draft(turn.tx, id, &new).await?;
            id
        }
        None => broadcasts::create(turn.tx, &new, turn.now).await?,
    };
    composer.draft_id = Some(id);
    let count = store::audiences::count(turn.tx, &audience).await?;
    let named = describe(turn, &audience).await?;
    let when = match composer.send_at {
        Some(at) => Msg::new("broadcast-when-at").arg("time", Arg::Time(at)),
        None => Msg::new("broadcast-when-now"),
    };
    turn.send(
        vec![
            Msg::new("broadcast-preview-intro")
                .arg("audience", named)
                .arg("count", count)
                .arg("when", when),
        ],
        Keyboard::None,
    );
    // The announcement itself, through the very path recipients' copies take.
    for language in composer.texts.keys() {
        let kind = ReplyKind::Broadcast { broadcast_id: id };
        let mut reply = turn.reply_to_self(kind);
        reply.lang = *language;
        turn.push_reply(reply);
    }
    let join = match composer.join_training {
        Some(_) => button(
            Msg::new("broadcast-button-remove-join"),
            BroadcastAction::RemoveJoinButton,
        ),
        None => button(
            Msg::new("broadcast-button-add-join"),
            BroadcastAction::AddJoinButton,
        ),
    };
    let keyboard = Keyboard::Inline(vec![
        vec![button(
            Msg::new("broadcast-button-send").arg("count", count),
            BroadcastAction::Send,
        )],
        vec![button(
            Msg::new("broadcast-button-edit"),
            BroadcastAction::EditText,
        )],
        vec![join],
        cancel_row(),
    ]);
    turn.send(vec![Msg::new("broadcast-confirm")], keyboard);
    composer.step = ComposeStep::Preview;
    turn.state = State::Broadcast(Box::new(composer));
    Ok(())
}

/// A button of the composer or of a running broadcast's progress message.
pub(crate) async fn on_action(turn: &mut Turn<'_>, action: BroadcastAction) -> Result<()> {
    if turn.role().is_none() {
        fallback::not_an_officer(turn);
        return Ok(());
    }
    match action {
        BroadcastAction::Pause(id) => return delivery::pause(turn, id).await,
        BroadcastAction::Resume(id) => return delivery::resume(turn, id).await,
        BroadcastAction::Stop(id) => return delivery::stop(turn, id).await,
        _ => {}
    }
    let State::Broadcast(composer) = turn.state.clone() else {
        fallback::old_button(turn);
        return Ok(());
    };
    let mut c = *composer;
    match (c.step, action) {
        (ComposeStep::OfferOther, BroadcastAction::AddOther) => c.step = ComposeStep::OtherText,
        (ComposeStep::OfferOther, BroadcastAction::SkipOther) => c.step = ComposeStep::Audience,
        (ComposeStep::Audience, BroadcastAction::Audience(choice)) => match choice {
            AudienceChoice::Village => (c.step, c.by_regency) = (ComposeStep::Village, false),
            AudienceChoice::Training => c.step = ComposeStep::Training,
            quick => {
                (c.audience, c.step) = (preset(turn, quick), ComposeStep::When);
            }
        },
        (ComposeStep::Training, BroadcastAction::Training(id)) => {
            let scope = turn.scope();
            c.audience = Some(match scope {
                Scope::Country => Audience::Training(id),
                scope => Audience::Filter(Filter {
                    training: Some(id),
                    ..Filter::within(scope)
                }),
            });
            c.step = ComposeStep::When;
        }
        (ComposeStep::Audience, BroadcastAction::Combine) => {
            c.filter.get_or_insert_with(|| Filter::within(turn.scope()));
            c.step = ComposeStep::Combine;
        }
        (ComposeStep::Combine, BroadcastAction::Toggle(part)) => {
            part.toggle(c.filter.get_or_insert_with(|| Filter::within(turn.scope())));
        }
        (ComposeStep::Combine, BroadcastAction::AddPlace) => {
            (c.step, c.by_regency) = (ComposeStep::CombinePlace, false)
        }
        (ComposeStep::Combine, BroadcastAction::ClearPlaces) => {
            if let Some(filter) = &mut c.filter {
                filter.places.clear();
            }
        }
        (ComposeStep::Combine, BroadcastAction::CombineDone) => {
            let filter = c
                .filter
                .clone()
                .unwrap_or_else(|| Filter::within(turn.scope()));
            let audience = Audience::Filter(filter);
            if store::audiences::count(turn.tx, &audience).await? == 0 {
                turn.notice(Msg::new("broadcast-combine-nobody"), true);
            } else {
                (c.audience, c.step) = (Some(audience), ComposeStep::When);
            }
        }
        (ComposeStep::Village | ComposeStep::CombinePlace, BroadcastAction::Place(pick)) => {
            return on_pick(turn, c, pick).await;
        }
        (ComposeStep::Village | ComposeStep::CombinePlace, BroadcastAction::WholeRegency(code)) => {
            return chose_place(turn, c, Place::Regency(code)).await;
        }
        (
            ComposeStep::Village | ComposeStep::CombinePlace,
            BroadcastAction::WholeDistrict(code),
        ) => return chose_place(turn, c, Place::District(code)).await,
        (ComposeStep::CombinePlace, BroadcastAction::Back) => {
            (c.step, c.by_regency) = (ComposeStep::Combine, false)
        }
        (
            ComposeStep::Training | ComposeStep::Village | ComposeStep::Combine,
            BroadcastAction::Back,
        ) => c.step = ComposeStep::Audience,
        (ComposeStep::Preview, BroadcastAction::AddJoinButton) => {
            c.step = ComposeStep::JoinTraining
        }
        (ComposeStep::JoinTraining, BroadcastAction::JoinButton(id)) => {
            // Only a training of the sender's that takes sign-ups (a forged id is refused).
            if join_choices(turn, false).await?.iter().any(|t| t.id == id) {
                c.join_training = Some(id);
            } else {
                turn.notice(Msg::new("button-expired"), false);
            }
            c.step = ComposeStep::Preview;
        }
        (ComposeStep::JoinTraining, BroadcastAction::Back) => c.step = ComposeStep::Preview,
        (ComposeStep::Preview, BroadcastAction::RemoveJoinButton) => c.join_training = None,
        (ComposeStep::When, BroadcastAction::Now) => {
            (c.send_at, c.step) = (None, ComposeStep::Preview)
        }
        (ComposeStep::When, BroadcastAction::Later) => c.step = ComposeStep::WhenTyped,
        (ComposeStep::Preview, BroadcastAction::EditText) => {
            c.texts.clear();
            c.photo = None;
            c.step = ComposeStep::Text;
        }
        (ComposeStep::Preview, BroadcastAction::Send) => return confirm(turn, c).await,
        _ => {
            turn.notice(Msg::new("button-expired"), false);
        }
    }
    enter(turn, c, None).await
}

/// The officer confirmed: the draft becomes a scheduled broadcast; delivery starts at its time
/// (now, or later) with the next tick.
async fn confirm(turn: &mut Turn<'_>, composer: Composer) -> Result<()> {
    let (Some(id), Some(officer)) = (composer.draft_id, turn.user_id()) else {
        return enter(
            turn,
            Composer {
                step: ComposeStep::Text,
                ..composer
            },
            None,
        )
        .await;
    };
    broadcasts::set_status(turn.tx, id, broadcasts::BroadcastStatus::Scheduled).await?;
    broadcasts::set_progress_chat(turn.tx, id, turn.chat_id).await?;
    let audience = composer
        .audience
        .as_ref()
        .map(serde_json::to_string)
        .transpose()?
        .unwrap_or_default();
    audit::record(
        turn.tx,
        officer,
        "broadcast.send",
        &format!("broadcast {id} to {audience}"),
        turn.now,
    )
    .await?;
    turn.state = State::Idle;
    let text = match composer.send_at {
        Some(at) => Msg::new("broadcast-scheduled")
            .arg("id", id)
            .arg("time", Arg::Time(at)),
        None => Msg::new("broadcast-started").arg("id", id),
    };
    let keyboard = menu::main_menu(turn);
    turn.show(vec![text], keyboard);
    Ok(())
}

/// Text or a photo while composing.
pub(crate) async fn on_event(turn: &mut Turn<'_>, composer: Composer, event: &Event) -> Result<()> {
    let mut c = composer;
    let problem = match (c.step, event) {
        (ComposeStep::Text | ComposeStep::OtherText, Event::Text { text, .. }) => {
            let language = if c.step == ComposeStep::Text {
                c.first
            } else {
                c.first.other()
            };
            match check_text(text, c.photo.is_some()) {
                Ok(text) => {
                    c.texts.insert(language, text);
                    c.step = if c.step == ComposeStep::Text {
                        ComposeStep::OfferOther
                    } else {
                        ComposeStep::Audience
                    };
                    return enter(turn, c, None).await;
                }
                Err(problem) => problem,
            }
        }
        (
            ComposeStep::Text,
            Event::Media {
                kind: MediaKind::Photo,
                file_id,
                caption,
            },
        ) => match check_text(caption.as_deref().unwrap_or_default(), true) {
            Ok(text) => {
                c.photo = Some(file_id.clone());
                c.texts.insert(c.first, text);
                c.step = ComposeStep::OfferOther;
                return enter(turn, c, None).await;
            }
            Err(problem) => problem,
        },
        (ComposeStep::Village | ComposeStep::CombinePlace, Event::Text { text, .. }) => {
            let wrap = |p| Action::Broadcast(BroadcastAction::Place(p));
            let scope = turn.scope();
            let screen = match c.by_regency {
                true => places::regencies(turn, text, wrap).await?,
                false => {
                    places::search_where(turn, text, wrap, |code| scope.covers_village(code))
                        .await?
                }
            };
            let (text, keyboard) =
                screen.keyboard(vec![button(Msg::new("button-back"), BroadcastAction::Back)]);
            turn.send(text, keyboard);
            turn.state = State::Broadcast(Box::new(c));
            return Ok(());
        }
        (ComposeStep::WhenTyped, Event::Text { text, .. }) => match parse_time(turn, text) {
            Ok(at) => {
                c.send_at = Some(at);
                c.step = ComposeStep::Preview;
                return enter(turn, c, None).await;
            }
            Err(problem) => problem,
        },
        (ComposeStep::Text | ComposeStep::OtherText, _) => Msg::new("broadcast-text-or-photo"),
        _ => Msg::new("registration-use-buttons"),
    };
    enter(turn, c, Some(problem)).await
}

/// The text of an announcement: not empty (unless a photo carries it), within Telegram's limit.
fn check_text(text: &str, with_photo: bool) -> Result<String, Msg> {
    let text = text.trim();
    let max = if with_photo { MAX_CAPTION } else { MAX_TEXT };
    let length = text.chars().count();
    if length == 0 && !with_photo {
        return Err(Msg::new("broadcast-text-empty"));
    }
    if length > max {
        return Err(Msg::new("broadcast-text-too-long")
            .arg("max", max as i64)
            .arg("length", length as i64));
    }
    Ok(text.to_owned())
}

/// A date and time as people type it (see `domain::when`) in the configured time zone, in the
/// future. A date that could be either of two days is asked again, never guessed.
fn parse_time(turn: &Turn<'_>, text: &str) -> Result<i64, Msg> {
    use crate::domain::when::{Read, read};
    let example = example_time(turn);
    let local = match read(text, None) {
        Read::At(local) => local,
        Read::Either(..) => return Err(crate::engine::trainings::ambiguous(text)),
        Read::NoTime => return Err(Msg::new("training-invalid-no-time")),
        Read::Unreadable => {
            return Err(Msg::new("broadcast-time-format").arg("example", example.as_str()));
        }
    };
    let at = turn
        .settings
        .timezone
        .from_local_datetime(&local)
        .earliest()
        .ok_or_else(|| Msg::new("broadcast-time-format").arg("example", example.as_str()))?;
    if at.timestamp() <= turn.now.timestamp() {
        return Err(Msg::new("broadcast-time-past"));
    }
    Ok(at.timestamp())
}

/// Leaving the composer drops its draft.
pub(crate) async fn discard(turn: &mut Turn<'_>) -> Result<()> {
    if let State::Broadcast(composer) = &turn.state
        && let Some(id) = composer.draft_id
    {
        broadcasts::delete_draft(turn.tx, id).await?;
    }
    Ok(())
}

/// An announcement written in the console, all at once rather than step by step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// The words in each language written (at least one).
    pub texts: BTreeMap<Language, String>,
    /// Who it goes to; always within the sender's area, whatever `within` says.
    pub filter: Filter,
    /// Unix seconds; `None` for "now".
    pub send_at: Option<i64>,
    /// A photo uploaded with it (JPEG or PNG): the words are its caption.
    pub photo: Option<std::sync::Arc<Vec<u8>>>,
}

/// The largest photo the console takes for an announcement (Telegram takes up to 10 MB).
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;

/// A photo Telegram can show: JPEG or PNG by its first bytes, and not too big.
pub fn photo_problem(bytes: &[u8]) -> Option<Msg> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Some(Msg::new("broadcast-photo-too-big").arg("mb", (MAX_PHOTO_BYTES >> 20) as i64));
    }
    let jpeg = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
    let png = bytes.starts_with(b"\x89PNG\r\n\x1a\n");
    (!jpeg && !png).then(|| Msg::new("broadcast-photo-kind"))
}

/// A written announcement, checked: who it reaches and how many they are now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settled {
    pub audience: Audience,
    pub count: i64,
    /// The audience named as in the bot's preview.
    pub named: Msg,
}

/// Checks an announcement written in the console as the bot checks each of its steps: the
/// words within Telegram's limit, places and training within the sender's area (`scope`), a
/// time to come, and someone to reach. `Err` holds what to tell the officer.
pub async fn settle(
    tx: &mut Tx,
    places: &Places,
    scope: &Scope,
    written: &Written,
    now: i64,
) -> Result<std::result::Result<Settled, Msg>> {
    let with_photo = written.photo.is_some();
    if !with_photo && written.texts.values().all(|t| t.trim().is_empty()) {
        return Ok(Err(Msg::new("broadcast-text-empty")));
    }
    for text in written.texts.values() {
        if let Err(problem) = check_text(text, with_photo) {
            return Ok(Err(problem));
        }
    }
    if let Some(problem) = written.photo.as_deref().and_then(|p| photo_problem(p)) {
        return Ok(Err(problem));
    }
    if let Some(place) = written
        .filter
        .places
        .iter()
        .find(|place| !may_choose(scope, **place))
    {
        tracing::debug!(?place, "a place outside the sender's area");
        return Ok(Err(Msg::new("broadcast-place-outside")));
    }
    if let Some(id) = written.filter.training {
        // The trainings staff see (the national ones, their area's, and for a village officer
        // their regency's); whoever is on one, only those within the sender's area get it.
        let ours = store::trainings::find(tx, id).await?.is_some_and(|t| {
            use crate::domain::staff::Area;
            t.area == Area::Country
                || scope.covers(t.area)
                || match (scope, t.area) {
                    (Scope::Villages(villages), Area::Regency(regency)) => {
                        villages.iter().any(|v| v.regency() == regency)
                    }
                    _ => false,
                }
        });
        if !ours {
            return Ok(Err(Msg::new("broadcast-training-outside")));
        }
    }
    if written.send_at.is_some_and(|at| at <= now) {
        return Ok(Err(Msg::new("broadcast-time-past")));
    }
    let audience = Audience::Filter(Filter {
        within: scope.clone(),
        ..written.filter.clone()
    });
    let count = store::audiences::count(tx, &audience).await?;
    if count == 0 {
        return Ok(Err(Msg::new("broadcast-combine-nobody")));
    }
    let gazetteer = places.get(tx).await?;
    let named = named(&gazetteer, &audience);
    Ok(Ok(Settled {
        audience,
        count,
        named,
    }))
}

/// An announcement from the console, checked again and scheduled (now or later), audited as
/// the bot's «Kirim» is. Its progress is followed in the console, not in the officer's chat.
pub(crate) async fn console_send(
    turn: &mut Turn<'_>,
    written: &Written,
) -> Result<std::result::Result<i64, Msg>> {
    let (Some(officer), Some(_)) = (turn.user_id(), turn.role()) else {
        return Ok(Err(Msg::new("officer-only")));
    };
    let scope = turn.scope();
    let now = turn.now.timestamp();
    let settled = match settle(turn.tx, turn.places, &scope, written, now).await? {
        Ok(settled) => settled,
        Err(problem) => return Ok(Err(problem)),
    };
    let text = |language| {
        written
            .texts
            .get(&language)
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
    };
    let audience_json = serde_json::to_string(&settled.audience)?;
    let new = broadcasts::NewBroadcast {
        officer_id: officer,
        text_id: text(Language::Id),
        text_en: text(Language::En),
        photo_file_id: None,
        audience: &audience_json,
        send_at: written.send_at.unwrap_or(now),
        join_training_id: None,
    };
    let id = broadcasts::create(turn.tx, &new, turn.now).await?;
    if let Some(photo) = &written.photo {
        broadcasts::set_photo_upload(turn.tx, id, photo).await?;
    }
    broadcasts::set_status(turn.tx, id, broadcasts::BroadcastStatus::Scheduled).await?;
    audit::record(
        turn.tx,
        officer,
        "broadcast.send",
        &format!("broadcast {id} to {audience_json} (console)"),
        turn.now,
    )
    .await?;
    Ok(Ok(id))
}
