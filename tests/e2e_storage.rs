//! The storage core against the real binary: a disk that fills and frees, a stop while the
//! database fails, two bots on one file, and output that cannot be written.
//!
//! A full disk is a real one: a small tmpfs mounted for the test (the tests run as root, as
//! CI does), filled with a file until nothing more fits, and freed by deleting it.

#[path = "support/bot_process.rs"]
mod bot_process;
#[path = "support/seed.rs"]
mod seed;
use fake_bot_api as fake_api;

use std::{
    io::Write,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use bot_process::{BotEnv, BotProcess};
use fake_api::{FakeApi, TOKEN, UserSpec};

/// A safety net for waiting on the bot, never a measure of its speed.
const WAIT: Duration = Duration::from_secs(20);

/// A tmpfs of a few megabytes, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
    filler: PathBuf,
}

impl SmallDisk {
    fn mount() -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
            .arg(dir.path())
            .status()
            .expect("mount runs");
        assert!(
            status.success(),
            "mounting a tmpfs failed: these tests need root (as CI has) to make a real full disk"
        );
        let filler = dir.path().join("filler");
        SmallDisk { dir, filler }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file until the disk has no room left.
    fn fill(&self) {
        let mut file = std::fs::File::create(&self.filler).unwrap();
        let block = vec![0u8; 64 * 1024];
        loop {
            if file.write_all(&block).is_err() {
                break;
            }
        }
        // The last bytes: whatever page-sized room is left.
        let small = [0u8; 512];
        while file.write_all(&small).is_ok() {}
        let _ = file.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(&self.filler).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

struct World {
    fake: FakeApi,
    env: BotEnv,
}

async fn world(dir: &Path) -> World {
    let fake = FakeApi::start().await;
    let env = BotEnv::new(&fake.url(), TOKEN, dir).var("ADMIN_IDS", "900");
    for (id, name) in [(1, "Siti"), (2, "Budi"), (3, "Ani")] {
        fake.add_user(UserSpec::new(id, name).language("id"));
    }
    World { fake, env }
}

/// Waits until the bot's log says `what`.
async fn wait_for_log(bot: &BotProcess, what: &str) {
    bot.wait_for_log(what, WAIT).await
}

#[tokio::test]
async fn a_full_disk_loses_nothing_and_everything_goes_out_once_it_is_freed() {
    let OnSmallDisk {
        disk,
        w,
        log_dir: _log_dir,
        env,
        bot,
    } = on_small_disk().await;

    // An announcement scheduled for a few seconds from now, to fall inside the outage.
    let pool = sqlx::SqlitePool::connect(&env.database_url())
        .await
        .unwrap();
    let send_at = chrono::Utc::now().timestamp() + 2;
    seed::announcement_to_everyone(&pool, 900, "Pelatihan menjahit dibuka.", send_at).await;
    pool.close().await;

    disk.fill();
    for user in [2, 3] {
        w.fake.push_text(user, "/start");
    }
    wait_for_log(&bot, "could not handle an update").await;
    // Wait out the announcement's time, so that it is due while nothing can be written.
    while chrono::Utc::now().timestamp() <= send_at {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        w.fake.sent_to(2).is_empty(),
        "nothing was recorded, so nothing is sent"
    );

    disk.free();
    // No restart: the waiting updates are handled, their replies sent, the announcement goes.
    for user in [2, 3] {
        w.fake.wait_until_sent_to(user, 1, WAIT).await.unwrap();
    }
    let deadline = Instant::now() + WAIT;
    while !w
        .fake
        .sent_to(1)
        .iter()
        .any(|m| m.text.as_deref() == Some("Pelatihan menjahit dibuka."))
    {
        assert!(
            Instant::now() < deadline,
            "the scheduled announcement never went out; user 1 got {:?}",
            w.fake
                .sent_to(1)
                .iter()
                .map(|m| m.text.clone())
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let status = bot.stop().await;
    assert!(status.success(), "{status:?}");
}

#[tokio::test]
async fn a_stop_while_the_database_fails_confirms_nothing_unhandled_and_takes_under_three_seconds()
{
    let OnSmallDisk {
        disk,
        w,
        log_dir,
        env,
        bot,
    } = on_small_disk().await;

    disk.fill();
    let unhandled: Vec<i64> = [2, 3, 2]
        .iter()
        .map(|u| w.fake.push_text(*u, "halo"))
        .collect();
    wait_for_log(&bot, "could not handle an update").await;
    // Telegram answers the next sends with a server error (teloxide then waits 10 s before it
    // even reads the answer).
    w.fake.fail_next(4, fake_api::Fault::ServerError(500));

    let asked = Instant::now();
    let status = bot.stop().await;
    let took = asked.elapsed();
    assert!(status.success(), "{status:?}");
    assert!(took < Duration::from_secs(3), "the stop took {took:?}");
    for id in &unhandled {
        assert!(
            !w.fake.with_state(|s| s.is_confirmed(*id)),
            "update {id} was confirmed to Telegram but never handled"
        );
    }

    // With room again, the next start handles them (Telegram may still be failing sends).
    disk.free();
    let bot = start_logging_to(&env, log_dir.path());
    let pool = sqlx::SqlitePool::connect(&env.database_url())
        .await
        .unwrap();
    let deadline = Instant::now() + WAIT;
    loop {
        let handled: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM processed_updates WHERE update_id IN ({})",
            unhandled
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .fetch_one(&pool)
        .await
        .unwrap();
        if handled == unhandled.len() as i64 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the next start never handled them"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    pool.close().await;
    bot.stop().await;
}

/// A bot whose database is on a [`SmallDisk`] (its log elsewhere: the disk is for the
/// database alone), running and past its first reply.
struct OnSmallDisk {
    disk: SmallDisk,
    w: World,
    log_dir: tempfile::TempDir,
    env: BotEnv,
    bot: BotProcess,
}

async fn on_small_disk() -> OnSmallDisk {
    let disk = SmallDisk::mount();
    let w = world(disk.path()).await;
    let log_dir = tempfile::tempdir().unwrap();
    let env = BotEnv {
        db_path: disk.path().join("bot.db"),
        ..w.env.clone()
    };
    let bot = start_logging_to(&env, log_dir.path());
    w.fake.push_text(1, "/start");
    w.fake.wait_until_sent_to(1, 1, WAIT).await.unwrap();
    OnSmallDisk {
        disk,
        w,
        log_dir,
        env,
        bot,
    }
}

fn start_logging_to(env: &BotEnv, dir: &Path) -> BotProcess {
    env.clone().log_to(dir.join("bot.log")).start()
}

#[tokio::test]
async fn a_second_bot_on_the_same_database_refuses_to_start_and_says_who_runs() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(dir.path()).await;
    let first = w.env.start();
    w.fake.push_text(1, "/start");
    w.fake.wait_until_sent_to(1, 1, WAIT).await.unwrap();

    let second = w.env.run(&[]);
    assert_eq!(second.status.code(), Some(1), "{second:?}");
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(
        said.contains("another desmigratif is running")
            && said.contains(&format!("pid {}", first.pid())),
        "{said}"
    );
    // The tools still work beside the running bot.
    let backup = dir.path().join("copy.db");
    let copied = w.env.run(&["backup", backup.to_str().unwrap()]);
    assert!(copied.status.success(), "{copied:?}");
    // Only one bot answered.
    w.fake.push_text(2, "/start");
    w.fake.wait_until_sent_to(2, 1, WAIT).await.unwrap();
    let status = first.stop().await;
    assert!(status.success());
    assert_eq!(
        w.fake.sent_to(1).len(),
        w.fake.sent_to(2).len(),
        "each got one welcome"
    );

    // Once the first has stopped, a new one starts.
    let again = w.env.start();
    w.fake.push_text(3, "/start");
    w.fake.wait_until_sent_to(3, 1, WAIT).await.unwrap();
    assert!(again.stop().await.success());
}

#[tokio::test]
async fn output_that_cannot_be_written_never_stops_the_bot() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(dir.path()).await;
    // Every write to /dev/full fails with "no space left on device".
    let mut bot = w.env.start_writing_to(Path::new("/dev/full"));
    for user in [1, 2, 3] {
        w.fake.push_text(user, "/start");
        w.fake.wait_until_sent_to(user, 1, WAIT).await.unwrap();
    }
    assert_eq!(
        bot.wait_exit(Duration::from_millis(200)).await,
        None,
        "still running"
    );
    let status = bot.stop().await;
    assert!(status.success(), "{status:?}");
}

/// A database with people in it, left by a bot that stopped cleanly (nothing in its log).
async fn a_used_database(w: &World) {
    let bot = w.env.start();
    for user in [1, 2, 3] {
        w.fake.push_text(user, "/start");
        w.fake.wait_until_sent_to(user, 1, WAIT).await.unwrap();
    }
    assert!(bot.stop().await.success());
}

/// Starts the bot and waits for it to give up: its status and what it said.
async fn refused_start(env: &BotEnv) -> (std::process::ExitStatus, String) {
    let output = env.run_beside(&[]).await;
    (
        output.status,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[tokio::test]
async fn a_damaged_database_is_found_at_start_and_the_bot_refuses_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(dir.path()).await;
    a_used_database(&w).await;
    // Scribble over the middle of every page after the first (the header stays readable, so
    // SQLite opens the file and only a check finds the damage).
    let file = dir.path().join("bot.db");
    let mut bytes = std::fs::read(&file).unwrap();
    let page = 4096;
    assert!(bytes.len() > 3 * page, "a few pages");
    for start in (page..bytes.len()).step_by(page) {
        for b in &mut bytes[start + 16..start + 200] {
            *b = 0xA5;
        }
    }
    std::fs::write(&file, bytes).unwrap();

    let asked_before = w.fake.calls_to("getMe").len();
    let (status, said) = refused_start(&w.env).await;
    assert_eq!(status.code(), Some(1), "{said}");
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert!(
        said.contains("DATABASE_URL") && said.contains("damaged") && said.contains("backup"),
        "{said}"
    );
    assert_eq!(
        w.fake.calls_to("getMe").len(),
        asked_before,
        "it stopped before reaching Telegram"
    );
}

#[tokio::test]
async fn a_database_that_cannot_be_written_is_found_at_start() {
    let OnSmallDisk {
        disk,
        w: _w,
        log_dir: _log_dir,
        env,
        bot,
    } = on_small_disk().await;
    assert!(bot.stop().await.success());
    // As root (CI) file permissions do not stop a write; a read-only mount does.
    let remounted = std::process::Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(disk.path())
        .status()
        .unwrap();
    assert!(remounted.success());

    let (status, said) = refused_start(&env).await;
    assert_eq!(status.code(), Some(1), "{said}");
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert!(said.contains("DATABASE_URL"), "{said}");
    let lower = said.to_lowercase();
    assert!(
        lower.contains("cannot be written") || lower.contains("read-only"),
        "{said}"
    );
}

/// An export is written to a file beside the database while it is made, sent from there, and
/// deleted once Telegram has it; a file that a stopped bot left there is removed at start.
#[tokio::test]
async fn an_export_is_sent_from_a_file_that_is_gone_once_sent() {
    const ADMIN: i64 = 900;
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeApi::start().await;
    fake.add_user(UserSpec::new(ADMIN, "Petugas").language("id"));
    let env = BotEnv::new(&fake.url(), TOKEN, dir.path()).var("ADMIN_IDS", &ADMIN.to_string());
    let pool = sqlx::SqlitePool::connect(&env.database_url())
        .await
        .unwrap();
    for (id, name) in [(11, "Siti Aminah"), (12, "Dewi Lestari")] {
        let profile = seed::Profile {
            name,
            ..Default::default()
        };
        seed::registered(&pool, id, "id", &profile).await;
    }
    pool.close().await;
    let mut exports = env.db_path.clone().into_os_string();
    exports.push("-exports");
    let exports = PathBuf::from(exports);
    std::fs::create_dir_all(&exports).unwrap();
    std::fs::write(
        exports.join(".tmpLeft"),
        "user_id,full_name\n11,Siti Aminah\n",
    )
    .unwrap();

    let bot = env.start();
    fake.push_text(ADMIN, "/ekspor");
    fake.wait_for(WAIT, |s| {
        s.sent_to(ADMIN).iter().any(|m| !m.buttons().is_empty())
    })
    .await
    .expect("the export menu");
    assert_eq!(
        std::fs::read_dir(&exports).unwrap().count(),
        0,
        "what a stopped bot left is gone"
    );
    let data = fake
        .button_data(ADMIN, "📄 Warga terdaftar")
        .expect("the button");
    let menu = fake.last_bot_message(ADMIN).unwrap()["message_id"]
        .as_i64()
        .unwrap();
    fake.push_callback(ADMIN, i32::try_from(menu).unwrap(), &data);
    fake.wait_for(WAIT, |s| {
        s.sent_to(ADMIN).iter().any(|m| m.method == "sendDocument")
    })
    .await
    .expect("the file comes");
    let sent = fake
        .sent_to(ADMIN)
        .into_iter()
        .find(|m| m.method == "sendDocument")
        .unwrap();
    let document = &sent.message["document"];
    assert!(
        document["file_name"]
            .as_str()
            .unwrap()
            .starts_with("desmigratif-registrations-")
    );
    let bytes = fake
        .file_bytes(document["file_id"].as_str().unwrap())
        .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    assert!(text.contains("Siti Aminah") && text.contains("Dewi Lestari"));
    assert_eq!(text.lines().count(), 3, "the header and both people");
    env.wait_until_outbox_settled(WAIT).await;
    assert_eq!(
        std::fs::read_dir(&exports).unwrap().count(),
        0,
        "no copy of people's data stays on the disk"
    );
    bot.stop().await;
}
