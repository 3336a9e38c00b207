//! Runs the real `desmigratif` binary against the fake Bot API, on a database of the test's.

#![allow(dead_code)]

use std::{
    fs::OpenOptions,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
};

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub struct BotProcess {
    child: Child,
    /// Where its log goes (unless `BOT_LOG` sends it to the terminal); shown when a test
    /// fails while the bot runs.
    log: Option<PathBuf>,
}

#[derive(Clone)]
pub struct BotEnv {
    pub api_url: String,
    pub token: String,
    pub db_path: PathBuf,
    pub extra: Vec<(String, String)>,
    /// The CPU to start the bot on (it keeps to the CPU it starts on); `None`: where the
    /// system puts it.
    pub cpu: Option<usize>,
    /// Where the bot's standard error goes; `bot.log` beside the database when `None`.
    pub log_file: Option<PathBuf>,
    /// A limit on open files (soft and hard, so the bot cannot raise it), as `ulimit -n`.
    pub max_open_files: Option<u64>,
}

include!("template.rs");

impl BotEnv {
    /// A bot on a database with the schema and the village list ready, as after its first
    /// start.
    pub fn new(api_url: &str, token: &str, dir: &Path) -> BotEnv {
        let env = BotEnv::new_installation(api_url, token, dir);
        prepared_database(&env.db_path);
        env
    }

    /// A bot that has never run: no database yet.
    pub fn new_installation(api_url: &str, token: &str, dir: &Path) -> BotEnv {
        BotEnv {
            api_url: api_url.to_owned(),
            token: token.to_owned(),
            db_path: dir.join("bot.db"),
            extra: Vec::new(),
            cpu: None,
            log_file: None,
            max_open_files: None,
        }
    }

    /// The bot runs with at most `limit` open files, as under `ulimit -n`.
    pub fn max_open_files(mut self, limit: u64) -> BotEnv {
        self.max_open_files = Some(limit);
        self
    }

    /// The bot's log goes to `path` (when the database's folder is a small disk of its own).
    pub fn log_to(mut self, path: PathBuf) -> BotEnv {
        self.log_file = Some(path);
        self
    }

    pub fn on_cpu(mut self, cpu: Option<usize>) -> BotEnv {
        self.cpu = cpu;
        self
    }

    pub fn var(mut self, name: &str, value: &str) -> BotEnv {
        self.extra.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn database_url(&self) -> String {
        format!("sqlite://{}", self.db_path.display())
    }

    /// Waits until the running bot has written down what became of every message it had to
    /// send. A person answers a message only after it reached them, and by then the bot knows
    /// which Telegram message it became; a test that replies within microseconds of the fake
    /// seeing it must wait for that too.
    pub async fn wait_until_outbox_settled(&self, within: std::time::Duration) {
        let url = format!("{}?mode=ro", self.database_url());
        let pool = sqlx::SqlitePool::connect(&url)
            .await
            .expect("the bot's database");
        let deadline = std::time::Instant::now() + within;
        loop {
            let pending: i64 =
                sqlx::query_scalar("SELECT count(*) FROM outbox WHERE status = 'pending'")
                    .fetch_one(&pool)
                    .await
                    .expect("outbox");
            if pending == 0 {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{pending} messages still pending after {within:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        pool.close().await;
    }

    /// Starts the bot (long polling).
    pub fn start(&self) -> BotProcess {
        self.start_with(&[])
    }

    /// Starts the binary with a subcommand, such as `["webhook"]`.
    pub fn start_with(&self, args: &[&str]) -> BotProcess {
        let mut command = self.command(args);
        command.stdin(Stdio::null()).stdout(Stdio::null());
        let log = if std::env::var("BOT_LOG").is_ok() {
            command.stderr(Stdio::inherit());
            None
        } else {
            let path = self
                .log_file
                .clone()
                .unwrap_or_else(|| self.db_path.with_file_name("bot.log"));
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .expect("the bot's log file");
            command.stderr(file);
            Some(path)
        };
        // A child starts with the affinity of the thread that spawns it.
        let child = match self.cpu {
            None => command.spawn(),
            Some(cpu) => std::thread::scope(|scope| {
                scope
                    .spawn(|| {
                        core_affinity::set_for_current(core_affinity::CoreId { id: cpu });
                        command.spawn()
                    })
                    .join()
                    .expect("spawning thread")
            }),
        };
        BotProcess {
            child: child.expect("the bot binary starts"),
            log,
        }
    }

    /// Starts the bot with both its standard output and its standard error going to `path`
    /// (`/dev/full`: a disk with no room for a single log line).
    pub fn start_writing_to(&self, path: &Path) -> BotProcess {
        let mut command = self.command(&[]);
        let out = OpenOptions::new()
            .write(true)
            .open(path)
            .expect("the output file");
        command
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("the output file"))
            .stderr(out);
        BotProcess {
            child: command.spawn().expect("the bot binary starts"),
            log: None,
        }
    }

    /// Runs a tool to its end (`["backup", FILE]`, `["check"]`), capturing what it prints.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("the bot binary runs")
    }

    /// Like `run`, off the async runtime, which keeps serving the test's other tasks (the
    /// fake Bot API).
    pub async fn run_beside(&self, args: &[&str]) -> std::process::Output {
        let env = self.clone();
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        tokio::task::spawn_blocking(move || {
            env.run(&args.iter().map(String::as_str).collect::<Vec<_>>())
        })
        .await
        .unwrap()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_desmigratif"));
        command
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("TELOXIDE_TOKEN", &self.token)
            .env("TELOXIDE_API_URL", &self.api_url)
            .env("DATABASE_URL", self.database_url())
            // Tests that want the console set CONSOLE_LISTEN to a free port of their own.
            .env("CONSOLE_LISTEN", "off")
            .env(
                "RUST_LOG",
                std::env::var("BOT_LOG").unwrap_or_else(|_| "info".into()),
            )
            .current_dir(self.db_path.parent().unwrap());
        for (name, value) in &self.extra {
            command.env(name, value);
        }
        if let Some(limit) = self.max_open_files {
            use std::os::unix::process::CommandExt;
            // SAFETY: setrlimit is async-signal-safe and touches only the child.
            unsafe {
                command.pre_exec(move || {
                    let limit = libc::rlimit {
                        rlim_cur: limit,
                        rlim_max: limit,
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                        Ok(())
                    } else {
                        Err(std::io::Error::last_os_error())
                    }
                });
            }
        }
        command
    }
}

impl BotProcess {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM, as systemd sends it, and waits for a clean exit. The wait runs off the async
    /// runtime: the fake Bot API in the same test must keep answering the bot's last calls.
    pub async fn stop(self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let mut this = self;
        tokio::task::spawn_blocking(move || this.child.wait().expect("the bot exits"))
            .await
            .unwrap()
    }

    /// Waits up to `within` for the process to end by itself.
    pub async fn wait_exit(
        &mut self,
        within: std::time::Duration,
    ) -> Option<std::process::ExitStatus> {
        let deadline = std::time::Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("the bot's status") {
                return Some(status);
            }
            if std::time::Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Waits until the bot's log says `what` (`within` is a safety net, not a measure).
    pub async fn wait_for_log(&self, what: &str, within: std::time::Duration) {
        let deadline = std::time::Instant::now() + within;
        while !self.log().contains(what) {
            assert!(
                std::time::Instant::now() < deadline,
                "the bot never logged {what:?}:\n{}",
                self.log()
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// What the bot has logged so far.
    pub fn log(&self) -> String {
        self.log
            .as_ref()
            .and_then(|path| std::fs::read_to_string(path).ok())
            .unwrap_or_default()
    }

    /// SIGKILL: the process dies on the spot, as in a power cut.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        if std::thread::panicking() {
            // The test failed while this bot ran: say how the bot was doing.
            let status = self.child.try_wait();
            let log = self
                .log
                .as_ref()
                .and_then(|path| std::fs::read_to_string(path).ok())
                .unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            eprintln!(
                "bot process {} (exited: {status:?}); the end of its log:",
                self.child.id()
            );
            for line in tail.iter().rev() {
                eprintln!("  {line}");
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The bot's database for a test to look at and seed, as an operator's `sqlite3` would, with
/// the schema brought up to date first (as the bot does when it starts).
pub async fn database(url: &str) -> sqlx::SqlitePool {
    desmigratif::store::open(url).await.unwrap().close().await;
    sqlx::SqlitePool::connect(url).await.unwrap()
}

/// A database file opened read-only, as a tool beside the bot would.
pub async fn read_only(file: &std::path::Path) -> sqlx::SqliteConnection {
    use sqlx::ConnectOptions;
    sqlx::sqlite::SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
        .unwrap()
}
