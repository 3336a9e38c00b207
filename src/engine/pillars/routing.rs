//! Work goes to the right people. A question (or cooperative application) goes to the officers
//! of the asker's village; if none of them takes it within `ESCALATE_AFTER`, to the
//! coordinators of the regency; after another `ESCALATE_AFTER`, to the admins. A level without
//! anyone on it is skipped, and work whose village is not known starts with the admins.

use super::officers::{self, Target};
use crate::domain::{
    area::VillageCode,
    staff::{Level, Scope},
};
use crate::engine::{Keyboard, Msg, Result, Settings, turn::Turn};
use crate::store::{Tx, staff, users};

/// `from`, or the first level above it with someone on it.
pub(crate) async fn level_from(
    tx: &mut Tx,
    village: Option<VillageCode>,
    from: Level,
) -> Result<Level> {
    let mut level = from;
    while level != Level::Country {
        if village.is_some() && !staff::serving(tx, level.area(village)).await?.is_empty() {
            return Ok(level);
        }
        level = level.up().unwrap_or(Level::Country);
    }
    Ok(level)
}

/// Where new work from `village` goes first.
pub(crate) async fn first_level(tx: &mut Tx, village: Option<VillageCode>) -> Result<Level> {
    level_from(tx, village, Level::Village).await
}

/// Where notices go for work at `level`: the private chats of that level's staff; for the
/// admins, the officers' group or `ADMIN_IDS` (see `officers::admin_targets`) and the admins
/// invited in the bot.
pub(crate) async fn targets(
    tx: &mut Tx,
    settings: &Settings,
    village: Option<VillageCode>,
    level: Level,
) -> Result<Vec<Target>> {
    let mut targets = match level {
        Level::Country => officers::admin_targets(tx, settings).await?,
        _ => Vec::new(),
    };
    let members = staff::serving(tx, level.area(village)).await?;
    for member in members {
        if targets.iter().any(|t| t.chat_id == member.user_id) {
            continue;
        }
        targets.push(Target {
            chat_id: member.user_id,
            lang: users::language_of(tx, member.user_id, settings.default_language).await?,
            personal: true,
        });
    }
    Ok(targets)
}

/// Where an urgent case's notices go: its level's people and those of the next level up with
/// someone on it, at once (no waiting for the escalation), each once.
pub(crate) async fn urgent_targets(
    tx: &mut Tx,
    settings: &Settings,
    village: Option<VillageCode>,
    level: Level,
) -> Result<Vec<Target>> {
    let mut all = targets(tx, settings, village, level).await?;
    if let Some(up) = level.up() {
        let above = level_from(tx, village, up).await?;
        for target in targets(tx, settings, village, above).await? {
            if !all.iter().any(|t| t.chat_id == target.chat_id) {
                all.push(target);
            }
        }
    }
    Ok(all)
}

/// Everyone who was told of work now at `level`: that level's people and those of the levels
/// below it that it passed (once each).
pub(crate) async fn told(
    tx: &mut Tx,
    settings: &Settings,
    village: Option<VillageCode>,
    level: Level,
) -> Result<Vec<Target>> {
    let mut told: Vec<Target> = Vec::new();
    let mut at = Level::Village;
    loop {
        if village.is_some() || at == Level::Country {
            for target in targets(tx, settings, village, at).await? {
                if !told.iter().any(|t| t.chat_id == target.chat_id) {
                    told.push(target);
                }
            }
        }
        if at == level {
            return Ok(told);
        }
        match at.up() {
            Some(up) => at = up,
            None => return Ok(told),
        }
    }
}

/// Everyone else who was told of work now at `level` hears that the sender took it: `said`
/// with the taker's public name (or "another officer") as `$taker`.
pub(crate) async fn tell_taken(
    turn: &mut Turn<'_>,
    village: Option<VillageCode>,
    level: Level,
    said: Msg,
) -> Result<()> {
    let Some(by) = turn.user_id() else {
        return Ok(());
    };
    let taker = match turn.staff.as_ref().and_then(|s| s.card.name.clone()) {
        Some(name) => Msg::new("question-taker-named").arg("name", name),
        None => Msg::new("question-taker-someone"),
    };
    let said = said.arg("taker", taker);
    for target in told(turn.tx, turn.settings, village, level).await? {
        // Not the taker, and not a group (who took it is no business of anyone else there).
        if target.chat_id == by || target.chat_id < 0 {
            continue;
        }
        let told = super::officers::tell(
            target.chat_id,
            target.lang,
            vec![said.clone()],
            Keyboard::None,
        );
        turn.push_reply(told);
    }
    Ok(())
}

/// The one chat of the person who took the work (still staff, or an admin of `ADMIN_IDS`).
pub(crate) async fn taker(
    tx: &mut Tx,
    settings: &Settings,
    user_id: i64,
) -> Result<Option<Target>> {
    let still = settings.is_admin(user_id) || staff::find(tx, user_id).await?.is_some();
    Ok(match still {
        true => Some(Target {
            chat_id: user_id,
            lang: users::language_of(tx, user_id, settings.default_language).await?,
            personal: true,
        }),
        false => None,
    })
}

/// May the sender act on work from `village`?
pub(crate) fn may_act(turn: &Turn<'_>, village: Option<VillageCode>) -> bool {
    turn.role()
        .is_some_and(|(_, scope)| covers(&scope, village))
}

/// Work from `village` (or from nowhere known: the admins' alone) is within `scope`.
pub(crate) fn covers(scope: &Scope, village: Option<VillageCode>) -> bool {
    match village {
        Some(village) => scope.covers_village(village),
        None => *scope == Scope::Country,
    }
}
