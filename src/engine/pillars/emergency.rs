//! «🆘 Darurat» (`/darurat`, `/emergency`): where is the person in trouble? The contacts that
//! help there come at once (Indonesia's missions in that country, the national lines; in
//! Indonesia the police and the ambulance), then the message, which goes as an urgent case to
//! every officer responsible for the person's area and the level above, marked 🆘, sorted
//! first, and told again every two hours until someone takes it (see `questions`).
//!
//! The contacts are data: `data/emergency/*.toml`, one file per place, each entry with its
//! source and the day it was last checked (see that folder's README).

use std::sync::OnceLock;

use serde::Deserialize;

use super::{PillarsAction, PillarsState, held::Held, questions};
use crate::domain::profile::choice;
use crate::engine::{Arg, Button, Event, Keyboard, Msg, Result, State, turn::Turn};
use crate::store::emergency_fixes::{Field, Fix};

choice!(
    /// Where the person in trouble is.
    Place, "emergency-place" {
        Indonesia => "indonesia",
        Malaysia => "malaysia",
        Taiwan => "taiwan",
        HongKong => "hong_kong",
        SaudiArabia => "saudi_arabia",
        Singapore => "singapore",
        SouthKorea => "south_korea",
        Japan => "japan",
        Uae => "uae",
        Qatar => "qatar",
        Kuwait => "kuwait",
        Brunei => "brunei",
        Other => "other",
    }
);

/// One line of help: a mission, a hotline, a public service.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name_id: String,
    pub name_en: String,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub hotline: Option<String>,
    #[serde(default)]
    pub whatsapp: Option<String>,
    #[serde(default)]
    pub note_id: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    /// Where the numbers were read.
    pub source: String,
    /// The date the source carries (`YYYY-MM` or `YYYY-MM-DD`).
    pub source_date: String,
    /// The day someone last found the numbers in the source.
    pub checked: chrono::NaiveDate,
    /// Numbers that work only from inside Indonesia (110, 119).
    #[serde(default)]
    pub in_indonesia_only: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceFile {
    place: String,
    #[serde(default)]
    contact: Vec<Contact>,
}

/// A place and the contacts shown for it.
pub type PlaceContacts = (Place, Vec<Contact>);

/// The files, built into the program.
const FILES: &[(&str, &str)] = &[
    (
        "indonesia",
        include_str!("../../../data/emergency/indonesia.toml"),
    ),
    (
        "malaysia",
        include_str!("../../../data/emergency/malaysia.toml"),
    ),
    (
        "taiwan",
        include_str!("../../../data/emergency/taiwan.toml"),
    ),
    (
        "hong_kong",
        include_str!("../../../data/emergency/hong_kong.toml"),
    ),
    (
        "saudi_arabia",
        include_str!("../../../data/emergency/saudi_arabia.toml"),
    ),
    (
        "singapore",
        include_str!("../../../data/emergency/singapore.toml"),
    ),
    (
        "south_korea",
        include_str!("../../../data/emergency/south_korea.toml"),
    ),
    ("japan", include_str!("../../../data/emergency/japan.toml")),
    ("uae", include_str!("../../../data/emergency/uae.toml")),
    ("qatar", include_str!("../../../data/emergency/qatar.toml")),
    (
        "kuwait",
        include_str!("../../../data/emergency/kuwait.toml"),
    ),
    (
        "brunei",
        include_str!("../../../data/emergency/brunei.toml"),
    ),
];

/// Every place's contacts, read from the files once; a file that cannot be read is a bug of
/// this release (a test reads them all), reported by `check`.
pub fn contacts() -> Result<&'static [PlaceContacts], String> {
    static READ: OnceLock<Result<Vec<PlaceContacts>, String>> = OnceLock::new();
    READ.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, text)| {
                let file: PlaceFile =
                    toml::from_str(text).map_err(|e| format!("data/emergency/{name}.toml: {e}"))?;
                let place = Place::parse(&file.place)
                    .filter(|p| p.code() == *name)
                    .ok_or_else(|| format!("data/emergency/{name}.toml: place {:?}", file.place))?;
                Ok((place, file.contact))
            })
            .collect()
    })
    .as_deref()
    .map_err(Clone::clone)
}

pub(super) fn contacts_of(place: Place) -> &'static [Contact] {
    contacts()
        .ok()
        .and_then(|all| all.iter().find(|(p, _)| *p == place))
        .map_or(&[], |(_, list)| list.as_slice())
}

/// What `check` says of the contacts: entries last checked more than a year before `today`,
/// and entries whose source is more than two years old.
pub fn check(today: chrono::NaiveDate) -> Vec<String> {
    let all = match contacts() {
        Ok(all) => all,
        Err(error) => return vec![error],
    };
    let mut warnings = Vec::new();
    for (place, list) in all {
        for contact in list {
            if today - contact.checked > chrono::Duration::days(365) {
                warnings.push(format!(
                    "emergency contact {:?} ({}) was last checked on {}: check it at its source and update data/emergency/{}.toml",
                    contact.name_en,
                    place.code(),
                    contact.checked,
                    place.code()
                ));
            }
            let year = contact
                .source_date
                .get(..4)
                .and_then(|y| y.parse::<i32>().ok());
            if year.is_some_and(|y| chrono::Datelike::year(&today) - y > 2) {
                warnings.push(format!(
                    "emergency contact {:?} ({}) comes from a source of {}: confirm it with the service itself (for a mission: its page on kemlu.go.id, or the Safe Travel app)",
                    contact.name_en,
                    place.code(),
                    contact.source_date
                ));
            }
        }
    }
    warnings
}

/// `contact` of `place`'s file as shown: with the officers' corrections of it, and the day of
/// the latest.
pub(super) fn corrected(place: Place, contact: &Contact, fixes: &[Fix]) -> (Contact, Option<i64>) {
    let mut shown = contact.clone();
    let mut latest = None;
    for fix in fixes
        .iter()
        .filter(|f| f.place == place.code() && f.contact == contact.name_en)
    {
        let value = fix.value.clone();
        match fix.field {
            Field::Phone => shown.phone = value,
            Field::Hotline => shown.hotline = value,
            Field::Whatsapp => shown.whatsapp = value,
            Field::Address => shown.address = value,
        }
        latest = latest.max(Some(fix.fixed_at));
    }
    (shown, latest)
}

pub(super) fn contact_msg(
    contact: &Contact,
    fixed: Option<i64>,
    lang: crate::domain::Language,
) -> Msg {
    use crate::domain::Language;
    let (name, note) = match lang {
        Language::Id => (&contact.name_id, &contact.note_id),
        Language::En => (&contact.name_en, &contact.note_en),
    };
    let mut lines = Vec::new();
    let mut line = |id: &str, value: &Option<String>| {
        if let Some(value) = value {
            lines.push(Msg::new(id.to_owned()).arg("value", value.as_str()));
        }
    };
    line("emergency-line-hotline", &contact.hotline);
    line("emergency-line-phone", &contact.phone);
    line("emergency-line-whatsapp", &contact.whatsapp);
    line("emergency-line-address", &contact.address);
    line("emergency-line-note", note);
    if let Some(at) = fixed {
        lines.push(Msg::new("emergency-line-fixed").arg("date", Arg::Time(at)));
    }
    Msg::new("emergency-contact")
        .arg("name", name.as_str())
        .arg("lines", Arg::Lines(lines))
}

/// The contacts for `place`, the national ones after (the police and ambulance only in
/// Indonesia), as officers corrected them (`fixes`), with the date they were checked.
pub(crate) fn contacts_page(
    place: Place,
    lang: crate::domain::Language,
    fixes: &[Fix],
) -> Vec<Msg> {
    let home = place == Place::Indonesia;
    let missions = if home { &[][..] } else { contacts_of(place) };
    let national = contacts_of(Place::Indonesia)
        .iter()
        .filter(|c| home || !c.in_indonesia_only);
    let list: Vec<(Contact, Option<i64>)> = missions
        .iter()
        .map(|c| corrected(place, c, fixes))
        .chain(national.map(|c| corrected(Place::Indonesia, c, fixes)))
        .collect();
    let mut text =
        vec![Msg::new("emergency-contacts-title").arg("place", Msg::new(place.message_id()))];
    if !home && missions.is_empty() {
        text.push(Msg::new("emergency-no-mission"));
    }
    text.push(
        Msg::new("emergency-contacts").arg(
            "list",
            Arg::Lines(
                list.iter()
                    .map(|(c, fixed)| contact_msg(c, *fixed, lang))
                    .collect(),
            ),
        ),
    );
    // A correction is a check of that entry, on its day.
    let checked = list.iter().map(|(c, fixed)| {
        let fixed = fixed
            .and_then(|at| chrono::DateTime::from_timestamp(at, 0))
            .map(|at| at.date_naive());
        fixed.map_or(c.checked, |day| day.max(c.checked))
    });
    if let Some(checked) = checked.min() {
        text.push(
            Msg::new("emergency-contacts-checked")
                .arg("date", checked.format("%d-%m-%Y").to_string()),
        );
    }
    text
}

fn place_keyboard() -> Keyboard {
    let buttons: Vec<Button> = Place::ALL
        .iter()
        .map(|place| {
            Button::action(
                Msg::new(place.message_id()),
                PillarsAction::EmergencyPlace(*place).into(),
            )
        })
        .collect();
    let mut rows: Vec<Vec<Button>> = buttons.chunks(2).map(<[Button]>::to_vec).collect();
    rows.push(vec![Button::action(
        Msg::new("button-cancel"),
        crate::engine::Action::Cancel,
    )]);
    Keyboard::Inline(rows)
}

/// `/darurat`, «🆘 Darurat»: where is the person in trouble? A message already sent (a
/// distress word was heard in it) is kept, and goes as the urgent case once that is chosen.
pub(crate) async fn start(turn: &mut Turn<'_>, held: Option<Held>) -> Result<()> {
    turn.state = State::Pillars(PillarsState::EmergencyWhere { held });
    turn.show(vec![Msg::new("emergency-where")], place_keyboard());
    Ok(())
}

/// A message instead of a place: kept (if none is yet), and the place asked again.
pub(crate) async fn typed_while_asking(
    turn: &mut Turn<'_>,
    held: Option<Held>,
    event: &Event,
) -> Result<()> {
    let held = held.or_else(|| Held::of(turn, event));
    turn.state = State::Pillars(PillarsState::EmergencyWhere { held });
    turn.send(
        vec![
            Msg::new("emergency-where-first"),
            Msg::new("emergency-where"),
        ],
        place_keyboard(),
    );
    Ok(())
}

/// «🆘» under a message that sounds like trouble: the emergency path with that message.
pub(crate) async fn from_held(turn: &mut Turn<'_>) -> Result<()> {
    let held = match turn.state.clone() {
        State::Pillars(PillarsState::FaqOffered { held }) => Some(held),
        _ => None,
    };
    start(turn, held).await
}

/// The place chosen: the contacts at once; then the message goes (or is asked for).
pub(crate) async fn on_place(turn: &mut Turn<'_>, place: Place) -> Result<()> {
    let held = match turn.state.clone() {
        State::Pillars(PillarsState::EmergencyWhere { held }) => held,
        // An old «where» message: the contacts are still worth showing.
        _ => None,
    };
    let (page, rows) = page_as_corrected(turn, place).await?;
    let keyboard = match rows.is_empty() {
        true => Keyboard::None,
        false => Keyboard::Inline(rows),
    };
    turn.send(page, keyboard);
    match held {
        Some(held) => questions::submit_urgent(turn, &held, place).await,
        None => {
            turn.state = State::Pillars(PillarsState::AwaitingEmergency { place });
            turn.send(vec![Msg::new("emergency-tell")], super::cancel_keyboard());
            Ok(())
        }
    }
}

/// `place`'s contacts page with the officers' corrections, and for an admin the button to
/// correct them.
async fn page_as_corrected(
    turn: &mut Turn<'_>,
    place: Place,
) -> Result<(Vec<Msg>, Vec<Vec<Button>>)> {
    let fixes = crate::store::emergency_fixes::all(turn.tx).await?;
    let page = contacts_page(place, turn.lang, &fixes);
    let rows = match turn.is_admin() {
        true => vec![vec![super::emergency_fix::button(place)]],
        false => Vec::new(),
    };
    Ok((page, rows))
}

/// A place's contacts only, as an admin comes back to them from correcting one: nothing is
/// asked after.
pub(crate) async fn contacts_only(turn: &mut Turn<'_>, place: Place) -> Result<()> {
    let (page, mut rows) = page_as_corrected(turn, place).await?;
    rows.push(vec![crate::engine::menu::menu_button()]);
    turn.state = State::Idle;
    turn.show(page, Keyboard::Inline(rows));
    Ok(())
}

/// The message of an urgent case.
pub(crate) async fn on_message(turn: &mut Turn<'_>, place: Place, event: &Event) -> Result<()> {
    match Held::of(turn, event) {
        Some(held) if !held.text.is_empty() || held.media.is_some() => {
            questions::submit_urgent(turn, &held, place).await
        }
        _ => {
            turn.send(
                vec![Msg::new("emergency-tell-again")],
                super::cancel_keyboard(),
            );
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_read_and_every_entry_has_a_source_and_a_number() {
        let all = contacts().expect("the files are read");
        assert_eq!(
            all.len(),
            Place::ALL.len() - 1,
            "a file for each place but «other»"
        );
        for (place, list) in all {
            for contact in list {
                assert!(contact.source.starts_with("http"), "{place:?} {contact:?}");
                assert!(
                    contact.hotline.is_some()
                        || contact.phone.is_some()
                        || contact.whatsapp.is_some(),
                    "{place:?} {contact:?}"
                );
                assert!(contact.source_date.len() >= 7, "{contact:?}");
            }
        }
        let indonesia = contacts_of(Place::Indonesia);
        assert!(indonesia.iter().any(|c| c.phone.as_deref() == Some("110")));
        assert!(
            indonesia
                .iter()
                .any(|c| c.phone.as_deref() == Some("0800-1000"))
        );
    }

    #[test]
    fn abroad_the_police_and_ambulance_numbers_of_indonesia_are_not_shown() {
        let page = contacts_page(Place::Malaysia, crate::domain::Language::Id, &[]);
        let text = format!("{page:?}");
        assert!(text.contains("+60 17-668 8032"));
        assert!(text.contains("0800-1000"));
        assert!(!text.contains("\"110\""), "{text}");
        let home = format!(
            "{:?}",
            contacts_page(Place::Indonesia, crate::domain::Language::Id, &[])
        );
        assert!(home.contains("\"110\"") && home.contains("\"119\""));
    }

    #[test]
    fn entries_checked_long_ago_are_reported() {
        let soon = chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        assert!(check(soon).iter().all(|w| !w.contains("last checked")));
        let later = chrono::NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
        assert!(check(later).iter().any(|w| w.contains("last checked")));
        assert!(check(soon).iter().any(|w| w.contains("source of 2020")));
    }
}
