//! The Telegram side: teloxide long polling (or the webhook server) turns updates into engine
//! inputs, and the transport turns rendered replies into Bot API calls. No business rules live
//! here.

pub mod commands;
pub mod files;
pub mod polling;
pub mod transport;
pub mod update;
pub mod webhook;

use teloxide::Bot;

use crate::config::{Config, ConfigError};

/// A Bot API client for the configured token and API URL.
pub fn bot(config: &Config) -> Result<Bot, ConfigError> {
    let token = config.require_token()?;
    let bot = Bot::new(token.expose());
    Ok(match &config.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    })
}
