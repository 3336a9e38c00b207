use std::time::{Duration, Instant};

use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde_json::Value;

use crate::{
    conn::ConnHandle,
    request::Params,
    server::{ApiError, finish},
    state::{FakeState, Inner},
    types::{Call, Fault, Outcome},
};

/// What happens to a sending call before its method runs.
pub(crate) enum Gate {
    Pass,
    Reject { err: ApiError, violation: bool },
    Fault(Fault),
}

/// Penalty, flood window and injected faults, in that order, for one sending call.
pub(crate) fn gate_sending(st: &mut FakeState, at: Instant) -> Gate {
    if let Some(until) = st.penalty_until
        && at < until
    {
        let remaining = until.duration_since(at).as_secs_f64().ceil().max(1.0) as u32;
        return Gate::Reject {
            err: ApiError::retry_after(remaining),
            violation: st.penalty_given.is_none_or(|given| at >= given),
        };
    }
    if let Some(until) = st.flood_until
        && at < until
    {
        let secs = st.flood_retry_after;
        start_penalty(st, at, secs);
        return Gate::Reject {
            err: ApiError::retry_after(secs),
            violation: false,
        };
    }
    match st.faults.pop_front() {
        Some(Fault::RetryAfter(secs)) => {
            start_penalty(st, at, secs);
            Gate::Reject {
                err: ApiError::retry_after(secs),
                violation: false,
            }
        }
        Some(fault) => Gate::Fault(fault),
        None => Gate::Pass,
    }
}

fn start_penalty(st: &mut FakeState, at: Instant, secs: u32) {
    st.penalty_until = Some(at + Duration::from_secs(secs.into()));
    st.penalty_given = Some(Instant::now());
}

pub(crate) fn is_sending_method(lower: &str) -> bool {
    [
        "send",
        "edit",
        "answercallbackquery",
        "copy",
        "forward",
        "delete",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix))
        && !matches!(lower, "deletewebhook" | "deletemycommands")
}

/// Answers a non-429 fault; `None` means "carry on normally" (after a delay).
pub(crate) async fn apply_fault(
    inner: &Inner,
    conn: &ConnHandle,
    method: &str,
    recorded: &Params,
    at: Instant,
    fault: Fault,
) -> Option<Response> {
    let err = match fault {
        Fault::Delay(delay) => {
            tokio::time::sleep(delay).await;
            return None;
        }
        Fault::Drop => {
            conn.kill();
            inner.record(Call {
                method: method.to_owned(),
                params: Value::Object(recorded.clone()),
                at,
                outcome: Outcome::Dropped,
                description: None,
                during_penalty: false,
            });
            return Some(StatusCode::OK.into_response());
        }
        Fault::ServerError(status) => ApiError::server(status),
        Fault::RetryAfter(secs) => ApiError::retry_after(secs),
    };
    Some(finish(inner, method, recorded.clone(), at, Err(err), false))
}
