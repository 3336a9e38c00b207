//! Runs the real `desmigratif` binary against the fake Bot API, on a database of the test's.

#![allow(dead_code)]

use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
};

pub struct BotProcess {
    child: Child,
}

#[derive(Clone)]
pub struct BotEnv {
    pub api_url: String,
    pub token: String,
    pub db_path: PathBuf,
    pub extra: Vec<(String, String)>,
}

impl BotEnv {
    pub fn new(api_url: &str, token: &str, dir: &Path) -> BotEnv {
        BotEnv {
            api_url: api_url.to_owned(),
            token: token.to_owned(),
            db_path: dir.join("bot.db"),
            extra: Vec::new(),
        }
    }

    pub fn var(mut self, name: &str, value: &str) -> BotEnv {
        self.extra.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn database_url(&self) -> String {
        format!("sqlite://{}", self.db_path.display())
    }

    /// Starts the bot (long polling).
    pub fn start(&self) -> BotProcess {
        self.start_with(&[])
    }

    /// Starts the binary with a subcommand, such as `["webhook"]`.
    pub fn start_with(&self, args: &[&str]) -> BotProcess {
        let mut command = self.command(args);
        command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(
            if std::env::var("BOT_LOG").is_ok() {
                Stdio::inherit()
            } else {
                Stdio::null()
            },
        );
        BotProcess {
            child: command.spawn().expect("the bot binary starts"),
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

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_desmigratif"));
        command
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("TELOXIDE_TOKEN", &self.token)
            .env("TELOXIDE_API_URL", &self.api_url)
            .env("DATABASE_URL", self.database_url())
            .env(
                "RUST_LOG",
                std::env::var("BOT_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .current_dir(self.db_path.parent().unwrap());
        for (name, value) in &self.extra {
            command.env(name, value);
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

    /// SIGKILL: the process dies on the spot, as in a power cut.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
