//! Where the benchmark runs what. The bot keeps its threads to one CPU (`src/cpu.rs`). The fake
//! Bot API and the virtual users stand in for Telegram and its users, which never run on the
//! bot's server: they get a CPU of their own, so that they do not take the bot's time, and the
//! bot starts on the first CPU. On a machine with one CPU they all share it.

use std::sync::OnceLock;

use core_affinity::CoreId;

struct Split {
    bot: CoreId,
    apparatus: CoreId,
}

static SPLIT: OnceLock<Option<Split>> = OnceLock::new();

fn split() -> &'static Option<Split> {
    SPLIT.get_or_init(|| {
        let cores = core_affinity::get_core_ids()?;
        match cores.as_slice() {
            [bot, .., apparatus] => Some(Split {
                bot: *bot,
                apparatus: *apparatus,
            }),
            _ => None,
        }
    })
}

/// Keeps this thread, and the threads it starts from now on (the benchmark's runtime, the
/// fake Bot API), off the bot's CPU.
pub fn keep_apparatus_apart() {
    if let Some(split) = split() {
        core_affinity::set_for_current(split.apparatus);
    }
}

/// The CPU to start the bot on.
pub fn bot_cpu() -> Option<usize> {
    split().as_ref().map(|s| s.bot.id)
}

/// How the CPUs are shared, for the report.
pub fn description() -> String {
    match split() {
        Some(split) => format!(
            "the bot on CPU {}, the fake Bot API and the virtual users on CPU {}",
            split.bot.id, split.apparatus.id
        ),
        None => "the bot, the fake Bot API and the virtual users share one CPU".into(),
    }
}
