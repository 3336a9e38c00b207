//! The command menus Telegram shows next to the text box, per language.

use teloxide::{
    Bot,
    payloads::SetMyCommandsSetters,
    prelude::Requester,
    types::{BotCommand, BotCommandScope, ChatId, Recipient},
};

use crate::config::Config;
use crate::domain::Language;
use crate::engine::command::Menu;
use crate::i18n::Locales;

fn bot_commands(locales: &Locales, lang: Language, menu: Menu) -> Vec<BotCommand> {
    locales
        .command_menu(lang, menu)
        .into_iter()
        .map(|(name, description)| BotCommand::new(name, description))
        .collect()
}

/// Registers the Indonesian and English menus, the fallback for other languages, and the
/// officers' longer menu in each officer's private chat. Failures are logged, not fatal: the
/// bot works without menus.
pub async fn register(bot: &Bot, locales: &Locales, config: &Config) {
    for lang in Language::ALL {
        if let Err(error) = bot
            .set_my_commands(bot_commands(locales, lang, Menu::Everyone))
            .language_code(lang.code())
            .await
        {
            tracing::warn!(lang = lang.code(), %error, "could not register the command menu");
        }
    }
    if let Err(error) = bot
        .set_my_commands(bot_commands(
            locales,
            config.default_language,
            Menu::Everyone,
        ))
        .await
    {
        tracing::warn!(%error, "could not register the fallback command menu");
    }
    for admin in &config.admin_ids {
        let scope = BotCommandScope::Chat {
            chat_id: Recipient::Id(ChatId(*admin)),
        };
        let commands = bot_commands(locales, config.default_language, Menu::Admin);
        if let Err(error) = bot.set_my_commands(commands).scope(scope).await {
            // Usual until the officer has opened a chat with the bot.
            tracing::info!(%error, "officer command menu not set (has the officer started the bot?)");
        }
    }
}
