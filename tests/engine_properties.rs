//! Property tests over the engine: random sequences of commands (in both languages), texts
//! (huge, emoji, blank), contacts, odd kinds of message, forged buttons (random bytes, and
//! mutations of real buttons taken from the bot's own replies) and training sign-ups for a
//! training of one seat and one of two, from several users and an officer at once. Whatever
//! comes, the engine never fails, always answers, and the stored data stays sound (no training
//! over capacity, no one signed up twice, no duplicate user, every message for a known chat). `PROPTEST_CASES` sets the number of cases (default 150, a few seconds).

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use std::collections::{BTreeSet, HashMap};

use desmigratif::{
    engine::{
        Action, Chat, Command, Event, Input, MediaKind, Reply, ReplyKind, State,
        trainings::TrainingAction,
    },
    store::profiles,
};
use harness::*;
use proptest::prelude::*;

/// The people in a case: ordinary users and one officer.
const USERS: [i64; 4] = [1, 2, 3, ADMIN];
const GROUP: i64 = -1_000_000_000_777;

#[derive(Clone, Debug)]
enum Text {
    Any(String),
    Huge(usize),
    Emoji(usize),
    Blank(String),
    PhoneLike(String),
    Name(String),
}

#[derive(Clone, Debug)]
enum Data {
    /// Bytes from a phone that does not play by the rules (as Telegram hands them over: text).
    Random(Vec<u8>),
    /// A button the bot offered this user, maybe changed.
    Real { pick: usize, mutation: Mutation },
}

#[derive(Clone, Debug)]
enum Mutation {
    None,
    Truncate(usize),
    SetByte(usize, u8),
    Append(String),
    SwapField(usize, String),
}

#[derive(Clone, Debug)]
enum Odd {
    Sticker,
    Photo(Option<String>),
    Voice,
    Video,
    Location,
    Document(Option<String>, u64),
    Other,
    Forwarded(String),
    ReplyTo(String, i32),
}

#[derive(Clone, Debug)]
enum Op {
    Command {
        command: usize,
        indonesian: bool,
        args: String,
        addressed: bool,
    },
    Text(Text),
    Contact {
        own: bool,
        phone: String,
    },
    Odd(Odd),
    Press(Data),
    Membership(bool),
    /// Something said in a group the bot is in.
    InGroup(String),
    /// A training button pressed straight away (as a stale or forged but well-formed button
    /// would be): open, sign up, give up, confirm; trainings 1 and 2 exist, 3 does not.
    Training {
        action: u8,
        training: i64,
    },
}

#[derive(Clone, Debug)]
struct Step {
    user: usize,
    language: Option<&'static str>,
    op: Op,
}

fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        4 => any::<String>().prop_map(Text::Any),
        1 => (3_000usize..12_000).prop_map(Text::Huge),
        1 => (1usize..400).prop_map(Text::Emoji),
        1 => "[ \t\n\u{200B}\u{00A0}]{0,6}".prop_map(Text::Blank),
        2 => "[+]?[0-9 ()./-]{0,24}".prop_map(Text::PhoneLike),
        2 => "[A-Za-z'. -]{0,40}".prop_map(Text::Name),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => Just(Mutation::None),
        1 => (0usize..64).prop_map(Mutation::Truncate),
        1 => (0usize..64, any::<u8>()).prop_map(|(i, b)| Mutation::SetByte(i, b)),
        1 => "[:a-z0-9]{0,70}".prop_map(Mutation::Append),
        1 => (0usize..6, "[a-z0-9_-]{0,12}|-?[0-9]{1,20}").prop_map(|(i, s)| Mutation::SwapField(i, s)),
    ]
}

fn data() -> impl Strategy<Value = Data> {
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..=64).prop_map(Data::Random),
        3 => (any::<usize>(), mutation()).prop_map(|(pick, mutation)| Data::Real { pick, mutation }),
    ]
}

fn odd() -> impl Strategy<Value = Odd> {
    prop_oneof![
        Just(Odd::Sticker),
        prop::option::of(any::<String>()).prop_map(Odd::Photo),
        Just(Odd::Voice),
        Just(Odd::Video),
        Just(Odd::Location),
        (prop::option::of(".{0,20}"), any::<u64>()).prop_map(|(n, s)| Odd::Document(n, s)),
        Just(Odd::Other),
        any::<String>().prop_map(Odd::Forwarded),
        (any::<String>(), any::<i32>()).prop_map(|(t, m)| Odd::ReplyTo(t, m)),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..Command::ALL.len(), any::<bool>(), "|desa-[a-z_]{0,20}|training-[0-9]{1,3}|.{0,10}", prop::bool::weighted(0.1))
            .prop_map(|(command, indonesian, args, addressed)| Op::Command { command, indonesian, args, addressed }),
        4 => text().prop_map(Op::Text),
        1 => (any::<bool>(), "[+]?[0-9]{0,16}").prop_map(|(own, phone)| Op::Contact { own, phone }),
        2 => odd().prop_map(Op::Odd),
        6 => data().prop_map(Op::Press),
        1 => any::<bool>().prop_map(Op::Membership),
        1 => ".{0,30}".prop_map(Op::InGroup),
        8 => (0u8..4, 1i64..=3).prop_map(|(action, training)| Op::Training { action, training }),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    (
        0..USERS.len(),
        prop::sample::select(vec![Some("id"), Some("en"), Some("de"), None]),
        op(),
    )
        .prop_map(|(user, language, op)| Step { user, language, op })
}

fn mutate(data: &str, mutation: &Mutation) -> String {
    let mut bytes = data.as_bytes().to_vec();
    match mutation {
        Mutation::None => {}
        Mutation::Truncate(n) => bytes.truncate(*n),
        Mutation::SetByte(i, b) => {
            if !bytes.is_empty() {
                let i = i % bytes.len();
                bytes[i] = *b;
            }
        }
        Mutation::Append(s) => bytes.extend_from_slice(s.as_bytes()),
        Mutation::SwapField(i, s) => {
            let mut fields: Vec<String> = data.split(':').map(str::to_owned).collect();
            let i = i % fields.len();
            fields[i] = s.clone();
            bytes = fields.join(":").into_bytes();
        }
    }
    // Callback data reaches the bot as a JSON string: whatever the bytes, it is text.
    String::from_utf8_lossy(&bytes).into_owned()
}

fn text_of(text: &Text) -> String {
    match text {
        Text::Any(s) | Text::Blank(s) | Text::PhoneLike(s) | Text::Name(s) => s.clone(),
        Text::Huge(n) => "Kenanga ".repeat(n / 8 + 1),
        Text::Emoji(n) => "🙏🏽".repeat(*n),
    }
}

/// What one case remembers between steps.
#[derive(Default)]
struct World {
    /// Callback data of the buttons in each user's latest replies.
    buttons: HashMap<i64, Vec<String>>,
    /// Every chat that wrote to the bot.
    chats: BTreeSet<i64>,
    query: u64,
}

fn input(world: &mut World, step: &Step) -> Input {
    let user = USERS[step.user];
    let mut input = Input::text(user, "");
    if let Some(code) = step.language {
        input = input.with_language_code(code);
    }
    let media = |kind, caption: Option<String>| Event::Media {
        kind,
        file_id: "AgAD".into(),
        caption,
    };
    input.event = match &step.op {
        Op::Command {
            command,
            indonesian,
            args,
            addressed,
        } => {
            let (en, id) = Command::ALL[*command].names();
            let name = if *indonesian { id } else { en };
            let bot = if *addressed {
                "@desmigratif_test_bot"
            } else {
                ""
            };
            Event::Text {
                text: format!("/{name}{bot} {args}"),
                forwarded: false,
                reply_to: None,
            }
        }
        Op::Text(text) => Event::Text {
            text: text_of(text),
            forwarded: false,
            reply_to: None,
        },
        Op::Contact { own, phone } => Event::Contact {
            phone: phone.clone(),
            user_id: own.then_some(user),
        },
        Op::Odd(odd) => match odd {
            Odd::Sticker => media(MediaKind::Sticker, None),
            Odd::Photo(caption) => media(MediaKind::Photo, caption.clone()),
            Odd::Voice => media(MediaKind::Voice, None),
            Odd::Video => media(MediaKind::Video, None),
            Odd::Location => Event::Location,
            Odd::Document(name, size) => Event::Document {
                file_id: "BQAD".into(),
                file_name: name.clone(),
                mime_type: None,
                size: *size,
                content: None,
            },
            Odd::Other => Event::Other,
            Odd::Forwarded(text) => Event::Text {
                text: text.clone(),
                forwarded: true,
                reply_to: None,
            },
            Odd::ReplyTo(text, message) => Event::Text {
                text: text.clone(),
                forwarded: false,
                reply_to: Some(*message),
            },
        },
        Op::Press(data) => {
            let data = match data {
                Data::Random(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                Data::Real { pick, mutation } => {
                    let offered = world.buttons.get(&user).cloned().unwrap_or_default();
                    match offered.get(pick % offered.len().max(1)) {
                        Some(real) => mutate(real, mutation),
                        None => "1:menu".into(),
                    }
                }
            };
            world.query += 1;
            Event::Button {
                query_id: format!("q{}", world.query),
                message_id: Some(50),
                data,
            }
        }
        Op::Training { action, training } => {
            let action = match action {
                0 => TrainingAction::Open(*training),
                1 => TrainingAction::Join(*training),
                2 => TrainingAction::Leave(*training),
                _ => TrainingAction::LeaveConfirmed(*training),
            };
            world.query += 1;
            Event::Button {
                query_id: format!("q{}", world.query),
                message_id: Some(50),
                data: Action::Training(action).encode(),
            }
        }
        Op::Membership(blocked) => Event::Membership { blocked: *blocked },
        Op::InGroup(text) => {
            input.chat = Chat {
                id: GROUP,
                private: false,
            };
            Event::Text {
                text: text.clone(),
                forwarded: false,
                reply_to: None,
            }
        }
    };
    input
}

fn remember_buttons(world: &mut World, user: i64, replies: &[Reply]) {
    let offered: Vec<String> = actions(replies).iter().map(|a| a.encode()).collect();
    if !offered.is_empty() {
        world.buttons.insert(user, offered);
    }
}

/// Every reply to one input: answers and their shape.
fn check_answers(input: &Input, replies: &[Reply]) -> Result<(), TestCaseError> {
    let answers: Vec<&Reply> = replies
        .iter()
        .filter(|r| matches!(r.kind, ReplyKind::CallbackAnswer { .. }))
        .collect();
    if let Event::Button { query_id, .. } = &input.event {
        prop_assert_eq!(
            answers.len(),
            1,
            "one callback answer per press: {:?}",
            replies
        );
        let ReplyKind::CallbackAnswer {
            query_id: answered, ..
        } = &answers[0].kind
        else {
            unreachable!()
        };
        prop_assert_eq!(answered, query_id);
    } else {
        prop_assert!(answers.is_empty(), "a callback answer without a press");
    }
    let private = input.chat.private && !matches!(input.event, Event::Membership { .. });
    if private {
        let shown = replies
            .iter()
            .filter(|r| r.chat_id == input.chat.id)
            .filter(|r| !matches!(r.kind, ReplyKind::CallbackAnswer { .. }))
            .count();
        prop_assert!(shown >= 1, "no answer to {:?}", input.event);
    }
    for reply in replies {
        if let ReplyKind::Message { text, .. } | ReplyKind::Edit { text, .. } = &reply.kind {
            prop_assert!(!text.is_empty(), "an empty message: {:?}", reply);
        }
        for button in reply.keyboard().rows().iter().flatten() {
            if let desmigratif::engine::Target::Action(action) = &button.target {
                prop_assert!(action.encode().len() <= 64, "{:?}", action);
            }
        }
    }
    Ok(())
}

/// What must hold of the stored data after any update.
async fn check_store(h: &Harness, world: &World) -> Result<(), TestCaseError> {
    let known: Vec<i64> = world
        .chats
        .iter()
        .copied()
        .chain([ADMIN, ADMIN_2])
        .collect();
    let list = known
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    prop_assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM outbox WHERE chat_id NOT IN ({list})"
        ))
        .await,
        0,
        "a message to a chat that never wrote and is no officer's"
    );
    prop_assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM users WHERE id NOT IN ({list})"
        ))
        .await,
        0,
        "a user nobody was"
    );
    prop_assert_eq!(
        h.count("SELECT count(*) - count(DISTINCT id) FROM users")
            .await,
        0
    );
    prop_assert_eq!(
        h.count("SELECT count(*) FROM profiles WHERE user_id NOT IN (SELECT id FROM users)")
            .await,
        0
    );
    let states: Vec<(i64, String)> = sqlx::query_as("SELECT user_id, state FROM conversations")
        .fetch_all(&h.pool)
        .await
        .unwrap();
    for (user, json) in states {
        let state = serde_json::from_str::<State>(&json);
        prop_assert!(
            state.is_ok(),
            "user {}'s state does not parse: {}",
            user,
            json
        );
        prop_assert!(
            !state.unwrap().is_idle(),
            "an idle state is stored as no row"
        );
    }
    let mut conn = h.pool.acquire().await.unwrap();
    let registered: Vec<i64> = sqlx::query_scalar("SELECT user_id FROM profiles")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    for user in registered {
        let found = h
            .engine
            .reader()
            .read(async |tx| profiles::find(tx, user).await)
            .await;
        prop_assert!(found.is_ok(), "user {}'s profile does not read back", user);
    }
    prop_assert_eq!(
        h.count(
            "SELECT count(*) FROM trainings t
             WHERE (SELECT count(*) FROM training_signups s
                    WHERE s.training_id = t.id AND s.status = 'booked') > t.capacity"
        )
        .await,
        0,
        "a training with more seats taken than it has"
    );
    prop_assert_eq!(
        h.count(
            "SELECT count(*) - count(DISTINCT training_id || ':' || user_id) FROM training_signups"
        )
        .await,
        0,
        "someone signed up twice for one training"
    );
    Ok(())
}

/// Two trainings a week away, of one seat and of two, and users 1 and 2 registered (user 3
/// is not, so signing up sends them to register first). They count as having written before.
async fn trainings_and_registered_users(h: &Harness, world: &mut World) {
    let start = start_time().timestamp() + 7 * 86_400;
    for (id, seats) in [(1, 1), (2, 2)] {
        seed::training(&h.pool, id, "Pelatihan usaha", start, seats).await;
    }
    for user in [USERS[0], USERS[1]] {
        seed::registered(&h.pool, user, "id", &seed::Profile::default()).await;
        world.chats.insert(user);
    }
}

async fn run_case(steps: Vec<Step>) -> Result<(), TestCaseError> {
    let mut h = Harness::new().await;
    let mut world = World::default();
    trainings_and_registered_users(&h, &mut world).await;
    for step in &steps {
        let input = input(&mut world, step);
        world.chats.insert(input.chat.id);
        let handled = h.handle(input.clone()).await;
        prop_assert!(!handled.duplicate);
        check_answers(&input, &handled.replies)?;
        remember_buttons(&mut world, USERS[step.user], &handled.replies);
    }
    check_store(&h, &world).await?;
    // A repeated update changes nothing and answers nothing.
    let again = h
        .engine
        .handle(Input::text(USERS[0], "/menu").with_update_id(1))
        .await
        .unwrap();
    prop_assert!(again.duplicate && again.replies.is_empty());
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(150),
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_sequence_of_inputs_is_answered_and_leaves_the_data_sound(
        steps in prop::collection::vec(step(), 1..60)
    ) {
        block_on(run_case(steps))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: config().cases / 2, ..config() })]

    /// Registration driven mostly by its own buttons, so that random answers reach deep steps.
    #[test]
    fn pressing_real_buttons_and_answering_anything_keeps_every_step_sound(
        answers in prop::collection::vec((text(), data(), any::<bool>()), 1..50)
    ) {
        block_on(async {
            let mut h = Harness::new().await;
            let mut world = World::default();
            world.chats.insert(1);
            let first = h.say(1, "/daftar").await;
            remember_buttons(&mut world, 1, &first);
            for (text, data, press) in &answers {
                let step = Step {
                    user: 0,
                    language: Some("id"),
                    op: if *press { Op::Press(data.clone()) } else { Op::Text(text.clone()) },
                };
                let input = input(&mut world, &step);
                let handled = h.handle(input.clone()).await;
                check_answers(&input, &handled.replies)?;
                remember_buttons(&mut world, 1, &handled.replies);
            }
            check_store(&h, &world).await
        })?;
    }
}
