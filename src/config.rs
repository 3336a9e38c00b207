//! Configuration from environment variables (and a `.env` file), as PRODUCT.md fixes them.
//!
//! Every value is checked here, once, so that a bad value stops start-up with one line that
//! names the variable and says what was expected. The token is never echoed back.

use std::collections::BTreeSet;

use chrono_tz::Tz;

use crate::domain::Language;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://desmigratif.db";
pub const DEFAULT_BROADCAST_RATE: u32 = 25;
/// Telegram's paid broadcasts go up to 1000 messages a second; nothing faster makes sense.
pub const MAX_BROADCAST_RATE: u32 = 1000;

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
}

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

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{variable}: {problem}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub problem: String,
}

impl ConfigError {
    fn new(variable: &'static str, problem: impl Into<String>) -> Self {
        ConfigError {
            variable,
            problem: problem.into(),
        }
    }

    fn expected(variable: &'static str, expected: &str, got: &str) -> Self {
        ConfigError::new(variable, format!("expected {expected}, got {got:?}"))
    }
}

impl Config {
    /// Reads the process environment, after loading `.env` from the working directory if
    /// there is one (variables already set win over the file).
    pub fn from_env() -> Result<Config, ConfigError> {
        match dotenvy::dotenv() {
            Ok(_) => {}
            Err(e) if e.not_found() => {}
            Err(e) => return Err(ConfigError::new(".env", format!("cannot be read: {e}"))),
        }
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds the configuration from any lookup, so tests need not touch the environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };

        let token = get("TELOXIDE_TOKEN").map(parse_token).transpose()?;
        let api_url = get("TELOXIDE_API_URL")
            .map(|v| {
                url::Url::parse(&v)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https"))
                    .ok_or_else(|| ConfigError::expected("TELOXIDE_API_URL", "an http(s) URL", &v))
            })
            .transpose()?;
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !database_url.starts_with("sqlite:") {
            return Err(ConfigError::expected(
                "DATABASE_URL",
                "a SQLite URL such as sqlite://desmigratif.db",
                &database_url,
            ));
        }
        let admin_ids = match get("ADMIN_IDS") {
            None => BTreeSet::new(),
            Some(v) => parse_admin_ids(&v)?,
        };
        let admin_chat_id = get("ADMIN_CHAT_ID")
            .map(|v| {
                v.parse::<i64>().ok().filter(|id| *id != 0).ok_or_else(|| {
                    ConfigError::expected(
                        "ADMIN_CHAT_ID",
                        "a Telegram chat id such as -1001234567890",
                        &v,
                    )
                })
            })
            .transpose()?;
        let default_language = match get("DEFAULT_LANGUAGE") {
            None => Language::Id,
            Some(v) => Language::parse(&v)
                .ok_or_else(|| ConfigError::expected("DEFAULT_LANGUAGE", "id or en", &v))?,
        };
        let timezone = match get("TIMEZONE") {
            None => chrono_tz::Asia::Jakarta,
            Some(v) => v.parse::<Tz>().map_err(|_| {
                ConfigError::expected(
                    "TIMEZONE",
                    "an IANA time zone name such as Asia/Jakarta",
                    &v,
                )
            })?,
        };
        let broadcast_rate = match get("BROADCAST_RATE") {
            None => DEFAULT_BROADCAST_RATE,
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|r| (1..=MAX_BROADCAST_RATE).contains(r))
                .ok_or_else(|| {
                    ConfigError::expected(
                        "BROADCAST_RATE",
                        &format!(
                            "messages per second, a whole number from 1 to {MAX_BROADCAST_RATE}"
                        ),
                        &v,
                    )
                })?,
        };
        Ok(Config {
            token,
            api_url,
            database_url,
            admin_ids,
            admin_chat_id,
            default_language,
            timezone,
            broadcast_rate,
        })
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
    fn defaults_apply_when_nothing_is_set() {
        let c = config(&[]).unwrap();
        assert!(c.token.is_none());
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.default_language, Language::Id);
        assert_eq!(c.timezone, chrono_tz::Asia::Jakarta);
        assert_eq!(c.broadcast_rate, 25);
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
}
