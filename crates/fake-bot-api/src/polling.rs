use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use axum::response::Response;
use serde_json::Value;

use crate::{
    conn::ConnHandle,
    faults::apply_fault,
    methods::allowed_updates_param,
    request::{Params, p_i64},
    server::{ApiError, finish},
    state::Inner,
};

const CONFLICT_POLL: &str = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const CONFLICT_WEBHOOK: &str = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

pub(crate) async fn get_updates(
    inner: &Arc<Inner>,
    conn: &ConnHandle,
    method: &str,
    p: &Params,
    recorded: Params,
    at: Instant,
) -> Response {
    let fault = inner.lock().get_updates_faults.pop_front();
    if let Some(fault) = fault
        && let Some(response) = apply_fault(inner, conn, method, &recorded, at, fault).await
    {
        return response;
    }
    let result = long_poll(inner, p).await;
    finish(inner, method, recorded, at, result, false)
}

/// Decrements the waiting-poller count even if the request future is dropped.
struct WaitingGuard<'a>(&'a Inner);

impl Drop for WaitingGuard<'_> {
    fn drop(&mut self) {
        let mut st = self.0.lock();
        st.waiting_pollers = st.waiting_pollers.saturating_sub(1);
        drop(st);
        self.0.notify_change();
    }
}

async fn long_poll(inner: &Inner, p: &Params) -> Result<Value, ApiError> {
    let offset = p_i64(p, "offset").unwrap_or(0);
    let limit = p_i64(p, "limit").unwrap_or(100).clamp(1, 100) as usize;
    let timeout = p_i64(p, "timeout").unwrap_or(0).clamp(0, 50) as u64;
    let generation = {
        let mut st = inner.lock();
        if st.webhook.is_some() {
            return Err(ApiError::new(409, CONFLICT_WEBHOOK));
        }
        if let Some(allowed) = allowed_updates_param(p) {
            st.allowed_updates = allowed;
        }
        st.confirm(offset);
        st.poll_generation += 1;
        st.waiting_pollers += 1;
        st.poll_generation
    };
    let _waiting = WaitingGuard(inner);
    // Wakes (and so terminates) any earlier poller.
    inner.wake_pollers();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
    let mut wakeups = inner.updates.subscribe();
    loop {
        wakeups.borrow_and_update();
        {
            let mut st = inner.lock();
            if st.poll_generation != generation {
                return Err(ApiError::new(
                    409,
                    if st.webhook.is_some() {
                        CONFLICT_WEBHOOK
                    } else {
                        CONFLICT_POLL
                    },
                ));
            }
            let batch = st.take_batch(limit);
            if !batch.is_empty() || tokio::time::Instant::now() >= deadline {
                return Ok(Value::Array(batch));
            }
        }
        tokio::select! {
            _ = wakeups.changed() => {}
            _ = tokio::time::sleep_until(deadline) => {}
        }
    }
}
