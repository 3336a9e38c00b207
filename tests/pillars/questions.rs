//! The question desk: asking, officers answering (by reply or /answer), follow-ups, the inbox,
//! and who can see what.

use chrono::TimeZone;
use desmigratif::{
    engine::{Event, MediaKind, ReplyKind, pillars::PillarsAction},
    store::outbox::Priority,
};

use crate::harness::*;
use crate::{
    OFFICERS_GROUP, ask, deliver, delivered_to, in_group, pillar, press_in_group, register,
    rendered, reply, start_asking, to, with_trusted_group,
};

const FAMILY: i64 = 5;
const STRANGER: i64 = 6;

#[tokio::test]
async fn a_family_member_asks_at_night_and_an_officer_answers_from_the_group_in_the_morning() {
    let mut h = with_trusted_group().await;
    // 22:30 in Jakarta.
    h.clock.set(
        chrono::Utc
            .with_ymd_and_hms(2026, 12, 1, 15, 30, 0)
            .unwrap(),
    );
    // Not registered: the village comes first, and «Skip» is there for who would rather not.
    let village = h.say(FAMILY, "/tanya").await;
    assert_eq!(ids(&village), ["asker-village-ask"]);
    assert!(actions(&village).contains(&pillar(PillarsAction::SkipVillage)));
    let asked = h.press(FAMILY, &pillar(PillarsAction::SkipVillage)).await;
    assert_eq!(ids(&asked), ["question-ask-prompt"]);
    let received = h
        .say(
            FAMILY,
            "Suami saya di Malaysia belum digaji tiga bulan. Harus lapor ke mana?",
        )
        .await;
    assert_eq!(ids(&to(&received, FAMILY)), ["question-received"]);
    let notices: Vec<_> = received
        .iter()
        .filter(|r| r.chat_id == OFFICERS_GROUP)
        .collect();
    assert_eq!(
        notices.len(),
        1,
        "the question goes to the officers' group only"
    );
    assert_eq!(
        notices[0].text_ids(),
        [
            "question-notice-new",
            "question-quote",
            "question-notice-how"
        ]
    );
    assert_eq!(notices[0].subject, Some(FAMILY));
    // A person waits on the other side: it must not queue behind a broadcast.
    assert_eq!(notices[0].priority, Priority::Interactive);
    assert!(h.text(notices[0]).contains("belum digaji tiga bulan"));
    let delivered = deliver(&h).await;
    let notice = delivered_to(&delivered, OFFICERS_GROUP, "question-notice-new");

    // 08:00 the next morning, an officer replies to the notice in the group.
    h.clock
        .set(chrono::Utc.with_ymd_and_hms(2026, 12, 2, 1, 0, 0).unwrap());
    let answered = h
        .handle(in_group(
            OFFICERS_GROUP,
            ADMIN,
            "Silakan hubungi KP2MI di 0800-1000 atau WhatsApp 0811-8080-141.",
            Some(notice),
        ))
        .await
        .replies;
    assert_eq!(
        ids(&to(&answered, OFFICERS_GROUP)),
        ["question-answer-sent"]
    );
    let to_family = to(&answered, FAMILY);
    assert_eq!(
        ids(&to_family),
        ["question-answer-for-you", "question-quote"]
    );
    let text = rendered(&h, &to_family);
    assert!(
        text.starts_with("💬 Jawaban Petugas Desmigratif"),
        "in Indonesian, from the office: {text}"
    );
    assert!(text.contains("0800-1000"));
    assert!(
        !text.contains(&ADMIN.to_string()),
        "the officer's account is never shown"
    );
    assert!(actions(&to_family).contains(&pillar(PillarsAction::FollowUp(1))));
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE status = 'answered'")
            .await,
        1
    );
}

#[tokio::test]
async fn ask_answer_and_follow_up_with_two_officers_each_round_answered_once() {
    let mut h = Harness::new().await;
    let id = ask(
        &mut h,
        FAMILY,
        "Apakah saya harus bayar biaya penempatan ke Taiwan?",
    )
    .await;
    let delivered = deliver(&h).await;
    let first_notice = delivered_to(&delivered, ADMIN, "question-notice-new");
    let second_notice = delivered_to(&delivered, ADMIN_2, "question-notice-new");

    // The first officer answers by replying in their private chat.
    let sent = h
        .handle(reply(
            ADMIN,
            first_notice,
            "Untuk pekerja rumah tangga tidak ada biaya penempatan.",
        ))
        .await
        .replies;
    assert!(has_id(&sent, "question-answer-sent"));
    assert_eq!(sent.iter().filter(|r| r.chat_id == FAMILY).count(), 1);

    // The second officer, a moment later, to the same round: told, and nothing is sent; their
    // words are kept to send as an addition or correction.
    let late = h
        .handle(reply(ADMIN_2, second_notice, "Tidak perlu bayar."))
        .await
        .replies;
    assert_eq!(
        late[0].text_ids(),
        ["question-answer-already", "question-answer-already-kept"]
    );
    assert!(late.iter().all(|r| r.chat_id == ADMIN_2));

    // The family member follows up by replying to the answer.
    let delivered = deliver(&h).await;
    let answer = delivered_to(&delivered, FAMILY, "question-answer-for-you");
    let more = h
        .handle(reply(
            FAMILY,
            answer,
            "Kalau jadi perawat lansia bagaimana?",
        ))
        .await
        .replies;
    assert!(has_id(&more, "question-follow-up-received"));
    let notices: Vec<_> = more
        .iter()
        .filter(|r| r.chat_id == ADMIN || r.chat_id == ADMIN_2)
        .collect();
    assert_eq!(notices.len(), 2);
    assert!(
        notices
            .iter()
            .all(|r| r.text_ids()[0] == "question-notice-more")
    );
    assert_eq!(h.count("SELECT round FROM questions").await, 2);

    // An old notice of the first round no longer answers anything.
    let stale = h
        .handle(reply(ADMIN_2, second_notice, "Tidak perlu bayar."))
        .await
        .replies;
    assert_eq!(stale[0].text_ids()[0], "question-answer-already");

    // The second round is answered with /jawab, once.
    let by_command = h
        .say(
            ADMIN_2,
            &format!("/jawab {id} Perawat lansia juga tidak dikenai biaya penempatan."),
        )
        .await;
    assert!(has_id(&by_command, "question-answer-sent"));
    let again = h.say(ADMIN, &format!("/answer {id} Sama saja.")).await;
    assert_eq!(
        again[0].text_ids(),
        ["question-answer-already", "question-answer-already-kept"]
    );

    let answers = h
        .count("SELECT count(*) FROM question_entries WHERE author = 'officer'")
        .await;
    assert_eq!(answers, 2, "one answer per round");
    let to_family = h.count("SELECT count(*) FROM outbox WHERE chat_id = 5 AND payload LIKE '%question-answer-for-you%'").await;
    assert_eq!(
        to_family, 1,
        "the second answer is waiting; the first was delivered"
    );
}

#[tokio::test]
async fn the_follow_up_button_works_and_the_user_sees_the_whole_exchange() {
    let mut h = Harness::new().await;
    let id = ask(&mut h, FAMILY, "Bagaimana cara cek perusahaan resmi?").await;
    h.say(
        ADMIN,
        &format!("/jawab {id} Cek di daftar KP2MI atau tanya Disnaker."),
    )
    .await;

    let prompt = h.press(FAMILY, &pillar(PillarsAction::FollowUp(id))).await;
    assert!(has_id(&prompt, "question-follow-up-prompt"));
    let more = h.say(FAMILY, "Namanya PT Maju Jaya, resmi tidak?").await;
    assert!(has_id(&more, "question-follow-up-received"));

    let mine = h.press(FAMILY, &pillar(PillarsAction::MyQuestions)).await;
    assert!(actions(&mine).contains(&pillar(PillarsAction::Question(id))));
    let view = h.press(FAMILY, &pillar(PillarsAction::Question(id))).await;
    assert_eq!(
        ids(&view),
        [
            "question-view-title",
            "question-thread-you",
            "question-thread-officer",
            "question-thread-you"
        ]
    );
    let text = rendered(&h, &view);
    assert!(text.contains("Petugas Desmigratif") && !text.contains("900"));
}

#[tokio::test]
async fn a_photo_or_voice_note_is_passed_on_as_a_copy_that_officers_can_reply_to() {
    let mut h = Harness::new().await;
    start_asking(&mut h, FAMILY).await;
    let mut input = desmigratif::engine::Input::text(FAMILY, "");
    input.event = Event::Media {
        kind: MediaKind::Voice,
        file_id: "v1".into(),
        caption: None,
    };
    input.message_id = Some(321);
    let replies = h.handle(input).await.replies;
    assert!(has_id(&replies, "question-received"));
    let copies: Vec<_> = replies
        .iter()
        .filter(|r| {
            matches!(
                r.kind,
                ReplyKind::Copy {
                    from_chat_id: FAMILY,
                    message_id: 321,
                    ..
                }
            )
        })
        .collect();
    assert_eq!(copies.len(), 2, "one copy per officer");
    assert!(copies.iter().all(|r| r.subject == Some(FAMILY)));
    assert!(rendered(&h, &replies).contains("pesan suara"));

    let delivered = deliver(&h).await;
    let copy = delivered
        .iter()
        .find(|(r, _)| r.chat_id == ADMIN && matches!(r.kind, ReplyKind::Copy { .. }))
        .map(|(_, id)| *id)
        .unwrap();
    let answered = h
        .handle(reply(
            ADMIN,
            copy,
            "Sudah kami dengar, kami bantu hubungi KBRI.",
        ))
        .await
        .replies;
    assert!(has_id(&answered, "question-answer-sent"));

    // A sticker is not a question: a hint and the same question again.
    start_asking(&mut h, FAMILY).await;
    let sticker = h
        .event(
            FAMILY,
            Event::Media {
                kind: MediaKind::Sticker,
                file_id: "s".into(),
                caption: None,
            },
        )
        .await;
    assert_eq!(ids(&sticker), ["question-kind-hint", "question-ask-prompt"]);
}

#[tokio::test]
async fn officers_see_who_asked_from_the_profile_where_there_is_one() {
    let mut h = Harness::new().await;
    register(&mut h, FAMILY, "Siti Aminah", "Kenanga").await;
    ask(&mut h, FAMILY, "Kapan pelatihan menjahit?").await;
    let notice = start_asking(&mut h, STRANGER).await;
    drop(notice);
    let replies = h.say(STRANGER, "Kapan rapat koperasi?").await;
    let stranger_notice = replies.iter().find(|r| r.chat_id == ADMIN).unwrap();
    assert!(h.text(stranger_notice).contains("belum mendaftar"));

    let open = h
        .press(ADMIN, &pillar(PillarsAction::OpenQuestion(1)))
        .await;
    let detail = open
        .iter()
        .find(|r| matches!(r.kind, ReplyKind::Tagged { .. }))
        .unwrap();
    assert_eq!(detail.subject, Some(FAMILY));
    let text = h.text(detail);
    assert!(
        text.contains("Siti Aminah") && text.contains("Kenanga"),
        "{text}"
    );
}

#[tokio::test]
async fn nobody_reaches_another_users_questions() {
    let mut h = Harness::new().await;
    let id = ask(
        &mut h,
        FAMILY,
        "Anak saya perlu biaya sekolah, ada bantuan?",
    )
    .await;
    h.say(ADMIN, &format!("/jawab {id} Ada community parenting."))
        .await;
    for action in [PillarsAction::Question(id), PillarsAction::FollowUp(id)] {
        let replies = h.press(STRANGER, &pillar(action)).await;
        assert!(has_id(&replies, "question-not-found"));
        assert!(!rendered(&h, &replies).contains("community parenting"));
    }
    assert_eq!(
        h.count("SELECT count(*) FROM conversations WHERE user_id = 6")
            .await,
        0
    );
    // Forged officer buttons and commands do nothing for anybody else.
    assert!(has_id(
        &h.press(STRANGER, &pillar(PillarsAction::OpenQuestion(id)))
            .await,
        "officer-only"
    ));
    assert!(has_id(
        &h.say(STRANGER, &format!("/jawab {id} saya jawab sendiri"))
            .await,
        "officer-only"
    ));
    assert!(has_id(
        &h.say(STRANGER, "/pertanyaan").await,
        "officer-only"
    ));
    assert_eq!(
        h.count("SELECT count(*) FROM question_entries WHERE author = 'officer'")
            .await,
        1
    );
}

#[tokio::test]
async fn the_inbox_lists_open_questions_the_longest_waiting_first() {
    let mut h = Harness::new().await;
    let first = ask(&mut h, FAMILY, "Pertanyaan pertama").await;
    h.clock.advance(chrono::Duration::hours(1));
    let second = ask(&mut h, STRANGER, "Pertanyaan kedua").await;
    h.clock.advance(chrono::Duration::hours(1));
    let third = ask(&mut h, 7, "Pertanyaan ketiga").await;
    h.say(ADMIN, &format!("/jawab {second} Sudah.")).await;

    let inbox = h.say(ADMIN, "/pertanyaan").await;
    assert_eq!(
        ids(&inbox),
        [
            "inbox-title-open",
            "question-inbox-line",
            "question-inbox-line",
            "question-inbox-how"
        ]
    );
    let opened: Vec<_> = actions(&inbox)
        .into_iter()
        .filter(|a| {
            matches!(
                a,
                desmigratif::engine::Action::Pillars(PillarsAction::OpenQuestion(_))
            )
        })
        .collect();
    assert_eq!(
        opened,
        [
            pillar(PillarsAction::OpenQuestion(first)),
            pillar(PillarsAction::OpenQuestion(third))
        ]
    );
    let text = rendered(&h, &inbox);
    assert!(text.find("Pertanyaan pertama").unwrap() < text.find("Pertanyaan ketiga").unwrap());

    h.say(ADMIN, &format!("/jawab {first} Sudah.")).await;
    h.say(ADMIN, &format!("/jawab {third} Sudah.")).await;
    assert_eq!(
        ids(&h.say(ADMIN, "/inbox").await),
        ["inbox-title-open", "inbox-empty-open"]
    );
}

#[tokio::test]
async fn the_officers_group_reaches_the_officer_handlers_and_other_groups_do_not() {
    let mut h = with_trusted_group().await;
    let id = ask(&mut h, FAMILY, "Kapan rapat anggota?").await;

    let inbox = h
        .handle(in_group(
            OFFICERS_GROUP,
            ADMIN,
            "/pertanyaan@desmigratif_test_bot",
            None,
        ))
        .await
        .replies;
    assert_eq!(ids(&inbox)[0], "inbox-title-open");
    assert!(
        !actions(&inbox).contains(&desmigratif::engine::Action::Menu),
        "no private menu in the group"
    );
    let open = h
        .handle(press_in_group(
            OFFICERS_GROUP,
            ADMIN,
            &pillar(PillarsAction::OpenQuestion(id)),
        ))
        .await
        .replies;
    assert!(
        open.iter()
            .any(|r| r.chat_id == OFFICERS_GROUP && matches!(r.kind, ReplyKind::Tagged { .. }))
    );

    // A member of the group who is not an officer cannot answer.
    let refused = h
        .handle(in_group(
            OFFICERS_GROUP,
            77,
            &format!("/jawab {id} Besok."),
            None,
        ))
        .await
        .replies;
    assert_eq!(ids(&refused), ["officer-only"]);
    let delivered = deliver(&h).await;
    let notice = delivered_to(&delivered, OFFICERS_GROUP, "question-notice-new");
    assert!(
        h.handle(in_group(OFFICERS_GROUP, 77, "Besok", Some(notice)))
            .await
            .replies
            .is_empty()
    );
    // Group chatter is left alone.
    assert!(
        h.handle(in_group(OFFICERS_GROUP, ADMIN, "selamat pagi semua", None))
            .await
            .replies
            .is_empty()
    );
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE status = 'open'")
            .await,
        1
    );

    let answered = h
        .handle(in_group(
            OFFICERS_GROUP,
            ADMIN_2,
            &format!("/jawab@desmigratif_test_bot {id} Tanggal 5."),
            None,
        ))
        .await;
    assert!(has_id(&answered.replies, "question-answer-sent"));

    // Any other group keeps pointing people to a private chat.
    let other = h
        .handle(in_group(-42, ADMIN, "/pertanyaan", None))
        .await
        .replies;
    assert_eq!(ids(&other), ["group-private-only"]);
    assert!(
        h.handle(in_group(-42, ADMIN, "Tanggal 6", Some(notice)))
            .await
            .replies
            .is_empty()
    );
}

#[tokio::test]
async fn answering_by_command_explains_itself() {
    let mut h = Harness::new().await;
    for text in [
        "/jawab",
        "/jawab 12",
        "/jawab abc teks",
        "/answer -1 teks",
        "/jawab 0 teks",
    ] {
        assert_eq!(
            ids(&h.say(ADMIN, text).await),
            ["question-answer-usage"],
            "{text}"
        );
    }
    assert_eq!(
        ids(&h.say(ADMIN, "/jawab 99 Halo").await),
        ["question-answer-gone"]
    );
    let id = ask(&mut h, FAMILY, "Halo petugas").await;
    let long = format!("/jawab {id} {}", "a".repeat(3001));
    assert_eq!(
        ids(&h.say(ADMIN, &long).await),
        ["question-answer-too-long"]
    );
    assert!(has_id(
        &h.say(ADMIN, &format!("/jawab #{id} Halo juga")).await,
        "question-answer-sent"
    ));
}

#[tokio::test]
async fn a_question_that_is_too_long_or_not_text_gets_a_hint_and_the_same_question() {
    let mut h = Harness::new().await;
    start_asking(&mut h, FAMILY).await;
    assert_eq!(
        ids(&h.say(FAMILY, &"panjang ".repeat(500)).await),
        ["question-too-long", "question-ask-prompt"]
    );
    assert_eq!(
        ids(&h.event(FAMILY, Event::Location).await),
        ["question-kind-hint", "question-ask-prompt"]
    );
    assert!(has_id(
        &h.say(FAMILY, "Sekarang pendek saja.").await,
        "question-received"
    ));
}

#[tokio::test]
async fn erasing_the_user_erases_their_questions_and_the_notices_quoting_them() {
    let mut h = Harness::new().await;
    let id = ask(&mut h, FAMILY, "Nomor paspor saya A1234567, masih berlaku?").await;
    deliver(&h).await;
    h.say(ADMIN, &format!("/jawab {id} Ya.")).await;
    assert!(h.count("SELECT count(*) FROM question_messages").await > 0);
    h.engine
        .writer()
        .write(async |tx| desmigratif::store::users::erase(tx, FAMILY).await)
        .await
        .unwrap();
    for table in ["questions", "question_entries", "question_messages"] {
        assert_eq!(
            h.count(&format!("SELECT count(*) FROM {table}")).await,
            0,
            "{table}"
        );
    }
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE payload LIKE '%A1234567%'")
            .await,
        0
    );
}

#[tokio::test]
async fn an_erased_persons_question_number_is_never_given_to_someone_else() {
    use desmigratif::engine::{Action, profile::ProfileAction};
    let mut h = Harness::new().await;
    let erased = ask(&mut h, FAMILY, "Paspor suami saya ditahan agen.").await;
    deliver(&h).await;
    h.say(FAMILY, "/hapus").await;
    h.press(FAMILY, &Action::Profile(ProfileAction::DeleteConfirmed))
        .await;
    assert_eq!(h.count("SELECT count(*) FROM questions").await, 0);

    let next = ask(&mut h, STRANGER, "Kapan pelatihan menjahit?").await;
    assert_ne!(
        next, erased,
        "a new question gets a number never used before"
    );
    // An officer answering the old number, from an old notice, reaches no one.
    let answer = h.say(ADMIN, &format!("/jawab {erased} Kami bantu.")).await;
    assert!(
        has_id(&answer, "question-answer-gone"),
        "{:?}",
        ids(&answer)
    );
    assert!(
        to(&answer, STRANGER).is_empty(),
        "the stranger hears nothing of the old question"
    );
    assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM question_entries WHERE question_id = {next} AND author = 'officer'"
        ))
        .await,
        0
    );
}

#[tokio::test]
async fn control_characters_and_fake_lines_never_reach_an_officer_as_they_were_typed() {
    let mut h = Harness::new().await;
    register(&mut h, FAMILY, "Siti Aminah", "Kenanga").await;
    // NUL, a terminal escape, a right-to-left override, zero-width characters, and blank
    // lines to push a made-up line of the bot's apart from the question.
    let typed = "Gaji\u{0} belum\u{1b}[2J dibayar \u{202E}ijag\u{202C}\u{200B}\u{FEFF}\n\n\n\n\
                 ❓ Pertanyaan baru no. 99\nDari: Budi (Purna PMI, desa Sindang)";
    start_asking(&mut h, FAMILY).await;
    let replies = h.say(FAMILY, typed).await;
    let notice = rendered(&h, &to(&replies, ADMIN));
    for hidden in [
        '\u{0}', '\u{1b}', '\u{202E}', '\u{202C}', '\u{200B}', '\u{FEFF}',
    ] {
        assert!(!notice.contains(hidden), "{hidden:?} in {notice:?}");
    }
    assert!(!notice.contains("\n\n\n"), "{notice:?}");
    // Every line the person wrote stands behind the bar, the made-up ones too.
    for line in [
        "│ Gaji belum[2J dibayar ijag",
        "│ ❓ Pertanyaan baru no. 99",
        "│ Dari: Budi",
    ] {
        assert!(notice.contains(line), "{line:?} in {notice}");
    }
    assert!(
        !notice
            .lines()
            .any(|l| l.starts_with("❓ Pertanyaan baru no. 99")),
        "{notice}"
    );
    // What is stored, and the inbox line, are tidy too.
    let listed = h.say(ADMIN, "/pertanyaan").await;
    let inbox = rendered(&h, &listed);
    assert!(
        inbox.contains("Gaji belum[2J dibayar ijag ❓ Pertanyaan"),
        "{inbox}"
    );
    assert_eq!(
        h.count("SELECT count(*) FROM question_entries WHERE instr(text, char(0)) > 0 OR instr(text, char(27)) > 0")
            .await,
        0
    );
}

/// Forty-five open questions: pages of ten with ◀️ ▶️, each line with its village and how long
/// it waited; the filters list the urgent, the untaken, one's own and the answered ones.
#[tokio::test]
async fn the_inbox_has_pages_of_ten_and_filters() {
    use desmigratif::store::questions::InboxFilter;
    let mut h = Harness::new().await;
    let mut ids_asked = Vec::new();
    for n in 0..45 {
        let user = 100 + n;
        crate::register(&mut h, user, "Sari Wulandari", "Kenanga").await;
        ids_asked.push(ask(&mut h, user, &format!("Pertanyaan nomor {n}")).await);
        h.clock.advance(chrono::Duration::minutes(10));
    }
    let opened = |replies: &[desmigratif::engine::Reply]| -> Vec<i64> {
        actions(replies)
            .into_iter()
            .filter_map(|a| match a {
                desmigratif::engine::Action::Pillars(PillarsAction::OpenQuestion(id)) => Some(id),
                _ => None,
            })
            .collect()
    };
    let first = h.say(ADMIN, "/pertanyaan").await;
    assert_eq!(opened(&first), ids_asked[..10]);
    let text = rendered(&h, &first);
    assert!(
        text.contains("Pertanyaan terbuka: 45") && text.contains("Halaman 1 dari 5"),
        "{text}"
    );
    assert!(
        text.contains("Kenanga") && text.contains("7 jam"),
        "village and wait: {text}"
    );
    let next = pillar(PillarsAction::InboxView(InboxFilter::Open, 2));
    assert!(actions(&first).contains(&next));
    assert!(!actions(&first).contains(&pillar(PillarsAction::InboxView(InboxFilter::Open, 0))));

    let last = h
        .press(
            ADMIN,
            &pillar(PillarsAction::InboxView(InboxFilter::Open, 5)),
        )
        .await;
    assert_eq!(opened(&last), ids_asked[40..]);
    assert!(actions(&last).contains(&pillar(PillarsAction::InboxView(InboxFilter::Open, 4))));
    // A page that is no longer there (an old button): the last one.
    let gone = h
        .press(
            ADMIN,
            &pillar(PillarsAction::InboxView(InboxFilter::Open, 9)),
        )
        .await;
    assert_eq!(opened(&gone), ids_asked[40..]);

    // One taken, one answered.
    h.press(ADMIN, &pillar(PillarsAction::Take(ids_asked[3])))
        .await;
    h.say(ADMIN, &format!("/jawab {} Sudah.", ids_asked[4]))
        .await;
    let mine = h
        .press(
            ADMIN,
            &pillar(PillarsAction::InboxView(InboxFilter::Mine, 1)),
        )
        .await;
    assert_eq!(opened(&mine), [ids_asked[3]]);
    let answered = h
        .press(
            ADMIN,
            &pillar(PillarsAction::InboxView(InboxFilter::Answered, 1)),
        )
        .await;
    assert_eq!(opened(&answered), [ids_asked[4]]);
    let waiting = h
        .press(
            ADMIN,
            &pillar(PillarsAction::InboxView(InboxFilter::Waiting, 1)),
        )
        .await;
    assert!(!opened(&waiting).contains(&ids_asked[3]));
    assert!(rendered(&h, &waiting).contains("belum diambil siapa pun: 43"));
    let urgent = h
        .press(
            ADMIN,
            &pillar(PillarsAction::InboxView(InboxFilter::Urgent, 1)),
        )
        .await;
    assert_eq!(ids(&urgent), ["inbox-title-urgent", "inbox-empty-urgent"]);
}

/// Opening, taking and answering are in the audit log (ids only), and an officer who opens a
/// question sees the person's other questions with where they stand.
#[tokio::test]
async fn officers_see_the_persons_other_questions_and_what_they_do_is_audited() {
    let mut h = Harness::new().await;
    crate::register(&mut h, FAMILY, "Sari Wulandari", "Kenanga").await;
    let first = ask(&mut h, FAMILY, "Bagaimana cara membuat paspor?").await;
    h.say(ADMIN, &format!("/jawab {first} Di kantor imigrasi."))
        .await;
    let second = ask(&mut h, FAMILY, "Berapa biayanya?").await;
    let opened = h
        .press(ADMIN, &pillar(PillarsAction::OpenQuestion(second)))
        .await;
    let text = rendered(&h, &opened);
    assert!(
        text.contains(&format!(
            "Pertanyaan lain dari orang ini: no. {first} (✅ sudah dijawab)"
        )),
        "{text}"
    );
    assert!(
        !text.contains(&format!("no. {second} (")),
        "not the question itself: {text}"
    );
    h.press(ADMIN, &pillar(PillarsAction::Take(second))).await;
    h.say(ADMIN, &format!("/jawab {second} Gratis.")).await;
    for action in ["question.open", "question.take", "question.answer"] {
        assert!(
            h.count(&format!(
                "SELECT count(*) FROM audit_log WHERE action = '{action}' AND detail = 'question {second}'"
            ))
            .await
                >= 1,
            "{action}"
        );
    }
    assert_eq!(
        h.count(
            "SELECT count(*) FROM audit_log WHERE detail LIKE '%Gratis%' OR detail LIKE '%Sari%'"
        )
        .await,
        0,
        "no one's words or name in the log"
    );
}

/// Two officers answer the same question at the same moment: one answer reaches the person,
/// the other officer is told it was answered already.
#[tokio::test]
async fn two_officers_answering_at_once_send_one_answer() {
    use desmigratif::engine::Input;
    let mut h = Harness::new().await;
    let id = ask(&mut h, FAMILY, "Apakah ada pelatihan bulan depan?").await;
    let answer = |officer: i64, update: i64, text: &str| {
        Input::text(officer, &format!("/jawab {id} {text}"))
            .with_language_code("id")
            .with_update_id(update)
    };
    let (first, second) = tokio::join!(
        h.engine.handle(answer(ADMIN, 90_001, "Ada, tanggal 5.")),
        h.engine.handle(answer(ADMIN_2, 90_002, "Ada, tanggal 12.")),
    );
    let replies: Vec<_> = [first.unwrap(), second.unwrap()]
        .into_iter()
        .flat_map(|h| h.replies)
        .collect();
    assert_eq!(
        replies
            .iter()
            .filter(|r| r.text_ids().contains(&"question-answer-sent"))
            .count(),
        1
    );
    assert_eq!(
        replies
            .iter()
            .filter(|r| r.text_ids().contains(&"question-answer-already"))
            .count(),
        1
    );
    assert_eq!(
        to(&replies, FAMILY)
            .iter()
            .filter(|r| r.text_ids().contains(&"question-answer-for-you"))
            .count(),
        1,
        "the person hears one answer"
    );
    assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM question_entries WHERE question_id = {id} AND author = 'officer'"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn the_menu_leaves_the_village_question_and_what_is_typed_next_is_taken_afresh() {
    let mut h = Harness::new().await;
    let asked = h.say(STRANGER, "/tanya").await;
    assert!(has_id(&asked, "asker-village-ask"));
    h.say(STRANGER, "/menu").await;
    let typed = h.say(STRANGER, "bagaimana cara ikut koperasi").await;
    assert!(
        !rendered(&h, &typed).contains("tidak ditemukan"),
        "{}",
        rendered(&h, &typed)
    );
    assert!(actions(&typed).contains(&pillar(PillarsAction::AskTyped)));
}
