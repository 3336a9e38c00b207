//! The bot's threads share one CPU.
//!
//! sqlx runs each SQLite connection on a thread of its own, so every query is a hand-off from
//! the async runtime to that thread and back (a few per update, see `store::batch`). Between two
//! CPUs of a virtual machine each hand-off wakes an idle CPU, which costs tens of
//! microseconds, far more than the statement; on one CPU it is a plain switch between two
//! threads. Measured with the engine benchmark on an idle 2-CPU VM: 1,128 updates a second
//! (p50 0.82 ms, 0.71 ms of CPU per update) spread over both CPUs, 4,973 a second (p50
//! 0.14 ms, 0.17 ms of CPU) on one. One CPU is also what the smallest server has.
//!
//! The CPU is the one the process started on, among those it may use, so `taskset` or
//! systemd's `CPUAffinity=` still choose where the bot runs, and several bots on one machine
//! (as in the tests) spread over its CPUs as the kernel placed them.

/// Keeps this thread, and every thread it starts from now on, to one CPU, scheduled as batch
/// work (see `batch_scheduling`). Returns the CPU, or `None` where the system does not allow
/// choosing (the bot then runs unpinned).
pub fn keep_to_one_cpu() -> Option<usize> {
    let allowed = core_affinity::get_core_ids()?;
    let current = current_cpu();
    let cpu = allowed
        .iter()
        .find(|core| Some(core.id) == current)
        .or(allowed.first())
        .copied()?;
    batch_scheduling();
    core_affinity::set_for_current(cpu).then_some(cpu.id)
}

/// Asks Linux to treat this thread, and the threads it starts, as batch work (`SCHED_BATCH`,
/// same priority): a thread woken up then waits for the running one to block rather than
/// taking the CPU from it at once. When the bot hands a statement to SQLite's thread, it goes
/// on with its other work until it has to wait, and SQLite's thread answers and waits for the
/// next statement before the bot runs again: two switches per statement instead of three or
/// four (measured: 15 switches per update became 6 in the end-to-end benchmark). Best effort.
#[cfg(target_os = "linux")]
fn batch_scheduling() {
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: `param` is a valid `sched_param` for the call's duration; pid 0 is this thread.
    let failed = unsafe { libc::sched_setscheduler(0, libc::SCHED_BATCH, &param) } != 0;
    if failed {
        tracing::debug!("batch scheduling not available");
    }
}

#[cfg(not(target_os = "linux"))]
fn batch_scheduling() {}

#[cfg(target_os = "linux")]
fn current_cpu() -> Option<usize> {
    // SAFETY: `sched_getcpu` takes nothing and only reads which CPU this thread is on.
    usize::try_from(unsafe { libc::sched_getcpu() }).ok()
}

#[cfg(not(target_os = "linux"))]
fn current_cpu() -> Option<usize> {
    None
}

/// The runtime the bot runs on: every task on the calling thread, on the CPU of
/// [`keep_to_one_cpu`], with SQLite's threads started from it on the same CPU. One thread
/// rather than a worker beside the main thread: the poller, the sender and the HTTP
/// connections then hand work to each other without waking another thread.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    one_malloc_arena();
    let cpu = keep_to_one_cpu();
    tracing::debug!(?cpu, "threads kept to one CPU");
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// Asks glibc's allocator for a single memory arena. By default each thread that allocates
/// gets an arena of its own and keeps what it freed there: SQLite's threads (the writer,
/// readers, reports, an export) each held megabytes the others could not reuse. The bot's
/// threads share one CPU, so they rarely wait for one another's allocations. Measured with
/// `cargo bench -- memory`: see the README's "Performance".
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn one_malloc_arena() {
    // SAFETY: `mallopt` only sets a tunable of the allocator; called before other threads.
    let set = unsafe { libc::mallopt(libc::M_ARENA_MAX, 1) } == 1;
    if !set {
        tracing::debug!("one malloc arena not available");
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn one_malloc_arena() {}

/// Puts every thread of this process whose name starts with `prefix` in Linux's idle class
/// (`SCHED_IDLE`): it runs when no other thread of the bot's CPU wants it, and gives the CPU
/// up the moment one is woken. For SQLite's threads that count a report over everyone
/// (`store::Database::reports`): on one CPU, the batch scheduling above would otherwise let
/// a two-second count finish its time slice before a woken reply could run. Best effort, and
/// idempotent: a thread already idle is left so.
#[cfg(target_os = "linux")]
pub fn run_as_background(prefix: &str) {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return;
    };
    for task in tasks.flatten() {
        let named = std::fs::read_to_string(task.path().join("comm"))
            .is_ok_and(|name| name.trim_end().starts_with(prefix));
        let Some(tid) = task.file_name().to_str().and_then(|t| t.parse().ok()) else {
            continue;
        };
        if named {
            idle(tid);
        }
    }
}

/// Puts the calling thread, and the threads it starts from now on, in the idle class (see
/// `run_as_background`).
#[cfg(target_os = "linux")]
pub fn run_this_thread_as_background() {
    idle(0);
}

/// `tid` 0 is the calling thread.
#[cfg(target_os = "linux")]
fn idle(tid: libc::pid_t) {
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: `param` is valid for the call; `tid` is this thread or one of this process (it
    // may have ended since, and the call then fails harmlessly).
    let failed = unsafe { libc::sched_setscheduler(tid, libc::SCHED_IDLE, &param) } != 0;
    if failed {
        tracing::debug!(tid, "idle scheduling not available");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn run_as_background(_prefix: &str) {}

#[cfg(not(target_os = "linux"))]
pub fn run_this_thread_as_background() {}
