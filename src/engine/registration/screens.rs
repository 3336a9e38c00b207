//! What each registration question looks like, and the profile card.

use super::draft::Draft;
use super::{Field, RegAction, Registration, Step};
use crate::domain::{Country, Destination, Interest, Relation, Role, Sector};
use crate::engine::{Action, Arg, Button, Keyboard, Msg, menu, turn::Turn};

fn reg(label: Msg, action: RegAction) -> Button {
    Button::action(label, Action::Registration(action))
}

/// Back and Cancel, under every question.
pub(super) fn way_out() -> Vec<Button> {
    vec![
        reg(Msg::new("button-back"), RegAction::Back),
        Button::action(Msg::new("button-cancel"), Action::Cancel),
    ]
}

/// Buttons two to a row, then the way out.
fn grid(buttons: Vec<Button>) -> Keyboard {
    let mut rows: Vec<Vec<Button>> = buttons.chunks(2).map(<[Button]>::to_vec).collect();
    rows.push(way_out());
    Keyboard::Inline(rows)
}

pub(super) fn consent(turn: &mut Turn<'_>) {
    let keyboard = Keyboard::Inline(vec![
        vec![reg(
            Msg::new("registration-consent-agree"),
            RegAction::Agree,
        )],
        vec![reg(
            Msg::new("registration-consent-decline"),
            RegAction::Decline,
        )],
    ]);
    turn.show(vec![Msg::new("registration-consent")], keyboard);
}

/// Asks the question of the registration's current step, after an optional problem line.
pub(super) fn ask(turn: &mut Turn<'_>, registration: &Registration, problem: Option<Msg>) {
    let mut text: Vec<Msg> = problem.into_iter().collect();
    let draft = &registration.draft;
    let field = match registration.step {
        Step::Consent => {
            if !text.is_empty() {
                turn.send(text, Keyboard::None);
            }
            return consent(turn);
        }
        Step::Summary => {
            text.push(Msg::new("registration-summary"));
            text.push(card(draft));
            return turn.show(text, summary_keyboard(draft));
        }
        Step::CountryOther => {
            text.push(Msg::new("registration-ask-country-other"));
            return turn.show(text, Keyboard::Inline(vec![way_out()]));
        }
        Step::VillageByRegency => {
            text.extend(crate::engine::places::ask_regency().text);
            return turn.show(text, Keyboard::Inline(vec![way_out()]));
        }
        // Asked no more on its own: the village brings it.
        Step::Ask(Field::District) => Field::Village,
        Step::Ask(field) => field,
    };
    let keyboard = match field {
        Field::Role => grid(
            Role::ALL
                .iter()
                .map(|r| reg(Msg::new(format!("role-{}", r.code())), RegAction::Role(*r)))
                .collect(),
        ),
        Field::Name | Field::YearsAbroad => Keyboard::Inline(vec![way_out()]),
        Field::Phone => {
            // A keyboard that shares the number replaces the user's own, so Back and Cancel
            // come in a second message.
            text.push(Msg::new("registration-ask-phone"));
            turn.send(
                text,
                Keyboard::ShareContact {
                    share: Msg::new("registration-share-phone"),
                },
            );
            turn.send(
                vec![Msg::new("registration-phone-or-type")],
                Keyboard::Inline(vec![way_out()]),
            );
            return;
        }
        Field::Village | Field::District => match &draft.village_offer {
            Some(offer) => Keyboard::Inline(vec![
                vec![reg(
                    Msg::new("registration-use-village")
                        .arg("village", crate::engine::places::label(offer)),
                    RegAction::UseHint,
                )],
                way_out(),
            ]),
            None => Keyboard::Inline(vec![way_out()]),
        },
        Field::Country => {
            let mut buttons: Vec<Button> = Destination::ALL
                .iter()
                .map(|d| reg(Msg::new(d.message_id()), RegAction::Country(*d)))
                .collect();
            buttons.push(reg(Msg::new("country-other"), RegAction::CountryOther));
            if draft.role == Some(Role::Prospective) {
                buttons.push(reg(
                    Msg::new("country-undecided"),
                    RegAction::CountryUndecided,
                ));
            }
            grid(buttons)
        }
        Field::Sector => grid(
            Sector::ALL
                .iter()
                .map(|s| reg(Msg::new(s.message_id()), RegAction::Sector(*s)))
                .collect(),
        ),
        Field::Relation => grid(
            Relation::ALL
                .iter()
                .map(|r| reg(Msg::new(r.message_id()), RegAction::Relation(*r)))
                .collect(),
        ),
        Field::WorkerWhere => grid(vec![
            reg(Msg::new("worker-abroad"), RegAction::WorkerAbroad(true)),
            reg(Msg::new("worker-home"), RegAction::WorkerAbroad(false)),
        ]),
        Field::Interests => {
            let chosen = registration
                .choosing
                .clone()
                .or_else(|| draft.interests.clone())
                .unwrap_or_default();
            let mut buttons: Vec<Button> = Interest::ALL
                .iter()
                .map(|i| {
                    let id = if chosen.contains(i) {
                        "registration-interest-on"
                    } else {
                        "registration-interest-off"
                    };
                    reg(
                        Msg::new(id).arg("interest", Msg::new(i.message_id())),
                        RegAction::Interest(*i),
                    )
                })
                .collect();
            buttons.push(reg(
                Msg::new("registration-interests-done"),
                RegAction::InterestsDone,
            ));
            grid(buttons)
        }
    };
    text.push(question(field, draft));
    turn.show(text, keyboard);
}

fn question(field: Field, draft: &Draft) -> Msg {
    match field {
        Field::Country => {
            let id = match draft.role {
                Some(Role::Returnee) => "registration-ask-country-returnee",
                Some(Role::Family) => "registration-ask-country-family",
                _ => "registration-ask-country-prospective",
            };
            Msg::new(id)
        }
        Field::YearsAbroad => Msg::new("registration-ask-years")
            .arg("max", i64::from(crate::domain::YearsAbroad::MAX)),
        other => Msg::new(format!("registration-ask-{}", other.code())),
    }
}

fn summary_keyboard(draft: &Draft) -> Keyboard {
    let edits: Vec<Button> = Field::sequence(draft.role)
        .into_iter()
        .map(|f| {
            reg(
                Msg::new(format!("registration-edit-{}", f.code())),
                RegAction::Edit(f),
            )
        })
        .collect();
    let mut rows: Vec<Vec<Button>> = edits.chunks(2).map(<[Button]>::to_vec).collect();
    rows.push(vec![reg(Msg::new("registration-save"), RegAction::Save)]);
    rows.push(vec![Button::action(
        Msg::new("button-cancel"),
        Action::Cancel,
    )]);
    Keyboard::Inline(rows)
}

/// The profile card: every answer, one line each, in the reader's language.
pub(crate) fn card(draft: &Draft) -> Msg {
    let text = |v: &Option<String>| Arg::Text(v.clone().unwrap_or_else(|| "—".into()));
    let role = draft.role.unwrap_or(Role::Returnee);
    let mut msg = Msg::new(format!("profile-card-{}", role.code()))
        .arg("role", Msg::new(role.message_id()))
        .arg("name", text(&draft.name))
        .arg("phone", text(&draft.phone))
        .arg("village", text(&draft.village))
        .arg("district", text(&draft.district));
    let country = match &draft.country {
        Some(Country::Listed(d)) => Arg::Msg(Box::new(Msg::new(d.message_id()))),
        Some(Country::Other(name)) => Arg::Text(name.clone()),
        Some(Country::Undecided) => Arg::Msg(Box::new(Msg::new("country-undecided"))),
        None => Arg::Text("—".into()),
    };
    msg = msg.arg("country", country);
    match role {
        Role::Returnee => {
            msg = msg
                .arg("years", i64::from(draft.years_abroad.unwrap_or_default()))
                .arg(
                    "sector",
                    draft
                        .sector
                        .map_or(Arg::Text("—".into()), |s| Msg::new(s.message_id()).into()),
                );
        }
        Role::Family => {
            msg = msg
                .arg(
                    "relation",
                    draft
                        .relation
                        .map_or(Arg::Text("—".into()), |r| Msg::new(r.message_id()).into()),
                )
                .arg(
                    "where",
                    Msg::new(if draft.worker_abroad == Some(false) {
                        "worker-home"
                    } else {
                        "worker-abroad"
                    }),
                );
        }
        Role::Prospective => {}
    }
    let interests = draft.interests.clone().unwrap_or_default();
    let interests = if interests.is_empty() {
        Arg::Msg(Box::new(Msg::new("profile-none")))
    } else {
        Arg::List(interests.iter().map(|i| Msg::new(i.message_id())).collect())
    };
    msg.arg("interests", interests)
}

/// After saving: thanks, and the menu.
pub(super) fn done(turn: &mut Turn<'_>) {
    let keyboard = menu::main_menu(turn);
    turn.show(
        vec![Msg::new("registration-done"), Msg::new("menu-title")],
        keyboard,
    );
}
