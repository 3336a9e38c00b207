//! Who is in the officers' group (`ADMIN_CHAT_ID`)? Personal data goes there only while every
//! member is an officer (`ADMIN_IDS`): the bot counts the members (`getChatMemberCount`) and
//! asks about each officer (`getChatMember`); the count must be the officers present plus the
//! bot itself. Any other person, or another bot, and the group gets notices without personal
//! data while the officers get the details in their private chats.
//!
//! Checked at start, every ten minutes, and at once after the engine saw the members change
//! (a join, a leave, a promotion): the engine distrusts the group in that update's own
//! transaction, so nothing personal goes out between the change and the check.

use std::{collections::BTreeSet, sync::Arc, time::Duration};

use chrono::Utc;
use teloxide::{
    Bot,
    prelude::Requester,
    types::{ChatId, UserId},
};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::store::{self, officers_group};

/// How often the members are counted again without a change seen.
const EVERY: Duration = Duration::from_secs(600);
/// After a failed check (Telegram unreachable): the group stays as it was written, or
/// untrusted if it never was checked.
const AFTER_FAILURE: Duration = Duration::from_secs(30);

/// What one check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Everyone counted, the bot included.
    pub members: u32,
    /// Officers among them.
    pub officers: u32,
}

impl Verdict {
    pub fn only_officers(self) -> bool {
        self.members == self.officers + 1
    }
}

/// Counts the group's members and the officers among them.
pub async fn check(
    bot: &Bot,
    group: i64,
    officers: &BTreeSet<i64>,
) -> Result<Verdict, teloxide::RequestError> {
    let members = bot.get_chat_member_count(ChatId(group)).await?;
    let mut present = 0;
    for &officer in officers {
        let Ok(id) = u64::try_from(officer) else {
            continue;
        };
        match bot.get_chat_member(ChatId(group), UserId(id)).await {
            Ok(member) if member.is_present() => present += 1,
            Ok(_) => {}
            // "user not found" and the like: not in the group.
            Err(teloxide::RequestError::Api(_)) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(Verdict {
        members,
        officers: present,
    })
}

/// Keeps the group's trust up to date until `stop`.
pub async fn watch(
    bot: Bot,
    writer: store::Writer,
    group: i64,
    officers: BTreeSet<i64>,
    changed: Arc<Notify>,
    stop: CancellationToken,
) {
    let mut last: Option<bool> = None;
    loop {
        let begun = Utc::now();
        let pause = match check(&bot, group, &officers).await {
            Ok(verdict) => {
                let trusted = verdict.only_officers();
                let members = i64::from(verdict.members);
                let written = writer
                    .write(async |tx| {
                        officers_group::record(tx, group, trusted, members, begun).await
                    })
                    .await;
                match written {
                    Err(error) => {
                        tracing::warn!(%error, "could not write down the officers' group check");
                        AFTER_FAILURE
                    }
                    Ok(()) => {
                        if last != Some(trusted) {
                            report(trusted, verdict);
                        }
                        last = Some(trusted);
                        EVERY
                    }
                }
            }
            Err(error) => {
                tracing::warn!(
                    %error,
                    "cannot check who is in the officers' group (ADMIN_CHAT_ID): if the bot was removed, add the bot to the group again; until a check succeeds, the group gets no personal data it did not get before"
                );
                AFTER_FAILURE
            }
        };
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = changed.notified() => {}
            _ = tokio::time::sleep(pause) => {}
        }
    }
}

fn report(trusted: bool, verdict: Verdict) {
    if trusted {
        tracing::info!(
            officers = verdict.officers,
            "every member of the officers' group is an officer: notices there include personal data"
        );
    } else {
        tracing::warn!(
            members = verdict.members.saturating_sub(1),
            officers = verdict.officers,
            "the officers' group (ADMIN_CHAT_ID) has members who are not in ADMIN_IDS: it gets notices without personal data, and each officer gets the details in a private chat with the bot"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_officers_and_the_bot_make_a_trusted_group() {
        let verdict = |members, officers| Verdict { members, officers };
        assert!(verdict(3, 2).only_officers());
        assert!(verdict(1, 0).only_officers(), "the bot alone");
        assert!(!verdict(4, 2).only_officers(), "one stranger");
        assert!(
            !verdict(3, 1).only_officers(),
            "one stranger, one officer missing"
        );
    }
}
