//! The realistic mix of updates: what people do right after an announcement. Virtual users each
//! follow a short script of one kind; the kinds' shares of users make the mix. The same scripts
//! drive the engine in-process (`engine`) and the real binary through the fake Bot API (`e2e`,
//! `broadcast`, `memory`).

use desmigratif::{
    domain::{Destination, Interest, Role, Sector, area::VillageCode},
    engine::{
        Action, Event, Input, MediaKind, places::Pick, profile::ProfileAction,
        registration::RegAction, trainings::TrainingAction,
    },
};
use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};

use crate::seed;

/// One thing a person sends.
#[derive(Clone, Debug)]
pub enum Step {
    /// Typed text, commands included.
    Text(String),
    /// A press on a button carrying this callback data.
    Press(String),
    Sticker,
    Photo,
    Voice,
    Location,
    /// Someone else's contact card.
    Contact(String),
    Forwarded(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A registered user opens the menu and taps through help, profile and language.
    MenuTaps,
    /// A new user registers through buttons and text.
    Registration,
    /// A registered user types a question instead of using the buttons.
    FreeText,
    /// Stickers, photos, voice notes, locations, contacts, forwards and old or forged buttons.
    OddMessages,
    /// A registered user opens the trainings, signs up for one (a seat, or the waitlist when
    /// it is full), looks at their sign-ups, and one in three gives the place up again.
    TrainingSignUp,
}

/// Shares of virtual users (percent).
pub const MIX: [(Kind, u32); 5] = [
    (Kind::MenuTaps, 30),
    (Kind::Registration, 20),
    (Kind::TrainingSignUp, 20),
    (Kind::FreeText, 17),
    (Kind::OddMessages, 13),
];

/// A virtual user's script: each step with the number of messages it is answered with in the
/// user's own chat (callback answers not counted).
#[derive(Clone, Debug)]
pub struct Script {
    pub user: i64,
    /// The language the user's Telegram app reports.
    pub lang: &'static str,
    pub kind: Kind,
    pub steps: Vec<(Step, usize)>,
}

/// New users (registering) get ids from here on, clear of the seeded ones.
pub const FIRST_NEW_USER: i64 = 50_000_000;

/// Hands out scripts with users that are never in two scripts at once.
pub struct Users {
    rng: StdRng,
    seeded: i64,
    next_seeded: i64,
    next_new: i64,
}

fn data(action: Action) -> String {
    action.encode()
}

fn reg(action: RegAction) -> String {
    data(Action::Registration(action))
}

impl Users {
    /// `seeded`: how many registered users the database has (ids `1..=seeded`).
    pub fn new(seed: u64, seeded: i64) -> Users {
        Users {
            rng: StdRng::seed_from_u64(seed),
            seeded,
            next_seeded: 0,
            next_new: FIRST_NEW_USER,
        }
    }

    /// A seeded user not handed out recently: a stride through all ids, co-prime with the
    /// count, so ids repeat only after every user had a turn.
    fn seeded_user(&mut self) -> i64 {
        let stride = 7_919;
        let n = self.next_seeded;
        self.next_seeded += 1;
        let mut count = self.seeded;
        if count % stride == 0 {
            count -= 1;
        }
        1 + (n * stride) % count
    }

    pub fn script(&mut self) -> Script {
        let total: u32 = MIX.iter().map(|(_, w)| w).sum();
        let mut pick = self.rng.random_range(0..total);
        let mut kind = MIX[0].0;
        for (k, w) in MIX {
            if pick < w {
                kind = k;
                break;
            }
            pick -= w;
        }
        self.script_of(kind)
    }

    pub fn script_of(&mut self, kind: Kind) -> Script {
        let (user, lang) = match kind {
            Kind::Registration => {
                let id = self.next_new;
                self.next_new += 1;
                (id, if id % 4 == 0 { "en" } else { "id" })
            }
            _ => {
                let id = self.seeded_user();
                (id, if id % 5 == 0 { "en" } else { "id" })
            }
        };
        let steps = match kind {
            Kind::MenuTaps => {
                let menu = || (Step::Press(data(Action::Menu)), 1);
                vec![
                    (Step::Text("/menu".into()), 1),
                    (Step::Press(data(Action::Help)), 1),
                    menu(),
                    (Step::Press(data(Action::Profile(ProfileAction::Show))), 1),
                    menu(),
                    (Step::Press(data(Action::LanguageMenu)), 1),
                    menu(),
                ]
            }
            Kind::Registration => {
                let english = lang == "en";
                let names = ["Siti Aminah", "Budi Santoso", "Dewi Lestari", "Agus Salim"];
                let name = (*names.choose(&mut self.rng).unwrap_or(&names[0])).to_owned();
                let text = |s: &str| Step::Text(s.to_owned());
                vec![
                    (text(if english { "/register" } else { "/daftar" }), 1),
                    (Step::Press(reg(RegAction::Agree)), 1),
                    (Step::Press(reg(RegAction::Role(Role::Returnee))), 1),
                    // The phone question comes as two messages: its "share my number"
                    // keyboard replaces the user's own, so Back and Cancel need a second.
                    (Step::Text(name), 2),
                    // The number is confirmed, then the next question comes.
                    (text("0812-3456-7890"), 2),
                    // The village: searched for as people type it, then chosen.
                    (
                        text(VILLAGE_QUERIES.choose(&mut self.rng).unwrap_or(&"kenanga")),
                        1,
                    ),
                    (
                        Step::Press(reg(RegAction::Place(Pick::Village(kenanga())))),
                        1,
                    ),
                    (Step::Press(reg(RegAction::Country(Destination::Taiwan))), 1),
                    (text(if english { "4 years" } else { "4 tahun" }), 1),
                    (Step::Press(reg(RegAction::Sector(Sector::Care))), 1),
                    (
                        Step::Press(reg(RegAction::Interest(Interest::Entrepreneurship))),
                        1,
                    ),
                    (Step::Press(reg(RegAction::InterestsDone)), 1),
                    (Step::Press(reg(RegAction::Save)), 1),
                ]
            }
            Kind::TrainingSignUp => {
                let training = self.rng.random_range(1..=seed::TRAININGS);
                let press = |action| (Step::Press(data(Action::Training(action))), 1);
                let list = if lang == "en" {
                    "/trainings"
                } else {
                    "/pelatihan"
                };
                let mut steps = vec![
                    (Step::Text(list.into()), 1),
                    press(TrainingAction::Open(training)),
                    press(TrainingAction::Join(training)),
                    press(TrainingAction::Mine),
                ];
                if self.rng.random_range(0..3) == 0 {
                    steps.push(press(TrainingAction::Leave(training)));
                    steps.push(press(TrainingAction::LeaveConfirmed(training)));
                }
                steps
            }
            Kind::FreeText => {
                let texts = [
                    "halo",
                    "kapan ada pelatihan lagi?",
                    "Terima kasih banyak 🙏",
                    "apa itu koperasi desmigratif",
                    "saya mau kerja ke Taiwan, syaratnya apa saja? anak saya juga mau ikut \
                     pelatihan menjahit di balai desa minggu depan, apakah masih ada tempat?",
                ];
                (0..3)
                    .map(|_| {
                        let t = *texts.choose(&mut self.rng).unwrap_or(&texts[0]);
                        (Step::Text(t.to_owned()), 1)
                    })
                    .collect()
            }
            Kind::OddMessages => {
                let odd = [
                    Step::Sticker,
                    Step::Photo,
                    Step::Voice,
                    Step::Location,
                    Step::Contact("+6285700001111".into()),
                    Step::Forwarded("Info lowongan kerja ke luar negeri, hubungi calo".into()),
                    // A button from an earlier conversation, and forged data.
                    Step::Press(reg(RegAction::Save)),
                    Step::Press("1:x:\u{1F4A3}".into()),
                ];
                (0..3)
                    .map(|_| (odd.choose(&mut self.rng).unwrap_or(&odd[0]).clone(), 1))
                    .collect()
            }
        };
        Script {
            user,
            lang,
            kind,
            steps,
        }
    }
}

/// The engine's input for a step (buttons as pressed on message 77).
pub fn input(user: i64, lang: &str, step: &Step, update_id: i64) -> Input {
    let media = |kind| Event::Media {
        kind,
        file_id: "AgACAgIAAxkBAAIB".into(),
        caption: None,
    };
    let mut input = Input::text(user, "").with_language_code(lang);
    input.event = match step {
        Step::Text(text) => Event::Text {
            text: text.clone(),
            forwarded: false,
            reply_to: None,
        },
        Step::Press(data) => Event::Button {
            query_id: format!("{update_id}"),
            message_id: Some(77),
            data: data.clone(),
        },
        Step::Sticker => media(MediaKind::Sticker),
        Step::Photo => media(MediaKind::Photo),
        Step::Voice => media(MediaKind::Voice),
        Step::Location => Event::Location,
        Step::Contact(phone) => Event::Contact {
            phone: phone.clone(),
            user_id: None,
        },
        Step::Forwarded(text) => Event::Text {
            text: text.clone(),
            forwarded: true,
            reply_to: None,
        },
    };
    input.with_update_id(update_id)
}

/// What people type at the village question: whole names, a few letters, a name with its
/// district or regency, typos.
pub const VILLAGE_QUERIES: [&str; 12] = [
    "Kenanga Indramayu",
    "kenanga",
    "Kenamga",
    "desa kenanga sindang",
    "suka",
    "sukamaju",
    "sukamju",
    "tanjung sari",
    "margamulya",
    "ke",
    "wonosobo",
    "kenanga, indramayu",
];

/// Kenanga, Sindang, Indramayu.
pub fn kenanga() -> VillageCode {
    VillageCode::parse("32.12.16.2004").expect("a village code")
}
