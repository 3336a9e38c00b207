//! A small HTTP/1.1 server for an axum router that is safe to face the internet: nobody can
//! hold it up by opening connections and sending nothing, or half a request.
//!
//! `axum::serve` has no timeouts and no cap on connections: a few hundred half-sent requests
//! used up the process's open files, and it stopped accepting. Here:
//!
//! - a request's headers must arrive within `header_read`, else the connection is closed;
//! - a connection with no request in progress is closed after `idle`;
//! - at most `max_connections` are open. When a new one comes at the cap, the connection that
//!   has been waiting longest without a request in progress is closed to make room (a client
//!   that is really sending a request is never the one dropped); only when every connection
//!   has a request in progress is the newcomer turned away.
//!
//! The body's own deadline is the handler's: see [`read_body`].

use std::{
    collections::HashMap,
    convert::Infallible,
    net::SocketAddr,
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, AtomicUsize, Ordering},
    },
    time::Duration,
};

use axum::{Router, body::Body, extract::Request};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::{net::TcpListener, task::JoinSet, time::Instant};
use tokio_util::sync::CancellationToken;

/// How long a client may take, and how many it may be.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub header_read: Duration,
    pub idle: Duration,
    pub max_connections: usize,
}

impl Limits {
    /// For a server that Telegram (or a browser) talks to from far away.
    pub fn for_the_internet() -> Limits {
        Limits {
            header_read: Duration::from_secs(10),
            idle: Duration::from_secs(60),
            max_connections: connection_cap(),
        }
    }
}

/// Open connections allowed: a few hundred, but always well inside the process's limit on open
/// files, leaving room for the database's files and the connections to Telegram.
fn connection_cap() -> usize {
    const WANTED: usize = 512;
    const KEPT_FOR_THE_REST: usize = 64;
    match open_files_limit() {
        Some(limit) => WANTED.min(limit.saturating_sub(KEPT_FOR_THE_REST)).max(8),
        None => WANTED,
    }
}

/// The soft limit on open files (`ulimit -n`).
pub fn open_files_limit() -> Option<usize> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct it is given.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    ok.then(|| usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX))
}

/// Raises the soft limit on open files to the hard one, as servers commonly do: the default
/// soft limit (often 1024, sometimes less) is a leftover, not a decision.
pub fn raise_open_files_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct they are given.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// One open connection, as the accept loop sees it.
struct Slot {
    /// Requests in progress on it (0 or 1 for HTTP/1.1).
    busy: AtomicUsize,
    /// When it last finished a request, or was opened: milliseconds since `epoch`.
    quiet_since: AtomicU64,
    close: CancellationToken,
}

struct Connections {
    epoch: Instant,
    open: Mutex<HashMap<u64, Arc<Slot>>>,
}

impl Connections {
    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Makes room for one more, closing the connection quiet longest if the cap is reached;
    /// `None` when every connection has a request in progress.
    fn admit(&self, id: u64, cap: usize) -> Option<Arc<Slot>> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if open.len() >= cap {
            let quietest = open
                .iter()
                .filter(|(_, slot)| slot.busy.load(Ordering::Acquire) == 0)
                .min_by_key(|(_, slot)| slot.quiet_since.load(Ordering::Acquire))
                .map(|(id, _)| *id)?;
            if let Some(slot) = open.remove(&quietest) {
                slot.close.cancel();
            }
        }
        let slot = Arc::new(Slot {
            busy: AtomicUsize::new(0),
            quiet_since: AtomicU64::new(self.now()),
            close: CancellationToken::new(),
        });
        open.insert(id, slot.clone());
        Some(slot)
    }

    fn forget(&self, id: u64) {
        self.open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
    }
}

/// Serves `router` on `listener` until `stop` is cancelled, then lets requests in progress
/// finish for up to `grace`. Returns whether everything finished within it.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    stop: CancellationToken,
    grace: Duration,
) -> bool {
    let connections = Arc::new(Connections {
        epoch: Instant::now(),
        open: Mutex::new(HashMap::new()),
    });
    let mut tasks = JoinSet::new();
    let mut next_id = 0u64;
    loop {
        let accepted = tokio::select! {
            _ = stop.cancelled() => break,
            accepted = listener.accept() => accepted,
            // Finished connections are reaped as we go.
            Some(_) = tasks.join_next(), if !tasks.is_empty() => continue,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of files or memory for a moment, or a connection reset before it was
                // accepted: carry on after a breath rather than spin.
                tracing::warn!(%error, "cannot accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        next_id += 1;
        let Some(slot) = connections.admit(next_id, limits.max_connections) else {
            tracing::warn!(
                max = limits.max_connections,
                "every connection has a request in progress; one more refused"
            );
            continue;
        };
        let _ = stream.set_nodelay(true);
        tasks.spawn(connection(
            stream,
            peer,
            router.clone(),
            limits,
            slot,
            stop.clone(),
            (connections.clone(), next_id),
        ));
    }
    drop(listener);
    tokio::time::timeout(grace, async { while tasks.join_next().await.is_some() {} })
        .await
        .is_ok()
}

async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    router: Router,
    limits: Limits,
    slot: Arc<Slot>,
    stop: CancellationToken,
    (connections, id): (Arc<Connections>, u64),
) {
    let service = {
        let (slot, connections) = (slot.clone(), connections.clone());
        hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            slot.busy.fetch_add(1, Ordering::AcqRel);
            let (slot, connections) = (slot.clone(), connections.clone());
            let mut router = router.clone();
            async move {
                let request: Request = request.map(Body::new);
                let response = tower_service::Service::call(&mut router, request).await;
                slot.quiet_since.store(connections.now(), Ordering::Release);
                slot.busy.fetch_sub(1, Ordering::AcqRel);
                Ok::<_, Infallible>(response.unwrap_or_else(|never| match never {}))
            }
        })
    };
    let served = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read)
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(served);
    let mut stopping = false;
    loop {
        let quiet_for = Duration::from_millis(
            connections
                .now()
                .saturating_sub(slot.quiet_since.load(Ordering::Acquire)),
        );
        let idle_check = tokio::time::sleep(limits.idle.saturating_sub(quiet_for));
        tokio::select! {
            result = served.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(%error, %peer, "connection ended");
                }
                break;
            }
            // Closed to make room for a newer connection.
            _ = slot.close.cancelled() => break,
            _ = stop.cancelled(), if !stopping => {
                stopping = true;
                served.as_mut().graceful_shutdown();
            }
            _ = idle_check => {
                let quiet = slot.busy.load(Ordering::Acquire) == 0;
                let quiet_since = slot.quiet_since.load(Ordering::Acquire);
                if quiet && connections.now().saturating_sub(quiet_since) >= limits.idle.as_millis() as u64 {
                    break;
                }
            }
        }
    }
    connections.forget(id);
}

/// Reads a request's body within `within` and the router's body limit: the body, or the
/// status to answer (408 when it came too slowly, 413 when it is too large).
pub async fn read_body(
    request: Request,
    within: Duration,
) -> Result<axum::body::Bytes, axum::http::StatusCode> {
    use axum::extract::FromRequest;
    use axum::response::IntoResponse;
    match tokio::time::timeout(within, axum::body::Bytes::from_request(request, &())).await {
        Err(_) => Err(axum::http::StatusCode::REQUEST_TIMEOUT),
        Ok(Err(rejection)) => Err(rejection.into_response().status()),
        Ok(Ok(body)) => Ok(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connections() -> Connections {
        Connections {
            epoch: Instant::now(),
            open: Mutex::new(HashMap::new()),
        }
    }

    #[test]
    fn at_the_cap_the_connection_quiet_longest_makes_room() {
        let connections = connections();
        let first = connections.admit(1, 2).unwrap();
        let second = connections.admit(2, 2).unwrap();
        second.quiet_since.store(10, Ordering::Release);
        first.quiet_since.store(20, Ordering::Release);
        let third = connections.admit(3, 2).unwrap();
        assert!(second.close.is_cancelled());
        assert!(!first.close.is_cancelled() && !third.close.is_cancelled());
        assert_eq!(connections.open.lock().unwrap().len(), 2);
    }

    #[test]
    fn a_connection_with_a_request_in_progress_is_never_the_one_closed() {
        let connections = connections();
        let busy = connections.admit(1, 1).unwrap();
        busy.busy.store(1, Ordering::Release);
        assert!(connections.admit(2, 1).is_none());
        assert!(!busy.close.is_cancelled());
        busy.busy.store(0, Ordering::Release);
        assert!(connections.admit(3, 1).is_some());
        assert!(busy.close.is_cancelled());
    }

    #[test]
    fn the_cap_stays_inside_the_open_files_limit() {
        let cap = connection_cap();
        assert!(cap >= 8);
        if let Some(limit) = open_files_limit() {
            assert!(cap <= limit.max(72) - 64, "{cap} for a limit of {limit}");
        }
    }
}
