// Self-test of the fake Telegram Bot API: every behaviour is exercised through teloxide's real
// client (or raw HTTP where teloxide cannot see the detail, e.g. headers), asserting concrete
// values. No test asserts timings; timeouts are safety nets only.

use std::time::Duration;

use fake_bot_api::{FakeApi, Fault, Outcome, SentKind, TOKEN, UserSpec};
use teloxide::{
    ApiError, RequestError,
    net::Download,
    payloads::{
        AnswerCallbackQuerySetters, CopyMessageSetters, EditMessageReplyMarkupSetters,
        EditMessageTextSetters, GetMyCommandsSetters, GetUpdatesSetters, SendDocumentSetters,
        SendMessageSetters, SetMyCommandsSetters,
    },
    prelude::*,
    types::{
        AllowedUpdate, BotCommand, BotCommandScope, CallbackQueryId, ChatAction, ChatMemberKind,
        FileId, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, KeyboardButton,
        KeyboardMarkup, MessageEntity, MessageEntityKind, MessageId, MessageOrigin, ParseMode,
        Recipient, ReplyParameters, Seconds, Update, UpdateKind,
    },
};

const SAFETY: Duration = Duration::from_secs(10);
const SITI: i64 = 1001;
const BUDI: i64 = 1002;
const GROUP: i64 = -1_001_234_567_890;

async fn setup() -> (FakeApi, Bot) {
    let fake = FakeApi::start().await;
    fake.add_user(UserSpec {
        id: SITI,
        first_name: "Siti",
        language_code: Some("id"),
        ..Default::default()
    });
    fake.add_user(
        UserSpec::new(BUDI, "Budi")
            .last_name("Santoso")
            .username("budi_s")
            .language("en"),
    );
    fake.add_group(GROUP, "Desa Migran Produktif");
    let bot = Bot::new(TOKEN).set_api_url(fake.url().parse().expect("url"));
    (fake, bot)
}

fn keyboard() -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![
        InlineKeyboardButton::callback("Ya ✅", "answer:yes"),
        InlineKeyboardButton::callback("Tidak", "answer:no"),
    ]])
}

async fn send_with_keyboard(bot: &Bot, chat: i64, text: &str) -> Message {
    bot.send_message(ChatId(chat), text.to_owned())
        .reply_markup(keyboard())
        .await
        .expect("send")
}

/// getFile, then the download of its path.
async fn download(bot: &Bot, file_id: FileId) -> Vec<u8> {
    let file = bot.get_file(file_id).await.expect("getFile");
    let mut downloaded = Vec::new();
    bot.download_file(&file.path, &mut downloaded)
        .await
        .expect("download");
    downloaded
}

fn api_error<T: std::fmt::Debug>(result: Result<T, RequestError>) -> ApiError {
    match result {
        Err(RequestError::Api(err)) => err,
        other => panic!("expected an API error, got {other:?}"),
    }
}

async fn updates(bot: &Bot, offset: i32) -> Vec<Update> {
    bot.get_updates()
        .offset(offset)
        .timeout(0)
        .await
        .expect("getUpdates")
}

fn raw_url(fake: &FakeApi, method: &str) -> String {
    format!("{}bot{}/{method}", fake.url(), TOKEN)
}

/// A call with its parameters in the query string, as raw HTTP.
async fn raw_get(fake: &FakeApi, method: &str, query: &str) -> reqwest::Response {
    reqwest::get(format!("{}?{query}", raw_url(fake, method)))
        .await
        .expect("get")
}

// ---- getMe, webhook ----

#[tokio::test]
async fn get_me_describes_the_test_bot() {
    let (_fake, bot) = setup().await;
    let me = bot.get_me().await.expect("getMe");
    assert_eq!(me.user.id, UserId(fake_bot_api::BOT_ID as u64));
    assert!(me.user.is_bot);
    assert_eq!(me.username(), "desmigratif_test_bot");
    assert!(me.can_join_groups);
}

#[tokio::test]
async fn webhook_info_set_and_delete() {
    let (fake, bot) = setup().await;
    assert_eq!(bot.get_webhook_info().await.expect("info").url, None);

    let err = api_error(
        bot.set_webhook("http://example.com/hook".parse().expect("url"))
            .await,
    );
    assert_eq!(
        err,
        ApiError::Unknown(
            "Bad Request: bad webhook: An HTTPS URL must be provided for webhook".into()
        )
    );

    bot.set_webhook("https://bot.example.com/hook".parse().expect("url"))
        .await
        .expect("setWebhook");
    let info = bot.get_webhook_info().await.expect("info");
    assert_eq!(
        info.url.map(|u| u.to_string()),
        Some("https://bot.example.com/hook".to_owned())
    );
    assert_eq!(
        fake.webhook_url().as_deref(),
        Some("https://bot.example.com/hook")
    );

    // getUpdates while a webhook is set is a 409 conflict
    let err = api_error(bot.get_updates().await);
    assert_eq!(
        err,
        ApiError::Unknown(
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
                .into()
        )
    );

    bot.delete_webhook().await.expect("deleteWebhook");
    assert_eq!(bot.get_webhook_info().await.expect("info").url, None);
    assert!(
        bot.get_updates()
            .timeout(0)
            .await
            .expect("polling again")
            .is_empty()
    );
}

// ---- sending text ----

#[tokio::test]
async fn send_message_returns_a_message_and_ids_increase_per_chat() {
    let (fake, bot) = setup().await;
    let first = bot
        .send_message(ChatId(SITI), "Halo Siti")
        .await
        .expect("send");
    assert_eq!(first.id, MessageId(1));
    assert_eq!(first.chat.id, ChatId(SITI));
    assert!(first.chat.is_private());
    assert_eq!(
        first.from.as_ref().map(|u| u.id),
        Some(UserId(fake_bot_api::BOT_ID as u64))
    );
    assert_eq!(first.text(), Some("Halo Siti"));

    let second = bot
        .send_message(ChatId(SITI), "Apa kabar?")
        .await
        .expect("send");
    assert_eq!(second.id, MessageId(2));
    let other_chat = bot
        .send_message(ChatId(BUDI), "Hello Budi")
        .await
        .expect("send");
    assert_eq!(other_chat.id, MessageId(1));

    // incoming and outgoing messages share the chat's counter
    let update_id = fake.push_text(SITI, "baik");
    assert_eq!(fake.message_id_of_update(update_id), Some(3));

    let group = bot
        .send_message(ChatId(GROUP), "Halo grup")
        .await
        .expect("send to group");
    assert!(group.chat.is_supergroup());
    assert_eq!(group.chat.title(), Some("Desa Migran Produktif"));
    fake.add_group(-555, "RT 05");
    let basic = bot
        .send_message(ChatId(-555), "Halo RT")
        .await
        .expect("basic group");
    assert!(basic.chat.is_group());

    let sent = fake.sent_to(SITI);
    let texts: Vec<_> = sent
        .iter()
        .map(|m| m.text.clone().unwrap_or_default())
        .collect();
    assert_eq!(texts, ["Halo Siti", "Apa kabar?"]);
    assert_eq!(sent[0].kind, SentKind::Text);
    assert_eq!(sent[0].method, "sendMessage");
}

#[tokio::test]
async fn unknown_chat_is_chat_not_found() {
    let (fake, bot) = setup().await;
    let err = api_error(bot.send_message(ChatId(424_242), "hi").await);
    assert_eq!(err, ApiError::ChatNotFound);
    let call = fake.calls_to("sendMessage").pop().expect("recorded");
    assert_eq!(call.outcome, Outcome::Err(400));
    assert_eq!(call.chat_id(), Some(424_242));
}

#[tokio::test]
async fn text_length_is_checked_in_characters_after_trimming() {
    let (fake, bot) = setup().await;
    assert_eq!(
        api_error(bot.send_message(ChatId(SITI), "").await),
        ApiError::MessageTextIsEmpty
    );
    assert_eq!(
        api_error(bot.send_message(ChatId(SITI), "  \n\t ").await),
        ApiError::MessageTextIsEmpty
    );

    assert_eq!(
        api_error(bot.send_message(ChatId(SITI), "a".repeat(4097)).await),
        ApiError::MessageIsTooLong
    );
    let exact = bot
        .send_message(ChatId(SITI), "a".repeat(4096))
        .await
        .expect("4096 ASCII characters");
    assert_eq!(exact.text().map(str::len), Some(4096));

    // 4096 emoji are 8192 UTF-16 units but 4096 characters: accepted, like tdlib's utf8_length
    let emoji = bot
        .send_message(ChatId(SITI), "😀".repeat(4096))
        .await
        .expect("4096 emoji");
    assert_eq!(emoji.text().map(|t| t.chars().count()), Some(4096));
    assert_eq!(
        api_error(bot.send_message(ChatId(SITI), "😀".repeat(4097)).await),
        ApiError::MessageIsTooLong
    );

    // surrounding whitespace does not count and is removed
    let padded = bot
        .send_message(ChatId(SITI), format!("  {}  \n", "b".repeat(4096)))
        .await
        .expect("trimmed");
    assert_eq!(padded.text().map(str::len), Some(4096));
    assert_eq!(fake.sent_to(SITI).len(), 3);
}

#[tokio::test]
async fn explicit_entities_are_kept_and_moved_by_trimming() {
    let (fake, bot) = setup().await;
    // offsets in UTF-16 units: the emoji counts twice; the underline covers only the trailing
    // space, which trimming removes
    let msg = bot
        .send_message(ChatId(SITI), "  Halo 😀 Siti ")
        .entities(vec![
            MessageEntity::bold(2, 4),
            MessageEntity::italic(10, 4),
            MessageEntity::underline(14, 1),
        ])
        .await
        .expect("entities");
    assert_eq!(msg.text(), Some("Halo 😀 Siti"));
    let entities: Vec<_> = msg
        .entities()
        .expect("entities")
        .iter()
        .map(|e| (e.kind.clone(), e.offset, e.length))
        .collect();
    assert_eq!(
        entities,
        [
            (MessageEntityKind::Bold, 0, 4),
            (MessageEntityKind::Italic, 8, 4)
        ]
    );
    let sent = fake.sent_to(SITI);
    assert_eq!(sent[0].text.as_deref(), Some("Halo 😀 Siti"));
    assert_eq!(sent[0].source_text.as_deref(), Some("  Halo 😀 Siti "));
}

#[tokio::test]
async fn parse_modes_are_refused() {
    let (fake, bot) = setup().await;
    let refusal = |mode: &str| {
        format!(
            "Bad Request: the fake Bot API does not support parse modes (parse_mode \"{mode}\"); \
             send plain text, with explicit entities if needed"
        )
    };
    for (mode, name) in [
        (ParseMode::Html, "HTML"),
        (ParseMode::MarkdownV2, "MarkdownV2"),
    ] {
        let err = api_error(
            bot.send_message(ChatId(SITI), "plain text")
                .parse_mode(mode)
                .await,
        );
        assert_eq!(err, ApiError::Unknown(refusal(name)));
    }
    let caption = bot
        .send_document(ChatId(SITI), InputFile::memory(b"x".to_vec()))
        .caption("plain caption")
        .parse_mode(ParseMode::Html)
        .await;
    assert_eq!(api_error(caption), ApiError::Unknown(refusal("HTML")));
    let plain = bot
        .send_message(ChatId(SITI), "Halo")
        .await
        .expect("plain text is fine");
    let edit = bot
        .edit_message_text(ChatId(SITI), plain.id, "Halo lagi")
        .parse_mode(ParseMode::MarkdownV2)
        .await;
    assert_eq!(api_error(edit), ApiError::Unknown(refusal("MarkdownV2")));

    // the legacy mode too, and in a query string; an empty parse_mode means none, as in Telegram
    let legacy = raw_get(
        &fake,
        "sendMessage",
        &format!("chat_id={SITI}&text=x&parse_mode=Markdown"),
    )
    .await;
    assert_eq!(legacy.status().as_u16(), 400);
    let body: serde_json::Value = legacy.json().await.expect("json");
    assert_eq!(body["description"], refusal("Markdown"));
    let empty = raw_get(
        &fake,
        "sendMessage",
        &format!("chat_id={SITI}&text=x&parse_mode="),
    )
    .await;
    assert_eq!(empty.status().as_u16(), 200);

    // refused requests are recorded as 400s, send nothing and change nothing
    assert_eq!(fake.sent_to(SITI).len(), 2);
    let refused = fake
        .calls()
        .into_iter()
        .filter(|c| c.outcome == Outcome::Err(400))
        .count();
    assert_eq!(refused, 5);
    assert_eq!(
        fake.message(SITI, plain.id.0).expect("stored")["text"],
        "Halo"
    );
}

#[tokio::test]
async fn reply_markup_is_echoed_and_buttons_can_be_found() {
    let (fake, bot) = setup().await;
    let msg = send_with_keyboard(&bot, SITI, "Pilih").await;
    assert_eq!(msg.reply_markup(), Some(&keyboard()));
    assert_eq!(
        fake.button_data(SITI, "Ya ✅").as_deref(),
        Some("answer:yes")
    );
    assert_eq!(
        fake.button_data(SITI, "Tid").as_deref(),
        Some("answer:no"),
        "substring match"
    );
    assert_eq!(fake.button_data(SITI, "Mungkin"), None);
    assert_eq!(fake.buttons(SITI).len(), 2);

    // reply keyboards are accepted but, like in Telegram, not part of the returned Message
    let reply_kb = KeyboardMarkup::new(vec![vec![
        KeyboardButton::new("Bagikan nomor").request(teloxide::types::ButtonRequest::Contact),
    ]]);
    let plain = bot
        .send_message(ChatId(SITI), "Nomor?")
        .reply_markup(reply_kb)
        .await
        .expect("send");
    assert_eq!(plain.reply_markup(), None);
    let recorded = fake
        .sent_to(SITI)
        .pop()
        .expect("sent")
        .reply_markup
        .expect("request markup kept");
    assert_eq!(recorded["keyboard"][0][0]["text"], "Bagikan nomor");
    // the newest bot message has no inline keyboard any more
    assert!(fake.buttons(SITI).is_empty());
}

#[tokio::test]
async fn callback_data_is_limited_to_64_bytes() {
    let (_fake, bot) = setup().await;
    let with_data = |data: String| {
        bot.send_message(ChatId(SITI), "x")
            .reply_markup(InlineKeyboardMarkup::new(vec![vec![
                InlineKeyboardButton::callback("b", data),
            ]]))
    };
    with_data("x".repeat(64)).await.expect("64 ASCII bytes");
    with_data("🙂".repeat(16))
        .await
        .expect("16 emoji = 64 bytes");
    assert_eq!(
        api_error(with_data("x".repeat(65)).await),
        ApiError::ButtonDataInvalid
    );
    assert_eq!(
        api_error(with_data("🙂".repeat(17)).await),
        ApiError::ButtonDataInvalid
    );
    assert_eq!(
        api_error(with_data(String::new()).await),
        ApiError::ButtonDataInvalid
    );
}

#[tokio::test]
async fn replies_must_target_an_existing_message() {
    let (_fake, bot) = setup().await;
    let first = bot
        .send_message(ChatId(SITI), "pertama")
        .await
        .expect("send");
    let reply = bot
        .send_message(ChatId(SITI), "balasan")
        .reply_parameters(ReplyParameters::new(first.id))
        .await
        .expect("reply");
    assert_eq!(reply.reply_to_message().map(|m| m.id), Some(first.id));
    let err = api_error(
        bot.send_message(ChatId(SITI), "x")
            .reply_parameters(ReplyParameters::new(MessageId(99)))
            .await,
    );
    assert_eq!(err, ApiError::MessageToReplyNotFound);
}

// ---- edits and deletes ----

#[tokio::test]
async fn edits_follow_telegram_rules() {
    let (fake, bot) = setup().await;
    let msg = send_with_keyboard(&bot, SITI, "Pilih").await;

    let same = bot
        .edit_message_text(ChatId(SITI), msg.id, "Pilih")
        .reply_markup(keyboard())
        .await;
    assert_eq!(api_error(same), ApiError::MessageNotModified);

    let edited = bot
        .edit_message_text(ChatId(SITI), msg.id, "Terima kasih")
        .await
        .expect("edit");
    assert_eq!(edited.text(), Some("Terima kasih"));
    assert_eq!(
        edited.reply_markup(),
        None,
        "editing without reply_markup removes the keyboard"
    );
    assert!(edited.edit_date().is_some());

    let same_markup = bot.edit_message_reply_markup(ChatId(SITI), msg.id).await;
    assert_eq!(api_error(same_markup), ApiError::MessageNotModified);
    let with_kb = bot
        .edit_message_reply_markup(ChatId(SITI), msg.id)
        .reply_markup(keyboard())
        .await
        .expect("markup");
    assert_eq!(with_kb.reply_markup(), Some(&keyboard()));
    assert_eq!(
        fake.button_data(SITI, "Tidak").as_deref(),
        Some("answer:no")
    );

    let missing = bot
        .edit_message_text(ChatId(SITI), MessageId(77), "x")
        .await;
    assert_eq!(api_error(missing), ApiError::MessageToEditNotFound);
    let too_long = bot
        .edit_message_text(ChatId(SITI), msg.id, "x".repeat(4097))
        .await;
    assert_eq!(api_error(too_long), ApiError::EditedMessageIsTooLong);

    let update_id = fake.push_text(SITI, "pesan pengguna");
    let user_message = MessageId(fake.message_id_of_update(update_id).expect("pushed"));
    let not_ours = bot.edit_message_text(ChatId(SITI), user_message, "x").await;
    assert_eq!(api_error(not_ours), ApiError::MessageCantBeEdited);

    let log = fake.sent_to(SITI);
    let kinds: Vec<_> = log.iter().map(|m| m.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            SentKind::Text,
            SentKind::EditText,
            SentKind::EditReplyMarkup
        ]
    );
    assert_eq!(
        fake.message(SITI, msg.id.0).expect("stored")["text"],
        "Terima kasih"
    );
}

#[tokio::test]
async fn delete_message_only_once() {
    let (fake, bot) = setup().await;
    let msg = bot
        .send_message(ChatId(SITI), "hapus saya")
        .await
        .expect("send");
    bot.delete_message(ChatId(SITI), msg.id)
        .await
        .expect("delete");
    assert_eq!(fake.message(SITI, msg.id.0), None);
    assert_eq!(
        api_error(bot.delete_message(ChatId(SITI), msg.id).await),
        ApiError::MessageToDeleteNotFound
    );
}

// ---- callbacks ----

#[tokio::test]
async fn callback_queries_carry_the_sent_message_and_can_be_answered_once() {
    let (fake, bot) = setup().await;
    let msg = send_with_keyboard(&bot, SITI, "Pilih").await;
    let data = fake.button_data(SITI, "Ya").expect("button");
    let query_id = fake.push_callback(SITI, msg.id.0, &data);

    let batch = updates(&bot, 0).await;
    assert_eq!(batch.len(), 1);
    let UpdateKind::CallbackQuery(query) = &batch[0].kind else {
        panic!("{:?}", batch[0].kind)
    };
    assert_eq!(query.id, CallbackQueryId(query_id.clone()));
    assert_eq!(query.data.as_deref(), Some("answer:yes"));
    assert_eq!(query.from.id, UserId(SITI as u64));
    assert_eq!(query.from.language_code.as_deref(), Some("id"));
    let carried = query.regular_message().expect("accessible message");
    assert_eq!((carried.id, carried.text()), (msg.id, Some("Pilih")));
    assert_eq!(carried.reply_markup(), Some(&keyboard()));

    bot.answer_callback_query(CallbackQueryId(query_id.clone()))
        .text("Tersimpan")
        .await
        .expect("answer");
    let answer = fake.callback_answer(&query_id).expect("answered");
    assert_eq!(answer.text.as_deref(), Some("Tersimpan"));
    assert!(!answer.show_alert);

    // the real description says "query ID", teloxide expects "query id": it arrives as Unknown
    let expected = ApiError::Unknown(
        "Bad Request: query is too old and response timeout expired or query ID is invalid".into(),
    );
    assert_eq!(
        api_error(
            bot.answer_callback_query(CallbackQueryId(query_id.clone()))
                .await
        ),
        expected
    );
    assert_eq!(
        api_error(bot.answer_callback_query(CallbackQueryId("1".into())).await),
        expected
    );

    let second = fake.push_callback(SITI, msg.id.0, "answer:no");
    let too_long = bot
        .answer_callback_query(CallbackQueryId(second))
        .text("x".repeat(201))
        .await;
    assert_eq!(
        api_error(too_long),
        ApiError::EditedMessageIsTooLong,
        "Bad Request: MESSAGE_TOO_LONG"
    );
}

#[tokio::test]
async fn group_callback_from_a_member() {
    let (fake, bot) = setup().await;
    let msg = send_with_keyboard(&bot, GROUP, "Rapat besok?").await;
    fake.set_next_update_id(500);
    let query_id = fake.push_group_callback(GROUP, BUDI, msg.id.0, "answer:no");
    let batch = updates(&bot, 0).await;
    assert_eq!(batch[0].id.0, 500);
    let UpdateKind::CallbackQuery(query) = &batch[0].kind else {
        panic!("{:?}", batch[0].kind)
    };
    assert_eq!(query.id.0, query_id);
    assert_eq!(query.from.username.as_deref(), Some("budi_s"));
    let carried = query.regular_message().expect("message");
    assert_eq!(carried.chat.id, ChatId(GROUP));
    assert_eq!(carried.text(), Some("Rapat besok?"));
}

#[tokio::test]
async fn callback_on_a_deleted_message_is_inaccessible() {
    let (fake, bot) = setup().await;
    let msg = send_with_keyboard(&bot, SITI, "lama").await;
    bot.delete_message(ChatId(SITI), msg.id)
        .await
        .expect("delete");
    fake.push_callback(SITI, msg.id.0, "answer:yes");
    let batch = updates(&bot, 0).await;
    let UpdateKind::CallbackQuery(query) = &batch[0].kind else {
        panic!("{:?}", batch[0].kind)
    };
    assert!(query.regular_message().is_none());
    assert_eq!(query.message.as_ref().map(|m| m.id()), Some(msg.id));
}

// ---- commands ----

#[tokio::test]
async fn commands_are_stored_per_scope_and_language() {
    let (fake, bot) = setup().await;
    bot.set_my_commands([
        BotCommand::new("start", "Mulai"),
        BotCommand::new("bantuan", "Bantuan"),
    ])
    .await
    .expect("default");
    bot.set_my_commands([BotCommand::new("/start", "  Start  ")])
        .scope(BotCommandScope::Chat {
            chat_id: Recipient::Id(ChatId(BUDI)),
        })
        .language_code("en")
        .await
        .expect("per chat, leading slash stripped");

    let default = bot.get_my_commands().await.expect("get");
    assert_eq!(
        default
            .iter()
            .map(|c| c.command.as_str())
            .collect::<Vec<_>>(),
        ["start", "bantuan"]
    );
    let budi = bot
        .get_my_commands()
        .scope(BotCommandScope::Chat {
            chat_id: Recipient::Id(ChatId(BUDI)),
        })
        .language_code("en")
        .await
        .expect("get");
    assert_eq!(budi, vec![BotCommand::new("start", "Start")]);

    let stored = fake.commands();
    assert_eq!(stored.len(), 2);
    assert_eq!(
        (stored[0].scope.as_str(), stored[0].language_code.as_str()),
        ("chat:1002", "en")
    );
    assert_eq!(stored[1].scope, "default");
    assert_eq!(
        stored[1].commands[1],
        ("bantuan".to_owned(), "Bantuan".to_owned())
    );

    let unknown = |s: &str| ApiError::Unknown(s.to_owned());
    let invalid = bot.set_my_commands([BotCommand::new("Start", "x")]).await;
    assert_eq!(
        api_error(invalid),
        unknown("Bad Request: BOT_COMMAND_INVALID")
    );
    let dash = bot
        .set_my_commands([BotCommand::new("desa-migran", "x")])
        .await;
    assert_eq!(api_error(dash), unknown("Bad Request: BOT_COMMAND_INVALID"));
    let long = bot
        .set_my_commands([BotCommand::new("a".repeat(33), "x")])
        .await;
    assert_eq!(
        api_error(long),
        unknown("Bad Request: command length must not exceed 32")
    );
    let empty_description = bot.set_my_commands([BotCommand::new("start", " ")]).await;
    assert_eq!(
        api_error(empty_description),
        unknown("Bad Request: command description must be non-empty")
    );
    let long_description = bot
        .set_my_commands([BotCommand::new("start", "d".repeat(257))])
        .await;
    assert_eq!(
        api_error(long_description),
        unknown("Bad Request: command description length must not exceed 256")
    );
    let many = (0..101).map(|i| BotCommand::new(format!("c{i}"), "x"));
    assert_eq!(
        api_error(bot.set_my_commands(many).await),
        unknown("Bad Request: BOT_COMMANDS_TOO_MUCH")
    );
    let bad_language = bot
        .set_my_commands([BotCommand::new("start", "x")])
        .language_code("IND")
        .await;
    assert_eq!(
        api_error(bad_language),
        unknown("Bad Request: invalid language code specified")
    );

    bot.delete_my_commands().await.expect("delete");
    assert_eq!(fake.commands().len(), 1);
    assert!(bot.get_my_commands().await.expect("get").is_empty());
}

// ---- files ----

#[tokio::test]
async fn documents_and_photos_upload_and_download() {
    let (fake, bot) = setup().await;
    let csv = b"nama,desa\nSiti,Wonosari\n".to_vec();
    let msg = bot
        .send_document(
            ChatId(SITI),
            InputFile::memory(csv.clone()).file_name("laporan.csv"),
        )
        .caption(" Laporan bulanan\n")
        .await
        .expect("sendDocument");
    let document = msg.document().expect("document");
    assert_eq!(document.file_name.as_deref(), Some("laporan.csv"));
    assert_eq!(
        document
            .mime_type
            .as_ref()
            .map(|m| m.essence_str().to_owned())
            .as_deref(),
        Some("text/csv")
    );
    assert_eq!(document.file.size as usize, csv.len());
    assert_eq!(msg.caption(), Some("Laporan bulanan"));

    assert_eq!(download(&bot, document.file.id.clone()).await, csv);

    // re-sending by file_id reuses the stored file
    let again = bot
        .send_document(ChatId(BUDI), InputFile::file_id(document.file.id.clone()))
        .await
        .expect("by id");
    assert_eq!(
        again.document().map(|d| d.file.id.clone()),
        Some(document.file.id.clone())
    );
    let unknown = bot
        .send_document(ChatId(BUDI), InputFile::file_id(FileId("nope".into())))
        .await;
    assert_eq!(api_error(unknown), ApiError::WrongFileIdOrUrl);

    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    let photo = bot
        .send_photo(ChatId(SITI), InputFile::memory(jpeg.clone()))
        .await
        .expect("sendPhoto");
    let sizes = photo.photo().expect("photo sizes");
    assert_eq!(sizes.len(), 2);
    assert_eq!(download(&bot, sizes[1].file.id.clone()).await, jpeg);

    let long_caption = bot
        .send_document(ChatId(SITI), InputFile::memory(b"x".to_vec()))
        .caption("c".repeat(1025))
        .await;
    assert_eq!(
        api_error(long_caption),
        ApiError::Unknown("Bad Request: message caption is too long".into())
    );
    assert_eq!(
        api_error(bot.get_file(FileId("nope".into())).await),
        ApiError::Unknown("Bad Request: invalid file_id".into())
    );

    let kinds: Vec<_> = fake.sent_to(SITI).into_iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds[0],
        SentKind::Document {
            file_name: Some("laporan.csv".into()),
            mime_type: "text/csv".into(),
            size: csv.len()
        }
    );
    assert_eq!(kinds[1], SentKind::Photo { size: jpeg.len() });
    let call = fake.calls_to("sendDocument").remove(0);
    assert_eq!(call.params["document"]["file_name"], "laporan.csv");
}

#[tokio::test]
async fn pushed_document_can_be_fetched_with_get_file() {
    let (fake, bot) = setup().await;
    let pdf = b"%PDF-1.4 fake".to_vec();
    fake.push_document(SITI, "ktp.pdf", "application/pdf", &pdf);
    let batch = updates(&bot, 0).await;
    let UpdateKind::Message(msg) = &batch[0].kind else {
        panic!("{:?}", batch[0].kind)
    };
    let document = msg.document().expect("document");
    assert_eq!(document.file_name.as_deref(), Some("ktp.pdf"));
    assert_eq!(download(&bot, document.file.id.clone()).await, pdf);

    let missing = reqwest::get(format!(
        "{}file/bot{}/documents/nope.pdf",
        fake.url(),
        TOKEN
    ))
    .await
    .expect("get");
    assert_eq!(missing.status().as_u16(), 404);
}

// ---- other sending methods ----

#[tokio::test]
async fn chat_action_copy_and_forward() {
    let (fake, bot) = setup().await;
    bot.send_chat_action(ChatId(SITI), ChatAction::Typing)
        .await
        .expect("typing");
    assert_eq!(
        fake.calls_to("sendChatAction")[0]
            .param_str("action")
            .as_deref(),
        Some("typing")
    );
    assert!(
        fake.sent_to(SITI).is_empty(),
        "chat actions are not messages"
    );

    let original = bot
        .send_message(ChatId(SITI), "Info desa")
        .reply_markup(keyboard())
        .await
        .expect("send");
    let copied = bot
        .copy_message(ChatId(BUDI), ChatId(SITI), original.id)
        .reply_markup(keyboard())
        .await
        .expect("copy");
    assert_eq!(copied, MessageId(1));
    assert_eq!(
        fake.message(BUDI, 1).expect("copy stored")["text"],
        "Info desa"
    );

    let update_id = fake.push_text(SITI, "dari Siti");
    let from_user = fake.message_id_of_update(update_id).expect("pushed");
    let forwarded = bot
        .forward_message(ChatId(BUDI), ChatId(SITI), MessageId(from_user))
        .await
        .expect("forward");
    assert_eq!(forwarded.text(), Some("dari Siti"));
    match forwarded.forward_origin() {
        Some(MessageOrigin::User { sender_user, .. }) => {
            assert_eq!(sender_user.id, UserId(SITI as u64))
        }
        other => panic!("{other:?}"),
    }

    let missing = bot
        .copy_message(ChatId(BUDI), ChatId(SITI), MessageId(99))
        .await;
    assert_eq!(api_error(missing), ApiError::MessageToCopyNotFound);
    let missing = bot
        .forward_message(ChatId(BUDI), ChatId(SITI), MessageId(99))
        .await;
    assert_eq!(api_error(missing), ApiError::MessageToForwardNotFound);

    let kinds: Vec<_> = fake.sent_to(BUDI).into_iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            SentKind::Copy {
                from_chat_id: SITI,
                from_message_id: original.id.0
            },
            SentKind::Forward {
                from_chat_id: SITI,
                from_message_id: from_user
            },
        ]
    );
}

// ---- blocking ----

#[tokio::test]
async fn blocked_and_deactivated_users() {
    let (fake, bot) = setup().await;
    let msg = bot.send_message(ChatId(SITI), "halo").await.expect("send");
    fake.block_user(SITI);
    assert_eq!(
        api_error(bot.send_message(ChatId(SITI), "halo").await),
        ApiError::BotBlocked
    );
    assert_eq!(
        api_error(bot.edit_message_text(ChatId(SITI), msg.id, "baru").await),
        ApiError::BotBlocked
    );
    assert_eq!(fake.calls_to("sendMessage")[1].outcome, Outcome::Err(403));
    fake.deactivate_user(SITI);
    assert_eq!(
        api_error(bot.send_message(ChatId(SITI), "halo").await),
        ApiError::UserDeactivated
    );
    fake.unblock_user(SITI);
    bot.send_message(ChatId(SITI), "halo lagi")
        .await
        .expect("unblocked");

    fake.push_my_chat_member(SITI, true);
    fake.push_my_chat_member(SITI, false);
    let batch = updates(&bot, 0).await;
    let statuses: Vec<_> = batch
        .iter()
        .map(|u| match &u.kind {
            UpdateKind::MyChatMember(change) => {
                assert_eq!(change.from.id, UserId(SITI as u64));
                assert_eq!(
                    change.new_chat_member.user.id,
                    UserId(fake_bot_api::BOT_ID as u64)
                );
                matches!(change.new_chat_member.kind, ChatMemberKind::Banned(_))
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(statuses, [true, false]);
}

// ---- getUpdates ----

#[tokio::test]
async fn every_pushed_update_kind_parses_in_teloxide() {
    let (fake, bot) = setup().await;
    let sent = bot
        .send_message(ChatId(SITI), "Pertanyaan?")
        .await
        .expect("send");
    let ids = [
        fake.push_text(SITI, "/start desa-abc"),
        fake.push_group_text(GROUP, BUDI, "/daftar@desmigratif_test_bot halo"),
        fake.push_contact(SITI, "+6281234567890", Some(SITI)),
        fake.push_sticker(SITI, "👍"),
        fake.push_photo(SITI, &[0xFF, 0xD8, 1], Some("foto KTP")),
        fake.push_voice(SITI, 3, b"OggS"),
        fake.push_location(SITI, -7.79, 110.36),
        fake.push_document(SITI, "a.txt", "text/plain", b"a"),
        fake.push_forwarded_text(SITI, "info lowongan", "Agen Tenaga Kerja"),
        fake.push_reply(SITI, sent.id.0, "jawaban"),
        fake.push_raw(serde_json::json!({"poll_answer": {"poll_id": "p1", "user": {"id": SITI, "is_bot": false, "first_name": "Siti"}, "option_ids": [0]}})),
    ];
    assert_eq!(ids[0], fake_bot_api::FIRST_UPDATE_ID);
    assert_eq!(
        ids.windows(2).filter(|w| w[1] != w[0] + 1).count(),
        0,
        "consecutive update ids"
    );

    let batch = updates(&bot, 0).await;
    assert_eq!(batch.len(), ids.len());
    assert!(
        batch
            .iter()
            .all(|u| !matches!(u.kind, UpdateKind::Error(_))),
        "{batch:#?}"
    );
    let message = |i: usize| match &batch[i].kind {
        UpdateKind::Message(m) => m.clone(),
        other => panic!("{other:?}"),
    };

    let start = message(0);
    assert_eq!(start.text(), Some("/start desa-abc"));
    let entity = &start.entities().expect("entities")[0];
    assert_eq!(
        (entity.kind.clone(), entity.offset, entity.length),
        (MessageEntityKind::BotCommand, 0, 6)
    );
    assert_eq!(
        start.from.as_ref().and_then(|u| u.language_code.as_deref()),
        Some("id")
    );

    let group = message(1);
    assert!(group.chat.is_supergroup());
    assert_eq!(group.from.as_ref().map(|u| u.id), Some(UserId(BUDI as u64)));
    assert_eq!(
        group.entities().expect("entities")[0].length,
        "/daftar@desmigratif_test_bot".len()
    );

    assert_eq!(
        message(2).contact().map(|c| c.phone_number.as_str()),
        Some("+6281234567890")
    );
    assert_eq!(
        message(2).contact().and_then(|c| c.user_id),
        Some(UserId(SITI as u64))
    );
    assert_eq!(
        message(3).sticker().and_then(|s| s.emoji.as_deref()),
        Some("👍")
    );
    assert_eq!(message(4).photo().map(<[_]>::len), Some(2));
    assert_eq!(message(4).caption(), Some("foto KTP"));
    assert_eq!(
        message(5).voice().map(|v| v.duration),
        Some(Seconds::from_seconds(3))
    );
    assert_eq!(message(6).location().map(|l| l.latitude), Some(-7.79));
    assert_eq!(
        message(7).document().and_then(|d| d.file_name.as_deref()),
        Some("a.txt")
    );
    assert!(matches!(
        message(8).forward_origin(),
        Some(MessageOrigin::HiddenUser { sender_user_name, .. }) if sender_user_name == "Agen Tenaga Kerja"
    ));
    assert_eq!(message(9).reply_to_message().map(|m| m.id), Some(sent.id));
    assert_eq!(
        message(9).reply_to_message().and_then(|m| m.text()),
        Some("Pertanyaan?")
    );
    assert!(matches!(batch[10].kind, UpdateKind::PollAnswer(_)));
}

#[tokio::test]
async fn offset_limit_and_redelivery() {
    let (fake, bot) = setup().await;
    let a = fake.push_text(SITI, "satu");
    let b = fake.push_text(SITI, "dua");
    let c = fake.push_text(SITI, "tiga");

    let limited = bot.get_updates().limit(2).timeout(0).await.expect("limit");
    assert_eq!(
        limited
            .iter()
            .map(|u| i64::from(u.id.0))
            .collect::<Vec<_>>(),
        [a, b]
    );
    // not confirmed yet: delivered again
    assert_eq!(updates(&bot, 0).await.len(), 3);
    // offset confirms everything below it
    let rest = updates(&bot, (b) as i32).await;
    assert_eq!(
        rest.iter().map(|u| i64::from(u.id.0)).collect::<Vec<_>>(),
        [b, c]
    );
    assert!(fake.with_state(|s| s.is_confirmed(a) && !s.is_confirmed(b)));
    assert_eq!(fake.pending_updates(), 2);
    // a negative offset keeps only the newest updates
    let last = updates(&bot, -1).await;
    assert_eq!(
        last.iter().map(|u| i64::from(u.id.0)).collect::<Vec<_>>(),
        [c]
    );
    assert!(updates(&bot, (c + 1) as i32).await.is_empty());
    assert_eq!(fake.pending_updates(), 0);
    fake.wait_until_confirmed(c, SAFETY)
        .await
        .expect("confirmed");
}

#[tokio::test]
async fn allowed_updates_is_a_persistent_subscription() {
    let (fake, bot) = setup().await;
    let first = bot
        .get_updates()
        .timeout(0)
        .allowed_updates([AllowedUpdate::Message])
        .await
        .expect("subscribe");
    assert!(first.is_empty());
    fake.push_my_chat_member(SITI, true);
    let text = fake.push_text(SITI, "halo");
    let batch = updates(&bot, 0).await; // no allowed_updates this time: the subscription stays
    assert_eq!(
        batch.iter().map(|u| i64::from(u.id.0)).collect::<Vec<_>>(),
        [text]
    );
    assert_eq!(
        fake.pending_updates(),
        1,
        "the my_chat_member update was dropped"
    );
}

#[tokio::test]
async fn long_poll_waits_for_an_update() {
    let (fake, bot) = setup().await;
    let poller = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(10).await }
    });
    fake.wait_for(SAFETY, |s| s.waiting_pollers() == 1)
        .await
        .expect("poll is held open");
    let id = fake.push_text(SITI, "halo");
    let batch = poller.await.expect("join").expect("getUpdates");
    assert_eq!(
        batch.iter().map(|u| i64::from(u.id.0)).collect::<Vec<_>>(),
        [id]
    );
}

#[tokio::test]
async fn a_second_poller_terminates_the_first() {
    let (fake, bot) = setup().await;
    let first = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(10).await }
    });
    fake.wait_for(SAFETY, |s| s.waiting_pollers() == 1)
        .await
        .expect("first poll held");
    let second = bot
        .get_updates()
        .timeout(0)
        .await
        .expect("the newer request wins");
    assert!(second.is_empty());
    let err = api_error(first.await.expect("join"));
    assert_eq!(err, ApiError::TerminatedByOtherGetUpdates);
    let conflict = fake
        .calls_to("getUpdates")
        .into_iter()
        .find(|c| c.outcome == Outcome::Err(409));
    assert!(conflict.is_some());
}

// ---- faults ----

#[tokio::test]
async fn retry_after_and_penalty_violations() {
    let (fake, bot) = setup().await;
    fake.fail_next(1, Fault::RetryAfter(30));
    let err = bot.send_message(ChatId(SITI), "x").await.expect_err("429");
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s == Seconds::from_seconds(30)),
        "{err:?}"
    );
    assert!(fake.calls_during_penalty().is_empty());

    // sending again long before 30 s passed violates the penalty (any chat)
    let err = bot
        .send_message(ChatId(BUDI), "y")
        .await
        .expect_err("still 429");
    assert!(matches!(err, RequestError::RetryAfter(_)), "{err:?}");
    let violations = fake.calls_during_penalty();
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].chat_id(), Some(BUDI));

    // non-sending methods are not affected
    bot.get_me().await.expect("getMe during penalty");
    bot.get_updates()
        .timeout(0)
        .await
        .expect("getUpdates during penalty");
    assert_eq!(fake.calls_during_penalty().len(), 1);
}

#[tokio::test]
async fn flood_window_answers_429_with_header_and_parameters() {
    let (fake, _bot) = setup().await;
    fake.flood_for(Duration::from_secs(60), 7);
    let client = reqwest::Client::new();
    let response = client
        .post(raw_url(&fake, "sendMessage"))
        .json(&serde_json::json!({"chat_id": SITI, "text": "x"}))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "7");
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(
        body,
        serde_json::json!({"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 7", "parameters": {"retry_after": 7}})
    );
    let get_me = client
        .post(raw_url(&fake, "getMe"))
        .send()
        .await
        .expect("post");
    assert_eq!(
        get_me.status().as_u16(),
        200,
        "flood applies to sending methods only"
    );
    assert_eq!(fake.calls_to("sendMessage")[0].outcome, Outcome::Err(429));
}

#[tokio::test]
async fn server_error_has_a_json_body() {
    let (fake, bot) = setup().await;
    fake.fail_next(1, Fault::ServerError(502));
    // getUpdates does not consume faults meant for sending methods
    bot.get_updates().timeout(0).await.expect("getUpdates");
    assert_eq!(fake.with_state(|s| s.pending_faults()), 1);

    let response = reqwest::Client::new()
        .post(raw_url(&fake, "sendMessage"))
        .json(&serde_json::json!({"chat_id": SITI, "text": "x"}))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 502);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(
        body,
        serde_json::json!({"ok": false, "error_code": 502, "description": "Bad Gateway"})
    );
    bot.send_message(ChatId(SITI), "ok again")
        .await
        .expect("next call is normal");
}

/// teloxide sleeps 10 s on every 5xx before parsing it; this documents what it then returns.
#[tokio::test]
async fn server_error_through_teloxide() {
    let (fake, bot) = setup().await;
    fake.fail_next(1, Fault::ServerError(502));
    let err = api_error(bot.send_message(ChatId(SITI), "x").await);
    assert_eq!(err, ApiError::Unknown("Bad Gateway".into()));
}

#[tokio::test]
async fn dropped_connection_and_delay() {
    let (fake, bot) = setup().await;
    fake.fail_next(1, Fault::Drop);
    let err = bot
        .send_message(ChatId(SITI), "x")
        .await
        .expect_err("dropped");
    assert!(matches!(err, RequestError::Network(_)), "{err:?}");
    assert_eq!(
        fake.calls_to("sendMessage").len(),
        1,
        "reqwest did not retry"
    );
    assert_eq!(fake.calls_to("sendMessage")[0].outcome, Outcome::Dropped);
    bot.send_message(ChatId(SITI), "after drop")
        .await
        .expect("new connection works");

    fake.fail_next(1, Fault::Delay(Duration::from_millis(200)));
    let msg = bot
        .send_message(ChatId(SITI), "slow")
        .await
        .expect("delayed answer");
    assert_eq!(msg.text(), Some("slow"));
    assert_eq!(fake.with_state(|s| s.pending_faults()), 0);

    fake.fail_next_get_updates(1, Fault::RetryAfter(3));
    let err = bot
        .get_updates()
        .timeout(0)
        .await
        .expect_err("getUpdates fault");
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s == Seconds::from_seconds(3)),
        "{err:?}"
    );
    assert!(fake.calls_during_penalty().is_empty());
    bot.send_message(
        ChatId(SITI),
        "sending is not penalised by getUpdates faults",
    )
    .await
    .expect("send");
}

// ---- HTTP surface ----

#[tokio::test]
async fn tokens_methods_and_bodies() {
    let (fake, _bot) = setup().await;
    let client = reqwest::Client::new();

    let unauthorized = client
        .post(format!("{}botnot-a-token/getMe", fake.url()))
        .send()
        .await
        .expect("post");
    assert_eq!(unauthorized.status().as_u16(), 401);
    let body: serde_json::Value = unauthorized.json().await.expect("json");
    assert_eq!(
        body,
        serde_json::json!({"ok": false, "error_code": 401, "description": "Unauthorized"})
    );
    let bad_bot = Bot::new("not-a-token").set_api_url(fake.url().parse().expect("url"));
    assert_eq!(api_error(bad_bot.get_me().await), ApiError::InvalidToken);

    let unknown = client
        .post(raw_url(&fake, "sendTelepathy"))
        .send()
        .await
        .expect("post");
    assert_eq!(unknown.status().as_u16(), 404);
    let body: serde_json::Value = unknown.json().await.expect("json");
    assert_eq!(body["description"], "Not Found: method not found");

    let upper = client
        .post(raw_url(&fake, "GETME"))
        .send()
        .await
        .expect("post");
    assert_eq!(
        upper.status().as_u16(),
        200,
        "method names are case-insensitive"
    );

    let query = raw_get(
        &fake,
        "sendMessage",
        &format!("chat_id={SITI}&text=Halo%20Siti"),
    )
    .await;
    let body: serde_json::Value = query.json().await.expect("json");
    assert_eq!(body["result"]["text"], "Halo Siti");

    let broken = client
        .post(raw_url(&fake, "sendMessage"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("post");
    assert_eq!(broken.status().as_u16(), 400);
}

// ---- waiting, concurrency, a real dispatcher ----

#[tokio::test]
async fn wait_helpers_follow_recorded_calls() {
    let (fake, bot) = setup().await;
    tokio::spawn({
        let bot = bot.clone();
        async move {
            for i in 0..3 {
                bot.send_message(ChatId(SITI), format!("pesan {i}"))
                    .await
                    .expect("send");
            }
        }
    });
    let sent = fake
        .wait_until_sent_to(SITI, 3, SAFETY)
        .await
        .expect("three messages");
    assert_eq!(
        sent.iter()
            .map(|m| m.text.clone().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["pesan 0", "pesan 1", "pesan 2"]
    );
    let calls = fake
        .wait_for_calls("sendMessage", 3, SAFETY)
        .await
        .expect("calls");
    assert!(calls.iter().all(|c| c.is_ok()));

    let never = fake
        .wait_for(Duration::from_millis(50), |s| s.sent_to(BUDI).len() == 1)
        .await;
    let err = never.expect_err("nothing is sent to Budi");
    assert!(err.context.contains("3 sent"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundreds_of_concurrent_sends() {
    let (fake, bot) = setup().await;
    let users: Vec<i64> = (0..20).map(|i| 5000 + i).collect();
    for id in &users {
        fake.add_user(UserSpec::new(*id, "Warga"));
    }
    let sends = users.iter().flat_map(|id| {
        let bot = bot.clone();
        (0..25).map(move |n| {
            let bot = bot.clone();
            async move { bot.send_message(ChatId(*id), format!("kabar {n}")).await }
        })
    });
    let results = futures::future::join_all(sends).await;
    assert_eq!(results.len(), 500);
    assert!(results.iter().all(Result::is_ok));
    for id in &users {
        let mut ids: Vec<i32> = fake.sent_to(*id).iter().map(|m| m.message_id).collect();
        ids.sort_unstable();
        assert_eq!(ids, (1..=25).collect::<Vec<_>>());
    }
    assert_eq!(fake.calls_to("sendMessage").len(), 500);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn teloxide_dispatcher_round_trip() {
    use teloxide::dispatching::{Dispatcher, UpdateFilterExt};

    let (fake, bot) = setup().await;
    let handler = Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
        bot.send_message(
            msg.chat.id,
            format!("echo: {}", msg.text().unwrap_or_default()),
        )
        .await?;
        respond(())
    });
    let mut dispatcher = Dispatcher::builder(bot, handler).build();
    let shutdown = dispatcher.shutdown_token();
    let running = tokio::spawn(async move { dispatcher.dispatch().await });

    let update_id = fake.push_text(SITI, "halo bot");
    let sent = fake
        .wait_until_sent_to(SITI, 1, SAFETY)
        .await
        .expect("echo");
    assert_eq!(sent[0].text.as_deref(), Some("echo: halo bot"));

    fake.wait_for(SAFETY, |s| s.waiting_pollers() == 1)
        .await
        .expect("dispatcher polls again");
    shutdown.shutdown().expect("dispatcher is running").await;
    running.await.expect("join");
    assert!(
        fake.with_state(|s| s.is_confirmed(update_id)),
        "the final getUpdates confirmed the offset"
    );
    // teloxide starts with getMe and getWebhookInfo (concurrently, so in either order)
    let mut startup: Vec<String> = fake
        .calls()
        .iter()
        .take(2)
        .map(|c| c.method.clone())
        .collect();
    startup.sort();
    assert_eq!(startup, ["getMe", "getWebhookInfo"]);
}
