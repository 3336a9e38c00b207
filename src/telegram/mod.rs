//! The Telegram side: teloxide long polling (or the webhook server) turns updates into engine
//! inputs, and the transport turns rendered replies into Bot API calls. No business rules live
//! here.

pub mod commands;
pub mod files;
pub mod group_guard;
pub mod polling;
pub mod transport;
pub mod update;
pub mod webhook;

use std::time::Duration;

use teloxide::{ApiError, Bot, RequestError, prelude::Requester, types::Me};
use tokio_util::sync::CancellationToken;

use crate::config::{Config, ConfigError};

/// The updates the bot asks for. `chat_member` (joins and leaves in the officers' group, see
/// `group_guard`) comes only when asked for by name; the rest are what the bot acts on.
pub const ALLOWED_UPDATES: [teloxide::types::AllowedUpdate; 4] = [
    teloxide::types::AllowedUpdate::Message,
    teloxide::types::AllowedUpdate::CallbackQuery,
    teloxide::types::AllowedUpdate::MyChatMember,
    teloxide::types::AllowedUpdate::ChatMember,
];

/// The longest pause between two tries to reach Telegram at start.
const MAX_CONNECT_PAUSE: Duration = Duration::from_secs(60);

/// `getMe`: who the bot is. Telegram refusing the token stops start-up (a configuration
/// error); anything else (no network, a Bot API server not up yet, a 5xx) is tried again,
/// after a pause growing from 1 s to a minute, until it works or `stop` is cancelled
/// (`None`).
pub async fn identify(
    bot: &Bot,
    config: &Config,
    stop: &CancellationToken,
) -> Result<Option<Me>, ConfigError> {
    let api = config
        .api_url
        .as_ref()
        .map_or("https://api.telegram.org (the default)".to_owned(), |url| {
            url.to_string()
        });
    let mut pause = Duration::from_secs(1);
    loop {
        let error = tokio::select! {
            _ = stop.cancelled() => return Ok(None),
            result = bot.get_me() => match result {
                Ok(me) => return Ok(Some(me)),
                Err(error) => error,
            },
        };
        if let RequestError::Api(ApiError::InvalidToken) = error {
            return Err(ConfigError {
                variable: "TELOXIDE_TOKEN",
                problem: "Telegram does not know this token (getMe: Unauthorized); copy it again from @BotFather".into(),
            });
        }
        tracing::warn!(
            %error,
            %api,
            retry_in_seconds = pause.as_secs(),
            "cannot reach the Telegram Bot API: check the network, or TELOXIDE_API_URL if it is set; trying again"
        );
        tokio::select! {
            _ = stop.cancelled() => return Ok(None),
            _ = tokio::time::sleep(pause) => {}
        }
        pause = (pause * 2).min(MAX_CONNECT_PAUSE);
    }
}

/// A Bot API client for the configured token and API URL.
pub fn bot(config: &Config) -> Result<Bot, ConfigError> {
    let token = config.require_token()?;
    let bot = Bot::new(token.expose());
    Ok(match &config.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    })
}
