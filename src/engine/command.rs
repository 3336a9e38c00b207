//! Slash commands: every command has an English name and an Indonesian alias, and both work
//! for everyone.

use crate::domain::Language;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    Start,
    Menu,
    Language,
    Cancel,
    Help,
    Register,
    Profile,
    MyData,
    Delete,
    Broadcast,
    Stats,
    Export,
    Migration,
    Business,
    Parenting,
    Cooperative,
    Faq,
    Ask,
    Inbox,
    Answer,
    Trainings,
    NewTraining,
    Officers,
    Emergency,
    Applications,
    Console,
    Agency,
}

/// A command as typed: `/name@bot args`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parsed {
    Known {
        command: Command,
        args: String,
    },
    /// Looks like a command, but none of ours.
    Unknown,
    /// Addressed to another bot (`/start@otherbot` in a group).
    ForAnotherBot,
}

impl Command {
    pub const ALL: [Command; 27] = [
        Command::Start,
        Command::Emergency,
        Command::Menu,
        Command::Register,
        Command::Profile,
        Command::Trainings,
        Command::Migration,
        Command::Agency,
        Command::Business,
        Command::Parenting,
        Command::Cooperative,
        Command::Faq,
        Command::Ask,
        Command::MyData,
        Command::Delete,
        Command::Language,
        Command::Broadcast,
        Command::Stats,
        Command::Export,
        Command::Inbox,
        Command::Answer,
        Command::Applications,
        Command::NewTraining,
        Command::Officers,
        Command::Console,
        Command::Cancel,
        Command::Help,
    ];

    /// (English name, Indonesian alias). Telegram allows `a-z0-9_`, 1..32 characters.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Command::Start => ("start", "start"),
            Command::Menu => ("menu", "menu"),
            Command::Language => ("language", "bahasa"),
            Command::Cancel => ("cancel", "batal"),
            Command::Help => ("help", "bantuan"),
            Command::Register => ("register", "daftar"),
            Command::Profile => ("profile", "profil"),
            Command::MyData => ("mydata", "dataku"),
            Command::Delete => ("delete", "hapus"),
            Command::Broadcast => ("broadcast", "umumkan"),
            Command::Stats => ("stats", "statistik"),
            Command::Export => ("export", "ekspor"),
            Command::Migration => ("migration", "migrasi"),
            Command::Business => ("business", "usaha"),
            Command::Parenting => ("parenting", "parenting"),
            Command::Cooperative => ("cooperative", "koperasi"),
            Command::Faq => ("faq", "faq"),
            Command::Ask => ("ask", "tanya"),
            Command::Inbox => ("inbox", "pertanyaan"),
            Command::Answer => ("answer", "jawab"),
            Command::Trainings => ("trainings", "pelatihan"),
            Command::NewTraining => ("newtraining", "pelatihan_baru"),
            Command::Officers => ("officers", "petugas"),
            Command::Emergency => ("emergency", "darurat"),
            Command::Applications => ("applications", "aplikasi"),
            Command::Console => ("console", "konsol"),
            Command::Agency => ("agency", "agensi"),
        }
    }

    /// The name shown in a language's command menu.
    pub fn name_in(self, language: Language) -> &'static str {
        let (en, id) = self.names();
        match language {
            Language::En => en,
            Language::Id => id,
        }
    }

    /// Whether `menu` lists the command.
    pub fn in_menu(self, menu: Menu) -> bool {
        match menu {
            Menu::Everyone => !(self.admin_only() || self.staff_only()),
            Menu::Staff => !self.admin_only(),
            Menu::Admin => true,
        }
    }

    /// Officers only.
    pub fn admin_only(self) -> bool {
        false
    }

    /// The programme's staff only (any role); not in everyone's command menu.
    pub fn staff_only(self) -> bool {
        matches!(
            self,
            Command::Officers
                | Command::Console
                | Command::Applications
                | Command::Inbox
                | Command::Answer
                | Command::Stats
                | Command::Export
                | Command::NewTraining
                | Command::Broadcast
        )
    }

    /// Fluent id of the command's description in the command menu.
    pub fn description_id(self) -> String {
        format!("command-{}", self.names().0)
    }

    /// Recognises `/name`, `/name@bot` and `/name args` for either name of a command.
    /// Returns `None` for text that is not a command at all.
    pub fn parse(text: &str, bot_username: Option<&str>) -> Option<Parsed> {
        let rest = text.trim_start().strip_prefix('/')?;
        let (head, args) = match rest.find(char::is_whitespace) {
            Some(i) => (&rest[..i], rest[i..].trim()),
            None => (rest, ""),
        };
        if head.is_empty() {
            return None;
        }
        let (name, addressee) = match head.split_once('@') {
            Some((name, bot)) => (name, Some(bot)),
            None => (head, None),
        };
        if let (Some(addressee), Some(ours)) = (addressee, bot_username)
            && !addressee.eq_ignore_ascii_case(ours)
        {
            return Some(Parsed::ForAnotherBot);
        }
        let name = name.to_ascii_lowercase();
        let command = Command::ALL.into_iter().find(|c| {
            let (en, id) = c.names();
            name == en || name == id
        });
        Some(match command {
            Some(command) => Parsed::Known {
                command,
                args: args.to_owned(),
            },
            None => Parsed::Unknown,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(text: &str) -> Option<(Command, String)> {
        match Command::parse(text, Some("desmigratif_bot")) {
            Some(Parsed::Known { command, args }) => Some((command, args)),
            _ => None,
        }
    }

    #[test]
    fn both_names_work() {
        assert_eq!(known("/language").unwrap().0, Command::Language);
        assert_eq!(known("/bahasa").unwrap().0, Command::Language);
        assert_eq!(known("/BATAL").unwrap().0, Command::Cancel);
    }

    #[test]
    fn payload_and_bot_name_are_separated() {
        assert_eq!(
            known("/start desa-kenanga"),
            Some((Command::Start, "desa-kenanga".into()))
        );
        assert_eq!(
            known("/start@Desmigratif_Bot"),
            Some((Command::Start, String::new()))
        );
        assert_eq!(
            Command::parse("/start@other_bot", Some("desmigratif_bot")),
            Some(Parsed::ForAnotherBot)
        );
    }

    #[test]
    fn non_commands_and_unknown_commands() {
        assert_eq!(Command::parse("hello /start", None), None);
        assert_eq!(Command::parse("/", None), None);
        assert_eq!(Command::parse("/frobnicate", None), Some(Parsed::Unknown));
    }

    #[test]
    fn names_fit_telegrams_rules() {
        for command in Command::ALL {
            let (en, id) = command.names();
            for name in [en, id] {
                assert!((1..=32).contains(&name.len()));
                assert!(
                    name.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                );
            }
        }
    }
}

/// Which command menu a chat gets: everyone's, staff's (with the inbox, figures, files,
/// trainings and officers), or the admins' (with announcements too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    Everyone,
    Staff,
    Admin,
}
