//! Configuration from environment variables (and a `.env` file), as PRODUCT.md fixes them.
//!
//! Every value is checked here, once, so that a bad value stops start-up with one line that
//! names the variable and says what was expected. The token is never echoed back.

use std::collections::BTreeSet;

use chrono::TimeDelta;
use chrono_tz::Tz;

use crate::domain::Language;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://desmigratif.db";
pub const DEFAULT_BROADCAST_RATE: u32 = 25;
/// Telegram's paid broadcasts go up to 1000 messages a second; nothing faster makes sense.
pub const MAX_BROADCAST_RATE: u32 = 1000;
/// The port webhook mode listens on: one of the four Telegram can deliver to directly.
pub const DEFAULT_PORT: u16 = 8443;
pub const DEFAULT_REMINDER_OFFSETS: &str = "24h,2h";
/// A reminder earlier than this before a training would be forgotten by the time it starts.
pub const MAX_REMINDER_OFFSET_DAYS: i64 = 30;

#[derive(Clone, Debug)]
pub struct Config {
    /// `TELOXIDE_TOKEN`; required only by the Telegram modes.
    pub token: Option<Token>,
    /// `TELOXIDE_API_URL`: a local Bot API server or a test server.
    pub api_url: Option<url::Url>,
    pub database_url: String,
    pub admin_ids: BTreeSet<i64>,
    pub admin_chat_id: Option<i64>,
    pub default_language: Language,
    pub timezone: Tz,
    pub broadcast_rate: u32,
    /// `PORT`: the port webhook mode listens on, unless `WEBHOOK_LISTEN` names one.
    pub port: u16,
    /// `WEBHOOK_LISTEN`: the address webhook mode listens on; by default this machine only
    /// (`127.0.0.1`), for the reverse proxy in front of it.
    pub webhook_listen: std::net::SocketAddr,
    /// `WEBHOOK_URL`: the public https address Telegram posts updates to; required only by
    /// webhook mode.
    pub webhook_url: Option<url::Url>,
    /// `WEBHOOK_SECRET`; webhook mode generates one when it is not set.
    pub webhook_secret: Option<WebhookSecret>,
    /// `LOG_FORMAT`: read by `main` before anything else; checked here with the rest.
    pub log_format: LogFormat,
    /// `REMINDER_OFFSETS`: how long before a training its participants are reminded, longest
    /// first; empty when reminders are off.
    pub reminder_offsets: Vec<TimeDelta>,
    /// `DATABASE_GIVE_UP_AFTER`: how long the database may refuse every write before the bot
    /// exits (with a non-zero status, so that systemd or Docker start it again).
    pub database_give_up_after: std::time::Duration,
    /// `ESCALATE_AFTER`: how long a question or application waits for someone at one level
    /// (the village's officers, the regency's coordinators) to take it before it goes up.
    pub escalate_after: TimeDelta,
    /// `CONSOLE_LISTEN`: where the web console listens (`None`: `off`); by default this
    /// machine only, for the reverse proxy in front of it.
    pub console_listen: Option<std::net::SocketAddr>,
    /// `CONSOLE_URL`: the console's address as officers' browsers reach it, which log-in
    /// links point to; by default `http://` and the listen address.
    pub console_url: url::Url,
}

/// Where the console listens when `CONSOLE_LISTEN` is not set.
pub const DEFAULT_CONSOLE_LISTEN: ([u8; 4], u16) = ([127, 0, 0, 1], 8080);

/// Default for `ESCALATE_AFTER`.
pub const DEFAULT_ESCALATE_AFTER: TimeDelta = TimeDelta::hours(24);

/// Default for `DATABASE_GIVE_UP_AFTER`.
pub const DEFAULT_DATABASE_GIVE_UP_AFTER: std::time::Duration =
    std::time::Duration::from_secs(5 * 60);

/// The bot token. Its `Debug` shows only the bot id, so it cannot leak into a log.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let bot_id = self.0.split(':').next().unwrap_or("?");
        write!(f, "Token({bot_id}:***)")
    }
}

/// The secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` with every webhook
/// delivery: 1 to 256 of `A-Z a-z 0-9 _ -`. Its `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(String);

impl WebhookSecret {
    pub const MAX_LEN: usize = 256;
    /// Length of a generated secret: 64 characters of a 64-character alphabet, 384 bits.
    const GENERATED_LEN: usize = 64;

    /// Checks a secret; `None` when it is empty, too long or has other characters.
    pub fn parse(value: &str) -> Option<WebhookSecret> {
        let valid = (1..=Self::MAX_LEN).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        valid.then(|| WebhookSecret(value.to_owned()))
    }

    /// A new random secret from the operating system's random source.
    pub fn generate() -> Result<WebhookSecret, getrandom::Error> {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        let mut bytes = [0u8; Self::GENERATED_LEN];
        getrandom::fill(&mut bytes)?;
        Ok(WebhookSecret(
            bytes
                .iter()
                .map(|b| char::from(ALPHABET[usize::from(b & 63)]))
                .collect(),
        ))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(***)")
    }
}

/// How log lines are written (`LOG_FORMAT`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    /// One readable line per event (the default).
    #[default]
    Text,
    /// One JSON object per line, for journald exports and log collectors.
    Json,
}

impl LogFormat {
    /// Parses `text` or `json` (any case, surrounding spaces ignored).
    pub fn parse(value: &str) -> Option<LogFormat> {
        match value.trim().to_ascii_lowercase().as_str() {
            "text" => Some(LogFormat::Text),
            "json" => Some(LogFormat::Json),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{variable}: {problem}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub problem: String,
}

impl ConfigError {
    pub fn new(variable: &'static str, problem: impl Into<String>) -> Self {
        ConfigError {
            variable,
            problem: problem.into(),
        }
    }

    fn expected(variable: &'static str, expected: &str, got: &str) -> Self {
        ConfigError::new(variable, format!("expected {expected}, got {got:?}"))
    }
}

/// Collects the problems while every variable is read, so `check` can name them all.
struct Problems(Vec<ConfigError>);

impl Problems {
    /// The value, or `fallback` with the problem noted.
    fn or<T>(&mut self, value: Result<T, ConfigError>, fallback: T) -> T {
        value.unwrap_or_else(|problem| {
            self.0.push(problem);
            fallback
        })
    }

    /// A variable with a default: `parse`d when set, the default when unset or bad (noted).
    fn read<T: Clone>(
        &mut self,
        value: Option<String>,
        variable: &'static str,
        default: T,
        expected: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> T {
        match value {
            None => default,
            Some(v) => {
                let parsed = parse(&v).ok_or_else(|| ConfigError::expected(variable, expected, &v));
                self.or(parsed, default)
            }
        }
    }
}

impl Config {
    /// Reads the process environment, after loading `.env` from the working directory if
    /// there is one (variables already set win over the file).
    pub fn from_env() -> Result<Config, ConfigError> {
        load_dotenv()?;
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`Config::from_env`], but reads every variable and returns every problem (for
    /// `desmigratif check`); a variable with a problem has its default in the `Config`.
    pub fn read_env() -> (Config, Vec<ConfigError>) {
        let dotenv = load_dotenv().err();
        let (config, mut problems) = Config::read_lookup(|name| std::env::var(name).ok());
        problems.splice(0..0, dotenv);
        (config, problems)
    }

    /// Builds the configuration from any lookup, so tests need not touch the environment.
    /// Fails with the first problem.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let (config, problems) = Config::read_lookup(lookup);
        match problems.into_iter().next() {
            None => Ok(config),
            Some(problem) => Err(problem),
        }
    }

    /// Reads every variable; each bad one is replaced by its default and listed.
    pub fn read_lookup(lookup: impl Fn(&str) -> Option<String>) -> (Config, Vec<ConfigError>) {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut problems = Problems(Vec::new());

        let token = problems.or(get("TELOXIDE_TOKEN").map(parse_token).transpose(), None);
        let api_url = get("TELOXIDE_API_URL")
            .map(|v| {
                url::Url::parse(&v)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https"))
                    .ok_or_else(|| ConfigError::expected("TELOXIDE_API_URL", "an http(s) URL", &v))
            })
            .transpose();
        let api_url = problems.or(api_url, None);
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        let database_url = if database_url.starts_with("sqlite:") {
            database_url
        } else {
            problems.0.push(ConfigError::expected(
                "DATABASE_URL",
                "a SQLite URL such as sqlite://desmigratif.db",
                &database_url,
            ));
            DEFAULT_DATABASE_URL.into()
        };
        let admin_ids = match get("ADMIN_IDS") {
            None => BTreeSet::new(),
            Some(v) => problems.or(parse_admin_ids(&v), BTreeSet::new()),
        };
        // Groups have negative ids; a positive one is a person's private chat, which
        // `ADMIN_IDS` is for.
        let admin_chat_id = get("ADMIN_CHAT_ID")
            .map(|v| {
                v.parse::<i64>().ok().filter(|id| *id < 0).ok_or_else(|| {
                    ConfigError::expected(
                        "ADMIN_CHAT_ID",
                        "a group's chat id, which is negative, such as -1001234567890 (officers' own ids go in ADMIN_IDS)",
                        &v,
                    )
                })
            })
            .transpose();
        let admin_chat_id = problems.or(admin_chat_id, None);
        let default_language = problems.read(
            get("DEFAULT_LANGUAGE"),
            "DEFAULT_LANGUAGE",
            Language::Id,
            "id or en",
            Language::parse,
        );
        let timezone = problems.read(
            get("TIMEZONE"),
            "TIMEZONE",
            chrono_tz::Asia::Jakarta,
            "an IANA time zone name such as Asia/Jakarta",
            |v| v.parse::<Tz>().ok(),
        );
        let broadcast_rate = problems.read(
            get("BROADCAST_RATE"),
            "BROADCAST_RATE",
            DEFAULT_BROADCAST_RATE,
            &format!("messages per second, a whole number from 1 to {MAX_BROADCAST_RATE}"),
            |v| {
                v.parse::<u32>()
                    .ok()
                    .filter(|r| (1..=MAX_BROADCAST_RATE).contains(r))
            },
        );
        let port = problems.read(
            get("PORT"),
            "PORT",
            DEFAULT_PORT,
            "a port number from 1 to 65535",
            |v| v.parse::<u16>().ok().filter(|p| *p != 0),
        );
        let port_set = get("PORT").is_some();
        let webhook_listen = get("WEBHOOK_LISTEN")
            .map(|v| parse_listen(&v, port, port_set))
            .transpose();
        let webhook_listen = problems
            .or(webhook_listen, None)
            .unwrap_or_else(|| std::net::SocketAddr::from((DEFAULT_LISTEN_HOST, port)));
        let webhook_url = get("WEBHOOK_URL")
            .map(|v| parse_webhook_url(&v, token.as_ref()))
            .transpose();
        let webhook_url = problems.or(webhook_url, None);
        let webhook_secret = get("WEBHOOK_SECRET")
            .map(|v| {
                // Never echo the value: it is a credential.
                WebhookSecret::parse(&v).ok_or_else(|| {
                    ConfigError::new(
                        "WEBHOOK_SECRET",
                        "expected 1 to 256 characters of A-Z, a-z, 0-9, _ and - (or leave it unset to have one generated at each start)",
                    )
                })
            })
            .transpose();
        let webhook_secret = problems.or(webhook_secret, None);
        let log_format = problems.read(
            get("LOG_FORMAT"),
            "LOG_FORMAT",
            LogFormat::Text,
            "text or json",
            LogFormat::parse,
        );
        let default_offsets = parse_reminder_offsets(DEFAULT_REMINDER_OFFSETS).unwrap_or_default();
        let reminder_offsets = match get("REMINDER_OFFSETS") {
            None => default_offsets,
            Some(v) => problems.or(parse_reminder_offsets(&v), default_offsets),
        };
        let database_give_up_after = problems.read(
            get("DATABASE_GIVE_UP_AFTER"),
            "DATABASE_GIVE_UP_AFTER",
            DEFAULT_DATABASE_GIVE_UP_AFTER,
            "a time from 10s to 24h such as 5m (s, m or h)",
            parse_give_up_after,
        );
        let escalate_after = problems.read(
            get("ESCALATE_AFTER"),
            "ESCALATE_AFTER",
            DEFAULT_ESCALATE_AFTER,
            "a time from 10m to 30d such as 24h (m, h or d)",
            parse_escalate_after,
        );
        let console_listen = match get("CONSOLE_LISTEN") {
            None => Some(std::net::SocketAddr::from(DEFAULT_CONSOLE_LISTEN)),
            Some(v) => problems.or(parse_console_listen(&v), None),
        };
        let console_url = get("CONSOLE_URL")
            .map(|v| parse_console_url(&v))
            .transpose();
        let console_url = problems
            .or(console_url, None)
            .unwrap_or_else(|| console_url_for(console_listen));
        let config = Config {
            token,
            api_url,
            database_url,
            admin_ids,
            admin_chat_id,
            default_language,
            timezone,
            broadcast_rate,
            port,
            webhook_listen,
            webhook_url,
            webhook_secret,
            log_format,
            reminder_offsets,
            database_give_up_after,
            escalate_after,
            console_listen,
            console_url,
        };
        (config, problems.0)
    }

    /// The token, or the error that says it is missing.
    pub fn require_token(&self) -> Result<&Token, ConfigError> {
        self.token.as_ref().ok_or_else(|| {
            ConfigError::new(
                "TELOXIDE_TOKEN",
                "missing: set it to the token @BotFather gave you (or put it in .env)",
            )
        })
    }

    /// The webhook address, or the error that says webhook mode needs it.
    pub fn require_webhook_url(&self) -> Result<&url::Url, ConfigError> {
        self.webhook_url.as_ref().ok_or_else(|| {
            ConfigError::new(
                "WEBHOOK_URL",
                "missing: webhook mode needs the public https address Telegram sends updates to, such as https://bot.example.org/telegram",
            )
        })
    }
}

/// Reads `.env` from the working directory into the environment, if there is one.
pub fn load_dotenv() -> Result<(), ConfigError> {
    match dotenvy::dotenv() {
        Ok(_) => Ok(()),
        Err(e) if e.not_found() => Ok(()),
        Err(e) => Err(ConfigError::new(".env", format!("cannot be read: {e}"))),
    }
}

/// Where webhook mode listens when `WEBHOOK_LISTEN` is not set: this machine only, for the
/// reverse proxy (Caddy) in front of it.
pub const DEFAULT_LISTEN_HOST: std::net::Ipv4Addr = std::net::Ipv4Addr::LOCALHOST;

/// `WEBHOOK_LISTEN`: an IP address (`0.0.0.0`, `127.0.0.1`, `::`), with a port or without
/// (then `PORT`'s). A port in both that differs is a mistake worth a word.
fn parse_listen(
    value: &str,
    port: u16,
    port_set: bool,
) -> Result<std::net::SocketAddr, ConfigError> {
    use std::net::{IpAddr, SocketAddr};
    const EXPECTED: &str = "an IP address to listen on, with or without a port, such as 127.0.0.1, 0.0.0.0 or 0.0.0.0:8443";
    if let Ok(ip) = value.trim_matches(['[', ']']).parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, port));
    }
    let address = value
        .parse::<SocketAddr>()
        .ok()
        .filter(|a| a.port() != 0)
        .ok_or_else(|| ConfigError::expected("WEBHOOK_LISTEN", EXPECTED, value))?;
    if port_set && address.port() != port {
        return Err(ConfigError::new(
            "WEBHOOK_LISTEN",
            format!(
                "names port {} but PORT is {port}: set the port in one of them",
                address.port()
            ),
        ));
    }
    Ok(address)
}

/// `CONSOLE_LISTEN`: `off`, or an IP address with a port or without (then 8080).
fn parse_console_listen(value: &str) -> Result<Option<std::net::SocketAddr>, ConfigError> {
    use std::net::{IpAddr, SocketAddr};
    const EXPECTED: &str =
        "off, or an IP address to listen on, with or without a port, such as 127.0.0.1:8080";
    let value = value.trim();
    if value.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    if let Ok(ip) = value.trim_matches(['[', ']']).parse::<IpAddr>() {
        return Ok(Some(SocketAddr::new(ip, DEFAULT_CONSOLE_LISTEN.1)));
    }
    value
        .parse::<SocketAddr>()
        .map(Some)
        .map_err(|_| ConfigError::expected("CONSOLE_LISTEN", EXPECTED, value))
}

/// `CONSOLE_URL`: an http(s) address of its own (a host, no path), as the console's links
/// start at `/`.
fn parse_console_url(value: &str) -> Result<url::Url, ConfigError> {
    const EXPECTED: &str =
        "the console's address without a path, such as https://konsol.example.org";
    let url = url::Url::parse(value.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
        .filter(|u| u.path() == "/" && u.query().is_none() && u.username().is_empty())
        .ok_or_else(|| ConfigError::expected("CONSOLE_URL", EXPECTED, value))?;
    Ok(url)
}

/// The console's address when `CONSOLE_URL` is not set: the listen address (this machine's,
/// when it listens on every address).
fn console_url_for(listen: Option<std::net::SocketAddr>) -> url::Url {
    let listen = listen.unwrap_or_else(|| std::net::SocketAddr::from(DEFAULT_CONSOLE_LISTEN));
    let host = match listen.ip() {
        ip if ip.is_unspecified() => std::net::IpAddr::from([127, 0, 0, 1]),
        ip => ip,
    };
    let address = std::net::SocketAddr::new(host, listen.port());
    url::Url::parse(&format!("http://{address}/")).expect("an IP address and port make a URL")
}

/// Telegram delivers webhooks over https only; plain http is let through for this machine
/// alone (a local Bot API server, tests). The address must not carry the token: it is
/// logged, and Telegram's secret token header does that job.
fn parse_webhook_url(value: &str, token: Option<&Token>) -> Result<url::Url, ConfigError> {
    const EXPECTED: &str =
        "an https address such as https://bot.example.org/telegram (http only for localhost)";
    let url = url::Url::parse(value)
        .map_err(|_| ConfigError::expected("WEBHOOK_URL", EXPECTED, value))?;
    let local = match url.host() {
        Some(url::Host::Domain(host)) => host.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    let allowed =
        url.host().is_some() && (url.scheme() == "https" || (url.scheme() == "http" && local));
    if !allowed {
        return Err(ConfigError::expected("WEBHOOK_URL", EXPECTED, value));
    }
    if let Some(token) = token
        && let Some((_, secret)) = token.expose().split_once(':')
        && value.contains(secret)
    {
        // Not echoed: it holds the token.
        return Err(ConfigError::new(
            "WEBHOOK_URL",
            "must not contain the bot token (it would end up in logs); any path will do, such as /telegram",
        ));
    }
    Ok(url)
}

fn parse_token(value: String) -> Result<Token, ConfigError> {
    let well_formed = value.split_once(':').is_some_and(|(id, secret)| {
        !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_digit())
            && !secret.is_empty()
            && secret
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    });
    if well_formed {
        Ok(Token(value))
    } else {
        // Never echo the value: it may be a real token with a typo.
        Err(ConfigError::new(
            "TELOXIDE_TOKEN",
            "expected a token from @BotFather such as 123456789:AAE... (digits, a colon, then letters, digits, _ or -)",
        ))
    }
}

fn parse_admin_ids(value: &str) -> Result<BTreeSet<i64>, ConfigError> {
    value
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<i64>()
                .ok()
                .filter(|id| *id > 0)
                .ok_or_else(|| {
                    ConfigError::expected(
                        "ADMIN_IDS",
                        "comma-separated Telegram user ids such as 12345678,87654321",
                        part,
                    )
                })
        })
        .collect()
}

/// `24h,2h`: durations of whole minutes (`m`), hours (`h`) or days (`d`), at most 30 days,
/// each once; `off` for no reminders. Returned longest first.
/// `30s`, `5m`, `1h`: from ten seconds to a day.
fn parse_give_up_after(value: &str) -> Option<std::time::Duration> {
    let value = value.trim();
    let unit = value.chars().last()?;
    let number: u64 = value[..value.len() - unit.len_utf8()].trim().parse().ok()?;
    let seconds = match unit.to_ascii_lowercase() {
        's' => number,
        'm' => number.checked_mul(60)?,
        'h' => number.checked_mul(3600)?,
        _ => return None,
    };
    (10..=86_400)
        .contains(&seconds)
        .then(|| std::time::Duration::from_secs(seconds))
}

/// `30m`, `24h`, `2d`: whole minutes, hours or days, from ten minutes to thirty days.
fn parse_escalate_after(value: &str) -> Option<TimeDelta> {
    let value = value.trim();
    let unit = value.chars().last()?;
    let number: i64 = value[..value.len() - unit.len_utf8()].trim().parse().ok()?;
    let delay = match unit.to_ascii_lowercase() {
        'm' => TimeDelta::try_minutes(number)?,
        'h' => TimeDelta::try_hours(number)?,
        'd' => TimeDelta::try_days(number)?,
        _ => return None,
    };
    (TimeDelta::minutes(10)..=TimeDelta::days(30))
        .contains(&delay)
        .then_some(delay)
}

pub fn parse_reminder_offsets(value: &str) -> Result<Vec<TimeDelta>, ConfigError> {
    let expected = |got: &str| {
        ConfigError::expected(
            "REMINDER_OFFSETS",
            &format!(
                "comma-separated times before a training such as 24h,2h \
                 (m, h or d; at most {MAX_REMINDER_OFFSET_DAYS}d; each once), or off"
            ),
            got,
        )
    };
    if value.trim().eq_ignore_ascii_case("off") {
        return Ok(Vec::new());
    }
    let mut offsets = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (number, unit) =
            part.split_at(part.len() - part.chars().last().map_or(0, char::len_utf8));
        let number: i64 = number.trim().parse().map_err(|_| expected(part))?;
        let offset = match unit.to_ascii_lowercase().as_str() {
            "m" => TimeDelta::try_minutes(number),
            "h" => TimeDelta::try_hours(number),
            "d" => TimeDelta::try_days(number),
            _ => None,
        }
        .filter(|o| *o > TimeDelta::zero() && *o <= TimeDelta::days(MAX_REMINDER_OFFSET_DAYS))
        .ok_or_else(|| expected(part))?;
        if offsets.contains(&offset) {
            return Err(expected(part));
        }
        offsets.push(offset);
    }
    if offsets.is_empty() {
        return Err(expected(value));
    }
    offsets.sort_by(|a, b| b.cmp(a));
    Ok(offsets)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn the_console_listens_on_this_machine_unless_told_otherwise() {
        let c = config(&[]).unwrap();
        assert_eq!(c.console_listen.unwrap().to_string(), "127.0.0.1:8080");
        assert_eq!(c.console_url.as_str(), "http://127.0.0.1:8080/");
        let off = config(&[("CONSOLE_LISTEN", "off")]).unwrap();
        assert!(off.console_listen.is_none());
        let all = config(&[("CONSOLE_LISTEN", "0.0.0.0")]).unwrap();
        assert_eq!(all.console_listen.unwrap().to_string(), "0.0.0.0:8080");
        assert_eq!(all.console_url.as_str(), "http://127.0.0.1:8080/");
        let public = config(&[
            ("CONSOLE_LISTEN", "127.0.0.1:9000"),
            ("CONSOLE_URL", "https://konsol.example.org"),
        ])
        .unwrap();
        assert_eq!(public.console_listen.unwrap().port(), 9000);
        assert_eq!(public.console_url.as_str(), "https://konsol.example.org/");
        for (name, value) in [
            ("CONSOLE_LISTEN", "everywhere"),
            ("CONSOLE_URL", "konsol.example.org"),
            ("CONSOLE_URL", "ftp://konsol.example.org"),
            ("CONSOLE_URL", "https://example.org/konsol"),
        ] {
            assert_eq!(
                config(&[(name, value)]).unwrap_err().variable,
                name,
                "{value}"
            );
        }
    }

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let c = config(&[]).unwrap();
        assert!(c.token.is_none());
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.default_language, Language::Id);
        assert_eq!(c.timezone, chrono_tz::Asia::Jakarta);
        assert_eq!(c.broadcast_rate, 25);
        assert_eq!(
            c.reminder_offsets,
            [TimeDelta::hours(24), TimeDelta::hours(2)]
        );
        assert!(c.admin_ids.is_empty());
        assert_eq!(c.require_token().unwrap_err().variable, "TELOXIDE_TOKEN");
    }

    #[test]
    fn values_are_read() {
        let c = config(&[
            ("TELOXIDE_TOKEN", "123:abc-DEF_1"),
            ("ADMIN_IDS", "5, 7,"),
            ("ADMIN_CHAT_ID", "-100123"),
            ("DEFAULT_LANGUAGE", "en"),
            ("TIMEZONE", "Asia/Makassar"),
            ("BROADCAST_RATE", "10"),
            ("TELOXIDE_API_URL", "http://127.0.0.1:8081/"),
        ])
        .unwrap();
        assert_eq!(c.admin_ids, BTreeSet::from([5, 7]));
        assert_eq!(c.admin_chat_id, Some(-100123));
        assert_eq!(c.default_language, Language::En);
        assert_eq!(c.timezone, chrono_tz::Asia::Makassar);
        assert_eq!(c.broadcast_rate, 10);
        assert_eq!(format!("{:?}", c.token.unwrap()), "Token(123:***)");
    }

    #[test]
    fn each_bad_value_names_its_variable() {
        let cases = [
            ("TIMEZONE", "Mars/Olympus"),
            ("BROADCAST_RATE", "0"),
            ("BROADCAST_RATE", "fast"),
            ("DEFAULT_LANGUAGE", "fr"),
            ("ADMIN_IDS", "12,abc"),
            ("ADMIN_CHAT_ID", "group"),
            ("DATABASE_URL", "postgres://x"),
            ("TELOXIDE_API_URL", "not a url"),
            ("TELOXIDE_TOKEN", "secret-without-colon"),
            ("PORT", "0"),
            ("PORT", "70000"),
            ("PORT", "https"),
            ("ADMIN_CHAT_ID", "123456789"),
            ("WEBHOOK_LISTEN", "everywhere"),
            ("WEBHOOK_LISTEN", "bot.example.org:8443"),
            ("WEBHOOK_LISTEN", "0.0.0.0:0"),
            ("WEBHOOK_URL", "http://bot.example.org/telegram"),
            ("WEBHOOK_URL", "ftp://bot.example.org/"),
            ("WEBHOOK_URL", "bot.example.org/telegram"),
            ("WEBHOOK_SECRET", "has spaces"),
            ("WEBHOOK_SECRET", "dots.are.not.allowed"),
            ("LOG_FORMAT", "xml"),
            ("REMINDER_OFFSETS", "tomorrow"),
        ];
        for (variable, value) in cases {
            let err = config(&[(variable, value)]).unwrap_err();
            assert_eq!(err.variable, variable, "{value}");
            assert!(err.to_string().starts_with(&format!("{variable}: ")));
        }
    }

    #[test]
    fn a_bad_token_is_never_echoed() {
        let err = config(&[("TELOXIDE_TOKEN", "123456:has spaces in it")]).unwrap_err();
        assert!(!err.to_string().contains("has spaces"));
    }

    #[test]
    fn webhook_settings_default_to_port_8443_and_no_url() {
        let c = config(&[]).unwrap();
        assert_eq!(c.port, 8443);
        assert_eq!(c.webhook_listen.to_string(), "127.0.0.1:8443");
        assert!(c.webhook_url.is_none());
        assert!(c.webhook_secret.is_none());
        assert_eq!(c.log_format, LogFormat::Text);
        assert_eq!(c.require_webhook_url().unwrap_err().variable, "WEBHOOK_URL");
    }

    #[test]
    fn webhook_settings_are_read() {
        let c = config(&[
            ("PORT", "8080"),
            ("WEBHOOK_URL", "https://bot.example.org/telegram"),
            ("WEBHOOK_SECRET", "Abc_123-xyz"),
            ("LOG_FORMAT", "JSON"),
        ])
        .unwrap();
        assert_eq!(c.port, 8080);
        assert_eq!(
            c.require_webhook_url().unwrap().as_str(),
            "https://bot.example.org/telegram"
        );
        assert_eq!(c.webhook_secret.unwrap().expose(), "Abc_123-xyz");
        assert_eq!(c.log_format, LogFormat::Json);
    }

    #[test]
    fn the_listen_address_takes_its_port_from_itself_or_port() {
        let listen = |vars: &[(&str, &str)]| config(vars).map(|c| c.webhook_listen.to_string());
        assert_eq!(
            listen(&[("WEBHOOK_LISTEN", "0.0.0.0")]).unwrap(),
            "0.0.0.0:8443"
        );
        assert_eq!(
            listen(&[("WEBHOOK_LISTEN", "0.0.0.0"), ("PORT", "9000")]).unwrap(),
            "0.0.0.0:9000"
        );
        assert_eq!(listen(&[("PORT", "9000")]).unwrap(), "127.0.0.1:9000");
        assert_eq!(
            listen(&[("WEBHOOK_LISTEN", "10.0.0.5:8000")]).unwrap(),
            "10.0.0.5:8000"
        );
        assert_eq!(listen(&[("WEBHOOK_LISTEN", "::")]).unwrap(), "[::]:8443");
        assert_eq!(
            listen(&[("WEBHOOK_LISTEN", "[::1]:88")]).unwrap(),
            "[::1]:88"
        );
        let conflict = config(&[("WEBHOOK_LISTEN", "0.0.0.0:8000"), ("PORT", "9000")]).unwrap_err();
        assert_eq!(conflict.variable, "WEBHOOK_LISTEN");
        assert!(conflict.problem.contains("PORT is 9000"), "{conflict}");
    }

    #[test]
    fn only_a_group_id_is_an_officers_group() {
        assert_eq!(
            config(&[("ADMIN_CHAT_ID", "-1001234567890")])
                .unwrap()
                .admin_chat_id,
            Some(-1001234567890)
        );
        let private = config(&[("ADMIN_CHAT_ID", "42")]).unwrap_err();
        assert!(private.problem.contains("ADMIN_IDS"), "{private}");
    }

    #[test]
    fn plain_http_webhooks_are_only_for_this_machine() {
        for url in [
            "http://localhost:8443/hook",
            "http://127.0.0.1:8443/hook",
            "http://[::1]:8443/hook",
        ] {
            assert!(config(&[("WEBHOOK_URL", url)]).is_ok(), "{url}");
        }
        for url in ["http://10.0.0.2/hook", "http://localhost.example.org/hook"] {
            assert_eq!(
                config(&[("WEBHOOK_URL", url)]).unwrap_err().variable,
                "WEBHOOK_URL"
            );
        }
    }

    #[test]
    fn a_webhook_url_holding_the_token_is_refused_without_echoing_it() {
        let err = config(&[
            ("TELOXIDE_TOKEN", "123:abc-DEF_1"),
            ("WEBHOOK_URL", "https://bot.example.org/123:abc-DEF_1"),
        ])
        .unwrap_err();
        assert_eq!(err.variable, "WEBHOOK_URL");
        assert!(!err.to_string().contains("abc-DEF_1"));
    }

    #[test]
    fn webhook_secrets_are_checked_and_never_echoed_or_shown() {
        assert!(WebhookSecret::parse("a").is_some());
        assert!(WebhookSecret::parse(&"x".repeat(256)).is_some());
        assert!(WebhookSecret::parse(&"x".repeat(257)).is_none());
        assert!(WebhookSecret::parse("").is_none());
        let err = config(&[("WEBHOOK_SECRET", "my secret words")]).unwrap_err();
        assert!(!err.to_string().contains("secret words"));
        let secret = WebhookSecret::parse("hunter2").unwrap();
        assert!(!format!("{secret:?}").contains("hunter2"));
    }

    #[test]
    fn generated_secrets_are_valid_and_differ() {
        let a = WebhookSecret::generate().unwrap();
        let b = WebhookSecret::generate().unwrap();
        assert_eq!(WebhookSecret::parse(a.expose()), Some(a.clone()));
        assert_eq!(a.expose().len(), 64);
        assert_ne!(a, b);
    }

    #[test]
    fn reading_everything_lists_every_bad_variable_and_keeps_defaults() {
        let vars: HashMap<&str, &str> = [
            ("TIMEZONE", "Mars/Olympus"),
            ("PORT", "x"),
            ("ADMIN_IDS", "7"),
        ]
        .into();
        let (config, problems) = Config::read_lookup(|name| vars.get(name).map(|v| v.to_string()));
        let named: Vec<_> = problems.iter().map(|p| p.variable).collect();
        assert_eq!(named, ["TIMEZONE", "PORT"]);
        assert_eq!(config.timezone, chrono_tz::Asia::Jakarta);
        assert_eq!(config.port, DEFAULT_PORT);
        assert_eq!(config.admin_ids, BTreeSet::from([7]));
    }

    #[test]
    fn the_escalation_delay_is_read_in_minutes_hours_or_days() {
        assert_eq!(parse_escalate_after("24h"), Some(TimeDelta::hours(24)));
        assert_eq!(parse_escalate_after("90m"), Some(TimeDelta::minutes(90)));
        assert_eq!(parse_escalate_after(" 2D "), Some(TimeDelta::days(2)));
        for bad in ["", "24", "5m", "31d", "-1h", "1w", "h", "1.5h"] {
            assert_eq!(parse_escalate_after(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reminder_offsets_are_read_longest_first() {
        let c = config(&[("REMINDER_OFFSETS", " 30m, 3d ,1h ")]).unwrap();
        assert_eq!(
            c.reminder_offsets,
            [
                TimeDelta::days(3),
                TimeDelta::hours(1),
                TimeDelta::minutes(30)
            ]
        );
        assert!(
            config(&[("REMINDER_OFFSETS", "OFF")])
                .unwrap()
                .reminder_offsets
                .is_empty()
        );
    }

    #[test]
    fn impossible_reminder_offsets_are_refused() {
        for bad in [
            "24",
            "h",
            "0h",
            "-2h",
            "2w",
            "31d",
            "2h,120m",
            ",",
            "1.5h",
            "99999999999999999999d",
            "2😀",
        ] {
            let err = config(&[("REMINDER_OFFSETS", bad)]).unwrap_err();
            assert_eq!(err.variable, "REMINDER_OFFSETS", "{bad}");
        }
    }
}
