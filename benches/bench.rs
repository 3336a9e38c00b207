//! `cargo bench`: figures for speed and footprint, on data the benchmark makes itself.
//!
//! ```sh
//! cargo bench                       # everything (about four minutes on 2 cores)
//! cargo bench -- engine e2e         # only the parts named: engine, e2e, broadcast, console,
//!                                   # agencies, memory
//! ```
//!
//! It prints a table and writes the figures as JSON to `target/bench/figures.json` (a run of
//! some parts replaces only their entries). `engine` runs the library in this process; `e2e`,
//! `broadcast` and `memory` run the real release binary (`cargo bench` builds it with the bench)
//! against the fake Bot API (`crates/fake-bot-api`), so the figures include teloxide,
//! HTTP and the sender's pacing exactly as in production. See README.md, "Performance".

#[path = "../tests/support/announce.rs"]
mod announce;
#[path = "../tests/support/bot_process.rs"]
mod bot_process;
use fake_bot_api as fake_api;

#[path = "bench/agencies.rs"]
mod agencies;
#[path = "bench/broadcast.rs"]
mod broadcast;
#[path = "bench/console.rs"]
mod console;
#[path = "bench/cpus.rs"]
mod cpus;
#[path = "bench/driver.rs"]
mod driver;
#[path = "bench/e2e.rs"]
mod e2e;
#[path = "bench/engine.rs"]
mod engine;
#[path = "bench/figures.rs"]
mod figures;
#[path = "bench/memory.rs"]
mod memory;
#[path = "bench/seed.rs"]
mod seed;
#[path = "bench/workload.rs"]
mod workload;

use figures::{Figure, Report};

/// The parts of the benchmark, in the order they run.
const PARTS: [&str; 6] = [
    "engine",
    "e2e",
    "broadcast",
    "console",
    "agencies",
    "memory",
];

fn main() {
    // `cargo bench -- engine` passes `engine --bench`.
    let names: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let unknown: Vec<&String> = names
        .iter()
        .filter(|n| !PARTS.contains(&n.as_str()))
        .collect();
    if !unknown.is_empty() {
        eprintln!("unknown benchmark {unknown:?}; the parts are {PARTS:?}");
        std::process::exit(2);
    }
    let selected = |part: &str| names.is_empty() || names.iter().any(|n| n == part);

    cpus::keep_apparatus_apart();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut report = Report::new();
    println!("{}", report.machine_line());
    println!("{}", cpus::description());
    for part in PARTS.into_iter().filter(|p| selected(p)) {
        println!("running {part} …");
        if part == "engine" {
            // On the runtime the bot runs on (its threads kept to one CPU), in a thread of its
            // own.
            let figures = std::thread::spawn(|| {
                desmigratif::cpu::runtime()
                    .expect("the bot's runtime")
                    .block_on(engine::run())
            })
            .join()
            .expect("engine benchmark");
            report.add(part, figures);
            continue;
        }
        let figures: Vec<Figure> = runtime.block_on(async {
            match part {
                "e2e" => e2e::run().await,
                "broadcast" => broadcast::run().await,
                "console" => console::run().await,
                "agencies" => agencies::run().await,
                _ => memory::run().await,
            }
        });
        report.add(part, figures);
    }
    report.finish();
}
