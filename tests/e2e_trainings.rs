//! The real binary against the fake Bot API: an officer sends the season's trainings as a CSV
//! file, the bot downloads and imports it; a returnee's file is not even downloaded.

#[path = "support/bot_process.rs"]
mod bot_process;
use fake_bot_api as fake_api;

use std::time::Duration;

use bot_process::BotEnv;
use desmigratif::engine::{Action, trainings::TrainingAction};
use fake_api::{FakeApi, TOKEN, UserSpec};

/// A safety net for waiting on the bot, never a measure of its speed.
const WAIT: Duration = Duration::from_secs(20);
const OFFICER: i64 = 900;
const RETURNEE: i64 = 1001;

const SEASON: &str = "\u{FEFF}title_id,title_en,category,starts_at,location,capacity,description_id,description_en\r\n\
Pelatihan Kewirausahaan,Entrepreneurship Training,business,2036-01-10 09:00,Balai Desa,25,Belajar menyusun rencana usaha.,Learn to write a business plan.\r\n\
Literasi Keuangan,Financial Literacy,finance,2036-01-17 13:30,Aula Desa,30,Mengatur kiriman uang dan menabung.,Managing remittances and saving.\r\n";

async fn trainings(database_url: &str) -> i64 {
    let pool = bot_process::database(database_url).await;
    let count = sqlx::query_scalar("SELECT count(*) FROM trainings")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    count
}

#[tokio::test]
async fn an_officers_csv_file_is_downloaded_and_imported() {
    let fake = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path()).var("ADMIN_IDS", &OFFICER.to_string());
    fake.add_user(UserSpec::new(OFFICER, "Petugas").language("id"));
    fake.add_user(UserSpec::new(RETURNEE, "Siti").language("id"));
    let bot = env.start();

    fake.push_document(RETURNEE, "pelatihan.csv", "text/csv", SEASON.as_bytes());
    fake.wait_until_sent_to(RETURNEE, 1, WAIT).await.unwrap();
    fake.push_document(OFFICER, "pelatihan.csv", "text/csv", SEASON.as_bytes());
    fake.wait_until_sent_to(OFFICER, 1, WAIT).await.unwrap();

    assert_eq!(
        fake.calls_to("getFile").len(),
        1,
        "only the officer's file is fetched"
    );
    assert_eq!(trainings(&env.database_url()).await, 2);
    // The answer leads to the list of what was imported.
    let list = Action::Training(TrainingAction::List { page: 1 }).encode();
    assert!(
        fake.buttons(OFFICER)
            .iter()
            .any(|b| b.callback_data.as_deref() == Some(list.as_str()))
    );
    assert_eq!(bot.stop().await.code(), Some(0));
}
