//! An officer's announcement to everyone through the fake Bot API, step by step as a person
//! presses the buttons, and the measure of its pace. Shared by tests and the benchmark; include
//! it with `#[path = "support/announce.rs"] mod announce;` next to `use fake_bot_api as fake_api;`.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use crate::fake_api::FakeApi;

/// Sends a text and waits for the bot's answer to it.
pub async fn say(fake: &FakeApi, chat: i64, text: &str, wait: Duration) {
    let count = fake.with_state(|s| s.sent_to(chat).len());
    fake.push_text(chat, text);
    fake.wait_for(wait, |s| s.sent_to(chat).len() > count)
        .await
        .unwrap_or_else(|e| panic!("no answer to {text:?}: {e}"));
}

/// Presses the newest button whose label contains `label` and waits for the answer.
pub async fn press(fake: &FakeApi, chat: i64, label: &str, wait: Duration) {
    let count = fake.with_state(|s| s.sent_to(chat).len());
    let (message_id, data) = fake
        .sent_to(chat)
        .iter()
        .rev()
        .find_map(|m| {
            m.buttons()
                .into_iter()
                .find(|b| b.text.contains(label))
                .and_then(|b| b.callback_data)
                .map(|d| (m.message_id, d))
        })
        .unwrap_or_else(|| panic!("no button {label:?}"));
    fake.push_callback(chat, message_id, &data);
    fake.wait_for(wait, |s| s.sent_to(chat).len() > count)
        .await
        .unwrap_or_else(|e| panic!("no answer to {label:?}: {e}"));
}

/// An officer (Indonesian Telegram) writes `text` for all users, without a photo, to go now,
/// and confirms it; returns the moment of confirming.
pub async fn to_everyone(fake: &FakeApi, officer: i64, text: &str, wait: Duration) -> Instant {
    say(fake, officer, "/start", wait).await;
    say(fake, officer, "/umumkan", wait).await;
    say(fake, officer, text, wait).await;
    press(fake, officer, "Lewati", wait).await;
    press(fake, officer, "Semua pengguna", wait).await;
    press(fake, officer, "Sekarang", wait).await;
    fake.wait_for(wait, |s| {
        s.sent_to(officer)
            .iter()
            .any(|m| m.buttons().iter().any(|b| b.text.contains("Kirim ke")))
    })
    .await
    .expect("the preview with its send button");
    let confirmed = Instant::now();
    press(fake, officer, "Kirim ke", wait).await;
    confirmed
}

/// Waits for the officer's final report of an (Indonesian) announcement.
pub async fn wait_for_report(fake: &FakeApi, officer: i64, wait: Duration) {
    fake.wait_for(wait, |s| {
        s.sent_to(officer)
            .iter()
            .any(|m| m.text.as_deref().is_some_and(|t| t.contains("selesai")))
    })
    .await
    .expect("the announcement's final report");
}

/// The most events in any one-second window (times sorted).
pub fn busiest_second(times: &[Instant]) -> usize {
    let mut busiest = 0;
    let mut start = 0;
    for end in 0..times.len() {
        while times[end].duration_since(times[start]) >= Duration::from_secs(1) {
            start += 1;
        }
        busiest = busiest.max(end - start + 1);
    }
    busiest
}
