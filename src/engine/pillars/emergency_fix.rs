//! Admins correct the emergency contacts in the bot, as they keep the cooperative's contacts:
//! a mission's number changes sooner than a release. From a place's contacts page: choose the
//! entry, then the field (phone, hotline, WhatsApp, address), then send the new value with,
//! on the next line, where it was found. The page shows the corrected value with the day of
//! the correction; «↩️» puts the file's values back. Each correction is in the audit log, and
//! `desmigratif check` lists them to be put into `data/emergency/`.

use super::emergency::{self, Contact, Place};
use super::{PillarsAction, PillarsState, cancel_keyboard};
use crate::engine::{Arg, Button, Event, Keyboard, Msg, Result, State, fallback, turn::Turn};
use crate::store::emergency_fixes::{self as store, Field, Fix};

/// The longest value (an address is the longest) and source.
const MAX_VALUE: usize = 200;
const MAX_SOURCE: usize = 300;
/// What an officer sends as the value for «no longer shown».
const CLEAR: &str = "-";

fn action(label: Msg, action: PillarsAction) -> Button {
    Button::action(label, action.into())
}

/// «✏️ Correct these contacts» under a place's contacts page (admins only).
pub(super) fn button(place: Place) -> Button {
    action(
        Msg::new("emergency-fix-button"),
        PillarsAction::EmergencyFix(place),
    )
}

/// The entries of `place`'s file, which officers correct there (the national lines under
/// Indonesia).
fn entries(place: Place) -> &'static [Contact] {
    emergency::contacts_of(place)
}

fn entry(place: Place, index: u8) -> Option<&'static Contact> {
    entries(place).get(usize::from(index))
}

/// Rights may have ended since the button was sent: checked on every step.
fn allowed(turn: &mut Turn<'_>) -> bool {
    if turn.is_admin() {
        return true;
    }
    turn.state = State::Idle;
    fallback::not_an_officer(turn);
    false
}

/// The entries of a place, to choose one.
pub(crate) async fn choose(turn: &mut Turn<'_>, place: Place) -> Result<()> {
    if !allowed(turn) {
        return Ok(());
    }
    let mut rows: Vec<Vec<Button>> = entries(place)
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((u8::try_from(i).ok()?, c)))
        .map(|(i, contact)| {
            vec![action(
                Msg::new("emergency-fix-entry").arg("name", contact.name_id.as_str()),
                PillarsAction::EmergencyFixEntry(place, i),
            )]
        })
        .collect();
    rows.push(vec![action(
        Msg::new("button-back"),
        PillarsAction::EmergencyContacts(place),
    )]);
    let mut text =
        vec![Msg::new("emergency-fix-choose").arg("place", Msg::new(place.message_id()))];
    if place != Place::Indonesia {
        text.push(Msg::new("emergency-fix-national-hint"));
    }
    if entries(place).is_empty() {
        text.push(Msg::new("emergency-fix-none"));
    }
    turn.state = State::Idle;
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

/// One entry as shown now, with a button per field and «↩️» when it was corrected.
pub(crate) async fn show_entry(turn: &mut Turn<'_>, place: Place, index: u8) -> Result<()> {
    if !allowed(turn) {
        return Ok(());
    }
    let Some(contact) = entry(place, index) else {
        return choose(turn, place).await;
    };
    let fixes = store::all(turn.tx).await?;
    let (shown, fixed) = emergency::corrected(place, contact, &fixes);
    let mut rows: Vec<Vec<Button>> = Field::ALL
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|field| {
                    action(
                        Msg::new(format!("emergency-fix-field-{}", field.code())),
                        PillarsAction::EmergencyFixField(place, index, *field),
                    )
                })
                .collect()
        })
        .collect();
    if fixed.is_some() {
        rows.push(vec![action(
            Msg::new("emergency-fix-reset"),
            PillarsAction::EmergencyFixReset(place, index),
        )]);
    }
    rows.push(vec![action(
        Msg::new("button-back"),
        PillarsAction::EmergencyFix(place),
    )]);
    let mut text = vec![
        emergency::contact_msg(&shown, fixed, turn.lang),
        Msg::new("emergency-fix-source")
            .arg("source", contact.source.as_str())
            .arg("checked", contact.checked.format("%d-%m-%Y").to_string()),
    ];
    // Each correction with the source it was given.
    text.extend(
        fixes
            .iter()
            .filter(|f| f.place == place.code() && f.contact == contact.name_en)
            .map(|fix| {
                let value = match &fix.value {
                    Some(value) => Arg::Text(value.clone()),
                    None => Arg::Msg(Box::new(Msg::new("emergency-fix-hidden"))),
                };
                Msg::new("emergency-fix-was")
                    .arg("field", Msg::new(fix.field.message_id()))
                    .arg("value", value)
                    .arg("source", fix.source.as_str())
                    .arg("date", Arg::Time(fix.fixed_at))
            }),
    );
    text.push(Msg::new("emergency-fix-which"));
    turn.state = State::Idle;
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

fn prompt_text(contact: &Contact, field: Field) -> Msg {
    Msg::new("emergency-fix-prompt")
        .arg("name", contact.name_id.as_str())
        .arg("field", Msg::new(field.message_id()))
        .arg("clear", CLEAR)
}

/// A field chosen: asks for the new value and its source.
pub(crate) async fn ask_value(
    turn: &mut Turn<'_>,
    place: Place,
    index: u8,
    field: Field,
) -> Result<()> {
    if !allowed(turn) {
        return Ok(());
    }
    let Some(contact) = entry(place, index) else {
        return choose(turn, place).await;
    };
    turn.state = State::Pillars(PillarsState::AwaitingEmergencyFix {
        place,
        index,
        field,
    });
    turn.send(vec![prompt_text(contact, field)], cancel_keyboard());
    Ok(())
}

/// The value and, on the next line, its source: both needed, nothing unsourced is shown.
fn value_and_source(text: &str) -> Option<(Option<&str>, &str)> {
    let (value, source) = text.trim().split_once('\n')?;
    let (value, source) = (value.trim(), source.trim());
    if value.is_empty() || source.is_empty() {
        return None;
    }
    Some(((value != CLEAR).then_some(value), source))
}

/// The new value typed.
pub(crate) async fn on_value(
    turn: &mut Turn<'_>,
    place: Place,
    index: u8,
    field: Field,
    event: &Event,
) -> Result<()> {
    if !allowed(turn) {
        return Ok(());
    }
    let Some(contact) = entry(place, index) else {
        turn.state = State::Idle;
        return choose(turn, place).await;
    };
    let typed = match event {
        Event::Text {
            text,
            forwarded: false,
            ..
        } => value_and_source(text),
        _ => None,
    };
    let hint = |turn: &mut Turn<'_>, why: Msg| {
        turn.send(vec![why, prompt_text(contact, field)], cancel_keyboard());
    };
    let Some((value, source)) = typed else {
        hint(turn, Msg::new("emergency-fix-need-source"));
        return Ok(());
    };
    if value.is_some_and(|v| v.chars().count() > MAX_VALUE) || source.chars().count() > MAX_SOURCE {
        let too_long = Msg::new("emergency-fix-too-long")
            .arg("value", MAX_VALUE as i64)
            .arg("source", MAX_SOURCE as i64);
        hint(turn, too_long);
        return Ok(());
    }
    let Some(by) = turn.user_id() else {
        return Ok(());
    };
    let fix = Fix {
        place: place.code().to_owned(),
        contact: contact.name_en.clone(),
        field,
        value: value.map(|v| crate::domain::text::tidy(v).into_owned()),
        source: crate::domain::text::tidy(source).into_owned(),
        fixed_by: by,
        fixed_at: turn.now.timestamp(),
    };
    store::set(turn.tx, &fix).await?;
    let subject = format!("{} {} {}", place.code(), contact.name_en, field.code());
    crate::store::audit::record(turn.tx, by, "emergency.correct", &subject, turn.now).await?;
    turn.notice(Msg::new("emergency-fix-saved"), false);
    turn.send(vec![Msg::new("emergency-fix-saved")], Keyboard::None);
    show_entry(turn, place, index).await
}

/// «↩️ Back to the file's values» for one entry.
pub(crate) async fn reset(turn: &mut Turn<'_>, place: Place, index: u8) -> Result<()> {
    if !allowed(turn) {
        return Ok(());
    }
    let (Some(contact), Some(by)) = (entry(place, index), turn.user_id()) else {
        return choose(turn, place).await;
    };
    if store::reset(turn.tx, place.code(), &contact.name_en).await? > 0 {
        let subject = format!("{} {}", place.code(), contact.name_en);
        crate::store::audit::record(turn.tx, by, "emergency.reset", &subject, turn.now).await?;
    }
    turn.notice(Msg::new("emergency-fix-reset-done"), false);
    show_entry(turn, place, index).await
}

/// What `check` says of the corrections: each, to be put into the files with its source.
pub fn for_check(fixes: &[Fix]) -> Vec<String> {
    fixes
        .iter()
        .map(|fix| {
            let day = chrono::DateTime::from_timestamp(fix.fixed_at, 0)
                .map(|t| t.date_naive().to_string())
                .unwrap_or_default();
            format!(
                "emergency contact {:?} ({}): {} corrected in the bot on {day} to {:?} (source: {}); put it into data/emergency/{}.toml",
                fix.contact,
                fix.place,
                fix.field.code(),
                fix.value.as_deref().unwrap_or("(not shown)"),
                fix.source,
                fix.place,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_needs_its_source_on_the_next_line() {
        assert_eq!(
            value_and_source("+60 12-345 6789\nhttps://kemlu.go.id/kualalumpur"),
            Some((Some("+60 12-345 6789"), "https://kemlu.go.id/kualalumpur"))
        );
        assert_eq!(
            value_and_source(" -\n telepon ke KBRI, 7-12-2026 "),
            Some((None, "telepon ke KBRI, 7-12-2026"))
        );
        assert_eq!(value_and_source("+60 12-345 6789"), None);
        assert_eq!(value_and_source("+60 12-345 6789\n  "), None);
        assert_eq!(value_and_source("\nhttps://kemlu.go.id"), None);
    }

    #[test]
    fn check_lists_each_correction_to_be_put_into_the_files() {
        let fix = Fix {
            place: "taiwan".into(),
            contact: "KDEI Taipei".into(),
            field: Field::Whatsapp,
            value: Some("+886 900 000 000".into()),
            source: "https://kemlu.go.id/taipei".into(),
            fixed_by: 900,
            fixed_at: 1_796_601_600,
        };
        let lines = for_check(&[fix]);
        assert_eq!(lines.len(), 1);
        for part in [
            "\"KDEI Taipei\"",
            "whatsapp",
            "2026-12-07",
            "+886 900 000 000",
            "https://kemlu.go.id/taipei",
            "data/emergency/taiwan.toml",
        ] {
            assert!(lines[0].contains(part), "{part}: {}", lines[0]);
        }
    }

    #[test]
    fn every_entry_has_a_button_index() {
        for place in Place::ALL {
            assert!(entries(*place).len() <= usize::from(u8::MAX));
        }
    }
}
