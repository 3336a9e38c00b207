//! Virtual users talking to the real binary through the fake Bot API, in a closed loop: each
//! sends its next step once the answer to the previous one arrived and a moment of "reading"
//! passed, like a person. Many of them at once make the load.
//!
//! Times are taken from the fake's records afterwards, never from this loop: an update is
//! *served* when the `getUpdates` call that carried it was answered (the call's arrival, or
//! the update's push if the call was already waiting), and *answered* when the first reply
//! for it (a callback answer for a press, else a message in the chat) reached the fake.

use std::{
    collections::{HashMap, HashSet},
    time::{Duration, Instant},
};

use rand::{Rng, SeedableRng, rngs::StdRng};

use crate::fake_api::{FakeApi, FakeState, UserSpec};
use crate::figures::percentile;
use crate::workload::{Script, Step, Users};

/// One update sent by a virtual user.
#[derive(Clone, Debug)]
pub struct Record {
    pub update_id: i64,
    pub chat: i64,
    pub pushed_at: Instant,
    /// Replies already in the chat when it was pushed.
    pub replies_before: usize,
    pub query: Option<String>,
}

struct Waiting {
    record: usize,
    expect: usize,
}

struct Virtual {
    script: Script,
    position: usize,
    waiting: Option<Waiting>,
    ready_at: Instant,
}

pub struct Driver {
    fake: FakeApi,
    users: Users,
    rng: StdRng,
    think: (Duration, Duration),
    active: Vec<Virtual>,
    known: HashSet<i64>,
    next_update_id: i64,
    /// Messages with this text (a broadcast's copies) are not replies.
    ignore_text: Option<String>,
    pub records: Vec<Record>,
}

/// What the fake saw of the records.
pub struct Timings {
    /// (served, first reply) for every answered record.
    pub answered: Vec<(Instant, Instant)>,
    /// Push to first reply, for every answered record.
    pub from_push: Vec<(Instant, Duration)>,
    pub unanswered: usize,
}

impl Timings {
    /// Throughput and latencies of the updates answered inside `[from, to)`.
    pub fn window(&self, from: Instant, to: Instant) -> (f64, Vec<Duration>) {
        let inside: Vec<Duration> = self
            .answered
            .iter()
            .filter(|(_, answered)| *answered >= from && *answered < to)
            .map(|(served, answered)| answered.saturating_duration_since(*served))
            .collect();
        let rate = inside.len() as f64 / to.duration_since(from).as_secs_f64();
        (rate, inside)
    }

    pub fn reply_times_pushed_within(&self, from: Instant, to: Instant) -> Vec<Duration> {
        self.from_push
            .iter()
            .filter(|(pushed, _)| *pushed >= from && *pushed < to)
            .map(|(_, d)| *d)
            .collect()
    }
}

fn replies_in(state: &FakeState, chat: i64, ignore: Option<&str>) -> usize {
    match ignore {
        None => state.sent_to(chat).len(),
        Some(text) => state
            .sent_to(chat)
            .iter()
            .filter(|m| m.text.as_deref() != Some(text))
            .count(),
    }
}

impl Driver {
    /// `count` virtual users, each pausing `think` (a range) between an answer and its next
    /// step. Update ids are counted from `first_update_id`, which must be above any used.
    pub fn new(
        fake: FakeApi,
        mut users: Users,
        count: usize,
        think: (Duration, Duration),
        first_update_id: i64,
    ) -> Driver {
        fake.set_next_update_id(first_update_id);
        let now = Instant::now();
        let mut rng = StdRng::seed_from_u64(first_update_id as u64);
        let active = (0..count)
            .map(|_| Virtual {
                script: users.script(),
                position: 0,
                waiting: None,
                // Spread the first steps over one think time.
                ready_at: now + think.1.mul_f64(rng.random_range(0.0..1.0)),
            })
            .collect();
        Driver {
            fake,
            users,
            rng,
            think,
            active,
            known: HashSet::new(),
            next_update_id: first_update_id,
            ignore_text: None,
            records: Vec::new(),
        }
    }

    pub fn ignoring(mut self, text: &str) -> Driver {
        self.ignore_text = Some(text.to_owned());
        self
    }

    /// Runs the loop for `duration`; updates still unanswered at the end stay unanswered.
    pub async fn run_for(&mut self, duration: Duration) {
        let deadline = Instant::now() + duration;
        while Instant::now() < deadline {
            self.collect_answers();
            self.send_due();
            tokio::time::sleep(Duration::from_millis(3)).await;
        }
    }

    fn collect_answers(&mut self) {
        let ignore = self.ignore_text.clone();
        let records = &self.records;
        let done: Vec<usize> = self.fake.with_state(|s| {
            self.active
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    let w = v.waiting.as_ref()?;
                    let r = &records[w.record];
                    let messages = replies_in(s, r.chat, ignore.as_deref());
                    let pressed = r
                        .query
                        .as_ref()
                        .is_none_or(|q| s.callback_answer(q).is_some());
                    (pressed && messages >= r.replies_before + w.expect).then_some(i)
                })
                .collect()
        });
        let now = Instant::now();
        for i in done {
            let pause = self.rng.random_range(self.think.0..=self.think.1);
            let v = &mut self.active[i];
            v.waiting = None;
            v.position += 1;
            v.ready_at = now + pause;
            if v.position == v.script.steps.len() {
                v.script = self.users.script();
                v.position = 0;
            }
        }
    }

    fn send_due(&mut self) {
        let now = Instant::now();
        for i in 0..self.active.len() {
            let v = &self.active[i];
            if v.waiting.is_some() || v.ready_at > now {
                continue;
            }
            let (user, lang) = (v.script.user, v.script.lang);
            let (step, expect) = v.script.steps[v.position].clone();
            if self.known.insert(user) {
                self.fake
                    .add_user(UserSpec::new(user, "Warga").language(lang));
            }
            let record = self.push(user, &step);
            self.records.push(record);
            self.active[i].waiting = Some(Waiting {
                record: self.records.len() - 1,
                expect,
            });
        }
    }

    fn push(&mut self, user: i64, step: &Step) -> Record {
        let ignore = self.ignore_text.clone();
        let (replies_before, last_message) = self.fake.with_state(|s| {
            let last = s
                .last_bot_message(user)
                .and_then(|m| m.get("message_id"))
                .and_then(|id| id.as_i64());
            (replies_in(s, user, ignore.as_deref()), last)
        });
        let pushed_at = Instant::now();
        let fake = &self.fake;
        let mut query = None;
        let id = match step {
            Step::Text(text) => fake.push_text(user, text),
            Step::Press(data) => {
                let message = last_message.unwrap_or(1) as i32;
                query = Some(fake.push_callback(user, message, data));
                self.next_update_id
            }
            Step::Sticker => fake.push_sticker(user, "\u{1F600}"),
            Step::Photo => fake.push_photo(user, b"\xFF\xD8\xFFjpeg", None),
            Step::Voice => fake.push_voice(user, 2, b"OggS"),
            Step::Location => fake.push_location(user, -6.33, 108.32),
            Step::Contact(phone) => fake.push_contact(user, phone, None),
            Step::Forwarded(text) => fake.push_forwarded_text(user, text, "Seseorang"),
        };
        self.next_update_id = id + 1;
        Record {
            update_id: id,
            chat: user,
            pushed_at,
            replies_before,
            query,
        }
    }

    /// Matches every record with the fake's calls.
    pub fn timings(&self) -> Timings {
        let ignore = self.ignore_text.clone();
        let calls = self.fake.calls();
        let mut polls: Vec<(Instant, i64)> = calls
            .iter()
            .filter(|c| c.is("getUpdates") && c.is_ok())
            .map(|c| {
                let offset = c
                    .param_str("offset")
                    .and_then(|o| o.parse().ok())
                    .unwrap_or(0);
                (c.at, offset)
            })
            .collect();
        polls.sort_by_key(|(at, _)| *at);
        let mut answers: HashMap<String, Instant> = HashMap::new();
        for call in calls
            .iter()
            .filter(|c| c.is("answerCallbackQuery") && c.is_ok())
        {
            if let Some(q) = call.param_str("callback_query_id") {
                answers.entry(q).or_insert(call.at);
            }
        }
        let replies: HashMap<i64, Vec<Instant>> = self.fake.with_state(|s| {
            let chats: HashSet<i64> = self.records.iter().map(|r| r.chat).collect();
            chats
                .into_iter()
                .map(|chat| {
                    let times = s
                        .sent_to(chat)
                        .iter()
                        .filter(|m| ignore.is_none() || m.text != ignore)
                        .map(|m| m.at)
                        .collect();
                    (chat, times)
                })
                .collect()
        });
        let mut timings = Timings {
            answered: Vec::new(),
            from_push: Vec::new(),
            unanswered: 0,
        };
        for r in &self.records {
            let message = replies
                .get(&r.chat)
                .and_then(|times| times.get(r.replies_before))
                .copied();
            let answer = r.query.as_ref().and_then(|q| answers.get(q)).copied();
            let first = match (message, answer) {
                (Some(m), Some(a)) => Some(m.min(a)),
                (m, a) => m.or(a),
            };
            let Some(first) = first else {
                timings.unanswered += 1;
                continue;
            };
            // The last poll whose offset had not yet confirmed this update carried it.
            // (Offsets only grow from one poll to the next.)
            let carried = polls.partition_point(|(_, offset)| *offset <= r.update_id);
            let served = match carried {
                0 => r.pushed_at,
                n => polls[n - 1].0.max(r.pushed_at),
            };
            timings.answered.push((served, first));
            timings
                .from_push
                .push((r.pushed_at, first.saturating_duration_since(r.pushed_at)));
        }
        timings
    }
}

/// The p50 and p99 of a sample, for printing.
pub fn p50_p99(samples: &[Duration]) -> (Duration, Duration) {
    (percentile(samples, 50.0), percentile(samples, 99.0))
}
