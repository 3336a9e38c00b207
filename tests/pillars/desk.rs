//! A question's life at the desk: waiting → taken → answered → closed, a follow-up opening it
//! again; answering from a button, adding to and correcting an answer, closing for a reason
//! (spam without a word), handing back, the person's «✅ Resolved», the audit of each; and
//! notices of new questions told together every 15 minutes unless an officer chose each at once.

use desmigratif::{
    engine::pillars::PillarsAction,
    store::questions::{CloseReason, EntryKind, InboxFilter},
};

use crate::harness::*;
use crate::{ask, pillar};

const ASKER: i64 = 5;
const OTHER: i64 = 6;

async fn status(h: &Harness, id: i64) -> String {
    sqlx::query_scalar("SELECT status FROM questions WHERE id = ?")
        .bind(id)
        .fetch_one(&h.pool)
        .await
        .unwrap()
}

async fn audited(h: &Harness, action: &str) -> i64 {
    h.count(&format!(
        "SELECT count(*) FROM audit_log WHERE action = '{action}'"
    ))
    .await
}

#[tokio::test]
async fn waiting_taken_answered_closed_and_a_follow_up_opens_it_again() {
    let mut h = Harness::new().await;
    let id = ask(&mut h, ASKER, "Bagaimana cara daftar BPJS Ketenagakerjaan?").await;

    // Waiting: the officer's screen offers to take, answer, close.
    let open = h
        .press(ADMIN, &pillar(PillarsAction::OpenQuestion(id)))
        .await;
    let offered = actions(&open);
    for action in [
        PillarsAction::Take(id),
        PillarsAction::AnswerPrompt(id),
        PillarsAction::Close(id),
    ] {
        assert!(offered.contains(&pillar(action.clone())), "{action:?}");
    }
    assert!(rendered_contains(&h, &open, "belum ada yang menangani"));
    let mine = h.press(ASKER, &pillar(PillarsAction::Question(id))).await;
    assert!(rendered_contains(&h, &mine, "menunggu petugas"));

    // Taken: the others see who has it; the taker may hand it back.
    let taken = h.press(ADMIN, &pillar(PillarsAction::Take(id))).await;
    assert!(actions(&taken).contains(&pillar(PillarsAction::HandBack(id))));
    let own = h
        .press(ADMIN, &pillar(PillarsAction::OpenQuestion(id)))
        .await;
    assert!(rendered_contains(&h, &own, "Anda yang menangani"));
    let inbox = h.say(ADMIN, "/pertanyaan").await;
    assert!(
        rendered_contains(&h, &inbox, "✋ tanpa desa"),
        "marked as taken"
    );
    let seen = h
        .press(ADMIN_2, &pillar(PillarsAction::OpenQuestion(id)))
        .await;
    assert!(rendered_contains(&h, &seen, "ditangani oleh"));
    assert!(!actions(&seen).contains(&pillar(PillarsAction::Take(id))));
    let mine = h.press(ASKER, &pillar(PillarsAction::Question(id))).await;
    assert!(rendered_contains(&h, &mine, "sedang ditangani"));

    // Answered from the button that asks for the text.
    let prompt = h
        .press(ADMIN, &pillar(PillarsAction::AnswerPrompt(id)))
        .await;
    assert!(has_id(&prompt, "question-answer-prompt"));
    let sent = h
        .say(
            ADMIN,
            "Daftar di kantor BPJS terdekat dengan KTP dan paspor.",
        )
        .await;
    assert!(has_id(&sent, "question-answer-sent"));
    let answer = to(&sent, ASKER);
    assert_eq!(answer[0].text_ids()[0], "question-answer-for-you");
    assert!(actions(&answer).contains(&pillar(PillarsAction::Resolve(id))));
    assert_eq!(status(&h, id).await, "answered");

    // Closed by the person: whoever had it is told.
    let resolved = h.press(ASKER, &pillar(PillarsAction::Resolve(id))).await;
    assert!(has_id(&resolved, "question-resolved"));
    assert!(has_id(&to(&resolved, ADMIN), "question-resolved-by-asker"));
    assert_eq!(status(&h, id).await, "closed");
    let mine = h.press(ASKER, &pillar(PillarsAction::Question(id))).await;
    assert!(rendered_contains(&h, &mine, "selesai"));
    assert!(!actions(&mine).contains(&pillar(PillarsAction::Resolve(id))));
    let closed = h
        .press(
            ADMIN,
            &pillar(PillarsAction::InboxView(InboxFilter::Closed, 1)),
        )
        .await;
    assert!(actions(&closed).contains(&pillar(PillarsAction::OpenQuestion(id))));

    // A follow-up opens it again, as the next round, to the officer who had it.
    h.press(ASKER, &pillar(PillarsAction::FollowUp(id))).await;
    let more = h.say(ASKER, "Kalau kartunya hilang bagaimana?").await;
    assert!(has_id(&more, "question-follow-up-received"));
    assert_eq!(status(&h, id).await, "open");
    assert_eq!(h.count("SELECT round FROM questions").await, 2);
    assert!(has_id(&to(&more, ADMIN), "question-notice-reopened"));
    assert!(to(&more, ADMIN_2).is_empty());
    assert_eq!(audited(&h, "question.take").await, 1);
    assert_eq!(audited(&h, "question.answer").await, 1);
}

fn rendered_contains(h: &Harness, replies: &[desmigratif::engine::Reply], part: &str) -> bool {
    replies.iter().any(|r| h.text(r).contains(part))
}

#[tokio::test]
async fn an_answer_is_added_to_and_corrected_and_the_person_sees_which() {
    let mut h = Harness::new().await;
    let id = ask(&mut h, ASKER, "Berapa biaya paspor?").await;
    // Nothing to correct before there is an answer.
    h.press(
        ADMIN,
        &pillar(PillarsAction::Amend(id, EntryKind::Correction)),
    )
    .await;
    let nothing = h.say(ADMIN, "Rp350.000").await;
    assert!(has_id(&nothing, "question-amend-nothing"));
    assert!(to(&nothing, ASKER).is_empty());

    h.say(ADMIN, &format!("/jawab {id} Biaya paspor biasa Rp350.000."))
        .await;
    // The bot tells people to write in parts; officers may too.
    h.press(
        ADMIN,
        &pillar(PillarsAction::Amend(id, EntryKind::Addition)),
    )
    .await;
    let added = h.say(ADMIN, "Bawa KTP, KK dan akta lahir.").await;
    assert!(has_id(&added, "question-addition-sent"));
    assert_eq!(
        to(&added, ASKER)[0].text_ids()[0],
        "question-addition-for-you"
    );
    h.press(
        ADMIN_2,
        &pillar(PillarsAction::Amend(id, EntryKind::Correction)),
    )
    .await;
    let corrected = h.say(ADMIN_2, "Biaya paspor elektronik Rp650.000.").await;
    assert!(has_id(&corrected, "question-correction-sent"));
    let to_asker = to(&corrected, ASKER);
    assert_eq!(to_asker[0].text_ids()[0], "question-correction-for-you");
    assert!(
        h.text(&to_asker[0])
            .contains("Koreksi dari Petugas Desmigratif")
    );
    assert!(h.text(&to_asker[0]).contains("Rp650.000"));

    // The whole exchange, in order, with what each officer message is.
    let mine = h.press(ASKER, &pillar(PillarsAction::Question(id))).await;
    let text = h.text(&mine[mine.len() - 1]);
    let answer = text.find("Rp350.000").unwrap();
    let addition = text.find("Tambahan dari").unwrap();
    let correction = text.find("Koreksi dari").unwrap();
    assert!(answer < addition && addition < correction, "{text}");
    assert_eq!(audited(&h, "question.add").await, 1);
    assert_eq!(audited(&h, "question.correct").await, 1);
    assert_eq!(
        status(&h, id).await,
        "answered",
        "no new round for the person"
    );
}

#[tokio::test]
async fn the_officer_who_answered_second_sends_their_words_as_a_correction_with_one_tap() {
    let mut h = Harness::new().await;
    let id = ask(&mut h, ASKER, "Apakah ke Korea harus lewat P3MI?").await;
    h.press(ADMIN, &pillar(PillarsAction::AnswerPrompt(id)))
        .await;
    h.press(ADMIN_2, &pillar(PillarsAction::AnswerPrompt(id)))
        .await;
    let first = h.say(ADMIN, "Ke Korea lewat program G to G.").await;
    assert!(has_id(&to(&first, ASKER), "question-answer-for-you"));
    let second = h
        .say(ADMIN_2, "Ke Korea lewat skema G to G dengan tes EPS-TOPIK.")
        .await;
    assert!(to(&second, ASKER).is_empty(), "one answer per round");
    assert_eq!(
        second[0].text_ids(),
        ["question-answer-already", "question-answer-already-kept"]
    );
    let send = pillar(PillarsAction::SendDraft(id, EntryKind::Correction));
    assert!(actions(&second).contains(&send));
    let corrected = h.press(ADMIN_2, &send).await;
    let to_asker = to(&corrected, ASKER);
    assert_eq!(to_asker[0].text_ids()[0], "question-correction-for-you");
    assert!(h.text(&to_asker[0]).contains("EPS-TOPIK"));
    // An old button of that kind, pressed again, asks for the words rather than resending.
    let again = h.press(ADMIN_2, &send).await;
    assert!(has_id(&again, "question-correction-prompt"));
    assert!(to(&again, ASKER).is_empty());
}

#[tokio::test]
async fn closing_tells_the_person_why_except_for_spam() {
    let mut h = Harness::new().await;
    let spam = ask(&mut h, OTHER, "halo halo promo pulsa murah").await;
    let called = ask(&mut h, ASKER, "Tolong telepon saya soal pelatihan").await;

    let why = h.press(ADMIN, &pillar(PillarsAction::Close(spam))).await;
    assert!(has_id(&why, "question-close-why"));
    for reason in [
        CloseReason::Elsewhere,
        CloseReason::Duplicate,
        CloseReason::Spam,
    ] {
        assert!(actions(&why).contains(&pillar(PillarsAction::CloseAs(spam, reason))));
    }
    let closed = h
        .press(
            ADMIN,
            &pillar(PillarsAction::CloseAs(spam, CloseReason::Spam)),
        )
        .await;
    assert!(has_id(&closed, "question-closed-done"));
    assert!(to(&closed, OTHER).is_empty(), "spam closes silently");

    let closed = h
        .press(
            ADMIN,
            &pillar(PillarsAction::CloseAs(called, CloseReason::Elsewhere)),
        )
        .await;
    let told = to(&closed, ASKER);
    assert_eq!(told[0].text_ids(), ["question-closed-for-you-elsewhere"]);
    assert!(actions(&told).contains(&pillar(PillarsAction::FollowUp(called))));
    // Twice, or an answer after: told it is closed, nothing sent.
    let twice = h
        .press(
            ADMIN_2,
            &pillar(PillarsAction::CloseAs(called, CloseReason::Duplicate)),
        )
        .await;
    assert!(has_id(&twice, "question-closed-already"));
    let late = h
        .say(ADMIN_2, &format!("/jawab {called} Sudah saya telepon."))
        .await;
    assert!(has_id(&late, "question-answer-closed"));
    assert!(to(&late, ASKER).is_empty());
    assert_eq!(audited(&h, "question.close").await, 2);
    assert_eq!(
        h.count(
            "SELECT count(*) FROM questions WHERE status = 'closed' AND closed_reason = 'spam'"
        )
        .await,
        1
    );
    // A forged reason: the person's own is not an officer's to give.
    let close = pillar(PillarsAction::CloseAs(spam, CloseReason::Elsewhere)).encode();
    let forged = h
        .press_data(ADMIN, &close.replace("elsewhere", "resolved"))
        .await;
    assert_eq!(callback_answers(&forged), 1);
    assert!(!has_id(&forged, "question-closed-done"));
}

#[tokio::test]
async fn a_taker_hands_a_question_back_and_the_others_are_told() {
    let mut h = Harness::new().await;
    let id = ask(&mut h, ASKER, "Saya ingin pinjaman modal koperasi").await;
    h.press(ADMIN, &pillar(PillarsAction::Take(id))).await;
    let not_theirs = h.press(ADMIN_2, &pillar(PillarsAction::HandBack(id))).await;
    assert!(has_id(&not_theirs, "question-not-yours"));
    let back = h.press(ADMIN, &pillar(PillarsAction::HandBack(id))).await;
    assert!(has_id(&back, "question-handed-back"));
    assert!(has_id(&to(&back, ADMIN_2), "question-notice-handed-back"));
    assert!(
        to(&back, ADMIN)
            .iter()
            .all(|r| !r.text_ids().contains(&"question-notice-handed-back"))
    );
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE taken_by IS NULL")
            .await,
        1
    );
    assert!(actions(&to(&back, ADMIN_2)).contains(&pillar(PillarsAction::Take(id))));
    assert_eq!(audited(&h, "question.hand_back").await, 1);
}

#[tokio::test]
async fn new_questions_are_told_together_every_15_minutes_unless_an_officer_chose_each() {
    let mut h = Harness::batched().await;
    let first = ask(&mut h, ASKER, "Pertanyaan pertama soal dokumen").await;
    assert!(first > 0);
    // The first is told at once; the next ones within the quarter hour are held.
    assert_eq!(queued(&h, ADMIN, "question-notice-new").await, 1);
    h.clock.advance(chrono::Duration::minutes(2));
    ask(&mut h, OTHER, "Pertanyaan kedua soal pelatihan").await;
    h.clock.advance(chrono::Duration::minutes(2));
    ask(&mut h, 7, "Pertanyaan ketiga soal koperasi").await;
    assert_eq!(queued(&h, ADMIN, "question-notice-new").await, 1);
    assert_eq!(queued(&h, ADMIN_2, "question-notice-new").await, 1);
    // An urgent case is never held.
    h.say(8, "/darurat").await;
    h.press(
        8,
        &pillar(PillarsAction::EmergencyPlace(
            desmigratif::engine::pillars::emergency::Place::ALL[1],
        )),
    )
    .await;
    let urgent = h.say(8, "Istri saya dikurung majikan").await;
    assert!(has_id(&to(&urgent, ADMIN), "question-notice-urgent"));

    h.clock.advance(chrono::Duration::minutes(10));
    h.engine.tick().await.unwrap();
    assert_eq!(queued(&h, ADMIN, "question-notice-together").await, 0);
    h.clock.advance(chrono::Duration::minutes(2));
    h.engine.tick().await.unwrap();
    assert_eq!(queued(&h, ADMIN, "question-notice-together").await, 1);
    assert_eq!(queued(&h, ADMIN_2, "question-notice-together").await, 1);
    let payload: String = sqlx::query_scalar(
        "SELECT payload FROM outbox WHERE chat_id = ? AND payload LIKE '%question-notice-together%'",
    )
    .bind(ADMIN)
    .fetch_one(&h.pool)
    .await
    .unwrap();
    let together: desmigratif::engine::Reply = serde_json::from_str(&payload).unwrap();
    assert!(
        h.text(&together).contains("Ada 2 pesan baru"),
        "the two held: {}",
        h.text(&together)
    );
    h.engine.tick().await.unwrap();
    assert_eq!(
        queued(&h, ADMIN, "question-notice-together").await,
        1,
        "once"
    );

    // The second admin chooses each at once from the inbox.
    let inbox = h.say(ADMIN_2, "/pertanyaan").await;
    let each = pillar(PillarsAction::Notices(true));
    assert!(actions(&inbox).contains(&each));
    let chosen = h.press(ADMIN_2, &each).await;
    assert!(has_id(&chosen, "inbox-notices-each"));
    assert!(actions(&chosen).contains(&pillar(PillarsAction::Notices(false))));
    ask(&mut h, 9, "Pertanyaan keempat").await;
    h.clock.advance(chrono::Duration::minutes(1));
    ask(&mut h, 10, "Pertanyaan kelima").await;
    assert_eq!(queued(&h, ADMIN_2, "question-notice-new").await, 3);
    assert_eq!(
        queued(&h, ADMIN, "question-notice-new").await,
        1,
        "the first admin still hears together"
    );
}

async fn queued(h: &Harness, chat: i64, id: &str) -> i64 {
    h.count(&format!(
        "SELECT count(*) FROM outbox WHERE chat_id = {chat} AND payload LIKE '%\"{id}\"%'"
    ))
    .await
}
