//! The question desk through the real binary and the fake Bot API: a family member asks at
//! night, one officer answers from the officers' group by replying to the notice, a second
//! officer is told it was already answered, the family member follows up, and the answer to
//! that comes with /jawab. Officers are never named to the user.

#[path = "support/bot_process.rs"]
mod bot_process;
use fake_bot_api as fake_api;

use std::time::Duration;

use bot_process::BotEnv;
use fake_api::{FakeApi, SentMessage, TOKEN, UserSpec};

const FAMILY: i64 = 3001;
const OFFICER: i64 = 900;
const OFFICER_2: i64 = 901;
const GROUP: i64 = -1_001_234_567_890;
/// A safety net for waiting on the bot, never a measure of its speed.
const WAIT: Duration = Duration::from_secs(20);

fn texts(fake: &FakeApi, chat: i64) -> Vec<String> {
    fake.sent_to(chat)
        .into_iter()
        .filter_map(|m| m.text)
        .collect()
}

async fn wait_for_text(fake: &FakeApi, chat: i64, needle: &str) -> SentMessage {
    fake.wait_for(WAIT, |s| {
        s.sent_to(chat)
            .iter()
            .any(|m| m.text.as_deref().is_some_and(|t| t.contains(needle)))
    })
    .await
    .unwrap_or_else(|e| panic!("no message with {needle:?} in {chat}: {e:?}"));
    fake.sent_to(chat)
        .into_iter()
        .rev()
        .find(|m| m.text.as_deref().is_some_and(|t| t.contains(needle)))
        .unwrap()
}

#[tokio::test]
async fn a_question_is_answered_from_the_group_once_and_followed_up() {
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    fake.add_user(UserSpec::new(FAMILY, "Sari").language("id"));
    fake.add_user(UserSpec::new(OFFICER, "Bambang").language("id"));
    fake.add_user(UserSpec::new(OFFICER_2, "Wulan").language("id"));
    fake.add_group(GROUP, "Petugas Desmigratif Kenanga");
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path())
        .var("ADMIN_IDS", &format!("{OFFICER},{OFFICER_2}"))
        .var("ADMIN_CHAT_ID", &GROUP.to_string());
    let bot = env.start();
    // Until the first check of the group's members, notices there carry no personal data.
    bot.wait_for_log("every member of the officers' group is an officer", WAIT)
        .await;
    // The group chooses to hear of each question at once (by default new ones are told
    // together, at most every 15 minutes), from the inbox's button.
    fake.push_group_text(GROUP, OFFICER, "/pertanyaan");
    let (inbox, each) = button_under(&fake, GROUP, "Kabari tiap pertanyaan").await;
    fake.push_group_callback(GROUP, OFFICER, inbox.message_id, &each);
    button_under(&fake, GROUP, "Kabari tiap 15 menit").await;

    fake.push_text(FAMILY, "/tanya");
    // Not registered: asked for her village; she writes her trouble instead, and is heard.
    wait_for_text(&fake, FAMILY, "Anda dari desa mana").await;
    fake.push_text(
        FAMILY,
        "Suami saya di Malaysia belum digaji tiga bulan. Harus lapor ke mana?",
    );
    wait_for_text(&fake, FAMILY, "sudah kami terima").await;
    let notice = wait_for_text(&fake, GROUP, "belum digaji").await;
    assert!(
        notice.text.as_deref().unwrap().contains("belum mendaftar"),
        "who asked, as far as known"
    );

    // The morning after: the first officer replies to the notice in the group.
    env.wait_until_outbox_settled(WAIT).await;
    fake.push_group_reply(
        GROUP,
        OFFICER,
        notice.message_id,
        "Silakan hubungi BP3MI atau KBRI Kuala Lumpur.",
    );
    let answer = wait_for_text(&fake, FAMILY, "hubungi BP3MI").await;
    wait_for_text(&fake, GROUP, "sudah dikirim").await;
    // The second officer answers the same question: told, and nothing reaches the family.
    let family_messages = fake.sent_to(FAMILY).len();
    fake.push_group_reply(
        GROUP,
        OFFICER_2,
        notice.message_id,
        "Bisa juga lewat Disnaker.",
    );
    wait_for_text(&fake, GROUP, "sudah dijawab").await;
    assert!(!texts(&fake, FAMILY).iter().any(|t| t.contains("Disnaker")));
    assert_eq!(fake.sent_to(FAMILY).len(), family_messages);

    // A follow-up on the same question, answered with /jawab.
    let follow_up = answer
        .buttons()
        .into_iter()
        .find(|b| b.text.contains("Tanya lanjutan"))
        .and_then(|b| b.callback_data)
        .expect("a follow-up button under the answer");
    fake.push_callback(FAMILY, answer.message_id, &follow_up);
    wait_for_text(&fake, FAMILY, "Tulis tambahan").await;
    fake.push_text(FAMILY, "Nomor telepon BP3MI berapa?");
    wait_for_text(&fake, FAMILY, "sudah diteruskan").await;
    let again = wait_for_text(&fake, GROUP, "Nomor telepon BP3MI").await;
    let number: String = again
        .text
        .unwrap()
        .split("no. ")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .unwrap_or_default();
    assert!(
        !number.is_empty(),
        "the notice carries the question's number"
    );
    fake.push_group_text(
        GROUP,
        OFFICER_2,
        &format!("/jawab {number} Telepon 0800-1000, gratis."),
    );
    wait_for_text(&fake, FAMILY, "0800-1000").await;
    bot.stop().await;

    for text in texts(&fake, FAMILY) {
        for officer in ["Bambang", "Wulan", "900", "901"] {
            assert!(
                !text.contains(officer),
                "the family saw an officer's identity: {text}"
            );
        }
    }
}

/// The button under a message with this label, and that message.
async fn button_under(fake: &FakeApi, chat: i64, label: &str) -> (SentMessage, String) {
    fake.wait_for(WAIT, |s| {
        s.sent_to(chat)
            .iter()
            .any(|m| m.buttons().iter().any(|b| b.text.contains(label)))
    })
    .await
    .unwrap_or_else(|e| panic!("no button {label:?} in {chat}: {e:?}"));
    let message = fake
        .sent_to(chat)
        .into_iter()
        .rev()
        .find(|m| m.buttons().iter().any(|b| b.text.contains(label)))
        .unwrap();
    let data = message
        .buttons()
        .into_iter()
        .find(|b| b.text.contains(label))
        .and_then(|b| b.callback_data)
        .unwrap();
    (message, data)
}

/// A prospective worker forwards a job offer to ask whether it is real: one tap sends it, and
/// the officer sees it is a forward and from whom, as Telegram named the sender.
#[tokio::test]
async fn a_forwarded_job_offer_reaches_an_officer_with_its_origin() {
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    fake.add_user(UserSpec::new(FAMILY, "Dedi").language("id"));
    fake.add_user(UserSpec::new(OFFICER, "Bambang").language("id"));
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path()).var("ADMIN_IDS", &OFFICER.to_string());
    let bot = env.start();
    fake.push_forwarded_text(
        FAMILY,
        "Lowongan pabrik di Taiwan, gaji 25 juta, tanpa biaya, berangkat minggu depan. Hubungi 0812-0000-1111",
        "Agen Rahmat",
    );
    let (offer, send) = button_under(&fake, FAMILY, "Kirim ke petugas").await;
    fake.push_callback(FAMILY, offer.message_id, &send);
    // Not registered: asked for the village once, or skipped.
    let (asked, skip) = button_under(&fake, FAMILY, "Lewati").await;
    fake.push_callback(FAMILY, asked.message_id, &skip);
    wait_for_text(&fake, FAMILY, "sudah kami terima").await;
    let notice = wait_for_text(&fake, OFFICER, "gaji 25 juta").await;
    assert!(
        notice
            .text
            .as_deref()
            .unwrap()
            .contains("[↪️ diteruskan dari Agen Rahmat]"),
        "{notice:?}"
    );
    bot.stop().await;
}
