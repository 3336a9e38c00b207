//! The two speed limits of the sender: per chat, and for bulk traffic overall.

use std::{collections::VecDeque, num::NonZeroU32, time::Duration};

use governor::{
    DefaultKeyedRateLimiter, Quota, RateLimiter,
    clock::{Clock, DefaultClock},
};
use tokio::time::Instant;

/// Per chat: a short burst, then about one message a second (Telegram's per-chat limit).
pub struct ChatPacer {
    limiter: DefaultKeyedRateLimiter<i64>,
    clock: DefaultClock,
}

impl ChatPacer {
    pub fn new(burst: u32) -> ChatPacer {
        let quota = Quota::per_second(NonZeroU32::MIN)
            .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN));
        ChatPacer {
            limiter: RateLimiter::keyed(quota),
            clock: DefaultClock::default(),
        }
    }

    /// Takes one message's allowance for the chat, or says when there will be one.
    pub fn check(&self, chat_id: i64) -> Result<(), Instant> {
        self.limiter
            .check_key(&chat_id)
            .map_err(|not_until| Instant::now() + not_until.wait_time_from(self.clock.now()))
    }

    /// Forgets chats that have not had a message for a while.
    pub fn forget_idle(&self) {
        self.limiter.retain_recent();
    }
}

/// Bulk traffic: evenly spaced at `rate` a second, and never more than `rate` in any
/// one-second window.
///
/// The spacing is GCRA (the generic cell rate algorithm, as in `governor`): each message has
/// a theoretical time, one spacing after the one before, and may go up to a small tolerance
/// early. Above 50 a second the tolerance is a group of `rate / 50` messages (20 ms): the
/// sender looks at its queue a few times per 20 ms at best, so spacing each message 1 ms
/// apart held a `BROADCAST_RATE` of 1000 to about 100 a second; and because the tolerance
/// is measured from the theoretical times, a sender that wakes a few milliseconds late
/// catches up instead of losing that time (with fixed 20 ms gaps between groups, waking
/// 5 ms late held 1000 a second to 800; broadcast benchmark).
///
/// The window rule is checked against the actual send times with a small margin, so that
/// jitter between here and Telegram's servers cannot make a window look over the rate there.
pub struct BulkPacer {
    rate: usize,
    spacing: Duration,
    /// How early a message may go before its theoretical time.
    tolerance: Duration,
    margin: Duration,
    /// When the next message is due if the rate were kept exactly.
    theoretical: Option<Instant>,
    recent: VecDeque<Instant>,
}

impl BulkPacer {
    pub fn new(rate: u32) -> BulkPacer {
        let rate = rate.max(1);
        let spacing = Duration::from_secs(1) / rate;
        let group = (rate / 50).max(1);
        BulkPacer {
            rate: rate as usize,
            spacing,
            tolerance: spacing * (group - 1),
            margin: Duration::from_millis(25),
            theoretical: None,
            recent: VecDeque::with_capacity(rate as usize + 1),
        }
    }

    /// `Ok` if a bulk message may go at `now`, else the earliest time it may.
    pub fn ready(&self, now: Instant) -> Result<(), Instant> {
        let mut at = now;
        if let Some(due) = self.theoretical {
            at = at.max(due.checked_sub(self.tolerance).unwrap_or(due));
        }
        if self.recent.len() >= self.rate
            && let Some(oldest) = self.recent.front()
        {
            at = at.max(*oldest + Duration::from_secs(1) + self.margin);
        }
        if at <= now { Ok(()) } else { Err(at) }
    }

    /// A bulk message went at `now`.
    pub fn record(&mut self, now: Instant) {
        let due = self.theoretical.map_or(now, |due| due.max(now));
        self.theoretical = Some(due + self.spacing);
        self.recent.push_back(now);
        while self.recent.len() > self.rate {
            self.recent.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends as fast as the pacer allows for `seconds` and returns the send times; every
    /// `late_every` messages the sender is 300 ms late, and it always wakes `wake_late` after
    /// the time the pacer named.
    fn run(
        rate: u32,
        seconds: u64,
        late_every: Option<usize>,
        wake_late: Duration,
    ) -> Vec<Instant> {
        let start = Instant::now();
        let mut pacer = BulkPacer::new(rate);
        let mut now = start;
        let mut sent = Vec::new();
        while now < start + Duration::from_secs(seconds) {
            match pacer.ready(now) {
                Ok(()) => {
                    pacer.record(now);
                    sent.push(now);
                    if late_every.is_some_and(|n| sent.len() % n == 0) {
                        now += Duration::from_millis(300);
                    }
                }
                Err(at) => now = at + wake_late,
            }
        }
        sent
    }

    fn busiest_window(sent: &[Instant]) -> usize {
        sent.iter()
            .map(|start| {
                sent.iter()
                    .filter(|t| **t >= *start && **t < *start + Duration::from_secs(1))
                    .count()
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn no_window_exceeds_the_rate_and_the_rate_is_nearly_reached() {
        for rate in [1, 7, 25, 30] {
            let sent = run(rate, 20, None, Duration::ZERO);
            assert!(busiest_window(&sent) <= rate as usize, "rate {rate}");
            assert!(
                sent.len() as f64 >= 0.95 * f64::from(rate) * 20.0,
                "rate {rate}: {}",
                sent.len()
            );
        }
    }

    #[test]
    fn at_high_rates_small_groups_go_together_and_no_window_exceeds_the_rate() {
        for rate in [200, 1000] {
            let sent = run(rate, 3, None, Duration::ZERO);
            assert!(busiest_window(&sent) <= rate as usize, "rate {rate}");
            assert!(
                sent.len() as f64 >= 0.95 * f64::from(rate) * 3.0,
                "rate {rate}"
            );
            let late = run(rate, 3, Some(7), Duration::ZERO);
            assert!(busiest_window(&late) <= rate as usize, "rate {rate}, late");
        }
    }

    #[test]
    fn catching_up_after_a_late_send_stays_within_the_rate() {
        let sent = run(25, 20, Some(10), Duration::ZERO);
        assert!(busiest_window(&sent) <= 25);
    }

    #[test]
    fn chat_pacer_allows_a_burst_then_waits() {
        let pacer = ChatPacer::new(3);
        assert!((0..3).all(|_| pacer.check(7).is_ok()));
        let wait = pacer.check(7).unwrap_err();
        assert!(wait > Instant::now());
        assert!(pacer.check(8).is_ok(), "another chat has its own allowance");
    }

    #[test]
    fn a_sender_that_always_wakes_late_still_keeps_the_rate_and_never_exceeds_it() {
        for rate in [30, 200, 1000] {
            for late_ms in [1, 5, 15] {
                let sent = run(rate, 5, None, Duration::from_millis(late_ms));
                assert!(
                    busiest_window(&sent) <= rate as usize,
                    "rate {rate}, {late_ms} ms late"
                );
                let reached = sent.len() as f64 / (f64::from(rate) * 5.0);
                if rate >= 200 {
                    assert!(reached >= 0.95, "rate {rate}, {late_ms} ms late: {reached}");
                }
            }
        }
    }
}
